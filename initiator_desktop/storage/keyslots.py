"""The vault's key file: a random data key wrapped by the passphrase and the recovery key.

The data key encrypts the SQLCipher database as a raw key. Each secret derives a
key-encryption key with Argon2id and wraps the data key with AES-256-GCM, bound to the
vault and the slot by the associated data. Changing a secret rewrites only this small
file, atomically; the database is never re-encrypted for it.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from initiator_desktop import atomic_files
from initiator_desktop.storage.errors import StorageFailed, VaultDamaged

FORMAT = "initiator-desktop/keys"
VERSION = 1
KEY_BYTES = 32
MAX_KEY_FILE = 64 * 1024
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes, lanes."""

    memory_kib: int
    iterations: int
    parallelism: int

    def check_stored(self) -> None:
        """Refuse absurd or tampered values before any memory is allocated."""
        if not (8 * 1024 <= self.memory_kib <= 1024 * 1024):
            raise VaultDamaged(detail="key file: memory cost out of range")
        if not (1 <= self.iterations <= 20) or not (1 <= self.parallelism <= 8):
            raise VaultDamaged(detail="key file: time or lane cost out of range")


# 256 MiB and three passes: about 0.4-1 s on a current laptop, four times the memory of
# RFC 9106's second recommendation, since a stolen laptop allows unlimited offline guesses.
PASSPHRASE_KDF = KdfParams(memory_kib=256 * 1024, iterations=3, parallelism=4)
# The recovery key already carries 128 random bits; the KDF is defence in depth.
RECOVERY_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, parallelism=4)


class WrongSecret(Exception):
    """The secret does not open this slot."""


def passphrase_bytes(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret, salt, time_cost=params.iterations, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID,
    )


@dataclass(frozen=True, slots=True)
class Slot:
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


def _aad(vault_id: str, slot_name: str) -> bytes:
    return f"{FORMAT}/v{VERSION}|{vault_id}|{slot_name}".encode()


def wrap(data_key: bytes, secret: bytes, params: KdfParams, vault_id: str, name: str) -> Slot:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = derive(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, bytes(data_key), _aad(vault_id, name))
    return Slot(params, salt, nonce, wrapped)


def unwrap(slot: Slot, secret: bytes, vault_id: str, name: str) -> bytearray:
    slot.kdf.check_stored()
    kek = derive(secret, slot.salt, slot.kdf)
    try:
        return bytearray(AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _aad(vault_id, name)))
    except InvalidTag as exc:
        raise WrongSecret from exc


@dataclass(frozen=True, slots=True)
class KeyFile:
    """Everything needed to turn a secret into the database key; holds no secret itself."""

    vault_id: str
    created_at: str
    slots: dict[str, Slot]
    initialised: bool = True
    legacy_rekey_pending: bool = False
    generation: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    def with_slot(self, name: str, slot: Slot) -> KeyFile:
        return replace(self, slots={**self.slots, name: slot}, generation=self.generation + 1)


def key_file_path(vault_path: Path) -> Path:
    return Path(vault_path).with_name(Path(vault_path).name + ".keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, size: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise VaultDamaged(detail="key file: bad field")
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError as exc:
        raise VaultDamaged(detail="key file: bad base64") from exc
    if size is not None and len(raw) != size:
        raise VaultDamaged(detail="key file: bad length")
    return raw


def to_json(keys: KeyFile) -> str:
    slots = {
        name: {"kdf": "argon2id", "memory_kib": s.kdf.memory_kib,
               "iterations": s.kdf.iterations, "parallelism": s.kdf.parallelism,
               "salt": _b64(s.salt), "nonce": _b64(s.nonce), "wrapped_key": _b64(s.wrapped)}
        for name, s in sorted(keys.slots.items())
    }
    document = {
        "format": FORMAT, "version": VERSION, "vault_id": keys.vault_id,
        "created_at": keys.created_at, "generation": keys.generation,
        "initialised": keys.initialised, "legacy_rekey_pending": keys.legacy_rekey_pending,
        "slots": slots,
    }
    return json.dumps(document, indent=2) + "\n"


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise VaultDamaged(detail="key file: bad number")
    return value


def _slot(doc: Any) -> Slot:
    if not isinstance(doc, dict) or doc.get("kdf") != "argon2id":
        raise VaultDamaged(detail="key file: unknown key derivation")
    params = KdfParams(_int(doc.get("memory_kib")), _int(doc.get("iterations")),
                       _int(doc.get("parallelism")))
    params.check_stored()
    salt = _unb64(doc.get("salt"))
    if not 16 <= len(salt) <= 32:
        raise VaultDamaged(detail="key file: bad salt")
    return Slot(params, salt, _unb64(doc.get("nonce"), 12),
                _unb64(doc.get("wrapped_key"), KEY_BYTES + 16))


def from_json(text: str) -> KeyFile:
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise VaultDamaged(detail="key file: not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise VaultDamaged(detail="key file: unknown format")
    if doc.get("version") != VERSION:
        raise VaultDamaged(detail="key file: unknown version")
    slots = doc.get("slots")
    if not isinstance(slots, dict) or PASSPHRASE_SLOT not in slots:
        raise VaultDamaged(detail="key file: no passphrase slot")
    vault_id, created = doc.get("vault_id"), doc.get("created_at")
    if not isinstance(vault_id, str) or not isinstance(created, str):
        raise VaultDamaged(detail="key file: bad identity")
    return KeyFile(
        vault_id=vault_id, created_at=created,
        slots={name: _slot(s) for name, s in slots.items()
               if name in (PASSPHRASE_SLOT, RECOVERY_SLOT)},
        initialised=doc.get("initialised") is True,
        legacy_rekey_pending=doc.get("legacy_rekey_pending") is True,
        generation=_int(doc.get("generation", 1)),
    )


def read_key_file(path: Path) -> KeyFile:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise VaultDamaged(path, f"key file unreadable: {exc.strerror}") from exc
    if len(data) > MAX_KEY_FILE:
        raise VaultDamaged(path, "key file too large")
    try:
        return from_json(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise VaultDamaged(path, "key file: not text") from exc


def write_atomically(path: Path, data: bytes) -> None:
    try:
        atomic_files.write_atomically(path, data)
    except OSError as exc:
        raise StorageFailed(path, str(exc)) from exc


def write_key_file(path: Path, keys: KeyFile) -> None:
    write_atomically(path, to_json(keys).encode("utf-8"))
