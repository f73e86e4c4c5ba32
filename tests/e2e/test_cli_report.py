"""The ``report`` command end to end: formats, neutral by default, and its exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.test_cli import run

TODAY = date.today()
PERIOD = ("--from", (TODAY - timedelta(days=365)).isoformat(), "--to", TODAY.isoformat())


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.vault"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def demo_groups(demo_vault: Path) -> list[dict[str, object]]:
    result = run("export", str(demo_vault), "-")
    assert result.returncode == 0, result.stderr
    groups: list[dict[str, object]] = json.loads(result.stdout)["groups"]
    return groups


def _report(vault: Path, out: Path | str, kind: str, *extra: str
            ) -> subprocess.CompletedProcess[str]:
    return run("report", str(vault), *PERIOD, "--format", kind, "--out", str(out), *extra)


def test_json_report_is_neutral_by_default(demo_vault: Path, tmp_path: Path,
                                           demo_groups: list[dict[str, object]]) -> None:
    out = tmp_path / "report.json"
    result = _report(demo_vault, out, "json")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["format"] == "initiator-desktop/report"
    assert document["format_version"] == 1
    assert document["selection"] is None
    assert document["period"]["to"] == TODAY.isoformat()
    held = document["meetings"]["total"]["held"]
    assert isinstance(held, int) and held > 20  # a year of four groups' meetings
    for group in demo_groups:
        assert str(group["name"]) not in text
        assert str(group["theme"]) not in text
    assert "Warning" not in result.stderr


def test_csv_and_pdf(demo_vault: Path, tmp_path: Path,
                     demo_groups: list[dict[str, object]]) -> None:
    csv_path, pdf_path = tmp_path / "report.csv", tmp_path / "report.pdf"
    assert _report(demo_vault, csv_path, "csv").returncode == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert rows and set(rows[0]) == {"section", "name", "from", "to", "measure", "value"}
    assert any(row["value"] == "<3" for row in rows)
    result = _report(demo_vault, pdf_path, "pdf")
    assert result.returncode == 0, result.stderr
    assert pdf_path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "<3" in text
        for group in demo_groups:
            assert str(group["name"]) not in text
            assert str(group["theme"]) not in text


def test_selected_groups_and_themes(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "chosen.json"
    result = _report(demo_vault, out, "json", "--groups", "Tirsdagsgruppa,onsdagsringen",
                     "--by-theme", "--min-count", "4")
    assert result.returncode == 0, result.stderr
    assert "Warning" in result.stderr  # themes are sensitive
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["selection"] == ["Onsdagsringen", "Tirsdagsgruppa"]
    assert document["min_count"] == 4
    assert {t["theme"] for t in document["meetings"]["themes"]} == {"Kroniske smerter", "Sorg"}


def test_standard_output(demo_vault: Path) -> None:
    result = _report(demo_vault, "-", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["format_version"] == 1


def test_norwegian_pdf(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    result = run("--lang", "nb", "report", str(demo_vault), *PERIOD, "--format", "pdf",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("arguments", [
    ("--from", "2025-13-01", "--to", "2025-12-31", "--format", "json"),
    ("--from", "2025-03-01", "--to", "2025-02-01", "--format", "json"),
    ("--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--min-count", "2"),
    ("--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--min-count", "x"),
    ("--from", "2025-01-01", "--to", "2025-12-31", "--format", "xlsx"),
    ("--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--groups", " , "),
    ("--from", "1900-01-01", "--to", "2025-12-31", "--format", "json"),
])
def test_usage_errors_exit_2(demo_vault: Path, tmp_path: Path,
                             arguments: tuple[str, ...]) -> None:
    out = tmp_path / "never.json"
    result = run("report", str(demo_vault), *arguments, "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert not out.exists()


def test_missing_out_is_a_usage_error(demo_vault: Path) -> None:
    result = run("report", str(demo_vault), *PERIOD, "--format", "csv")
    assert result.returncode == 2


def test_wrong_passphrase_exits_3(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    result = run("report", str(demo_vault), *PERIOD, "--format", "csv", "--out", str(out),
                 passphrase="not the passphrase")
    assert result.returncode == 3
    assert not out.exists()


def test_unknown_group_fails(demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    result = _report(demo_vault, out, "csv", "--groups", "Nobody")
    assert result.returncode == 1
    assert "Nobody" in result.stderr
    assert not out.exists()


def test_help_names_the_options() -> None:
    result = run("report", "--help")
    assert result.returncode == 0
    for option in ("--from", "--to", "--format", "--out", "--min-count", "--groups",
                   "--by-theme"):
        assert option in result.stdout
