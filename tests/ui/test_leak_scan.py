"""Leak scan: after using the app on demo data and locking, no file holds a theme or place.

Scanned: the vault, its key file and any journal, the rolling backups, the plain settings,
the crash-report folder, and every file written to the temp folder during the test.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from initiator_desktop import hardening
from initiator_desktop.app import CRASH_FOLDER
from initiator_desktop.core.content import VaultContent
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.locations import data_dir
from initiator_desktop.ui.settings import ORGANISATION, SETTINGS_NAME, AppSettings
from tests.ui.conftest import SessionStarter, locked_dialog, unlock
from tests.ui.widget_texts import file_secrets, leaked

MAX_SCANNED = 64 * 1024 * 1024


def files_under(folder: Path, since: float) -> Iterator[Path]:
    """Regular files below ``folder`` written at or after ``since``."""
    for root, _dirs, names in os.walk(folder, onerror=lambda _err: None):
        for name in names:
            path = Path(root) / name
            try:
                if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                    yield path
            except OSError:
                continue


def holders(paths: list[Path], secrets: set[str]) -> dict[str, list[str]]:
    """For each file that contains a secret (UTF-8 or UTF-16), the secrets found."""
    patterns = {s: (s.encode("utf-8"), s.encode("utf-16-le")) for s in secrets}
    found: dict[str, list[str]] = {}
    for path in paths:
        try:
            if path.stat().st_size > MAX_SCANNED:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        hits = [s for s, encoded in patterns.items() if any(e in data for e in encoded)]
        if hits:
            found[str(path)] = hits
    return found


def provoke_a_crash_report(folder: Path, secret: str) -> None:
    """An unhandled error whose message holds a theme, through the real crash handler."""
    saved = sys.excepthook
    hardening.install_crash_handler(folder)
    try:
        raise ValueError(f"could not save {secret}")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = saved


def test_nothing_from_the_vault_reaches_a_file(
    qtbot: QtBot, demo_vault: tuple[Path, VaultContent], start_session: SessionStarter,
    settings: AppSettings, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    since = time.time() - 2
    path, content = demo_vault
    secrets = file_secrets(content)
    theme = content.groups[0].group.theme

    session = start_session(path)
    window = unlock(qtbot, session)
    window.themes_action.trigger()
    for row in range(window.model.rowCount()):
        window.list_panel.table.setCurrentIndex(window.model.index(row, 0))
    window.list_panel.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClicks(window.page.details.theme, " og savn")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.page.details.theme, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.page.is_dirty()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F12)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F12)
    crash_folder = data_dir() / CRASH_FOLDER
    provoke_a_crash_report(crash_folder, theme)
    assert theme not in capsys.readouterr().err
    with qtbot.waitSignal(session.locked):
        qtbot.keyClick(window.list_panel.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    locked_dialog(qtbot, session)
    assert leaked(secrets) == set()

    vault_files = [path, key_file_path(path), *path.parent.glob(f"{path.name}-*")]
    backups = list(files_under(tmp_path / "backups", 0))
    assert backups, "the unlock wrote a rolling backup"
    plain_settings = [Path(settings.file_name()), Path(QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, SETTINGS_NAME
    ).fileName())]
    crash_reports = list(files_under(crash_folder, 0))
    assert crash_reports, "the provoked error left a report"
    temp_files = list(files_under(Path(tempfile.gettempdir()), since))
    scanned = [*vault_files, *backups, *plain_settings, *crash_reports, *temp_files]
    assert path in scanned and Path(settings.file_name()).is_file()
    assert holders(scanned, secrets) == {}
    canary = tmp_path / "canary.txt"  # the scan itself does find plain text
    canary.write_text(f"note: {theme}", encoding="utf-16-le")
    assert holders([canary], secrets) == {str(canary): [theme]}
