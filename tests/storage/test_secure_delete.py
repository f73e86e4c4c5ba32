"""Deleted rows do not survive in the database's free pages (secure_delete).

The pages are decrypted here with the data key (SQLCipher 4: AES-256-CBC, the IV in the
page's reserved tail), so the test sees exactly what a leaked key would reveal.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from initiator_desktop.core.models import Group
from initiator_desktop.storage.vault import Vault

PAGE = 4096
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512
SALT = 16


def decrypted_pages(path: Path, key: bytes) -> bytes:
    data = path.read_bytes()
    plain = bytearray()
    for offset in range(0, len(data), PAGE):
        page = data[offset : offset + PAGE]
        start = SALT if offset == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain += decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(plain)


def test_a_deleted_groups_theme_is_gone_from_every_page(tmp_path: Path) -> None:
    path = tmp_path / "sd.vault"
    theme = "Spiseforstyrrelser-unik-markør"
    with Vault.create(path, "secure delete test") as vault:
        key = bytes(vault._data_key)
        keep = Group(name="Blir", theme="Annet tema")
        gone = Group(name="Forsvinner", theme=theme)
        vault.repo.save_group(keep)
        vault.repo.save_group(gone)
        # Positive control: while the row lives, the decryption finds it.
        assert theme.encode() in decrypted_pages(path, key)
        assert theme.encode() not in path.read_bytes()
        vault.repo.delete_group(gone.id)
    pages = decrypted_pages(path, key)
    assert b"Annet tema" in pages
    assert theme.encode() not in pages
