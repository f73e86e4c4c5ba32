"""Problems found in a content pack: where (file and line) and what (a message id and params).

Messages are English gettext ids marked with ``N_``; the CLI and the UI translate them
when they show them, so a problem list can be shown in any language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.errors import InvalidFile


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: ``file`` is relative to the pack (POSIX slashes), ``line`` 1-based.

    An empty ``file`` means the pack as a whole (an archive that cannot be read, a limit).
    """

    file: str
    line: int | None
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def location(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def sort_key(self) -> tuple[str, int, str]:
        return (self.file, self.line or 0, self.message)


class Problems:
    """Collects problems while a pack is checked, so every one is reported, not the first."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, file: str, line: int | None, message: str, **params: Any) -> None:
        self._items.append(Problem(file, line, message, params))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def in_file(self, file: str) -> bool:
        return any(p.file == file for p in self._items)

    def sorted(self) -> tuple[Problem, ...]:
        unique: dict[tuple[str, int | None, str, str], Problem] = {}
        for p in self._items:
            unique.setdefault((p.file, p.line, p.message, repr(sorted(p.params.items()))), p)
        return tuple(sorted(unique.values(), key=Problem.sort_key))


class PackInvalid(InvalidFile):
    """A pack that cannot be used; ``problems`` holds every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0].location() if self.problems else "pack.toml"
        super().__init__(N_("The content pack is not valid ({count} problems)."), first,
                         count=len(self.problems))
