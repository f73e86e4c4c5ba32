"""The self-study reader: walking a module, the quiz, progress kept in the vault."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.course import QuizKind
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.training_progress import ModuleProgress, QuizBest
from initiator_desktop.exchange.content_pack.library import PackLibrary
from initiator_desktop.exchange.content_pack.reader import LoadedPack, load_files, load_pack
from initiator_desktop.resources import resources_dir
from initiator_desktop.storage.errors import StorageFailed
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui.language import apply_language
from initiator_desktop.ui.training import markdown_view
from initiator_desktop.ui.training.quiz_widget import QuizWidget
from initiator_desktop.ui.training.reader_navigation import PROGRESS_ROLE
from initiator_desktop.ui.training.reader_packs import available_packs
from initiator_desktop.ui.training.reader_pages import PageKind, ReaderPage
from initiator_desktop.ui.training.reader_widget import ReaderWidget
from initiator_desktop.ui.training.reader_window import ReaderWindow, open_reader

BUILT_IN = "no.igangsetter.igangsetterkurs"
EXAMPLE = resources_dir() / "packs" / "example"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)


@pytest.fixture(autouse=True)
def _no_link_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_view, "ask_open_web_link", lambda *_args: False)


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> list[LoadedPack]:
    return available_packs(PackLibrary(tmp_path_factory.mktemp("no-packs")))


class Clock:
    """A clock that moves a minute each time it is read, as time does between clicks."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def clock() -> datetime:
    return NOW


def reader(qtbot: QtBot, repo: object, packs: list[LoadedPack]) -> ReaderWidget:
    widget = ReaderWidget(repo, packs, Clock())  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def module_row_text(widget: ReaderWidget, module_id: str) -> str:
    return str(widget.model.module_index(module_id).data(PROGRESS_ROLE))


def answer_quiz(quiz: QuizWidget, right: bool) -> None:
    """Answer every question, right or wrong, with the buttons a person would use."""
    while not quiz.session.finished:
        question = quiz.session.question
        correct = sorted(question.correct_indices)
        wrong = [i for i in range(len(question.answers)) if i not in correct]
        quiz.choose(*(correct if right else wrong[:1]))
        quiz.check_button.click()
        quiz.next_button.click()


def test_the_built_in_course_comes_first(packs: list[LoadedPack]) -> None:
    assert packs[0].pack.id == BUILT_IN
    assert len(packs[0].pack.modules) >= 8


def test_walking_a_module_keeps_progress_in_the_vault(
        qtbot: QtBot, vault: Vault, packs: list[LoadedPack]) -> None:
    widget = reader(qtbot, vault.repo, packs)
    widget.open_module("02-practical-frames")
    sections = packs[0].pack.module("02-practical-frames").section_keys  # type: ignore[union-attr]
    for _key in sections[1:]:
        widget.next_button.click()
    assert widget.page == ReaderPage(PageKind.SECTION, key=sections[-1])
    assert widget.stack.currentWidget() is widget.section_page
    while widget.page is not None and widget.page.kind is not PageKind.QUIZ:
        widget.next_button.click()
    assert widget.stack.currentWidget() is widget.quiz
    answer_quiz(widget.quiz, right=True)
    total = len(widget.quiz.session.questions)

    stored = vault.repo.module_progress(BUILT_IN, "02-practical-frames")
    assert stored is not None
    assert stored.sections_seen == set(sections)
    assert stored.last_section == sections[-1]
    assert stored.quiz == QuizBest(total, total, total)
    assert module_row_text(widget, "02-practical-frames") == (
        f"{len(sections)} of {len(sections)} sections read · quiz {total} of {total}")

    again = reader(qtbot, vault.repo, packs)  # reopened: the progress is shown
    assert again.module_id == "02-practical-frames"
    assert again.page == ReaderPage(PageKind.SECTION, key=sections[-1])
    assert module_row_text(again, "02-practical-frames").startswith(
        f"{len(sections)} of {len(sections)} sections read · quiz {total} of {total}")
    assert module_row_text(again, "03-conversation-principles").startswith("0 of ")
    assert again.quiz.best_label.text() == f"Your best result: {total} of {total} right."


def test_a_worse_second_try_keeps_the_best(qtbot: QtBot, packs: list[LoadedPack]) -> None:
    repo = MemoryRepository()
    widget = reader(qtbot, repo, packs)
    widget.open_module("01-self-help", ReaderPage(PageKind.QUIZ))
    answer_quiz(widget.quiz, right=True)
    best = repo.module_progress(BUILT_IN, "01-self-help")
    assert best is not None and best.quiz is not None
    widget.quiz.retry_button.click()
    answer_quiz(widget.quiz, right=False)
    after = repo.module_progress(BUILT_IN, "01-self-help")
    assert after is not None and after.quiz == best.quiz
    assert widget.quiz.result_label.text() == (
        f"You answered 0 of {best.quiz.total} questions right.")


def test_the_quiz_explains_each_chosen_answer(qtbot: QtBot) -> None:
    example = load_pack(EXAMPLE)
    questions = example.pack.modules[0].text("en").quiz
    quiz = QuizWidget()
    qtbot.addWidget(quiz)
    scores = []
    quiz.answered.connect(scores.append)
    quiz.set_questions(questions)
    assert not quiz.check_button.isEnabled()
    quiz.choose(1)  # a wrong answer to a single-choice question
    quiz.check_button.click()
    rows = quiz._rows
    assert rows[1].feedback.text().startswith("Not right. No: the group has no leader")
    assert rows[0].feedback.text().startswith("This is the right answer. Right: the round")
    assert rows[2].feedback.isHidden()
    assert quiz.verdict.text().startswith("Not quite")
    assert not any(row.button.isEnabled() for row in rows)
    assert quiz.score_label.text() == "So far 0 of 1 answer right."
    quiz.next_button.click()
    assert questions[1].kind is QuizKind.MULTIPLE
    quiz.choose(0, 1)  # every right answer and no wrong one
    quiz.check_button.click()
    assert quiz._rows[0].feedback.text().startswith("Right. Yes:")
    assert quiz.verdict.text() == "Right!"
    assert quiz.next_button.text() == "See your score"
    quiz.next_button.click()
    assert quiz.result_label.text() == "You answered 1 of 2 questions right."
    assert quiz.score_label.text() == "That is 50 %."
    assert [(s.correct, s.answered, s.total) for s in scores] == [(0, 1, 2), (1, 2, 2)]


def test_half_of_a_multiple_choice_answer_is_not_right(qtbot: QtBot) -> None:
    questions = load_pack(EXAMPLE).pack.modules[0].text("en").quiz[1:]
    quiz = QuizWidget()
    qtbot.addWidget(quiz)
    quiz.set_questions(questions)
    quiz.choose(0)
    quiz.check_button.click()
    assert quiz._rows[1].feedback.text().startswith("This one is right too.")
    assert quiz.verdict.text().startswith("Not quite")


def test_notes_for_course_leaders_are_folded_away(qtbot: QtBot, packs: list[LoadedPack]) -> None:
    widget = reader(qtbot, MemoryRepository(), packs)
    widget.open_module("06-first-meeting")
    page = widget.section_page
    assert page.notes_view.isHidden()
    assert not page.notes_toggle.isHidden()
    qtbot.mouseClick(page.notes_toggle, Qt.MouseButton.LeftButton)
    assert page.notes_view.isVisible()
    assert "Time:" in page.notes_view.toPlainText()
    assert "Welcome and opening" in page.view.toPlainText()


def test_reflection_and_cases_are_pages(qtbot: QtBot, packs: list[LoadedPack]) -> None:
    widget = reader(qtbot, MemoryRepository(), packs)
    widget.open_module("06-first-meeting", ReaderPage(PageKind.REFLECTION))
    assert widget.stack.currentWidget() is widget.reflection_page
    widget.next_button.click()
    assert widget.stack.currentWidget() is widget.case_page
    texts = [label.text() for label in widget.case_page.findChildren(type(widget.module_meta))]
    assert "Tone (member)" in texts
    assert any(t.startswith("The first meeting of a new group.") for t in texts)


def test_next_at_the_end_of_a_module_goes_on_to_the_next(
        qtbot: QtBot, packs: list[LoadedPack]) -> None:
    widget = reader(qtbot, MemoryRepository(), packs)
    widget.open_module("01-self-help", ReaderPage(PageKind.QUIZ))
    widget.next_button.click()
    assert widget.module_id == "02-practical-frames"
    assert widget.page is not None and widget.page.kind is PageKind.SECTION
    widget.previous_button.click()
    assert widget.module_id == "01-self-help"
    assert widget.page == ReaderPage(PageKind.QUIZ)


def test_the_outline_opens_pages(qtbot: QtBot, packs: list[LoadedPack]) -> None:
    widget = reader(qtbot, MemoryRepository(), packs)
    index = widget.model.page_index("04-confidentiality", ReaderPage(PageKind.REFLECTION))
    widget.outline.setCurrentIndex(index)
    assert widget.module_id == "04-confidentiality"
    assert widget.stack.currentWidget() is widget.reflection_page
    widget.outline.setCurrentIndex(widget.model.module_index("05-initiator-role"))
    assert widget.module_id == "05-initiator-role"
    assert widget.page is not None and widget.page.kind is PageKind.SECTION


def test_the_reader_follows_the_ui_language(
        qtbot: QtBot, packs: list[LoadedPack], fake_nb: None) -> None:
    widget = reader(qtbot, MemoryRepository(), packs)
    widget.open_module("06-first-meeting")
    assert widget.module_title.text() == "The first meeting"
    apply_language("nb")
    qtbot.waitUntil(lambda: widget.module_title.text() == "Det første møtet")
    assert widget.module_id == "06-first-meeting"
    assert widget.pack_combo.currentText() == "Igangsetterkurs"


def test_a_failing_vault_write_is_shown_not_raised(
        qtbot: QtBot, packs: list[LoadedPack]) -> None:
    class Failing(MemoryRepository):
        def save_module_progress(self, progress: ModuleProgress) -> None:
            raise StorageFailed(detail="disk full")

    widget = reader(qtbot, Failing(), packs)
    widget.open_module("03-conversation-principles")
    assert widget.error.isVisible()
    assert widget.error.text() == StorageFailed.message
    assert widget.section_page.view.toPlainText()


def test_pack_text_in_labels_is_never_html(qtbot: QtBot) -> None:
    files = dict(load_pack(EXAMPLE).files)
    name = "modules/01-rounds/en/module.toml"
    files[name] = files[name].replace(
        b'title = "Opening and closing rounds"',
        b'title = "<b>Bold</b> <img src=\\"file:///etc/hostname\\">"')
    hostile = load_files(files)
    widget = reader(qtbot, MemoryRepository(), [hostile])
    assert widget.module_title.textFormat() == Qt.TextFormat.PlainText
    assert widget.module_title.text().startswith("<b>Bold</b>")
    tooltip = widget.model.item(0).toolTip()
    assert tooltip.startswith("<p>&lt;b&gt;Bold&lt;/b&gt; &lt;img src=")

    from initiator_desktop.ui.training.presenter.presenter_session import PresenterSession

    session = PresenterSession(hostile, "01-rounds", screens=lambda: [])
    qtbot.addWidget(session.speaker_window)
    qtbot.addWidget(session.audience_window)
    speaker = session.speaker_window.speaker
    assert speaker.title.text().startswith("<b>Bold</b>")
    for label in (speaker.title, speaker.kicker, speaker.next_title):
        assert label.textFormat() == Qt.TextFormat.PlainText
    session.close()


def test_broken_installed_packs_are_left_out(tmp_path: Path) -> None:
    root = tmp_path / "packs"
    broken = root / "org.example.broken"
    broken.mkdir(parents=True)
    (broken / "pack.toml").write_text("this is = not [valid", encoding="utf-8")
    ids = [p.pack.id for p in available_packs(PackLibrary(root))]
    assert ids == [BUILT_IN]


def test_the_reader_window_opens_once_and_shows_no_vault_data(
        qtbot: QtBot, filled_vault: Vault, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    window = open_reader(host, filled_vault.repo, library=PackLibrary(tmp_path), clock=clock)
    assert isinstance(window, ReaderWindow)
    assert open_reader(host, filled_vault.repo, library=PackLibrary(tmp_path)) is window
    assert window.windowTitle() == "Initiator course: self-study"
    names = {g.name for g in filled_vault.repo.groups()}
    texts = [w.text() for w in window.findChildren(type(window.reader.module_meta))]
    assert not names & set(texts)


def test_choosing_another_pack(qtbot: QtBot, packs: list[LoadedPack]) -> None:
    repo = MemoryRepository()
    widget = reader(qtbot, repo, [*packs, load_pack(EXAMPLE)])
    assert widget.pack_combo.count() == 2
    widget.pack_combo.setCurrentIndex(1)
    assert widget.pack is not None and widget.pack.pack.id == "org.example.rounds"
    assert widget.module_id == "01-rounds"
    assert widget.model.rowCount() == 1
    image = widget.section_page.view.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("images/circle.svg"))
    assert isinstance(image, QImage) and image.size().width() == 200  # from the pack
    assert repo.module_progress("org.example.rounds", "01-rounds") is not None
    widget.pack_combo.setCurrentIndex(0)
    assert widget.model.rowCount() == len(packs[0].pack.modules)


def test_present_this_module_starts_presenter_mode(
        qtbot: QtBot, packs: list[LoadedPack], monkeypatch: pytest.MonkeyPatch) -> None:
    from initiator_desktop.ui.training.presenter import presenter_session

    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(presenter_session, "start_presenter",
                        lambda loaded, module_id: calls.append((loaded.pack.id, module_id)))
    window = ReaderWindow(MemoryRepository(), packs)
    qtbot.addWidget(window)
    window.reader.open_module("07-group-processes")
    qtbot.mouseClick(window.reader.present_button, Qt.MouseButton.LeftButton)
    assert calls == [(BUILT_IN, "07-group-processes")]
