"""The ``cards`` and ``declaration`` commands end to end, through real subprocesses."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_cli import run

LANGUAGE_WEEKDAY = {"nb": "tirsdag", "nn": "tysdag", "en": "Tuesday"}


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cards") / "demo.vault"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def demo(demo_vault: Path) -> dict[str, object]:
    result = run("export", str(demo_vault), "-")
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def _group(demo: dict[str, object], name: str) -> dict[str, object]:
    groups: list[dict[str, object]] = demo["groups"]  # type: ignore[assignment]
    return next(g for g in groups if g["name"] == name)


def _place(demo: dict[str, object], group: dict[str, object]) -> dict[str, str]:
    places: list[dict[str, str]] = demo["places"]  # type: ignore[assignment]
    return next(p for p in places if p["id"] == group["place_id"])


def _text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return "".join(out.split())


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(("card_format", "language"),
                         [("a6", "nb"), ("tent", "nn"), ("a4", "en"), ("a5", "nn")])
def test_cards_with_time(demo_vault: Path, demo: dict[str, object], tmp_path: Path,
                         card_format: str, language: str) -> None:
    out = tmp_path / "cards.pdf"
    result = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", card_format,
                 "--lang", language, "--out", str(out), "--with-time")
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and "Advarsel" not in result.stderr
    text = _text(out)
    group = _group(demo, "Tirsdagsgruppa")
    for frame in group["frames"]:  # type: ignore[attr-defined]
        assert _squeeze(frame["texts"][language]["title"]) in text
    assert LANGUAGE_WEEKDAY[language] in text
    place = _place(demo, group)
    assert _squeeze(place["name"]) in text
    for secret in (str(group["theme"]), place["address"], place["access_notes"]):
        assert _squeeze(secret) not in text
    assert not list(tmp_path.glob(".cards.pdf.*"))  # no temporary file left behind


def test_a_phone_group_prints_no_dial_in(demo_vault: Path, demo: dict[str, object],
                                        tmp_path: Path) -> None:
    group = _group(demo, "Onsdagsringen")
    out = tmp_path / "phone.pdf"
    result = run("cards", str(demo_vault), "--group", str(group["id"]), "--format", "a5",
                 "--lang", "en", "--out", str(out), "--with-time")
    assert result.returncode == 0, result.stderr
    text = _text(out)
    place = _place(demo, group)
    assert "Phonemeeting" in text
    assert _squeeze(place["dial_in"]) not in text and "4471" not in text
    assert _squeeze(place["name"]) not in text
    assert _squeeze(str(group["theme"])) not in text


def test_without_time_there_is_no_time(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    result = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a6",
                 "--lang", "nb", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "tirsdag" not in text and "18:00" not in text and "Tirsdagsgruppa" in text


def test_the_theme_only_on_request_and_with_a_warning(demo_vault: Path,
                                                     demo: dict[str, object],
                                                     tmp_path: Path) -> None:
    out = tmp_path / "theme.pdf"
    result = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a4",
                 "--lang", "en", "--out", str(out), "--with-theme")
    assert result.returncode == 0, result.stderr
    assert "Warning" in result.stderr
    assert _squeeze(str(_group(demo, "Tirsdagsgruppa")["theme"])) in _text(out)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_declaration(demo_vault: Path, demo: dict[str, object], tmp_path: Path,
                     language: str) -> None:
    out = tmp_path / f"declaration-{language}.pdf"
    result = run("declaration", str(demo_vault), "--group", "Torsdagsgruppa", "--lang", language,
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "Torsdagsgruppa" in text
    group = _group(demo, "Torsdagsgruppa")
    public = next(f for f in group["frames"]  # type: ignore[attr-defined]
                  if f["source_key"] == "meeting_in_public")
    assert _squeeze(public["texts"][language]["title"]) in text
    assert _squeeze(str(group["theme"])) not in text


def test_exit_codes(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    base = ("--out", str(out), "--lang", "en")
    unknown = run("cards", str(demo_vault), "--group", "Nobody", "--format", "a6", *base)
    assert unknown.returncode == 1
    assert "No group is called Nobody." in unknown.stderr
    assert run("declaration", str(demo_vault), "--group", "Nobody", *base).returncode == 1
    bad_format = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a3",
                     *base)
    assert bad_format.returncode == 2 and "a3" in bad_format.stderr
    bad_language = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a6",
                       "--out", str(out), "--lang", "de")
    assert bad_language.returncode == 2
    missing = run("declaration", str(demo_vault), "--group", "Tirsdagsgruppa", "--out", str(out))
    assert missing.returncode == 2
    wrong = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a6", *base,
                passphrase="not the passphrase")
    assert wrong.returncode == 3
    folder = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a6",
                 "--lang", "en", "--out", str(tmp_path / "no such folder" / "x.pdf"))
    assert folder.returncode == 1
    assert not out.exists()


@pytest.mark.parametrize("display", ["", ":99"])
def test_runs_without_a_display_or_with_a_stale_one(demo_vault: Path, tmp_path: Path,
                                                    display: str) -> None:
    out = tmp_path / "headless.pdf"
    result = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "tent",
                 "--lang", "nb", "--out", str(out),
                 env={"QT_QPA_PLATFORM": "", "DISPLAY": display, "WAYLAND_DISPLAY": ""})
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_help_lists_the_formats() -> None:
    result = run("cards", "--help")
    assert result.returncode == 0
    for word in ("a4", "a5", "a6", "tent", "--with-time", "--lang"):
        assert word in result.stdout


def test_the_card_language_and_the_message_language_are_separate(demo_vault: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "nn.pdf"
    result = run("--lang", "en", "cards", str(demo_vault), "--group", "Tirsdagsgruppa",
                 "--format", "a5", "--lang", "nn", "--out", str(out), "--with-time")
    assert result.returncode == 0, result.stderr
    assert "Wrote the frame cards" in result.stderr
    text = _text(out)
    assert "tysdag" in text and _squeeze("Teieplikt i gruppa") in text


def test_the_cards_language_alone_does_not_change_the_messages(demo_vault: Path,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "nn-only.pdf"
    result = run("cards", str(demo_vault), "--group", "Tirsdagsgruppa", "--format", "a5",
                 "--lang", "nn", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Wrote the frame cards" in result.stderr  # the environment's language (en)
