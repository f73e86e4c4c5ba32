"""The course run records' contract, for the in-memory fake and the SQLCipher vault alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from initiator_desktop.core.course_run_records import (
    DocumentInvalid,
    run_document,
    run_from_document,
)
from initiator_desktop.core.course_runs import CourseRun, Session, mark
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.storage.errors import VaultDamaged
from initiator_desktop.storage.vault import Vault


@pytest.fixture(params=["memory", "sqlcipher"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[VaultRepository]:
    if request.param == "memory":
        yield MemoryRepository()
        return
    vault = Vault.create(tmp_path / "v.vault", "contract-passphrase")
    try:
        yield vault.repo
    finally:
        vault.close()


def course(title: str = "Igangsetterkurs", first: date = date(2026, 3, 12),
           **changes: object) -> CourseRun:
    sessions = (
        Session(first, time(9), time(11, 30), ("01-self-help", "02-practical-frames")),
        Session(first, time(12, 15), time(15), ("03-conversation-principles",)),
    )
    base = CourseRun(title=title, pack_id="no.igangsetter.igangsetterkurs", language="nb",
                     first_day=first, last_day=first, place="LINK Lillehammer",
                     sessions=sessions, participants=14)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_round_trip(repo: VaultRepository) -> None:
    planned = course()
    repo.save_course_run(planned)
    assert repo.course_run(planned.id) == planned
    assert repo.course_runs() == [planned]
    assert repo.course_run("missing") is None


def test_round_trip_with_names_and_marks(repo: VaultRepository) -> None:
    kept = course(store_names=True, names=("Kari Nordmann", "Åse Ødegård", "Kari Nordmann"))
    kept = mark(kept, kept.sessions[0].id, "01-self-help")
    repo.save_course_run(kept)
    assert repo.course_run(kept.id) == kept


def test_replace_and_delete(repo: VaultRepository) -> None:
    planned = course()
    repo.save_course_run(planned)
    changed = replace(planned, title="Nytt navn", participants=9)
    repo.save_course_run(changed)
    assert repo.course_runs() == [changed]
    repo.delete_course_run(planned.id)
    assert repo.course_runs() == []
    repo.delete_course_run(planned.id)  # deleting twice is fine


def test_order_by_first_day_then_title(repo: VaultRepository) -> None:
    runs = [course("b", date(2026, 5, 1)), course("a", date(2026, 5, 1)),
            course("Z", date(2026, 1, 10)), course("c", date(2026, 9, 1))]
    for item in runs:
        repo.save_course_run(item)
    assert [r.title for r in repo.course_runs()] == ["Z", "a", "b", "c"]


def test_runs_belong_to_no_group_and_survive_deleting_one(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    planned = course()
    repo.save_course_run(planned)
    repo.delete_group(group.id)
    assert repo.course_runs() == [planned]


def test_failed_transaction_rolls_back(repo: VaultRepository) -> None:
    kept = course("kept")
    repo.save_course_run(kept)
    with pytest.raises(RuntimeError), repo.transaction():
        repo.save_course_run(course("lost"))
        repo.save_course_run(replace(kept, title="changed"))
        repo.delete_course_run(kept.id)
        raise RuntimeError("boom")
    assert repo.course_runs() == [kept]


def test_bad_values_never_reach_the_records(repo: VaultRepository) -> None:
    with pytest.raises(DomainError):
        course(participants=500)
    with pytest.raises(DomainError):
        course(names=("Kari",))  # not opted in
    assert repo.course_runs() == []


def test_the_document_has_no_names_key_unless_opted_in() -> None:
    plain = run_document(course())
    assert "names" not in plain
    kept = run_document(course(store_names=True, names=("Kari",)))
    assert kept["names"] == ["Kari"]


@pytest.mark.parametrize("damage", [
    lambda d: d.pop("title"),
    lambda d: d.update(extra=1),
    lambda d: d.update(format=2),
    lambda d: d.update(participants="14"),
    lambda d: d.update(participants=True),
    lambda d: d.update(participants=999),
    lambda d: d.update(first_day="12.03.2026"),
    lambda d: d.update(names=["Kari"]),  # names in a run that did not opt in
    lambda d: d["sessions"][0].update(start="9"),
    lambda d: d["sessions"][0].update(start="09:00:00"),
    lambda d: d["sessions"][0].update(end="08:00"),
    lambda d: d["sessions"][0].update(modules="01-self-help"),
    lambda d: d["sessions"][0].update(covered=["09-unplanned"]),
    lambda d: d["sessions"].append("not a session"),
    lambda d: d.update(sessions={}),
])
def test_damaged_documents_are_refused(damage: object) -> None:
    document = json.loads(json.dumps(run_document(course())))
    damage(document)  # type: ignore[operator]
    with pytest.raises(DocumentInvalid):
        run_from_document("some-id", document)
    with pytest.raises(DocumentInvalid):
        run_from_document("some-id", [document])


@pytest.mark.parametrize("stored", ["{not json", '"a string"', json.dumps({"format": 1}),
                                    "[" * 100_000])
def test_damaged_rows_in_the_vault_are_reported_as_damage(tmp_path: Path, stored: str) -> None:
    with Vault.create(tmp_path / "v.vault", "contract-passphrase") as vault:
        vault.connection.execute("INSERT INTO course_runs (id, document) VALUES (?, ?)",
                                 ("broken", stored))
        with pytest.raises(VaultDamaged):
            vault.repo.course_runs()
        with pytest.raises(VaultDamaged):
            vault.repo.course_run("broken")
