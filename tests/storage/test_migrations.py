"""Schema migrations: every step from every earlier version, and released fixture vaults."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from initiator_desktop.core.content import read_content
from initiator_desktop.exchange.interchange import from_document
from initiator_desktop.storage import connection
from initiator_desktop.storage.migrations import LATEST_VERSION
from initiator_desktop.storage.vault import Vault, migrate, schema_version

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vaults"
PASSPHRASE = "migration-test"


def _schema(conn: object) -> list[tuple[str, str]]:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    )
    return [(name, " ".join(sql.split())) for name, sql in rows]


@pytest.mark.parametrize("start", range(LATEST_VERSION))
def test_migrating_from_each_version_gives_the_fresh_schema(tmp_path: Path, start: int) -> None:
    with Vault.create(tmp_path / "fresh.vault", PASSPHRASE) as fresh:
        expected = _schema(fresh.connection)
    conn = connection.connect(tmp_path / "old.vault", PASSPHRASE, create=True)
    try:
        migrate(conn, target=start)
        assert schema_version(conn) == start
        assert migrate(conn) == start
        assert schema_version(conn) == LATEST_VERSION
        assert _schema(conn) == expected
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_released_fixture_vaults_open_and_keep_their_content(
    tmp_path: Path, version: int
) -> None:
    source = FIXTURES / f"schema-v{version}.vault"
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    keys = source.with_name(source.name + ".keys")
    if keys.exists():  # vaults from schema 2 on have a key file beside them
        shutil.copyfile(keys, copy.with_name(copy.name + ".keys"))
    expected = json.loads((FIXTURES / f"schema-v{version}.json").read_text(encoding="utf-8"))
    with Vault.open(copy, f"fixture-v{version}-passphrase") as vault:
        assert schema_version(vault.connection) == LATEST_VERSION
        # Compared as content: the export format itself moves on between releases.
        assert read_content(vault.repo) == from_document(expected)


def test_schema_4_fixture_keeps_its_records(tmp_path: Path) -> None:
    source = FIXTURES / "schema-v4.vault"
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    shutil.copyfile(source.with_name(source.name + ".keys"), copy.with_name(copy.name + ".keys"))
    with Vault.open(copy, "fixture-v4-passphrase") as vault:
        repo = vault.repo
        groups = {g.name: g.id for g in repo.groups()}
        tuesday = groups["Tirsdagsgruppa"]
        assert [e.kind.value for e in repo.events(tuesday)] == ["started", "handed_over"]
        assert [c.members for c in repo.member_counts(tuesday)] == [7]
        assert {a.kind.value for a in repo.frame_agreements(tuesday)} == {
            "frames", "confidentiality"}
        assert repo.contacts(tuesday) == []
