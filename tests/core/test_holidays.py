"""Norwegian public holidays and meetings that clash with them."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from initiator_desktop.core.holidays import holiday_clashes, public_holidays
from initiator_desktop.core.models import ChangeKind, MeetingChange, Schedule
from initiator_desktop.core.schedule import occurrences

# Easter Sunday from an almanac, independent of the package under test.
EASTER = {
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
}
YEARS = sorted(EASTER)


@pytest.fixture(scope="module")
def found() -> dict[date, str]:
    return public_holidays(date(2025, 1, 1), date(2030, 12, 31))


@pytest.mark.parametrize("year", YEARS)
def test_fixed_holidays(found: dict[date, str], year: int) -> None:
    assert "Første nyttårsdag" in found[date(year, 1, 1)]
    assert "Arbeidernes dag" in found[date(year, 5, 1)]
    assert "Grunnlovsdag" in found[date(year, 5, 17)]
    assert "Første juledag" in found[date(year, 12, 25)]
    assert "Andre juledag" in found[date(year, 12, 26)]


@pytest.mark.parametrize("year", YEARS)
def test_easter_dependent_holidays(found: dict[date, str], year: int) -> None:
    easter = EASTER[year]
    expected = {
        -3: "Skjærtorsdag",
        -2: "Langfredag",
        0: "Første påskedag",
        1: "Andre påskedag",
        39: "Kristi himmelfartsdag",
        50: "Andre pinsedag",
    }
    for offset, name in expected.items():
        assert name in found[easter + timedelta(days=offset)], (year, offset)


def test_known_dates() -> None:
    found = public_holidays(date(2026, 1, 1), date(2027, 12, 31))
    assert found[date(2026, 4, 3)] == "Langfredag"
    assert found[date(2026, 5, 14)] == "Kristi himmelfartsdag"
    assert found[date(2026, 5, 25)] == "Andre pinsedag"
    assert found[date(2027, 3, 25)] == "Skjærtorsdag"
    # In 2027 Whit Monday is 17 May: both names are kept.
    assert "Andre pinsedag" in found[date(2027, 5, 17)]
    assert "Grunnlovsdag" in found[date(2027, 5, 17)]


def test_exactly_the_public_holidays(found: dict[date, str]) -> None:
    # Twelve names a year; 2027 has one date fewer because two of them share 17 May.
    per_year = {year: sum(1 for d in found if d.year == year) for year in YEARS}
    assert per_year == {2025: 12, 2026: 12, 2027: 11, 2028: 12, 2029: 12, 2030: 12}


def test_ordinary_sundays_are_not_holidays(found: dict[date, str]) -> None:
    sundays = [d for d in found if d.weekday() == 6]
    named = {date(y, 5, 17) for y in YEARS} | {date(y, 12, 25) for y in YEARS}
    named |= {date(y, 12, 26) for y in YEARS} | {date(y, 1, 1) for y in YEARS}
    named |= {date(y, 5, 1) for y in YEARS}
    named |= {EASTER[y] for y in YEARS} | {EASTER[y] + timedelta(days=49) for y in YEARS}
    assert set(sundays) <= named
    assert date(2026, 1, 4) not in found  # a plain Sunday
    assert all("søndag" not in name.lower() for name in found.values())


def test_window_is_inclusive_and_empty_when_reversed() -> None:
    assert list(public_holidays(date(2026, 5, 17), date(2026, 5, 17))) == [date(2026, 5, 17)]
    assert public_holidays(date(2026, 5, 18), date(2026, 5, 17)) == {}


def test_holiday_clashes_flags_meetings_on_holidays() -> None:
    # Thursdays in spring 2026: Maundy Thursday and Ascension Day are meeting days.
    schedule = Schedule(
        weekday=3, start=time(18, 0), first_date=date(2026, 3, 5),
        last_date=date(2026, 6, 25),
        changes=(MeetingChange(date(2026, 5, 14), ChangeKind.CANCELLED),),
    )
    meetings = occurrences(schedule, date(2026, 1, 1), date(2026, 12, 31),
                           include_cancelled=True)
    clashes = holiday_clashes(meetings)
    assert [(m.date, name) for m, name in clashes] == [(date(2026, 4, 2), "Skjærtorsdag")]


def test_holiday_clashes_with_no_meetings() -> None:
    assert holiday_clashes([]) == []


def test_nynorsk_names_also_when_two_holidays_share_a_day() -> None:
    # 17 May 2027 is both Constitution Day and Whit Monday.
    found = public_holidays(date(2027, 5, 17), date(2027, 5, 17), "nn")
    assert found == {date(2027, 5, 17): "Andre pinsedag; Grunnlovsdagen"}
    assert public_holidays(date(2027, 5, 1), date(2027, 5, 1), "nn") == {
        date(2027, 5, 1): "Arbeidarane sin dag"}
    assert public_holidays(date(2027, 5, 1), date(2027, 5, 1), "en") == {
        date(2027, 5, 1): "Labor Day"}
