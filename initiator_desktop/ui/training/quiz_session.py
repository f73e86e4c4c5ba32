"""One pass through a module's quiz in the reader: the answers given so far and the score.

Pure Python (no Qt); scoring is the core's (``core.course.score_answer``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from initiator_desktop.core.course import (
    AnswerResult,
    QuizQuestion,
    QuizScore,
    score_answer,
    score_quiz,
)


@dataclass
class QuizSession:
    questions: tuple[QuizQuestion, ...]
    current: int = 0
    responses: dict[int, frozenset[int]] = field(default_factory=dict)

    @property
    def question(self) -> QuizQuestion:
        return self.questions[self.current]

    @property
    def finished(self) -> bool:
        return bool(self.questions) and len(self.responses) == len(self.questions)

    def answer(self, chosen: Iterable[int]) -> AnswerResult:
        """Answer the current question (once); DomainError for an impossible choice."""
        if self.current in self.responses:
            return self.result(self.current) or score_answer(self.question, ())
        result = score_answer(self.question, chosen)
        self.responses[self.current] = result.chosen
        return result

    def result(self, index: int) -> AnswerResult | None:
        chosen = self.responses.get(index)
        return None if chosen is None else score_answer(self.questions[index], chosen)

    def score(self) -> QuizScore:
        return score_quiz(self.questions, self.responses)

    def go_to(self, index: int) -> None:
        self.current = min(max(index, 0), max(len(self.questions) - 1, 0))

    def restart(self) -> None:
        self.responses.clear()
        self.current = 0
