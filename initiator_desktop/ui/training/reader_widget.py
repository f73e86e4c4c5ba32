"""The self-study reader: the course outline with progress, a page, and the way on.

It reads packs (course material) and writes only the reader's own progress to the vault
(``core.training_progress``). The language follows the UI language, with the pack's
fallback (Bokmål and Nynorsk before English).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.course import Module, QuizScore
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.training_progress import (
    ModuleProgress,
    QuizBest,
    TrainingProgress,
    mark_section_seen,
    progress_by_module,
    record_quiz,
    resume_section,
)
from initiator_desktop.exchange.content_pack.reader import LoadedPack
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.storage.errors import VaultError
from initiator_desktop.ui.style import MARGIN, SPACING, ErrorLabel, heading_label, hint_label
from initiator_desktop.ui.training.quiz_widget import QuizWidget
from initiator_desktop.ui.training.reader_navigation import (
    MODULE_ROLE,
    PAGE_ROLE,
    OutlineDelegate,
    OutlineModel,
)
from initiator_desktop.ui.training.reader_pages import (
    PageKind,
    ReaderPage,
    module_pages,
    neighbour_page,
)
from initiator_desktop.ui.training.reader_pages_view import CasePage, ReflectionPage, SectionPage

OUTLINE_WIDTH = 330


class ReaderWidget(QWidget):
    """``present_requested(LoadedPack, module_id)`` when the person wants to present a module."""

    present_requested = Signal(object, str)

    def __init__(self, progress: TrainingProgress, packs: Sequence[LoadedPack],
                 clock: Callable[[], datetime] = oslo_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = progress
        self._packs = list(packs)
        self._clock = clock
        self._language = current_language()
        self._progress: dict[str, ModuleProgress] = {}
        self._syncing = False
        self.module_id = ""
        self.page: ReaderPage | None = None
        self._build()
        self._connect()
        self.retranslate()
        if self._packs:
            self._load_pack(0)

    # set-up -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.pack_label = QLabel()
        self.pack_combo = QComboBox()
        self.pack_label.setBuddy(self.pack_combo)
        self.model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.model)
        self.outline.setHeaderHidden(True)
        self.outline.setItemDelegate(OutlineDelegate(self.outline))
        self.outline.setUniformRowHeights(False)
        self.outline.setExpandsOnDoubleClick(False)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(MARGIN, MARGIN, 0, MARGIN)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.pack_label)
        left_layout.addWidget(self.pack_combo)
        left_layout.addSpacing(6)
        left_layout.addWidget(self.outline, 1)

        self.module_title = heading_label(scale=1.6)
        self.module_title.setTextFormat(Qt.TextFormat.PlainText)
        self.module_meta = hint_label()
        self.module_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.module_summary = hint_label()
        self.module_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.present_button = QPushButton()
        self.error = ErrorLabel()
        self.section_page = SectionPage()
        self.reflection_page = ReflectionPage()
        self.case_page = CasePage()
        self.quiz = QuizWidget()
        self.stack = QStackedWidget()
        for page in (self.section_page, self.reflection_page, self.case_page, self.quiz):
            self.stack.addWidget(page)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.position_label = hint_label()
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        header_text = QVBoxLayout()
        header_text.setSpacing(4)
        header_text.addWidget(self.module_meta)
        header_text.addWidget(self.module_title)
        header_text.addWidget(self.module_summary)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addWidget(self.present_button, 0, Qt.AlignmentFlag.AlignTop)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addWidget(self.position_label, 1)
        footer.addWidget(self.next_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN, MARGIN)
        right_layout.setSpacing(SPACING)
        right_layout.addLayout(header)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(footer)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([OUTLINE_WIDTH, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.pack_combo.currentIndexChanged.connect(self._on_pack_combo_current_index_changed)
        self.outline.selectionModel().currentChanged.connect(
            self._on_outline_current_changed)
        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.present_button.clicked.connect(self._on_present_button_clicked)
        self.quiz.answered.connect(self._on_quiz_answered)
        self.section_page.section_link_clicked.connect(self._on_section_link_clicked)

    # state ------------------------------------------------------------------------------
    @property
    def pack(self) -> LoadedPack | None:
        index = self.pack_combo.currentIndex()
        return self._packs[index] if 0 <= index < len(self._packs) else None

    def module(self) -> Module | None:
        pack = self.pack
        return pack.pack.module(self.module_id) if pack else None

    def pages(self) -> tuple[ReaderPage, ...]:
        module = self.module()
        return module_pages(module, self._language) if module else ()

    def _fill_pack_combo(self) -> None:
        syncing, self._syncing = self._syncing, True
        try:
            current = max(self.pack_combo.currentIndex(), 0)
            self.pack_combo.clear()
            for loaded in self._packs:
                self.pack_combo.addItem(loaded.pack.title(self._language))
            self.pack_combo.setCurrentIndex(min(current, len(self._packs) - 1))
        finally:
            self._syncing = syncing

    def _load_pack(self, index: int) -> None:
        self._syncing = True
        try:
            if self.pack_combo.count() != len(self._packs):
                self._fill_pack_combo()
            self.pack_combo.setCurrentIndex(index)
        finally:
            self._syncing = False
        self._reload_progress()
        pack = self.pack
        if pack is None:
            return
        self._syncing = True
        try:
            self.model.fill(pack.pack, self._language, self._progress)
        finally:
            self._syncing = False
        latest = max(self._progress.values(), key=lambda p: p.updated_at, default=None)
        known = latest is not None and pack.pack.module(latest.module_id) is not None
        self.open_module(latest.module_id if known and latest else pack.pack.module_ids[0])

    def _reload_progress(self) -> None:
        pack = self.pack
        self._progress = {}
        if pack is None:
            return
        try:
            self._progress = progress_by_module(self._repo, pack.pack.id)
        except VaultError as err:
            self.error.show_message(_(err.message))

    # navigation -------------------------------------------------------------------------
    def open_module(self, module_id: str, page: ReaderPage | None = None) -> None:
        """Show ``module_id`` at ``page``, or where the reader left it."""
        pack = self.pack
        module = pack.pack.module(module_id) if pack else None
        if module is None:
            return
        self.module_id = module_id
        if page is None:
            key = resume_section(module, self._progress.get(module_id))
            page = ReaderPage(PageKind.SECTION, key=key)
        self._show_header(module)
        self.quiz.set_questions(module.text(self._language).quiz,
                                self._best_quiz(module_id))
        self.show_page(page)

    def show_page(self, page: ReaderPage) -> None:
        module, pack = self.module(), self.pack
        if module is None or pack is None or page not in self.pages():
            return
        self.page = page
        text = module.text(self._language)
        if page.kind is PageKind.SECTION:
            section = module.section(page.key, self._language)
            if section is not None:
                self.section_page.show_section(section, partial(pack.image, module.id))
                self._mark_seen(page.key)
            self.stack.setCurrentWidget(self.section_page)
        elif page.kind is PageKind.REFLECTION:
            self.reflection_page.show_questions(text.reflection)
            self.stack.setCurrentWidget(self.reflection_page)
        elif page.kind is PageKind.CASE:
            self.case_page.show_case(text.cases[page.index], page.index + 1, len(text.cases))
            self.stack.setCurrentWidget(self.case_page)
        else:
            self.stack.setCurrentWidget(self.quiz)
        self._sync_outline()
        self._update_footer()

    def _show_header(self, module: Module) -> None:
        pack = self.pack
        if pack is None:
            return
        text = module.text(self._language)
        number = pack.pack.module_ids.index(module.id) + 1
        meta = _("Module {number} of {count}").format(number=number,
                                                      count=len(pack.pack.modules))
        if text.minutes:
            meta += " · " + ngettext("about {count} minute on a course day",
                                     "about {count} minutes on a course day",
                                     text.minutes).format(count=text.minutes)
        self.module_meta.setText(meta)
        self.module_title.setText(text.title)
        self.module_summary.setText(text.summary)
        self.module_summary.setVisible(bool(text.summary.strip()))

    def _sync_outline(self) -> None:
        if self.page is None:
            return
        index = self.model.page_index(self.module_id, self.page)
        parent = self.model.module_index(self.module_id)
        self._syncing = True
        try:
            for row in range(self.model.rowCount()):
                top = self.model.index(row, 0)
                self.outline.setExpanded(top, top == parent)
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)
        finally:
            self._syncing = False

    def _update_footer(self) -> None:
        pages = self.pages()
        page = self.page
        position = pages.index(page) + 1 if page in pages else 0
        self.position_label.setText(_("Page {number} of {count}").format(
            number=position, count=len(pages)))
        self.previous_button.setEnabled(self._step_target(-1) is not None)
        self.next_button.setEnabled(self._step_target(1) is not None)

    def _step_target(self, step: int) -> tuple[str, ReaderPage | None] | None:
        """Where previous/next leads: a page here, or the next or previous module."""
        pages = self.pages()
        if self.page is not None:
            target = neighbour_page(pages, self.page, step)
            if target is not None:
                return self.module_id, target
        pack = self.pack
        neighbour = pack.pack.neighbour_module(self.module_id, step) if pack else None
        if neighbour is None:
            return None
        if step > 0:
            return neighbour.id, module_pages(neighbour, self._language)[0]
        return neighbour.id, module_pages(neighbour, self._language)[-1]

    def step(self, step: int) -> None:
        target = self._step_target(step)
        if target is None:
            return
        module_id, page = target
        if module_id != self.module_id:
            self.open_module(module_id, page)
        elif page is not None:
            self.show_page(page)

    # progress ---------------------------------------------------------------------------
    def _best_quiz(self, module_id: str) -> QuizBest | None:
        found = self._progress.get(module_id)
        return found.quiz if found else None

    def _store(self, save: Callable[[], ModuleProgress]) -> None:
        pack = self.pack
        try:
            stored = save()
        except (VaultError, DomainError) as err:
            self.error.show_message(_(err.message))
            return
        self.error.clear_message()
        self._progress[stored.module_id] = stored
        if pack is not None:
            self._syncing = True
            try:
                self.model.update_progress(pack.pack, self._language, self._progress)
            finally:
                self._syncing = False

    def _mark_seen(self, key: str) -> None:
        pack = self.pack
        if pack is not None:
            self._store(partial(mark_section_seen, self._repo, pack.pack.id, self.module_id,
                                key, self._clock()))

    def _on_quiz_answered(self, score: QuizScore) -> None:
        pack = self.pack
        if pack is None:
            return
        self._store(partial(record_quiz, self._repo, pack.pack.id, self.module_id, score,
                            self._clock()))
        found = self._progress.get(self.module_id)
        self.quiz.set_best(found.quiz if found else None)

    # handlers ---------------------------------------------------------------------------
    def _on_pack_combo_current_index_changed(self, index: int) -> None:
        if not self._syncing and index >= 0:
            self._load_pack(index)

    def _on_outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        module_id = str(current.data(MODULE_ROLE))
        page = current.data(PAGE_ROLE)
        if module_id != self.module_id:
            self.open_module(module_id, page if isinstance(page, ReaderPage) else None)
        elif isinstance(page, ReaderPage):
            self.show_page(page)
        else:
            self._sync_outline()  # a click on the open module's own row: stay on the page

    def _on_previous_button_clicked(self) -> None:
        self.step(-1)

    def _on_next_button_clicked(self) -> None:
        self.step(1)

    def _on_present_button_clicked(self) -> None:
        if self.pack is not None and self.module_id:
            self.present_requested.emit(self.pack, self.module_id)

    def _on_section_link_clicked(self, key: str) -> None:
        self.show_page(ReaderPage(PageKind.SECTION, key=key))

    # language and locking ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.pack_label.setText(_("&Course material"))
        self.present_button.setText(_("&Present this module…"))
        self.present_button.setToolTip(_("Show this module as slides for a course day, "
                                         "with a speaker view for you."))
        self.previous_button.setText(_("‹ &Previous"))
        self.next_button.setText(_("&Next ›"))
        if self._language != current_language():
            self._language = current_language()
            self._rerender()
        elif self.page is not None:
            self._update_footer()

    def _rerender(self) -> None:
        pack, page, module_id = self.pack, self.page, self.module_id
        if pack is None:
            return
        self._fill_pack_combo()
        self._syncing = True
        try:
            self.model.fill(pack.pack, self._language, self._progress)
        finally:
            self._syncing = False
        if module_id:
            self.open_module(module_id, page if page in module_pages(
                pack.pack.module(module_id) or pack.pack.modules[0], self._language) else None)

    def forget(self) -> None:
        """Drop what was shown (before a lock); the packs themselves are not vault data."""
        self._progress = {}
        self.model.clear()
        self.quiz.set_questions(())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
