"""Process hardening: no core dumps, and crash reports that hold no vault data.

A core dump would contain the decrypted pages and the data key; an exception message or
a traceback's local variables may contain a theme or a place. Crash reports therefore
keep only the exception's type and the code locations of the stack.
"""

from __future__ import annotations

import ctypes
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> bool:
    """Turn off core dumps for this process where the platform allows; True if done."""
    done = False
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done = True
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        # The process's own symbols include libc's prctl; find_library would run ldconfig.
        libc = ctypes.CDLL(None, use_errno=True)
        done = libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 and done
    return done


def crash_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Type and code locations only: no message, no values, nothing from the vault."""
    lines = [f"Initiator Desktop crash at {datetime.now(UTC).isoformat(timespec='seconds')}",
             f"Python {sys.version.split()[0]} on {sys.platform}",
             f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def install_crash_handler(folder: Path,
                          notify: Callable[[Path], None] | None = None) -> None:
    """Write sanitised crash reports to ``folder`` instead of printing tracebacks."""

    def handle(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = crash_report(exc_type, tb)
        path = folder / f"crash-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}.txt"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(report, encoding="utf-8")
        except OSError:
            pass
        sys.stderr.write(report)
        if notify is not None:
            notify(path)

    sys.excepthook = handle
