"""Choose a frame profile to apply to a group's list: replace the list, or add what it lacks.

Nothing is saved here: the items go into the page, which the user saves as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.frame_profiles import ApplyMode, FrameProfile
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.ui.frames.labels import frame_count, language_codes, profile_summary
from initiator_desktop.ui.style import SPACING, hint_label


class ApplyProfileDialog(QDialog):
    """``choice()`` is the profile and how to apply it, once accepted."""

    def __init__(self, repo: VaultRepository, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._language = language
        self._profiles: list[FrameProfile] = []
        self.setWindowTitle(_("Apply a frame profile"))
        self.intro = hint_label(_("A frame profile is a meeting place's own wording of the "
                                  "frames. The frames go into the list below; nothing is "
                                  "saved until you save the page."), self)
        self.profile_label = QLabel(_("Profile"), self)
        self.profile = QComboBox(self)
        self.profile_label.setBuddy(self.profile)
        self.about = hint_label(parent=self)
        self.titles = QStringListModel(self)
        self.preview = QListView(self)
        self.preview.setModel(self.titles)
        self.preview.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.preview.setMinimumHeight(160)
        self.replace = QRadioButton(_("Replace the group's frames with the profile's"), self)
        self.add = QRadioButton(_("Add only the profile's frames the group does not have yet"),
                                self)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.replace)
        self.modes.addButton(self.add)
        self.add.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.profile.currentIndexChanged.connect(self._show_profile)
        self._build_layout()
        self.reload()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.profile_label, self.profile)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.about)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.replace)
        layout.addWidget(self.add)
        layout.addWidget(self.buttons)
        self.resize(540, 480)

    def reload(self) -> None:
        self._profiles = self._repo.frame_profiles()
        self.profile.clear()
        for profile in self._profiles:
            self.profile.addItem(profile_summary(profile), profile.id)
        has = bool(self._profiles)
        for widget in (self.profile, self.preview, self.replace, self.add):
            widget.setEnabled(has)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has)
        self._show_profile()

    def _current(self) -> FrameProfile | None:
        index = self.profile.currentIndex()
        return self._profiles[index] if 0 <= index < len(self._profiles) else None

    def _show_profile(self, *_args: object) -> None:
        self.titles.setStringList([])
        profile = self._current()
        if profile is None:
            self.about.setText(_("There are no frame profiles yet. Make or import one under "
                                 "Frame profiles in the menu."))
            return
        self.about.setText(_("{frames}, written in {languages}").format(
            frames=frame_count(len(profile.items)),
            languages=language_codes(profile.languages())))
        self.titles.setStringList([item.text(self._language).title for item in profile.items])

    def select_profile(self, profile_id: str) -> None:
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile_id)))

    def choice(self) -> tuple[FrameProfile, ApplyMode] | None:
        profile = self._current()
        if profile is None:
            return None
        return profile, ApplyMode.REPLACE if self.replace.isChecked() else ApplyMode.ADD
