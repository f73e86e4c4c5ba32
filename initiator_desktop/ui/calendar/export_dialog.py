"""Export meeting times to an iCalendar file: one group's, or the initiator's own.

Neutral by default: the entries are called by the group's code word or "Meeting". The
theme is only a choice for this one export, with a warning; the place and a dial-in are
separate choices, off by default.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.models import Group, Place, PlaceKind
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.exchange.icalendar_export import (
    PlaceChoice,
    calendar_for_group,
    calendar_for_initiator,
    neutral_title,
    write_calendar,
)
from initiator_desktop.i18n import _
from initiator_desktop.ui.start.path_choosers import PathChooser, choose_save_path
from initiator_desktop.ui.style import SPACING, ErrorLabel, NoteFrame, hint_label


def choose_calendar_file(parent: QWidget, caption: str, start: Path) -> Path | None:
    filters = _("Calendar files (*.ics)") + ";;" + _("All files (*)")
    return choose_save_path(parent, caption, start, filters, ".ics")


class CalendarExportDialog(QDialog):
    """``group`` None exports the initiator's own meetings across all groups."""

    def __init__(self, repo: VaultRepository, group: Group | None, parent: QWidget | None = None,
                 *, choose_path: PathChooser = choose_calendar_file,
                 clock: Callable[[], datetime] = oslo_now, folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._group = group
        self._choose_path = choose_path
        self._clock = clock
        self._folder = folder or Path.home()
        self.written: Path | None = None
        self._places: dict[str, Place] = {p.id: p for p in repo.places()}
        self.setWindowTitle(_("Export calendar") if group else _("Export my meetings"))
        self.intro = hint_label(parent=self)
        self.neutral = QRadioButton(self)
        self.theme = QRadioButton(self)
        self.titles = QButtonGroup(self)
        self.titles.addButton(self.neutral)
        self.titles.addButton(self.theme)
        self.neutral.setChecked(True)
        self.warning = NoteFrame(self)
        self.warning_text = self.warning.label
        self.with_place = QCheckBox(self)
        self.with_dial_in = QCheckBox(self)
        self.message = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self._build_layout()
        self.theme.toggled.connect(self._update)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self._retranslate()
        self._update()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        for widget in (self.intro, QLabel(_("What the entries are called"), self),
                       self.neutral, self.theme, self.warning, self.with_place,
                       self.with_dial_in, self.message, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(480)

    def _groups(self) -> list[Group]:
        return [self._group] if self._group else self._repo.groups()

    def _has_remote_place(self) -> bool:
        return any(self._place(g) is not None and self._place(g).kind is not PlaceKind.ROOM
                   for g in self._groups())

    def _place(self, group: Group) -> Place | None:
        return self._places.get(group.place_id) if group.place_id else None

    def _retranslate(self) -> None:
        if self._group is not None:
            self.intro.setText(_("The file holds the group's meeting times for a calendar "
                                 "program. Nothing else about the group is in it unless you "
                                 "choose it below."))
            self.neutral.setText(_("Neutral: “{title}”").format(
                title=neutral_title(self._group, _("Meeting"))))
        else:
            self.intro.setText(_("The file holds the meetings you attend as the initiator: "
                                 "the first meetings of planned and starting groups."))
            self.neutral.setText(_("Neutral: each group's code word, or “Meeting”"))
        self.theme.setText(_("The group's theme"))
        self.warning_text.setText(_("Calendars are often shared and synchronised to phones "
                                    "and online services. Anyone who sees the calendar will "
                                    "see the theme."))
        self.with_place.setText(_("Include the meeting place (for phone and video meetings "
                                  "only its name)"))
        self.with_dial_in.setText(_("Include the dial-in or video link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Export…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def _update(self, *_args: object) -> None:
        has_theme = any(g.theme.strip() for g in self._groups())
        self.theme.setEnabled(has_theme)
        self.warning.setVisible(self.theme.isChecked())
        self.with_dial_in.setVisible(self._has_remote_place())

    def _title(self, group: Group) -> str:
        if self.theme.isChecked() and group.theme.strip():
            return group.theme
        return neutral_title(group, _("Meeting"))

    def _where(self, group: Group) -> PlaceChoice:
        return PlaceChoice(self._place(group), self.with_place.isChecked(),
                           self.with_dial_in.isChecked() and not self.with_dial_in.isHidden())

    def calendar_bytes(self) -> bytes:
        if self._group is not None:
            schedules = self._repo.schedules(self._group.id)
            return calendar_for_group(self._group, schedules, title=self._title(self._group),
                                      now=self._clock(), place=self._where(self._group))
        plans = [(g, self._repo.schedules(g.id)) for g in self._repo.groups()]
        return calendar_for_initiator(plans, title=self._title, now=self._clock(),
                                      place=self._where)

    def export(self) -> None:
        self.message.clear_message()
        if self._group is not None and not self._repo.schedules(self._group.id):
            self.message.show_message(_("The group has no meeting times to export."))
            return
        # A file name says nothing about the group: a code word is the group's own choice.
        name = "meetings.ics" if self._group is None else "group-meetings.ics"
        path = self._choose_path(self, _("Export calendar"), self._folder / name)
        if path is None:
            return
        try:
            write_calendar(path, self.calendar_bytes())
        except OSError as err:
            self.message.show_message(_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self.written = path
        self.accept()
