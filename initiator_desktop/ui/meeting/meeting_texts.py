"""Texts of meeting mode built from the core's values: step wording, times and counts."""

from __future__ import annotations

from datetime import timedelta

from initiator_desktop.core.run_sheets import RunStep, StepKind
from initiator_desktop.i18n import _, ngettext


def step_title(step: RunStep) -> str:
    text, is_id = step.title_text()
    return _(text) if is_id else text


def step_guidance(step: RunStep) -> str:
    text, is_id = step.guidance_text()
    return _(text) if is_id else text


def step_kind_label(kind: StepKind) -> str:
    return {
        StepKind.ITEM: _("Item"),
        StepKind.ROUND: _("Speaking round"),
        StepKind.FRAMES: _("Frames with ticks"),
        StepKind.FREE: _("Free floor"),
    }[kind]


def about_minutes(minutes: int) -> str:
    return ngettext("about {count} minute", "about {count} minutes", minutes).format(
        count=minutes)


def clock_text(seconds: float) -> str:
    """A turn's time as m:ss; time over is shown with a plus, never as a negative."""
    whole = round(abs(seconds))
    text = f"{whole // 60}:{whole % 60:02d}"
    return "+" + text if seconds < 0 and whole else text


def share_text(seconds: int) -> str:
    """A share per person in words: "4 minutes", "2½ minutes", "45 seconds"."""
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
    if seconds >= 60 and seconds % 30 == 0:
        return _("{count}½ minutes").format(count=seconds // 60)
    return ngettext("{count} second", "{count} seconds", seconds).format(count=seconds)


def span_minutes(span: timedelta) -> int:
    """Whole minutes in ``span``, rounded up so "1 minute" shows until the very end."""
    seconds = max(0, int(span.total_seconds()))
    return -(-seconds // 60)
