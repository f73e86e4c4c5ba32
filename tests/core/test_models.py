"""Invariants of the domain dataclasses, group size advice and status transitions."""

from __future__ import annotations

import dataclasses
import itertools
import typing
from datetime import date, time

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import (
    ALLOWED_TRANSITIONS,
    MAX_COUNT,
    MAX_NAME,
    Attendance,
    ChangeKind,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    GroupStatus,
    MeetingChange,
    Place,
    PlaceKind,
    Schedule,
    Tradition,
)

MONDAY = date(2026, 1, 5)
assert MONDAY.weekday() == 0


def _schedule(**changes: object) -> Schedule:
    values: dict[str, object] = {"weekday": 0, "start": time(18, 0), "first_date": MONDAY}
    values.update(changes)
    return Schedule(**values)  # type: ignore[arg-type]


# -- names and texts -------------------------------------------------------------------
@pytest.mark.parametrize("factory", [Place, Group], ids=["place", "group"])
@pytest.mark.parametrize("name", ["", " ", "\t\n "])
def test_blank_name_is_rejected(factory: type, name: str) -> None:
    with pytest.raises(DomainError) as caught:
        factory(name=name)
    assert caught.value.field == "name"


@pytest.mark.parametrize("factory", [Place, Group], ids=["place", "group"])
def test_name_length_limit(factory: type) -> None:
    assert factory(name="x" * MAX_NAME).name == "x" * MAX_NAME
    with pytest.raises(DomainError) as caught:
        factory(name="x" * (MAX_NAME + 1))
    assert caught.value.field == "name"
    assert caught.value.params == {"limit": MAX_NAME}


def test_place_keeps_its_fields() -> None:
    place = Place(name="Telefonmøte", kind=PlaceKind.PHONE, dial_in="Ring 22 00 00 00")
    assert (place.name, place.kind, place.dial_in, place.address) == (
        "Telefonmøte",
        PlaceKind.PHONE,
        "Ring 22 00 00 00",
        "",
    )
    assert place.id and place.id != Place(name="Telefonmøte").id


def test_group_theme_is_limited() -> None:
    assert Group(name="Tirsdagsgruppa", theme="t" * 200).theme == "t" * 200
    with pytest.raises(DomainError) as caught:
        Group(name="Tirsdagsgruppa", theme="t" * 201)
    assert caught.value.field == "theme"


def test_domain_objects_are_frozen() -> None:
    group = Group(name="Tirsdagsgruppa")
    with pytest.raises(dataclasses.FrozenInstanceError):
        group.name = "Annen"  # type: ignore[misc]


# -- counts ----------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["present", "newcomers", "notified_absent"])
@pytest.mark.parametrize("value", [-1, MAX_COUNT + 1, True, False, 2.0, "3", None])
def test_attendance_counts_reject_out_of_range_and_non_integers(field: str, value: object) -> None:
    values: dict[str, object] = {"present": 10, "newcomers": 0, "notified_absent": 0}
    values[field] = value
    with pytest.raises(DomainError) as caught:
        Attendance(MONDAY, **values)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize("present", [0, 1, MAX_COUNT])
def test_attendance_count_bounds_are_inclusive(present: int) -> None:
    record = Attendance(MONDAY, present=present, newcomers=present, notified_absent=MAX_COUNT)
    assert (record.present, record.newcomers, record.notified_absent) == (
        present,
        present,
        MAX_COUNT,
    )


def test_newcomers_cannot_exceed_present() -> None:
    assert Attendance(MONDAY, present=3, newcomers=3).newcomers == 3
    with pytest.raises(DomainError) as caught:
        Attendance(MONDAY, present=3, newcomers=4)
    assert caught.value.field == "newcomers"


def test_attendance_has_nowhere_to_put_a_name() -> None:
    names = [f.name for f in dataclasses.fields(Attendance)]
    assert names == ["meeting_date", "present", "newcomers", "notified_absent"]
    hints = typing.get_type_hints(Attendance)
    assert hints == {"meeting_date": date, "present": int, "newcomers": int, "notified_absent": int}
    assert not hasattr(Attendance(MONDAY, 5), "__dict__")  # slots: no stray attributes
    with pytest.raises(TypeError):
        Attendance(MONDAY, present=5, name="Kari")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("initiator_meetings", [1, 10], [0, 11, True]),
        ("planned_size", [1, 50, None], [0, 51, True, False]),
    ],
)
def test_group_counts(field: str, good: list[object], bad: list[object]) -> None:
    for value in good:
        assert getattr(Group(name="G", **{field: value}), field) == value
    for value in bad:
        with pytest.raises(DomainError) as caught:
            Group(name="G", **{field: value})
        assert caught.value.field == field


# -- schedules -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "base", "good", "bad"),
    [
        ("duration_minutes", {"break_minutes": 0}, [15, 360], [14, 361, True, 90.0]),
        ("break_minutes", {"duration_minutes": 360}, [0, 60], [-1, 61, True]),
        ("interval_weeks", {}, [1, 4], [0, 5, True]),
    ],
)
def test_schedule_counts(
    field: str, base: dict[str, object], good: list[int], bad: list[object]
) -> None:
    for value in good:
        assert getattr(_schedule(**base, **{field: value}), field) == value
    for value in bad:
        with pytest.raises(DomainError) as caught:
            _schedule(**base, **{field: value})
        assert caught.value.field == field


def test_schedule_weekday_must_be_an_integer_weekday() -> None:
    for bad in (-1, 7, True):
        with pytest.raises(DomainError) as caught:
            _schedule(weekday=bad)
        assert caught.value.field == "weekday"


@pytest.mark.parametrize(("duration", "pause"), [(30, 30), (60, 61), (15, 15)])
def test_break_must_be_shorter_than_meeting(duration: int, pause: int) -> None:
    with pytest.raises(DomainError) as caught:
        _schedule(duration_minutes=duration, break_minutes=pause)
    assert caught.value.field == "break_minutes"


def test_break_one_minute_shorter_than_meeting_is_fine() -> None:
    assert _schedule(duration_minutes=31, break_minutes=30).break_minutes == 30


@pytest.mark.parametrize("offset", range(1, 7))
def test_first_date_must_fall_on_the_weekday(offset: int) -> None:
    with pytest.raises(DomainError) as caught:
        _schedule(first_date=date(2026, 1, 5 + offset))
    assert caught.value.field == "first_date"
    day = date(2026, 1, 5 + offset)
    assert _schedule(weekday=day.weekday(), first_date=day).first_date == day


def test_last_date_not_before_first_date() -> None:
    assert _schedule(last_date=MONDAY).last_date == MONDAY
    with pytest.raises(DomainError) as caught:
        _schedule(last_date=date(2026, 1, 4))
    assert caught.value.field == "last_date"


def test_a_moved_meeting_needs_a_new_date_or_time() -> None:
    with pytest.raises(DomainError) as caught:
        MeetingChange(MONDAY, ChangeKind.MOVED)
    assert caught.value.field == "new_date"
    assert MeetingChange(MONDAY, ChangeKind.MOVED, new_date=date(2026, 1, 6)).new_start is None
    assert MeetingChange(MONDAY, ChangeKind.MOVED, new_start=time(19, 0)).new_date is None


@pytest.mark.parametrize("extra", [{"new_date": date(2026, 1, 6)}, {"new_start": time(19, 0)}])
def test_a_cancelled_meeting_has_no_new_date(extra: dict[str, object]) -> None:
    with pytest.raises(DomainError) as caught:
        MeetingChange(MONDAY, ChangeKind.CANCELLED, **extra)  # type: ignore[arg-type]
    assert caught.value.field == "new_date"


def test_a_meeting_can_only_be_changed_once() -> None:
    later = date(2026, 1, 12)
    ok = _schedule(
        changes=(
            MeetingChange(MONDAY, ChangeKind.CANCELLED),
            MeetingChange(later, ChangeKind.CANCELLED),
        )
    )
    assert len(ok.changes) == 2
    with pytest.raises(DomainError) as caught:
        _schedule(
            changes=(
                MeetingChange(later, ChangeKind.CANCELLED),
                MeetingChange(later, ChangeKind.MOVED, new_start=time(19, 0)),
            )
        )
    assert caught.value.field == "changes"


# -- frames ----------------------------------------------------------------------------
def test_frame_item_needs_a_text() -> None:
    with pytest.raises(DomainError) as caught:
        FrameItem(FrameKind.CUSTOM, {})
    assert caught.value.field == "texts"


@pytest.mark.parametrize("code", ["de", "no", "NB", "", "se"])
def test_frame_item_accepts_only_nb_nn_en(code: str) -> None:
    with pytest.raises(DomainError) as caught:
        FrameItem(FrameKind.CUSTOM, {"nb": FrameText("Taushetsplikt"), code: FrameText("x")})
    assert caught.value.field == "texts"
    assert caught.value.params == {"code": code}


def test_frame_item_with_all_languages_and_fallback() -> None:
    texts = {code: FrameText(f"title-{code}") for code in ("nb", "nn", "en")}
    item = FrameItem(FrameKind.PRACTICAL, texts)
    assert item.text("nn").title == "title-nn"
    only_en = FrameItem(FrameKind.PRACTICAL, {"en": FrameText("Confidentiality")})
    assert only_en.text("nb").title == "Confidentiality"


@pytest.mark.parametrize(
    ("title", "body"), [("", ""), ("  ", "b"), ("t" * 121, ""), ("t", "b" * 601)]
)
def test_frame_text_limits(title: str, body: str) -> None:
    with pytest.raises(DomainError):
        FrameText(title, body)


# -- group size advice -----------------------------------------------------------------
@pytest.mark.parametrize("size", [None, 4, 5, 6, 7, 8])
def test_no_size_advice_inside_four_to_eight(size: int | None) -> None:
    assert Group(name="G", planned_size=size).size_advice() is None


@pytest.mark.parametrize("size", [1, 2, 3])
def test_size_advice_below_four(size: int) -> None:
    assert Group(name="G", planned_size=size).size_advice() == (
        "Fewer than four members makes a group fragile."
    )


@pytest.mark.parametrize("size", [9, 12, 50])
def test_size_advice_above_eight(size: int) -> None:
    assert Group(name="G", planned_size=size).size_advice() == (
        "More than eight members leaves little room for each person."
    )


# -- status transitions ----------------------------------------------------------------
def test_transition_table_covers_every_status_without_self_loops() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(GroupStatus)
    for status, targets in ALLOWED_TRANSITIONS.items():
        assert status not in targets


@pytest.mark.parametrize(
    ("old", "new"),
    [(a, b) for a, b in itertools.product(GroupStatus, repeat=2) if a is not b],
    ids=lambda s: s.value,
)
def test_status_transitions_follow_the_table(old: GroupStatus, new: GroupStatus) -> None:
    group = Group(name="Tirsdagsgruppa", theme="Sorg", planned_size=6, status=old)
    if new in ALLOWED_TRANSITIONS[old]:
        moved = group.with_status(new)
        assert moved.status is new
        assert moved == dataclasses.replace(group, status=new)
        assert group.status is old
    else:
        with pytest.raises(DomainError) as caught:
            group.with_status(new)
        assert caught.value.field == "status"
        assert caught.value.field == "status"


@pytest.mark.parametrize("status", list(GroupStatus), ids=lambda s: s.value)
def test_staying_in_the_same_status_is_a_no_op(status: GroupStatus) -> None:
    group = Group(name="G", status=status)
    assert group.with_status(status) == group


def test_ended_is_final() -> None:
    ended = Group(name="Vårgruppa", status=GroupStatus.ENDED)
    assert ALLOWED_TRANSITIONS[GroupStatus.ENDED] == frozenset()
    for status in set(GroupStatus) - {GroupStatus.ENDED}:
        with pytest.raises(DomainError):
            ended.with_status(status)


def test_every_status_can_reach_ended() -> None:
    for status in set(GroupStatus) - {GroupStatus.ENDED}:
        assert Group(name="G", status=status).with_status(GroupStatus.ENDED).status is (
            GroupStatus.ENDED
        )


def test_enum_values_given_as_text_are_converted_or_refused() -> None:
    group = Group(name="Tirsdagsgruppa", status="starting", tradition="hybrid")  # type: ignore[arg-type]
    assert group.status is GroupStatus.STARTING
    assert group.tradition is Tradition.HYBRID
    assert group.with_status(GroupStatus.SELF_RUNNING).status is GroupStatus.SELF_RUNNING
    with pytest.raises(DomainError) as caught:
        Group(name="x", status="paused")  # type: ignore[arg-type]
    assert caught.value.field == "status"
    assert Place(name="Rom", kind="phone").kind is PlaceKind.PHONE  # type: ignore[arg-type]


# -- calendar fields (schema 3) ---------------------------------------------------------
def test_pause_order_and_length() -> None:
    from initiator_desktop.core.models import Pause

    with pytest.raises(DomainError, match="ends before"):
        Pause(date(2026, 12, 21), date(2026, 12, 20))
    with pytest.raises(DomainError, match="at most a year"):
        Pause(date(2026, 1, 1), date(2027, 1, 2))
    assert Pause(date(2026, 12, 21), date(2026, 12, 21)).covers(date(2026, 12, 21))


def test_group_pauses_are_sorted_and_must_not_overlap() -> None:
    from initiator_desktop.core.models import Pause

    easter = Pause(date(2027, 3, 22), date(2027, 3, 29))
    christmas = Pause(date(2026, 12, 21), date(2027, 1, 3))
    group = Group(name="A", pauses=(easter, christmas))
    assert group.pauses == (christmas, easter)
    assert group.paused_on(date(2027, 1, 3)) and not group.paused_on(date(2027, 1, 4))
    with pytest.raises(DomainError, match="overlap"):
        Group(name="A", pauses=(christmas, Pause(date(2027, 1, 3), date(2027, 1, 10))))


def test_code_word_is_short_and_on_one_line() -> None:
    assert Group(name="A", code_word="Tirsdagsprat").code_word == "Tirsdagsprat"
    with pytest.raises(DomainError):
        Group(name="A", code_word="x" * 41)
    with pytest.raises(DomainError, match="one line"):
        Group(name="A", code_word="Tirsdag\nSorg")


def test_added_meeting_rules() -> None:
    with pytest.raises(DomainError, match="only its own date"):
        MeetingChange(date(2026, 1, 8), ChangeKind.ADDED, new_date=date(2026, 1, 9))
    with pytest.raises(DomainError, match="already a meeting"):
        Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                 changes=(MeetingChange(date(2026, 1, 13), ChangeKind.ADDED),))
    outside = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 1, 6),
                       changes=(MeetingChange(date(2026, 1, 1), ChangeKind.ADDED),))
    assert not outside.is_series_date(date(2026, 1, 1))
