"""Content packs (docs/content-packs.md): reading, validating, writing and quiz import.

A pack is a folder or a .zip with pack.toml and per-module, per-language TOML and
Markdown. Everything read from a pack is untrusted: see ``archive`` for the archive
rules and ``markdown_check`` and ``image_check`` for the content rules.
"""

from initiator_desktop.exchange.content_pack.imported_quiz import ImportedQuiz, Skipped
from initiator_desktop.exchange.content_pack.problems import PackInvalid, Problem
from initiator_desktop.exchange.content_pack.reader import (
    LoadedPack,
    Validation,
    check_files,
    load_files,
    load_pack,
    validate_path,
)
from initiator_desktop.exchange.content_pack.writer import write_folder, write_pack, write_zip

__all__ = [
    "ImportedQuiz",
    "LoadedPack",
    "PackInvalid",
    "Problem",
    "Skipped",
    "Validation",
    "check_files",
    "load_files",
    "load_pack",
    "validate_path",
    "write_folder",
    "write_pack",
    "write_zip",
]
