"""A wait cursor for the few short jobs that block the UI thread (key derivation)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication


@contextmanager
def busy_cursor() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    # Let the cursor change reach the screen before the UI thread blocks.
    QGuiApplication.processEvents()
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
