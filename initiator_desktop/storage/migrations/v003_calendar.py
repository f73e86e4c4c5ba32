"""Schema version 3: pauses, skipping public holidays, a calendar code word, added meetings.

SQLite cannot change a CHECK constraint in place, so ``schedule_changes`` is rebuilt
to accept the new kind ``added``; its rows are copied unchanged.
"""

from __future__ import annotations

from typing import Any

STATEMENTS = (
    "ALTER TABLE groups ADD COLUMN skip_holidays INTEGER NOT NULL DEFAULT 0"
    " CHECK (skip_holidays IN (0, 1))",
    "ALTER TABLE groups ADD COLUMN code_word TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE group_pauses (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL CHECK (last_day >= first_day),
        PRIMARY KEY (group_id, first_day)
    ) STRICT""",
    """CREATE TABLE schedule_changes_v3 (
        schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        original_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cancelled', 'moved', 'added')),
        new_date TEXT,
        new_start TEXT,
        PRIMARY KEY (schedule_id, original_date)
    ) STRICT""",
    "INSERT INTO schedule_changes_v3 SELECT schedule_id, original_date, kind, new_date,"
    " new_start FROM schedule_changes",
    "DROP TABLE schedule_changes",
    "ALTER TABLE schedule_changes_v3 RENAME TO schedule_changes",
)


def apply(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
