"""The group's frames as an ordered, editable list of drafts, shown as a table model.

Drafts may be half-typed (an empty title), which a ``FrameItem`` refuses; they become
``FrameItem`` values only when the page is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from initiator_desktop.core.frame_library import library_item
from initiator_desktop.core.models import LANGUAGES, FrameItem, FrameKind, FrameText, new_id
from initiator_desktop.i18n import _, pgettext
from initiator_desktop.ui.groups.labels import frame_kind_label

_Index = QModelIndex | QPersistentModelIndex
TITLE_COLUMN, KIND_COLUMN = 0, 1


@dataclass
class FrameDraft:
    """A frame being edited: ``texts`` maps a language code to (title, explanation)."""

    kind: FrameKind = FrameKind.CUSTOM
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    source_key: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def from_item(cls, item: FrameItem) -> FrameDraft:
        texts = {code: (t.title, t.body) for code, t in item.texts.items()}
        return cls(kind=item.kind, texts=texts, source_key=item.source_key, id=item.id)

    def to_item(self) -> FrameItem:
        """The finished frame; languages left fully empty are dropped. Raises DomainError."""
        texts = {
            code: FrameText(title.strip(), body.strip())
            for code, (title, body) in self.texts.items()
            if title.strip() or body.strip()
        }
        return FrameItem(kind=self.kind, texts=texts, source_key=self.source_key, id=self.id)

    def text(self, language: str) -> tuple[str, str]:
        return self.texts.get(language, ("", ""))

    def fallback_title(self, language: str) -> str:
        """The title in ``language``, else in another language the frame has, else ""."""
        for code in (language, *LANGUAGES):
            title = self.text(code)[0].strip()
            if title:
                return title
        return ""


def library_wording(key: str) -> FrameDraft | None:
    """The library's frame with ``key`` as a draft (all languages), or None if unknown."""
    if not key:
        return None
    try:
        item = library_item(key)
    except KeyError:
        return None
    texts = {code: (text.title, text.body) for code, text in item.texts.items()}
    return FrameDraft(kind=item.kind, texts=texts, source_key=key)


def has_original_wording(draft: FrameDraft) -> bool | None:
    """Whether a library frame still has the library's wording; None for the group's own."""
    original = library_wording(draft.source_key)
    if original is None:
        return None
    own = {code: (t.strip(), b.strip()) for code, (t, b) in draft.texts.items()
           if t.strip() or b.strip()}
    return own == original.texts and draft.kind is original.kind


class FrameTableModel(QAbstractTableModel):
    """Frames in their agreed order; titles are shown in the chosen card language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts: list[FrameDraft] = []
        self._language = "nb"

    # content ----------------------------------------------------------------------------
    def set_items(self, items: Sequence[FrameItem | FrameDraft]) -> None:
        """Show ``items``; finished frames and half-typed drafts (from a stored draft) alike."""
        self.beginResetModel()
        self._drafts = [item if isinstance(item, FrameDraft) else FrameDraft.from_item(item)
                        for item in items]
        self.endResetModel()

    def drafts(self) -> list[FrameDraft]:
        return list(self._drafts)

    def draft(self, row: int) -> FrameDraft:
        return self._drafts[row]

    def set_language(self, language: str) -> None:
        self._language = language
        self._refresh_all()

    def insert(self, row: int, draft: FrameDraft) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._drafts.insert(row, draft)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._drafts[row]
        self.endRemoveRows()

    def move(self, row: int, offset: int) -> int:
        """Move a frame up (-1) or down (+1); returns its new row."""
        target = row + offset
        if not (0 <= row < len(self._drafts) and 0 <= target < len(self._drafts)):
            return row
        # Qt's destination is the row *before which* the item lands, counted before moving.
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._drafts.insert(target, self._drafts.pop(row))
        self.endMoveRows()
        return target

    def update_text(self, row: int, language: str, title: str, body: str) -> None:
        self._drafts[row].texts[language] = (title, body)
        self._refresh_row(row)

    def reset_wording(
        self, row: int, kind: FrameKind, texts: dict[str, tuple[str, str]]
    ) -> None:
        """Give the frame in ``row`` this kind and wording (every language replaced)."""
        self._drafts[row].kind = kind
        self._drafts[row].texts = dict(texts)
        self._refresh_row(row)

    def update_kind(self, row: int, kind: FrameKind) -> None:
        self._drafts[row].kind = kind
        self._refresh_row(row)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self._refresh_all()

    def _refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))

    def _refresh_all(self) -> None:
        if self._drafts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._drafts) - 1, 1))

    # Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        draft = self._drafts[index.row()]
        own_title = draft.text(self._language)[0].strip()
        if index.column() == KIND_COLUMN:
            return frame_kind_label(draft.kind) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return draft.fallback_title(self._language) or _("(no title yet)")
        if role == Qt.ItemDataRole.ToolTipRole and not own_title:
            return _("Not written in this card language yet.")
        if role == Qt.ItemDataRole.FontRole and not own_title:
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not own_title:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return pgettext("ground rule", "Frame") if section == TITLE_COLUMN else _("Kind")
