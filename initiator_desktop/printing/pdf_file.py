"""Laid-out sheets as PDF bytes, and written to a file in one atomic step.

The PDF is painted into memory first, so a failure leaves no half-written file and an
existing file is replaced only by a complete one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter

from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.printing.page_geometry import PageSet
from initiator_desktop.printing.page_painter import paint_pages

PDF_RESOLUTION = 1200
CREATOR = "Initiator Desktop"


def pdf_bytes(pages: PageSet) -> bytes:
    """The whole PDF document for ``pages``."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(pages.title)
    writer.setCreator(CREATOR)
    paint_pages(writer, pages)
    del writer  # the document is complete once the painter has ended
    buffer.close()
    return bytes(data.data())


def write_pdf_file(path: Path, pages: PageSet) -> None:
    """Replace ``path`` with the PDF of ``pages``; an OSError says what went wrong."""
    write_atomically(Path(path), pdf_bytes(pages))
