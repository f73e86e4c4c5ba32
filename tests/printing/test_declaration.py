"""The confidentiality declaration: one page, the promise, the group's conventions,
eight blank signature lines and a date line, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from initiator_desktop.core.frame_library import Preset, default_frames, library_item
from initiator_desktop.core.models import FrameItem, FrameKind, FrameText, Group, Tradition
from initiator_desktop.printing import declaration
from initiator_desktop.printing.declaration import (
    declaration_job,
    layout_declaration,
    write_pdf,
)
from tests.printing.layout_checks import overflow_problems
from tests.printing.pdf_tools import page_count, squeezed_pdf_text
from tests.printing.samples import BODY_MAX, GROUP, THEME, sn_frames

LANGUAGES = ("nb", "nn", "en")


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_page_with_heading_promise_and_signature_lines(tmp_path: Path,
                                                           language: str) -> None:
    job = declaration_job(GROUP, sn_frames(), language=language)
    pages = layout_declaration(job)
    assert overflow_problems(pages) == []
    assert len(pages.sheets) == 1
    (card,) = pages.sheets[0].cards
    labels = [box for box in card.boxes if box.role == "label"]
    assert len(labels) == 8
    (date,) = [box for box in card.boxes if box.role == "date"]
    assert date.text == job.date_label
    lines = [s for s in card.strokes if s.y1 == s.y2 and s.x2 - s.x1 > 50.0]
    date_lines = [s for s in lines if s.y1 == date.lines[0].baseline]
    assert len(date_lines) == 1 and date_lines[0].x1 > date.lines[0].x + date.lines[0].width
    signature_lines = [s for s in lines if s not in date_lines]
    assert len(signature_lines) == 8
    for label in labels:  # each caption sits right under its own line
        assert any(0 < label.rect.y - line.y1 < 3.0 and line.x1 == label.rect.x
                   for line in signature_lines)
    bottom = max(box.rect.bottom for box in card.boxes if box.role not in ("label", "date"))
    assert bottom < date.rect.y  # the text ends above the date line
    path = tmp_path / f"declaration-{language}.pdf"
    write_pdf(path, job)
    text = squeezed_pdf_text(path)
    assert page_count(path) == 1
    assert _squeeze(job.title) in text and _squeeze(GROUP.name) in text
    assert text.count(_squeeze(job.signature_label)) == 8
    for promise in job.promises:
        assert _squeeze(promise) in text
    public = library_item("meeting_in_public").texts[language]
    assert _squeeze(public.title) in text
    assert _squeeze(THEME) not in text


def test_the_groups_own_wording_of_its_conventions_is_printed() -> None:
    frames = sn_frames()
    own = FrameText("Vi hilser med et nikk", "Vi nikker og går videre.")
    edited = [FrameItem(f.kind, {"nb": own}, f.source_key, f.id)
              if f.source_key == "meeting_in_public" else f for f in frames]
    job = declaration_job(GROUP, edited, language="nb")
    titles = [entry.title for entry in job.conventions]
    assert "Vi hilser med et nikk" in titles
    assert library_item("meeting_in_public").texts["nb"].title not in titles
    assert library_item("confidentiality_outside").texts["nb"].title in titles


def test_a_twelve_step_group_keeps_its_anonymity_rule() -> None:
    group = Group(name="Fredagsmøtet", tradition=Tradition.TWELVE_STEP)
    job = declaration_job(group, default_frames(Preset.TWELVE_STEP), language="en")
    assert [e.title for e in job.conventions] == ["Anonymity outside", "When we meet in public"]


def test_without_such_frames_the_library_convention_stands_in() -> None:
    own = [FrameItem(FrameKind.CUSTOM, {"en": FrameText("Phones off")})]
    for frames in ([], own):
        job = declaration_job(GROUP, frames, language="nn")
        assert [e.title for e in job.conventions] == [
            library_item("meeting_in_public").texts["nn"].title]


def test_very_long_conventions_run_on_and_the_signatures_follow(tmp_path: Path) -> None:
    long_text = FrameText(("Lang " * 30)[:114] + "tittel",
                          ("Veldig lang forklaring. " * 30)[:BODY_MAX])
    frames = [FrameItem(FrameKind.PRACTICAL, {"nb": long_text}, key)
              for key in declaration.OUTSIDE_KEYS]
    job = declaration_job(GROUP, frames, language="nb")
    pages = layout_declaration(job)
    assert overflow_problems(pages) == []
    assert len(pages.sheets) >= 2
    labels = [box for _card, box in pages.boxes() if box.role == "label"]
    assert len(labels) == 8
    last = pages.sheets[-1].cards[0]
    assert all(box in last.boxes for box in labels)
    sizes = {box.size_pt for _card, box in pages.boxes() if box.role == "item_body"}
    assert sizes == {10.0}
    path = tmp_path / "long.pdf"
    write_pdf(path, job)
    assert page_count(path) == len(pages.sheets)
