"""Plain, unencrypted settings: an explicit allow-list on QSettings.

Only the language, the window geometry, recent vault paths and the lock and backup
preferences may be stored here; never a passphrase and never anything from inside a vault
(group names, themes, places).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from initiator_desktop.core import lock_policy
from initiator_desktop.i18n import LANGUAGES

ORGANISATION = "InitiatorDesktop"
# A fixed file name, so the settings do not move when the display name is translated.
SETTINGS_NAME = "InitiatorDesktop"
MAX_RECENT = 5

KEY_LANGUAGE = "language"
KEY_GEOMETRY = "window/geometry"
KEY_RECENT = "vaults/recent"
KEY_AUTO_LOCK = "lock/auto_lock_minutes"
KEY_QUICK_HIDE = "lock/quick_hide_seconds"
KEY_ROLLING_BACKUPS = "backup/rolling_count"
ALLOWED_KEYS = frozenset({
    KEY_LANGUAGE, KEY_GEOMETRY, KEY_RECENT, KEY_AUTO_LOCK, KEY_QUICK_HIDE, KEY_ROLLING_BACKUPS,
})


class AppSettings:
    """Typed access to the allowed keys; every write goes through ``_write``."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, SETTINGS_NAME
        )

    def _write(self, key: str, value: object) -> None:
        if key not in ALLOWED_KEYS:
            raise KeyError(f"{key!r} is not an allowed plain setting")
        self._settings.setValue(key, value)
        self._settings.sync()

    def language(self) -> str | None:
        value = self._settings.value(KEY_LANGUAGE)
        return value if isinstance(value, str) and value in LANGUAGES else None

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._write(KEY_LANGUAGE, language)

    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value(KEY_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._write(KEY_GEOMETRY, geometry)

    def recent_vaults(self) -> list[Path]:
        """Recent vault paths, newest first (paths only: no names or contents)."""
        value = self._settings.value(KEY_RECENT)
        # QSettings returns a lone string for a one-item list in the INI format.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(item) for item in items if isinstance(item, str) and item][:MAX_RECENT]

    def add_recent_vault(self, path: Path) -> None:
        resolved = Path(path).expanduser().resolve()
        recent = [p for p in self.recent_vaults() if p != resolved]
        self._write(KEY_RECENT, [str(p) for p in [resolved, *recent][:MAX_RECENT]])

    # lock and backup preferences (plain numbers; clamped by the lock policy) -------------
    def auto_lock_minutes(self) -> int:
        """Minutes of inactivity before the vault locks; 0 means never."""
        return lock_policy.auto_lock_minutes(self._settings.value(KEY_AUTO_LOCK))

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self._write(KEY_AUTO_LOCK, lock_policy.auto_lock_minutes(minutes))

    def quick_hide_seconds(self) -> int:
        """Seconds from quick-hide to locking; 0 locks at once."""
        return lock_policy.quick_hide_seconds(self._settings.value(KEY_QUICK_HIDE))

    def set_quick_hide_seconds(self, seconds: int) -> None:
        self._write(KEY_QUICK_HIDE, lock_policy.quick_hide_seconds(seconds))

    def rolling_backups(self) -> int:
        """How many automatic backups to keep; 0 makes none."""
        return lock_policy.rolling_backups(self._settings.value(KEY_ROLLING_BACKUPS))

    def set_rolling_backups(self, count: int) -> None:
        self._write(KEY_ROLLING_BACKUPS, lock_policy.rolling_backups(count))

    def file_name(self) -> str:
        """Where the plain settings live (tests scan it for vault data)."""
        return self._settings.fileName()

    def stored_keys(self) -> list[str]:
        """Every key in the settings file (used by tests to check the allow-list)."""
        return list(self._settings.allKeys())
