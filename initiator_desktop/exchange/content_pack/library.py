"""The packs on this computer: those built into the app and those imported into its content folder.

Packs are course material, not personal data, so imported packs live unencrypted in
the app's content folder (``<data folder>/packs/<pack id>/``), one folder per pack, as
the validated files. Progress and course runs belong in the vault, not here.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from initiator_desktop.core.course import PACK_ID
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack.reader import LoadedPack, Validation, validate_path
from initiator_desktop.exchange.content_pack.writer import write_folder
from initiator_desktop.resources import resources_dir

BUILT_IN = ("igangsetterkurs",)


@dataclass(frozen=True, slots=True)
class Shelved:
    """A pack found on this computer, valid or not (an installed pack may have been edited)."""

    id: str
    path: Path
    built_in: bool
    validation: Validation


def built_in_root() -> Path:
    return resources_dir() / "packs"


class PackLibrary:
    """Installed packs under ``root`` plus the built-in ones (read-only)."""

    def __init__(self, root: Path, built_in: Path | None = None) -> None:
        self.root = root
        self.built_in = built_in if built_in is not None else built_in_root()

    def _built_in_folders(self) -> Iterator[Path]:
        for name in BUILT_IN:
            folder = self.built_in / name
            if (folder / "pack.toml").is_file():
                yield folder

    def _installed_folders(self) -> Iterator[Path]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and not folder.is_symlink() and PACK_ID.fullmatch(folder.name):
                yield folder

    def packs(self) -> list[Shelved]:
        """Every pack, built-in first, each with the outcome of checking it."""
        found = [Shelved(f.name, f, True, validate_path(f)) for f in self._built_in_folders()]
        for folder in self._installed_folders():
            found.append(Shelved(folder.name, folder, False, validate_path(folder)))
        for index, item in enumerate(found):
            pack = item.validation.pack
            if pack is not None:
                found[index] = Shelved(pack.id, item.path, item.built_in, item.validation)
        return found

    def find(self, pack_id: str) -> Shelved | None:
        """The installed pack ``pack_id``, else the built-in one."""
        matches = [p for p in self.packs() if p.id == pack_id]
        installed = [p for p in matches if not p.built_in]
        chosen = installed or matches
        return chosen[0] if chosen else None

    def folder_for(self, pack_id: str) -> Path:
        if not PACK_ID.fullmatch(pack_id):
            raise DomainError(N_("Invalid pack id: {id}"), "id", id=pack_id)
        return self.root / pack_id

    def install(self, loaded: LoadedPack, *, replace: bool = False) -> Path:
        """Copy a valid pack's files into the content folder; returns the pack's folder."""
        pack = loaded.pack
        if any(p.id == pack.id for p in self.packs() if p.built_in):
            raise DomainError(N_("The pack id {id} belongs to a pack built into the app; give "
                                 "your pack its own id."), "id", id=pack.id)
        target = self.folder_for(pack.id)
        if (target.exists() or target.is_symlink()) and not replace:
            raise DomainError(N_("A pack with the id {id} is already imported. Use --replace "
                                 "to replace it."), "id", id=pack.id)
        self.root.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{pack.id}.new-", dir=self.root))
        try:
            write_folder(loaded.files, staged / "pack")
            _swap(staged / "pack", target, staged)
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(staged)
        return target


def _swap(new: Path, target: Path, staging: Path) -> None:
    """Put ``new`` at ``target``; an old pack there is moved aside first, then deleted."""
    if target.exists() or target.is_symlink():
        old = staging / "old"
        target.rename(old)
        try:
            new.rename(target)
        except OSError:
            old.rename(target)
            raise
    else:
        new.rename(target)
