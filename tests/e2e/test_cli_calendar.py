"""The ``calendar`` command end to end: neutral by default, theme only on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e.test_cli import run


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calendar") / "demo.vault"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def demo_groups(demo_vault: Path) -> list[dict[str, object]]:
    result = run("export", str(demo_vault), "-")
    assert result.returncode == 0, result.stderr
    groups: list[dict[str, object]] = json.loads(result.stdout)["groups"]
    return groups


def events(path: Path) -> list[dict[str, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [{k: str(v) for k, v in e.items() if k in {"SUMMARY", "LOCATION", "UID"}}
            for e in calendar.walk("VEVENT")]


def test_neutral_calendar(demo_vault: Path, demo_groups: list[dict[str, object]],
                          tmp_path: Path) -> None:
    out = tmp_path / "thursday.ics"
    result = run("calendar", str(demo_vault), "--group", "TORSDAGSGRUPPA", "--out", str(out))
    assert result.returncode == 0, result.stderr
    found = events(out)
    assert found
    assert {e["SUMMARY"] for e in found} == {"Meeting"}
    assert all("LOCATION" not in e for e in found)
    text = out.read_text(encoding="utf-8")
    for group in demo_groups:
        assert str(group["theme"]) not in text
    assert "Warning" not in result.stderr


def test_neutral_title_is_the_groups_code_word(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "tuesday.ics"
    result = run("calendar", str(demo_vault), "--group", "Tirsdagsgruppa", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert {e["SUMMARY"] for e in events(out)} == {"Tirsdagsprat"}
    calendar = Calendar.from_ical(out.read_bytes())
    series = calendar.walk("VEVENT")[0]
    assert series.get("EXDATE") is not None  # the Christmas pause and skipped holidays


def test_norwegian_neutral_title(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "torsdag.ics"
    result = run("--lang", "nb", "calendar", str(demo_vault), "--group", "Torsdagsgruppa",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert {e["SUMMARY"] for e in events(out)} == {"Møte"}


def test_initiators_calendar(demo_vault: Path, demo_groups: list[dict[str, object]],
                             tmp_path: Path) -> None:
    out = tmp_path / "mine.ics"
    result = run("calendar", str(demo_vault), "--initiator", "--out", str(out))
    assert result.returncode == 0, result.stderr
    found = events(out)
    # The starting and the planned group, three initiator meetings each by default.
    assert len(found) == 6
    assert {e["SUMMARY"] for e in found} == {"Meeting"}
    text = out.read_text(encoding="utf-8")
    for group in demo_groups:
        assert str(group["theme"]) not in text
        assert str(group["name"]) not in text


def test_group_and_initiator_together_is_a_usage_error(demo_vault: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "both.ics"
    result = run("calendar", str(demo_vault), "--initiator", "--group", "Tirsdagsgruppa",
                 "--out", str(out))
    assert result.returncode == 2
    assert not out.exists()


def test_by_id_with_place(demo_vault: Path, demo_groups: list[dict[str, object]],
                          tmp_path: Path) -> None:
    group = next(g for g in demo_groups if g["name"] == "Onsdagsringen")
    out = tmp_path / "phone.ics"
    result = run("calendar", str(demo_vault), "--group", str(group["id"]), "--out", str(out),
                 "--with-place", "--title", "Ringen")
    assert result.returncode == 0, result.stderr
    found = events(out)
    assert {e["SUMMARY"] for e in found} == {"Ringen"}
    assert {e["LOCATION"] for e in found} == {"Telefonmøte"}
    assert "4471" not in out.read_text(encoding="utf-8")
    with_dial_in = tmp_path / "dial.ics"
    result = run("calendar", str(demo_vault), "--group", str(group["id"]), "--out",
                 str(with_dial_in), "--with-dial-in")
    assert result.returncode == 0, result.stderr
    assert "4471" in Calendar.from_ical(with_dial_in.read_bytes()).walk("VEVENT")[0][
        "DESCRIPTION"]


def test_theme_title_warns(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "theme.ics"
    result = run("calendar", str(demo_vault), "--group", "Tirsdagsgruppa", "--out", str(out),
                 "--title", "theme")
    assert result.returncode == 0, result.stderr
    assert {e["SUMMARY"] for e in events(out)} == {"Sorg"}
    assert "Warning" in result.stderr
    assert "shared" in result.stderr


def test_unknown_group(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.ics"
    result = run("calendar", str(demo_vault), "--group", "Nobody", "--out", str(out))
    assert result.returncode == 1
    assert "No group is called Nobody." in result.stderr
    assert not out.exists()


def test_wrong_passphrase(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "denied.ics"
    result = run("calendar", str(demo_vault), "--group", "Tirsdagsgruppa", "--out", str(out),
                 passphrase="not the passphrase")
    assert result.returncode == 3
    assert not out.exists()


def test_missing_options_are_a_usage_error(demo_vault: Path) -> None:
    assert run("calendar", str(demo_vault)).returncode == 2


def test_ambiguous_name_asks_for_the_id() -> None:
    from initiator_desktop.cli.common import CommandFailed
    from initiator_desktop.cli.common import find_group as _find_group
    from initiator_desktop.core.models import Group

    twins = [Group(name="Kveldsgruppa"), Group(name="kveldsgruppa")]
    with pytest.raises(CommandFailed, match="More than one group"):
        _find_group(twins, "Kveldsgruppa")
    assert _find_group(twins, twins[1].id) is twins[1]
    assert _find_group(twins, "Morgengruppa") is None
