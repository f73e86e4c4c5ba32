"""Recovery keys: 128 random bits written as eight groups of six digits.

Each group is a 16-bit value times 11, so a mistyped group is caught at once (the same
scheme as BitLocker's recovery passwords) and the user is told which group is wrong.
"""

from __future__ import annotations

import re
import secrets

from initiator_desktop.core.errors import N_

GROUPS = 8
_DIGITS = re.compile(r"\d+")


class RecoveryKeyTypo(ValueError):
    """The typed recovery key is malformed; ``group`` is the 1-based group at fault."""

    message = N_("Block {group} of the recovery key is not right. Check it and try again.")

    def __init__(self, group: int) -> None:
        super().__init__(f"recovery key group {group}")
        self.group = group


def format_recovery_key(secret: bytes) -> str:
    """The printable form of a 16-byte recovery secret."""
    if len(secret) != 2 * GROUPS:
        raise ValueError("a recovery secret has 16 bytes")
    values = [int.from_bytes(secret[i : i + 2], "big") for i in range(0, len(secret), 2)]
    return "-".join(f"{value * 11:06d}" for value in values)


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key: (printable text, 16-byte secret)."""
    secret = secrets.token_bytes(2 * GROUPS)
    return format_recovery_key(secret), secret


def parse_recovery_key(text: str) -> bytes:
    """The 16-byte secret from typed text; spaces and dashes are ignored."""
    groups = _DIGITS.findall(text)
    if len(groups) == 1 and len(groups[0]) == 6 * GROUPS:
        groups = [groups[0][i : i + 6] for i in range(0, 6 * GROUPS, 6)]
    if not groups:
        raise RecoveryKeyTypo(1)
    secret = bytearray()
    for index in range(GROUPS):
        if index >= len(groups):
            raise RecoveryKeyTypo(index + 1)
        group = groups[index]
        value = int(group) if len(group) == 6 else -1
        if value < 0 or value % 11 or value // 11 > 0xFFFF:
            raise RecoveryKeyTypo(index + 1)
        secret += (value // 11).to_bytes(2, "big")
    if len(groups) > GROUPS:
        raise RecoveryKeyTypo(GROUPS + 1)
    return bytes(secret)
