"""The speaking-round timer: a fair time per person, shown large, silent.

The time comes from the core's ``SpeakingRound`` and a clock; this widget only reads it
on a slow tick. When a turn is nearly up the card turns a warm sand, and a soft clay when
it runs over. There is no sound and nothing blinks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.speaking_round import (
    MAX_PEOPLE,
    FairShare,
    RoundAction,
    RoundState,
    SpeakingRound,
    TurnPhase,
    fair_share,
)
from initiator_desktop.i18n import _
from initiator_desktop.ui.meeting.meeting_style import (
    GAP,
    MeetingColours,
    big_label,
    colours,
    muted_label,
    phase_colour,
)
from initiator_desktop.ui.meeting.meeting_texts import clock_text, share_text
from initiator_desktop.ui.meeting.stepper import Stepper

TICK_MS = 500
_MIN_TURN = 30  # seconds: the shortest turn the stepper offers


class RoundTimerPanel(QFrame):
    """Set the people and the time each, then start, pause and move to the next person.

    ``available`` gives the seconds the round may use, asked anew while it waits to start;
    ``clock`` gives seconds for the round itself.
    """

    phase_changed = Signal(str)

    def __init__(self, people: int, available: Callable[[], int], clock: Callable[[], float],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerCard")
        self._available = available
        self._clock = clock
        self._scheme: MeetingColours = colours()
        self._phase = TurnPhase.CALM
        self._manual_share = False
        self._setting = False
        self.share: FairShare = fair_share(0, 1)
        self.round: SpeakingRound | None = None
        self._build(people)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.refresh)
        self.reset()

    def _build(self, people: int) -> None:
        self.heading = big_label(self, 1.15, bold=True)
        self.share_note = muted_label(self)
        self.people_label, self.minutes_label = QLabel(self), QLabel(self)
        self.people_stepper = Stepper(QSpinBox, 1.05, self)
        self.minutes_stepper = Stepper(QDoubleSpinBox, 1.05, self)
        self.people = people_spin = self.people_stepper.spin
        self.minutes = minutes_spin = self.minutes_stepper.spin
        people_spin.setRange(1, MAX_PEOPLE)
        people_spin.setValue(max(1, min(people, MAX_PEOPLE)))
        minutes_spin.setRange(_MIN_TURN / 60, 20)
        minutes_spin.setSingleStep(0.5)
        minutes_spin.setDecimals(1)
        self.people_stepper.fit_width()
        self.minutes_stepper.fit_width()
        self.people_label.setBuddy(people_spin)
        self.minutes_label.setBuddy(minutes_spin)
        self.time = big_label(self, 3.6, bold=True, wrap=False)
        self.time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("+00:00") + 24)
        self.person = big_label(self, 1.15)
        self.state_note = muted_label(self)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("primary")
        self.next_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.people.valueChanged.connect(self._on_people_value_changed)
        self.minutes.valueChanged.connect(self._on_minutes_value_changed)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self._lay_out()

    def _lay_out(self) -> None:
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.heading)
        words.addWidget(self.share_note)
        words.addStretch(1)
        words.addWidget(self.person)
        words.addWidget(self.state_note)
        words.addStretch(1)
        buttons = QVBoxLayout()
        buttons.setSpacing(GAP // 2)
        for button in (self.start_button, self.next_button, self.stop_button):
            buttons.addWidget(button)
        main = QHBoxLayout()
        main.setSpacing(GAP + 8)
        main.addLayout(words, 1)
        main.addWidget(self.time, 1)
        main.addLayout(buttons)
        settings = QHBoxLayout()
        settings.setSpacing(GAP // 2)
        settings.addWidget(self.people_label)
        settings.addWidget(self.people_stepper)
        settings.addSpacing(GAP * 2)
        settings.addWidget(self.minutes_label)
        settings.addWidget(self.minutes_stepper)
        settings.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(GAP + 8, GAP - 4, GAP + 8, GAP - 4)
        column.setSpacing(GAP // 2)
        column.addLayout(main, 1)
        column.addLayout(settings)

    # the round -----------------------------------------------------------------------
    def reset(self, people: int | None = None) -> None:
        """A fresh round, its fair share worked out from the time there is now."""
        self.round = None
        self._manual_share = False
        if people is not None:
            self._set_quietly(self.people, max(1, min(people, MAX_PEOPLE)))
        self._recompute()
        self.refresh()

    def _recompute(self) -> None:
        self.share = fair_share(self._available(), self.people.value())
        if not self._manual_share:
            self._set_quietly(self.minutes, max(_MIN_TURN, self.share.seconds) / 60)

    def _set_quietly(self, field: QSpinBox | QDoubleSpinBox, value: float) -> None:
        self._setting = True
        try:
            field.setValue(value)  # type: ignore[arg-type]
        finally:
            self._setting = False

    def turn_seconds(self) -> int:
        return max(_MIN_TURN, round(self.minutes.value() * 60))

    def _on_people_value_changed(self, _value: int) -> None:
        if not self._setting:
            self._recompute()
            self.refresh()

    def _on_minutes_value_changed(self, _value: float) -> None:
        if not self._setting:
            self._manual_share = True
            self.refresh()

    def _on_start_button_clicked(self) -> None:
        state = self.round.state if self.round else RoundState.READY
        if self.round is None or state is RoundState.FINISHED:
            if state is RoundState.FINISHED:
                self.reset()
            self.round = SpeakingRound(self.people.value(), self.turn_seconds(), self._clock)
            self.round.start()
        elif state is RoundState.RUNNING:
            self.round.pause()
        elif state is RoundState.PAUSED:
            self.round.resume()
        self.refresh()

    def _on_next_button_clicked(self) -> None:
        if self.round is not None and RoundAction.NEXT in self.round.allowed():
            self.round.next_person()
        self.refresh()

    def _on_stop_button_clicked(self) -> None:
        if self.round is not None and RoundAction.FINISH in self.round.allowed():
            self.round.finish()
        self.refresh()

    # showing -------------------------------------------------------------------------
    def state(self) -> RoundState:
        return self.round.state if self.round is not None else RoundState.READY

    def phase(self) -> TurnPhase:
        return self.round.phase() if self.round is not None else TurnPhase.CALM

    def refresh(self) -> None:
        """Read the clock and show where the round stands (the tick calls this)."""
        state = self.state()
        if state is RoundState.READY and not self._manual_share:
            self._recompute()
        self._apply_phase(self.phase())
        self.retranslate()

    def _apply_phase(self, phase: TurnPhase, *, force: bool = False) -> None:
        s = self._scheme
        if phase is self._phase and not force and self.styleSheet():
            return
        self.setStyleSheet(
            f"QFrame#timerCard {{ background: {phase_colour(phase, s)}; "
            f"border: 1px solid {s.border}; border-radius: 14px; }}")
        if phase is not self._phase:
            self._phase = phase
            self.phase_changed.emit(phase.value)

    def retranslate(self) -> None:
        state, turn = self.state(), self.round
        self.heading.setText(_("Speaking round"))
        self.people_label.setText(_("People"))
        self.minutes_label.setText(_("Minutes each"))
        waiting = state is RoundState.READY or state is RoundState.FINISHED
        self.people_stepper.setEnabled(waiting)
        self.minutes_stepper.setEnabled(waiting)
        self.share_note.setText(self._share_words())
        self.start_button.setText({
            RoundState.READY: _("&Start"), RoundState.RUNNING: _("Pa&use"),
            RoundState.PAUSED: _("&Go on"), RoundState.FINISHED: _("New &round"),
        }[state])
        self.next_button.setText(_("Ne&xt person"))
        self.stop_button.setText(_("&End round"))
        self.next_button.setEnabled(turn is not None and RoundAction.NEXT in turn.allowed())
        self.stop_button.setEnabled(turn is not None and RoundAction.FINISH in turn.allowed())
        if turn is None:
            self.time.setText(clock_text(self.turn_seconds()))
            self.person.setText(_("Ready when you are."))
        elif state is RoundState.FINISHED:
            self.time.setText(clock_text(0))
            self.person.setText(_("The round is finished."))
        else:
            self.time.setText(clock_text(turn.remaining()))
            self.person.setText(_("Person {number} of {count}").format(
                number=turn.person, count=turn.people))
        self.state_note.setText(self._state_words())

    def _share_words(self) -> str:
        share = self.share
        if share.seconds == 0:
            return _("There is no time left for a round before the next break or the end.")
        if share.short:
            return _("Time is short: {share} each would fit.").format(
                share=share_text(share.seconds))
        return _("Fair time: {share} each.").format(share=share_text(share.seconds))

    def _state_words(self) -> str:
        if self.state() is RoundState.PAUSED:
            return _("Paused.")
        phase = self.phase()
        if phase is TurnPhase.NEARLY_UP:
            return _("Nearly time for the next person.")
        if phase is TurnPhase.OVER:
            return _("The time is up. Let them finish the thought.")
        return ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ticker.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ApplicationPaletteChange:
            self._scheme = colours()
            self._apply_phase(self.phase(), force=True)
        super().changeEvent(event)
