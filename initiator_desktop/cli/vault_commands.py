"""Commands on the vault as a whole: create, fill, import, export, check, back up."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from initiator_desktop.cli.common import (
    EXIT_OK,
    NEW_PASSPHRASE_VAR,
    PASSPHRASE_VAR,
    RECOVERY_VAR,
    AddCommand,
    exit_codes_help,
    open_vault,
    print_new_vault,
    read_new_passphrase,
    read_passphrase,
    secret,
)
from initiator_desktop.i18n import _, ngettext
from initiator_desktop.storage.vault import Vault, check_vault


def _cmd_init(args: argparse.Namespace) -> int:
    with Vault.create(args.vault, read_passphrase(confirm=True)) as vault:
        print(_("Created a new, empty vault: {path}").format(path=args.vault))
        print_new_vault(vault)
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
    with open_vault(args.vault) as vault:
        content = import_file(vault.repo, args.file)
    count = len(content.groups)
    print(ngettext("Imported {count} group.", "Imported {count} groups.", count).format(
        count=count))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from initiator_desktop.core.content import read_content
    from initiator_desktop.exchange.interchange import dumps, export_file, to_document

    with open_vault(args.vault) as vault:
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

    with open_vault(args.vault) as vault:
        write_backup(vault, args.file)
    print(_("Wrote an encrypted backup: {path}").format(path=args.file))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from initiator_desktop.storage.backup import restore_backup

    if os.environ.get(RECOVERY_VAR) is not None or args.recovery_key:
        recovery = secret(RECOVERY_VAR, _("Recovery key: "))
        restore_backup(args.file, args.vault, recovery_key=recovery,
                       new_passphrase=read_new_passphrase(), replace_existing=args.replace)
    else:
        restore_backup(args.file, args.vault, passphrase=read_passphrase(),
                       replace_existing=args.replace)
    print(_("Restored the vault: {path}").format(path=args.vault))
    return EXIT_OK


def _cmd_passwd(args: argparse.Namespace) -> int:
    if os.environ.get(RECOVERY_VAR) is not None or args.recovery_key:
        vault = Vault.open_with_recovery_key(args.vault, secret(RECOVERY_VAR,
                                                                 _("Recovery key: ")))
    else:
        vault = open_vault(args.vault)
    with vault:
        vault.change_passphrase(read_new_passphrase())
    print(_("The passphrase was changed."))
    return EXIT_OK



def register(command: AddCommand, subparsers: argparse._SubParsersAction) -> None:
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
    restore = subparsers.add_parser(
        "restore", help=_("restore a vault from a backup file"),
        description=_("Restore a vault from a backup file, with its passphrase or its "
                      "recovery key ({var}); with the recovery key a new passphrase is "
                      "set ({new}).").format(var=RECOVERY_VAR, new=NEW_PASSPHRASE_VAR),
        epilog=exit_codes_help())
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
