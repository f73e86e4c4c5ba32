"""The SQLCipher vault: create, reopen, wrong secrets, foreign files, pinned settings."""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from initiator_desktop.core.content import read_content
from initiator_desktop.core.models import Group, Place
from initiator_desktop.exchange.demo import demo_content, fill_with_demo
from initiator_desktop.storage import connection
from initiator_desktop.storage.errors import (
    NotAVault,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    VaultTooNew,
    WrongPassphrase,
)
from initiator_desktop.storage.vault import Vault, check_vault

PASSPHRASE = "correct horse battery"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    path = tmp_path / "groups.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        place = Place(name="Frivilligsentralen")
        vault.repo.save_place(place)
        vault.repo.save_group(Group(name="Tirsdagsgruppa", theme="Sorg", place_id=place.id))
    return path


def test_reopen_keeps_what_was_saved(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        groups = vault.repo.groups()
        assert [g.name for g in groups] == ["Tirsdagsgruppa"]
        assert groups[0].theme == "Sorg"
        assert vault.meta("vault_id")
        assert vault.meta("created_at")


def test_wrong_passphrase_is_reported_and_changes_nothing(vault_path: Path) -> None:
    before = digest(vault_path)
    with pytest.raises(WrongPassphrase) as caught:
        Vault.open(vault_path, "not the passphrase")
    assert caught.value.exit_code == 3
    assert digest(vault_path) == before


@pytest.mark.parametrize("bad", ["", "x" * 10_000_000, "nul\x00inside", "lone \udcff surrogate"])
def test_unusable_passphrases_are_refused_without_touching_the_file(
    vault_path: Path, bad: str
) -> None:
    before = digest(vault_path)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, bad)
    assert digest(vault_path) == before


def test_passphrase_typed_in_either_unicode_form_unlocks(tmp_path: Path) -> None:
    composed = "blåbærsyltetøy på tur"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    Vault.create(tmp_path / "v.vault", decomposed).close()
    Vault.open(tmp_path / "v.vault", composed).close()


def test_create_never_overwrites(vault_path: Path) -> None:
    before = digest(vault_path)
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE)
    assert digest(vault_path) == before


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nowhere.vault", PASSPHRASE)
    assert not (tmp_path / "nowhere.vault").exists()


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda p: p.write_bytes(b""), NotAVault),
        (lambda p: p.write_text('{"format": "initiator-desktop/vault"}\n' * 300), NotAVault),
        (_plain_sqlite, NotAVault),
        (lambda p: p.mkdir(), NotAVault),
    ],
    ids=["empty", "text", "plain-sqlite", "directory"],
)
def test_foreign_files_are_named_and_left_alone(tmp_path: Path, make, error) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.vault"
    make(path)
    before = digest(path) if path.is_file() else None
    with pytest.raises(error) as caught:
        Vault.open(path, PASSPHRASE)
    assert caught.value.exit_code == 5
    if before is not None:
        assert digest(path) == before


def test_a_truncated_vault_is_damaged_not_a_wrong_passphrase(vault_path: Path) -> None:
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[: len(data) - 1000])
    before = digest(vault_path)
    with pytest.raises(VaultDamaged):
        Vault.open(vault_path, PASSPHRASE)
    assert digest(vault_path) == before


def test_check_reports_a_flipped_bit(vault_path: Path) -> None:
    assert check_vault(vault_path, PASSPHRASE).ok
    data = bytearray(vault_path.read_bytes())
    data[connection.PAGE_SIZE + 100] ^= 0x01  # inside page 2
    vault_path.write_bytes(bytes(data))
    report = check_vault(vault_path, PASSPHRASE)
    assert not report.ok
    assert report.cipher_problems


def test_a_vault_from_a_newer_app_is_refused(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.connection.execute("PRAGMA user_version = 99")
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, PASSPHRASE)


def test_connection_settings_are_pinned(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        value = lambda name: connection.pragma_value(vault.connection, name)  # noqa: E731
        assert value("foreign_keys") == 1
        assert value("temp_store") == 2  # MEMORY
        assert value("secure_delete") == 1
        assert value("journal_mode") == "delete"
        assert value("synchronous") == 2  # FULL
        assert str(value("cipher_version")).startswith("4.")
        assert value("kdf_iter") == "256000"


def test_vault_file_holds_no_plaintext(tmp_path: Path) -> None:
    path = tmp_path / "demo.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        fill_with_demo(vault, today=date(2026, 11, 28))
    raw = path.read_bytes()
    content = demo_content(date(2026, 11, 28))
    secrets = [r.group.theme for r in content.groups] + [r.group.name for r in content.groups]
    secrets += [p.name for p in content.places] + [p.address for p in content.places if p.address]
    secrets += [p.access_notes for p in content.places if p.access_notes]
    for secret in secrets:
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in raw, secret
    assert not list(tmp_path.glob("*-journal"))


def test_demo_content_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "demo.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        fill_with_demo(vault, today=date(2026, 11, 28))
        before = read_content(vault.repo)
    with Vault.open(path, PASSPHRASE) as vault:
        assert read_content(vault.repo) == before
