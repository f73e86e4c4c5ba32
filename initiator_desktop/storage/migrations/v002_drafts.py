"""Schema version 2: unsaved work kept encrypted when the vault locks by itself."""

from __future__ import annotations

from typing import Any


def apply(conn: Any) -> None:
    conn.execute(
        "CREATE TABLE drafts (key TEXT PRIMARY KEY, payload TEXT NOT NULL,"
        " saved_at TEXT NOT NULL) STRICT"
    )
