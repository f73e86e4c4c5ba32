"""Small-count protection for published figures: what a report may show, cell by cell.

A count below the threshold (never below 3) is shown as "<3". When the published cells
and totals would still let a reader work one out, further cells are hidden (shown as
":", the symbol Statistics Norway uses for figures withheld for confidentiality) until
no hidden cell can be pinned to a single value. The rule is documented in
docs/reports.md; ``attacker_bounds`` is the reader's best reasoning, used both to choose
what to hide and by the tests to check that nothing can be recovered.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from initiator_desktop.core.errors import N_, DomainError

MIN_THRESHOLD = 3  # the floor: no setting can publish a 1 or a 2
DEFAULT_THRESHOLD = 3
MAX_THRESHOLD = 100
PROTECTING_TEXT = ":"


class Shown(StrEnum):
    EXACT = "exact"
    SMALL = "small"  # below the threshold: "<3"
    PROTECTING = "protecting"  # at or above it, hidden so that a small one stays hidden


@dataclass(frozen=True, slots=True)
class Figure:
    """One published count: its value when shown exactly, else only how it is hidden."""

    value: int | None
    shown: Shown = Shown.EXACT
    threshold: int = DEFAULT_THRESHOLD

    @classmethod
    def exact(cls, value: int) -> Figure:
        return cls(value)

    @property
    def hidden(self) -> bool:
        return self.shown is not Shown.EXACT

    def text(self) -> str:
        """As printed: the number, "<3", or ":"."""
        if self.shown is Shown.SMALL:
            return f"<{self.threshold}"
        if self.shown is Shown.PROTECTING:
            return PROTECTING_TEXT
        return str(self.value)

    def bounds(self) -> tuple[int, float]:
        """What a reader knows of the true value: (lowest, highest)."""
        if self.shown is Shown.SMALL:
            return 0, self.threshold - 1
        if self.shown is Shown.PROTECTING:
            return self.threshold, math.inf
        assert self.value is not None
        return self.value, self.value


def check_threshold(threshold: int) -> int:
    """The threshold if allowed (3 or more); a DomainError otherwise."""
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not (
            MIN_THRESHOLD <= threshold <= MAX_THRESHOLD):
        raise DomainError(N_("The smallest number shown must be between {low} and {high}."),
                          "min_count", low=MIN_THRESHOLD, high=MAX_THRESHOLD)
    return threshold


@dataclass(frozen=True, slots=True)
class Relation:
    """A published sum: the cell ``total`` equals the sum of the cells ``parts``."""

    total: str
    parts: tuple[str, ...]


Bounds = dict[str, tuple[float, float]]


def attacker_bounds(figures: Mapping[str, Figure], relations: Sequence[Relation]) -> Bounds:
    """The tightest range for every cell that a reader can reach from the published
    figures and sums, by propagating bounds through the relations until nothing changes.

    Every value it rules out is truly impossible, so a cell whose range holds a single
    value is disclosed.
    """
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    for cell, figure in figures.items():
        low[cell], high[cell] = figure.bounds()
    users: dict[str, list[int]] = {}
    for index, relation in enumerate(relations):
        for cell in (relation.total, *relation.parts):
            users.setdefault(cell, []).append(index)
    queue = deque(range(len(relations)))
    queued = set(queue)
    while queue:
        index = queue.popleft()
        queued.discard(index)
        for cell in _tighten(relations[index], low, high):
            for other in users[cell]:
                if other not in queued:
                    queued.add(other)
                    queue.append(other)
    return {cell: (low[cell], high[cell]) for cell in figures}


def _tighten(relation: Relation, low: dict[str, float], high: dict[str, float]) -> list[str]:
    """Narrow the cells of one relation; returns the cells that changed."""
    parts = relation.parts
    low_sum = sum(low[p] for p in parts)
    infinite = sum(1 for p in parts if high[p] == math.inf)
    finite_high = sum(high[p] for p in parts if high[p] != math.inf)
    changed: list[str] = []
    total = relation.total
    new_low = max(low[total], low_sum)
    new_high = min(high[total], math.inf if infinite else finite_high)
    if (new_low, new_high) != (low[total], high[total]):
        low[total], high[total] = new_low, new_high
        changed.append(total)
    for part in parts:
        others_high = (math.inf if infinite - (high[part] == math.inf) > 0
                       else finite_high - (high[part] if high[part] != math.inf else 0))
        others_low = low_sum - low[part]
        part_low = max(low[part], low[total] - others_high)
        part_high = min(high[part], high[total] - others_low)
        if (part_low, part_high) != (low[part], high[part]):
            low[part], high[part] = part_low, part_high
            changed.append(part)
    return changed


def disclosed(figures: Mapping[str, Figure], relations: Sequence[Relation]) -> list[str]:
    """Hidden cells that a reader can pin to one value (an empty list when safe)."""
    bounds = attacker_bounds(figures, relations)
    return sorted(cell for cell, figure in figures.items()
                  if figure.hidden and bounds[cell][0] == bounds[cell][1])


def protect(values: Mapping[str, int], relations: Sequence[Relation],
            threshold: int = DEFAULT_THRESHOLD) -> dict[str, Figure]:
    """Every cell as it may be published.

    Each count below ``threshold`` is hidden as small. Then, while a reader could pin any
    hidden cell, one more cell in a sum with it is hidden as protecting: a detail cell
    before a total, the smallest first, in the sum with the fewest hidden cells.
    """
    check_threshold(threshold)
    _check_sums(values, relations)
    figures = {cell: _initial(value, threshold) for cell, value in values.items()}
    members: dict[str, list[Relation]] = {}
    for relation in relations:
        for cell in (relation.total, *relation.parts):
            members.setdefault(cell, []).append(relation)
    while True:
        _free_within_sums(figures, relations, members)
        exposed = disclosed(figures, relations)
        if not exposed:
            return figures
        # Pinned only through a chain of sums: free the nearest link and look again.
        figures[_complement(exposed[0], members, figures)] = Figure(
            None, Shown.PROTECTING, threshold)


def _free_within_sums(figures: dict[str, Figure], relations: Sequence[Relation],
                      members: Mapping[str, list[Relation]]) -> None:
    """Hide cells until no single sum pins a hidden cell by itself (the common case,
    and cheap: each sum is looked at again only when one of its cells changed)."""
    queue = deque(relations)
    queued = {id(r) for r in relations}
    while queue:
        relation = queue.popleft()
        queued.discard(id(relation))
        pinned = _pinned_cells(relation, figures)
        if not pinned:
            continue
        pinned = pinned[0]
        cell = _complement(pinned, {pinned: [relation]}, figures)
        figures[cell] = Figure(None, Shown.PROTECTING, figures[cell].threshold)
        for other in (relation, *members.get(cell, [])):
            if id(other) not in queued:
                queued.add(id(other))
                queue.append(other)


def _initial(value: int, threshold: int) -> Figure:
    if value < 0:
        raise ValueError("counts are never negative")
    if value < threshold:
        return Figure(None, Shown.SMALL, threshold)
    return Figure(value, Shown.EXACT, threshold)


def _check_sums(values: Mapping[str, int], relations: Iterable[Relation]) -> None:
    for relation in relations:
        if values[relation.total] != sum(values[p] for p in relation.parts):
            raise ValueError(f"the parts of {relation.total} do not add up")


def _complement(cell: str, members: Mapping[str, list[Relation]],
                figures: Mapping[str, Figure]) -> str:
    """The shown cell to hide next so that ``cell`` can no longer be pinned.

    In a sum that pins ``cell`` by itself, the smallest shown cell whose hiding frees it
    there (else the largest, which frees the most); otherwise the nearest shown cell.
    """
    own = sorted(members.get(cell, []), key=lambda r: _hidden_count(r, figures))
    for relation in own:
        if not _pinned_in(cell, relation, figures, {}):
            continue
        candidates = sorted(
            ((c == relation.total, figures[c].value or 0, c) for c in _cells(relation)
             if not figures[c].hidden), key=lambda option: option[:2])
        for _is_total, _value, candidate in candidates:
            if not _pinned_in(cell, relation, figures, {candidate}):
                return candidate
        if candidates:
            return max(candidates, key=lambda option: (not option[0], option[1]))[2]
    return _nearest_shown(cell, members, figures)


def _cells(relation: Relation) -> tuple[str, ...]:
    return (relation.total, *relation.parts)


def _hidden_count(relation: Relation, figures: Mapping[str, Figure]) -> int:
    return sum(1 for c in _cells(relation) if figures[c].hidden)


def _local_bounds(relation: Relation, figures: Mapping[str, Figure],
                  also_hidden: set[str]) -> tuple[dict[str, float], dict[str, float]]:
    """What ``relation`` alone tells a reader (with ``also_hidden`` hidden too)."""
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    for c in _cells(relation):
        if c in also_hidden:
            low[c], high[c] = figures[c].threshold, math.inf
        else:
            low[c], high[c] = figures[c].bounds()
    while _tighten(relation, low, high):
        pass
    return low, high


def _pinned_in(cell: str, relation: Relation, figures: Mapping[str, Figure],
               also_hidden: set[str]) -> bool:
    """Whether ``relation`` alone pins ``cell`` (with ``also_hidden`` hidden too)."""
    low, high = _local_bounds(relation, figures, also_hidden)
    return low[cell] == high[cell]


def _pinned_cells(relation: Relation, figures: Mapping[str, Figure]) -> list[str]:
    """The hidden cells that ``relation`` alone pins."""
    low, high = _local_bounds(relation, figures, set())
    return [c for c in _cells(relation) if figures[c].hidden and low[c] == high[c]]


def _nearest_shown(cell: str, members: Mapping[str, list[Relation]],
                   figures: Mapping[str, Figure]) -> str:
    seen = {cell}
    frontier = [cell]
    # Nearest relations first; a cell pinned through a chain is freed at its near end.
    while frontier:
        options: list[tuple[int, bool, int, str]] = []
        for current in frontier:
            for relation in members.get(current, []):
                hidden = _hidden_count(relation, figures)
                options += [(hidden, c == relation.total, figures[c].value or 0, c)
                            for c in _cells(relation) if not figures[c].hidden]
        if options:
            return min(options)[3]
        frontier = [c for current in frontier for relation in members.get(current, [])
                    for c in _cells(relation) if c not in seen]
        seen.update(frontier)
    raise AssertionError(f"nothing left to hide around {cell}")  # all hidden cannot pin
