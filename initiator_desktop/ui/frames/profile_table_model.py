"""The vault's frame profiles as a table: name, version, languages, number of frames."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from initiator_desktop.core.frame_profiles import FrameProfile
from initiator_desktop.i18n import _, pgettext
from initiator_desktop.ui.frames.labels import language_codes

_Index = QModelIndex | QPersistentModelIndex
NAME_COLUMN, VERSION_COLUMN, LANGUAGES_COLUMN, COUNT_COLUMN = range(4)


class ProfileTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[FrameProfile] = []

    def set_profiles(self, profiles: Sequence[FrameProfile]) -> None:
        self.beginResetModel()
        self._profiles = list(profiles)
        self.endResetModel()

    def profile(self, row: int) -> FrameProfile:
        return self._profiles[row]

    def row_of(self, profile_id: str) -> int:
        return next((row for row, p in enumerate(self._profiles) if p.id == profile_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        profile = self._profiles[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (profile.name, profile.version, language_codes(profile.languages()),
                str(len(profile.items)))[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Name"), _("Version"), _("Languages"),
                pgettext("ground rules", "Frames"))[section]
