"""Maintain and check the gettext catalogs in translations/ (Babel's API).

    python tools/catalogs.py extract   # rewrite translations/initiator_desktop.pot from the code
    python tools/catalogs.py update    # merge the POT into nb, nn and en (en is filled from msgids)
    python tools/catalogs.py check     # fail if the POT is stale or any catalog is incomplete

The check is CI's gate: Babel's own statistics count half-empty plurals as translated.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "initiator_desktop"
TRANSLATIONS = ROOT / "translations"
DOMAIN = "initiator_desktop"
POT = TRANSLATIONS / f"{DOMAIN}.pot"
LANGUAGES = ("nb", "nn", "en")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_noop": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_catalog() -> Catalog:
    catalog = Catalog(project="Initiator Desktop", version="0.1", charset="utf-8",
                      msgid_bugs_address="", copyright_holder="Initiator Desktop developers")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
    ):
        catalog.add(message, None, [(f"initiator_desktop/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True,
             include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def extract() -> None:
    _write(extract_catalog(), POT)


def update() -> None:
    template = _read(POT)
    for language in LANGUAGES:
        path = _po_path(language)
        catalog = _read(path, language) if path.exists() else Catalog(locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _set_header(catalog, language)
        if language == "en":
            for message in catalog:
                if message.id and not _complete(message):
                    message.string = message.id
        _write(catalog, path)


def _set_header(catalog: Catalog, language: str) -> None:
    catalog.fuzzy = False
    catalog.project = "Initiator Desktop"
    catalog.version = "0.1"
    catalog.copyright_holder = "Initiator Desktop developers"
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "Initiator Desktop developers"
    catalog.language_team = language
    catalog.header_comment = (
        f"# {language} translations of Initiator Desktop (Igangsetter).\n"
        "# Maintained with tools/catalogs.py; see translations/README.md."
    )


def _complete(message: object) -> bool:
    string = message.string  # type: ignore[attr-defined]
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def _ids(catalog: Catalog) -> set[tuple[object, object]]:
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}


def check() -> list[str]:
    problems: list[str] = []
    fresh = extract_catalog()
    committed = _read(POT)
    if _ids(fresh) != _ids(committed):
        added = len(_ids(fresh) - _ids(committed))
        removed = len(_ids(committed) - _ids(fresh))
        problems.append(f"{POT.name} is stale (+{added} -{removed}): run tools/catalogs.py extract")
    for language in LANGUAGES:
        path = _po_path(language)
        if not path.exists():
            problems.append(f"{language}: missing {path}")
            continue
        catalog = _read(path, language)
        if _ids(catalog) != _ids(fresh):
            problems.append(f"{language}: not in sync with the code: run tools/catalogs.py update")
        for message in catalog:
            if not message.id:
                continue
            label = f"{language}: {message.id!r}"
            if message.fuzzy:
                problems.append(f"{label} is fuzzy")
            elif not _complete(message):
                problems.append(f"{label} is untranslated")
            elif _placeholders(message.id) != _placeholders(message.string):
                problems.append(f"{label} has other placeholders in its translation")
    return problems


def _placeholders(value: object) -> set[str]:
    texts = value if isinstance(value, tuple | list) else (value,)
    found: set[str] = set()
    for text in texts:
        found |= set(PLACEHOLDER.findall(str(text)))
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "check":
        problems = check()
        for problem in problems[:200]:
            print(problem)
        if problems:
            print(f"{len(problems)} catalog problems", file=sys.stderr)
            return 1
        print("catalogs complete: " + ", ".join(LANGUAGES))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
