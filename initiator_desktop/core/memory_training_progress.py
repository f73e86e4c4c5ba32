"""The reader's training progress for ``MemoryRepository`` (same contract as storage).

Kept only in ``self._state.extra`` so a failed transaction restores it with the rest.
Progress belongs to no group, so deleting a group leaves it alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from initiator_desktop.core.training_progress import ModuleProgress

_KEY = "training_progress"


class MemoryTrainingProgress:
    """Implements ``core.training_progress.TrainingProgress`` in memory."""

    if TYPE_CHECKING:
        _state: Any

    def _progress_table(self) -> dict[tuple[str, str], ModuleProgress]:
        table: dict[tuple[str, str], ModuleProgress] = self._state.extra.setdefault(_KEY, {})
        return table

    def training_progress(self, pack_id: str) -> list[ModuleProgress]:
        table = self._progress_table()
        return [table[key] for key in sorted(table) if key[0] == pack_id]

    def module_progress(self, pack_id: str, module_id: str) -> ModuleProgress | None:
        return self._progress_table().get((pack_id, module_id))

    def save_module_progress(self, progress: ModuleProgress) -> None:
        self._progress_table()[(progress.pack_id, progress.module_id)] = progress

    def delete_training_progress(self, pack_id: str, module_id: str | None = None) -> None:
        table = self._progress_table()
        for key in [k for k in table if k[0] == pack_id and module_id in (None, k[1])]:
            del table[key]
