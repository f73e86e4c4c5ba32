"""A report for a period, as the ``report`` command writes it, from the app.

Totals only by default; naming groups and showing themes are choices for this report,
the theme with a warning. Small counts are hidden as in every report (never below 3).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.reports import Report, ReportRequest, build_report
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.small_counts import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from initiator_desktop.i18n import _, current_language
from initiator_desktop.i18n.formatting import babel_locale
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.start.path_choosers import PathChooser, choose_save_path
from initiator_desktop.ui.style import SPACING, ErrorLabel, NoteFrame, hint_label

FORMATS = (("pdf", ".pdf"), ("csv", ".csv"), ("json", ".json"))
NO_GROUP_TICKED = N_("Tick the groups to list, or untick “List these groups by name”.")


def choose_report_file(parent: QWidget, caption: str, start: Path) -> Path | None:
    suffix = start.suffix or ".pdf"
    filters = _("Report (*{suffix})").format(suffix=suffix) + ";;" + _("All files (*)")
    return choose_save_path(parent, caption, start, filters, suffix)


def write_report(path: Path, kind: str, report: Report, language: str) -> None:
    from initiator_desktop.exchange import report_files

    if kind == "pdf":
        from initiator_desktop.printing.report_pdf import write_report_pdf

        write_report_pdf(path, report, language)
    elif kind == "json":
        report_files.write_report_json(path, report)
    else:
        report_files.write_report_csv(path, report)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportDialog(QDialog):
    def __init__(self, repo: VaultRepository, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = oslo_now,
                 choose_path: PathChooser = choose_report_file,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._clock = clock
        self._choose_path = choose_path
        self._folder = folder or Path.home()
        self.written: Path | None = None
        self.setWindowTitle(_("Report"))
        today = clock().date()
        locale = QLocale(babel_locale())
        self.start, self.end = QDateEdit(self), QDateEdit(self)
        for edit, day in ((self.start, date(today.year - 1, today.month, 1)),
                          (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setLocale(locale)
            edit.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
            edit.setDate(_qdate(day))
        self.kind = QComboBox(self)
        for kind, _suffix in FORMATS:
            self.kind.addItem({"pdf": _("PDF, to print or send"),
                               "csv": _("CSV, for a spreadsheet"),
                               "json": _("JSON, for programs")}[kind], kind)
        self.min_count = QSpinBox(self)
        self.min_count.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.min_count.setValue(DEFAULT_THRESHOLD)
        self.name_groups = QCheckBox(_("List these groups by name:"), self)
        self.groups = QListWidget(self)
        for group in repo.groups():
            item = QListWidgetItem(group.name)  # plain text, the neutral name only
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.groups.setMaximumHeight(140)
        self.by_theme = QCheckBox(_("Add the figures by theme"), self)
        self.warning = NoteFrame(self)
        self.warning.label.setText(_("Themes are sensitive: share this report only with "
                                     "those who need it."))
        self.note = hint_label(_("Numbers below the minimum are shown as “<3” (or the "
                                 "minimum you choose), and other cells are withheld where a "
                                 "sum would give them away. By default the report names no "
                                 "group."), self)
        self.message = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.addRow(_("From"), self.start)
        form.addRow(_("To"), self.end)
        form.addRow(_("Format"), self.kind)
        form.addRow(_("Smallest number shown"), self.min_count)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form)
        for widget in (self.name_groups, self.groups, self.by_theme, self.warning, self.note,
                       self.message, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(500)
        self.name_groups.toggled.connect(self._update)
        self.by_theme.toggled.connect(self._update)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def _update(self, *_args: object) -> None:
        self.groups.setEnabled(self.name_groups.isChecked())
        self.warning.setVisible(self.by_theme.isChecked())

    def request(self) -> ReportRequest:
        group_ids = None
        if self.name_groups.isChecked():
            group_ids = tuple(
                str(self.groups.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.groups.count())
                if self.groups.item(i).checkState() == Qt.CheckState.Checked)
            if not group_ids:
                raise DomainError(NO_GROUP_TICKED, "groups")
        return ReportRequest(self.start.date().toPython(), self.end.date().toPython(),
                             group_ids, self.by_theme.isChecked(), self.min_count.value())

    def save(self) -> None:
        self.message.clear_message()
        kind = str(self.kind.currentData())
        language = current_language()
        try:
            report = build_report(self._repo, self.request(), self._clock(), language=language)
        except DomainError as err:
            self.message.show_message(error_text(err))
            return
        except VaultError as err:
            self.message.show_message(_(err.message))
            return
        suffix = dict(FORMATS)[kind]
        path = self._choose_path(self, _("Save the report"), self._folder / f"report{suffix}")
        if path is None:
            return
        try:
            write_report(path, kind, report, language)
        except OSError as err:
            self.message.show_message(_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.written = path
        self.accept()

