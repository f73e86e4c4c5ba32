"""A vault that cannot be written (read-only medium): a clear failure, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from initiator_desktop.core.models import Group
from initiator_desktop.storage import connection
from initiator_desktop.storage.errors import StorageFailed
from initiator_desktop.storage.repository import SqlRepository
from initiator_desktop.storage.vault import Vault


def test_writes_to_a_read_only_vault_fail_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "ro.vault"
    with Vault.create(path, "read only test") as vault:
        vault.repo.save_group(Group(name="Mandagsgruppa"))
        key = bytes(vault._data_key)
    before = path.read_bytes()
    # The tests run as root, where file modes do not stop writes: open read-only instead,
    # as SQLite does on a read-only file system.
    conn = sqlcipher3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    conn.execute(connection.key_pragma(key))
    repo = SqlRepository(conn)
    try:
        assert [g.name for g in repo.groups()] == ["Mandagsgruppa"]
        with pytest.raises(StorageFailed):
            repo.save_group(Group(name="Tirsdagsgruppa"))
    finally:
        conn.close()
    assert path.read_bytes() == before
