"""What every command shares: exit codes, errors, secrets and opening a vault.

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

from initiator_desktop.core.models import Group
from initiator_desktop.i18n import _
from initiator_desktop.storage.vault import Vault

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_WRONG_KEY = 0, 1, 2, 3
PASSPHRASE_VAR = "INITIATOR_PASSPHRASE"
NEW_PASSPHRASE_VAR = "INITIATOR_NEW_PASSPHRASE"
RECOVERY_VAR = "INITIATOR_RECOVERY_KEY"


class UsageError(Exception):
    """The command was called in a way it cannot run (exit code 2)."""


class CommandFailed(Exception):
    """The command could not do what was asked; the message is translated (exit code 1)."""


def exit_codes_help() -> str:
    return _(
        "Exit codes: 0 success, 1 operation failed, 2 usage error, 3 wrong passphrase or key, "
        "4 invalid input file, 5 vault damaged or not a vault. The passphrase is read from "
        "the environment variable {var} or asked for; it is never given on the command line."
    ).format(var=PASSPHRASE_VAR)


def secret(var: str, prompt: str, *, confirm: bool = False,
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
    return secret(PASSPHRASE_VAR, _("Passphrase: "), confirm=confirm, stdin=stdin)


def read_new_passphrase() -> str:
    return secret(NEW_PASSPHRASE_VAR, _("New passphrase: "), confirm=True)


def open_vault(path: Path) -> Vault:
    """Open for a command; a recovery key made by an upgrade is shown, once."""
    vault = Vault.open(path, read_passphrase())
    if vault.recovery_key:
        print(_("The vault was upgraded and now has a recovery key. Write it down and keep "
                "it safe, away from the computer:"), file=sys.stderr)
        print("  " + vault.recovery_key, file=sys.stderr)
    return vault


def print_new_vault(vault: Vault) -> None:
    print(_("Recovery key (write it down and keep it safe; it is shown only now):"))
    print("  " + (vault.recovery_key or ""))




Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, str, Handler], argparse.ArgumentParser]
"""Adds a subcommand taking VAULT as its first argument; returns its parser."""


def find_group(groups: Sequence[Group], wanted: str) -> Group | None:
    """The group with id ``wanted``, or the one group whose name matches it (any case)."""
    by_id = [g for g in groups if g.id == wanted]
    if by_id:
        return by_id[0]
    by_name = [g for g in groups if g.name.casefold() == wanted.strip().casefold()]
    if len(by_name) > 1:
        raise CommandFailed(_("More than one group is called {name}: give its id instead.")
                            .format(name=wanted))
    return by_name[0] if by_name else None


def require_group(groups: Sequence[Group], wanted: str) -> Group:
    group = find_group(groups, wanted)
    if group is None:
        raise CommandFailed(_("No group is called {name}.").format(name=wanted))
    return group
