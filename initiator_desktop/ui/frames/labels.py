"""Display words for agreements, presets, profiles and the changes between frame versions.

Looked up at call time so they follow the UI language. Frame titles are shown in the
language asked for, falling back to another language the frame has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.frame_agreement import FrameDiff
from initiator_desktop.core.frame_library import Preset
from initiator_desktop.core.frame_profiles import FrameProfile
from initiator_desktop.core.frame_records import AgreementKind
from initiator_desktop.core.models import FrameItem
from initiator_desktop.i18n import _, ngettext, pgettext
from initiator_desktop.i18n.formatting import format_date, format_time
from initiator_desktop.ui.groups.labels import frame_kind_label


def agreement_kind_label(kind: AgreementKind) -> str:
    return {
        AgreementKind.FRAMES: pgettext("agreement", "The frames"),
        AgreementKind.CONFIDENTIALITY: pgettext("agreement", "Confidentiality"),
    }[AgreementKind(kind)]


def preset_label(preset: Preset) -> str:
    return {
        Preset.SN: _("Selvhjelp Norge (the usual frames)"),
        Preset.TWELVE_STEP: _("12-step style"),
        Preset.HYBRID: _("A mix of Selvhjelp Norge and 12-step"),
        Preset.PHONE: _("Phone and video groups"),
    }[Preset(preset)]


def language_codes(codes: Sequence[str]) -> str:
    """Language codes as a short list, e.g. "nb, nn, en"."""
    return ", ".join(codes)


def profile_summary(profile: FrameProfile) -> str:
    """One line about a profile for a list or a choice, e.g. "LINK Oslo (version 2)"."""
    return _("{name} (version {version})").format(name=profile.name, version=profile.version)


def frame_count(count: int) -> str:
    return ngettext("{count} frame", "{count} frames", count).format(count=count)


def when_changed(moment: datetime) -> str:
    """A kept version's time in Norwegian time, e.g. "2 March 2026, 19:30"."""
    local = moment.astimezone(OSLO)
    return _("{day}, {time}").format(day=format_date(local.date()), time=format_time(local))


def title_of(item: FrameItem, language: str) -> str:
    return item.text(language).title


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One line of a readable diff: what happened, and to which frame."""

    what: str
    text: str


def diff_lines(diff: FrameDiff, after: Sequence[FrameItem], language: str) -> list[DiffLine]:
    """The changes in the order a reader checks them: added, reworded, moved, removed."""
    lines = [DiffLine(_("Added"), _("“{title}”").format(title=title_of(item, language)))
             for item in diff.added]
    for change in diff.reworded:
        old, new = title_of(change.before, language), title_of(change.after, language)
        text = (_("“{old}”, now “{new}”").format(old=old, new=new) if old != new
                else _("“{title}”").format(title=new))
        if change.languages:
            text += " " + _("(wording in {languages})").format(
                languages=language_codes(change.languages))
        if change.kind_changed:
            text += " " + _("(now: {kind})").format(kind=frame_kind_label(change.after.kind))
        lines.append(DiffLine(_("Changed"), text))
    places = {item.id: index + 1 for index, item in enumerate(after)}
    for item in diff.moved:
        lines.append(DiffLine(_("Moved"), _("“{title}”, now number {place}").format(
            title=title_of(item, language), place=places.get(item.id, 0))))
    lines += [DiffLine(_("Removed"), _("“{title}”").format(title=title_of(item, language)))
              for item in diff.removed]
    return lines
