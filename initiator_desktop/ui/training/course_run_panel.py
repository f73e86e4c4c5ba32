"""The course runs panel: the planned and held courses, one course's sessions with what
was covered (ticked during or after the day), its time per module, and certificates.

``CourseRunsPanel(repo)`` fits a main-window tab; ``open_course_runs(parent, repo)``
shows it in a window of its own. Window titles never name a course or a person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import CourseRun, mark_covered, save_run, summarise
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.style import MARGIN, SPACING, ErrorLabel, heading_label, hint_label
from initiator_desktop.ui.training.certificate_dialog import CertificateDialog
from initiator_desktop.ui.training.course_run_coverage import CoverageTree
from initiator_desktop.ui.training.course_run_editor import CourseRunEditor
from initiator_desktop.ui.training.course_run_labels import duration, participants, run_dates
from initiator_desktop.ui.training.course_run_packs import CoursePacks
from initiator_desktop.ui.training.course_run_summary_model import RunSummaryModel, SummaryColumn
from initiator_desktop.ui.training.course_run_table_model import CourseRunTableModel, RunColumn

EditorOpener = Callable[[QWidget, CoursePacks, CourseRun | None], CourseRun | None]
CertificatesOpener = Callable[[QWidget, VaultRepository, CourseRun, Pack], None]


def edit_in_dialog(parent: QWidget, packs: CoursePacks, run: CourseRun | None
                   ) -> CourseRun | None:
    dialog = CourseRunEditor(packs, run, parent, today=date.today())
    try:
        return dialog.result if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def certificates_in_dialog(parent: QWidget, repo: VaultRepository, run: CourseRun,
                           pack: Pack) -> None:
    dialog = CertificateDialog(repo, run, pack, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # and with it anything typed


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    return view


class CourseRunsPanel(QWidget):
    """Works on ``repo``; ``packs`` are the installed content packs (read on first use)."""

    def __init__(self, repo: VaultRepository, parent: QWidget | None = None, *,
                 packs: CoursePacks | None = None, open_editor: EditorOpener = edit_in_dialog,
                 open_certificates: CertificatesOpener = certificates_in_dialog) -> None:
        super().__init__(parent)
        self._repo = repo
        self.packs = packs or CoursePacks()
        self._open_editor = open_editor
        self._open_certificates = open_certificates
        self._make_list()
        self._make_details()
        self._build_layout()
        self._connect()
        self._retranslate()
        self.refresh()

    # -- building ----------------------------------------------------------------------
    def _make_list(self) -> None:
        self.model = CourseRunTableModel(self)
        self.table = _table(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RunColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (RunColumn.DATES, RunColumn.PARTICIPANTS, RunColumn.COVERED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Place and participants are shown with the details.
        self.table.setColumnHidden(RunColumn.PLACE, True)
        self.table.setColumnHidden(RunColumn.PARTICIPANTS, True)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)

    def _make_details(self) -> None:
        self.title = heading_label(parent=self)
        self.info = hint_label(parent=self)
        self.covered_heading = QLabel(self)
        self.covered_hint = hint_label(parent=self)
        self.coverage = CoverageTree(self)
        self.summary_heading = QLabel(self)
        self.summary_model = RunSummaryModel(self)
        self.summary = _table(self)
        self.summary.setModel(self.summary_model)
        self.summary.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.summary.horizontalHeader()
        header.setSectionResizeMode(SummaryColumn.MODULE, QHeaderView.ResizeMode.Stretch)
        for column in (SummaryColumn.PLANNED, SummaryColumn.SUGGESTED, SummaryColumn.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.totals = hint_label(parent=self)
        self.certificates_button = QPushButton(self)
        self.message = ErrorLabel(self)
        self.empty = hint_label(parent=self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _build_layout(self) -> None:
        left = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, SPACING, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        details = QWidget(self)
        right = QVBoxLayout(details)
        right.setContentsMargins(SPACING, 0, 0, 0)
        right.setSpacing(SPACING - 4)
        right.addWidget(self.title)
        right.addWidget(self.info)
        right.addSpacing(SPACING - 4)
        for widget in (self.covered_heading, self.covered_hint):
            right.addWidget(widget)
        right.addWidget(self.coverage, 1)
        right.addSpacing(SPACING - 4)
        right.addWidget(self.summary_heading)
        right.addWidget(self.summary, 1)
        right.addWidget(self.totals)
        right.addWidget(self.message)
        certificate_row = QHBoxLayout()
        certificate_row.addStretch(1)
        certificate_row.addWidget(self.certificates_button)
        right.addLayout(certificate_row)
        self.details = QStackedWidget(self)
        self.details.addWidget(self.empty)
        self.details.addWidget(details)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.addWidget(splitter)
        for heading in (self.covered_heading, self.summary_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_edit_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.coverage.covered_toggled.connect(self._on_coverage_covered_toggled)
        self.certificates_button.clicked.connect(self._on_certificates_button_clicked)

    def _retranslate(self) -> None:
        self.new_button.setText(_("Plan a course…"))
        self.edit_button.setText(_("Edit…"))
        self.delete_button.setText(_("Delete…"))
        self.covered_heading.setText(_("What was covered"))
        self.covered_hint.setText(_("Tick each module when it has been covered, during the "
                                    "day or afterwards. It is saved at once."))
        self.summary_heading.setText(_("Time per module"))
        self.certificates_button.setText(_("Certificates…"))
        self.empty.setText(_("No course is planned yet.\n\nPlan a course to keep its dates "
                             "and sessions, tick what was covered, and print certificates "
                             "for the participants."))
        self.model.retranslate()
        self._show_selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- state -------------------------------------------------------------------------
    def selected_run(self) -> CourseRun | None:
        return self.model.run(self.table.currentIndex().row())

    def select_run(self, run_id: str) -> None:
        row = self.model.row_of(run_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def refresh(self, select: str | None = None) -> None:
        """Reload the runs from the vault, keeping (or moving) the selection."""
        current = select or (self.selected_run().id if self.selected_run() else None)
        self.model.set_runs(self._repo.course_runs())
        if current is not None and self.model.row_of(current) >= 0:
            self.select_run(current)
        elif self.model.rowCount():
            self.select_run(self.model.run(0).id)  # type: ignore[union-attr]
        self._show_selected()

    def _show_selected(self) -> None:
        run = self.selected_run()
        has = run is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.details.setCurrentIndex(1 if has else 0)
        if run is None:
            self.coverage.set_run(None, None)
            self.summary_model.set_summary(None)
            return
        pack = self.packs.pack(run.pack_id)
        self.title.setText(run.title)
        self.info.setText(" · ".join(p for p in (run_dates(run), run.place,
                                                 participants(run.participants)) if p))
        self.coverage.set_run(run, pack)
        self._show_summary(run, pack)

    def _show_summary(self, run: CourseRun, pack: Pack | None) -> None:
        summary = summarise(run, pack, current_language())
        self.summary_model.set_summary(summary)
        text = _("Planned in all: {planned}.").format(planned=duration(summary.minutes))
        if summary.suggested_minutes:
            text += " " + _("The planned modules suggest {suggested}.").format(
                suggested=duration(summary.suggested_minutes))
        if pack is None:
            text += " " + _("The course material ({id}) is not installed.").format(id=run.pack_id)
        self.totals.setText(text)
        self.certificates_button.setEnabled(pack is not None and bool(summary.covered_ids))

    # -- handlers ----------------------------------------------------------------------
    def _on_selection_changed(self, *_args: object) -> None:
        self.message.clear_message()
        self._show_selected()

    def _save(self, run: CourseRun) -> None:
        try:
            saved = save_run(self._repo, run, self.packs.pack(run.pack_id))
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        self.refresh(select=saved.id)

    def _on_new_button_clicked(self) -> None:
        run = self._open_editor(self, self.packs, None)
        if run is not None:
            self._save(run)

    def _on_edit_button_clicked(self, *_args: object) -> None:
        current = self.selected_run()
        if current is None:
            return
        run = self._open_editor(self, self.packs, self._repo.course_run(current.id) or current)
        if run is not None:
            self._save(run)

    def _on_delete_button_clicked(self) -> None:
        run = self.selected_run()
        if run is None or not message_boxes.confirm(
                self, _("Delete course"),
                _("Delete this course with its sessions and what was covered? This cannot "
                  "be undone."), _("Delete")):
            return
        self._repo.delete_course_run(run.id)
        self.refresh()

    def _on_coverage_covered_toggled(self, session_id: str, module_id: str,
                                     covered: bool) -> None:
        run = self.selected_run()
        if run is None:
            return
        try:
            changed = mark_covered(self._repo, run.id, session_id, module_id, covered)
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        # Not the tree: this runs inside its own signal, and its state is already right.
        self.model.replace_run(changed)
        self._show_summary(changed, self.packs.pack(changed.pack_id))

    def _on_certificates_button_clicked(self) -> None:
        run = self.selected_run()
        pack = self.packs.pack(run.pack_id) if run is not None else None
        if run is None or pack is None:
            return
        self._open_certificates(self, self._repo, self._repo.course_run(run.id) or run, pack)
        self.refresh(select=run.id)


class CourseRunsDialog(QDialog):
    """The panel in a window of its own, for a main window without a tab for it."""

    def __init__(self, repo: VaultRepository, parent: QWidget | None = None, *,
                 packs: CoursePacks | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Course runs"))
        self.panel = CourseRunsPanel(repo, self, packs=packs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, MARGIN, MARGIN)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(1100, 720)


def open_course_runs(parent: QWidget | None, repo: VaultRepository) -> CourseRunsDialog:
    """Show the course runs in their own (non-modal) window and return it."""
    dialog = CourseRunsDialog(repo, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
