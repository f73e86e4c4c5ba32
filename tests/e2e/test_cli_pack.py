"""The ``pack`` commands end to end: validate, import (packs and quiz files), list, export.

Until the lead registers ``pack_commands`` in ``initiator_desktop.cli``, the commands are
added to the real top-level parser here, and ``cli.run`` is called in-process so the real
error handling and exit codes are exercised. The subprocess test runs once registered.
"""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import pytest

from initiator_desktop import cli
from initiator_desktop.cli import pack_commands
from initiator_desktop.storage.vault import Vault
from tests.e2e.test_cli import run as run_subprocess
from tests.exchange.test_content_pack import (
    EN_TOML,
    EXAMPLE,
    example_files,
    line_of,
    replace,
    write_tree,
)

PACK_ID = "org.example.rounds"
_real_build_parser = cli.build_parser


def _commands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _registered() -> bool:
    return "pack" in _commands(_real_build_parser()).choices


def _parser_with_pack() -> argparse.ArgumentParser:
    parser = _real_build_parser()
    commands = _commands(parser)
    if "pack" not in commands.choices:
        pack_commands.register(commands)
    return parser


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "content" / "packs"
    monkeypatch.setattr(pack_commands, "packs_folder", lambda: folder)
    monkeypatch.setattr(cli, "build_parser", _parser_with_pack)
    return folder


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.vault"
    with Vault.create(path, "pack passphrase 123"):
        pass
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.run(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_valid_pack(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pack", "validate", str(EXAMPLE))
    assert code == 0, err
    assert out == ("The pack is valid: Example: rounds in the meeting (org.example.rounds, "
                   "version 1.0.0): 1 module in nb, en.\n")


def test_validate_lists_every_problem_and_exits_4(
        content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = example_files()
    replace(files, "pack.toml", "format_version = 1", 'format_version = "1"')
    replace(files, EN_TOML, "minutes = 30", "minutes = 0")
    del files["modules/01-rounds/nb/02-closing-round.md"]
    del files["modules/01-rounds/nb/02-closing-round.notes.md"]
    pack = write_tree(tmp_path / "broken", files)
    code, out, err = run(capsys, "pack", "validate", str(pack))
    assert code == 4
    assert out.splitlines() == [
        f"modules/01-rounds/en/module.toml:{line_of(files, EN_TOML, 'minutes')}: "
        '"minutes" must be between 1 and 600.',
        "modules/01-rounds/nb/02-closing-round.md: This section is missing in this language "
        "(it exists in en).",
        f"pack.toml:{line_of(files, 'pack.toml', 'format_version')}: "
        '"format_version" must be a whole number.',
    ]
    assert "The pack is not valid: 3 problems." in err


def test_validate_strict(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "pack", "validate", "--strict", str(EXAMPLE))
    assert code == 4
    assert "modules/01-rounds/en/: A module needs 3 to 8 sections" in out


def test_validate_hostile_zip(content: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../evil.txt", b"x")
    code, out, _err = run(capsys, "pack", "validate", str(archive))
    assert code == 4
    assert out == "../../evil.txt: The name points outside the pack (..).\n"


def test_problem_of_the_whole_archive_names_its_path(
        content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "damaged.zip"
    archive.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(capsys, "pack", "validate", str(archive))
    assert code == 4
    assert out == f"{archive}: The file is not a readable zip archive.\n"
    assert "The pack is not valid: 1 problem." in err


def test_pack_without_subcommand_is_a_usage_error(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "pack")
    assert code == 2
    assert "validate" in out


def test_import_list_export_round_trip(content: Path, vault: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, data in example_files().items():
            zf.writestr(name, data)
    code, out, err = run(capsys, "pack", "import", str(vault), str(archive))
    assert code == 0, err
    assert out.startswith("Imported the pack Example: rounds in the meeting")
    assert (content / PACK_ID / "pack.toml").is_file()

    code, out, _err = run(capsys, "pack", "list", str(vault))
    assert code == 0
    assert f"{PACK_ID}\t1.0.0\tExample: rounds in the meeting\timported" in out

    code, _out, err = run(capsys, "pack", "export", str(vault), PACK_ID, str(tmp_path / "out.zip"))
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        assert {n: zf.read(n) for n in zf.namelist()} == example_files()
    code, _out, err = run(capsys, "pack", "export", str(vault), PACK_ID, str(tmp_path / "dir"))
    assert code == 0, err
    for name, data in example_files().items():
        assert (tmp_path / "dir" / name).read_bytes() == data

    code, _out, err = run(capsys, "pack", "export", str(vault), PACK_ID, str(tmp_path / "dir"))
    assert code == 1
    assert "already exists" in err


def test_import_again_needs_replace(content: Path, vault: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pack", "import", str(vault), str(EXAMPLE))[0] == 0
    code, _out, err = run(capsys, "pack", "import", str(vault), str(EXAMPLE))
    assert code == 1
    assert "already imported" in err
    assert run(capsys, "pack", "import", str(vault), str(EXAMPLE), "--replace")[0] == 0


def test_import_invalid_pack_writes_nothing(content: Path, vault: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    files = example_files()
    replace(files, "pack.toml", 'licence = "CC-BY-4.0"\n', "")
    files["modules/01-rounds/images/evil.svg"] = b"<svg><script>x</script></svg>"
    code, out, _err = run(capsys, "pack", "import", str(vault),
                          str(write_tree(tmp_path / "bad", files)))
    assert code == 4
    assert 'pack.toml: The key "licence" is missing.' in out
    assert "modules/01-rounds/images/evil.svg:1: The SVG image contains a script" in out
    assert not content.exists()


def test_missing_vault_and_unknown_pack(content: Path, vault: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "pack", "import", str(tmp_path / "none.vault"), str(EXAMPLE))
    assert code == 5
    assert "There is no vault" in err
    assert not content.exists()
    code, _out, err = run(capsys, "pack", "export", str(vault), "org.none", str(tmp_path / "x"))
    assert code == 1
    assert "No pack has the id org.none." in err


def test_import_quiz_files(content: Path, vault: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pack", "import", str(vault), str(EXAMPLE))[0] == 0
    gift = tmp_path / "questions.gift"
    gift.write_text("Which?{=Speak from yourself#Yes ~Give advice#No}\n\n"
                    "The initiator leads the group.{F}\n", encoding="utf-8")
    code, _out, err = run(capsys, "pack", "import", str(vault), str(gift), "--pack", PACK_ID,
                          "--module", "01-rounds")
    assert code == 2
    assert "--lang" in err
    code, out, err = run(capsys, "pack", "import", str(vault), str(gift), "--pack", PACK_ID,
                         "--module", "01-rounds", "--lang", "en")
    assert code == 0, err
    assert out == "Added 1 question to module 01-rounds (en) of org.example.rounds.\n"
    assert f"{gift}:3: A true/false question was skipped" in err
    module_toml = (content / PACK_ID / EN_TOML).read_bytes()
    assert module_toml.startswith(example_files()[EN_TOML])
    assert b'question = "Which?"' in module_toml

    aiken = tmp_path / "aiken.txt"
    aiken.write_text("Closed group?\nA) Nobody new joins\nB) Locked door\nANSWER: A\n",
                     encoding="utf-8")
    code, _out, err = run(capsys, "pack", "import", str(vault), str(aiken), "--pack", PACK_ID,
                          "--module", "01-rounds", "--lang", "nb")
    assert code == 0, err
    assert "no explanation yet" in err


def test_import_quiz_errors(content: Path, vault: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pack", "import", str(vault), str(EXAMPLE))[0] == 0
    gift = tmp_path / "q.gift"
    gift.write_text("Only essays.{}\n", encoding="utf-8")
    base = ["pack", "import", str(vault), str(gift)]
    assert run(capsys, *base)[0] == 2
    code, _out, err = run(capsys, *base, "--pack", PACK_ID, "--module", "01-rounds",
                          "--lang", "en")
    assert code == 4
    assert "no single or multiple choice question" in err
    code, _out, err = run(capsys, *base, "--pack", PACK_ID, "--module", "09-none")
    assert code == 1
    assert "no module 09-none" in err
    code, _out, err = run(capsys, *base, "--pack", "org.none", "--module", "01-rounds")
    assert code == 1


@pytest.mark.skipif(not _registered(), reason="pack_commands is not registered in "
                                              "initiator_desktop.cli yet (the lead adds it)")
def test_subprocess_validate(tmp_path: Path) -> None:
    assert run_subprocess("pack", "validate", str(EXAMPLE)).returncode == 0
    files = example_files()
    del files["pack.toml"]
    result = run_subprocess("pack", "validate", str(write_tree(tmp_path / "p", files)))
    assert result.returncode == 4
    assert "pack.toml: pack.toml is missing" in result.stdout
