"""Start-up benchmark: time and peak memory against a bare PySide6 window, same run.

    uv run python bench/startup.py [--runs 7]

Each case is a fresh process under QT_QPA_PLATFORM=offscreen that exits right after its
window has been shown and painted (INITIATOR_BENCH_EXIT for the app). Reported: median
wall time and median peak RSS, each as a ratio to the bare window. Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEMO_PASSPHRASE = "demo-igangsetter"
BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Hello")
label.resize(480, 320)
label.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        errors = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{command} failed: {errors}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    vault = folder / "demo.vault"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(folder / "cfg"))
    # In a child: on Linux a child inherits its parent's peak RSS at fork, so the parent
    # must stay small for the children's peaks to mean anything.
    subprocess.run([sys.executable, "-m", "initiator_desktop", "demo", str(vault)],
                   env=dict(env, INITIATOR_PASSPHRASE=DEMO_PASSPHRASE), check=True,
                   stdout=subprocess.DEVNULL)
    app = [sys.executable, "-m", "initiator_desktop", "--vault", str(vault)]
    cases = {
        "bare PySide6 window": ([sys.executable, "-c", BARE], env),
        "unlock window": (app, dict(env, INITIATOR_BENCH_EXIT="unlock")),
        "unlocked main window (demo)": (
            app, dict(env, INITIATOR_BENCH_EXIT="main", INITIATOR_PASSPHRASE=DEMO_PASSPHRASE)
        ),
    }
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
    for _ in range(args.runs):  # interleaved, so drift hits every case alike
        for name, (command, case_env) in cases.items():
            results[name].append(measure(command, case_env))
    base_time = statistics.median(t for t, _ in results["bare PySide6 window"])
    base_rss = statistics.median(m for _, m in results["bare PySide6 window"])
    print(f"{'case':32} {'median s':>9} {'x bare':>7} {'peak MiB':>9} {'x bare':>7}")
    for name, samples in results.items():
        seconds = statistics.median(t for t, _ in samples)
        rss = statistics.median(m for _, m in samples)
        print(f"{name:32} {seconds:9.3f} {seconds / base_time:7.2f} "
              f"{rss / 1024:9.1f} {rss / base_rss:7.2f}")
    print(f"({args.runs} runs each, interleaved; Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
