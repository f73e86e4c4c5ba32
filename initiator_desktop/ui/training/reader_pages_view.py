"""The reader's page widgets: a section with its folded course-leader notes, the reflection
questions and a role-play case. Pack text is Markdown in the safe view or plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import Case, Section
from initiator_desktop.i18n import _
from initiator_desktop.ui.style import SPACING, WIDE_SPACING, hint_label
from initiator_desktop.ui.training.markdown_view import (
    ImageSource,
    MarkdownView,
    escape_markdown,
    no_images,
    plain_label,
)

COLUMN_WIDTH = 760
NOTES_HEIGHT = 230


def markdown_heading(title: str) -> str:
    """``# title`` with every Markdown character in the (plain) title escaped."""
    flat = " ".join(title.split())
    return "# " + escape_markdown(flat)


def _font(widget: QWidget, scale: float, bold: bool) -> QWidget:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)
    return widget


class SectionPage(QWidget):
    """A section to read; below it, folded away, the notes meant for course leaders."""

    section_link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = MarkdownView(self)
        self.notes_toggle = QToolButton(self)
        self.notes_toggle.setCheckable(True)
        self.notes_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.notes_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.notes_toggle.setAutoRaise(True)
        self.notes_view = MarkdownView(self, point_size=10.5)
        self.notes_view.setMaximumHeight(NOTES_HEIGHT)
        self.notes_view.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes_toggle)
        layout.addWidget(self.notes_view)
        self.notes_toggle.toggled.connect(self._on_notes_toggle_toggled)
        self.view.section_link_clicked.connect(self.section_link_clicked)
        self.retranslate()

    def show_section(self, section: Section, images: ImageSource = no_images) -> None:
        text = markdown_heading(section.title) + "\n\n" + section.body
        self.view.show_markdown(text, images)
        self.notes_view.show_markdown(section.notes, images)
        self.notes_toggle.setVisible(bool(section.notes.strip()))
        self.notes_view.setVisible(self.notes_toggle.isChecked() and bool(section.notes.strip()))

    def _on_notes_toggle_toggled(self, shown: bool) -> None:
        self.notes_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)
        self.notes_view.setVisible(shown)

    def retranslate(self) -> None:
        self.notes_toggle.setText(_("Notes for course leaders"))
        self.notes_toggle.setToolTip(_("What the course leader says and asks when teaching "
                                       "this part. Not needed for self-study."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TextPage(QScrollArea):
    """A scrolling column of plain-text labels (reflection questions, a case)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._column = QWidget()
        self._column.setMaximumWidth(COLUMN_WIDTH)
        self.column = QVBoxLayout(self._column)
        self.column.setContentsMargins(WIDE_SPACING + 2, WIDE_SPACING, WIDE_SPACING,
                                       WIDE_SPACING)
        self.column.setSpacing(SPACING)
        outer = QWidget()
        outer.setBackgroundRole(QPalette.ColorRole.Base)
        centred = QHBoxLayout(outer)
        centred.addStretch(1)
        centred.addWidget(self._column, 100)
        centred.addStretch(1)
        self.setWidget(outer)

    def clear(self) -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()

    def heading(self, text: str) -> QLabel:
        label = plain_label(text)
        _font(label, 1.6, True)
        self.column.addWidget(label)
        return label

    def subheading(self, text: str) -> QLabel:
        label = plain_label(text)
        _font(label, 1.15, True)
        label.setContentsMargins(0, SPACING, 0, 0)
        self.column.addWidget(label)
        return label

    def paragraph(self, text: str, scale: float = 1.1) -> QLabel:
        label = plain_label(text)
        _font(label, scale, False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(label)
        return label

    def numbered(self, items: tuple[str, ...], scale: float = 1.1) -> None:
        for number, item in enumerate(items, start=1):
            row = QHBoxLayout()
            marker = QLabel(f"{number}.")
            _font(marker, scale, True)
            row.addWidget(marker, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(_font(plain_label(item), scale, False), 1)
            self.column.addLayout(row)
            self.column.addSpacing(4)

    def finish(self) -> None:
        self.column.addStretch(1)
        self.verticalScrollBar().setValue(0)


class ReflectionPage(TextPage):
    def show_questions(self, questions: tuple[str, ...]) -> None:
        self.clear()
        self.heading(_("Reflection"))
        self.column.addWidget(hint_label(_(
            "Take a few minutes with each question, on your own or with someone else "
            "who is starting a group. There are no right answers.")))
        self.numbered(questions, 1.2)
        self.finish()


class CasePage(TextPage):
    def show_case(self, case: Case, number: int, count: int) -> None:
        self.clear()
        self.column.addWidget(hint_label(_("Role play {number} of {count}").format(
            number=number, count=count)))
        self.heading(case.title)
        self.subheading(_("The situation"))
        self.paragraph(case.situation.strip())
        self.subheading(_("The roles"))
        for role in case.roles:
            name = plain_label(role.name)
            _font(name, 1.1, True)
            self.column.addWidget(name)
            brief = self.paragraph(role.brief.strip(), 1.05)
            brief.setContentsMargins(SPACING, 0, 0, 4)
        if case.debrief:
            self.subheading(_("Afterwards, talk about"))
            self.numbered(case.debrief)
        self.column.addWidget(hint_label(_(
            "On a course the participants play the roles and the others observe. On your "
            "own, read each role and think about how you would act as the initiator.")))
        self.finish()
