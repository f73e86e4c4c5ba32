"""What reading a GIFT or Aiken quiz file gives: the questions, and what was skipped and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from initiator_desktop.core.course import QuizQuestion

MAX_QUIZ_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Skipped:
    """A question that was not imported: its first line, a machine word and a message id."""

    line: int
    kind: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportedQuiz:
    questions: tuple[QuizQuestion, ...]
    skipped: tuple[Skipped, ...]
