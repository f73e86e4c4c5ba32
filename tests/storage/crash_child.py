"""Child process for the fault-injection tests: writes until it is killed.

Usage: python crash_child.py write|passwd VAULT GROUP_ID PASSPHRASE COUNTER
Prints "ready", then one line per change that has been acknowledged as committed.
In passwd mode the passphrases are "crash N" for N = COUNTER + 1, COUNTER + 2, ...
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from initiator_desktop.core.models import Attendance
from initiator_desktop.storage import keyslots
from initiator_desktop.storage.vault import Vault

CHEAP = keyslots.KdfParams(memory_kib=8 * 1024, iterations=1, parallelism=1)
BASE = date(2000, 1, 1)


def passphrase_for(counter: int) -> str:
    return f"crash {counter}"


def main(mode: str, path: Path, group_id: str, passphrase: str, counter: int) -> None:
    keyslots.PASSPHRASE_KDF = keyslots.RECOVERY_KDF = CHEAP
    vault = Vault.open(path, passphrase)
    start = len(vault.repo.attendance(group_id))
    print("ready", flush=True)
    index = 0
    while True:
        if mode == "write":
            day = BASE + timedelta(days=start + index)
            vault.repo.save_attendance(group_id, Attendance(day, present=index % 50))
            print(day.isoformat(), flush=True)
        else:
            new = passphrase_for(counter + index + 1)
            vault.change_passphrase(new)
            print(new, flush=True)
        index += 1


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]))
