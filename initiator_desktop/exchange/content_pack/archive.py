"""Reading a pack's files, from a folder or a .zip, into memory without trusting either.

Python's zipfile quietly strips ``../`` and drive letters when extracting, and trusts the
sizes in the headers; so every name is checked here, nothing is ever extracted, and
each member is read with a cap. A folder may not contain symbolic links or anything
that resolves outside it. Hidden files and operating-system clutter are skipped.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack import limits
from initiator_desktop.exchange.content_pack.problems import Problem, Problems

ARCHIVE = ""  # a problem of the whole archive or folder, not of one file in it
_DRIVE = re.compile(r"^[A-Za-z]:")
_JUNK_NAMES = {"Thumbs.db", "desktop.ini"}
_ALLOWED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


@dataclass(frozen=True, slots=True)
class RawPack:
    """The pack's files by relative POSIX path, or the safety problems that stopped reading.

    When ``problems`` is not empty, ``files`` is empty: an unsafe pack is refused whole.
    """

    files: dict[str, bytes]
    problems: tuple[Problem, ...] = ()


class _Stop(Exception):
    """A limit was passed: stop reading at once (the problem is already recorded)."""


def unsafe_name(name: str) -> str | None:
    """The message id saying why ``name`` may not be a pack member, or None if it may."""
    if not name or any(ord(c) < 32 or c == "\x7f" for c in name):
        return N_("The name is empty or contains a control character.")
    if "\\" in name:
        return N_("The name contains a backslash.")
    if name.startswith("/"):
        return N_("The name is an absolute path.")
    if _DRIVE.match(name) or ":" in name:
        return N_("The name contains a drive letter or a colon.")
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        return N_("The name points outside the pack (..).")
    if any(p in ("", ".") for p in parts):
        return N_("The name has an empty or '.' part.")
    if len(name) > limits.MAX_PATH_LENGTH or len(parts) > limits.MAX_DEPTH:
        return N_("The name is too long or too deeply nested.")
    return None


def skipped(name: str) -> bool:
    """Hidden files and clutter from zip tools and file managers are not part of a pack."""
    parts = name.rstrip("/").split("/")
    return parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts) or (
        parts[-1] in _JUNK_NAMES)


def read_source(path: Path) -> RawPack:
    """Read the pack at ``path`` (a folder, or a .zip file) with every safety check."""
    problems = Problems()
    files: dict[str, bytes] = {}
    try:
        if path.is_dir():
            _read_folder(path, files, problems)
        elif path.is_file():
            _read_zip(path, files, problems)
        else:
            problems.add(ARCHIVE, None, N_("There is no pack at this location."))
    except _Stop:
        pass
    except OSError:
        problems.add(ARCHIVE, None, N_("The pack could not be read."))
    if problems:
        return RawPack({}, problems.sorted())
    return RawPack(dict(sorted(files.items())))


# -- zip ------------------------------------------------------------------------------
def _member_problem(info: zipfile.ZipInfo) -> str | None:
    reason = unsafe_name(info.filename)
    if reason:
        return reason
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return N_("The archive contains a symbolic link.")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return N_("The archive contains a special file.")
    if info.is_dir():
        return None
    if info.flag_bits & 0x1:
        return N_("The file is encrypted.")
    if info.compress_type not in _ALLOWED_METHODS:
        return N_("The file uses an unsupported compression method.")
    if info.file_size > limits.MAX_FILE_BYTES:
        return N_("The file is larger than {limit} MiB.")
    if _looks_like_bomb(info.file_size, info.compress_size):
        return N_("The file expands far more than normal data does (a zip bomb?).")
    return None


def _looks_like_bomb(size: int, compressed: int) -> bool:
    if size < limits.RATIO_CHECK_FROM_BYTES:
        return False
    return size > limits.MAX_COMPRESSION_RATIO * max(compressed, 1)


def _read_zip(path: Path, files: dict[str, bytes], problems: Problems) -> None:
    if path.stat().st_size > limits.MAX_ARCHIVE_BYTES:
        problems.add(ARCHIVE, None, N_("The archive is larger than {limit} MiB."),
                     limit=limits.MAX_ARCHIVE_BYTES // limits.MiB)
        raise _Stop
    try:
        with zipfile.ZipFile(path) as archive:
            infos = _checked_members(archive, problems)
            if not problems:
                _read_members(archive, infos, files, problems)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError):
        problems.add(ARCHIVE, None, N_("The file is not a readable zip archive."))


def _checked_members(archive: zipfile.ZipFile, problems: Problems) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.MAX_FILES:
        problems.add(ARCHIVE, None, N_("The archive holds more than {limit} files."),
                     limit=limits.MAX_FILES)
        raise _Stop
    if sum(i.file_size for i in infos) > limits.MAX_TOTAL_BYTES:
        problems.add(ARCHIVE, None, N_("The archive expands to more than {limit} MiB."),
                     limit=limits.MAX_TOTAL_BYTES // limits.MiB)
        raise _Stop
    seen: set[str] = set()
    for info in infos:
        reason = _member_problem(info)
        if reason:
            problems.add(_shown(info.filename), None, reason,
                         limit=limits.MAX_FILE_BYTES // limits.MiB)
        # Two names that differ only in case collide on Windows and macOS.
        folded = info.filename.rstrip("/").casefold()
        if folded in seen:
            problems.add(_shown(info.filename), None, N_("The name appears twice."))
        seen.add(folded)
    if problems:
        return []
    return [i for i in infos if not i.is_dir() and not skipped(i.filename)]


def _shown(name: str) -> str:
    """A member name safe to print: control characters made visible."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)[:300]


def _read_members(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                  files: dict[str, bytes], problems: Problems) -> None:
    total = 0
    for info in infos:
        with archive.open(info) as member:
            data = member.read(min(info.file_size, limits.MAX_FILE_BYTES) + 1)
        if len(data) != info.file_size:
            problems.add(info.filename, None,
                         N_("The file's size differs from what the archive says."))
            raise _Stop
        total += len(data)
        if total > limits.MAX_TOTAL_BYTES:
            problems.add(ARCHIVE, None, N_("The archive expands to more than {limit} MiB."),
                         limit=limits.MAX_TOTAL_BYTES // limits.MiB)
            raise _Stop
        files[info.filename] = data


# -- folder ---------------------------------------------------------------------------
def _read_folder(root: Path, files: dict[str, bytes], problems: Problems) -> None:
    if root.is_symlink():
        problems.add(ARCHIVE, None, N_("The pack folder is a symbolic link."))
        raise _Stop
    real_root = root.resolve(strict=True)
    found: list[tuple[str, Path]] = []
    _walk(real_root, real_root, found, problems)
    if problems:
        return
    total = 0
    for name, file_path in found:
        data = _read_capped(file_path)
        if data is None:
            problems.add(name, None, N_("The file is larger than {limit} MiB."),
                         limit=limits.MAX_FILE_BYTES // limits.MiB)
            raise _Stop
        total += len(data)
        if total > limits.MAX_TOTAL_BYTES:
            problems.add(ARCHIVE, None, N_("The pack is larger than {limit} MiB."),
                         limit=limits.MAX_TOTAL_BYTES // limits.MiB)
            raise _Stop
        files[name] = data


def _walk(root: Path, folder: Path, found: list[tuple[str, Path]], problems: Problems) -> None:
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = Path(entry.path)
            name = PurePosixPath(*path.relative_to(root).parts).as_posix()
            if skipped(name):
                continue
            _check_entry(root, entry, name, problems)
            if entry.is_dir(follow_symlinks=False) and not entry.is_symlink():
                _walk(root, path, found, problems)
            elif entry.is_file(follow_symlinks=False):
                found.append((name, path))
                if len(found) > limits.MAX_FILES:
                    problems.add(ARCHIVE, None, N_("The pack holds more than {limit} files."),
                                 limit=limits.MAX_FILES)
                    raise _Stop


def _check_entry(root: Path, entry: os.DirEntry[str], name: str, problems: Problems) -> None:
    reason = unsafe_name(name)
    if reason:
        problems.add(_shown(name), None, reason)
    elif entry.is_symlink() or _is_junction(entry.path):
        problems.add(name, None, N_("Symbolic links are not allowed in a pack."))
    elif not (entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False)):
        problems.add(name, None, N_("Only ordinary files and folders are allowed in a pack."))
    elif not Path(entry.path).resolve().is_relative_to(root):
        problems.add(name, None, N_("The name points outside the pack (..)."))


def _is_junction(path: str) -> bool:
    # Windows junctions are not symlinks to os.scandir; os.path.isjunction is 3.12+.
    check = getattr(os.path, "isjunction", None)
    return bool(check(path)) if check else False


def _read_capped(path: Path) -> bytes | None:
    """The file's bytes, or None when it is over the limit (the size is checked as read)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limits.MAX_FILE_BYTES + 1)
    return None if len(data) > limits.MAX_FILE_BYTES else data
