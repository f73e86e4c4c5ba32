"""The headless command line: ``initiator-desktop COMMAND ...``.

Exit codes are a contract with scripts: 0 success, 1 operation failed, 2 usage error,
3 wrong passphrase or key, 4 invalid input file, 5 vault damaged or not a vault.
The passphrase comes from INITIATOR_PASSPHRASE or a prompt, never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from initiator_desktop import __version__, i18n
from initiator_desktop.core.errors import DomainError
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.storage.errors import VaultError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PASSPHRASE_VAR = "INITIATOR_PASSPHRASE"
COMMANDS = ("init", "demo", "import", "export", "check")


class UsageError(Exception):
    """The command was called in a way it cannot run (exit code 2)."""


def _exit_codes_help() -> str:
    return _(
        "Exit codes: 0 success, 1 operation failed, 2 usage error, 3 wrong passphrase or key, "
        "4 invalid input file, 5 vault damaged or not a vault. The passphrase is read from "
        "the environment variable {var} or asked for; it is never given on the command line."
    ).format(var=PASSPHRASE_VAR)


def read_passphrase(*, confirm: bool = False, stdin: TextIO | None = None) -> str:
    """The passphrase from the environment, or typed at a prompt (twice when creating)."""
    from_env = os.environ.get(PASSPHRASE_VAR)
    if from_env is not None:
        return from_env
    stream = stdin or sys.stdin
    if not stream.isatty():
        raise UsageError(
            _("No passphrase: set {var} or run the command in a terminal.").format(
                var=PASSPHRASE_VAR
            )
        )
    first = getpass.getpass(_("Passphrase: "))
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != first:
        raise UsageError(_("The two passphrases differ."))
    return first


def _cmd_init(args: argparse.Namespace) -> int:
    from initiator_desktop.storage.vault import Vault

    Vault.create(args.vault, read_passphrase(confirm=True)).close()
    print(_("Created a new, empty vault: {path}").format(path=args.vault))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.demo import DEMO_PASSPHRASE, fill_with_demo
    from initiator_desktop.storage.vault import Vault

    interactive = os.environ.get(PASSPHRASE_VAR) is not None or sys.stdin.isatty()
    passphrase = read_passphrase(confirm=True) if interactive else DEMO_PASSPHRASE
    with Vault.create(args.vault, passphrase) as vault:
        content = fill_with_demo(vault)
    print(_("Created a demo vault with {count} groups: {path}").format(
        count=len(content.groups), path=args.vault))
    if not interactive:
        print(_("Its passphrase is: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.interchange import import_file, read_file
    from initiator_desktop.storage.vault import Vault

    read_file(args.file)  # reject a bad file before asking for the passphrase
    with Vault.open(args.vault, read_passphrase()) as vault:
        content = import_file(vault.repo, args.file)
    count = len(content.groups)
    print(ngettext("Imported {count} group.", "Imported {count} groups.", count).format(
        count=count))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from initiator_desktop.core.content import read_content
    from initiator_desktop.exchange.interchange import dumps, export_file, to_document
    from initiator_desktop.storage.vault import Vault

    with Vault.open(args.vault, read_passphrase()) as vault:
        if str(args.file) == "-":
            sys.stdout.write(dumps(to_document(read_content(vault.repo))))
            return EXIT_OK
        content = export_file(vault.repo, args.file)
    count = len(content.groups)
    print(ngettext("Exported {count} group to {path}.", "Exported {count} groups to {path}.",
                   count).format(count=count, path=args.file), file=sys.stderr)
    print(_("The file is not encrypted: keep it safe and delete it when done."),
          file=sys.stderr)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from initiator_desktop.storage.errors import EXIT_DAMAGED
    from initiator_desktop.storage.vault import check_vault

    report = check_vault(args.vault, read_passphrase())
    print(_("Schema version: {found} (this app: {latest})").format(
        found=report.schema_version, latest=report.latest_version))
    print(_("Encryption check: {count} damaged pages").format(count=len(report.cipher_problems)))
    print(_("Database check: {count} problems").format(count=len(report.integrity_problems)))
    print(_("Broken references: {count}").format(count=report.foreign_key_problems))
    for problem in (*report.cipher_problems, *report.integrity_problems)[:20]:
        print("  " + problem)
    if not report.ok:
        print(_("The vault is damaged. Restore it from a backup."), file=sys.stderr)
        return EXIT_DAMAGED
    print(_("The vault is healthy."))
    return EXIT_OK


Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="initiator-desktop",
        description=_("Initiator Desktop: plan and support self-help groups, offline."),
        epilog=_exit_codes_help(),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the messages"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text,
                                  epilog=_exit_codes_help())
        sub.set_defaults(handler=handler)
        sub.add_argument("vault", type=Path, metavar="VAULT", help=_("path of the vault file"))
        return sub

    command("init", _("create a new, empty vault"), _cmd_init)
    command("demo", _("create a new vault filled with demo content"), _cmd_demo)
    imp = command("import", _("add the content of an interchange file (JSON)"), _cmd_import)
    imp.add_argument("file", type=Path, metavar="FILE", help=_("the JSON file to import"))
    exp = command("export", _("write the whole vault to an interchange file (JSON)"),
                  _cmd_export)
    exp.add_argument("file", type=Path, metavar="FILE",
                     help=_("where to write the JSON file ('-' for standard output)"))
    command("check", _("check the vault's integrity"), _cmd_check)
    return parser


def _report(message: str, detail: str = "") -> None:
    print(_("Error: {message}").format(message=message), file=sys.stderr)
    if detail:
        print("  " + detail, file=sys.stderr)


def run(argv: Sequence[str]) -> int:
    """Run one CLI command and return its exit code; never raises for expected errors."""
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
    except VaultError as err:
        _report(_(err.message), err.path)
        return err.exit_code
    except InvalidFile as err:
        _report(_(err.message).format(**err.params), err.json_path)
        return err.exit_code
    except DomainError as err:
        _report(_(err.message).format(**err.params))
        return EXIT_FAILED
    except OSError as err:
        _report(_("The file could not be written or read."), err.strerror or "")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED


def _language_from(argv: Sequence[str]) -> str:
    for index, value in enumerate(argv):
        if value == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--lang="):
            return value.split("=", 1)[1]
    return i18n.environment_language()
