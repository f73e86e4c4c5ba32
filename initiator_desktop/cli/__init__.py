"""The headless command line: ``initiator-desktop COMMAND ...``.

Exit codes are a contract with scripts: 0 success, 1 operation failed, 2 usage error,
3 wrong passphrase or key, 4 invalid input file, 5 vault damaged or not a vault.
The passphrase comes from INITIATOR_PASSPHRASE or a prompt, never from the command line.
Each feature registers its commands from its own module.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlcipher3

from initiator_desktop import __version__, i18n
from initiator_desktop.cli import (
    calendar_command,
    course_commands,
    pack_commands,
    print_commands,
    report_command,
    vault_commands,
)
from initiator_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    EXIT_WRONG_KEY,
    CommandFailed,
    Handler,
    UsageError,
    exit_codes_help,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.hardening import disable_core_dumps
from initiator_desktop.i18n import _
from initiator_desktop.storage.errors import VaultDamaged, VaultError
from initiator_desktop.storage.recovery_key import RecoveryKeyTypo

__all__ = ["CommandFailed", "UsageError", "build_parser", "run"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="initiator-desktop",
        description=_("Initiator Desktop: plan and support self-help groups, offline."),
        epilog=exit_codes_help(),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the messages"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text,
                                  epilog=exit_codes_help())
        sub.set_defaults(handler=handler)
        sub.add_argument("vault", type=Path, metavar="VAULT", help=_("path of the vault file"))
        return sub

    vault_commands.register(command, commands)
    calendar_command.register(command)
    print_commands.register(command)
    pack_commands.register(commands)
    course_commands.register(command)
    report_command.register(command)
    return parser


def _report(message: str, detail: str = "") -> None:
    print(_("Error: {message}").format(message=message), file=sys.stderr)
    if detail:
        print("  " + detail, file=sys.stderr)


def run(argv: Sequence[str]) -> int:
    """Run one CLI command and return its exit code; never raises for expected errors."""
    disable_core_dumps()
    i18n.set_language(_language_from(argv))
    args = build_parser().parse_args(list(argv))
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except UsageError as err:
        _report(str(err))
        return EXIT_USAGE
    except CommandFailed as err:
        _report(str(err))
        return EXIT_FAILED
    except VaultError as err:
        _report(_(err.message), err.path)
        return err.exit_code
    except RecoveryKeyTypo as err:
        _report(_(err.message).format(group=err.group))
        return EXIT_WRONG_KEY
    except InvalidFile as err:
        _report(_(err.message).format(**err.params), err.json_path)
        return err.exit_code
    except DomainError as err:
        _report(_(err.message).format(**err.params))
        return EXIT_FAILED
    except OSError as err:
        _report(_("The file could not be written or read."), err.strerror or "")
        return EXIT_FAILED
    except sqlcipher3.Error as err:
        _report(_(VaultDamaged.message), str(err)[:200])
        return VaultDamaged.exit_code
    except KeyboardInterrupt:
        return EXIT_FAILED


def _language_from(argv: Sequence[str]) -> str:
    """The messages' language: the global ``--lang`` before the command, else the locale.

    A command's own ``--lang`` (the language of printed cards) does not change it.
    """
    for index, value in enumerate(argv):
        if value == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--lang="):
            return value.split("=", 1)[1]
        if not value.startswith("-"):
            break  # the command: what follows is its own
    return i18n.environment_language()
