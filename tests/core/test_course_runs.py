"""Course runs in the core: the rules of a run, marking what was covered, and the summary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from initiator_desktop.core.course import Module, ModuleText, Pack, Section
from initiator_desktop.core.course_runs import (
    MAX_PARTICIPANT_NAME,
    CourseRun,
    Coverage,
    Session,
    check_against_pack,
    check_participant_name,
    covered_titles,
    mark,
    parse_names,
    summarise,
    with_covered,
    with_names,
    without_names,
)
from initiator_desktop.core.errors import DomainError

DAY1, DAY2 = date(2026, 3, 12), date(2026, 3, 13)


def module(module_id: str, minutes: int, en: str, nb: str) -> Module:
    section = (Section("01-start", "Start"),)
    return Module(module_id, (ModuleText("nb", nb, "", section, minutes=minutes),
                              ModuleText("en", en, "", section, minutes=minutes)))


PACK = Pack(
    id="no.test.course", version="1", languages=("nb", "en"),
    titles={"nb": "Kurs", "en": "Course"},
    modules=(module("01-self-help", 60, "What self-help is", "Hva selvhjelp er"),
             module("02-frames", 30, "The frames", "Rammene"),
             module("03-first-meeting", 0, "The first meeting", "Første møte")),
)


def session(day: date = DAY1, start: int = 9, end: int = 11, *modules: str,
            covered: tuple[str, ...] = ()) -> Session:
    return Session(day, time(start), time(end), tuple(modules), frozenset(covered))


def run(*sessions: Session, **changes: object) -> CourseRun:
    base = CourseRun(title="Igangsetterkurs vår 2026", pack_id="no.test.course", language="nb",
                     first_day=DAY1, last_day=DAY2, place="Frivilligsentralen",
                     sessions=sessions, participants=12)
    return replace(base, **changes)  # type: ignore[arg-type]


# -- invariants -------------------------------------------------------------------------
def test_a_plain_run_has_a_number_of_participants_and_no_names() -> None:
    plain = run(session(DAY2, 9, 12, "02-frames"), session(DAY1, 9, 12, "01-self-help"))
    assert plain.participants == 12
    assert plain.names == ()
    assert plain.store_names is False
    assert [s.day for s in plain.sessions] == [DAY1, DAY2]  # kept in time order
    assert plain.minutes == 360
    assert plain.days == 2


@pytest.mark.parametrize("changes", [
    {"title": "  "},
    {"title": "x" * 121},
    {"place": "x" * 201},
    {"pack_id": "Not a pack"},
    {"language": "de"},
    {"last_day": date(2026, 3, 11)},
    {"last_day": date(2027, 3, 13)},
    {"participants": -1},
    {"participants": 201},
    {"participants": True},
    {"participants": "12"},
    {"names": ("Kari",)},  # names without opting in
    {"store_names": "yes"},
    {"id": ""},
])
def test_broken_runs_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(DomainError):
        run(**changes)


def test_participants_at_the_edges() -> None:
    assert run(participants=0).participants == 0
    assert run(participants=200).participants == 200


def test_sessions_must_lie_within_the_runs_dates() -> None:
    with pytest.raises(DomainError, match="outside"):
        run(session(date(2026, 3, 14)))
    with pytest.raises(DomainError, match="outside"):
        run(session(date(2026, 3, 11)))


def test_sessions_end_after_they_start_and_do_not_overlap() -> None:
    with pytest.raises(DomainError, match="end after"):
        session(DAY1, 11, 11)
    with pytest.raises(DomainError, match="end after"):
        session(DAY1, 12, 9)
    with pytest.raises(DomainError, match="overlap"):
        run(session(DAY1, 9, 11), session(DAY1, 10, 12))
    back_to_back = run(session(DAY1, 9, 11), session(DAY1, 11, 12))
    assert len(back_to_back.sessions) == 2


def test_session_modules_are_module_ids_once_each_and_covered_only_if_planned() -> None:
    with pytest.raises(DomainError):
        session(DAY1, 9, 11, "not a module")
    with pytest.raises(DomainError, match="twice"):
        session(DAY1, 9, 11, "01-self-help", "01-self-help")
    with pytest.raises(DomainError, match="covered"):
        session(DAY1, 9, 11, "01-self-help", covered=("02-frames",))


def test_two_sessions_cannot_share_an_id() -> None:
    first = session(DAY1, 9, 10)
    with pytest.raises(DomainError):
        run(first, replace(session(DAY2, 9, 10), id=first.id))


def test_names_only_when_chosen_and_within_limits() -> None:
    kept = run(store_names=True, names=(" Kari Nordmann ", "Ola"))
    assert kept.names == ("Kari Nordmann", "Ola")
    assert check_participant_name("x" * MAX_PARTICIPANT_NAME) == "x" * 80
    for bad in ("", "   ", "x" * 81, "Kari\nOla", "Kari\u202eOla", "tab\there"):
        with pytest.raises(DomainError):
            check_participant_name(bad)
    with pytest.raises(DomainError):
        run(store_names=True, names=("Ola",) * 201)
    assert len(run(store_names=True, names=("Ola",) * 200).names) == 200


def test_opting_out_forgets_the_names() -> None:
    kept = with_names(run(store_names=True), ["Kari", "Per"])
    assert kept.names == ("Kari", "Per")
    forgotten = without_names(kept)
    assert forgotten.names == ()
    assert forgotten.store_names is False
    with pytest.raises(DomainError):
        with_names(run(), ["Kari"])


# -- the pack ---------------------------------------------------------------------------
def test_a_run_is_checked_against_its_pack() -> None:
    check_against_pack(run(session(DAY1, 9, 11, "01-self-help")), PACK)
    with pytest.raises(DomainError, match="no module"):
        check_against_pack(run(session(DAY1, 9, 11, "09-unknown")), PACK)
    with pytest.raises(DomainError, match="another content pack"):
        check_against_pack(run(pack_id="no.other"), PACK)
    with pytest.raises(DomainError, match="no text"):
        check_against_pack(run(language="nn"), PACK)


# -- marking covered --------------------------------------------------------------------
def test_mark_and_unmark_a_module() -> None:
    planned = run(session(DAY1, 9, 11, "01-self-help", "02-frames"))
    sid = planned.sessions[0].id
    marked = mark(planned, sid, "01-self-help")
    assert marked.sessions[0].covered == {"01-self-help"}
    assert mark(marked, sid, "01-self-help", covered=False).sessions[0].covered == set()
    assert with_covered(planned, sid, ["01-self-help", "02-frames"]).sessions[0].covered \
        == {"01-self-help", "02-frames"}
    with pytest.raises(DomainError):
        mark(planned, sid, "03-first-meeting")  # not planned in that session
    with pytest.raises(DomainError):
        mark(planned, "no-such-session", "01-self-help")


# -- summary ----------------------------------------------------------------------------
def test_summary_shares_a_sessions_time_by_suggested_minutes() -> None:
    planned = run(
        session(DAY1, 9, 10, "01-self-help", "02-frames", covered=("01-self-help",)),
        session(DAY2, 9, 11, "02-frames", "03-first-meeting", covered=("02-frames",)),
    )
    summary = summarise(planned, PACK)
    by_id = {m.module_id: m for m in summary.modules}
    assert [m.module_id for m in summary.modules] == list(PACK.module_ids)
    # 60 minutes shared 60:30, then 120 minutes shared 30:0 (all to module 2).
    assert by_id["01-self-help"].planned_minutes == 40
    assert by_id["02-frames"].planned_minutes == 20 + 120
    assert by_id["03-first-meeting"].planned_minutes == 0
    assert by_id["01-self-help"].difference == -20
    assert by_id["01-self-help"].coverage is Coverage.COVERED
    assert by_id["02-frames"].coverage is Coverage.PARTLY
    assert by_id["03-first-meeting"].coverage is Coverage.PLANNED
    assert summary.covered_ids == ("01-self-help",)
    assert summary.minutes == 180
    assert summary.suggested_minutes == 90


def test_summary_shares_equally_without_suggestions_and_lists_unplanned_modules() -> None:
    planned = run(session(DAY1, 9, 10, "03-first-meeting"))
    summary = summarise(planned, PACK)
    by_id = {m.module_id: m for m in summary.modules}
    assert by_id["03-first-meeting"].planned_minutes == 60
    assert by_id["01-self-help"].coverage is Coverage.NOT_PLANNED
    assert by_id["01-self-help"].title == "Hva selvhjelp er"  # the run's language


def test_summary_without_pack_and_with_a_module_the_pack_lacks() -> None:
    planned = run(session(DAY1, 9, 10, "07-gone", covered=("07-gone",)))
    alone = summarise(planned)
    assert [(m.module_id, m.title, m.known) for m in alone.modules] == [
        ("07-gone", "07-gone", True)]
    against = {m.module_id: m for m in summarise(planned, PACK).modules}
    assert against["07-gone"].known is False
    assert covered_titles(planned, PACK, "en") == ()


def test_covered_titles_in_the_chosen_language_in_pack_order() -> None:
    planned = run(
        session(DAY1, 9, 10, "02-frames", covered=("02-frames",)),
        session(DAY1, 10, 11, "01-self-help", covered=("01-self-help",)),
    )
    assert covered_titles(planned, PACK, "en") == ("What self-help is", "The frames")
    assert covered_titles(planned, PACK, "nb") == ("Hva selvhjelp er", "Rammene")


# -- names typed or read from a file ----------------------------------------------------
def test_parse_names_skips_blank_lines_and_a_bom() -> None:
    text = "\ufeffKari Nordmann\r\n\r\n  Ola  \n\t\nÅse Ødegård\n"
    assert parse_names(text) == ("Kari Nordmann", "Ola", "Åse Ødegård")
    assert parse_names("") == ()


def test_parse_names_reports_the_line_of_a_problem() -> None:
    with pytest.raises(DomainError) as too_long:
        parse_names("Kari\n\n" + "x" * 81 + "\n")
    assert too_long.value.params["line"] == 3
    with pytest.raises(DomainError) as control:
        parse_names("Kari\nOla\x07\n")
    assert control.value.params["line"] == 2
    with pytest.raises(DomainError) as many:
        parse_names("\n".join(f"Person {i}" for i in range(201)))
    assert many.value.params["line"] == 201
    assert len(parse_names("\n".join(f"Person {i}" for i in range(200)))) == 200


# -- use cases on a repository ----------------------------------------------------------
def test_plan_mark_and_keep_names_through_the_repository() -> None:
    from initiator_desktop.core.course_runs import keep_names, mark_covered, save_run
    from initiator_desktop.core.memory_repository import MemoryRepository

    repo = MemoryRepository()
    planned = run(session(DAY1, 9, 11, "01-self-help"), pack_id=PACK.id)
    with pytest.raises(DomainError):
        save_run(repo, replace(planned, language="nn"), PACK)
    assert repo.course_runs() == []
    save_run(repo, planned, PACK)
    changed = mark_covered(repo, planned.id, planned.sessions[0].id, "01-self-help")
    assert repo.course_run(planned.id) == changed
    assert summarise(changed, PACK).covered_ids == ("01-self-help",)
    assert keep_names(repo, planned.id, ["Kari"]) is False  # not opted in
    assert repo.course_run(planned.id).names == ()  # type: ignore[union-attr]
    save_run(repo, replace(changed, store_names=True), PACK)
    assert keep_names(repo, planned.id, ["Kari", "Ola"]) is True
    assert repo.course_run(planned.id).names == ("Kari", "Ola")  # type: ignore[union-attr]
    save_run(repo, without_names(repo.course_run(planned.id)))  # type: ignore[arg-type]
    assert repo.course_run(planned.id).names == ()  # type: ignore[union-attr]
    with pytest.raises(DomainError):
        mark_covered(repo, "gone", "x", "01-self-help")


def test_session_times_are_kept_to_the_minute() -> None:
    exact = Session(DAY1, time(9, 0, 30), time(11, 59, 59, 9))
    assert (exact.start, exact.end) == (time(9), time(11, 59))
    with pytest.raises(DomainError):
        Session(DAY1, "09:00", time(10))  # type: ignore[arg-type]
    with pytest.raises(DomainError):
        Session(date(2026, 3, 12).replace(), time(9), time(10), id="")
