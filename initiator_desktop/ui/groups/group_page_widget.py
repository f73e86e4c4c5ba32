"""The group page: one scrollable form to create or edit a group, with Save and Revert.

It reads and writes only through ``core.group_page``; the sections are small editors
that each build their own domain value and show their own field errors.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar, cast

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_agreement import save_page_keeping_history
from initiator_desktop.core.group_page import GroupPage, Saved, load_group_page
from initiator_desktop.core.meeting_calendar import initiator_number, next_group_meeting
from initiator_desktop.core.models import new_id
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, current_language, pgettext
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.groups.calendar_options_editor import CalendarOptionsEditor
from initiator_desktop.ui.groups.frame_list_editor import FrameListEditor
from initiator_desktop.ui.groups.group_details_editor import GroupDetailsEditor
from initiator_desktop.ui.groups.labels import meeting_when
from initiator_desktop.ui.groups.place_editor import PlaceEditor
from initiator_desktop.ui.groups.schedule_editor import ScheduleEditor
from initiator_desktop.ui.page_scroll_area import PageScrollArea
from initiator_desktop.ui.style import (
    MARGIN,
    SPACING,
    WIDE_SPACING,
    ErrorLabel,
    align_label_columns,
    heading_label,
    hint_label,
    plain_font,
    section_box,
)

MAX_CONTENT_WIDTH = 900
T = TypeVar("T")


class _Section(Protocol):
    """A page section: a widget with its own field errors."""

    errors: FieldErrors

    def setFocus(self) -> None: ...


class _BuildFailed(Exception):
    """Some section could not build its value; its errors are already on screen."""


class GroupPageWidget(QWidget):
    """Shows one group (or a new one) and saves it whole through ``save_group_page``."""

    dirty_changed = Signal(bool)
    group_saved = Signal(object)
    group_loaded = Signal(object)  # the stored group's id, or None for a new group

    def __init__(self, repo: VaultRepository, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = oslo_now) -> None:
        super().__init__(parent)
        self._repo = repo
        self._clock = clock
        self._page: GroupPage | None = None
        self._group_id = new_id()
        self._stored = False
        self._dirty = False
        self._unplaced = ""
        self._stored_name: str | None = None
        self.heading = heading_label(parent=self)
        self.next_line = hint_label(parent=self)
        self.details = GroupDetailsEditor(self)
        self.place = PlaceEditor(self)
        self.schedule = ScheduleEditor(self)
        self.calendar = CalendarOptionsEditor(self)
        self.frames = FrameListEditor(self.details.current_tradition, self, repo, clock)
        self._sections: list[tuple[QGroupBox, QWidget]] = []
        self.scroll = PageScrollArea(self)
        self.message = ErrorLabel(self)
        self.saved_note = hint_label(parent=self)
        self.revert_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self._build_layout()
        for editor in self._editors():
            editor.edited.connect(self._on_editor_edited)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.revert_button.clicked.connect(self._on_revert_button_clicked)
        self.retranslate()
        self.start_new_group()

    def _build_layout(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN + 8)
        column.setSpacing(WIDE_SPACING + 4)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.heading)
        heading.addWidget(self.next_line)
        column.addLayout(heading)
        for editor in self._editors():
            box = section_box(content)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(MARGIN, MARGIN + 4, MARGIN, MARGIN)
            editor.setParent(box)
            plain_font(editor)
            box_layout.addWidget(editor)
            column.addWidget(box)
            self._sections.append((box, editor))
        column.addStretch(1)
        content.setMaximumWidth(MAX_CONTENT_WIDTH)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(content, 1)
        centred.addStretch(0)
        self.scroll.setWidget(holder)
        footer = QHBoxLayout()
        footer.setContentsMargins(MARGIN + 4, SPACING, MARGIN + 4, SPACING)
        footer.setSpacing(SPACING)
        footer.addWidget(self.message, 1)
        footer.addWidget(self.saved_note, 1)
        footer.addWidget(self.revert_button)
        footer.addWidget(self.save_button)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(line)
        layout.addLayout(footer)
        # Tabbing scrolls the page by itself; the area itself needs no focus stop. Save and
        # Revert come after the last field, not before the first (the sections were
        # re-parented into the scroll area after the buttons were made).
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QWidget.setTabOrder(self.frames.last_focus_widget(), self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.save_button)

    def _editors(self) -> tuple[QWidget, ...]:
        return (self.details, self.place, self.schedule, self.calendar, self.frames)

    # state ------------------------------------------------------------------------------
    def group_id(self) -> str | None:
        """The id of the stored group on the page, or None for a new, unsaved group."""
        return self._group_id if self._stored else None

    def is_dirty(self) -> bool:
        return self._dirty

    def has_unsaved_changes_to(self, group_id: str) -> bool:
        return self._dirty and self.group_id() == group_id

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def show_group(self, group_id: str) -> bool:
        """Load a stored group; False when it no longer exists."""
        page = load_group_page(self._repo, group_id)
        if page is None:
            return False
        same = self._stored and group_id == self._group_id
        self._load(page, stored=True, keep_place=same)
        return True

    def mark_edited(self) -> None:
        """Count the page as changed (after a stored draft was put back into its fields)."""
        self._on_editor_edited()

    def start_new_group(self) -> None:
        self._load(None, stored=False)
        self.details.name.setFocus()

    def _load(self, page: GroupPage | None, *, stored: bool, keep_place: bool = False) -> None:
        """Fill every section; ``keep_place`` keeps the scroll position and frame row."""
        scrolled = self.scroll.verticalScrollBar().value() if keep_place else 0
        frame_row = self.frames.current_row() if keep_place else 0
        self._group_id = page.group.id if page else new_id()
        self._stored = stored
        self._stored_name = page.group.name if page and stored else None
        self.details.load(page.group if page else None)
        self.place.load(page.place if page else None)
        self.schedule.load(page.schedules if page else ())
        self.calendar.load(page.group if page else None)
        self._page = page if stored else None
        self.frames.load(page.frames if page else (), select=frame_row)
        self.frames.show_records(self._group_id if stored else None)
        self.message.clear_message()
        self.saved_note.clear()
        self._update_heading()
        self.scroll.refit_later()
        self.scroll.verticalScrollBar().setValue(scrolled)
        self._set_dirty(False)
        self.group_loaded.emit(self._group_id if stored else None)

    def _update_heading(self) -> None:
        # From the loaded page, not the repository: a language switch may come after a lock.
        self.heading.setText(self._stored_name or _("New group"))
        self.next_line.setText(self._next_meeting_text())
        self.next_line.setVisible(self._page is not None)

    def _next_meeting_text(self) -> str:
        page = self._page
        if page is None:
            return ""
        language = current_language()
        found = next_group_meeting(page.group, page.schedules, self._clock(), language)
        if found is None:
            return _("No meeting planned")
        when = _("Next meeting: {when}").format(when=meeting_when(found.meeting.start))
        if found.holiday:
            when += " · " + _("public holiday: {name}").format(name=found.holiday)
        number = initiator_number(page.group, page.schedules, found.meeting, language)
        if number is not None:
            when += " · " + _("meeting {number} of {count} with you").format(
                number=number, count=page.group.initiator_meetings)
        return when

    # saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the page; on a problem show it at its field and return False."""
        self.message.clear_message()
        self.saved_note.clear()
        self._unplaced = ""
        try:
            page = self._build_page()
            saved = save_page_keeping_history(self._repo, page, self._clock())
        except _BuildFailed:
            self.message.show_message(self._unplaced or _("Some fields need your attention."))
            return False
        except DomainError as err:
            self._show_save_error(err)
            return False
        except VaultError as err:
            self.message.show_message(_(err.message))
            return False
        self._after_save(saved)
        return True

    def _build_page(self) -> GroupPage:
        # Every section is built, so that all problems show at once, not one per click.
        problems: list[QWidget] = []
        place = self._built(self.place, self.place.build, problems)
        schedules = self._built(self.schedule, self.schedule.build, problems)
        frames = self._built(self.frames, self.frames.build, problems)
        place_id = place.id if place else None
        details = self._built(
            self.details, lambda: self.details.build(self._group_id, place_id), problems
        )
        group = None if details is None else self._built(
            self.calendar, lambda: self.calendar.apply(details), problems)
        if problems or group is None or schedules is None or frames is None:
            # Show the topmost problem first, whatever order the sections were built in.
            content = self.scroll.widget()
            problems.sort(key=lambda widget: widget.mapTo(content, QPoint(0, 0)).y())
            self._reveal(problems[0] if problems else None)
            raise _BuildFailed
        return GroupPage(group=group, place=place, schedules=schedules, frames=frames)

    def _built(
        self, section: _Section, build: Callable[[], T], problems: list[QWidget]
    ) -> T | None:
        try:
            return build()
        except DomainError as err:
            shown = section.errors.show(err.field, error_text(err))
            if shown is None:
                # No field to put it next to: say it in the footer instead.
                self._unplaced = error_text(err)
            problems.append(shown or cast(QWidget, section))
            return None

    def _show_save_error(self, err: DomainError) -> None:
        # save_group_page names "status" (a move the domain forbids) or "place".
        editor = self.place if err.field == "place" else self.details
        shown = editor.errors.show(err.field, error_text(err))
        if shown is None:
            self.message.show_message(error_text(err))
        else:
            self.message.show_message(_("Some fields need your attention."))
            self._reveal(shown)

    def _reveal(self, widget: QWidget | None) -> None:
        if widget is not None:
            self.scroll.ensureWidgetVisible(widget, 0, MARGIN * 3)
            widget.setFocus()

    def _after_save(self, saved: Saved) -> None:
        self.show_group(saved.group_id)
        self.saved_note.setText(_("Saved."))
        self.group_saved.emit(saved)

    def revert(self) -> None:
        if self._stored:
            self.show_group(self._group_id)
        else:
            self.start_new_group()

    # handlers ---------------------------------------------------------------------------
    def _on_editor_edited(self) -> None:
        self.saved_note.clear()
        self._set_dirty(True)

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_revert_button_clicked(self) -> None:
        self.revert()

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        titles = (_("About the group"), _("Meeting place"), _("Meeting times"),
                  _("Calendar"), pgettext("ground rules", "Frames"))
        for (box, _editor), title in zip(self._sections, titles, strict=True):
            box.setTitle(title)
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save the changes (Ctrl+S)"))
        self.revert_button.setText(_("Revert"))
        self.revert_button.setToolTip(_("Undo the changes since the last save"))
        self._update_heading()
        self._align_labels()

    def _align_labels(self) -> None:
        align_label_columns(editor.form for editor in (
            self.details, self.place, self.schedule, self.calendar, self.frames))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # The sections get LanguageChange after this page: align their new labels then.
            QTimer.singleShot(0, self._align_labels)
        super().changeEvent(event)
