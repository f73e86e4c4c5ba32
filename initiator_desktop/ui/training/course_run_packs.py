"""The content packs a course can be planned from: the valid built-in and imported ones."""

from __future__ import annotations

from initiator_desktop.core.course import Pack
from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.storage.locations import data_dir


class CoursePacks:
    """Valid packs by id, read once from ``library`` (the app's content folder by default)."""

    def __init__(self, library: PackLibrary | None = None) -> None:
        self._library = library or PackLibrary(data_dir() / "packs")
        self._packs: dict[str, Pack] | None = None

    def _load(self) -> dict[str, Pack]:
        if self._packs is None:
            found: dict[str, Pack] = {}
            for shelved in self._library.packs():
                pack = shelved.validation.pack
                # An imported pack shadows the built-in one with the same id, as in find().
                if pack is not None and (pack.id not in found or not shelved.built_in):
                    found[pack.id] = pack
            self._packs = found
        return self._packs

    def packs(self) -> list[Pack]:
        return list(self._load().values())

    def pack(self, pack_id: str) -> Pack | None:
        return self._load().get(pack_id)
