"""The ``calendar`` command: a group's meeting times as an iCalendar file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from initiator_desktop.cli.common import (
    EXIT_OK,
    AddCommand,
    CommandFailed,
    open_vault,
    require_group,
)
from initiator_desktop.core.models import Group
from initiator_desktop.i18n import _

TITLE_NEUTRAL, TITLE_THEME = "neutral", "theme"


def _calendar_title(group: Group, choice: str) -> str:
    if choice == TITLE_NEUTRAL:
        return _("Meeting")
    if choice != TITLE_THEME:
        return choice  # a code word the group agreed on
    if not group.theme.strip():
        raise CommandFailed(_("The group has no theme to use as the title."))
    print(_("Warning: the calendar entries will show the group's theme. Calendars are often "
            "shared and synchronised to phones and online services."), file=sys.stderr)
    return group.theme


def _cmd_calendar(args: argparse.Namespace) -> int:
    from initiator_desktop.core.clock import oslo_now
    from initiator_desktop.exchange.icalendar_export import calendar_for_group, write_calendar

    with open_vault(args.vault) as vault:
        group = require_group(vault.repo.groups(), args.group)
        schedules = vault.repo.schedules(group.id)
        if not schedules:
            raise CommandFailed(_("The group has no meeting times to export."))
        place = next((p for p in vault.repo.places() if p.id == group.place_id), None)
        title = _calendar_title(group, args.title)
        data = calendar_for_group(group, place, schedules, title=title,
                                  include_place=args.with_place, now=oslo_now())
    write_calendar(args.out, data)
    print(_("Wrote the calendar: {path}").format(path=args.out), file=sys.stderr)
    return EXIT_OK



def register(command: AddCommand) -> None:
    cal = command("calendar", _("write a group's meeting times to an iCalendar file (.ics)"),
                  _cmd_calendar)
    cal.add_argument("--group", required=True, metavar="NAME_OR_ID",
                     help=_("the group, by its name or its id"))
    cal.add_argument("--out", required=True, type=Path, metavar="FILE",
                     help=_("the .ics file to write"))
    cal.add_argument("--title", default=TITLE_NEUTRAL, metavar="TITLE",
                     help=_("what the entries are called: 'neutral' (the default, "
                            "\"Meeting\"), 'theme' (the group's theme) or a code word"))
    cal.add_argument("--with-place", action="store_true",
                     help=_("include the place (for phone and video meetings only its "
                            "name)"))
