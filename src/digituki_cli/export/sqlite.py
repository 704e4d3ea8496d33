"""The dataset as a SQLite database for SQL and Datasette, and Datasette's metadata file.

Tables: `regions` (its one-valued attributes as columns), a link table per set
(`region_channels`...), `code_*` tables of the codebook with labels and descriptions in
Finnish, Swedish and English, `classifications` and `evidence` (the quotes, with their page),
and `sections` (the report's texts) with the full-text index `sections_fts`, which also
indexes the base forms of the texts' words (search.py's index). `export -f sqlite -o d.db`
also writes `d.metadata.json` for `datasette d.db -m d.metadata.json`. sqlite3 is imported
only here, and this module only by `export`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..files import (
    built,
    file_exists,
    to_stdout,
    write_atomic,
)
from ..finnish import words
from ..i18n import _, codebook_description, describe, label, language, speaking
from ..model import Dataset, DescribedEnum, SectionName
from ..queries import ATTRIBUTES, CLASSIFIED, Attribute, quote_page
from ..streams import write_binary
from ..views import attribute_label
from . import Written, write_file
from .text import REPORT_TITLE, counts_line, generator_line, source_line

if TYPE_CHECKING:
    from ..search import WordIndex

# Columns of `regions` that are not codebook values; every other one-valued attribute is.
_PLAIN_COLUMNS = {
    "name": "TEXT NOT NULL",
    "interviewed": "INTEGER NOT NULL CHECK (interviewed IN (0, 1))",
    "page": "INTEGER",
    "responsible_unit": "TEXT",
}
_NAME_COLUMNS = ("name_fi", "name_sv", "name_en", "short_name_sv", "short_name_en")
# The languages of the note columns, in their order: `note` (English), `note_fi`, `note_sv`.
_NOTE_LANGS = ("en", "fi", "sv")
# The value column of each set's link table (region_channels.channel...).
LINK_COLUMNS = {
    "referral_targets": "referral_target",
    "channels": "channel",
    "providers": "provider",
    "guide_languages": "guide_language",
    "partners": "partner",
}
METADATA_SUFFIX = ".metadata.json"
LICENCE = "EUPL-1.2"
LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


def code_table(codebook: type[DescribedEnum]) -> str:
    """The table of a codebook: GeneralSupportLevel -> code_general_support_level."""
    name = codebook.__name__
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
    return "code_" + snake


def metadata_path(database: Path) -> Path:
    """Where Datasette's metadata for a database file goes: d.db -> d.metadata.json."""
    return database.with_name(database.stem + METADATA_SUFFIX)


def export_sqlite(
    dataset: Dataset, output: str | None, force: bool, index: WordIndex
) -> list[Written]:
    """The database to the file (and its Datasette metadata beside it), or to stdout.

    Returns the files written (none for stdout). Raises DigitukiError if either file exists (without force) or cannot be written; the metadata is checked before
    the database is written, so that a refusal leaves neither.
    """

    def fill(path: Path) -> None:
        write_sqlite(dataset, path, index)

    if to_stdout(output):
        write_binary(built(fill))
        return []
    target = Path(output or "")
    real = Path(os.path.realpath(target))
    meta = metadata_path(target) if not real.exists() or real.is_file() else None
    if meta is not None and meta.exists() and not force:
        raise file_exists(meta)
    written = [Written(target, "sqlite", write_atomic(target, fill, force))]
    if meta is not None:
        text = json.dumps(datasette_metadata(dataset, target.stem), ensure_ascii=False, indent=2)
        written.append(write_file(meta, (text + "\n").encode("utf-8"), "json", force))
    return written


def write_sqlite(dataset: Dataset, path: Path, index: WordIndex) -> None:
    """A SQLite database of the dataset at the path: regions, a link table per set, the
    codebook, the evidence, the texts with FTS5 (base forms from `index`), and the sources
    and history of the values (sqlite_history)."""
    from .. import sqlite_history

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            _create_schema(connection)
            _fill(connection, dataset, index)
            sqlite_history.add(connection, dataset)
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # the schema and the data disagree: a bug here, not the user's
            raise RuntimeError(f"foreign key problems in the export: {problems[:3]}")
        connection.execute(f"PRAGMA user_version = {int(dataset.schema_version)}")
    finally:
        connection.close()


def base_forms(text: str, index: WordIndex) -> str:
    """The lemmas and compound parts of the text's words, as search.py's index reads them,
    each once, space-separated in the order the text first uses them."""
    terms: dict[str, None] = {}
    for word in words(text):
        entry = index.entry(word)
        terms.update(dict.fromkeys(sorted(entry.lemmas | entry.parts)))
    return " ".join(terms)


def _labels_and_descriptions(member: DescribedEnum) -> tuple[str, ...]:
    """A code's labels in Finnish, Swedish and English, then its Finnish and Swedish
    descriptions (the English one is the code table's `description`)."""
    labels, descriptions = [], []
    for lang in ("fi", "sv", "en"):
        with speaking(lang):
            labels.append(label(member))
            descriptions.append(describe(member))
    return (*labels, *descriptions[:2])


def _attributes() -> tuple[list[Attribute], list[Attribute]]:
    """The one-valued attributes (columns of `regions`) and the sets (link tables)."""
    return [a for a in ATTRIBUTES if not a.many], [a for a in ATTRIBUTES if a.many]


def _codebooks() -> set[type[DescribedEnum]]:
    return {a.codebook for a in ATTRIBUTES if a.codebook is not None} | {SectionName}


def _create_schema(db: sqlite3.Connection) -> None:
    one, many = _attributes()
    codebooks = _codebooks()
    statements = [
        """CREATE TABLE source (
            schema_version INTEGER NOT NULL, title TEXT NOT NULL, authors TEXT NOT NULL,
            date TEXT NOT NULL, commissioner TEXT NOT NULL, interview_period TEXT NOT NULL,
            file TEXT NOT NULL, generator TEXT NOT NULL)""",
    ]
    for codebook in sorted(codebooks, key=code_table):
        statements.append(
            f"CREATE TABLE {code_table(codebook)} "
            "(code TEXT PRIMARY KEY, description TEXT NOT NULL, "
            "label_fi TEXT NOT NULL, label_sv TEXT NOT NULL, label_en TEXT NOT NULL, "
            "description_fi TEXT NOT NULL, description_sv TEXT NOT NULL) WITHOUT ROWID"
        )
    columns = ["id TEXT PRIMARY KEY"]
    for attribute in one:
        if attribute.codebook is not None:
            ref = code_table(attribute.codebook)
            columns.append(f"{attribute.key} TEXT NOT NULL REFERENCES {ref}(code)")
        else:
            columns.append(f"{attribute.key} {_PLAIN_COLUMNS.get(attribute.key, 'TEXT')}")
        if attribute.key == "name":  # the other names follow the short Finnish one
            columns += [f"{c} TEXT NOT NULL" for c in _NAME_COLUMNS]
    columns += ["notes TEXT", "notes_fi TEXT", "notes_sv TEXT"]  # notes is in English
    statements.append("CREATE TABLE regions (\n  " + ",\n  ".join(columns) + "\n)")
    for attribute in one:
        if attribute.codebook is not None:
            key = attribute.key
            statements.append(f"CREATE INDEX regions_by_{key} ON regions({key})")
    for attribute in many:
        assert attribute.codebook is not None
        table, column = f"region_{attribute.key}", LINK_COLUMNS[attribute.key]
        statements += [
            f"""CREATE TABLE {table} (
                region_id TEXT NOT NULL REFERENCES regions(id),
                {column} TEXT NOT NULL REFERENCES {code_table(attribute.codebook)}(code),
                position INTEGER NOT NULL,
                PRIMARY KEY (region_id, {column})) WITHOUT ROWID""",
            f"CREATE INDEX {table}_by_{column} ON {table}({column}, region_id)",
        ]
    fields = ", ".join(f"'{a.key}'" for a in CLASSIFIED)
    statements += [
        """CREATE TABLE region_aliases (
            region_id TEXT NOT NULL REFERENCES regions(id), alias TEXT NOT NULL,
            PRIMARY KEY (region_id, alias)) WITHOUT ROWID""",
        f"""CREATE TABLE classifications (
            region_id TEXT NOT NULL REFERENCES regions(id),
            field TEXT NOT NULL CHECK (field IN ({fields})),
            value TEXT NOT NULL,
            note TEXT, note_fi TEXT, note_sv TEXT,
            PRIMARY KEY (region_id, field, value)) WITHOUT ROWID""",
        """CREATE TABLE evidence (
            region_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            position INTEGER NOT NULL, quote TEXT NOT NULL, page INTEGER,
            PRIMARY KEY (region_id, field, value, position),
            FOREIGN KEY (region_id, field, value)
              REFERENCES classifications(region_id, field, value)) WITHOUT ROWID""",
        f"""CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            region_id TEXT NOT NULL REFERENCES regions(id),
            section TEXT NOT NULL REFERENCES {code_table(SectionName)}(code),
            heading TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL,
            base_forms TEXT NOT NULL,
            UNIQUE (region_id, section))""",
        # External content: the index holds no second copy of the texts. Datasette finds it
        # by content="sections" and offers full-text search on `sections`. base_forms holds
        # the lemmas of the text's words, so that `seurakunta` finds "seurakuntien"; the
        # tokenizer folds diacritics, so that `sahkoposti` finds "sähköposti".
        "CREATE VIRTUAL TABLE sections_fts USING fts5(heading, text, base_forms, "
        'content="sections", content_rowid="id", tokenize="unicode61 remove_diacritics 2")',
    ]
    for statement in statements:
        db.execute(statement)


def _fill(db: sqlite3.Connection, dataset: Dataset, index: WordIndex) -> None:
    source = dataset.source
    db.execute(
        "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            dataset.schema_version,
            source.title,
            "; ".join(source.authors),
            source.date.isoformat(),
            source.commissioner,
            source.interview_period,
            source.file,
            f"digituki {__version__}",
        ),
    )
    one, many = _attributes()
    codebooks = _codebooks()
    for codebook in codebooks:
        db.executemany(
            f"INSERT INTO {code_table(codebook)} VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.value, m.description, *_labels_and_descriptions(m)) for m in codebook],
        )
    names = [a.key for a in one]
    names[names.index("name") + 1 : names.index("name") + 1] = _NAME_COLUMNS
    insert = (
        f"INSERT INTO regions (id, {', '.join(names)}, notes, notes_fi, notes_sv) "
        f"VALUES ({', '.join('?' * (len(names) + 4))})"
    )
    for region in dataset.regions:
        row: dict[str, object] = {
            "name_fi": region.names.fi,
            "name_sv": region.names.sv,
            "name_en": region.names.en,
            "short_name_sv": region.short_names.sv,
            "short_name_en": region.short_names.en,
        }
        for attribute in one:
            value = attribute.get(region)
            row[attribute.key] = int(value) if isinstance(value, bool) else value
        notes = ["\n\n".join(n.text(lang) for n in region.notes) or None for lang in _NOTE_LANGS]
        db.execute(insert, [region.id, *(row[n] for n in names), *notes])
        for attribute in many:
            items = attribute.evidence(region)
            db.executemany(
                f"INSERT INTO region_{attribute.key} VALUES (?, ?, ?)",
                [(region.id, str(item.value), position) for position, item in enumerate(items)],
            )
        db.executemany(
            "INSERT INTO region_aliases VALUES (?, ?)", [(region.id, a) for a in region.aliases]
        )
        for attribute in CLASSIFIED:
            for item in attribute.evidence(region):
                if item.value is None:
                    continue
                key = (region.id, attribute.key, str(item.value))
                note = item.note
                texts = [note.text(lang) if note else None for lang in _NOTE_LANGS]
                db.execute("INSERT INTO classifications VALUES (?, ?, ?, ?, ?, ?)", (*key, *texts))
                db.executemany(
                    "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (*key, position, quote, quote_page(region, quote))
                        for position, quote in enumerate(item.evidence)
                    ],
                )
        db.executemany(
            "INSERT INTO sections (region_id, section, heading, page, text, base_forms) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (region.id, name.value, s.heading, s.page, s.text, base_forms(s.text, index))
                for name, s in region.sections.present()
            ],
        )
    db.execute("INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')")


# --- Datasette's metadata file ---


def datasette_metadata(dataset: Dataset, database: str) -> dict[str, Any]:
    """Datasette's metadata (`datasette d.db -m d.metadata.json`) for the database named
    `database` (Datasette names a database by its file's stem): title, description, source
    and licence; a description of every table and column in the interface language; facets
    on the classification columns; the code tables' labels in the interface language
    (`label_column`, so that Datasette shows "epäselvä" beside `unclear` in Finnish); and
    full-text search on `sections`. The shape is Datasette 0.65's."""
    one, many = _attributes()
    interviewed = sum(r.interviewed for r in dataset.regions)
    regions_columns: dict[str, str] = {
        "id": _("The region's identifier, as digituki's commands take it."),
        "name": _("The region's short name in Finnish."),
        "name_fi": _("The official name in Finnish."),
        "name_sv": _("The official name in Swedish."),
        "name_en": _("The official name in English."),
        "short_name_sv": _("The short name in Swedish."),
        "short_name_en": _("The short name in English."),
        "interviewed": _("1 if the report describes the region, 0 if not."),
        "page": _("The report page where the region's description starts."),
        "responsible_unit": _("The unit responsible for digital support, in the report's words."),
        "notes": _("Remarks on the region as a whole."),
    }
    for attribute in one:
        if attribute.codebook is not None:
            regions_columns[attribute.key] = _column_description(attribute)
    tables: dict[str, Any] = {
        "regions": {
            "description": _(
                "One row per region: its names and its one-valued classification. The sets "
                "(channels, partners...) are in the region_* tables."
            ),
            "label_column": "name",
            "facets": [a.key for a in one if a.codebook is not None] + ["interviewed"],
            "columns": regions_columns,
        },
        "region_aliases": {
            "description": _("Brand names and abbreviations of the regions."),
            "columns": {"region_id": _("The region."), "alias": _("The other name.")},
        },
        "classifications": {
            "description": _(
                "Every classified value of every region, one row each, with the note that "
                "explains a reading where the text is not plain."
            ),
            "facets": ["field"],
            "columns": {
                "region_id": _("The region."),
                "field": _("The attribute, as a column of regions or a region_* table."),
                "value": _("The value's code."),
                "note": _("Why this reading was chosen, where the text is ambiguous."),
            },
        },
        "evidence": {
            "description": _(
                "The report's words behind each classified value: quotes copied verbatim "
                "from the region's text, in Finnish."
            ),
            "source": dataset.source.title,
            "facets": ["field"],
            "columns": {
                "region_id": _("The region."),
                "field": _("The attribute."),
                "value": _("The value's code."),
                "position": _("The quote's place among the value's quotes, from 0."),
                "quote": _("The report's words, verbatim."),
                "page": _("The page on which the quoted section starts."),
            },
        },
        "sections": {
            "description": _(
                "The report's text on each region, one row per section, in Finnish. Search "
                "finds words in any form: base_forms holds their base forms, and letters "
                "without accents (sahkoposti) find those with them."
            ),
            "source": dataset.source.title,
            "fts_table": "sections_fts",
            "fts_pk": "id",
            "facets": ["section"],
            "columns": {
                "region_id": _("The region."),
                "section": _("Which of the report's four sections."),
                "heading": _("The section's heading as printed in the report."),
                "page": _("The report page on which the section starts."),
                "text": _("The section's text, verbatim."),
                "base_forms": _(
                    "The base forms (lemmas) and compound parts of the text's words, for search."
                ),
            },
        },
        "source": {
            "description": _("The report the data is drawn from, and what made this file."),
        },
        "sections_fts": {"hidden": True},
    }
    for attribute in many:
        assert attribute.codebook is not None
        column = LINK_COLUMNS[attribute.key]
        tables[f"region_{attribute.key}"] = {
            "description": _("{attribute}: one row per region and value.").format(
                attribute=attribute_label(attribute.key)
            ),
            "facets": [column],
            "columns": {
                "region_id": _("The region."),
                column: _column_description(attribute),
                "position": _("The value's place in the region's list, from 0."),
            },
        }
    shown = f"label_{language()}"
    for codebook in _codebooks():
        tables[code_table(codebook)] = {
            "description": codebook_description(codebook),
            "label_column": shown,
            "columns": {
                "code": _("The code, as the data and digituki's options use it."),
                "description": _("What the code means, in English."),
                "label_fi": _("The label in Finnish."),
                "label_sv": _("The label in Swedish."),
                "label_en": _("The label in English (the code)."),
                "description_fi": _("What the code means, in Finnish."),
                "description_sv": _("What the code means, in Swedish."),
            },
        }
    source = dataset.source
    return {
        "title": _(REPORT_TITLE),
        "description": " ".join(
            [source_line(dataset), counts_line(interviewed, len(dataset.regions))]
        ),
        "source": f"{source.title} ({', '.join(source.authors)}, {source.date.isoformat()})",
        "license": LICENCE,
        "license_url": LICENCE_URL,
        "databases": {
            database: {
                "description": generator_line(dataset),
                "tables": dict(sorted(tables.items())),
            }
        },
    }


def _column_description(attribute: Attribute) -> str:
    """A codebook column: the attribute's label, what the codebook is about, and the table
    that gives each code's labels and description."""
    assert attribute.codebook is not None
    return _("{attribute}: {description} Codes: {table}.").format(
        attribute=attribute_label(attribute.key),
        description=codebook_description(attribute.codebook),
        table=code_table(attribute.codebook),
    )
