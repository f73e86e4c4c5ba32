"""The vault: one SQLCipher database file opened with a passphrase.

Creating never overwrites a file; opening never writes before the key is verified and
the schema is known; migrations run forward, one transaction per step.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from initiator_desktop.core.models import new_id
from initiator_desktop.storage import connection
from initiator_desktop.storage.errors import (
    StorageFailed,
    VaultDamaged,
    VaultExists,
    VaultTooNew,
)
from initiator_desktop.storage.migrations import LATEST_VERSION, MIGRATIONS
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


class Vault:
    """An open vault. Use ``Vault.create`` or ``Vault.open``; close it when done."""

    def __init__(self, path: Path, conn: Any) -> None:
        self.path = path
        self._conn: Any = conn
        self.repo = SqlRepository(conn)

    @classmethod
    def create(cls, path: Path, passphrase: str) -> Vault:
        """A new, empty vault at ``path``; refuses to touch an existing file."""
        passphrase = connection.normalise_passphrase(passphrase)
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise VaultExists(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageFailed(path, str(exc)) from exc
        conn = connection.connect(path, passphrase, create=True)
        try:
            migrate(conn)
            now = datetime.now(UTC).replace(microsecond=0).isoformat()
            with SqlRepository(conn).transaction():
                conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("vault_id", new_id()), ("created_at", now)],
                )
        except BaseException:
            conn.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path, passphrase: str, *, upgrade: bool = True) -> Vault:
        """Open an existing vault; a wrong passphrase or damaged file raises VaultError."""
        path = Path(path)
        passphrase = connection.normalise_passphrase(passphrase)
        connection.sniff(path)
        conn = connection.connect(path, passphrase)
        try:
            version = schema_version(conn)
            if version > LATEST_VERSION:
                raise VaultTooNew(path, f"schema {version}")
            if version == 0:
                raise VaultDamaged(path, "no schema")
            if upgrade:
                migrate(conn)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise VaultDamaged(path, str(exc)) from exc
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    @property
    def connection(self) -> Any:
        return self._conn

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What ``check_vault`` found. ``problems`` is empty for a healthy vault."""

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


def check_vault(path: Path, passphrase: str) -> CheckReport:
    """Run SQLCipher's and SQLite's integrity checks on a fresh, read-only use of the file."""
    path = Path(path)
    passphrase = connection.normalise_passphrase(passphrase)
    connection.sniff(path)
    conn = connection.connect(path, passphrase)
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
