"""The content folder (install, replace, list) and quiz files added to a pack's module."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.course import Answer, QuizKind, QuizQuestion
from initiator_desktop.core.errors import DomainError
from initiator_desktop.exchange.content_pack import PackInvalid, load_pack
from initiator_desktop.exchange.content_pack.archive import read_source
from initiator_desktop.exchange.content_pack.gift import parse_gift
from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.exchange.content_pack.quiz_import import add_quiz, quiz_toml, toml_string
from initiator_desktop.exchange.errors import InvalidFile
from tests.exchange.test_content_pack import (
    EN_TOML,
    EXAMPLE,
    example_files,
    replace,
    shown,
    write_tree,
)

GIFT = """\
::Advice::A member asks what you would do. What fits the principles? {
  =Tell from your own experience, saying "I".#Yes: speak from yourself.
  ~Tell them what they should do.#Advice only when asked, and then as experience.
}

True or false: the initiator leads the group.{F}
"""


@pytest.fixture
def library(tmp_path: Path) -> PackLibrary:
    return PackLibrary(tmp_path / "content", built_in=tmp_path / "built-in")


def test_install_copies_the_files_unchanged(library: PackLibrary) -> None:
    target = library.install(load_pack(EXAMPLE))
    assert target == library.root / "org.example.rounds"
    assert read_source(target).files == example_files()
    assert [item.id for item in library.packs()] == ["org.example.rounds"]
    found = library.find("org.example.rounds")
    assert found is not None and not found.built_in and found.validation.ok
    assert library.find("org.example.other") is None
    assert [p.name for p in library.root.iterdir()] == ["org.example.rounds"]


def test_install_twice_needs_replace(library: PackLibrary) -> None:
    library.install(load_pack(EXAMPLE))
    with pytest.raises(DomainError, match="already imported"):
        library.install(load_pack(EXAMPLE))
    files = example_files()
    replace(files, "pack.toml", 'version = "1.0.0"', 'version = "1.1.0"')
    newer = write_tree(library.root.parent / "newer", files)
    library.install(load_pack(newer), replace=True)
    shelved = library.find("org.example.rounds")
    assert shelved is not None and shelved.validation.pack is not None
    assert shelved.validation.pack.version == "1.1.0"
    assert [p.name for p in library.root.iterdir()] == ["org.example.rounds"]


def test_built_in_packs_are_listed_and_protected(library: PackLibrary) -> None:
    write_tree(library.built_in / "igangsetterkurs", example_files())
    write_tree(library.built_in / "example", example_files())  # not a built-in course
    items = library.packs()
    assert [(i.id, i.built_in) for i in items] == [("org.example.rounds", True)]
    with pytest.raises(DomainError, match="built into the app"):
        library.install(load_pack(EXAMPLE))
    assert not library.root.exists()


def test_an_edited_broken_install_is_listed_as_invalid(library: PackLibrary) -> None:
    target = library.install(load_pack(EXAMPLE))
    (target / "pack.toml").write_text("id = ", encoding="utf-8")
    (item,) = library.packs()
    assert item.id == "org.example.rounds"
    assert item.validation.pack is None
    assert "not valid TOML" in shown(item.validation.problems[0])


def test_invalid_pack_ids_are_refused_as_folder_names(library: PackLibrary) -> None:
    with pytest.raises(DomainError):
        library.folder_for("../escape")


# -- quiz files into a module ------------------------------------------------------------
def test_add_gift_quiz_appends_to_one_module_language() -> None:
    files = example_files()
    quiz = parse_gift(GIFT)
    assert [s.kind for s in quiz.skipped] == ["truefalse"]
    changed = add_quiz(files, "01-rounds", "en", quiz.questions)
    en = changed.pack.modules[0].text("en")
    assert len(en.quiz) == 3
    assert en.quiz[2].question == "A member asks what you would do. What fits the principles?"
    assert en.quiz[2].answers[0].text == 'Tell from your own experience, saying "I".'
    assert en.quiz[2].answers[1].explanation.startswith("Advice only when asked")
    assert len(changed.pack.modules[0].text("nb").quiz) == 2
    assert changed.files[EN_TOML].startswith(files[EN_TOML])
    assert {n: d for n, d in changed.files.items() if n != EN_TOML} == {
        n: d for n, d in files.items() if n != EN_TOML}


def test_add_quiz_to_a_missing_module_or_language() -> None:
    questions = parse_gift(GIFT).questions
    with pytest.raises(InvalidFile, match="no module 02-none"):
        add_quiz(example_files(), "02-none", "en", questions)
    with pytest.raises(InvalidFile, match="in the language nn"):
        add_quiz(example_files(), "01-rounds", "nn", questions)


def test_add_quiz_that_would_break_the_pack_is_refused_with_its_line() -> None:
    duplicate = QuizQuestion("Same twice?", QuizKind.SINGLE,
                             (Answer("Yes", True), Answer("Yes", False)))
    with pytest.raises(PackInvalid) as caught:
        add_quiz(example_files(), "01-rounds", "en", [duplicate])
    (problem,) = caught.value.problems
    assert problem.file == EN_TOML
    assert "same text" in shown(problem)
    assert problem.line is not None and problem.line > example_files()[EN_TOML].count(b"\n")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda value: value.strip() != "")


@given(_TEXT, st.lists(_TEXT, min_size=2, max_size=4, unique=True), st.text(max_size=30))
def test_quiz_toml_keeps_every_character(question: str, answers: list[str],
                                         explanation: str) -> None:
    item = QuizQuestion(question, QuizKind.MULTIPLE,
                        tuple(Answer(a, i == 0, explanation) for i, a in enumerate(answers)))
    parsed = tomllib.loads(quiz_toml([item]))
    (doc,) = parsed["quiz"]
    assert doc["question"] == question
    assert [a["text"] for a in doc["answer"]] == answers
    assert all(a["explanation"] == explanation for a in doc["answer"])
    assert tomllib.loads(f"x = {toml_string(question)}")["x"] == question
