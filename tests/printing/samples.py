"""Sample groups and frames for the printing tests, from everyday to hostile."""

from __future__ import annotations

from datetime import date, datetime, time

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.models import (
    MAX_NAME,
    MAX_TITLE,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    Place,
    PlaceKind,
    Schedule,
)

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)
THEME = "Sorg etter samlivsbrudd"
ROOM = Place(name="Frivilligsentralen, møterom 2", address="Kirkegata 14, 2. etasje",
             access_notes="Nøkkel hos resepsjonen til kl. 17.")
PHONE = Place(name="Telefonmøtet vårt", kind=PlaceKind.PHONE,
              dial_in="Ring 22 00 00 00 og tast møtekoden 4471#.")
VIDEO = Place(name="Videorommet", kind=PlaceKind.VIDEO,
              dial_in="https://meet.example/abc-4471")
# Tuesdays (weekday 1) from 18:00 for two hours.
TUESDAYS = Schedule(weekday=1, start=time(18, 0), first_date=date(2026, 3, 3))
GROUP = Group(name="Tirsdagsgruppa", theme=THEME, place_id=ROOM.id)
BODY_MAX = 600


def sn_frames() -> list[FrameItem]:
    return default_frames(Preset.SN)


def phone_frames() -> list[FrameItem]:
    return default_frames(Preset.PHONE)


def _long_words(length: int, seed: str) -> str:
    """Norwegian-looking text of exactly ``length`` characters, with long compounds."""
    words = ("selvhjelpsgruppemøteromsnøkkelordningen", "og", "taushetserklæringsskjemaet",
             "vi", "deler", "erfaringer", "her-og-nå-prinsippet", seed)
    text = ""
    index = 0
    while len(text) < length:
        text += words[index % len(words)] + " "
        index += 1
    return text[:length].rstrip(" ") + "." * (length - len(text[:length].rstrip(" ")))


def stress_frames() -> list[FrameItem]:
    """The SN frames plus custom items at the model's maximum lengths, one of them a
    single unbreakable word and one with line breaks and control characters."""
    custom = [
        FrameItem(FrameKind.CUSTOM, {lang: FrameText(_long_words(MAX_TITLE, lang),
                                                     _long_words(BODY_MAX, lang))
                                     for lang in ("nb", "nn", "en")}),
        FrameItem(FrameKind.CUSTOM, {"nb": FrameText("X" * MAX_TITLE, "Y" * BODY_MAX)}),
        FrameItem(FrameKind.CUSTOM, {"en": FrameText(
            "Line\tbreaks\x07 and\r\nreturns",
            ("First paragraph.\n\n\n\n\nSecond paragraph after many blank lines.\n" * 12)[
                :BODY_MAX])}),
    ]
    return sn_frames() + custom


LONG_GROUP = Group(name=("Gruppa med et svært langt navn som fyller hele feltet "
                         "Gruppenavnetforlengelse")[:MAX_NAME], theme="T" * 200)
LONG_PLACE = Place(name="Frisklivssentralens store og lyse møterom i andre etasje, "
                        "bakbygningen"[:MAX_NAME])
