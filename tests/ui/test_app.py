"""The app's entry point: arguments, the demo vault and the start-up benchmark exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from initiator_desktop import app, hardening
from initiator_desktop.resources import resources_dir
from initiator_desktop.storage.locations import data_dir
from initiator_desktop.ui.crash_notice import crash_message
from initiator_desktop.ui.main_window import MainWindow
from initiator_desktop.ui.start.start_dialog import StartDialog
from tests.ui.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def hardening_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """main() hardens the process; here it is recorded, not done to the test process."""
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(hardening, "disable_core_dumps",
                        lambda: calls.append(("core", None)) or True)
    monkeypatch.setattr(hardening, "install_crash_handler",
                        lambda folder, notify=None: calls.append(("crash", (folder, notify))))
    return calls


def test_main_disables_core_dumps_and_installs_the_crash_handler(
    qtbot: QtBot, hardening_calls: list[tuple[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.main(["--help"]) == 0
    capsys.readouterr()
    assert hardening_calls[0] == ("core", None)
    kind, (folder, notify) = hardening_calls[1]  # type: ignore[misc]
    assert kind == "crash" and folder == data_dir() / "crash-reports"
    assert notify is not None


def test_the_crash_notice_names_the_report_only() -> None:
    text, details = crash_message(Path("/home/x/crash-reports/crash-1.txt"))
    assert "went wrong" in text
    assert "/home/x/crash-reports/crash-1.txt" in details
    assert "no group data" in details


def test_resources_are_found() -> None:
    assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()


def test_bad_arguments_give_a_usage_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--lang", "de"]) == app.EXIT_USAGE
    assert "--lang" in capsys.readouterr().err


def test_bench_exit_after_the_unlock_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault_path: Path
) -> None:
    monkeypatch.setenv(app.BENCH_ENV, "unlock")
    assert app.main(["--vault", str(vault_path), "--lang", "en"]) == 0


def test_bench_exit_after_the_main_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault_path: Path
) -> None:
    monkeypatch.setenv(app.BENCH_ENV, "main")
    monkeypatch.setenv(app.PASSPHRASE_ENV, PASSPHRASE)
    assert app.main(["--vault", str(vault_path), "--lang", "en"]) == 0


def test_demo_folder_is_removed_on_exit(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    created: list[Path] = []
    real_mkdtemp = app.tempfile.mkdtemp

    def mkdtemp(prefix: str) -> str:
        folder = real_mkdtemp(prefix=prefix, dir=tmp_path)
        created.append(Path(folder))
        return folder

    monkeypatch.setattr(app.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setenv(app.BENCH_ENV, "main")
    assert app.main(["--demo", "--lang", "en"]) == 0
    assert created and not created[0].exists()


def test_the_app_unlocks_locks_and_ends_with_the_start_dialog(qtbot: QtBot) -> None:
    """The real main loop: unlock, lock, then close the start dialog to quit."""
    steps: list[str] = []
    ticks: list[int] = []

    def top(kind: type) -> object | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, kind) and w.isVisible()), None)

    def drive() -> None:
        dialog, window = top(StartDialog), top(MainWindow)
        if window is not None and steps == ["unlocked"]:
            steps.append("locking")
            assert isinstance(window, MainWindow)
            window.lock_action.trigger()
        elif dialog is not None and not steps:
            steps.append("unlocked")
            assert isinstance(dialog, StartDialog)
            dialog.open_page.passphrase.line_edit.setText("demo-igangsetter")
            dialog.open_page.unlock_button.click()
        elif dialog is not None and steps == ["unlocked", "locking"]:
            assert isinstance(dialog, StartDialog)
            assert dialog.heading.text() == "The vault is locked"
            steps.append("closed")
            dialog.reject()
            return
        if len(ticks) > 500:  # about ten seconds: give up rather than hang
            QApplication.exit(3)
            return
        ticks.append(1)
        QTimer.singleShot(20, drive)

    QTimer.singleShot(0, drive)
    assert app.main(["--demo", "--lang", "en"]) == 0
    assert steps == ["unlocked", "locking", "closed"]
    QApplication.instance().setQuitOnLastWindowClosed(True)  # type: ignore[union-attr]
