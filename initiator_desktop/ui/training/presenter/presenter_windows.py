"""The two presenter windows: the audience slide (for the projector) and the speaker window.

Every key a window gets goes to the controller first, as in a presentation program; Tab
is a presentation key here, not focus movement. With one screen the speaker window holds
the audience slide too and switches between the two.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from initiator_desktop.i18n import _, current_language
from initiator_desktop.ui.training.presenter.presenter_controller import PresenterController
from initiator_desktop.ui.training.presenter.slide_view import SlideView
from initiator_desktop.ui.training.presenter.speaker_view import SpeakerView


class AudienceView(SlideView):
    """The slide as the room sees it; a click moves on, a right click goes back."""

    def __init__(self, controller: PresenterController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setCursor(Qt.CursorShape.BlankCursor)
        controller.changed.connect(self.refresh)
        controller.ticked.connect(self.refresh_timer)
        self.refresh()

    def refresh(self) -> None:
        c = self.controller
        self.show_slide(c.content(), c.images, blank=c.state.blank)
        self.refresh_timer()

    def refresh_timer(self) -> None:
        self.set_timer(*self.controller.round_text())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.controller.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.controller.previous()
        event.accept()


class _PresenterWindow(QWidget):
    """Keys to the controller; closing the window ends the presentation."""

    def __init__(self, controller: PresenterController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ending = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.controller.handle_key(event.key(), event.modifiers()):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, _next: bool) -> bool:
        return False  # Tab belongs to the presentation

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ending:
            self.controller.leave()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.controller.set_language(current_language())
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class AudienceWindow(_PresenterWindow):
    def __init__(self, controller: PresenterController) -> None:
        super().__init__(controller)
        self.view = AudienceView(controller, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setStyleSheet("background: black;")
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Presentation"))


class SpeakerWindow(_PresenterWindow):
    """The speaker view; with one screen it can show the audience slide instead."""

    def __init__(self, controller: PresenterController) -> None:
        super().__init__(controller)
        self.speaker = SpeakerView(controller, self)
        self.audience = AudienceView(controller, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.speaker)
        self.stack.addWidget(self.audience)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()

    @property
    def showing_audience(self) -> bool:
        return self.stack.currentWidget() is self.audience

    def show_audience(self, shown: bool) -> None:
        self.stack.setCurrentWidget(self.audience if shown else self.speaker)
        self.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Presenter: speaker view"))
