"""Hostile section Markdown is rendered harmlessly: nothing from disk or the web, no HTML.

The viewer is the second wall behind the pack validator, so these documents are fed to
it directly, unvalidated. Every resource the document asks for is recorded, as is every
address handed to QDesktopServices.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from initiator_desktop.ui.training import markdown_view
from initiator_desktop.ui.training.markdown_view import (
    MAX_SHOWN_SIDE,
    MarkdownView,
    SafeTextDocument,
    plain_label,
)

SCHEMES = ("http", "https", "file", "mailto", "javascript", "data", "ftp", "smb")


class RecordingView(MarkdownView):
    """Records every resource request and what it was answered with."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[int, str]] = []
        self.answers: list[object] = []

    def loadResource(self, resource_type: int, url: QUrl) -> object:
        answer = super().loadResource(resource_type, url)
        self.requests.append((int(getattr(resource_type, "value", resource_type)),
                              url.toString()))
        self.answers.append(answer)
        return answer


class UrlSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def url_spy() -> Iterator[UrlSpy]:
    """Catches every QDesktopServices.openUrl, whatever the scheme."""
    spy = UrlSpy()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, spy, "handle")
    yield spy
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    questions: list[str] = []

    def answer(_parent: object, address: str) -> bool:
        questions.append(address)
        return True

    monkeypatch.setattr(markdown_view, "ask_open_web_link", answer)
    return questions


def png_bytes(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (a pixel bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    path.write_bytes(png_bytes(77, 55))
    return path


def hostile_documents(secret: Path) -> list[str]:
    data_png = base64.b64encode(png_bytes(33, 21)).decode()
    up = "../" * 12 + secret.as_posix().lstrip("/")
    return [
        f"![x]({secret.as_uri()})",
        f"![x]({secret.as_posix()})",
        f"![x]({up})",
        f"![x](images/{up})",
        "![x](images/%2e%2e/%2e%2e/secret.png)",
        "![x](images%2fsecret.png)",
        "![x](http://example.org/a.png)\n\n![y](https://example.org/b.png)",
        "![x](//example.org/c.png)",
        f"![x](data:image/png;base64,{data_png})",
        f"![x][ref]\n\n[ref]: {secret.as_uri()}",
        f"<img src=\"{secret.as_uri()}\">\n\ntext <img src=\"{secret.as_posix()}\"> more",
        "<script>alert(1)</script>\n\n<style>body{background:url(http://x/y)}</style>",
        f"<a href=\"{secret.as_uri()}\">click</a> and <iframe src=\"http://x\"></iframe>",
        "<link rel=\"stylesheet\" href=\"http://example.org/x.css\">",
        f"![x](images/huge.png) ![y](images/bomb.svg) ![z](images/outside.svg) "
        f"![w](images/{secret.name})",
    ]


PACK_IMAGES = {
    "huge.png": png_claiming(60_000, 60_000),
    "bomb.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="80000">'
                b'<rect width="100000" height="80000" fill="teal"/></svg>',
}


def pack_images(asked_names: list[str]) -> markdown_view.ImageSource:
    def serve(name: str) -> bytes | None:
        asked_names.append(name)
        if name == "outside.svg":  # an edited pack: the SVG refers to a file
            return (b'<svg xmlns="http://www.w3.org/2000/svg" '
                    b'xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
                    b'<image xlink:href="file:///etc/hostname" width="10" height="10"/></svg>')
        return PACK_IMAGES.get(name)
    return serve


def _image_size(answer: object) -> tuple[int, int]:
    assert isinstance(answer, QImage), f"not an image: {answer!r}"
    return answer.width(), answer.height()


def test_no_hostile_image_is_ever_loaded(qtbot: QtBot, secret: Path) -> None:
    view = RecordingView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    names: list[str] = []
    for text in hostile_documents(secret):
        view.requests.clear()
        view.answers.clear()
        view.show_markdown(text, pack_images(names))
        view.grab()  # lays out and paints: every image is asked for now
        for (kind, url), answer in zip(view.requests, view.answers, strict=True):
            assert kind == QTextDocument.ResourceType.ImageResource.value
            size = _image_size(answer)
            assert size not in ((77, 55), (33, 21)), f"{url} was loaded"
            # Whatever Qt cached for the address is our answer, not the file's content.
            cached = view.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                              QUrl(url))
            assert _image_size(cached) == size, url
    # The pack was asked only for plain names from its images/ folder.
    assert names == ["huge.png", "bomb.svg", "outside.svg", "secret.png"]


def test_only_safe_pack_images_are_shown(qtbot: QtBot) -> None:
    view = RecordingView()
    qtbot.addWidget(view)
    images = {"circle.png": png_bytes(40, 30), **PACK_IMAGES}
    view.show_markdown("![a](images/circle.png)\n\n![b](images/bomb.svg)\n\n"
                       "![c](images/huge.png)", images.get)
    view.grab()
    answers = dict(zip([u for _k, u in view.requests], view.answers, strict=True))
    assert _image_size(answers["images/circle.png"]) == (40, 30)
    width, height = _image_size(answers["images/bomb.svg"])
    assert max(width, height) <= MAX_SHOWN_SIDE and width > 1  # scaled, not refused
    assert _image_size(answers["images/huge.png"]) == (1, 1)  # refused before decoding


def test_raw_html_is_shown_as_text_and_loads_nothing(qtbot: QtBot, secret: Path) -> None:
    view = RecordingView()
    qtbot.addWidget(view)
    view.show_markdown(
        f"# Title\n\n<script>alert(1)</script>\n\nSome <b>bold</b> and "
        f"<img src=\"{secret.as_uri()}\"> and <a href=\"{secret.as_uri()}\">link</a>\n",
        no_images := markdown_view.no_images)
    view.grab()
    text = view.toPlainText()
    assert "<script>alert(1)</script>" in text
    assert "<b>bold</b>" in text
    assert "<img src=" in text
    assert view.requests == []
    assert not view.document().toHtml().count("<a href=\"file")
    assert view.images is no_images


def _anchors(view: MarkdownView) -> list[str]:
    found = []
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href:
                found.append(href)
            iterator += 1
        block = block.next()
    return found


HOSTILE_LINKS = (
    "[a](file:///etc/passwd) [b](javascript:alert(1)) [c](mailto:someone@example.org) "
    "[d](../../secret.md) [e](/etc/passwd) [f](data:text/html,<b>x</b>) [g](smb://server/x) "
    "[h](ftp://example.org/x) [i](#top) [j](02-next.md) [k](http:no-host)"
)


def test_links_open_nothing_but_web_pages_after_asking(
        qtbot: QtBot, url_spy: UrlSpy, asked: list[str]) -> None:
    view = RecordingView()
    qtbot.addWidget(view)
    sections: list[str] = []
    view.section_link_clicked.connect(sections.append)
    view.show_markdown(HOSTILE_LINKS + "\n\n[web](https://example.org/page) www.example.org")
    anchors = _anchors(view)
    assert "file:///etc/passwd" in anchors and "https://example.org/page" in anchors
    for href in anchors:
        view.anchorClicked.emit(QUrl(href))
    assert asked == ["https://example.org/page", "http://www.example.org"]
    assert url_spy.opened == ["https://example.org/page", "http://www.example.org"]
    assert sections == ["02-next"]
    assert view.source().isEmpty() and "[a]" not in view.toPlainText()


def test_nothing_opens_when_the_person_says_no(
        qtbot: QtBot, url_spy: UrlSpy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_view, "ask_open_web_link", lambda _p, _a: False)
    view = MarkdownView()
    qtbot.addWidget(view)
    view.show_markdown("[web](https://example.org/page)")
    view.anchorClicked.emit(QUrl("https://example.org/page"))
    assert url_spy.opened == []


def test_a_real_click_on_a_file_link_follows_nothing(
        qtbot: QtBot, url_spy: UrlSpy, asked: list[str], secret: Path) -> None:
    view = RecordingView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.show_markdown(f"[open the secret]({secret.as_uri()})")
    before = view.toPlainText()
    clicked: list[QUrl] = []
    view.anchorClicked.connect(clicked.append)
    cursor = view.textCursor()
    cursor.setPosition(3)
    spot = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(spot))
    assert [u.toString() for u in clicked] == [secret.as_uri()]
    assert view.toPlainText() == before
    assert view.source().isEmpty()
    assert url_spy.opened == [] and asked == []


def test_a_document_for_slides_answers_every_request_itself(secret: Path) -> None:
    document = SafeTextDocument()
    document.setHtml(f"<p><img src=\"{secret.as_uri()}\"><img src=\"{secret.as_posix()}\">"
                     f"</p>")
    document.setTextWidth(400)
    document.size()  # lays out: images are requested now
    for url in (secret.as_uri(), secret.as_posix()):
        cached = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert _image_size(cached) == (1, 1)


def test_pack_text_in_a_label_is_plain(qtbot: QtBot) -> None:
    label = plain_label("<b>bold</b> <img src='file:///etc/hostname'>")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith("<b>")


def test_the_image_name_rule() -> None:
    ok = QUrl("images/circle.svg")
    assert markdown_view.image_name(ok) == "circle.svg"
    for bad in ("images/../x.png", "/images/x.png", "file:images/x.png", "images/x.png?y",
                "images/x.png#z", "images/sub/x.png", "images/x.gif", "x.png",
                "//host/images/x.png", "images/.x.png"):
        assert markdown_view.image_name(QUrl(bad)) is None, bad
    assert QByteArray  # imported for the buffer helpers


def test_slides_load_nothing_from_outside_either(
        qtbot: QtBot, secret: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from initiator_desktop.ui.training.presenter import slide_view
    from initiator_desktop.ui.training.presenter.slide_content import SlideContent

    answers: list[tuple[str, object]] = []

    class RecordingDocument(SafeTextDocument):
        def loadResource(self, resource_type: int, url: QUrl) -> object:
            answer = super().loadResource(resource_type, url)
            answers.append((url.toString(), answer))
            return answer

    monkeypatch.setattr(slide_view, "SafeTextDocument", RecordingDocument)
    view = slide_view.SlideView()
    qtbot.addWidget(view)
    view.resize(960, 540)
    names: list[str] = []
    for text in hostile_documents(secret):
        view.show_slide(SlideContent(kicker="k", title="t", markdown=text), pack_images(names))
        view.grab()
    assert answers, "the slides asked for no image at all"
    for url, answer in answers:
        assert _image_size(answer) not in ((77, 55), (33, 21)), url
