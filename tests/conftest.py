"""Test harness: offscreen Qt, isolated user folders, markers from the folder name."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before any QApplication exists and before the app resolves its folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="initiator-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ.pop("INITIATOR_PASSPHRASE", None)

_MARKERS = {"core", "storage", "exchange", "e2e", "ui", "i18n"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = set(Path(str(item.fspath)).parts)
        for marker in _MARKERS & parts:
            item.add_marker(getattr(pytest.mark, marker))


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    from initiator_desktop import i18n

    i18n.set_language("en")
