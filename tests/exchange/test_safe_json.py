"""Strict JSON parsing of untrusted files: every surprise becomes InvalidFile with a path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from initiator_desktop.exchange import safe_json
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.exchange.safe_json import MAX_BYTES, MAX_DEPTH


def invalid(data: bytes) -> InvalidFile:
    with pytest.raises(InvalidFile) as caught:
        safe_json.loads(data)
    return caught.value


# -- nesting ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
    ],
    ids=["open lists", "closed lists", "open objects", "closed objects"],
)
def test_deep_nesting_is_rejected_without_recursion_error(text: str) -> None:
    error = invalid(text.encode())
    assert error.json_path == "$"
    assert error.message == "The file is nested too deeply."


def test_nesting_limit_is_exact() -> None:
    at_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    value: Any = safe_json.loads(at_limit.encode())
    for _ in range(MAX_DEPTH - 1):
        assert isinstance(value, list) and len(value) == 1
        value = value[0]
    assert value == []
    over = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert invalid(over.encode()).message == "The file is nested too deeply."


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"note": "[" * 1000 + '\\"{' * 100})
    assert safe_json.loads(text.encode()) == {"note": "[" * 1000 + '\\"{' * 100}


# -- non-finite numbers ----------------------------------------------------------------
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_constants_are_rejected_at_their_path(constant: str) -> None:
    data = f'{{"groups": [{{"attendance": [1, {{"present": {constant}}}]}}]}}'.encode()
    error = invalid(data)
    assert error.json_path == "$.groups[0].attendance[1].present"
    assert error.params == {"value": constant}


@pytest.mark.parametrize("number", ["1e400", "-1e400"])
def test_overflowing_floats_are_rejected_at_their_path(number: str) -> None:
    error = invalid(f'{{"a": [0, {number}]}}'.encode())
    assert error.json_path == "$.a[1]"


def test_nan_at_the_top_level() -> None:
    assert invalid(b"NaN").json_path == "$"


# -- duplicate keys --------------------------------------------------------------------
def test_duplicate_keys_are_rejected_at_the_object() -> None:
    error = invalid(b'{"places": [], "groups": [{"id": "a", "name": "x", "id": "b"}]}')
    assert error.json_path == "$.groups[0]"
    assert error.params == {"key": "id"}


def test_duplicate_top_level_keys() -> None:
    error = invalid(b'{"groups": [], "groups": []}')
    assert (error.json_path, error.params) == ("$", {"key": "groups"})


def test_paths_quote_keys_that_are_not_identifiers() -> None:
    error = invalid(b'{"two words": {"k": 1, "k": 2}}')
    assert error.json_path == '$["two words"]'


# -- text ------------------------------------------------------------------------------
@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b"])
def test_lone_surrogate_in_a_value_is_rejected(escape: str) -> None:
    error = invalid(f'{{"groups": [{{"name": "{escape}"}}]}}'.encode())
    assert error.json_path == "$.groups[0].name"


def test_lone_surrogate_in_a_key_is_rejected() -> None:
    error = invalid(b'{"groups": [{"\\ud800": 1}]}')
    assert error.json_path == "$.groups[0]"


def test_surrogate_pair_is_fine() -> None:
    assert safe_json.loads(b'{"emoji": "\\ud83d\\ude00"}') == {"emoji": "\U0001f600"}


@pytest.mark.parametrize(
    "data",
    [
        b'{"a": "\xff"}',
        b'{"a": "\xc3"}',
        b'{"a": "\xed\xa0\x80"}',
        b"\xfe\xff[]",
        '{"a": "æøå"}'.encode("latin-1"),
    ],
    ids=["ff", "truncated", "encoded surrogate", "utf-16 bom", "latin-1"],
)
def test_invalid_utf8_is_rejected(data: bytes) -> None:
    error = invalid(data)
    assert error.json_path == "$"
    assert error.message == "The file is not UTF-8 text."


def test_utf8_with_bom_and_norwegian_letters() -> None:
    data = '\ufeff{"name": "Vårgruppa på Ås"}'.encode()
    assert safe_json.loads(data) == {"name": "Vårgruppa på Ås"}


# -- size ------------------------------------------------------------------------------
def test_file_larger_than_max_bytes_is_rejected_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InvalidFile) as caught:
        safe_json.load_file(path)
    assert caught.value.message == "The file is too large."


@pytest.mark.parametrize("loader", ["load_file", "loads"])
def test_size_limit_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    monkeypatch.setattr(safe_json, "MAX_BYTES", 64)
    body = b'{"a": 1}'

    def load(data: bytes) -> Any:
        if loader == "loads":
            return safe_json.loads(data)
        path = tmp_path / "doc.json"
        path.write_bytes(data)
        return safe_json.load_file(path)

    assert load(body + b" " * (64 - len(body))) == {"a": 1}
    with pytest.raises(InvalidFile) as caught:
        load(body + b" " * (65 - len(body)))
    assert caught.value.message == "The file is too large."


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.json", tmp_path):
        with pytest.raises(InvalidFile) as caught:
            safe_json.load_file(path)
        assert caught.value.message == "The file could not be read."


# -- numbers and syntax ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["1" * 10_000, '{"present": ' + "9" * 10_000 + "}", "-" + "1" * 10_000]
)
def test_huge_integers_are_rejected_cleanly(text: str) -> None:
    assert invalid(text.encode()).json_path == "$"


def test_large_but_sane_numbers_parse() -> None:
    assert safe_json.loads(b"[123456789012345678901234567890, 1.5e300]") == [
        123456789012345678901234567890,
        1.5e300,
    ]


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [(b'{"a": 1,}', 1, 9), (b'{\n  "a": tru\n}', 2, 8), (b"", 1, 1), (b"[1] [2]", 1, 5)],
)
def test_syntax_errors_give_line_and_column(data: bytes, line: int, column: int) -> None:
    error = invalid(data)
    assert error.json_path == "$"
    assert error.params == {"line": line, "column": column}


# -- properties ------------------------------------------------------------------------
JSONISH = st.sampled_from([*'[]{}",:-+.0123456789eEtrufalsnNIiy\\ud8 \n', "\\ud800", "NaN"])


@settings(deadline=None, max_examples=300)
@given(
    st.one_of(
        st.binary(max_size=200),
        st.lists(JSONISH, max_size=60).map(lambda parts: "".join(parts).encode()),
    )
)
def test_any_bytes_parse_or_raise_invalid_file(data: bytes) -> None:
    try:
        safe_json.loads(data)
    except InvalidFile as error:
        assert error.json_path.startswith("$")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=("Cs",)), max_size=10), children, max_size=5
        )
    ),
    max_leaves=25,
)


@settings(deadline=None)
@given(json_values, st.booleans())
def test_valid_document_round_trips(value: Any, ascii_only: bool) -> None:
    data = json.dumps(value, ensure_ascii=ascii_only, indent=1).encode("utf-8")
    parsed = safe_json.loads(data)
    assert parsed == value
    assert json.dumps(parsed, sort_keys=True) == json.dumps(value, sort_keys=True)


def test_valid_interchange_like_document_round_trips(tmp_path: Path) -> None:
    document = {
        "format": "initiator-desktop/vault",
        "format_version": 1,
        "places": [{"id": "p1", "name": "Biblioteket", "kind": "room"}],
        "groups": [
            {
                "id": "g1",
                "name": "Tirsdagsgruppa",
                "status": "planned",
                "planned_size": None,
                "open": False,
                "attendance": [{"date": "2026-01-06", "present": 6}],
            }
        ],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    loaded = safe_json.load_file(path)
    assert loaded == document
    assert loaded["groups"][0]["planned_size"] is None
    assert loaded["groups"][0]["open"] is False
