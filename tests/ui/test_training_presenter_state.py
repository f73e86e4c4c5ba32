"""Presenter mode without windows: which slides a module makes, moving, the timers."""

from __future__ import annotations

import pytest

from initiator_desktop.core.course import Module, Pack
from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.ui.training.presenter.presenter_state import PresenterState
from initiator_desktop.ui.training.presenter.slide_content import Mark, slide_content
from initiator_desktop.ui.training.presenter.slides import (
    Slide,
    SlideKind,
    has_more,
    module_slides,
    slide_excerpt,
)
from initiator_desktop.ui.training.presenter.timers import (
    Phase,
    RoundTimer,
    SessionClock,
    clock_text,
)
from initiator_desktop.ui.training.reader_packs import available_packs


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    return available_packs(PackLibrary(tmp_path_factory.mktemp("none")))[0].pack


@pytest.fixture(scope="module")
def course(pack: Pack) -> Module:
    module = pack.module("06-first-meeting")
    assert module is not None
    return module


def test_a_module_makes_title_sections_reflection_cases_and_questions(course: Module) -> None:
    slides = module_slides(course, "en")
    text = course.text("en")
    kinds = [s.kind for s in slides]
    assert kinds[0] is SlideKind.TITLE
    assert kinds.count(SlideKind.SECTION) == len(text.sections)
    assert kinds.count(SlideKind.REFLECTION) == 1
    assert kinds.count(SlideKind.CASE) == len(text.cases)
    assert kinds.count(SlideKind.QUIZ) == len(text.quiz)
    assert kinds == sorted(kinds, key=list(SlideKind).index)


@pytest.mark.parametrize(("body", "expected"), [
    ("- one\n- two\n\n## More\n\ndetail", "- one\n- two"),
    ("\n\n- one\n\n## More", "- one"),
    ("## Straight to a heading\n\ntext", "## Straight to a heading\n\ntext"),
    ("\n".join(f"- point {i}" for i in range(15)), "\n".join(f"- point {i}" for i in range(10))),
    ("```\n## not a heading\n```\n\n## Real", "```\n## not a heading\n```"),
    ("", ""),
])
def test_a_slide_shows_the_part_before_the_first_subheading(body: str, expected: str) -> None:
    assert slide_excerpt(body) == expected


def test_the_speaker_knows_when_a_section_has_more(course: Module) -> None:
    section = course.section(course.section_keys[0], "en")
    assert section is not None
    assert has_more(section.body)
    assert not has_more("- only\n- points")


def test_moving_like_a_presentation_program() -> None:
    slides = (Slide(SlideKind.TITLE), Slide(SlideKind.SECTION, key="01-a"),
              Slide(SlideKind.QUIZ, index=0), Slide(SlideKind.QUIZ, index=1))
    state = PresenterState(slides)
    assert not state.previous()
    assert state.next() and state.current.key == "01-a"
    assert state.next() and state.current.kind is SlideKind.QUIZ
    assert state.next() and state.is_revealed and state.position == 2  # first: reveal
    assert state.next() and state.position == 3 and not state.is_revealed
    state.toggle_blank()
    assert state.next() and not state.blank and state.position == 3  # only unblanks
    assert state.next() and state.is_revealed
    assert not state.next()  # the end
    assert state.toggle_reveal() and not state.is_revealed
    assert state.go_to(0) and not state.toggle_reveal()
    assert state.following == slides[1]


def test_a_language_change_keeps_the_place() -> None:
    state = PresenterState((Slide(SlideKind.TITLE), Slide(SlideKind.SECTION, key="01-a"),
                            Slide(SlideKind.CASE)))
    state.go_to(2)
    state.replace_slides((Slide(SlideKind.TITLE), Slide(SlideKind.CASE)))
    assert state.position == 1
    with pytest.raises(ValueError):
        PresenterState(())


def test_quiz_slides_mark_the_right_answers_only_when_revealed(pack: Pack,
                                                                course: Module) -> None:
    slide = Slide(SlideKind.QUIZ, index=0)
    hidden = slide_content(pack, course, slide, "en")
    assert {b.mark for b in hidden.blocks} == {Mark.NONE}
    assert all(not b.note for b in hidden.blocks)
    shown = slide_content(pack, course, slide, "en", revealed=True)
    question = course.text("en").quiz[0]
    assert [b.mark is Mark.RIGHT for b in shown.blocks] == [a.correct for a in question.answers]
    assert [b.note for b in shown.blocks] == [a.explanation for a in question.answers]


def test_a_case_slide_names_the_roles_but_keeps_the_briefs(pack: Pack, course: Module) -> None:
    content = slide_content(pack, course, Slide(SlideKind.CASE, index=0), "en")
    case = course.text("en").cases[0]
    text = " ".join(b.text for b in content.blocks)
    assert all(role.name in text for role in case.roles)
    assert not any(role.brief in text for role in case.roles)  # briefs are for the players
    assert content.timer


def test_the_session_clock() -> None:
    clock = SessionClock(started=100.0, minutes=70)
    assert clock.elapsed(100.0 + 23 * 60) == 23 * 60
    assert clock.left(100.0 + 23 * 60) == 47 * 60
    assert clock.left(100.0 + 75 * 60) == -5 * 60
    clock.set_minutes(0)
    assert clock.minutes == 1
    clock.set_minutes(100_000)
    assert clock.minutes == 600
    clock.restart(500.0)
    assert clock.elapsed(400.0) == 0


def test_the_round_timer_starts_pauses_resets_and_warns_gently() -> None:
    timer = RoundTimer(minutes=10)
    assert timer.remaining(0) == 600 and not timer.started
    timer.start(0)
    timer.start(50)  # starting twice changes nothing
    assert timer.remaining(60) == 540 and timer.phase(60) is Phase.CALM
    timer.pause(60)
    assert timer.remaining(1000) == 540 and not timer.running
    timer.toggle(1000)
    assert timer.phase(1000 + 470) is Phase.CALM  # 70 s left
    assert timer.phase(1000 + 490) is Phase.NEAR_END  # 50 s left
    assert timer.phase(1000 + 540) is Phase.OVER
    assert timer.remaining(1000 + 600) == -60
    timer.reset()
    assert timer.remaining(5000) == 600 and not timer.running
    short = RoundTimer(minutes=2)
    short.start(0)
    assert short.phase(80) is Phase.CALM and short.phase(91) is Phase.NEAR_END


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (65, "1:05"), (3725, "1:02:05"),
                                               (-42.7, "0:42")])
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text
