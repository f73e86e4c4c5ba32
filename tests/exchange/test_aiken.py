"""Aiken quiz import: questions, both option styles, ANSWER lines and malformed questions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.course import QuizKind
from initiator_desktop.exchange.content_pack.aiken import parse_aiken
from initiator_desktop.exchange.content_pack.quiz_import import parse_quiz_text

SAMPLE = """\
How long does an initiator usually stay with a new group?
A) Only the first meeting
B) The first two to five meetings
C) As long as the group exists
ANSWER: B

What is a closed group?
A. Nobody new joins after the start unless the members decide so
B. The door is locked during the meeting
ANSWER: A
"""


def test_questions_in_both_option_styles() -> None:
    quiz = parse_aiken(SAMPLE)
    assert quiz.skipped == ()
    first, second = quiz.questions
    assert first.question == "How long does an initiator usually stay with a new group?"
    assert first.kind is QuizKind.SINGLE
    assert [a.text for a in first.answers] == [
        "Only the first meeting", "The first two to five meetings", "As long as the group exists"]
    assert [a.correct for a in first.answers] == [False, True, False]
    assert all(a.explanation == "" for a in first.answers)
    assert [a.correct for a in second.answers] == [True, False]


def test_malformed_questions_are_skipped_with_their_line() -> None:
    text = ("Q1?\nA) a\nB) b\nANSWER: D\n\n"       # 1: letter not among the options
            "Q2?\nA) only\nANSWER: A\n\n"          # 6: one option
            "Q3?\nA) a\nA) again\nANSWER: A\n\n"   # 10: repeated letter
            "Q4?\nA) a\nB) b\n\n"                  # 15: no ANSWER line
            "Q5?\nA) a\nB) b\nanswer: b\n\n"       # 19: fine, lower case answer
            "ANSWER: C\n")                         # 24: answer without question
    quiz = parse_aiken(text)
    assert [(s.kind, s.line) for s in quiz.skipped] == [
        ("unknown_letter", 1), ("few_answers", 6), ("repeated_letter", 10),
        ("no_answer_line", 15), ("no_question", 24)]
    assert [q.question for q in quiz.questions] == ["Q5?"]
    assert quiz.questions[0].answers[1].correct


def test_txt_files_are_sniffed() -> None:
    assert len(parse_quiz_text(SAMPLE, suffix=".txt").questions) == 2
    gift = "Q?{=a ~b}\n"
    assert len(parse_quiz_text(gift, suffix=".txt").questions) == 1
    # A .gift file is GIFT even when it looks like Aiken.
    assert parse_quiz_text(SAMPLE, suffix=".gift").questions == ()


@given(st.text(max_size=300))
def test_any_text_parses_without_crashing(text: str) -> None:
    quiz = parse_aiken(text)
    for question in quiz.questions:
        assert sum(a.correct for a in question.answers) == 1
    assert all(s.line >= 1 for s in quiz.skipped)
