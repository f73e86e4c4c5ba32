"""Backups from the Vault menu, restoring from the start dialog, checking, and settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.storage.backup import restore_backup, write_backup
from initiator_desktop.storage.errors import VaultDataMissing
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.vault import CheckReport, Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.settings import ALLOWED_KEYS, AppSettings
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.start.start_dialog import StartDialog
from initiator_desktop.ui.vault.backup_files import default_backup_name
from initiator_desktop.ui.vault.check_vault_dialog import CheckVaultDialog, report_lines
from initiator_desktop.ui.vault.settings_dialog import SettingsDialog
from tests.ui.conftest import PASSPHRASE, fixed_clock

LEFT = Qt.MouseButton.LeftButton
NEW_PASSPHRASE = "en annen lang frase"


def chooser(answer: Path | None, asked: list[tuple[str, Path]] | None = None) -> PathChooser:
    def choose(_parent: QWidget, caption: str, start: Path) -> Path | None:
        if asked is not None:
            asked.append((caption, start))
        return answer

    return choose


def make_start_dialog(qtbot: QtBot, settings: AppSettings, path: Path | None,
                      backup: Path | None = None, target: Path | None = None) -> StartDialog:
    dialog = StartDialog(settings, preselected=path, choose_backup=chooser(backup),
                         choose_new=chooser(target))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_default_backup_name() -> None:
    assert default_backup_name(date(2026, 3, 2)) == "initiator-backup-2026-03-02.igbackup"


def test_back_up_now_through_the_menu(
    qtbot: QtBot, filled_vault: Vault, settings: AppSettings, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "mine.igbackup"
    asked: list[tuple[str, Path]] = []
    window = MainWindow(filled_vault.repo, settings, clock=fixed_clock, vault=filled_vault,
                        choose_backup=chooser(target, asked))
    qtbot.addWidget(window)
    window.show()
    assert window.vault_menu is not None
    window.vault_menu.backup_action.trigger()
    assert target.is_file()
    assert asked[0][1].name.startswith("initiator-backup-")
    assert asked[0][1].name.endswith(".igbackup")
    assert "mine.igbackup" in window.notice.text()

    restored = tmp_path / "restored.vault"
    restore_backup(target, restored, passphrase=PASSPHRASE)
    with Vault.open(restored, PASSPHRASE) as vault:
        assert len(vault.repo.groups()) == 3


def test_back_up_now_cancelled_writes_nothing(
    qtbot: QtBot, vault: Vault, settings: AppSettings, tmp_path: Path
) -> None:
    window = MainWindow(vault.repo, settings, clock=fixed_clock, vault=vault,
                        choose_backup=chooser(None))
    qtbot.addWidget(window)
    assert window.vault_menu is not None
    window.vault_menu.backup_action.trigger()
    assert not window.notice.isVisibleTo(window)


@pytest.fixture
def backup_file(filled_vault: Vault, tmp_path: Path) -> tuple[Path, str]:
    """A backup of the filled vault, and the vault's recovery key."""
    key = filled_vault.recovery_key
    assert key is not None
    path = tmp_path / "saved.igbackup"
    write_backup(filled_vault, path)
    return path, key


def test_restore_with_the_passphrase_from_the_start_dialog(
    qtbot: QtBot, settings: AppSettings, backup_file: tuple[Path, str], tmp_path: Path
) -> None:
    source, _key = backup_file
    target = tmp_path / "elsewhere" / "back.vault"
    dialog = make_start_dialog(qtbot, settings, None, backup=source, target=target)
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.open_page.restore_button, LEFT)
    page = dialog.restore_page
    assert dialog.stack.currentWidget() is page
    qtbot.mouseClick(page.source_button, LEFT)
    qtbot.mouseClick(page.target_button, LEFT)
    assert page.source_edit.text() == str(source)
    assert page.target_edit.text() == str(target)
    page.passphrase.line_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.mouseClick(page.restore_button, LEFT)
    vault = dialog.vault()
    assert vault is not None and vault.path == target
    assert len(vault.repo.groups()) == 3
    vault.close()


def test_restore_with_the_recovery_key_over_an_existing_vault(
    qtbot: QtBot, settings: AppSettings, backup_file: tuple[Path, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, key = backup_file
    target = tmp_path / "taken.vault"
    Vault.create(target, "some other passphrase").close()
    dialog = make_start_dialog(qtbot, settings, target, backup=source)
    qtbot.mouseClick(dialog.open_page.restore_button, LEFT)
    page = dialog.restore_page
    assert page.target_edit.text() == str(target)
    page.source_edit.setText(str(source))
    page.with_key.setChecked(True)
    assert page.key_edit.isVisible() and not page.passphrase.isVisible()
    page.key_edit.setText(key)
    page.new_passphrase.passphrase.line_edit.setText(NEW_PASSPHRASE)
    page.new_passphrase.repeat.line_edit.setText(NEW_PASSPHRASE)

    questions: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(message_boxes, "confirm",
                        lambda _p, title, _t, _a: questions.append(title) or next(answers))
    qtbot.mouseClick(page.restore_button, LEFT)  # "no": nothing happens
    assert dialog.vault() is None
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.mouseClick(page.restore_button, LEFT)
    assert len(questions) == 2
    vault = dialog.vault()
    assert vault is not None and len(vault.repo.groups()) == 3
    vault.close()
    aside = [p.name for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(aside) == 2  # the old vault and its key file, renamed, not deleted
    with Vault.open(target, NEW_PASSPHRASE):
        pass


def test_restore_explains_what_is_missing(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path
) -> None:
    dialog = make_start_dialog(qtbot, settings, None)
    qtbot.mouseClick(dialog.open_page.restore_button, LEFT)
    page = dialog.restore_page
    page.target_edit.clear()
    qtbot.mouseClick(page.restore_button, LEFT)
    assert page.error.text() == "Choose the backup file first."
    page.source_edit.setText(str(tmp_path / "x.igbackup"))
    page.with_key.setChecked(True)
    page.target_edit.setText(str(tmp_path / "y.vault"))
    page.key_edit.setText("123")
    qtbot.mouseClick(page.restore_button, LEFT)
    assert "Block 1" in page.error.text()
    qtbot.mouseClick(page.back_button, LEFT)
    assert dialog.stack.currentWidget() is dialog.tabs


def test_a_missing_data_file_offers_the_restore(
    qtbot: QtBot, settings: AppSettings, backup_file: tuple[Path, str], tmp_path: Path,
    filled_vault: Vault, monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, _key = backup_file
    path = filled_vault.path
    filled_vault.close()
    path.write_bytes(b"")  # the data file is emptied; its key file remains
    dialog = make_start_dialog(qtbot, settings, path, backup=source)
    open_page = dialog.open_page
    open_page.passphrase.line_edit.setText(PASSPHRASE)
    qtbot.mouseClick(open_page.unlock_button, LEFT)
    assert open_page.error.text() == VaultDataMissing.message
    assert open_page.restore_offer.isVisible()

    qtbot.mouseClick(open_page.restore_offer, LEFT)
    page = dialog.restore_page
    assert dialog.stack.currentWidget() is page
    assert page.target_edit.text() == str(path)
    qtbot.mouseClick(page.source_button, LEFT)
    page.passphrase.line_edit.setText(PASSPHRASE)
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: True)
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.mouseClick(page.restore_button, LEFT)
    vault = dialog.vault()
    assert vault is not None and len(vault.repo.groups()) == 3
    vault.close()
    assert key_file_path(path).is_file()


def test_check_the_vault_reports_in_plain_words(
    qtbot: QtBot, vault: Vault
) -> None:
    dialog = CheckVaultDialog(vault.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.check_button, LEFT)
    assert dialog.error.text() == "Type the passphrase for this vault."
    dialog.passphrase.line_edit.setText("wrong wrong wrong")
    qtbot.mouseClick(dialog.check_button, LEFT)
    assert "not right" in dialog.error.text()
    dialog.passphrase.line_edit.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, LEFT)
    assert dialog.report.isVisible()
    assert dialog.report.label.text().startswith("The vault is in good order.")
    assert dialog.passphrase.text() == ""


def test_report_lines_for_problems() -> None:
    report = CheckReport(schema_version=2, latest_version=2, cipher_problems=("p1", "p2"),
                         integrity_problems=("x",), foreign_key_problems=1)
    lines = report_lines(report)
    assert lines[0].startswith("The check found problems.")
    assert "2 encrypted pages are damaged." in lines
    assert "The database check reported 1 problem." in lines
    assert "1 entry points to something that is missing." in lines


def test_settings_dialog_stores_only_allowed_numbers(
    qtbot: QtBot, settings: AppSettings
) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.auto_lock.isChecked() and dialog.minutes.value() == 5
    assert dialog.hide_seconds.value() == 30 and dialog.backups.value() == 5
    dialog.minutes.setValue(12)
    dialog.hide_seconds.setValue(0)
    dialog.backups.setValue(30)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (settings.auto_lock_minutes(), settings.quick_hide_seconds(),
            settings.rolling_backups()) == (12, 0, 30)

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.hide_seconds.text() == "At once"
    dialog.auto_lock.setChecked(False)
    assert not dialog.minutes.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert settings.auto_lock_minutes() == 0
    assert set(settings.stored_keys()) <= ALLOWED_KEYS


def test_settings_cancel_changes_nothing(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(40)
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert settings.auto_lock_minutes() == 5
    assert settings.stored_keys() == []
