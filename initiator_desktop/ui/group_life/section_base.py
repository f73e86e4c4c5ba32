"""What the panel's sections share: the repository, clock and purge; date fields; and one
way to run an action and show what went wrong next to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QWidget

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.field_errors import error_text
from initiator_desktop.ui.style import SHORT_FIELD_WIDTH, ErrorLabel

T = TypeVar("T")
Purge = Callable[[str], int]


@dataclass(frozen=True, slots=True)
class PanelContext:
    repo: VaultRepository
    clock: Callable[[], datetime]
    purge: Purge

    def today(self) -> date:
        return self.clock().astimezone(OSLO).date()


def date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setMaximumWidth(SHORT_FIELD_WIDTH)
    return edit


def set_day(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def day_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class LifeSection(QWidget):
    """A section of the panel. ``changed`` asks the panel to reload every section;
    ``status_changed`` says the group's status (or a new group) changed."""

    changed = Signal()
    status_changed = Signal(str)

    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._group_id = ""
        self.message = ErrorLabel(self)

    @property
    def repo(self) -> VaultRepository:
        return self._context.repo

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run ``action``; on an expected failure say why here and return None."""
        self.message.clear_message()
        try:
            return action()
        except DomainError as err:
            self.message.show_message(error_text(err))
        except VaultError as err:
            self.message.show_message(_(err.message))
        except OSError as err:
            self.message.show_message(_("The change could not be made: {reason}").format(
                reason=err.strerror or str(err)))
        return None

    def load(self, group_id: str) -> None:
        self._group_id = group_id
        self.message.clear_message()
        self.refresh()

    def refresh(self) -> None:
        """Show the stored state of the current group (each section defines it)."""
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError
