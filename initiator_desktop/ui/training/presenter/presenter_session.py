"""Starting and arranging presenter mode: which window goes on which screen.

With a second screen (a projector) the audience window opens full screen there and the
speaker view stays on the laptop; with one screen the presenter switches between the two
with Tab. A screen plugged in or out during the session rearranges the windows.

The session is not a child of the main window and holds nothing from the vault, so an
automatic lock in the middle of a course day does not end the presentation.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.ui.training.presenter.presenter_controller import PresenterController
from initiator_desktop.ui.training.presenter.presenter_windows import (
    AudienceWindow,
    SpeakerWindow,
)

ScreenList = Callable[[], Sequence[QScreen]]
_RUNNING: list[PresenterSession] = []


def _place(window: QWidget, screen: QScreen, *, full: bool) -> None:
    window.setScreen(screen)
    window.setGeometry(screen.availableGeometry() if not full else screen.geometry())
    if full:
        window.showFullScreen()
    else:
        window.showMaximized()


class PresenterSession(QObject):
    """The windows of one presentation; ``ended`` once they are closed."""

    ended = Signal()

    def __init__(self, loaded: LoadedPack, module_id: str, *,
                 session_minutes: int | None = None,
                 screens: ScreenList = QGuiApplication.screens,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._screens = screens
        self.swapped = False
        self.two_screens = False
        self.controller = PresenterController(loaded, module_id, session_minutes=session_minutes,
                                              monotonic=monotonic, parent=self)
        self.speaker_window = SpeakerWindow(self.controller)
        self.audience_window = AudienceWindow(self.controller)
        self.controller.switch_requested.connect(self._on_controller_switch_requested)
        self.controller.finished.connect(self.close)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_screens_changed)
            app.screenRemoved.connect(self._on_screens_changed)

    def _pick(self, screens: Sequence[QScreen]) -> tuple[QScreen, QScreen | None]:
        """The speaker's screen (the primary one) and the audience's (another), if any."""
        primary = QGuiApplication.primaryScreen()
        speaker = primary if primary in screens else screens[0]
        others = [s for s in screens if s is not speaker]
        if not others:
            return speaker, None
        return (others[0], speaker) if self.swapped else (speaker, others[0])

    def arrange(self) -> None:
        screens = list(self._screens())
        if not screens:
            return
        speaker, audience = self._pick(screens)
        self.two_screens = audience is not None
        self.speaker_window.speaker.set_two_screens(self.two_screens)
        if audience is not None:
            self.speaker_window.show_audience(False)
            _place(self.audience_window, audience, full=True)
        else:
            self.audience_window.hide()
        _place(self.speaker_window, speaker, full=self.speaker_window.showing_audience)
        self.speaker_window.raise_()
        self.speaker_window.activateWindow()
        self.speaker_window.setFocus()

    def show_audience_here(self, shown: bool) -> None:
        """One screen: the speaker window shows the audience slide full screen, or the notes."""
        window = self.speaker_window
        window.show_audience(shown)
        if shown:
            window.showFullScreen()
        else:
            window.showNormal()
            window.showMaximized()

    def _on_controller_switch_requested(self) -> None:
        if self.two_screens:
            self.swapped = not self.swapped
            self.arrange()
        else:
            self.show_audience_here(not self.speaker_window.showing_audience)

    def _on_screens_changed(self, _screen: QScreen) -> None:
        if self.speaker_window.isVisible():
            self.arrange()

    def close(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self._on_screens_changed)
            app.screenRemoved.disconnect(self._on_screens_changed)
        for window in (self.audience_window, self.speaker_window):
            window.ending = True
            window.close()
            window.deleteLater()
        if self in _RUNNING:
            _RUNNING.remove(self)
        self.ended.emit()


def start_presenter(loaded: LoadedPack, module_id: str, *,
                    session_minutes: int | None = None,
                    screens: ScreenList = QGuiApplication.screens) -> PresenterSession:
    """Open presenter mode for ``module_id`` of ``loaded`` and return the running session.

    ``session_minutes`` defaults to the module's suggested time. The session keeps itself
    alive until the presenter ends it (Esc, End, or closing a window).
    """
    session = PresenterSession(loaded, module_id, session_minutes=session_minutes,
                               screens=screens)
    _RUNNING.append(session)
    session.arrange()
    return session


def running_sessions() -> list[PresenterSession]:
    return list(_RUNNING)
