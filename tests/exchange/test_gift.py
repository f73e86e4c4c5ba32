"""GIFT quiz import: single and multiple choice with feedback, escapes, and skipped types."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.course import QuizKind
from initiator_desktop.exchange.content_pack.gift import parse_gift

SAMPLE = """\
// A comment line, ignored.
$CATEGORY: $course$/Initiator course

::Opening round::What is the opening round for? {
  =Each says briefly how they are.#Right: everyone gets a voice early.
  ~The initiator sums up.#No: the group has no leader.
  ~The one with the hardest problem talks first.#No: that invites competing.
}

::Closing::Which belong to a closing round? {
  ~%50%Each says how the meeting was.#Yes.
  ~%50%It helps end on time.#Yes, it marks the end.
  ~%-100%Advice for the week.#No advice unless asked.
}

Silence in a group always means the member is not interested.{F#Silence has many honest reasons.}

Name the national competence centre.{=Selvhjelp Norge =Self-help Norway}

Match the word.{=igangsetter -> initiator =selvhjelp -> self-help}

How many members is a typical group?{#6:2}

Describe your first meeting.{}

This is only a description without answers.

Braces and marks: 1\\=1 \\{ok\\} \\~ \\# a\\: b?{=yes \\= sure#It \\#works ~no}

[html]<p>What does <b>reciprocity</b> mean?</p>{=Everyone gives and gets ~Only the initiator helps}

The group meets {~monthly =weekly ~yearly} at first.
"""


def test_single_choice_with_feedback_and_title() -> None:
    quiz = parse_gift(SAMPLE)
    first = quiz.questions[0]
    assert first.question == "What is the opening round for?"
    assert first.kind is QuizKind.SINGLE
    assert [a.text for a in first.answers] == [
        "Each says briefly how they are.", "The initiator sums up.",
        "The one with the hardest problem talks first."]
    assert [a.correct for a in first.answers] == [True, False, False]
    assert first.answers[0].explanation == "Right: everyone gets a voice early."
    assert first.answers[1].explanation == "No: the group has no leader."


def test_weights_make_multiple_choice() -> None:
    second = parse_gift(SAMPLE).questions[1]
    assert second.kind is QuizKind.MULTIPLE
    assert [a.correct for a in second.answers] == [True, True, False]
    assert second.answers[2].text == "Advice for the week."
    assert second.answers[1].explanation == "Yes, it marks the end."


def test_escapes() -> None:
    question = parse_gift(SAMPLE).questions[2]
    assert question.question == "Braces and marks: 1=1 {ok} ~ # a: b?"
    assert [a.text for a in question.answers] == ["yes = sure", "no"]
    assert question.answers[0].explanation == "It #works"


def test_html_format_becomes_plain_text() -> None:
    question = parse_gift(SAMPLE).questions[3]
    assert question.question == "What does reciprocity mean?"
    assert "<" not in question.question


def test_missing_word_format() -> None:
    question = parse_gift(SAMPLE).questions[4]
    assert question.question == "The group meets _____ at first."
    assert [a.text for a in question.answers if a.correct] == ["weekly"]


def test_other_types_are_skipped_with_their_line() -> None:
    quiz = parse_gift(SAMPLE)
    lines = SAMPLE.splitlines()

    def line(start: str) -> int:
        return next(i for i, text in enumerate(lines, start=1) if text.startswith(start))

    assert [(s.kind, s.line) for s in quiz.skipped] == [
        ("truefalse", line("Silence in a group")),
        ("shortanswer", line("Name the national")),
        ("matching", line("Match the word")),
        ("numerical", line("How many members")),
        ("essay", line("Describe your first")),
        ("description", line("This is only")),
    ]
    assert "true/false" in quiz.skipped[0].message
    assert len(quiz.questions) == 5


def test_malformed_questions_are_skipped_not_guessed() -> None:
    text = ("Unclosed {=a ~b\n\n"
            "::t::{=a ~b}\n\n"
            "No right answer?{~a ~b}\n\n"
            "Empty?{=a ~%0%}\n\n"
            "Stray {text =a ~b}\n\n"
            "Only one?{~%100%a}\n")
    quiz = parse_gift(text)
    assert quiz.questions == ()
    kinds = [s.kind for s in quiz.skipped]
    assert kinds == ["unclosed", "no_text", "no_correct", "empty_answer", "stray_text",
                     "few_answers"]
    assert [s.line for s in quiz.skipped][1:] == [3, 5, 7, 9, 11]


def test_a_blank_line_ends_a_question_as_in_moodle() -> None:
    quiz = parse_gift("Q?{\n=a\n\n~b\n}\n")
    assert quiz.questions == ()
    assert [(s.kind, s.line) for s in quiz.skipped] == [("unclosed", 1), ("description", 4)]


def test_line_breaks_and_newline_escape() -> None:
    quiz = parse_gift("First line\ncontinues\\nand breaks?{=yes ~no}")
    assert quiz.questions[0].question == "First line continues\nand breaks?"


def test_comments_inside_answers_and_windows_line_ends() -> None:
    text = "Q?{\r\n// which one\r\n=a#fine\r\n~b\r\n}\r\n"
    question = parse_gift(text).questions[0]
    assert [a.text for a in question.answers] == ["a", "b"]
    assert question.answers[0].explanation == "fine"


def test_general_feedback_is_ignored() -> None:
    question = parse_gift("Q?{=a#yes ~b####General remark}").questions[0]
    assert [a.text for a in question.answers] == ["a", "b"]


@given(st.text(max_size=300))
def test_any_text_parses_without_crashing(text: str) -> None:
    quiz = parse_gift(text)
    for question in quiz.questions:
        assert len(question.answers) >= 2
        assert any(a.correct for a in question.answers)
    assert all(s.line >= 1 for s in quiz.skipped)
