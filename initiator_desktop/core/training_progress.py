"""The self-study reader's progress per pack and module: sections seen, last place, best quiz.

Progress is personal (what someone has read and how they did), so it lives in the vault.
Plain values, the repository Protocol and the use cases; no Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from initiator_desktop.core.course import (
    MODULE_ID,
    PACK_ID,
    SECTION_KEY,
    Module,
    QuizScore,
)
from initiator_desktop.core.errors import N_, DomainError

# Far above any real module (at most 8 sections, a few dozen questions), low enough that a
# damaged or hostile record cannot make a document of any size.
MAX_SECTIONS_SEEN = 100
MAX_QUIZ_QUESTIONS = 1000
MAX_ID_LENGTH = 200


def _check_ids(pack_id: str, module_id: str) -> None:
    if len(pack_id) > MAX_ID_LENGTH or not PACK_ID.fullmatch(pack_id):
        raise DomainError(N_("Invalid pack id: {id}"), "pack_id", id=pack_id[:MAX_ID_LENGTH])
    if len(module_id) > MAX_ID_LENGTH or not MODULE_ID.fullmatch(module_id):
        raise DomainError(N_("Invalid module name: {name}"), "module_id",
                          name=module_id[:MAX_ID_LENGTH])


@dataclass(frozen=True, slots=True)
class QuizBest:
    """A module quiz result: right answers, questions answered, questions in the quiz."""

    correct: int
    answered: int
    total: int

    def __post_init__(self) -> None:
        for value in (self.correct, self.answered, self.total):
            if isinstance(value, bool) or not isinstance(value, int):
                raise DomainError(N_("A quiz result must be whole numbers."), "quiz")
        if not 1 <= self.total <= MAX_QUIZ_QUESTIONS:
            raise DomainError(N_("A quiz result needs between 1 and {limit} questions."),
                              "quiz", limit=MAX_QUIZ_QUESTIONS)
        if not 0 <= self.correct <= self.answered <= self.total:
            raise DomainError(N_("A quiz result cannot have more right answers than "
                                 "answers, or more answers than questions."), "quiz")

    @classmethod
    def from_score(cls, score: QuizScore) -> QuizBest:
        return cls(correct=score.correct, answered=score.answered, total=score.total)

    def beats(self, other: QuizBest | None) -> bool:
        """More right answers wins; with as many right, the more complete attempt."""
        if other is None:
            return True
        return (self.correct, self.answered) > (other.correct, other.answered)


@dataclass(frozen=True, slots=True)
class ModuleProgress:
    """What one reader has done in one module of one pack.

    ``sections_seen`` holds section keys ("01-what-it-is"), which are the same in every
    language, so switching language keeps the progress.
    """

    pack_id: str
    module_id: str
    updated_at: datetime
    sections_seen: frozenset[str] = frozenset()
    last_section: str | None = None
    quiz: QuizBest | None = None

    def __post_init__(self) -> None:
        _check_ids(self.pack_id, self.module_id)
        if self.updated_at.tzinfo is None:
            raise DomainError(N_("The time needs a time zone."), "updated_at")
        seen = frozenset(self.sections_seen)
        object.__setattr__(self, "sections_seen", seen)
        if len(seen) > MAX_SECTIONS_SEEN:
            raise DomainError(N_("Too many sections."), "sections_seen")
        for key in seen:
            if not isinstance(key, str) or not SECTION_KEY.fullmatch(key):
                raise DomainError(N_("Invalid section name: {name}"), "sections_seen",
                                  name=str(key)[:MAX_ID_LENGTH])
        if self.last_section is not None and self.last_section not in seen:
            raise DomainError(N_("The last section read must be one of the sections seen."),
                              "last_section")


class TrainingProgress(Protocol):
    """Progress records in the vault, one per pack and module."""

    def training_progress(self, pack_id: str) -> list[ModuleProgress]:
        """Every module's progress in ``pack_id``, in module order."""
        ...

    def module_progress(self, pack_id: str, module_id: str) -> ModuleProgress | None: ...

    def save_module_progress(self, progress: ModuleProgress) -> None:
        """Insert or replace the record for the progress's pack and module."""
        ...

    def delete_training_progress(self, pack_id: str, module_id: str | None = None) -> None:
        """Forget a module's progress, or (without ``module_id``) the whole pack's."""
        ...


# -- use cases ------------------------------------------------------------------------
def _current(repo: TrainingProgress, pack_id: str, module_id: str,
             now: datetime) -> ModuleProgress:
    found = repo.module_progress(pack_id, module_id)
    return found if found is not None else ModuleProgress(pack_id, module_id, now)


def mark_section_seen(repo: TrainingProgress, pack_id: str, module_id: str, key: str,
                      now: datetime) -> ModuleProgress:
    """Record that section ``key`` was opened (and is now the place to come back to)."""
    current = _current(repo, pack_id, module_id, now)
    if current.last_section == key and key in current.sections_seen:
        return current  # nothing new: no write for paging back and forth
    updated = replace(current, sections_seen=current.sections_seen | {key},
                      last_section=key, updated_at=now)
    repo.save_module_progress(updated)
    return updated


def record_quiz(repo: TrainingProgress, pack_id: str, module_id: str, score: QuizScore,
                now: datetime) -> ModuleProgress:
    """Keep ``score`` if it beats the best so far; returns the progress as stored."""
    best = QuizBest.from_score(score)
    current = _current(repo, pack_id, module_id, now)
    if not best.beats(current.quiz):
        return current
    updated = replace(current, quiz=best, updated_at=now)
    repo.save_module_progress(updated)
    return updated


def progress_by_module(repo: TrainingProgress, pack_id: str) -> dict[str, ModuleProgress]:
    return {p.module_id: p for p in repo.training_progress(pack_id)}


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    """A module's progress as the module list shows it."""

    seen: int
    sections: int
    quiz: QuizBest | None

    @property
    def finished_reading(self) -> bool:
        return self.sections > 0 and self.seen >= self.sections


def summarize(module: Module, progress: ModuleProgress | None) -> ProgressSummary:
    """Progress against the module as it is now: sections removed since do not count."""
    keys = set(module.section_keys)
    seen = len(keys & progress.sections_seen) if progress else 0
    return ProgressSummary(seen=seen, sections=len(keys),
                           quiz=progress.quiz if progress else None)


def resume_section(module: Module, progress: ModuleProgress | None) -> str:
    """Where a reader comes back to: the last section read if it still exists, else the first."""
    last = progress.last_section if progress is not None else None
    if last is not None and last in module.section_keys:
        return last
    return module.section_keys[0]
