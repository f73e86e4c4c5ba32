"""Writing a pack's files out again, as a folder or a .zip, byte for byte as they were read.

A folder is written under a temporary name next to the target and renamed into place,
so a failure leaves no half pack; a zip is written atomically. Entries get a fixed
timestamp and order, so exporting the same pack twice gives the same archive.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from initiator_desktop.atomic_files import fsync_folder, write_atomically
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack.archive import unsafe_name
from initiator_desktop.exchange.errors import InvalidFile

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o644 << 16


class TargetExists(DomainError):
    """The export target is already there; nothing was changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(N_("Something already exists at {path}; it was left untouched."),
                         "path", path=str(path))


def _checked(files: Mapping[str, bytes]) -> list[tuple[str, bytes]]:
    for name in files:
        reason = unsafe_name(name)
        if reason:
            raise InvalidFile(reason, name)
    return sorted(files.items())


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """The pack as a .zip archive (pack.toml at the root), deterministic for equal files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in _checked(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_MODE
            archive.writestr(info, data)
    return buffer.getvalue()


def write_zip(files: Mapping[str, bytes], target: Path) -> None:
    if target.exists() or target.is_symlink():
        raise TargetExists(target)
    write_atomically(target, zip_bytes(files))


def write_folder(files: Mapping[str, bytes], target: Path) -> None:
    """Write the pack as a new folder ``target``; it must not exist yet."""
    if target.exists() or target.is_symlink():
        raise TargetExists(target)
    entries = _checked(files)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in entries:
            path = temp.joinpath(*name.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as fh:
                fh.write(data)
        temp.rename(target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        raise
    fsync_folder(target.parent)


def write_pack(files: Mapping[str, bytes], target: Path) -> None:
    """A folder, or a .zip archive when ``target`` ends in .zip."""
    if target.suffix.lower() == ".zip":
        write_zip(files, target)
    else:
        write_folder(files, target)
