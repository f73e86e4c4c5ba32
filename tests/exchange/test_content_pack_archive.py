"""Hostile archives and folders: every one is refused with a clear message, and importing
one writes nothing anywhere, least of all outside the content folder."""

from __future__ import annotations

import io
import os
import random
import struct
import uuid
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from initiator_desktop.exchange.content_pack import PackInvalid, limits, load_pack, validate_path
from initiator_desktop.exchange.content_pack.archive import read_source
from initiator_desktop.exchange.content_pack.library import PackLibrary
from tests.exchange.test_content_pack import example_files, shown, write_tree

MiB = 1024 * 1024
ESCAPE_NAME = f"initiator-escape-{uuid.uuid4().hex}.txt"


def _zip(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]],
         method: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", compression=method) as archive:
            for info, data in members:
                archive.writestr(info, data)
    return path


def _with_pack(extra: list[tuple[zipfile.ZipInfo | str, bytes]],
               ) -> list[tuple[zipfile.ZipInfo | str, bytes]]:
    members: list[tuple[zipfile.ZipInfo | str, bytes]] = list(example_files().items())
    return members + extra


def _symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (0o120777 << 16)
    return info


def _traversal(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(f"../{ESCAPE_NAME}", b"x")]))


def _deep_traversal(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(f"modules/../../../{ESCAPE_NAME}", b"x")]))


def _absolute(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(f"/tmp/{ESCAPE_NAME}", b"x")]))


def _backslash(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(f"..\\..\\{ESCAPE_NAME}", b"x")]))


def _drive_letter(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(f"C:/Windows/{ESCAPE_NAME}", b"x")]))


def _symlink(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([(_symlink_info("modules/01-rounds/images/x.png"),
                                            b"/etc/passwd")]))


def _special_file(tmp: Path) -> Path:
    info = zipfile.ZipInfo("modules/01-rounds/images/fifo.png")
    info.create_system = 3
    info.external_attr = (0o010644 << 16)  # a FIFO
    return _zip(tmp / "a.zip", _with_pack([(info, b"")]))


def _duplicate(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([("pack.toml", b'id = "other"\n')]))


def _duplicate_by_case(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([("PACK.toml", b"x")]))


def _too_many_files(tmp: Path) -> Path:
    extra = [(f"modules/01-rounds/images/{i}.png", b"") for i in range(limits.MAX_FILES)]
    return _zip(tmp / "a.zip", _with_pack(extra), method=zipfile.ZIP_STORED)


def _bomb(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([("modules/01-rounds/images/big.png",
                                            bytes(9 * MiB))]))


def _total_bomb(tmp: Path) -> Path:
    # Each member under the single-file limit, together far over the total.
    extra = [(f"modules/01-rounds/images/{i}.png", bytes(9 * MiB)) for i in range(6)]
    return _zip(tmp / "a.zip", _with_pack(extra))


def _oversized(tmp: Path) -> Path:
    noise = random.Random(7).randbytes(limits.MAX_FILE_BYTES + 1)
    return _zip(tmp / "a.zip", _with_pack([("modules/01-rounds/images/huge.png", noise)]),
                method=zipfile.ZIP_STORED)


def _patch_headers(path: Path, name: str, local_offset: int, central_offset: int,
                   value: bytes) -> None:
    """Overwrite a field of ``name``'s local and central headers, as a forger would."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, offset, name_at in ((b"PK\x03\x04", local_offset, 30),
                                       (b"PK\x01\x02", central_offset, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + len(encoded)] == encoded:
                data[at + offset:at + offset + len(value)] = value
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def _lying_header(tmp: Path) -> Path:
    """A member whose headers claim 100 bytes while it inflates to 4 MiB."""
    name = "modules/01-rounds/images/lie.png"
    path = _zip(tmp / "a.zip", _with_pack([(name, bytes(4 * MiB))]))
    _patch_headers(path, name, 22, 24, struct.pack("<I", 100))
    return path


def _encrypted(tmp: Path) -> Path:
    name = "modules/01-rounds/images/secret.png"
    path = _zip(tmp / "a.zip", _with_pack([(name, b"x")]))
    _patch_headers(path, name, 6, 8, struct.pack("<H", 0x1))
    return path


def _not_a_zip(tmp: Path) -> Path:
    path = tmp / "a.zip"
    path.write_bytes(b"PK\x03\x04" + random.Random(3).randbytes(2000))
    return path


def _control_character(tmp: Path) -> Path:
    return _zip(tmp / "a.zip", _with_pack([("modules/01-rounds/images/a\x1b[2J.png", b"x")]))


Builder = Callable[[Path], Path]
HOSTILE: list[tuple[Builder, str]] = [
    (_traversal, "points outside the pack"),
    (_deep_traversal, "points outside the pack"),
    (_absolute, "absolute path"),
    (_backslash, "backslash"),
    (_drive_letter, "drive letter"),
    (_symlink, "symbolic link"),
    (_special_file, "special file"),
    (_duplicate, "appears twice"),
    (_duplicate_by_case, "appears twice"),
    (_too_many_files, "more than 2000 files"),
    (_bomb, "zip bomb"),
    (_total_bomb, "expands to more than 50 MiB"),
    (_oversized, "larger than 10 MiB"),
    (_lying_header, "not a readable zip archive"),
    (_encrypted, "encrypted"),
    (_not_a_zip, "not a readable zip archive"),
    (_control_character, "control character"),
]


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize(("build", "fragment"), HOSTILE,
                         ids=[build.__name__.strip("_") for build, _ in HOSTILE])
def test_hostile_archive_is_refused_and_nothing_is_written(
        tmp_path: Path, build: Builder, fragment: str) -> None:
    source = tmp_path / "in"
    source.mkdir()
    archive = build(source)
    content = tmp_path / "content"
    before = _tree(tmp_path)
    result = validate_path(archive)
    assert result.pack is None
    messages = [shown(p) for p in result.problems]
    assert any(fragment in m for m in messages), messages
    with pytest.raises(PackInvalid):
        loaded = load_pack(archive)
        PackLibrary(content, built_in=tmp_path / "none").install(loaded)
    assert _tree(tmp_path) == before
    assert not content.exists()
    assert not Path("/tmp", ESCAPE_NAME).exists()
    assert not (tmp_path.parent / ESCAPE_NAME).exists()


def test_a_clean_zip_of_the_example_is_accepted(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "ok.zip", _with_pack([]))
    assert validate_path(archive).ok


def test_zip_of_the_folder_instead_of_its_contents(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", [(f"rounds/{n}", d) for n, d in example_files().items()])
    messages = [(p.file, shown(p)) for p in validate_path(archive).problems]
    assert ("rounds/pack.toml", "pack.toml must be at the top of the pack, not in a folder."
            ) in messages


def test_os_clutter_is_skipped(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", _with_pack([
        ("__MACOSX/._pack.toml", b"\x00\x05"), ("modules/.DS_Store", b"\x00"),
        ("modules/01-rounds/Thumbs.db", b"\x00")]))
    result = validate_path(archive)
    assert result.ok
    assert set(result.files) == set(example_files())


# -- folders ---------------------------------------------------------------------------
def _folder(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "pack", example_files())


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_folder_with_symlink_to_a_file_outside(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\nsecret")
    pack = _folder(tmp_path)
    (pack / "modules/01-rounds/images/stolen.png").symlink_to(secret)
    result = read_source(pack)
    assert [(p.file, shown(p)) for p in result.problems] == [
        ("modules/01-rounds/images/stolen.png", "Symbolic links are not allowed in a pack.")]
    assert result.files == {}


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_folder_with_symlinked_module_folder(tmp_path: Path) -> None:
    pack = _folder(tmp_path)
    outside = tmp_path / "outside"
    (pack / "modules/01-rounds/nb").rename(outside)
    (pack / "modules/01-rounds/nb").symlink_to(outside, target_is_directory=True)
    messages = [shown(p) for p in validate_path(pack).problems]
    assert messages == ["Symbolic links are not allowed in a pack."]


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_pack_folder_that_is_a_symlink(tmp_path: Path) -> None:
    pack = _folder(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(pack, target_is_directory=True)
    assert [shown(p) for p in validate_path(link).problems] == [
        "The pack folder is a symbolic link."]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_folder_with_a_named_pipe(tmp_path: Path) -> None:
    pack = _folder(tmp_path)
    os.mkfifo(pack / "modules/01-rounds/images/pipe.png")
    messages = [shown(p) for p in validate_path(pack).problems]
    assert messages == ["Only ordinary files and folders are allowed in a pack."]


def test_folder_with_an_oversized_file(tmp_path: Path) -> None:
    pack = _folder(tmp_path)
    with (pack / "modules/01-rounds/images/huge.png").open("wb") as fh:
        fh.truncate(limits.MAX_FILE_BYTES + 1)
    assert [shown(p) for p in validate_path(pack).problems] == [
        "The file is larger than 10 MiB."]


def test_folder_with_too_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILES", 20)
    pack = _folder(tmp_path)
    for i in range(10):
        (pack / f"modules/01-rounds/images/{i}.png").write_bytes(b"")
    assert [shown(p) for p in validate_path(pack).problems] == [
        "The pack holds more than 20 files."]


def test_missing_path(tmp_path: Path) -> None:
    assert [shown(p) for p in validate_path(tmp_path / "nothing").problems] == [
        "There is no pack at this location."]


def test_hidden_files_in_a_folder_are_skipped(tmp_path: Path) -> None:
    pack = _folder(tmp_path)
    (pack / ".git").mkdir()
    (pack / ".git" / "config").write_bytes(b"x")
    (pack / "modules" / ".DS_Store").write_bytes(b"x")
    assert validate_path(pack).ok


def test_archive_bytes_are_never_extracted(tmp_path: Path) -> None:
    archive = _traversal(tmp_path)
    buffer = io.BytesIO(archive.read_bytes())
    names = zipfile.ZipFile(buffer).namelist()
    assert f"../{ESCAPE_NAME}" in names  # the corpus really holds the hostile name
    assert read_source(archive).files == {}


_SMALL_ZIP = io.BytesIO()
with zipfile.ZipFile(_SMALL_ZIP, "w", compression=zipfile.ZIP_DEFLATED) as _archive:
    _archive.writestr("pack.toml", b'id = "x"\n' * 20)
    _archive.writestr("modules/01-a/en/01-a.md", b"# A\n" * 50)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(_SMALL_ZIP.getvalue()) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_damaged_archives_are_reported_never_raised(
        tmp_path: Path, edits: list[tuple[int, int]]) -> None:
    data = bytearray(_SMALL_ZIP.getvalue())
    for offset, value in edits:
        data[offset] = value
    path = tmp_path / "fuzz.zip"
    path.write_bytes(bytes(data))
    result = read_source(path)
    assert bool(result.problems) != bool(result.files) or not result.files
    for name in result.files:
        assert ".." not in name.split("/") and not name.startswith("/")
