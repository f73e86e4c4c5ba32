"""Purging a contact list: gone from the vault's pages and from every rolling backup.

The pages are decrypted with the data key (as ``test_secure_delete`` does), so the
tests see what someone holding the key, or a leaked copy of it, would see.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from initiator_desktop.core.group_life import Contact
from initiator_desktop.core.models import Attendance, Group, GroupStatus
from initiator_desktop.storage import connection, contact_purge
from initiator_desktop.storage.backup import restore_backup, rolling_backup
from initiator_desktop.storage.contact_purge import (
    clean_rolling_backups,
    clear_write_ahead_log,
    purge_contacts,
)
from initiator_desktop.storage.errors import StorageFailed
from initiator_desktop.storage.vault import Vault
from tests.storage.test_secure_delete import decrypted_pages

PASSPHRASE = "purge test passphrase"
GONE = (("Kari-Purge-Markør", "+47 912 34 567"), ("Ola-Purge-Markør", "ola.purge@example.org"))
KEPT = (("Siri-Blir-Igjen", "+47 400 11 222"),)


def secrets_of(contacts: tuple[tuple[str, str], ...]) -> list[bytes]:
    return [part.encode() for pair in contacts for part in pair]


class Setup:
    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "backups"
        self.vault = Vault.create(tmp_path / "live.vault", PASSPHRASE)
        self.key = bytes(self.vault._data_key)
        repo = self.vault.repo
        self.gone = Group(name="Tirsdagsgruppa", theme="Sorg", status=GroupStatus.STARTING)
        self.kept = Group(name="Onsdagsgruppa", theme="Angst", status=GroupStatus.PLANNED)
        for group in (self.gone, self.kept):
            repo.save_group(group)
        repo.save_attendance(self.gone.id, Attendance(date(2026, 3, 3), 6, 1))
        repo.save_contacts(self.gone.id, [Contact(label, reach) for label, reach in GONE])
        repo.save_contacts(self.kept.id, [Contact(label, reach) for label, reach in KEPT])

    @property
    def own_folder(self) -> Path:
        return self.folder / self.vault.keys.vault_id

    def backups(self) -> list[Path]:
        return sorted(self.own_folder.glob("*.igbackup"))

    def make_backups(self, count: int = 3) -> list[Path]:
        for _ in range(count):
            rolling_backup(self.vault, self.folder, keep=5)
        return self.backups()

    def purge(self) -> int:
        return purge_contacts(self.vault, self.gone.id, self.folder)

    def backup_pages(self, path: Path, work: Path) -> bytes:
        work.mkdir(parents=True, exist_ok=True)
        database = work / f"{path.stem}.db"
        with zipfile.ZipFile(path) as zf:
            database.write_bytes(zf.read("vault.db"))
        return decrypted_pages(database, self.key)


@pytest.fixture
def setup(tmp_path: Path):  # type: ignore[no-untyped-def]
    made = Setup(tmp_path)
    yield made
    made.vault.close()


def assert_nowhere(setup: Setup, tmp_path: Path, secrets: list[bytes]) -> None:
    places = {"vault": decrypted_pages(setup.vault.path, setup.key)}
    for backup in setup.backups():
        places[backup.name] = setup.backup_pages(backup, tmp_path / "check")
    for where, pages in places.items():
        for secret in secrets:
            assert secret not in pages, f"{secret!r} survived in {where}"


def test_the_purge_leaves_no_trace_in_the_vault_or_its_rolling_backups(
        setup: Setup, tmp_path: Path) -> None:
    backups = setup.make_backups(3)
    assert len(backups) == 3
    # Positive control: before the purge the decryption finds every label and number.
    for pages in [decrypted_pages(setup.vault.path, setup.key),
                  *(setup.backup_pages(b, tmp_path / "before") for b in backups)]:
        for secret in secrets_of(GONE) + secrets_of(KEPT):
            assert secret in pages
    for backup in backups:  # and the encryption hides them from anyone without the key
        assert not any(secret in backup.read_bytes() for secret in secrets_of(GONE))

    assert setup.purge() == 2

    assert setup.backups() == backups  # same names, same order
    assert_nowhere(setup, tmp_path, secrets_of(GONE))
    repo = setup.vault.repo
    assert repo.contacts(setup.gone.id) == []
    assert [c.label for c in repo.contacts(setup.kept.id)] == ["Siri-Blir-Igjen"]
    assert not list(setup.own_folder.glob(".purge-*"))


def test_a_rewritten_backup_restores_everything_else(setup: Setup, tmp_path: Path) -> None:
    (backup,) = setup.make_backups(1)
    setup.purge()
    target = tmp_path / "restored.vault"
    restore_backup(backup, target, passphrase=PASSPHRASE)
    with Vault.open(target, PASSPHRASE) as restored:
        repo = restored.repo
        assert {g.name for g in repo.groups()} == {"Tirsdagsgruppa", "Onsdagsgruppa"}
        assert repo.attendance(setup.gone.id) == [Attendance(date(2026, 3, 3), 6, 1)]
        assert repo.contacts(setup.gone.id) == []
        assert [c.reach for c in repo.contacts(setup.kept.id)] == ["+47 400 11 222"]


def test_backups_without_the_groups_contacts_are_left_as_they_are(
        setup: Setup, tmp_path: Path) -> None:
    setup.vault.repo.delete_contacts(setup.gone.id)
    (backup,) = setup.make_backups(1)
    before = backup.read_bytes()
    assert setup.purge() == 0
    assert backup.read_bytes() == before
    result = clean_rolling_backups(setup.vault, setup.gone.id, setup.folder)
    assert (result.rewritten, result.deleted, result.clean) == (0, 0, 1)


def test_unreadable_backups_go_and_another_vaults_backups_stay(
        setup: Setup, tmp_path: Path) -> None:
    setup.make_backups(1)
    folder = setup.own_folder
    (folder / "20200101T000000000000.igbackup").write_bytes(b"PK\x03\x04 not really a zip")
    truncated = folder / "20200101T000000000001.igbackup"
    truncated.write_bytes(setup.backups()[-1].read_bytes()[:5000])
    with Vault.create(tmp_path / "other.vault", PASSPHRASE) as other:
        foreign = rolling_backup(other, tmp_path / "other-backups", keep=1)
    assert foreign is not None
    stray = folder / "20200101T000000000002.igbackup"
    shutil.copy(foreign, stray)
    result = clean_rolling_backups(setup.vault, setup.gone.id, setup.folder)
    assert (result.rewritten, result.deleted, result.clean) == (1, 2, 1)
    assert stray.read_bytes() == foreign.read_bytes()
    assert len(setup.backups()) == 2


def test_a_backup_made_with_another_key_is_removed(setup: Setup, tmp_path: Path) -> None:
    """Same vault id, different data key: it cannot be checked, so it cannot stay."""
    (backup,) = setup.make_backups(1)
    with Vault.create(tmp_path / "other.vault", PASSPHRASE) as other:
        made = rolling_backup(other, tmp_path / "other-backups", keep=1)
    assert made is not None
    buffer = io.BytesIO()
    with zipfile.ZipFile(backup) as ours, zipfile.ZipFile(made) as theirs, \
            zipfile.ZipFile(buffer, "w") as mixed:
        mixed.writestr("manifest.json", ours.read("manifest.json"))
        mixed.writestr("vault.keys", ours.read("vault.keys"))
        mixed.writestr("vault.db", theirs.read("vault.db"))
    backup.write_bytes(buffer.getvalue())
    setup.purge()
    assert setup.backups() == []


def test_leftovers_of_interrupted_backups_are_removed(setup: Setup, tmp_path: Path) -> None:
    (backup,) = setup.make_backups(1)
    for name in (".backup-crashed", ".purge-crashed"):
        leftover = setup.own_folder / name
        leftover.mkdir()
        with zipfile.ZipFile(backup) as zf:
            (leftover / "vault.db").write_bytes(zf.read("vault.db"))
    unrelated = setup.own_folder / "notes"
    unrelated.mkdir()
    setup.purge()
    assert sorted(p.name for p in setup.own_folder.iterdir()) == [backup.name, "notes"]


def test_an_interrupted_purge_loses_nothing_and_finishes_when_run_again(
        setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backups = setup.make_backups(3)
    originals = {b.name: b.read_bytes() for b in backups}
    real_replace = contact_purge._replace
    calls: list[Path] = []

    def fail_on_second(path: Path, archive: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(path, archive)

    monkeypatch.setattr(contact_purge, "_replace", fail_on_second)
    with pytest.raises(StorageFailed):
        setup.purge()
    # The list is still in the vault (the backups come first), nothing else changed,
    # the second and third backups are untouched, and no unpacked copy is left behind.
    assert [c.label for c in setup.vault.repo.contacts(setup.gone.id)] == [g[0] for g in GONE]
    assert [b.read_bytes() == originals[b.name] for b in setup.backups()] == [
        False, True, True]
    assert not list(setup.own_folder.glob(".purge-*"))
    for backup in setup.backups():
        target = tmp_path / f"check-{backup.stem}.vault"
        restore_backup(backup, target, passphrase=PASSPHRASE)
        with Vault.open(target, PASSPHRASE) as restored:
            assert len(restored.repo.groups()) == 2
            assert restored.repo.attendance(setup.gone.id) != []

    monkeypatch.setattr(contact_purge, "_replace", real_replace)
    assert setup.purge() == 2
    assert_nowhere(setup, tmp_path, secrets_of(GONE))


def test_a_failure_after_the_delete_can_be_run_again(
        setup: Setup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup.make_backups(2)

    def broken(_conn: object) -> None:
        raise StorageFailed(detail="simulated")

    monkeypatch.setattr(contact_purge, "clear_write_ahead_log", broken)
    with pytest.raises(StorageFailed):
        setup.purge()
    monkeypatch.undo()
    assert setup.purge() == 0  # already gone from the vault; the rest is finished now
    assert_nowhere(setup, tmp_path, secrets_of(GONE))
    assert len(setup.vault.repo.contacts(setup.kept.id)) == 1


def test_a_failed_delete_in_the_vault_loses_nothing(
        setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_group_id: str) -> int:
        raise StorageFailed(detail="disk full")

    monkeypatch.setattr(setup.vault.repo, "delete_contacts", broken)
    with pytest.raises(StorageFailed):
        setup.purge()
    monkeypatch.undo()
    assert len(setup.vault.repo.contacts(setup.gone.id)) == 2
    assert setup.vault.repo.attendance(setup.gone.id) != []


def test_no_purge_on_a_locked_vault_or_inside_a_transaction(setup: Setup) -> None:
    with setup.vault.repo.transaction(), pytest.raises(StorageFailed):
        setup.purge()
    assert len(setup.vault.repo.contacts(setup.gone.id)) == 2
    setup.vault.close()
    with pytest.raises(StorageFailed):
        setup.purge()


def test_without_a_backup_folder_only_the_vault_is_purged(setup: Setup) -> None:
    assert not setup.folder.exists()
    assert setup.purge() == 2
    assert not setup.folder.exists()


def test_a_write_ahead_log_is_checkpointed_and_truncated(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    key = bytes(range(32))
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(connection.key_pragma(key))
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("CREATE TABLE t (label TEXT)")
        conn.execute("INSERT INTO t VALUES ('Kari-WAL-Markør')")
        wal = Path(f"{path}-wal")
        clear_write_ahead_log(conn)
        marker = "Kari-WAL-Markør".encode()
        assert marker in decrypted_pages(path, key)  # positive control: in the file now
        conn.execute("DELETE FROM t")
        assert wal.stat().st_size > 0  # the deletion waits in the log
        clear_write_ahead_log(conn)
        assert wal.stat().st_size == 0
        assert marker not in decrypted_pages(path, key)
    finally:
        conn.close()


def test_the_vaults_own_journal_mode_needs_no_checkpoint(setup: Setup) -> None:
    assert connection.pragma_value(setup.vault.connection, "journal_mode") == "delete"
    clear_write_ahead_log(setup.vault.connection)  # nothing to do, and no error
