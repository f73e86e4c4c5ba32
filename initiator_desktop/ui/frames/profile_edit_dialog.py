"""Name and version of a frame profile, for a new one (with where its frames come from)
or for renaming one. The caller's ``commit`` does the work; its ``DomainError`` is shown
at the field it names and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_profiles import MAX_VERSION
from initiator_desktop.core.models import MAX_NAME
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.style import SPACING, ErrorLabel, hint_label

Commit = Callable[[str, str, object], None]
"""(name, version, chosen source or None) -> None; raises DomainError."""


class ProfileEditDialog(QDialog):
    """With ``sources`` (label, value) the dialog asks where the frames come from."""

    def __init__(self, title: str, commit: Commit, parent: QWidget | None = None, *,
                 name: str = "", version: str = "1",
                 sources: Sequence[tuple[str, object]] = (), intro: str = "") -> None:
        super().__init__(parent)
        self._commit = commit
        self.setWindowTitle(title)
        self.errors = FieldErrors(self)
        self.intro = hint_label(intro, self)
        self.intro.setVisible(bool(intro))
        self.source_label, self.source = QLabel(_("Frames from"), self), QComboBox(self)
        for label, value in sources:
            self.source.addItem(label, value)
        self.name_label, self.name = QLabel(_("Name"), self), QLineEdit(name, self)
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(_("for example LINK Oslo"))
        self.version_label, self.version = QLabel(_("Version"), self), QLineEdit(version, self)
        self.version.setMaxLength(MAX_VERSION)
        self.version.setPlaceholderText(_("for example 2026.1"))
        self.message = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._build_layout(bool(sources))
        self.setMinimumWidth(480)

    def _build_layout(self, with_source: bool) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setVerticalSpacing(SPACING)
        if with_source:
            form.addRow(self.source_label, self.errors.column("items", self.source))
        else:
            self.source_label.hide()
            self.source.hide()
        form.addRow(self.name_label, self.errors.column("name", self.name))
        form.addRow(self.version_label, self.errors.column("version", self.version))
        for label, field in ((self.source_label, self.source), (self.name_label, self.name),
                             (self.version_label, self.version)):
            label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.message.clear_message()
        source = self.source.currentData() if self.source.count() else None
        try:
            self._commit(self.name.text().strip(), self.version.text().strip(), source)
        except DomainError as err:
            shown = self.errors.show(err.field, error_text(err))
            if shown is None:
                self.message.show_message(error_text(err))
            else:
                shown.setFocus()
            return
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        self.accept()
