"""Parsing JSON from untrusted files without surprises.

Python's json module accepts NaN and Infinity, keeps the last of duplicate keys,
passes lone surrogates through and recurses on deep nesting. Each of these is turned
into an ``InvalidFile`` that names the JSON path of the problem.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.errors import InvalidFile

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 32


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it saw twice."""

    duplicates: list[str]


class _NonFinite:
    def __init__(self, text: str) -> None:
        self.text = text


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    counts = Counter(key for key, _ in pairs)
    obj.duplicates = [key for key, count in counts.items() if count > 1]
    return obj


def _check_depth(text: str) -> None:
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise InvalidFile(N_("The file is nested too deeply."), "$")
        elif char in "]}":
            depth -= 1


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    if key.isidentifier():
        return f"{parent}.{key}"
    return f"{parent}[{json.dumps(key)}]"


def _walk(value: Any, path: str) -> None:
    if isinstance(value, _NonFinite):
        raise InvalidFile(N_("{value} is not allowed in this file."), path, value=value.text)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidFile(N_("{value} is not allowed in this file."), path, value=str(value))
    if isinstance(value, str):
        _check_text(value, path)
    elif isinstance(value, _Object):
        if value.duplicates:
            raise InvalidFile(
                N_('The key "{key}" appears twice.'), path, key=value.duplicates[0]
            )
        for key, item in value.items():
            _check_text(key, path)
            _walk(item, _path(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, _path(path, index))


def _check_text(value: str, path: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidFile(N_("The text contains an invalid character."), path) from exc


def loads(data: bytes) -> Any:
    """Parse ``data`` as strict JSON, or raise InvalidFile."""
    if len(data) > MAX_BYTES:
        raise InvalidFile(N_("The file is too large."), "$")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidFile(N_("The file is not UTF-8 text."), "$") from exc
    _check_depth(text)
    try:
        value = json.loads(text, object_pairs_hook=_object, parse_constant=_NonFinite)
    except json.JSONDecodeError as exc:
        raise InvalidFile(
            N_("The file is not valid JSON (line {line}, column {column})."),
            "$", line=exc.lineno, column=exc.colno,
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise InvalidFile(N_("The file is not valid JSON."), "$") from exc
    _walk(value, "$")
    return value


def load_file(path: Path) -> Any:
    """Read and parse a JSON file, refusing absurd sizes before reading them."""
    try:
        if not path.is_file():
            raise InvalidFile(N_("The file could not be read."), "$")
        if path.stat().st_size > MAX_BYTES:
            raise InvalidFile(N_("The file is too large."), "$")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidFile(N_("The file could not be read."), "$") from exc
    return loads(data)
