"""Kill -9 at random moments while writing or changing the passphrase; nothing is lost.

The number of runs comes from INITIATOR_FAULT_RUNS (default 200 per mode); the seed is
printed so that a failure can be replayed with INITIATOR_FAULT_SEED.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from initiator_desktop.core.models import Group
from initiator_desktop.storage.errors import WrongPassphrase
from initiator_desktop.storage.vault import Vault, check_vault

CHILD = Path(__file__).with_name("crash_child.py")
FIRST_PASSPHRASE = "crash 0"
RUNS = int(os.environ.get("INITIATOR_FAULT_RUNS", "200"))


def _seed() -> int:
    seed = int(os.environ.get("INITIATOR_FAULT_SEED", str(random.SystemRandom().randrange(10**9))))
    print(f"fault-injection seed: {seed}")
    return seed


def _run_child(mode: str, path: Path, group_id: str, delay: float,
               passphrase: str = FIRST_PASSPHRASE, counter: int = 0) -> list[str]:
    """Start the child, let it work for ``delay`` seconds, SIGKILL it; its acknowledgements."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(path), group_id, passphrase, str(counter)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline().strip()
    assert ready == "ready", "child did not start"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    output, _ = child.communicate(timeout=30)
    return [line for line in output.splitlines() if line]


def _open_either(path: Path, *passphrases: str) -> tuple[Vault, str]:
    for passphrase in passphrases:
        try:
            return Vault.open(path, passphrase), passphrase
        except WrongPassphrase:
            continue
    raise AssertionError(f"none of {passphrases} opens the vault")


@pytest.fixture
def vault_with_group(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "crash.vault"
    with Vault.create(path, FIRST_PASSPHRASE) as vault:
        group = Group(name="Krasjgruppa")
        vault.repo.save_group(group)
    return path, group.id


@pytest.mark.slow
def test_killed_writer_loses_no_acknowledged_write(vault_with_group: tuple[Path, str]) -> None:
    path, group_id = vault_with_group
    rng = random.Random(_seed())
    acknowledged: set[date] = set()
    for _ in range(RUNS):
        acked = _run_child("write", path, group_id, rng.uniform(0.0, 0.15))
        acknowledged |= {date.fromisoformat(line) for line in acked}
        vault, passphrase = _open_either(path, FIRST_PASSPHRASE)
        with vault:
            stored = {a.meeting_date for a in vault.repo.attendance(group_id)}
        assert acknowledged <= stored
        assert check_vault(path, passphrase).ok
    assert acknowledged, "the children never got to write"


@pytest.mark.slow
def test_killed_passphrase_change_leaves_old_or_new(vault_with_group: tuple[Path, str]) -> None:
    path, group_id = vault_with_group
    rng = random.Random(_seed())
    current, counter = FIRST_PASSPHRASE, 0
    for _ in range(RUNS):
        acked = _run_child("passwd", path, group_id, rng.uniform(0.0, 0.1), current, counter)
        counter += len(acked)
        acknowledged = acked[-1] if acked else current
        being_written = f"crash {counter + 1}"
        # The last acknowledged passphrase, or the one that was being written when killed.
        vault, current = _open_either(path, acknowledged, being_written)
        vault.close()
        counter = int(current.split()[1])
        assert check_vault(path, current).ok
    assert counter > RUNS
