"""Checking a section's Markdown before anyone renders it: images, links and raw HTML.

Images may come only from the module's own ``images/`` folder; links may not lead to a
web address, another scheme or outside the pack; raw HTML is refused. The renderer in
the UI is locked down as well: this check is the first of two walls, and it gives the
course leader a line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack import limits
from initiator_desktop.exchange.content_pack.problems import Problems

IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g|svg)", re.IGNORECASE)
_HEADING = re.compile(r"# +(\S.*?)(?:\s+#+)?\s*")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]*)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]*)")
_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[^\s<>@]+@[^\s<>@]+>")
_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!|\?)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*")


@dataclass(frozen=True, slots=True)
class SectionText:
    title: str
    body: str


def split_section(file: str, text: str, problems: Problems) -> SectionText | None:
    """The heading (first line, ``# Title``) and the body of a section file."""
    lines = text.splitlines()
    heading = _HEADING.fullmatch(lines[0]) if lines else None
    if heading is None:
        problems.add(file, 1, N_("A section must begin with its title as a heading: "
                                 "# Title"))
        return None
    body = "\n".join(lines[1:]).strip("\n")
    return SectionText(heading.group(1).strip(), body)


def _lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            yield number, _CODE_SPAN.sub(" ", line)


def check_markdown(file: str, text: str, images: frozenset[str], problems: Problems) -> None:
    """Add a problem for every unsafe image, link, piece of raw HTML or too-wide table."""
    for number, line in _lines_outside_code(text):
        for match in _IMAGE.finditer(line):
            _check_image(file, number, _target(match.group(1)), images, problems)
        for match in _LINK.finditer(line):
            _check_link(file, number, _target(match.group(1)), images, problems)
        definition = _DEFINITION.match(line)
        if definition:
            _check_link(file, number, _target(definition.group(1)), images, problems)
        for match in _AUTOLINK.finditer(line):
            problems.add(file, number, N_("Links to web addresses or other programs are not "
                                          "allowed; write the address as plain text: {target}"),
                         target=match.group(1)[:120])
        rest = _EMAIL_AUTOLINK.sub(" ", _AUTOLINK.sub(" ", line))
        if _HTML.search(rest):
            problems.add(file, number, N_("Raw HTML is not allowed in a section; use Markdown."))
        _check_table(file, number, line, problems)


def _target(raw: str) -> str:
    return raw[1:-1].strip() if raw.startswith("<") else raw


def _outside(target: str) -> bool:
    parts = target.replace("\\", "/").split("/")
    return target.startswith(("/", "\\")) or ".." in parts or "\\" in target


def _check_image(file: str, line: int, target: str, images: frozenset[str],
                 problems: Problems) -> None:
    shown = target[:120]
    if _SCHEME.match(target) or _outside(target):
        problems.add(file, line, N_("Images may come only from the module's images folder, "
                                    "not from {target}."), target=shown)
        return
    name = target.removeprefix("images/")
    if not target.startswith("images/") or not IMAGE_NAME.fullmatch(name):
        problems.add(file, line, N_("An image must be a PNG, JPEG or SVG file in the "
                                    "module's images folder, like images/picture.png: "
                                    "{target}"), target=shown)
    elif name not in images:
        problems.add(file, line, N_("The image {target} is not in the module's images "
                                    "folder."), target=shown)


def _check_link(file: str, line: int, target: str, images: frozenset[str],
                problems: Problems) -> None:
    if target.startswith("images/"):
        _check_image(file, line, target, images, problems)
    elif _SCHEME.match(target):
        problems.add(file, line, N_("Links to web addresses or other programs are not "
                                    "allowed; write the address as plain text: {target}"),
                     target=target[:120])
    elif _outside(target):
        problems.add(file, line, N_("A link may not point outside the pack: {target}"),
                     target=target[:120])


def _check_table(file: str, line: int, text: str, problems: Problems) -> None:
    if "|" in text and _TABLE_RULE.fullmatch(text):
        columns = len([c for c in text.strip().strip("|").split("|") if c.strip()])
        if columns > limits.MAX_TABLE_COLUMNS:
            problems.add(file, line, N_("A table may have at most {limit} columns; this one "
                                        "has {count}."), limit=limits.MAX_TABLE_COLUMNS,
                         count=columns)
