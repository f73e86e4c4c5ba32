"""Drafts: unsaved work written into the vault (encrypted) when it locks by itself.

A lock must never lose the user's typing, nor leave it in memory: the UI hands over its
unsaved state as text under a key, and takes it back after the next unlock.
"""

from __future__ import annotations

from datetime import UTC, datetime

from initiator_desktop.storage.vault import Vault


def save_draft(vault: Vault, key: str, payload: str) -> None:
    with vault.repo.transaction():
        vault.connection.execute(
            "INSERT INTO drafts (key, payload, saved_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET payload = excluded.payload,"
            " saved_at = excluded.saved_at",
            (key, payload, datetime.now(UTC).isoformat(timespec="seconds")),
        )


def load_draft(vault: Vault, key: str) -> str | None:
    """The draft stored under ``key``; it stays until ``delete_draft`` (after a save)."""
    row = vault.connection.execute("SELECT payload FROM drafts WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def delete_draft(vault: Vault, key: str) -> None:
    with vault.repo.transaction():
        vault.connection.execute("DELETE FROM drafts WHERE key = ?", (key,))
