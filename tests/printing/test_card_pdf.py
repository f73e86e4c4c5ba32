"""Frame cards as PDF: the right words in the chosen language, nothing that must not
be there, real embedded text, cut marks on paper, and an atomic file."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from initiator_desktop.core.models import FrameKind, Group, PlaceKind
from initiator_desktop.i18n.formatting import weekday_name
from initiator_desktop.printing import frame_cards, pdf_file
from initiator_desktop.printing.card_content import CardFormat, card_job
from initiator_desktop.printing.page_formats import A6_CARD_W, FORMATS
from tests.printing.pdf_tools import fonts, gray_page, page_count, squeezed_pdf_text
from tests.printing.samples import (
    GROUP,
    NOW,
    PHONE,
    ROOM,
    THEME,
    TUESDAYS,
    VIDEO,
    phone_frames,
    sn_frames,
)

LANGUAGES = ("nb", "nn", "en")


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _write(tmp_path: Path, card_format: CardFormat, language: str, **options: object) -> Path:
    frames = options.pop("frames", None) or sn_frames()
    group = options.pop("group", GROUP)
    place = options.pop("place", ROOM)
    job = card_job(group, frames, card_format=card_format, language=language,
                   schedules=[TUESDAYS], place=place, now=NOW, **options)
    path = tmp_path / f"{card_format}-{language}.pdf"
    frame_cards.write_pdf(path, job)
    return path


@pytest.mark.parametrize(("card_format", "language"),
                         list(itertools.product(CardFormat, LANGUAGES)))
def test_every_title_in_the_chosen_language_and_the_time_when_asked(
        tmp_path: Path, card_format: CardFormat, language: str) -> None:
    path = _write(tmp_path, card_format, language, with_time=True)
    text = squeezed_pdf_text(path)
    for item in sn_frames():
        assert _squeeze(item.text(language).title) in text, item.source_key
    others = [code for code in LANGUAGES if code != language]
    stranger = sn_frames()[0]  # "Fem til åtte medlemmer" is the same in nb and nn
    if language == "en":
        assert all(_squeeze(stranger.text(code).title) not in text for code in others)
    assert _squeeze(weekday_name(1, language)) in text
    assert "18:00–20:00" in text
    assert _squeeze(ROOM.name) in text
    # Never the theme, the address or the access notes.
    for secret in (THEME, ROOM.address, ROOM.access_notes):
        assert _squeeze(secret) not in text
    job = card_job(GROUP, sn_frames(), card_format=card_format, language=language,
                   schedules=[TUESDAYS], place=ROOM, with_time=True, now=NOW)
    assert page_count(path) == len(frame_cards.layout(job).sheets)


def test_the_nynorsk_cards_use_the_nynorsk_wording(tmp_path: Path) -> None:
    text = squeezed_pdf_text(_write(tmp_path, CardFormat.A5, "nn", with_time=True))
    assert _squeeze("Teieplikt i gruppa") in text
    assert _squeeze("Taushetsplikt i gruppa") not in text
    assert "tysdag" in text and "tirsdag" not in text


@pytest.mark.parametrize("card_format", list(CardFormat))
def test_no_time_and_no_theme_unless_asked(tmp_path: Path, card_format: CardFormat) -> None:
    plain = squeezed_pdf_text(_write(tmp_path, card_format, "nb"))
    assert "18:00" not in plain and "tirsdag" not in plain
    assert _squeeze(ROOM.name) not in plain and _squeeze(THEME) not in plain
    assert _squeeze(GROUP.name) in plain
    themed = squeezed_pdf_text(_write(tmp_path, card_format, "nb", with_theme=True))
    if card_format is not CardFormat.TENT:  # the tent shows the frames' titles only
        assert _squeeze(THEME) in themed


@pytest.mark.parametrize(("place", "word"), [(PHONE, "Phonemeeting"), (VIDEO, "Videomeeting")])
def test_phone_and_video_meetings_show_only_their_kind(tmp_path: Path, place: object,
                                                       word: str) -> None:
    group = Group(name="Onsdagsringen", theme="Angst")
    for card_format in CardFormat:
        text = squeezed_pdf_text(_write(tmp_path, card_format, "en", frames=phone_frames(),
                                        group=group, place=place, with_time=True))
        assert word in text
        assert _squeeze(place.dial_in) not in text  # type: ignore[attr-defined]
        assert "4471" not in text and "2200" not in text
        assert _squeeze(place.name) not in text  # type: ignore[attr-defined]
    assert place.kind in (PlaceKind.PHONE, PlaceKind.VIDEO)  # type: ignore[attr-defined]


def test_the_text_is_real_text_in_the_embedded_bundled_font(tmp_path: Path) -> None:
    path = _write(tmp_path, CardFormat.A6, "nb")
    found = fonts(path)
    assert found
    for row in found:
        assert row[0].split("+")[-1].startswith("DejaVuSans"), row
        assert row[-5] == "yes", row  # the "emb" column
    # Searchable as typed: no ligature glyphs in place of "fi" and "fl".
    assert "fire" in squeezed_pdf_text(path)


def test_a6_sheets_show_cut_marks_outside_the_cards(tmp_path: Path) -> None:
    path = _write(tmp_path, CardFormat.A6, "en")
    dpi = 100
    width, height, pixels = gray_page(path, 1, dpi)
    assert len(pixels) >= width * height

    def dark(x_mm: float, y_mm: float, reach: int = 1) -> bool:
        px, py = round(x_mm * dpi / 25.4), round(y_mm * dpi / 25.4)
        return any(pixels[(py + dy) * width + px + dx] < 128
                   for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1))

    slots = FORMATS[CardFormat.A6].slots
    for slot in slots:
        # A vertical mark above each top corner, a horizontal one left of it.
        assert dark(slot.x, slot.y - 3.0), slot
        assert dark(slot.x - 3.0, slot.y), slot
        assert dark(slot.right, slot.bottom + 3.0), slot
        # Nothing printed on the cutting line itself, away from the marks.
        assert not dark(slot.x, slot.y + slot.h / 2, reach=0)
    # The gutter between the columns is blank between the marks.
    middle_x = slots[0].right + (slots[1].x - slots[0].right) / 2
    assert not dark(middle_x, slots[0].y + 40.0, reach=2)
    assert slots[0].w == A6_CARD_W


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"the old file")
    job = card_job(GROUP, sn_frames(), card_format=CardFormat.A5, language="nb")
    frame_cards.write_pdf(target, job)
    assert target.read_bytes().startswith(b"%PDF")

    def broken(*_args: object) -> None:
        raise OSError("disk full")

    target.write_bytes(b"the old file")
    monkeypatch.setattr(pdf_file, "paint_pages", broken)
    with pytest.raises(OSError, match="disk full"):
        frame_cards.write_pdf(target, job)
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    job = card_job(GROUP, sn_frames(), card_format=CardFormat.A6, language="en")
    with pytest.raises(OSError):
        frame_cards.write_pdf(tmp_path / "no such folder" / "cards.pdf", job)


def test_custom_frames_come_last_in_their_own_section() -> None:
    from initiator_desktop.core.models import FrameItem, FrameText

    own = FrameItem(FrameKind.CUSTOM, {"nb": FrameText("Vi slår av mobilen")})
    frames = [own, *sn_frames()]
    job = card_job(GROUP, frames, card_format=CardFormat.A4, language="en")
    kinds = [section.kind for section in job.sections]
    assert kinds == [FrameKind.PRACTICAL, FrameKind.CONVERSATION, FrameKind.CUSTOM]
    # An item without English falls back to its own wording rather than disappearing.
    assert job.sections[-1].entries[0].title == "Vi slår av mobilen"


def test_a_job_straight_from_the_vault_repository() -> None:
    from initiator_desktop.core.memory_repository import MemoryRepository

    repo = MemoryRepository()
    repo.save_place(ROOM)
    repo.save_group(GROUP)
    repo.save_schedules(GROUP.id, [TUESDAYS])
    repo.save_frames(GROUP.id, sn_frames())
    job = frame_cards.job_for_group(repo, GROUP.id, card_format="a6", language="nn",
                                    with_time=True)
    assert job.group_name == GROUP.name and job.theme == ""
    assert "tysdag" in job.meeting and ROOM.name in job.meeting
    assert len(job.entries) == len(sn_frames())
    with pytest.raises(KeyError):
        frame_cards.job_for_group(repo, "no such group", card_format="a6", language="nn")
