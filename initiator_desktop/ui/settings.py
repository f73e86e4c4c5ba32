"""Plain, unencrypted settings: an explicit allow-list on QSettings.

Only the language, the window geometry and recent vault paths may be stored here; never a
passphrase and never anything from inside a vault (group names, themes, places).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from initiator_desktop.i18n import LANGUAGES

ORGANISATION = "InitiatorDesktop"
# A fixed file name, so the settings do not move when the display name is translated.
SETTINGS_NAME = "InitiatorDesktop"
MAX_RECENT = 5

KEY_LANGUAGE = "language"
KEY_GEOMETRY = "window/geometry"
KEY_RECENT = "vaults/recent"
ALLOWED_KEYS = frozenset({KEY_LANGUAGE, KEY_GEOMETRY, KEY_RECENT})


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

    def stored_keys(self) -> list[str]:
        """Every key in the settings file (used by tests to check the allow-list)."""
        return list(self._settings.allKeys())
