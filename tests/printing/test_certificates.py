"""Course certificates: one page per participant, the covered modules in the chosen
language, the same layout on a printer and in a PDF, and nothing cut or spilled."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import CourseRun, Session
from initiator_desktop.core.errors import DomainError
from initiator_desktop.exchange.content_pack import load_pack
from initiator_desktop.exchange.content_pack.library import built_in_root
from initiator_desktop.printing import certificates
from initiator_desktop.printing.certificate_layout import CONTENT, layout_certificates
from initiator_desktop.printing.certificates import (
    CertificateJob,
    certificate_job,
    date_span,
    write_pdf,
)
from initiator_desktop.printing.page_geometry import Ink
from tests.printing.layout_checks import overflow_problems
from tests.printing.pdf_tools import fonts, page_count, pdf_text, squeezed_pdf_text

DAY1, DAY2 = date(2026, 3, 12), date(2026, 3, 13)
NAMES = ("Kari Nordmann", "Åse Marie Ødegård-Bjørnstad", "Muhammad Abdirahman Hussein")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(built_in_root() / "igangsetterkurs").pack


def course(pack: Pack, covered: int | None = None, **changes: object) -> CourseRun:
    """A two-day run planning every module, the first ``covered`` of them covered."""
    ids = pack.module_ids
    count = len(ids) if covered is None else covered
    half = len(ids) // 2
    sessions = (
        Session(DAY1, time(9), time(15, 30), ids[:half], frozenset(ids[:half][:count])),
        Session(DAY2, time(9), time(15), ids[half:], frozenset(ids[half:][: max(0, count - half)])),
    )
    base = CourseRun(title="Igangsetterkurs for nye igangsettere", pack_id=pack.id,
                     language="nb", first_day=DAY1, last_day=DAY2,
                     place="Frivilligsentralen, Lillehammer", sessions=sessions,
                     participants=14)
    return replace(base, **changes)  # type: ignore[arg-type]


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("language", ["nb", "en"])
def test_pdf_has_a_page_per_name_with_course_and_modules(pack: Pack, tmp_path: Path,
                                                         language: str) -> None:
    job = certificate_job(course(pack, covered=4), pack, NAMES, language=language,
                          leader_name="Ingrid Haugland")
    path = tmp_path / f"certificates-{language}.pdf"
    write_pdf(path, job)
    assert page_count(path) == len(NAMES)
    covered = [m.text(language).title for m in pack.modules[:4]]
    not_covered = [m.text(language).title for m in pack.modules[4:]]
    pages = pdf_text(path).split("\f")
    for name, page in zip(NAMES, pages, strict=False):
        text = squeeze(page)
        assert squeeze(name) in text
        assert all(squeeze(other) not in text for other in NAMES if other != name)
        assert squeeze("Igangsetterkurs for nye igangsettere") in text
        assert squeeze("Frivilligsentralen, Lillehammer") in text
        assert squeeze("Ingrid Haugland") in text
        for title in covered:
            assert squeeze(title) in text
        for title in not_covered:
            assert squeeze(title) not in text
    # Real text in the bundled, embedded fonts: selectable and searchable.
    assert any("DejaVuSans" in " ".join(row) for row in fonts(path))
    assert all("yes" in row for row in fonts(path))


def test_english_and_norwegian_module_titles_differ(pack: Pack) -> None:
    run = course(pack, covered=2)
    en = certificate_job(run, pack, NAMES[:1], language="en")
    nb = certificate_job(run, pack, NAMES[:1], language="nb")
    assert en.modules == tuple(m.text("en").title for m in pack.modules[:2])
    assert nb.modules == tuple(m.text("nb").title for m in pack.modules[:2])
    assert en.modules != nb.modules
    assert en.when_where.startswith("12–13 March 2026")
    assert nb.when_where.startswith("12.–13. mars 2026")


def test_layout_one_sheet_per_name_and_nothing_spills(pack: Pack) -> None:
    names = (*NAMES, "x" * 80, "Wwwwwwwwww" * 8, "A")
    job = certificate_job(course(pack), pack, names, language="nb", leader_name="I" * 80)
    pages = layout_certificates(job)
    assert len(pages.sheets) == len(names)
    assert overflow_problems(pages) == []
    for sheet, name in zip(pages.sheets, names, strict=True):
        (card,) = sheet.cards
        (name_box,) = [b for b in card.boxes if b.role == "name"]
        assert squeeze(name_box.text) == squeeze(name)
        assert len(name_box.lines) <= 3
        assert all(CONTENT.contains(box.rect) for box in card.boxes)
        assert all(box.ink is not Ink.FAINT for box in card.boxes)  # all text prints dark
    # Everything below the name sits in the same place on every page.
    firsts = [[b.rect for b in s.cards[0].boxes if b.role == "course_title"] for s in pages.sheets]
    assert all(rects == firsts[0] for rects in firsts)
    assert "I" * 80 in "".join(b.text for b in pages.sheets[0].cards[0].boxes
                               if b.role == "leader").replace(" ", "")


def _job(titles: tuple[str, ...]) -> CertificateJob:
    return CertificateJob(
        language="en", names=("Kari Nordmann",), heading="Course certificate",
        lead_in="This is to certify that", took_part="has taken part in",
        course_title="A course", when_where="12–13 March 2026", scope="12 hours",
        modules_heading="The course covered", modules=titles, place="Oslo",
        issued="13 March 2026", place_and_date_label="Place and date", leader_name="",
        leader_label="Course leader", document_title="Course certificate")


@pytest.mark.parametrize(("count", "roles"), [(10, {"module"}),
                                              (30, {"module", "module_marker"}),
                                              (60, {"module"})])
def test_many_modules_still_fit_on_one_page(count: int, roles: set[str]) -> None:
    titles = tuple(f"Module number {i} with a longer title" for i in range(1, count + 1))
    pages = layout_certificates(_job(titles))
    assert len(pages.sheets) == 1
    assert overflow_problems(pages) == []
    boxes = pages.sheets[0].cards[0].boxes
    assert {b.role for b in boxes if b.role.startswith("module") and b.role != "modules_heading"} \
        == roles
    printed = squeeze(" ".join(b.text for b in boxes if b.role == "module"))
    assert all(squeeze(t) in printed for t in titles)


def test_far_too_many_modules_are_refused_not_cut() -> None:
    with pytest.raises(DomainError):
        layout_certificates(_job(tuple(f"Module {i} " * 6 for i in range(400))))


def test_refusals(pack: Pack) -> None:
    with pytest.raises(DomainError, match="at least one name"):
        certificate_job(course(pack), pack, [], language="en")
    with pytest.raises(DomainError):
        certificate_job(course(pack), pack, ["x" * 81], language="en")
    with pytest.raises(DomainError):
        certificate_job(course(pack), pack, ["Kari\u202eNordmann"], language="en")
    with pytest.raises(DomainError):
        certificate_job(course(pack), pack, ["Kari"], language="en", leader_name="a\nb")
    with pytest.raises(DomainError, match="covered"):
        certificate_job(course(pack, covered=0), pack, ["Kari"], language="en")
    with pytest.raises(DomainError):
        certificate_job(course(pack), pack, ["Kari"] * 201, language="en")


def test_the_pdf_title_names_the_course_not_a_participant(pack: Pack) -> None:
    job = certificate_job(course(pack), pack, NAMES, language="en")
    assert all(name not in job.document_title for name in NAMES)
    assert "Igangsetterkurs" in job.document_title


def test_the_same_layout_paints_on_a_printer(pack: Pack, tmp_path: Path) -> None:
    job = certificate_job(course(pack), pack, NAMES, language="en")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(path))
    certificates.paint(printer, job)
    assert page_count(path) == len(NAMES)
    assert squeeze(NAMES[1]) in squeezed_pdf_text(path)


def test_writing_is_atomic(pack: Pack, tmp_path: Path) -> None:
    job = certificate_job(course(pack), pack, NAMES[:1], language="en")
    path = tmp_path / "c.pdf"
    path.write_bytes(b"old")
    write_pdf(path, job)
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]
    with pytest.raises(OSError):
        write_pdf(tmp_path / "missing" / "c.pdf", job)
    assert certificates.pdf_bytes_for(job).startswith(b"%PDF")


@pytest.mark.parametrize(("first", "last", "language", "expected"), [
    (DAY1, DAY1, "en", "12 March 2026"),
    (DAY1, DAY2, "en", "12–13 March 2026"),
    (DAY1, DAY2, "nb", "12.–13. mars 2026"),
    (date(2026, 3, 30), date(2026, 4, 2), "nb", "30. mars–2. april 2026"),
    (date(2025, 12, 30), date(2026, 1, 2), "en", "30 December 2025–2 January 2026"),
])
def test_date_span(first: date, last: date, language: str, expected: str) -> None:
    assert date_span(first, last, language) == expected


def test_scope_line(pack: Pack) -> None:
    run = course(pack)
    assert certificates.scope_line(run, "en") == "12.5 hours over 2 days"
    one_day = replace(run, last_day=DAY1, sessions=(Session(DAY1, time(9), time(15)),))
    assert certificates.scope_line(one_day, "en") == "6 hours"
    assert certificates.scope_line(replace(run, sessions=()), "en") == ""


@pytest.mark.parametrize(("title", "place"), [
    ("Igangsetterkurs for frivillige og ansatte i kommunene i Nord-Gudbrandsdalen: Sel, "
     "Vågå, Lom og Skjåk, høsten 2026", "Frivilligsentralen i Otta, store møterom i andre "
     "etasje, inngang fra baksiden, Storgata 14, 2670 Otta (ring på etter kl. 17)"),
    ("W" * 120, "Wide " * 40),
])
def test_longest_texts_fit_one_page_or_are_refused(pack: Pack, title: str, place: str) -> None:
    run = course(pack, title=title, place=place.strip())
    job = certificate_job(run, pack, ["W" * 80, "Kari"], language="nb", leader_name="W" * 80)
    try:
        pages = layout_certificates(job)
    except DomainError as err:
        assert "one page" in err.message
        return
    assert len(pages.sheets) == 2
    assert overflow_problems(pages) == []
