"""Sorting a pack's files into the folder layout, and checking pack.toml against it.

Every file must have its place (pack.toml, a module's images or a module's language
folder); anything else is a problem, so a stray file is noticed rather than ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from initiator_desktop.core.course import LANGUAGES, MODULE_ID
from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack.problems import Problems
from initiator_desktop.exchange.content_pack.toml_check import PACK_SCHEMA, TomlFile, parse_toml

PACK_TOML = "pack.toml"


@dataclass
class ModuleFiles:
    """One module folder: its language folders (file name -> bytes) and its images."""

    languages: dict[str, dict[str, bytes]] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Manifest:
    toml: TomlFile
    languages: tuple[str, ...]
    modules: tuple[str, ...]

    @property
    def data(self) -> dict[str, Any]:
        return self.toml.data


def module_folder(module_id: str) -> str:
    return f"modules/{module_id}/"


def sort_files(files: Mapping[str, bytes], problems: Problems) -> dict[str, ModuleFiles]:
    """The module folders found among ``files``; misplaced files become problems."""
    modules: dict[str, ModuleFiles] = {}
    for path, data in files.items():
        if path == PACK_TOML:
            continue
        parts = path.split("/")
        if parts[-1] == PACK_TOML:
            problems.add(path, None, N_("pack.toml must be at the top of the pack, not in a "
                                        "folder."))
        elif len(parts) != 4 or parts[0] != "modules" or parts[2] not in (*LANGUAGES, "images"):
            problems.add(path, None, N_("This file does not belong in a content pack."))
        elif not MODULE_ID.fullmatch(parts[1]):
            problems.add(module_folder(parts[1]), None,
                         N_("The module folder's name is not valid: {name} (two digits, a "
                            "hyphen, then lowercase letters, digits and hyphens)."),
                         name=parts[1])
        else:
            module = modules.setdefault(parts[1], ModuleFiles())
            if parts[2] == "images":
                module.images[parts[3]] = data
            else:
                module.languages.setdefault(parts[2], {})[parts[3]] = data
    return modules


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def check_manifest(files: Mapping[str, bytes], modules: Mapping[str, ModuleFiles],
                   problems: Problems) -> Manifest | None:
    """Parse and check pack.toml, including the rules a schema cannot express."""
    if PACK_TOML not in files:
        problems.add(PACK_TOML, None, N_("pack.toml is missing: every pack needs this "
                                         "manifest at its top."))
        return None
    toml = parse_toml(PACK_TOML, files[PACK_TOML], problems, PACK_SCHEMA)
    if toml is None:
        return None
    languages = tuple(dict.fromkeys(c for c in _strings(toml.data.get("languages"))
                                    if c in LANGUAGES))
    listed = tuple(dict.fromkeys(_strings(toml.data.get("modules"))))
    manifest = Manifest(toml, languages, listed)
    _check_id(manifest, problems)
    # Without usable languages the schema has already said so; comparing would only echo it.
    for key in ("title", "description") if languages else ():
        _check_texts(manifest, key, problems)
    _check_module_list(manifest, modules, problems)
    return manifest


def _check_id(manifest: Manifest, problems: Problems) -> None:
    # The schema's "$" also accepts a final newline; the id becomes a folder name.
    value = manifest.data.get("id")
    if isinstance(value, str) and value.endswith("\n"):
        problems.add(PACK_TOML, manifest.toml.lines.line_of(("id",)),
                     N_('"{key}" must not contain a line break.'), key="id")


def _check_texts(manifest: Manifest, key: str, problems: Problems) -> None:
    texts = manifest.data.get(key)
    if not isinstance(texts, dict):
        return
    lines = manifest.toml.lines
    for code in manifest.languages:
        if code not in texts:
            problems.add(PACK_TOML, lines.line_of((key,)),
                         N_('"{key}" has no entry for the language {code}.'), key=key, code=code)
    for code in texts:
        if code in LANGUAGES and code not in manifest.languages:
            problems.add(PACK_TOML, lines.line_of((key, code)),
                         N_("The language {code} is not declared in languages."), code=code)


def _check_module_list(manifest: Manifest, modules: Mapping[str, ModuleFiles],
                       problems: Problems) -> None:
    lines = manifest.toml.lines
    for module_id in manifest.modules:
        if module_id.endswith("\n"):
            problems.add(PACK_TOML, lines.line_with(("modules",), module_id.strip()),
                         N_('"{key}" must not contain a line break.'), key="modules")
        elif module_id not in modules and MODULE_ID.fullmatch(module_id):
            problems.add(PACK_TOML, lines.line_with(("modules",), module_id),
                         N_("The module {module} is listed, but its folder modules/{module}/ "
                            "is missing."), module=module_id)
    if "modules" not in manifest.data:
        return
    for module_id in modules:
        if module_id not in manifest.modules:
            problems.add(module_folder(module_id), None,
                         N_("The module {module} is not listed in pack.toml's modules."),
                         module=module_id)
