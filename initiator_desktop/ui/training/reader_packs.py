"""The packs the reader and presenter offer: the built-in course first, then imported ones.

Packs that do not pass validation are left out (an installed pack may have been edited
by hand); ``pack validate`` tells the course leader why.
"""

from __future__ import annotations

from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.storage.locations import data_dir


def default_library() -> PackLibrary:
    """The app's content folder (the same as the ``pack`` commands use) and the built-ins."""
    return PackLibrary(data_dir() / "packs")


def available_packs(library: PackLibrary | None = None) -> list[LoadedPack]:
    """Every valid pack, built-in first.

    As in ``PackLibrary.find``, an imported pack with a built-in pack's id takes its place
    (the ``pack`` commands refuse to import one, so only a hand-made folder can do this).
    """
    found: dict[str, LoadedPack] = {}
    for shelved in (library or default_library()).packs():
        validation = shelved.validation
        pack = validation.pack
        if validation.ok and pack is not None and (pack.id not in found or not shelved.built_in):
            found[pack.id] = LoadedPack(pack, validation.files)
    return list(found.values())
