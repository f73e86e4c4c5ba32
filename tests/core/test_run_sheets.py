"""Run sheets: the defaults, a group's own edits as a document, and what is refused."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.core.run_sheets import (
    FIRST_MEETING,
    LATER_MEETING,
    MAX_GUIDANCE,
    MAX_STEP_TITLE,
    MAX_STEPS,
    RunSheet,
    RunStep,
    SheetKind,
    StepKind,
    default_sheet,
    edited_step,
    load_run_sheet,
    own_step,
    reset_run_sheet,
    save_run_sheet,
    sheet_from_document,
    sheet_kind_for,
    sheet_to_document,
)


@pytest.fixture
def repo() -> MemoryRepository:
    repo = MemoryRepository()
    repo.save_group(Group(name="Torsdagsgruppa", id="g1"))
    return repo


def test_the_first_meeting_follows_the_method_in_order() -> None:
    keys = [step.key for step in FIRST_MEETING]
    assert keys == ["welcome", "names", "expectations", "frames", "confidentiality",
                    "practicalities", "free_floor", "closing_round", "closing_words"]
    kinds = {step.key: step.kind for step in FIRST_MEETING}
    assert kinds["frames"] is StepKind.FRAMES
    assert {k for k, kind in kinds.items() if kind is StepKind.ROUND} == {
        "names", "expectations", "closing_round"}
    # The initiator presents first; the texts speak of first names and of notice.
    welcome = FIRST_MEETING[0].guidance
    assert "present yourself first" in welcome
    assert "First names" in FIRST_MEETING[1].guidance
    assert "cannot come" in FIRST_MEETING[5].guidance


def test_the_defaults_fit_a_two_hour_meeting_with_a_break() -> None:
    for steps in (FIRST_MEETING, LATER_MEETING):
        assert sum(step.minutes for step in steps) == 105
        for step in steps:
            assert 0 < len(step.title) <= MAX_STEP_TITLE
            assert 0 < len(step.guidance) <= MAX_GUIDANCE
    assert len(LATER_MEETING) < len(FIRST_MEETING)


def test_default_sheets_are_default_and_stored_as_such() -> None:
    sheet = default_sheet(SheetKind.FIRST)
    assert sheet.is_default()
    assert sheet.steps[0].title_text() == ("Welcome", True)
    assert sheet_to_document(sheet) == {"version": 1, "default": True}


def test_which_sheet_a_meeting_uses() -> None:
    assert sheet_kind_for(1) is SheetKind.FIRST
    assert sheet_kind_for(2) is SheetKind.LATER
    assert sheet_kind_for(None) is SheetKind.LATER


def test_a_group_without_a_sheet_gets_the_default(repo: MemoryRepository) -> None:
    assert load_run_sheet(repo, "g1", SheetKind.LATER) == default_sheet(SheetKind.LATER)


def test_edits_keep_typed_text_and_leave_the_rest_translatable(repo: MemoryRepository) -> None:
    sheet = default_sheet(SheetKind.FIRST)
    norwegian = {"Welcome": "Velkommen", FIRST_MEETING[0].guidance: "Ønsk alle velkommen."}

    def translate(text: str) -> str:
        return norwegian.get(text, text)

    # Only the minutes change: the wording stays the (translated) default.
    longer = edited_step(sheet.steps[0], title="Velkommen", guidance="Ønsk alle velkommen.",
                         minutes=8, translate=translate)
    assert (longer.title, longer.guidance, longer.minutes) == (None, None, 8)
    # The guidance typed anew is kept exactly as typed.
    typed = edited_step(sheet.steps[0], title="Velkommen", guidance="Si hei  og vent litt.\n",
                        minutes=5, translate=translate)
    assert (typed.title, typed.guidance) == (None, "Si hei  og vent litt.\n")
    mine = own_step("Kaffe og en kjeks", "Finn fram koppene.", minutes=3)
    edited = replace(sheet, steps=(longer, typed, mine, *sheet.steps[3:]))
    stored = save_run_sheet(repo, "g1", edited)
    assert stored == edited
    assert not stored.is_default()
    document = repo.group_document("g1", "run_sheet_first")
    assert document is not None
    assert document["steps"][0] == {"kind": "item", "minutes": 8, "key": "welcome"}
    assert document["steps"][2] == {"kind": "item", "minutes": 3, "title": "Kaffe og en kjeks",
                                    "guidance": "Finn fram koppene."}
    assert load_run_sheet(repo, "g1", SheetKind.FIRST) == edited
    assert load_run_sheet(repo, "g1", SheetKind.LATER).is_default()


def test_reset_goes_back_to_the_default(repo: MemoryRepository) -> None:
    sheet = default_sheet(SheetKind.LATER)
    save_run_sheet(repo, "g1", replace(sheet, steps=sheet.steps[:2]))
    assert len(load_run_sheet(repo, "g1", SheetKind.LATER).steps) == 2
    assert reset_run_sheet(repo, "g1", SheetKind.LATER).is_default()
    assert repo.group_document("g1", "run_sheet_later") == {"version": 1, "default": True}
    assert load_run_sheet(repo, "g1", SheetKind.LATER) == default_sheet(SheetKind.LATER)


def test_a_sheet_that_matches_the_default_is_stored_as_the_default(
        repo: MemoryRepository) -> None:
    save_run_sheet(repo, "g1", RunSheet(SheetKind.FIRST, default_sheet(SheetKind.FIRST).steps))
    assert repo.group_document("g1", "run_sheet_first") == {"version": 1, "default": True}


@pytest.mark.parametrize("make", [
    lambda: RunSheet(SheetKind.FIRST, ()),
    lambda: RunSheet(SheetKind.FIRST, tuple(own_step(f"Step {i}") for i in range(MAX_STEPS + 1))),
    lambda: RunSheet(SheetKind.FIRST, tuple(own_step("Long", minutes=180) for _ in range(3))),
    lambda: RunSheet("third", (own_step("A"),)),  # type: ignore[arg-type]
    lambda: own_step(""),
    lambda: own_step("   "),
    lambda: own_step("Two\nlines"),
    lambda: own_step("x" * (MAX_STEP_TITLE + 1)),
    lambda: own_step("Fine", "y" * (MAX_GUIDANCE + 1)),
    lambda: own_step("Fine", minutes=-1),
    lambda: own_step("Fine", minutes=181),
    lambda: own_step("Fine", minutes=True),  # type: ignore[arg-type]
    lambda: RunStep(kind="speech", minutes=5, title="A", guidance=""),  # type: ignore[arg-type]
    lambda: RunStep(kind=StepKind.ITEM, minutes=5, key="no_such_step"),
    lambda: RunStep(kind=StepKind.ITEM, minutes=5),
])
def test_invalid_sheets_and_steps_are_refused(make: Any) -> None:
    with pytest.raises(DomainError):
        make()


@pytest.mark.parametrize("document", [
    None, [], "default", {"version": 2, "default": True},
    {"version": 1}, {"version": 1, "default": "yes"},
    {"version": 1, "default": True, "steps": []},
    {"version": 1, "steps": "many"}, {"version": 1, "steps": []},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": "5", "title": "A"}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5.0, "title": "A"}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "title": 7}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "title": ["A"]}]},
    {"version": 1, "steps": [{"kind": ["item"], "minutes": 5, "title": "A"}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "key": 3}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "title": "A", "member": "Kari"}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "title": "x" * 100_000}]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 1, "title": "A"}] * 10_000},
    {"version": 1, "steps": [[]]},
    {"version": 1, "steps": [{"kind": "item", "minutes": 5, "title": "A"}], "extra": 1},
])
def test_damaged_or_hostile_documents_are_refused(document: object) -> None:
    with pytest.raises(DomainError):
        sheet_from_document(document, SheetKind.FIRST)


def test_a_damaged_stored_sheet_falls_back_to_the_default(repo: MemoryRepository) -> None:
    repo.save_group_document("g1", "run_sheet_first", {"version": 1, "steps": [{"x": 1}]})
    sheet = load_run_sheet(repo, "g1", SheetKind.FIRST)
    assert sheet.recovered
    assert sheet.steps == default_sheet(SheetKind.FIRST).steps


_titles = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"),
                  min_size=1, max_size=MAX_STEP_TITLE).filter(str.strip)
_steps = st.builds(own_step, _titles, st.text(max_size=50), st.integers(0, 40),
                   st.sampled_from(list(StepKind)))


@given(steps=st.lists(_steps, min_size=1, max_size=8), kind=st.sampled_from(list(SheetKind)))
def test_any_valid_sheet_survives_its_document(steps: list[RunStep], kind: SheetKind) -> None:
    sheet = RunSheet(kind, tuple(steps))
    assert sheet_from_document(sheet_to_document(sheet), kind) == sheet
