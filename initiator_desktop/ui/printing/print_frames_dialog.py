"""Print a group's frames: cards in four formats, or the confidentiality declaration.

The language of the printout is chosen here, per print, independently of the UI
language; the meeting line is a choice, the theme is never offered (it belongs to the
initiator's screen, not to the group's table).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import LANGUAGES, _, current_language
from initiator_desktop.printing import declaration, frame_cards
from initiator_desktop.printing.card_content import CardFormat
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.printing.print_preview_dialog import preview_cards, preview_declaration
from initiator_desktop.ui.start.path_choosers import PathChooser, choose_save_path
from initiator_desktop.ui.style import SPACING, ErrorLabel, hint_label


def choose_pdf_file(parent: QWidget, caption: str, start: Path) -> Path | None:
    filters = _("PDF files (*.pdf)") + ";;" + _("All files (*)")
    return choose_save_path(parent, caption, start, filters, ".pdf")


def _format_names() -> dict[CardFormat, str]:
    return {
        CardFormat.A4: _("Poster (A4)"),
        CardFormat.A5: _("Handout (A5)"),
        CardFormat.A6: _("Cards (A6, four to a sheet, with cut marks)"),
        CardFormat.TENT: _("Table tent (A4 folded)"),
    }


class PrintFramesDialog(QDialog):
    def __init__(self, repo: VaultRepository, group_id: str, parent: QWidget | None = None, *,
                 choose_path: PathChooser = choose_pdf_file,
                 preview: Callable[..., bool] | None = None,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._group_id = group_id
        self._choose_path = choose_path
        self._preview = preview
        self._folder = folder or Path.home()
        self.written: Path | None = None
        self.setWindowTitle(_("Print frames"))
        self.cards = QRadioButton(_("Frame cards"), self)
        self.declaration = QRadioButton(_("Confidentiality declaration for the first meeting"),
                                        self)
        self.cards.setChecked(True)
        self.card_format = QComboBox(self)
        for card_format, name in _format_names().items():
            self.card_format.addItem(name, card_format.value)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(current_language()))
        self.with_time = QCheckBox(_("Add the meeting day, time and place"), self)
        self.note = hint_label(_("The printout shows the group's name and its frames. Names "
                                 "of members and the group's theme are never printed."), self)
        self.message = ErrorLabel(self)
        self.preview_button = QPushButton(_("Preview and print…"), self)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("Format"), self.card_format)
        form.addRow(_("Language of the printout"), self.language)
        form.addRow("", self.with_time)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        for widget in (self.cards, self.declaration):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.cards.toggled.connect(self._update)
        self.preview_button.clicked.connect(self._on_preview_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.setMinimumWidth(520)
        self._update()

    def _update(self, *_args: object) -> None:
        cards = self.cards.isChecked()
        self.card_format.setEnabled(cards)
        self.with_time.setEnabled(cards)

    def _language(self) -> str:
        return str(self.language.currentData())

    def job(self) -> frame_cards.CardJob | declaration.DeclarationJob:
        if self.cards.isChecked():
            return frame_cards.job_for_group(
                self._repo, self._group_id, card_format=str(self.card_format.currentData()),
                language=self._language(), with_time=self.with_time.isChecked())
        group = self._repo.group(self._group_id)
        if group is None:
            raise KeyError(self._group_id)
        return declaration.declaration_job(group, self._repo.frames(self._group_id),
                                           language=self._language())

    def _on_preview_clicked(self) -> None:
        job = self.job()
        if self._preview is not None:
            self._preview(self, job)
        elif isinstance(job, frame_cards.CardJob):
            preview_cards(self, job)
        else:
            preview_declaration(self, job)

    def _on_save_clicked(self) -> None:
        self.message.clear_message()
        job = self.job()
        is_cards = isinstance(job, frame_cards.CardJob)
        name = "frame-cards.pdf" if is_cards else "declaration.pdf"
        path = self._choose_path(self, _("Save as PDF"), self._folder / name)
        if path is None:
            return
        try:
            if isinstance(job, frame_cards.CardJob):
                frame_cards.write_pdf(path, job)
            else:
                declaration.write_pdf(path, job)
        except OSError as err:
            self.message.show_message(_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.written = path
        self.message.clear_message()
