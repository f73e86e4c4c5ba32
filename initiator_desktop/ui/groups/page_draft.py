"""The group page's unsaved fields as JSON, for a draft kept in the vault over a lock.

It records what is typed, valid or not (an empty name, a half-written frame), so it
reads the editors' widgets rather than building domain values. The JSON only ever goes
into the encrypted vault (``storage.drafts``), never into a file or the settings.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import FrameKind, Pause
from initiator_desktop.ui.groups.frame_table_model import FrameDraft
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget

DRAFT_KEY = "ui/group-page"
FORMAT = 1


def capture(page: GroupPageWidget) -> str:
    """Every field of the page as a JSON text (schema ``FORMAT``)."""
    d, p, s, f, c = page.details, page.place, page.schedule, page.frames, page.calendar
    document: dict[str, Any] = {
        "format": FORMAT,
        "group_id": page.group_id(),
        "details": {
            "name": d.name.text(), "theme": d.theme.text(),
            "tradition": str(d.current_tradition().value), "is_open": d.open_radio.isChecked(),
            "status": str(d.current_status().value),
            "initiator_meetings": d.initiator_meetings.value(),
            "planned_size": d.planned_size.value(),
        },
        "place": {
            "name": p.name.text(), "kind": str(p.current_kind().value),
            "address": p.address.text(), "access_notes": p.access_notes.toPlainText(),
            "dial_in": p.dial_in.toPlainText(),
        },
        "schedule": {
            "enabled": s.enabled.isChecked(),
            "first_date": s.first_date.date().toPython().isoformat(),
            "start": s.start.time().toString("HH:mm"),
            "duration": s.duration.value(), "break": s.break_minutes.value(),
            "interval": int(s.interval.currentData() or 1),
            "has_last": s.has_last.isChecked(),
            "last_date": s.last_date.date().toPython().isoformat(),
            "rhythm_from": s.rhythm_from.date().toPython().isoformat(),
        },
        "calendar": {
            "skip_holidays": c.skip_holidays.isChecked(), "code_word": c.code_word.text(),
            "pauses": [[p.first_day.isoformat(), p.last_day.isoformat()]
                       for p in c.current_pauses()],
        },
        "frames": {
            "row": f.current_row(),
            "items": [
                {"id": draft.id, "kind": str(draft.kind.value), "source_key": draft.source_key,
                 "texts": {code: list(text) for code, text in draft.texts.items()}}
                for draft in f.model.drafts()
            ],
        },
    }
    return json.dumps(document, ensure_ascii=False)


def restore(page: GroupPageWidget, payload: str) -> bool:
    """Put a captured page back and mark it changed; False if the text is not a draft."""
    try:
        document = json.loads(payload)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            return False
        group_id = document.get("group_id")
        if not (isinstance(group_id, str) and page.show_group(group_id)):
            page.start_new_group()
        _restore_details(page, document["details"])
        _restore_place(page, document["place"])
        _restore_schedule(page, document["schedule"])
        if "calendar" in document:  # drafts from before schema 3 have no calendar section
            _restore_calendar(page, document["calendar"])
        _restore_frames(page, document["frames"])
    except (ValueError, KeyError, TypeError):
        return False
    page.mark_edited()
    return True


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _restore_details(page: GroupPageWidget, doc: dict[str, Any]) -> None:
    d = page.details
    d.name.setText(str(doc["name"]))
    d.theme.setText(str(doc["theme"]))
    _select(d.tradition, doc["tradition"])
    (d.open_radio if doc["is_open"] else d.closed_radio).setChecked(True)
    _select(d.status, doc["status"])
    d.initiator_meetings.setValue(int(doc["initiator_meetings"]))
    d.planned_size.setValue(int(doc["planned_size"]))


def _restore_place(page: GroupPageWidget, doc: dict[str, Any]) -> None:
    p = page.place
    p.name.setText(str(doc["name"]))
    _select(p.kind, doc["kind"])
    p.kind.activated.emit(p.kind.currentIndex())  # shows the fields for this kind
    p.address.setText(str(doc["address"]))
    p.access_notes.setPlainText(str(doc["access_notes"]))
    p.dial_in.setPlainText(str(doc["dial_in"]))


def _qdate(text: str) -> QDate:
    day = date.fromisoformat(text)
    return QDate(day.year, day.month, day.day)


def _restore_schedule(page: GroupPageWidget, doc: dict[str, Any]) -> None:
    s = page.schedule
    s.enabled.setChecked(bool(doc["enabled"]))
    s.first_date.setDate(_qdate(doc["first_date"]))
    s.start.setTime(QTime.fromString(str(doc["start"]), "HH:mm"))
    s.duration.setValue(int(doc["duration"]))
    s.break_minutes.setValue(int(doc["break"]))
    _select(s.interval, int(doc["interval"]))
    s.has_last.setChecked(bool(doc["has_last"]))
    s.last_date.setDate(_qdate(doc["last_date"]))
    if "rhythm_from" in doc:
        s.rhythm_from.setDate(_qdate(doc["rhythm_from"]))


def _restore_calendar(page: GroupPageWidget, doc: dict[str, Any]) -> None:
    c = page.calendar
    c.skip_holidays.setChecked(bool(doc["skip_holidays"]))
    c.code_word.setText(str(doc["code_word"]))
    pauses = []
    for first, last in doc["pauses"]:
        try:
            pauses.append(Pause(date.fromisoformat(first), date.fromisoformat(last)))
        except DomainError:
            continue  # a pause that no longer holds is dropped, the rest of the draft kept
    c.show_pauses(tuple(pauses))


def _restore_frames(page: GroupPageWidget, doc: dict[str, Any]) -> None:
    drafts = [
        FrameDraft(kind=FrameKind(item["kind"]), source_key=str(item["source_key"]),
                   id=str(item["id"]),
                   texts={code: (str(text[0]), str(text[1]))
                          for code, text in item["texts"].items()})
        for item in doc["items"]
    ]
    page.frames.load(drafts, select=int(doc["row"]))
