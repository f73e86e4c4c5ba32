"""Locating the bundled ``resources/`` folder (fonts, schemas, demo data)."""

from __future__ import annotations

from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` from the wheel's data folder, else from the source tree."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_data" / "resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return package.parent / "resources"
