"""Key management: the key file, recovery keys, passphrase changes and legacy upgrades."""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

import pytest

from initiator_desktop.core.models import Group
from initiator_desktop.storage import connection, keyslots
from initiator_desktop.storage.errors import (
    VaultDamaged,
    VaultDataMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from initiator_desktop.storage.keyslots import key_file_path
from initiator_desktop.storage.recovery_key import RecoveryKeyTypo, parse_recovery_key
from initiator_desktop.storage.vault import Vault, check_vault, migrate

PASSPHRASE = "first passphrase"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def created(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "keys.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.repo.save_group(Group(name="Tirsdagsgruppa", theme="Angst"))
        assert vault.recovery_key is not None
        return path, vault.recovery_key


def test_creation_makes_a_key_file_and_a_recovery_key(created: tuple[Path, str]) -> None:
    path, recovery = created
    assert re.fullmatch(r"(\d{6}-){7}\d{6}", recovery)
    document = json.loads(key_file_path(path).read_text())
    assert set(document["slots"]) == {"passphrase", "recovery"}
    assert document["initialised"] is True
    assert "Angst" not in key_file_path(path).read_text()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.recovery_key is None  # shown once, at creation only
        assert [g.name for g in vault.repo.groups()] == ["Tirsdagsgruppa"]


def test_recovery_key_opens_and_demands_a_new_passphrase(created: tuple[Path, str]) -> None:
    path, recovery = created
    with Vault.open_with_recovery_key(path, recovery.replace("-", " ")) as vault:
        assert vault.must_change_passphrase
        vault.change_passphrase("second passphrase")
        assert not vault.must_change_passphrase
    Vault.open(path, "second passphrase").close()
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)


def test_a_mistyped_group_is_named(created: tuple[Path, str]) -> None:
    path, recovery = created
    groups = recovery.split("-")
    groups[4] = f"{(int(groups[4]) + 1) % 1_000_000:06d}"
    with pytest.raises(RecoveryKeyTypo) as caught:
        Vault.open_with_recovery_key(path, "-".join(groups))
    assert caught.value.group == 5


def test_a_wrong_but_well_formed_recovery_key_is_refused(created: tuple[Path, str]) -> None:
    path, _ = created
    before = digest(path), digest(key_file_path(path))
    with pytest.raises(WrongRecoveryKey) as caught:
        Vault.open_with_recovery_key(path, "-".join(["000011"] * 8))
    assert caught.value.exit_code == 3
    assert (digest(path), digest(key_file_path(path))) == before


def test_recovery_key_round_trips_its_secret() -> None:
    from initiator_desktop.storage.recovery_key import format_recovery_key

    secret = bytes(range(16))
    assert parse_recovery_key(format_recovery_key(secret)) == secret
    assert parse_recovery_key(format_recovery_key(secret).replace("-", "")) == secret


def test_changing_the_passphrase_does_not_rewrite_the_database(
    created: tuple[Path, str],
) -> None:
    path, recovery = created
    before = digest(path)
    with Vault.open(path, PASSPHRASE) as vault:
        vault.change_passphrase("new one")
    assert digest(path) == before
    Vault.open(path, "new one").close()
    Vault.open_with_recovery_key(path, recovery).close()  # the recovery key still works


def test_renewing_the_recovery_key_retires_the_old_one(created: tuple[Path, str]) -> None:
    path, old = created
    with Vault.open(path, PASSPHRASE) as vault:
        new = vault.renew_recovery_key()
    assert new != old
    with pytest.raises(WrongRecoveryKey):
        Vault.open_with_recovery_key(path, old)
    Vault.open_with_recovery_key(path, new).close()


def test_verify_passphrase(created: tuple[Path, str]) -> None:
    path, _ = created
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.verify_passphrase(PASSPHRASE)
        assert not vault.verify_passphrase("something else")


@pytest.mark.parametrize("size", ["missing", "empty"])
def test_lost_data_file_is_never_reinitialised(created: tuple[Path, str], size: str) -> None:
    path, _ = created
    if size == "missing":
        path.unlink()
    else:
        path.write_bytes(b"")
    with pytest.raises(VaultDataMissing) as caught:
        Vault.open(path, PASSPHRASE)
    assert caught.value.exit_code == 5
    assert (not path.exists()) if size == "missing" else path.stat().st_size == 0
    with pytest.raises(VaultDataMissing):
        check_vault(path, PASSPHRASE)


def test_damaged_data_file_is_not_called_a_wrong_passphrase(created: tuple[Path, str]) -> None:
    path, _ = created
    data = bytearray(path.read_bytes())
    data[200] ^= 0x40  # page 1, which every open reads
    path.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        Vault.open(path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, "wrong passphrase")


def test_a_data_file_from_another_vault_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.vault", tmp_path / "b.vault"
    Vault.create(first, PASSPHRASE).close()
    Vault.create(second, PASSPHRASE).close()
    second.write_bytes(first.read_bytes())
    with pytest.raises(VaultDamaged):
        Vault.open(second, PASSPHRASE)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["slots"]["passphrase"].update(memory_kib=2**40),
        lambda d: d["slots"]["passphrase"].update(iterations=10**9),
        lambda d: d["slots"]["passphrase"].update(parallelism=0),
        lambda d: d["slots"]["passphrase"].update(salt="AA=="),
        lambda d: d["slots"]["passphrase"].update(kdf="md5"),
        lambda d: d.update(format="something"),
        lambda d: d["slots"].pop("passphrase"),
    ],
    ids=["memory", "iterations", "lanes", "salt", "kdf", "format", "no-slot"],
)
def test_tampered_key_files_are_refused_before_deriving(
    created: tuple[Path, str], tamper  # type: ignore[no-untyped-def]
) -> None:
    path, _ = created
    keys = key_file_path(path)
    document = json.loads(keys.read_text())
    tamper(document)
    keys.write_text(json.dumps(document))
    started = time.perf_counter()
    with pytest.raises(VaultDamaged):
        Vault.open(path, PASSPHRASE)
    assert time.perf_counter() - started < 5  # no giant allocation happened


def test_a_flipped_bit_in_the_wrapped_key_is_not_accepted(created: tuple[Path, str]) -> None:
    path, _ = created
    keys = key_file_path(path)
    document = json.loads(keys.read_text())
    wrapped = bytearray(keyslots._unb64(document["slots"]["passphrase"]["wrapped_key"]))
    wrapped[3] ^= 1
    document["slots"]["passphrase"]["wrapped_key"] = keyslots._b64(bytes(wrapped))
    keys.write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)


def _legacy_vault(path: Path, passphrase: str) -> None:
    """A vault as the first release made it: SQLCipher keyed by the passphrase itself."""
    conn = connection.connect(path, passphrase, create=True)
    migrate(conn)
    conn.execute("INSERT INTO meta VALUES ('vault_id', 'legacy-id'), ('created_at', 'x')")
    conn.execute("INSERT INTO groups (id, name, theme, tradition, is_open, status,"
                 " initiator_meetings) VALUES ('g', 'Gamle', 'Sorg', 'sn', 0, 'planned', 3)")
    conn.close()


def test_legacy_vaults_are_upgraded_to_a_key_file(tmp_path: Path) -> None:
    path = tmp_path / "old.vault"
    _legacy_vault(path, PASSPHRASE)
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.recovery_key is not None  # a recovery key was made: show it
        assert [g.name for g in vault.repo.groups()] == ["Gamle"]
        recovery = vault.recovery_key
    assert key_file_path(path).exists()
    with pytest.raises(WrongPassphrase):
        connection.connect(path, PASSPHRASE)  # now keyed by the data key
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.recovery_key is None
    Vault.open_with_recovery_key(path, recovery).close()
    assert check_vault(path, PASSPHRASE).ok


def test_an_interrupted_legacy_upgrade_is_finished(tmp_path: Path) -> None:
    """Crash after the pending key file was written but before the database was rekeyed."""
    path = tmp_path / "old.vault"
    _legacy_vault(path, PASSPHRASE)
    from initiator_desktop.storage import vault as vault_module

    data_key = bytes(range(32))
    slots, _ = vault_module._new_slots(data_key, PASSPHRASE, "legacy-id")
    keyslots.write_key_file(key_file_path(path), keyslots.KeyFile(
        vault_id="legacy-id", created_at="x", slots=slots, legacy_rekey_pending=True))
    with Vault.open(path, PASSPHRASE) as vault:
        assert [g.name for g in vault.repo.groups()] == ["Gamle"]
    assert json.loads(key_file_path(path).read_text())["legacy_rekey_pending"] is False
    connection.connect(path, data_key).close()


@pytest.mark.real_kdf
def test_production_kdf_parameters_are_stored_and_strong(tmp_path: Path) -> None:
    path = tmp_path / "real.vault"
    Vault.create(path, PASSPHRASE).close()
    slot = json.loads(key_file_path(path).read_text())["slots"]["passphrase"]
    assert slot["memory_kib"] >= 64 * 1024 and slot["iterations"] >= 3
    assert slot["parallelism"] == 4
    assert (slot["memory_kib"], slot["iterations"]) == (
        keyslots.PASSPHRASE_KDF.memory_kib, keyslots.PASSPHRASE_KDF.iterations)
    Vault.open(path, PASSPHRASE).close()
