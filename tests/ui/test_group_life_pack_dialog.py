"""Printing the handover pack from the panel: language, the typed line (never stored),
dial-in details only for a phone or video group and only when ticked."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import read_content
from initiator_desktop.core.handover import plan_follow_up
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Place, PlaceKind
from initiator_desktop.core.preparation import add_contact
from initiator_desktop.printing.handover_pack import HandoverPackJob
from initiator_desktop.ui.group_life.handover_pack_dialog import HandoverPackDialog
from tests.ui.test_group_life_panel import starting_group


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_pack_is_saved_in_the_chosen_language(qtbot: QtBot, tmp_path: Path) -> None:
    repo = MemoryRepository()
    group = starting_group(repo)
    add_contact(repo, group.id, "Kari-Kontakt", "912 34 567")
    plan_follow_up(repo, group.id, date(2026, 5, 5), date(2026, 3, 9))
    before = read_content(repo)
    documents = repo.group_document(group.id, "follow_up")
    target = tmp_path / "pack.pdf"
    dialog = HandoverPackDialog(repo, group.id, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    assert dialog.with_dial_in.isHidden()  # a room: nothing to join by phone
    assert "5 May 2026" in dialog.follow_up_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    qtbot.keyClicks(dialog.contact_line, "Ring meg på 900 00 000")
    dialog.save_button.click()
    assert dialog.written == target
    text = pdf_text(target)
    assert "Tirsdagsgruppa" in text and "Ring meg på 900 00 000" in text
    assert "5. mai 2026" in text and "tirsdag kl. 18:00" in text.casefold()
    assert "Sorg" not in text and "Kari-Kontakt" not in text and "912 34 567" not in text
    assert read_content(repo) == before  # the typed line is not stored anywhere
    assert "900 00 000" not in repr(repo._state)
    assert repo.group_document(group.id, "follow_up") == documents


def test_preview_and_dial_in_for_a_phone_group(qtbot: QtBot) -> None:
    repo = MemoryRepository()
    group = starting_group(repo)
    phone = Place(name="Telefonmøtet", kind=PlaceKind.PHONE,
                  dial_in="Ring 22 00 00 00, kode 4471")
    repo.save_place(phone)
    repo.save_group(replace(group, place_id=phone.id))
    shown: list[HandoverPackJob] = []
    dialog = HandoverPackDialog(repo, group.id, preview=lambda _parent, job: shown.append(job))
    qtbot.addWidget(dialog)
    assert not dialog.with_dial_in.isHidden()
    dialog.preview_button.click()
    dialog.with_dial_in.setChecked(True)
    dialog.preview_button.click()
    first, second = shown
    assert not any("4471" in line for line in first.meetings)
    assert any("4471" in line for line in second.meetings)
    assert "No follow-up visit is planned yet" in dialog.follow_up_note.text()


def test_an_unwritable_target_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    repo = MemoryRepository()
    group = starting_group(repo)
    target = tmp_path / "missing-folder" / "pack.pdf"
    dialog = HandoverPackDialog(repo, group.id, choose_path=lambda *_: target)
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert dialog.written is None
    assert "could not be written" in dialog.message.text()
    cancelled = HandoverPackDialog(repo, group.id, choose_path=lambda *_: None)
    qtbot.addWidget(cancelled)
    cancelled.save_button.click()
    assert cancelled.written is None and cancelled.message.text() == ""
