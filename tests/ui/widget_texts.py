"""Helpers for the lock and leak tests: every text the widget tree holds, and the demo's secrets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from initiator_desktop.core.content import VaultContent

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole)


def demo_secrets(content: VaultContent) -> set[str]:
    """Group names, themes, place names, addresses, access notes and dial-ins of the demo."""
    secrets = {record.group.name for record in content.groups}
    secrets |= {record.group.theme for record in content.groups}
    for place in content.places:
        secrets |= {place.name, place.address, place.access_notes, place.dial_in}
    return {text for text in secrets if text}


def file_secrets(content: VaultContent) -> set[str]:
    """What must never reach a file: themes, place names and access notes."""
    secrets = {record.group.theme for record in content.groups}
    for place in content.places:
        secrets |= {place.name, place.access_notes, place.address}
    return {text for text in secrets if text}


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def widget_texts(widget: QWidget) -> Iterator[str]:
    """The texts one widget shows or holds (not its children)."""
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.accessibleName()
    for action in widget.actions():
        yield action.text()
        yield action.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QComboBox):
        yield widget.currentText()
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())


def all_widgets(*, visible_only: bool) -> Iterator[QWidget]:
    """Every live widget under the top-level widgets (only the visible ones, if asked)."""
    for top in QApplication.topLevelWidgets():
        if not shiboken6.isValid(top) or (visible_only and not top.isVisible()):
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if shiboken6.isValid(widget) and (not visible_only or widget.isVisible()):
                yield widget


def leaked(secrets: Iterable[str], *, visible_only: bool = False) -> set[str]:
    """The secrets that some widget's text contains."""
    found = set()
    texts = [text for widget in all_widgets(visible_only=visible_only)
             for text in widget_texts(widget) if text]
    for secret in secrets:
        if any(secret in text for text in texts):
            found.add(secret)
    return found
