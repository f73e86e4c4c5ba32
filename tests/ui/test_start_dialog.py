"""The start dialog: creating a vault, unlocking it, and the errors a person can run into."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.language import apply_language
from initiator_desktop.ui.settings import ALLOWED_KEYS, AppSettings
from initiator_desktop.ui.start.start_dialog import CREATE_TAB, OPEN_TAB, StartDialog
from tests.ui.conftest import PASSPHRASE


def make_dialog(qtbot: QtBot, settings: AppSettings, **kwargs: object) -> StartDialog:
    dialog = StartDialog(settings, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_opens_on_create(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = make_dialog(qtbot, settings)
    assert dialog.tabs.currentIndex() == CREATE_TAB


def test_create_a_vault_by_typing(qtbot: QtBot, settings: AppSettings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, settings)
    page = dialog.create_page
    target = tmp_path / "new.vault"
    page.path_edit.setText(str(target))
    assert not page.create_button.isEnabled()

    qtbot.keyClicks(page.passphrase.line_edit, "kort")
    assert not page.create_button.isEnabled()
    assert "8" in page.reason.text()

    qtbot.keyClicks(page.passphrase.line_edit, " men nå lang nok")
    assert page.strength.text().startswith("Strength:")
    qtbot.keyClicks(page.repeat.line_edit, "kort men")
    assert page.mismatch.isVisible()
    assert not page.create_button.isEnabled()

    qtbot.keyClicks(page.repeat.line_edit, " nå lang nok")
    assert not page.mismatch.isVisible()
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    # The recovery key is shown once, and the dialog waits until it is written down.
    recovery = dialog.recovery_page
    assert dialog.stack.currentWidget() is recovery
    key = recovery.key_box.label.text().replace("\n", "")
    assert re.fullmatch(r"\d{6}(-\d{6}){7}", key)
    assert not recovery.continue_button.isEnabled()
    recovery.written.click()
    with qtbot.waitSignal(dialog.vault_opened) as opened:
        qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    vault = opened.args[0]
    assert vault.recovery_key is None
    assert recovery.key_box.label.text() == ""
    assert isinstance(vault, Vault)
    vault.close()
    assert dialog.result() == StartDialog.DialogCode.Accepted
    assert target.is_file()
    assert settings.recent_vaults() == [target.resolve()]
    Vault.open(target, "kort men nå lang nok").close()
    Vault.open_with_recovery_key(target, key).close()


def test_closing_on_the_recovery_key_closes_the_new_vault(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, settings)
    page = dialog.create_page
    page.path_edit.setText(str(tmp_path / "closed.vault"))
    qtbot.keyClicks(page.passphrase.line_edit, PASSPHRASE)
    qtbot.keyClicks(page.repeat.line_edit, PASSPHRASE)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.recovery_page
    dialog.reject()
    assert dialog.vault() is None


def test_create_refuses_an_existing_file(
    qtbot: QtBot, settings: AppSettings, vault_path: Path
) -> None:
    dialog = make_dialog(qtbot, settings)
    page = dialog.create_page
    page.path_edit.setText(str(vault_path))
    qtbot.keyClicks(page.passphrase.line_edit, PASSPHRASE)
    qtbot.keyClicks(page.repeat.line_edit, PASSPHRASE)
    assert not page.create_button.isEnabled()
    assert "already exists" in page.reason.text()


def test_unlock_with_the_right_passphrase(
    qtbot: QtBot, settings: AppSettings, vault_path: Path
) -> None:
    settings.add_recent_vault(vault_path)
    dialog = make_dialog(qtbot, settings)
    page = dialog.open_page
    assert dialog.tabs.currentIndex() == OPEN_TAB
    assert page.path_combo.currentText() == str(vault_path.resolve())
    assert page.passphrase.line_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(page.passphrase.line_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.keyClick(page.passphrase.line_edit, Qt.Key.Key_Return)
    opened = dialog.vault()
    assert opened is not None
    assert opened.path == vault_path.resolve() or opened.path == vault_path
    opened.close()
    assert page.passphrase.text() == ""


def test_wrong_passphrase_shows_the_translated_message(
    qtbot: QtBot, settings: AppSettings, vault_path: Path, fake_nb: None
) -> None:
    apply_language("nb")
    dialog = make_dialog(qtbot, settings, preselected=vault_path)
    page = dialog.open_page
    qtbot.keyClicks(page.passphrase.line_edit, "feil passordfrase")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert page.error.text() == "Passordfrasen passer ikke til dette hvelvet."
    assert "Traceback" not in page.error.text()
    assert "WrongPassphrase" not in page.error.text()
    assert page.passphrase.text() == ""
    qtbot.waitUntil(lambda: page.passphrase.line_edit.hasFocus())
    assert dialog.vault() is None
    assert dialog.isVisible()
    assert settings.recent_vaults() == []


def test_missing_file_is_explained(qtbot: QtBot, settings: AppSettings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, settings, preselected=tmp_path / "gone.vault")
    page = dialog.open_page
    qtbot.keyClicks(page.passphrase.line_edit, PASSPHRASE)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == "There is no vault at this location."


def test_show_toggle_reveals_and_hides(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = make_dialog(qtbot, settings)
    field = dialog.create_page.passphrase
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert field.toggle.text() == "Hide"
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Password


def test_browse_uses_the_injected_chooser(
    qtbot: QtBot, settings: AppSettings, vault_path: Path
) -> None:
    asked: list[str] = []

    def choose(_parent: object, caption: str, _start: Path) -> Path:
        asked.append(caption)
        return vault_path

    dialog = make_dialog(qtbot, settings, choose_existing=choose)
    dialog.tabs.setCurrentIndex(OPEN_TAB)
    qtbot.mouseClick(dialog.open_page.browse_button, Qt.MouseButton.LeftButton)
    assert asked == ["Choose a vault file"]
    assert dialog.open_page.selected_path() == vault_path


def test_demo_vault_shows_its_passphrase_and_is_not_remembered(
    qtbot: QtBot, settings: AppSettings, vault_path: Path
) -> None:
    dialog = make_dialog(qtbot, settings, preselected=vault_path, demo_passphrase=PASSPHRASE)
    page = dialog.open_page
    assert page.demo_note.isVisible()
    assert page.demo_note.label.text().startswith(f"Demo vault: the passphrase is {PASSPHRASE}")
    qtbot.keyClicks(page.passphrase.line_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.vault_opened):
        qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    dialog.vault().close()  # type: ignore[union-attr]
    assert settings.recent_vaults() == []


@pytest.mark.parametrize("count", [1, 7])
def test_settings_keep_only_allowed_keys(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, count: int
) -> None:
    dialog = make_dialog(qtbot, settings)
    for n in range(count):
        settings.add_recent_vault(tmp_path / f"v{n}.vault")
    settings.set_language("nn")
    assert len(settings.recent_vaults()) == min(count, 5)
    assert set(settings.stored_keys()) <= ALLOWED_KEYS
    with pytest.raises(KeyError):
        settings._write("passphrase", "secret")
    assert dialog.isVisible()


def test_the_language_can_be_chosen_before_unlocking(
    qtbot: QtBot, settings: AppSettings, vault_path: Path, fake_nb: None
) -> None:
    dialog = make_dialog(qtbot, settings, preselected=vault_path)
    assert dialog.tabs.tabText(OPEN_TAB) == "Open a vault"
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    dialog.language.activated.emit(dialog.language.currentIndex())
    qtbot.waitUntil(lambda: dialog.tabs.tabText(OPEN_TAB) == "Åpne et hvelv")
    assert dialog.open_page.unlock_button.text() == "&Lås opp"
    assert settings.language() == "nb"
