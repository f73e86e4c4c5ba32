"""The "Frames" section: the group's ground rules in order, each editable per card language.

Frames come from the library (with their original wording one click away), from a frame
profile, or are the group's own. With a vault, the section also shows the group's
agreements on its frames (``ui/frames/agreement_panel.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

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

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import default_frames, preset_for
from initiator_desktop.core.frame_profiles import Applied, ApplyMode
from initiator_desktop.core.models import (
    LANGUAGES,
    MAX_TITLE,
    FrameItem,
    FrameKind,
    Tradition,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.frames.agreement_panel import FrameAgreementPanel
from initiator_desktop.ui.frames.library_picker_dialog import LibraryPickerDialog
from initiator_desktop.ui.frames.profile_actions import FrameProfileActions
from initiator_desktop.ui.groups.frame_table_model import (
    KIND_COLUMN,
    TITLE_COLUMN,
    FrameDraft,
    FrameTableModel,
    has_original_wording,
    library_wording,
)
from initiator_desktop.ui.groups.labels import frame_kind_label
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SPACING, button_column, hint_label

_BODY_LINES = 4


class FrameListEditor(QWidget):
    """Add, remove, reorder and word the frames; ``build`` raises ``DomainError``."""

    edited = Signal()

    def __init__(self, tradition: Callable[[], Tradition], parent: QWidget | None = None,
                 repo: VaultRepository | None = None,
                 clock: Callable[[], datetime] = oslo_now) -> None:
        super().__init__(parent)
        self._tradition = tradition
        self._loaded: tuple[FrameItem, ...] = ()
        self.library_dialog: LibraryPickerDialog | None = None
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
        self.library_button = QPushButton(self)
        self.up_button, self.down_button = QPushButton(self), QPushButton(self)
        self.kind_label, self.kind = QLabel(self), QComboBox(self)
        self.title_label, self.title = QLabel(self), QLineEdit(self)
        self.title.setMaxLength(MAX_TITLE)
        self.body_label, self.body = QLabel(self), QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(self.body.fontMetrics().lineSpacing() * _BODY_LINES + 14)
        self.origin_note = hint_label(parent=self)
        self.reset_button = QPushButton(self)
        self.note = hint_label(parent=self)
        self.profiles = FrameProfileActions(repo, self, self) if repo is not None else None
        self.agreement = (FrameAgreementPanel(repo, clock, self.has_unsaved_edits,
                                              self.card_language, self)
                          if repo is not None else None)
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
        if self.profiles is not None:
            top.addWidget(self.profiles.button)
        top.addWidget(self.defaults_button)
        side = button_column((self.add_button, self.library_button, self.remove_button),
                             (self.up_button, self.down_button))
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
        # The note above the button, not beside it: a wrapped label in a row of a form
        # gets too little height and is cut off.
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_button)
        reset_row.addStretch(1)
        self.reset_button.setAutoDefault(False)
        origin = QVBoxLayout()
        origin.setSpacing(6)
        origin.addWidget(self.origin_note)
        origin.addLayout(reset_row)
        self.origin_label = QLabel(self)
        form.addRow(self.origin_label, origin)
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
        layout.addWidget(self.note)
        layout.addLayout(form)
        if self.agreement is not None:
            layout.addWidget(self.agreement)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.language.activated.connect(self._on_language_activated)
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.library_button.clicked.connect(self._on_library_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
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
        self.note.clear()
        self._select_row(min(max(select, 0), len(items) - 1))
        if all(isinstance(item, FrameItem) for item in items):
            # Finished items come from the vault; drafts (put back over a lock) do not.
            self._loaded = tuple(item for item in items if isinstance(item, FrameItem))

    def show_records(self, group_id: str | None) -> None:
        """Show the agreements of the stored group ``group_id`` (None: a new group)."""
        if self.agreement is not None:
            self.agreement.show_group(group_id)

    def has_unsaved_edits(self) -> bool:
        """Whether the list differs from the frames last loaded from the vault."""
        try:
            return tuple(draft.to_item() for draft in self.model.drafts()) != self._loaded
        except DomainError:
            return True

    def last_focus_widget(self) -> QWidget:
        """The section's last field in tab order, for the page's Save and Revert after it."""
        if self.agreement is not None:
            return self.agreement.history_button
        return self.reset_button

    def present(self) -> tuple[set[str], set[str]]:
        """Library keys and titles (any language) in the list, for adding a profile."""
        keys, titles = set(), set()
        for draft in self.model.drafts():
            if draft.source_key:
                keys.add(draft.source_key)
            titles |= {title.strip() for title, _body in draft.texts.values() if title.strip()}
        return keys, titles

    def put_applied(self, applied: Applied) -> None:
        """Put a profile's frames into the list: instead of it, or at its end."""
        drafts = [FrameDraft.from_item(item) for item in applied.items]
        if applied.mode is ApplyMode.REPLACE:
            self.model.set_items(drafts)
            self._select_row(0)
        else:
            for draft in drafts:
                self.model.insert(self.model.rowCount(), draft)
            if drafts:
                self._select_row(self.model.rowCount() - len(drafts))
        if drafts or applied.mode is ApplyMode.REPLACE:
            self.edited.emit()

    def say(self, text: str) -> None:
        """A short note under the list (cleared when the list is loaded again)."""
        self.note.setText(text)

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
        self._update_origin(row)
        self._update_buttons()

    def _update_origin(self, row: int) -> None:
        state = has_original_wording(self.model.draft(row)) if row >= 0 else None
        self.reset_button.setVisible(state is not None)
        self.reset_button.setEnabled(state is False)
        if row < 0:
            self.origin_note.setText("")
        elif state is None:
            self.origin_note.setText(_("The group's own frame."))
        elif state:
            self.origin_note.setText(_("From the frame library, in its original wording."))
        else:
            self.origin_note.setText(_("From the frame library, in the group's own wording."))

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

    def _on_library_button_clicked(self) -> None:
        keys, _titles = self.present()
        dialog = LibraryPickerDialog(self.card_language(), keys, self)
        dialog.accepted.connect(lambda: self._add_from_library(dialog.chosen_keys()))
        self.library_dialog = dialog
        dialog.open()

    def _add_from_library(self, keys: Sequence[str]) -> None:
        drafts = [d for d in (library_wording(key) for key in keys) if d is not None]
        if not drafts:
            return
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        for offset, draft in enumerate(drafts):
            self.model.insert(row + offset, draft)
        self._select_row(row)
        self.edited.emit()

    def _on_reset_button_clicked(self) -> None:
        row = self.current_row()
        original = library_wording(self.model.draft(row).source_key) if row >= 0 else None
        if original is None:
            return
        self.model.reset_wording(row, original.kind, original.texts)
        self._show_draft(row)
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
            self._update_origin(row)
            self.edited.emit()

    def _on_text_edited(self, *_args: object) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.update_text(
                row, self.card_language(), self.title.text(), self.body.toPlainText()
            )
            self.errors.clear()
            self._update_origin(row)
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
        self.add_button.setText(_("New frame"))
        self.add_button.setToolTip(_("Add a frame of the group's own, written from scratch"))
        self.library_button.setText(_("From the library…"))
        self.library_button.setToolTip(_("Add frames from the app's frame library"))
        self.remove_button.setText(_("Remove"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.kind_label.setText(_("Kind"))
        self.title_label.setText(_("Title"))
        self.body_label.setText(_("Explanation"))
        self.origin_label.setText(_("Wording"))
        self.reset_button.setText(_("Reset to the original wording"))
        self.reset_button.setToolTip(
            _("Put back the library's wording of this frame, in every language."))
        self._update_origin(self.current_row())
        if self.profiles is not None:
            self.profiles.retranslate()
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
