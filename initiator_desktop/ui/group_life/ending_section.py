"""Ending a group (a date and a reason) and restarting a closed group that takes in new
members as a new group; the links between the old and the new group, both ways."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.group_life import EndReason
from initiator_desktop.core.handover import end_group, group_links, restart_group
from initiator_desktop.core.models import GroupStatus
from initiator_desktop.i18n import _
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.group_life.labels import day_text, end_reason_label
from initiator_desktop.ui.group_life.section_base import (
    LifeSection,
    PanelContext,
    date_edit,
    day_of,
    set_day,
)
from initiator_desktop.ui.style import SPACING, hint_label

# "Went on as a new group" is what a restart records; it is not chosen by hand.
CHOOSABLE = tuple(r for r in EndReason if r is not EndReason.RESTARTED)


class EndingSection(LifeSection):
    group_restarted = Signal(str)  # the new group's id

    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.links = QLabel(self)
        self.links.setWordWrap(True)
        self.end_label, self.end_date = QLabel(self), date_edit(self)
        self.reason = QComboBox(self)
        self.end_button = QPushButton(self)
        self.restart_label, self.restart_date = QLabel(self), date_edit(self)
        self.restart_button = QPushButton(self)
        self.restart_hint = hint_label(parent=self)
        self._build_layout()
        self.end_button.clicked.connect(self._on_end_button_clicked)
        self.restart_button.clicked.connect(self._on_restart_button_clicked)
        self.retranslate()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING // 2)
        grid.setVerticalSpacing(SPACING)
        grid.addWidget(self.end_label, 0, 0)
        grid.addWidget(self.end_date, 0, 1)
        grid.addWidget(self.reason, 0, 2)
        grid.addWidget(self.end_button, 0, 3)
        grid.addWidget(self.restart_label, 1, 0)
        grid.addWidget(self.restart_date, 1, 1)
        grid.addWidget(self.restart_button, 1, 2)
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.links)
        layout.addLayout(grid)
        layout.addWidget(self.restart_hint)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        group = self.repo.group(self._group_id)
        ended = group is None or group.status is GroupStatus.ENDED
        self.links.setText(self._links_text())
        self.links.setVisible(bool(self.links.text()))
        for widget in (self.end_label, self.end_date, self.reason, self.end_button,
                       self.restart_label, self.restart_date, self.restart_button,
                       self.restart_hint):
            widget.setVisible(not ended)
        closed = group is not None and not group.is_open
        self.restart_button.setEnabled(closed)
        self.restart_hint.setText(
            _("For a closed group that takes in new members: it goes on as a new group with "
              "the same frames, place and meeting times from that day. The history so far "
              "stays with this group.") if closed else
            _("An open group takes in new members without starting again."))
        set_day(self.end_date, self._context.today())
        set_day(self.restart_date, self._context.today())

    def _name(self, group_id: str) -> str:
        other = self.repo.group(group_id)
        return other.name if other else _("a group that was deleted")

    def _links_text(self) -> str:
        links = group_links(self.repo, self._group_id)
        lines = []
        if links.restarted_from:
            other, day = links.restarted_from
            lines.append(_("This group continues “{name}” as a new group from {day}.").format(
                name=self._name(other), day=day_text(day)))
        if links.restarted_as:
            other, day = links.restarted_as
            lines.append(_("On {day} the group went on as a new group: “{name}”.").format(
                name=self._name(other), day=day_text(day)))
        elif links.ended:
            reason, day = links.ended
            lines.append(_("The group ended on {day}. Reason: {reason}.").format(
                day=day_text(day), reason=end_reason_label(reason)))
        return "\n".join(lines)

    def _on_end_button_clicked(self) -> None:
        day, reason = day_of(self.end_date), EndReason(self.reason.currentData())
        if not message_boxes.confirm(
                self, _("End the group"),
                _("End the group on {day}? Its history is kept; its contact list, if any, is "
                  "deleted.").format(day=day_text(day)), _("End the group")):
            return
        if self.attempt(lambda: end_group(self.repo, self._group_id, day, reason,
                                          self._context.purge)):
            self.changed.emit()
            self.status_changed.emit(self._group_id)

    def _on_restart_button_clicked(self) -> None:
        day = day_of(self.restart_date)
        if not message_boxes.confirm(
                self, _("Restart as a new group"),
                _("From {day} the group goes on as a new group with the same frames, place "
                  "and meeting times. This group ends that day and keeps its history.").format(
                    day=day_text(day)), _("Restart")):
            return
        done = self.attempt(lambda: restart_group(self.repo, self._group_id, day,
                                                  self._context.purge))
        if done is None or done.new_group is None:
            return
        self.changed.emit()
        self.status_changed.emit(self._group_id)
        self.group_restarted.emit(done.new_group.id)

    def retranslate(self) -> None:
        current = self.reason.currentData()
        self.reason.clear()
        for reason in CHOOSABLE:
            self.reason.addItem(end_reason_label(reason), reason.value)
        if current is not None:
            self.reason.setCurrentIndex(max(0, self.reason.findData(current)))
        self.end_label.setText(_("End on"))
        self.end_button.setText(_("End the group…"))
        self.restart_label.setText(_("Restart on"))
        self.restart_button.setText(_("Restart as a new group…"))
        if self._group_id:
            self.refresh()
