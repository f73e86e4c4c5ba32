"""Agreements on the frames, the history of agreed frames and the diff between versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_agreement import (
    delete_agreement,
    diff_frames,
    frame_history,
    note_frames_saved,
    record_agreement,
    save_page_keeping_history,
)
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.group_page import GroupPage, load_group_page
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import FrameItem, FrameKind, FrameText, Group

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 3, 2, 19, 30, tzinfo=OSLO)
FRAMES, CONFIDENTIALITY = AgreementKind.FRAMES, AgreementKind.CONFIDENTIALITY


def own(title: str, body: str = "") -> FrameItem:
    return FrameItem(FrameKind.CUSTOM, {"nb": FrameText(title, body)})


def reword(item: FrameItem, language: str, title: str) -> FrameItem:
    return replace(item, texts={**item.texts, language: FrameText(title, "Ny forklaring.")})


@pytest.fixture
def repo() -> MemoryRepository:
    return MemoryRepository()


def new_group(repo: MemoryRepository, frames: list[FrameItem]) -> str:
    page = GroupPage(group=Group(name="Tirsdagsgruppa"), frames=tuple(frames))
    return save_page_keeping_history(repo, page, NOW).group_id


def save_frames(repo: MemoryRepository, group_id: str, frames: list[FrameItem],
                now: datetime) -> None:
    page = load_group_page(repo, group_id)
    assert page is not None
    save_page_keeping_history(repo, replace(page, frames=tuple(frames)), now)


# -- diff ------------------------------------------------------------------------------------
def test_diff_of_equal_lists_is_empty() -> None:
    frames = default_frames(Preset.SN)
    assert diff_frames(frames, list(frames)).is_empty


def test_diff_names_added_removed_reworded_and_moved() -> None:
    a, b, c, d = (own(t) for t in "ABCD")
    new = own("E")
    b2 = reword(b, "en", "B in English")
    change = diff_frames([a, b, c, d], [c, a, b2, new])
    assert change.added == (new,)
    assert change.removed == (d,)
    assert [(r.before, r.after, r.languages) for r in change.reworded] == [(b, b2, ("en",))]
    assert change.moved == (c,)  # moving C to the top explains the new order


def test_addition_and_removal_do_not_count_as_moves() -> None:
    a, b, c = own("A"), own("B"), own("C")
    change = diff_frames([a, b, c], [own("New"), a, c])
    assert change.moved == ()
    assert change.removed == (b,)


def test_kind_change_counts_as_reworded() -> None:
    a = own("A")
    change = diff_frames([a], [replace(a, kind=FrameKind.PRACTICAL)])
    assert len(change.reworded) == 1
    assert change.reworded[0].kind_changed and change.reworded[0].languages == ()


def test_a_profile_applied_again_matches_by_library_key() -> None:
    before = default_frames(Preset.SN)
    after = default_frames(Preset.SN)  # same wording, new ids
    assert diff_frames(before, after).is_empty
    after[0] = reword(after[0], "nb", "Fem til sju medlemmer")
    change = diff_frames(before, after)
    assert [r.after for r in change.reworded] == [after[0]]
    assert change.added == change.removed == ()


def test_own_items_with_new_ids_match_by_their_wording() -> None:
    before = [own("Telefonen av"), own("Kaffe")]
    after = [own("Kaffe"), own("Telefonen av")]
    change = diff_frames(before, after)
    assert change.added == change.removed == change.reworded == ()
    assert len(change.moved) == 1


def _lcs(a: list[str], b: list[str]) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1],
                                                                     table[i + 1][j])
    return table[-1][-1]


POOL = [own(f"Frame {n}", f"Body {n}") for n in range(12)]


@st.composite
def versions(draw: st.DrawFn) -> tuple[list[FrameItem], list[FrameItem]]:
    before = draw(st.lists(st.sampled_from(POOL), unique_by=lambda f: f.id, max_size=12))
    after = draw(st.permutations(draw(st.lists(st.sampled_from(POOL), unique_by=lambda f: f.id,
                                               max_size=12))))
    reworded = draw(st.sets(st.integers(0, 11)))
    after = [reword(f, "nn", f"Nytt {i}") if i in reworded else f for i, f in enumerate(after)]
    return before, after


@settings(max_examples=150, deadline=None)
@given(versions())
def test_diff_properties(pair: tuple[list[FrameItem], list[FrameItem]]) -> None:
    before, after = pair
    change = diff_frames(before, after)
    before_ids, after_ids = [f.id for f in before], [f.id for f in after]
    assert {f.id for f in change.added} == set(after_ids) - set(before_ids)
    assert {f.id for f in change.removed} == set(before_ids) - set(after_ids)
    common_before = [i for i in before_ids if i in after_ids]
    common_after = [i for i in after_ids if i in before_ids]
    # The fewest moves: everything else keeps its order, and that order is a longest one.
    assert len(common_before) - len(change.moved) == _lcs(common_before, common_after)
    still = [i for i in common_after if i not in {f.id for f in change.moved}]
    assert still == [i for i in common_before if i in still]
    assert {r.after.id for r in change.reworded} == {
        f.id for f in after if f.id in before_ids and f != before[before_ids.index(f.id)]}
    assert change.is_empty == (before == after)
    assert diff_frames(after, after).is_empty


# -- agreements and history ------------------------------------------------------------------
def test_first_agreement_keeps_the_frames_agreed_on(repo: MemoryRepository) -> None:
    frames = default_frames(Preset.SN)
    group_id = new_group(repo, frames)
    assert repo.frame_changes(group_id) == []  # not agreed yet: no history
    kept = record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2), 6), NOW)
    assert kept is not None and kept.items == tuple(frames)
    [entry] = frame_history(repo, group_id)
    assert entry.diff is None and entry.change.changed_at == NOW


def test_changes_before_the_agreement_keep_no_history(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [own("A")])
    save_frames(repo, group_id, [own("A"), own("B")], NOW + timedelta(hours=1))
    record_agreement(repo, group_id, FrameAgreement(CONFIDENTIALITY, date(2026, 3, 2)), NOW)
    save_frames(repo, group_id, [own("C")], NOW + timedelta(hours=2))
    assert repo.frame_changes(group_id) == []


def test_changing_agreed_frames_keeps_when_and_what(repo: MemoryRepository) -> None:
    frames = default_frames(Preset.SN)
    group_id = new_group(repo, frames)
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    later = NOW + timedelta(days=7)
    changed = [reword(frames[0], "nb", "Seks medlemmer"), *frames[1:], own("Telefonen av")]
    save_frames(repo, group_id, changed, later)
    save_frames(repo, group_id, changed, later + timedelta(days=1))  # nothing new: no entry
    first, second = frame_history(repo, group_id)
    assert second.change.changed_at == later
    assert second.change.items == tuple(changed)
    assert second.diff is not None
    assert [f.text("nb").title for f in second.diff.added] == ["Telefonen av"]
    assert [r.after.text("nb").title for r in second.diff.reworded] == ["Seks medlemmer"]
    assert first.change.items == tuple(frames)


def test_history_keeps_its_order_when_the_clock_does_not_move(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [own("A")])
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    save_frames(repo, group_id, [own("B")], NOW)  # same instant as the agreement
    save_frames(repo, group_id, [own("C")], NOW - timedelta(hours=1))  # clock set back
    times = [e.change.changed_at for e in frame_history(repo, group_id)]
    assert times == sorted(times) and len(set(times)) == 3


def test_agreeing_again_after_an_outside_change_keeps_a_snapshot(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [own("A")])
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    repo.save_frames(group_id, [own("B")])  # e.g. an import, outside the page
    assert record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2), 5),
                            NOW + timedelta(minutes=5)) is not None
    assert record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2), 6),
                            NOW + timedelta(minutes=6)) is None
    assert [a.agreed_count for a in repo.frame_agreements(group_id)] == [6]


def test_agreement_refuses_a_future_day_and_an_empty_list(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [])
    with pytest.raises(DomainError) as caught:
        record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 3)), NOW)
    assert caught.value.field == "agreed_on"
    with pytest.raises(DomainError) as caught:
        record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    assert caught.value.field == "frames"
    # Confidentiality needs no frames.
    record_agreement(repo, group_id, FrameAgreement(CONFIDENTIALITY, date(2026, 3, 2)), NOW)
    assert repo.frame_agreements(group_id) == [FrameAgreement(CONFIDENTIALITY, date(2026, 3, 2))]
    with pytest.raises(DomainError):
        record_agreement(repo, "missing", FrameAgreement(CONFIDENTIALITY, date(2026, 3, 2)), NOW)


def test_deleting_an_agreement_keeps_the_history(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [own("A")])
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    delete_agreement(repo, group_id, FRAMES, date(2026, 3, 2))
    assert repo.frame_agreements(group_id) == []
    assert len(repo.frame_changes(group_id)) == 1
    assert note_frames_saved(repo, group_id, [own("B")], NOW + timedelta(hours=1)) is None


def test_page_and_history_are_saved_together(
    repo: MemoryRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_id = new_group(repo, [own("A")])
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    page = load_group_page(repo, group_id)
    assert page is not None

    def disk_full(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(repo, "add_frame_change", disk_full)
    with pytest.raises(OSError):
        save_page_keeping_history(repo, replace(page, frames=(own("B"),)), NOW + timedelta(hours=1))
    assert len(repo.frame_changes(group_id)) == 1
    assert [f.text("nb").title for f in repo.frames(group_id)] == ["A"]


def test_changes_are_kept_in_utc_but_mean_the_same_moment(repo: MemoryRepository) -> None:
    group_id = new_group(repo, [own("A")])
    record_agreement(repo, group_id, FrameAgreement(FRAMES, date(2026, 3, 2)), NOW)
    [entry] = frame_history(repo, group_id)
    assert entry.change.changed_at.tzinfo is UTC
    assert entry.change.changed_at.astimezone(OSLO).hour == 19
