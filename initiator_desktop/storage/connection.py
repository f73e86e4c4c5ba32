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


def key_pragma(key: str | bytes, verb: str = "key") -> str:
    """``PRAGMA key`` for a raw 32-byte key (bytes) or a legacy passphrase (str)."""
    if isinstance(key, bytes | bytearray):
        return f"PRAGMA {verb} = \"x'{bytes(key).hex()}'\""
    # PRAGMA takes no bound parameters: quote as an SQL string literal.
    return f"PRAGMA {verb} = '" + key.replace("'", "''") + "'"


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


def connect(path: Path, key: str | bytes, *, create: bool = False) -> Any:
    """A keyed, verified connection with the pinned settings applied.

    ``key`` is the raw data key, or for vaults from before key files the passphrase.
    """
    mode = "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise StorageFailed(path, str(exc)) from exc
    try:
        _silence_cipher_log(conn)
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongPassphrase(path) from exc
        raise VaultDamaged(path, str(exc)) from exc
    try:
        for name, value in CONNECTION_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}").fetchall()
        _verify_settings(conn)
    except sqlcipher3.Error as exc:
        conn.close()
        raise StorageFailed(path, str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


EXPECTED = {
    "foreign_keys": 1, "temp_store": 2, "secure_delete": 1, "journal_mode": "delete",
    "synchronous": 2, "cipher_page_size": "4096", "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_memory_security": "1",
}


def _verify_settings(conn: Any) -> None:
    """Read the pinned settings back: a build or a file that differs is refused."""
    version = str(pragma_value(conn, "cipher_version") or "")
    if not version.startswith("4."):
        raise StorageFailed(detail=f"SQLCipher 4 required, found {version!r}")
    for name, expected in EXPECTED.items():
        found = pragma_value(conn, name)
        if found != expected:
            raise StorageFailed(detail=f"{name} is {found!r}, expected {expected!r}")


def pragma_value(conn: Any, name: str) -> object:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return row[0] if row else None
