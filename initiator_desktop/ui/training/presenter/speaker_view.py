"""The speaker view on the laptop: notes, the slide now and what comes next, and the clocks.

Made to be read at a glance from a step away: large notes, large digits, calm colours.
No widget here takes the keyboard focus except the two minute fields, so the
presentation keys always reach the window.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.style import SPACING, is_dark
from initiator_desktop.ui.training.markdown_view import MarkdownView, plain_label
from initiator_desktop.ui.training.presenter.presenter_controller import PresenterController
from initiator_desktop.ui.training.presenter.slide_view import TIMER_COLOURS, SlideView
from initiator_desktop.ui.training.presenter.slides import SlideKind
from initiator_desktop.ui.training.presenter.timers import (
    MAX_MINUTES,
    MAX_ROUND_MINUTES,
    MIN_MINUTES,
    Phase,
    clock_text,
)

PREVIEW_WIDTH = 480
_OVER_ON_LIGHT, _OVER_ON_DARK = QColor("#9a4325"), QColor("#f0b49c")


def _scaled(widget: QWidget, scale: float, bold: bool = False) -> QWidget:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def _caption(text: str = "") -> QLabel:
    """A small upper-case caption over a value, in the palette's quiet colour."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # it may show a pack's words
    label.setText(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
    label.setFont(font)
    return label


def _button(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _minutes_box(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    box.setKeyboardTracking(False)
    return box


class SpeakerView(QWidget):
    """Shows ``controller``'s state for the presenter and offers the same actions as buttons."""

    def __init__(self, controller: PresenterController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.two_screens = False
        self._build()
        self._connect()
        self.retranslate()
        self.refresh()

    # set-up -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.kicker = _caption()
        self.title = _scaled(plain_label(), 1.7, bold=True)
        self.position = _caption()
        self.elapsed_caption, self.left_caption = _caption(), _caption()
        self.elapsed = _scaled(QLabel(), 2.3, bold=True)
        self.left = _scaled(QLabel(), 2.3, bold=True)
        self.session_label = QLabel()
        self.session_minutes = _minutes_box(MIN_MINUTES, MAX_MINUTES)
        self.session_minutes.setValue(self.controller.session.minutes)
        self.session_label.setBuddy(self.session_minutes)
        self.restart_clock = _button(self)
        self.preview = SlideView()
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.next_caption = _caption()
        self.next_title = _scaled(plain_label(), 1.25, bold=True)
        self.round_box = QFrame()
        self.round_caption = _caption()
        self.round_time = _scaled(QLabel(), 2.6, bold=True)
        self.round_time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.round_time.setAutoFillBackground(True)
        self.round_time.setMargin(6)
        self.round_start, self.round_reset = _button(self), _button(self)
        self.round_label = QLabel()
        self.round_minutes = _minutes_box(MIN_MINUTES, MAX_ROUND_MINUTES)
        self.round_label.setBuddy(self.round_minutes)
        self.notes_caption = _caption()
        self.notes = MarkdownView(max_text_width=900, point_size=14)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes.setFrameShape(QFrame.Shape.StyledPanel)
        self.previous_button, self.next_button = _button(self), _button(self)
        self.blank_button, self.switch_button = _button(self), _button(self)
        self.reveal_button, self.end_button = _button(self), _button(self)
        self.blank_button.setCheckable(True)
        self.keys_hint = QLabel()
        self.keys_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.keys_hint.setWordWrap(True)
        self._arrange()

    def _arrange(self) -> None:
        clocks = QGridLayout()
        clocks.setHorizontalSpacing(28)
        clocks.setVerticalSpacing(0)
        clocks.addWidget(self.elapsed_caption, 0, 0)
        clocks.addWidget(self.left_caption, 0, 1)
        clocks.addWidget(self.elapsed, 1, 0)
        clocks.addWidget(self.left, 1, 1)
        session_row = QHBoxLayout()
        session_row.addWidget(self.session_label)
        session_row.addWidget(self.session_minutes)
        session_row.addWidget(self.restart_clock)
        clocks.addLayout(session_row, 2, 0, 1, 2)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.kicker)
        heading.addWidget(self.title)
        heading.addWidget(self.position)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addSpacing(24)
        top.addLayout(clocks)

        round_layout = QGridLayout(self.round_box)
        round_layout.setContentsMargins(0, SPACING, 0, 0)
        round_layout.addWidget(self.round_caption, 0, 0, 1, 4)
        round_layout.addWidget(self.round_time, 1, 0, 2, 1)
        round_layout.addWidget(self.round_start, 1, 1)
        round_layout.addWidget(self.round_reset, 1, 2)
        round_layout.addWidget(self.round_label, 2, 1)
        round_layout.addWidget(self.round_minutes, 2, 2)
        round_layout.setColumnStretch(0, 1)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.preview)
        left.addSpacing(SPACING)
        left.addWidget(self.next_caption)
        left.addWidget(self.next_title)
        left.addWidget(self.round_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.notes_caption)
        right.addWidget(self.notes, 1)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addLayout(left)
        middle.addLayout(right, 1)

        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.blank_button,
                       self.switch_button, self.reveal_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 14)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.keys_hint)

    def _connect(self) -> None:
        c = self.controller
        c.changed.connect(self.refresh)
        c.ticked.connect(self.refresh_clocks)
        self.previous_button.clicked.connect(c.previous)
        self.next_button.clicked.connect(c.next)
        self.blank_button.clicked.connect(c.toggle_blank)
        self.switch_button.clicked.connect(c.switch_requested)
        self.reveal_button.clicked.connect(c.toggle_reveal)
        self.end_button.clicked.connect(c.leave)
        self.round_start.clicked.connect(c.toggle_round)
        self.round_reset.clicked.connect(c.reset_round)
        self.round_minutes.valueChanged.connect(c.set_round_minutes)
        self.session_minutes.valueChanged.connect(c.set_session_minutes)
        self.restart_clock.clicked.connect(c.restart_session_clock)
        for box in (self.round_minutes, self.session_minutes):
            box.editingFinished.connect(self._give_keys_back)

    def _give_keys_back(self) -> None:
        window = self.window()
        if window is not None:
            window.setFocus()

    # showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        content = c.content()
        state = c.state
        self.kicker.setText(content.kicker.upper())
        self.title.setText(content.title)
        self.position.setText(c.position_text())
        self.preview.show_slide(content, c.images, blank=state.blank)
        self.preview.note = _("The audience screen is blank") if state.blank else ""
        self.next_title.setText(c.next_title())
        self.notes.show_markdown(c.notes_markdown(), c.images)
        is_quiz = c.slide.kind is SlideKind.QUIZ
        self.reveal_button.setVisible(is_quiz)
        self.reveal_button.setText(_("Hide the answer (R)") if state.is_revealed
                                   else _("Reveal the answer (R)"))
        self.blank_button.setChecked(state.blank)
        self.previous_button.setEnabled(state.position > 0 or state.blank)
        self.next_button.setEnabled(state.following is not None or state.blank or (
            is_quiz and not state.is_revealed))
        timer = c.round_timer()
        self.round_box.setVisible(timer is not None)
        if timer is not None:
            self.round_minutes.blockSignals(True)
            self.round_minutes.setValue(timer.minutes)
            self.round_minutes.blockSignals(False)
        self.refresh_clocks()

    def refresh_clocks(self) -> None:
        c = self.controller
        now = c.now()
        self.elapsed.setText(clock_text(c.session.elapsed(now)))
        left = c.session.left(now)
        if left >= 0:
            minutes = math.ceil(left / 60)
            self.left.setText(ngettext("{count} min", "{count} min", minutes).format(
                count=minutes))
        else:
            minutes = math.ceil(-left / 60)
            self.left.setText(_("+{count} min").format(count=minutes))
        self._colour_left(left < 0)
        text, phase = c.round_text()
        timer = c.round_timer()
        if timer is not None:
            self.round_time.setText(text)
            self._colour_round(phase)
            self.round_start.setText(_("Pause (T)") if timer.running else _("Start (T)"))
        self.preview.set_timer(text, phase)

    def _colour_left(self, over: bool) -> None:
        palette = QPalette(self.palette())
        if over:
            colour = _OVER_ON_DARK if is_dark(palette) else _OVER_ON_LIGHT
            palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.left.setPalette(palette)

    def _colour_round(self, phase: Phase) -> None:
        fill, ink = TIMER_COLOURS[phase]
        palette = QPalette(self.round_time.palette())
        palette.setColor(QPalette.ColorRole.Window, fill)
        palette.setColor(QPalette.ColorRole.WindowText, ink)
        self.round_time.setPalette(palette)

    def set_two_screens(self, two: bool) -> None:
        self.two_screens = two
        self.retranslate()

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.elapsed_caption.setText(_("ELAPSED"))
        self.left_caption.setText(_("LEFT OF THE SESSION"))
        self.session_label.setText(_("Session length (min):"))
        self.restart_clock.setText(_("Restart the clock"))
        self.next_caption.setText(_("NEXT"))
        self.round_caption.setText(_("ROUND TIMER"))
        self.round_reset.setText(_("Reset"))
        self.round_label.setText(_("Minutes:"))
        self.notes_caption.setText(_("SPEAKER NOTES"))
        self.previous_button.setText(_("‹ Previous"))
        self.next_button.setText(_("Next ›"))
        self.blank_button.setText(_("Blank screen (B)"))
        self.switch_button.setText(_("Swap screens (Tab)") if self.two_screens
                                   else _("Show the audience view (Tab)"))
        self.end_button.setText(_("End (Esc)"))
        switch = _("Tab swap screens") if self.two_screens else _("Tab switch views")
        self.keys_hint.setText(_(
            "Keys: → or Space next · ← previous · B blank screen · R reveal the answer · "
            "T start or pause the round timer · {switch} · Esc end").format(switch=switch))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "end_button"):
            self.retranslate()
        super().changeEvent(event)
