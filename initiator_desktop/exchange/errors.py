"""An input file that cannot be accepted, with the JSON path of the first problem."""

from __future__ import annotations

from typing import Any

EXIT_INVALID_INPUT = 4


class InvalidFile(Exception):
    """``message`` is an English gettext id; ``json_path`` points at the problem."""

    exit_code = EXIT_INVALID_INPUT

    def __init__(self, message: str, json_path: str = "$", **params: Any) -> None:
        super().__init__(f"{json_path}: {message.format(**params) if params else message}")
        self.message = message
        self.json_path = json_path
        self.params = params
