"""Where the app keeps its files by default (platformdirs); any path can be given instead."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "InitiatorDesktop"
_DIRS = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_DIRS.user_data_dir)


def default_vault_path() -> Path:
    return data_dir() / "initiator.vault"
