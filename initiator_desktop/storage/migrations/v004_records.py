"""Schema version 4: the records around a group and the training side.

- frames (#5): when a group agreed on its frames and on confidentiality (how many, never
  who), each change of its agreed frames as a snapshot, and shareable frame profiles;
- the group's life (#6): its number of members over time, dated events (started, handed
  over, follow-up, asked back, ended, restarted), its run sheets and checklists, and the
  short contact list for the calls before the first meeting (deleted at handover);
- training (#7): the reader's progress per module and planned course runs.

Shapes that change with the feature (run sheets, checklists, course runs, progress) are
JSON documents, checked by the code that reads them; everything is encrypted like the
rest of the vault.
"""

from __future__ import annotations

from typing import Any

STATEMENTS = (
    """CREATE TABLE frame_agreements (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('frames', 'confidentiality')),
        agreed_on TEXT NOT NULL,
        agreed_count INTEGER CHECK (agreed_count IS NULL OR agreed_count BETWEEN 0 AND 200),
        PRIMARY KEY (group_id, kind, agreed_on)
    ) STRICT""",
    """CREATE TABLE frame_changes (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        PRIMARY KEY (group_id, changed_at)
    ) STRICT""",
    """CREATE TABLE frame_profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        document TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE group_members (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        changed_on TEXT NOT NULL,
        members INTEGER NOT NULL CHECK (members BETWEEN 0 AND 200),
        PRIMARY KEY (group_id, changed_on)
    ) STRICT""",
    """CREATE TABLE group_events (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        happened_on TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (group_id, happened_on, kind)
    ) STRICT""",
    """CREATE TABLE group_documents (
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (group_id, name)
    ) STRICT""",
    """CREATE TABLE group_contacts (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        reach TEXT NOT NULL DEFAULT '',
        called INTEGER NOT NULL DEFAULT 0 CHECK (called IN (0, 1))
    ) STRICT""",
    "CREATE INDEX group_contacts_group ON group_contacts (group_id, position)",
    """CREATE TABLE training_progress (
        pack_id TEXT NOT NULL,
        module_id TEXT NOT NULL,
        document TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (pack_id, module_id)
    ) STRICT""",
    """CREATE TABLE course_runs (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL
    ) STRICT""",
)


def apply(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
