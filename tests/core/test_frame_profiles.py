"""Frame profiles: values, creating, renaming, importing and applying them."""

from __future__ import annotations

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import Preset, default_frames, preset_keys
from initiator_desktop.core.frame_profiles import (
    MAX_PROFILE_ITEMS,
    ApplyMode,
    FrameProfile,
    ProfileItem,
    apply_profile,
    create_profile,
    delete_profile,
    import_profile,
    profile_from_frames,
    profile_from_preset,
    rename_profile,
)
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import FrameItem, FrameKind, FrameText


def item(title: str, key: str = "", code: str = "nb") -> ProfileItem:
    return ProfileItem(FrameKind.CUSTOM, {code: FrameText(title, "Forklaring.")}, key)


def test_profile_from_a_preset_has_every_item_in_every_language() -> None:
    profile = profile_from_preset("LINK Oslo", Preset.PHONE, "2026.1")
    assert [i.library_key for i in profile.items] == list(preset_keys(Preset.PHONE))
    assert profile.languages() == ("nb", "nn", "en")
    assert (profile.name, profile.version) == ("LINK Oslo", "2026.1")


def test_profile_from_a_groups_frames_keeps_wording_and_keys() -> None:
    frames = [*default_frames(Preset.SN)[:2],
              FrameItem(FrameKind.CUSTOM, {"en": FrameText("Phones off")})]
    profile = profile_from_frames("Vår gruppe", frames)
    assert [i.library_key for i in profile.items] == [frames[0].source_key,
                                                      frames[1].source_key, ""]
    assert profile.items[2].texts == {"en": FrameText("Phones off")}


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"name": " "}, "name"),
    ({"name": "x" * 81}, "name"),
    ({"name": "Two\nlines"}, "name"),
    ({"version": ""}, "version"),
    ({"version": "v" * 21}, "version"),
    ({"id": "has space"}, "id"),
    ({"id": "../../etc"}, "id"),
    ({"items": ()}, "items"),
    ({"items": (item("A"),) * (MAX_PROFILE_ITEMS + 1)}, "items"),
])
def test_bad_profiles_are_refused(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"name": "LINK", "items": (item("A"),), "version": "1"}
    values.update(kwargs)
    with pytest.raises(DomainError) as caught:
        FrameProfile(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"texts": {}}, "texts"),
    ({"texts": {"de": FrameText("Geschlossen")}}, "texts"),
    ({"kind": "rule"}, "kind"),
    ({"library_key": "Group Size"}, "library_key"),
    ({"library_key": "../x"}, "library_key"),
])
def test_bad_items_are_refused(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"kind": FrameKind.PRACTICAL, "texts": {"nb": FrameText("A")}}
    values.update(kwargs)
    with pytest.raises(DomainError) as caught:
        ProfileItem(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_item_languages_are_kept_in_one_order() -> None:
    one = ProfileItem(FrameKind.CUSTOM, {"en": FrameText("A"), "nb": FrameText("B")})
    two = ProfileItem(FrameKind.CUSTOM, {"nb": FrameText("B"), "en": FrameText("A")})
    assert list(one.texts) == ["nb", "en"] and one == two


def test_an_unknown_library_key_is_kept_but_not_applied() -> None:
    newer = item("Fra en nyere versjon", key="from_a_newer_app")
    assert newer.library_key == "from_a_newer_app"
    assert newer.to_frame().source_key == ""
    assert item("Lukket", key="closed_group").to_frame().source_key == "closed_group"


# -- applying --------------------------------------------------------------------------------
def test_replace_gives_fresh_items_for_every_profile_item() -> None:
    profile = profile_from_preset("SN", Preset.SN)
    first = apply_profile(profile, ApplyMode.REPLACE)
    second = apply_profile(profile, ApplyMode.REPLACE)
    assert len(first.items) == len(profile.items) and first.skipped == 0
    assert {f.id for f in first.items}.isdisjoint({f.id for f in second.items})
    assert first.items[0].texts == dict(profile.items[0].texts)


def test_add_leaves_out_what_the_list_already_has() -> None:
    profile = FrameProfile("LINK", (item("Lukket", key="closed_group"),
                                    item("Telefonen av"), item("Kaffe på bordet")))
    applied = apply_profile(profile, ApplyMode.ADD, present_keys={"closed_group"},
                            present_titles={"  telefonen AV "})
    assert [f.text("nb").title for f in applied.items] == ["Kaffe på bordet"]
    assert applied.skipped == 2


def test_add_does_not_add_the_same_item_twice_from_one_profile() -> None:
    profile = FrameProfile("LINK", (item("Kaffe"), item("kaffe", code="en")))
    assert len(apply_profile(profile, ApplyMode.ADD).items) == 1


# -- use cases -------------------------------------------------------------------------------
def test_create_rename_and_delete() -> None:
    repo = MemoryRepository()
    profile = create_profile(repo, profile_from_preset("LINK", Preset.SN))
    with pytest.raises(DomainError):
        create_profile(repo, profile)
    renamed = rename_profile(repo, profile.id, "LINK Oslo", "2")
    assert repo.frame_profiles() == [renamed]
    assert (renamed.name, renamed.version, renamed.items) == ("LINK Oslo", "2", profile.items)
    with pytest.raises(DomainError):
        rename_profile(repo, profile.id, "")
    with pytest.raises(DomainError):
        rename_profile(repo, "missing", "X")
    delete_profile(repo, profile.id)
    assert repo.frame_profiles() == []


def test_import_refuses_an_id_already_in_the_vault_unless_as_a_copy() -> None:
    repo = MemoryRepository()
    profile = profile_from_preset("LINK Oslo", Preset.SN, "1")
    assert import_profile(repo, profile) == profile
    newer = FrameProfile("LINK Oslo", profile.items[:3], "2", id=profile.id)
    with pytest.raises(DomainError) as caught:
        import_profile(repo, newer)
    assert caught.value.field == "id"
    assert caught.value.params == {"name": "LINK Oslo", "version": "1"}
    assert repo.frame_profiles() == [profile]
    copy = import_profile(repo, newer, as_copy=True)
    assert copy.id != profile.id and (copy.name, copy.version) == ("LINK Oslo", "2")
    assert [p.version for p in repo.frame_profiles()] == ["1", "2"]
