"""Schema version 1: places, groups, schedules, frames and anonymous attendance.

Attendance columns are STRICT integers: there is nowhere to store a name.
"""

from __future__ import annotations

from typing import Any

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('room', 'phone', 'video')),
    address TEXT NOT NULL DEFAULT '',
    access_notes TEXT NOT NULL DEFAULT '',
    dial_in TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    tradition TEXT NOT NULL,
    is_open INTEGER NOT NULL CHECK (is_open IN (0, 1)),
    status TEXT NOT NULL,
    initiator_meetings INTEGER NOT NULL,
    planned_size INTEGER,
    place_id TEXT REFERENCES places (id) ON DELETE RESTRICT
) STRICT;

CREATE TABLE schedules (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    break_minutes INTEGER NOT NULL,
    interval_weeks INTEGER NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT
) STRICT;
CREATE INDEX schedules_group ON schedules (group_id);

CREATE TABLE schedule_changes (
    schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    original_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cancelled', 'moved')),
    new_date TEXT,
    new_start TEXT,
    PRIMARY KEY (schedule_id, original_date)
) STRICT;

CREATE TABLE frame_items (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('practical', 'conversation', 'custom')),
    source_key TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX frame_items_group ON frame_items (group_id, position);

CREATE TABLE frame_texts (
    item_id TEXT NOT NULL REFERENCES frame_items (id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('nb', 'nn', 'en')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (item_id, language)
) STRICT;

CREATE TABLE attendance (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    meeting_date TEXT NOT NULL,
    present INTEGER NOT NULL CHECK (present >= 0),
    newcomers INTEGER NOT NULL CHECK (newcomers >= 0),
    notified_absent INTEGER NOT NULL CHECK (notified_absent >= 0),
    PRIMARY KEY (group_id, meeting_date)
) STRICT;
"""


def apply(conn: Any) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
