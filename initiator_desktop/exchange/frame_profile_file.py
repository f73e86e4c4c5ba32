"""The frame profile file ("initiator-desktop/frame-profile", version 1; docs/formats.md).

A small JSON file a meeting place hands to its initiators. Reading it trusts nothing:
strict JSON (``safe_json``), the JSON Schema, then the domain's own rules, each problem
reported as ``InvalidFile`` with the JSON path. Writing is deterministic, so reading a
file and writing it again gives the same bytes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from initiator_desktop.atomic_files import write_atomically
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.frame_profiles import FrameProfile, ProfileItem
from initiator_desktop.core.models import FrameKind, FrameText
from initiator_desktop.exchange import safe_json
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.resources import resources_dir

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

FORMAT = "initiator-desktop/frame-profile"
FORMAT_VERSION = 1
SUFFIX = ".json"
# A hundred frames in three languages fit in well under 1 MB; more is not a profile.
MAX_BYTES = 1024 * 1024


@cache
def _validator() -> Draft202012Validator:
    # Imported on first use: the group page loads this module, the unlock screen should not
    # wait for jsonschema.
    from jsonschema import Draft202012Validator

    schema_path = resources_dir() / "schemas" / "frame-profile.schema.json"
    return Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


# -- writing ---------------------------------------------------------------------------------
def to_document(profile: FrameProfile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": profile.id,
        "name": profile.name,
        "version": profile.version,
        "items": [
            {"kind": item.kind.value, "library_key": item.library_key,
             "texts": {code: {"title": text.title, "body": text.body}
                       for code, text in item.texts.items()}}
            for item in profile.items
        ],
    }


def dumps(profile: FrameProfile) -> bytes:
    """The file's bytes: UTF-8, two-space indent, a final newline."""
    text = json.dumps(to_document(profile), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def write_profile(path: Path, profile: FrameProfile) -> None:
    """Write ``profile`` to ``path`` atomically; errors are ``OSError``."""
    write_atomically(Path(path), dumps(profile))


# -- reading ---------------------------------------------------------------------------------
def _path_key(error: Any) -> list[tuple[bool, Any]]:
    return [(isinstance(part, str), part) for part in error.path]


def _check_header(document: Any) -> None:
    # Said plainly before the schema's generic words: the most likely wrong files.
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        where = "$.format" if isinstance(document, dict) else "$"
        raise InvalidFile(N_("This is not a frame profile file."), where)
    version = document.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise InvalidFile(N_("This file was made by a newer version of the app."),
                          "$.format_version")


def _check_schema(document: Any) -> None:
    errors = sorted(_validator().iter_errors(document), key=_path_key)
    if errors:
        raise InvalidFile(N_("This value is not allowed here: {detail}"), errors[0].json_path,
                          detail=errors[0].message[:200])


def _built(path: str, factory: Any, **kwargs: Any) -> Any:
    try:
        return factory(**kwargs)
    except DomainError as err:
        where = f"{path}.{err.field}" if err.field else path
        raise InvalidFile(err.message, where, **err.params) from err


def _item(doc: dict[str, Any], path: str) -> ProfileItem:
    texts = {
        code: _built(f"{path}.texts.{code}", FrameText, title=text["title"],
                     body=text.get("body", ""))
        for code, text in doc["texts"].items()
    }
    return _built(path, ProfileItem, kind=FrameKind(doc["kind"]), texts=texts,
                  library_key=doc.get("library_key", ""))


def from_document(document: Any) -> FrameProfile:
    """A checked profile from a parsed document, or ``InvalidFile``."""
    _check_header(document)
    _check_schema(document)
    items = tuple(_item(doc, f"$.items[{i}]") for i, doc in enumerate(document["items"]))
    return _built("$", FrameProfile, id=document["id"], name=document["name"],
                  version=document["version"], items=items)


def loads(data: bytes) -> FrameProfile:
    if len(data) > MAX_BYTES:
        raise InvalidFile(N_("The file is too large."), "$")
    return from_document(safe_json.loads(data))


def read_profile(path: Path) -> FrameProfile:
    """Read a profile file, refusing a large one before reading it."""
    path = Path(path)
    try:
        if not path.is_file():
            raise InvalidFile(N_("The file could not be read."), "$")
        if path.stat().st_size > MAX_BYTES:
            raise InvalidFile(N_("The file is too large."), "$")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidFile(N_("The file could not be read."), "$") from exc
    return loads(data)


def suggested_file_name(profile: FrameProfile) -> str:
    """A file name from the profile's name and version, safe on every system."""
    stem = "".join(char if char.isalnum() else "-" for char in profile.name.casefold())
    stem = "-".join(part for part in stem.split("-") if part)[:40] or "frames"
    version = "".join(char if char.isalnum() else "." for char in profile.version).strip(".")
    return f"{stem}-{version}{SUFFIX}" if version else f"{stem}{SUFFIX}"
