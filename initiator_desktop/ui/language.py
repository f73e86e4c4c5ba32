"""The app's name and the UI language: choosing it at start and switching it at runtime.

Switching sets gettext, Qt's default locale and Qt's translator; reinstalling the
translator makes Qt send ``LanguageChange`` so every widget re-sets its own texts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication

from initiator_desktop import i18n
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import babel_locale
from initiator_desktop.i18n.qt_translator import install_qt_translator
from initiator_desktop.ui.settings import AppSettings

# Each language in its own words, so anyone can find their way back to their language.
LANGUAGE_NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}


def app_display_name() -> str:
    # TRANSLATORS: the app's name. Bokmål and Nynorsk: "Igangsetter".
    return _("Initiator Desktop")


def startup_language(settings: AppSettings) -> str:
    """The saved choice, else the first of the system's languages we have, else Bokmål."""
    return settings.language() or i18n.pick_language(QLocale.system().uiLanguages())


def apply_language(language: str, settings: AppSettings | None = None) -> None:
    """Make ``language`` active everywhere; with ``settings``, remember it for next time."""
    i18n.set_language(language)
    active = i18n.current_language()
    QLocale.setDefault(QLocale(babel_locale(active)))
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName(app_display_name())
    if app is not None:
        install_qt_translator(app)
    if settings is not None:
        settings.set_language(active)
