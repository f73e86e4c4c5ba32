"""Translated names of domain values that screens and printouts both show."""

from __future__ import annotations

from initiator_desktop.core.models import GroupStatus
from initiator_desktop.i18n import pgettext


def status_label(status: GroupStatus) -> str:
    return {
        GroupStatus.PLANNED: pgettext("group status", "Planned"),
        GroupStatus.STARTING: pgettext("group status", "Starting, with the initiator"),
        GroupStatus.SELF_RUNNING: pgettext("group status", "Running on its own"),
        GroupStatus.ENDED: pgettext("group status", "Ended"),
    }[status]
