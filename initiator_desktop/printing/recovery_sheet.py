"""The recovery sheet: one printed page with the recovery key and how to keep it.

``sheet_blocks`` lays the page out as plain data (what is said, in which role); the
painters turn it into a QTextDocument for a QPrinter or a QPdfWriter. The sheet names
the vault's file and creation date only: never a group, theme or place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextList,
    QTextListFormat,
)

from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import format_date
from initiator_desktop.printing.fonts import MONO, SANS, register_bundled_fonts

MARGIN_MM = 20
GROUPS_PER_LINE = 4


@dataclass(frozen=True, slots=True)
class RecoverySheet:
    key: str
    vault_file: str
    created: date | None = None
    made: date | None = None


class Role(Enum):
    TITLE = "title"
    TEXT = "text"
    KEY = "key"
    FACT = "fact"
    HEADING = "heading"
    BULLET = "bullet"


@dataclass(frozen=True, slots=True)
class Block:
    role: Role
    text: str


def sheet_for_vault(key: str, vault_path: Path, created_at: str,
                    today: date | None = None) -> RecoverySheet:
    """The sheet for a vault file; ``created_at`` is the key file's ISO timestamp."""
    try:
        created: date | None = datetime.fromisoformat(created_at).date()
    except ValueError:
        created = None
    return RecoverySheet(key=key, vault_file=Path(vault_path).name, created=created,
                         made=today or date.today())


def key_lines(key: str) -> list[str]:
    """The key's groups, four to a line, spaced for reading aloud and typing."""
    groups = [group for group in key.replace(" ", "-").split("-") if group]
    return ["  ".join(groups[i : i + GROUPS_PER_LINE])
            for i in range(0, len(groups), GROUPS_PER_LINE)]


def sheet_blocks(sheet: RecoverySheet) -> list[Block]:
    """Everything the page says, top to bottom, in the active language."""
    blocks = [
        Block(Role.TITLE, _("Recovery key for Initiator Desktop")),
        Block(Role.TEXT, _("This key opens your vault if the passphrase is forgotten. Anyone "
                           "who has both this sheet and the vault file can read the vault.")),
        *(Block(Role.KEY, line) for line in key_lines(sheet.key)),
        Block(Role.FACT, _("Vault file: {name}").format(name=sheet.vault_file)),
    ]
    if sheet.created is not None:
        blocks.append(Block(Role.FACT, _("Vault created: {date}").format(
            date=format_date(sheet.created))))
    if sheet.made is not None:
        blocks.append(Block(Role.FACT, _("This sheet was made: {date}").format(
            date=format_date(sheet.made))))
    blocks += [
        Block(Role.HEADING, _("Where to keep it")),
        Block(Role.BULLET, _("On paper, somewhere safe and away from the computer: "
                             "not in the laptop bag.")),
        Block(Role.BULLET, _("Not in a cloud folder, an e-mail or a photo. If you saved this "
                             "sheet as a PDF, delete the file once it is printed.")),
        Block(Role.BULLET, _("Where you will find it again, for example with other "
                             "important papers.")),
        Block(Role.HEADING, _("How to use it")),
        Block(Role.TEXT, _("On the start screen, choose “Forgot the passphrase? Use the "
                           "recovery key”, type the key and choose a new passphrase.")),
        Block(Role.TEXT, _("If a new recovery key is made in the app, this key stops "
                           "working. Then destroy this sheet.")),
    ]
    return blocks


# painters -------------------------------------------------------------------------------
def _char(family: str, points: float, *, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    if family == MONO:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    fmt.setFont(font)
    return fmt


def _block(space_before: float, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
           ) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(space_before)
    fmt.setAlignment(align)
    fmt.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


_STYLE = {
    Role.TITLE: (SANS, 20.0, True, 0.0),
    Role.TEXT: (SANS, 11.0, False, 10.0),
    Role.KEY: (MONO, 20.0, True, 6.0),
    Role.FACT: (SANS, 11.0, False, 4.0),
    Role.HEADING: (SANS, 13.0, True, 22.0),
    Role.BULLET: (SANS, 11.0, False, 6.0),
}


def build_document(sheet: RecoverySheet) -> QTextDocument:
    """The page as a QTextDocument in the bundled fonts."""
    register_bundled_fonts()
    document = QTextDocument()
    document.setDefaultFont(QFont(SANS, 11))
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    blocks = sheet_blocks(sheet)
    fresh = True  # the cursor stands in an empty block that the next text may use
    bullets: QTextList | None = None
    for index, block in enumerate(blocks):
        if block.role is Role.KEY:
            if index == 0 or blocks[index - 1].role is not Role.KEY:
                lines = [b.text for b in blocks[index:] if b.role is Role.KEY]
                _insert_key_box(cursor, lines)
                fresh = True
            continue
        family, points, bold, space = _STYLE[block.role]
        after_key = index > 0 and blocks[index - 1].role is Role.KEY
        fmt = _block(14.0 if after_key else space)
        if fresh:
            cursor.setBlockFormat(fmt)
            fresh = False
        else:
            cursor.insertBlock(fmt)
        if block.role is Role.BULLET:
            if bullets is None:
                bullets = cursor.createList(_bullet_format())
            else:
                bullets.add(cursor.block())
        else:
            bullets = None
        cursor.insertText(block.text, _char(family, points, bold=bold))
    return document


def _bullet_format() -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(QTextListFormat.Style.ListDisc)
    fmt.setIndent(1)
    return fmt


def _insert_key_box(cursor: QTextCursor, lines: list[str]) -> None:
    frame = QTextFrameFormat()
    frame.setBorder(1.5)
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    frame.setPadding(14)
    frame.setTopMargin(18)
    frame.setBottomMargin(16)
    cursor.insertFrame(frame)
    family, points, bold, _space = _STYLE[Role.KEY]
    for index, line in enumerate(lines):
        fmt = _block(0 if index == 0 else 8, Qt.AlignmentFlag.AlignHCenter)
        if index:
            cursor.insertBlock(fmt)
        else:
            cursor.setBlockFormat(fmt)
        cursor.insertText(line, _char(family, points, bold=bold))
    # Out of the frame, into the empty block that follows it.
    cursor.movePosition(QTextCursor.MoveOperation.End)


def paint_on(sheet: RecoverySheet, device: QPagedPaintDevice) -> None:
    """Lay the sheet out on ``device`` (a QPrinter or QPdfWriter) and paint it."""
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    document = build_document(sheet)
    # Laid out in the device's own units: point sizes come out true, and a page size
    # that is set keeps Qt from adding page numbers.
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(device.width(), device.height()))
    document.print_(device)


def write_pdf(sheet: RecoverySheet, path: Path) -> None:
    """Save the sheet as a one-page A4 PDF at ``path``."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle(_("Recovery key"))
    writer.setCreator(_("Initiator Desktop"))
    paint_on(sheet, writer)
