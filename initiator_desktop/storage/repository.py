"""VaultRepository on an open SQLCipher connection.

Writes outside an explicit transaction get one of their own, so every write is atomic.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, time
from typing import Any

import sqlcipher3

from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.core.models import (
    Attendance,
    ChangeKind,
    FrameItem,
    FrameKind,
    FrameText,
    Group,
    GroupStatus,
    MeetingChange,
    Pause,
    Place,
    PlaceKind,
    Schedule,
    Tradition,
)
from initiator_desktop.storage.course_run_records import SqlCourseRunRecords
from initiator_desktop.storage.errors import StorageFailed, VaultDamaged
from initiator_desktop.storage.frame_records import SqlFrameRecords
from initiator_desktop.storage.group_life import SqlGroupLife
from initiator_desktop.storage.training_progress import SqlTrainingProgress


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _iso(value: date | time | None) -> str | None:
    return value.isoformat() if value is not None else None


class SqlRepository(SqlFrameRecords, SqlGroupLife, SqlCourseRunRecords, SqlTrainingProgress):
    """The SQLCipher implementation of ``core.repository.VaultRepository``."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise StorageFailed(detail=str(exc)) from exc
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            # SQLite may already have rolled back by itself (disk full, I/O error).
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StorageFailed(detail=str(exc)) from exc

    def _write(self, sql: str, params: Sequence[object] = ()) -> None:
        with self.transaction():
            try:
                self._conn.execute(sql, params)
            except sqlcipher3.IntegrityError as exc:
                raise DomainError(N_("The change conflicts with other data."), "") from exc
            except sqlcipher3.OperationalError as exc:
                raise StorageFailed(detail=str(exc)) from exc
            except sqlcipher3.DatabaseError as exc:
                raise VaultDamaged(detail=str(exc)) from exc

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlcipher3.DatabaseError as exc:
            # A page that fails its HMAC or a malformed tree shows up only when read.
            raise VaultDamaged(detail=str(exc)) from exc

    # places -------------------------------------------------------------------------
    def places(self) -> list[Place]:
        rows = self._rows(
            "SELECT id, name, kind, address, access_notes, dial_in FROM places"
        )
        found = [
            Place(id=r[0], name=r[1], kind=PlaceKind(r[2]), address=r[3],
                  access_notes=r[4], dial_in=r[5])
            for r in rows
        ]
        return sorted(found, key=lambda p: (p.name.casefold(), p.id))

    def save_place(self, place: Place) -> None:
        self._write(
            "INSERT INTO places (id, name, kind, address, access_notes, dial_in)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
            " kind = excluded.kind, address = excluded.address,"
            " access_notes = excluded.access_notes, dial_in = excluded.dial_in",
            (place.id, place.name, place.kind.value, place.address, place.access_notes,
             place.dial_in),
        )

    def delete_place(self, place_id: str) -> None:
        if self._rows("SELECT 1 FROM groups WHERE place_id = ?", (place_id,)):
            raise DomainError(N_("This place is still used by a group."), "place")
        self._write("DELETE FROM places WHERE id = ?", (place_id,))

    # groups -------------------------------------------------------------------------
    _GROUP_COLUMNS = (
        "id, name, theme, tradition, is_open, status, initiator_meetings, planned_size, place_id,"
        " skip_holidays, code_word"
    )

    def _group(self, row: Any) -> Group:
        pauses = tuple(
            Pause(date.fromisoformat(first), date.fromisoformat(last))
            for first, last in self._rows(
                "SELECT first_day, last_day FROM group_pauses WHERE group_id = ?"
                " ORDER BY first_day", (row[0],))
        )
        return Group(
            id=row[0], name=row[1], theme=row[2], tradition=Tradition(row[3]),
            is_open=bool(row[4]), status=GroupStatus(row[5]), initiator_meetings=row[6],
            planned_size=row[7], place_id=row[8], skip_holidays=bool(row[9]),
            code_word=row[10], pauses=pauses,
        )

    def groups(self) -> list[Group]:
        found = [self._group(r) for r in self._rows(f"SELECT {self._GROUP_COLUMNS} FROM groups")]
        return sorted(found, key=lambda g: (g.name.casefold(), g.id))

    def group(self, group_id: str) -> Group | None:
        rows = self._rows(f"SELECT {self._GROUP_COLUMNS} FROM groups WHERE id = ?", (group_id,))
        return self._group(rows[0]) if rows else None

    def save_group(self, group: Group) -> None:
        if group.place_id is not None and not self._rows(
            "SELECT 1 FROM places WHERE id = ?", (group.place_id,)
        ):
            raise DomainError(N_("The group refers to a place that does not exist."), "place")
        with self.transaction():
            self._write(
                f"INSERT INTO groups ({self._GROUP_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, theme = excluded.theme,"
                " tradition = excluded.tradition, is_open = excluded.is_open,"
                " status = excluded.status, initiator_meetings = excluded.initiator_meetings,"
                " planned_size = excluded.planned_size, place_id = excluded.place_id,"
                " skip_holidays = excluded.skip_holidays, code_word = excluded.code_word",
                (group.id, group.name, group.theme, group.tradition.value, int(group.is_open),
                 group.status.value, group.initiator_meetings, group.planned_size,
                 group.place_id, int(group.skip_holidays), group.code_word),
            )
            self._write("DELETE FROM group_pauses WHERE group_id = ?", (group.id,))
            for pause in group.pauses:
                self._write(
                    "INSERT INTO group_pauses (group_id, first_day, last_day) VALUES (?, ?, ?)",
                    (group.id, _iso(pause.first_day), _iso(pause.last_day)),
                )

    def delete_group(self, group_id: str) -> None:
        self._write("DELETE FROM groups WHERE id = ?", (group_id,))

    def _require_group(self, group_id: str) -> None:
        if not self._rows("SELECT 1 FROM groups WHERE id = ?", (group_id,)):
            raise DomainError(N_("The group does not exist."), "group")

    # schedules ----------------------------------------------------------------------
    def schedules(self, group_id: str) -> list[Schedule]:
        rows = self._rows(
            "SELECT id, weekday, start, duration_minutes, break_minutes, interval_weeks,"
            " first_date, last_date FROM schedules WHERE group_id = ? ORDER BY first_date, id",
            (group_id,),
        )
        return [self._schedule(r) for r in rows]

    def _schedule(self, r: Any) -> Schedule:
        changes = tuple(
            MeetingChange(original_date=date.fromisoformat(c[0]), kind=ChangeKind(c[1]),
                          new_date=_date(c[2]), new_start=_time(c[3]))
            for c in self._rows(
                "SELECT original_date, kind, new_date, new_start FROM schedule_changes"
                " WHERE schedule_id = ? ORDER BY original_date",
                (r[0],),
            )
        )
        start = time.fromisoformat(r[2])
        return Schedule(
            id=r[0], weekday=r[1], start=start, duration_minutes=r[3], break_minutes=r[4],
            interval_weeks=r[5], first_date=date.fromisoformat(r[6]), last_date=_date(r[7]),
            changes=changes,
        )

    def save_schedules(self, group_id: str, schedules: Sequence[Schedule]) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write("DELETE FROM schedules WHERE group_id = ?", (group_id,))
            for s in schedules:
                self._write(
                    "INSERT INTO schedules (id, group_id, weekday, start, duration_minutes,"
                    " break_minutes, interval_weeks, first_date, last_date)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (s.id, group_id, s.weekday, _iso(s.start), s.duration_minutes,
                     s.break_minutes, s.interval_weeks, _iso(s.first_date), _iso(s.last_date)),
                )
                for c in s.changes:
                    self._write(
                        "INSERT INTO schedule_changes (schedule_id, original_date, kind,"
                        " new_date, new_start) VALUES (?, ?, ?, ?, ?)",
                        (s.id, _iso(c.original_date), c.kind.value, _iso(c.new_date),
                         _iso(c.new_start)),
                    )

    # frames -------------------------------------------------------------------------
    def frames(self, group_id: str) -> list[FrameItem]:
        items = self._rows(
            "SELECT id, kind, source_key FROM frame_items WHERE group_id = ? ORDER BY position",
            (group_id,),
        )
        texts: dict[str, dict[str, FrameText]] = {}
        for item_id, language, title, body in self._rows(
            "SELECT t.item_id, t.language, t.title, t.body FROM frame_texts t"
            " JOIN frame_items i ON i.id = t.item_id WHERE i.group_id = ?"
            " ORDER BY t.language",
            (group_id,),
        ):
            texts.setdefault(item_id, {})[language] = FrameText(title, body)
        return [
            FrameItem(id=i, kind=FrameKind(k), source_key=src, texts=texts.get(i, {}))
            for i, k, src in items
        ]

    def save_frames(self, group_id: str, items: Sequence[FrameItem]) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write("DELETE FROM frame_items WHERE group_id = ?", (group_id,))
            for position, item in enumerate(items):
                self._write(
                    "INSERT INTO frame_items (id, group_id, position, kind, source_key)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (item.id, group_id, position, item.kind.value, item.source_key),
                )
                for language, text in sorted(item.texts.items()):
                    self._write(
                        "INSERT INTO frame_texts (item_id, language, title, body)"
                        " VALUES (?, ?, ?, ?)",
                        (item.id, language, text.title, text.body),
                    )

    # attendance ---------------------------------------------------------------------
    def attendance(self, group_id: str) -> list[Attendance]:
        rows = self._rows(
            "SELECT meeting_date, present, newcomers, notified_absent FROM attendance"
            " WHERE group_id = ? ORDER BY meeting_date",
            (group_id,),
        )
        return [Attendance(date.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]

    def save_attendance(self, group_id: str, record: Attendance) -> None:
        with self.transaction():
            self._require_group(group_id)
            self._write(
                "INSERT INTO attendance (group_id, meeting_date, present, newcomers,"
                " notified_absent) VALUES (?, ?, ?, ?, ?) ON CONFLICT (group_id, meeting_date)"
                " DO UPDATE SET present = excluded.present, newcomers = excluded.newcomers,"
                " notified_absent = excluded.notified_absent",
                (group_id, _iso(record.meeting_date), record.present, record.newcomers,
                 record.notified_absent),
            )

    def delete_attendance(self, group_id: str, meeting_date: date) -> None:
        self._write(
            "DELETE FROM attendance WHERE group_id = ? AND meeting_date = ?",
            (group_id, _iso(meeting_date)),
        )
