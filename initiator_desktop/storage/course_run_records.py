"""``CourseRunRecords`` for ``SqlRepository``: one JSON document per run in ``course_runs``.

A document that does not read back as a valid run means the vault was changed outside
the app or is damaged: that is VaultDamaged, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from initiator_desktop.core.course_run_records import (
    DocumentInvalid,
    run_document,
    run_from_document,
    run_order,
)
from initiator_desktop.core.course_runs import CourseRun
from initiator_desktop.storage.errors import VaultDamaged


def _decoded(run_id: Any, text: Any) -> CourseRun:
    if not isinstance(run_id, str) or not isinstance(text, str):
        raise VaultDamaged(detail="course_runs: unexpected column types")
    try:
        return run_from_document(run_id, json.loads(text))
    except (ValueError, RecursionError) as exc:  # JSON errors and DocumentInvalid
        where = exc.args[0] if isinstance(exc, DocumentInvalid) and exc.args else "document"
        raise VaultDamaged(detail=f"course_runs: {where}") from exc


class SqlCourseRunRecords:
    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]: ...
    def _write(self, sql: str, params: Sequence[object] = ()) -> None: ...

    def course_runs(self) -> list[CourseRun]:
        rows = self._rows("SELECT id, document FROM course_runs")
        return sorted((_decoded(r[0], r[1]) for r in rows), key=run_order)

    def course_run(self, run_id: str) -> CourseRun | None:
        rows = self._rows("SELECT id, document FROM course_runs WHERE id = ?", (run_id,))
        return _decoded(rows[0][0], rows[0][1]) if rows else None

    def save_course_run(self, run: CourseRun) -> None:
        document = json.dumps(run_document(run), ensure_ascii=False, sort_keys=True)
        self._write("INSERT INTO course_runs (id, document) VALUES (?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET document = excluded.document",
                    (run.id, document))

    def delete_course_run(self, run_id: str) -> None:
        self._write("DELETE FROM course_runs WHERE id = ?", (run_id,))
