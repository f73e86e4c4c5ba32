"""The card language: chosen per print, independent of the UI, from its own catalog."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from datetime import date, time
from pathlib import Path

import pytest

from initiator_desktop import i18n
from initiator_desktop.core.models import Group, Place, PlaceKind, Schedule
from initiator_desktop.printing.card_content import CardFormat, card_job
from initiator_desktop.printing.card_language import CardLanguage, meeting_line
from initiator_desktop.printing.declaration import declaration_job
from tests.printing.samples import GROUP, NOW, PHONE, ROOM, TUESDAYS, VIDEO, sn_frames

NYNORSK = {
    "Our frames": "Rammene våre",
    "Practical frames": "Praktiske rammer",
    "How we talk together": "Slik snakkar vi saman",
    "Every {weekday}": "Kvar {weekday}",
    "Confidentiality declaration": "Teieerklæring",
}


class _Catalog(gettext.NullTranslations):
    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self._texts = texts

    def gettext(self, message: str) -> str:
        return self._texts.get(message, message)

    def pgettext(self, context: str, message: str) -> str:
        return self._texts.get(message, message)


@pytest.fixture
def nynorsk_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    real = i18n.load_catalog
    monkeypatch.setattr(i18n, "load_catalog",
                        lambda code: _Catalog(NYNORSK) if code == "nn" else real(code))


@pytest.mark.usefixtures("nynorsk_catalog")
def test_the_card_speaks_its_own_language_whatever_the_ui_speaks() -> None:
    i18n.set_language("en")
    job = card_job(GROUP, sn_frames(), card_format=CardFormat.A4, language="nn",
                   schedules=[TUESDAYS], place=ROOM, with_time=True, now=NOW)
    assert job.title == "Rammene våre"
    assert [s.heading for s in job.sections] == ["Praktiske rammer", "Slik snakkar vi saman"]
    assert job.meeting.startswith("Kvar tysdag, 18:00–20:00")
    assert declaration_job(GROUP, sn_frames(), language="nn").title == "Teieerklæring"
    assert i18n.current_language() == "en"
    assert i18n._("Our frames") == "Our frames"  # the UI was not switched


@pytest.mark.usefixtures("nynorsk_catalog")
def test_an_english_card_in_a_nynorsk_ui() -> None:
    i18n.set_language("nn")
    try:
        job = card_job(GROUP, sn_frames(), card_format=CardFormat.A6, language="en",
                       schedules=[TUESDAYS], place=ROOM, with_time=True, now=NOW)
    finally:
        i18n.set_language("en")
    assert job.title == "Our frames"
    assert job.meeting.startswith("Every Tuesday, 18:00–20:00")
    assert job.sections[0].entries[0].title == "Five to eight members"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="card language"):
        CardLanguage("de")
    with pytest.raises(ValueError):
        card_job(GROUP, sn_frames(), card_format=CardFormat.A4, language="sv")
    with pytest.raises(ValueError):
        card_job(GROUP, sn_frames(), card_format="a3", language="nb")


@pytest.mark.parametrize(("interval", "expected"), [
    (1, "Every Wednesday, 19:30–21:30"),
    (2, "Every other Wednesday, 19:30–21:30"),
    (3, "Every 3 weeks, Wednesday, 19:30–21:30"),
])
def test_meeting_line_follows_the_rhythm(interval: int, expected: str) -> None:
    schedule = Schedule(weekday=2, start=time(19, 30), first_date=date(2026, 3, 4),
                        interval_weeks=interval)
    assert meeting_line([schedule], None, CardLanguage("en"), NOW) == expected


def test_meeting_line_names_a_room_but_only_the_kind_of_a_remote_meeting() -> None:
    english = CardLanguage("en")
    assert meeting_line([TUESDAYS], ROOM, english, NOW).endswith(" · " + ROOM.name)
    assert meeting_line([TUESDAYS], PHONE, english, NOW).endswith(" · Phone meeting")
    assert meeting_line([TUESDAYS], VIDEO, english, NOW).endswith(" · Video meeting")
    assert meeting_line([], ROOM, english, NOW) == ""
    hostile = Place(name="Zoom", kind=PlaceKind.VIDEO, dial_in="https://x.example/secret",
                    address="Hjemme hos Kari", access_notes="Kode 1234")
    line = meeting_line([TUESDAYS], hostile, english, NOW)
    assert "secret" not in line and "Kari" not in line and "1234" not in line
    assert "Zoom" not in line


def test_meeting_line_uses_the_series_that_is_running_and_its_regular_time() -> None:
    ended = Schedule(weekday=0, start=time(17), first_date=date(2025, 1, 6),
                     last_date=date(2025, 6, 30))
    running = Schedule(weekday=3, start=time(18), first_date=date(2026, 1, 8),
                       duration_minutes=150, break_minutes=15)
    line = meeting_line([ended, running], None, CardLanguage("nb"), NOW)
    assert "torsdag" in line and "18:00–20:30" in line
    # When every series has ended, the last one still tells when the group met.
    assert "mandag" in meeting_line([ended], None, CardLanguage("nb"), NOW)
    # Past midnight the end time simply reads on the clock.
    late = Schedule(weekday=4, start=time(23, 0), first_date=date(2026, 3, 6))
    assert "23:00–01:00" in meeting_line([late], None, CardLanguage("en"), NOW)


def _catalogs_tool() -> object:
    path = Path(__file__).resolve().parents[2] / "tools" / "catalogs.py"
    spec = importlib.util.spec_from_file_location("catalogs_tool", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalogs_tool", module)
    spec.loader.exec_module(module)
    return module


def test_every_printed_string_is_found_by_the_catalog_extraction() -> None:
    catalog = _catalogs_tool().extract_catalog()  # type: ignore[attr-defined]
    found = {(message.context, message.id if isinstance(message.id, str) else message.id[0])
             for message in catalog if message.id}
    for context, message in (
        ("printed frames", "Our frames"),
        ("printed frames", "Practical frames"),
        ("printed frames", "How we talk together"),
        ("printed frames", "Our own agreements"),
        ("printed frames", "Every {weekday}"),
        ("printed frames", "Every other {weekday}"),
        ("printed frames", "{days}, {start}–{end}"),
        ("printed frames", "Phone meeting"),
        ("printed frames", "Video meeting"),
        ("printed frames", "{heading}, continued"),
        (None, "Every {count} week, {weekday}"),
        ("printed declaration", "Confidentiality declaration"),
        ("printed declaration", "Signature"),
        ("printed declaration", "Date"),
    ):
        assert (context, message) in found, message


def test_braces_in_user_text_are_printed_as_they_are() -> None:
    place = Place(name="Rom {days} {0}")
    group = Group(name="Gruppa {heading}", theme="{weekday}")
    line = meeting_line([TUESDAYS], place, CardLanguage("en"), NOW)
    assert line.endswith("Rom {days} {0}")
    job = card_job(group, sn_frames(), card_format=CardFormat.A6, language="en",
                   schedules=[TUESDAYS], place=place, with_time=True, with_theme=True, now=NOW)
    assert job.group_name == "Gruppa {heading}" and job.theme == "{weekday}"
