"""The reader's course outline: modules with their progress, and each module's pages.

A tree model (modules at the top, pages below) and a delegate that draws a module's
progress as a quiet second line under its title.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from initiator_desktop.core.course import Pack
from initiator_desktop.core.training_progress import ModuleProgress, summarize
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.ui.training.reader_pages import PageKind, ReaderPage, module_pages

MODULE_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3
SEEN_MARK, UNSEEN_MARK = "✓", "○"


def plain_tooltip(text: str) -> str:
    """Pack text for a tooltip: a tooltip renders anything that looks like HTML as HTML."""
    return f"<p>{html.escape(text)}</p>"


def progress_text(pack: Pack, module_id: str, progress: ModuleProgress | None) -> str:
    module = pack.module(module_id)
    if module is None:
        return ""
    summary = summarize(module, progress)
    parts = [ngettext("{seen} of {count} section read", "{seen} of {count} sections read",
                      summary.sections).format(seen=summary.seen, count=summary.sections)]
    if summary.quiz is not None:
        parts.append(_("quiz {correct} of {total}").format(correct=summary.quiz.correct,
                                                           total=summary.quiz.total))
    return " · ".join(parts)


def page_title(pack: Pack, module_id: str, page: ReaderPage, language: str) -> str:
    module = pack.module(module_id)
    if module is None:
        return ""
    if page.kind is PageKind.SECTION:
        section = module.section(page.key, language)
        return section.title if section else page.key
    if page.kind is PageKind.REFLECTION:
        return _("Reflection")
    if page.kind is PageKind.CASE:
        cases = module.text(language).cases
        title = cases[page.index].title if page.index < len(cases) else ""
        return _("Role play: {title}").format(title=title)
    return _("Quiz")


class OutlineModel(QStandardItemModel):
    """Modules of one pack, each with its pages as children; texts in the reader's language."""

    def fill(self, pack: Pack, language: str, progress: Mapping[str, ModuleProgress]) -> None:
        self.clear()
        for number, module in enumerate(pack.modules, start=1):
            title = module.text(language).title
            item = QStandardItem(f"{number}. {title}")
            item.setEditable(False)
            item.setData(module.id, MODULE_ROLE)
            item.setToolTip(plain_tooltip(title))
            for page in module_pages(module, language):
                child = QStandardItem()
                child.setEditable(False)
                child.setData(module.id, MODULE_ROLE)
                child.setData(page, PAGE_ROLE)
                item.appendRow(child)
            self.appendRow(item)
        self.update_progress(pack, language, progress)

    def update_progress(self, pack: Pack, language: str,
                        progress: Mapping[str, ModuleProgress]) -> None:
        for row in range(self.rowCount()):
            item = self.item(row)
            module_id = str(item.data(MODULE_ROLE))
            found = progress.get(module_id)
            item.setData(progress_text(pack, module_id, found), PROGRESS_ROLE)
            seen = found.sections_seen if found else frozenset()
            for child_row in range(item.rowCount()):
                child = item.child(child_row)
                page: ReaderPage = child.data(PAGE_ROLE)
                title = page_title(pack, module_id, page, language)
                if page.kind is PageKind.SECTION:
                    mark = SEEN_MARK if page.key in seen else UNSEEN_MARK
                    title = f"{mark}  {title}"
                child.setText(title)
                child.setToolTip(plain_tooltip(title))

    def module_index(self, module_id: str) -> QModelIndex:
        for row in range(self.rowCount()):
            if self.item(row).data(MODULE_ROLE) == module_id:
                return self.index(row, 0)
        return QModelIndex()

    def page_index(self, module_id: str, page: ReaderPage) -> QModelIndex:
        parent = self.module_index(module_id)
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            if index.data(PAGE_ROLE) == page:
                return index
        return QModelIndex()


class OutlineDelegate(QStyledItemDelegate):
    """Modules get a second, quieter line with their progress."""

    PADDING = 6

    def _is_module(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return not index.parent().isValid()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not self._is_module(index):
            return QSize(size.width(), size.height() + 4)
        metrics = QFontMetrics(option.font)
        return QSize(size.width(), metrics.height() * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not self._is_module(index):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING,
                                        -self.PADDING)
        bold = QFont(opt.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        painter.save()
        painter.setFont(bold)
        painter.setPen(opt.palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(opt.font)
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
        second = str(index.data(PROGRESS_ROLE) or "")
        small = QFontMetrics(opt.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         small.elidedText(second, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
