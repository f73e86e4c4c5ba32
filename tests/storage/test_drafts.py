"""Drafts survive a lock inside the encrypted vault and are handed back once."""

from __future__ import annotations

from pathlib import Path

from initiator_desktop.storage.drafts import delete_draft, load_draft, save_draft
from initiator_desktop.storage.vault import Vault


def test_a_draft_is_kept_encrypted_until_deleted(tmp_path: Path) -> None:
    path = tmp_path / "d.vault"
    with Vault.create(path, "draft passphrase") as vault:
        save_draft(vault, "group-page", '{"theme": "Utbrenthet-utkast"}')
        save_draft(vault, "group-page", '{"theme": "Utbrenthet-utkast-2"}')
    assert b"Utbrenthet" not in path.read_bytes()
    with Vault.open(path, "draft passphrase") as vault:
        assert load_draft(vault, "group-page") == '{"theme": "Utbrenthet-utkast-2"}'
        assert load_draft(vault, "group-page") == '{"theme": "Utbrenthet-utkast-2"}'
        delete_draft(vault, "group-page")
        assert load_draft(vault, "group-page") is None
