"""Damage found only while reading, lost key files, use after lock, hostile manifests."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from initiator_desktop import cli
from initiator_desktop.core.models import Group
from initiator_desktop.exchange.demo import fill_with_demo
from initiator_desktop.storage.backup import restore_backup, write_backup
from initiator_desktop.storage.errors import KeyFileMissing, StorageFailed, VaultDamaged
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.vault import Vault

PASSPHRASE = "review fixes passphrase"


@pytest.fixture
def demo_vault(tmp_path: Path) -> Path:
    path = tmp_path / "demo.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        fill_with_demo(vault, today=date(2026, 11, 28))
    return path


def test_a_damaged_page_met_while_exporting_exits_5_without_a_traceback(
    demo_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("INITIATOR_PASSPHRASE", PASSPHRASE)
    data = demo_vault.read_bytes()
    codes = set()
    for page in range(1, len(data) // 4096):
        copy = tmp_path / f"p{page}.vault"
        damaged = bytearray(data)
        damaged[page * 4096 + 100] ^= 0x20
        copy.write_bytes(bytes(damaged))
        key_file_path(copy).write_bytes(key_file_path(demo_vault).read_bytes())
        codes.add(cli.run(["--lang", "en", "export", str(copy), "-"]))
    assert codes <= {0, 5}
    assert 5 in codes
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_key_file_is_named_not_blamed_on_the_passphrase(demo_vault: Path) -> None:
    key_file_path(demo_vault).unlink()
    with pytest.raises(KeyFileMissing) as caught:
        Vault.open(demo_vault, PASSPHRASE)
    assert caught.value.exit_code == 5


def test_secrets_cannot_be_changed_after_the_vault_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "v.vault"
    vault = Vault.create(path, PASSPHRASE)
    vault.repo.save_group(Group(name="Fredagsgruppa"))
    vault.close()
    with pytest.raises(StorageFailed):
        vault.change_passphrase("another passphrase")
    with pytest.raises(StorageFailed):
        vault.renew_recovery_key()
    Vault.open(path, PASSPHRASE).close()


@pytest.mark.parametrize(
    "manifest",
    [b"[" * 60_000, json.dumps({"format": "initiator-desktop/backup", "version": 1,
                                "schema_version": "abc"}).encode()],
    ids=["deep", "bad-version"],
)
def test_hostile_manifests_are_refused_before_anything_moves(
    demo_vault: Path, tmp_path: Path, manifest: bytes
) -> None:
    with Vault.open(demo_vault, PASSPHRASE) as vault:
        write_backup(vault, tmp_path / "good.igbackup")
        vault_id = vault.keys.vault_id
    bad = tmp_path / "bad.igbackup"
    with zipfile.ZipFile(tmp_path / "good.igbackup") as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "manifest.json":
                data = manifest.replace(b'"version": 1', f'"version": 1, "vault_id": '
                                        f'"{vault_id}"'.encode())
            zout.writestr(info.filename, data)
    before = demo_vault.read_bytes()
    with pytest.raises(VaultDamaged):
        restore_backup(bad, demo_vault, passphrase=PASSPHRASE, replace_existing=True)
    assert demo_vault.read_bytes() == before
    assert not list(tmp_path.glob("*.replaced-*"))
