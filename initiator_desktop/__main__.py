"""Entry point: a CLI command when one is named, otherwise the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from initiator_desktop.cli import COMMANDS, run

    wants_cli = any(a in COMMANDS for a in args[:3]) or any(
        a in ("--version", "-h", "--help") for a in args
    )
    if wants_cli:
        return run(args)
    from initiator_desktop.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
