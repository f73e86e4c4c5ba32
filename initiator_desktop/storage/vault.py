"""The vault: an SQLCipher database keyed by a random data key, plus its key file.

Creating never overwrites a file; opening never writes before the key is verified and
the schema is known; migrations run forward, one transaction per step. Vaults made
before key files existed (keyed directly by the passphrase) are upgraded on open.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from initiator_desktop.core.models import new_id
from initiator_desktop.storage import connection, keyslots
from initiator_desktop.storage.errors import (
    KeyFileMissing,
    NotAVault,
    StorageFailed,
    VaultDamaged,
    VaultDataMissing,
    VaultExists,
    VaultTooNew,
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
from initiator_desktop.storage.migrations import LATEST_VERSION, MIGRATIONS
from initiator_desktop.storage.recovery_key import new_recovery_key, parse_recovery_key
from initiator_desktop.storage.repository import SqlRepository

VAULT_SUFFIX = ".vault"


def schema_version(conn: Any) -> int:
    return int(connection.pragma_value(conn, "user_version") or 0)


def migrate(conn: Any, target: int = LATEST_VERSION) -> int:
    """Bring the schema forward to ``target``; returns the version found before."""
    found = schema_version(conn)
    if found > LATEST_VERSION:
        raise VaultTooNew(detail=f"schema {found}")
    for version in range(found, target):
        try:
            conn.execute("BEGIN IMMEDIATE")
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageFailed(detail=str(exc)) from exc
    return found


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _wipe(key: bytearray) -> None:
    for index in range(len(key)):
        key[index] = 0


def _new_slots(data_key: bytes, passphrase: str, vault_id: str) -> tuple[dict[str, Any], str]:
    recovery_text, recovery_secret = new_recovery_key()
    slots = {
        PASSPHRASE_SLOT: keyslots.wrap(data_key, passphrase_bytes(passphrase),
                                       keyslots.PASSPHRASE_KDF, vault_id, PASSPHRASE_SLOT),
        RECOVERY_SLOT: keyslots.wrap(data_key, recovery_secret, keyslots.RECOVERY_KDF,
                                     vault_id, RECOVERY_SLOT),
    }
    return slots, recovery_text


def _unwrap_with_passphrase(keys: KeyFile, passphrase: str, path: Path) -> bytearray:
    """The data key from the passphrase slot; WrongPassphrase if it does not open."""
    try:
        return keyslots.unwrap(keys.slots[PASSPHRASE_SLOT], passphrase_bytes(passphrase),
                               keys.vault_id, PASSPHRASE_SLOT)
    except WrongSecret as exc:
        raise WrongPassphrase(path) from exc


def _database_present(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


class Vault:
    """An open vault. Use ``create``, ``open`` or ``open_with_recovery_key``; close it after.

    ``recovery_key`` holds a newly made recovery key until the UI has shown it once;
    ``must_change_passphrase`` is set after unlocking with the recovery key.
    """

    def __init__(self, path: Path, conn: Any, keys: KeyFile, data_key: bytearray) -> None:
        self.path = path
        self.keys = keys
        self._conn: Any = conn
        self._data_key = data_key
        self.repo = SqlRepository(conn)
        self.recovery_key: str | None = None
        self.must_change_passphrase = False

    # -- creating -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str) -> Vault:
        """A new, empty vault at ``path``; refuses to touch existing files."""
        passphrase = connection.normalise_passphrase(passphrase)
        path, keys_path = Path(path), key_file_path(Path(path))
        for existing in (path, keys_path):
            if existing.exists() or existing.is_symlink():
                raise VaultExists(existing)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageFailed(path, str(exc)) from exc
        data_key, vault_id, created = bytearray(secrets.token_bytes(32)), new_id(), _now()
        slots, recovery_text = _new_slots(bytes(data_key), passphrase, vault_id)
        keys = KeyFile(vault_id=vault_id, created_at=created, slots=slots, initialised=False)
        keyslots.write_key_file(keys_path, keys)
        conn = None
        try:
            conn = connection.connect(path, bytes(data_key), create=True)
            migrate(conn)
            with SqlRepository(conn).transaction():
                conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)",
                                 [("vault_id", vault_id), ("created_at", created)])
            keys = replace(keys, initialised=True)
            keyslots.write_key_file(keys_path, keys)
        except BaseException:
            if conn is not None:
                conn.close()
            for leftover in (path, keys_path):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        vault = cls(path, conn, keys, data_key)
        vault.recovery_key = recovery_text
        return vault

    # -- opening --------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, passphrase: str, *, upgrade: bool = True) -> Vault:
        """Open an existing vault; a wrong passphrase or damaged file raises VaultError."""
        path = Path(path)
        passphrase = connection.normalise_passphrase(passphrase)
        keys_path = key_file_path(path)
        if not keys_path.exists():
            return cls._open_legacy(path, passphrase, upgrade=upgrade)
        keys = keyslots.read_key_file(keys_path)
        data_key = _unwrap_with_passphrase(keys, passphrase, path)
        return cls._open_keyed(path, keys, data_key, legacy_passphrase=passphrase,
                               upgrade=upgrade)

    @classmethod
    def open_with_recovery_key(cls, path: Path, recovery_key: str) -> Vault:
        """Open with the recovery key; the caller must then set a new passphrase."""
        path = Path(path)
        secret = parse_recovery_key(recovery_key)
        keys_path = key_file_path(path)
        if not keys_path.exists():
            raise WrongRecoveryKey(path, "this vault has no recovery key")
        keys = keyslots.read_key_file(keys_path)
        if RECOVERY_SLOT not in keys.slots:
            raise WrongRecoveryKey(path, "this vault has no recovery key")
        try:
            data_key = keyslots.unwrap(keys.slots[RECOVERY_SLOT], secret, keys.vault_id,
                                       RECOVERY_SLOT)
        except WrongSecret as exc:
            raise WrongRecoveryKey(path) from exc
        vault = cls._open_keyed(path, keys, data_key)
        vault.must_change_passphrase = True
        return vault

    @classmethod
    def _open_keyed(cls, path: Path, keys: KeyFile, data_key: bytearray, *,
                    legacy_passphrase: str | None = None, upgrade: bool = True) -> Vault:
        if not _database_present(path):
            if keys.initialised and not path.is_dir():
                raise VaultDataMissing(path)
            connection.sniff(path)
            raise NotAVault(path, "vault creation did not finish")
        connection.sniff(path)
        if keys.legacy_rekey_pending and legacy_passphrase is not None:
            conn = cls._finish_legacy_rekey(path, keys, data_key, legacy_passphrase)
        else:
            conn = cls._connect_verified(path, data_key)
        try:
            found = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
            if found is None or found[0] != keys.vault_id:
                raise VaultDamaged(path, "the data file belongs to another key file")
            cls._check_schema(conn, path, upgrade)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise VaultDamaged(path, str(exc)) from exc
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, keys, data_key)

    @staticmethod
    def _connect_verified(path: Path, key: bytes | bytearray) -> Any:
        # The key file already proved the secret right: a refusal now means damage.
        try:
            return connection.connect(path, bytes(key))
        except WrongPassphrase as exc:
            raise VaultDamaged(path, "the data file does not match its key") from exc

    @staticmethod
    def _check_schema(conn: Any, path: Path, upgrade: bool) -> None:
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise VaultTooNew(path, f"schema {version}")
        if version == 0:
            raise VaultDamaged(path, "no schema")
        if upgrade:
            migrate(conn)

    # -- vaults from before key files ---------------------------------------------
    @classmethod
    def _open_legacy(cls, path: Path, passphrase: str, *, upgrade: bool) -> Vault:
        connection.sniff(path)
        try:
            conn = connection.connect(path, passphrase)
        except WrongPassphrase as exc:
            # Vaults keyed by the passphrase itself predate key files; any other vault
            # without its key file cannot be opened, whatever the passphrase.
            raise KeyFileMissing(path) from exc
        try:
            cls._check_schema(conn, path, upgrade=False)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise VaultDamaged(path, str(exc)) from exc
        except BaseException:
            conn.close()
            raise
        if not upgrade:
            return cls(path, conn, KeyFile(meta.get("vault_id", ""), "", {}), bytearray())
        conn.close()
        if not meta.get("vault_id"):
            raise VaultDamaged(path, "no vault id")
        data_key = bytearray(secrets.token_bytes(32))
        slots, recovery_text = _new_slots(bytes(data_key), passphrase, meta["vault_id"])
        keys = KeyFile(vault_id=meta["vault_id"], created_at=meta.get("created_at", _now()),
                       slots=slots, legacy_rekey_pending=True)
        keyslots.write_key_file(key_file_path(path), keys)
        vault = cls._open_keyed(path, keys, data_key, legacy_passphrase=passphrase)
        vault.recovery_key = recovery_text
        return vault

    @classmethod
    def _finish_legacy_rekey(cls, path: Path, keys: KeyFile, data_key: bytearray,
                             passphrase: str) -> Any:
        """Re-encrypt a passphrase-keyed database under the data key, crash-safely.

        The key file (written first, marked pending) already wraps the new data key, so
        after a crash either key opens the database and the rekey is simply redone.
        """
        with contextlib.suppress(WrongPassphrase):
            conn = connection.connect(path, bytes(data_key))
            keyslots.write_key_file(key_file_path(path),
                                    replace(keys, legacy_rekey_pending=False))
            return conn
        try:
            old = connection.connect(path, passphrase)
        except WrongPassphrase as exc:
            raise VaultDamaged(path, "neither the old nor the new key opens the data") from exc
        try:
            old.execute(connection.key_pragma(bytes(data_key), verb="rekey"))
        finally:
            old.close()
        # sqlite3_rekey can report success after rolling back: verify by reopening.
        conn = cls._connect_verified(path, data_key)
        keyslots.write_key_file(key_file_path(path), replace(keys, legacy_rekey_pending=False))
        return conn

    # -- secrets --------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the data key under a new passphrase; the database is not touched."""
        self._require_open()
        new_passphrase = connection.normalise_passphrase(new_passphrase)
        slot = keyslots.wrap(bytes(self._data_key), passphrase_bytes(new_passphrase),
                             keyslots.PASSPHRASE_KDF, self.keys.vault_id, PASSPHRASE_SLOT)
        keys = self.keys.with_slot(PASSPHRASE_SLOT, slot)
        keyslots.write_key_file(key_file_path(self.path), keys)
        self.keys = keys
        self.must_change_passphrase = False

    def renew_recovery_key(self) -> str:
        """Replace the recovery key; the old one stops working. Returns the new one."""
        self._require_open()
        text, secret = new_recovery_key()
        slot = keyslots.wrap(bytes(self._data_key), secret, keyslots.RECOVERY_KDF,
                             self.keys.vault_id, RECOVERY_SLOT)
        keys = self.keys.with_slot(RECOVERY_SLOT, slot)
        keyslots.write_key_file(key_file_path(self.path), keys)
        self.keys = keys
        return text

    def _require_open(self) -> None:
        # After close() the data key is zeroed: wrapping it would lock the vault for good.
        if self._conn is None:
            raise StorageFailed(self.path, "the vault is locked")

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is the vault's current one (for confirming actions)."""
        try:
            key = _unwrap_with_passphrase(
                self.keys, connection.normalise_passphrase(passphrase), self.path)
        except WrongPassphrase:
            return False
        same = secrets.compare_digest(bytes(key), bytes(self._data_key))
        _wipe(key)
        return same

    # -- the rest -------------------------------------------------------------------
    @property
    def connection(self) -> Any:
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        """Close the database and overwrite the data key in memory (best effort)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        _wipe(self._data_key)
        self.recovery_key = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What ``check_vault`` found. ``ok`` is true only for a healthy vault."""

    schema_version: int
    latest_version: int
    cipher_problems: tuple[str, ...]
    integrity_problems: tuple[str, ...]
    foreign_key_problems: int

    @property
    def ok(self) -> bool:
        return (
            not self.cipher_problems
            and not self.integrity_problems
            and not self.foreign_key_problems
            and 0 < self.schema_version <= self.latest_version
        )


def _database_key(path: Path, passphrase: str) -> str | bytes:
    """The key for the database file: unwrapped from the key file, or a legacy passphrase."""
    keys_path = key_file_path(path)
    if not keys_path.exists():
        connection.sniff(path)
        return passphrase
    keys = keyslots.read_key_file(keys_path)
    key = _unwrap_with_passphrase(keys, passphrase, path)
    try:
        if not _database_present(path) and keys.initialised and not path.is_dir():
            raise VaultDataMissing(path)
        connection.sniff(path)
        return bytes(key)
    finally:
        _wipe(key)


def check_vault(path: Path, passphrase: str) -> CheckReport:
    """SQLCipher's and SQLite's integrity checks on a fresh connection; changes nothing."""
    path = Path(path)
    passphrase = connection.normalise_passphrase(passphrase)
    key = _database_key(path, passphrase)
    try:
        conn = connection.connect(path, key)
    except WrongPassphrase as exc:
        if isinstance(key, bytes):
            raise VaultDamaged(path, "the data file does not match its key") from exc
        raise KeyFileMissing(path) from exc
    try:
        cipher = tuple(str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check"))
        try:
            integrity = tuple(
                str(r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"
            )
            foreign = len(conn.execute("PRAGMA foreign_key_check").fetchall())
            version = schema_version(conn)
        except sqlcipher3.DatabaseError as exc:
            integrity, foreign, version = (str(exc),), 0, schema_version_or_zero(conn)
        return CheckReport(version, LATEST_VERSION, cipher, integrity, foreign)
    finally:
        conn.close()


def schema_version_or_zero(conn: Any) -> int:
    try:
        return schema_version(conn)
    except sqlcipher3.DatabaseError:
        return 0
