"""Keep the gettext catalogues in step with the code, with Babel.

    uv run python scripts/update_catalogues.py          # extract, update the .po, compile the .mo
    uv run python scripts/update_catalogues.py --check  # exit 1 if any file would change

It does what `pybabel extract` and `pybabel update` do, plus one thing they cannot: the codebook
(vocabulary.py) is data, not calls, so its labels and descriptions are added to the template
here, each with its enum's class name as context (msgctxt). Messages are extracted from
src/digituki_cli/*.py (keywords `_`, `N_`, `ngettext`, `pgettext`) and from the HTML template (Jinja2's
extractor). Translators edit src/digituki_cli/locale/<lang>/LC_MESSAGES/digituki.po with any
gettext tool (Poedit, Weblate); this script then merges new messages and compiles the `.mo`
files that the package ships. tests/test_catalogues.py runs `--check` and fails when a
catalogue is out of date or a message lacks its Finnish or Swedish translation.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "digituki_cli"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "digituki"
LANGUAGES = ("fi", "sv")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
METHODS = [
    ("**/templates/**.j2", "jinja2.ext:babel_extract"),
    ("**.py", "python"),
]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}
# Fixed dates keep the files byte-for-byte reproducible (the check compares them).
STAMP = dt.datetime(2025, 12, 9, tzinfo=dt.UTC)


def template() -> Catalog:
    """Every message of the code and the codebook, untranslated (what `pybabel extract` makes)."""
    sys.path.insert(0, str(ROOT / "src"))
    from digituki_cli import vocabulary

    catalog = Catalog(project="digituki", creation_date=STAMP, fuzzy=False)
    for filename, _lineno, message, comments, context in extract_from_dir(
        PACKAGE, METHODS, OPTIONS, KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        where = [(f"src/digituki_cli/{filename}", 0)]
        catalog.add(message, None, where, auto_comments=comments, context=context)
    for enum in vars(vocabulary).values():
        if not (isinstance(enum, type) and issubclass(enum, vocabulary.DescribedEnum)):
            continue
        if enum is vocabulary.DescribedEnum:
            continue
        where = [("src/digituki_cli/vocabulary.py", 0)]
        catalog.add(enum.summary(), None, where, context=enum.__name__)
        for member in enum:
            catalog.add(member.value, None, where, context=enum.__name__)
            catalog.add(member.description, None, where, context=enum.__name__)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def updated(lang: str, pot: Catalog) -> Catalog:
    """The language's catalogue merged with the template (what `pybabel update` does)."""
    path = po_path(lang)
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=lang, domain=DOMAIN)
    catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()  # a message the code no longer has is gone, not kept as #~
    catalog.creation_date = STAMP
    catalog.revision_date = STAMP
    catalog.project = "digituki"
    catalog.version = "1"
    return catalog


def rendered(catalog: Catalog) -> tuple[bytes, bytes]:
    """The .po text and the compiled .mo of a catalogue."""
    po, mo = io.BytesIO(), io.BytesIO()
    write_po(po, catalog, width=100, sort_output=True, include_lineno=False)
    write_mo(mo, catalog)
    return po.getvalue(), mo.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """The messages with no translation, or one marked fuzzy."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(str(message.id))
    return missing


def main(argv: list[str]) -> int:
    check = "--check" in argv
    pot = template()
    status = 0
    for lang in LANGUAGES:
        catalog = updated(lang, pot)
        po, mo = rendered(catalog)
        mo_path = po_path(lang).with_suffix(".mo")
        for path, data in ((po_path(lang), po), (mo_path, mo)):
            current = path.read_bytes() if path.exists() else b""
            if current == data:
                continue
            if check:
                print(f"{path.relative_to(ROOT)} is out of date: run {Path(__file__).name}")
                status = 1
            else:
                path.write_bytes(data)
                print(f"wrote {path.relative_to(ROOT)}")
        missing = untranslated(catalog)
        if missing:
            print(f"{lang}: {len(missing)} message(s) without a translation:")
            for message in missing:
                print(f"  {message!r}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
