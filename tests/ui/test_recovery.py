"""The recovery key and the passphrase: unlocking with the key, changing, renewing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from initiator_desktop.storage.errors import WrongPassphrase, WrongRecoveryKey
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.recovery_unlock_page import group_span
from initiator_desktop.ui.start.start_dialog import StartDialog
from initiator_desktop.ui.vault.change_passphrase_dialog import ChangePassphraseDialog
from initiator_desktop.ui.vault.new_recovery_key_dialog import NewRecoveryKeyDialog
from tests.ui.conftest import PASSPHRASE, fixed_clock

LEFT = Qt.MouseButton.LeftButton
NEW_PASSPHRASE = "helt ny og lang frase"


@pytest.fixture
def keyed_vault(tmp_path: Path) -> tuple[Path, str]:
    """A closed vault and its recovery key."""
    path = tmp_path / "keyed.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        assert vault.recovery_key is not None
        return path, vault.recovery_key


def make_dialog(qtbot: QtBot, settings: AppSettings, path: Path) -> StartDialog:
    dialog = StartDialog(settings, preselected=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_unlocking_with_the_recovery_key_forces_a_new_passphrase(
    qtbot: QtBot, settings: AppSettings, keyed_vault: tuple[Path, str]
) -> None:
    path, key = keyed_vault
    dialog = make_dialog(qtbot, settings, path)
    qtbot.mouseClick(dialog.open_page.forgot_button, LEFT)
    page = dialog.recovery_unlock_page
    assert dialog.stack.currentWidget() is page
    assert path.name in page.vault_note.text()
    qtbot.keyClicks(page.key_edit, key.replace("-", " "))
    qtbot.mouseClick(page.unlock_button, LEFT)

    # The vault is open, but nothing goes on without a new passphrase.
    new_page = dialog.new_passphrase_page
    assert dialog.stack.currentWidget() is new_page
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not new_page.save_button.isEnabled()
    qtbot.keyClicks(new_page.fields.passphrase.line_edit, NEW_PASSPHRASE)
    assert new_page.fields.strength.text().startswith("Strength:")
    qtbot.keyClicks(new_page.fields.repeat.line_edit, NEW_PASSPHRASE)
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.mouseClick(new_page.save_button, LEFT)
    vault = dialog.vault()
    assert vault is not None and not vault.must_change_passphrase
    vault.close()

    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    with Vault.open(path, NEW_PASSPHRASE) as reopened:
        assert reopened.is_open


def test_closing_before_the_new_passphrase_closes_the_vault(
    qtbot: QtBot, settings: AppSettings, keyed_vault: tuple[Path, str]
) -> None:
    path, key = keyed_vault
    dialog = make_dialog(qtbot, settings, path)
    qtbot.mouseClick(dialog.open_page.forgot_button, LEFT)
    dialog.recovery_unlock_page.key_edit.setText(key)
    qtbot.mouseClick(dialog.recovery_unlock_page.unlock_button, LEFT)
    vault = dialog._vault
    assert vault is not None and vault.is_open
    dialog.reject()
    assert not vault.is_open
    with Vault.open(path, PASSPHRASE):  # the old passphrase still works: nothing changed
        pass


def test_a_mistyped_group_is_named_and_selected(
    qtbot: QtBot, settings: AppSettings, keyed_vault: tuple[Path, str]
) -> None:
    path, key = keyed_vault
    dialog = make_dialog(qtbot, settings, path)
    qtbot.mouseClick(dialog.open_page.forgot_button, LEFT)
    page = dialog.recovery_unlock_page
    groups = key.split("-")
    wrong = str((int(groups[2]) + 1) % 1_000_000).zfill(6)
    typed = "-".join([*groups[:2], wrong, *groups[3:]])
    page.key_edit.setText(typed)
    qtbot.mouseClick(page.unlock_button, LEFT)
    assert page.error.isVisible()
    assert "Block 3" in page.error.text()
    assert page.key_edit.selectedText() == wrong
    assert dialog.stack.currentWidget() is page

    page.key_edit.setText("-".join(groups[:7]))
    qtbot.mouseClick(page.unlock_button, LEFT)
    assert "Block 8" in page.error.text()

    qtbot.mouseClick(page.back_button, LEFT)
    assert dialog.stack.currentWidget() is dialog.tabs


def test_a_wrong_but_well_formed_key_is_refused(
    qtbot: QtBot, settings: AppSettings, keyed_vault: tuple[Path, str]
) -> None:
    path, _key = keyed_vault
    dialog = make_dialog(qtbot, settings, path)
    qtbot.mouseClick(dialog.open_page.forgot_button, LEFT)
    page = dialog.recovery_unlock_page
    page.key_edit.setText("-".join(["000011"] * 8))
    qtbot.mouseClick(page.unlock_button, LEFT)
    assert page.error.text() == WrongRecoveryKey.message


@pytest.mark.parametrize(("text", "group", "span"), [
    ("111111-222222-333333", 2, (7, 6)),
    ("111111 22 333333", 2, (7, 2)),
    ("1" * 48, 3, (12, 6)),
    ("111111", 5, None),
])
def test_group_span(text: str, group: int, span: tuple[int, int] | None) -> None:
    assert group_span(text, group) == span


def test_change_the_passphrase(qtbot: QtBot, vault: Vault) -> None:
    dialog = ChangePassphraseDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.change_button.isEnabled()
    qtbot.keyClicks(dialog.current.line_edit, "not the passphrase")
    qtbot.keyClicks(dialog.new.passphrase.line_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new.repeat.line_edit, NEW_PASSPHRASE)
    assert dialog.change_button.isEnabled()
    qtbot.mouseClick(dialog.change_button, LEFT)
    assert dialog.error.text() == "The current passphrase is not right."
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.current.line_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.change_button, LEFT)
    assert vault.verify_passphrase(NEW_PASSPHRASE)
    assert not vault.verify_passphrase(PASSPHRASE)
    vault.close()
    with Vault.open(vault.path, NEW_PASSPHRASE):
        pass


def test_the_new_passphrase_must_differ_and_match(qtbot: QtBot, vault: Vault) -> None:
    dialog = ChangePassphraseDialog(vault)
    qtbot.addWidget(dialog)
    dialog.current.line_edit.setText(PASSPHRASE)
    dialog.new.passphrase.line_edit.setText(PASSPHRASE)
    dialog.new.repeat.line_edit.setText(PASSPHRASE)
    assert "same as the current" in dialog.blocking_reason()
    dialog.new.repeat.line_edit.setText(PASSPHRASE + "x")
    assert dialog.new.mismatch.text() == "The two passphrases are not the same."
    assert not dialog.change_button.isEnabled()


def test_a_new_recovery_key_replaces_the_old_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "renew.vault"
    vault = Vault.create(path, PASSPHRASE)
    old_key = vault.recovery_key
    assert old_key is not None
    dialog = NewRecoveryKeyDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase.line_edit, "wrong words here")
    qtbot.mouseClick(dialog.make_button, LEFT)
    assert dialog.error.text() == WrongPassphrase.message
    assert dialog.stack.currentWidget() is dialog.confirm_page

    qtbot.keyClicks(dialog.passphrase.line_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.make_button, LEFT)
    assert dialog.stack.currentWidget() is dialog.key_page
    new_key = dialog.key_box.label.text().replace("\n", "")
    assert new_key != old_key and len(new_key.split("-")) == 8
    assert not dialog.done_button.isEnabled()
    dialog.written.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.done_button, LEFT)
    assert dialog.key_box.label.text() == ""  # not kept once the dialog is closed
    vault.close()

    with pytest.raises(WrongRecoveryKey):
        Vault.open_with_recovery_key(path, old_key)
    Vault.open_with_recovery_key(path, new_key).close()


def drive_modal(qtbot: QtBot, steps: Callable[[QDialog], None]) -> list[str]:
    """Run ``steps`` on the next modal dialog once it is open; returns its class name."""
    seen: list[str] = []

    def run() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, QDialog)
        seen.append(type(modal).__name__)
        steps(modal)

    QTimer.singleShot(0, run)
    return seen


def test_the_vault_menu_opens_the_dialogs(
    qtbot: QtBot, vault: Vault, settings: AppSettings
) -> None:
    window = MainWindow(vault.repo, settings, clock=fixed_clock, vault=vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menu = window.vault_menu
    assert menu is not None
    titles = [a.text() for a in menu.actions() if a.text()]
    assert titles[:2] == ["&Lock", "&Hide the screen"]

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, ChangePassphraseDialog)
        dialog.current.line_edit.setText(PASSPHRASE)
        dialog.new.passphrase.line_edit.setText(NEW_PASSPHRASE)
        dialog.new.repeat.line_edit.setText(NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.change_button, LEFT)

    seen = drive_modal(qtbot, change)
    menu.change_passphrase_action.trigger()
    assert seen == ["ChangePassphraseDialog"]
    assert vault.verify_passphrase(NEW_PASSPHRASE)
    assert "passphrase was changed" in window.notice.text()

    def renew(dialog: QDialog) -> None:
        assert isinstance(dialog, NewRecoveryKeyDialog)
        dialog.passphrase.line_edit.setText(NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.make_button, LEFT)
        qtbot.mouseClick(dialog.key_actions.copy_button, LEFT)
        assert QGuiApplication.clipboard().text().count("-") == 7
        dialog.written.setChecked(True)
        qtbot.mouseClick(dialog.done_button, LEFT)

    seen = drive_modal(qtbot, renew)
    menu.new_recovery_key_action.trigger()
    assert seen == ["NewRecoveryKeyDialog"]
    assert "new recovery key" in window.notice.text()


def test_a_system_lock_while_asking_for_the_new_passphrase_closes_the_vault(
    qtbot: QtBot, keyed_vault: tuple[Path, str], start_session  # type: ignore[no-untyped-def]
) -> None:
    path, key = keyed_vault
    session = start_session(path)
    dialog = session.dialog
    qtbot.mouseClick(dialog.open_page.forgot_button, LEFT)
    dialog.recovery_unlock_page.key_edit.setText(key)
    qtbot.mouseClick(dialog.recovery_unlock_page.unlock_button, LEFT)
    vault = dialog.vault()
    assert vault is not None and vault.is_open
    assert session.lock()  # what a screen lock or suspend triggers
    assert not vault.is_open
    assert session.dialog is not None and session.dialog is not dialog
    assert session.dialog.vault() is None
    with Vault.open(path, PASSPHRASE):  # nothing was changed
        pass
