"""The ``pack`` commands: validate, list, import and export content packs (course material).

Imported packs live in the app's content folder, unencrypted: they are course material,
not personal data (docs/content-packs.md). VAULT is taken, as the issue specifies, and
must exist; the vault will hold the reader's progress, not the packs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from initiator_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    UsageError,
    exit_codes_help,
)
from initiator_desktop.core.errors import N_
from initiator_desktop.exchange.content_pack.imported_quiz import ImportedQuiz
from initiator_desktop.exchange.content_pack.library import PackLibrary, Shelved
from initiator_desktop.exchange.content_pack.problems import PackInvalid, Problem
from initiator_desktop.exchange.content_pack.reader import LoadedPack, Validation
from initiator_desktop.exchange.errors import EXIT_INVALID_INPUT, InvalidFile
from initiator_desktop.i18n import _, current_language, ngettext
from initiator_desktop.storage.errors import VaultNotFound
from initiator_desktop.storage.locations import data_dir


def packs_folder() -> Path:
    """Where imported packs are kept: the app's content folder, one folder per pack id."""
    return data_dir() / "packs"


def library() -> PackLibrary:
    return PackLibrary(packs_folder())


def problem_line(problem: Problem, source: Path) -> str:
    """``file:line: message`` in the user's language (``file: message`` without a line).

    A problem of the whole pack is shown with the path the user gave.
    """
    where = problem.location() or str(source)
    return f"{where}: {_(problem.message).format(**problem.params)}"


def _print_problems(problems: Iterable[Problem], source: Path) -> int:
    listed = list(problems)
    for problem in listed:
        print(problem_line(problem, source))
    print(_("Error: {message}").format(message=ngettext(
        "The pack is not valid: {count} problem.", "The pack is not valid: {count} problems.",
        len(listed)).format(count=len(listed))), file=sys.stderr)
    return EXIT_INVALID_INPUT


def _require_vault(path: Path) -> None:
    if not path.is_file():
        raise VaultNotFound(path)


def _summary(validation: Validation) -> str:
    pack = validation.pack
    assert pack is not None
    count = len(pack.modules)
    return ngettext(
        "{title} ({id}, version {version}): {count} module in {languages}.",
        "{title} ({id}, version {version}): {count} modules in {languages}.", count,
    ).format(title=pack.title(current_language()), id=pack.id, version=pack.version,
             count=count, languages=", ".join(pack.languages))


# -- validate ---------------------------------------------------------------------------
def _cmd_validate(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.content_pack.reader import validate_path

    validation = validate_path(args.path, strict=args.strict)
    if not validation.ok:
        return _print_problems(validation.problems, args.path)
    print(_("The pack is valid: {summary}").format(summary=_summary(validation)))
    return EXIT_OK


# -- list -------------------------------------------------------------------------------
def _list_line(item: Shelved) -> str:
    origin = _("built-in") if item.built_in else _("imported")
    if item.validation.pack is None:
        count = len(item.validation.problems)
        state = ngettext("not valid: {count} problem", "not valid: {count} problems",
                         count).format(count=count)
        return f"{item.id}\t-\t({state})\t{origin}\t{item.path}"
    pack = item.validation.pack
    return f"{pack.id}\t{pack.version}\t{pack.title(current_language())}\t{origin}\t{item.path}"


def _cmd_list(args: argparse.Namespace) -> int:
    _require_vault(args.vault)
    items = library().packs()
    if not items:
        print(_("No content packs are installed."), file=sys.stderr)
    for item in items:
        print(_list_line(item))
    return EXIT_OK


# -- import -----------------------------------------------------------------------------
def _cmd_import(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.content_pack.quiz_import import is_quiz_file

    _require_vault(args.vault)
    if not is_quiz_file(args.path):
        return _import_pack(args)
    try:
        return _import_quiz(args)
    except PackInvalid as err:  # the imported pack, as it is or as it would become
        return _print_problems(err.problems, packs_folder() / str(args.pack))


def _import_pack(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.content_pack.reader import validate_path

    if args.pack or args.module or args.lang:
        raise UsageError(_("--pack, --module and --lang are only for quiz files (.gift, .txt)."))
    validation = validate_path(args.path)
    if not validation.ok or validation.pack is None:
        return _print_problems(validation.problems, args.path)
    target = library().install(LoadedPack(validation.pack, validation.files),
                               replace=args.replace)
    print(_("Imported the pack {summary}").format(summary=_summary(validation)))
    print(_("Stored in: {path}").format(path=target), file=sys.stderr)
    return EXIT_OK


def _quiz_target(args: argparse.Namespace) -> tuple[Shelved, LoadedPack, str]:
    if not args.pack or not args.module:
        raise UsageError(_("To import a quiz file, name the pack and the module: --pack ID "
                           "--module MODULE."))
    shelved = library().find(args.pack)
    if shelved is None:
        raise CommandFailed(_("No pack has the id {id}.").format(id=args.pack))
    if shelved.built_in:
        raise CommandFailed(_("A built-in pack cannot be changed. Export it, give it a new id "
                              "in its pack.toml and import that copy."))
    pack = shelved.validation.pack
    if pack is None:
        raise PackInvalid(shelved.validation.problems)
    if pack.module(args.module) is None:
        raise CommandFailed(_("The pack has no module {module}.").format(module=args.module))
    language = args.lang or (pack.languages[0] if len(pack.languages) == 1 else "")
    if language not in pack.languages:
        raise UsageError(_("Name the quiz's language with --lang ({languages}).").format(
            languages=", ".join(pack.languages)))
    return shelved, LoadedPack(pack, shelved.validation.files), language


def _report_skipped(path: Path, quiz: ImportedQuiz) -> None:
    for skipped in quiz.skipped:
        message = _(skipped.message).format(**skipped.params)
        print(f"{path}:{skipped.line}: {message}", file=sys.stderr)


def _import_quiz(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.content_pack.quiz_import import add_quiz, read_quiz_file

    _shelved, loaded, language = _quiz_target(args)
    quiz = read_quiz_file(args.path)
    _report_skipped(args.path, quiz)
    if not quiz.questions:
        raise InvalidFile(N_("The file holds no single or multiple choice question to "
                             "import."), str(args.path))
    changed = add_quiz(loaded.files, args.module, language, quiz.questions)
    library().install(changed, replace=True)
    count = len(quiz.questions)
    print(ngettext("Added {count} question to module {module} ({language}) of {id}.",
                   "Added {count} questions to module {module} ({language}) of {id}.",
                   count).format(count=count, module=args.module, language=language,
                                 id=loaded.pack.id))
    if any(not a.explanation.strip() for q in quiz.questions for a in q.answers):
        print(_("Some answers have no explanation yet: add them in {file}.").format(
            file=f"modules/{args.module}/{language}/module.toml"), file=sys.stderr)
    return EXIT_OK


# -- export -----------------------------------------------------------------------------
def _cmd_export(args: argparse.Namespace) -> int:
    from initiator_desktop.exchange.content_pack.writer import write_pack

    _require_vault(args.vault)
    shelved = library().find(args.pack_id)
    if shelved is None:
        raise CommandFailed(_("No pack has the id {id}.").format(id=args.pack_id))
    if not shelved.validation.ok:
        return _print_problems(shelved.validation.problems, shelved.path)
    write_pack(shelved.validation.files, args.path)
    print(_("Wrote the pack {id} to {path}.").format(id=args.pack_id, path=args.path),
          file=sys.stderr)
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------
def _vault_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("vault", type=Path, metavar="VAULT", help=_("path of the vault file"))


def _subcommand(commands: argparse._SubParsersAction, name: str,  # type: ignore[type-arg]
                help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, epilog=exit_codes_help())
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``pack validate|list|import|export`` to the top-level command parser."""
    pack = subparsers.add_parser(
        "pack", help=_("check, list, import and export content packs (course material)"),
        description=_("Content packs hold course material: modules with sections, speaker "
                      "notes, cases and quizzes. Imported packs are kept in {folder}.")
        .format(folder=packs_folder()), epilog=exit_codes_help())
    pack.set_defaults(handler=lambda _args: _print_help(pack))
    commands = pack.add_subparsers(dest="pack_command", metavar="PACK_COMMAND")

    validate = _subcommand(commands, "validate",
                           _("check a content pack (a folder or a .zip) and list every problem"))
    validate.add_argument("path", type=Path, metavar="PATH",
                          help=_("the pack: a folder or a .zip file"))
    validate.add_argument("--strict", action="store_true",
                          help=_("also check the built-in course's rules: 3 to 8 sections, "
                                 "speaker notes for each, a case and 5 quiz questions per "
                                 "module"))
    validate.set_defaults(handler=_cmd_validate)

    listing = _subcommand(commands, "list", _("list the built-in and imported content packs"))
    _vault_argument(listing)
    listing.set_defaults(handler=_cmd_list)

    importing = _subcommand(commands, "import", _(
        "import a content pack (folder or .zip), or add a GIFT or Aiken quiz file (.gift, "
        ".txt) to a module of an imported pack"))
    _vault_argument(importing)
    importing.add_argument("path", type=Path, metavar="PATH",
                           help=_("the pack (folder or .zip) or the quiz file"))
    importing.add_argument("--replace", action="store_true",
                           help=_("replace an imported pack that has the same id"))
    importing.add_argument("--pack", metavar="ID", help=_("for a quiz file: the pack's id"))
    importing.add_argument("--module", metavar="MODULE",
                           help=_("for a quiz file: the module, like 03-conversation"))
    importing.add_argument("--lang", metavar="LANG",
                           help=_("for a quiz file: the language of its questions"))
    importing.set_defaults(handler=_cmd_import)

    exporting = _subcommand(commands, "export", _(
        "write a content pack out as a folder, or as a .zip when PATH ends in .zip"))
    _vault_argument(exporting)
    exporting.add_argument("pack_id", metavar="PACK_ID", help=_("the pack's id"))
    exporting.add_argument("path", type=Path, metavar="PATH",
                           help=_("where to write it (must not exist yet)"))
    exporting.set_defaults(handler=_cmd_export)


def _print_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE
