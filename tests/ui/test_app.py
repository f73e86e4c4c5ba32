"""The app's entry point: arguments, the demo vault and the start-up benchmark exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from initiator_desktop import app
from initiator_desktop.resources import resources_dir
from tests.ui.conftest import PASSPHRASE


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
