"""Frame profiles: list, make (from a preset or a group's frames), rename, delete, export
and import. A profile whose id is already in the vault is refused on import, with an
offer to import it as a copy. Applying a profile happens on a group's page.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import Preset
from initiator_desktop.core.frame_profiles import (
    FrameProfile,
    create_profile,
    delete_profile,
    import_profile,
    profile_from_frames,
    profile_from_preset,
    rename_profile,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.exchange.frame_profile_file import (
    read_profile,
    suggested_file_name,
    write_profile,
)
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.frames.file_choosers import (
    choose_profile_to_open,
    choose_profile_to_save,
)
from initiator_desktop.ui.frames.labels import preset_label, profile_summary
from initiator_desktop.ui.frames.profile_edit_dialog import ProfileEditDialog
from initiator_desktop.ui.frames.profile_table_model import (
    COUNT_COLUMN,
    LANGUAGES_COLUMN,
    NAME_COLUMN,
    VERSION_COLUMN,
    ProfileTableModel,
)
from initiator_desktop.ui.start.path_choosers import PathChooser
from initiator_desktop.ui.style import SPACING, ErrorLabel, NoteFrame, button_column, hint_label


def invalid_file_text(err: InvalidFile) -> str:
    """An invalid file's problem in words, with where in the file it is."""
    return _("The file cannot be used: {problem} (at {where})").format(
        problem=_(err.message).format(**err.params), where=err.json_path)


class FrameProfilesDialog(QDialog):
    """Manages the vault's frame profiles; every change is stored at once."""

    def __init__(self, repo: VaultRepository, parent: QWidget | None = None, *,
                 choose_open: PathChooser = choose_profile_to_open,
                 choose_save: PathChooser = choose_profile_to_save,
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._choose_open = choose_open
        self._choose_save = choose_save
        self._folder = folder or Path.home()
        self._pending: FrameProfile | None = None
        self.edit_dialog: ProfileEditDialog | None = None
        self.intro = hint_label(parent=self)
        self.model = ProfileTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._set_up_table()
        self.new_button, self.rename_button = QPushButton(self), QPushButton(self)
        self.delete_button = QPushButton(self)
        self.export_button, self.import_button = QPushButton(self), QPushButton(self)
        self.note = hint_label(parent=self)
        self.message = ErrorLabel(self)
        self.conflict = NoteFrame(self)
        self.copy_button = QPushButton(self.conflict)
        self.copy_button.setAutoDefault(False)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        cast(QVBoxLayout, self.conflict.layout()).addLayout(copy_row)
        self.conflict.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self._build_layout()
        self._connect()
        self.retranslate()
        self.reload()

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column in (VERSION_COLUMN, LANGUAGES_COLUMN, COUNT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setMinimumHeight(200)

    def _build_layout(self) -> None:
        side = button_column((self.new_button, self.rename_button, self.delete_button),
                             (self.export_button, self.import_button))
        middle = QHBoxLayout()
        middle.setSpacing(SPACING)
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.conflict)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(720, 440)

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.buttons.rejected.connect(self.reject)

    # state ------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        current = select or (self.current().id if self.current() else None)
        self.model.set_profiles(self._repo.frame_profiles())
        row = self.model.row_of(current) if current else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self._update_buttons()

    def current(self) -> FrameProfile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.profile(rows[0].row()) if rows else None

    def _update_buttons(self, *_args: object) -> None:
        has = self.current() is not None
        for button in (self.rename_button, self.delete_button, self.export_button):
            button.setEnabled(has)

    def _say(self, note: str = "", problem: str = "") -> None:
        self.note.setText(note)
        self.message.show_message(problem)
        if not problem:
            self._show_conflict(None, "")

    def _show_conflict(self, pending: FrameProfile | None, text: str) -> None:
        self._pending = pending
        self.conflict.label.setText(text)
        self.conflict.setVisible(pending is not None)

    # new and rename -----------------------------------------------------------------------
    def _sources(self) -> list[tuple[str, object]]:
        # Tagged text, as Qt hands item data back as plain strings.
        sources: list[tuple[str, object]] = [
            (_("Suggested frames: {preset}").format(preset=preset_label(p)), f"preset:{p.value}")
            for p in Preset]
        for group in self._repo.groups():
            if self._repo.frames(group.id):
                sources.append((_("The saved frames of {group}").format(group=group.name),
                                f"group:{group.id}"))
        return sources

    def _create(self, name: str, version: str, source: object) -> None:
        kind, _sep, value = str(source).partition(":")
        if kind == "preset":
            profile = profile_from_preset(name, Preset(value), version)
        else:
            profile = profile_from_frames(name, self._repo.frames(value), version)
        create_profile(self._repo, profile)
        self.reload(select=profile.id)
        self._say(_("Made the profile “{name}”.").format(name=name))

    def _on_new_button_clicked(self) -> None:
        self._say()
        self._open_edit(ProfileEditDialog(
            _("New frame profile"), self._create, self, sources=self._sources(),
            intro=_("The profile takes the wording of the frames in every language they "
                    "have. Give it a name your initiators will recognise.")))

    def _on_rename_button_clicked(self) -> None:
        profile = self.current()
        if profile is None:
            return
        self._say()

        def commit(name: str, version: str, _source: object) -> None:
            rename_profile(self._repo, profile.id, name, version)
            self.reload(select=profile.id)

        self._open_edit(ProfileEditDialog(_("Rename frame profile"), commit, self,
                                          name=profile.name, version=profile.version))

    def _open_edit(self, dialog: ProfileEditDialog) -> None:
        self.edit_dialog = dialog
        dialog.open()

    # delete, export, import -----------------------------------------------------------------
    def _on_delete_button_clicked(self) -> None:
        profile = self.current()
        if profile is None:
            return
        self._say()
        if not message_boxes.confirm(
            self, _("Delete frame profile"),
            _("Delete the profile “{name}”? Groups keep the frames they took from it.").format(
                name=profile_summary(profile)),
            _("Delete"),
        ):
            return
        try:
            delete_profile(self._repo, profile.id)
        except VaultError as err:
            self._say(problem=_(err.message))
            return
        self.reload()

    def _on_export_button_clicked(self) -> None:
        profile = self.current()
        if profile is None:
            return
        self._say()
        path = self._choose_save(self, _("Export frame profile"),
                                 self._folder / suggested_file_name(profile))
        if path is None:
            return
        try:
            write_profile(path, profile)
        except OSError as err:
            self._say(problem=_("The file could not be written: {reason}").format(
                reason=err.strerror or str(err)))
            return
        self._folder = path.parent
        self._say(_("Exported to {path}").format(path=str(path)))

    def _on_import_button_clicked(self) -> None:
        self._say()
        path = self._choose_open(self, _("Import frame profile"), self._folder)
        if path is None:
            return
        try:
            profile = read_profile(path)
        except InvalidFile as err:
            self._say(problem=invalid_file_text(err))
            return
        self._folder = path.parent
        self._import(profile, as_copy=False)

    def _import(self, profile: FrameProfile, *, as_copy: bool) -> None:
        try:
            stored = import_profile(self._repo, profile, as_copy=as_copy)
        except DomainError as err:
            if err.field == "id":
                self._show_conflict(profile, error_text(err) + " " + _(
                    "You can import it as a copy and keep both."))
                return
            self._say(problem=error_text(err))
            return
        except VaultError as err:
            self._say(problem=_(err.message))
            return
        self.reload(select=stored.id)
        self._say(_("Imported “{name}”.").format(name=profile_summary(stored)))

    def _on_copy_button_clicked(self) -> None:
        if self._pending is not None:
            self._import(self._pending, as_copy=True)

    # texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(_("Frame profiles"))
        self.intro.setText(_("A frame profile is a meeting place's own wording of the frames. "
                             "Export one to hand it to other initiators; import one you were "
                             "given, then apply it on a group's page under Frames."))
        self.new_button.setText(_("New…"))
        self.rename_button.setText(_("Rename…"))
        self.delete_button.setText(_("Delete"))
        self.export_button.setText(_("Export…"))
        self.import_button.setText(_("Import…"))
        self.copy_button.setText(_("Import as a copy"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_frame_profiles(parent: QWidget | None, repo: VaultRepository,
                        **options: object) -> FrameProfilesDialog:
    """Open the frame profiles dialog (window-modal, returns at once) and return it.

    ``options`` are the dialog's keyword arguments (``choose_open``, ``choose_save``,
    ``folder``), for tests.
    """
    dialog = FrameProfilesDialog(repo, parent, **options)  # type: ignore[arg-type]
    dialog.open()
    return dialog
