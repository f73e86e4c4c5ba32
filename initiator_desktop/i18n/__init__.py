"""Gettext set-up: the active language and the functions that translate.

Catalogs are the ``.po`` files under ``translations/``, compiled in memory by Babel at
first use, so a source checkout and an installed wheel behave the same.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "initiator_desktop"
LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

_active: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def translations_dir() -> Path:
    """``translations/`` from the wheel's data folder, else from the source tree."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_data" / "translations", package.parent / "translations"):
        if candidate.is_dir():
            return candidate
    return package.parent / "translations"


@cache
def load_catalog(language: str) -> _gettext.NullTranslations:
    po_path = translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.is_file():
        return _gettext.NullTranslations()
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def pick_language(candidates: list[str]) -> str:
    """The first of nb, nn, en that the user's preferred languages name; else nb."""
    for raw in candidates:
        code = raw.replace("-", "_").split("_")[0].split(".")[0].lower()
        if code in ("nb", "no"):
            return "nb"
        if code in ("nn", "en"):
            return code
    return DEFAULT_LANGUAGE


def environment_language() -> str:
    """The language the process environment asks for (used by the CLI)."""
    candidates: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            candidates += value.split(":")
    return pick_language(candidates)


def set_language(language: str) -> None:
    global _active, _language
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _active = load_catalog(language)
    _language = language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _active.pgettext(context, message)

