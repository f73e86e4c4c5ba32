"""Asks on which day the group agreed (on its frames or on confidentiality), and how many.

There is deliberately no field for who agreed: names stay on paper, if anywhere.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from initiator_desktop.core.frame_records import AgreementKind, FrameAgreement
from initiator_desktop.core.models import MAX_COUNT
from initiator_desktop.i18n import _
from initiator_desktop.i18n.formatting import babel_locale
from initiator_desktop.ui.style import SPACING, hint_label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AgreementDialog(QDialog):
    """``agreement()`` is the note to record once the dialog is accepted."""

    def __init__(self, kind: AgreementKind, today: date, parent: QWidget | None = None,
                 suggested_count: int | None = None) -> None:
        super().__init__(parent)
        self._kind = AgreementKind(kind)
        self.setWindowTitle(_("The group agreed on its frames") if self._kind is
                            AgreementKind.FRAMES else _("The group agreed on confidentiality"))
        self.intro = hint_label(parent=self)
        self.day = QDateEdit(_qdate(today), self)
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(_qdate(today))
        locale = QLocale(babel_locale())
        self.day.setLocale(locale)
        self.day.setDisplayFormat(locale.dateFormat(QLocale.FormatType.ShortFormat))
        self.with_count = QCheckBox(self)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(suggested_count or 6)
        self.count.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self._build_layout()
        self.with_count.toggled.connect(self.count.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._retranslate()

    def _build_layout(self) -> None:
        form = self.form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setVerticalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.day_label = QLabel(self)
        self.day_label.setBuddy(self.day)
        form.addRow(self.day_label, self.day)
        form.addRow(self.with_count, self.count)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING + 4)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _retranslate(self) -> None:
        if self._kind is AgreementKind.FRAMES:
            self.intro.setText(_("Note the day the group agreed on the frames as they are "
                                 "saved now. Later changes to them are kept in the history."))
        else:
            self.intro.setText(_("Note the day the group agreed to keep what is said in the "
                                 "group within the group."))
        self.day_label.setText(_("Day"))
        self.with_count.setText(_("Note how many agreed:"))
        self.with_count.setToolTip(_("Only a number. The app never records who."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Record"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))

    def agreement(self) -> FrameAgreement:
        count = self.count.value() if self.with_count.isChecked() else None
        return FrameAgreement(self._kind, self.day.date().toPython(), count)
