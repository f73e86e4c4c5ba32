"""Editing a group's run sheets (first meeting, later meetings): steps, wording, minutes.

Untouched wording stays the standard text in whatever language the app speaks; what the
initiator types is kept as typed. "Use the standard sheet" goes back to the default.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.run_sheets import (
    MAX_STEP_MINUTES,
    MAX_STEP_TITLE,
    MAX_STEPS,
    RunSheet,
    RunStep,
    SheetKind,
    StepKind,
    default_sheet,
    edited_step,
    load_run_sheet,
    own_step,
    save_run_sheet,
)
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.meeting.meeting_texts import step_guidance, step_kind_label, step_title
from initiator_desktop.ui.meeting.run_sheet_panel import RunSheetModel
from initiator_desktop.ui.style import SPACING, ErrorLabel, hint_label


class RunSheetEditorDialog(QDialog):
    """Edits both of a group's sheets; Save stores the ones that changed."""

    def __init__(self, repo: VaultRepository, group_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo, self._group_id = repo, group_id
        self._steps = {kind: list(load_run_sheet(repo, group_id, kind).steps)
                       for kind in SheetKind}
        self._stored = {kind: tuple(steps) for kind, steps in self._steps.items()}
        self._kind = SheetKind.FIRST
        self._loading = False
        self.sheet_choice = QComboBox(self)
        self.model = RunSheetModel([], self)
        self.steps_view = QListView(self)
        self.steps_view.setModel(self.model)
        self.total = hint_label(parent=self)
        self._build_fields()
        self._build_buttons()
        self._lay_out()
        self._connect()
        self.retranslate()
        self._show_kind(SheetKind.FIRST)

    def _build_fields(self) -> None:
        self.title_label, self.title = QLabel(self), QLineEdit(self)
        self.title.setMaxLength(MAX_STEP_TITLE)
        self.guidance_label, self.guidance = QLabel(self), QPlainTextEdit(self)
        self.guidance.setTabChangesFocus(True)
        self.minutes_label, self.minutes = QLabel(self), QSpinBox(self)
        self.minutes.setRange(0, MAX_STEP_MINUTES)
        self.kind_label, self.kind = QLabel(self), QComboBox(self)
        for kind in StepKind:
            self.kind.addItem("", kind.value)
        for label, field in ((self.title_label, self.title), (self.guidance_label, self.guidance),
                             (self.minutes_label, self.minutes), (self.kind_label, self.kind)):
            label.setBuddy(field)
        self.error = ErrorLabel(self)

    def _build_buttons(self) -> None:
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.reset_button = QPushButton(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)

    def _lay_out(self) -> None:
        moves = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            moves.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.sheet_choice)
        left.addWidget(self.steps_view, 1)
        left.addLayout(moves)
        left.addWidget(self.total)
        form = QFormLayout()
        form.addRow(self.title_label, self.title)
        form.addRow(self.guidance_label, self.guidance)
        form.addRow(self.minutes_label, self.minutes)
        form.addRow(self.kind_label, self.kind)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.error)
        right.addWidget(self.reset_button)
        row = QHBoxLayout()
        row.setSpacing(SPACING * 2)
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(self.buttons)
        self.resize(880, 520)

    def _connect(self) -> None:
        self.sheet_choice.currentIndexChanged.connect(self._on_sheet_choice_changed)
        self.steps_view.selectionModel().currentRowChanged.connect(self._on_steps_row_changed)
        for field in (self.title.textEdited, self.guidance.textChanged,
                      self.minutes.valueChanged, self.kind.currentIndexChanged):
            field.connect(self._on_field_edited)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # the list ----------------------------------------------------------------------------
    def steps(self, kind: SheetKind | None = None) -> list[RunStep]:
        return list(self._steps[kind or self._kind])

    def _show_kind(self, kind: SheetKind, row: int = 0) -> None:
        self._kind = kind
        self.model = RunSheetModel(self._steps[kind], self)
        self.steps_view.setModel(self.model)
        self.steps_view.selectionModel().currentRowChanged.connect(self._on_steps_row_changed)
        self._select(row)

    def _select(self, row: int) -> None:
        steps = self._steps[self._kind]
        row = max(0, min(row, len(steps) - 1))
        self.steps_view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._load_fields(row)

    def current_row(self) -> int:
        index = self.steps_view.selectionModel().currentIndex()
        return index.row() if index.isValid() else 0

    def _on_sheet_choice_changed(self, index: int) -> None:
        self._show_kind(SheetKind(self.sheet_choice.itemData(index)))

    def _on_steps_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_fields(current.row())

    def _load_fields(self, row: int) -> None:
        step = self._steps[self._kind][row]
        self._loading = True
        try:
            self.title.setText(step_title(step))
            self.guidance.setPlainText(step_guidance(step))
            self.minutes.setValue(step.minutes)
            self.kind.setCurrentIndex(self.kind.findData(step.kind.value))
            # A standard step keeps its purpose (the timer, the ticks); one's own may change.
            self.kind.setEnabled(not step.key)
        finally:
            self._loading = False
        self.error.clear_message()
        self._update_buttons()

    # editing -----------------------------------------------------------------------------
    def _on_field_edited(self, *_args: object) -> None:
        if self._loading:
            return
        steps, row = self._steps[self._kind], self.current_row()
        try:
            step = edited_step(steps[row], title=self.title.text(),
                               guidance=self.guidance.toPlainText(),
                               minutes=self.minutes.value(), translate=_)
            if not step.key:
                step = replace(step, kind=StepKind(self.kind.currentData()))
        except DomainError as err:
            self.error.show_message(error_text(err))
            return
        self.error.clear_message()
        steps[row] = step
        self.model.retranslate()
        self._update_buttons()

    def _on_add_button_clicked(self) -> None:
        steps = self._steps[self._kind]
        row = self.current_row() + 1
        steps.insert(row, own_step(_("New step")))
        self._show_kind(self._kind, row)
        self.title.setFocus()
        self.title.selectAll()

    def _on_remove_button_clicked(self) -> None:
        steps = self._steps[self._kind]
        if len(steps) > 1:
            row = self.current_row()
            del steps[row]
            self._show_kind(self._kind, row)

    def _move(self, offset: int) -> None:
        steps, row = self._steps[self._kind], self.current_row()
        target = row + offset
        if 0 <= target < len(steps):
            steps[row], steps[target] = steps[target], steps[row]
            self._show_kind(self._kind, target)

    def _on_reset_button_clicked(self) -> None:
        self._steps[self._kind] = list(default_sheet(self._kind).steps)
        self._show_kind(self._kind)

    def _update_buttons(self) -> None:
        steps, row = self._steps[self._kind], self.current_row()
        self.add_button.setEnabled(len(steps) < MAX_STEPS)
        self.remove_button.setEnabled(len(steps) > 1)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(steps) - 1)
        total = sum(step.minutes for step in steps)
        self.total.setText(ngettext("In all: {count} minute", "In all: {count} minutes",
                                    total).format(count=total))

    def _on_buttons_accepted(self) -> None:
        try:
            for kind, steps in self._steps.items():
                if tuple(steps) != self._stored[kind]:
                    save_run_sheet(self._repo, self._group_id, RunSheet(kind, tuple(steps)))
        except DomainError as err:
            self.error.show_message(error_text(err))
            return
        except VaultError as err:
            self.error.show_message(_(err.message))
            return
        self.accept()

    # texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(_("Run sheets"))
        self.sheet_choice.blockSignals(True)
        self.sheet_choice.clear()
        self.sheet_choice.addItem(_("The first meeting"), SheetKind.FIRST.value)
        self.sheet_choice.addItem(_("Later meetings"), SheetKind.LATER.value)
        self.sheet_choice.setCurrentIndex(self.sheet_choice.findData(self._kind.value))
        self.sheet_choice.blockSignals(False)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, step_kind_label(StepKind(self.kind.itemData(index))))
        self.title_label.setText(_("&Title"))
        self.guidance_label.setText(_("&Guidance for you"))
        self.minutes_label.setText(_("&Minutes"))
        self.kind_label.setText(_("&Kind of step"))
        self.add_button.setText(_("&Add step"))
        self.remove_button.setText(_("&Remove"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move &down"))
        self.reset_button.setText(_("Use the &standard run sheet"))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        save.setText(_("Save"))
        cancel.setText(_("Cancel"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._steps[self._kind]:
                self._load_fields(self.current_row())
        super().changeEvent(event)
