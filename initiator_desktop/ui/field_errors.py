"""Inline errors next to form fields, keyed by the ``field`` a ``DomainError`` names."""

from __future__ import annotations

import weakref

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from initiator_desktop.core.errors import DomainError
from initiator_desktop.i18n import _
from initiator_desktop.ui.style import ErrorLabel


def error_text(err: DomainError) -> str:
    """The translated message with its named values filled in."""
    return _(err.message).format(**err.params)


class FieldErrors:
    """Creates one hidden error label per field and shows or clears them by field name."""

    def __init__(self, parent: QWidget) -> None:
        # Weakly: the widget holds this object, and a strong reference back would make a
        # cycle that Python's collector may break (deleting the widget) at any moment.
        self._parent = weakref.ref(parent)
        self._labels: dict[str, ErrorLabel] = {}
        self._fields: dict[str, QWidget] = {}

    def column(self, field: str, widget: QWidget | QLayout, *below: QWidget) -> QVBoxLayout:
        """``widget`` with its (hidden) error label and any notes below it, for a form row."""
        label = ErrorLabel(self._parent())
        self._labels[field] = label
        column = QVBoxLayout()
        column.setSpacing(4)
        if isinstance(widget, QLayout):
            column.addLayout(widget)
        else:
            column.addWidget(widget)
            self._fields[field] = widget
        column.addWidget(label)
        for note in below:
            column.addWidget(note)
        return column

    def alias(self, field: str, same_as: str) -> None:
        """Show errors about ``field`` at the label of ``same_as`` (e.g. "texts" at "title")."""
        self._labels[field] = self._labels[same_as]
        if same_as in self._fields:
            self._fields[field] = self._fields[same_as]

    def show(self, field: str, text: str) -> QWidget | None:
        """Show ``text`` at ``field``; returns the field's widget (to focus), or None."""
        label = self._labels.get(field)
        if label is None:
            return None
        label.show_message(text)
        return self._fields.get(field, label)

    def hide_empty(self) -> None:
        """Re-hide empty labels; ``QFormLayout.setRowVisible`` shows every widget of a row."""
        for label in self._labels.values():
            label.setVisible(bool(label.text()))

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear_message()

    def any_shown(self) -> bool:
        return any(not label.isHidden() for label in self._labels.values())
