"""The "Upcoming" view: every group's meetings in the next eight weeks, week by week.

Public holidays are listed in their week; a meeting still planned on one is flagged with
buttons to cancel or move it. The initiator's own meetings are marked (and can be shown
alone). Only group names are shown: never a theme or a place's notes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.meeting_calendar import (
    GroupMeeting,
    GroupPlan,
    MeetingState,
    Week,
    initiator_number,
    upcoming,
)
from initiator_desktop.i18n import _, current_language
from initiator_desktop.i18n.formatting import format_short_day
from initiator_desktop.ui.calendar.meeting_actions import MeetingActions
from initiator_desktop.ui.calendar.meeting_labels import state_notes, time_span, week_heading
from initiator_desktop.ui.style import MARGIN, SPACING, ErrorLabel, heading_label, hint_label

PlanSource = Callable[[], list[GroupPlan]]
_MEETING_ROLE = Qt.ItemDataRole.UserRole


class Column:
    DAY, TIME, GROUP, NOTE, ACTION = range(5)


class UpcomingView(QWidget):
    """Rebuilt from ``plans()`` by ``refresh``; edits go through ``actions``."""

    group_chosen = Signal(str)

    def __init__(self, plans: PlanSource, actions: MeetingActions, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plans = plans
        self._actions = actions
        self._today = today
        self._weeks: list[Week] = []
        self._numbers: dict[tuple[str, date], int] = {}
        self.heading = heading_label(parent=self)
        self.intro = hint_label(parent=self)
        self.only_mine = QCheckBox(self)
        self.message = ErrorLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (Column.DAY, Column.TIME, Column.ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.GROUP, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.NOTE, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(Column.GROUP, 200)
        self._build_layout()
        self.only_mine.toggled.connect(self._on_only_mine_toggled)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        actions.failed.connect(self.message.show_message)
        self.retranslate()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.only_mine)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)

    # content ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.message.clear_message()
        language = current_language()
        plans = self._plans()
        self._weeks = upcoming(plans, self._today(), language=language)
        schedules = {group.id: schedules for group, schedules in plans}
        self._numbers = {}
        for week in self._weeks:
            for m in week.meetings:
                if m.with_initiator:
                    number = initiator_number(m.group, schedules[m.group.id], m.meeting,
                                              language)
                    if number is not None:
                        self._numbers[(m.meeting.schedule_id, m.meeting.original_date)] = number
        self._fill()

    def forget(self) -> None:
        """Show nothing (before a lock)."""
        self._weeks, self._numbers = [], {}
        self.tree.clear()

    def _fill(self) -> None:
        self.tree.clear()
        mine_only = self.only_mine.isChecked()
        for week in self._weeks:
            meetings = [m for m in week.meetings if m.with_initiator or not mine_only]
            head = QTreeWidgetItem(self.tree)
            head.setText(Column.DAY, week_heading(week.number, week.monday,
                                                  week.monday + timedelta(days=6)))
            head.setFirstColumnSpanned(True)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(self.tree.font())
            font.setBold(True)
            head.setFont(Column.DAY, font)
            rows: list[tuple[date, int, GroupMeeting | tuple[date, str]]] = [
                (m.meeting.date, 1, m) for m in meetings]
            # A holiday gets its own row unless a meeting on that day already names it.
            named = {m.meeting.date for m in meetings if m.holiday is not None}
            rows += [(day, 0, (day, name)) for day, name in week.holidays if day not in named]
            for _day, _order, entry in sorted(rows, key=lambda r: (r[0], r[1])):
                if isinstance(entry, GroupMeeting):
                    self._add_meeting(head, entry)
                else:
                    self._add_holiday(head, *entry)
            if not rows:
                empty = QTreeWidgetItem(head)
                empty.setText(Column.GROUP, _("No meetings"))
                empty.setForeground(Column.GROUP, self.palette().placeholderText())
            head.setExpanded(True)

    def _add_holiday(self, parent: QTreeWidgetItem, day: date, name: str) -> None:
        item = QTreeWidgetItem(parent)
        item.setText(Column.DAY, format_short_day(day))
        item.setText(Column.NOTE, _("Public holiday: {name}").format(name=name))
        font = QFont(self.tree.font())
        font.setItalic(True)
        for column in (Column.DAY, Column.NOTE):
            item.setFont(column, font)
            item.setForeground(column, self.palette().placeholderText())

    def _add_meeting(self, parent: QTreeWidgetItem, meeting: GroupMeeting) -> None:
        item = QTreeWidgetItem(parent)
        item.setData(Column.DAY, _MEETING_ROLE, meeting)
        item.setText(Column.DAY, format_short_day(meeting.meeting.start))
        item.setText(Column.TIME, time_span(meeting))
        item.setText(Column.GROUP, meeting.group.name)
        number = self._numbers.get((meeting.meeting.schedule_id, meeting.meeting.original_date))
        item.setText(Column.NOTE, " · ".join(state_notes(meeting, number)))
        font = QFont(self.tree.font())
        font.setBold(meeting.with_initiator)
        font.setStrikeOut(not meeting.takes_place)
        for column in (Column.DAY, Column.TIME, Column.GROUP):
            item.setFont(column, font)
        if not meeting.takes_place:
            for column in range(Column.ACTION):
                item.setForeground(column, self.palette().placeholderText())
        if meeting.holiday_clash:
            self.tree.setItemWidget(item, Column.ACTION, self._clash_buttons(meeting))

    def _clash_buttons(self, meeting: GroupMeeting) -> QWidget:
        holder = QWidget(self.tree)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        cancel = QPushButton(_("Cancel meeting"), holder)
        move = QPushButton(_("Move…"), holder)
        cancel.setAccessibleName(_("Cancel the meeting on the public holiday"))
        cancel.clicked.connect(lambda: self._actions.cancel(meeting))
        move.clicked.connect(lambda: self._actions.move(meeting, self))
        row.addWidget(cancel)
        row.addWidget(move)
        return holder

    def meetings_shown(self) -> list[GroupMeeting]:
        """The meetings in the list, top to bottom (for tests and screen readers)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                meeting = head.child(j).data(Column.DAY, _MEETING_ROLE)
                if isinstance(meeting, GroupMeeting):
                    found.append(meeting)
        return found

    # handlers ---------------------------------------------------------------------------
    def _on_only_mine_toggled(self, _checked: bool) -> None:
        self._fill()

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        meeting = item.data(Column.DAY, _MEETING_ROLE)
        if isinstance(meeting, GroupMeeting):
            self.group_chosen.emit(meeting.group.id)

    def _on_tree_context_menu_requested(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        meeting = item.data(Column.DAY, _MEETING_ROLE) if item else None
        if not isinstance(meeting, GroupMeeting):
            return
        menu = meeting_menu(meeting, self._actions, self)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Upcoming meetings"))
        self.intro.setText(_("The next eight weeks for all groups. Meetings you attend as "
                             "the initiator are in bold. Right-click a meeting to cancel or "
                             "move it."))
        self.only_mine.setText(_("Only meetings with me"))
        self.tree.setHeaderLabels([_("Day"), _("Time"), _("Group"), _("Note"), ""])
        if self._weeks:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def meeting_menu(meeting: GroupMeeting, actions: MeetingActions, parent: QWidget) -> QMenu:
    """Cancel, move or undo one meeting; shared by the upcoming and the month view."""
    menu = QMenu(parent)
    series_date = not meeting.meeting.added
    if meeting.state is MeetingState.CANCELLED or meeting.meeting.moved:
        menu.addAction(_("Undo the change"), lambda: actions.restore(meeting))
    if meeting.meeting.added:
        menu.addAction(_("Remove the extra meeting"), lambda: actions.restore(meeting))
    if series_date and meeting.takes_place:
        menu.addAction(_("Cancel meeting"), lambda: actions.cancel(meeting))
    if series_date:
        menu.addAction(_("Move…"), lambda: actions.move(meeting, parent))
    return menu
