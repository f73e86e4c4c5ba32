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

import sqlcipher3

from initiator_desktop import __version__, i18n
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import Group
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.hardening import disable_core_dumps
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.storage.errors import VaultDamaged, VaultError
from initiator_desktop.storage.recovery_key import RecoveryKeyTypo
from initiator_desktop.storage.vault import Vault, check_vault

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRONG_KEY = 0, 1, 2, 3
PASSPHRASE_VAR = "INITIATOR_PASSPHRASE"
NEW_PASSPHRASE_VAR = "INITIATOR_NEW_PASSPHRASE"
RECOVERY_VAR = "INITIATOR_RECOVERY_KEY"


class UsageError(Exception):
    """The command was called in a way it cannot run (exit code 2)."""


class CommandFailed(Exception):
    """The command could not do what was asked; the message is translated (exit code 1)."""


def _exit_codes_help() -> str:
    return _(
        "Exit codes: 0 success, 1 operation failed, 2 usage error, 3 wrong passphrase or key, "
        "4 invalid input file, 5 vault damaged or not a vault. The passphrase is read from "
        "the environment variable {var} or asked for; it is never given on the command line."
    ).format(var=PASSPHRASE_VAR)


def _secret(var: str, prompt: str, *, confirm: bool = False,
            stdin: TextIO | None = None) -> str:
    from_env = os.environ.get(var)
    if from_env is not None:
        return from_env
    if not (stdin or sys.stdin).isatty():
        raise UsageError(
            _("No passphrase: set {var} or run the command in a terminal.").format(var=var)
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != first:
        raise UsageError(_("The two passphrases differ."))
    return first


def read_passphrase(*, confirm: bool = False, stdin: TextIO | None = None) -> str:
    """The passphrase from the environment, or typed at a prompt (twice when creating)."""
    return _secret(PASSPHRASE_VAR, _("Passphrase: "), confirm=confirm, stdin=stdin)


def read_new_passphrase() -> str:
    return _secret(NEW_PASSPHRASE_VAR, _("New passphrase: "), confirm=True)


def _open_vault(path: Path) -> Vault:
    """Open for a command; a recovery key made by an upgrade is shown, once."""
    vault = Vault.open(path, read_passphrase())
    if vault.recovery_key:
        print(_("The vault was upgraded and now has a recovery key. Write it down and keep "
                "it safe, away from the computer:"), file=sys.stderr)
        print("  " + vault.recovery_key, file=sys.stderr)
    return vault


def _print_new_vault(vault: Vault) -> None:
    print(_("Recovery key (write it down and keep it safe; it is shown only now):"))
    print("  " + (vault.recovery_key or ""))


def _cmd_init(args: argparse.Namespace) -> int:
    with Vault.create(args.vault, read_passphrase(confirm=True)) as vault:
        print(_("Created a new, empty vault: {path}").format(path=args.vault))
        _print_new_vault(vault)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.demo import DEMO_PASSPHRASE, fill_with_demo

    interactive = os.environ.get(PASSPHRASE_VAR) is not None or sys.stdin.isatty()
    passphrase = read_passphrase(confirm=True) if interactive else DEMO_PASSPHRASE
    with Vault.create(args.vault, passphrase) as vault:
        content = fill_with_demo(vault)
    count = len(content.groups)
    print(ngettext("Created a demo vault with {count} group: {path}",
                   "Created a demo vault with {count} groups: {path}", count).format(
        count=count, path=args.vault))
    if not interactive:
        print(_("Its passphrase is: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.interchange import import_file, read_file

    read_file(args.file)  # reject a bad file before asking for the passphrase
    with _open_vault(args.vault) as vault:
        content = import_file(vault.repo, args.file)
    count = len(content.groups)
    print(ngettext("Imported {count} group.", "Imported {count} groups.", count).format(
        count=count))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from initiator_desktop.core.content import read_content
    from initiator_desktop.exchange.interchange import dumps, export_file, to_document

    with _open_vault(args.vault) as vault:
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


def _cmd_backup(args: argparse.Namespace) -> int:
    from initiator_desktop.storage.backup import write_backup

    with _open_vault(args.vault) as vault:
        write_backup(vault, args.file)
    print(_("Wrote an encrypted backup: {path}").format(path=args.file))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from initiator_desktop.storage.backup import restore_backup

    if os.environ.get(RECOVERY_VAR) is not None or args.recovery_key:
        recovery = _secret(RECOVERY_VAR, _("Recovery key: "))
        restore_backup(args.file, args.vault, recovery_key=recovery,
                       new_passphrase=read_new_passphrase(), replace_existing=args.replace)
    else:
        restore_backup(args.file, args.vault, passphrase=read_passphrase(),
                       replace_existing=args.replace)
    print(_("Restored the vault: {path}").format(path=args.vault))
    return EXIT_OK


def _cmd_passwd(args: argparse.Namespace) -> int:
    if os.environ.get(RECOVERY_VAR) is not None or args.recovery_key:
        vault = Vault.open_with_recovery_key(args.vault, _secret(RECOVERY_VAR,
                                                                 _("Recovery key: ")))
    else:
        vault = _open_vault(args.vault)
    with vault:
        vault.change_passphrase(read_new_passphrase())
    print(_("The passphrase was changed."))
    return EXIT_OK


TITLE_NEUTRAL, TITLE_THEME = "neutral", "theme"


def _find_group(groups: Sequence[Group], wanted: str) -> Group | None:
    """The group with id ``wanted``, or the one group whose name matches it (any case)."""
    by_id = [g for g in groups if g.id == wanted]
    if by_id:
        return by_id[0]
    by_name = [g for g in groups if g.name.casefold() == wanted.strip().casefold()]
    if len(by_name) > 1:
        raise CommandFailed(_("More than one group is called {name}: give its id instead.")
                            .format(name=wanted))
    return by_name[0] if by_name else None


def _calendar_title(group: Group, choice: str) -> str:
    if choice == TITLE_NEUTRAL:
        return _("Meeting")
    if choice != TITLE_THEME:
        return choice  # a code word the group agreed on
    if not group.theme.strip():
        raise CommandFailed(_("The group has no theme to use as the title."))
    print(_("Warning: the calendar entries will show the group's theme. Calendars are often "
            "shared and synchronised to phones and online services."), file=sys.stderr)
    return group.theme


def _cmd_calendar(args: argparse.Namespace) -> int:
    from initiator_desktop.core.clock import oslo_now
    from initiator_desktop.exchange.icalendar_export import calendar_for_group, write_calendar

    with _open_vault(args.vault) as vault:
        group = _find_group(vault.repo.groups(), args.group)
        if group is None:
            raise CommandFailed(_("No group is called {name}.").format(name=args.group))
        schedules = vault.repo.schedules(group.id)
        if not schedules:
            raise CommandFailed(_("The group has no meeting times to export."))
        place = next((p for p in vault.repo.places() if p.id == group.place_id), None)
        title = _calendar_title(group, args.title)
        data = calendar_for_group(group, place, schedules, title=title,
                                  include_place=args.with_place, now=oslo_now())
    write_calendar(args.out, data)
    print(_("Wrote the calendar: {path}").format(path=args.out), file=sys.stderr)
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
    backup = command("backup", _("write an encrypted backup of the vault to one file"),
                     _cmd_backup)
    backup.add_argument("file", type=Path, metavar="FILE", help=_("the backup file to write"))
    restore = commands.add_parser(
        "restore", help=_("restore a vault from a backup file"),
        description=_("Restore a vault from a backup file, with its passphrase or its "
                      "recovery key ({var}); with the recovery key a new passphrase is "
                      "set ({new}).").format(var=RECOVERY_VAR, new=NEW_PASSPHRASE_VAR),
        epilog=_exit_codes_help())
    restore.set_defaults(handler=_cmd_restore)
    restore.add_argument("file", type=Path, metavar="FILE", help=_("the backup file"))
    restore.add_argument("vault", type=Path, metavar="VAULT",
                         help=_("where to put the restored vault"))
    restore.add_argument("--replace", action="store_true",
                         help=_("set existing files at VAULT aside instead of stopping"))
    restore.add_argument("--recovery-key", action="store_true",
                         help=_("unlock with the recovery key instead of the passphrase"))
    passwd = command("passwd", _("change the vault's passphrase (new one from {var} or a "
                                 "prompt)").format(var=NEW_PASSPHRASE_VAR), _cmd_passwd)
    passwd.add_argument("--recovery-key", action="store_true",
                        help=_("unlock with the recovery key instead of the passphrase"))
    cal = command("calendar", _("write a group's meeting times to an iCalendar file (.ics)"),
                  _cmd_calendar)
    cal.add_argument("--group", required=True, metavar="NAME_OR_ID",
                     help=_("the group, by its name or its id"))
    cal.add_argument("--out", required=True, type=Path, metavar="FILE",
                     help=_("the .ics file to write"))
    cal.add_argument("--title", default=TITLE_NEUTRAL, metavar="TITLE",
                     help=_("what the entries are called: 'neutral' (the default, "
                            "\"Meeting\"), 'theme' (the group's theme) or a code word"))
    cal.add_argument("--with-place", action="store_true",
                     help=_("include the place (for phone and video meetings only its "
                            "name)"))
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
    for index, value in enumerate(argv):
        if value == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--lang="):
            return value.split("=", 1)[1]
    return i18n.environment_language()
