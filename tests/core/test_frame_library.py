"""Tests for the default frame library and its presets."""

from __future__ import annotations

import re

import pytest

from initiator_desktop.core.frame_library import (
    LIBRARY,
    LibraryItem,
    Preset,
    default_frames,
    library_item,
    preset_for,
    preset_keys,
)
from initiator_desktop.core.models import LANGUAGES, FrameItem, FrameKind, Tradition

TWELVE_STEP_ONLY = {"first_names_only", "no_cross_talk", "closing_words", "anonymity_outside"}
PHONE_ONLY = {"fixed_time", "private_room", "camera_agreement", "no_recording"}

BOKMAL_ONLY = ("ikke", "jeg", "hverandre", "være", "noe", "hvordan", "hva", "mye", "selv", "uten")
NYNORSK_ONLY = ("ikkje", "eg", "kvarandre", "vere", "noko", "korleis", "kva", "mykje", "sjølv")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _all_text(item: LibraryItem, language: str) -> str:
    text = item.texts[language]
    return f"{text.title} {text.body}"


def test_every_item_has_all_languages_with_a_title_and_a_body() -> None:
    for item in LIBRARY:
        assert set(item.texts) == set(LANGUAGES), item.key
        for language in LANGUAGES:
            assert item.texts[language].title.strip(), (item.key, language)
            assert item.texts[language].body.strip(), (item.key, language)


def test_titles_and_bodies_are_short_enough_for_a_card() -> None:
    for item in LIBRARY:
        for language, text in item.texts.items():
            assert len(text.title) <= 60, (item.key, language, text.title)
            assert len(text.body) <= 300, (item.key, language, text.body)


def test_texts_are_tidy() -> None:
    for item in LIBRARY:
        for language, text in item.texts.items():
            for part in (text.title, text.body):
                assert part == part.strip(), (item.key, language)
                assert "  " not in part, (item.key, language)
            assert text.body[-1] in ".»”", (item.key, language)
            assert not text.title.endswith("."), (item.key, language)


def test_keys_are_unique_snake_case() -> None:
    keys = [item.key for item in LIBRARY]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", key), key


def test_library_has_only_practical_and_conversation_items() -> None:
    assert {item.kind for item in LIBRARY} == {FrameKind.PRACTICAL, FrameKind.CONVERSATION}


def test_library_texts_cannot_be_changed() -> None:
    item = LIBRARY[0]
    with pytest.raises(TypeError):
        item.texts["nb"] = item.texts["en"]  # type: ignore[index]


def test_library_item_finds_by_key() -> None:
    for item in LIBRARY:
        assert library_item(item.key) is item


def test_library_item_raises_key_error_for_unknown_key() -> None:
    with pytest.raises(KeyError):
        library_item("no_such_frame")


@pytest.mark.parametrize("preset", list(Preset))
def test_preset_keys_exist_and_are_unique(preset: Preset) -> None:
    keys = preset_keys(preset)
    assert keys
    assert len(keys) == len(set(keys))
    for key in keys:
        library_item(key)


@pytest.mark.parametrize("preset", list(Preset))
def test_preset_lists_practical_frames_before_conversation(preset: Preset) -> None:
    kinds = [library_item(key).kind for key in preset_keys(preset)]
    first_conversation = kinds.index(FrameKind.CONVERSATION)
    assert all(kind is FrameKind.PRACTICAL for kind in kinds[:first_conversation])
    assert all(kind is FrameKind.CONVERSATION for kind in kinds[first_conversation:])


def test_sn_preset_is_full_and_has_no_phone_or_twelve_step_items() -> None:
    keys = preset_keys(Preset.SN)
    kinds = [library_item(key).kind for key in keys]
    assert kinds.count(FrameKind.PRACTICAL) >= 8
    assert kinds.count(FrameKind.CONVERSATION) >= 8
    assert not set(keys) & (PHONE_ONLY | TWELVE_STEP_ONLY)
    for key in ("closed_group", "confidentiality_inside", "confidentiality_outside"):
        assert key in keys


def test_twelve_step_preset_suits_an_open_group() -> None:
    keys = set(preset_keys(Preset.TWELVE_STEP))
    assert "closed_group" not in keys
    assert "confidentiality_outside" not in keys
    assert {
        "first_names_only",
        "no_cross_talk",
        "closing_words",
        "confidentiality_inside",
        "anonymity_outside",
        "no_intoxication",
        "speak_from_yourself",
        "listen",
        "own_pace",
    } <= keys
    assert not keys & PHONE_ONLY


def test_hybrid_preset_is_sn_plus_closing_words() -> None:
    assert set(preset_keys(Preset.HYBRID)) == set(preset_keys(Preset.SN)) | {"closing_words"}


def test_phone_preset_swaps_the_place_for_phone_frames() -> None:
    keys = set(preset_keys(Preset.PHONE))
    sn = set(preset_keys(Preset.SN))
    assert keys == (sn - {"fixed_time_and_place"}) | PHONE_ONLY
    assert not keys & TWELVE_STEP_ONLY


def test_preset_for_maps_every_tradition() -> None:
    assert preset_for(Tradition.SN) is Preset.SN
    assert preset_for(Tradition.TWELVE_STEP) is Preset.TWELVE_STEP
    assert preset_for(Tradition.HYBRID) is Preset.HYBRID
    for tradition in Tradition:
        assert isinstance(preset_for(tradition), Preset)


@pytest.mark.parametrize("preset", list(Preset))
def test_default_frames_follow_the_preset(preset: Preset) -> None:
    frames = default_frames(preset)
    assert all(isinstance(frame, FrameItem) for frame in frames)
    assert [frame.source_key for frame in frames] == list(preset_keys(preset))
    for frame in frames:
        item = library_item(frame.source_key)
        assert frame.kind is item.kind
        assert set(frame.texts) == set(LANGUAGES)
        assert frame.texts == dict(item.texts)


def test_default_frames_get_fresh_ids_every_call() -> None:
    first = default_frames(Preset.SN)
    second = default_frames(Preset.SN)
    ids = [frame.id for frame in first + second]
    assert all(ids)
    assert len(ids) == len(set(ids))


def test_default_frames_are_independent_of_the_library() -> None:
    frame = default_frames(Preset.SN)[0]
    frame.texts["nb"] = frame.texts["en"]
    original = library_item(frame.source_key).texts
    assert original["nb"] != original["en"]
    assert default_frames(Preset.SN)[0].texts["nb"] is not frame.texts["nb"]


def test_nynorsk_texts_use_no_bokmal_only_words() -> None:
    for item in LIBRARY:
        found = _words(_all_text(item, "nn")) & set(BOKMAL_ONLY)
        assert not found, (item.key, found)


def test_bokmal_texts_use_no_nynorsk_only_words() -> None:
    for item in LIBRARY:
        found = _words(_all_text(item, "nb")) & set(NYNORSK_ONLY)
        assert not found, (item.key, found)


def test_nynorsk_and_bokmal_wordings_differ() -> None:
    for item in LIBRARY:
        assert item.texts["nn"].body != item.texts["nb"].body, item.key


def test_the_terms_users_know_are_used() -> None:
    def text(key: str, language: str) -> str:
        return _all_text(library_item(key), language).lower()

    assert "her og nå" in text("here_and_now", "nb")
    assert "her og no" in text("here_and_now", "nn")
    assert "taushetsplikt" in text("confidentiality_inside", "nb")
    assert "teieplikt" in text("confidentiality_inside", "nn")
    assert "gi beskjed" in text("notify_absence", "nb")
    assert "gje beskjed" in text("notify_absence", "nn")
    assert "koseklubb" in text("not_a_coffee_club", "nb")
