"""Checking one module folder (every language, sections, notes, quiz, images) and building it.

Problems are collected, never raised; the module is built only when its files had none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from initiator_desktop.core.course import (
    Answer,
    Case,
    Module,
    ModuleText,
    QuizQuestion,
    Role,
    Section,
)
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.content_pack import limits
from initiator_desktop.exchange.content_pack.image_check import check_image
from initiator_desktop.exchange.content_pack.layout import ModuleFiles, module_folder
from initiator_desktop.exchange.content_pack.markdown_check import check_markdown, split_section
from initiator_desktop.exchange.content_pack.problems import Problems
from initiator_desktop.exchange.content_pack.toml_check import (
    MODULE_SCHEMA,
    TomlFile,
    decode_text,
    parse_toml,
)

MODULE_TOML = "module.toml"
_KEY = r"[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*"
_SECTION_FILE = re.compile(rf"({_KEY})\.md")
_NOTES_FILE = re.compile(rf"({_KEY})\.notes\.md")


@dataclass
class _Language:
    """What one language folder holds, sorted out."""

    folder: str
    toml: TomlFile | None = None
    toml_ok: bool = False
    sections: dict[str, bytes] = field(default_factory=dict)
    notes: dict[str, bytes] = field(default_factory=dict)


def check_module(module_id: str, files: ModuleFiles, languages: Sequence[str], *,
                 strict: bool, problems: Problems) -> Module | None:
    """Check every file of one module; the Module, or None when something is wrong."""
    before = len(problems)
    images = _check_images(module_id, files.images, problems)
    folder = module_folder(module_id)
    for code in sorted(set(files.languages) - set(languages)):
        problems.add(f"{folder}{code}/", None,
                     N_("The language {code} is not declared in pack.toml."), code=code)
    texts = []
    sorted_out: dict[str, _Language] = {}
    for code in languages:
        if code not in files.languages:
            problems.add(f"{folder}{code}/", None,
                         N_("The module has no folder for the language {code}."), code=code)
            continue
        language = _sort_language(f"{folder}{code}/", files.languages[code], problems)
        sorted_out[code] = language
        text = _check_language(code, language, images, strict, problems)
        if text is not None:
            texts.append(text)
    _check_same_sections(sorted_out, problems)
    if len(problems) > before or not texts:
        return None
    return _build(module_id, tuple(texts), folder, problems)


def _build(module_id: str, texts: tuple[ModuleText, ...], folder: str,
           problems: Problems) -> Module | None:
    try:
        return Module(id=module_id, texts=texts)
    except DomainError as err:
        problems.add(folder, None, err.message, **err.params)
        return None


def _check_images(module_id: str, images: Mapping[str, bytes],
                  problems: Problems) -> frozenset[str]:
    for name, data in images.items():
        check_image(f"{module_folder(module_id)}images/{name}", name, data, problems)
    return frozenset(images)


def _sort_language(folder: str, files: Mapping[str, bytes], problems: Problems) -> _Language:
    language = _Language(folder)
    for name, data in files.items():
        notes, section = _NOTES_FILE.fullmatch(name), _SECTION_FILE.fullmatch(name)
        if name == MODULE_TOML:
            before = len(problems)
            language.toml = parse_toml(folder + name, data, problems, MODULE_SCHEMA)
            language.toml_ok = language.toml is not None and len(problems) == before
        elif notes:
            language.notes[notes.group(1)] = data
        elif section:
            language.sections[section.group(1)] = data
        else:
            problems.add(folder + name, None,
                         N_("This file does not belong in a content pack: sections are named "
                            "like 01-title.md and their notes like 01-title.notes.md."))
    if MODULE_TOML not in files:
        problems.add(folder + MODULE_TOML, None, N_("module.toml is missing."))
    return language


def _check_same_sections(languages: Mapping[str, _Language], problems: Problems) -> None:
    every = {key for language in languages.values() for key in language.sections}
    for code, language in languages.items():
        for key in sorted(every - set(language.sections)):
            others = sorted(c for c, lang in languages.items() if key in lang.sections)
            problems.add(f"{language.folder}{key}.md", None,
                         N_("This section is missing in this language (it exists in "
                            "{languages})."), languages=", ".join(others), code=code)


def _check_language(code: str, language: _Language, images: frozenset[str], strict: bool,
                    problems: Problems) -> ModuleText | None:
    before = len(problems)
    _check_section_files(language, strict, problems)
    sections = _sections(language, images, problems)
    if language.toml is not None:
        _check_quiz(language, strict, problems)
        _check_counts(language, strict, problems)
    if len(problems) > before or language.toml is None or not language.toml_ok:
        return None
    try:
        return _module_text(code, language.toml.data, sections)
    except DomainError as err:
        problems.add(language.folder + MODULE_TOML, None, err.message, **err.params)
        return None


def _check_section_files(language: _Language, strict: bool, problems: Problems) -> None:
    folder = language.folder
    numbers: dict[str, str] = {}
    for key in sorted(language.sections):
        if key[:2] in numbers:
            problems.add(f"{folder}{key}.md", None,
                         N_("Two sections have the number {number}: {first} and {second}."),
                         number=key[:2], first=f"{numbers[key[:2]]}.md", second=f"{key}.md")
        numbers.setdefault(key[:2], key)
        if strict and key not in language.notes:
            problems.add(f"{folder}{key}.md", None,
                         N_("The speaker notes for this section are missing ({name})."),
                         name=f"{key}.notes.md")
    for key in sorted(set(language.notes) - set(language.sections)):
        problems.add(f"{folder}{key}.notes.md", None,
                     N_("These notes belong to no section: {name} is missing."),
                     name=f"{key}.md")
    low = limits.STRICT_MIN_SECTIONS if strict else limits.MIN_SECTIONS
    count = len(language.sections)
    if not low <= count <= limits.MAX_SECTIONS:
        problems.add(folder, None,
                     N_("A module needs {low} to {high} sections in each language; this one "
                        "has {count}."), low=low, high=limits.MAX_SECTIONS, count=count)


def _sections(language: _Language, images: frozenset[str],
              problems: Problems) -> list[Section]:
    sections = []
    for key, data in sorted(language.sections.items()):
        file = f"{language.folder}{key}.md"
        text = decode_text(file, data, problems)
        if text is None:
            continue
        check_markdown(file, text, images, problems)
        parts = split_section(file, text, problems)
        notes = _notes(language, key, images, problems)
        if parts is not None and notes is not None:
            sections.append(Section(key=key, title=parts.title, body=parts.body, notes=notes))
    return sections


def _notes(language: _Language, key: str, images: frozenset[str],
           problems: Problems) -> str | None:
    if key not in language.notes:
        return ""
    file = f"{language.folder}{key}.notes.md"
    text = decode_text(file, language.notes[key], problems)
    if text is not None:
        check_markdown(file, text, images, problems)
        return text.strip("\n")
    return None


def _dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _check_quiz(language: _Language, strict: bool, problems: Problems) -> None:
    assert language.toml is not None
    file, lines = language.folder + MODULE_TOML, language.toml.lines
    for i, question in enumerate(_dicts(language.toml.data.get("quiz"))):
        answers = _dicts(question.get("answer"))
        right = sum(a.get("correct") is True for a in answers)
        where = lines.line_of(("quiz", i))
        if question.get("kind") == "single" and len(answers) >= 2 and right != 1:
            problems.add(file, where, N_("A single-choice question needs exactly one correct "
                                         "answer; this one has {count}."), count=right)
        elif question.get("kind") == "multiple" and len(answers) >= 2 and right == 0:
            problems.add(file, where, N_("A multiple-choice question needs at least one "
                                         "correct answer."))
        texts = [a.get("text") for a in answers]
        for j, text in enumerate(texts):
            if text in texts[:j]:
                problems.add(file, lines.line_of(("quiz", i, "answer", j, "text")),
                             N_("Two answers to this question have the same text."))
            explanation = answers[j].get("explanation", "")
            if strict and isinstance(explanation, str) and not explanation.strip():
                problems.add(file, lines.line_of(("quiz", i, "answer", j)),
                             N_("This answer has no explanation."))


def _check_counts(language: _Language, strict: bool, problems: Problems) -> None:
    if not strict or language.toml is None:
        return
    file, data = language.folder + MODULE_TOML, language.toml.data
    quiz, cases = len(_dicts(data.get("quiz"))), len(_dicts(data.get("case")))
    if quiz < limits.STRICT_MIN_QUIZ:
        problems.add(file, language.toml.lines.line_of(("quiz",)),
                     N_("The built-in course needs at least {limit} quiz questions per "
                        "module; this one has {count}."), limit=limits.STRICT_MIN_QUIZ,
                     count=quiz)
    if cases < limits.STRICT_MIN_CASES:
        problems.add(file, language.toml.lines.line_of(("case",)),
                     N_("The built-in course needs at least one role-play case in every "
                        "module."))


# -- building -------------------------------------------------------------------------
def _module_text(code: str, data: dict[str, Any], sections: list[Section]) -> ModuleText:
    return ModuleText(
        language=code, title=data["title"], summary=data["summary"],
        minutes=data["minutes"], reflection=tuple(data["reflection"]),
        sections=tuple(sections),
        cases=tuple(_case(c) for c in data.get("case", [])),
        quiz=tuple(_question(q) for q in data.get("quiz", [])),
    )


def _case(doc: dict[str, Any]) -> Case:
    return Case(title=doc["title"], situation=doc["situation"].strip("\n"),
                roles=tuple(Role(name=r["name"], brief=r["brief"].strip("\n"))
                            for r in doc["role"]),
                debrief=tuple(doc["debrief"]))


def _question(doc: dict[str, Any]) -> QuizQuestion:
    return QuizQuestion(
        question=doc["question"], kind=doc["kind"],
        answers=tuple(Answer(text=a["text"], correct=a["correct"],
                             explanation=a.get("explanation", "")) for a in doc["answer"]),
    )
