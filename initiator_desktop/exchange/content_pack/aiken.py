"""Moodle's Aiken quiz format: a question, options ``A)`` or ``A.``, then ``ANSWER: B``.

Aiken knows only single choice and has no feedback, so the answers come without
explanations. A question that does not follow the format is skipped with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from initiator_desktop.core.course import Answer, QuizKind, QuizQuestion
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack.imported_quiz import ImportedQuiz, Skipped

_OPTION = re.compile(r"([A-Z])[.)]\s+(\S.*)")
_ANSWER = re.compile(r"ANSWER\s*:\s*([A-Za-z])\s*", re.IGNORECASE)
_MESSAGES = {
    "no_answer_line": N_("A question was skipped: it has no ANSWER: line."),
    "no_question": N_("An ANSWER: line without a question before it was skipped."),
    "few_answers": N_("A question was skipped: it needs at least two answers."),
    "unknown_letter": N_("A question was skipped: its ANSWER: names a letter that is not "
                         "one of its options."),
    "repeated_letter": N_("A question was skipped: two of its options have the same "
                          "letter."),
}


@dataclass
class _Pending:
    line: int
    question: list[str] = field(default_factory=list)
    options: list[tuple[str, str]] = field(default_factory=list)


def _finish(pending: _Pending, letter: str) -> QuizQuestion | str:
    """The question, or the machine word of why it was skipped."""
    letters = [code for code, _ in pending.options]
    if len(set(letters)) != len(letters):
        return "repeated_letter"
    if len(letters) < 2:
        return "few_answers"
    if letter.upper() not in letters:
        return "unknown_letter"
    answers = tuple(Answer(text=text, correct=code == letter.upper())
                    for code, text in pending.options)
    try:
        return QuizQuestion(question="\n".join(pending.question), kind=QuizKind.SINGLE,
                            answers=answers)
    except DomainError:
        return "few_answers"


class _Reader:
    def __init__(self) -> None:
        self.questions: list[QuizQuestion] = []
        self.skipped: list[Skipped] = []
        self.pending: _Pending | None = None

    def skip(self, line: int, kind: str) -> None:
        self.skipped.append(Skipped(line, kind, _MESSAGES[kind], {"line": line}))

    def answer(self, number: int, letter: str) -> None:
        if self.pending is None or not self.pending.question:
            self.skip(number, "no_question")
            return
        outcome = _finish(self.pending, letter)
        if isinstance(outcome, QuizQuestion):
            self.questions.append(outcome)
        else:
            self.skip(self.pending.line, outcome)
        self.pending = None

    def text(self, number: int, stripped: str) -> None:
        option = _OPTION.fullmatch(stripped)
        if self.pending is not None and self.pending.question and option:
            self.pending.options.append((option.group(1), option.group(2).strip()))
            return
        if self.pending is not None and self.pending.options:
            self.skip(self.pending.line, "no_answer_line")
            self.pending = None
        if self.pending is None:
            self.pending = _Pending(number)
        self.pending.question.append(stripped)

    def end(self) -> None:
        if self.pending is not None:
            self.skip(self.pending.line, "no_answer_line")
            self.pending = None


def parse_aiken(text: str) -> ImportedQuiz:
    """The questions in an Aiken text, and what was skipped."""
    reader = _Reader()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        answer = _ANSWER.fullmatch(stripped)
        if answer:
            reader.answer(number, answer.group(1))
        else:
            reader.text(number, stripped)
    reader.end()
    return ImportedQuiz(tuple(reader.questions), tuple(reader.skipped))
