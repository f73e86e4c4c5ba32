"""File dialogs for backups, as plain functions that tests replace, and the default name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from initiator_desktop.i18n import _
from initiator_desktop.storage.backup import SUFFIX


def default_backup_name(day: date) -> str:
    """``initiator-backup-YYYY-MM-DD.igbackup``: a date, nothing from the vault."""
    return f"initiator-backup-{day.isoformat()}{SUFFIX}"


def default_backup_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _filters() -> str:
    return _("Backups (*.igbackup)") + ";;" + _("All files (*)")


def choose_backup_destination(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getSaveFileName(parent, caption, str(start), _filters())
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(SUFFIX)


def choose_backup_source(parent: QWidget, caption: str, start: Path) -> Path | None:
    name, _selected = QFileDialog.getOpenFileName(parent, caption, str(start), _filters())
    return Path(name) if name else None
