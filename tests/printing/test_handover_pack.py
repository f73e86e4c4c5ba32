"""The handover pack: frames, principles, meetings, absence and follow-up in the pack's
language; never the theme, a name, an address or (unless chosen) the dial-in details."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from initiator_desktop.core.frame_library import library_item
from initiator_desktop.core.group_life import Contact
from initiator_desktop.core.handover import plan_follow_up
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import FrameKind, Schedule
from initiator_desktop.printing.handover_pack import (
    MAX_CONTACT_LINE,
    job_for_group,
    layout_handover_pack,
    pack_job,
    write_pdf,
)
from tests.printing.layout_checks import overflow_problems
from tests.printing.pdf_tools import page_count, squeezed_pdf_text
from tests.printing.samples import (
    GROUP,
    NOW,
    PHONE,
    ROOM,
    THEME,
    TUESDAYS,
    phone_frames,
    sn_frames,
    stress_frames,
)

CONTACTS = (Contact("Kari-Kontakt", "+47 912 34 567"), Contact("O. H.", "oh@example.org"))


def squeeze(text: str) -> str:
    return "".join(text.split())


def vault_with_group() -> tuple[MemoryRepository, str]:
    repo = MemoryRepository()
    repo.save_place(ROOM)
    repo.save_group(GROUP)
    repo.save_schedules(GROUP.id, [TUESDAYS])
    repo.save_frames(GROUP.id, sn_frames())
    repo.save_contacts(GROUP.id, list(CONTACTS))
    plan_follow_up(repo, GROUP.id, date(2026, 5, 5), NOW.date())
    return repo, GROUP.id


@pytest.mark.parametrize(("language", "weekday", "visit"), [
    ("nb", "tirsdag", "5. mai 2026"), ("en", "Tuesday", "5 May 2026")])
def test_the_pack_in_each_language(tmp_path: Path, language: str, weekday: str,
                                   visit: str) -> None:
    repo, group_id = vault_with_group()
    job = job_for_group(repo, group_id, language=language, now=NOW)
    pages = layout_handover_pack(job)
    assert overflow_problems(pages) == []
    path = tmp_path / f"pack-{language}.pdf"
    write_pdf(path, job)
    text = squeezed_pdf_text(path)
    assert page_count(path) == len(pages.sheets) <= 3
    assert squeeze(GROUP.name) in text and squeeze(job.title) in text
    for item in sn_frames():  # every frame and principle, by its title in that language
        assert squeeze(item.text(language).title) in text
    (meeting,) = job.meetings
    assert weekday in meeting and "18:00" in meeting and ROOM.name in meeting
    assert squeeze(meeting) in text
    assert squeeze(visit) in text
    # Never the theme, the address, the access notes, or anyone on the contact list.
    for secret in (THEME, ROOM.address, ROOM.access_notes, *[p for c in CONTACTS
                                                              for p in (c.label, c.reach)]):
        assert squeeze(secret) not in text


def test_the_typed_contact_line_is_printed_and_not_stored(tmp_path: Path) -> None:
    repo, group_id = vault_with_group()
    documents = {n: repo.group_document(group_id, n) for n in ("handover", "follow_up")}
    job = job_for_group(repo, group_id, language="en",
                        contact_line="Call 900 00 000\nor write\tto me@example.org", now=NOW)
    assert job.contact_line == "Call 900 00 000 or write to me@example.org"
    path = tmp_path / "pack.pdf"
    write_pdf(path, job)
    assert squeeze(job.contact_line) in squeezed_pdf_text(path)
    assert {n: repo.group_document(group_id, n) for n in documents} == documents
    long = pack_job(GROUP, sn_frames(), language="en", contact_line="9" * 1000)
    assert len(long.contact_line) == MAX_CONTACT_LINE


def test_without_a_contact_line_there_are_lines_to_write_on() -> None:
    with_line = layout_handover_pack(pack_job(GROUP, sn_frames(), language="nb",
                                              contact_line="900 00 000"))
    without = layout_handover_pack(pack_job(GROUP, sn_frames(), language="nb"))

    def write_in(pages: object) -> int:
        return sum(1 for _card, box in pages.boxes()  # type: ignore[attr-defined]
                   if box.role == "write_in")

    assert write_in(with_line) == 2  # the absence routine's lines stay
    assert write_in(without) == 4
    strokes = [s for sheet in without.sheets for card in sheet.cards for s in card.strokes]
    assert len(strokes) >= 4 + len(without.sheets)  # the rules and a line per write-in


def test_dial_in_details_only_when_chosen(tmp_path: Path) -> None:
    group = replace(GROUP, place_id=PHONE.id)
    plain = pack_job(group, phone_frames(), language="en", schedules=[TUESDAYS], place=PHONE,
                     now=NOW)
    chosen = pack_job(group, phone_frames(), language="en", schedules=[TUESDAYS],
                      place=PHONE, with_dial_in=True, now=NOW)
    assert not any(PHONE.dial_in in line for line in plain.meetings)
    assert any(PHONE.dial_in in line for line in chosen.meetings)
    assert any("Phone meeting" in line for line in plain.meetings)
    path = tmp_path / "phone.pdf"
    write_pdf(path, plain)
    assert squeeze("4471") not in squeezed_pdf_text(path)


def test_a_group_without_principles_gets_the_apps_own() -> None:
    practical = [i for i in sn_frames() if i.kind is not FrameKind.CONVERSATION]
    job = pack_job(GROUP, practical, language="nn")
    titles = [e.title for e in job.principles.entries]
    assert library_item("no_advice").texts["nn"].title in titles
    assert all(e.title in {i.text("nn").title for i in practical} for e in job.frames.entries)


def test_the_absence_rule_is_printed_once() -> None:
    rule = library_item("notify_absence").texts["en"]
    with_rule = pack_job(GROUP, sn_frames(), language="en")
    assert rule.body not in with_rule.absence  # it is among the frames already
    without = pack_job(GROUP, [i for i in sn_frames() if i.source_key != "notify_absence"],
                       language="en")
    assert without.absence[0] == rule.body


def test_meetings_ended_series_and_no_schedule() -> None:
    ended = Schedule(weekday=3, start=TUESDAYS.start, first_date=date(2025, 1, 2),
                     last_date=date(2025, 6, 26))
    job = pack_job(GROUP, sn_frames(), language="en", schedules=[ended, TUESDAYS],
                   place=ROOM, now=NOW)
    assert len(job.meetings) == 1 and "Tuesday" in job.meetings[0]
    none = pack_job(GROUP, sn_frames(), language="en", now=NOW)
    assert none.meetings == ("The group agrees on its meeting times itself.",)
    assert "visit the group again after a while" in none.follow_up[0]


def test_hostile_frames_stay_inside_the_page(tmp_path: Path) -> None:
    job = pack_job(GROUP, stress_frames(), language="en", schedules=[TUESDAYS], place=ROOM,
                   contact_line="\x00\x07" + "ø" * 500, now=NOW)
    pages = layout_handover_pack(job)
    assert overflow_problems(pages) == []
    assert "\x00" not in job.contact_line and len(job.contact_line) <= MAX_CONTACT_LINE
    path = tmp_path / "stress.pdf"
    write_pdf(path, job)
    assert page_count(path) == len(pages.sheets)
    with pytest.raises(KeyError):
        job_for_group(MemoryRepository(), "no-such-group", language="en")
    with pytest.raises(ValueError):
        pack_job(GROUP, sn_frames(), language="de")
