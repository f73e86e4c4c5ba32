"""The CLI end to end, through real subprocesses: commands, messages and every exit code."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "e2e passphrase 123"


def run(*args: str, passphrase: str | None = PASSPHRASE,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "INITIATOR_PASSPHRASE"}
    environment.update(LANG="C.UTF-8", LANGUAGE="en")
    if passphrase is not None:
        environment["INITIATOR_PASSPHRASE"] = passphrase
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "initiator_desktop", *args],
        capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=60,
    )


def with_keys(source: Path, target: Path) -> None:
    """Give ``target`` a copy of ``source``'s key file, as a copied vault would have."""
    keys = source.with_name(source.name + ".keys")
    target.with_name(target.name + ".keys").write_bytes(keys.read_bytes())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.vault"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("initiator-desktop 0.1.0")
    for command in ("init", "demo", "import", "export", "check"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "Exit codes" in result.stdout
        assert "INITIATOR_PASSPHRASE" in result.stdout


def test_export_import_export_round_trip(demo_vault: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    assert run("export", str(demo_vault), str(first)).returncode == 0
    fresh = tmp_path / "fresh.vault"
    assert run("init", str(fresh)).returncode == 0
    imported = run("import", str(fresh), str(first))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 5 groups." in imported.stdout
    second = tmp_path / "second.json"
    assert run("export", str(fresh), str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(json.loads(first.read_text(encoding="utf-8"))["groups"]) == 5


def test_export_to_stdout(demo_vault: Path) -> None:
    result = run("export", str(demo_vault), "-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["format"] == "initiator-desktop/vault"


def test_check_healthy_vault(demo_vault: Path) -> None:
    result = run("check", str(demo_vault))
    assert result.returncode == 0
    assert "The vault is healthy." in result.stdout


def test_exit_1_when_the_operation_fails(demo_vault: Path) -> None:
    before = digest(demo_vault)
    result = run("init", str(demo_vault))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert digest(demo_vault) == before


def test_exit_1_when_importing_content_twice(demo_vault: Path, tmp_path: Path) -> None:
    exported = tmp_path / "again.json"
    assert run("export", str(demo_vault), str(exported)).returncode == 0
    before = digest(demo_vault)
    result = run("import", str(demo_vault), str(exported))
    assert result.returncode == 1
    assert digest(demo_vault) == before


def test_exit_2_for_usage_errors(demo_vault: Path) -> None:
    assert run("export").returncode == 2
    assert run("frobnicate", str(demo_vault)).returncode == 2
    no_secret = run("check", str(demo_vault), passphrase=None)
    assert no_secret.returncode == 2
    assert "INITIATOR_PASSPHRASE" in no_secret.stderr


def test_exit_3_for_a_wrong_passphrase_without_sqlcipher_noise(demo_vault: Path) -> None:
    before = digest(demo_vault)
    result = run("check", str(demo_vault), passphrase="wrong")
    assert result.returncode == 3
    assert "passphrase is not right" in result.stderr
    assert "hmac" not in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert digest(demo_vault) == before


def test_messages_follow_the_language(demo_vault: Path) -> None:
    result = run("--lang", "nb", "check", str(demo_vault), passphrase="wrong")
    assert result.returncode == 3
    assert "passphrase is not right" not in result.stderr
    english = run("--lang", "en", "check", str(demo_vault), passphrase="wrong")
    assert "passphrase is not right" in english.stderr


@pytest.mark.parametrize(
    ("content", "path"),
    [
        (b'{"format": "initiator-desktop/vault", "format_version": 1, "places": [],'
         b' "groups": [{"id": "g", "name": "x", "status": "unknown"}]}', "$.groups[0].status"),
        (b'{"a": NaN}', "$.a"),
        (b'{"a": 1, "a": 2}', "$"),
        (b"[" * 50_000, "$"),
        (b"\xff\xfe not utf-8", "$"),
    ],
    ids=["schema", "nan", "duplicate-key", "deep", "encoding"],
)
def test_exit_4_for_invalid_input_files(
    demo_vault: Path, tmp_path: Path, content: bytes, path: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = digest(demo_vault)
    result = run("import", str(demo_vault), str(bad))
    assert result.returncode == 4, result.stderr
    assert path in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(demo_vault) == before


@pytest.mark.parametrize("kind", ["empty", "text", "truncated", "missing", "directory"])
def test_exit_5_for_damaged_or_foreign_files(demo_vault: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.vault"
    if kind == "empty":
        target.write_bytes(b"")
    elif kind == "text":
        target.write_text("just some notes\n" * 400)
    elif kind == "truncated":
        target.write_bytes(demo_vault.read_bytes()[:10_000])
        with_keys(demo_vault, target)
    elif kind == "directory":
        target.mkdir()
    result = run("check", str(target))
    assert result.returncode == 5, result.stderr
    assert "Traceback" not in result.stderr
    if target.is_file():
        assert target.stat().st_size in (0, 10_000, 6400)


def test_exit_5_from_check_on_a_flipped_bit(demo_vault: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "flipped.vault"
    data = bytearray(demo_vault.read_bytes())
    data[3 * 4096 + 77] ^= 0x10
    damaged.write_bytes(bytes(data))
    with_keys(demo_vault, damaged)
    result = run("check", str(damaged))
    assert result.returncode == 5
    assert "damaged" in result.stderr
