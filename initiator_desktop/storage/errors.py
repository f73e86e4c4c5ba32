"""Expected storage failures, each with a translatable message and a CLI exit code."""

from __future__ import annotations

from initiator_desktop.core.errors import N_

EXIT_FAILED = 1
EXIT_WRONG_KEY = 3
EXIT_DAMAGED = 5


class VaultError(Exception):
    """Base of the expected failures; ``message`` is an English gettext id."""

    message = N_("The vault could not be used.")
    exit_code = EXIT_FAILED

    def __init__(self, path: object = "", detail: str = "") -> None:
        super().__init__(f"{self.message} ({path}) {detail}".strip())
        self.path = str(path)
        self.detail = detail


class WrongPassphrase(VaultError):
    message = N_("The passphrase is not right for this vault.")
    exit_code = EXIT_WRONG_KEY


class NotAVault(VaultError):
    message = N_("This file is not a vault.")
    exit_code = EXIT_DAMAGED


class VaultNotFound(VaultError):
    message = N_("There is no vault at this location.")
    exit_code = EXIT_DAMAGED


class WrongRecoveryKey(VaultError):
    message = N_("The recovery key is not right for this vault.")
    exit_code = EXIT_WRONG_KEY


class KeyFileMissing(VaultError):
    message = N_("The vault's key file (the file ending in .keys next to it) is missing, or "
                 "this is an old vault and the passphrase is wrong. Put the key file back "
                 "next to the vault, or restore the vault from a backup.")
    exit_code = EXIT_DAMAGED


class VaultDataMissing(VaultError):
    message = N_("The vault's data file is missing or empty, although its key file shows that "
                 "it held data. Nothing was changed. Restore the vault from a backup.")
    exit_code = EXIT_DAMAGED


class VaultDamaged(VaultError):
    message = N_("The vault file is damaged. Restore it from a backup.")
    exit_code = EXIT_DAMAGED


class VaultTooNew(VaultError):
    message = N_("This vault was made by a newer version of the app. Update the app to open it.")
    exit_code = EXIT_DAMAGED


class VaultExists(VaultError):
    message = N_("A file already exists at this location; it was left untouched.")


class StorageFailed(VaultError):
    message = N_("The vault could not be written (disk full, read-only or removed?). "
                 "Nothing that was saved before is lost.")
