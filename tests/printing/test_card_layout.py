"""The card layout as data: nothing overflows or gets cut, in any format and language."""

from __future__ import annotations

import itertools

import pytest

from initiator_desktop.core.models import FrameKind, Group
from initiator_desktop.printing.card_content import CardFormat, card_job
from initiator_desktop.printing.card_layout import layout_cards
from initiator_desktop.printing.page_formats import A6_CARD_H, A6_CARD_W, FORMATS
from initiator_desktop.printing.page_geometry import Ink, PageSet, Rect
from initiator_desktop.printing.text_flow import Area, Block, Style, Unit, flow
from tests.printing.layout_checks import expected, overflow_problems, printed
from tests.printing.samples import (
    GROUP,
    LONG_GROUP,
    LONG_PLACE,
    NOW,
    PHONE,
    ROOM,
    TUESDAYS,
    phone_frames,
    sn_frames,
    stress_frames,
)

LANGUAGES = ("nb", "nn", "en")
ALL = list(itertools.product(CardFormat, LANGUAGES))
BODY_ROLES = ("item_body", "entry", "cover")


def _layout(card_format: CardFormat, language: str, frames=None, group: Group = GROUP,
            place=ROOM, **options: object) -> tuple[PageSet, list]:
    items = frames if frames is not None else sn_frames()
    job = card_job(group, items, card_format=card_format, language=language,
                   schedules=[TUESDAYS], place=place, with_time=True, now=NOW, **options)
    return layout_cards(job), items


def _titles(items: list, language: str) -> list[str]:
    order = (FrameKind.PRACTICAL, FrameKind.CONVERSATION, FrameKind.CUSTOM)
    ordered = sorted(items, key=lambda item: order.index(item.kind))
    return [item.text(language).title for item in ordered]


def _bodies(items: list, language: str) -> list[str]:
    order = (FrameKind.PRACTICAL, FrameKind.CONVERSATION, FrameKind.CUSTOM)
    ordered = sorted(items, key=lambda item: order.index(item.kind))
    return [item.text(language).body for item in ordered]


def _title_role(card_format: CardFormat) -> str:
    return "entry" if card_format is CardFormat.TENT else "item_title"


@pytest.mark.parametrize(("card_format", "language"), ALL)
def test_no_text_leaves_its_box(card_format: CardFormat, language: str) -> None:
    pages, items = _layout(card_format, language)
    assert overflow_problems(pages) == []
    assert printed(pages, _title_role(card_format)) == expected(_titles(items, language))


@pytest.mark.parametrize(("card_format", "language"), ALL)
def test_long_texts_flow_on_and_are_never_cut(card_format: CardFormat, language: str) -> None:
    frames = stress_frames()
    pages, items = _layout(card_format, language, frames, group=LONG_GROUP, place=LONG_PLACE,
                           with_theme=True)
    assert overflow_problems(pages) == []
    assert printed(pages, _title_role(card_format)) == expected(_titles(items, language))
    if card_format is not CardFormat.TENT:  # the tent lists titles only
        assert printed(pages, "item_body") == expected(_bodies(items, language))
    minimum = FORMATS[card_format].sizes.minimum
    for _card, box in pages.boxes():
        if box.role in BODY_ROLES:
            assert box.size_pt >= minimum, (box.role, box.size_pt)
    # More text than the everyday frames: more sheets, not smaller or cut text.
    everyday, _items = _layout(card_format, language)
    assert len(pages.sheets) > len(everyday.sheets)


@pytest.mark.parametrize("language", LANGUAGES)
def test_body_text_keeps_to_the_readable_sizes(language: str) -> None:
    for card_format in CardFormat:
        pages, _items = _layout(card_format, language)
        sizes = FORMATS[card_format].sizes
        found = {box.size_pt for _card, box in pages.boxes() if box.role in BODY_ROLES}
        assert found, card_format
        assert all(sizes.minimum <= size <= sizes.preferred for size in found), (
            card_format, found)


def test_a6_puts_four_cards_on_a_sheet_with_cut_marks_outside_them() -> None:
    pages, items = _layout(CardFormat.A6, "nb")
    assert pages.page_size == "A4" and not pages.landscape
    cards = [card for sheet in pages.sheets for card in sheet.cards]
    assert len(cards) == len(items) + 1  # a cover card, then one card per frame
    assert [len(sheet.cards) for sheet in pages.sheets[:-1]] == [4] * (len(pages.sheets) - 1)
    for sheet in pages.sheets:
        assert len(sheet.marks) == 8 * len(sheet.cards)
        for card in sheet.cards:
            assert (card.rect.w, card.rect.h) == (A6_CARD_W, A6_CARD_H)
            for mark in sheet.marks:
                assert mark.ink is Ink.MARK and mark.width_pt <= 0.5
                assert not _inside(card.rect, mark.x1, mark.y1)
                assert not _inside(card.rect, mark.x2, mark.y2)
        corners = {(x, y) for card in sheet.cards
                   for x in (card.rect.x, card.rect.right) for y in (card.rect.y, card.rect.bottom)}
        for x, y in corners:  # every corner has a mark in line with each of its edges
            assert any(m.x1 == m.x2 == x for m in sheet.marks)
            assert any(m.y1 == m.y2 == y for m in sheet.marks)
        for mark in sheet.marks:
            assert 0 < mark.x1 < sheet.width and 0 < mark.y1 < sheet.height


def _inside(rect: Rect, x: float, y: float) -> bool:
    return rect.x < x < rect.right and rect.y < y < rect.bottom


def test_the_tent_has_two_halves_the_far_one_upside_down() -> None:
    pages, _items = _layout(CardFormat.TENT, "nn")
    assert pages.landscape and pages.page_size == "A4"
    for sheet in pages.sheets:
        assert (sheet.width, sheet.height) == (297.0, 210.0)
        top, bottom = sheet.cards
        assert top.rect == Rect(0, 0, 297.0, 105.0) and top.rotated
        assert bottom.rect == Rect(0, 105.0, 297.0, 105.0) and not bottom.rotated
        # Both faces say the same, so the group reads it from either side of the table.
        assert top.boxes == bottom.boxes
        (fold,) = sheet.marks
        assert fold.y1 == fold.y2 == 105.0 and fold.dashed
    # The group name heads each face, next to the fold.
    for _card, box in pages.boxes():
        if box.role == "group":
            assert box.rect.y < 20.0


def test_the_tent_gives_each_section_its_own_tent_when_they_do_not_fit_together() -> None:
    pages, _items = _layout(CardFormat.TENT, "en")
    headings = [[box.text for box in sheet.cards[1].boxes if box.role == "section"]
                for sheet in pages.sheets]
    assert headings == [["Practical frames"], ["How we talk together"]]


def test_the_poster_starts_each_section_on_its_own_page() -> None:
    pages, _items = _layout(CardFormat.A4, "en")
    assert len(pages.sheets) >= 2
    starts = [index for index, sheet in enumerate(pages.sheets)
              if any(box.role == "section" for box in sheet.cards[0].boxes)]
    assert len(starts) == 2
    for index, sheet in enumerate(pages.sheets):
        roles = [box.role for box in sheet.cards[0].boxes]
        assert roles.count("section") + roles.count("running") == 1, roles
        numbers = [box.text for box in sheet.cards[0].boxes if box.role == "page_number"]
        assert numbers == [f"{index + 1}/{len(pages.sheets)}"]


def test_a_few_frames_fit_on_one_poster_page() -> None:
    pages, _items = _layout(CardFormat.A4, "en", sn_frames()[:4])
    assert len(pages.sheets) == 1
    assert not [box for _c, box in pages.boxes() if box.role == "page_number"]


def test_the_footer_has_the_meeting_line_only_when_asked() -> None:
    for card_format in CardFormat:
        with_time, _items = _layout(card_format, "en")
        footers = " ".join(box.text for _c, box in with_time.boxes() if box.role == "footer")
        assert "Every Tuesday" in footers and "18:00–20:00" in footers
        job = card_job(GROUP, sn_frames(), card_format=card_format, language="en",
                       schedules=[TUESDAYS], place=ROOM, now=NOW)
        without = " ".join(box.text for _c, box in layout_cards(job).boxes())
        assert "18:00" not in without and "Tuesday" not in without


def test_a_phone_group_never_shows_how_to_dial_in() -> None:
    group = Group(name="Onsdagsringen", theme="Angst", place_id=PHONE.id)
    for card_format in CardFormat:
        pages, _items = _layout(card_format, "en", phone_frames(), group=group, place=PHONE)
        text = " ".join(box.text for _c, box in pages.boxes())
        assert "Phone meeting" in text
        assert "4471" not in text and "22 00" not in text and PHONE.name not in text
        assert "Angst" not in text


def test_flow_splits_a_block_taller_than_a_card_between_lines() -> None:
    styles = {"body": Style(1.0)}
    area = Area(Rect(0, 0, 40, 20))
    text = " ".join(["word"] * 200)
    cards = flow([Unit((Block("body", text),))], 10.0, styles, area)
    assert len(cards) > 3
    words = sum(line.text.split().count("word") for card in cards for box in card
                for line in box.lines)
    assert words == 200
    for card in cards:
        assert all(area.rect.contains(box.rect) for box in card)
