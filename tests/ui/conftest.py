"""Fixtures for the widget tests: a cheap vault, private settings, a small fake nb catalog."""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from initiator_desktop import i18n
from initiator_desktop.core.content import VaultContent
from initiator_desktop.core.group_page import GroupPage, save_group_page
from initiator_desktop.core.models import Group, GroupStatus, Place, Schedule
from initiator_desktop.core.schedule import OSLO
from initiator_desktop.exchange.demo import fill_with_demo
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.app_session import AppSession, SessionOptions
from initiator_desktop.ui.language import apply_language
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.settings import AppSettings
from initiator_desktop.ui.start.start_dialog import StartDialog

PASSPHRASE = "lang nok setning"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)

# A few entries in Bokmål, so a language switch is visible before the real catalog exists.
NB_TEXTS = {
    "&New group": "&Ny gruppe",
    "Save": "Lagre",
    "&Unlock": "&Lås opp",
    "Open a vault": "Åpne et hvelv",
    "Groups": "Grupper",
    "The passphrase is not right for this vault.": "Passordfrasen passer ikke til dette hvelvet.",
}


class FakeCatalog(gettext.NullTranslations):
    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def gettext(self, message: str) -> str:
        return self._texts.get(message, message)

    def pgettext(self, context: str, message: str) -> str:
        return self._texts.get(message, message)


@pytest.fixture
def fake_nb(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Serve ``NB_TEXTS`` for "nb"; English stays English. Restores English afterwards."""
    real = i18n.load_catalog

    def load(language: str) -> gettext.NullTranslations:
        return FakeCatalog(NB_TEXTS) if language == "nb" else real(language)

    monkeypatch.setattr(i18n, "load_catalog", load)
    yield
    apply_language("en")


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "groups.vault"
    Vault.create(path, PASSPHRASE).close()
    return path


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "work.vault", PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def filled_vault(vault: Vault) -> Vault:
    """Three groups in different states, each with a sensitive theme."""
    place = Place(name="Biblioteket, møterom 2", address="Storgata 1")
    for name, theme, status, weekday in (
        ("Tirsdagsgruppa", "Sorg", GroupStatus.STARTING, 1),
        ("Onsdagsringen", "Angst", GroupStatus.PLANNED, 2),
        ("Kveldsgruppa", "Pårørende", GroupStatus.SELF_RUNNING, 3),
    ):
        first = date(2026, 3, 2 + weekday)
        page = GroupPage(
            group=Group(name=name, theme=theme, status=status, planned_size=6),
            place=place,
            schedules=(Schedule(weekday=weekday, start=time(18), first_date=first),),
        )
        save_group_page(vault.repo, page)
    return vault


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture(autouse=True)
def _no_real_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real message box waits forever offscreen (also when pytest-qt closes a window)."""
    from initiator_desktop.ui import message_boxes

    monkeypatch.setattr(
        message_boxes, "ask_unsaved_changes", lambda _parent: message_boxes.UnsavedChoice.DISCARD
    )
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: False)


@pytest.fixture
def demo_vault(tmp_path: Path) -> tuple[Path, VaultContent]:
    """A vault filled with the demo content (closed), and that content."""
    path = tmp_path / "demo.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        content = fill_with_demo(vault)
    return path, content


SessionStarter = Callable[..., AppSession]


@pytest.fixture
def start_session(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path
) -> Iterator[SessionStarter]:
    """Start an ``AppSession`` on a vault path; options override the test defaults."""
    sessions: list[AppSession] = []

    def start(path: Path | None, **options: object) -> AppSession:
        values: dict[str, object] = {
            "clock": fixed_clock, "backup_folder": tmp_path / "backups", "use_dbus": False,
        }
        values.update(options)
        session = AppSession(settings, preselected=path,
                             options=SessionOptions(**values))  # type: ignore[arg-type]
        session.start()
        sessions.append(session)
        assert session.dialog is not None
        qtbot.addWidget(session.dialog)
        qtbot.waitExposed(session.dialog)
        return session

    yield start
    for session in sessions:
        session.shutdown()


def unlock(qtbot: QtBot, session: AppSession, passphrase: str = PASSPHRASE) -> MainWindow:
    """Type the passphrase into the session's start dialog and wait for the main window."""
    dialog = session.dialog
    assert dialog is not None
    dialog.open_page.passphrase.line_edit.setText(passphrase)
    qtbot.mouseClick(dialog.open_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None)
    window = session.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def locked_dialog(qtbot: QtBot, session: AppSession) -> StartDialog:
    """The start dialog that a lock showed, registered with qtbot."""
    qtbot.waitUntil(lambda: session.dialog is not None and session.dialog.isVisible())
    dialog = session.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog
