"""The reader's training progress in the vault (table ``training_progress``, schema 4).

One JSON document per pack and module. What comes back from the vault is checked: a
document of the wrong shape is damage (VaultDamaged), never a crash further on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.training_progress import ModuleProgress, QuizBest
from initiator_desktop.storage.errors import VaultDamaged

_COLUMNS = "pack_id, module_id, document, updated_at"


def progress_document(progress: ModuleProgress) -> str:
    quiz = progress.quiz
    document = {
        "sections_seen": sorted(progress.sections_seen),
        "last_section": progress.last_section,
        "quiz": None if quiz is None else {
            "correct": quiz.correct, "answered": quiz.answered, "total": quiz.total},
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def _quiz(value: object) -> QuizBest | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError("quiz is not an object")
    return QuizBest(correct=value["correct"], answered=value["answered"], total=value["total"])


def read_progress(row: Sequence[Any]) -> ModuleProgress:
    """A row back into a value; anything malformed is reported as damage."""
    pack_id, module_id, document, updated_at = row
    try:
        data = json.loads(document)
        if not isinstance(data, dict):
            raise ValueError("document is not an object")
        seen = data["sections_seen"]
        if not isinstance(seen, list) or not all(isinstance(k, str) for k in seen):
            raise ValueError("sections_seen is not a list of names")
        last = data["last_section"]
        if last is not None and not isinstance(last, str):
            raise ValueError("last_section is not a name")
        return ModuleProgress(
            pack_id=pack_id, module_id=module_id, updated_at=datetime.fromisoformat(updated_at),
            sections_seen=frozenset(seen), last_section=last, quiz=_quiz(data["quiz"]))
    except (ValueError, TypeError, KeyError, DomainError) as exc:
        raise VaultDamaged(detail=f"training progress {pack_id}/{module_id}: {exc}") from exc


class SqlTrainingProgress:
    """Implements ``core.training_progress.TrainingProgress`` for ``SqlRepository``."""

    if TYPE_CHECKING:
        def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]: ...
        def _write(self, sql: str, params: Sequence[object] = ()) -> None: ...

    def training_progress(self, pack_id: str) -> list[ModuleProgress]:
        rows = self._rows(f"SELECT {_COLUMNS} FROM training_progress WHERE pack_id = ?"
                          " ORDER BY module_id", (pack_id,))
        return [read_progress(row) for row in rows]

    def module_progress(self, pack_id: str, module_id: str) -> ModuleProgress | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM training_progress"
                          " WHERE pack_id = ? AND module_id = ?", (pack_id, module_id))
        return read_progress(rows[0]) if rows else None

    def save_module_progress(self, progress: ModuleProgress) -> None:
        self._write(
            f"INSERT INTO training_progress ({_COLUMNS}) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (pack_id, module_id) DO UPDATE SET document = excluded.document,"
            " updated_at = excluded.updated_at",
            (progress.pack_id, progress.module_id, progress_document(progress),
             progress.updated_at.isoformat()),
        )

    def delete_training_progress(self, pack_id: str, module_id: str | None = None) -> None:
        if module_id is None:
            self._write("DELETE FROM training_progress WHERE pack_id = ?", (pack_id,))
        else:
            self._write("DELETE FROM training_progress WHERE pack_id = ? AND module_id = ?",
                        (pack_id, module_id))
