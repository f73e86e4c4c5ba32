"""The "Meeting place" section: a room with an address, or a phone or video meeting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from initiator_desktop.core.models import MAX_NAME, Place, PlaceKind, new_id
from initiator_desktop.i18n import _
from initiator_desktop.ui.field_errors import FieldErrors
from initiator_desktop.ui.groups.labels import place_kind_label
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SPACING, hint_label

_NOTE_LINES = 3


def _notes_edit(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * _NOTE_LINES + 2 * int(edit.document().documentMargin()) + 6)
    return edit


class PlaceEditor(QWidget):
    """Edits the group's place; all fields empty means "no place yet"."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self._place_id = new_id()
        self.intro = hint_label(parent=self)
        self.name_label, self.name = QLabel(self), QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.kind_label, self.kind = QLabel(self), QComboBox(self)
        self.address_label, self.address = QLabel(self), QLineEdit(self)
        self.address.setMaxLength(300)
        # Made in the order they are shown, which is also the tab order.
        self.dial_in_label, self.dial_in = QLabel(self), _notes_edit(self)
        self.access_label, self.access_notes = QLabel(self), _notes_edit(self)
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(SPACING + 4)
        form.setVerticalSpacing(SPACING)
        form.addRow(self.intro)
        form.addRow(self.name_label, self.errors.column("name", self.name))
        form.addRow(self.kind_label, self.errors.column("kind", self.kind))
        form.addRow(self.address_label, self.errors.column("address", self.address))
        form.addRow(self.dial_in_label, self.errors.column("dial_in", self.dial_in))
        form.addRow(self.access_label, self.errors.column("access_notes", self.access_notes))
        self.errors.alias("place", "name")
        self._form = form
        self.kind.setMaximumWidth(CHOICE_FIELD_WIDTH)
        for label, field in (
            (self.name_label, self.name), (self.kind_label, self.kind),
            (self.address_label, self.address), (self.access_label, self.access_notes),
            (self.dial_in_label, self.dial_in),
        ):
            label.setBuddy(field)
        self._fill_kinds()
        for line in (self.name, self.address):
            line.textEdited.connect(self._on_field_edited)
        for notes in (self.access_notes, self.dial_in):
            notes.textChanged.connect(self._on_field_edited)
        self.kind.activated.connect(self._on_kind_activated)
        self.retranslate()
        self.load(None)

    def load(self, place: Place | None) -> None:
        self.blockSignals(True)
        try:
            self._place_id = place.id if place else new_id()
            self.name.setText(place.name if place else "")
            self._select_kind(place.kind if place else PlaceKind.ROOM)
            self.address.setText(place.address if place else "")
            self.access_notes.setPlainText(place.access_notes if place else "")
            self.dial_in.setPlainText(place.dial_in if place else "")
        finally:
            self.blockSignals(False)
        self.errors.clear()
        self._update_visible_fields()

    def build(self) -> Place | None:
        """The edited place, or None when nothing is filled in; raises ``DomainError``."""
        kind = self.current_kind()
        room = kind is PlaceKind.ROOM
        # A hidden field is not part of the place: what is not shown is not stored.
        address = self.address.text().strip() if room else ""
        dial_in = "" if room else self.dial_in.toPlainText().strip()
        name = self.name.text().strip()
        notes = self.access_notes.toPlainText().strip()
        if not (name or address or dial_in or notes):
            return None
        return Place(id=self._place_id, name=name, kind=kind, address=address,
                     access_notes=notes, dial_in=dial_in)

    def current_kind(self) -> PlaceKind:
        return PlaceKind(self.kind.currentData() or PlaceKind.ROOM)

    def _select_kind(self, kind: PlaceKind) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _fill_kinds(self) -> None:
        current = self.kind.currentData() or PlaceKind.ROOM
        self.kind.clear()
        for kind in PlaceKind:
            self.kind.addItem(place_kind_label(kind), kind)
        self._select_kind(current)

    def _update_visible_fields(self) -> None:
        room = self.current_kind() is PlaceKind.ROOM
        self._form.setRowVisible(self.address_label, room)
        self._form.setRowVisible(self.dial_in_label, not room)
        self.errors.hide_empty()
        self.retranslate_kind_texts()

    def _on_kind_activated(self, _index: int) -> None:
        self._update_visible_fields()
        self.edited.emit()

    def _on_field_edited(self, *_args: object) -> None:
        self.edited.emit()

    def retranslate_kind_texts(self) -> None:
        room = self.current_kind() is PlaceKind.ROOM
        self.access_label.setText(_("How to get in") if room else _("How to join"))
        self.access_notes.setPlaceholderText(
            _("For example: the key is at the front desk, second floor")
            if room
            else _("For example: the link is sent by text message the day before")
        )

    def retranslate(self) -> None:
        self.intro.setText(_("Where the group meets. Leave it empty if it is not decided yet."))
        self.name_label.setText(_("Name of the place"))
        self.name.setPlaceholderText(_("For example: Meeting room 2, the library"))
        self.kind_label.setText(_("Kind"))
        self.address_label.setText(_("Address"))
        self.dial_in_label.setText(_("Dial-in"))
        self.dial_in.setPlaceholderText(_("Phone number, meeting link or code"))
        self._fill_kinds()
        self.retranslate_kind_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
