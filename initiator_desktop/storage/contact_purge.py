"""Purging a group's contact list for good: from the vault and the app's rolling backups.

The list of people to call before the first meeting must not outlive the handover, so a
purge goes further than a DELETE:

1. every rolling backup of this vault that holds the group's contacts is rewritten
   without them: its database is unpacked, the rows deleted, a fresh copy made with
   ``VACUUM INTO`` (no free pages), checked, and the archive replaced atomically under
   its old name, with its own manifest and key file, so it restores exactly as before
   with the passphrase of its day; a rolling backup that cannot be opened with the
   vault's key cannot be checked either and is deleted (it could not be restored here);
   left-over temporary folders of interrupted backups or purges are removed;
2. the rows are deleted from the vault; ``secure_delete`` (pinned on every connection)
   overwrites the freed space, so nothing is left in free pages;
3. if the vault uses a write-ahead log, it is checkpointed and truncated.

The backups come first: if anything fails, the list is still in the vault, the page
still shows it, and running the purge again finishes the job. Backups the user wrote
elsewhere ("Back up now", the command line) are not touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from initiator_desktop.atomic_files import fsync_folder
from initiator_desktop.storage import connection, keyslots
from initiator_desktop.storage.backup import (
    FORMAT,
    MAX_DATABASE,
    MAX_SMALL_MEMBER,
    MEMBERS,
    SUFFIX,
    _verify,
)
from initiator_desktop.storage.errors import (
    NotAVault,
    StorageFailed,
    VaultDamaged,
    WrongPassphrase,
)
from initiator_desktop.storage.locations import data_dir
from initiator_desktop.storage.vault import Vault

# Temporary folders that may hold an unpacked or half-written copy of the database.
LEFTOVER_PREFIXES = (".backup-", ".purge-")
_TABLE = "group_contacts"


@dataclass(frozen=True, slots=True)
class BackupsCleaned:
    rewritten: int  # backups that held the contacts and were rewritten without them
    deleted: int  # backups that could not be opened and were removed
    clean: int  # backups that held none of the group's contacts


def default_backup_folder() -> Path:
    """Where the app keeps its rolling backups (one sub-folder per vault)."""
    return data_dir() / "backups"


def purge_contacts(vault: Vault, group_id: str, backup_folder: Path | None = None) -> int:
    """Delete the group's contact list everywhere the app keeps it; returns how many
    people were on it in the vault. Safe to run again after a failure."""
    conn = vault.connection
    if conn is None:
        raise StorageFailed(vault.path, "the vault is locked")
    if conn.in_transaction:
        # The rows must be committed away before the log and the backups are cleaned.
        raise StorageFailed(vault.path, "a purge cannot run inside a transaction")
    clean_rolling_backups(vault, group_id, backup_folder or default_backup_folder())
    deleted = vault.repo.delete_contacts(group_id)
    clear_write_ahead_log(conn)
    return deleted


def clear_write_ahead_log(conn: Any) -> None:
    """Copy a write-ahead log into the database and truncate it (nothing in DELETE mode)."""
    mode = str(connection.pragma_value(conn, "journal_mode") or "").lower()
    if mode != "wal":
        return
    try:
        busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlcipher3.Error as exc:
        raise StorageFailed(detail=str(exc)) from exc
    if busy:
        raise StorageFailed(detail="the write-ahead log is in use and was not cleared")


def clean_rolling_backups(vault: Vault, group_id: str, folder: Path) -> BackupsCleaned:
    """Rewrite this vault's rolling backups in ``folder`` without the group's contacts."""
    own = Path(folder) / vault.keys.vault_id
    if not own.is_dir():
        return BackupsCleaned(0, 0, 0)
    remove_leftovers(own)
    counts = {"rewritten": 0, "deleted": 0, "clean": 0}
    for path in sorted(own.glob(f"*{SUFFIX}")):
        counts[clean_backup(vault, path, group_id)] += 1
    return BackupsCleaned(**counts)


def remove_leftovers(folder: Path) -> None:
    """Temporary folders of backups or purges that were interrupted (a crash, a full
    disk): they may hold a copy of the database."""
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink() and entry.name.startswith(
                LEFTOVER_PREFIXES):
            try:
                shutil.rmtree(entry)
            except OSError as exc:
                raise StorageFailed(entry, str(exc)) from exc


class _Unusable(Exception):
    """The backup cannot be read with this vault's key: damaged, or not a backup."""


class _Foreign(Exception):
    """The archive is another vault's backup: not ours to change."""


def clean_backup(vault: Vault, path: Path, group_id: str) -> str:
    """"rewritten", "clean" or "deleted" (see ``BackupsCleaned``) for one backup file.

    Only a file that cannot be read is deleted; a failure to write (a full disk) raises
    and leaves the backup as it was.
    """
    key = bytes(vault._data_key)  # a vault's backups share its data key
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".purge-") as temp:
            work = Path(temp)
            try:
                manifest, keys_text, database = _unpack(path, work)
                _check_manifest(manifest, vault.keys.vault_id)
                keys = _keys(keys_text)
                cleaned = _without_contacts(database, key, group_id, work / "clean.db")
            except _Unusable:
                _delete(path)
                return "deleted"
            except _Foreign:
                return "clean"
            if cleaned is None:
                return "clean"
            _verify(cleaned, bytearray(key), keys, path)
            _replace(path, _archive(manifest, keys_text, cleaned, work))
    except OSError as exc:
        raise StorageFailed(path, str(exc)) from exc
    except sqlcipher3.Error as exc:
        raise StorageFailed(path, str(exc)) from exc
    return "rewritten"


def _unpack(path: Path, work: Path) -> tuple[bytes, str, Path]:
    """The manifest and key file as they are, and the database unpacked into ``work``."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise _Unusable from exc
    with zf:
        entries = {info.filename: info for info in zf.infolist()}
        if sorted(entries) != sorted(MEMBERS) or any(
                info.file_size > (MAX_DATABASE if name == "vault.db" else MAX_SMALL_MEMBER)
                for name, info in entries.items()):
            raise _Unusable
        database = work / "vault.db"
        try:
            manifest = zf.read("manifest.json")
            keys_text = zf.read("vault.keys").decode("utf-8")
            source = zf.open("vault.db")
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError,
                UnicodeDecodeError) as exc:
            raise _Unusable from exc
        with source, database.open("wb") as target:
            while True:
                try:
                    chunk = source.read(1024 * 1024)
                except (zipfile.BadZipFile, ValueError, EOFError, zlib.error) as exc:
                    raise _Unusable from exc
                if not chunk:
                    break
                target.write(chunk)  # an OSError here is the disk's, not the backup's
    return manifest, keys_text, database


def _check_manifest(manifest: bytes, vault_id: str) -> None:
    try:
        found = json.loads(manifest)
    except (ValueError, RecursionError) as exc:
        raise _Unusable from exc
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise _Unusable
    if found.get("vault_id") != vault_id:
        raise _Foreign


def _keys(text: str) -> keyslots.KeyFile:
    try:
        return keyslots.from_json(text)
    except VaultDamaged as exc:
        raise _Unusable from exc


def _without_contacts(database: Path, key: bytes, group_id: str, target: Path) -> Path | None:
    """A fresh copy of ``database`` without the group's contacts; None if it had none."""
    try:
        conn = connection.connect(database, key)
    except (WrongPassphrase, VaultDamaged, NotAVault) as exc:
        raise _Unusable from exc
    try:
        try:
            if conn.execute("PRAGMA cipher_integrity_check").fetchall():
                raise _Unusable  # pages that fail their check: the backup is damaged
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                     " AND name = ?", (_TABLE,)).fetchone()
            found = has_table and conn.execute(
                f"SELECT count(*) FROM {_TABLE} WHERE group_id = ?", (group_id,)).fetchone()[0]
        except sqlcipher3.OperationalError:
            raise
        except sqlcipher3.DatabaseError as exc:  # a page fails its check: damaged
            raise _Unusable from exc
        if not found:
            return None  # none of the group's contacts (or made before the list existed)
        conn.execute(f"DELETE FROM {_TABLE} WHERE group_id = ?", (group_id,))
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    return target


def _archive(manifest: bytes, keys_text: str, database: Path, work: Path) -> Path:
    """The backup archive again, with its own manifest and key file and the new data."""
    archive = work / "backup.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as target:
        target.writestr("manifest.json", manifest)
        target.writestr("vault.keys", keys_text)
        target.write(database, "vault.db")
    with archive.open("rb") as fh:
        os.fsync(fh.fileno())
    return archive


def _replace(path: Path, archive: Path) -> None:
    """Put the rewritten archive in place of the old one, under the same name."""
    archive.replace(path)
    fsync_folder(path.parent)


def _delete(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fsync_folder(path.parent)
