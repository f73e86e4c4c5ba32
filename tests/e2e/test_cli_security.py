"""CLI security paths: bad secrets, backup and restore, passphrase change."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "security e2e passphrase"


def run(*args: str, env: dict[str, str | bytes] | None = None) -> subprocess.CompletedProcess[str]:
    environment: dict[bytes, bytes] = {
        k: v for k, v in os.environb.items()
        if not k.startswith(b"INITIATOR_") and k not in (b"LANGUAGE", b"LANG")
    }
    environment[b"LANG"] = b"C.UTF-8"
    environment[b"LANGUAGE"] = b"en"
    for key, value in (env or {}).items():
        environment[key.encode()] = value if isinstance(value, bytes) else value.encode()
    return subprocess.run(
        [sys.executable, "-m", "initiator_desktop", *args], capture_output=True, text=True,
        env=environment, stdin=subprocess.DEVNULL, timeout=120,
    )


def fingerprint(vault: Path) -> tuple[str, str]:
    keys = vault.with_name(vault.name + ".keys")
    return tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in (vault, keys))  # type: ignore[return-value]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("sec") / "v.vault"
    result = run("init", str(path), env={"INITIATOR_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    recovery = result.stdout.strip().splitlines()[-1].strip()
    assert len(recovery.split("-")) == 8
    return path, recovery


@pytest.mark.parametrize(
    "secret",
    [b"wrong passphrase", b"", b"x" * 100_000, b"caf\xe9 latin-1"],
    ids=["wrong", "empty", "100k", "not-utf8"],
)
def test_bad_passphrases_exit_3_and_change_nothing(
    vault: tuple[Path, str], secret: bytes
) -> None:
    path, _ = vault
    before = fingerprint(path)
    result = run("check", str(path), env={"INITIATOR_PASSPHRASE": secret})
    assert result.returncode == 3, result.stderr
    assert "passphrase is not right" in result.stderr
    assert "Traceback" not in result.stderr
    assert "hmac" not in result.stderr.lower()
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    ("recovery", "text"),
    [("000011-" * 7 + "000011", "recovery key is not right"),
     ("123456-" * 7 + "123456", "Block 1 of the recovery key")],
    ids=["wrong", "typo"],
)
def test_bad_recovery_keys_exit_3(vault: tuple[Path, str], recovery: str, text: str) -> None:
    path, _ = vault
    before = fingerprint(path)
    result = run("passwd", "--recovery-key", str(path), env={
        "INITIATOR_RECOVERY_KEY": recovery, "INITIATOR_NEW_PASSPHRASE": "whatever new"})
    assert result.returncode == 3, result.stderr
    assert text in result.stderr
    assert fingerprint(path) == before


def test_backup_restore_and_passwd(vault: tuple[Path, str], tmp_path: Path) -> None:
    path, recovery = vault
    secret = {"INITIATOR_PASSPHRASE": PASSPHRASE}
    backup = tmp_path / "v.igbackup"
    assert run("backup", str(path), str(backup), env=secret).returncode == 0
    restored = tmp_path / "restored.vault"
    result = run("restore", str(backup), str(restored), env=secret)
    assert result.returncode == 0, result.stderr
    assert run("check", str(restored), env=secret).returncode == 0
    again = run("restore", str(backup), str(restored), env=secret)
    assert again.returncode == 1
    by_recovery = tmp_path / "by-recovery.vault"
    result = run("restore", "--recovery-key", str(backup), str(by_recovery), env={
        "INITIATOR_RECOVERY_KEY": recovery, "INITIATOR_NEW_PASSPHRASE": "after recovery"})
    assert result.returncode == 0, result.stderr
    assert run("check", str(by_recovery),
               env={"INITIATOR_PASSPHRASE": "after recovery"}).returncode == 0
    changed = run("passwd", str(restored), env={**secret,
                                                "INITIATOR_NEW_PASSPHRASE": "changed one"})
    assert changed.returncode == 0, changed.stderr
    assert run("check", str(restored), env=secret).returncode == 3
    assert run("check", str(restored), env={"INITIATOR_PASSPHRASE": "changed one"}).returncode == 0


def test_restore_of_a_non_backup_exits_5(tmp_path: Path) -> None:
    fake = tmp_path / "fake.igbackup"
    fake.write_text("not a zip")
    result = run("restore", str(fake), str(tmp_path / "r.vault"),
                 env={"INITIATOR_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 5
    assert not (tmp_path / "r.vault").exists()


def test_full_disk_is_a_clear_failure(vault: tuple[Path, str], tmp_path: Path) -> None:
    """A backup onto a file system that is too small: exit 1, nothing half-written."""
    path, _ = vault
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    # RLIMIT_FSIZE makes every write past 16 KiB fail, as a full disk does, without root.
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384)); "
        "from initiator_desktop.__main__ import main; sys.exit(main(sys.argv[1:]))"
    )
    environment = {**os.environ, "INITIATOR_PASSPHRASE": PASSPHRASE, "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", code, "backup", str(path), str(tiny / "b.igbackup")],
        capture_output=True, text=True, env=environment, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tiny / "b.igbackup").exists()
    assert list(tiny.iterdir()) == []
