"""File dialogs for choosing a vault file, as plain functions the start dialog can swap.

Tests pass their own function instead: a real file dialog never returns offscreen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from initiator_desktop.i18n import _

PathChooser = Callable[[QWidget, str, Path], Path | None]
"""(parent, caption, start path) -> the chosen path, or None when cancelled."""


def _filters() -> str:
    return _("Vaults (*.vault)") + ";;" + _("All files (*)")


def choose_existing_vault(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getOpenFileName(parent, caption, str(start), _filters())
    return Path(name) if name else None


def choose_save_path(parent: QWidget, caption: str, start: Path, filters: str,
                     suffix: str) -> Path | None:
    """A file to write, with ``suffix`` added when the name the user typed has none."""
    name, _selected = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)


def choose_new_vault(parent: QWidget, caption: str, start: Path) -> Path | None:
    return choose_save_path(parent, caption, start, _filters(), ".vault")
