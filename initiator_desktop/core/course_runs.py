"""Course runs: an initiator course as a course leader plans, holds and documents it.

A run has dates, a place and sessions that each cover some modules of a content pack,
and per session a mark for every module that was in fact covered. Participants are a
number; names exist only when the leader explicitly chooses to keep them for printing
certificates (``store_names``). Plain Python: no Qt, no files, no SQL.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from itertools import pairwise
from typing import TYPE_CHECKING

from initiator_desktop.core.course import MODULE_ID, PACK_ID, Pack
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import LANGUAGES, new_id

if TYPE_CHECKING:
    from initiator_desktop.core.course_run_records import CourseRunRecords

MAX_RUN_TITLE = 120
MAX_RUN_PLACE = 200
MAX_PARTICIPANTS = 200
MAX_PARTICIPANT_NAME = 80
MAX_SESSIONS = 60
MAX_SESSION_MODULES = 40
MAX_RUN_DAYS = 366
MAX_ID = 64
# Characters that would print as nothing, or turn the rest of a line around, on a
# certificate: line breaks and controls, and the bidirectional embedding, override
# and isolate marks (U+202A-U+202E, U+2066-U+2069).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def _text(value: str, field_name: str, limit: int, *, required: bool = False) -> None:
    if not isinstance(value, str):
        raise DomainError(N_("Unknown value: {value}"), field_name, value=repr(value))
    if required and not value.strip():
        raise DomainError(N_("This field must not be empty."), field=field_name)
    if len(value) > limit:
        raise DomainError(N_("This text is too long (at most {limit} characters)."),
                          field=field_name, limit=limit)


def _identifier(value: str, field_name: str) -> None:
    # Made by new_id(); anything else came from a file or a bug.
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID:
        raise DomainError(N_("Unknown value: {value}"), field_name, value=repr(value)[:80])


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


# -- names ------------------------------------------------------------------------------
_NAME_PROBLEMS = {
    "empty": N_("A name must not be empty."),
    "long": N_("A name can have at most {limit} characters."),
    "char": N_("A name contains a character that cannot be printed."),
}
_LINE_PROBLEMS = {
    "long": N_("Line {line}: the name is longer than {limit} characters."),
    "char": N_("Line {line}: the name contains a character that cannot be printed."),
    "many": N_("Line {line}: at most {limit} names can be given."),
}


def _name_problem(cleaned: str) -> str | None:
    if not cleaned:
        return "empty"
    if len(cleaned) > MAX_PARTICIPANT_NAME:
        return "long"
    if any(ch in _BIDI_CONTROLS or unicodedata.category(ch) in _FORBIDDEN_CATEGORIES
           for ch in cleaned):
        return "char"
    return None


def _cleaned(name: str) -> str:
    if not isinstance(name, str):
        raise DomainError(N_("Unknown value: {value}"), "names", value=repr(name))
    return unicodedata.normalize("NFC", name).strip()


def check_participant_name(name: str) -> str:
    """``name`` as it may be printed and kept: trimmed, NFC, 1-80 characters, one line.

    Raises DomainError for an empty or too long name and for characters that cannot be
    printed on a line of their own.
    """
    cleaned = _cleaned(name)
    problem = _name_problem(cleaned)
    if problem:
        raise DomainError(_NAME_PROBLEMS[problem], "names", limit=MAX_PARTICIPANT_NAME)
    return cleaned


def check_participant_names(names: Iterable[str]) -> tuple[str, ...]:
    """Every name checked; at most 200 of them (two people may share a name)."""
    checked = tuple(check_participant_name(n) for n in names)
    if len(checked) > MAX_PARTICIPANTS:
        raise DomainError(N_("At most {limit} names can be given."), "names",
                          limit=MAX_PARTICIPANTS)
    return checked


def parse_names(text: str) -> tuple[str, ...]:
    """The names in ``text``, one per line; blank lines are skipped, a BOM is ignored.

    A problem is reported with its line number (``line`` in the error's params), so a
    file or a text field can point at it.
    """
    names: list[str] = []
    # Only CR and LF end a line, as in an editor, so the line numbers match what people see.
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        cleaned = _cleaned(line)
        if not cleaned:
            continue
        problem = "many" if len(names) == MAX_PARTICIPANTS else _name_problem(cleaned)
        if problem:
            limit = MAX_PARTICIPANTS if problem == "many" else MAX_PARTICIPANT_NAME
            raise DomainError(_LINE_PROBLEMS[problem], "names", line=number, limit=limit)
        names.append(cleaned)
    return tuple(names)


# -- sessions ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Session:
    """One block of teaching on one day, from ``start`` to ``end``, covering some modules.

    ``covered`` holds the modules the leader marked as covered in this session; it can
    only name modules the session plans.
    """

    day: date
    start: time
    end: time
    module_ids: tuple[str, ...] = ()
    covered: frozenset[str] = frozenset()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        object.__setattr__(self, "module_ids", tuple(self.module_ids))
        object.__setattr__(self, "covered", frozenset(self.covered))
        _identifier(self.id, "id")
        if not isinstance(self.day, date) or isinstance(self.day, datetime):
            raise DomainError(N_("Unknown value: {value}"), "day", value=repr(self.day))
        if not isinstance(self.start, time) or not isinstance(self.end, time):
            raise DomainError(N_("Unknown value: {value}"), "start", value=repr(self.start))
        # Sessions are planned to the minute; that is also all the stored document keeps.
        for name in ("start", "end"):
            value = getattr(self, name)
            object.__setattr__(self, name, value.replace(second=0, microsecond=0, tzinfo=None))
        if _minutes(self.end) <= _minutes(self.start):
            raise DomainError(N_("A session must end after it starts."), "end")
        if len(self.module_ids) > MAX_SESSION_MODULES:
            raise DomainError(N_("A session can cover at most {limit} modules."), "modules",
                              limit=MAX_SESSION_MODULES)
        for module_id in self.module_ids:
            if not isinstance(module_id, str) or not MODULE_ID.fullmatch(module_id):
                raise DomainError(N_("Invalid module name: {name}"), "modules",
                                  name=str(module_id))
        if len(set(self.module_ids)) != len(self.module_ids):
            raise DomainError(N_("A module appears twice."), "modules")
        if not self.covered <= set(self.module_ids):
            raise DomainError(N_("Only a module the session plans can be marked as covered."),
                              "covered")

    @property
    def minutes(self) -> int:
        return _minutes(self.end) - _minutes(self.start)

    def overlaps(self, other: Session) -> bool:
        return (self.day == other.day and _minutes(self.start) < _minutes(other.end)
                and _minutes(other.start) < _minutes(self.end))


# -- runs -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CourseRun:
    """A planned or held course: what, where, when, for how many, and what was covered.

    ``names`` are the participants' names for certificates, kept only when the leader
    chose so (``store_names``); otherwise a run has nowhere to hold a name.
    """

    title: str
    pack_id: str
    language: str
    first_day: date
    last_day: date
    place: str = ""
    sessions: tuple[Session, ...] = ()
    participants: int = 0
    store_names: bool = False
    names: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _identifier(self.id, "id")
        _text(self.title, "title", MAX_RUN_TITLE, required=True)
        _text(self.place, "place", MAX_RUN_PLACE)
        if not isinstance(self.pack_id, str) or not PACK_ID.fullmatch(self.pack_id):
            raise DomainError(N_("Invalid pack id: {id}"), "pack", id=str(self.pack_id))
        if self.language not in LANGUAGES:
            raise DomainError(N_("Unknown language: {code}"), "language", code=str(self.language))
        self._check_dates()
        self._check_sessions()
        self._check_people()

    def _check_dates(self) -> None:
        for day in (self.first_day, self.last_day):
            if not isinstance(day, date) or isinstance(day, datetime):
                raise DomainError(N_("Unknown value: {value}"), "first_day", value=repr(day))
        if self.last_day < self.first_day:
            raise DomainError(N_("The last day is before the first day."), "last_day")
        if (self.last_day - self.first_day).days >= MAX_RUN_DAYS:
            raise DomainError(N_("A course can last at most a year."), "last_day")

    def _check_sessions(self) -> None:
        sessions = tuple(sorted(self.sessions, key=lambda s: (s.day, s.start, s.end, s.id)))
        object.__setattr__(self, "sessions", sessions)
        if len(sessions) > MAX_SESSIONS:
            raise DomainError(N_("A course can have at most {limit} sessions."), "sessions",
                              limit=MAX_SESSIONS)
        if len({s.id for s in sessions}) != len(sessions):
            raise DomainError(N_("Two sessions have the same identifier."), "sessions")
        for session in sessions:
            if not self.first_day <= session.day <= self.last_day:
                raise DomainError(N_("A session lies outside the course's dates."), "sessions")
        if any(a.overlaps(b) for a, b in pairwise(sessions)):
            raise DomainError(N_("Two sessions overlap in time."), "sessions")

    def _check_people(self) -> None:
        value = self.participants
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 0 <= value <= MAX_PARTICIPANTS:
            raise DomainError(N_("The number must be between {low} and {high}."),
                              "participants", low=0, high=MAX_PARTICIPANTS)
        if not isinstance(self.store_names, bool):
            raise DomainError(N_("Unknown value: {value}"), "store_names",
                              value=repr(self.store_names))
        if self.names and not self.store_names:
            raise DomainError(N_("Names are kept only when you choose to store them for "
                                 "certificates."), "names")
        object.__setattr__(self, "names", check_participant_names(self.names))

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

    @property
    def planned_module_ids(self) -> tuple[str, ...]:
        """Every module some session plans, in the order first planned."""
        return tuple(dict.fromkeys(m for s in self.sessions for m in s.module_ids))

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sessions)

    @property
    def days(self) -> int:
        """The number of days with at least one session."""
        return len({s.day for s in self.sessions})


def check_against_pack(run: CourseRun, pack: Pack) -> None:
    """Refuse a run that does not fit ``pack``: another pack, a language it lacks, or a
    session planning a module the pack does not have."""
    if run.pack_id != pack.id:
        raise DomainError(N_("The course belongs to another content pack ({id})."), "pack",
                          id=run.pack_id)
    if run.language not in pack.languages:
        raise DomainError(N_("The content pack has no text in {language}."), "language",
                          language=run.language)
    known = set(pack.module_ids)
    for module_id in run.planned_module_ids:
        if module_id not in known:
            raise DomainError(N_("The content pack has no module {module}."), "modules",
                              module=module_id)


# -- changes ----------------------------------------------------------------------------
def with_covered(run: CourseRun, session_id: str, covered: Iterable[str]) -> CourseRun:
    """``run`` with session ``session_id``'s covered modules set to ``covered``."""
    session = run.session(session_id)
    if session is None:
        raise DomainError(N_("The session does not exist."), "sessions")
    changed = replace(session, covered=frozenset(covered))
    return replace(run, sessions=tuple(changed if s.id == session_id else s
                                       for s in run.sessions))


def mark(run: CourseRun, session_id: str, module_id: str, covered: bool = True) -> CourseRun:
    """``run`` with one module of one session marked as covered (or not)."""
    session = run.session(session_id)
    if session is None:
        raise DomainError(N_("The session does not exist."), "sessions")
    wanted = session.covered | {module_id} if covered else session.covered - {module_id}
    return with_covered(run, session_id, wanted)


def with_names(run: CourseRun, names: Sequence[str]) -> CourseRun:
    """``run`` keeping ``names`` for certificates; only for a run that opted in."""
    if not run.store_names:
        raise DomainError(N_("Names are kept only when you choose to store them for "
                             "certificates."), "names")
    return replace(run, names=check_participant_names(names))


def without_names(run: CourseRun) -> CourseRun:
    """``run`` opted out: no names kept, none stored."""
    return replace(run, store_names=False, names=())


# -- use cases ------------------------------------------------------------------------
def _stored(repo: CourseRunRecords, run_id: str) -> CourseRun:
    run = repo.course_run(run_id)
    if run is None:
        raise DomainError(N_("The course no longer exists."), "id")
    return run


def save_run(repo: CourseRunRecords, run: CourseRun, pack: Pack | None = None) -> CourseRun:
    """Plan a new run or save an edited one, checked against its pack when given.

    Saving a run that no longer opts in replaces the stored document, names and all.
    """
    if pack is not None:
        check_against_pack(run, pack)
    repo.save_course_run(run)
    return run


def mark_covered(repo: CourseRunRecords, run_id: str, session_id: str, module_id: str,
                 covered: bool = True) -> CourseRun:
    """Mark one module of one session as covered (or not) in the stored run."""
    changed = mark(_stored(repo, run_id), session_id, module_id, covered)
    repo.save_course_run(changed)
    return changed


def keep_names(repo: CourseRunRecords, run_id: str, names: Sequence[str]) -> bool:
    """Store the names typed for certificates, only if the run opted in; True if stored."""
    run = _stored(repo, run_id)
    if not run.store_names:
        return False
    repo.save_course_run(with_names(run, names))
    return True


# -- summary ----------------------------------------------------------------------------
class Coverage(StrEnum):
    NOT_PLANNED = "not_planned"
    PLANNED = "planned"
    PARTLY = "partly"
    COVERED = "covered"


@dataclass(frozen=True, slots=True)
class ModuleSummary:
    """One module's place in a run: how long it is planned for and whether it was covered.

    ``suggested_minutes`` is the module's own estimate (0 when it has none, or when the
    pack no longer has the module: ``known`` is False then).
    """

    module_id: str
    title: str
    sessions: int
    covered_in: int
    planned_minutes: int
    suggested_minutes: int
    known: bool = True

    @property
    def coverage(self) -> Coverage:
        if not self.sessions:
            return Coverage.NOT_PLANNED
        if self.covered_in == self.sessions:
            return Coverage.COVERED
        return Coverage.PARTLY if self.covered_in else Coverage.PLANNED

    @property
    def difference(self) -> int:
        """Planned minus suggested minutes: negative when the plan is short of time."""
        return self.planned_minutes - self.suggested_minutes


@dataclass(frozen=True, slots=True)
class RunSummary:
    modules: tuple[ModuleSummary, ...]
    minutes: int
    days: int

    @property
    def covered_ids(self) -> tuple[str, ...]:
        """The modules covered in every session that planned them, in pack order."""
        return tuple(m.module_id for m in self.modules if m.coverage is Coverage.COVERED)

    @property
    def suggested_minutes(self) -> int:
        """What the planned modules suggest together."""
        return sum(m.suggested_minutes for m in self.modules if m.sessions)


def _suggested(pack: Pack | None, module_id: str, language: str) -> tuple[str, int, bool]:
    module = pack.module(module_id) if pack is not None else None
    if module is None:
        return module_id, 0, pack is None
    text = module.text(language)
    return text.title, max(0, text.minutes), True


def _shares(session: Session, weights: dict[str, int]) -> dict[str, float]:
    """The session's minutes shared by its modules in proportion to their suggested time
    (equally when none suggests any)."""
    ids = session.module_ids
    total = sum(weights[m] for m in ids)
    if not total:
        return {m: session.minutes / len(ids) for m in ids}
    return {m: session.minutes * weights[m] / total for m in ids}


def summarise(run: CourseRun, pack: Pack | None = None,
              language: str | None = None) -> RunSummary:
    """Per module, in the pack's order (then modules the pack lacks): sessions, covered
    marks and planned against suggested time. Titles are in ``language`` (the run's by
    default); without ``pack`` they are the module ids."""
    order = list(pack.module_ids) if pack is not None else []
    order += [m for m in run.planned_module_ids if m not in order]
    info = {m: _suggested(pack, m, run.language) for m in order}
    if language is not None and pack is not None:
        info = {m: (_suggested(pack, m, language)[0], *info[m][1:]) for m in order}
    planned = dict.fromkeys(order, 0.0)
    weights = {m: info[m][1] for m in order}
    for session in run.sessions:
        if session.module_ids:
            for module_id, share in _shares(session, weights).items():
                planned[module_id] += share
    modules = tuple(
        ModuleSummary(
            module_id=m, title=info[m][0],
            sessions=sum(m in s.module_ids for s in run.sessions),
            covered_in=sum(m in s.covered for s in run.sessions),
            planned_minutes=round(planned[m]), suggested_minutes=info[m][1], known=info[m][2])
        for m in order
    )
    return RunSummary(modules, run.minutes, run.days)


def covered_titles(run: CourseRun, pack: Pack, language: str) -> tuple[str, ...]:
    """The titles, in ``language``, of the modules fully covered, in the pack's order."""
    modules = (pack.module(m) for m in summarise(run, pack).covered_ids)
    return tuple(m.text(language).title for m in modules if m is not None)
