"""The running presentation: slides, keys, the session clock and the role-play timers.

Both windows show what this holds and send their keys here. It knows one loaded pack and
one module, nothing else: no repository, so nothing from the vault can reach a slide.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from initiator_desktop.core.course import Module
from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.ui.training.markdown_view import ImageSource, escape_markdown
from initiator_desktop.ui.training.presenter.presenter_state import PresenterState
from initiator_desktop.ui.training.presenter.slide_content import (
    LETTERS,
    SlideContent,
    slide_content,
)
from initiator_desktop.ui.training.presenter.slides import Slide, SlideKind, module_slides
from initiator_desktop.ui.training.presenter.timers import (
    DEFAULT_SESSION_MINUTES,
    Phase,
    RoundTimer,
    SessionClock,
    clock_text,
)

TICK_MS = 250
Key = Qt.Key
NEXT_KEYS = frozenset({Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space,
                       Key.Key_Return, Key.Key_Enter, Key.Key_N})
PREVIOUS_KEYS = frozenset({Key.Key_Left, Key.Key_Up, Key.Key_PageUp, Key.Key_Backspace,
                           Key.Key_P})
BLANK_KEYS = frozenset({Key.Key_B, Key.Key_Period})
SWITCH_KEYS = frozenset({Key.Key_Tab, Key.Key_S})


class PresenterController(QObject):
    """``changed`` when the slide or the screen changes, ``ticked`` for the clocks,
    ``switch_requested`` for Tab/S, ``finished`` when the presenter leaves."""

    changed = Signal()
    ticked = Signal()
    switch_requested = Signal()
    finished = Signal()

    def __init__(self, loaded: LoadedPack, module_id: str, *,
                 session_minutes: int | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        module = loaded.pack.module(module_id)
        if module is None:
            raise ValueError(f"no module {module_id} in pack {loaded.pack.id}")
        self.loaded = loaded
        self.module: Module = module
        self.language = current_language()
        self._monotonic = monotonic
        self.state = PresenterState(module_slides(module, self.language))
        minutes = session_minutes or module.text(self.language).minutes or DEFAULT_SESSION_MINUTES
        self.session = SessionClock(started=monotonic(), minutes=minutes)
        self.rounds: dict[int, RoundTimer] = {}
        self.images: ImageSource = partial(loaded.image, module.id)
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.ticked)
        self._timer.start()

    def now(self) -> float:
        return self._monotonic()

    # what to show -----------------------------------------------------------------------
    @property
    def slide(self) -> Slide:
        return self.state.current

    def content(self, slide: Slide | None = None) -> SlideContent:
        shown = slide or self.state.current
        revealed = shown.kind is SlideKind.QUIZ and shown.index in self.state.revealed
        return slide_content(self.loaded.pack, self.module, shown, self.language,
                             revealed=revealed)

    def position_text(self) -> str:
        return _("Slide {number} of {count}").format(number=self.state.position + 1,
                                                     count=len(self.state.slides))

    def next_title(self) -> str:
        following = self.state.following
        if self.slide.kind is SlideKind.QUIZ and not self.state.is_revealed:
            return _("The answer to this question")
        if following is None:
            return _("The end of the module")
        content = self.content(following)
        if following.kind is SlideKind.CASE:
            return _("Role play: {title}").format(title=content.title)
        return content.title

    def round_timer(self) -> RoundTimer | None:
        slide = self.slide
        if slide.kind is not SlideKind.CASE:
            return None
        return self.rounds.setdefault(slide.index, RoundTimer())

    def round_text(self) -> tuple[str, Phase]:
        timer = self.round_timer()
        if timer is None:
            return "", Phase.CALM
        now = self.now()
        left = timer.remaining(now)
        text = clock_text(math.ceil(left)) if left > 0 else "+" + clock_text(-left)
        return text, timer.phase(now)

    def notes_markdown(self) -> str:
        """The speaker's notes for the current slide (pack Markdown, or escaped plain text)."""
        slide, text = self.slide, self.module.text(self.language)
        if slide.kind is SlideKind.SECTION:
            section = self.module.section(slide.key, self.language)
            if section is None:
                return ""
            notes = section.notes.strip() or escape_markdown(_("No notes for this section."))
            return (notes + "\n\n---\n\n### " + escape_markdown(_("The whole section")) +
                    "\n\n" + section.body)
        if slide.kind is SlideKind.TITLE:
            return self._overview_notes()
        if slide.kind is SlideKind.REFLECTION:
            lines = [escape_markdown(_("Give the room time: a minute alone first, then talk "
                                       "in pairs or all together."))]
            lines += [f"{i}. {escape_markdown(q)}" for i, q in enumerate(text.reflection, 1)]
            return "\n\n".join(lines)
        if slide.kind is SlideKind.CASE:
            return self._case_notes(slide.index)
        return self._quiz_notes(slide.index)

    def _overview_notes(self) -> str:
        text = self.module.text(self.language)
        lines = []
        if text.minutes:
            lines.append(escape_markdown(ngettext(
                "Suggested time: about {count} minute.", "Suggested time: about {count} "
                "minutes.", text.minutes).format(count=text.minutes)))
        if text.summary.strip():
            lines.append(escape_markdown(text.summary.strip()))
        sections = [f"{i}. {escape_markdown(s.title)}" for i, s in enumerate(text.sections, 1)]
        lines.append("\n".join(sections))
        lines.append(escape_markdown(_(
            "Then: {reflection} reflection questions, {cases} role plays and {quiz} quiz "
            "questions.").format(reflection=len(text.reflection), cases=len(text.cases),
                                 quiz=len(text.quiz))))
        return "\n\n".join(lines)

    def _case_notes(self, index: int) -> str:
        case = self.module.text(self.language).cases[index]
        lines = ["### " + escape_markdown(_("Roles to hand out"))]
        for role in case.roles:
            lines.append(f"**{escape_markdown(role.name)}**: {escape_markdown(role.brief)}")
        if case.debrief:
            lines.append("### " + escape_markdown(_("Debrief")))
            lines += [f"{i}. {escape_markdown(q)}" for i, q in enumerate(case.debrief, 1)]
        return "\n\n".join(lines)

    def _quiz_notes(self, index: int) -> str:
        question = self.module.text(self.language).quiz[index]
        right = ", ".join(LETTERS[i] for i in sorted(question.correct_indices))
        lines = ["### " + escape_markdown(_("Right: {letters}").format(letters=right))]
        for letter, answer in zip(LETTERS, question.answers, strict=False):
            sign = "✓" if answer.correct else "✗"
            line = f"**{letter} {sign}** {escape_markdown(answer.text)}"
            if answer.explanation:  # a backslash at the end of a line breaks it (CommonMark)
                line += f"\\\n*{escape_markdown(answer.explanation)}*"
            lines.append(line)
        return "\n\n".join(lines)

    # actions ----------------------------------------------------------------------------
    def next(self) -> None:
        if self.state.next():
            self.changed.emit()

    def previous(self) -> None:
        if self.state.previous():
            self.changed.emit()

    def go_to(self, position: int) -> None:
        if self.state.go_to(position):
            self.changed.emit()

    def toggle_blank(self) -> None:
        self.state.toggle_blank()
        self.changed.emit()

    def toggle_reveal(self) -> None:
        if self.state.toggle_reveal():
            self.changed.emit()

    def toggle_round(self) -> None:
        timer = self.round_timer()
        if timer is not None:
            timer.toggle(self.now())
            self.ticked.emit()

    def reset_round(self) -> None:
        timer = self.round_timer()
        if timer is not None:
            timer.reset()
            self.ticked.emit()

    def set_round_minutes(self, minutes: int) -> None:
        timer = self.round_timer()
        if timer is not None:
            timer.set_minutes(minutes)
            self.ticked.emit()

    def set_session_minutes(self, minutes: int) -> None:
        self.session.set_minutes(minutes)
        self.ticked.emit()

    def restart_session_clock(self) -> None:
        self.session.restart(self.now())
        self.ticked.emit()

    def leave(self) -> None:
        if not self._ended:
            self._ended = True
            self._timer.stop()
            self.finished.emit()

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.state.replace_slides(module_slides(self.module, language))
            self.changed.emit()

    def handle_key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        """Act on a key like a presentation program; False if the key means nothing here."""
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                        | Qt.KeyboardModifier.MetaModifier):
            return False
        actions: dict[frozenset[Qt.Key], Callable[[], None]] = {
            NEXT_KEYS: self.next, PREVIOUS_KEYS: self.previous, BLANK_KEYS: self.toggle_blank,
            SWITCH_KEYS: self.switch_requested.emit, frozenset({Key.Key_Escape}): self.leave,
            frozenset({Key.Key_R}): self.toggle_reveal, frozenset({Key.Key_T}): self.toggle_round,
            frozenset({Key.Key_Home}): partial(self.go_to, 0),
            frozenset({Key.Key_End}): partial(self.go_to, len(self.state.slides) - 1),
        }
        for keys, action in actions.items():
            if key in keys:
                action()
                return True
        return False
