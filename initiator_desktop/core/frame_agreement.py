"""Use cases around a group's agreement on its frames, and the history of agreed frames.

Once the group has agreed on its frames, every save that changes them keeps a snapshot of
the frames as they then stand; the first agreement keeps the frames agreed on. Between
two snapshots, ``diff_frames`` tells what was added, removed, reworded and moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement, FrameChange
from initiator_desktop.core.group_page import GroupPage, Saved, save_group_page
from initiator_desktop.core.models import LANGUAGES, FrameItem
from initiator_desktop.core.repository import VaultRepository

_TICK = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class Rewording:
    """One frame whose wording (in ``languages``) or kind changed."""

    before: FrameItem
    after: FrameItem
    languages: tuple[str, ...]
    kind_changed: bool = False


@dataclass(frozen=True, slots=True)
class FrameDiff:
    """What changed between two versions of a group's frames.

    ``moved`` holds the fewest frames whose moving explains the new order; frames that were
    only pushed along by an addition or removal are not counted as moved.
    """

    added: tuple[FrameItem, ...] = ()
    removed: tuple[FrameItem, ...] = ()
    reworded: tuple[Rewording, ...] = ()
    moved: tuple[FrameItem, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.reworded or self.moved)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One kept version of the agreed frames; ``diff`` is None for the first one."""

    change: FrameChange
    diff: FrameDiff | None


def _match(before: Sequence[FrameItem], after: Sequence[FrameItem]) -> list[tuple[int, int]]:
    """Pairs (index before, index after) of the same frame, in the order of ``before``.

    The same id first; then, among the rest, the same library key (a profile applied
    again gives new ids), then the very same wording.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    rules = (
        lambda b, a: b.id == a.id,
        lambda b, a: bool(b.source_key) and b.source_key == a.source_key,
        lambda b, a: b.texts == a.texts and b.kind == a.kind,
    )
    for same in rules:
        for i, old in enumerate(before):
            if i in pairs:
                continue
            j = next((j for j, new in enumerate(after) if j not in taken and same(old, new)),
                     None)
            if j is not None:
                pairs[i] = j
                taken.add(j)
    return sorted(pairs.items())


def _kept_in_order(positions: Sequence[int]) -> set[int]:
    """Indexes into ``positions`` of a longest increasing run (these frames did not move)."""
    best: list[int] = [1] * len(positions)
    previous: list[int] = [-1] * len(positions)
    for i, here in enumerate(positions):
        for j in range(i):
            if positions[j] < here and best[j] + 1 > best[i]:
                best[i], previous[i] = best[j] + 1, j
    kept: set[int] = set()
    i = max(range(len(positions)), key=lambda k: best[k], default=-1)
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def _rewording(old: FrameItem, new: FrameItem) -> Rewording | None:
    languages = tuple(code for code in LANGUAGES if old.texts.get(code) != new.texts.get(code))
    kind_changed = old.kind is not new.kind
    if not languages and not kind_changed:
        return None
    return Rewording(old, new, languages, kind_changed)


def diff_frames(before: Sequence[FrameItem], after: Sequence[FrameItem]) -> FrameDiff:
    """What changed from ``before`` to ``after`` (both in the group's order)."""
    pairs = _match(before, after)
    matched_before = {i for i, _j in pairs}
    matched_after = {j for _i, j in pairs}
    kept = _kept_in_order([j for _i, j in pairs])
    by_place = sorted(range(len(pairs)), key=lambda k: pairs[k][1])
    reworded = [r for k in by_place
                if (r := _rewording(before[pairs[k][0]], after[pairs[k][1]])) is not None]
    return FrameDiff(
        added=tuple(item for j, item in enumerate(after) if j not in matched_after),
        removed=tuple(item for i, item in enumerate(before) if i not in matched_before),
        reworded=tuple(reworded),
        moved=tuple(after[pairs[k][1]] for k in by_place if k not in kept),
    )


def frame_history(repo: VaultRepository, group_id: str) -> list[HistoryEntry]:
    """The kept versions of the group's agreed frames, oldest first, each with its diff."""
    changes = repo.frame_changes(group_id)
    entries = []
    for index, change in enumerate(changes):
        diff = diff_frames(changes[index - 1].items, change.items) if index else None
        entries.append(HistoryEntry(change, diff))
    return entries


def has_agreed_frames(repo: VaultRepository, group_id: str) -> bool:
    return any(a.kind is AgreementKind.FRAMES for a in repo.frame_agreements(group_id))


def _keep_snapshot(
    repo: VaultRepository, group_id: str, items: Sequence[FrameItem], now: datetime
) -> FrameChange | None:
    changes = repo.frame_changes(group_id)
    if changes and diff_frames(changes[-1].items, items).is_empty:
        return None
    change = FrameChange(now, tuple(items))
    if changes and change.changed_at <= changes[-1].changed_at:
        # A clock set back, or two saves within one tick: history keeps its order.
        change = FrameChange(changes[-1].changed_at + _TICK, change.items)
    repo.add_frame_change(group_id, change)
    return change


def record_agreement(
    repo: VaultRepository, group_id: str, agreement: FrameAgreement, now: datetime
) -> FrameChange | None:
    """Note that the group agreed; for its frames, keep the frames agreed on.

    Returns the snapshot kept, if one was (the first agreement, or frames changed since).
    An agreement of the same kind on the same day replaces the earlier note.
    """
    if agreement.agreed_on > now.date():
        raise DomainError(N_("The day of the agreement cannot be in the future."), "agreed_on")
    with repo.transaction():
        if repo.group(group_id) is None:
            raise DomainError(N_("The group does not exist."), "group")
        frames = repo.frames(group_id)
        if agreement.kind is AgreementKind.FRAMES and not frames:
            raise DomainError(N_("The group has no frames to agree on yet."), "frames")
        repo.save_frame_agreement(group_id, agreement)
        if agreement.kind is AgreementKind.FRAMES:
            return _keep_snapshot(repo, group_id, frames, now)
    return None


def delete_agreement(
    repo: VaultRepository, group_id: str, kind: AgreementKind, agreed_on: date
) -> None:
    """Remove a note made by mistake; the history of the frames stays."""
    repo.delete_frame_agreement(group_id, kind, agreed_on)


def note_frames_saved(
    repo: VaultRepository, group_id: str, items: Sequence[FrameItem], now: datetime
) -> FrameChange | None:
    """After a save: if the group has agreed on its frames and they changed, keep them."""
    if not has_agreed_frames(repo, group_id):
        return None
    return _keep_snapshot(repo, group_id, items, now)


def save_page_keeping_history(repo: VaultRepository, page: GroupPage, now: datetime) -> Saved:
    """``save_group_page``, and in the same transaction the history of agreed frames."""
    with repo.transaction():
        saved = save_group_page(repo, page)
        note_frames_saved(repo, saved.group_id, page.frames, now)
    return saved
