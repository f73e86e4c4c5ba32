"""Words for the checklists, end reasons and dates of the group's life, in the UI language."""

from __future__ import annotations

from datetime import date

from initiator_desktop.core.group_life import EndReason
from initiator_desktop.i18n import _, pgettext
from initiator_desktop.i18n.formatting import format_date


def preparation_label(item: str) -> str:
    return {
        "premises": _("Discreet premises booked"),
        "key": _("Key or access to the room settled"),
        "refreshments": _("Coffee, tea and something simple to go with it"),
        "calls": _("Each prospective member called"),
        "frame_cards": _("Frame cards printed"),
        "declaration": _("Confidentiality declaration printed"),
    }.get(item, item)


def handover_label(item: str) -> str:
    return {
        "knows_frames": _("The group knows its frames and principles"),
        "premises_contact": _("The group has a key and a contact person for the premises"),
        "reach_initiator": _("The group knows how to reach you for a follow-up"),
    }.get(item, item)


def end_reason_label(reason: EndReason) -> str:
    return {
        EndReason.COMPLETED: pgettext("end reason", "The group finished its work"),
        EndReason.TOO_FEW: pgettext("end reason", "Too few members to go on"),
        EndReason.RESTARTED: pgettext("end reason", "Went on as a new group"),
        EndReason.NO_PREMISES: pgettext("end reason", "No premises"),
        EndReason.OTHER: pgettext("end reason", "Another reason"),
    }[reason]


def day_text(day: date) -> str:
    """E.g. "3 March 2026" / "3. mars 2026"."""
    return format_date(day, "long")
