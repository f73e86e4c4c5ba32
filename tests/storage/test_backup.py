"""Encrypted backups: consistent snapshots, restore with either secret, hostile archives."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from initiator_desktop.core.content import read_content
from initiator_desktop.core.models import Attendance, Group
from initiator_desktop.exchange.demo import demo_content, fill_with_demo
from initiator_desktop.exchange.interchange import to_document
from initiator_desktop.storage.backup import restore_backup, rolling_backup, write_backup
from initiator_desktop.storage.errors import (
    NotAVault,
    VaultDamaged,
    VaultExists,
    WrongPassphrase,
    WrongRecoveryKey,
)
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.vault import Vault

PASSPHRASE = "backup passphrase"
TODAY = date(2026, 11, 28)


@pytest.fixture
def vault(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = Vault.create(tmp_path / "live.vault", PASSPHRASE)
    fill_with_demo(opened, today=TODAY)
    yield opened
    opened.close()


def export(vault: Vault) -> dict[str, object]:
    return to_document(read_content(vault.repo))


def test_backup_restores_to_an_identical_export(vault: Vault, tmp_path: Path) -> None:
    write_backup(vault, tmp_path / "b.igbackup")
    restore_backup(tmp_path / "b.igbackup", tmp_path / "other" / "r.vault",
                   passphrase=PASSPHRASE)
    with Vault.open(tmp_path / "other" / "r.vault", PASSPHRASE) as restored:
        assert export(restored) == export(vault)


def test_restore_with_the_recovery_key_sets_a_new_passphrase(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v.vault", PASSPHRASE) as vault:
        recovery = vault.recovery_key
        vault.repo.save_group(Group(name="Onsdagsgruppa"))
        write_backup(vault, tmp_path / "b.igbackup")
    assert recovery
    with pytest.raises(WrongRecoveryKey):
        restore_backup(tmp_path / "b.igbackup", tmp_path / "r.vault", recovery_key=recovery)
    restore_backup(tmp_path / "b.igbackup", tmp_path / "r.vault", recovery_key=recovery,
                   new_passphrase="brand new passphrase")
    with Vault.open(tmp_path / "r.vault", "brand new passphrase") as restored:
        assert [g.name for g in restored.repo.groups()] == ["Onsdagsgruppa"]


def test_backup_made_while_another_thread_writes_is_a_consistent_snapshot(
    vault: Vault, tmp_path: Path
) -> None:
    """The restored vault equals the vault as it was at one instant of the writing."""
    group = vault.repo.groups()[0]
    before = export(vault)
    stop = threading.Event()
    writer_vault = Vault.open(vault.path, PASSPHRASE)
    written: list[date] = []

    def keep_writing() -> None:
        day = date(2030, 1, 1)
        while not stop.is_set():
            writer_vault.repo.save_attendance(group.id, Attendance(day, present=5))
            written.append(day)
            day += timedelta(days=1)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.001)
        write_backup(vault, tmp_path / "busy.igbackup")
    finally:
        stop.set()
        writer.join()
        writer_vault.close()
    restore_backup(tmp_path / "busy.igbackup", tmp_path / "r.vault", passphrase=PASSPHRASE)
    with Vault.open(tmp_path / "r.vault", PASSPHRASE) as restored:
        snapshot = export(restored)
        new_days = sorted(a.meeting_date for a in restored.repo.attendance(group.id)
                          if a.meeting_date.year >= 2030)
    # Exactly a prefix of what the writer wrote: no gaps, nothing half-written.
    assert new_days == written[: len(new_days)]
    assert len(new_days) >= 20
    expected = json.loads(json.dumps(before))
    for doc in expected["groups"]:
        if doc["id"] == group.id:
            doc["attendance"] += [
                {"date": d.isoformat(), "present": 5, "newcomers": 0, "notified_absent": 0}
                for d in new_days
            ]
    assert snapshot == expected


def test_wrong_passphrase_and_existing_target_are_refused(vault: Vault, tmp_path: Path) -> None:
    write_backup(vault, tmp_path / "b.igbackup")
    with pytest.raises(WrongPassphrase):
        restore_backup(tmp_path / "b.igbackup", tmp_path / "r.vault", passphrase="nope")
    assert not (tmp_path / "r.vault").exists()
    with pytest.raises(VaultExists):
        restore_backup(tmp_path / "b.igbackup", vault.path, passphrase=PASSPHRASE)


def test_replace_sets_the_old_files_aside(vault: Vault, tmp_path: Path) -> None:
    write_backup(vault, tmp_path / "b.igbackup")
    target = tmp_path / "t.vault"
    Vault.create(target, "other passphrase").close()
    restore_backup(tmp_path / "b.igbackup", target, passphrase=PASSPHRASE,
                   replace_existing=True)
    Vault.open(target, PASSPHRASE).close()
    assert len(list(tmp_path.glob("t.vault.replaced-*"))) == 1
    assert len(list(tmp_path.glob("t.vault.keys.replaced-*"))) == 1


def test_restore_recovers_a_lost_data_file(vault: Vault, tmp_path: Path) -> None:
    write_backup(vault, tmp_path / "b.igbackup")
    expected = export(vault)
    vault.close()
    vault.path.write_bytes(b"")
    restore_backup(tmp_path / "b.igbackup", vault.path, passphrase=PASSPHRASE,
                   replace_existing=True)
    with Vault.open(vault.path, PASSPHRASE) as restored:
        assert export(restored) == expected


def _rewrite(source: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        members = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        for name, data in change(members).items():
            zout.writestr(name, data)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda m: {**m, "../evil": b"x"}, NotAVault),
        (lambda m: {k: v for k, v in m.items() if k != "vault.keys"}, NotAVault),
        (lambda m: {**m, "vault.db": m["vault.db"][:5000]}, VaultDamaged),
        (lambda m: {**m, "manifest.json": json.dumps(
            {**json.loads(m["manifest.json"]), "vault_id": "other"}).encode()}, VaultDamaged),
        (lambda m: {**m, "vault.db": bytes(8192)}, VaultDamaged),
    ],
    ids=["traversal-member", "missing-member", "truncated-db", "mismatched", "zeroed-db"],
)
def test_hostile_or_damaged_backups_are_refused(  # type: ignore[no-untyped-def]
    vault: Vault, tmp_path: Path, change, error
) -> None:
    good = tmp_path / "good.igbackup"
    write_backup(vault, good)
    bad = tmp_path / "bad.igbackup"
    _rewrite(good, bad, change)
    with pytest.raises(error):
        restore_backup(bad, tmp_path / "r.vault", passphrase=PASSPHRASE)
    assert not (tmp_path / "r.vault").exists()
    assert not key_file_path(tmp_path / "r.vault").exists()


def test_not_a_zip_is_not_a_backup(tmp_path: Path) -> None:
    (tmp_path / "x.igbackup").write_text("hello")
    with pytest.raises(NotAVault):
        restore_backup(tmp_path / "x.igbackup", tmp_path / "r.vault", passphrase=PASSPHRASE)


def test_rolling_backups_keep_the_newest(vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "rolling"
    made = [rolling_backup(vault, folder, keep=3) for _ in range(5)]
    kept = sorted((folder / vault.keys.vault_id).glob("*.igbackup"))
    assert kept == sorted(p for p in made[-3:] if p)
    assert rolling_backup(vault, folder, keep=0) is None


def test_backups_hold_no_plaintext(vault: Vault, tmp_path: Path) -> None:
    write_backup(vault, tmp_path / "b.igbackup")
    raw = (tmp_path / "b.igbackup").read_bytes()
    for record in demo_content(TODAY).groups:
        assert record.group.theme.encode() not in raw
        assert record.group.name.encode() not in raw
