"""``CourseRunRecords`` for ``MemoryRepository``: documents kept in the repository's state,
so a failed transaction restores them with the rest."""

from __future__ import annotations

import json
from typing import Any

from initiator_desktop.core.course_run_records import run_document, run_from_document, run_order
from initiator_desktop.core.course_runs import CourseRun

_KEY = "course_runs"


class MemoryCourseRunRecords:
    _state: Any

    def _course_run_table(self) -> dict[str, str]:
        table: dict[str, str] = self._state.extra.setdefault(_KEY, {})
        return table

    def course_runs(self) -> list[CourseRun]:
        table = self._state.extra.get(_KEY, {})
        runs = [run_from_document(run_id, json.loads(text)) for run_id, text in table.items()]
        return sorted(runs, key=run_order)

    def course_run(self, run_id: str) -> CourseRun | None:
        text = self._state.extra.get(_KEY, {}).get(run_id)
        return None if text is None else run_from_document(run_id, json.loads(text))

    def save_course_run(self, run: CourseRun) -> None:
        # As JSON text, as the database keeps it: what it could not hold fails here too.
        self._course_run_table()[run.id] = json.dumps(run_document(run), ensure_ascii=False,
                                                      sort_keys=True)

    def delete_course_run(self, run_id: str) -> None:
        self._state.extra.get(_KEY, {}).pop(run_id, None)
