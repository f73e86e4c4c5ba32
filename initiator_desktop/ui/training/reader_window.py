"""The reader in a window of its own, and the entry points the main window uses.

The reader window is a child window of the main window, so locking (which deletes the
main window) takes it and the progress it shows with it. Presenter mode is started from
here but is not tied to the vault (see ``presenter.presenter_session``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.training_progress import TrainingProgress
from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.i18n import _
from initiator_desktop.ui.training.reader_packs import available_packs
from initiator_desktop.ui.training.reader_widget import ReaderWidget

DEFAULT_SIZE = (1280, 760)


class ReaderWindow(QWidget):
    """A top-level window (owned by ``parent``) holding one ``ReaderWidget``."""

    def __init__(self, progress: TrainingProgress, packs: Sequence[LoadedPack],
                 clock: Callable[[], datetime] = oslo_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reader = ReaderWidget(progress, packs, clock, self)
        self.reader.present_requested.connect(self._on_reader_present_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reader)
        self.resize(*DEFAULT_SIZE)
        self.retranslate()

    def _on_reader_present_requested(self, loaded: LoadedPack, module_id: str) -> None:
        from initiator_desktop.ui.training.presenter.presenter_session import start_presenter

        start_presenter(loaded, module_id)

    def retranslate(self) -> None:
        # Course material only: never anything from the vault in a window title.
        self.setWindowTitle(_("Initiator course: self-study"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reader.forget()
        super().closeEvent(event)


def open_reader(parent: QWidget, progress: TrainingProgress, *,
                library: PackLibrary | None = None,
                clock: Callable[[], datetime] = oslo_now) -> ReaderWindow:
    """Open (or bring forward) the reader as a child window of ``parent``.

    ``progress`` is the open vault's repository. Packs: the built-in course first, then the
    valid packs in the app's content folder (or ``library``).
    """
    existing = parent.findChild(ReaderWindow)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window = ReaderWindow(progress, available_packs(library), clock, parent)
    window.show()
    return window


class TrainingActions(QObject):
    """The two menu actions of the training side, for the main window's menus.

    ``open_reader`` opens the self-study reader; ``present`` asks which module to present
    and starts presenter mode. Call ``retranslate`` on a language change.
    """

    def __init__(self, window: QWidget, progress: TrainingProgress, *,
                 library: PackLibrary | None = None,
                 clock: Callable[[], datetime] = oslo_now) -> None:
        super().__init__(window)
        self._progress = progress
        self._library = library
        self._clock = clock
        self.open_reader = QAction(window)
        self.present = QAction(window)
        self.open_reader.triggered.connect(self._on_open_reader_triggered)
        self.present.triggered.connect(self._on_present_triggered)
        self.retranslate()

    def _window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def _on_open_reader_triggered(self) -> None:
        open_reader(self._window(), self._progress, library=self._library, clock=self._clock)

    def _on_present_triggered(self) -> None:
        from initiator_desktop.ui.training.presenter.module_chooser_dialog import (
            choose_and_present,
        )

        choose_and_present(self._window(), available_packs(self._library))

    def retranslate(self) -> None:
        self.open_reader.setText(_("&Initiator course (self-study)…"))
        self.open_reader.setToolTip(_("Read the course modules at your own pace; your "
                                      "progress is kept in the vault."))
        self.present.setText(_("&Present a course module…"))
        self.present.setToolTip(_("Slides for the projector and a speaker view for you."))
