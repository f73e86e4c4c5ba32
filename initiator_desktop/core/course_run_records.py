"""Storing course runs: the repository methods (``CourseRunRecords``) and the JSON document
each run is kept as (table ``course_runs``, one document per run).

The document holds the participants' names only for a run that opted in; for every
other run there is no ``names`` key at all. Reading refuses any document that does not
have exactly the expected shape (``DocumentInvalid``), so storage can report damage.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, Protocol

from initiator_desktop.core.course_runs import CourseRun, Session
from initiator_desktop.core.errors import DomainError

DOCUMENT_FORMAT = 1
_RUN_KEYS = {"format", "title", "pack", "language", "place", "first_day", "last_day",
             "participants", "store_names", "sessions"}
_SESSION_KEYS = {"id", "day", "start", "end", "modules", "covered"}


class CourseRunRecords(Protocol):
    """The vault's course runs, ordered by first day, then title."""

    def course_runs(self) -> list[CourseRun]: ...
    def course_run(self, run_id: str) -> CourseRun | None: ...
    def save_course_run(self, run: CourseRun) -> None:
        """Add the run, or replace the one with the same id."""
        ...
    def delete_course_run(self, run_id: str) -> None: ...


class DocumentInvalid(ValueError):
    """A stored course run document is not one this code wrote."""


def run_order(run: CourseRun) -> tuple[date, str, str]:
    return (run.first_day, run.title.casefold(), run.id)


def run_document(run: CourseRun) -> dict[str, Any]:
    """The run as a JSON-ready document (without its id, which is the row's key)."""
    document: dict[str, Any] = {
        "format": DOCUMENT_FORMAT,
        "title": run.title,
        "pack": run.pack_id,
        "language": run.language,
        "place": run.place,
        "first_day": run.first_day.isoformat(),
        "last_day": run.last_day.isoformat(),
        "participants": run.participants,
        "store_names": run.store_names,
        "sessions": [
            {"id": s.id, "day": s.day.isoformat(), "start": s.start.strftime("%H:%M"),
             "end": s.end.strftime("%H:%M"), "modules": list(s.module_ids),
             "covered": sorted(s.covered)}
            for s in run.sessions
        ],
    }
    if run.store_names:
        document["names"] = list(run.names)
    return document


def _field(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if isinstance(value, bool) and kind is not bool:
        raise DocumentInvalid(key)
    if not isinstance(value, kind):
        raise DocumentInvalid(key)
    return value


def _strings(data: dict[str, Any], key: str) -> list[str]:
    values = _field(data, key, list)
    if not all(isinstance(v, str) for v in values):
        raise DocumentInvalid(key)
    return values


def _day(data: dict[str, Any], key: str) -> date:
    try:
        return date.fromisoformat(_field(data, key, str))
    except ValueError as exc:
        raise DocumentInvalid(key) from exc


def _clock(data: dict[str, Any], key: str) -> time:
    text = _field(data, key, str)
    try:
        value = time.fromisoformat(text)
    except ValueError as exc:
        raise DocumentInvalid(key) from exc
    if len(text) != len("HH:MM"):
        raise DocumentInvalid(key)
    return value


def _session(data: Any) -> Session:
    if not isinstance(data, dict) or set(data) != _SESSION_KEYS:
        raise DocumentInvalid("sessions")
    return Session(day=_day(data, "day"), start=_clock(data, "start"),
                   end=_clock(data, "end"), module_ids=tuple(_strings(data, "modules")),
                   covered=frozenset(_strings(data, "covered")), id=_field(data, "id", str))


def run_from_document(run_id: str, data: Any) -> CourseRun:
    """The run stored as ``data``; DocumentInvalid for any other shape or a broken rule."""
    if not isinstance(data, dict):
        raise DocumentInvalid("$")
    store = data.get("store_names")
    expected = _RUN_KEYS | ({"names"} if store is True else set())
    if set(data) != expected or data.get("format") != DOCUMENT_FORMAT:
        raise DocumentInvalid("$")
    try:
        return CourseRun(
            id=run_id, title=_field(data, "title", str), pack_id=_field(data, "pack", str),
            language=_field(data, "language", str), place=_field(data, "place", str),
            first_day=_day(data, "first_day"), last_day=_day(data, "last_day"),
            participants=_field(data, "participants", int),
            store_names=_field(data, "store_names", bool),
            names=tuple(_strings(data, "names")) if store is True else (),
            sessions=tuple(_session(s) for s in _field(data, "sessions", list)),
        )
    except DomainError as exc:
        raise DocumentInvalid(exc.field or "$") from exc
