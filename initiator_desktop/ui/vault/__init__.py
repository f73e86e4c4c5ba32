"""Dialogs about the vault itself: passphrase, recovery key, backups, check and settings."""
