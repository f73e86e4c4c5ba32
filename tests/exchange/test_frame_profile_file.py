"""The frame profile file: byte-identical round trip, hostile and invalid files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from initiator_desktop.core.frame_library import Preset
from initiator_desktop.core.frame_profiles import (
    FrameProfile,
    ProfileItem,
    import_profile,
    profile_from_preset,
)
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import LANGUAGES, FrameKind, FrameText
from initiator_desktop.exchange import frame_profile_file as pf
from initiator_desktop.exchange.errors import EXIT_INVALID_INPUT, InvalidFile
from initiator_desktop.storage.vault import Vault


def sample() -> FrameProfile:
    items = (
        ProfileItem(FrameKind.PRACTICAL, {"nb": FrameText("Lukket gruppe", "Ingen nye «nå».")},
                    "closed_group"),
        ProfileItem(FrameKind.CUSTOM, {"en": FrameText("Phones off"),
                                       "nn": FrameText("Telefonen av", "Heilt av.")}),
    )
    return FrameProfile("LINK Lyngen", items, "2026.1", id="link-lyngen-frames")


def document(**changes: Any) -> dict[str, Any]:
    doc = pf.to_document(sample())
    doc.update(changes)
    return doc


def encode(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def refused(data: bytes) -> InvalidFile:
    with pytest.raises(InvalidFile) as caught:
        pf.loads(data)
    assert caught.value.exit_code == EXIT_INVALID_INPUT
    return caught.value


# -- round trip ------------------------------------------------------------------------------
def test_file_reads_back_to_the_same_profile_and_bytes(tmp_path: Path) -> None:
    profile = profile_from_preset("Selvhjelp Norge", Preset.HYBRID, "1")
    path = tmp_path / pf.suggested_file_name(profile)
    pf.write_profile(path, profile)
    read = pf.read_profile(path)
    assert read == profile
    assert pf.dumps(read) == path.read_bytes()
    assert path.read_bytes().endswith(b"}\n")
    assert "å".encode() in path.read_bytes() or "ø".encode() in path.read_bytes()


def test_export_import_into_another_vault_and_export_again_is_identical(
    tmp_path: Path
) -> None:
    first = pf.dumps(sample())
    with Vault.create(tmp_path / "other.vault", "another laptop") as vault:
        stored = import_profile(vault.repo, pf.loads(first))
        again = vault.repo.frame_profile(stored.id)
    assert again is not None and pf.dumps(again) == first


def test_written_file_matches_the_documented_shape() -> None:
    doc = json.loads(pf.dumps(sample()))
    assert list(doc) == ["format", "format_version", "id", "name", "version", "items"]
    assert doc["format"] == "initiator-desktop/frame-profile" and doc["format_version"] == 1
    assert doc["items"][1] == {"kind": "custom", "library_key": "",
                               "texts": {"nn": {"title": "Telefonen av", "body": "Heilt av."},
                                         "en": {"title": "Phones off", "body": ""}}}


def test_optional_fields_may_be_left_out() -> None:
    doc = document(items=[{"kind": "custom", "texts": {"en": {"title": "Phones off"}}}])
    profile = pf.loads(encode(doc))
    assert profile.items[0] == ProfileItem(FrameKind.CUSTOM, {"en": FrameText("Phones off")})


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(name=texts.filter(lambda s: s.strip()), titles=st.lists(
    texts.filter(lambda s: s.strip()), min_size=1, max_size=5),
    language=st.sampled_from(LANGUAGES))
def test_any_valid_profile_survives_the_round_trip(name: str, titles: list[str],
                                                   language: str) -> None:
    profile = FrameProfile(name=name, items=tuple(
        ProfileItem(FrameKind.CUSTOM, {language: FrameText(t, t)}) for t in titles))
    assert pf.loads(pf.dumps(profile)) == profile
    assert pf.dumps(pf.loads(pf.dumps(profile))) == pf.dumps(profile)


def test_file_names_say_nothing_odd() -> None:
    profile = FrameProfile("LINK Oslo / sentrum", sample().items, "2026.1")
    assert pf.suggested_file_name(profile) == "link-oslo-sentrum-2026.1.json"
    assert pf.suggested_file_name(FrameProfile("***", sample().items, "..")) == "frames.json"


# -- invalid and hostile files ---------------------------------------------------------------
@pytest.mark.parametrize(("doc", "path"), [
    ([1, 2], "$"),
    ({"format": "initiator-desktop/vault", "format_version": 2}, "$.format"),
    (document(format_version=2), "$.format_version"),
    (document(format_version="1"), "$.format_version"),
    (document(members=["Kari", "Ola"]), "$"),
    (document(name=""), "$.name"),
    (document(name="Two\nlines"), "$.name"),
    (document(id="a b"), "$.id"),
    (document(id="abc\n"), "$.id"),
    (document(version="x" * 21), "$.version"),
    (document(items=[]), "$.items"),
    (document(items=[{"kind": "custom", "texts": {}}]), "$.items[0].texts"),
    (document(items=[{"kind": "custom", "texts": {"de": {"title": "Ruhe"}}}]),
     "$.items[0].texts"),
    (document(items=[{"kind": "law", "texts": {"nb": {"title": "A"}}}]), "$.items[0].kind"),
    (document(items=[{"kind": "custom", "texts": {"nb": {"title": "   "}}}]),
     "$.items[0].texts.nb.title"),
    (document(items=[{"kind": "custom", "texts": {"nb": {"title": "x" * 121}}}]),
     "$.items[0].texts.nb.title"),
    (document(items=[{"kind": "custom", "texts": {"nb": {"title": "A", "body": "b" * 601}}}]),
     "$.items[0].texts.nb.body"),
    (document(items=[{"kind": "custom", "library_key": "../../etc/passwd",
                      "texts": {"nb": {"title": "A"}}}]), "$.items[0].library_key"),
    (document(items=[{"kind": "custom", "library_key": "abc\n", "texts": {"nb": {"title": "A"}}}]),
     "$.items[0].library_key"),
    (document(items=[{"kind": "custom", "texts": {"nb": {"title": "A", "signed": "Kari"}}}]),
     "$.items[0].texts.nb"),
    (document(items=[{"kind": "custom", "texts": {"nb": {"title": "A"}}}] * 101), "$.items"),
])
def test_invalid_documents_name_the_json_path(doc: Any, path: str) -> None:
    assert refused(encode(doc)).json_path == path


@pytest.mark.parametrize(("data", "path"), [
    (b"\xff\xfe not utf-8", "$"),
    (b'{"format": "initiator-desktop/frame-profile", "format_version": NaN}', "$.format_version"),
    (b'{"format": "initiator-desktop/frame-profile", "format": "x"}', "$"),
    (b'{"format": "initiator-desktop/frame-profile", "name": "\\ud800"}', "$.name"),
    (b"[" * 10_000 + b"]" * 10_000, "$"),
    (b'{"format": "initiator-desktop/frame-profile"', "$"),
    (b"", "$"),
])
def test_hostile_bytes_are_refused(data: bytes, path: str) -> None:
    assert refused(data).json_path == path


def test_too_large_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(pf.MAX_BYTES + 1)
    with pytest.raises(InvalidFile) as caught:
        pf.read_profile(path)
    assert caught.value.message == "The file is too large."
    assert refused(b" " * (pf.MAX_BYTES + 1)).message == "The file is too large."


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.json", tmp_path):
        with pytest.raises(InvalidFile):
            pf.read_profile(path)


def test_a_utf8_bom_is_accepted() -> None:
    assert pf.loads(b"\xef\xbb\xbf" + pf.dumps(sample())) == sample()


def test_reading_never_touches_the_vault() -> None:
    repo = MemoryRepository()
    refused(encode(document(items=[])))
    assert repo.frame_profiles() == []
