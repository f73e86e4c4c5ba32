"""The recovery sheet (PDF and printer) and the clipboard guard behind "Copy"."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import VaultContent
from initiator_desktop.printing.recovery_sheet import (
    RecoverySheet,
    Role,
    key_lines,
    paint_on,
    sheet_blocks,
    sheet_for_vault,
    write_pdf,
)
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.language import apply_language
from initiator_desktop.ui.lock.clipboard_guard import ClipboardGuard
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.start_dialog import StartDialog
from initiator_desktop.ui.vault.recovery_key_actions import RecoveryKeyActions
from tests.ui.conftest import PASSPHRASE
from tests.ui.widget_texts import demo_secrets

KEY = "123453-234564-345675-456786-567897-678909-000000-111111"
SHEET = RecoverySheet(key=KEY, vault_file="groups.vault", created=date(2026, 3, 2),
                      made=date(2026, 3, 5))


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                            capture_output=True, text=True)
    return result.stdout


def test_the_key_is_laid_out_in_two_lines_of_four_groups() -> None:
    assert key_lines(KEY) == ["123453  234564  345675  456786",
                              "567897  678909  000000  111111"]
    roles = [block.role for block in sheet_blocks(SHEET)]
    assert roles.count(Role.KEY) == 2
    texts = " ".join(block.text for block in sheet_blocks(SHEET))
    assert "groups.vault" in texts and "2 March 2026" in texts
    assert "cloud folder" in texts


def test_sheet_for_vault_takes_the_file_name_and_the_creation_day() -> None:
    sheet = sheet_for_vault(KEY, Path("/somewhere/private/mine.vault"),
                            "2026-03-02T10:00:00+00:00", today=date(2026, 4, 1))
    assert sheet == RecoverySheet(KEY, "mine.vault", date(2026, 3, 2), date(2026, 4, 1))
    assert sheet_for_vault(KEY, Path("x.vault"), "").created is None


def test_the_pdf_holds_the_key_on_one_page_and_no_group_data(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], tmp_path: Path
) -> None:
    path, content = demo_vault
    with Vault.open(path, PASSPHRASE) as vault:
        key = vault.renew_recovery_key()
        sheet = sheet_for_vault(key, vault.path, vault.keys.created_at)
    pdf = tmp_path / "sheet.pdf"
    write_pdf(sheet, pdf)
    text = pdf_text(pdf)
    assert text.count("\f") <= 1  # one page
    flat = " ".join(text.split())
    for line in key_lines(key):
        assert " ".join(line.split()) in flat
    assert "demo.vault" in flat
    for secret in demo_secrets(content):
        assert secret not in text
        assert secret.encode() not in pdf.read_bytes()


def test_printing_goes_through_a_qprinter(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    paint_on(SHEET, printer)
    assert "Recovery key for Initiator Desktop" in pdf_text(out)


def test_save_as_pdf_and_print_from_the_buttons(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "chosen.pdf"
    printed: list[RecoverySheet] = []

    def print_sheet(_parent: QWidget, sheet: RecoverySheet) -> bool:
        printed.append(sheet)
        return True

    actions = RecoveryKeyActions(choose_pdf=lambda *_args: target, print_sheet=print_sheet)
    qtbot.addWidget(actions)
    actions.set_sheet(SHEET)
    actions.pdf_action.trigger()
    assert target.is_file()
    assert "chosen.pdf" in actions.status.text()
    actions.print_action.trigger()
    assert printed == [SHEET]
    actions.set_sheet(None)
    actions.print_action.trigger()
    assert printed == [SHEET]


def test_copy_clears_the_clipboard_after_the_timeout(qtbot: QtBot) -> None:
    guard = ClipboardGuard(clear_after_ms=100)
    actions = RecoveryKeyActions(guard=guard)
    qtbot.addWidget(actions)
    actions.set_sheet(SHEET)
    actions.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == KEY
    assert "emptied again" in actions.status.text()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)


def test_the_guard_leaves_text_the_person_copied_since(qtbot: QtBot) -> None:
    guard = ClipboardGuard(clear_after_ms=50)
    guard.copy(KEY)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something of their own")
    with qtbot.waitSignal(guard._timer.timeout, timeout=3000):
        pass
    assert clipboard.text() == "something of their own"
    guard.copy(KEY)
    guard.clear_if_ours()
    assert clipboard.text() == ""
    clipboard.clear()


def test_a_new_vault_shows_its_key_with_copy_and_print(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path
) -> None:
    dialog = StartDialog(settings)
    qtbot.addWidget(dialog)
    page = dialog.create_page
    page.path_edit.setText(str(tmp_path / "fresh.vault"))
    page.passphrase.line_edit.setText(PASSPHRASE)
    page.repeat.line_edit.setText(PASSPHRASE)
    page.create_button.click()
    recovery = dialog.recovery_page
    assert dialog.stack.currentWidget() is recovery
    sheet = recovery.key_actions._sheet
    assert sheet is not None and sheet.vault_file == "fresh.vault"
    assert sheet.key == recovery.key_box.label.text().replace("\n", "")
    recovery.written.setChecked(True)
    recovery.continue_button.click()
    assert recovery.key_actions._sheet is None
    vault = dialog.vault()
    assert vault is not None
    vault.close()


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_page_sizes_survive_the_qt_translator(qtbot: QtBot, language: str) -> None:
    """Qt's own texts that our catalogs do not list must stay as they are, not turn blank."""
    apply_language(language)
    try:
        assert QPageSize(QPageSize.PageSizeId.A4).isValid()
        assert QCoreApplication.translate("QPrintDialog", "Page Setup") != ""
    finally:
        apply_language("en")
