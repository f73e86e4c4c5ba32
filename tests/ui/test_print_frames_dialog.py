"""Printing a group's frames from the GUI: format, language and PDF, never the theme."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import add_content
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.ui.printing.print_frames_dialog import PrintFramesDialog


def _repo() -> tuple[MemoryRepository, str]:
    repo = MemoryRepository()
    add_content(repo, demo_content(date(2026, 11, 28)))
    group = next(g for g in repo.groups() if g.name == "Tirsdagsgruppa")
    return repo, group.id


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_cards_in_the_chosen_language_with_the_time(qtbot: QtBot, tmp_path: Path) -> None:
    repo, group_id = _repo()
    target = tmp_path / "cards.pdf"
    dialog = PrintFramesDialog(repo, group_id, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("nn"))
    dialog.card_format.setCurrentIndex(dialog.card_format.findData("a6"))
    dialog.with_time.setChecked(True)
    dialog.save_button.click()
    assert dialog.written == target
    text = _text(target)
    assert "Tirsdagsgruppa" in text
    assert "tysdag" in text.casefold()  # the weekday in Nynorsk
    assert "Sorg" not in text  # never the theme


def test_declaration_and_preview(qtbot: QtBot, tmp_path: Path) -> None:
    repo, group_id = _repo()
    shown: list[object] = []
    target = tmp_path / "declaration.pdf"
    dialog = PrintFramesDialog(repo, group_id, choose_path=lambda *_: target,
                               preview=lambda _parent, job: shown.append(job) or True)
    qtbot.addWidget(dialog)
    dialog.declaration.setChecked(True)
    assert not dialog.card_format.isEnabled()
    dialog.preview_button.click()
    assert len(shown) == 1
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save_button.click()
    assert "Confidentiality declaration" in _text(target)


def test_unwritable_target_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    repo, group_id = _repo()
    dialog = PrintFramesDialog(repo, group_id,
                               choose_path=lambda *_: tmp_path / "missing" / "x.pdf")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert dialog.written is None
    assert dialog.message.text().startswith("The file could not be written")
