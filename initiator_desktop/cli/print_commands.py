"""The ``cards`` and ``declaration`` commands: a group's frames and its confidentiality
declaration as PDF files, in the language asked for.

The vault is read and closed before anything is drawn. Drawing text needs a
QGuiApplication: these commands make one if there is none (on Linux and the BSDs on
Qt's offscreen platform) and nothing else in the CLI does.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from initiator_desktop import i18n
from initiator_desktop.cli.common import (
    EXIT_OK,
    AddCommand,
    CommandFailed,
    open_vault,
    require_group,
)
from initiator_desktop.i18n import _

FORMATS = ("a4", "a5", "a6", "tent")
_UNIX_WITH_X = ("linux", "freebsd", "openbsd", "netbsd")


def _wants_offscreen() -> bool:
    """Qt's offscreen platform draws PDFs just as well as X11 or Wayland, and works
    where there is no display (a server, CI, ssh). It is used even when DISPLAY is set:
    a stale DISPLAY makes Qt abort the whole process. A platform the user chose is
    left alone, and so are Windows and macOS, which always have theirs."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return sys.platform.startswith(_UNIX_WITH_X)


@contextmanager
def gui_application() -> Iterator[None]:
    """A QGuiApplication for the duration of one command, unless one exists already."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        yield
        return
    argv = ["initiator-desktop"]
    if _wants_offscreen():
        argv += ["-platform", "offscreen"]
    app = QGuiApplication(argv)
    try:
        yield
    finally:
        app.shutdown()


def _cmd_cards(args: argparse.Namespace) -> int:
    from initiator_desktop.printing.frame_cards import card_job, group_place, write_pdf

    with open_vault(args.vault) as vault:
        group = require_group(vault.repo.groups(), args.group)
        frames = vault.repo.frames(group.id)
        schedules = vault.repo.schedules(group.id)
        place = group_place(vault.repo, group.place_id)
    if not frames:
        raise CommandFailed(_("The group has no frames to print."))
    if args.with_time and not schedules:
        raise CommandFailed(_("The group has no meeting times to print."))
    if args.with_theme and group.theme.strip():
        print(_("Warning: the printout will show the group's theme. Anyone who sees the "
                "cards on a table or a wall can read it."), file=sys.stderr)
    job = card_job(group, frames, card_format=args.card_format, language=args.card_language,
                   schedules=schedules, place=place, with_time=args.with_time,
                   with_theme=args.with_theme)
    with gui_application():
        write_pdf(args.out, job)
    print(_("Wrote the frame cards: {path}").format(path=args.out), file=sys.stderr)
    return EXIT_OK


def _cmd_declaration(args: argparse.Namespace) -> int:
    from initiator_desktop.printing.declaration import declaration_job, write_pdf

    with open_vault(args.vault) as vault:
        group = require_group(vault.repo.groups(), args.group)
        frames = vault.repo.frames(group.id)
    job = declaration_job(group, frames, language=args.card_language)
    with gui_application():
        write_pdf(args.out, job)
    print(_("Wrote the confidentiality declaration: {path}").format(path=args.out),
          file=sys.stderr)
    return EXIT_OK


def _common(sub: argparse.ArgumentParser, out_help: str) -> None:
    sub.add_argument("--group", required=True, metavar="NAME_OR_ID",
                     help=_("the group, by its name or its id"))
    # Its own destination: the top-level --lang picks the language of the messages.
    sub.add_argument("--lang", dest="card_language", required=True, choices=i18n.LANGUAGES,
                     help=_("the language of the printout"))
    sub.add_argument("--out", required=True, type=Path, metavar="FILE", help=out_help)


def register(command: AddCommand) -> None:
    cards = command("cards", _("print a group's frames as a poster, handout, cards or "
                               "table tent (PDF)"), _cmd_cards)
    _common(cards, _("the PDF file to write"))
    cards.add_argument("--format", dest="card_format", required=True, choices=FORMATS,
                       help=_("a4: poster; a5: handout; a6: cards, four to an A4 sheet, with "
                              "cut marks; tent: a folded table tent (A4 landscape)"))
    cards.add_argument("--with-time", action="store_true",
                       help=_("add the meeting day, time and place (for phone and video "
                              "meetings only the kind of meeting)"))
    cards.add_argument("--with-theme", action="store_true",
                       help=_("also print the group's theme (it is left out by default)"))
    declaration = command("declaration", _("print a confidentiality declaration for a group's "
                                           "first meeting (PDF)"), _cmd_declaration)
    _common(declaration, _("the PDF file to write"))
