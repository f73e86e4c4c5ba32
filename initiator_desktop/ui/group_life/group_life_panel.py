"""The "Before and after" tab of a group: members, the people to call, the preparation
checklist, handover, follow-up, and ending or restarting the group.

Every action is stored at once through the core (there is no Save button here), and the
whole panel is reloaded after it, since one step can touch several sections (a handover
deletes the contact list). ``purge`` deletes a contact list for good; the app wires it to
``storage.contact_purge`` and tests to a fake.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from initiator_desktop.core.clock import oslo_now
from initiator_desktop.core.preparation import purge_if_due
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.i18n import _
from initiator_desktop.ui.group_life.contacts_section import ContactsSection
from initiator_desktop.ui.group_life.ending_section import EndingSection
from initiator_desktop.ui.group_life.follow_up_section import FollowUpSection
from initiator_desktop.ui.group_life.handover_pack_dialog import print_handover_pack
from initiator_desktop.ui.group_life.handover_section import HandoverSection, PrintPack
from initiator_desktop.ui.group_life.members_section import MembersSection
from initiator_desktop.ui.group_life.preparation_section import PreparationSection
from initiator_desktop.ui.group_life.section_base import LifeSection, PanelContext, Purge
from initiator_desktop.ui.page_scroll_area import PageScrollArea
from initiator_desktop.ui.style import MARGIN, WIDE_SPACING, plain_font, section_box

MAX_CONTENT_WIDTH = 900


class GroupLifePanel(QWidget):
    """``group_changed(id)`` after a handover, an end or a restart (the group's status
    changed); ``group_restarted(new_id)`` names the new group after a restart."""

    group_changed = Signal(str)
    group_restarted = Signal(str)

    def __init__(self, repo: VaultRepository, group_id: str,
                 clock: Callable[[], datetime] = oslo_now, purge: Purge | None = None,
                 parent: QWidget | None = None, *,
                 print_pack: PrintPack = print_handover_pack) -> None:
        super().__init__(parent)
        self._group_id = group_id
        context = self._context = PanelContext(repo, clock, purge or repo.delete_contacts)
        self.members = MembersSection(context)
        self.contacts = ContactsSection(context)
        self.preparation = PreparationSection(context)
        self.handover = HandoverSection(context, print_pack)
        self.follow_up = FollowUpSection(context)
        self.ending = EndingSection(context)
        self.boxes: list[QGroupBox] = []
        self.scroll = PageScrollArea(self)
        self._build_layout()
        for section in self.sections():
            section.changed.connect(self.refresh)
            section.status_changed.connect(self.group_changed)
        self.ending.group_restarted.connect(self.group_restarted)
        self.retranslate()
        self.set_group(group_id)

    def sections(self) -> tuple[LifeSection, ...]:
        return (self.members, self.contacts, self.preparation, self.handover,
                self.follow_up, self.ending)

    def _build_layout(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN + 8)
        column.setSpacing(WIDE_SPACING + 4)
        for section in self.sections():
            box = section_box(content)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(MARGIN, MARGIN + 4, MARGIN, MARGIN)
            section.setParent(box)
            plain_font(section)
            inner.addWidget(section)
            column.addWidget(box)
            self.boxes.append(box)
        column.addStretch(1)
        content.setMaximumWidth(MAX_CONTENT_WIDTH)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(content, 1)
        self.scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def group_id(self) -> str:
        return self._group_id

    def set_group(self, group_id: str) -> None:
        """Show another group (the page's group changed).

        A contact list left on a group that no longer starts (its status was changed by
        hand on the group page) is purged now, as the page promises.
        """
        self._group_id = group_id
        for section in self.sections():
            section.load(group_id)
        context = self._context
        if self.contacts.attempt(lambda: purge_if_due(context.repo, group_id, context.today(),
                                                      context.purge)):
            self.refresh()
        self.scroll.refit_later()

    def refresh(self) -> None:
        """Reload every section from the vault (after any change in one of them)."""
        for section in self.sections():
            section.refresh()
        self.scroll.refit_later()

    def retranslate(self) -> None:
        titles = (_("Members"), _("People to call before the first meeting"),
                  _("Preparation"), _("Handover"), _("Follow-up"), _("End or restart"))
        for box, title in zip(self.boxes, titles, strict=True):
            box.setTitle(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for section in self.sections():
                section.retranslate()
        super().changeEvent(event)
