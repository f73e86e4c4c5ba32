"""Opening meeting mode for a group's current or next meeting (the main window's entry point)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from initiator_desktop.core.attendance_entry import MeetingContext, meeting_for_mode
from initiator_desktop.core.models import FrameText
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.run_sheets import RunSheet, load_run_sheet, sheet_kind_for
from initiator_desktop.i18n import current_language
from initiator_desktop.ui.lock.quick_hide import QuickHide
from initiator_desktop.ui.meeting.meeting_window import FramesAgreed, MeetingModeWindow


def group_frame_texts(repo: VaultRepository, group_id: str) -> list[FrameText]:
    """The group's frames in the UI language (each falls back to a language it has)."""
    language = current_language()
    return [item.text(language) for item in repo.frames(group_id)]


def meeting_sheet(repo: VaultRepository, context: MeetingContext) -> RunSheet:
    return load_run_sheet(repo, context.group.id, sheet_kind_for(context.initiator_number))


def build_meeting_mode(parent: QWidget | None, repo: VaultRepository, group_id: str,
                       clock: Callable[[], datetime], *,
                       on_frames_agreed: FramesAgreed | None = None
                       ) -> MeetingModeWindow | None:
    """The meeting-mode window for the group's meeting now running or next (not shown).

    None when the group has no meeting to come. With a main window as ``parent`` the
    window follows its quick-hide, and closes when the main window closes or locks.
    """
    context = meeting_for_mode(repo, group_id, clock(), language=current_language())
    if context is None:
        return None
    hide = getattr(parent, "quick_hide", None)
    return MeetingModeWindow(
        repo, context, meeting_sheet(repo, context), group_frame_texts(repo, group_id), clock,
        on_frames_agreed=on_frames_agreed,
        quick_hide=hide if isinstance(hide, QuickHide) else None, parent=parent)


def open_meeting_mode(parent: QWidget | None, repo: VaultRepository, group_id: str,
                      clock: Callable[[], datetime], *,
                      on_frames_agreed: FramesAgreed | None = None
                      ) -> MeetingModeWindow | None:
    """Build meeting mode and show it full screen; None if the group has no meeting."""
    window = build_meeting_mode(parent, repo, group_id, clock,
                                on_frames_agreed=on_frames_agreed)
    if window is not None:
        window.showFullScreen()
        window.raise_()
        window.activateWindow()
    return window
