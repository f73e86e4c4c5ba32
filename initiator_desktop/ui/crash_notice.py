"""The short notice after an unexpected error: where the report is, and that it is clean.

The report (see ``hardening``) holds code locations only; this notice shows no vault data
either, only the report's path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from initiator_desktop.i18n import _
from initiator_desktop.ui.language import app_display_name

_showing: list[bool] = []


def crash_message(report: Path) -> tuple[str, str]:
    """(text, informative text) of the notice, in the active language."""
    return (
        _("Something went wrong in the app."),
        _("A short report was saved in {path}. It holds no group data, only where in the "
          "program the error happened. What you saved before is safe in the vault.")
        .format(path=report),
    )


def show_crash_notice(report: Path) -> None:
    """Show the notice once at a time; does nothing without a running QApplication."""
    if _showing or not isinstance(QCoreApplication.instance(), QApplication):
        return
    _showing.append(True)
    try:
        text, details = crash_message(report)
        box = QMessageBox(QMessageBox.Icon.Warning, app_display_name(), text)
        box.setInformativeText(details)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
    finally:
        _showing.clear()
