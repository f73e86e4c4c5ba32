"""Copy, print or save the recovery sheet, wherever a recovery key is shown.

The file and print dialogs are plain functions that tests replace: a real dialog never
returns offscreen. A copied key leaves the clipboard again after a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _, ngettext
from initiator_desktop.printing.recovery_sheet import RecoverySheet, paint_on, write_pdf
from initiator_desktop.ui.lock.clipboard_guard import ClipboardGuard, shared_clipboard_guard
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.style import ErrorLabel, hint_label

SheetPrinter = Callable[[QWidget, RecoverySheet], bool]
"""(parent, sheet) -> True when the sheet was sent to a printer."""

PDF_NAME = "recovery-sheet.pdf"


def choose_pdf_file(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(
        parent, caption, str(start), _("PDF files (*.pdf)") + ";;" + _("All files (*)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".pdf")


def print_with_dialog(parent: QWidget, sheet: RecoverySheet) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the recovery sheet"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_on(sheet, printer)
    return True


def _documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


class RecoveryKeyActions(QWidget):
    """Buttons under a shown recovery key; ``set_sheet`` tells them what to use."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        guard: ClipboardGuard | None = None,
        choose_pdf: PathChooser = choose_pdf_file,
        print_sheet: SheetPrinter = print_with_dialog,
    ) -> None:
        super().__init__(parent)
        self._guard = guard or shared_clipboard_guard()
        self._choose_pdf = choose_pdf
        self._print_sheet = print_sheet
        self._sheet: RecoverySheet | None = None
        self.copy_button = QPushButton(self)
        self.print_button = QPushButton(self)
        for button in (self.copy_button, self.print_button):
            button.setAutoDefault(False)
        self.print_menu = QMenu(self.print_button)
        self.print_action = self.print_menu.addAction("")
        self.pdf_action = self.print_menu.addAction("")
        self.print_button.setMenu(self.print_menu)
        self.status = hint_label(parent=self)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.print_action.triggered.connect(self._on_print_action_triggered)
        self.pdf_action.triggered.connect(self._on_pdf_action_triggered)
        self.retranslate()

    def set_sheet(self, sheet: RecoverySheet | None) -> None:
        """The sheet to copy from and print; None forgets it (when the key is hidden)."""
        self._sheet = sheet
        self.status.clear()
        self.status.hide()
        self.error.clear_message()

    def _say(self, text: str) -> None:
        self.error.clear_message()
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _on_copy_button_clicked(self) -> None:
        if self._sheet is None:
            return
        self._guard.copy(self._sheet.key)
        seconds = max(1, self._guard.clear_after_ms // 1000)
        self._say(ngettext(
            "Copied. The clipboard is emptied again after {count} second.",
            "Copied. The clipboard is emptied again after {count} seconds.",
            seconds,
        ).format(count=seconds))

    def _on_print_action_triggered(self) -> None:
        if self._sheet is not None and self._print_sheet(self, self._sheet):
            self._say(_("The recovery sheet was sent to the printer."))

    def _on_pdf_action_triggered(self) -> None:
        if self._sheet is None:
            return
        path = self._choose_pdf(self, _("Save the recovery sheet as"),
                                _documents_folder() / PDF_NAME)
        if path is None:
            return
        try:
            write_pdf(self._sheet, path)
        except OSError:
            self.error.show_message(_("The file could not be written."))
            return
        if not path.is_file():
            self.error.show_message(_("The file could not be written."))
            return
        self._say(_("Saved as {name}. Print it, then delete the file.").format(name=path.name))

    def retranslate(self) -> None:
        self.copy_button.setText(_("&Copy"))
        self.copy_button.setToolTip(_("Copy the key; the clipboard is emptied again soon."))
        self.print_button.setText(_("&Print or save as PDF…"))
        self.print_action.setText(_("Print…"))
        self.pdf_action.setText(_("Save as PDF…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
