"""The initiator's reflection log: kept per meeting, private, never in the export."""

from __future__ import annotations

import json
from datetime import date

import pytest

from initiator_desktop.core.content import read_content
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.models import Group
from initiator_desktop.core.reflections import (
    Reflection,
    delete_reflection,
    reflections,
    save_reflection,
)
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.exchange.interchange import dumps, to_document
from tests.core.test_repository_contract import repo  # noqa: F401


def test_save_replace_and_delete(repo: VaultRepository) -> None:  # noqa: F811
    group = Group(name="Torsdagsgruppa")
    repo.save_group(group)
    first = Reflection(date(2027, 1, 14), {"role": "Jeg snakket for mye i starten."})
    later = Reflection(date(2027, 1, 21), {"phase": "Tryggere nå.", "next": ""})
    save_reflection(repo, group.id, first)
    save_reflection(repo, group.id, later)
    assert reflections(repo, group.id) == [Reflection(date(2027, 1, 21), {"phase": "Tryggere nå."}),
                                           first]
    save_reflection(repo, group.id, Reflection(date(2027, 1, 14), {"role": "Bedre."}))
    assert reflections(repo, group.id)[1].answers == {"role": "Bedre."}
    save_reflection(repo, group.id, Reflection(date(2027, 1, 21), {"phase": "  "}))
    assert [r.meeting_date for r in reflections(repo, group.id)] == [date(2027, 1, 14)]
    delete_reflection(repo, group.id, date(2027, 1, 14))
    assert reflections(repo, group.id) == []


def test_only_the_known_questions_and_readable_length() -> None:
    with pytest.raises(DomainError):
        Reflection(date(2027, 1, 14), {"about_kari": "..."})
    with pytest.raises(DomainError):
        Reflection(date(2027, 1, 14), {"role": "x" * 2001})


def test_damaged_entries_do_not_hide_the_others(repo: VaultRepository) -> None:  # noqa: F811
    group = Group(name="Torsdagsgruppa")
    repo.save_group(group)
    repo.save_group_document(group.id, "reflections", {"entries": [
        {"meeting_date": "2027-01-14", "answers": {"role": "ok"}},
        {"meeting_date": "not a date", "answers": {}},
        {"answers": {"role": "no date"}},
        "nonsense",
    ]})
    assert [r.meeting_date for r in reflections(repo, group.id)] == [date(2027, 1, 14)]


def test_the_plaintext_export_never_holds_the_log(repo: VaultRepository) -> None:  # noqa: F811
    group = Group(name="Torsdagsgruppa")
    repo.save_group(group)
    save_reflection(repo, group.id, Reflection(date(2027, 1, 14), {"myself": "HEMMELIG-123"}))
    text = dumps(to_document(read_content(repo)))
    assert "HEMMELIG-123" not in text
    assert json.loads(text)["groups"][0]["name"] == "Torsdagsgruppa"
