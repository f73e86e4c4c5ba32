"""File dialogs for frame profile files, as plain functions that tests replace.

A real file dialog never returns offscreen; the profiles dialog takes these as arguments.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from initiator_desktop.exchange.frame_profile_file import SUFFIX
from initiator_desktop.i18n import _


def _filters() -> str:
    return _("Frame profiles (*.json)") + ";;" + _("All files (*)")


def choose_profile_to_open(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getOpenFileName(parent, caption, str(start), _filters())
    return Path(name) if name else None


def choose_profile_to_save(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(parent, caption, str(start), _filters())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(SUFFIX)
