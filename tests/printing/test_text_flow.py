"""Measuring, breaking and flowing text: the rules that keep text whole and inside."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from initiator_desktop.printing import frame_cards
from initiator_desktop.printing.card_content import CardFormat, card_job
from initiator_desktop.printing.page_geometry import Rect
from initiator_desktop.printing.page_painter import PaintFailed
from initiator_desktop.printing.text_flow import (
    Area,
    AreaTooSmall,
    Block,
    SizeRange,
    Style,
    Unit,
    balanced,
    fit,
    flow,
)
from initiator_desktop.printing.text_measure import clean_text, text_width, wrap
from tests.printing.pdf_tools import page_count, squeezed_pdf_text
from tests.printing.samples import GROUP, sn_frames

STYLES = {"title": Style(1.3, bold=True), "body": Style(1.0, space_before=0.5)}


def test_clean_text_removes_control_characters_and_runs_of_blank_lines() -> None:
    assert clean_text("a\tb\x00c\x1bd") == "a b c d"
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean_text("  first\n\n\n \n\nsecond  \n") == "first\n\nsecond"
    assert clean_text("x\u2028y") == "x y"
    assert clean_text("") == ""


def test_wrap_keeps_every_line_inside_the_width() -> None:
    text = "Vi snakker om hvordan vi har det nå, og hva vi vil gjøre herfra og videre."
    lines = wrap(text, 12.0, False, 50.0)
    assert len(lines) > 1
    assert all(width <= 50.0 for _line, width in lines)
    assert " ".join(line for line, _width in lines) == text


def test_a_word_wider_than_the_line_is_broken_inside_it() -> None:
    word = "Selvhjelpsgruppemøteromsnøkkelordningsansvarlig" * 3
    lines = wrap(word, 12.0, True, 30.0)
    assert len(lines) > 3
    assert all(width <= 30.0 for _line, width in lines)
    assert "".join(line for line, _width in lines) == word


def test_newlines_start_new_lines_and_an_empty_line_stays() -> None:
    lines = [line for line, _width in wrap("one\n\ntwo", 10.0, False, 80.0)]
    assert lines == ["one", "", "two"]


def test_widths_grow_with_the_size() -> None:
    assert text_width("Rammene våre", 20.0) > 1.9 * text_width("Rammene våre", 10.0)


def test_fit_shrinks_before_it_runs_on() -> None:
    body = " ".join(["ord"] * 60)
    units = [Unit((Block("title", "Tittel"), Block("body", body)))]
    area = Area(Rect(0, 0, 60, 40))
    at_preferred = flow(units, 14.0, STYLES, area)
    assert len(at_preferred) > 1
    flowed = fit(units, STYLES, area, SizeRange(14.0, 8.0))
    assert len(flowed.cards) == 1 and 8.0 <= flowed.body_pt < 14.0
    # Too much even at the smallest size: it runs on at the largest size that needs no
    # more cards than the smallest does.
    long_units = [Unit((Block("body", body),)) for _ in range(6)]
    run_on = fit(long_units, STYLES, area, SizeRange(14.0, 8.0))
    assert len(run_on.cards) == len(flow(long_units, 8.0, STYLES, area))


def test_a_unit_moves_whole_to_the_next_column() -> None:
    units = [Unit((Block("title", f"Tittel {n}"), Block("body", "kort tekst her")))
             for n in range(6)]
    area = Area(Rect(0, 0, 100, 30), columns=2, gutter=10)
    (card, *rest) = flow(units, 10.0, STYLES, area)
    titles = [box for box in card if box.role == "title"]
    for title in titles:  # each title has its body in the same column
        body = next(b for b in card if b.role == "body" and b.rect.x == title.rect.x
                    and b.rect.y > title.rect.y)
        assert body.rect.y - title.rect.bottom < 5.0
    assert {box.rect.x for box in card} == {0.0, 55.0}
    assert sum(len([b for b in c if b.role == "title"]) for c in [card, *rest]) == 6


def test_balanced_columns_are_even() -> None:
    units = [Unit((Block("body", f"Linje {n}"),)) for n in range(10)]
    area = Area(Rect(0, 0, 100, 200), columns=2, gutter=10)
    (card,) = balanced(units, 10.0, STYLES, area).cards
    left = [b for b in card if b.rect.x == 0.0]
    right = [b for b in card if b.rect.x > 0.0]
    assert (len(left), len(right)) == (5, 5)


def test_an_area_too_small_for_one_line_is_a_bug_not_a_loop() -> None:
    with pytest.raises(AreaTooSmall):
        flow([Unit((Block("body", "tekst"),))], 12.0, STYLES, Area(Rect(0, 0, 50, 1.0)))
    with pytest.raises(ValueError, match="same column width"):
        flow([], 12.0, STYLES, Area(Rect(0, 0, 50, 50)), later=Area(Rect(0, 0, 40, 50)))


def test_paint_draws_on_any_paged_device(tmp_path: Path) -> None:
    job = card_job(GROUP, sn_frames(), card_format=CardFormat.TENT, language="nn")
    path = tmp_path / "direct.pdf"
    writer = QPdfWriter(str(path))
    frame_cards.paint(writer, job)
    del writer
    assert page_count(path) == len(frame_cards.layout(job).sheets)
    assert "Lukkagruppe" in squeezed_pdf_text(path)


def test_a_device_that_cannot_start_is_an_os_error(tmp_path: Path) -> None:
    job = card_job(GROUP, sn_frames(), card_format=CardFormat.A5, language="en")
    writer = QPdfWriter(str(tmp_path / "missing" / "folder" / "x.pdf"))
    with pytest.raises(PaintFailed) as caught:
        frame_cards.paint(writer, job)
    assert isinstance(caught.value, OSError)
