"""A QTranslator that answers Qt's own strings from our gettext catalogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from initiator_desktop import i18n


class QtGettextTranslator(QTranslator):
    """Translates Qt's contexts (QPlatformTheme, QLineEdit, ...) via ``pgettext``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = i18n.pgettext(context, source)
        # None (a null QString) tells Qt to try the next translator or keep the source
        # text. An empty string is taken as the translation: every Qt text we do not
        # list would turn blank, and QPageSize(A4) invalid (PDFs printed nothing).
        return None if found == source else found

    def isEmpty(self) -> bool:
        return False


_installed: list[QtGettextTranslator] = []


def install_qt_translator(app: QCoreApplication) -> None:
    """(Re)install the translator so Qt sends LanguageChange to every widget."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QtGettextTranslator(app)
    app.installTranslator(translator)
    _installed.append(translator)
