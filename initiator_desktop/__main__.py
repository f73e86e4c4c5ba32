"""Entry point: the desktop app for no arguments or only app options, else the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

APP_FLAGS = ("--demo",)
APP_OPTIONS = ("--vault", "--lang")


def wants_app(args: Sequence[str]) -> bool:
    """True when every argument is one the desktop app understands."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in APP_OPTIONS:
            skip = True
        elif arg not in APP_FLAGS and not arg.startswith(tuple(o + "=" for o in APP_OPTIONS)):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_app(args):
        from initiator_desktop.app import main as app_main

        return app_main(args)
    from initiator_desktop.cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
