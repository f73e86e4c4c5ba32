"""Content packs: the example and built-in packs validate, broken packs report every problem
with its file and line, and export gives back the same files."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from initiator_desktop.core.course import QuizKind
from initiator_desktop.exchange.content_pack import (
    PackInvalid,
    Problem,
    check_files,
    load_files,
    load_pack,
    validate_path,
    write_folder,
    write_pack,
    write_zip,
)
from initiator_desktop.exchange.content_pack.archive import read_source
from initiator_desktop.exchange.content_pack.library import BUILT_IN
from initiator_desktop.exchange.content_pack.writer import TargetExists, zip_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "packs" / "example"
BUILT_IN_PACK = ROOT / "resources" / "packs" / "igangsetterkurs"
SCHEMAS = ROOT / "resources" / "schemas"
MODULE = "modules/01-rounds"
EN_TOML = f"{MODULE}/en/module.toml"
NB_TOML = f"{MODULE}/nb/module.toml"
EN_FIRST = f"{MODULE}/en/01-opening-round.md"
Files = dict[str, bytes]


def example_files() -> Files:
    raw = read_source(EXAMPLE)
    assert not raw.problems
    return dict(raw.files)


def write_tree(root: Path, files: Files) -> Path:
    for name, data in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def text(files: Files, name: str) -> str:
    return files[name].decode("utf-8")


def replace(files: Files, name: str, old: str, new: str) -> None:
    content = text(files, name)
    assert old in content, old
    files[name] = content.replace(old, new, 1).encode("utf-8")


def line_of(files: Files, name: str, needle: str) -> int:
    """The 1-based line of ``needle`` in a file: the line a problem should name."""
    lines = text(files, name).splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def shown(problem: Problem) -> str:
    return problem.message.format(**problem.params)


def found(files: Files, **options: bool) -> list[tuple[str, int | None, str]]:
    result = check_files(files, **options)
    assert result.pack is None
    return [(p.file, p.line, shown(p)) for p in result.problems]


def has(problems: list[tuple[str, int | None, str]], file: str, line: int | None,
        fragment: str) -> bool:
    return any(f == file and ln == line and fragment in m for f, ln, m in problems)


# -- valid packs -----------------------------------------------------------------------
def test_example_pack_validates_and_reads() -> None:
    result = validate_path(EXAMPLE)
    assert result.problems == ()
    pack = result.pack
    assert pack is not None
    assert pack.id == "org.example.rounds"
    assert pack.languages == ("nb", "en")
    assert pack.title("en") == "Example: rounds in the meeting"
    module = pack.modules[0]
    en = module.text("en")
    assert [s.key for s in en.sections] == ["01-opening-round", "02-closing-round"]
    assert en.sections[0].title == "The opening round"
    assert "How did your last meeting" in en.sections[0].notes
    assert en.minutes == 30 and len(en.reflection) == 2
    assert len(en.cases) == 1 and len(en.cases[0].roles) == 3
    assert [q.kind for q in en.quiz] == [QuizKind.SINGLE, QuizKind.MULTIPLE]
    assert en.quiz[0].answers[0].explanation.startswith("Right")
    assert module.text("nn").title == "Åpningsrunde og avslutningsrunde"


def test_example_meets_the_schemas_directly() -> None:
    files = example_files()
    pack_schema = json.loads((SCHEMAS / "content-pack.schema.json").read_text("utf-8"))
    module_schema = json.loads((SCHEMAS / "content-module.schema.json").read_text("utf-8"))
    for schema in (pack_schema, module_schema):
        Draft202012Validator.check_schema(schema)
    Draft202012Validator(pack_schema).validate(tomllib.loads(text(files, "pack.toml")))
    for name in (EN_TOML, NB_TOML):
        Draft202012Validator(module_schema).validate(tomllib.loads(text(files, name)))


def test_example_is_not_a_full_course() -> None:
    problems = found(example_files(), strict=True)
    assert has(problems, f"{MODULE}/en/", None, "needs 3 to 8 sections")
    assert has(problems, EN_TOML, line_of(example_files(), EN_TOML, "[[quiz]]"),
               "at least 5 quiz questions")


def test_image_served_only_from_module_images() -> None:
    loaded = load_pack(EXAMPLE)
    assert loaded.image("01-rounds", "circle.svg") == (
        EXAMPLE / MODULE / "images" / "circle.svg").read_bytes()
    assert loaded.image("01-rounds", "../en/module.toml") is None
    assert loaded.image("01-rounds", "missing.png") is None


def test_built_in_course_validates_strictly() -> None:
    result = validate_path(BUILT_IN_PACK, strict=True)
    assert [f"{p.location()}: {shown(p)}" for p in result.problems] == []
    assert result.pack is not None
    assert result.pack.id == "no.igangsetter.igangsetterkurs"
    assert len(result.pack.modules) >= 8
    assert BUILT_IN == ("igangsetterkurs",)


def test_built_in_manifest_meets_the_schema() -> None:
    files = {"pack.toml": (BUILT_IN_PACK / "pack.toml").read_bytes()}
    problems = found(files)
    # Alone, the manifest is fine: only its ten module folders are reported missing.
    assert len(problems) == 10
    assert all("is listed, but its folder" in m for _, _, m in problems)


# -- broken packs: each problem with its file and line -----------------------------------
Mutation = Callable[[Files], tuple[str, int | None, str]]


def _toml_syntax(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", 'id = "org.example.rounds"', 'id = "org.example.rounds')
    return "pack.toml", line_of(files, "pack.toml", "id = "), "not valid TOML"


def _missing_key(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", 'licence = "CC-BY-4.0"\n', "")
    return "pack.toml", None, 'The key "licence" is missing.'


def _wrong_type(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", "format_version = 1", 'format_version = "1"')
    return "pack.toml", line_of(files, "pack.toml", "format_version"), '"format_version" must'


def _unknown_key(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", "[title]", 'colour = "red"\n\n[title]')
    return "pack.toml", line_of(files, "pack.toml", "colour"), '"colour" is not a known key'


def _bad_id(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", 'id = "org.example.rounds"', 'id = "Org/Example"')
    return "pack.toml", line_of(files, "pack.toml", "id = "), "pack id may hold only"


def _module_listed_missing(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", 'modules = ["01-rounds"]',
            'modules = [\n  "01-rounds",\n  "02-missing",\n]')
    return "pack.toml", line_of(files, "pack.toml", '"02-missing"'), "02-missing is listed"


def _module_not_listed(files: Files) -> tuple[str, int | None, str]:
    for name in [n for n in files if n.startswith(f"{MODULE}/")]:
        files[name.replace("01-rounds", "02-extra")] = files[name]
    return "modules/02-extra/", None, "02-extra is not listed"


def _bad_module_folder(files: Files) -> tuple[str, int | None, str]:
    files["modules/Rounds/en/module.toml"] = files[EN_TOML]
    return "modules/Rounds/", None, "folder's name is not valid"


def _title_language_missing(files: Files) -> tuple[str, int | None, str]:
    replace(files, "pack.toml", 'en = "Example: rounds in the meeting"\n', "")
    return "pack.toml", line_of(files, "pack.toml", "[title]"), "no entry for the language en"


def _single_two_correct(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, 'text = "The initiator sums up the last meeting."\n  correct = false',
            'text = "The initiator sums up the last meeting."\n  correct = true')
    return EN_TOML, line_of(files, EN_TOML, "[[quiz]]"), "exactly one correct answer"


def _multiple_none_correct(files: Files) -> tuple[str, int | None, str]:
    for _ in range(2):
        replace(files, NB_TOML, "correct = true\n  explanation = \"Ja:",
                "correct = false\n  explanation = \"Ja:")
    lines = text(files, NB_TOML).splitlines()
    second_quiz = [i for i, line in enumerate(lines, start=1) if line == "[[quiz]]"][1]
    return NB_TOML, second_quiz, "at least one correct answer"


def _answer_wrong_type(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, "correct = true", 'correct = "yes"')
    return EN_TOML, line_of(files, EN_TOML, 'correct = "yes"'), '"correct" must be true or false'


def _answer_unknown_key(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, "  correct = true\n", "  correct = true\n  weight = 50\n")
    return EN_TOML, line_of(files, EN_TOML, "weight = 50"), '"weight" is not a known key'


def _too_few_reflections(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, '  "How can a group keep its rounds short without cutting anyone '
                            'off?",\n', "")
    return EN_TOML, line_of(files, EN_TOML, "reflection = ["), '"reflection" has too few'


def _blank_reflection(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, '  "How can a group keep', '  "  ",\n  "How can a group keep')
    return EN_TOML, line_of(files, EN_TOML, '"  ",'), '"reflection" must not be empty'


def _case_without_roles(files: Files) -> tuple[str, int | None, str]:
    content = text(files, NB_TOML)
    start, end = content.index("  [[case.role]]"), content.index("[[quiz]]")
    files[NB_TOML] = (content[:start] + "\n" + content[end:]).encode("utf-8")
    return NB_TOML, line_of(files, NB_TOML, "[[case]]"), 'The key "role" is missing.'


def _minutes_out_of_range(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_TOML, "minutes = 30", "minutes = 0")
    return EN_TOML, line_of(files, EN_TOML, "minutes"), '"minutes" must be between 1 and 600'


def _module_toml_missing(files: Files) -> tuple[str, int | None, str]:
    del files[NB_TOML]
    return NB_TOML, None, "module.toml is missing"


def _section_missing_in_language(files: Files) -> tuple[str, int | None, str]:
    del files[f"{MODULE}/nb/02-closing-round.md"]
    del files[f"{MODULE}/nb/02-closing-round.notes.md"]
    return f"{MODULE}/nb/02-closing-round.md", None, "missing in this language (it exists in en)"


def _notes_without_section(files: Files) -> tuple[str, int | None, str]:
    files[f"{MODULE}/en/03-later.notes.md"] = b"Say this.\n"
    return f"{MODULE}/en/03-later.notes.md", None, "belong to no section: 03-later.md"


def _duplicate_number(files: Files) -> tuple[str, int | None, str]:
    for code in ("nb", "en"):
        files[f"{MODULE}/{code}/02-another.md"] = b"# Another\n"
    return f"{MODULE}/en/02-closing-round.md", None, "Two sections have the number 02"


def _no_heading(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "# The opening round", "The opening round")
    return EN_FIRST, 1, "must begin with its title"


def _remote_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](https://example.org/tracker.png)")
    return EN_FIRST, line_of(files, EN_FIRST, "tracker.png"), "not from https://example.org"


def _file_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](file:///etc/passwd)")
    return EN_FIRST, line_of(files, EN_FIRST, "passwd"), "not from file:///etc/passwd"


def _data_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)",
            "](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")
    return EN_FIRST, line_of(files, EN_FIRST, "data:"), "not from data:image/svg+xml"


def _parent_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](images/../../nb/module.toml)")
    return EN_FIRST, line_of(files, EN_FIRST, "nb/module.toml"), "not from images/../../nb"


def _absolute_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](/home/user/photo.png)")
    return EN_FIRST, line_of(files, EN_FIRST, "photo.png"), "not from /home/user/photo.png"


def _missing_image(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](images/square.png)")
    return EN_FIRST, line_of(files, EN_FIRST, "square.png"), "images/square.png is not in"


def _image_elsewhere(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "](images/circle.svg)", "](circle.svg)")
    return EN_FIRST, line_of(files, EN_FIRST, "(circle.svg)"), "like images/picture.png"


def _raw_html(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "## Why a round", '<img src="x" onerror="alert(1)">\n\n## Why')
    return EN_FIRST, line_of(files, EN_FIRST, "<img"), "Raw HTML"


def _script_in_notes(files: Files) -> tuple[str, int | None, str]:
    name = f"{MODULE}/nb/02-closing-round.notes.md"
    files[name] = files[name] + b"\n<script>alert(1)</script>\n"
    return name, line_of(files, name, "<script>"), "Raw HTML"


def _web_link(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "## Why a round", "[More](http://example.org/more)\n\n## Why")
    return EN_FIRST, line_of(files, EN_FIRST, "[More]"), "Links to web addresses"


def _javascript_link(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "## Why a round", "[Click](javascript:alert(1))\n\n## Why")
    return EN_FIRST, line_of(files, EN_FIRST, "[Click]"), "javascript:alert(1"


def _autolink(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "## Why a round", "See <https://example.org>.\n\n## Why")
    return EN_FIRST, line_of(files, EN_FIRST, "See <"), "https://example.org"


def _wide_table(files: Files) -> tuple[str, int | None, str]:
    replace(files, EN_FIRST, "## Why a round",
            "| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n\n## Why")
    return EN_FIRST, line_of(files, EN_FIRST, "|---|"), "at most 3 columns; this one has 4"


def _not_utf8(files: Files) -> tuple[str, int | None, str]:
    line = line_of(files, EN_FIRST, "Nobody")
    files[EN_FIRST] = files[EN_FIRST].replace(b"Nobody", b"Nob\xffody")
    return EN_FIRST, line, "not UTF-8"


def _svg_script(files: Files) -> tuple[str, int | None, str]:
    name = f"{MODULE}/images/circle.svg"
    files[name] = files[name].replace(b"</svg>", b'<script>alert(1)</script>\n</svg>')
    return name, line_of(files, name, "<script>"), "SVG image contains a script"


def _svg_external(files: Files) -> tuple[str, int | None, str]:
    name = f"{MODULE}/images/circle.svg"
    files[name] = files[name].replace(b"</svg>", b'<image href="/etc/hosts.png"/>\n</svg>')
    return name, line_of(files, name, "<image"), "reference to another file"


def _fake_png(files: Files) -> tuple[str, int | None, str]:
    files[f"{MODULE}/images/photo.png"] = b"<html>not a png</html>"
    return f"{MODULE}/images/photo.png", None, "not a PNG image"


def _stray_file(files: Files) -> tuple[str, int | None, str]:
    files["notes.txt"] = b"hello"
    return "notes.txt", None, "does not belong in a content pack"


def _stray_file_in_language(files: Files) -> tuple[str, int | None, str]:
    files[f"{MODULE}/en/Intro.MD"] = b"# Intro"
    return f"{MODULE}/en/Intro.MD", None, "sections are named like 01-title.md"


def _undeclared_language(files: Files) -> tuple[str, int | None, str]:
    files[f"{MODULE}/nn/module.toml"] = files[NB_TOML]
    return f"{MODULE}/nn/", None, "language nn is not declared"


def _missing_language_folder(files: Files) -> tuple[str, int | None, str]:
    for name in [n for n in files if n.startswith(f"{MODULE}/nb/")]:
        del files[name]
    return f"{MODULE}/nb/", None, "no folder for the language nb"


def _no_manifest(files: Files) -> tuple[str, int | None, str]:
    del files["pack.toml"]
    return "pack.toml", None, "pack.toml is missing"


def _nested_manifest(files: Files) -> tuple[str, int | None, str]:
    files["inner/pack.toml"] = files.pop("pack.toml")
    return "inner/pack.toml", None, "must be at the top of the pack"


MUTATIONS: list[Mutation] = [
    _toml_syntax, _missing_key, _wrong_type, _unknown_key, _bad_id, _module_listed_missing,
    _module_not_listed, _bad_module_folder, _title_language_missing, _single_two_correct,
    _multiple_none_correct, _answer_wrong_type, _answer_unknown_key, _too_few_reflections,
    _blank_reflection, _case_without_roles, _minutes_out_of_range, _module_toml_missing,
    _section_missing_in_language, _notes_without_section, _duplicate_number, _no_heading,
    _remote_image, _file_image, _data_image, _parent_image, _absolute_image, _missing_image,
    _image_elsewhere, _raw_html, _script_in_notes, _web_link, _javascript_link, _autolink,
    _wide_table, _not_utf8, _svg_script, _svg_external, _fake_png, _stray_file,
    _stray_file_in_language, _undeclared_language, _missing_language_folder, _no_manifest,
    _nested_manifest,
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__.strip("_"))
def test_broken_pack_reports_file_and_line(mutation: Mutation) -> None:
    files = example_files()
    file, line, fragment = mutation(files)
    problems = found(files)
    assert has(problems, file, line, fragment), problems


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    files = example_files()
    chosen = (_wrong_type, _single_two_correct, _section_missing_in_language, _remote_image,
              _svg_script, _stray_file)
    expected = [mutation(files) for mutation in chosen]
    with pytest.raises(PackInvalid) as caught:
        load_pack(write_tree(tmp_path / "pack", files))
    problems = [(p.file, p.line, shown(p)) for p in caught.value.problems]
    for file, line, fragment in expected:
        assert has(problems, file, line, fragment), (file, line, fragment, problems)
    assert caught.value.exit_code == 4


def test_problems_are_sorted_and_unique() -> None:
    files = example_files()
    _raw_html(files)
    _remote_image(files)
    result = check_files(files)
    keys = [p.sort_key() for p in result.problems]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_strict_rules_for_the_built_in_course() -> None:
    files = example_files()
    del files[f"{MODULE}/en/02-closing-round.notes.md"]
    replace(files, EN_TOML, '  explanation = "No: the group has no leader, and the initiator '
                            'does not take the main role."', '  explanation = ""')
    problems = found(files, strict=True)
    assert has(problems, f"{MODULE}/en/02-closing-round.md", None, "speaker notes")
    answer_line = line_of(files, EN_TOML, 'text = "The initiator sums up') - 1
    assert has(problems, EN_TOML, answer_line, "no explanation")
    assert check_files(files).ok


def test_toml_tricks_do_not_confuse_line_numbers() -> None:
    files = example_files()
    # A multi-line string that looks like tables must not shift the count of [[quiz]].
    replace(files, EN_TOML, "Nobody says anything.\n",
            "Nobody says anything.\n[[quiz]]\nkind = \"x\"\n")
    replace(files, EN_TOML, 'kind = "multiple"', 'kind = "several"')
    problems = found(files)
    assert has(problems, EN_TOML, line_of(files, EN_TOML, '"several"'), '"kind" must be one of')


# -- export ----------------------------------------------------------------------------
def test_export_round_trip_is_byte_identical(tmp_path: Path) -> None:
    loaded = load_pack(EXAMPLE)
    write_zip(loaded.files, tmp_path / "pack.zip")
    from_zip = load_pack(tmp_path / "pack.zip")
    assert from_zip.files == example_files()
    assert from_zip.pack == loaded.pack
    write_folder(from_zip.files, tmp_path / "again")
    assert read_source(tmp_path / "again").files == example_files()
    for name, data in example_files().items():
        assert (tmp_path / "again" / name).read_bytes() == data
    write_pack(from_zip.files, tmp_path / "second.zip")
    assert (tmp_path / "second.zip").read_bytes() == (tmp_path / "pack.zip").read_bytes()
    assert zip_bytes(loaded.files) == (tmp_path / "pack.zip").read_bytes()


def test_export_never_overwrites(tmp_path: Path) -> None:
    files = load_pack(EXAMPLE).files
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken.zip").write_bytes(b"keep")
    with pytest.raises(TargetExists):
        write_pack(files, tmp_path / "taken")
    with pytest.raises(TargetExists):
        write_pack(files, tmp_path / "taken.zip")
    assert (tmp_path / "taken.zip").read_bytes() == b"keep"
    assert list((tmp_path / "taken").iterdir()) == []


def test_load_files_refuses_unsafe_names() -> None:
    files = example_files()
    files["../evil.md"] = b"x"
    files[".hidden"] = b"x"
    with pytest.raises(PackInvalid) as caught:
        load_files(files)
    assert {p.file for p in caught.value.problems} == {"../evil.md", ".hidden"}


def test_toml_lines_follow_tables_keys_and_items() -> None:
    from initiator_desktop.exchange.content_pack.toml_lines import TomlLines

    source = '''\
title.nb = "Tittel"            # 1: a dotted key
"quoted key" = 'lit # [x]'     # 2
items = [                      # 3
  "one",  # a comment, with [brackets]
  'two',
  { a = 1 },
]
text = """
[[quiz]]
not a table \\""" still in the string
"""
[[quiz]]                       # 12
kind = "single"
  [[quiz.answer]]              # 14
  text = "a"
  [[quiz.answer]]              # 16
  text = "b"
[[quiz]]                       # 18
  [[quiz.answer]]              # 19
  correct = true               # 20
[table . sub]                  # 21
value = 1
'''
    assert tomllib.loads(source)["quiz"][1]["answer"][0]["correct"] is True
    lines = TomlLines(source)
    assert lines.line_of(("title", "nb")) == 1
    assert lines.line_of(("quoted key",)) == 2
    assert [lines.line_of(("items", i)) for i in range(3)] == [4, 5, 6]
    assert lines.line_of(("quiz", 0)) == 12
    assert lines.line_of(("quiz", 0, "kind")) == 13
    assert lines.line_of(("quiz", 0, "answer", 1, "text")) == 17
    assert lines.line_of(("quiz", 1, "answer", 0, "correct")) == 20
    assert lines.line_of(("quiz", 1, "answer", 0, "explanation")) == 19
    assert lines.line_of(("table", "sub", "value")) == 22
    assert lines.line_of(("missing",)) is None
    assert lines.line_with(("items",), "two") == 5


def test_modules_are_checked_even_when_the_manifest_is_broken() -> None:
    files = example_files()
    _toml_syntax(files)
    file, line, fragment = _single_two_correct(files)
    problems = found(files)
    assert has(problems, file, line, fragment)
    assert has(problems, "pack.toml", line_of(files, "pack.toml", "id = "), "not valid TOML")
