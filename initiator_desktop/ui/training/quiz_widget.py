"""The reader's quiz: one question at a time, feedback on each answer at once, then a score.

Pack text (questions, answers, explanations) is shown as plain text, never as HTML.
``answered`` carries the score after every checked answer so the reader can keep the best.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import AnswerFeedback, QuizKind, QuizQuestion, QuizScore
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.training_progress import QuizBest
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.style import SPACING, WIDE_SPACING, hint_label, is_dark
from initiator_desktop.ui.training.markdown_view import plain_label
from initiator_desktop.ui.training.quiz_session import QuizSession

COLUMN_WIDTH = 760
_RIGHT = {False: QColor("#1d6b3a"), True: QColor("#93d3a2")}
_WRONG = {False: QColor("#a4262c"), True: QColor("#f1a7a7")}


def _colour(widget: QWidget, right: bool) -> None:
    palette = QPalette(widget.palette())
    table = _RIGHT if right else _WRONG
    # Both roles: on the page's Base background a label paints with Text, not WindowText.
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, table[is_dark(palette)])
    widget.setPalette(palette)


def _scaled_font(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def feedback_text(item: AnswerFeedback, single: bool) -> str:
    """What is said under an answer once the question is checked ("" for nothing)."""
    if item.chosen and item.correct:
        lead = _("Right.")
    elif item.chosen:
        lead = _("Not right.")
    elif item.correct:
        lead = _("This is the right answer.") if single else _("This one is right too.")
    else:
        return ""
    return f"{lead} {item.explanation}".strip()


class ClickableLabel(QLabel):
    """The answer's text: clicking it works like clicking its button (long text wraps)."""

    def __init__(self, button: QAbstractButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._button = button
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.click()
        super().mouseReleaseEvent(event)


class AnswerRow(QWidget):
    """One answer: its button, its text and, after checking, its feedback."""

    def __init__(self, text: str, single: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button: QAbstractButton = QRadioButton(self) if single else QCheckBox(self)
        self.button.setAccessibleName(text)
        self.label = ClickableLabel(self.button, text, self)
        _scaled_font(self.label, 1.08)
        self.feedback = plain_label("", self)
        self.feedback.hide()
        text_column = QVBoxLayout()
        text_column.setSpacing(4)
        text_column.addWidget(self.label)
        text_column.addWidget(self.feedback)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text_column, 1)

    def show_feedback(self, item: AnswerFeedback, single: bool) -> None:
        text = feedback_text(item, single)
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        _colour(self.feedback, item.correct)
        self.button.setEnabled(False)
        if item.correct:
            font = QFont(self.label.font())
            font.setBold(True)
            self.label.setFont(font)


class QuizWidget(QScrollArea):
    """``answered(QuizScore)`` after each checked answer."""

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = QuizSession(())
        self._best: QuizBest | None = None
        self._rows: list[AnswerRow] = []
        self._group: QButtonGroup | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        self.counter = hint_label()
        self.best_label = hint_label()
        self.question_label = plain_label()
        _scaled_font(self.question_label, 1.25, bold=True)
        self.how_label = hint_label()
        self.answers_box = QVBoxLayout()
        self.answers_box.setSpacing(2)
        self.verdict = plain_label()
        _scaled_font(self.verdict, 1.1, bold=True)
        self.check_button = QPushButton()
        self.next_button = QPushButton()
        self.retry_button = QPushButton()
        self.score_label = hint_label()
        self.result_label = plain_label()
        _scaled_font(self.result_label, 1.25, bold=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(WIDE_SPACING + 2, WIDE_SPACING, WIDE_SPACING, WIDE_SPACING)
        layout.setSpacing(SPACING)
        for widget in (self.counter, self.question_label, self.how_label):
            layout.addWidget(widget)
        layout.addLayout(self.answers_box)
        layout.addWidget(self.verdict)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)
        layout.addWidget(self.score_label)
        layout.addWidget(self.best_label)
        layout.addStretch(1)
        outer = QWidget()
        outer.setBackgroundRole(QPalette.ColorRole.Base)
        centred = QHBoxLayout(outer)
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        self.setWidget(outer)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)

    # content ----------------------------------------------------------------------------
    def set_questions(self, questions: tuple[QuizQuestion, ...],
                      best: QuizBest | None = None) -> None:
        """A fresh pass through ``questions`` (a new module, or the language changed)."""
        self.session = QuizSession(tuple(questions))
        self._best = best
        self._show_question()

    def set_best(self, best: QuizBest | None) -> None:
        self._best = best
        self._show_score()

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        self._group = None

    def _show_question(self) -> None:
        self._clear_rows()
        session = self.session
        finished = session.finished
        self.result_label.setVisible(finished)
        for widget in (self.counter, self.question_label, self.how_label):
            widget.setVisible(bool(session.questions) and not finished)
        self.verdict.hide()
        if not session.questions or finished:
            self.check_button.hide()
            self.next_button.hide()
            self.retry_button.setVisible(finished)
            self._show_score()
            return
        question = session.question
        single = question.kind is QuizKind.SINGLE
        self._group = QButtonGroup(self)
        self._group.setExclusive(single)
        for index, answer in enumerate(question.answers):
            row = AnswerRow(answer.text, single)
            self._group.addButton(row.button, index)
            row.button.toggled.connect(self._update_buttons)
            self.answers_box.addWidget(row)
            self._rows.append(row)
        self.question_label.setText(question.question)
        self.check_button.show()
        self.next_button.hide()
        self.retry_button.hide()
        self._retranslate_question()
        self._update_buttons()
        self._show_score()
        self.verticalScrollBar().setValue(0)

    def chosen(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if row.button.isChecked()]

    def choose(self, *indices: int) -> None:
        """Tick answers as a person would (for keyboard users and tests alike)."""
        for index in indices:
            self._rows[index].button.setChecked(True)

    def _update_buttons(self) -> None:
        answered = self.session.current in self.session.responses
        self.check_button.setEnabled(bool(self.chosen()) and not answered)

    # answering --------------------------------------------------------------------------
    def _on_check_button_clicked(self) -> None:
        session = self.session
        try:
            result = session.answer(self.chosen())
        except DomainError:
            return  # only possible if the buttons disagree with the kind; nothing stored
        single = session.question.kind is QuizKind.SINGLE
        for row, item in zip(self._rows, result.feedback, strict=True):
            row.show_feedback(item, single)
        self.verdict.setText(_("Right!") if result.correct
                             else _("Not quite. The right answer is marked in bold."))
        _colour(self.verdict, result.correct)
        self.verdict.show()
        self.check_button.hide()
        self.next_button.show()
        self.next_button.setDefault(True)
        self.next_button.setFocus()
        self._retranslate_question()
        score = session.score()
        self._show_score()
        self.answered.emit(score)

    def _on_next_button_clicked(self) -> None:
        session = self.session
        following = next((i for i in range(len(session.questions))
                          if i not in session.responses and i > session.current), None)
        if following is None:
            following = next((i for i in range(len(session.questions))
                              if i not in session.responses), session.current)
        session.go_to(following)
        self._show_question()

    def _on_retry_button_clicked(self) -> None:
        self.session.restart()
        self._show_question()

    def _show_score(self) -> None:
        score = self.session.score()
        if self.session.finished:
            self.result_label.setText(ngettext(
                "You answered {correct} of {total} question right.",
                "You answered {correct} of {total} questions right.",
                score.total).format(correct=score.correct, total=score.total))
            self.score_label.setText(_("That is {percent} %.").format(percent=score.percent))
        elif score.answered:
            self.score_label.setText(ngettext(
                "So far {correct} of {answered} answer right.",
                "So far {correct} of {answered} answers right.",
                score.answered).format(correct=score.correct, answered=score.answered))
        else:
            self.score_label.setText("")
        best = self._best
        # During a pass the running score says enough; the best is for the start and end.
        in_pass = bool(score.answered) and not self.session.finished
        self.best_label.setVisible(best is not None and not in_pass)
        if best is None:
            return
        if best.answered == best.total:
            text = _("Your best result: {correct} of {total} right.")
        else:
            text = _("Your best result: {correct} right, with {answered} of {total} "
                     "questions answered.")
        self.best_label.setText(text.format(correct=best.correct, answered=best.answered,
                                            total=best.total))

    def score(self) -> QuizScore:
        return self.session.score()

    # texts ------------------------------------------------------------------------------
    def _retranslate_question(self) -> None:
        session = self.session
        if not session.questions:
            return
        self.counter.setText(_("Question {number} of {total}").format(
            number=session.current + 1, total=len(session.questions)))
        single = session.question.kind is QuizKind.SINGLE
        self.how_label.setText(_("Choose one answer.") if single
                               else _("Choose every answer that is right."))
        left = len(session.questions) - len(session.responses)
        self.next_button.setText(_("Next question") if left else _("See your score"))

    def retranslate(self) -> None:
        self.check_button.setText(_("Check the answer"))
        self.retry_button.setText(_("Try the quiz again"))
        self._retranslate_question()
        self._show_score()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
