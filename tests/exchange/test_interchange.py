"""The JSON interchange format: byte-identical round trips, the schema, strict rejection."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from initiator_desktop.core.content import (
    GroupRecord,
    VaultContent,
    add_content,
    read_content,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Attendance, Group, Place, Schedule
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.exchange import interchange, safe_json
from initiator_desktop.exchange.demo import demo_content
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.storage.vault import Vault

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2] / "resources" / "schemas" / "vault-interchange.schema.json"
)
TODAY = date(2026, 11, 28)
Doc = dict[str, Any]


def export_text(repo: VaultRepository) -> str:
    return interchange.dumps(interchange.to_document(read_content(repo)))


def import_text(repo: VaultRepository, text: str) -> None:
    add_content(repo, interchange.from_document(safe_json.loads(text.encode("utf-8"))))


@pytest.fixture(scope="module")
def demo() -> VaultContent:
    return demo_content(TODAY)


@pytest.fixture(scope="module")
def demo_text(demo: VaultContent) -> str:
    repo = MemoryRepository()
    add_content(repo, demo)
    return export_text(repo)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    with Vault.create(tmp_path / "v.vault", "interchange-passphrase") as opened:
        yield opened


# -- round trips -----------------------------------------------------------------------
def test_demo_document_is_not_trivial(demo_text: str) -> None:
    doc = json.loads(demo_text)
    assert len(doc["places"]) == 4
    assert len(doc["groups"]) == 5
    kinds = {c["kind"] for g in doc["groups"] for s in g["schedules"] for c in s["changes"]}
    assert kinds == {"cancelled", "moved"}
    assert sum(len(g["attendance"]) for g in doc["groups"]) > 50
    assert {lang for g in doc["groups"] for f in g["frames"] for lang in f["texts"]} == {
        "nb",
        "nn",
        "en",
    }


def test_memory_round_trip_is_byte_identical(demo_text: str) -> None:
    target = MemoryRepository()
    import_text(target, demo_text)
    assert export_text(target) == demo_text


def test_vault_round_trip_through_files_is_byte_identical(
    demo: VaultContent, vault: Vault, tmp_path: Path
) -> None:
    source = MemoryRepository()
    add_content(source, demo)
    first, second, third = (tmp_path / f"{n}.json" for n in ("first", "second", "third"))
    interchange.export_file(source, first)
    added = interchange.import_file(vault.repo, first)
    assert len(added.groups) == 5
    interchange.export_file(vault.repo, second)
    assert second.read_bytes() == first.read_bytes()
    back = MemoryRepository()
    interchange.import_file(back, second)
    interchange.export_file(back, third)
    assert third.read_bytes() == first.read_bytes()
    assert read_content(back) == read_content(vault.repo) == read_content(source)


def test_export_is_utf8_and_keeps_norwegian_letters(demo_text: str, tmp_path: Path) -> None:
    repo = MemoryRepository()
    import_text(repo, demo_text)
    path = tmp_path / "export.json"
    interchange.export_file(repo, path)
    raw = path.read_bytes()
    assert raw.decode("utf-8") == demo_text
    assert "Vårgruppa".encode() in raw
    assert not list(tmp_path.glob(".export-*"))  # no temporary file left behind


def test_import_adds_to_existing_content(demo_text: str) -> None:
    target = MemoryRepository()
    own = Place(name="Eget møterom")
    target.save_place(own)
    import_text(target, demo_text)
    content = read_content(target)
    assert own in content.places
    assert len(content.places) == 5
    assert len(content.groups) == 5


def test_importing_the_same_file_twice_is_refused_whole(
    demo_text: str, vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "demo.json"
    path.write_text(demo_text, encoding="utf-8")
    interchange.import_file(vault.repo, path)
    before = read_content(vault.repo)
    with pytest.raises(DomainError) as caught:
        interchange.import_file(vault.repo, path)
    assert caught.value.field == "id"
    assert read_content(vault.repo) == before


# -- schema ----------------------------------------------------------------------------
def test_exported_document_validates_against_the_schema(demo_text: str) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    document = json.loads(demo_text)
    assert [e.message for e in validator.iter_errors(document)] == []
    document["groups"][0]["attendance"].append({"date": "2026-01-01", "present": 3, "who": "x"})
    assert not validator.is_valid(document)  # the schema is not vacuous


def test_empty_vault_exports_a_valid_empty_document() -> None:
    text = export_text(MemoryRepository())
    document = json.loads(text)
    assert document == {
        "format": "initiator-desktop/vault",
        "format_version": 2,
        "places": [],
        "groups": [],
    }
    assert interchange.from_document(document) == VaultContent()


def test_format_version_1_files_still_import() -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "vaults" / "schema-v1.json"
    document = json.loads(fixture.read_text(encoding="utf-8"))
    assert document["format_version"] == 1
    content = interchange.from_document(document)
    assert content.groups and all(not r.group.pauses and not r.group.code_word
                                  for r in content.groups)


# -- rejection -------------------------------------------------------------------------
Mutation = Callable[[Doc, Doc], None]  # (document, its last group)


def _set(*steps: Any, value: Any) -> Mutation:
    def mutate(doc: Doc, group: Doc) -> None:
        target: Any = group
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = value

    return mutate


def _drop(*steps: Any) -> Mutation:
    def mutate(doc: Doc, group: Doc) -> None:
        target: Any = group
        for step in steps[:-1]:
            target = target[step]
        del target[steps[-1]]

    return mutate


def _unmove_first_moved(doc: Doc, group: Doc) -> None:
    changes = group["schedules"][0]["changes"]
    assert changes[0]["kind"] == "moved"  # the demo's last group moved its first change
    changes[0]["new_start"] = changes[0]["new_date"] = None


def _too_many_newcomers(doc: Doc, group: Doc) -> None:
    entry = group["attendance"][1]
    entry["newcomers"] = entry["present"] + 1


def _same_id_as_first_group(doc: Doc, group: Doc) -> None:
    group["id"] = doc["groups"][0]["id"]


def _frame_id_of_another_group(doc: Doc, group: Doc) -> None:
    group["frames"][2]["id"] = doc["groups"][1]["frames"][0]["id"]


def _two_records_for_one_date(doc: Doc, group: Doc) -> None:
    group["attendance"][4]["date"] = group["attendance"][3]["date"]


def _break_as_long_as_meeting(doc: Doc, group: Doc) -> None:
    group["schedules"][0].update(duration_minutes=60, break_minutes=60)


def _other_weekday(doc: Doc, group: Doc) -> None:
    schedule = group["schedules"][0]
    schedule["weekday"] = "sunday" if schedule["weekday"] != "sunday" else "monday"


def _top(key: str, value: Any) -> Mutation:
    def mutate(doc: Doc, group: Doc) -> None:
        doc[key] = value

    return mutate


def _drop_top(key: str) -> Mutation:
    def mutate(doc: Doc, group: Doc) -> None:
        del doc[key]

    return mutate


def _place_kind(doc: Doc, group: Doc) -> None:
    doc["places"][2]["kind"] = "castle"


G = "$.groups[4]"
A = f"{G}.attendance"
S = f"{G}.schedules[0]"

INVALID: dict[str, tuple[Mutation, str]] = {
    # wrong types
    "planned size as text": (_set("planned_size", value="seks"), f"{G}.planned_size"),
    "count as boolean": (_set("attendance", 3, "present", value=True), f"{A}[3].present"),
    "count as fraction": (_set("attendance", 3, "present", value=5.5), f"{A}[3].present"),
    "count as float": (_set("attendance", 3, "present", value=5.0), f"{A}[3].present"),
    "open as text": (_set("open", value="yes"), f"{G}.open"),
    "schedules as object": (_set("schedules", value={}), f"{G}.schedules"),
    "places as null": (_top("places", None), "$.places"),
    # unknown enum values
    "unknown status": (_set("status", value="paused"), f"{G}.status"),
    "unknown tradition": (_set("tradition", value="other"), f"{G}.tradition"),
    "unknown weekday": (_set("schedules", 0, "weekday", value="funday"), f"{S}.weekday"),
    "unknown change kind": (
        _set("schedules", 0, "changes", 1, "kind", value="postponed"),
        f"{S}.changes[1].kind",
    ),
    "unknown place kind": (_place_kind, "$.places[2].kind"),
    "format version 3": (_top("format_version", 3), "$.format_version"),
    "other format": (_top("format", "something/else"), "$.format"),
    # missing required keys
    "attendance without present": (_drop("attendance", 0, "present"), f"{A}[0]"),
    "group without name": (_drop("name"), G),
    "schedule without first date": (_drop("schedules", 0, "first_date"), S),
    "document without groups": (_drop_top("groups"), "$"),
    # extra keys
    "extra key in group": (_set("colour", value="red"), G),
    "extra key at top": (_top("comment", "hello"), "$"),
    "attendance with a name": (_set("attendance", 1, "name", value="Kari Nordmann"), f"{A}[1]"),
    "frame text in German": (
        _set("frames", 0, "texts", "de", value={"title": "Schweigen"}),
        f"{G}.frames[0].texts",
    ),
    # values the schema lets through but the domain refuses
    "30 February as last date": (
        _set("schedules", 0, "last_date", value="2026-02-30"),
        f"{S}.last_date",
    ),
    "30 February as attendance date": (
        _set("attendance", 2, "date", value="2026-02-30"),
        f"{A}[2].date",
    ),
    "month 13 in a change": (
        _set("schedules", 0, "changes", 0, "original_date", value="2025-13-22"),
        f"{S}.changes[0].original_date",
    ),
    "date with a newline": (_set("attendance", 2, "date", value="2025-10-20\n"), f"{A}[2].date"),
    "newcomers above present": (_too_many_newcomers, f"{A}[1].newcomers"),
    "first date not on weekday": (_other_weekday, f"{S}.first_date"),
    "break as long as meeting": (_break_as_long_as_meeting, f"{S}.break_minutes"),
    "break above the schema limit": (
        _set("schedules", 0, "break_minutes", value=61),
        f"{S}.break_minutes",
    ),
    "moved without new date or time": (
        _unmove_first_moved,
        f"{S}.changes[0].new_date",
    ),
    "blank group name": (_set("name", value="   "), f"{G}.name"),
}


def own_content() -> VaultContent:
    own_place = Place(name="Eget møterom")
    return VaultContent(
        places=(own_place,),
        groups=(
            GroupRecord(
                group=Group(name="Egen gruppe", place_id=own_place.id),
                schedules=(Schedule(weekday=0, start=time(18, 0), first_date=date(2026, 1, 5)),),
                attendance=(Attendance(date(2026, 1, 5), 4, 1, 0),),
            ),
        ),
    )


@pytest.fixture(scope="module")
def shared_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """One vault for the rejection tests: each checks itself that nothing was written."""
    path = tmp_path_factory.mktemp("target") / "target.vault"
    with Vault.create(path, "interchange-passphrase") as opened:
        add_content(opened.repo, own_content())
        yield opened


@pytest.fixture(params=["memory", "sqlcipher"])
def target(request: pytest.FixtureRequest) -> VaultRepository:
    """A repository that already holds some content of its own."""
    if request.param == "sqlcipher":
        vault: Vault = request.getfixturevalue("shared_vault")
        assert [r.group.name for r in read_content(vault.repo).groups] == ["Egen gruppe"]
        return vault.repo
    repo = MemoryRepository()
    add_content(repo, own_content())
    return repo


def mutated(demo_text: str, mutation: Mutation) -> Doc:
    doc = json.loads(demo_text)
    assert doc["groups"][4]["name"] == "Vårgruppa"
    mutation(doc, doc["groups"][4])
    return doc


def rejected(repo: VaultRepository, doc: Any, tmp_path: Path) -> InvalidFile:
    """Import ``doc`` from a file, expect InvalidFile and an unchanged repository."""
    path = tmp_path / "import.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = read_content(repo)
    with pytest.raises(InvalidFile) as caught:
        interchange.import_file(repo, path)
    assert read_content(repo) == before
    return caught.value


@pytest.mark.parametrize(("mutation", "path"), list(INVALID.values()), ids=list(INVALID))
def test_invalid_document_is_rejected_at_its_path(
    demo_text: str, target: VaultRepository, tmp_path: Path, mutation: Mutation, path: str
) -> None:
    error = rejected(target, mutated(demo_text, mutation), tmp_path)
    assert error.json_path == path
    assert error.exit_code == 4
    assert str(error).startswith(f"{path}: ")


@pytest.mark.parametrize("document", [[], "text", 42, None, {}], ids=repr)
def test_document_that_is_not_an_interchange_object(
    document: Any, target: VaultRepository, tmp_path: Path
) -> None:
    assert rejected(target, document, tmp_path).json_path == "$"


def test_unknown_place_reference_is_rejected(
    demo_text: str, target: VaultRepository, tmp_path: Path
) -> None:
    doc = mutated(demo_text, _set("place_id", value="no-such-place"))
    error = rejected(target, doc, tmp_path)
    assert error.json_path.endswith("place_id")
    assert error.params == {"name": "Vårgruppa"}


def test_a_place_of_the_target_vault_cannot_be_referred_to(
    demo_text: str, target: VaultRepository, tmp_path: Path
) -> None:
    (own_place,) = read_content(target).places
    doc = mutated(demo_text, _set("place_id", value=own_place.id))
    assert rejected(target, doc, tmp_path).json_path.endswith("place_id")


@pytest.mark.parametrize(
    ("mutation", "duplicate"),
    [
        (_same_id_as_first_group, lambda g: g["id"]),
        (_frame_id_of_another_group, lambda g: g["frames"][2]["id"]),
    ],
    ids=["group", "frame"],
)
def test_duplicate_ids_are_rejected(
    demo_text: str,
    target: VaultRepository,
    tmp_path: Path,
    mutation: Mutation,
    duplicate: Callable[[Doc], str],
) -> None:
    doc = mutated(demo_text, mutation)
    error = rejected(target, doc, tmp_path)
    assert error.json_path.endswith("id")
    assert error.params == {"id": duplicate(doc["groups"][4])}


def test_two_attendance_records_for_one_date_are_rejected(
    demo_text: str, target: VaultRepository, tmp_path: Path
) -> None:
    error = rejected(target, mutated(demo_text, _two_records_for_one_date), tmp_path)
    assert error.json_path.endswith("attendance")
    assert error.params == {"name": "Vårgruppa"}


def test_first_of_two_problems_in_different_groups_is_reported(
    demo_text: str, tmp_path: Path
) -> None:
    doc = json.loads(demo_text)
    doc["groups"][3]["status"] = "paused"
    doc["groups"][1]["open"] = "yes"
    assert rejected(MemoryRepository(), doc, tmp_path).json_path == "$.groups[1].open"


def test_first_problem_is_reported_when_indexes_reach_ten(demo_text: str, tmp_path: Path) -> None:
    doc = json.loads(demo_text)
    doc["groups"][4]["attendance"][9]["present"] = "ni"
    doc["groups"][4]["attendance"][10]["present"] = "ti"
    error = rejected(MemoryRepository(), doc, tmp_path)
    assert error.json_path == "$.groups[4].attendance[9].present"


@pytest.mark.parametrize(
    ("mutation", "path"),
    [
        (_set("place_id", value="no-such-place"), f"{G}.place_id"),
        (_same_id_as_first_group, f"{G}.id"),
    ],
    ids=["place", "id"],
)
def test_reference_problems_name_the_exact_path(
    demo_text: str, tmp_path: Path, mutation: Mutation, path: str
) -> None:
    assert rejected(MemoryRepository(), mutated(demo_text, mutation), tmp_path).json_path == (path)


@pytest.mark.parametrize(
    ("steps", "path"),
    [
        (("schedules", 0, "start"), f"{S}.start"),
        (("schedules", 0, "changes", 2, "new_start"), f"{S}.changes[2].new_start"),
    ],
    ids=["start", "new_start"],
)
def test_time_with_a_trailing_newline_is_invalid_file(
    demo_text: str, tmp_path: Path, steps: tuple[Any, ...], path: str
) -> None:
    doc = mutated(demo_text, _set(*steps, value="19:00\n"))
    assert rejected(MemoryRepository(), doc, tmp_path).json_path == path


def test_nothing_is_half_imported_when_the_last_group_is_bad(
    demo_text: str, target: VaultRepository, tmp_path: Path
) -> None:
    """Four good groups come first; none of them may be written."""
    doc = mutated(demo_text, _too_many_newcomers)
    before = read_content(target)
    rejected(target, doc, tmp_path)
    after = read_content(target)
    assert after == before
    assert [r.group.name for r in after.groups] == ["Egen gruppe"]


def test_missing_file_is_invalid_file(tmp_path: Path) -> None:
    repo = MemoryRepository()
    with pytest.raises(InvalidFile) as caught:
        interchange.import_file(repo, tmp_path / "nowhere.json")
    assert caught.value.json_path == "$"
    assert read_content(repo).is_empty()
