"""The "About the group" section: name, theme, tradition, open or closed, status and size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.models import (
    ALLOWED_TRANSITIONS,
    MAX_NAME,
    Group,
    GroupStatus,
    Tradition,
)
from initiator_desktop.i18n import _
from initiator_desktop.i18n.domain_labels import status_label
from initiator_desktop.ui.field_errors import FieldErrors
from initiator_desktop.ui.groups.labels import tradition_label
from initiator_desktop.ui.style import CHOICE_FIELD_WIDTH, SHORT_FIELD_WIDTH, SPACING, hint_label

DEFAULT_INITIATOR_MEETINGS = 3


def status_choices(stored: GroupStatus | None) -> list[GroupStatus]:
    """The stored status and the ones the domain allows from it (a new group starts planned)."""
    current = stored or GroupStatus.PLANNED
    allowed = ALLOWED_TRANSITIONS[current]
    return [s for s in GroupStatus if s is current or s in allowed]


class GroupDetailsEditor(QWidget):
    """Edits a ``Group``'s own fields; ``build`` raises ``DomainError`` for bad input."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(self)
        self.name_label, self.name = QLabel(self), QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.name_hint = hint_label(parent=self)
        self.theme_label, self.theme = QLabel(self), QLineEdit(self)
        self.theme_hint = hint_label(parent=self)
        self.tradition_label, self.tradition = QLabel(self), QComboBox(self)
        self.openness_label = QLabel(self)
        self.closed_radio, self.open_radio = QRadioButton(self), QRadioButton(self)
        self._openness = QButtonGroup(self)
        self._openness.addButton(self.closed_radio)
        self._openness.addButton(self.open_radio)
        self.status_label, self.status = QLabel(self), QComboBox(self)
        self.meetings_label, self.initiator_meetings = QLabel(self), QSpinBox(self)
        self.initiator_meetings.setRange(1, 10)
        self.meetings_hint = hint_label(parent=self)
        self.size_label, self.planned_size = QLabel(self), QSpinBox(self)
        self.planned_size.setRange(0, 50)
        self.size_advice = hint_label(parent=self)
        self._stored_status: GroupStatus | None = None
        self._build_layout()
        self._fill_tradition()
        self.load(None)
        self._connect()
        self.retranslate()

    def _build_layout(self) -> None:
        openness = QVBoxLayout()
        openness.setSpacing(4)
        openness.addWidget(self.closed_radio)
        openness.addWidget(self.open_radio)
        form = self.form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(SPACING + 4)
        form.setVerticalSpacing(SPACING)
        e = self.errors
        form.addRow(self.name_label, e.column("name", self.name, self.name_hint))
        form.addRow(self.theme_label, e.column("theme", self.theme, self.theme_hint))
        form.addRow(self.tradition_label, e.column("tradition", self.tradition))
        form.addRow(self.openness_label, e.column("is_open", openness))
        form.addRow(self.status_label, e.column("status", self.status))
        form.addRow(self.meetings_label, e.column(
            "initiator_meetings", self.initiator_meetings, self.meetings_hint))
        form.addRow(self.size_label, e.column("planned_size", self.planned_size, self.size_advice))
        for label, field in (
            (self.name_label, self.name), (self.theme_label, self.theme),
            (self.tradition_label, self.tradition), (self.openness_label, self.closed_radio),
            (self.status_label, self.status), (self.meetings_label, self.initiator_meetings),
            (self.size_label, self.planned_size),
        ):
            label.setBuddy(field)
        for spin in (self.initiator_meetings, self.planned_size):
            spin.setMaximumWidth(SHORT_FIELD_WIDTH)
        for combo in (self.tradition, self.status):
            combo.setMaximumWidth(CHOICE_FIELD_WIDTH)

    def _connect(self) -> None:
        for line in (self.name, self.theme):
            line.textEdited.connect(self._on_field_edited)
        for combo in (self.tradition, self.status):
            combo.activated.connect(self._on_field_edited)
        self._openness.buttonClicked.connect(self._on_field_edited)
        for spin in (self.initiator_meetings, self.planned_size):
            spin.valueChanged.connect(self._on_field_edited)
        self.planned_size.valueChanged.connect(self._on_planned_size_value_changed)

    # values -----------------------------------------------------------------------------
    def load(self, group: Group | None) -> None:
        """Show ``group``, or the defaults for a new group; emits nothing."""
        self.blockSignals(True)
        try:
            self.name.setText(group.name if group else "")
            self.theme.setText(group.theme if group else "")
            self._select(self.tradition, group.tradition if group else Tradition.SN)
            is_open = group.is_open if group else False
            (self.open_radio if is_open else self.closed_radio).setChecked(True)
            self._stored_status = group.status if group else None
            self._fill_status(group.status if group else GroupStatus.PLANNED)
            self.initiator_meetings.setValue(
                group.initiator_meetings if group else DEFAULT_INITIATOR_MEETINGS
            )
            self.planned_size.setValue((group.planned_size or 0) if group else 0)
        finally:
            self.blockSignals(False)
        self.errors.clear()
        self._update_size_advice()

    def build(self, group_id: str, place_id: str | None) -> Group:
        return Group(
            id=group_id,
            name=self.name.text().strip(),
            theme=self.theme.text().strip(),
            tradition=self.current_tradition(),
            is_open=self.open_radio.isChecked(),
            status=self.current_status(),
            initiator_meetings=self.initiator_meetings.value(),
            planned_size=self.planned_size.value() or None,
            place_id=place_id,
        )

    # Qt stores an enum item's data as its plain string value: convert it back.
    def current_tradition(self) -> Tradition:
        return Tradition(self.tradition.currentData() or Tradition.SN)

    def current_status(self) -> GroupStatus:
        return GroupStatus(self.status.currentData() or GroupStatus.PLANNED)

    def _select(self, combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _fill_tradition(self) -> None:
        current = self.current_tradition()
        self.tradition.clear()
        for tradition in Tradition:
            self.tradition.addItem(tradition_label(tradition), tradition)
        self._select(self.tradition, current)

    def _fill_status(self, selected: GroupStatus) -> None:
        self.status.clear()
        for status in status_choices(self._stored_status):
            self.status.addItem(status_label(status), status)
        self._select(self.status, selected)

    def _update_size_advice(self) -> None:
        size = self.planned_size.value() or None
        # The advice is a domain rule: ask a throwaway group rather than repeat it here.
        advice = Group(name="-", planned_size=size).size_advice()
        self.size_advice.setText(_(advice) if advice else "")
        self.size_advice.setVisible(advice is not None)

    # handlers ---------------------------------------------------------------------------
    def _on_field_edited(self, *_args: object) -> None:
        self.edited.emit()

    def _on_planned_size_value_changed(self, _value: int) -> None:
        self._update_size_advice()

    # texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.name_label.setText(_("&Name"))
        self.name.setPlaceholderText(_("For example: Tuesday group"))
        self.name_hint.setText(
            _("A neutral name the members can use. Lists, cards and calendars show only this.")
        )
        self.theme_label.setText(_("&Theme"))
        self.theme.setPlaceholderText(_("What the members have in common"))
        self.theme_hint.setText(_("Sensitive: the theme is shown only here, on the group page."))
        self.tradition_label.setText(_("&Way of working"))
        self.openness_label.setText(_("Newcomers"))
        self.closed_radio.setText(_("Closed: nobody new joins after the start"))
        self.open_radio.setText(_("Open: newcomers are welcome at any time"))
        self.status_label.setText(_("St&atus"))
        self.meetings_label.setText(_("Meetings with &you"))
        self.meetings_hint.setText(
            _("How many meetings you plan to take part in before the group runs on its own.")
        )
        self.size_label.setText(_("Planned number of &members"))
        self.planned_size.setSpecialValueText(_("Not decided"))
        # Programmatic refills do not emit ``activated``, so this is not an edit.
        self._fill_tradition()
        self._fill_status(self.current_status())
        self._update_size_advice()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
