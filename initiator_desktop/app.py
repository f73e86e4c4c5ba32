"""The desktop app's entry point: ``main(argv)`` hardens the process, starts Qt and the session.

Importing this module has no side effects; everything happens inside ``main``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from initiator_desktop import hardening
from initiator_desktop.i18n import LANGUAGES
from initiator_desktop.printing.fonts import register_bundled_fonts
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.storage.locations import data_dir
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.app_session import AppSession
from initiator_desktop.ui.crash_notice import show_crash_notice
from initiator_desktop.ui.language import apply_language, startup_language
from initiator_desktop.ui.lock.clipboard_guard import shared_clipboard_guard
from initiator_desktop.ui.settings import ORGANISATION, AppSettings
from initiator_desktop.ui.start.start_dialog import StartDialog
from initiator_desktop.ui.style import MIN_POINT_SIZE

EXIT_OK = 0
EXIT_USAGE = 2
APPLICATION_NAME = "Initiator Desktop"
CRASH_FOLDER = "crash-reports"
BENCH_ENV = "INITIATOR_BENCH_EXIT"
PASSPHRASE_ENV = "INITIATOR_PASSPHRASE"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="initiator-desktop-gui")
    parser.add_argument("--demo", action="store_true",
                        help="open a temporary vault with made-up groups")
    parser.add_argument("--vault", type=Path, metavar="PATH", help="the vault file to preselect")
    parser.add_argument("--lang", choices=LANGUAGES, help="the app's language")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the exit code (0 also when the start dialog is closed)."""
    harden()
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help or a usage error, already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    demo_folder = Path(tempfile.mkdtemp(prefix="initiator-demo-")) if args.demo else None
    try:
        return _run(args, demo_folder)
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)


def harden() -> None:
    """No core dumps (they would hold decrypted data) and clean crash reports."""
    hardening.disable_core_dumps()
    hardening.install_crash_handler(data_dir() / CRASH_FOLDER, notify=show_crash_notice)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication([sys.argv[0] if sys.argv else "initiator-desktop"])


def _run(args: argparse.Namespace, demo_folder: Path | None) -> int:
    app = _application()
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION_NAME)
    _set_up_fonts(app)
    settings = AppSettings()
    # A --lang for one run is not saved: the saved choice is made in the menu.
    apply_language(args.lang or startup_language(settings))
    vault_path: Path | None = args.vault
    demo_passphrase: str | None = None
    if demo_folder is not None:
        # Imported on use: the demo content is only needed with --demo.
        from initiator_desktop.exchange import demo

        vault_path = demo.create_demo_vault(demo_folder)
        demo_passphrase = demo.DEMO_PASSPHRASE
    bench = os.environ.get(BENCH_ENV, "")
    if bench == "main":
        return _bench_main_window(app, settings, vault_path, demo_passphrase)
    if bench == "unlock":
        dialog = StartDialog(settings, preselected=vault_path, demo_passphrase=demo_passphrase)
        _after_first_paint(dialog, dialog.reject)
        dialog.exec()
        return EXIT_OK
    return _run_session(app, settings, vault_path, demo_passphrase)


def _run_session(app: QApplication, settings: AppSettings, vault_path: Path | None,
                 demo_passphrase: str | None) -> int:
    """Unlock, work, lock and unlock again until the person quits."""
    # Between a lock and the next unlock no window may be open for a moment: the
    # session, not the last window, decides when the app ends.
    app.setQuitOnLastWindowClosed(False)
    session = AppSession(settings, preselected=vault_path, demo_passphrase=demo_passphrase)
    session.finished.connect(lambda: app.exit(EXIT_OK))
    app.aboutToQuit.connect(session.shutdown)
    session.start()
    try:
        return int(app.exec())
    finally:
        session.shutdown()
        shared_clipboard_guard().clear_if_ours()


def _bench_main_window(
    app: QApplication, settings: AppSettings, path: Path | None, demo_passphrase: str | None
) -> int:
    """Open the vault without the dialog, show the window once, and quit (start-up timing)."""
    passphrase = os.environ.get(PASSPHRASE_ENV) or demo_passphrase
    path = path or next(iter(settings.recent_vaults()), None)
    if not passphrase or path is None:
        print(f"{BENCH_ENV}=main needs {PASSPHRASE_ENV} and a vault (--vault or --demo).",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        vault = Vault.open(path, passphrase)
    except VaultError as err:
        print(err, file=sys.stderr)
        return err.exit_code
    with vault:
        return _show_main_window(app, settings, vault, bench=True)


def _show_main_window(app: QApplication, settings: AppSettings, vault: Vault, *,
                      bench: bool) -> int:
    from initiator_desktop.ui.main_window import MainWindow

    window = MainWindow(vault.repo, settings, vault=vault)
    if bench:
        _after_first_paint(window, lambda: app.exit(EXIT_OK))
    window.show()
    try:
        return int(app.exec())
    finally:
        window.deleteLater()


class _FirstPaintWatcher(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Run once the paint has finished, not inside the paint event.
            QTimer.singleShot(0, self._then)
        return False


def _after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once, right after ``widget`` has painted for the first time."""
    _FirstPaintWatcher(widget, then)


def _set_up_fonts(app: QApplication) -> None:
    """Register the bundled fonts and keep the default font at a readable size."""
    register_bundled_fonts()
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


if __name__ == "__main__":
    sys.exit(main())
