"""``GroupLife`` for ``MemoryRepository``: kept in the repository's state, so transactions
roll it back and deleting a group drops it."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

from initiator_desktop.core.group_life import (
    Contact,
    GroupEvent,
    MemberCount,
    check_contacts,
    check_document_name,
)


class MemoryGroupLife:
    _state: Any

    def _require_group(self, group_id: str) -> None: ...  # provided by MemoryRepository

    def _table(self, name: str, group_id: str) -> Any:
        return self._state.extra.setdefault(f"group:{name}", {}).setdefault(group_id, {})

    def member_counts(self, group_id: str) -> list[MemberCount]:
        table = self._state.extra.get("group:members", {}).get(group_id, {})
        return [table[d] for d in sorted(table)]

    def save_member_count(self, group_id: str, count: MemberCount) -> None:
        self._require_group(group_id)
        self._table("members", group_id)[count.changed_on] = count

    def delete_member_count(self, group_id: str, changed_on: date) -> None:
        self._state.extra.get("group:members", {}).get(group_id, {}).pop(changed_on, None)

    def events(self, group_id: str) -> list[GroupEvent]:
        table = self._state.extra.get("group:events", {}).get(group_id, {})
        return [table[k] for k in sorted(table)]

    def add_event(self, group_id: str, event: GroupEvent) -> None:
        self._require_group(group_id)
        self._table("events", group_id)[(event.happened_on, event.kind.value)] = event

    def delete_event(self, group_id: str, event: GroupEvent) -> None:
        table = self._state.extra.get("group:events", {}).get(group_id, {})
        table.pop((event.happened_on, event.kind.value), None)

    def group_document(self, group_id: str, name: str) -> dict[str, Any] | None:
        check_document_name(name)
        found = self._state.extra.get("group:documents", {}).get(group_id, {}).get(name)
        return copy.deepcopy(found)

    def save_group_document(self, group_id: str, name: str, document: dict[str, Any]) -> None:
        check_document_name(name)
        self._require_group(group_id)
        # Through JSON, as the database does: what cannot be stored there fails here too.
        self._table("documents", group_id)[name] = json.loads(json.dumps(document))

    def contacts(self, group_id: str) -> list[Contact]:
        return list(self._state.extra.get("group:contacts", {}).get(group_id, {}).values())

    def save_contacts(self, group_id: str, contacts: list[Contact]) -> None:
        check_contacts(contacts)
        self._require_group(group_id)
        self._state.extra.setdefault("group:contacts", {})[group_id] = {
            c.id: c for c in contacts}

    def delete_contacts(self, group_id: str) -> int:
        removed = self._state.extra.get("group:contacts", {}).pop(group_id, {})
        return len(removed)
