"""The "Frames" section: the group's ground rules in order, each editable per card language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import default_frames, preset_for
from initiator_desktop.core.models import (
    LANGUAGES,
    MAX_TITLE,
    FrameItem,
    FrameKind,
    Tradition,
)
from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.groups.frame_table_model import (
    KIND_COLUMN,
    TITLE_COLUMN,
    FrameDraft,
    FrameTableModel,
)
from initiator_desktop.ui.groups.labels import frame_kind_label
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SPACING, hint_label

_BODY_LINES = 4


class FrameListEditor(QWidget):
    """Add, remove, reorder and word the frames; ``build`` raises ``DomainError``."""

    edited = Signal()

    def __init__(self, tradition: Callable[[], Tradition], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tradition = tradition
        self.errors = FieldErrors(self)
        self.model = FrameTableModel(self)
        self.intro = hint_label(parent=self)
        self.language_label, self.language = QLabel(self), QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.defaults_button = QPushButton(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._set_up_table()
        self.add_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.kind_label, self.kind = QLabel(self), QComboBox(self)
        self.title_label, self.title = QLabel(self), QLineEdit(self)
        self.title.setMaxLength(MAX_TITLE)
        self.body_label, self.body = QLabel(self), QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(self.body.fontMetrics().lineSpacing() * _BODY_LINES + 14)
        self._build_layout()
        self._select_language(current_language())
        self._connect()
        self.retranslate()
        self._update_buttons()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setMinimumHeight(220)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KIND_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.defaults_button)
        side = QVBoxLayout()
        side.setSpacing(8)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(SPACING)
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        form = self.form = QFormLayout()
        form.setHorizontalSpacing(SPACING + 4)
        form.setVerticalSpacing(SPACING)
        form.addRow(self.kind_label, self.errors.column("kind", self.kind))
        form.addRow(self.title_label, self.errors.column("title", self.title))
        form.addRow(self.body_label, self.errors.column("body", self.body))
        self.errors.alias("texts", "title")
        self.kind.setMaximumWidth(CHOICE_FIELD_WIDTH)
        for label, field in ((self.language_label, self.language), (self.kind_label, self.kind),
                             (self.title_label, self.title), (self.body_label, self.body)):
            label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(form)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.language.activated.connect(self._on_language_activated)
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.kind.activated.connect(self._on_kind_activated)
        self.title.textEdited.connect(self._on_text_edited)
        self.body.textChanged.connect(self._on_text_edited)

    # values -----------------------------------------------------------------------------
    def load(self, items: Sequence[FrameItem | FrameDraft], select: int = 0) -> None:
        self.model.set_items(items)
        self.errors.clear()
        self._select_row(min(max(select, 0), len(items) - 1))

    def build(self) -> tuple[FrameItem, ...]:
        """Finished frames in order; on a bad one, select it and raise its ``DomainError``."""
        items = []
        for row, draft in enumerate(self.model.drafts()):
            try:
                items.append(draft.to_item())
            except DomainError:
                self._select_row(row)
                raise
        return tuple(items)

    def show_error(self, err: DomainError) -> QWidget | None:
        return self.errors.show(err.field, error_text(err))

    def card_language(self) -> str:
        return str(self.language.currentData())

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _select_language(self, code: str) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.model.set_language(self.card_language())

    def _select_row(self, row: int) -> None:
        selection = self.table.selectionModel()
        if row < 0 or row >= self.model.rowCount():
            selection.clear()
            self._show_draft(-1)
            return
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        selection.setCurrentIndex(self.model.index(row, TITLE_COLUMN), flags)
        self._show_draft(row)

    def _show_draft(self, row: int) -> None:
        """Fill the fields below the list from the frame in ``row`` (-1: none)."""
        has = row >= 0
        for widget in (self.kind, self.title, self.body):
            widget.setEnabled(has)
        self.errors.clear()
        draft = self.model.draft(row) if has else FrameDraft()
        title, body = draft.text(self.card_language())
        for widget in (self.kind, self.title, self.body):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.title.setText(title)
        self.title.setPlaceholderText(draft.fallback_title(self.card_language()) if has else "")
        self.body.setPlainText(body)
        for widget in (self.kind, self.title, self.body):
            widget.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    # handlers ---------------------------------------------------------------------------
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_draft(current.row() if current.isValid() else -1)

    def _on_language_activated(self, _index: int) -> None:
        self.model.set_language(self.card_language())
        self._show_draft(self.current_row())

    def _on_defaults_button_clicked(self) -> None:
        if self.model.rowCount() and not message_boxes.confirm(
            self,
            _("Start from the defaults"),
            _("Replace the frames in this list with the suggested frames? "
              "Changes you made to the list are lost."),
            _("Replace"),
        ):
            return
        self.model.set_items(default_frames(preset_for(self._tradition())))
        self._select_row(0)
        self.edited.emit()

    def _on_add_button_clicked(self) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self.model.insert(row, FrameDraft(kind=FrameKind.CUSTOM))
        self._select_row(row)
        self.title.setFocus()
        self.edited.emit()

    def _on_remove_button_clicked(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        self._select_row(min(row, self.model.rowCount() - 1))
        self.edited.emit()

    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    def _on_down_button_clicked(self) -> None:
        self._move(+1)

    def _move(self, offset: int) -> None:
        row = self.current_row()
        target = self.model.move(row, offset)
        if target != row:
            self._select_row(target)
            self.edited.emit()

    def _on_kind_activated(self, _index: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update_kind(row, FrameKind(self.kind.currentData()))
            self.edited.emit()

    def _on_text_edited(self, *_args: object) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update_text(
                row, self.card_language(), self.title.text(), self.body.toPlainText()
            )
            self.errors.clear()
            self.edited.emit()

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(
            _("The frames are the ground rules the group agrees on at the start. "
              "Write them in the language of the printed cards.")
        )
        self.language_label.setText(_("Card language"))
        self.defaults_button.setText(_("Start from the defaults"))
        self.defaults_button.setToolTip(
            _("Fill the list with suggested frames for this group's way of working.")
        )
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.kind_label.setText(_("Kind"))
        self.title_label.setText(_("Title"))
        self.body_label.setText(_("Explanation"))
        current = self.kind.currentData() or FrameKind.CUSTOM
        self.kind.clear()
        for kind in FrameKind:
            self.kind.addItem(frame_kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
