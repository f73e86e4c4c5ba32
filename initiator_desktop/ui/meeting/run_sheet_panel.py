"""The run sheet in meeting mode: the steps down the side, the current one large.

The step page shows the step's title, its guidance for the initiator and, on the frames
step, the frames with their ticks. Previous and next live in the window's bottom bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListView, QVBoxLayout, QWidget

from initiator_desktop.core.models import FrameText
from initiator_desktop.core.run_sheets import RunSheet, RunStep, StepKind
from initiator_desktop.i18n import _
from initiator_desktop.ui.meeting.frames_checklist import FramesChecklist
from initiator_desktop.ui.meeting.meeting_style import GAP, big_label, meeting_font, muted_label
from initiator_desktop.ui.meeting.meeting_texts import about_minutes, step_guidance, step_title

_Index = QModelIndex | QPersistentModelIndex


class RunSheetModel(QAbstractListModel):
    """The steps as numbered titles, in the UI language."""

    def __init__(self, steps: Sequence[RunStep], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _("{number}. {title}").format(number=index.row() + 1,
                                            title=step_title(self._steps[index.row()]))

    def retranslate(self) -> None:
        if self._steps:
            self.dataChanged.emit(self.index(0), self.index(len(self._steps) - 1))


class RunSheetPanel(QWidget):
    """``step_changed(row)`` when the current step changes, by a click or ``go_to``."""

    step_changed = Signal(int)

    def __init__(self, sheet: RunSheet, frames: Sequence[FrameText],
                 on_frames_agreed: Callable[[int], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.current = 0
        self.model = RunSheetModel(sheet.steps, self)
        self.steps_view = QListView(self)
        self.steps_view.setModel(self.model)
        self.steps_view.setWordWrap(True)
        self.steps_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_view.setSpacing(2)
        self.steps_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.steps_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps_view.setFont(meeting_font(0.95))
        self.steps_view.setMinimumWidth(260)
        self.steps_view.setMaximumWidth(340)
        self.card = QFrame(self)
        self.card.setObjectName("card")
        self.where = muted_label(self.card)
        self.title = big_label(self.card, 1.9, bold=True)
        self.guidance = big_label(self.card, 1.15)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.checklist = FramesChecklist(frames, on_frames_agreed, self.card)
        self.next_hint = muted_label(self.card)
        self.recovered_note = muted_label(self.card)
        self.recovered_note.setVisible(sheet.recovered)
        self._build_card()
        self.right = QVBoxLayout()
        self.right.setSpacing(GAP)
        self.right.addWidget(self.card, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(GAP)
        row.addWidget(self.steps_view)
        row.addLayout(self.right, 1)
        self.steps_view.selectionModel().currentRowChanged.connect(
            self._on_steps_current_row_changed)
        self.go_to(0)

    def _build_card(self) -> None:
        column = QVBoxLayout(self.card)
        column.setContentsMargins(GAP + 8, GAP, GAP + 8, GAP)
        column.setSpacing(GAP // 2 + 4)
        column.addWidget(self.recovered_note)
        column.addWidget(self.where)
        column.addWidget(self.title)
        column.addWidget(self.guidance)
        column.addWidget(self.checklist, 1)
        column.addStretch(1)
        column.addWidget(self.next_hint)
        self._card_column = column

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` (the round timer) under the step card."""
        self.right.addWidget(widget)

    # navigation ----------------------------------------------------------------------
    def step(self) -> RunStep:
        return self.sheet.steps[self.current]

    def is_first(self) -> bool:
        return self.current == 0

    def is_last(self) -> bool:
        return self.current == len(self.sheet.steps) - 1

    def go_to(self, row: int) -> None:
        row = max(0, min(row, len(self.sheet.steps) - 1))
        selection = self.steps_view.selectionModel()
        selection.setCurrentIndex(self.model.index(row),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show(row)

    def go_next(self) -> None:
        self.go_to(self.current + 1)

    def go_previous(self) -> None:
        self.go_to(self.current - 1)

    def _on_steps_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.current:
            self._show(current.row())

    def _show(self, row: int) -> None:
        changed = row != self.current
        self.current = row
        step = self.step()
        frames = step.kind is StepKind.FRAMES
        self.checklist.setVisible(frames)
        # The text sits high on an ordinary step; on the frames step the checklist takes
        # all the room there is.
        self._card_column.setStretch(self._card_column.count() - 2, 0 if frames else 1)
        self.next_hint.setVisible(not frames and not self.is_last())
        self.retranslate()
        if changed:
            self.step_changed.emit(row)

    def retranslate(self) -> None:
        step = self.step()
        self.model.retranslate()
        self.recovered_note.setText(_("The group's own run sheet could not be read, so the "
                                      "standard one is shown."))
        self.where.setText(_("Step {number} of {count} · {minutes}").format(
            number=self.current + 1, count=len(self.sheet.steps),
            minutes=about_minutes(step.minutes)))
        self.title.setText(step_title(step))
        self.guidance.setText(step_guidance(step))
        if not self.is_last():
            following = self.sheet.steps[self.current + 1]
            self.next_hint.setText(_("Next: {title} ({minutes})").format(
                title=step_title(following), minutes=about_minutes(following.minutes)))
        self.guidance.setVisible(bool(self.guidance.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
