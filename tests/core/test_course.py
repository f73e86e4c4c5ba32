"""Training content in the core: invariants, language fallback, navigation and quiz scoring."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.course import (
    LANGUAGES,
    Answer,
    Case,
    Module,
    ModuleText,
    Pack,
    QuizKind,
    QuizQuestion,
    Role,
    Section,
    language_fallbacks,
    pick_language,
    score_answer,
    score_quiz,
)
from initiator_desktop.core.errors import DomainError


def _question(kind: str = "single", correct: tuple[bool, ...] = (True, False, False),
              ) -> QuizQuestion:
    answers = tuple(Answer(f"answer {i}", flag, f"because {i}") for i, flag in enumerate(correct))
    return QuizQuestion("Which?", QuizKind(kind), answers)


def _text(language: str, keys: tuple[str, ...] = ("01-one", "02-two")) -> ModuleText:
    sections = tuple(Section(key, f"{key} {language}", "body") for key in keys)
    return ModuleText(language=language, title=f"Module {language}", summary="s",
                      sections=sections, minutes=30, quiz=(_question(),))


def _pack(*modules: Module, languages: tuple[str, ...] = ("nb", "en")) -> Pack:
    return Pack(id="org.example.pack", version="1.0.0", languages=languages,
                titles={code: f"Title {code}" for code in languages}, modules=modules)


# -- invariants ------------------------------------------------------------------------
def test_single_choice_needs_exactly_one_correct() -> None:
    with pytest.raises(DomainError, match="exactly one"):
        _question("single", (True, True, False))
    with pytest.raises(DomainError, match="exactly one"):
        _question("single", (False, False))
    assert _question("multiple", (True, True, False)).correct_indices == {0, 1}


def test_multiple_choice_needs_a_correct_answer_and_two_answers() -> None:
    with pytest.raises(DomainError, match="at least one correct"):
        _question("multiple", (False, False))
    with pytest.raises(DomainError, match="two answers"):
        _question("multiple", (True,))


def test_unknown_kind_and_empty_texts_refused() -> None:
    with pytest.raises(DomainError, match="Unknown value"):
        QuizQuestion("q", "both", (Answer("a", True), Answer("b", False)))  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="must not be empty"):
        Answer("  ", True)
    with pytest.raises(DomainError, match="must not be empty"):
        QuizQuestion(" ", QuizKind.SINGLE, (Answer("a", True), Answer("b", False)))
    assert QuizQuestion("q", "single", (Answer("a", True), Answer("b", False))).kind is (  # type: ignore[arg-type]
        QuizKind.SINGLE)


def test_case_section_and_module_invariants() -> None:
    with pytest.raises(DomainError, match="role"):
        Case("t", "situation", roles=())
    assert Case("t", "s", (Role("A", "brief"),)).roles[0].name == "A"
    with pytest.raises(DomainError, match="section name"):
        Section("1-bad", "Title")
    with pytest.raises(DomainError, match="same number"):
        _text("nb", ("01-a", "01-b"))
    with pytest.raises(DomainError, match="at least one section"):
        ModuleText("nb", "t", "s", sections=())
    with pytest.raises(DomainError, match="module name"):
        Module("self-help", (_text("nb"),))
    with pytest.raises(DomainError, match="twice"):
        Module("01-x", (_text("nb"), _text("nb")))


def test_sections_are_kept_in_file_order() -> None:
    text = _text("nb", ("03-c", "01-a", "02-b"))
    assert [s.key for s in text.sections] == ["01-a", "02-b", "03-c"]
    assert [s.number for s in text.sections] == [1, 2, 3]


def test_pack_invariants() -> None:
    module = Module("01-x", (_text("nb"), _text("en")))
    with pytest.raises(DomainError, match="pack id"):
        Pack("Bad Id", "1.0.0", ("nb",), {"nb": "t"}, ())
    with pytest.raises(DomainError, match="pack id"):
        Pack("a..b", "1.0.0", ("nb",), {"nb": "t"}, ())
    with pytest.raises(DomainError, match="title in each"):
        Pack("a.b", "1.0.0", ("nb", "en"), {"nb": "t"}, ())
    with pytest.raises(DomainError, match="appears twice"):
        _pack(module, module)
    with pytest.raises(DomainError, match="no text in nn"):
        _pack(module, languages=("nb", "nn"))
    with pytest.raises(DomainError, match="Unknown language"):
        Pack("a.b", "1", ("de",), {"de": "t"}, ())


# -- languages and navigation ----------------------------------------------------------
def test_fallbacks_prefer_the_neighbour_language() -> None:
    assert language_fallbacks("nn") == ("nn", "nb", "en")
    assert language_fallbacks("nb") == ("nb", "nn", "en")
    assert language_fallbacks("en") == ("en", "nb", "nn")
    assert pick_language(["en", "nb"], "nn") == "nb"
    assert pick_language(["en"], "nn") == "en"
    with pytest.raises(DomainError):
        pick_language([], "nb")


@given(st.lists(st.sampled_from(LANGUAGES), min_size=1, unique=True),
       st.sampled_from((*LANGUAGES, "de")))
def test_pick_language_always_picks_an_available_one(available: list[str], wanted: str) -> None:
    chosen = pick_language(available, wanted)
    assert chosen in available
    if wanted in available:
        assert chosen == wanted


def test_module_text_and_section_lookup_with_fallback() -> None:
    nb = _text("nb", ("01-one", "02-two", "03-only-nb"))
    en = _text("en", ("01-one", "02-two"))
    module = Module("01-rounds", (nb, en))
    assert module.text("nn").language == "nb"
    assert module.text("en").language == "en"
    assert module.section_keys == ("01-one", "02-two", "03-only-nb")
    section = module.section("02-two", "en")
    assert section is not None and section.title == "02-two en"
    fallback = module.section("03-only-nb", "en")
    assert fallback is not None and fallback.title == "03-only-nb nb"
    assert module.section("09-none", "en") is None
    assert module.neighbour_section("01-one", 1) == "02-two"
    assert module.neighbour_section("01-one", -1) is None
    assert module.neighbour_section("03-only-nb", 1) is None
    assert module.neighbour_section("nope", 1) is None


def test_pack_order_titles_and_neighbours() -> None:
    first = Module("01-a", (_text("nb"), _text("en")))
    second = Module("02-b", (_text("nb"), _text("en")))
    pack = _pack(first, second)
    assert pack.module_ids == ("01-a", "02-b")
    assert pack.module("02-b") is second
    assert pack.module("03-c") is None
    assert pack.title("nn") == "Title nb"
    assert pack.description("en") == ""
    assert pack.neighbour_module("01-a", 1) is second
    assert pack.neighbour_module("02-b", 1) is None
    assert pack.neighbour_module("missing", 1) is None


# -- scoring ---------------------------------------------------------------------------
def test_score_single_choice_with_feedback() -> None:
    question = _question()
    right = score_answer(question, [0])
    assert right.correct
    assert [f.explanation for f in right.feedback] == ["because 0", "because 1", "because 2"]
    assert [f.chosen for f in right.feedback] == [True, False, False]
    wrong = score_answer(question, [2])
    assert not wrong.correct
    assert wrong.feedback[2].chosen and not wrong.feedback[2].correct
    assert not score_answer(question, []).correct


def test_score_multiple_choice_needs_all_and_only_correct() -> None:
    question = _question("multiple", (True, True, False))
    assert score_answer(question, {0, 1}).correct
    assert not score_answer(question, {0}).correct
    assert not score_answer(question, {0, 1, 2}).correct


def test_score_refuses_impossible_choices() -> None:
    with pytest.raises(DomainError, match="does not exist"):
        score_answer(_question(), [3])
    with pytest.raises(DomainError, match="does not exist"):
        score_answer(_question(), [-1])
    with pytest.raises(DomainError, match="only one"):
        score_answer(_question(), [0, 1])


@st.composite
def questions(draw: st.DrawFn) -> QuizQuestion:
    flags = draw(st.lists(st.booleans(), min_size=2, max_size=8).filter(any))
    kind = QuizKind.SINGLE if sum(flags) == 1 and draw(st.booleans()) else QuizKind.MULTIPLE
    return QuizQuestion("q", kind, tuple(Answer(f"a{i}", f) for i, f in enumerate(flags)))


@given(questions(), st.data())
def test_score_is_right_exactly_for_the_correct_set(question: QuizQuestion,
                                                    data: st.DataObject) -> None:
    size = 1 if question.kind is QuizKind.SINGLE else len(question.answers)
    chosen = data.draw(st.sets(st.integers(0, len(question.answers) - 1), max_size=size))
    result = score_answer(question, chosen)
    assert result.correct == (chosen == question.correct_indices)
    assert len(result.feedback) == len(question.answers)
    assert {f.index for f in result.feedback if f.chosen} == chosen


def test_quiz_score() -> None:
    quiz = (_question(), _question("multiple", (True, True, False)), _question())
    score = score_quiz(quiz, {0: [0], 1: [0]})
    assert (score.correct, score.answered, score.total) == (1, 2, 3)
    assert score.percent == 33
    assert not score.complete
    full = score_quiz(quiz, {0: [0], 1: [0, 1], 2: [0]})
    assert full.percent == 100 and full.complete
    assert score_quiz((), {}).percent == 0
    with pytest.raises(DomainError, match="question does not exist"):
        score_quiz(quiz, {5: [0]})


@given(st.lists(questions(), max_size=6), st.data())
def test_quiz_score_is_bounded(quiz: list[QuizQuestion], data: st.DataObject) -> None:
    answered = data.draw(st.sets(st.integers(0, max(len(quiz) - 1, 0)), max_size=len(quiz)))
    responses = {i: sorted(quiz[i].correct_indices) for i in answered if i < len(quiz)}
    score = score_quiz(quiz, responses)
    assert score.correct == score.answered == len(responses)
    assert 0 <= score.percent <= 100
