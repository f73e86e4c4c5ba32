"""Printing tests: a QGuiApplication for measuring text, and sample groups to print."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot


@pytest.fixture(autouse=True)
def _application(qtbot: QtBot) -> None:
    """Laying out text measures it in Qt's fonts, which needs the session application."""
