"""The "Agreed" area under a group's frames: note the group's agreements, see the history.

Agreements are written at once (they are facts about a meeting, not page fields), through
``core.frame_agreement``. They refer to the saved frames, so while the frames have unsaved
edits the panel asks to save first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_agreement import (
    delete_agreement,
    frame_history,
    record_agreement,
)
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import format_date
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.frames.agreement_dialog import AgreementDialog
from initiator_desktop.ui.frames.agreement_table_model import (
    COUNT_COLUMN,
    DAY_COLUMN,
    WHAT_COLUMN,
    AgreementTableModel,
)
from initiator_desktop.ui.frames.history_dialog import FrameHistoryDialog
from initiator_desktop.ui.style import SPACING, ErrorLabel, hint_label

_VISIBLE_ROWS = 4


class FrameAgreementPanel(QWidget):
    """Shows and records one stored group's agreements; idle for a new, unsaved group."""

    recorded = Signal()

    def __init__(self, repo: VaultRepository, clock: Callable[[], datetime],
                 frames_edited: Callable[[], bool], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._clock = clock
        self._frames_edited = frames_edited
        self._language = language
        self._group_id: str | None = None
        self._agreements: list[FrameAgreement] = []
        self.agreement_dialog: AgreementDialog | None = None
        self.history_dialog: FrameHistoryDialog | None = None
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = hint_label(parent=self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.model = AgreementTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._set_up_table()
        self.frames_button, self.confidentiality_button = QPushButton(self), QPushButton(self)
        self.remove_button, self.history_button = QPushButton(self), QPushButton(self)
        self.message = ErrorLabel(self)
        self._build_layout()
        self._connect()
        self.retranslate()
        self.show_group(None)

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(WHAT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DAY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(header.sizeHint().height() + row * _VISIBLE_ROWS + 4)

    def _build_layout(self) -> None:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        agreed = QHBoxLayout()
        agreed.setSpacing(SPACING)
        side = QVBoxLayout()
        side.setSpacing(8)
        for button in (self.frames_button, self.confidentiality_button):
            button.setAutoDefault(False)
            agreed.addWidget(button)
        agreed.addStretch(1)
        for button in (self.remove_button, self.history_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(SPACING)
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(SPACING - 4)
        layout.addWidget(line)
        layout.addSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(agreed)
        layout.addLayout(middle)
        layout.addWidget(self.status)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.frames_button.clicked.connect(self._on_frames_button_clicked)
        self.confidentiality_button.clicked.connect(self._on_confidentiality_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.history_button.clicked.connect(self._on_history_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    # state ------------------------------------------------------------------------------
    def show_group(self, group_id: str | None) -> None:
        """Show a stored group's agreements, or (None) an idle panel for a new group."""
        self._group_id = group_id
        self.message.clear_message()
        self.refresh()

    def refresh(self) -> None:
        group_id = self._group_id
        self._agreements = self._repo.frame_agreements(group_id) if group_id else []
        self.model.set_agreements(self._agreements)
        self._update_status()
        self._update_buttons()

    def _update_status(self) -> None:
        if self._group_id is None:
            self.status.setText(_("Save the group first; then you can note its agreements."))
            return
        agreed = [a for a in self._agreements if a.kind is AgreementKind.FRAMES]
        if not agreed:
            self.status.setText(_("The group has not agreed on its frames yet."))
            return
        self.status.setText(
            _("The frames were last agreed on {day}. Changes you save to them are kept in "
              "the history.").format(day=format_date(agreed[-1].agreed_on)))

    def _update_buttons(self, *_args: object) -> None:
        stored = self._group_id is not None
        for button in (self.frames_button, self.confidentiality_button, self.history_button):
            button.setEnabled(stored)
        self.remove_button.setEnabled(stored and self.table.selectionModel().hasSelection())

    # recording --------------------------------------------------------------------------
    def ask_agreement(self, kind: AgreementKind) -> None:
        """Open the dialog for a new agreement (non-blocking); recorded when accepted."""
        self.message.clear_message()
        if self._group_id is None:
            return
        if kind is AgreementKind.FRAMES and self._frames_edited():
            self.message.show_message(_("Save the page first: the agreement is noted for the "
                                        "saved frames."))
            return
        dialog = AgreementDialog(kind, self._clock().date(), self)
        dialog.accepted.connect(lambda: self._record(dialog))
        self.agreement_dialog = dialog
        dialog.open()

    def _record(self, dialog: AgreementDialog) -> None:
        if self._group_id is None:
            return
        try:
            record_agreement(self._repo, self._group_id, dialog.agreement(), self._clock())
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        self.refresh()
        self.recorded.emit()

    def _on_frames_button_clicked(self) -> None:
        self.ask_agreement(AgreementKind.FRAMES)

    def _on_confidentiality_button_clicked(self) -> None:
        self.ask_agreement(AgreementKind.CONFIDENTIALITY)

    def _on_remove_button_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._group_id is None:
            return
        agreement = self.model.agreement(rows[0].row())
        if not message_boxes.confirm(
            self, _("Remove the note"),
            _("Remove the note that the group agreed on {day}? The history of the frames "
              "is kept.").format(day=format_date(agreement.agreed_on)),
            _("Remove"),
        ):
            return
        try:
            delete_agreement(self._repo, self._group_id, agreement.kind, agreement.agreed_on)
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        self.refresh()

    def _on_history_button_clicked(self) -> None:
        if self._group_id is None:
            return
        try:
            entries = frame_history(self._repo, self._group_id)
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        dialog = FrameHistoryDialog(entries, self._language(), self)
        self.history_dialog = dialog
        dialog.open()

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(_("Agreed"))
        self.intro.setText(_("Note when the group agreed on its frames and on confidentiality: "
                             "the day, and how many agreed if you like. Never who."))
        self.frames_button.setText(_("The group agreed on its frames…"))
        self.confidentiality_button.setText(_("The group agreed on confidentiality…"))
        self.remove_button.setText(_("Remove note"))
        self.history_button.setText(_("History…"))
        self.history_button.setToolTip(_("Every saved change to frames the group had agreed on"))
        self.model.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
