"""A rough, offline estimate of how hard a passphrase is to guess.

Pure Python and no word lists. The passphrase is split into runs of letters, digits
and other characters, and each run is priced the way a guesser would attack it: a word
costs at most a dictionary look-up, a year or a known favourite almost nothing, a
random-looking run its full character pool. It is a hint for the person choosing, not a
policy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum

from initiator_desktop.core.errors import N_

MIN_LENGTH = 8

# Lower-case, so a check is a plain substring test. Norwegian and English favourites.
_COMMON = (
    "password", "passord", "passwort", "qwerty", "asdf", "letmein", "welcome", "velkommen",
    "hemmelig", "admin", "iloveyou", "abc123", "123456", "111111", "sommer", "summer",
    "vinter", "winter", "norge", "norway", "secret", "igangsetter",
)
_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyzæøå",
    "0123456789",
    "qwertyuiopåasdfghjkløæzxcvbnm",
)
# Bits of guessing work at which each level starts.
_FAIR_BITS = 45.0
_GOOD_BITS = 60.0
_STRONG_BITS = 80.0


class StrengthLevel(IntEnum):
    WEAK = 0
    FAIR = 1
    GOOD = 2
    STRONG = 3


@dataclass(frozen=True, slots=True)
class PassphraseStrength:
    """The estimated level and a short English message id (marked with ``N_``)."""

    level: StrengthLevel
    message: str


def _pool_size(passphrase: str) -> int:
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 29  # a-z plus æ, ø, å
    if any(c.isupper() for c in passphrase):
        pool += 29
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(not c.isalnum() for c in passphrase):
        pool += 33  # punctuation and the space
    return max(pool, 1)


def _is_sequence(lowered: str) -> bool:
    return any(lowered in seq or lowered in seq[::-1] for seq in _SEQUENCES)


def _without_common(lowered: str) -> str:
    for word in _COMMON:
        lowered = lowered.replace(word, "")
    return lowered


def _word_and_number(passphrase: str) -> bool:
    """One word followed by digits and perhaps a sign, like "Sommer2024!"."""
    core = passphrase.rstrip("!?.#*+-_")
    letters = core.rstrip("0123456789")
    return (
        letters.isalpha()
        and len(letters) < len(core)
        and len(core) - len(letters) <= 4
        and " " not in passphrase
    )


_RUNS = re.compile(r"[^\W\d_]+|\d+|[\W_]+")
_WORD_BITS = math.log2(100_000)  # a guesser's dictionary, with inflected forms
_LETTER_BITS = math.log2(29)


def _run_bits(run: str) -> float:
    lowered = run.casefold()
    if lowered in _COMMON or _is_sequence(lowered):
        return 4.0
    if run.isdigit():
        if len(run) == 4 and run[:2] in ("19", "20"):
            return 7.0  # a year
        return len(run) * math.log2(10)
    if run.isalpha():
        mixed = run[1:] != run[1:].lower()  # capitals inside the run, not only first
        bits = min(len(run) * _LETTER_BITS, _WORD_BITS + max(0, len(run) - 10) * 2)
        return bits + (len(run) if mixed else 1.0 if run[0].isupper() else 0.0)
    return 2.0 if run == " " else len(run) * math.log2(33)


def estimated_bits(passphrase: str) -> float:
    """Guessing work in bits: the smaller of a per-run (word-aware) and a pool estimate."""
    distinct = len(set(passphrase))
    effective = distinct + (len(passphrase) - distinct) / 2
    pool = effective * math.log2(_pool_size(passphrase))
    return min(pool, sum(_run_bits(run) for run in _RUNS.findall(passphrase)))


def estimate(passphrase: str) -> PassphraseStrength:
    """How strong ``passphrase`` looks, with a short message saying why."""
    lowered = passphrase.casefold()
    if len(passphrase) < MIN_LENGTH:
        return PassphraseStrength(
            StrengthLevel.WEAK, N_("Too short: use at least 8 characters.")
        )
    if len(set(lowered)) <= 3:
        return PassphraseStrength(
            StrengthLevel.WEAK, N_("Too many repeated characters. Use a few words instead.")
        )
    rest = _without_common(lowered)
    if _is_sequence(lowered) or len(rest) < MIN_LENGTH // 2 or _is_sequence(rest):
        return PassphraseStrength(
            StrengthLevel.WEAK,
            N_("This is a common password or a simple pattern. Choose something less obvious."),
        )
    bits = estimated_bits(passphrase)
    if _word_and_number(passphrase):
        # A capitalised word with a year or a number is among the first things tried.
        return PassphraseStrength(
            StrengthLevel.WEAK if bits < _GOOD_BITS else StrengthLevel.FAIR,
            N_("A word followed by a number is easy to guess. Add a few more words."),
        )
    if bits < _FAIR_BITS:
        return PassphraseStrength(
            StrengthLevel.WEAK, N_("Add more words or characters.")
        )
    if bits < _GOOD_BITS:
        return PassphraseStrength(
            StrengthLevel.FAIR, N_("One or two more words would make it stronger.")
        )
    if bits < _STRONG_BITS:
        return PassphraseStrength(StrengthLevel.GOOD, N_("Hard to guess."))
    return PassphraseStrength(StrengthLevel.STRONG, N_("Very hard to guess."))
