"""The ``report`` command: groups, meetings and attendance over a period, with small
counts hidden, as a PDF, CSV or JSON file.

Totals only by default; ``--groups`` adds a row per named group and ``--by-theme`` the
theme categories (with a warning: themes are sensitive). The PDF needs a
QGuiApplication, made as for the card commands.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from initiator_desktop import i18n
from initiator_desktop.cli.common import (
    EXIT_OK,
    AddCommand,
    UsageError,
    open_vault,
    require_group,
)
from initiator_desktop.core.errors import DomainError
from initiator_desktop.core.small_counts import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from initiator_desktop.i18n import _

if TYPE_CHECKING:
    from initiator_desktop.core.reports import Report

FORMATS = ("pdf", "csv", "json")


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(_("{option} needs a date written as YYYY-MM-DD, not “{text}”.")
                         .format(option=option, text=text[:40])) from None


def _min_count(value: int) -> int:
    if not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
        raise UsageError(_("--min-count must be between {low} and {high}: numbers below 3 are "
                           "never shown.").format(low=MIN_THRESHOLD, high=MAX_THRESHOLD))
    return value


def _wanted_groups(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    names = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if not names:
        raise UsageError(_("--groups needs at least one group's name or id."))
    return names


def _cmd_report(args: argparse.Namespace) -> int:
    from initiator_desktop.core.clock import oslo_now
    from initiator_desktop.core.reports import ReportRequest, build_report

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    threshold = _min_count(args.min_count)
    wanted = _wanted_groups(args.groups)
    try:  # the period's own rules, checked before the passphrase is asked for
        ReportRequest(start, end, None, args.by_theme, threshold)
    except DomainError as err:
        raise UsageError(_(err.message).format(**err.params)) from None
    language = i18n.current_language()
    with open_vault(args.vault) as vault:
        group_ids = None
        if wanted is not None:
            groups = vault.repo.groups()
            group_ids = tuple(require_group(groups, name).id for name in wanted)
        request = ReportRequest(start, end, group_ids, args.by_theme, threshold)
        report = build_report(vault.repo, request, oslo_now(), language=language)
    if args.by_theme:
        print(_("Warning: the report shows the groups' themes. Themes are sensitive: share "
                "it only with those who need it."), file=sys.stderr)
    _write(args.out, args.report_format, report, language)
    if str(args.out) != "-":
        print(_("Wrote the report: {path}").format(path=args.out), file=sys.stderr)
    return EXIT_OK


def _write(out: Path, kind: str, report: Report, language: str) -> None:
    from initiator_desktop.exchange import report_files

    if kind == "pdf":
        from initiator_desktop.cli.print_commands import gui_application
        from initiator_desktop.printing.report_pdf import report_pdf_bytes, write_report_pdf

        with gui_application():
            if str(out) == "-":
                sys.stdout.buffer.write(report_pdf_bytes(report, language))
            else:
                write_report_pdf(out, report, language)
    elif str(out) == "-":
        text = (report_files.report_json_text(report) if kind == "json"
                else report_files.report_csv_text(report))
        sys.stdout.write(text)
    elif kind == "json":
        report_files.write_report_json(out, report)
    else:
        report_files.write_report_csv(out, report)


def register(command: AddCommand) -> None:
    report = command("report", _("write a report on groups, meetings and attendance for a "
                                 "period, with small numbers hidden (PDF, CSV or JSON)"),
                     _cmd_report)
    report.add_argument("--from", dest="start", required=True, metavar="DATE",
                        help=_("the first day of the period (YYYY-MM-DD)"))
    report.add_argument("--to", dest="end", required=True, metavar="DATE",
                        help=_("the last day of the period (YYYY-MM-DD)"))
    report.add_argument("--format", dest="report_format", required=True, choices=FORMATS,
                        help=_("pdf: a printable report; csv: one figure per row, for a "
                               "spreadsheet; json: for programs"))
    report.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help=_("the file to write ('-' writes to standard output)"))
    report.add_argument("--min-count", type=int, default=DEFAULT_THRESHOLD, metavar="N",
                        help=_("numbers below N are shown as “<N” (at least 3, the "
                               "default)"))
    report.add_argument("--groups", action="append", metavar="NAME_OR_ID,...",
                        help=_("only these groups, each listed by its name (by default the "
                               "report has totals only and names no group)"))
    report.add_argument("--by-theme", action="store_true",
                        help=_("add the figures by theme (themes are sensitive: left out by "
                               "default)"))
