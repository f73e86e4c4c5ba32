"""``FrameRecords`` on SQLCipher: tables frame_agreements, frame_changes, frame_profiles.

Snapshots and profile items are JSON documents; what comes back out of them is checked
and nonsense is reported as a damaged vault rather than crashing a screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from typing import Any

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_profiles import FrameProfile, ProfileItem
from initiator_desktop.core.frame_records import (
    AgreementKind,
    FrameAgreement,
    FrameChange,
    agreement_order,
    profile_order,
)
from initiator_desktop.core.models import FrameItem, FrameKind, FrameText
from initiator_desktop.storage.errors import VaultDamaged


def _dumps(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def _instant(when: datetime) -> str:
    # Fixed-width UTC text sorts in time order, also across the clock change.
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _texts_doc(texts: Any) -> dict[str, dict[str, str]]:
    return {code: {"title": t.title, "body": t.body} for code, t in texts.items()}


def _item_doc(item: FrameItem) -> dict[str, Any]:
    return {"id": item.id, "kind": item.kind.value, "source_key": item.source_key,
            "texts": _texts_doc(item.texts)}


def _profile_item_doc(item: ProfileItem) -> dict[str, Any]:
    return {"kind": item.kind.value, "library_key": item.library_key,
            "texts": _texts_doc(item.texts)}


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _texts(doc: object) -> dict[str, FrameText]:
    if not isinstance(doc, dict):
        raise TypeError("object expected")
    found = {}
    for code, text in doc.items():
        if not isinstance(text, dict) or set(text) != {"title", "body"}:
            raise TypeError("title and body expected")
        found[_str(code)] = FrameText(_str(text["title"]), _str(text["body"]))
    return found


def _items(text: str, read: Callable[[dict[str, Any]], Any]) -> list[Any]:
    document = json.loads(text)
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise TypeError("items expected")
    items = []
    for doc in document["items"]:
        if not isinstance(doc, dict):
            raise TypeError("object expected")
        items.append(read(doc))
    return items


def _frame_item(doc: dict[str, Any]) -> FrameItem:
    return FrameItem(kind=FrameKind(_str(doc["kind"])), texts=_texts(doc["texts"]),
                     source_key=_str(doc["source_key"]), id=_str(doc["id"]))


def _profile_item(doc: dict[str, Any]) -> ProfileItem:
    return ProfileItem(kind=FrameKind(_str(doc["kind"])), texts=_texts(doc["texts"]),
                       library_key=_str(doc["library_key"]))


class _Damage:
    """Turns a row that the domain refuses into ``VaultDamaged``."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 _tb: object) -> None:
        if kind is not None and issubclass(
            kind, (ValueError, KeyError, TypeError, AttributeError, DomainError)
        ):
            raise VaultDamaged(detail=f"frame records: {err}") from err


class SqlFrameRecords:
    """Mixed into ``SqlRepository``, which provides the helpers used here."""

    _rows: Callable[[str, Sequence[object]], list[Any]]
    _write: Callable[[str, Sequence[object]], None]
    _require_group: Callable[[str], None]
    transaction: Callable[[], AbstractContextManager[None]]

    # agreements -----------------------------------------------------------------------
    def frame_agreements(self, group_id: str) -> list[FrameAgreement]:
        rows = self._rows(
            "SELECT kind, agreed_on, agreed_count FROM frame_agreements WHERE group_id = ?",
            (group_id,),
        )
        with _Damage():
            found = [FrameAgreement(AgreementKind(kind), date.fromisoformat(day), count)
                     for kind, day, count in rows]
        return sorted(found, key=agreement_order)

    def save_frame_agreement(self, group_id: str, agreement: FrameAgreement) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write(
                "INSERT INTO frame_agreements (group_id, kind, agreed_on, agreed_count)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (group_id, kind, agreed_on)"
                " DO UPDATE SET agreed_count = excluded.agreed_count",
                (group_id, agreement.kind.value, agreement.agreed_on.isoformat(),
                 agreement.agreed_count),
            )

    def delete_frame_agreement(self, group_id: str, kind: AgreementKind, agreed_on: date) -> None:
        self._write(
            "DELETE FROM frame_agreements WHERE group_id = ? AND kind = ? AND agreed_on = ?",
            (group_id, AgreementKind(kind).value, agreed_on.isoformat()),
        )

    # history --------------------------------------------------------------------------
    def frame_changes(self, group_id: str) -> list[FrameChange]:
        rows = self._rows(
            "SELECT changed_at, snapshot FROM frame_changes WHERE group_id = ?"
            " ORDER BY changed_at",
            (group_id,),
        )
        with _Damage():
            return [FrameChange(datetime.fromisoformat(when), tuple(_items(text, _frame_item)))
                    for when, text in rows]

    def add_frame_change(self, group_id: str, change: FrameChange) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write(
                "INSERT INTO frame_changes (group_id, changed_at, snapshot) VALUES (?, ?, ?)",
                (group_id, _instant(change.changed_at),
                 _dumps({"items": [_item_doc(item) for item in change.items]})),
            )

    # profiles -------------------------------------------------------------------------
    def _profiles(self, where: str = "", params: Sequence[object] = ()) -> list[FrameProfile]:
        rows = self._rows(f"SELECT id, name, version, document FROM frame_profiles{where}",
                          params)
        with _Damage():
            return [FrameProfile(name=name, version=version, id=ident,
                                 items=tuple(_items(text, _profile_item)))
                    for ident, name, version, text in rows]

    def frame_profiles(self) -> list[FrameProfile]:
        return sorted(self._profiles(), key=profile_order)

    def frame_profile(self, profile_id: str) -> FrameProfile | None:
        found = self._profiles(" WHERE id = ?", (profile_id,))
        return found[0] if found else None

    def save_frame_profile(self, profile: FrameProfile) -> None:
        self._write(
            "INSERT INTO frame_profiles (id, name, version, document) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
            " version = excluded.version, document = excluded.document",
            (profile.id, profile.name, profile.version,
             _dumps({"items": [_profile_item_doc(item) for item in profile.items]})),
        )

    def delete_frame_profile(self, profile_id: str) -> None:
        self._write("DELETE FROM frame_profiles WHERE id = ?", (profile_id,))
