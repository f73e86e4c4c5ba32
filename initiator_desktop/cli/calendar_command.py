"""The ``calendar`` command: a group's meeting times, or the initiator's, as an .ics file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from initiator_desktop.cli.common import (
    EXIT_OK,
    AddCommand,
    CommandFailed,
    UsageError,
    open_vault,
    require_group,
)
from initiator_desktop.core.models import Group, Place
from initiator_desktop.i18n import _

TITLE_NEUTRAL, TITLE_THEME = "neutral", "theme"


def _title(group: Group, choice: str) -> str:
    from initiator_desktop.exchange.icalendar_export import neutral_title

    if choice == TITLE_NEUTRAL:
        return neutral_title(group, _("Meeting"))
    if choice != TITLE_THEME:
        return choice  # a code word given for this export
    if not group.theme.strip():
        raise CommandFailed(_("The group has no theme to use as the title."))
    return group.theme


def _warn_theme() -> None:
    print(_("Warning: the calendar entries will show the group's theme. Calendars are often "
            "shared and synchronised to phones and online services."), file=sys.stderr)


def _cmd_calendar(args: argparse.Namespace) -> int:
    from initiator_desktop.core.clock import oslo_now
    from initiator_desktop.exchange.icalendar_export import (
        PlaceChoice,
        calendar_for_group,
        calendar_for_initiator,
        neutral_title,
        write_calendar,
    )

    if (args.group is None) == (not args.initiator):
        raise UsageError(_("Give either --group or --initiator."))
    with open_vault(args.vault) as vault:
        places: dict[str, Place] = {p.id: p for p in vault.repo.places()}

        def where(group: Group) -> PlaceChoice:
            place = places.get(group.place_id) if group.place_id else None
            return PlaceChoice(place, args.with_place, args.with_dial_in)

        if args.initiator:
            if args.title not in (TITLE_NEUTRAL, TITLE_THEME):
                raise UsageError(_("For the initiator's calendar the title is 'neutral' or "
                                   "'theme'."))
            groups = vault.repo.groups()
            plans = [(g, vault.repo.schedules(g.id)) for g in groups]
            choice = args.title

            def title(group: Group) -> str:
                return group.theme if choice == TITLE_THEME and group.theme.strip() \
                    else neutral_title(group, _("Meeting"))

            data = calendar_for_initiator(plans, title=title, now=oslo_now(), place=where)
        else:
            group = require_group(vault.repo.groups(), args.group)
            schedules = vault.repo.schedules(group.id)
            if not schedules:
                raise CommandFailed(_("The group has no meeting times to export."))
            data = calendar_for_group(group, schedules, title=_title(group, args.title),
                                      now=oslo_now(), place=where(group))
    if args.title == TITLE_THEME:
        _warn_theme()
    write_calendar(args.out, data)
    print(_("Wrote the calendar: {path}").format(path=args.out), file=sys.stderr)
    return EXIT_OK


def register(command: AddCommand) -> None:
    cal = command("calendar", _("write meeting times to an iCalendar file (.ics): one "
                                "group's, or the initiator's own"), _cmd_calendar)
    cal.add_argument("--group", metavar="NAME_OR_ID",
                     help=_("the group, by its name or its id"))
    cal.add_argument("--initiator", action="store_true",
                     help=_("instead of one group: the meetings the initiator attends (the "
                            "first meetings of planned and starting groups)"))
    cal.add_argument("--out", required=True, type=Path, metavar="FILE",
                     help=_("the .ics file to write"))
    cal.add_argument("--title", default=TITLE_NEUTRAL, metavar="TITLE",
                     help=_("what the entries are called: 'neutral' (the default: the "
                            "group's code word, or \"Meeting\"), 'theme' (the group's "
                            "theme) or a code word"))
    cal.add_argument("--with-place", action="store_true",
                     help=_("include the place (for phone and video meetings only its "
                            "name)"))
    cal.add_argument("--with-dial-in", action="store_true",
                     help=_("include the dial-in or video link of phone and video "
                            "meetings"))
