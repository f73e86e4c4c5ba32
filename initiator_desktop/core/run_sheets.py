"""Run sheets: the steps of the first meeting and of the later ones, and a group's own edits.

The default wording is English message ids marked with ``N_``, shown in the UI language.
A group's edited sheet is a group document: a step keeps its ``key`` and stores only what
the initiator changed, so untouched wording still follows the language, and typed text is
stored exactly as typed. Nothing here names a member.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import GroupLife

FORMAT_VERSION = 1
MAX_STEPS = 20
MAX_STEP_TITLE = 80
MAX_GUIDANCE = 600
MAX_STEP_MINUTES = 180
MAX_SHEET_MINUTES = 360


class StepKind(StrEnum):
    ITEM = "item"  # something the initiator says or the group agrees
    ROUND = "round"  # each person speaks in turn: the timer helps
    FRAMES = "frames"  # the frames and principles, item by item, with ticks
    FREE = "free"  # the free floor: what each member brings


class SheetKind(StrEnum):
    FIRST = "first"
    LATER = "later"

    @property
    def document_name(self) -> str:
        return f"run_sheet_{self.value}"


@dataclass(frozen=True, slots=True)
class DefaultStep:
    key: str
    kind: StepKind
    minutes: int
    title: str
    guidance: str


_I, _R, _F, _FREE = StepKind.ITEM, StepKind.ROUND, StepKind.FRAMES, StepKind.FREE

FIRST_MEETING: tuple[DefaultStep, ...] = (
    DefaultStep("welcome", _I, 5, N_("Welcome"), N_(
        "Welcome everyone and thank them for coming. Then present yourself first: who you "
        "are, why you took this on, and that you are here only for the first meetings. "
        "How openly you speak shows the others what this group can be.")),
    DefaultStep("names", _R, 10, N_("Presentation round"), N_(
        "Each person says their first name and, if they like, a little about why they "
        "came. First names are enough. Nobody has to say more than they want.")),
    DefaultStep("expectations", _R, 25, N_("Expectations, needs and motivation"), N_(
        "A round on what each person hopes for from the group, what they need, and what "
        "made them come. Keep an eye on the time so that everyone gets a turn.")),
    DefaultStep("frames", _F, 20, N_("Frames and principles"), N_(
        "Go through the frames and the principles for the conversation one at a time. "
        "Read each one aloud, ask whether anything is unclear, and tick it when the group "
        "agrees. The group may change the wording; the frames are theirs.")),
    DefaultStep("confidentiality", _I, 10, N_("Confidentiality and meeting in public"), N_(
        "Agree that what is said here stays here, and that nobody tells anyone who is in "
        "the group. Agree how you greet each other if you meet outside: a short, friendly "
        "hello and no personal talk.")),
    DefaultStep("practicalities", _I, 5, N_("Practicalities"), N_(
        "The time and the place, the break, the key and the coffee, and how to let the "
        "others know when you cannot come, so nobody needs to worry.")),
    DefaultStep("free_floor", _FREE, 15, N_("The floor is free"), N_(
        "From now on the agenda is what each person brings. Let a silence be a silence: "
        "someone will begin. Hold back, so the group does not come to rely on you.")),
    DefaultStep("closing_round", _R, 10, N_("Closing round"), N_(
        "Each person says briefly how this meeting was for them. The round gathers the "
        "threads and lets the meeting end on time.")),
    DefaultStep("closing_words", _I, 5, N_("Closing words"), N_(
        "Thank everyone for coming. Say when and where you meet next, and remind everyone "
        "to send word if they cannot come. Afterwards, note how many came: numbers only.")),
)

LATER_MEETING: tuple[DefaultStep, ...] = (
    DefaultStep("opening_round", _R, 20, N_("Opening round"), N_(
        "Each person says briefly how they are and what has been on their mind since last "
        "time. Nobody has to say more than they want.")),
    DefaultStep("frames_again", _F, 5, N_("A look at the frames"), N_(
        "If it helps, remind the group of its frames. Tick what the group agrees on, "
        "again or for the first time.")),
    DefaultStep("floor_later", _FREE, 60, N_("The floor is free"), N_(
        "The agenda is what each person brings. Step back and let the group carry the "
        "conversation; it is theirs.")),
    DefaultStep("closing_round_later", _R, 15, N_("Closing round"), N_(
        "Each person says briefly how the meeting was. Gather the threads and end on "
        "time.")),
    DefaultStep("closing_words_later", _I, 5, N_("Closing words"), N_(
        "Say when you meet next. As your last meeting with the group comes closer, talk "
        "about how the group will carry on by itself and how to reach you.")),
)

DEFAULTS: Mapping[SheetKind, tuple[DefaultStep, ...]] = {
    SheetKind.FIRST: FIRST_MEETING, SheetKind.LATER: LATER_MEETING}
_BY_KEY: dict[str, DefaultStep] = {s.key: s for steps in DEFAULTS.values() for s in steps}
# A key names one wording: a stored step must find exactly the text it started from.
assert len(_BY_KEY) == sum(len(steps) for steps in DEFAULTS.values())


def default_step(key: str) -> DefaultStep:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise DomainError(N_("Unknown value: {value}"), "key", value=key[:40]) from None


def _check_text(value: str, field: str, limit: int, *, one_line: bool) -> None:
    if not isinstance(value, str):
        raise DomainError(N_("This field must be text."), field)
    if len(value) > limit:
        raise DomainError(N_("This text is too long (at most {limit} characters)."), field,
                          limit=limit)
    if one_line and ("\n" in value or "\r" in value):
        raise DomainError(N_("This field must fit on one line."), field)


@dataclass(frozen=True, slots=True)
class RunStep:
    """One step: a default one (``key``) with the initiator's changes, or their own.

    ``title`` and ``guidance`` are None while the default wording applies; then the UI
    shows the translated default. Text the initiator typed is kept as it is.
    """

    kind: StepKind
    minutes: int
    key: str = ""
    title: str | None = None
    guidance: str | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", StepKind(self.kind))
        except ValueError:
            raise DomainError(N_("Unknown value: {value}"), "kind",
                              value=str(self.kind)[:40]) from None
        if (isinstance(self.minutes, bool) or not isinstance(self.minutes, int)
                or not 0 <= self.minutes <= MAX_STEP_MINUTES):
            raise DomainError(N_("The number must be between {low} and {high}."), "minutes",
                              low=0, high=MAX_STEP_MINUTES)
        if self.key:
            default_step(self.key)
        elif self.title is None:
            raise DomainError(N_("A step of your own needs a title."), "title")
        elif self.guidance is None:
            object.__setattr__(self, "guidance", "")
        if self.title is not None:
            _check_text(self.title, "title", MAX_STEP_TITLE, one_line=True)
            if not self.title.strip():
                raise DomainError(N_("This field must not be empty."), "title")
        if self.guidance is not None:
            _check_text(self.guidance, "guidance", MAX_GUIDANCE, one_line=False)

    def title_text(self) -> tuple[str, bool]:
        """The title, and whether it is a message id to translate (the default wording)."""
        if self.title is not None:
            return self.title, False
        return default_step(self.key).title, True

    def guidance_text(self) -> tuple[str, bool]:
        if self.guidance is not None:
            return self.guidance, False
        return default_step(self.key).guidance, True

    def is_default(self) -> bool:
        if not self.key or self.title is not None or self.guidance is not None:
            return False
        original = default_step(self.key)
        return (self.kind, self.minutes) == (original.kind, original.minutes)


def step_from_default(step: DefaultStep) -> RunStep:
    return RunStep(kind=step.kind, minutes=step.minutes, key=step.key)


def own_step(title: str, guidance: str = "", minutes: int = 5,
             kind: StepKind = StepKind.ITEM) -> RunStep:
    """A step the initiator adds: their words, stored as typed."""
    return RunStep(kind=kind, minutes=minutes, title=title, guidance=guidance)


def edited_step(step: RunStep, *, title: str, guidance: str, minutes: int,
                translate: Callable[[str], str]) -> RunStep:
    """``step`` with what the editor shows now; wording left as the translated default
    stays the default (so it follows a change of language), anything else is kept as typed.
    """
    default_title, title_is_id = step.title_text()
    default_guidance, guidance_is_id = step.guidance_text()
    same_title = step.key and title_is_id and title == translate(default_title)
    same_guidance = step.key and guidance_is_id and guidance == translate(default_guidance)
    return replace(step, minutes=minutes,
                   title=None if same_title else title,
                   guidance=None if same_guidance else guidance)


@dataclass(frozen=True, slots=True)
class RunSheet:
    """A group's run sheet for its first or its later meetings.

    ``recovered`` is True when a stored sheet could not be read and the default stands in.
    """

    kind: SheetKind
    steps: tuple[RunStep, ...]
    recovered: bool = False

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", SheetKind(self.kind))
        except ValueError:
            raise DomainError(N_("Unknown value: {value}"), "kind",
                              value=str(self.kind)[:40]) from None
        object.__setattr__(self, "steps", tuple(self.steps))
        if not all(isinstance(step, RunStep) for step in self.steps):
            raise DomainError(N_("The run sheet could not be read."), "steps")
        if not 1 <= len(self.steps) <= MAX_STEPS:
            raise DomainError(N_("A run sheet has between {low} and {high} steps."), "steps",
                              low=1, high=MAX_STEPS)
        if self.total_minutes() > MAX_SHEET_MINUTES:
            raise DomainError(N_("The steps take more than {limit} minutes in all."), "steps",
                              limit=MAX_SHEET_MINUTES)

    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    def is_default(self) -> bool:
        defaults = DEFAULTS[self.kind]
        return len(self.steps) == len(defaults) and all(
            step.is_default() and step.key == original.key
            for step, original in zip(self.steps, defaults, strict=True))


def default_sheet(kind: SheetKind) -> RunSheet:
    return RunSheet(kind, tuple(step_from_default(s) for s in DEFAULTS[kind]))


def sheet_kind_for(initiator_number: int | None) -> SheetKind:
    """The first meeting's sheet for the group's first meeting with the initiator."""
    return SheetKind.FIRST if initiator_number == 1 else SheetKind.LATER


# the stored document -----------------------------------------------------------------
_STEP_FIELDS = frozenset({"kind", "minutes", "key", "title", "guidance"})


def sheet_to_document(sheet: RunSheet) -> dict[str, Any]:
    """The JSON value stored for ``sheet``; an unchanged default sheet is stored as such."""
    if sheet.is_default():
        return {"version": FORMAT_VERSION, "default": True}
    steps = []
    for step in sheet.steps:
        value: dict[str, Any] = {"kind": step.kind.value, "minutes": step.minutes}
        if step.key:
            value["key"] = step.key
        if step.title is not None:
            value["title"] = step.title
        if step.guidance is not None:
            value["guidance"] = step.guidance
        steps.append(value)
    return {"version": FORMAT_VERSION, "steps": steps}


def _step_from_value(value: object) -> RunStep:
    if not isinstance(value, dict) or not set(value) <= _STEP_FIELDS:
        raise DomainError(N_("The run sheet could not be read."), "steps")
    key = value.get("key", "")
    if not isinstance(key, str):
        raise DomainError(N_("The run sheet could not be read."), "key")
    return RunStep(kind=value.get("kind"),  # type: ignore[arg-type]  # checked by RunStep
                   minutes=value.get("minutes"),  # type: ignore[arg-type]
                   key=key, title=value.get("title"), guidance=value.get("guidance"))


def sheet_from_document(document: object, kind: SheetKind) -> RunSheet:
    """The sheet a stored document describes; raises ``DomainError`` if it is not valid."""
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
        raise DomainError(N_("The run sheet could not be read."), "version")
    if document.get("default") is True and set(document) == {"version", "default"}:
        return default_sheet(kind)
    steps = document.get("steps")
    if not isinstance(steps, list) or set(document) != {"version", "steps"}:
        raise DomainError(N_("The run sheet could not be read."), "steps")
    if len(steps) > MAX_STEPS:  # before building anything from a huge list
        raise DomainError(N_("A run sheet has between {low} and {high} steps."), "steps",
                          low=1, high=MAX_STEPS)
    return RunSheet(kind, tuple(_step_from_value(v) for v in steps))


# use cases ---------------------------------------------------------------------------
def load_run_sheet(repo: GroupLife, group_id: str, kind: SheetKind) -> RunSheet:
    """The group's sheet of ``kind``: its own if it saved one, else the default.

    A stored sheet that cannot be read gives the default, marked ``recovered``, so a
    meeting never fails to start over a damaged document.
    """
    document = repo.group_document(group_id, kind.document_name)
    if document is None:
        return default_sheet(kind)
    try:
        return sheet_from_document(document, kind)
    except DomainError:
        return replace(default_sheet(kind), recovered=True)


def save_run_sheet(repo: GroupLife, group_id: str, sheet: RunSheet) -> RunSheet:
    """Store ``sheet`` as the group's own (checked again here) and return it as stored."""
    document = sheet_to_document(RunSheet(sheet.kind, sheet.steps))
    repo.save_group_document(group_id, sheet.kind.document_name, document)
    return sheet_from_document(document, sheet.kind)


def reset_run_sheet(repo: GroupLife, group_id: str, kind: SheetKind) -> RunSheet:
    """Back to the default sheet of ``kind`` (stored as "default", so it follows updates)."""
    return save_run_sheet(repo, group_id, default_sheet(kind))
