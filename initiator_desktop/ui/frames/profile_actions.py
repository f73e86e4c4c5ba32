"""The "Profiles" menu on a group's frames: apply a profile, save the list as a profile,
and open the frame profiles dialog. Applying only changes the page; saving it is the
page's Save.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from initiator_desktop.core.frame_profiles import (
    Applied,
    apply_profile,
    create_profile,
    profile_from_frames,
)
from initiator_desktop.core.models import FrameItem
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.frames.apply_profile_dialog import ApplyProfileDialog
from initiator_desktop.ui.frames.profile_edit_dialog import ProfileEditDialog
from initiator_desktop.ui.frames.profiles_dialog import FrameProfilesDialog, open_frame_profiles


class FrameList(Protocol):
    """What the actions need from the frame list editor."""

    def card_language(self) -> str: ...
    def present(self) -> tuple[set[str], set[str]]: ...
    def build(self) -> tuple[FrameItem, ...]: ...
    def put_applied(self, applied: Applied) -> None: ...
    def say(self, text: str) -> None: ...


class FrameProfileActions(QObject):
    """Owns the menu button and the dialogs it opens (kept as attributes for tests)."""

    def __init__(self, repo: VaultRepository, frames: FrameList, host: QWidget) -> None:
        super().__init__(host)
        self._repo = repo
        self._frames = frames
        self._host = host
        self.apply_dialog: ApplyProfileDialog | None = None
        self.save_dialog: ProfileEditDialog | None = None
        self.profiles_dialog: FrameProfilesDialog | None = None
        self.button = QPushButton(host)
        self.button.setAutoDefault(False)
        self.menu = QMenu(host)
        self.apply_action = QAction(self.menu)
        self.save_action = QAction(self.menu)
        self.manage_action = QAction(self.menu)
        self.menu.addActions([self.apply_action, self.save_action])
        self.menu.addSeparator()
        self.menu.addAction(self.manage_action)
        self.button.setMenu(self.menu)
        self.apply_action.triggered.connect(self._on_apply_action_triggered)
        self.save_action.triggered.connect(self._on_save_action_triggered)
        self.manage_action.triggered.connect(self._on_manage_action_triggered)
        self.retranslate()

    def _on_apply_action_triggered(self) -> None:
        dialog = ApplyProfileDialog(self._repo, self._frames.card_language(), self._host)
        dialog.accepted.connect(lambda: self._apply(dialog))
        self.apply_dialog = dialog
        dialog.open()

    def _apply(self, dialog: ApplyProfileDialog) -> None:
        choice = dialog.choice()
        if choice is None:
            return
        profile, mode = choice
        keys, titles = self._frames.present()
        applied = apply_profile(profile, mode, keys, titles)
        self._frames.put_applied(applied)
        if applied.skipped:
            self._frames.say(ngettext(
                "{count} frame of the profile was already in the list and was left out.",
                "{count} frames of the profile were already in the list and were left out.",
                applied.skipped).format(count=applied.skipped))

    def _on_save_action_triggered(self) -> None:
        def commit(name: str, version: str, _source: object) -> None:
            create_profile(self._repo, profile_from_frames(name, self._frames.build(), version))

        dialog = ProfileEditDialog(
            _("Save the frames as a profile"), commit, self._host,
            intro=_("A new frame profile with the frames in this list, as they stand now, in "
                    "every language they are written in."))
        self.save_dialog = dialog
        dialog.open()

    def _on_manage_action_triggered(self) -> None:
        self.profiles_dialog = open_frame_profiles(self._host, self._repo)

    def retranslate(self) -> None:
        self.button.setText(_("Profiles"))
        self.button.setToolTip(_("Frame profiles: a meeting place's own wording of the frames"))
        self.apply_action.setText(_("Apply a profile…"))
        self.save_action.setText(_("Save these frames as a profile…"))
        self.manage_action.setText(_("Frame profiles…"))
