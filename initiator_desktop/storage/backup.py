"""Encrypted backups: one file holding a consistent snapshot of the vault and its key file.

A backup is a ZIP archive (stored, not compressed: its contents are already encrypted)
with ``manifest.json`` (no group data), ``vault.keys`` and ``vault.db``, the latter made
with ``VACUUM INTO`` so it is consistent while the app keeps working, and carries no free
pages. It restores anywhere with the passphrase or the recovery key it was made with.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from initiator_desktop.atomic_files import fsync_folder
from initiator_desktop.storage import connection, keyslots
from initiator_desktop.storage.errors import (
    NotAVault,
    StorageFailed,
    VaultDamaged,
    VaultExists,
    WrongPassphrase,
    WrongRecoveryKey,
)
from initiator_desktop.storage.keyslots import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KeyFile,
    WrongSecret,
    key_file_path,
    passphrase_bytes,
)
from initiator_desktop.storage.recovery_key import parse_recovery_key
from initiator_desktop.storage.vault import Vault, schema_version

FORMAT = "initiator-desktop/backup"
VERSION = 1
SUFFIX = ".igbackup"
MEMBERS = ("manifest.json", "vault.keys", "vault.db")
MAX_DATABASE = 4 * 1024**3
MAX_SMALL_MEMBER = 64 * 1024


@dataclass(frozen=True, slots=True)
class BackupInfo:
    vault_id: str
    made_at: str
    schema_version: int


def _snapshot(vault: Vault, folder: Path) -> Path:
    target = folder / "vault.db"
    try:
        vault.connection.execute("VACUUM INTO ?", (str(target),))
    except sqlcipher3.Error as exc:
        raise StorageFailed(target, str(exc)) from exc
    return target


def write_backup(vault: Vault, destination: Path) -> BackupInfo:
    """Write an encrypted backup of the open ``vault`` to ``destination`` atomically."""
    destination = Path(destination)
    info = BackupInfo(vault.keys.vault_id, datetime.now(UTC).isoformat(timespec="seconds"),
                      schema_version(vault.connection))
    manifest = {"format": FORMAT, "version": VERSION, "vault_id": info.vault_id,
                "made_at": info.made_at, "schema_version": info.schema_version}
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".backup-") as temp:
            database = _snapshot(vault, Path(temp))
            archive = Path(temp) / "backup.zip"
            with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr("manifest.json", json.dumps(manifest, indent=2))
                zf.writestr("vault.keys", keyslots.to_json(vault.keys))
                zf.write(database, "vault.db")
            with archive.open("rb") as fh:
                os.fsync(fh.fileno())
            archive.replace(destination)
        fsync_folder(destination.parent)
    except OSError as exc:
        raise StorageFailed(destination, str(exc)) from exc
    return info


def _read_members(source: Path, folder: Path) -> tuple[dict[str, object], KeyFile, Path]:
    """Check the archive's shape and sizes, then unpack it into ``folder``."""
    try:
        zf = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise NotAVault(source, "not a backup file") from exc
    with zf:
        entries = {info.filename: info for info in zf.infolist()}
        if sorted(entries) != sorted(MEMBERS):
            raise NotAVault(source, "not a backup file")
        for name, info in entries.items():
            limit = MAX_DATABASE if name == "vault.db" else MAX_SMALL_MEMBER
            if info.file_size > limit or info.is_dir():
                raise VaultDamaged(source, f"backup member {name} too large")
        try:
            manifest = json.loads(zf.read("manifest.json"))
            keys = keyslots.from_json(zf.read("vault.keys").decode("utf-8"))
            database = folder / "vault.db"
            with zf.open("vault.db") as src, database.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
        except (ValueError, RecursionError, RuntimeError, NotImplementedError, OSError,
                zipfile.BadZipFile, UnicodeDecodeError) as exc:
            # Hostile archives: deep JSON, encrypted or unknown-compression members.
            raise VaultDamaged(source, "backup file damaged") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotAVault(source, "not a backup file")
    version = manifest.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise VaultDamaged(source, "backup manifest damaged")
    if manifest.get("vault_id") != keys.vault_id:
        raise VaultDamaged(source, "backup parts do not belong together")
    return manifest, keys, database


def _unwrap(keys: KeyFile, source: Path, passphrase: str | None,
            recovery_key: str | None) -> bytearray:
    try:
        if recovery_key is not None:
            return keyslots.unwrap(keys.slots[RECOVERY_SLOT], parse_recovery_key(recovery_key),
                                   keys.vault_id, RECOVERY_SLOT)
        secret = passphrase_bytes(connection.normalise_passphrase(passphrase or ""))
        return keyslots.unwrap(keys.slots[PASSPHRASE_SLOT], secret, keys.vault_id,
                               PASSPHRASE_SLOT)
    except (WrongSecret, KeyError) as exc:
        if recovery_key is not None:
            raise WrongRecoveryKey(source) from exc
        raise WrongPassphrase(source) from exc


def restore_backup(source: Path, target: Path, *, passphrase: str | None = None,
                   recovery_key: str | None = None, new_passphrase: str | None = None,
                   replace_existing: bool = False) -> BackupInfo:
    """Restore ``source`` to the vault path ``target``.

    With the recovery key, ``new_passphrase`` is required and becomes the passphrase.
    Existing files at ``target`` are kept aside (``.replaced-<time>``) only if asked to.
    """
    source, target = Path(source), Path(target)
    if recovery_key is not None and not new_passphrase:
        raise WrongRecoveryKey(source, "a new passphrase is required")
    keys_target = key_file_path(target)
    existing = [p for p in (target, keys_target) if p.exists()]
    if existing and not replace_existing:
        raise VaultExists(existing[0])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".restore-") as temp:
            manifest, keys, database = _read_members(source, Path(temp))
            data_key = _unwrap(keys, source, passphrase, recovery_key)
            _verify(database, data_key, keys, source)
            keys = _with_new_passphrase(keys, data_key, new_passphrase)
            keys = replace(keys, initialised=True, legacy_rekey_pending=False)
            aside = _set_aside(existing)
            try:
                keyslots.write_key_file(keys_target, keys)
                with database.open("rb") as fh:
                    os.fsync(fh.fileno())
                database.replace(target)
                fsync_folder(target.parent)
            except BaseException:
                _put_back(aside)
                raise
    except OSError as exc:
        raise StorageFailed(target, str(exc)) from exc
    return BackupInfo(keys.vault_id, str(manifest.get("made_at", "")),
                      int(manifest["schema_version"]))


def _with_new_passphrase(keys: KeyFile, data_key: bytearray,
                         new_passphrase: str | None) -> KeyFile:
    """The key file with a new passphrase slot if one is given; wipes the data key."""
    try:
        if not new_passphrase:
            return keys
        secret = passphrase_bytes(connection.normalise_passphrase(new_passphrase))
        slot = keyslots.wrap(bytes(data_key), secret, keyslots.PASSPHRASE_KDF, keys.vault_id,
                             PASSPHRASE_SLOT)
        return keys.with_slot(PASSPHRASE_SLOT, slot)
    finally:
        for index in range(len(data_key)):
            data_key[index] = 0


def _verify(database: Path, data_key: bytearray, keys: KeyFile, source: Path) -> None:
    try:
        conn = connection.connect(database, bytes(data_key))
    except WrongPassphrase as exc:
        raise VaultDamaged(source, "backup data does not match its key") from exc
    try:
        problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        found = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if problems or found is None or found[0] != keys.vault_id:
            raise VaultDamaged(source, "backup data damaged")
    except sqlcipher3.DatabaseError as exc:
        raise VaultDamaged(source, str(exc)) from exc
    finally:
        conn.close()


def _set_aside(paths: list[Path]) -> list[tuple[Path, Path]]:
    """Rename existing files out of the way; returns (original, aside) pairs."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    moved = []
    for path in paths:
        aside = path.with_name(f"{path.name}.replaced-{stamp}")
        if aside.exists():
            raise StorageFailed(aside, "a set-aside copy with this name exists")
        path.replace(aside)
        moved.append((path, aside))
    return moved


def _put_back(moved: list[tuple[Path, Path]]) -> None:
    for original, aside in moved:
        with contextlib.suppress(OSError):
            original.unlink(missing_ok=True)
            aside.replace(original)


def rolling_backup(vault: Vault, folder: Path, keep: int) -> Path | None:
    """A new backup in ``folder``, keeping only the ``keep`` newest; None if keep is 0."""
    if keep <= 0:
        return None
    folder = Path(folder) / vault.keys.vault_id
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"{stamp}{SUFFIX}"
    write_backup(vault, path)
    for old in sorted(folder.glob(f"*{SUFFIX}"))[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path
