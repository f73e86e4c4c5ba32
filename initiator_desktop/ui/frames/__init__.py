"""Widgets around a group's frames: agreements and their history, the frame library
picker, and frame profiles (list, create, export, import, apply).

The main window opens the profiles dialog with ``open_frame_profiles(parent, repo)``.
"""

from __future__ import annotations

from initiator_desktop.ui.frames.profiles_dialog import open_frame_profiles

__all__ = ["open_frame_profiles"]
