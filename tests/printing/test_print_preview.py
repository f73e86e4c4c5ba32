"""The print preview and the print path for cards and the declaration, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.printing.card_content import CardFormat, card_job
from initiator_desktop.printing.card_layout import layout_cards
from initiator_desktop.printing.declaration import declaration_job
from initiator_desktop.ui.printing.print_preview_dialog import (
    PagesPreviewDialog,
    card_preview_dialog,
    declaration_preview_dialog,
    print_cards,
    print_declaration,
)
from tests.printing.pdf_tools import page_count, squeezed_pdf_text
from tests.printing.samples import GROUP, NOW, ROOM, TUESDAYS, sn_frames


def _job(card_format: CardFormat, language: str = "nb") -> object:
    return card_job(GROUP, sn_frames(), card_format=card_format, language=language,
                    schedules=[TUESDAYS], place=ROOM, with_time=True, now=NOW)


def _shown(qtbot: QtBot, dialog: PagesPreviewDialog) -> QPrintPreviewWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    return preview


@pytest.mark.parametrize("card_format", list(CardFormat))
def test_the_preview_shows_every_sheet(qtbot: QtBot, card_format: CardFormat) -> None:
    job = _job(card_format)
    dialog = card_preview_dialog(None, job)  # type: ignore[arg-type]
    preview = _shown(qtbot, dialog)
    sheets = len(layout_cards(job).sheets)  # type: ignore[arg-type]
    assert sheets > 1
    assert preview.pageCount() == sheets
    orientation = dialog.printer.pageLayout().orientation()
    landscape = card_format is CardFormat.TENT
    assert (orientation == QPageLayout.Orientation.Landscape) == landscape
    assert GROUP.name not in dialog.windowTitle()
    dialog.close()


def test_the_declaration_preview_is_one_page(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = declaration_preview_dialog(parent, declaration_job(GROUP, sn_frames(),
                                                                language="en"))
    assert _shown(qtbot, dialog).pageCount() == 1
    assert dialog.parent() is parent
    dialog.close()


def test_printing_paints_the_same_sheets(tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    seen: list[str] = []

    def to_file(_parent: QWidget | None, printer: QPrinter, title: str) -> bool:
        seen.append(title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    job = _job(CardFormat.A6, "en")
    assert print_cards(None, job, to_file)  # type: ignore[arg-type]
    assert page_count(target) == len(layout_cards(job).sheets)  # type: ignore[arg-type]
    text = squeezed_pdf_text(target)
    assert "Fivetoeightmembers" in text and "EveryTuesday" in text
    assert seen and GROUP.name not in seen[0]


def test_a_cancelled_print_dialog_prints_nothing(tmp_path: Path) -> None:
    target = tmp_path / "never.pdf"

    def cancel(_parent: QWidget | None, printer: QPrinter, _title: str) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return False

    assert not print_declaration(None, declaration_job(GROUP, sn_frames(), language="nb"),
                                 cancel)
    assert not target.exists()
