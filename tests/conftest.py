"""Test harness: offscreen Qt, isolated user folders, markers from the folder name."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

# Before any QApplication exists and before the app resolves its folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="initiator-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ.pop("INITIATOR_PASSPHRASE", None)



class _NoNetwork(socket.socket):
    """The app opens no socket: any attempt in a test process fails loudly."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("network access attempted during tests")


socket.socket = _NoNetwork  # type: ignore[misc]
socket.create_connection = _NoNetwork  # type: ignore[assignment]

_MARKERS = {"core", "storage", "exchange", "e2e", "ui", "i18n"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = set(Path(str(item.fspath)).parts)
        for marker in _MARKERS & parts:
            item.add_marker(getattr(pytest.mark, marker))


CHEAP_KDF_KIB = 8 * 1024


@pytest.fixture(autouse=True)
def _cheap_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its stored-parameter floor, except in tests marked ``real_kdf``."""
    if request.node.get_closest_marker("real_kdf"):
        return
    from initiator_desktop.storage import keyslots

    cheap = keyslots.KdfParams(memory_kib=CHEAP_KDF_KIB, iterations=1, parallelism=1)
    monkeypatch.setattr(keyslots, "PASSPHRASE_KDF", cheap)
    monkeypatch.setattr(keyslots, "RECOVERY_KDF", cheap)


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    from initiator_desktop import i18n

    i18n.set_language("en")
