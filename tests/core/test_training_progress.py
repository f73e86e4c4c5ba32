"""Training progress: the values, the use cases, and one contract for both repositories."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.course import (
    Module,
    ModuleText,
    QuizScore,
    Section,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Group
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.core.training_progress import (
    ModuleProgress,
    QuizBest,
    mark_section_seen,
    progress_by_module,
    record_quiz,
    resume_section,
    summarize,
)
from initiator_desktop.storage.errors import VaultDamaged
from initiator_desktop.storage.vault import Vault

PACK = "no.igangsetter.igangsetterkurs"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)


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


def progress(module_id: str = "01-self-help", **kwargs: object) -> ModuleProgress:
    values: dict[str, object] = {"pack_id": PACK, "module_id": module_id, "updated_at": NOW}
    values.update(kwargs)
    return ModuleProgress(**values)  # type: ignore[arg-type]


# -- values ---------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs", [
    {"pack_id": "Not A Pack"},
    {"pack_id": "a" * 300},
    {"module_id": "self-help"},
    {"module_id": "../01-x"},
    {"updated_at": datetime(2026, 3, 2, 12, 0)},  # naive on purpose
    {"sections_seen": frozenset({"01-a", "../x"})},
    {"sections_seen": frozenset({"01-a"}), "last_section": "02-b"},
    {"last_section": "01-a"},
    {"sections_seen": frozenset(f"{i % 100:02d}-s{i}" for i in range(101))},
])
def test_progress_refuses_bad_values(kwargs: dict[str, object]) -> None:
    values: dict[str, object] = {"pack_id": PACK, "module_id": "01-self-help",
                                 "updated_at": NOW}
    values.update(kwargs)
    with pytest.raises(DomainError):
        ModuleProgress(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("numbers", [(3, 2, 5), (1, 1, 0), (-1, 0, 3), (0, 4, 3),
                                     (True, 1, 2), (0, 0, 1001)])
def test_quiz_best_refuses_impossible_results(numbers: tuple[int, int, int]) -> None:
    with pytest.raises(DomainError):
        QuizBest(*numbers)


def test_quiz_best_prefers_more_right_then_more_complete() -> None:
    assert QuizBest(3, 5, 7).beats(QuizBest(2, 2, 7))
    assert QuizBest(3, 7, 7).beats(QuizBest(3, 5, 7))
    assert not QuizBest(3, 5, 7).beats(QuizBest(3, 5, 7))
    assert not QuizBest(2, 7, 7).beats(QuizBest(3, 3, 7))
    assert QuizBest(0, 1, 7).beats(None)


def _module() -> Module:
    sections = tuple(Section(key, key.title()) for key in ("01-a", "02-b", "03-c"))
    return Module("01-self-help", (ModuleText("en", "Self-help", "", sections),))


def test_summary_counts_only_sections_the_module_still_has() -> None:
    module = _module()
    stored = progress(sections_seen=frozenset({"01-a", "03-c", "09-gone"}),
                      last_section="09-gone", quiz=QuizBest(4, 5, 5))
    summary = summarize(module, stored)
    assert (summary.seen, summary.sections, summary.quiz) == (2, 3, QuizBest(4, 5, 5))
    assert not summary.finished_reading
    assert summarize(module, None).seen == 0
    # The last section was removed from the pack since: start at the beginning.
    assert resume_section(module, stored) == "01-a"
    assert resume_section(module, progress(sections_seen=frozenset({"02-b"}),
                                           last_section="02-b")) == "02-b"


# -- contract -------------------------------------------------------------------------
def test_nothing_stored_at_first(repo: VaultRepository) -> None:
    assert repo.training_progress(PACK) == []
    assert repo.module_progress(PACK, "01-self-help") is None


def test_round_trip_in_module_order(repo: VaultRepository) -> None:
    later = progress("02-practical-frames", sections_seen=frozenset({"01-a", "02-b"}),
                     last_section="01-a", quiz=QuizBest(5, 7, 7))
    first = progress("01-self-help")
    other = progress("01-self-help", pack_id="org.example.rounds")
    for item in (later, first, other):
        repo.save_module_progress(item)
    assert repo.training_progress(PACK) == [first, later]
    assert repo.training_progress("org.example.rounds") == [other]
    assert repo.module_progress(PACK, "02-practical-frames") == later


def test_saving_again_replaces(repo: VaultRepository) -> None:
    repo.save_module_progress(progress(quiz=QuizBest(1, 2, 7)))
    newer = progress(quiz=QuizBest(6, 7, 7), updated_at=NOW + timedelta(hours=1))
    repo.save_module_progress(newer)
    assert repo.training_progress(PACK) == [newer]


def test_delete_a_module_or_a_whole_pack(repo: VaultRepository) -> None:
    for module_id in ("01-a", "02-b"):
        repo.save_module_progress(progress(module_id))
    repo.save_module_progress(progress("01-a", pack_id="org.example.rounds"))
    repo.delete_training_progress(PACK, "01-a")
    assert [p.module_id for p in repo.training_progress(PACK)] == ["02-b"]
    repo.delete_training_progress(PACK)
    assert repo.training_progress(PACK) == []
    assert len(repo.training_progress("org.example.rounds")) == 1


def test_progress_belongs_to_no_group(repo: VaultRepository) -> None:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    repo.save_module_progress(progress())
    repo.delete_group(group.id)
    assert repo.module_progress(PACK, "01-self-help") == progress()


def test_a_failed_transaction_keeps_the_old_progress(repo: VaultRepository) -> None:
    repo.save_module_progress(progress())

    class Boom(Exception):
        pass

    with pytest.raises(Boom), repo.transaction():
        repo.save_module_progress(progress(quiz=QuizBest(7, 7, 7)))
        repo.save_module_progress(progress("02-b"))
        raise Boom
    assert repo.training_progress(PACK) == [progress()]


# -- use cases ------------------------------------------------------------------------
def test_marking_sections_seen_keeps_the_last_place(repo: VaultRepository) -> None:
    mark_section_seen(repo, PACK, "01-self-help", "01-a", NOW)
    mark_section_seen(repo, PACK, "01-self-help", "02-b", NOW + timedelta(minutes=5))
    back = mark_section_seen(repo, PACK, "01-self-help", "01-a", NOW + timedelta(minutes=9))
    assert back.sections_seen == {"01-a", "02-b"}
    assert back.last_section == "01-a"
    assert repo.module_progress(PACK, "01-self-help") == back
    with pytest.raises(DomainError):
        mark_section_seen(repo, PACK, "01-self-help", "not a key", NOW)
    assert repo.module_progress(PACK, "01-self-help") == back


def test_the_best_quiz_result_is_kept(repo: VaultRepository) -> None:
    mark_section_seen(repo, PACK, "01-self-help", "01-a", NOW)
    record_quiz(repo, PACK, "01-self-help", QuizScore(correct=5, answered=7, total=7), NOW)
    worse = record_quiz(repo, PACK, "01-self-help", QuizScore(correct=2, answered=3, total=7),
                        NOW + timedelta(days=1))
    assert worse.quiz == QuizBest(5, 7, 7)
    stored = progress_by_module(repo, PACK)["01-self-help"]
    assert stored.quiz == QuizBest(5, 7, 7)
    assert stored.sections_seen == {"01-a"}
    assert stored.updated_at == NOW


# -- damage in the vault --------------------------------------------------------------
@pytest.mark.parametrize("document", [
    "not json",
    "[]",
    json.dumps({"sections_seen": "01-a", "last_section": None, "quiz": None}),
    json.dumps({"sections_seen": ["../../etc"], "last_section": None, "quiz": None}),
    json.dumps({"sections_seen": [], "last_section": None, "quiz": {"correct": 9,
                                                                  "answered": 1, "total": 1}}),
    json.dumps({"sections_seen": [], "last_section": 3, "quiz": None}),
    json.dumps({"sections_seen": []}),
])
def test_a_malformed_document_is_reported_as_damage(tmp_path: Path, document: str) -> None:
    with Vault.create(tmp_path / "d.vault", "contract-passphrase") as vault:
        vault.connection.execute(
            "INSERT INTO training_progress (pack_id, module_id, document, updated_at)"
            " VALUES (?, ?, ?, ?)", (PACK, "01-self-help", document, NOW.isoformat()))
        with pytest.raises(VaultDamaged):
            vault.repo.training_progress(PACK)
        with pytest.raises(VaultDamaged):
            vault.repo.module_progress(PACK, "01-self-help")


def test_a_bad_time_is_reported_as_damage(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "d.vault", "contract-passphrase") as vault:
        good = json.dumps({"sections_seen": [], "last_section": None, "quiz": None})
        vault.connection.execute(
            "INSERT INTO training_progress (pack_id, module_id, document, updated_at)"
            " VALUES (?, ?, ?, ?)", (PACK, "01-self-help", good, "yesterday"))
        with pytest.raises(VaultDamaged):
            vault.repo.training_progress(PACK)
