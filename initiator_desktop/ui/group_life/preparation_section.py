"""The initiator's preparation checklist before the first meeting."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from initiator_desktop.core.preparation import (
    PREPARATION_ITEMS,
    calls,
    load_preparation,
    tick_preparation,
)
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.group_life.checklist_box import ChecklistBox
from initiator_desktop.ui.group_life.labels import preparation_label
from initiator_desktop.ui.group_life.section_base import LifeSection, PanelContext
from initiator_desktop.ui.style import SPACING, hint_label


class PreparationSection(LifeSection):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.hint = hint_label(parent=self)
        self.checklist = ChecklistBox(PREPARATION_ITEMS, preparation_label, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.hint)
        layout.addWidget(self.checklist)
        layout.addWidget(self.message)
        self.checklist.item_toggled.connect(self._on_checklist_item_toggled)
        self.retranslate()

    def refresh(self) -> None:
        found = calls(self.repo.contacts(self._group_id))
        notes = {}
        if found.total:
            notes["calls"] = ngettext("{called} of {count} called", "{called} of {count} called",
                                      found.total).format(called=found.called, count=found.total)
        self.checklist.show_checklist(load_preparation(self.repo, self._group_id).checklist,
                                      notes)

    def _on_checklist_item_toggled(self, item: str, done: bool) -> None:
        self.attempt(lambda: tick_preparation(self.repo, self._group_id, item, done))
        self.refresh()

    def retranslate(self) -> None:
        self.hint.setText(_("For you, before the first meeting. Calling each person first makes "
                            "them feel safer, and more of them come."))
        self.checklist.retranslate()
        if self._group_id:
            self.refresh()
