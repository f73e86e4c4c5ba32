"""The ``certificates`` command end to end: one page per name, the names kept out of the
vault unless the run opted in, and the exit codes for bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from initiator_desktop.core.course_runs import CourseRun, Session
from initiator_desktop.storage.vault import Vault
from tests.e2e.test_cli import PASSPHRASE, run
from tests.printing.pdf_tools import page_count, pdf_text, squeezed_pdf_text

PACK_ID = "no.igangsetter.igangsetterkurs"
DAY1, DAY2 = date(2026, 3, 12), date(2026, 3, 13)
NAMES = ("Kari Nordmann", "Åse Ødegård", "Sigrun Bergstøl-Haugland")
COVERED_EN = ("The practical frames", "Principles for the conversation")
COVERED_NB = ("De praktiske rammene", "Prinsipper for samtalen")
NOT_COVERED_EN = "Typical pitfalls"


def course(**changes: object) -> CourseRun:
    sessions = (
        Session(DAY1, time(9), time(12), ("02-practical-frames", "03-conversation-principles"),
                frozenset({"02-practical-frames", "03-conversation-principles"})),
        Session(DAY2, time(9), time(12), ("08-pitfalls",)),  # planned, not covered
    )
    base = CourseRun(title="Igangsetterkurs Innlandet", pack_id=PACK_ID, language="nb",
                     first_day=DAY1, last_day=DAY2, place="LINK Lillehammer",
                     sessions=sessions, participants=3)
    return replace(base, **changes)  # type: ignore[arg-type]


PLAIN = course(id="plain-run")
OPTED_IN = course(id="opted-in-run", title="Kurs med navnelister", store_names=True)
NOTHING_COVERED = course(id="uncovered-run", title="Ikke holdt ennå",
                         sessions=(Session(DAY1, time(9), time(12), ("01-self-help",)),))


def make_vault(path: Path) -> Path:
    with Vault.create(path, PASSPHRASE) as vault:
        for item in (PLAIN, OPTED_IN, NOTHING_COVERED):
            vault.repo.save_course_run(item)
    return path


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the tests that never print for the opted-in run."""
    return make_vault(tmp_path_factory.mktemp("certificates") / "courses.vault")


@pytest.fixture
def names_file(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("\ufeff" + "\n\n".join(NAMES) + "\n\n", encoding="utf-8")
    return path


def vault_text(path: Path) -> str:
    """Every value in every table of the (decrypted) vault, as one text."""
    with Vault.open(path, PASSPHRASE) as vault:
        conn = vault.connection
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
        rows = [repr(row) for table in tables
                for row in conn.execute(f'SELECT * FROM "{table}"').fetchall()]
        stored = [row[0] for row in conn.execute("SELECT document FROM course_runs")]
    return "\n".join(rows + stored)


def exported(path: Path) -> str:
    result = run("export", str(path), "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


def certificates(vault: Path, course_id: str, names: Path, out: Path, lang: str = "en",
                 *extra: str, passphrase: str = PASSPHRASE) -> tuple[int, str]:
    result = run("certificates", str(vault), "--course", course_id, "--names-file", str(names),
                 "--lang", lang, "--out", str(out), *extra, passphrase=passphrase)
    return result.returncode, result.stderr


@pytest.mark.parametrize(("lang", "covered"), [("en", COVERED_EN), ("nb", COVERED_NB)])
def test_one_page_per_name_with_the_covered_modules(vault_path: Path, names_file: Path,
                                                    tmp_path: Path, lang: str,
                                                    covered: tuple[str, ...]) -> None:
    out = tmp_path / f"certificates-{lang}.pdf"
    code, stderr = certificates(vault_path, "plain-run", names_file, out, lang,
                                "--leader", "Ingrid Haugland")
    assert code == 0, stderr
    assert page_count(out) == len(NAMES)
    text = squeezed_pdf_text(out)
    for expected in (*NAMES, "Igangsetterkurs Innlandet", "LINK Lillehammer", *covered,
                     "Ingrid Haugland"):
        assert "".join(expected.split()) in text
    assert "".join(NOT_COVERED_EN.split()) not in text
    assert "Typiskefallgruver" not in text
    pages = pdf_text(out).split("\f")
    for name, page in zip(NAMES, pages, strict=False):
        assert "".join(name.split()) in "".join(page.split())


def test_names_are_not_kept_by_default(vault_path: Path, names_file: Path,
                                       tmp_path: Path) -> None:
    code, stderr = certificates(vault_path, "plain-run", names_file, tmp_path / "c.pdf")
    assert code == 0, stderr
    stored, export = vault_text(vault_path), exported(vault_path)
    for name in NAMES:
        assert name not in stored
        assert name not in export
        assert json.dumps(name) not in stored  # nor escaped in a JSON document
    assert "stored" not in stderr


def test_names_are_kept_when_the_run_opted_in(names_file: Path, tmp_path: Path) -> None:
    vault_path = make_vault(tmp_path / "own.vault")
    code, stderr = certificates(vault_path, "Kurs med navnelister", names_file,
                                tmp_path / "c.pdf")
    assert code == 0, stderr
    assert "stored" in stderr
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.repo.course_run("opted-in-run").names == NAMES  # type: ignore[union-attr]
        plain = vault.repo.course_run("plain-run")
        assert plain is not None and plain.names == ()
    stored = vault_text(vault_path)
    for name in NAMES:
        assert name in stored
        assert name not in exported(vault_path)  # the interchange has no course runs


@pytest.mark.parametrize(("content", "line"), [
    ("Kari\n\n" + "x" * 81 + "\n", "Line 3"),
    ("Kari\nOla\x00Nordmann\n", "Line 2"),
    ("\n".join(f"Person {i}" for i in range(201)), "Line 201"),
])
def test_a_bad_names_file_is_exit_4_with_its_line(vault_path: Path, tmp_path: Path,
                                                  content: str, line: str) -> None:
    names = tmp_path / "names.txt"
    names.write_text(content, encoding="utf-8")
    out = tmp_path / "c.pdf"
    code, stderr = certificates(vault_path, "plain-run", names, out)
    assert code == 4, stderr
    assert line in stderr
    assert not out.exists()


@pytest.mark.parametrize("data", [b"Kari\n\xff\xfeOla\n", b"", b"\n \n\t\n",
                                  b"Kari\n" + b" " * (300 * 1024)])
def test_not_utf8_empty_or_huge_names_files_are_exit_4(vault_path: Path, tmp_path: Path,
                                                       data: bytes) -> None:
    names = tmp_path / "names.txt"
    names.write_bytes(data)
    code, stderr = certificates(vault_path, "plain-run", names, tmp_path / "c.pdf")
    assert code == 4, stderr
    assert "Error:" in stderr


def test_unknown_course_uncovered_course_and_wrong_passphrase(
        vault_path: Path, names_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    code, stderr = certificates(vault_path, "no-such-course", names_file, out)
    assert code == 1, stderr
    assert "no-such-course" in stderr
    code, stderr = certificates(vault_path, "uncovered-run", names_file, out)
    assert code == 1, stderr
    assert "covered" in stderr
    code, _stderr = certificates(vault_path, "plain-run", names_file, out,
                                 passphrase="not the passphrase")
    assert code == 3
    assert not out.exists()


def test_usage_errors_are_exit_2(vault_path: Path, names_file: Path, tmp_path: Path) -> None:
    result = run("certificates", str(vault_path), "--course", "plain-run", "--names-file",
                 str(names_file), "--lang", "de", "--out", str(tmp_path / "c.pdf"))
    assert result.returncode == 2
    assert "Exit codes" in run("certificates", "--help").stdout
