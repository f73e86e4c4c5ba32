"""Planning a course run: title, content pack and language, place, dates, the number of
participants, the sessions with their modules, and whether names are kept.

Names are not kept by default: they are typed when certificates are printed and are
forgotten afterwards. Keeping them is a choice the leader makes here, with a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import (
    MAX_PARTICIPANTS,
    MAX_RUN_PLACE,
    MAX_RUN_TITLE,
    CourseRun,
    Session,
    check_against_pack,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.ui.field_errors import FieldErrors, error_text
from initiator_desktop.ui.language import LANGUAGE_NAMES
from initiator_desktop.ui.style import (
    CHOICE_FIELD_WIDTH,
    SHORT_FIELD_WIDTH,
    SPACING,
    ErrorLabel,
    NoteFrame,
    hint_label,
)
from initiator_desktop.ui.training.course_run_labels import duration, localise_date_edit
from initiator_desktop.ui.training.course_run_packs import CoursePacks
from initiator_desktop.ui.training.course_run_session_dialog import SessionDialog
from initiator_desktop.ui.training.course_run_session_model import SessionColumn, SessionTableModel

SessionEditor = Callable[[QWidget, "CourseRunEditor", Session | None], Session | None]
"""(parent, editor, session or None for a new one) -> the session, or None if cancelled."""


def ask_session(parent: QWidget, editor: CourseRunEditor, session: Session | None
                ) -> Session | None:
    first, last = editor.dates()
    dialog = SessionDialog(editor.current_pack(), first, last, session, parent,
                           **editor.next_session_start())
    return dialog.result_session if dialog.exec() == QDialog.DialogCode.Accepted else None


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    localise_date_edit(edit)
    return edit


class CourseRunEditor(QDialog):
    """``run`` None plans a new course; ``result`` holds the run after Save."""

    def __init__(self, packs: CoursePacks, run: CourseRun | None = None,
                 parent: QWidget | None = None, *, today: date | None = None,
                 edit_session: SessionEditor = ask_session) -> None:
        super().__init__(parent)
        self._packs = packs
        self._original = run
        self._edit_session = edit_session
        self.result: CourseRun | None = None
        # Not FieldErrors(self): that would make a reference cycle, and a dialog left to
        # the cyclic garbage collector can be deleted in the middle of its own events.
        # The labels move into this dialog when they are laid out.
        self.errors = FieldErrors(QWidget(self))
        self.setWindowTitle(_("Plan a course") if run is None else _("Edit course"))
        self._make_fields()
        self._make_sessions()
        self._build_layout()
        self._load(run, today or date.today())
        self._connect()
        self.resize(760, 720)

    # -- building ----------------------------------------------------------------------
    def _make_fields(self) -> None:
        self.title = QLineEdit(self)
        self.title.setMaxLength(MAX_RUN_TITLE)
        self.pack = QComboBox(self)
        for pack in self._packs.packs():
            self.pack.addItem(pack.title(current_language()), pack.id)
        self.language = QComboBox(self)
        self.place = QLineEdit(self)
        self.place.setMaxLength(MAX_RUN_PLACE)
        self.place.setPlaceholderText(_("For example: LINK Lillehammer, meeting room 2"))
        self.first_day, self.last_day = _date_edit(self), _date_edit(self)
        self.participants = QSpinBox(self)
        self.participants.setRange(0, MAX_PARTICIPANTS)
        self.store_names = QCheckBox(_("Store participants' names for certificates"), self)
        self.names_note = NoteFrame(self)
        self.names_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.message = ErrorLabel(self)
        self.participants.setMaximumWidth(SHORT_FIELD_WIDTH)
        for combo in (self.pack, self.language):
            combo.setMaximumWidth(CHOICE_FIELD_WIDTH)

    def _make_sessions(self) -> None:
        self.session_model = SessionTableModel(self)
        self.sessions = QTableView(self)
        self.sessions.setModel(self.session_model)
        self.sessions.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sessions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions.verticalHeader().hide()
        self.sessions.setWordWrap(False)
        header = self.sessions.horizontalHeader()
        header.setSectionResizeMode(SessionColumn.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionColumn.LENGTH,
                                    QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionColumn.MODULES, QHeaderView.ResizeMode.Stretch)
        self.add_session = QPushButton(_("Add session…"), self)
        self.change_session = QPushButton(_("Change…"), self)
        self.remove_session = QPushButton(_("Remove"), self)
        self.plan_hint = hint_label(parent=self)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(SPACING)
        form.setHorizontalSpacing(SPACING + 4)
        dates = QHBoxLayout()
        dates.addWidget(self.first_day)
        dates.addWidget(hint_label(_("to"), self))
        dates.addWidget(self.last_day)
        dates.addStretch(1)
        form.addRow(_("Title"), self.errors.column("title", self.title))
        form.addRow(_("Course material"), self.errors.column("pack", self.pack))
        form.addRow(_("Language"), self.errors.column("language", self.language))
        form.addRow(_("Place"), self.errors.column("place", self.place))
        form.addRow(_("Dates"), self.errors.column("first_day", dates))
        self.errors.alias("last_day", "first_day")
        form.addRow(_("Participants"), self.errors.column(
            "participants", self.participants,
            hint_label(_("A number is enough. Names are only needed for certificates."),
                       self)))
        session_buttons = QHBoxLayout()
        for button in (self.add_session, self.change_session, self.remove_session):
            session_buttons.addWidget(button)
        session_buttons.addStretch(1)
        sessions = QVBoxLayout()
        sessions.addWidget(self.sessions, 1)
        sessions.addLayout(session_buttons)
        sessions.addWidget(self.plan_hint)
        form.addRow(_("Sessions"), self.errors.column("sessions", sessions))
        self.errors.alias("modules", "sessions")
        self.errors.alias("covered", "sessions")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addLayout(form, 1)
        layout.addSpacing(SPACING // 2)
        layout.addLayout(self.errors.column("names", self.store_names, self.names_note))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _connect(self) -> None:
        self.pack.currentIndexChanged.connect(self._on_pack_current_index_changed)
        self.add_session.clicked.connect(self._on_add_session_clicked)
        self.change_session.clicked.connect(self._on_change_session_clicked)
        self.remove_session.clicked.connect(self._on_remove_session_clicked)
        self.sessions.doubleClicked.connect(self._on_change_session_clicked)
        self.sessions.selectionModel().selectionChanged.connect(self._update_buttons)
        self.store_names.toggled.connect(self._update_names_note)
        self.first_day.dateChanged.connect(self._on_first_day_date_changed)

    # -- loading -----------------------------------------------------------------------
    def _load(self, run: CourseRun | None, today: date) -> None:
        first = run.first_day if run else today + timedelta(days=14)
        self.title.setText(run.title if run else _("Initiator course"))
        if run is not None and self.pack.findData(run.pack_id) < 0:
            self.pack.addItem(run.pack_id, run.pack_id)  # a pack no longer installed
        if run is not None:
            self.pack.setCurrentIndex(self.pack.findData(run.pack_id))
        self._fill_languages(run.language if run else current_language())
        self.place.setText(run.place if run else "")
        self.first_day.setDate(QDate(first))
        self.last_day.setDate(QDate(run.last_day if run else first))
        self.participants.setValue(run.participants if run else 0)
        self.store_names.setChecked(run.store_names if run else False)
        self.session_model.set_sessions(run.sessions if run else (), self.current_pack())
        self._update_buttons()
        self._update_names_note()
        self._update_plan_hint()

    def _fill_languages(self, wanted: str) -> None:
        pack = self.current_pack()
        codes = pack.languages if pack is not None else tuple(LANGUAGE_NAMES)
        self.language.clear()
        for code in codes:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        index = self.language.findData(wanted)
        self.language.setCurrentIndex(max(0, index))

    # -- state -------------------------------------------------------------------------
    def current_pack(self) -> Pack | None:
        return self._packs.pack(str(self.pack.currentData() or ""))

    def dates(self) -> tuple[date, date]:
        return self.first_day.date().toPython(), self.last_day.date().toPython()

    def next_session_start(self) -> dict[str, object]:
        """After the last session, on its day: a new session follows on from it."""
        sessions = self.session_model.sessions()
        if not sessions:
            return {"day": self.dates()[0], "start": time(9)}
        last = sessions[-1]
        return {"day": last.day, "start": last.end}

    def _selected_row(self) -> int:
        rows = self.sessions.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self, *_args: object) -> None:
        has = self._selected_row() >= 0
        self.change_session.setEnabled(has)
        self.remove_session.setEnabled(has)

    def _update_names_note(self, *_args: object) -> None:
        kept = self._original is not None and bool(self._original.names)
        if self.store_names.isChecked():
            text = _("The names you type when printing certificates will be kept with this "
                     "course in the vault (encrypted), so you can print them again. Turn this "
                     "off to delete them.")
        elif kept:
            text = _("The names kept with this course will be deleted when you save.")
        else:
            text = _("Names are not kept: you type them when you print the certificates, and "
                     "they are forgotten when you close the certificate window.")
        self.names_note.label.setText(text)

    def _update_plan_hint(self) -> None:
        sessions = self.session_model.sessions()
        if not sessions:
            self.plan_hint.setText(_("No sessions yet. Add the sessions of each course day."))
            return
        text = ngettext("Planned: {planned} in {count} session.",
                        "Planned: {planned} in {count} sessions.", len(sessions)).format(
            planned=duration(sum(s.minutes for s in sessions)), count=len(sessions))
        pack = self.current_pack()
        planned = {m for s in sessions for m in s.module_ids}
        language = str(self.language.currentData() or current_language())
        suggested = sum(m.text(language).minutes for m in pack.modules
                        if m.id in planned) if pack is not None else 0
        if suggested:
            text += " " + _("The planned modules suggest {suggested}.").format(
                suggested=duration(suggested))
        self.plan_hint.setText(text)

    # -- handlers ----------------------------------------------------------------------
    def _on_pack_current_index_changed(self, _index: int) -> None:
        self._fill_languages(str(self.language.currentData() or current_language()))
        self.session_model.set_sessions(self.session_model.sessions(), self.current_pack())
        self._update_plan_hint()

    def _on_first_day_date_changed(self, value: QDate) -> None:
        if self.last_day.date() < value:
            self.last_day.setDate(value)

    def _set_sessions(self, sessions: list[Session], select: str | None = None) -> None:
        self.session_model.set_sessions(sessions, self.current_pack())
        row = self.session_model.row_of(select) if select else -1
        if row >= 0:
            self.sessions.selectRow(row)
        self._update_buttons()
        self._update_plan_hint()

    def _on_add_session_clicked(self) -> None:
        session = self._edit_session(self, self, None)
        if session is not None:
            self._set_sessions([*self.session_model.sessions(), session], session.id)

    def _on_change_session_clicked(self, *_args: object) -> None:
        current = self.session_model.session(self._selected_row())
        if current is None:
            return
        session = self._edit_session(self, self, current)
        if session is not None:
            rest = [s for s in self.session_model.sessions() if s.id != current.id]
            self._set_sessions([*rest, session], session.id)

    def _on_remove_session_clicked(self) -> None:
        current = self.session_model.session(self._selected_row())
        if current is not None:
            self._set_sessions([s for s in self.session_model.sessions() if s.id != current.id])

    # -- saving ------------------------------------------------------------------------
    def run(self) -> CourseRun:
        """The run as entered; DomainError if it breaks a rule or does not fit its pack."""
        first, last = self.dates()
        store = self.store_names.isChecked()
        values = {
            "title": self.title.text().strip(), "pack_id": str(self.pack.currentData() or ""),
            "language": str(self.language.currentData() or ""),
            "place": self.place.text().strip(), "first_day": first, "last_day": last,
            "sessions": tuple(self.session_model.sessions()),
            "participants": self.participants.value(), "store_names": store,
            # Names kept so far stay while the run opts in; opting out drops them.
            "names": self._original.names if store and self._original is not None else (),
        }
        run = (CourseRun(**values) if self._original is None  # type: ignore[arg-type]
               else replace(self._original, **values))  # type: ignore[arg-type]
        pack = self.current_pack()
        if pack is not None:
            check_against_pack(run, pack)
        return run

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        self.message.clear_message()
        try:
            self.result = self.run()
        except DomainError as err:
            shown = self.errors.show(err.field, error_text(err))
            if shown is None:
                self.message.show_message(error_text(err))
            else:
                shown.setFocus()
            return
        self.accept()
