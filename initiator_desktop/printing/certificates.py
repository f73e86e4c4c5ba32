"""Course certificates (kursbevis): one A4 page per participant, for printer and PDF alike.

The names and the leader's name are given at print time and live only in the job and
on paper; whether a run keeps its participants' names is decided elsewhere, by the
leader (``CourseRun.store_names``). The texts are in the certificate's own language,
independent of the UI. Window and PDF titles never name a participant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import (
    CourseRun,
    check_participant_name,
    check_participant_names,
    covered_titles,
)
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.i18n.formatting import babel_locale, format_date
from initiator_desktop.printing.card_language import SEPARATOR, CardLanguage
from initiator_desktop.printing.certificate_layout import layout_certificates
from initiator_desktop.printing.page_painter import paint_pages
from initiator_desktop.printing.pdf_file import pdf_bytes, write_pdf_file


@dataclass(frozen=True, slots=True)
class CertificateJob:
    """Everything printed on the certificates, in the chosen language; one page per name."""

    language: str
    names: tuple[str, ...]
    heading: str
    lead_in: str
    took_part: str
    course_title: str
    when_where: str
    scope: str
    modules_heading: str
    modules: tuple[str, ...]
    place: str
    issued: str
    place_and_date_label: str
    leader_name: str
    leader_label: str
    document_title: str


def date_span(first: date, last: date, language: str) -> str:
    """E.g. "12.–13. mars 2026", "30. mars–2. april 2026", "12–13 March 2026"."""
    from babel.dates import format_date as babel_format_date

    if first == last:
        return format_date(last, "long", language)
    if (first.year, first.month) == (last.year, last.month):
        start = babel_format_date(first, "d." if language != "en" else "d",
                                  locale=babel_locale(language))
    elif first.year == last.year:
        start = babel_format_date(first, "d. MMMM" if language != "en" else "d MMMM",
                                  locale=babel_locale(language))
    else:
        start = format_date(first, "long", language)
    return f"{start}–{format_date(last, 'long', language)}"


def _hours(minutes: int, language: str) -> str:
    from babel.numbers import format_decimal

    hours = round(minutes / 30) / 2  # to the half hour
    words = CardLanguage(language)
    shown = format_decimal(hours, format="#,##0.#", locale=babel_locale(language))
    count = int(hours) if hours == int(hours) else 2  # fractions take the plural
    return words.ngettext("{hours} hour", "{hours} hours", count).format(hours=shown)


def scope_line(run: CourseRun, language: str) -> str:
    """How long the course was, from its sessions; "" without sessions."""
    if not run.sessions:
        return ""
    words = CardLanguage(language)
    hours = _hours(run.minutes, language)
    if run.days <= 1:
        return hours
    days = words.ngettext("{count} day", "{count} days", run.days).format(count=run.days)
    return words.pgettext("printed certificate", "{hours} over {days}").format(hours=hours,
                                                                               days=days)


def certificate_job(run: CourseRun, pack: Pack, names: Sequence[str], *, language: str,
                    leader_name: str = "") -> CertificateJob:
    """The certificates for ``names`` (typed at print time), listing the modules covered.

    Refuses an empty list of names and a run with no module marked as covered.
    """
    checked = check_participant_names(names)
    if not checked:
        raise DomainError(N_("Give at least one name."), "names")
    leader = check_participant_name(leader_name) if leader_name.strip() else ""
    modules = covered_titles(run, pack, language)
    if not modules:
        raise DomainError(N_("No module of this course is marked as covered yet. Mark what "
                             "was covered first."), "covered")
    words = CardLanguage(language)
    when = date_span(run.first_day, run.last_day, language)
    heading = words.pgettext("printed certificate", "Course certificate")
    return CertificateJob(
        language=language,
        names=checked,
        heading=heading,
        lead_in=words.pgettext("printed certificate", "This is to certify that"),
        took_part=words.pgettext("printed certificate", "has taken part in"),
        course_title=run.title,
        when_where=SEPARATOR.join(part for part in (when, run.place.strip()) if part),
        scope=scope_line(run, language),
        modules_heading=words.pgettext("printed certificate", "The course covered"),
        modules=modules,
        place=run.place.strip(),
        issued=format_date(run.last_day, "long", language),
        place_and_date_label=words.pgettext("printed certificate", "Place and date"),
        leader_name=leader,
        leader_label=words.pgettext("printed certificate", "Course leader"),
        document_title=f"{heading}{SEPARATOR}{run.title}",
    )


def paint(device: QPagedPaintDevice, job: CertificateJob) -> None:
    paint_pages(device, layout_certificates(job))


def pdf_bytes_for(job: CertificateJob) -> bytes:
    return pdf_bytes(layout_certificates(job))


def write_pdf(path: Path, job: CertificateJob) -> None:
    """Save the certificates as one PDF at ``path``, atomically."""
    write_pdf_file(path, layout_certificates(job))
