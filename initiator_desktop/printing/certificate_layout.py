"""The certificate page laid out as data: a framed A4 page, centred, one per participant.

Top to bottom: the heading, the participant's name on a rule, the course, its dates,
place and scope, the modules covered, and at the foot place and date and the course
leader's signature line. Everything but the name is the same on every page; the
module list takes the largest size (and, if it must, two columns or one running
paragraph) that fits, so a certificate is always exactly one page.
Needs a QGuiApplication (the text is measured in the bundled fonts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.printing.card_language import SEPARATOR
from initiator_desktop.printing.layout_parts import bottom_aligned, moved, rule, set_text
from initiator_desktop.printing.page_formats import A4_H, A4_W
from initiator_desktop.printing.page_geometry import (
    Card,
    Ink,
    PageSet,
    Rect,
    Sheet,
    Stroke,
    TextBox,
    TextLine,
)
from initiator_desktop.printing.text_flow import (
    Area,
    AreaTooSmall,
    Block,
    Style,
    Styles,
    Unit,
    flow,
)
from initiator_desktop.printing.text_measure import text_width

if TYPE_CHECKING:
    from initiator_desktop.printing.certificates import CertificateJob

OUTER_INSET, INNER_INSET = 11.0, 14.0
OUTER_PT, INNER_PT = 1.6, 0.5
CONTENT = Rect(30.0, 38.0, A4_W - 60.0, A4_H - 38.0 - 30.0)
SIGNATURE_COLUMN = 70.0
SIGNATURE_GAP = 14.0  # between the module list and the foot of the page
FOOT_RULE_GAP = 1.2  # from a signature rule to the text under it
FOOT_MIN_BELOW = 10.0  # the rules sit at least this far above the content's bottom
NAME_SIZES = (28.0, 25.0, 22.0, 19.0, 16.0, 14.0)
TITLE_SIZES = (19.0, 17.0, 15.0, 13.0)
LIST_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)
RUN_IN_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
MAX_NAME_LINES, MAX_TITLE_LINES = 2, 3

_STYLES: Styles = {
    "heading": Style(fixed_pt=30.0, ink=Ink.ACCENT, leading=1.1),
    "lead_in": Style(fixed_pt=12.0, ink=Ink.MUTED, leading=1.3),
    "took_part": Style(fixed_pt=12.0, ink=Ink.MUTED, leading=1.3),
    "when_where": Style(fixed_pt=12.0, leading=1.35),
    "scope": Style(fixed_pt=10.0, ink=Ink.MUTED, leading=1.3),
    "modules_heading": Style(fixed_pt=10.0, bold=True, ink=Ink.ACCENT, leading=1.3),
    "place_date": Style(fixed_pt=11.0, leading=1.3),
    "leader": Style(fixed_pt=11.0, leading=1.3),
    "label": Style(fixed_pt=8.5, ink=Ink.MUTED, leading=1.3),
}


def centred(box: TextBox) -> TextBox:
    """``box`` with each line centred in its width."""
    lines = tuple(TextLine(line.text, box.rect.x + (box.rect.w - line.width) / 2,
                           line.baseline, line.width) for line in box.lines)
    return TextBox(box.role, box.rect, box.size_pt, box.bold, box.ink, lines)


def _centred_text(role: str, text: str, y: float, styles: Styles = _STYLES,
                  rect: Rect = CONTENT) -> TextBox:
    return centred(set_text(role, text, styles, rect.x, y, rect.w))


def _shrunk(role: str, text: str, y: float, sizes: Sequence[float], max_lines: int, *,
            bold: bool, ink: Ink) -> TextBox:
    """``text`` centred at the largest of ``sizes`` that keeps it on one line, if one of
    the larger half of the sizes does; else at the largest that needs at most
    ``max_lines`` (a long name on two lines rather than in small type)."""
    boxes = [_centred_text(role, text, y, {role: Style(fixed_pt=size, bold=bold, ink=ink,
                                                       leading=1.15)})
             for size in sizes]
    one_line = [box for box in boxes[: (len(boxes) + 1) // 2] if len(box.lines) == 1]
    if one_line:
        return one_line[0]
    return next((box for box in boxes if len(box.lines) <= max_lines), boxes[-1])


@dataclass(frozen=True, slots=True)
class _Foot:
    boxes: tuple[TextBox, ...]
    strokes: tuple[Stroke, ...]

    @property
    def top(self) -> float:
        return min(box.rect.y for box in self.boxes)


def _place_and_date(job: CertificateJob) -> str:
    """"Place, date" on one line if it fits; else the place (or only its first part, up
    to a comma, when the whole is an address) over the date; else the date alone."""
    style = _STYLES["place_date"]

    def fits(text: str) -> bool:
        return text_width(text, style.size(0.0), style.bold) <= SIGNATURE_COLUMN

    if not job.place:
        return job.issued
    if fits(f"{job.place}, {job.issued}"):
        return f"{job.place}, {job.issued}"
    for place in (job.place, job.place.split(",")[0].strip()):
        if place and fits(f"{place},"):
            return f"{place},\n{job.issued}"
    return job.issued


def _foot(job: CertificateJob) -> _Foot:
    """Place and date on the left, the signature on the right, each above a rule with a
    label under it; both rules on one line, as low as the texts under them allow."""
    left_x, right_x = CONTENT.x, CONTENT.right - SIGNATURE_COLUMN
    left_label = set_text("label", job.place_and_date_label, _STYLES, left_x, 0.0,
                          SIGNATURE_COLUMN)
    # Without a name the label sits right under the rule, as on the left.
    leader = [set_text("leader", job.leader_name, _STYLES, right_x, 0.0, SIGNATURE_COLUMN)
              ] if job.leader_name else []
    right_label = set_text("label", job.leader_label, _STYLES, right_x,
                           leader[0].rect.bottom if leader else 0.0, SIGNATURE_COLUMN)
    under = FOOT_RULE_GAP + max(left_label.rect.bottom, right_label.rect.bottom)
    line_y = CONTENT.bottom - max(under, FOOT_MIN_BELOW)
    place_date = bottom_aligned(set_text("place_date", _place_and_date(job), _STYLES, left_x,
                                         0.0, SIGNATURE_COLUMN), line_y - 2.0)
    below = [moved(box, 0.0, line_y + FOOT_RULE_GAP)
             for box in (left_label, *leader, right_label)]
    strokes = (Stroke(left_x, line_y, left_x + SIGNATURE_COLUMN, line_y, 0.6, Ink.TEXT),
               Stroke(right_x, line_y, right_x + SIGNATURE_COLUMN, line_y, 0.6, Ink.TEXT))
    return _Foot(tuple(b for b in (place_date, *below) if b.lines), strokes)


# -- the module list --------------------------------------------------------------------
def _list_single(titles: Sequence[str], size: float, top: float) -> list[TextBox]:
    styles = {"module": Style(fixed_pt=size, leading=1.55)}
    boxes, y = [], top
    for title in titles:
        box = _centred_text("module", title, y, styles)
        boxes.append(box)
        y = box.rect.bottom
    return boxes


def _list_columns(titles: Sequence[str], size: float, area: Rect) -> list[TextBox] | None:
    styles = {"module": Style(fixed_pt=size, leading=1.4, space_before=0.35, indent=7.0)}
    units = [Unit((Block("module", title, marker=f"{index}."),))
             for index, title in enumerate(titles, start=1)]
    try:
        cards = flow(units, size, styles, Area(area, columns=2, gutter=10.0))
    except AreaTooSmall:  # not even one line fits
        return None
    return cards[0] if len(cards) == 1 else None


def _list_run_in(titles: Sequence[str], size: float, top: float) -> list[TextBox]:
    styles = {"module": Style(fixed_pt=size, leading=1.45)}
    return [_centred_text("module", SEPARATOR.join(titles), top, styles)]


def _bottom(boxes: Sequence[TextBox]) -> float:
    return max(box.rect.bottom for box in boxes)


def module_list(titles: Sequence[str], area: Rect) -> list[TextBox]:
    """The titles in ``area``: centred one per line if that fits at 9 pt or more, else in
    two numbered columns, else as one paragraph; DomainError if nothing fits."""
    for size in LIST_SIZES:
        boxes = _list_single(titles, size, area.y)
        if _bottom(boxes) <= area.bottom:
            return boxes
    for size in LIST_SIZES[2:]:
        columns = _list_columns(titles, size, area)
        if columns is not None:
            return columns
    for size in RUN_IN_SIZES:
        boxes = _list_run_in(titles, size, area.y)
        if _bottom(boxes) <= area.bottom:
            return boxes
    raise DomainError(N_("The certificate does not fit on one page. Shorten the course's "
                         "title or place, or list fewer modules."), "covered")


# -- the page ---------------------------------------------------------------------------
def _frame() -> tuple[Stroke, ...]:
    strokes = []
    for inset, width in ((OUTER_INSET, OUTER_PT), (INNER_INSET, INNER_PT)):
        x1, y1, x2, y2 = inset, inset, A4_W - inset, A4_H - inset
        strokes += [Stroke(x1, y1, x2, y1, width, Ink.ACCENT),
                    Stroke(x2, y1, x2, y2, width, Ink.ACCENT),
                    Stroke(x2, y2, x1, y2, width, Ink.ACCENT),
                    Stroke(x1, y2, x1, y1, width, Ink.ACCENT)]
    return tuple(strokes)


@dataclass(frozen=True, slots=True)
class _Common:
    """What every page shares: the course part below the name, the modules and the foot."""

    below_name: tuple[TextBox, ...]
    modules: tuple[TextBox, ...]
    foot: _Foot


def _course_part(job: CertificateJob, top: float) -> list[TextBox]:
    boxes = [_centred_text("took_part", job.took_part, top)]
    boxes.append(_shrunk("course_title", job.course_title, _bottom(boxes) + 2.5, TITLE_SIZES,
                         MAX_TITLE_LINES, bold=True, ink=Ink.ACCENT))
    boxes.append(_centred_text("when_where", job.when_where, _bottom(boxes) + 3.0))
    if job.scope:
        boxes.append(_centred_text("scope", job.scope, _bottom(boxes) + 0.8))
    return boxes


def _common(job: CertificateJob, name_bottom: float) -> _Common:
    course = _course_part(job, name_bottom + 9.0)
    heading = _centred_text("modules_heading", job.modules_heading, _bottom(course) + 11.0)
    foot = _foot(job)
    area = Rect(CONTENT.x, heading.rect.bottom + 2.5, CONTENT.w,
                foot.top - SIGNATURE_GAP - heading.rect.bottom - 2.5)
    return _Common((*course, heading), tuple(module_list(job.modules, area)), foot)


def _page(job: CertificateJob, name: str, common: _Common, name_top: float,
          name_slot: float) -> Sheet:
    heading = _centred_text("heading", job.heading, CONTENT.y)
    lead_in = _centred_text("lead_in", job.lead_in, name_top - 10.0)
    name_box = _shrunk("name", name, name_top, NAME_SIZES, MAX_NAME_LINES, bold=True,
                       ink=Ink.TEXT)
    # A shorter name sits lower in its slot, so it rests on the rule as a longer one does.
    name_box = moved(name_box, 0.0, name_slot - name_box.rect.h)
    rule_y = name_top + name_slot + 3.5
    strokes = (*_frame(),
               rule(A4_W / 2 - 18.0, A4_W / 2 + 18.0, heading.rect.bottom + 5.0, Ink.ACCENT,
                    0.8),
               rule(CONTENT.x + 15.0, CONTENT.right - 15.0, rule_y, Ink.FAINT, 0.6),
               *common.foot.strokes)
    boxes = (heading, lead_in, name_box, *common.below_name, *common.modules,
             *common.foot.boxes)
    card = Card(Rect(0, 0, A4_W, A4_H), Rect(INNER_INSET, INNER_INSET, A4_W - 2 * INNER_INSET,
                                             A4_H - 2 * INNER_INSET), boxes, strokes)
    return Sheet(A4_W, A4_H, (card,))


def _name_slot(names: Sequence[str], top: float) -> float:
    """The height the tallest name needs, so that everything below it lines up on
    every page."""
    return max(_shrunk("name", name, top, NAME_SIZES, MAX_NAME_LINES, bold=True,
                       ink=Ink.TEXT).rect.h for name in names)


def layout_certificates(job: CertificateJob) -> PageSet:
    """One sheet per name, in the order given."""
    heading = _centred_text("heading", job.heading, CONTENT.y)
    name_top = heading.rect.bottom + 26.0
    slot = _name_slot(job.names, name_top)
    common = _common(job, name_top + slot + 3.5)
    sheets = tuple(_page(job, name, common, name_top, slot) for name in job.names)
    return PageSet("A4", False, sheets, title=job.document_title)
