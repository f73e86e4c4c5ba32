"""Where keys and tables sit in a TOML text, so problems can name a line.

tomllib returns plain dicts without positions. This scanner follows the text line by
line (skipping strings and comments) and records the first line of every table, array
element and key, by the same path a JSON Schema error reports (``("quiz", 2, "kind")``).
It only needs to be right for valid TOML: it runs after tomllib accepted the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Path = tuple[str | int, ...]

_PART = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEYS = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"\s*(\[\[|\[)\s*({_KEYS})\s*(\]\]|\])")
_KEY = re.compile(rf"\s*({_KEYS})\s*=")
_PART_RE = re.compile(_PART)


def _parts(keys: str) -> tuple[str, ...]:
    out = []
    for match in _PART_RE.finditer(keys):
        part = match.group(0)
        if part[0] in "\"'":
            part = part[1:-1]
        out.append(part)
    return tuple(out)


class TomlLines:
    """Line numbers (1-based) of the tables, keys and array items in one TOML text."""

    def __init__(self, text: str) -> None:
        self._index: dict[Path, int] = {}
        self._arrays: dict[Path, int] = {}  # array of tables -> index of its last element
        self._lines = text.splitlines()
        self._table: Path = ()
        self._scan()

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, or of its nearest recorded parent; None for the whole file."""
        key = tuple(path)
        while key:
            if key in self._index:
                return self._index[key]
            key = key[:-1]
        return None

    def line_with(self, path: Sequence[str | int], needle: str) -> int | None:
        """The first line from ``path``'s line on that contains ``needle`` as a TOML string."""
        start = self.line_of(path)
        if start is None:
            return None
        quoted = (f'"{needle}"', f"'{needle}'")
        for number in range(start, len(self._lines) + 1):
            line = self._lines[number - 1]
            if number > start and _HEADER.match(line):
                break
            if any(q in line for q in quoted):
                return number
        return start

    # -- scanning -------------------------------------------------------------------
    def _resolve(self, parts: tuple[str, ...]) -> Path:
        out: Path = ()
        for part in parts:
            out = (*out, part)
            if out in self._arrays:
                out = (*out, self._arrays[out])
        return out

    def _record(self, path: Path, line: int) -> None:
        self._index.setdefault(path, line)

    def _header(self, match: re.Match[str], line: int) -> None:
        parts = _parts(match.group(2))
        if match.group(1) == "[[":
            array = (*self._resolve(parts[:-1]), parts[-1])
            index = self._arrays.get(array, -1) + 1
            self._arrays[array] = index
            self._record(array, line)
            self._table = (*array, index)
        else:
            self._table = self._resolve(parts)
        self._record(self._table, line)

    def _key(self, match: re.Match[str], line: int) -> Path:
        path = self._table
        for part in _parts(match.group(1)):
            path = (*path, part)
            self._record(path, line)
        return path

    def _scan(self) -> None:
        state = _ValueScanner(self._record)
        for number, line in enumerate(self._lines, start=1):
            position = 0
            if state.idle:
                header = _HEADER.match(line)
                if header:
                    self._header(header, number)
                    position = header.end()
                else:
                    key = _KEY.match(line)
                    if key:
                        state.start(self._key(key, number))
                        position = key.end()
            state.feed(line, position, number)


class _ValueScanner:
    """Follows strings, brackets and comments across lines; records array items' lines."""

    def __init__(self, record: Callable[[Path, int], None]) -> None:
        self._record = record
        self._multiline: str | None = None
        self._depth = 0
        self._array: Path | None = None
        self._item = 0
        self._expect_item = False

    @property
    def idle(self) -> bool:
        return self._multiline is None and self._depth == 0

    def start(self, key: Path) -> None:
        self._array = key
        self._item = 0
        self._expect_item = False

    def feed(self, line: str, position: int, number: int) -> None:
        i = position
        while i < len(line):
            if self._multiline is not None:
                i = self._close_multiline(line, i)
                continue
            char = line[i]
            if char == "#":
                return
            self._maybe_item(char, number)
            if line.startswith(('"""', "'''"), i):
                self._multiline = line[i:i + 3]
                i += 3
            elif char in "\"'":
                i = _skip_string(line, i)
            else:
                self._bracket(char)
                i += 1
        if self.idle:
            self._array = None

    def _maybe_item(self, char: str, number: int) -> None:
        if self._array is None:
            return
        if self._depth == 0 and char == "[":
            self._expect_item = True
            return
        if self._depth == 1 and char == ",":
            self._expect_item = True
        elif self._depth == 1 and self._expect_item and not char.isspace() and char != "]":
            self._record((*self._array, self._item), number)
            self._item += 1
            self._expect_item = False

    def _bracket(self, char: str) -> None:
        if char in "[{":
            self._depth += 1
        elif char in "]}":
            self._depth = max(0, self._depth - 1)

    def _close_multiline(self, line: str, i: int) -> int:
        delimiter = self._multiline or '"""'
        while i < len(line):
            if delimiter == '"""' and line[i] == "\\":
                i += 2
                continue
            if line.startswith(delimiter, i):
                # Up to two quotes may directly precede the closing delimiter.
                end = i + 3
                while end < len(line) and line[end] == delimiter[0] and end - i < 5:
                    end += 1
                self._multiline = None
                return end
            i += 1
        return i


def _skip_string(line: str, i: int) -> int:
    quote = line[i]
    i += 1
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            return i + 1
        i += 1
    return i
