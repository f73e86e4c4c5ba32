"""People to call before the first meeting: first name or initials, phone or e-mail, and
a tick. No field for anything else. Shown only here; deleted with the Delete button or
when the group is handed over, and the page says when it was deleted."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.group_life import MAX_LABEL, MAX_REACH, Contact
from initiator_desktop.core.preparation import (
    KEEPS_CONTACTS,
    add_contact,
    calls,
    delete_contact_list,
    load_preparation,
    remove_contact,
    update_contact,
)
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.group_life.contact_table_model import (
    CALLED_COLUMN,
    LABEL_COLUMN,
    REACH_COLUMN,
    ContactTableModel,
)
from initiator_desktop.ui.group_life.labels import day_text
from initiator_desktop.ui.group_life.section_base import LifeSection, PanelContext
from initiator_desktop.ui.style import SPACING, NoteFrame, hint_label

TABLE_ROWS = 8
MIN_TABLE_ROWS = 2


class ContactsSection(LifeSection):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._keeps_list = True
        self.intro = hint_label(parent=self)
        self.promise = NoteFrame(self)
        self.model = ContactTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LABEL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REACH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CALLED_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.calls_line = QLabel(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setMaxLength(MAX_LABEL)
        self.reach_edit = QLineEdit(self)
        self.reach_edit.setMaxLength(MAX_REACH)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.deleted_line = QLabel(self)
        self.deleted_line.setWordWrap(True)
        self.no_list_line = hint_label(parent=self)
        self._build_layout()
        self._connect()
        self.retranslate()

    def _build_layout(self) -> None:
        add_row = QHBoxLayout()
        add_row.setSpacing(SPACING // 2)
        add_row.addWidget(self.label_edit, 2)
        add_row.addWidget(self.reach_edit, 3)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calls_line, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addWidget(self.promise)
        layout.addWidget(self.deleted_line)
        layout.addWidget(self.no_list_line)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.label_edit.returnPressed.connect(self._on_add_button_clicked)
        self.reach_edit.returnPressed.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.model.contact_edited.connect(self._on_model_contact_edited)
        self.model.edit_refused.connect(self._on_model_edit_refused)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    # showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        group = self.repo.group(self._group_id)
        self._keeps_list = group is not None and group.status in KEEPS_CONTACTS
        contacts = self.repo.contacts(self._group_id)
        self.model.set_contacts(contacts)
        deleted_on = load_preparation(self.repo, self._group_id).contacts_deleted_on
        self.deleted_line.setText(
            _("The contact list was deleted on {day}.").format(day=day_text(deleted_on))
            if deleted_on else "")
        self.deleted_line.setVisible(bool(deleted_on) and not contacts)
        self.no_list_line.setVisible(not self._keeps_list and not contacts)
        has_list = bool(contacts)
        self.table.setVisible(has_list or self._keeps_list)
        self._fit_table(len(contacts))
        for widget in (self.label_edit, self.reach_edit, self.add_button):
            widget.setVisible(self._keeps_list)
        found = calls(contacts)
        self.calls_line.setText(ngettext("{called} of {count} person called",
                                         "{called} of {count} people called",
                                         found.total).format(called=found.called,
                                                             count=found.total)
                                if found.total else "")
        self.calls_line.setVisible(bool(found.total))
        self.promise.setVisible(self._keeps_list or has_list)
        self.intro.setVisible(self._keeps_list or has_list)
        self._update_buttons()

    def _fit_table(self, rows: int) -> None:
        """As tall as its rows (at least a few, at most ``TABLE_ROWS``): no empty expanse."""
        shown = min(max(rows, MIN_TABLE_ROWS), TABLE_ROWS)
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + shown * row + 2 * self.table.frameWidth() + 4)

    def _update_buttons(self, *_args: object) -> None:
        has_list = self.model.rowCount() > 0
        self.delete_button.setEnabled(has_list)
        self.delete_button.setVisible(has_list or self._keeps_list)
        self.remove_button.setVisible(has_list)
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _selected(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact(rows[0].row()) if rows else None

    # handlers ---------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        label, reach = self.label_edit.text(), self.reach_edit.text()
        if self.attempt(lambda: add_contact(self.repo, self._group_id, label, reach)):
            self.label_edit.clear()
            self.reach_edit.clear()
            self.label_edit.setFocus()
            self.changed.emit()

    def _on_model_contact_edited(self, contact: Contact) -> None:
        self.attempt(lambda: update_contact(self.repo, self._group_id, contact))
        # Reloaded once the view has finished with its editor: a reset while the view
        # is still committing an edit would pull the table out from under it.
        QTimer.singleShot(0, self, self.changed.emit)

    def _on_model_edit_refused(self, err: DomainError) -> None:
        self.message.show_message(error_text(err))

    def _on_remove_button_clicked(self) -> None:
        contact = self._selected()
        if contact is not None:
            self.attempt(lambda: remove_contact(self.repo, self._group_id, contact.id))
            self.changed.emit()

    def _on_delete_button_clicked(self) -> None:
        if not message_boxes.confirm(
                self, _("Delete the contact list"),
                _("Delete the whole contact list for good? It is also removed from the app's "
                  "automatic backups. Backups you saved yourself elsewhere are not changed."),
                _("Delete the list")):
            return
        today = self._context.today()
        deleted = self.attempt(lambda: delete_contact_list(self.repo, self._group_id, today,
                                                           self._context.purge))
        if deleted is not None:
            self.changed.emit()

    def retranslate(self) -> None:
        self.intro.setText(_("So you can call each person before the first meeting: only a "
                             "first name or initials and a phone number or e-mail address. "
                             "Write nothing about why they come. The list is shown only here, "
                             "never in meeting mode, exports, reports or calendars."))
        self.promise.label.setText(_("The list is deleted automatically when the group is "
                                     "handed over (or ended), also from the app's automatic "
                                     "backups. Backups you saved yourself elsewhere are not "
                                     "changed."))
        self.no_list_line.setText(_("A group that runs by itself keeps no contact list."))
        self.label_edit.setPlaceholderText(_("First name or initials"))
        self.reach_edit.setPlaceholderText(_("Phone or e-mail"))
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setToolTip(_("Take the selected person off the list"))
        self.delete_button.setText(_("Delete the list…"))
        if self._group_id:
            self.refresh()
