"""The JSON interchange format for the whole vault content (docs/formats.md).

Import is all-or-nothing: the document is parsed strictly, validated against the JSON
Schema, turned into domain objects (which check their own rules) and checked for
identifiers and references before a single row is written.
"""

from __future__ import annotations

import json
import re
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.content import (
    GroupRecord,
    VaultContent,
    add_content,
    check_content,
    read_content,
)
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Place,
    PlaceKind,
    Schedule,
    Tradition,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.exchange import safe_json
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.resources import resources_dir

FORMAT = "initiator-desktop/vault"
# Version 1 files (no pauses, holiday skipping, code words or added meetings) still import;
# the schema accepts both.
FORMAT_VERSION = 2
TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def _validator() -> Draft202012Validator:
    schema_path = resources_dir() / "schemas" / "vault-interchange.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- export ----------------------------------------------------------------------------
def _place_doc(p: Place) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "kind": p.kind.value, "address": p.address,
            "access_notes": p.access_notes, "dial_in": p.dial_in}


def _schedule_doc(s: Schedule) -> dict[str, Any]:
    return {
        "id": s.id, "weekday": WEEKDAYS[s.weekday], "start": _hhmm(s.start),
        "duration_minutes": s.duration_minutes, "break_minutes": s.break_minutes,
        "interval_weeks": s.interval_weeks, "first_date": _iso(s.first_date),
        "last_date": _iso(s.last_date),
        "changes": [
            {"original_date": _iso(c.original_date), "kind": c.kind.value,
             "new_date": _iso(c.new_date), "new_start": _hhmm(c.new_start)}
            for c in s.changes
        ],
    }


def _frame_doc(f: FrameItem) -> dict[str, Any]:
    return {
        "id": f.id, "kind": f.kind.value, "source_key": f.source_key,
        "texts": {lang: {"title": t.title, "body": t.body} for lang, t in sorted(f.texts.items())},
    }


def _group_doc(r: GroupRecord) -> dict[str, Any]:
    g = r.group
    return {
        "id": g.id, "name": g.name, "theme": g.theme, "tradition": g.tradition.value,
        "open": g.is_open, "status": g.status.value, "initiator_meetings": g.initiator_meetings,
        "planned_size": g.planned_size, "place_id": g.place_id,
        "skip_holidays": g.skip_holidays, "code_word": g.code_word,
        "pauses": [{"from": _iso(p.first_day), "to": _iso(p.last_day)} for p in g.pauses],
        "schedules": [_schedule_doc(s) for s in r.schedules],
        "frames": [_frame_doc(f) for f in r.frames],
        "attendance": [
            {"date": _iso(a.meeting_date), "present": a.present, "newcomers": a.newcomers,
             "notified_absent": a.notified_absent}
            for a in r.attendance
        ],
    }


def to_document(content: VaultContent) -> dict[str, Any]:
    """The interchange document for ``content`` (deterministic for equal content)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "places": [_place_doc(p) for p in content.places],
        "groups": [_group_doc(r) for r in content.groups],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_file(repo: VaultRepository, path: Path) -> VaultContent:
    """Write the whole vault content to ``path``; returns what was written."""
    content = read_content(repo)
    write_atomically(path, dumps(to_document(content)).encode("utf-8"))
    return content


# -- import ----------------------------------------------------------------------------
def _date(value: str, path: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidFile(N_("{value} is not a valid date."), path, value=value) from exc


def _opt_date(value: str | None, path: str) -> date | None:
    return None if value is None else _date(value, path)


def _time(value: str, path: str) -> time:
    # Python's "$" in the schema's pattern also matches before a final newline.
    if not TIME_PATTERN.fullmatch(value):
        raise InvalidFile(N_("{value} is not a valid time."), path, value=value.strip())
    return time.fromisoformat(value)


def _opt_time(value: str | None, path: str) -> time | None:
    return None if value is None else _time(value, path)


def _build(path: str, factory: Any, **kwargs: Any) -> Any:
    try:
        return factory(**kwargs)
    except DomainError as err:
        where = f"{path}.{err.field}" if err.field else path
        raise InvalidFile(err.message, where, **err.params) from err


def _place(doc: dict[str, Any], path: str) -> Place:
    return _build(path, Place, id=doc["id"], name=doc["name"], kind=PlaceKind(doc["kind"]),
                  address=doc.get("address", ""), access_notes=doc.get("access_notes", ""),
                  dial_in=doc.get("dial_in", ""))


def _schedule(doc: dict[str, Any], path: str) -> Schedule:
    changes = tuple(
        _build(f"{path}.changes[{i}]", MeetingChange,
               original_date=_date(c["original_date"], f"{path}.changes[{i}].original_date"),
               kind=ChangeKind(c["kind"]),
               new_date=_opt_date(c.get("new_date"), f"{path}.changes[{i}].new_date"),
               new_start=_opt_time(c.get("new_start"), f"{path}.changes[{i}].new_start"))
        for i, c in enumerate(doc.get("changes", []))
    )
    return _build(
        path, Schedule, id=doc["id"], weekday=WEEKDAYS.index(doc["weekday"]),
        start=_time(doc["start"], f"{path}.start"),
        duration_minutes=doc.get("duration_minutes", 120),
        break_minutes=doc.get("break_minutes", 15), interval_weeks=doc.get("interval_weeks", 1),
        first_date=_date(doc["first_date"], f"{path}.first_date"),
        last_date=_opt_date(doc.get("last_date"), f"{path}.last_date"), changes=changes,
    )


def _frame(doc: dict[str, Any], path: str) -> FrameItem:
    texts = {
        lang: _build(f"{path}.texts.{lang}", FrameText, title=t["title"], body=t.get("body", ""))
        for lang, t in doc["texts"].items()
    }
    return _build(path, FrameItem, id=doc["id"], kind=FrameKind(doc["kind"]), texts=texts,
                  source_key=doc.get("source_key", ""))


def _attendance(doc: dict[str, Any], path: str) -> Attendance:
    return _build(path, Attendance, meeting_date=_date(doc["date"], f"{path}.date"),
                  present=doc["present"], newcomers=doc.get("newcomers", 0),
                  notified_absent=doc.get("notified_absent", 0))


def _group(doc: dict[str, Any], path: str) -> GroupRecord:
    group = _build(
        path, Group, id=doc["id"], name=doc["name"], theme=doc.get("theme", ""),
        tradition=Tradition(doc.get("tradition", "sn")), is_open=doc.get("open", False),
        status=GroupStatus(doc["status"]), initiator_meetings=doc.get("initiator_meetings", 3),
        planned_size=doc.get("planned_size"), place_id=doc.get("place_id"),
        skip_holidays=doc.get("skip_holidays", False), code_word=doc.get("code_word", ""),
        pauses=tuple(
            _build(f"{path}.pauses[{i}]", Pause,
                   first_day=_date(p["from"], f"{path}.pauses[{i}].from"),
                   last_day=_date(p["to"], f"{path}.pauses[{i}].to"))
            for i, p in enumerate(doc.get("pauses", []))
        ),
    )
    return GroupRecord(
        group=group,
        schedules=tuple(_schedule(s, f"{path}.schedules[{i}]")
                        for i, s in enumerate(doc.get("schedules", []))),
        frames=tuple(_frame(f, f"{path}.frames[{i}]") for i, f in enumerate(doc.get("frames", []))),
        attendance=tuple(_attendance(a, f"{path}.attendance[{i}]")
                         for i, a in enumerate(doc.get("attendance", []))),
    )


def _path_key(error: Any) -> list[tuple[bool, Any]]:
    # Indexes sort as numbers, so [9] comes before [10].
    return [(isinstance(part, str), part) for part in error.path]


def _first_schema_error(document: Any) -> InvalidFile | None:
    errors = sorted(_validator().iter_errors(document), key=_path_key)
    if not errors:
        return None
    error = errors[0]
    return InvalidFile(N_("This value is not allowed here: {detail}"), error.json_path,
                       detail=error.message[:200])


def _identified(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (id, JSON path) in document order."""
    found = [(p["id"], f"$.places[{i}].id") for i, p in enumerate(document["places"])]
    for i, group in enumerate(document["groups"]):
        found.append((group["id"], f"$.groups[{i}].id"))
        for part in ("schedules", "frames"):
            found += [(item["id"], f"$.groups[{i}].{part}[{j}].id")
                      for j, item in enumerate(group.get(part, []))]
    return found


def _check_references(document: dict[str, Any]) -> None:
    seen: set[str] = set()
    for ident, path in _identified(document):
        if ident in seen:
            raise InvalidFile(N_("The identifier {id} is used twice."), path, id=ident)
        seen.add(ident)
    places = {p["id"] for p in document["places"]}
    for i, group in enumerate(document["groups"]):
        place_id = group.get("place_id")
        if place_id is not None and place_id not in places:
            raise InvalidFile(N_("The group {name} refers to a place that does not exist."),
                              f"$.groups[{i}].place_id", name=group["name"])


def from_document(document: Any) -> VaultContent:
    """Validated domain content from a parsed document, or InvalidFile."""
    problem = _first_schema_error(document)
    if problem is not None:
        raise problem
    _check_references(document)
    content = VaultContent(
        places=tuple(_place(p, f"$.places[{i}]") for i, p in enumerate(document["places"])),
        groups=tuple(_group(g, f"$.groups[{i}]") for i, g in enumerate(document["groups"])),
    )
    try:
        check_content(content)
    except DomainError as err:
        raise InvalidFile(err.message, f"$..{err.field}" if err.field else "$",
                          **err.params) from err
    return content


def read_file(path: Path) -> VaultContent:
    return from_document(safe_json.load_file(Path(path)))


def import_file(repo: VaultRepository, path: Path) -> VaultContent:
    """Add a file's content to the vault, all or nothing; returns what was added."""
    content = read_file(path)
    add_content(repo, content)
    return content
