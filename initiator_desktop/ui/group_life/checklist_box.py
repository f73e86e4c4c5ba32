"""A checklist as a column of tick boxes with a "2 of 5 done" line; the labels come from
a function so they follow the UI language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from initiator_desktop.core.preparation import Checklist
from initiator_desktop.i18n import _


class ChecklistBox(QWidget):
    item_toggled = Signal(str, bool)

    def __init__(self, items: Sequence[str], label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.boxes = {item: QCheckBox(self) for item in items}
        self.progress = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for item, box in self.boxes.items():
            layout.addWidget(box)
            box.toggled.connect(lambda done, item=item: self.item_toggled.emit(item, done))
        layout.addWidget(self.progress)
        self.retranslate()

    def show_checklist(self, checklist: Checklist, notes: dict[str, str] | None = None) -> None:
        """Tick the boxes as stored (without emitting); ``notes`` add a few words to an item."""
        for item, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(checklist.is_done(item))
            box.blockSignals(False)
            note = (notes or {}).get(item, "")
            box.setText(self._label(item) + (f" ({note})" if note else ""))
        self.progress.setText(_("{done} of {count} done").format(done=checklist.done_count,
                                                                  count=checklist.total))

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)

    def retranslate(self) -> None:
        for item, box in self.boxes.items():
            box.setText(self._label(item))
