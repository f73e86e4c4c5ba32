"""A scroll area for long forms whose wrapped notes change height as texts change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class PageScrollArea(QScrollArea):
    """Vertical scrolling only; the content is re-sized whenever its layout changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def refit_later(self) -> None:
        """Re-size the content to its height for the current width, once events are handled.

        WORKAROUND(qt-6.x): QScrollArea re-sizes its widget on its own LayoutRequest and on
        resizes only. When the content's height-for-width changes without its size hint
        changing (a note wrapping onto a second line after a group was loaded), the fields
        were squeezed into the old height.
        """
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.refit_later()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refit_later()
