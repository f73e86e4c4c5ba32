"""Opening SQLCipher connections with the vault's pinned settings.

Every open goes through here so the cipher, journal and privacy settings cannot be
forgotten. SQLCipher reports a wrong key and a damaged file alike ("file is not a
database"), so the file is sniffed first to tell the cases apart where it can be.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import sqlcipher3

from initiator_desktop.storage.errors import (
    NotAVault,
    StorageFailed,
    VaultDamaged,
    VaultNotFound,
    WrongPassphrase,
)

PAGE_SIZE = 4096
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_PASSPHRASE = 1024

# Settings applied after the key on every connection; checked back where SQLCipher
# lets us read them. Cipher settings themselves stay at SQLCipher 4's defaults.
CONNECTION_PRAGMAS = (
    ("foreign_keys", "ON"),
    ("temp_store", "MEMORY"),
    ("secure_delete", "ON"),
    ("journal_mode", "DELETE"),
    ("synchronous", "FULL"),
)


def normalise_passphrase(passphrase: str) -> str:
    """NFC form, so the same passphrase typed on two keyboards unlocks the same vault."""
    if not passphrase:
        raise WrongPassphrase(detail="empty")
    if len(passphrase) > MAX_PASSPHRASE or "\x00" in passphrase:
        raise WrongPassphrase(detail="unusable")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise WrongPassphrase(detail="not utf-8") from exc
    return unicodedata.normalize("NFC", passphrase)


def _key_pragma(passphrase: str) -> str:
    # PRAGMA takes no bound parameters: quote as an SQL string literal.
    return "PRAGMA key = '" + passphrase.replace("'", "''") + "'"


def _looks_like_text(head: bytes) -> bool:
    printable = sum(1 for b in head if 32 <= b < 127 or b in b"\t\r\n")
    return printable > 0.95 * len(head)


def sniff(path: Path) -> None:
    """Raise if ``path`` cannot be a SQLCipher vault, without opening it for writing."""
    if not path.exists():
        raise VaultNotFound(path)
    if not path.is_file():
        raise NotAVault(path, "not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(PAGE_SIZE)
    except OSError as exc:
        raise StorageFailed(path, str(exc)) from exc
    if size == 0:
        raise NotAVault(path, "empty file")
    if head.startswith(SQLITE_MAGIC):
        raise NotAVault(path, "unencrypted SQLite database")
    if _looks_like_text(head):
        raise NotAVault(path, "text file")
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise VaultDamaged(path, "truncated")


def _silence_cipher_log(conn: Any) -> None:
    # Process-wide: SQLCipher otherwise writes HMAC failures to stderr on a wrong key.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA cipher_memory_security = ON")


def connect(path: Path, passphrase: str, *, create: bool = False) -> Any:
    """A keyed, verified connection with the pinned settings applied."""
    mode = "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise StorageFailed(path, str(exc)) from exc
    try:
        _silence_cipher_log(conn)
        conn.execute(_key_pragma(passphrase))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongPassphrase(path) from exc
        raise VaultDamaged(path, str(exc)) from exc
    try:
        for name, value in CONNECTION_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}").fetchall()
    except sqlcipher3.Error as exc:
        conn.close()
        raise StorageFailed(path, str(exc)) from exc
    return conn


def pragma_value(conn: Any, name: str) -> object:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return row[0] if row else None
