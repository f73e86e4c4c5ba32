"""The history of a group's agreed frames: each kept version with its time and changes.

Newest first. The first version is the list the group agreed on; every later one says
what was added, changed, moved and removed since the one before.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from initiator_desktop.core.frame_agreement import HistoryEntry
from initiator_desktop.i18n import _
from initiator_desktop.ui.frames.labels import diff_lines, frame_count, title_of, when_changed
from initiator_desktop.ui.style import SPACING, hint_label


def history_html(entries: Sequence[HistoryEntry], language: str) -> str:
    """The history as a small HTML document (every text escaped)."""
    if not entries:
        return "<p>{}</p>".format(escape(_("Nothing has been kept yet. The history starts "
                                             "when you note that the group agreed on its "
                                             "frames.")))
    parts = []
    for entry in reversed(entries):
        when = escape(when_changed(entry.change.changed_at))
        items = entry.change.items
        if entry.diff is None:
            parts.append(f"<h3>{when}</h3>")
            parts.append("<p><i>{}</i></p>".format(escape(
                _("The frames as the group first agreed on them ({count}):").format(
                    count=frame_count(len(items))))))
            parts.append("<ol>{}</ol>".format("".join(
                f"<li>{escape(title_of(item, language))}</li>" for item in items)))
            continue
        parts.append(f"<h3>{when}</h3>")
        rows = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(line.what)}</b></td>"
            f"<td>{escape(line.text)}</td></tr>"
            for line in diff_lines(entry.diff, items, language)
        )
        parts.append(f"<table cellspacing='3'>{rows}</table>")
    return "\n".join(parts)


class FrameHistoryDialog(QDialog):
    """Read-only; the text can be selected and copied."""

    def __init__(self, entries: Sequence[HistoryEntry], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("History of the frames"))
        self.intro = hint_label(_("Each time frames the group had agreed on were changed and "
                                  "saved, the new version was kept. Newest first."), self)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setHtml(history_html(entries, language))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

    def plain_text(self) -> str:
        return self.text.toPlainText()
