"""Expected domain errors.

Messages are English gettext message ids marked with ``N_`` so the outer layers can
translate them at display time; the core itself never picks a language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def N_(message: str) -> str:
    """Mark a message for extraction without translating it here."""
    return message


class DomainError(ValueError):
    """A rule of the domain was broken by the caller's input (not a bug)."""

    def __init__(self, message: str, field: str = "", **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.field = field
        self.params: Mapping[str, Any] = params
