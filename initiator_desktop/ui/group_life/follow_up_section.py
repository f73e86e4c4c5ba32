"""Follow-up after the handover: a suggested visit (editable), the planned date, "the
group asked me back" and "follow-up done", each with its date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.core.handover import (
    FollowUp,
    FollowUpSuggestion,
    follow_up_suggestion,
    load_follow_up,
    plan_follow_up,
    record_asked_back,
    record_follow_up_done,
)
from initiator_desktop.core.models import GroupStatus
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.i18n.formatting import format_day
from initiator_desktop.ui.group_life.labels import day_text
from initiator_desktop.ui.group_life.section_base import (
    LifeSection,
    PanelContext,
    date_edit,
    day_of,
    set_day,
)
from initiator_desktop.ui.style import SPACING, hint_label


def suggestion_text(found: FollowUpSuggestion) -> str:
    day = format_day(found.suggested)
    if found.met_alone is None:
        return _("Suggested visit: {day}, about six weeks after the handover.").format(day=day)
    return ngettext(
        "Suggested visit: {day}. By then the group will have met {count} time on its own.",
        "Suggested visit: {day}. By then the group will have met {count} times on its own.",
        found.met_alone).format(day=day, count=found.met_alone)


def history_text(follow_up: FollowUp) -> str:
    lines = []
    if follow_up.asked_back:
        lines.append(_("The group asked you back: {days}").format(
            days=", ".join(day_text(d) for d in follow_up.asked_back)))
    if follow_up.done:
        lines.append(_("Follow-up visits: {days}").format(
            days=", ".join(day_text(d) for d in follow_up.done)))
    return "\n".join(lines)


class FollowUpSection(LifeSection):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.hint = hint_label(parent=self)
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.planned = QLabel(self)
        self.planned.setWordWrap(True)
        self.visit_label, self.visit_date = QLabel(self), date_edit(self)
        self.plan_button = QPushButton(self)
        self.asked_label, self.asked_date = QLabel(self), date_edit(self)
        self.asked_button = QPushButton(self)
        self.done_label, self.done_date = QLabel(self), date_edit(self)
        self.done_button = QPushButton(self)
        self.history = hint_label(parent=self)
        self._build_layout()
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.asked_button.clicked.connect(self._on_asked_button_clicked)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.retranslate()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING // 2)
        grid.setVerticalSpacing(SPACING // 2)
        rows = ((self.visit_label, self.visit_date, self.plan_button),
                (self.asked_label, self.asked_date, self.asked_button),
                (self.done_label, self.done_date, self.done_button))
        for row, widgets in enumerate(rows):
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, row, column)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.hint)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.planned)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.history)

    def refresh(self) -> None:
        group = self.repo.group(self._group_id)
        today = self._context.today()
        found = follow_up_suggestion(self.repo, self._group_id, self._context.clock(),
                                     current_language())
        follow_up = load_follow_up(self.repo, self._group_id)
        self.suggestion.setText(suggestion_text(found) if found else "")
        self.suggestion.setVisible(found is not None)
        if follow_up.planned_for is not None:
            self.planned.setText(_("Visit planned for {day}.").format(
                day=format_day(follow_up.planned_for)))
        else:
            self.planned.setText(_("No visit planned yet."))
        visit = follow_up.planned_for or (found.suggested if found else today)
        set_day(self.visit_date, max(visit, today))
        set_day(self.asked_date, today)
        set_day(self.done_date, follow_up.planned_for if follow_up.planned_for
                and follow_up.planned_for <= today else today)
        self.history.setText(history_text(follow_up))
        self.history.setVisible(bool(self.history.text()))
        active = group is not None and group.status is not GroupStatus.ENDED
        for widget in (self.plan_button, self.asked_button, self.done_button):
            widget.setEnabled(active)

    def _record(self, action: Callable[[], object]) -> None:
        if self.attempt(action) is not None:
            self.changed.emit()

    def _on_plan_button_clicked(self) -> None:
        visit, today = day_of(self.visit_date), self._context.today()
        self._record(lambda: plan_follow_up(self.repo, self._group_id, visit, today))

    def _on_asked_button_clicked(self) -> None:
        day = day_of(self.asked_date)
        self._record(lambda: record_asked_back(self.repo, self._group_id, day))

    def _on_done_button_clicked(self) -> None:
        day = day_of(self.done_date)
        self._record(lambda: record_follow_up_done(self.repo, self._group_id, day))

    def retranslate(self) -> None:
        self.hint.setText(_("After the handover you stay reachable. A visit after about six "
                            "weeks, or after the group has met three to five times on its own, "
                            "is common; the group may also ask you back."))
        self.visit_label.setText(_("Visit on"))
        self.plan_button.setText(_("Plan the visit"))
        self.asked_label.setText(_("The group asked me back on"))
        self.asked_button.setText(_("Record"))
        self.asked_button.setAccessibleName(_("Record that the group asked you back"))
        self.done_label.setText(_("Follow-up done on"))
        self.done_button.setText(_("Record"))
        self.done_button.setAccessibleName(_("Record the follow-up visit"))
        if self._group_id:
            self.refresh()
