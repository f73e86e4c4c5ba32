"""Reading and validating a content pack: every problem with its file and line, or the pack.

``validate_path`` never raises for a bad pack, it reports; ``load_pack`` raises
``PackInvalid`` carrying the whole list. The pack's files are kept byte for byte, so
the pack can be written out again unchanged and images can be served from memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from initiator_desktop.core.course import Module, Pack
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack.archive import read_source, skipped, unsafe_name
from initiator_desktop.exchange.content_pack.layout import (
    PACK_TOML,
    Manifest,
    ModuleFiles,
    check_manifest,
    sort_files,
)
from initiator_desktop.exchange.content_pack.module_check import check_module
from initiator_desktop.exchange.content_pack.problems import PackInvalid, Problem, Problems


@dataclass(frozen=True, slots=True)
class Validation:
    """The outcome of checking a pack: its problems, and the pack when there are none."""

    problems: tuple[Problem, ...]
    pack: Pack | None = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems and self.pack is not None


@dataclass(frozen=True, slots=True)
class LoadedPack:
    """A valid pack and its files exactly as read (relative POSIX path -> bytes)."""

    pack: Pack
    files: dict[str, bytes]

    def image(self, module_id: str, name: str) -> bytes | None:
        """An image of ``module_id`` by its name in ``images/``; None for anything else."""
        if "/" in name or "\\" in name:
            return None
        return self.files.get(f"modules/{module_id}/images/{name}")


def check_files(files: Mapping[str, bytes], *, strict: bool = False) -> Validation:
    """Check a pack given as its files; ``strict`` adds the built-in course's rules."""
    problems = Problems()
    for name in files:
        reason = unsafe_name(name) or (
            N_("Hidden files and system clutter are not part of a pack.") if skipped(name)
            else None)
        if reason:
            problems.add(name, None, reason)
    if problems:
        return Validation(problems.sorted())
    modules = sort_files(files, problems)
    manifest = check_manifest(files, modules, problems)
    built = _modules(manifest, modules, strict, problems)
    pack = _pack(manifest, built, problems) if not problems and manifest else None
    return Validation(problems.sorted(), pack if not problems else None, dict(files))


def _modules(manifest: Manifest | None, modules: Mapping[str, ModuleFiles], strict: bool,
             problems: Problems) -> list[Module]:
    # Without a usable manifest the module folders are still checked, as they are.
    found = tuple(sorted({c for m in modules.values() for c in m.languages}))
    languages = manifest.languages if manifest and manifest.languages else found
    order = manifest.modules if manifest else tuple(sorted(modules))
    built = []
    for module_id in order:
        if module_id in modules:
            module = check_module(module_id, modules[module_id], languages, strict=strict,
                                  problems=problems)
            if module is not None:
                built.append(module)
    return built


def _pack(manifest: Manifest, modules: list[Module], problems: Problems) -> Pack | None:
    data = manifest.data
    try:
        return Pack(id=data["id"], version=data["version"], languages=manifest.languages,
                    titles=dict(data["title"]), modules=tuple(modules),
                    authors=tuple(data["authors"]), licence=data["licence"],
                    descriptions=dict(data.get("description", {})))
    except DomainError as err:
        problems.add(PACK_TOML, None, err.message, **err.params)
        return None


def validate_path(path: Path, *, strict: bool = False) -> Validation:
    """Read the pack at ``path`` (folder or .zip) safely and check all of it."""
    raw = read_source(path)
    if raw.problems:
        return Validation(raw.problems)
    return check_files(raw.files, strict=strict)


def load_files(files: Mapping[str, bytes], *, strict: bool = False) -> LoadedPack:
    """The pack made of ``files``, or PackInvalid with every problem."""
    result = check_files(files, strict=strict)
    if not result.ok or result.pack is None:
        raise PackInvalid(result.problems)
    return LoadedPack(result.pack, result.files)


def load_pack(path: Path, *, strict: bool = False) -> LoadedPack:
    """The pack at ``path``, or PackInvalid with every problem."""
    result = validate_path(path, strict=strict)
    if not result.ok or result.pack is None:
        raise PackInvalid(result.problems)
    return LoadedPack(result.pack, result.files)
