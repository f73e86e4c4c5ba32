"""The bundled fonts (DejaVu Sans and Sans Mono), registered with Qt once per process.

PDFs name these families explicitly, so they carry real text even on a machine
without system fonts.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from initiator_desktop.resources import resources_dir

SANS = "DejaVu Sans"
MONO = "DejaVu Sans Mono"

_registered: list[str] = []


def register_bundled_fonts() -> list[str]:
    """Add every bundled ``.ttf`` to Qt's font database (once); returns their families."""
    if not _registered:
        for font_file in sorted((resources_dir() / "fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(font_file))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(dict.fromkeys(_registered))
