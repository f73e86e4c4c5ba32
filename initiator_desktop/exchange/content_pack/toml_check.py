"""Parsing a pack's TOML files and checking them against their JSON Schema.

Every schema error becomes a problem with the file, the line of the offending key or
table and a message of our own (jsonschema's are English only).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack.problems import Problems
from initiator_desktop.exchange.content_pack.toml_lines import TomlLines
from initiator_desktop.resources import resources_dir

PACK_SCHEMA = "content-pack.schema.json"
MODULE_SCHEMA = "content-module.schema.json"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")
_NOT_BLANK = "\\S"
_REQUIRED = re.compile(r"^'(.+)' is a required property$")

_TYPE_MESSAGES = {
    "string": N_('"{key}" must be text in quotes.'),
    "integer": N_('"{key}" must be a whole number.'),
    "boolean": N_('"{key}" must be true or false.'),
    "array": N_('"{key}" must be a list in square brackets.'),
    "object": N_('"{key}" must be a table.'),
}
_PATTERN_MESSAGES = {
    "id": N_("The pack id may hold only lowercase letters, digits, dots and hyphens "
             "(like no.example.my-pack): {value}"),
    "version": N_("The version must look like 1.0.0: {value}"),
    "modules": N_("A module name starts with two digits and a hyphen and holds only "
                  "lowercase letters, digits and hyphens (like 01-self-help): {value}"),
}


@dataclass(frozen=True, slots=True)
class TomlFile:
    data: dict[str, Any]
    lines: TomlLines


@cache
def validator(schema_name: str) -> Draft202012Validator:
    path = resources_dir() / "schemas" / schema_name
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def decode_text(file: str, data: bytes, problems: Problems) -> str | None:
    """The file as text (UTF-8, a BOM allowed), or None with a problem naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.add(file, line, N_("The file is not UTF-8 text."))
        return None


def parse_toml(file: str, data: bytes, problems: Problems,
               schema_name: str) -> TomlFile | None:
    """Parse and schema-check one TOML file; None when it could not be parsed at all."""
    text = decode_text(file, data, problems)
    if text is None:
        return None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _syntax_problem(file, str(exc), text, problems)
        return None
    lines = TomlLines(text)
    errors = list(validator(schema_name).iter_errors(parsed))
    # A value of the wrong type also breaks its other rules: name only the type.
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    for error in errors:
        if error.validator == "type" or tuple(error.absolute_path) not in mistyped:
            _schema_problem(file, error, lines, problems)
    return TomlFile(parsed, lines)


def _syntax_problem(file: str, detail: str, text: str, problems: Problems) -> None:
    # Python 3.11-3.13 put the position only in the message; 3.14 adds attributes.
    position = _TOML_POSITION.search(detail)
    if position:
        line, column = int(position.group(1)), int(position.group(2))
    else:
        line, column = (text.count("\n") + 1, 1) if _TOML_END.search(detail) else (1, 1)
    reason = _TOML_END.sub("", _TOML_POSITION.sub("", detail))
    problems.add(file, line, N_("This is not valid TOML (column {column}): {detail}"),
                 column=column, detail=reason)


def _key_name(path: Sequence[str | int]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else ""


def _schema_problem(file: str, error: ValidationError, lines: TomlLines,
                    problems: Problems) -> None:
    path = tuple(error.absolute_path)
    kind = str(error.validator)
    key = _key_name(path)
    if kind == "required":
        match = _REQUIRED.match(error.message)
        missing = match.group(1) if match else str(error.validator_value)
        problems.add(file, lines.line_of(path), N_('The key "{key}" is missing.'), key=missing)
    elif kind == "additionalProperties":
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        instance = error.instance if isinstance(error.instance, dict) else {}
        for extra in sorted(str(k) for k in instance if k not in known):
            problems.add(file, lines.line_of((*path, extra)),
                         N_('"{key}" is not a known key here.'), key=extra)
    elif "propertyNames" in error.schema_path:
        problems.add(file, lines.line_of((*path, str(error.instance))),
                     N_("Unknown language: {code}"), code=str(error.instance))
    else:
        message, params = _message(kind, error, key)
        problems.add(file, lines.line_of(path), message, key=key, **params)


def _message(kind: str, error: ValidationError, key: str) -> tuple[str, dict[str, Any]]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.validator_value
    if kind == "type":
        return _TYPE_MESSAGES.get(str(value), N_('"{key}" has the wrong type.')), {}
    if kind == "const":
        return N_('"{key}" must be {expected}.'), {"expected": json.dumps(value)}
    if kind == "enum":
        return N_('"{key}" must be one of: {allowed}.'), {
            "allowed": ", ".join(json.dumps(v) for v in value)}
    if kind == "pattern" and value == _NOT_BLANK:
        return N_('"{key}" must not be empty.'), {}
    if kind == "pattern":
        return _PATTERN_MESSAGES.get(key, N_('"{key}" has a value that is not allowed: '
                                             "{value}")), {"value": str(error.instance)}
    if kind == "minLength":
        return N_('"{key}" must not be empty.'), {}
    if kind == "maxLength":
        return N_('"{key}" is too long (at most {limit} characters).'), {"limit": value}
    if kind in ("minItems", "minProperties"):
        return N_('"{key}" has too few entries (the least is {limit}).'), {"limit": value}
    if kind in ("maxItems", "maxProperties"):
        return N_('"{key}" has too many entries (the most is {limit}).'), {"limit": value}
    if kind in ("minimum", "maximum"):
        return N_('"{key}" must be between {low} and {high}.'), {
            "low": schema.get("minimum", "-"), "high": schema.get("maximum", "-")}
    if kind == "uniqueItems":
        return N_('"{key}" lists the same value twice.'), {}
    return N_('"{key}" is not valid: {detail}'), {"detail": error.message[:200]}
