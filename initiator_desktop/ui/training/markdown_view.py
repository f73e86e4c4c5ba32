"""Showing pack Markdown safely: only the module's own images, no files, no web, no HTML.

A pack may come from anyone. Qt's text classes load ``file://`` images and relative files
by themselves whenever ``loadResource`` returns nothing, and follow links: here every
resource request is answered (an image from the pack's files in memory, or an inert
placeholder), raw HTML is shown as text, and links open nothing, except http(s) links,
which go to the system browser after the person agrees. This is the second wall; the
pack validator (exchange/content_pack) is the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QImage,
    QImageReader,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QTextBrowser, QWidget

from initiator_desktop.exchange.content_pack.image_check import check_image
from initiator_desktop.exchange.content_pack.problems import Problems
from initiator_desktop.i18n import _

# An image's name in the module's images/ folder, as a section must write it.
_IMAGE_URL = re.compile(r"images/([A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g|svg))", re.IGNORECASE)
_SECTION_LINK = re.compile(r"([0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.md")
_FORMATS = {"png": b"png", "jpg": b"jpeg", "jpeg": b"jpeg", "svg": b"svg"}
# A picture on a page or a slide never needs more; a raster image beyond the hard limits
# is refused before it is decoded (a "pixel bomb" is a small file that unpacks to GBs).
MAX_SHOWN_SIDE = 1600
MAX_SOURCE_SIDE = 10_000
MAX_SOURCE_PIXELS = 40_000_000
WEB_SCHEMES = ("http", "https")
MAX_IMAGE_HEIGHT = 420
DOCUMENT_MARGIN = 18

# CommonMark with tables and the like, and without any HTML: "<b>" stays the text "<b>".
MARKDOWN_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                     | QTextDocument.MarkdownFeature.MarkdownNoHTML)

ImageSource = Callable[[str], bytes | None]
"""Gives an image's bytes by its name in the current module's images/ folder, or None."""


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~\"'&:;=^$%@?,/])")


def escape_markdown(text: str) -> str:
    """Plain text made safe to put into Markdown: every punctuation mark escaped."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def no_images(_name: str) -> bytes | None:
    return None


def _placeholder() -> QImage:
    # A real (non-null) answer: for a null one, QTextDocument tries the disk itself.
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def image_name(url: QUrl) -> str | None:
    """The name if ``url`` is exactly ``images/<name>`` (relative, nothing else), else None."""
    if not url.isRelative() or url.hasQuery() or url.hasFragment() or url.host():
        return None
    match = _IMAGE_URL.fullmatch(url.toString())
    return match.group(1) if match else None


def _fits(size: QSize) -> bool:
    width, height = size.width(), size.height()
    return (0 < width <= MAX_SOURCE_SIDE and 0 < height <= MAX_SOURCE_SIDE
            and width * height <= MAX_SOURCE_PIXELS)


def decode_image(name: str, data: bytes) -> QImage | None:
    """The image, decoded in the format its name says, within the size limits; else None."""
    suffix = name.rsplit(".", 1)[-1].lower()
    problems = Problems()
    check_image(name, name, data, problems)  # again: an installed pack may have been edited
    if problems or suffix not in _FORMATS:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(_FORMATS[suffix]))
    reader.setAutoDetectImageFormat(False)
    size = reader.size()
    if suffix != "svg" and not _fits(size):
        return None
    if size.isValid() and (size.width() > MAX_SHOWN_SIDE or size.height() > MAX_SHOWN_SIDE):
        reader.setScaledSize(size.scaled(MAX_SHOWN_SIDE, MAX_SHOWN_SIDE,
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def resolve_resource(resource_type: int, url: QUrl, images: ImageSource) -> object:
    """What a document gets for any resource it asks for: never nothing, never outside."""
    if resource_type != QTextDocument.ResourceType.ImageResource.value:
        return ""  # style sheets, HTML, Markdown: an empty one
    name = image_name(url)
    data = images(name) if name is not None else None
    image = decode_image(name, data) if name is not None and data is not None else None
    return image if image is not None else _placeholder()


def _resource_type(resource_type: object) -> int:
    value = getattr(resource_type, "value", resource_type)
    return value if isinstance(value, int) else -1


def set_safe_markdown(document: QTextDocument, text: str) -> None:
    document.setMarkdown(text, MARKDOWN_FEATURES)


def space_blocks(document: QTextDocument, line_height: int = 135) -> None:
    """Calmer reading: more room between lines than Qt's Markdown import gives."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        cursor.setPosition(block.position())
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(fmt)
        block = block.next()


def fit_images(document: QTextDocument, max_width: float, max_height: float) -> None:
    """Scale every image down (never up) to fit ``max_width`` x ``max_height`` pixels."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                found.append((fragment.position(), fragment.length(),
                              fragment.charFormat().toImageFormat()))
            iterator += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, fmt in found:
        image = document.resource(QTextDocument.ResourceType.ImageResource.value,
                                  QUrl(fmt.name()))
        if not isinstance(image, QImage) or image.isNull():
            continue
        scale = min(1.0, max_width / max(image.width(), 1), max_height / max(image.height(), 1))
        fmt.setWidth(image.width() * scale)
        fmt.setHeight(image.height() * scale)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


HEADING_SCALES = {1: 1.55, 2: 1.25, 3: 1.1}


def _heading_format(fmt: QTextCharFormat, base: QFont, scale: float) -> QTextCharFormat:
    # Qt's importer sizes headings with FontSizeAdjustment, which overrides any size.
    fmt = QTextCharFormat(fmt)
    fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
    if base.pixelSize() > 0:
        fmt.setProperty(QTextFormat.Property.FontPixelSize, round(base.pixelSize() * scale))
    else:
        fmt.setFontPointSize(base.pointSizeF() * scale)
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def style_headings(document: QTextDocument) -> None:
    """Headings a step above the text, not Qt's poster sizes: a calm hierarchy."""
    base = document.defaultFont()
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0:
            scale = HEADING_SCALES.get(level, 1.0)
            fragments = []
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                fragments.append((fragment.position(), fragment.length(),
                                  fragment.charFormat()))
                iterator += 1
            for position, length, fmt in fragments:
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(_heading_format(fmt, base, scale))
            block_format = QTextBlockFormat(block.blockFormat())
            block_format.setTopMargin(block_format.topMargin() + (10 if level > 1 else 0))
            cursor.setBlockFormat(block_format)
        block = block.next()


class SafeTextDocument(QTextDocument):
    """A document that answers every resource request itself (for slides painted directly)."""

    def __init__(self, images: ImageSource = no_images, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = images

    def loadResource(self, resource_type: int, url: QUrl) -> object:
        return resolve_resource(_resource_type(resource_type), url, self.images)


def ask_open_web_link(parent: QWidget | None, address: str) -> bool:
    """Ask before handing a web address to the browser. Tests replace this function."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Open a web address"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_("Open this address in your web browser?\n\n{address}").format(
        address=address))
    box.setInformativeText(_("The address comes from the course material, not from this "
                             "app. Open it only if you trust where the material came from."))
    opened = box.addButton(_("Open in browser"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is opened


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label for text from a pack (or anyone else): shown as written, never as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    return label


class MarkdownView(QTextBrowser):
    """Read-only Markdown from a pack; ``section_link_clicked`` for links to a section file."""

    section_link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, max_text_width: int = 760,
                 point_size: float = 11.5) -> None:
        super().__init__(parent)
        self.images: ImageSource = no_images
        self._max_text_width = max_text_width
        self._point_size = point_size
        self._markdown = ""
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)

    def show_markdown(self, text: str, images: ImageSource = no_images) -> None:
        """Replace the content; ``images`` serves the module's images (nothing else loads)."""
        self.images = images
        self._markdown = text
        font = QFont(self.font())
        font.setPointSizeF(self._point_size)
        self.document().setDefaultFont(font)
        set_safe_markdown(self.document(), text)
        style_headings(self.document())
        space_blocks(self.document())
        fit_images(self.document(), self._max_text_width - 40, MAX_IMAGE_HEIGHT)
        self._centre_text()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def markdown(self) -> str:
        return self._markdown

    def loadResource(self, resource_type: int, url: QUrl) -> object:
        return resolve_resource(_resource_type(resource_type), url, self.images)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme in WEB_SCHEMES and url.host():
            if ask_open_web_link(self, url.toDisplayString()):
                QDesktopServices.openUrl(url)
            return
        section = _SECTION_LINK.fullmatch(url.toString()) if url.isRelative() else None
        if section is not None:
            self.section_link_clicked.emit(section.group(1))
        # Any other link (file:, mailto:, javascript:, ../, an anchor) opens nothing.

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._centre_text()

    def _centre_text(self) -> None:
        # Keep lines at a readable length on a wide window: a centred column of text.
        spare = max(0, self.viewport().width() - self._max_text_width)
        left = DOCUMENT_MARGIN + spare // 2
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if round(fmt.leftMargin()) != left:
            # The side margins replace the document margin there, so they include it.
            fmt.setLeftMargin(left)
            fmt.setRightMargin(DOCUMENT_MARGIN + spare - spare // 2)
            root.setFrameFormat(fmt)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and self._markdown:
            self.show_markdown(self._markdown, self.images)
        super().changeEvent(event)
