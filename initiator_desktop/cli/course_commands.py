"""The ``certificates`` command: course certificates (kursbevis) for a course run, as a PDF.

The names come from a text file, one per line, and are not written to the vault unless
the course leader chose, on the run, to store names for certificates. Drawing needs a
QGuiApplication: ``print_commands.gui_application`` makes one (offscreen on Linux).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from initiator_desktop import i18n
from initiator_desktop.cli.common import EXIT_OK, AddCommand, CommandFailed, open_vault
from initiator_desktop.core.course import Pack
from initiator_desktop.core.course_runs import CourseRun, check_against_pack, parse_names
from initiator_desktop.core.errors import N_, DomainError
from initiator_desktop.exchange.errors import InvalidFile
from initiator_desktop.i18n import _, ngettext

# 200 names of at most 80 characters (up to 4 bytes each in UTF-8) with room for blank
# lines and spaces; anything larger is not a list of names.
MAX_NAMES_FILE_BYTES = 256 * 1024


def read_names_file(path: Path) -> tuple[str, ...]:
    """The names in ``path`` (UTF-8, one per line); InvalidFile (exit 4) names the line."""
    with path.open("rb") as handle:
        data = handle.read(MAX_NAMES_FILE_BYTES + 1)
    if len(data) > MAX_NAMES_FILE_BYTES:
        raise InvalidFile(N_("The file is too large for a list of names (at most {limit} "
                             "KiB)."), str(path), limit=MAX_NAMES_FILE_BYTES // 1024)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InvalidFile(N_("Line {line}: the text is not UTF-8."), str(path),
                          line=line) from err
    try:
        names = parse_names(text)
    except DomainError as err:
        raise InvalidFile(err.message, str(path), **err.params) from err
    if not names:
        raise InvalidFile(N_("The file holds no names."), str(path))
    return names


def find_run(runs: list[CourseRun], wanted: str) -> CourseRun:
    """The run with id ``wanted``, or the one run whose title is ``wanted`` (any case)."""
    by_id = [r for r in runs if r.id == wanted]
    if by_id:
        return by_id[0]
    by_title = [r for r in runs if r.title.casefold() == wanted.strip().casefold()]
    if len(by_title) > 1:
        raise CommandFailed(_("More than one course is called {title}: give its id instead.")
                            .format(title=wanted))
    if not by_title:
        raise CommandFailed(_("No course has the id or title {course}.").format(course=wanted))
    return by_title[0]


def run_pack(run: CourseRun) -> Pack:
    """The content pack the run was planned from, checked against the run."""
    from initiator_desktop.cli.pack_commands import library

    shelved = library().find(run.pack_id)
    if shelved is None or shelved.validation.pack is None:
        raise CommandFailed(_("The course's content pack {id} is not installed or not valid.")
                            .format(id=run.pack_id))
    pack = shelved.validation.pack
    check_against_pack(run, pack)
    return pack


def _cmd_certificates(args: argparse.Namespace) -> int:
    from initiator_desktop.cli.print_commands import gui_application
    from initiator_desktop.core.course_runs import with_names
    from initiator_desktop.printing.certificates import certificate_job, write_pdf

    names = read_names_file(args.names_file)
    with open_vault(args.vault) as vault:
        run = find_run(vault.repo.course_runs(), args.course)
        job = certificate_job(run, run_pack(run), names, language=args.certificate_language,
                              leader_name=args.leader or "")
        with gui_application():
            write_pdf(args.out, job)
        if run.store_names:
            vault.repo.save_course_run(with_names(run, job.names))
    count = len(job.names)
    print(ngettext("Wrote {count} certificate: {path}", "Wrote {count} certificates: {path}",
                   count).format(count=count, path=args.out), file=sys.stderr)
    if run.store_names:
        print(_("The names were stored with the course, as chosen for it."), file=sys.stderr)
    return EXIT_OK


def register(command: AddCommand) -> None:
    sub = command("certificates", _("print course certificates, one page per participant "
                                    "(PDF)"), _cmd_certificates)
    sub.add_argument("--course", required=True, metavar="ID",
                     help=_("the course run, by its id or its title"))
    sub.add_argument("--names-file", required=True, type=Path, metavar="FILE",
                     help=_("a UTF-8 text file with the participants' names, one per line "
                            "(at most 200 names of at most 80 characters). The names are "
                            "not stored unless the course was set to store them."))
    # Its own destination: the top-level --lang picks the language of the messages.
    sub.add_argument("--lang", dest="certificate_language", required=True,
                     choices=i18n.LANGUAGES, help=_("the language of the certificates"))
    sub.add_argument("--out", required=True, type=Path, metavar="FILE",
                     help=_("the PDF file to write"))
    sub.add_argument("--leader", metavar="NAME",
                     help=_("the course leader's name, printed under the signature line"))
