"""Bringing a GIFT or Aiken quiz file into a pack: appended to one module's quiz.

The questions are written as ``[[quiz]]`` tables at the end of that language's
module.toml, leaving everything above untouched, and the whole pack is checked again
before anything is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from initiator_desktop.core.course import QuizQuestion
from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack.aiken import parse_aiken
from initiator_desktop.exchange.content_pack.gift import parse_gift
from initiator_desktop.exchange.content_pack.imported_quiz import (
    MAX_QUIZ_FILE_BYTES,
    ImportedQuiz,
)
from initiator_desktop.exchange.content_pack.reader import LoadedPack, load_files
from initiator_desktop.exchange.errors import InvalidFile

QUIZ_SUFFIXES = (".gift", ".txt")
_AIKEN_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*[A-Za-z]\s*$", re.MULTILINE | re.IGNORECASE)


def is_quiz_file(path: Path) -> bool:
    return path.suffix.lower() in QUIZ_SUFFIXES and path.is_file()


def parse_quiz_text(text: str, *, suffix: str = ".gift") -> ImportedQuiz:
    """GIFT for .gift files; a .txt is Aiken when it has ANSWER: lines and no braces."""
    if suffix.lower() == ".txt" and _AIKEN_ANSWER.search(text) and "{" not in text:
        return parse_aiken(text)
    return parse_gift(text)


def read_quiz_file(path: Path) -> ImportedQuiz:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_QUIZ_FILE_BYTES + 1)
    except OSError as exc:
        raise InvalidFile(N_("The file could not be read."), str(path)) from exc
    if len(data) > MAX_QUIZ_FILE_BYTES:
        raise InvalidFile(N_("The file is too large."), str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidFile(N_("The file is not UTF-8 text."), str(path)) from exc
    return parse_quiz_text(text, suffix=path.suffix)


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's, except for DEL)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def quiz_toml(questions: Sequence[QuizQuestion]) -> str:
    """The questions as ``[[quiz]]`` tables in the module.toml layout."""
    blocks = []
    for question in questions:
        lines = ["[[quiz]]", f"question = {toml_string(question.question)}",
                 f"kind = {toml_string(question.kind.value)}"]
        for answer in question.answers:
            lines += ["  [[quiz.answer]]", f"  text = {toml_string(answer.text)}",
                      f"  correct = {'true' if answer.correct else 'false'}",
                      f"  explanation = {toml_string(answer.explanation)}"]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def append_quiz(module_toml: bytes, questions: Sequence[QuizQuestion]) -> bytes:
    head = module_toml if module_toml.endswith(b"\n") or not module_toml else module_toml + b"\n"
    return head + b"\n" + quiz_toml(questions).encode("utf-8")


def add_quiz(files: Mapping[str, bytes], module_id: str, language: str,
             questions: Sequence[QuizQuestion]) -> LoadedPack:
    """The pack with ``questions`` appended to one module's quiz in one language.

    Raises PackInvalid (with every problem) if the result would not be a valid pack,
    and InvalidFile if the module or language does not exist.
    """
    name = f"modules/{module_id}/{language}/module.toml"
    if name not in files:
        raise InvalidFile(N_("The pack has no module {module} in the language {code}."),
                          name, module=module_id, code=language)
    changed = dict(files)
    changed[name] = append_quiz(files[name], questions)
    return load_files(changed)
