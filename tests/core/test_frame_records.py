"""Contract of FrameRecords: the in-memory fake and the SQLCipher vault behave alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.frame_library import Preset
from initiator_desktop.core.frame_profiles import FrameProfile, ProfileItem, profile_from_preset
from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement, FrameChange
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import FrameItem, FrameKind, FrameText, Group
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.storage.errors import VaultDamaged
from initiator_desktop.storage.repository import SqlRepository
from initiator_desktop.storage.vault import Vault

OSLO = ZoneInfo("Europe/Oslo")
FRAMES, CONFIDENTIALITY = AgreementKind.FRAMES, AgreementKind.CONFIDENTIALITY


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


@pytest.fixture
def group_id(repo: VaultRepository) -> str:
    group = Group(name="Tirsdagsgruppa")
    repo.save_group(group)
    return group.id


def item(title: str, **texts: str) -> FrameItem:
    words = {"nb": FrameText(title, "Forklaring.")} | {
        code: FrameText(text) for code, text in texts.items()}
    return FrameItem(FrameKind.PRACTICAL, words, source_key="closed_group")


def profile(name: str = "LINK Oslo", version: str = "2") -> FrameProfile:
    items = (
        ProfileItem(FrameKind.PRACTICAL, {"nb": FrameText("Lukket gruppe", "Ingen nye.")},
                    library_key="closed_group"),
        ProfileItem(FrameKind.CUSTOM, {"en": FrameText("Phones off", ""),
                                       "nn": FrameText("Telefonen av", "Heilt av.")}),
    )
    return FrameProfile(name=name, version=version, items=items)


# -- agreements ------------------------------------------------------------------------------
def test_agreements_round_trip_in_day_order(repo: VaultRepository, group_id: str) -> None:
    later = FrameAgreement(FRAMES, date(2026, 3, 10), 6)
    secret = FrameAgreement(CONFIDENTIALITY, date(2026, 3, 3))
    first = FrameAgreement(FRAMES, date(2026, 3, 3), 5)
    for agreement in (later, secret, first):
        repo.save_frame_agreement(group_id, agreement)
    assert repo.frame_agreements(group_id) == [first, secret, later]
    assert repo.frame_agreements("other") == []


def test_same_kind_on_the_same_day_replaces(repo: VaultRepository, group_id: str) -> None:
    repo.save_frame_agreement(group_id, FrameAgreement(FRAMES, date(2026, 3, 3), 5))
    repo.save_frame_agreement(group_id, FrameAgreement(FRAMES, date(2026, 3, 3)))
    assert repo.frame_agreements(group_id) == [FrameAgreement(FRAMES, date(2026, 3, 3), None)]


def test_agreement_can_be_deleted(repo: VaultRepository, group_id: str) -> None:
    keep = FrameAgreement(CONFIDENTIALITY, date(2026, 3, 3))
    repo.save_frame_agreement(group_id, keep)
    repo.save_frame_agreement(group_id, FrameAgreement(FRAMES, date(2026, 3, 3)))
    repo.delete_frame_agreement(group_id, FRAMES, date(2026, 3, 3))
    repo.delete_frame_agreement(group_id, FRAMES, date(2020, 1, 1))  # nothing there: no error
    assert repo.frame_agreements(group_id) == [keep]


def test_agreement_for_an_unknown_group_is_refused(repo: VaultRepository) -> None:
    with pytest.raises(DomainError):
        repo.save_frame_agreement("missing", FrameAgreement(FRAMES, date(2026, 3, 3)))
    with pytest.raises(DomainError):
        repo.add_frame_change("missing", FrameChange(datetime.now(UTC), ()))


@pytest.mark.parametrize("count", [0, -1, 201, True, 2.5, "5"])
def test_agreement_counts_outside_the_range_are_refused(count: object) -> None:
    with pytest.raises(DomainError) as caught:
        FrameAgreement(FRAMES, date(2026, 3, 3), count)  # type: ignore[arg-type]
    assert caught.value.field == "agreed_count"


def test_agreement_has_no_place_for_names() -> None:
    assert set(FrameAgreement.__dataclass_fields__) == {"kind", "agreed_on", "agreed_count"}
    with pytest.raises(DomainError):
        FrameAgreement("signed by Kari", date(2026, 3, 3))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        FrameAgreement(FRAMES, datetime(2026, 3, 3, 12))


# -- changes ---------------------------------------------------------------------------------
def test_changes_round_trip_oldest_first_in_utc(repo: VaultRepository, group_id: str) -> None:
    # 02:30 summer time is before 02:10 winter time on the night the clocks go back.
    summer = datetime(2026, 10, 25, 0, 30, 0, 250, tzinfo=UTC).astimezone(OSLO)
    winter = datetime(2026, 10, 25, 1, 10, tzinfo=UTC).astimezone(OSLO)
    assert (summer.hour, summer.minute, winter.hour, winter.minute) == (2, 30, 2, 10)
    one = FrameChange(winter, (item("Lukket gruppe", en="A closed group"),))
    two = FrameChange(summer, (item("Fast tid"), item("Taushet")))
    repo.add_frame_change(group_id, one)
    repo.add_frame_change(group_id, two)
    found = repo.frame_changes(group_id)
    assert found == [two, one]
    assert found[0].changed_at.tzinfo is UTC
    assert found[1].items[0].texts["en"] == FrameText("A closed group")
    assert found[0].changed_at.microsecond == summer.microsecond


def test_a_second_change_at_the_same_instant_is_refused(
    repo: VaultRepository, group_id: str
) -> None:
    when = datetime(2026, 3, 3, 18, 0, 0, 123456, tzinfo=OSLO)
    repo.add_frame_change(group_id, FrameChange(when, (item("A"),)))
    with pytest.raises(DomainError):
        repo.add_frame_change(group_id, FrameChange(when.astimezone(UTC), (item("B"),)))
    assert len(repo.frame_changes(group_id)) == 1


def test_change_needs_an_aware_time_and_unique_items() -> None:
    with pytest.raises(DomainError):
        FrameChange(datetime(2026, 3, 3, 18), ())
    one = item("A")
    with pytest.raises(DomainError):
        FrameChange(datetime.now(UTC), (one, one))


# -- cascade and rollback --------------------------------------------------------------------
def test_deleting_the_group_drops_its_agreements_and_history(
    repo: VaultRepository, group_id: str
) -> None:
    other = Group(name="Onsdagsringen")
    repo.save_group(other)
    for gid in (group_id, other.id):
        repo.save_frame_agreement(gid, FrameAgreement(FRAMES, date(2026, 3, 3)))
        repo.add_frame_change(gid, FrameChange(datetime.now(UTC), (item("A"),)))
    repo.save_frame_profile(profile())
    repo.delete_group(group_id)
    assert repo.frame_agreements(group_id) == []
    assert repo.frame_changes(group_id) == []
    assert len(repo.frame_agreements(other.id)) == 1
    assert len(repo.frame_changes(other.id)) == 1
    assert len(repo.frame_profiles()) == 1  # profiles belong to the vault, not the group


def test_a_failed_transaction_leaves_nothing(repo: VaultRepository, group_id: str) -> None:
    kept = profile("Kept")
    repo.save_frame_profile(kept)
    with pytest.raises(RuntimeError), repo.transaction():
        repo.save_frame_agreement(group_id, FrameAgreement(FRAMES, date(2026, 3, 3)))
        repo.add_frame_change(group_id, FrameChange(datetime.now(UTC), (item("A"),)))
        repo.save_frame_profile(profile("Lost"))
        repo.save_frame_profile(replace(kept, name="Renamed"))
        raise RuntimeError("power cut")
    assert repo.frame_agreements(group_id) == []
    assert repo.frame_changes(group_id) == []
    assert repo.frame_profiles() == [kept]


# -- profiles --------------------------------------------------------------------------------
def test_profiles_round_trip_in_name_order(repo: VaultRepository) -> None:
    sn = profile_from_preset("selvhjelp", Preset.SN)
    link = profile("LINK Oslo", "2026.1")
    other = profile("Frivilligsentralen", "1")
    for p in (sn, link, other):
        repo.save_frame_profile(p)
    assert [p.name for p in repo.frame_profiles()] == ["Frivilligsentralen", "LINK Oslo",
                                                       "selvhjelp"]
    assert repo.frame_profile(sn.id) == sn
    assert repo.frame_profile(link.id) == link
    assert repo.frame_profile("missing") is None


def test_saving_a_profile_again_replaces_it(repo: VaultRepository) -> None:
    first = profile()
    repo.save_frame_profile(first)
    renamed = replace(first, name="LINK Lyngen", version="3", items=first.items[:1])
    repo.save_frame_profile(renamed)
    assert repo.frame_profiles() == [renamed]
    repo.delete_frame_profile(first.id)
    repo.delete_frame_profile(first.id)
    assert repo.frame_profiles() == []


# -- damage (SQLCipher only) -----------------------------------------------------------------
@pytest.mark.parametrize("document", [
    "not json", "[]", '{"items": 3}', '{"items": [1]}',
    '{"items": [{"kind": "practical", "library_key": "", "texts": {}}]}',
    '{"items": [{"kind": "odd", "library_key": "", "texts": {"nb": {"title": "A", "body": ""}}}]}',
    '{"items": [{"kind": "custom", "library_key": "", "texts": {"nb": {"title": 5, "body": ""}}}]}',
])
def test_nonsense_in_the_vault_is_reported_as_damage(tmp_path: Path, document: str) -> None:
    with Vault.create(tmp_path / "d.vault", "contract-passphrase") as vault:
        repo: SqlRepository = vault.repo
        repo._write("INSERT INTO frame_profiles (id, name, version, document)"
                    " VALUES ('p', 'P', '1', ?)", (document,))
        with pytest.raises(VaultDamaged):
            repo.frame_profiles()
        group = Group(name="G")
        repo.save_group(group)
        repo._write("INSERT INTO frame_changes (group_id, changed_at, snapshot)"
                    " VALUES (?, 'yesterday', '{}')", (group.id,))
        with pytest.raises(VaultDamaged):
            repo.frame_changes(group.id)
        repo._write("INSERT INTO frame_agreements (group_id, kind, agreed_on)"
                    " VALUES (?, 'frames', 'someday')", (group.id,))
        with pytest.raises(VaultDamaged):
            repo.frame_agreements(group.id)
