"""Frame profiles: a meeting place's own wording of the frames, named and versioned.

A LINK or volunteer centre words its frames its own way and hands that wording to its
initiators as a small file (``exchange/frame_profile_file.py``). Here live the values and
the use cases: create from a group's frames or a preset, rename, delete, import (a
profile whose id is already in the vault is refused unless imported as a copy) and apply
to a group's list (replace it, or add what it lacks). No Qt, no SQL, no i18n.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.frame_library import Preset, default_frames, library_item
from initiator_desktop.core.models import (
    LANGUAGES,
    MAX_NAME,
    FrameItem,
    FrameKind,
    FrameText,
    new_id,
)

if TYPE_CHECKING:
    from initiator_desktop.core.repository import VaultRepository

MAX_PROFILE_ITEMS = 100
MAX_VERSION = 20
ID_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _one_line(value: str, field_name: str, limit: int) -> None:
    if not value.strip():
        raise DomainError(N_("This field must not be empty."), field=field_name)
    if len(value) > limit:
        raise DomainError(
            N_("This text is too long (at most {limit} characters)."), field=field_name,
            limit=limit,
        )
    # Control characters and line breaks (also U+2028/2029) would break a list row.
    if any(unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"} for char in value):
        raise DomainError(N_("This text must fit on one line."), field=field_name)


def is_library_key(key: str) -> bool:
    """Whether this app's frame library has an item with ``key``."""
    try:
        library_item(key)
    except KeyError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class ProfileItem:
    """One frame of a profile: kind, wording per language and the library item it rewords.

    ``library_key`` may name an item that this version of the app does not know (the file
    came from a newer one); it is kept, and dropped only when the item is applied.
    """

    kind: FrameKind
    texts: Mapping[str, FrameText]
    library_key: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", FrameKind(self.kind))
        except ValueError as exc:
            raise DomainError(N_("Unknown value: {value}"), "kind", value=str(self.kind)) from exc
        if not self.texts:
            raise DomainError(N_("A frame needs a text in at least one language."), "texts")
        unknown = set(self.texts) - set(LANGUAGES)
        if unknown:
            raise DomainError(N_("Unknown language: {code}"), "texts", code=sorted(unknown)[0])
        if self.library_key and not KEY_PATTERN.fullmatch(self.library_key):
            raise DomainError(N_("This is not a frame library key."), "library_key")
        # One canonical language order, so equal profiles compare and serialise equal.
        ordered = {code: self.texts[code] for code in LANGUAGES if code in self.texts}
        object.__setattr__(self, "texts", ordered)

    @classmethod
    def from_frame(cls, item: FrameItem) -> ProfileItem:
        return cls(kind=item.kind, texts=dict(item.texts), library_key=item.source_key)

    def to_frame(self) -> FrameItem:
        """A fresh frame item for a group (own id); an unknown library key is dropped."""
        key = self.library_key if is_library_key(self.library_key) else ""
        return FrameItem(kind=self.kind, texts=dict(self.texts), source_key=key)

    def text(self, language: str) -> FrameText:
        for code in (language, *LANGUAGES):
            if code in self.texts:
                return self.texts[code]
        return next(iter(self.texts.values()))


@dataclass(frozen=True, slots=True)
class FrameProfile:
    """A named, versioned set of frame items in one or more languages."""

    name: str
    items: tuple[ProfileItem, ...]
    version: str = "1"
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _one_line(self.name, "name", MAX_NAME)
        _one_line(self.version, "version", MAX_VERSION)
        if not ID_PATTERN.fullmatch(self.id):
            raise DomainError(N_("This is not a valid identifier."), "id")
        object.__setattr__(self, "items", tuple(self.items))
        if not self.items:
            raise DomainError(N_("A frame profile needs at least one frame."), "items")
        if len(self.items) > MAX_PROFILE_ITEMS:
            raise DomainError(N_("A frame profile can hold at most {limit} frames."), "items",
                              limit=MAX_PROFILE_ITEMS)

    def languages(self) -> tuple[str, ...]:
        """The languages that at least one item is written in, in the app's order."""
        found = {code for item in self.items for code in item.texts}
        return tuple(code for code in LANGUAGES if code in found)


class ApplyMode(StrEnum):
    REPLACE = "replace"  # the group's list becomes the profile's items
    ADD = "add"  # only what the group's list lacks is added at the end


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying a profile gives: the items to put in (or add to) the list."""

    mode: ApplyMode
    items: tuple[FrameItem, ...]
    skipped: int = 0


def profile_from_frames(name: str, items: Sequence[FrameItem], version: str = "1") -> FrameProfile:
    """A new profile with the wording of a group's frames (raises DomainError)."""
    return FrameProfile(name=name, version=version,
                        items=tuple(ProfileItem.from_frame(item) for item in items))


def profile_from_preset(name: str, preset: Preset, version: str = "1") -> FrameProfile:
    """A new profile with the library's wording of a preset, in every language."""
    return profile_from_frames(name, default_frames(preset), version)


def apply_profile(
    profile: FrameProfile, mode: ApplyMode, present_keys: Iterable[str] = (),
    present_titles: Iterable[str] = (),
) -> Applied:
    """The items to put into a group's list.

    ``ADD`` leaves out an item whose library key the list already has, or whose title (in
    any language) the list already uses, so adding twice adds nothing.
    """
    mode = ApplyMode(mode)
    if mode is ApplyMode.REPLACE:
        return Applied(mode, tuple(item.to_frame() for item in profile.items))
    keys = set(present_keys)
    titles = {title.strip().casefold() for title in present_titles if title.strip()}
    added, skipped = [], 0
    for item in profile.items:
        own = {t.title.strip().casefold() for t in item.texts.values()}
        if (item.library_key and item.library_key in keys) or own & titles:
            skipped += 1
            continue
        added.append(item.to_frame())
        keys.add(item.library_key)
        titles |= own
    return Applied(mode, tuple(added), skipped)


# -- use cases on the vault ----------------------------------------------------------------
def create_profile(repo: VaultRepository, profile: FrameProfile) -> FrameProfile:
    """Store a new profile; an id already in the vault is refused."""
    with repo.transaction():
        if repo.frame_profile(profile.id) is not None:
            raise DomainError(N_("A frame profile with this id is already in the vault."), "id")
        repo.save_frame_profile(profile)
    return profile


def rename_profile(
    repo: VaultRepository, profile_id: str, name: str, version: str | None = None
) -> FrameProfile:
    """Give a stored profile a new name (and version); raises DomainError."""
    with repo.transaction():
        stored = _stored(repo, profile_id)
        renamed = replace(stored, name=name,
                          version=stored.version if version is None else version)
        repo.save_frame_profile(renamed)
    return renamed


def delete_profile(repo: VaultRepository, profile_id: str) -> None:
    """Delete a profile; groups keep the frames that came from it."""
    repo.delete_frame_profile(profile_id)


def import_profile(
    repo: VaultRepository, profile: FrameProfile, *, as_copy: bool = False
) -> FrameProfile:
    """Store a profile read from a file, keeping its id so the same file is not added twice.

    When the id is already in the vault the import is refused (``field`` "id", naming the
    stored profile), unless ``as_copy``: then it is stored under a new id with its name
    and version unchanged.
    """
    with repo.transaction():
        stored = repo.frame_profile(profile.id)
        if stored is not None and not as_copy:
            raise DomainError(
                N_("A frame profile with the same id is already in the vault: "
                   "“{name}”, version {version}."),
                "id", name=stored.name, version=stored.version,
            )
        if stored is not None:
            profile = replace(profile, id=new_id())
        repo.save_frame_profile(profile)
    return profile


def _stored(repo: VaultRepository, profile_id: str) -> FrameProfile:
    stored = repo.frame_profile(profile_id)
    if stored is None:
        raise DomainError(N_("The frame profile does not exist."), "id")
    return stored
