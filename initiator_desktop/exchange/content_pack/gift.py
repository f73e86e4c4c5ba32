"""Moodle's GIFT quiz format: single and multiple choice with per-answer feedback.

``=`` marks a correct answer, ``~`` a wrong one, ``~%50%`` a weighted one (imported as
multiple choice, every positive weight counting as correct), ``#`` the feedback for the
answer before it, ``::title::`` a title, ``//`` a comment line; ``\\~ \\= \\# \\{ \\} \\:``
and ``\\n`` are escapes. True/false, short answer, matching, numerical, essay and
description questions are reported as skipped with their line, never guessed at.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from initiator_desktop.core.course import Answer, QuizKind, QuizQuestion
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack.imported_quiz import ImportedQuiz, Skipped

_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%(-?[0-9]+(?:\.[0-9]+)?)%")
_TRUE_FALSE = {"T", "F", "TRUE", "FALSE"}
_TAG = re.compile(r"<[^>]*>")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_MESSAGES = {
    "truefalse": N_("A true/false question was skipped: only single and multiple choice "
                    "questions can be imported."),
    "shortanswer": N_("A short-answer question was skipped: only single and multiple choice "
                      "questions can be imported."),
    "matching": N_("A matching question was skipped: only single and multiple choice "
                   "questions can be imported."),
    "numerical": N_("A numerical question was skipped: only single and multiple choice "
                    "questions can be imported."),
    "essay": N_("An essay question was skipped: only single and multiple choice questions "
                "can be imported."),
    "description": N_("A text without answers (a description) was skipped."),
    "unclosed": N_("A question was skipped: its answer block is not closed with }."),
    "no_text": N_("A question was skipped: it has no question text."),
    "stray_text": N_("A question was skipped: there is text before the first answer "
                     "(= or ~) in its answer block."),
    "no_correct": N_("A question was skipped: none of its answers is marked correct."),
    "few_answers": N_("A question was skipped: it needs at least two answers."),
    "empty_answer": N_("A question was skipped: one of its answers is empty."),
}


class _Skip(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass
class _Choice:
    mark: str
    text: str = ""
    feedback: str = ""


# -- splitting the file into questions -------------------------------------------------
def _blocks(text: str) -> list[tuple[int, str]]:
    """Each question's first line and text; a blank line ends a question, as in Moodle."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if not stripped or stripped.startswith("$CATEGORY:"):
            if current:
                blocks.append((start, "\n".join(current)))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


# -- one question -----------------------------------------------------------------------
def _find(text: str, wanted: str, start: int = 0) -> int:
    """Index of the first unescaped ``wanted`` at or after ``start``; -1 if none."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(wanted, i):
            return i
        i += 1
    return -1


def unescape(text: str, *, is_html: bool = False) -> str:
    """Plain text from GIFT text: line breaks in the file are spaces, ``\\n`` is a break."""
    text = _LINE_BREAK.sub(" ", text)
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            following = text[i + 1]
            out.append("\n" if following == "n" else following)
            i += 2
            continue
        out.append(text[i])
        i += 1
    result = "".join(out)
    if is_html:
        result = html.unescape(_TAG.sub("", result))
    return result.strip()


def _title_and_rest(block: str) -> tuple[str, str]:
    stripped = block.lstrip()
    if stripped.startswith("::"):
        end = _find(stripped, "::", 2)
        if end >= 0:
            return stripped[2:end].strip(), stripped[end + 2:]
    return "", block


def _choices(body: str) -> list[_Choice]:
    choices: list[_Choice] = []
    in_feedback, i = False, 0
    while i < len(body):
        char = body[i]
        piece = body[i:i + 2] if char == "\\" else char
        if char in "=~":
            choices.append(_Choice(char))
            in_feedback = False
        elif body.startswith("####", i):
            break  # general feedback for the whole question: no place for it
        elif char == "#" and choices:
            in_feedback = True
        elif not choices:
            if not char.isspace():
                raise _Skip("stray_text")
        elif in_feedback:
            choices[-1].feedback += piece
        else:
            choices[-1].text += piece
        i += len(piece)
    return choices


def _classify_body(body: str) -> None:
    if not body.strip():
        raise _Skip("essay")
    if body.lstrip().startswith("#"):
        raise _Skip("numerical")
    head = body.split("#", 1)[0].strip().upper()
    if head in _TRUE_FALSE:
        raise _Skip("truefalse")


def _classify_choices(choices: list[_Choice]) -> None:
    if any("->" in c.text for c in choices):
        raise _Skip("matching")
    if choices and all(c.mark == "=" for c in choices):
        raise _Skip("shortanswer")


def _answer(choice: _Choice, is_html: bool) -> tuple[Answer, float]:
    text = choice.text
    weight = 100.0 if choice.mark == "=" else 0.0
    found = _WEIGHT.match(text)
    if found:
        weight = float(found.group(1))
        text = text[found.end():]
    if not unescape(text).strip():
        raise _Skip("empty_answer")
    answer = Answer(text=unescape(text, is_html=is_html), correct=weight > 0,
                    explanation=unescape(choice.feedback, is_html=is_html))
    return answer, weight


def _question(block: str) -> QuizQuestion:
    _title, rest = _title_and_rest(block)
    marker = _FORMAT.match(rest)
    is_html = bool(marker and marker.group(1).lower() == "html")
    rest = rest[marker.end():] if marker else rest
    opening = _find(rest, "{")
    if opening < 0:
        raise _Skip("description")
    closing = _find(rest, "}", opening + 1)
    if closing < 0:
        raise _Skip("unclosed")
    body, after = rest[opening + 1:closing], rest[closing + 1:].strip()
    _classify_body(body)
    choices = _choices(body)
    _classify_choices(choices)
    text = rest[:opening].strip() + (f" _____ {after}" if after else "")
    question = unescape(text, is_html=is_html)
    if not question:
        raise _Skip("no_text")
    return _build(question, [_answer(c, is_html) for c in choices])


def _build(question: str, weighted: list[tuple[Answer, float]]) -> QuizQuestion:
    answers = tuple(a for a, _ in weighted)
    if len(answers) < 2:
        raise _Skip("few_answers")
    correct = [w for a, w in weighted if a.correct]
    if not correct:
        raise _Skip("no_correct")
    kind = QuizKind.SINGLE if correct == [100.0] else QuizKind.MULTIPLE
    try:
        return QuizQuestion(question=question, kind=kind, answers=answers)
    except DomainError as err:
        raise _Skip("few_answers" if err.field == "answers" else "no_text") from err


def parse_gift(text: str) -> ImportedQuiz:
    """The single and multiple choice questions in a GIFT text, and what was skipped."""
    questions: list[QuizQuestion] = []
    skipped: list[Skipped] = []
    for line, block in _blocks(text):
        try:
            questions.append(_question(block))
        except _Skip as skip:
            skipped.append(Skipped(line, skip.kind, _MESSAGES[skip.kind], {"line": line}))
    return ImportedQuiz(tuple(questions), tuple(skipped))
