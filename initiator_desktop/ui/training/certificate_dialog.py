"""Certificates for a course run: the leader types the names (one per line) and their own
name, then previews, prints or saves a PDF, one page per participant.

The names live only in this window and on paper. They are stored with the run only if
the leader chose so when planning it; otherwise they are cleared when the window
closes (also when the app locks, which closes every dialog). The window title never
shows a name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_run_records import CourseRunRecords
from initiator_desktop.core.course_runs import (
    MAX_PARTICIPANT_NAME,
    CourseRun,
    covered_titles,
    keep_names,
    parse_names,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.i18n import LANGUAGES, _, ngettext
from initiator_desktop.printing.certificate_layout import layout_certificates
from initiator_desktop.printing.certificates import CertificateJob, certificate_job, write_pdf
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.printing.print_preview_dialog import (
    PagesPreviewDialog,
    PrinterChooser,
    ask_print_dialog,
    preview_dialog,
    print_pages,
)
from initiator_desktop.ui.start.path_choosers import PathChooser, choose_save_path
from initiator_desktop.ui.style import (
    CHOICE_FIELD_WIDTH,
    SPACING,
    ErrorLabel,
    NoteFrame,
    heading_label,
    hint_label,
)
from initiator_desktop.ui.training.course_run_labels import run_dates

Previewer = Callable[[PagesPreviewDialog], bool]
"""Shows a preview; True when the certificates were printed from it."""


def choose_certificate_file(parent: QWidget, caption: str, start: Path) -> Path | None:
    filters = _("PDF files (*.pdf)") + ";;" + _("All files (*)")
    return choose_save_path(parent, caption, start, filters, ".pdf")


def show_preview(dialog: PagesPreviewDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class CertificateDialog(QDialog):
    """For ``run`` (fresh from ``repo``) planned from ``pack``."""

    def __init__(self, repo: CourseRunRecords, run: CourseRun, pack: Pack,
                 parent: QWidget | None = None, *,
                 choose_path: PathChooser = choose_certificate_file,
                 choose_printer: PrinterChooser = ask_print_dialog,
                 preview: Previewer = show_preview, folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._run = run
        self._pack = pack
        self._choose_path = choose_path
        self._choose_printer = choose_printer
        self._preview = preview
        self._folder = folder or Path.home()
        self.written: Path | None = None
        self.setWindowTitle(_("Certificates"))
        self._make_widgets()
        self._build_layout()
        if run.store_names:
            self.names.setPlainText("\n".join(run.names))
        self.language.currentIndexChanged.connect(self._update)
        self.names.textChanged.connect(self._update)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self._update()
        self.resize(620, 680)

    def _make_widgets(self) -> None:
        run = self._run
        self.course = heading_label(run.title, self, scale=1.2)
        self.when = hint_label(" · ".join(p for p in (run_dates(run), run.place) if p), self)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(run.language)))
        self.language.setMaximumWidth(CHOICE_FIELD_WIDTH)
        self.modules = QLabel(self)
        self.modules.setWordWrap(True)
        self.names = QPlainTextEdit(self)
        self.names.setTabChangesFocus(True)
        self.names.setPlaceholderText(_("One name per line"))
        self.count = hint_label(parent=self)
        self.leader = QLineEdit(self)
        self.leader.setMaxLength(MAX_PARTICIPANT_NAME)
        self.note = NoteFrame(self)
        self.note.label.setText(
            _("This course keeps the names: they are stored with it in the vault (encrypted) "
              "when you print or save the certificates. You can turn this off in the course's "
              "plan.") if run.store_names else
            _("The names are used only for these certificates. They are not saved anywhere, "
              "and are forgotten when you close this window."))
        self.message = ErrorLabel(self)
        self.preview_button = QPushButton(_("Preview…"), self)
        self.print_button = QPushButton(_("Print…"), self)
        self.save_button = QPushButton(_("Save as PDF…"), self)

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        for button in (self.save_button, self.print_button, self.preview_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("Language of the certificates"), self.language)
        form.addRow(_("Modules on the certificate"), self.modules)
        names = QVBoxLayout()
        names.addWidget(self.names, 1)
        names.addWidget(self.count)
        form.addRow(_("Participants' names"), names)
        form.addRow(_("Course leader"), self.leader)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.course)
        layout.addWidget(self.when)
        layout.addLayout(form, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # -- state -------------------------------------------------------------------------
    def certificate_language(self) -> str:
        return str(self.language.currentData())

    def _update(self, *_args: object) -> None:
        titles = covered_titles(self._run, self._pack, self.certificate_language())
        self.modules.setText("\n".join(titles) if titles else _(
            "No module is marked as covered yet. Mark what was covered first."))
        count = sum(1 for line in self.names.toPlainText().splitlines() if line.strip())
        self.count.setText(ngettext("{count} name: one certificate",
                                    "{count} names: one certificate each", count)
                           .format(count=count))
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(bool(titles) and count > 0)

    def job(self) -> CertificateJob:
        """The certificates as typed; DomainError (with the line of a bad name) if not."""
        names = parse_names(self.names.toPlainText())
        return certificate_job(self._run, self._pack, names,
                               language=self.certificate_language(),
                               leader_name=self.leader.text())

    def _checked_job(self) -> CertificateJob | None:
        self.message.clear_message()
        try:
            return self.job()
        except DomainError as err:
            self.message.show_message(error_text(err))
            return None

    def make_preview(self, job: CertificateJob) -> PagesPreviewDialog:
        return preview_dialog(self, layout_certificates(job), _("Print preview: certificates"))

    def _printed(self, job: CertificateJob) -> None:
        """After a print or a PDF: keep the names, if (and only if) the run opted in."""
        if self._run.store_names and keep_names(self._repo, self._run.id, job.names):
            stored = self._repo.course_run(self._run.id)
            self._run = stored if stored is not None else self._run

    # -- handlers ----------------------------------------------------------------------
    def _on_preview_button_clicked(self) -> None:
        job = self._checked_job()
        if job is None:
            return
        dialog = self.make_preview(job)
        try:
            if self._preview(dialog):
                self._printed(job)
        finally:
            dialog.deleteLater()

    def _on_print_button_clicked(self) -> None:
        job = self._checked_job()
        if job is not None and print_pages(self, layout_certificates(job),
                                           _("Print certificates"), self._choose_printer):
            self._printed(job)

    def _on_save_button_clicked(self) -> None:
        job = self._checked_job()
        if job is None:
            return
        path = self._choose_path(self, _("Save certificates as PDF"),
                                 self._folder / "certificates.pdf")
        if path is None:
            return
        try:
            write_pdf(path, job)
        except OSError as err:
            self.message.show_message(_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.written = path
        self._printed(job)

    def done(self, result: int) -> None:
        # Forget what was typed: setting the text also clears the undo history.
        self.names.setPlainText("")
        self.leader.setText("")
        super().done(result)
