"""Language choice, catalogs and Babel formatting."""

from __future__ import annotations

import sys
from datetime import date, time
from pathlib import Path

import pytest

from initiator_desktop import i18n
from initiator_desktop.i18n.formatting import format_day, format_time, weekday_name

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import catalogs as catalog_tool


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (["nb-NO", "en"], "nb"),
        (["no_NO.UTF-8"], "nb"),
        (["nn-NO"], "nn"),
        (["en-GB"], "en"),
        (["de-DE", "nn"], "nn"),
        (["de-DE", "fr"], "nb"),
        ([], "nb"),
    ],
)
def test_language_follows_the_system_when_it_is_one_of_ours(
    candidates: list[str], expected: str
) -> None:
    assert i18n.pick_language(candidates) == expected


def test_environment_language(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "nn_NO.UTF-8")
    assert i18n.environment_language() == "nn"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.environment_language() == "nb"


def test_weekdays_and_times_through_babel() -> None:
    assert weekday_name(1, "nb") == "tirsdag"
    assert weekday_name(1, "nn") == "tysdag"
    assert weekday_name(1, "en") == "Tuesday"
    assert format_time(time(18, 5), "en") == "18:05"
    assert format_day(date(2026, 5, 17), "nb") == "søndag 17. mai 2026"


def test_switching_language_translates(tmp_path: Path) -> None:
    message = "The passphrase is not right for this vault."
    i18n.set_language("nb")
    bokmal = i18n._(message)
    i18n.set_language("nn")
    nynorsk = i18n._(message)
    i18n.set_language("en")
    assert i18n._(message) == message
    assert bokmal != message
    assert nynorsk != message
    assert bokmal != nynorsk


def test_plurals_in_norwegian() -> None:
    i18n.set_language("nb")
    one = i18n.ngettext("Imported {count} group.", "Imported {count} groups.", 1)
    many = i18n.ngettext("Imported {count} group.", "Imported {count} groups.", 3)
    assert one != many
    assert "{count}" in one
    assert "{count}" in many


def test_unknown_language_falls_back_to_bokmal() -> None:
    i18n.set_language("de")
    assert i18n.current_language() == "nb"


def test_catalogs_are_complete_for_all_languages() -> None:
    assert catalog_tool.check() == []


def test_compiled_catalogs_are_cached_but_never_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = tmp_path / "nb" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    try:
        po.write_text(header + 'msgid "Hello"\nmsgstr "Hei"\n', encoding="utf-8")
        i18n.load_catalog.cache_clear()
        assert i18n.load_catalog("nb").gettext("Hello") == "Hei"
        po.write_text(header + 'msgid "Hello"\nmsgstr "Hallo"\n', encoding="utf-8")
        i18n.load_catalog.cache_clear()
        assert i18n.load_catalog("nb").gettext("Hello") == "Hallo"
    finally:
        i18n.load_catalog.cache_clear()
