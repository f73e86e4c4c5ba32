"""Crash reports carry no vault data; core dumps are off."""

from __future__ import annotations

import subprocess
import sys

from initiator_desktop.hardening import crash_report


def test_crash_report_holds_no_message_or_values() -> None:
    secret = "Tema: Angst, Kirkegata 14"
    try:
        local_value = secret  # noqa: F841 - a local that must not be reported
        raise ValueError(secret)
    except ValueError as exc:
        report = crash_report(type(exc), exc.__traceback__)
    assert "Angst" not in report
    assert "Kirkegata" not in report
    assert "builtins.ValueError" in report
    assert "test_hardening.py" in report


def test_core_dumps_are_disabled_in_a_child() -> None:
    code = (
        "import resource; from initiator_desktop.hardening import disable_core_dumps;"
        "print(disable_core_dumps(), resource.getrlimit(resource.RLIMIT_CORE))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "True (0, 0)"
