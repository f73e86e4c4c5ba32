"""Course runs on screen: plan a run, tick what was covered, and print certificates, with
the names kept out of the vault unless the run opted in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.core.content import read_content
from initiator_desktop.core.course_runs import CourseRun, Coverage, Session
from initiator_desktop.exchange.interchange import dumps, to_document
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.training.certificate_dialog import CertificateDialog
from initiator_desktop.ui.training.course_run_editor import CourseRunEditor
from initiator_desktop.ui.training.course_run_packs import CoursePacks
from initiator_desktop.ui.training.course_run_panel import CourseRunsPanel, open_course_runs
from initiator_desktop.ui.training.course_run_session_dialog import SessionDialog
from initiator_desktop.ui.training.course_run_summary_model import SummaryColumn
from tests.printing.pdf_tools import page_count, squeezed_pdf_text

PACK_ID = "no.igangsetter.igangsetterkurs"
DAY1, DAY2 = date(2026, 3, 12), date(2026, 3, 13)
NAMES = ("Kari Nordmann", "Åse Ødegård", "Sigrun Bergstøl")


@pytest.fixture(scope="module")
def packs() -> CoursePacks:
    loaded = CoursePacks()
    assert loaded.pack(PACK_ID) is not None
    return loaded


def planned(**changes: object) -> CourseRun:
    sessions = (
        Session(DAY1, time(9), time(11, 30), ("01-self-help", "02-practical-frames")),
        Session(DAY2, time(9), time(12), ("06-first-meeting",)),
    )
    base = CourseRun(title="Igangsetterkurs vår", pack_id=PACK_ID, language="nb",
                     first_day=DAY1, last_day=DAY2, place="LINK Lillehammer",
                     sessions=sessions, participants=12)
    return replace(base, **changes)  # type: ignore[arg-type]


def all_covered(run: CourseRun) -> CourseRun:
    return replace(run, sessions=tuple(replace(s, covered=frozenset(s.module_ids))
                                       for s in run.sessions))


def vault_rows(vault: Vault) -> str:
    """Every value of every table in the open vault, and its JSON export, as text."""
    conn = vault.connection
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    rows = [repr(row) for table in tables
            for row in conn.execute(f'SELECT * FROM "{table}"').fetchall()]
    documents = [r[0] for r in conn.execute("SELECT document FROM course_runs")]
    export = dumps(to_document(read_content(vault.repo)))
    return "\n".join([*rows, *documents, export])


# -- the plan editor --------------------------------------------------------------------
def test_plan_a_run_in_the_editor(qtbot: QtBot, packs: CoursePacks) -> None:
    offered = [Session(DAY1, time(9), time(12), ("01-self-help", "02-practical-frames")),
               Session(DAY1, time(13), time(15), ("03-conversation-principles",))]
    asked: list[Session | None] = []

    def fake_session(_parent: QWidget, _editor: CourseRunEditor,
                     session: Session | None) -> Session | None:
        asked.append(session)
        return offered.pop(0)

    editor = CourseRunEditor(packs, None, today=date(2026, 3, 1), edit_session=fake_session)
    qtbot.addWidget(editor)
    editor.title.setText("Kurs i Lillehammer")
    editor.place.setText("LINK Lillehammer")
    editor.first_day.setDate(DAY1)
    editor.last_day.setDate(DAY1)
    editor.participants.setValue(15)
    editor.language.setCurrentIndex(editor.language.findData("en"))
    qtbot.mouseClick(editor.add_session, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_session, Qt.MouseButton.LeftButton)
    assert asked == [None, None]
    assert editor.session_model.rowCount() == 2
    assert "5 h" in editor.plan_hint.text()
    assert not editor.store_names.isChecked()  # names are opt-in
    assert "not kept" in editor.names_note.label.text()
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    run = editor.result
    assert run is not None
    assert (run.title, run.place, run.participants, run.language) == (
        "Kurs i Lillehammer", "LINK Lillehammer", 15, "en")
    assert run.pack_id == PACK_ID and run.names == () and not run.store_names
    assert [s.module_ids for s in run.sessions] == [
        ("01-self-help", "02-practical-frames"), ("03-conversation-principles",)]


def test_the_editor_refuses_a_session_outside_the_dates(qtbot: QtBot,
                                                         packs: CoursePacks) -> None:
    editor = CourseRunEditor(packs, planned(), edit_session=lambda *_a: None)
    qtbot.addWidget(editor)
    editor.show()
    editor.last_day.setDate(DAY1)  # the second session is on DAY2
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert editor.result is None
    assert editor.isVisible()
    assert "outside" in " ".join(label.text() for label in editor.errors._labels.values())


def test_opting_out_in_the_editor_drops_kept_names(qtbot: QtBot, packs: CoursePacks) -> None:
    kept = planned(store_names=True, names=NAMES)
    staying = CourseRunEditor(packs, kept)
    qtbot.addWidget(staying)
    assert staying.store_names.isChecked()
    staying.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert staying.result is not None and staying.result.names == NAMES
    leaving = CourseRunEditor(packs, kept)
    qtbot.addWidget(leaving)
    leaving.store_names.setChecked(False)
    assert "deleted" in leaving.names_note.label.text()
    leaving.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert leaving.result is not None
    assert leaving.result.names == () and not leaving.result.store_names


def test_session_dialog_keeps_marks_of_modules_still_planned(qtbot: QtBot,
                                                             packs: CoursePacks) -> None:
    session = Session(DAY1, time(9), time(12), ("01-self-help", "02-practical-frames"),
                      frozenset({"01-self-help", "02-practical-frames"}))
    dialog = SessionDialog(packs.pack(PACK_ID), DAY1, DAY2, session)
    qtbot.addWidget(dialog)
    assert dialog.checked_modules() == ("01-self-help", "02-practical-frames")
    dialog.modules.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.end.setTime(time(8))
    with pytest.raises(ValueError):
        dialog.session()
    dialog.end.setTime(time(11))
    changed = dialog.session()
    assert changed.id == session.id
    assert changed.module_ids == ("01-self-help",)
    assert changed.covered == {"01-self-help"}


# -- the panel --------------------------------------------------------------------------
def test_panel_plans_a_run_marks_covered_and_summarises(qtbot: QtBot, vault: Vault,
                                                        packs: CoursePacks) -> None:
    new = planned()
    panel = CourseRunsPanel(vault.repo, packs=packs, open_editor=lambda *_a: new)
    qtbot.addWidget(panel)
    assert panel.details.currentIndex() == 0  # the empty state
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert vault.repo.course_runs() == [new]
    assert panel.selected_run() == new
    assert not panel.certificates_button.isEnabled()  # nothing covered yet
    item = panel.coverage.check_item(0, 0)  # first session, first module
    assert item is not None and item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    stored = vault.repo.course_run(new.id)
    assert stored is not None and stored.sessions[0].covered == {"01-self-help"}
    states = {panel.summary_model.module(r).module_id: panel.summary_model.module(r).coverage
              for r in range(panel.summary_model.rowCount())}
    assert states["01-self-help"] is Coverage.COVERED
    assert states["02-practical-frames"] is Coverage.PLANNED
    assert states["10-phone-and-video-groups"] is Coverage.NOT_PLANNED
    state_text = panel.summary_model.index(0, SummaryColumn.STATE).data()
    assert state_text == "Covered"
    assert panel.certificates_button.isEnabled()
    assert "1 of 3 modules" in panel.model.index(0, 4).data()
    item.setCheckState(Qt.CheckState.Unchecked)
    stored = vault.repo.course_run(new.id)
    assert stored is not None and stored.sessions[0].covered == set()


def test_panel_deletes_after_asking(qtbot: QtBot, vault: Vault, packs: CoursePacks,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    vault.repo.save_course_run(planned())
    panel = CourseRunsPanel(vault.repo, packs=packs)
    qtbot.addWidget(panel)
    assert panel.selected_run() is not None
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)  # the answer is no
    assert len(vault.repo.course_runs()) == 1
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: True)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert vault.repo.course_runs() == []
    assert panel.details.currentIndex() == 0


def test_open_course_runs_shows_a_window_without_course_names(qtbot: QtBot, vault: Vault
                                                               ) -> None:
    vault.repo.save_course_run(planned())
    dialog = open_course_runs(None, vault.repo)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.panel.model.rowCount() == 1
    assert "Igangsetterkurs" not in dialog.windowTitle()


# -- certificates -----------------------------------------------------------------------
def _certificates(qtbot: QtBot, vault: Vault, packs: CoursePacks, run: CourseRun,
                  tmp_path: Path, **options: object) -> CertificateDialog:
    dialog = CertificateDialog(vault.repo, run, packs.pack(PACK_ID),  # type: ignore[arg-type]
                               choose_path=lambda *_a: tmp_path / "certificates.pdf",
                               **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_certificate_preview_has_a_page_per_name(qtbot: QtBot, vault: Vault,
                                                 packs: CoursePacks, tmp_path: Path) -> None:
    run = all_covered(planned())
    vault.repo.save_course_run(run)
    shown: list[int] = []

    def preview(dialog: object) -> bool:
        qtbot.addWidget(dialog)  # type: ignore[arg-type]
        dialog.show()  # type: ignore[attr-defined]
        widget = dialog.findChild(QPrintPreviewWidget)  # type: ignore[attr-defined]
        widget.updatePreview()
        shown.append(widget.pageCount())
        return False

    dialog = _certificates(qtbot, vault, packs, run, tmp_path, preview=preview)
    assert "Hva er selvorganisert selvhjelp?" in dialog.modules.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "What self-organised self-help is" in dialog.modules.text()
    dialog.names.setPlainText("\n".join(NAMES) + "\n\n")
    assert dialog.count.text().startswith("3 names")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert shown == [3]


def test_certificates_saved_as_pdf_leave_no_name_in_the_vault(
        qtbot: QtBot, vault: Vault, packs: CoursePacks, tmp_path: Path) -> None:
    run = all_covered(planned())
    vault.repo.save_course_run(run)
    printed: list[QPrinter] = []

    def fake_printer(_parent: object, printer: QPrinter, _title: str) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(printer)
        return True

    dialog = _certificates(qtbot, vault, packs, run, tmp_path, choose_printer=fake_printer)
    dialog.names.setPlainText("\n".join(NAMES))
    dialog.leader.setText("Ingrid Haugland")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "certificates.pdf"
    assert dialog.written == pdf and page_count(pdf) == 3
    assert page_count(tmp_path / "printed.pdf") == 3 and printed
    text = squeezed_pdf_text(pdf)
    assert all("".join(name.split()) in text for name in NAMES)
    dialog.close()
    assert dialog.names.toPlainText() == "" and dialog.leader.text() == ""
    assert not dialog.names.document().isUndoAvailable()
    rows = vault_rows(vault)
    for name in (*NAMES, "Ingrid Haugland"):
        assert name not in rows


def test_certificates_keep_names_only_for_a_run_that_opted_in(
        qtbot: QtBot, vault: Vault, packs: CoursePacks, tmp_path: Path) -> None:
    run = all_covered(planned(store_names=True))
    vault.repo.save_course_run(run)
    dialog = _certificates(qtbot, vault, packs, run, tmp_path)
    assert "keeps the names" in dialog.note.label.text()
    dialog.names.setPlainText("\n".join(NAMES))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.close()
    stored = vault.repo.course_run(run.id)
    assert stored is not None and stored.names == NAMES
    rows = vault_rows(vault)
    assert all(name in rows for name in NAMES)
    again = _certificates(qtbot, vault, packs, stored, tmp_path)
    assert again.names.toPlainText().splitlines() == list(NAMES)  # typed once, kept


def test_a_bad_name_is_shown_with_its_line_and_nothing_is_written(
        qtbot: QtBot, vault: Vault, packs: CoursePacks, tmp_path: Path) -> None:
    run = all_covered(planned())
    dialog = _certificates(qtbot, vault, packs, run, tmp_path)
    dialog.names.setPlainText("Kari\n\n" + "x" * 81)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Line 3" in dialog.message.text()
    assert dialog.written is None
    assert not (tmp_path / "certificates.pdf").exists()


def test_no_certificates_before_anything_is_covered(qtbot: QtBot, vault: Vault,
                                                    packs: CoursePacks, tmp_path: Path) -> None:
    dialog = _certificates(qtbot, vault, packs, planned(), tmp_path)
    dialog.names.setPlainText("Kari")
    assert "No module is marked" in dialog.modules.text()
    assert not dialog.save_button.isEnabled()
