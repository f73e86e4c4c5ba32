"""Handover: "meeting 2 of 3 with you", the handover checklist, handing the group over
(which deletes the contact list, and says so) and the printed handover pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from initiator_desktop.core.handover import (
    HANDOVER_ITEMS,
    HandoverProgress,
    StatusChanged,
    hand_over,
    handover_progress,
    load_handover_checklist,
    tick_handover,
)
from initiator_desktop.core.models import GroupStatus
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.i18n.formatting import format_day
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.group_life.checklist_box import ChecklistBox
from initiator_desktop.ui.group_life.labels import day_text, handover_label
from initiator_desktop.ui.group_life.section_base import (
    LifeSection,
    PanelContext,
    date_edit,
    day_of,
    set_day,
)
from initiator_desktop.ui.style import SPACING, heading_label, hint_label

PrintPack = Callable[[QWidget, VaultRepository, str], object]
WITH_INITIATOR = (GroupStatus.PLANNED, GroupStatus.STARTING)


def progress_text(progress: HandoverProgress) -> str:
    """E.g. "Meeting 2 of 3 with you: Tuesday 10 March 2026"."""
    if progress.status is GroupStatus.ENDED:
        return _("The group has ended.")
    if progress.status is GroupStatus.SELF_RUNNING:
        if progress.handed_over_on is None:
            return _("The group runs by itself.")
        return _("Handed over on {day}. The group runs by itself.").format(
            day=day_text(progress.handed_over_on))
    if progress.next_date is not None:
        return _("Meeting {number} of {count} with you: {day}").format(
            number=progress.next_number, count=progress.total,
            day=format_day(progress.next_date))
    if progress.all_held:
        return ngettext("Your meeting with the group has been held.",
                        "All {count} meetings with you have been held.",
                        len(progress.meetings)).format(count=len(progress.meetings))
    return ngettext("Plan the meeting times first: you stay for the first meeting.",
                    "Plan the meeting times first: you stay for the first {count} meetings.",
                    progress.total).format(count=progress.total)


class HandoverSection(LifeSection):
    def __init__(self, context: PanelContext, print_pack: PrintPack,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._print_pack = print_pack
        self._result = ""
        self.progress = heading_label(parent=self, scale=1.1)
        self.checklist_label = QLabel(self)
        self.checklist = ChecklistBox(HANDOVER_ITEMS, handover_label, self)
        self.on_label = QLabel(self)
        self.on_date = date_edit(self)
        self.hand_over_button = QPushButton(self)
        self.hint = hint_label(parent=self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.pack_button = QPushButton(self)
        self.pack_hint = hint_label(parent=self)
        self._build_layout()
        self.checklist.item_toggled.connect(self._on_checklist_item_toggled)
        self.hand_over_button.clicked.connect(self._on_hand_over_button_clicked)
        self.pack_button.clicked.connect(self._on_pack_button_clicked)
        self.retranslate()

    def _build_layout(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(SPACING // 2)
        row.addWidget(self.on_label)
        row.addWidget(self.on_date)
        row.addWidget(self.hand_over_button)
        row.addStretch(1)
        pack_row = QHBoxLayout()
        pack_row.addWidget(self.pack_button)
        pack_row.addWidget(self.pack_hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.progress)
        layout.addWidget(self.checklist_label)
        layout.addWidget(self.checklist)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addLayout(pack_row)

    def load(self, group_id: str) -> None:
        if group_id != self._group_id:
            self._result = ""
        super().load(group_id)

    def refresh(self) -> None:
        progress = handover_progress(self.repo, self._group_id, self._context.clock(),
                                     current_language())
        self.progress.setText(progress_text(progress))
        checklist = load_handover_checklist(self.repo, self._group_id)
        self.checklist.show_checklist(checklist)
        starting = progress.status in WITH_INITIATOR
        self.checklist_label.setText(_("Before you hand over:") if starting
                                     else _("Checked before the handover:"))
        self.checklist.set_editable(starting)
        for widget in (self.on_label, self.on_date, self.hand_over_button, self.hint):
            widget.setVisible(starting)
        self.hand_over_button.setEnabled(starting and checklist.complete)
        set_day(self.on_date, self._context.today())
        self.result.setText(self._result)
        self.result.setVisible(bool(self._result))
        self.pack_button.setEnabled(progress.status is not GroupStatus.ENDED)

    def _on_checklist_item_toggled(self, item: str, done: bool) -> None:
        self.attempt(lambda: tick_handover(self.repo, self._group_id, item, done))
        self.refresh()

    def _on_hand_over_button_clicked(self) -> None:
        day = day_of(self.on_date)
        if not message_boxes.confirm(
                self, _("Hand over the group"),
                _("Hand the group over on {day}? It then runs by itself, and its contact list "
                  "is deleted for good, also from the app's automatic backups. Backups you "
                  "saved yourself elsewhere are not changed.").format(day=day_text(day)),
                _("Hand over")):
            return
        done = self.attempt(lambda: hand_over(self.repo, self._group_id, day,
                                              self._context.purge))
        if done is None:
            return
        self._result = self._result_text(done, day)
        self.changed.emit()
        self.status_changed.emit(self._group_id)

    @staticmethod
    def _result_text(done: StatusChanged, day: date) -> str:
        text = _("The group was handed over on {day}.").format(day=day_text(day))
        if done.contacts_deleted:
            return text + " " + ngettext(
                "The contact list ({count} person) was deleted.",
                "The contact list ({count} people) was deleted.",
                done.contacts_deleted).format(count=done.contacts_deleted)
        return text + " " + _("There was no contact list to delete.")

    def _on_pack_button_clicked(self) -> None:
        self._print_pack(self, self.repo, self._group_id)

    def retranslate(self) -> None:
        self.checklist.retranslate()
        self.on_label.setText(_("Hand over on"))
        self.hand_over_button.setText(_("Hand over the group…"))
        self.hint.setText(_("The group then runs by itself. Its contact list is deleted "
                            "automatically at the same time."))
        self.pack_button.setText(_("Print the handover pack…"))
        self.pack_hint.setText(_("For the group: its frames, principles, meeting times, the "
                                 "absence routine and the follow-up. No names."))
        if self._group_id:
            self.refresh()
