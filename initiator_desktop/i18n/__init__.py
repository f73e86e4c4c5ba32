"""Gettext set-up: the active language and the functions that translate.

Catalogs are the ``.po`` files under ``translations/``. Babel compiles one the first
time it is used in its current form and the result is cached (keyed by the file's hash),
so start-up does not pay for Babel's parser; a checkout and a wheel behave the same.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import hashlib
import io
import os
import tempfile
from functools import cache
from pathlib import Path

from platformdirs import user_cache_path

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


def _compile(po_data: bytes, language: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_data), locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _cached_mo(po_data: bytes, language: str) -> bytes:
    digest = hashlib.sha256(po_data).hexdigest()[:24]
    cached = user_cache_path("InitiatorDesktop", appauthor=False) / "catalogs" / (
        f"{DOMAIN}-{language}-{digest}.mo")
    with contextlib.suppress(OSError):
        return cached.read_bytes()
    mo_data = _compile(po_data, language)
    # Best effort: a read-only or full cache only costs the next start a recompile.
    with contextlib.suppress(OSError):
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=cached.parent, prefix=".catalog-")
        with os.fdopen(handle, "wb") as fh:
            fh.write(mo_data)
        Path(temp).replace(cached)
    return mo_data


@cache
def load_catalog(language: str) -> _gettext.NullTranslations:
    po_path = translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        po_data = po_path.read_bytes()
    except OSError:
        return _gettext.NullTranslations()
    return _gettext.GNUTranslations(io.BytesIO(_cached_mo(po_data, language)))


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

