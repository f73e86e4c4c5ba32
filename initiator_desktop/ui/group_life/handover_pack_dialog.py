"""Print the handover pack: language of the printout, an optional line on how to reach the
initiator (printed, never stored), and dial-in details only when asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.handover import load_follow_up
from initiator_desktop.core.models import PlaceKind
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.i18n.formatting import format_day
from initiator_desktop.printing import handover_pack
from initiator_desktop.printing.handover_pack import MAX_CONTACT_LINE, HandoverPackJob
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.printing.print_frames_dialog import choose_pdf_file
from initiator_desktop.ui.printing.print_preview_dialog import preview_dialog
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.style import SPACING, ErrorLabel, hint_label

Preview = Callable[[QWidget, HandoverPackJob], object]


def preview_pack(parent: QWidget, job: HandoverPackJob) -> bool:
    """Show the pack in a print preview; True if it was printed from there."""
    dialog = preview_dialog(parent, handover_pack.layout_handover_pack(job),
                            _("Print preview: handover pack"))
    return dialog.exec() == QDialog.DialogCode.Accepted


class HandoverPackDialog(QDialog):
    def __init__(self, repo: VaultRepository, group_id: str, parent: QWidget | None = None, *,
                 choose_path: PathChooser = choose_pdf_file, preview: Preview = preview_pack,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._group_id = group_id
        self._choose_path = choose_path
        self._preview = preview
        self._folder = folder or Path.home()
        self._remote = False
        self.written: Path | None = None
        self.setWindowTitle(_("Print the handover pack"))
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.contact_line = QLineEdit(self)
        self.contact_line.setMaxLength(MAX_CONTACT_LINE)
        self.contact_line.setPlaceholderText(_("For example a phone number or an e-mail address"))
        self.contact_hint = hint_label(_("Printed on the pack only; it is not saved. Left "
                                         "empty, the pack has lines to write on by hand."), self)
        self.with_dial_in = QCheckBox(_("Add how to join the phone or video meeting"), self)
        self.follow_up_note = hint_label(parent=self)
        self.note = hint_label(_("The pack shows the group's name, frames, principles and "
                                 "meeting times. Names of members and the group's theme are "
                                 "never printed."), self)
        self.message = ErrorLabel(self)
        self.preview_button = QPushButton(_("Preview and print…"), self)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        self._build_layout()
        self._show_group_facts()
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.setMinimumWidth(540)

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        contact = QVBoxLayout()
        contact.setSpacing(4)
        contact.addWidget(self.contact_line)
        contact.addWidget(self.contact_hint)
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("Language of the printout"), self.language)
        form.addRow(_("How to reach you"), contact)
        form.addRow("", self.with_dial_in)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        layout.addWidget(self.follow_up_note)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _show_group_facts(self) -> None:
        group = self._repo.group(self._group_id)
        place = next((p for p in self._repo.places() if group and p.id == group.place_id), None)
        remote = place is not None and place.kind is not PlaceKind.ROOM and bool(
            place.dial_in.strip())
        self._remote = remote
        self.with_dial_in.setVisible(remote)
        planned = load_follow_up(self._repo, self._group_id).planned_for
        self.follow_up_note.setText(
            _("The follow-up visit on {day} is printed.").format(day=format_day(planned))
            if planned else _("No follow-up visit is planned yet: the pack says you will "
                              "come back after a while."))

    def job(self) -> HandoverPackJob:
        return handover_pack.job_for_group(
            self._repo, self._group_id, language=str(self.language.currentData()),
            contact_line=self.contact_line.text(),
            with_dial_in=self._remote and self.with_dial_in.isChecked())

    def _on_preview_button_clicked(self) -> None:
        self._preview(self, self.job())

    def _on_save_button_clicked(self) -> None:
        self.message.clear_message()
        path = self._choose_path(self, _("Save as PDF"), self._folder / "handover-pack.pdf")
        if path is None:
            return
        try:
            handover_pack.write_pdf(path, self.job())
        except OSError as err:
            self.message.show_message(_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.written = path


def print_handover_pack(parent: QWidget | None, repo: VaultRepository, group_id: str) -> bool:
    """Let the initiator print or save the group's handover pack; True if a PDF was saved."""
    dialog = HandoverPackDialog(repo, group_id, parent)
    dialog.exec()
    return dialog.written is not None
