"""Qt's own strings (standard buttons, dialogs, context menus) routed through gettext.

Qt ships no Bokmål catalog, so these entries live in our ``.po`` files with Qt's context
as ``msgctxt``; ``QtGettextTranslator`` serves them to Qt. Only list strings the app shows.
"""

from __future__ import annotations


def pgettext_noop(context: str, message: str) -> tuple[str, str]:
    return context, message


QT_STRINGS = (
    pgettext_noop("QPlatformTheme", "OK"),
    pgettext_noop("QPlatformTheme", "Cancel"),
    pgettext_noop("QPlatformTheme", "Save"),
    pgettext_noop("QPlatformTheme", "Discard"),
    pgettext_noop("QPlatformTheme", "Don't Save"),
    pgettext_noop("QPlatformTheme", "Close"),
    pgettext_noop("QPlatformTheme", "Apply"),
    pgettext_noop("QPlatformTheme", "Reset"),
    pgettext_noop("QPlatformTheme", "Yes"),
    pgettext_noop("QPlatformTheme", "No"),
    pgettext_noop("QPlatformTheme", "&Yes"),
    pgettext_noop("QPlatformTheme", "&No"),
    pgettext_noop("QPlatformTheme", "Open"),
    pgettext_noop("QPlatformTheme", "Help"),
    pgettext_noop("QPlatformTheme", "Restore Defaults"),
    pgettext_noop("QLineEdit", "&Undo"),
    pgettext_noop("QLineEdit", "&Redo"),
    pgettext_noop("QLineEdit", "Cu&t"),
    pgettext_noop("QLineEdit", "&Copy"),
    pgettext_noop("QLineEdit", "&Paste"),
    pgettext_noop("QLineEdit", "Delete"),
    pgettext_noop("QLineEdit", "Select All"),
    pgettext_noop("QWidgetTextControl", "&Undo"),
    pgettext_noop("QWidgetTextControl", "&Redo"),
    pgettext_noop("QWidgetTextControl", "Cu&t"),
    pgettext_noop("QWidgetTextControl", "&Copy"),
    pgettext_noop("QWidgetTextControl", "&Paste"),
    pgettext_noop("QWidgetTextControl", "Delete"),
    pgettext_noop("QWidgetTextControl", "Select All"),
    pgettext_noop("QFileDialog", "Look in:"),
    pgettext_noop("QFileDialog", "File name:"),
    pgettext_noop("QFileDialog", "Files of type:"),
    pgettext_noop("QFileDialog", "&Open"),
    pgettext_noop("QFileDialog", "&Save"),
    pgettext_noop("QFileDialog", "Cancel"),
    pgettext_noop("QFileDialog", "&Choose"),
)
