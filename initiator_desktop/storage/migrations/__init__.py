"""Forward-only schema migrations; each step runs in its own transaction.

``MIGRATIONS[n]`` takes a vault from schema version ``n`` to ``n + 1``. Never edit a
released step: add a new one, and a fixture vault of the released version to tests.
"""

from __future__ import annotations

from collections.abc import Callable

from initiator_desktop.storage.migrations import (
    v001_initial,
    v002_drafts,
    v003_calendar,
    v004_records,
)

Connection = object
Migration = Callable[[object], None]

MIGRATIONS: tuple[Migration, ...] = (
    v001_initial.apply, v002_drafts.apply, v003_calendar.apply, v004_records.apply,
)
LATEST_VERSION = len(MIGRATIONS)
