"""The initiator's private reflection log: a few questions after each meeting.

About the initiator's own role and the group's phase, never about a member: the
questions say so, and the log stays in the vault (the plaintext export leaves it out).
Kept as the group document "reflections".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.group_life import GroupLife

DOCUMENT = "reflections"
MAX_ANSWER = 2000
MAX_ENTRIES = 200

PROMPTS: tuple[tuple[str, str], ...] = (
    ("role", N_("My role today: what did I take on, and what did I leave to the group?")),
    ("phase", N_("Where is the group now: getting to know each other, finding its form, "
                 "trust and depth, testing the frames, or saying goodbye?")),
    ("frames", N_("How did the frames and the principles carry the conversation?")),
    ("next", N_("What will I do differently next time, or leave to the group?")),
    ("myself", N_("What do I take with me, for myself?")),
)
PROMPT_KEYS = tuple(key for key, _text in PROMPTS)


@dataclass(frozen=True, slots=True)
class Reflection:
    meeting_date: date
    answers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.answers) - set(PROMPT_KEYS)
        if unknown:
            raise DomainError(N_("Unknown value: {value}"), "answers", value=sorted(unknown)[0])
        for key, text in self.answers.items():
            if len(text) > MAX_ANSWER:
                raise DomainError(N_("This text is too long (at most {limit} characters)."),
                                  key, limit=MAX_ANSWER)
        kept = {k: v for k, v in self.answers.items() if v.strip()}
        object.__setattr__(self, "answers", kept)

    def is_empty(self) -> bool:
        return not self.answers


def _parse(document: dict[str, Any] | None) -> list[Reflection]:
    found: list[Reflection] = []
    entries = document.get("entries") if isinstance(document, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        try:
            answers = entry["answers"]
            if not isinstance(answers, dict) or not all(
                    isinstance(v, str) for v in answers.values()):
                continue
            found.append(Reflection(date.fromisoformat(entry["meeting_date"]), dict(answers)))
        except (KeyError, TypeError, ValueError, DomainError):
            continue  # one unreadable entry must not hide the others
    return sorted(found, key=lambda r: r.meeting_date, reverse=True)


def reflections(repo: GroupLife, group_id: str) -> list[Reflection]:
    """The group's reflections, newest meeting first."""
    return _parse(repo.group_document(group_id, DOCUMENT))


def _store(repo: GroupLife, group_id: str, entries: list[Reflection]) -> None:
    repo.save_group_document(group_id, DOCUMENT, {
        "version": 1,
        "entries": [{"meeting_date": r.meeting_date.isoformat(), "answers": r.answers}
                    for r in sorted(entries, key=lambda r: r.meeting_date)],
    })


def save_reflection(repo: GroupLife, group_id: str, reflection: Reflection) -> None:
    """Keep ``reflection`` (replacing an earlier one for the same meeting); an empty one
    removes it."""
    kept = [r for r in reflections(repo, group_id)
            if r.meeting_date != reflection.meeting_date]
    if not reflection.is_empty():
        if len(kept) >= MAX_ENTRIES:
            raise DomainError(N_("The log is full: delete old reflections first."), "entries")
        kept.append(reflection)
    _store(repo, group_id, kept)


def delete_reflection(repo: GroupLife, group_id: str, meeting_date: date) -> None:
    _store(repo, group_id, [r for r in reflections(repo, group_id)
                            if r.meeting_date != meeting_date])
