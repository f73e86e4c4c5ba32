"""Print preview and printing for frame cards and the confidentiality declaration.

The pages are laid out once, before a dialog opens; the preview and the printer then
paint that same layout. Window titles name the kind of printout, never the group.
The print dialog is a plain function that tests replace: a real one never returns
offscreen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.printing.card_layout import layout_cards
from initiator_desktop.printing.declaration import DeclarationJob, layout_declaration
from initiator_desktop.printing.frame_cards import CardJob
from initiator_desktop.printing.page_geometry import PageSet
from initiator_desktop.printing.page_painter import paint_pages, prepare_device

PrinterChooser = Callable[[QWidget | None, QPrinter, str], bool]
"""(parent, printer, title) -> True when the user chose to print."""


def ask_print_dialog(parent: QWidget | None, printer: QPrinter, title: str) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _new_printer(pages: PageSet) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer, pages)
    return printer


class PagesPreviewDialog(QPrintPreviewDialog):
    """A preview of laid-out pages; printing from it prints the same pages."""

    def __init__(self, pages: PageSet, title: str, parent: QWidget | None = None) -> None:
        # The dialog does not own its printer: it lives here, as long as the dialog.
        self.printer = _new_printer(pages)
        super().__init__(self.printer, parent)
        self._pages = pages
        self.setWindowTitle(title)
        self.paintRequested.connect(self._on_self_paint_requested)

    def _on_self_paint_requested(self, printer: QPrinter) -> None:
        paint_pages(printer, self._pages)


def preview_dialog(parent: QWidget | None, pages: PageSet, title: str) -> PagesPreviewDialog:
    """A preview of ``pages``, ready to ``exec()``."""
    return PagesPreviewDialog(pages, title, parent)


def print_pages(parent: QWidget | None, pages: PageSet, title: str,
                choose: PrinterChooser = ask_print_dialog) -> bool:
    """Ask for a printer and print; False when the user cancelled."""
    printer = _new_printer(pages)
    if not choose(parent, printer, title):
        return False
    paint_pages(printer, pages)
    return True


def card_preview_dialog(parent: QWidget | None, job: CardJob) -> PagesPreviewDialog:
    return preview_dialog(parent, layout_cards(job), _("Print preview: frame cards"))


def preview_cards(parent: QWidget | None, job: CardJob) -> bool:
    """Show the cards in a print preview; True if they were printed from it."""
    return card_preview_dialog(parent, job).exec() == QDialog.DialogCode.Accepted


def print_cards(parent: QWidget | None, job: CardJob,
                choose: PrinterChooser = ask_print_dialog) -> bool:
    return print_pages(parent, layout_cards(job), _("Print the frame cards"), choose)


def declaration_preview_dialog(parent: QWidget | None,
                               job: DeclarationJob) -> PagesPreviewDialog:
    return preview_dialog(parent, layout_declaration(job),
                          _("Print preview: confidentiality declaration"))


def preview_declaration(parent: QWidget | None, job: DeclarationJob) -> bool:
    return declaration_preview_dialog(parent, job).exec() == QDialog.DialogCode.Accepted


def print_declaration(parent: QWidget | None, job: DeclarationJob,
                      choose: PrinterChooser = ask_print_dialog) -> bool:
    return print_pages(parent, layout_declaration(job),
                       _("Print the confidentiality declaration"), choose)
