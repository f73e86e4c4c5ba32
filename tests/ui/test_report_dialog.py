"""The report from the app: totals only by default, groups and themes on request."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.content import add_content
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.ui.reports.report_dialog import ReportDialog

TODAY = date(2026, 11, 28)


def clock() -> datetime:
    return datetime(2026, 11, 28, 12, 0, tzinfo=OSLO)


def _repo() -> MemoryRepository:
    repo = MemoryRepository()
    add_content(repo, demo_content(TODAY))
    return repo


def test_default_pdf_names_no_group_and_no_theme(qtbot: QtBot, tmp_path: Path) -> None:
    repo = _repo()
    target = tmp_path / "report.pdf"
    dialog = ReportDialog(repo, clock=clock, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    assert dialog.warning.isHidden() and not dialog.groups.isEnabled()
    dialog.save()
    assert dialog.written == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for group in repo.groups():
        assert group.name not in text
        assert group.theme not in text


def test_named_groups_as_csv(qtbot: QtBot, tmp_path: Path) -> None:
    repo = _repo()
    target = tmp_path / "report.csv"
    dialog = ReportDialog(repo, clock=clock, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("csv"))
    dialog.name_groups.setChecked(True)
    dialog.save()
    assert "Tick the groups" in dialog.message.text()  # none ticked yet
    item = next(dialog.groups.item(i) for i in range(dialog.groups.count())
                if dialog.groups.item(i).text() == "Tirsdagsgruppa")
    item.setCheckState(Qt.CheckState.Checked)
    dialog.save()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["section", "name", "from", "to", "measure", "value"]
    assert any(row[1] == "Tirsdagsgruppa" for row in rows[1:])
    assert not any(row[1] == "Torsdagsgruppa" for row in rows[1:])


def test_theme_warning_and_json(qtbot: QtBot, tmp_path: Path) -> None:
    repo = _repo()
    target = tmp_path / "report.json"
    dialog = ReportDialog(repo, clock=clock, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("json"))
    dialog.by_theme.setChecked(True)
    assert not dialog.warning.isHidden()
    dialog.min_count.setValue(2)  # the spin box does not go below 3
    assert dialog.min_count.value() == 3
    dialog.save()
    assert json.loads(target.read_text(encoding="utf-8"))


def test_a_period_that_ends_before_it_starts(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ReportDialog(_repo(), clock=clock, choose_path=lambda *_: tmp_path / "x.pdf")
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 6, 1))
    dialog.end.setDate(QDate(2026, 5, 1))
    dialog.save()
    assert dialog.written is None and dialog.message.text()
    assert not (tmp_path / "x.pdf").exists()
