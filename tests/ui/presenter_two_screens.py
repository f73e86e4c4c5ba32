"""The presenter walk with two screens, run as its own process by test_training_presenter.py.

Start it with ``QT_QPA_PLATFORM=offscreen:configfile=FILE`` naming two screens (s1, the
laptop, then s2, the projector). Exits 0 when every check holds; otherwise prints what
failed and exits 1.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path

# As in tests/conftest.py: private folders, and no socket may be opened.
_SANDBOX = Path(tempfile.mkdtemp(prefix="initiator-presenter-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())


class _NoNetwork(socket.socket):
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("network access attempted")


socket.socket = _NoNetwork  # type: ignore[misc]

import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from initiator_desktop.exchange.content_pack.library import PackLibrary  # noqa: E402
from initiator_desktop.ui.training.presenter.presenter_session import (  # noqa: E402
    start_presenter,
)
from initiator_desktop.ui.training.presenter.slides import SlideKind  # noqa: E402
from initiator_desktop.ui.training.reader_packs import available_packs  # noqa: E402

failures: list[str] = []


def check(condition: bool, what: str) -> None:
    if not condition:
        failures.append(what)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def press(app: QApplication, window: QWidget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))
    settle(app)


def main() -> int:
    app = QApplication(sys.argv)
    screens = QGuiApplication.screens()
    if [s.name() for s in screens] != ["s1", "s2"]:
        print(f"FAILED: expected the screens s1 and s2, got {[s.name() for s in screens]}")
        return 1
    laptop, projector = screens
    loaded = available_packs(PackLibrary(_SANDBOX / "packs"))[0]
    session = start_presenter(loaded, "06-first-meeting")
    settle(app)
    audience, speaker = session.audience_window, session.speaker_window
    check(session.two_screens, "the session did not see two screens")
    check(audience.isVisible(), "the audience window is not shown")
    check(audience.screen() is projector, f"audience on {audience.screen().name()}, not s2")
    check(audience.isFullScreen(), "the audience window is not full screen")
    check(audience.geometry() == projector.geometry(),
          f"audience geometry {audience.geometry()} is not s2's {projector.geometry()}")
    check(speaker.screen() is laptop, f"speaker view on {speaker.screen().name()}, not s1")
    check(not speaker.showing_audience, "the speaker window shows the slide, not the notes")
    check(speaker.speaker.switch_button.text() == "Swap screens (Tab)", "no swap button text")

    controller = session.controller
    press(app, speaker, Qt.Key.Key_Right)
    press(app, speaker, Qt.Key.Key_Right)
    title = loaded.pack.module("06-first-meeting").text("en").sections[1].title  # type: ignore[union-attr]
    content = audience.view.content
    check(content is not None and content.title == title,
          "the audience window does not show the second section")
    press(app, audience, Qt.Key.Key_Left)  # a clicker may send its keys to the projector
    check(controller.state.position == 1, "a key in the audience window did not go back")
    press(app, speaker, Qt.Key.Key_B)
    check(audience.view.blank, "B did not blank the projector")
    press(app, speaker, Qt.Key.Key_B)
    check(not audience.view.blank, "B did not bring the picture back")
    case_at = next(i for i, s in enumerate(controller.state.slides) if s.kind is SlideKind.CASE)
    controller.go_to(case_at)
    press(app, speaker, Qt.Key.Key_T)
    settle(app)
    check(audience.view.timer_text.endswith(":00") or audience.view.timer_text.startswith("9:"),
          f"the round timer shows {audience.view.timer_text!r}")

    press(app, speaker, Qt.Key.Key_Tab)  # two screens: swap them
    check(audience.screen() is laptop, "Tab did not move the slide to the other screen")
    check(speaker.screen() is projector, "Tab did not move the speaker view")
    press(app, speaker, Qt.Key.Key_Tab)
    check(audience.screen() is projector, "a second Tab did not swap back")

    ended: list[bool] = []
    session.ended.connect(lambda: ended.append(True))
    press(app, speaker, Qt.Key.Key_Escape)
    check(ended == [True], "Esc did not end presenter mode")
    check(not shiboken6.isValid(audience) or not audience.isVisible(),
          "Esc left the audience window open")
    check(not shiboken6.isValid(speaker) or not speaker.isVisible(),
          "Esc left the speaker window open")
    if failures:
        for failure in failures:
            print("FAILED:", failure)
        return 1
    print("two-screen walk ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
