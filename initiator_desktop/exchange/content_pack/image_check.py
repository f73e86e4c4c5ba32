"""Checking the files in a module's ``images/`` folder: real PNG, JPEG or inert SVG.

An SVG is a program-like document: it may carry scripts, event handlers, entities and
references to other files or web addresses (Qt's SVG renderer loads ``<image>`` files
from disk). Only self-contained drawings pass.
"""

from __future__ import annotations

import re

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack.markdown_check import IMAGE_NAME
from initiator_desktop.exchange.content_pack.problems import Problems

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_FORBIDDEN = (
    re.compile(r"<\s*script", re.IGNORECASE),
    re.compile(r"<\s*foreignObject", re.IGNORECASE),
    re.compile(r"<!\s*(?:ENTITY|DOCTYPE)", re.IGNORECASE),
    re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    re.compile(r"javascript:", re.IGNORECASE),
    re.compile(r"@import", re.IGNORECASE),
    re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE),
    # Any reference that is not inside the drawing itself or an embedded raster image.
    re.compile(r"href\s*=\s*['\"](?!#|data:image/(?:png|jpeg);base64,)", re.IGNORECASE),
)


def check_image(file: str, name: str, data: bytes, problems: Problems) -> None:
    """Add a problem if the image's name or content is not what the pack allows."""
    if not IMAGE_NAME.fullmatch(name):
        problems.add(file, None, N_("An image must be a PNG, JPEG or SVG file with a simple "
                                    "name (letters, digits, dot, hyphen, underscore)."))
        return
    suffix = name.rsplit(".", 1)[1].lower()
    if suffix == "png" and not data.startswith(_PNG):
        problems.add(file, None, N_("The file is not a PNG image."))
    elif suffix in ("jpg", "jpeg") and not data.startswith(_JPEG):
        problems.add(file, None, N_("The file is not a JPEG image."))
    elif suffix == "svg":
        _check_svg(file, data, problems)


def _check_svg(file: str, data: bytes, problems: Problems) -> None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.add(file, None, N_("The file is not UTF-8 text."))
        return
    if "<svg" not in text:
        problems.add(file, None, N_("The file is not an SVG image."))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if any(pattern.search(line) for pattern in _SVG_FORBIDDEN):
            problems.add(file, number, N_("The SVG image contains a script, an entity or a "
                                          "reference to another file or web address."))
