"""``GroupLife`` for ``SqlRepository`` on the schema 4 tables.

Contacts are deleted with ``secure_delete`` on (the connection's pinned setting), so the
freed pages are zeroed; ``storage.contact_purge`` also clears the write-ahead log and the
rolling backups.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from initiator_desktop.core.group_life import (
    Contact,
    GroupEvent,
    MemberCount,
    check_contacts,
    check_document_name,
)
from initiator_desktop.storage.errors import VaultDamaged


class SqlGroupLife:
    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]: ...
    def _write(self, sql: str, params: Sequence[object] = ()) -> None: ...
    def _require_group(self, group_id: str) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...

    def member_counts(self, group_id: str) -> list[MemberCount]:
        rows = self._rows("SELECT changed_on, members FROM group_members WHERE group_id = ?"
                          " ORDER BY changed_on", (group_id,))
        return [MemberCount(date.fromisoformat(r[0]), r[1]) for r in rows]

    def save_member_count(self, group_id: str, count: MemberCount) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write("INSERT INTO group_members (group_id, changed_on, members)"
                        " VALUES (?, ?, ?) ON CONFLICT (group_id, changed_on)"
                        " DO UPDATE SET members = excluded.members",
                        (group_id, count.changed_on.isoformat(), count.members))

    def delete_member_count(self, group_id: str, changed_on: date) -> None:
        self._write("DELETE FROM group_members WHERE group_id = ? AND changed_on = ?",
                    (group_id, changed_on.isoformat()))

    def events(self, group_id: str) -> list[GroupEvent]:
        rows = self._rows("SELECT happened_on, kind, detail FROM group_events"
                          " WHERE group_id = ? ORDER BY happened_on, kind", (group_id,))
        return [GroupEvent(date.fromisoformat(r[0]), r[1], r[2]) for r in rows]

    def add_event(self, group_id: str, event: GroupEvent) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write("INSERT INTO group_events (group_id, happened_on, kind, detail)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT (group_id, happened_on, kind)"
                        " DO UPDATE SET detail = excluded.detail",
                        (group_id, event.happened_on.isoformat(), event.kind.value,
                         event.detail))

    def delete_event(self, group_id: str, event: GroupEvent) -> None:
        self._write("DELETE FROM group_events WHERE group_id = ? AND happened_on = ?"
                    " AND kind = ?", (group_id, event.happened_on.isoformat(),
                                      event.kind.value))

    def group_document(self, group_id: str, name: str) -> dict[str, Any] | None:
        check_document_name(name)
        rows = self._rows("SELECT document FROM group_documents WHERE group_id = ?"
                          " AND name = ?", (group_id, name))
        if not rows:
            return None
        try:
            found = json.loads(rows[0][0])
        except ValueError as exc:
            raise VaultDamaged(detail=f"group_documents {name}") from exc
        if not isinstance(found, dict):
            raise VaultDamaged(detail=f"group_documents {name}")
        return found

    def save_group_document(self, group_id: str, name: str, document: dict[str, Any]) -> None:
        check_document_name(name)
        text = json.dumps(document, ensure_ascii=False, sort_keys=True)
        with self.transaction():
            self._require_group(group_id)
            self._write("INSERT INTO group_documents (group_id, name, document) VALUES (?, ?, ?)"
                        " ON CONFLICT (group_id, name) DO UPDATE SET document = excluded.document",
                        (group_id, name, text))

    def contacts(self, group_id: str) -> list[Contact]:
        rows = self._rows("SELECT id, label, reach, called FROM group_contacts"
                          " WHERE group_id = ? ORDER BY position", (group_id,))
        return [Contact(id=r[0], label=r[1], reach=r[2], called=bool(r[3])) for r in rows]

    def save_contacts(self, group_id: str, contacts: list[Contact]) -> None:
        check_contacts(contacts)
        with self.transaction():
            self._require_group(group_id)
            self._write("DELETE FROM group_contacts WHERE group_id = ?", (group_id,))
            for position, c in enumerate(contacts):
                self._write("INSERT INTO group_contacts (id, group_id, position, label, reach,"
                            " called) VALUES (?, ?, ?, ?, ?, ?)",
                            (c.id, group_id, position, c.label, c.reach, int(c.called)))

    def delete_contacts(self, group_id: str) -> int:
        with self.transaction():
            count = len(self._rows("SELECT 1 FROM group_contacts WHERE group_id = ?",
                                   (group_id,)))
            self._write("DELETE FROM group_contacts WHERE group_id = ?", (group_id,))
        return count
