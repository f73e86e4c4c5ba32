"""Closing every open dialog, message box and popup, for locking and quick-hide.

A dialog in ``exec`` returns ``Rejected`` to its caller, which treats it as cancelled.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QApplication, QDialog, QWidget


def close_open_dialogs(keep: Iterable[QWidget] = ()) -> int:
    """Close popups and visible dialogs except ``keep``; returns how many dialogs closed."""
    kept = set(keep)
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break
    closed = 0
    # The innermost modal dialog first, so each exec() loop unwinds in order.
    while (modal := QApplication.activeModalWidget()) is not None and modal not in kept:
        if isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)
            closed += 1
        else:
            modal.close()
        if QApplication.activeModalWidget() is modal:
            break  # it refused to close; the loop below tries the rest
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and widget not in kept:
            widget.done(QDialog.DialogCode.Rejected)
            closed += 1
    return closed
