"""The passphrase strength hint: levels for typical passphrases and its weak patterns."""

from __future__ import annotations

import pytest

from initiator_desktop.core.passphrase_strength import (
    MIN_LENGTH,
    PassphraseStrength,
    StrengthLevel,
    estimate,
)

WEAK = StrengthLevel.WEAK


@pytest.mark.parametrize("passphrase", ["", "a", "kort", "Ab1!xyz"])
def test_shorter_than_the_minimum_is_weak_and_says_so(passphrase: str) -> None:
    result = estimate(passphrase)
    assert result.level is WEAK
    assert "8" in result.message


@pytest.mark.parametrize(
    "passphrase",
    ["aaaaaaaaaaaa", "abababababab", "abcdefghij", "9876543210", "qwertyuiop", "password123",
     "Passord1234", "hemmelig!!"],
)
def test_repeats_sequences_and_common_passwords_are_weak(passphrase: str) -> None:
    assert estimate(passphrase).level is WEAK


def test_a_word_with_a_year_is_at_most_fair() -> None:
    result = estimate("Blåbær2024!")
    assert result.level <= StrengthLevel.FAIR
    assert "number" in result.message


def test_more_words_give_a_higher_level() -> None:
    levels = [
        estimate(p).level
        for p in ("tulipanx", "tulipan regn", "tulipan regn over fjellet i dag")
    ]
    assert levels == sorted(levels)
    assert levels[0] is WEAK
    assert levels[-1] is StrengthLevel.STRONG


def test_mixed_characters_beat_one_kind_at_the_same_length() -> None:
    assert estimate("kx9#Qm2!vL").level > estimate("kxqmvlrtpz").level


@pytest.mark.parametrize("passphrase", ["x" * MIN_LENGTH, "Tr0ub4dor&3", "Ås og Ørsta ved sjøen"])
def test_every_answer_has_a_level_and_a_message(passphrase: str) -> None:
    result = estimate(passphrase)
    assert isinstance(result, PassphraseStrength)
    assert result.level in StrengthLevel
    assert result.message and result.message[0].isupper()


def test_the_estimate_is_pure_and_repeatable() -> None:
    assert estimate("en ganske lang setning") == estimate("en ganske lang setning")


@pytest.mark.parametrize("passphrase", ["sommer 2024", "passord123 ok", "Vinter 1999!!"])
def test_favourite_words_with_years_or_numbers_stay_weak(passphrase: str) -> None:
    assert estimate(passphrase).level is WEAK


def test_four_ordinary_words_are_at_least_fair() -> None:
    assert estimate("correct horse battery staple").level >= StrengthLevel.GOOD
    assert estimate("Tre glade kaniner hopper").level >= StrengthLevel.FAIR
