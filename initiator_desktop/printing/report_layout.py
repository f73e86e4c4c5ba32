"""The report's pages as plain data: text lines, rules and chart boxes, in millimetres.

Only what ``core.reports`` published is laid out: protected figures, group names only
for an explicit selection, themes only when asked. Words are translated here, numbers
formatted through Babel in the report's language. Needs a QGuiApplication (text is
measured in the bundled fonts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from babel.numbers import format_decimal

from initiator_desktop.core.report_facts import Bucket, Measure
from initiator_desktop.core.reports import Average, Report, Row
from initiator_desktop.core.small_counts import PROTECTING_TEXT, Figure
from initiator_desktop.i18n import _, ngettext, pgettext
from initiator_desktop.i18n.domain_labels import status_label
from initiator_desktop.i18n.formatting import babel_locale, format_date
from initiator_desktop.printing.attendance_chart import ChartTexts
from initiator_desktop.printing.page_geometry import Ink, Rect
from initiator_desktop.printing.text_measure import MM_PER_PT, font_metrics, text_width, wrap

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20.0, 18.0, 20.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
BODY_PT, SMALL_PT, HEAD_PT, TITLE_PT, CHART_PT = 9.5, 8.0, 12.0, 17.0, 7.5
LEADING = 1.3
TOTAL_CHART_H, GROUP_CHART_H = 72.0, 56.0
NUMBER_W = 18.5  # a column of figures in a table with a row per group or theme
TABLE_COLUMNS = (Measure.HELD, Measure.RECORDED, Measure.CANCELLED, Measure.ATTENDANCE,
                 "average", Measure.NEWCOMERS)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text: ``x`` is its left end, ``width`` its measure (mm)."""

    text: str
    x: float
    baseline: float
    width: float
    size_pt: float
    bold: bool = False
    ink: Ink = Ink.TEXT


@dataclass(frozen=True, slots=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width_pt: float
    ink: Ink = Ink.TEXT


@dataclass(frozen=True, slots=True)
class ChartBox:
    rect: Rect
    index: int  # which of the report's charts


@dataclass(frozen=True, slots=True)
class ReportPage:
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...]
    charts: tuple[ChartBox, ...]


@dataclass(frozen=True, slots=True)
class ReportPages:
    title: str
    language: str
    pages: tuple[ReportPage, ...]
    chart_texts: ChartTexts

    def text(self) -> str:
        return "\n".join(line.text for page in self.pages for line in page.lines)


def number(value: int | float, language: str, *, decimals: bool = False) -> str:
    pattern = "#,##0.0" if decimals else "#,##0"
    return str(format_decimal(value, pattern, locale=babel_locale(language)))


def figure_text(figure: Figure, language: str) -> str:
    return figure.text() if figure.hidden or figure.value is None else number(
        figure.value, language)


def average_text(average: Average, language: str) -> str:
    if average.hidden or average.value is None:
        return PROTECTING_TEXT
    return number(average.value, language, decimals=True)


def measure_label(measure: str) -> str:
    """The long label of a figure in the totals table."""
    return {
        Measure.HELD: _("Meetings held"),
        Measure.RECORDED: _("With attendance recorded"),
        Measure.CANCELLED: _("Meetings cancelled"),
        Measure.ATTENDANCE: _("Attendance, added up"),
        "average": _("Average per recorded meeting"),
        Measure.NEWCOMERS: _("Newcomers"),
    }[measure]


def column_label(measure: str) -> str:
    """The short heading of a figure in a table with a row per group or theme."""
    return {
        Measure.HELD: pgettext("meetings", "Held"),
        Measure.RECORDED: pgettext("meetings", "Recorded"),
        Measure.CANCELLED: pgettext("meetings", "Cancelled"),
        Measure.ATTENDANCE: _("Attendance"),
        "average": _("Average"),
        Measure.NEWCOMERS: _("Newcomers"),
    }[measure]


def report_chart_texts(language: str) -> ChartTexts:
    return ChartTexts(language=language, present=_("Attendance"),
                      newcomers=_("Of whom newcomers"), members=_("Members"),
                      cancelled=pgettext("meeting", "Cancelled"),
                      unrecorded=_("Held, not recorded"), not_held=_("Pause or public holiday"),
                      hidden=_("Hidden (see the notes)"), empty=_("No meetings in this period."))


@dataclass
class _Flow:
    """Places blocks down the page and starts a new page when one does not fit."""

    pages: list[tuple[list[Line], list[Rule], list[ChartBox]]] = field(default_factory=list)
    y: float = MARGIN_TOP

    def __post_init__(self) -> None:
        self.new_page()

    def new_page(self) -> None:
        self.pages.append(([], [], []))
        self.y = MARGIN_TOP

    @property
    def bottom(self) -> float:
        return PAGE_H - MARGIN_BOTTOM

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > MARGIN_TOP + 0.01:
            self.new_page()

    def add(self, item: Line | Rule | ChartBox) -> None:
        lines, rules, charts = self.pages[-1]
        if isinstance(item, Line):
            lines.append(item)
        elif isinstance(item, Rule):
            rules.append(item)
        else:
            charts.append(item)

    def paragraph(self, text: str, size: float, *, bold: bool = False, ink: Ink = Ink.TEXT,
                  x: float = MARGIN_X, width: float = CONTENT_W, before: float = 0.0,
                  keep: float = 0.0) -> None:
        pitch = size * MM_PER_PT * LEADING
        wrapped = wrap(text, size, bold, width)
        self.need(before + pitch * len(wrapped) + keep)
        self.y += before
        ascent = font_metrics(size, bold).ascent
        for part, measure in wrapped:
            self.add(Line(part, x, self.y + ascent, measure, size, bold, ink))
            self.y += pitch


@dataclass(frozen=True, slots=True)
class _Column:
    width: float
    numeric: bool


def _table(flow: _Flow, columns: Sequence[_Column], header: Sequence[str],
           rows: Sequence[tuple[Sequence[str], bool]]) -> None:
    """A table: a header repeated on every page it reaches; (cells, is_total) per row."""
    pad = 1.1

    def row_height(cells: Sequence[str], size: float, bold: bool) -> float:
        pitch = size * MM_PER_PT * LEADING
        tallest = max(len(wrap(text, size, bold, column.width - 2 * pad))
                      for text, column in zip(cells, columns, strict=True))
        return tallest * pitch + 2 * pad

    def place(cells: Sequence[str], size: float, bold: bool, ink: Ink) -> float:
        height = row_height(cells, size, bold)
        pitch = size * MM_PER_PT * LEADING
        ascent = font_metrics(size, bold).ascent
        x = MARGIN_X
        for text, column in zip(cells, columns, strict=True):
            for index, (part, measure) in enumerate(wrap(text, size, bold,
                                                         column.width - 2 * pad)):
                left = x + column.width - pad - measure if column.numeric else x + pad
                flow.add(Line(part, left, flow.y + pad + ascent + index * pitch, measure,
                              size, bold, ink))
            x += column.width
        return height

    # The headings' size: the largest at which no word has to break inside itself.
    header_pt = next((size for size in (SMALL_PT, 7.5, 7.0, 6.5)
                      if all(text_width(word, size) <= column.width - 2 * pad
                             for text, column in zip(header, columns, strict=True)
                             for word in text.split())), 6.5)

    def place_header() -> None:
        flow.y += place(header, header_pt, False, Ink.MUTED)
        flow.add(Rule(MARGIN_X, flow.y, MARGIN_X + CONTENT_W, flow.y, 0.7))

    header_height = row_height(header, header_pt, False)
    first = rows[0] if rows else ((), False)
    flow.need(header_height + (row_height(first[0], BODY_PT, first[1]) if rows else 0))
    place_header()
    for cells, total in rows:
        height = row_height(cells, BODY_PT, total)
        if flow.y + height > flow.bottom:
            flow.new_page()
            place_header()
        if total:
            flow.add(Rule(MARGIN_X, flow.y, MARGIN_X + CONTENT_W, flow.y, 0.7))
        flow.y += place(cells, BODY_PT, total, Ink.TEXT)
        if not total:
            flow.add(Rule(MARGIN_X, flow.y, MARGIN_X + CONTENT_W, flow.y, 0.25, Ink.FAINT))


def layout_report(report: Report, language: str) -> ReportPages:
    """Every page of ``report`` in ``language`` (the words must already be in it)."""
    flow = _Flow()
    title = _("Self-help groups: activity report")
    flow.paragraph(title, TITLE_PT, bold=True)
    _heading_facts(flow, report, language)
    _top_sections(flow, report, language)
    if report.request.by_theme:
        _theme_section(flow, report, language)
    _charts_section(flow, report)
    _notes(flow, report)
    pages = _with_footers(flow, language)
    return ReportPages(title, language, pages, report_chart_texts(language))


def _heading_facts(flow: _Flow, report: Report, language: str) -> None:
    request = report.request
    flow.paragraph(_("Period: {start} to {end}").format(
        start=format_date(request.start, "long", language),
        end=format_date(request.end, "long", language)), HEAD_PT, before=1.5)
    if report.group_rows:
        names = ", ".join(row.label for row in report.group_rows)
        scope = ngettext("Selected group: {names}", "Selected groups ({count}): {names}",
                         len(report.group_rows)).format(count=len(report.group_rows),
                                                        names=names)
    else:
        scope = _("All groups, as totals: no group is named.")
    flow.paragraph(scope, BODY_PT, before=1.5)
    flow.paragraph(_("Made on {date} with Initiator Desktop. Numbers below {count} are "
                     "shown as “<{count}”.").format(
        date=format_date(report.made_on, "long", language), count=report.threshold),
        SMALL_PT, ink=Ink.MUTED, before=1.0)


def _section(flow: _Flow, heading: str, keep: float) -> None:
    flow.paragraph(heading, HEAD_PT, bold=True, ink=Ink.ACCENT, before=6.0, keep=keep)
    flow.y += 1.0


Pair = tuple[str, str, bool, bool]  # label, value, bold, indented


def _pairs(flow: _Flow, heading: str, rows: Sequence[Pair], x: float, width: float,
           top: float) -> float:
    """A heading and label-value rows in a column from ``top``; returns its bottom.

    Used only near the top of the first page, where both columns always fit.
    """
    pad = 1.1
    pitch = BODY_PT * MM_PER_PT * LEADING
    head_ascent = font_metrics(HEAD_PT, True).ascent
    flow.add(Line(heading, x, top + head_ascent, text_width(heading, HEAD_PT, True), HEAD_PT,
                  True, Ink.ACCENT))
    y = top + HEAD_PT * MM_PER_PT * LEADING + 1.0
    value_w = 16.0
    for label, value, bold, indented in rows:
        indent = 4.0 if indented else 0.0
        parts = wrap(label, BODY_PT, bold, width - value_w - indent - pad)
        ascent = font_metrics(BODY_PT, bold).ascent
        for index, (part, measure) in enumerate(parts):
            flow.add(Line(part, x + indent, y + pad + ascent + index * pitch, measure,
                          BODY_PT, bold))
        measure = text_width(value, BODY_PT, bold)
        flow.add(Line(value, x + width - measure, y + pad + ascent, measure, BODY_PT, bold))
        y += len(parts) * pitch + 2 * pad
        flow.add(Rule(x, y, x + width, y, 0.25, Ink.FAINT))
    return y


def _group_pairs(report: Report, language: str) -> list[Pair]:
    rows: list[Pair] = [(_("Groups in the period"), figure_text(report.groups_total, language),
                         True, False)]
    rows += [(status_label(status), figure_text(figure, language), False, True)
             for status, figure in report.by_status.items()]
    for key, label in (("started", _("Started in the period")),
                       ("handed_over", _("Handed over in the period")),
                       ("ended", _("Ended in the period"))):
        rows.append((label, figure_text(report.events[key], language), True, False))
    return rows


def _cells(row: Row, language: str) -> list[str]:
    return [average_text(row.average, language) if key == "average"
            else figure_text(row.figures[key], language)  # type: ignore[index]
            for key in TABLE_COLUMNS]


def _top_sections(flow: _Flow, report: Report, language: str) -> None:
    """Groups on the left; in a totals report the meetings on the right, else below."""
    top = flow.y + 6.0
    half = (CONTENT_W - 10.0) / 2
    bottom = _pairs(flow, _("Groups"), _group_pairs(report, language), MARGIN_X, half, top)
    if not report.group_rows:
        cells = _cells(report.total, language)
        meetings = [(measure_label(str(key)), value, False, key in (Measure.RECORDED,))
                    for key, value in zip(TABLE_COLUMNS, cells, strict=True)]
        bottom = max(bottom, _pairs(flow, _("Meetings and attendance"), meetings,
                                    MARGIN_X + half + 10.0, half, top))
    flow.y = bottom
    if report.group_rows:
        _section(flow, _("Meetings and attendance"), keep=30.0)
        columns = [_Column(CONTENT_W - 6 * NUMBER_W, False)] + [_Column(NUMBER_W, True)] * 6
        header = [_("Group")] + [column_label(str(key)) for key in TABLE_COLUMNS]
        rows = [([row.label, *_cells(row, language)], False) for row in report.group_rows]
        rows.append(([_("Total"), *_cells(report.total, language)], True))
        _table(flow, columns, header, rows)


def _theme_section(flow: _Flow, report: Report, language: str) -> None:
    _section(flow, _("By theme"), keep=30.0)
    flow.paragraph(_("Themes are sensitive: share this page only with those who need it."),
                   SMALL_PT, ink=Ink.MUTED)
    flow.y += 1.0
    columns = [_Column(CONTENT_W - 7 * NUMBER_W, False)] + [_Column(NUMBER_W, True)] * 7
    header = [_("Theme"), _("Groups")] + [column_label(str(key)) for key in TABLE_COLUMNS]
    rows = []
    for row in report.theme_rows:
        groups = figure_text(row.groups, language) if row.groups else ""
        rows.append(([row.label or _("(no theme)"), groups, *_cells(row, language)], False))
    rows.append(([_("Total"), figure_text(report.groups_total, language),
                  *_cells(report.total, language)], True))
    _table(flow, columns, header, rows)


def _charts_section(flow: _Flow, report: Report) -> None:
    heading = {Bucket.MONTH: _("Attendance by month"),
               Bucket.QUARTER: _("Attendance by quarter"),
               Bucket.YEAR: _("Attendance by year")}[report.bucket]
    for index, chart in enumerate(report.charts):
        height = GROUP_CHART_H if chart.label else TOTAL_CHART_H
        if index == 0:
            _section(flow, heading, keep=height + (7.0 if chart.label else 0.0))
        if chart.label:
            flow.paragraph(chart.label, BODY_PT, bold=True, before=2.0, keep=height)
        flow.need(height)
        flow.add(ChartBox(Rect(MARGIN_X, flow.y + 1.0, CONTENT_W, height), index))
        flow.y += height + 2.0


def _notes(flow: _Flow, report: Report) -> None:
    count = report.threshold
    notes = [
        _("“<{count}”: fewer than {count}, nought included. “:”: hidden so that a number "
          "below {count} cannot be worked out from the totals. An average is shown only "
          "where both its numbers are.").format(count=count),
        _("Held: the meeting took place, whether or not attendance was recorded. "
          "Attendance adds up the people present at each recorded meeting: someone who "
          "came ten times counts ten times."),
        _("Groups in the period: every group that had not ended before the period began "
          "and had started by its end (a planned group counts only when the period reaches "
          "today), with its status at the end of the period."),
    ]
    if report.derived_dates:
        notes.append(_("Where the vault holds no date for a group's start, handover or end, "
                       "it is taken from the meetings: the first meeting held, the last "
                       "meeting with the initiator, the last meeting held."))
    _section(flow, _("Notes"), keep=15.0)
    for note in notes:
        flow.paragraph(note, SMALL_PT, ink=Ink.MUTED, before=1.0)


def _with_footers(flow: _Flow, language: str) -> tuple[ReportPage, ...]:
    total = len(flow.pages)
    pages = []
    baseline = PAGE_H - MARGIN_BOTTOM + 9.0
    for index, (lines, rules, charts) in enumerate(flow.pages, start=1):
        footer = _("Page {page} of {pages}").format(page=number(index, language),
                                                    pages=number(total, language))
        width = text_width(footer, SMALL_PT)
        lines = [*lines, Line(footer, MARGIN_X + CONTENT_W - width, baseline, width,
                              SMALL_PT, ink=Ink.MUTED)]
        pages.append(ReportPage(tuple(lines), tuple(rules), tuple(charts)))
    return tuple(pages)
