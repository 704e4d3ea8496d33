"""The whole dataset as a file: JSON, CSV, Markdown, SQLite or a self-contained HTML report.

Text formats are built in memory and written to stdout or, atomically, to a file (a temporary
file beside the target, then a rename). SQLite is built in such a temporary file. sqlite3 and
jinja2 are imported inside the functions that use them, so no other command pays for them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DigitukiError, UsageError
from .formats import ExportFormat, Format
from .i18n import N_, _, describe, label, language, ngettext, speaking
from .text import ECHO_LIMIT, printable

if TYPE_CHECKING:
    import sqlite3

    from .model import Dataset, DescribedEnum, Region
    from .queries import Attribute, Matrix
    from .render import Block

STDOUT = "-"
UTF8_BOM = "\ufeff"
REPORT_TITLE = N_("Digital support in Finland's wellbeing services counties")


BINARY_FORMATS = frozenset({ExportFormat.SQLITE})
SUFFIXES = {
    ".json": ExportFormat.JSON,
    ".csv": ExportFormat.CSV,
    ".md": ExportFormat.MARKDOWN,
    ".markdown": ExportFormat.MARKDOWN,
    ".sqlite": ExportFormat.SQLITE,
    ".sqlite3": ExportFormat.SQLITE,
    ".db": ExportFormat.SQLITE,
    ".html": ExportFormat.HTML,
    ".htm": ExportFormat.HTML,
    ".yaml": ExportFormat.YAML,
    ".yml": ExportFormat.YAML,
}


@dataclass(frozen=True)
class Written:
    """What an export wrote to a file (nothing is returned for stdout)."""

    path: Path
    format: ExportFormat
    size: int


def choose_format(fmt: ExportFormat | None, output: str | None) -> ExportFormat:
    """The format asked for, else the one the output file's suffix names."""
    if fmt is not None:
        return fmt
    if output and output != STDOUT:
        guessed = SUFFIXES.get(Path(output).suffix.lower())
        if guessed is not None:
            return guessed
    raise UsageError(
        _("give --format {formats}").format(formats="|".join(f.value for f in ExportFormat)),
        hint=_("or an -o FILE ending in .json, .csv, .md, .sqlite or .html"),
    )


def export(
    dataset: Dataset,
    fmt: ExportFormat,
    output: str | None = None,
    force: bool = False,
    map_by: str | None = None,
) -> Written | None:
    """Write the dataset in the format to the file named, or to stdout if none (or '-')."""
    if map_by is not None and fmt is not ExportFormat.HTML:
        raise UsageError(_("--map-by applies only to --format html"))
    spec = parse_map_by(map_by) if fmt is ExportFormat.HTML else None
    to_stdout = output is None or output == STDOUT
    if to_stdout and fmt in BINARY_FORMATS and sys.stdout.isatty():
        raise UsageError(
            _("{format} is a binary format and is not written to a terminal").format(
                format=fmt.value
            ),
            hint=_("give -o FILE, e.g. -o digituki.{format}, or redirect stdout to a file").format(
                format=fmt.value
            ),
        )
    if fmt is ExportFormat.SQLITE:

        def fill(path: Path) -> None:
            write_sqlite(dataset, path)

        if to_stdout:
            _binary_to_stdout(fill)
            return None
    else:
        text = render_text(dataset, fmt, spec)
        if to_stdout:
            sys.stdout.write(text)
            sys.stdout.flush()
            return None
        # A spreadsheet (Excel) reads a CSV file as UTF-8 only if it starts with a BOM;
        # stdout gets none, so that pipes and scripts see plain UTF-8.
        data = ((UTF8_BOM if fmt is ExportFormat.CSV else "") + text).encode("utf-8")

        def fill(path: Path) -> None:
            _write_bytes(path, data)

    target = Path(output or "")
    size = write_atomic(target, fill, force)
    return Written(target, fmt, size)


def render_text(dataset: Dataset, fmt: ExportFormat, spec: MapBy | None = None) -> str:
    """A text format of the dataset as one string."""
    if fmt is ExportFormat.JSON:
        return to_json(dataset)
    if fmt is ExportFormat.CSV:
        return to_csv(dataset)
    if fmt is ExportFormat.MARKDOWN:
        return to_markdown(dataset)
    if fmt is ExportFormat.HTML:
        return to_html(dataset, spec or parse_map_by(None))
    raise ValueError(f"{fmt.value} is not a text format")


# --- writing: stdout, or a temporary file renamed over the target ---


def _write_bytes(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _built(fill: Callable[[Path], None]) -> bytes:
    """What fill writes, built in a scratch folder (for targets that cannot be renamed over)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="digituki-") as scratch:
        path = Path(scratch) / "export"
        fill(path)
        return path.read_bytes()


def _binary_to_stdout(fill: Callable[[Path], None]) -> None:
    data = _built(fill)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def write_atomic(target: Path, fill: Callable[[Path], None], force: bool) -> int:
    """Fill a temporary file beside the target, then rename it into place; return its size.

    Without force an existing target is never replaced, even if one appears meanwhile. A
    symbolic link is followed (the file it names is replaced, the link stays), a replaced
    file keeps its permissions, and a target that is not a regular file (a device such as
    /dev/null, a pipe) is written into, never replaced.
    """
    real = Path(os.path.realpath(target))
    if real.is_dir():
        raise DigitukiError(
            _("{target} is a directory").format(target=target), hint=_("give a file name with -o")
        )
    if real.exists() and not real.is_file():
        return _write_in_place(real, fill)
    if real.exists() and not force:
        raise _file_exists(target)
    parent = real.parent
    if not parent.is_dir():
        raise _cannot_write(target, _("no such directory {path}").format(path=parent))
    temp = _create_temp(real)
    try:
        fill(temp)
        size = temp.stat().st_size
        if real.exists():
            os.chmod(temp, real.stat().st_mode & 0o7777)
        _publish(temp, real, force)
    except OSError as exc:
        raise _cannot_write(target, exc.strerror or str(exc)) from None
    finally:
        temp.unlink(missing_ok=True)
    return size


def _file_exists(target: Path) -> DigitukiError:
    return DigitukiError(
        _("{target} exists").format(target=target), hint=_("add --force to replace it")
    )


def _cannot_write(target: Path, reason: str) -> DigitukiError:
    return DigitukiError(_("cannot write {target}: {reason}").format(target=target, reason=reason))


def _write_in_place(device: Path, fill: Callable[[Path], None]) -> int:
    data = _built(fill)
    try:
        with device.open("wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise _cannot_write(device, exc.strerror or str(exc)) from None
    return len(data)


def _create_temp(target: Path) -> Path:
    while True:
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            # 0o666 less the umask: the file gets the permissions any new file would.
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise _cannot_write(target, exc.strerror or str(exc)) from None
        return temp


def _publish(temp: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails if the target exists: no check-then-replace race
    except FileExistsError:
        raise _file_exists(target) from None
    except OSError:
        # A file system without hard links: check, then rename.
        if target.exists():
            raise _file_exists(target) from None
        os.replace(temp, target)


# --- JSON, CSV, Markdown: through the rendering layer ---


def _emit(output: Any, fmt: Any) -> str:
    import io

    from .render import emit

    buffer = io.StringIO()
    emit(output, fmt, buffer)
    return buffer.getvalue()


def to_json(dataset: Dataset) -> str:
    """The dataset as plain data: the dataset file's shape, loadable back through validation."""
    from .model import to_jsonable
    from .render import Output
    from .views import region_json

    data = {
        "schema_version": dataset.schema_version,
        "source": to_jsonable(dataset.source),
        "sources": to_jsonable(dataset.sources),
        "regions": [region_json(r) for r in dataset.regions],
    }
    return _emit(Output(data=data), Format.JSON)


def to_csv(dataset: Dataset) -> str:
    """One row per region, one column per attribute; sets joined with ';'. Then the source
    and date of each classified value (history_views.DATED_HEADER)."""
    from .history_views import DATED_HEADER, dated_cells
    from .render import Output
    from .views import CSV_HEADER, csv_rows

    rows = [
        [*row, *dated_cells(region)]
        for row, region in zip(csv_rows(dataset.regions), dataset.regions, strict=True)
    ]
    return _emit(Output(csv_header=(*CSV_HEADER, *DATED_HEADER), csv_rows=rows), Format.CSV)


def to_markdown(dataset: Dataset) -> str:
    """A report in the interface language: summary tables, an overview, then one section per
    region with its classification, evidence, notes and text."""
    from .queries import interviewed_first
    from .render import Grid, Heading, Line, Output
    from .views import list_view, region_name, show_blocks

    regions = interviewed_first(dataset.regions, True)
    interviewed = [r for r in regions if r.interviewed]
    blocks: list[Block] = [
        Heading(_(REPORT_TITLE)),
        Line(source_line(dataset)),
        Line(generator_line(dataset)),
        Heading(_("Summary"), level=2),
        Line(counts_line(len(interviewed), len(regions))),
    ]
    for title, tallies in summary_tallies(interviewed):
        blocks.append(Heading(title, level=3))
        rows = tuple(
            (
                label(t.member),
                str(len(t.regions)),
                ", ".join(region_name(r.short_names) for r in t.regions) or "-",
                describe(t.member),
            )
            for t in tallies
        )
        blocks.append(Grid((_("Value"), _("Regions"), _("Which"), _("Meaning")), rows))
    blocks += [Heading(_("Overview"), level=2), *list_view(regions).blocks]
    blocks.append(Heading(_("Regions"), level=2))
    for region in regions:
        blocks += show_blocks(region, evidence=True, section=None, level=3)
    return _emit(Output(blocks=blocks), Format.MARKDOWN)


def counts_line(interviewed: int, total: int) -> str:
    """The sentence that says what the export's counts are of."""
    others = total - interviewed
    return ngettext(
        "Counts are of the {interviewed} interviewed regions; the {others} other is not "
        "described in the report.",
        "Counts are of the {interviewed} interviewed regions; the {others} others are not "
        "described in the report.",
        others,
    ).format(interviewed=interviewed, others=others)


def source_line(dataset: Dataset) -> str:
    """Where the data comes from: the report's title, authors, date, commissioner, interviews."""
    source = dataset.source
    return _(
        "From the report “{title}” by {authors} ({date}), commissioned by {commissioner}; "
        "interviews {period}."
    ).format(
        title=source.title,
        authors=_(" and ").join(source.authors),
        date=source.date.isoformat(),
        commissioner=source.commissioner,
        period=source.interview_period,
    )


def generator_line(dataset: Dataset) -> str:
    """Which digituki and dataset schema made the file, and that quotes are in Finnish."""
    from . import __version__
    from .views import REPORT_LANGUAGE_NOTE

    made = _("Made with digituki {version} from dataset schema version {schema}.").format(
        version=__version__, schema=dataset.schema_version
    )
    return f"{made} {_(REPORT_LANGUAGE_NOTE)}"


SUMMARY_ATTRIBUTES = (
    (N_("General support"), "general_support"),
    (N_("Funding after the project"), "funding"),
    (N_("Channels"), "channels"),
)


def summary_tallies(regions: Sequence[Region]) -> list[tuple[str, list[Any]]]:
    """For each summary attribute, its title in the language and its tally over the regions."""
    from .queries import ATTRIBUTE_BY_KEY, tally

    return [(_(title), tally(regions, ATTRIBUTE_BY_KEY[key])) for title, key in SUMMARY_ATTRIBUTES]


# --- SQLite ---

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


def code_table(codebook: type[DescribedEnum]) -> str:
    """The table of a codebook: GeneralSupportLevel -> code_general_support_level."""
    name = codebook.__name__
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
    return "code_" + snake


def link_column(attribute: Attribute) -> str:
    """The value column of a set's link table: channels -> channel."""
    return attribute.key.removesuffix("s")


def write_sqlite(dataset: Dataset, path: Path) -> None:
    """A SQLite database of the dataset: regions, one link table per set, texts with FTS5."""
    import sqlite3

    from . import sqlite_history

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with connection:
            _create_sqlite_schema(connection)
            _fill_sqlite(connection, dataset)
            sqlite_history.add(connection, dataset)
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # the schema and the data disagree: a bug here, not the user's
            raise RuntimeError(f"foreign key problems in the export: {problems[:3]}")
        connection.execute(f"PRAGMA user_version = {int(dataset.schema_version)}")
    finally:
        connection.close()


def _labels_and_descriptions(member: DescribedEnum) -> tuple[str, ...]:
    """A code's labels in Finnish, Swedish and English, then its Finnish and Swedish
    descriptions (the English one is the code table's `description`)."""
    labels, descriptions = [], []
    for lang in ("fi", "sv", "en"):
        with speaking(lang):
            labels.append(label(member))
            descriptions.append(describe(member))
    return (*labels, *descriptions[:2])


def _sqlite_attributes() -> tuple[list[Attribute], list[Attribute]]:
    from .queries import ATTRIBUTES

    return [a for a in ATTRIBUTES if not a.many], [a for a in ATTRIBUTES if a.many]


def _create_sqlite_schema(db: sqlite3.Connection) -> None:
    from .model import SectionName
    from .views import CLASSIFIED

    one, many = _sqlite_attributes()
    codebooks = {a.codebook for a in (*one, *many) if a.codebook is not None} | {SectionName}
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
        table, column = f"region_{attribute.key}", link_column(attribute)
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
            position INTEGER NOT NULL, quote TEXT NOT NULL,
            PRIMARY KEY (region_id, field, value, position),
            FOREIGN KEY (region_id, field, value)
              REFERENCES classifications(region_id, field, value)) WITHOUT ROWID""",
        f"""CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            region_id TEXT NOT NULL REFERENCES regions(id),
            section TEXT NOT NULL REFERENCES {code_table(SectionName)}(code),
            heading TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL,
            UNIQUE (region_id, section))""",
        # External content: the index holds no second copy of the texts. Datasette (old and
        # new) finds it by content="sections" and offers full-text search on `sections`.
        "CREATE VIRTUAL TABLE sections_fts USING fts5("
        'heading, text, content="sections", content_rowid="id", tokenize="unicode61")',
    ]
    for statement in statements:
        db.execute(statement)


def _fill_sqlite(db: sqlite3.Connection, dataset: Dataset) -> None:
    from . import __version__
    from .model import SectionName
    from .views import CLASSIFIED

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
    one, many = _sqlite_attributes()
    codebooks = {a.codebook for a in (*one, *many) if a.codebook is not None} | {SectionName}
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
                [(region.id, str(item.value), index) for index, item in enumerate(items)],
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
                    "INSERT INTO evidence VALUES (?, ?, ?, ?, ?)",
                    [(*key, index, quote) for index, quote in enumerate(item.evidence)],
                )
        db.executemany(
            "INSERT INTO sections (region_id, section, heading, page, text) VALUES (?, ?, ?, ?, ?)",
            [
                (region.id, name.value, s.heading, s.page, s.text)
                for name, s in region.sections.present()
            ],
        )
    db.execute("INSERT INTO sections_fts(sections_fts) VALUES ('rebuild')")


# --- HTML ---

NOT_INTERVIEWED = "not-interviewed"


@dataclass(frozen=True)
class MapClass:
    code: str
    label: str
    description: str


@dataclass(frozen=True)
class MapBy:
    """What the map is coloured by: a one-valued attribute, or one member of a set."""

    key: str
    title: str
    description: str
    classes: tuple[MapClass, ...]
    classify: Callable[[Region], str]


_MAP_SCALARS = {"funding": "funding", "general-support": "general_support"}
_MAP_SETS = {"channel": "channels", "partner": "partners"}


def map_by_choices() -> list[str]:
    """Every valid --map-by value."""
    from .queries import ATTRIBUTE_BY_KEY

    choices = list(_MAP_SCALARS)
    for prefix, key in _MAP_SETS.items():
        codebook = ATTRIBUTE_BY_KEY[key].codebook
        assert codebook is not None
        choices += [f"{prefix}:{m.value}" for m in codebook]
    return choices


def parse_map_by(text: str | None) -> MapBy:
    """funding (the default), general-support, channel:CODE or partner:CODE, with the map's
    title, description and classes in the interface language. Raises UsageError otherwise."""
    from .i18n import codebook_description
    from .queries import ATTRIBUTE_BY_KEY, has_value
    from .views import CONDITION_LABELS, attribute_label

    key = (text or "funding").strip().lower()
    not_interviewed = MapClass(
        NOT_INTERVIEWED, _("not interviewed"), _("The report does not describe the region.")
    )
    if key in _MAP_SCALARS:
        attribute = ATTRIBUTE_BY_KEY[_MAP_SCALARS[key]]
        codebook = attribute.codebook
        assert codebook is not None
        classes = tuple(MapClass(m.value, label(m), describe(m)) for m in codebook)
        get = attribute.get
        return MapBy(
            key,
            attribute_label(attribute.key),
            codebook_description(codebook),
            (*classes, not_interviewed),
            lambda r: str(get(r)) if r.interviewed else NOT_INTERVIEWED,
        )
    prefix, _colon, code = key.partition(":")
    if prefix in _MAP_SETS:
        attribute = ATTRIBUTE_BY_KEY[_MAP_SETS[prefix]]
        assert attribute.codebook is not None
        member = next((m for m in attribute.codebook if m.value == code), None)
        if member is not None:
            set_attribute = attribute
            what = _(CONDITION_LABELS[prefix])
            value = label(member)
            return MapBy(
                key,
                _("{what}: {value}").format(what=what.capitalize(), value=value),
                describe(member),
                (
                    MapClass(
                        "reported",
                        _("reported"),
                        _("The report names {what} {value}.").format(what=what, value=value),
                    ),
                    MapClass(
                        "not-reported",
                        _("not reported"),
                        _("The report does not name {what} {value}.").format(
                            what=what, value=value
                        ),
                    ),
                    not_interviewed,
                ),
                lambda r: (
                    NOT_INTERVIEWED
                    if not r.interviewed
                    else "reported"
                    if has_value(set_attribute, r, member.value)
                    else "not-reported"
                ),
            )
    choices = map_by_choices()
    listed = [c for c in choices if ":" not in c]
    for prefix in _MAP_SETS:
        codes = [c.split(":", 1)[1] for c in choices if c.startswith(prefix + ":")]
        listed.append(f"{prefix}:CODE ({', '.join(codes)})")
    raise UsageError(
        _("unknown --map-by value {value}").format(value=repr(printable(text or "", ECHO_LIMIT))),
        hint=_("use {choices}").format(choices="; ".join(listed)),
    )


# Where each region's tile lies: (column, row), roughly as on a map of Finland.
TILE_POSITIONS: dict[str, tuple[int, int]] = {
    "lappi": (3, 0),
    "keski-pohjanmaa": (2, 1),
    "pohjois-pohjanmaa": (3, 1),
    "kainuu": (4, 1),
    "pohjanmaa": (1, 2),
    "etela-pohjanmaa": (2, 2),
    "keski-suomi": (3, 2),
    "pohjois-savo": (4, 2),
    "pohjois-karjala": (5, 2),
    "satakunta": (1, 3),
    "pirkanmaa": (2, 3),
    "paijat-hame": (3, 3),
    "etela-savo": (4, 3),
    "etela-karjala": (5, 3),
    "varsinais-suomi": (1, 4),
    "kanta-hame": (2, 4),
    "keski-uusimaa": (3, 4),
    "kymenlaakso": (4, 4),
    "ahvenanmaa": (0, 5),
    "lansi-uusimaa": (2, 5),
    "vantaa-kerava": (3, 5),
    "ita-uusimaa": (4, 5),
    "helsinki": (3, 6),
    "hus": (4, 6),
}
TILE_W, TILE_H, TILE_GAP = 104, 64, 6

# Fills chosen for dark text (contrast >= 4.5:1) and for colour-blind readers (blue/orange).
CLASS_COLOURS = {
    "offered": "#5fa2dd",
    "regular-budget": "#7fb8e6",
    "reported": "#7fb8e6",
    "limited": "#b9dbf4",
    "under-review": "#f7d774",
    "unclear": "#f5a54a",
    "not-offered": "#f5a54a",
    "not-reported": "#dfe3e8",
    NOT_INTERVIEWED: "#ffffff",
}
FALLBACK_COLOURS = ("#c9b3e6", "#a6dba0", "#f2b8c6", "#e6d3a3")
# A shape per class, so that colour is never the only carrier: marker paths around (0, 0).
MARKERS = (
    "M -5 0 A 5 5 0 1 0 5 0 A 5 5 0 1 0 -5 0 Z",  # circle
    "M 0 -6 L 6 5 L -6 5 Z",  # triangle
    "M -5 -5 H 5 V 5 H -5 Z",  # square
    "M 0 -6.5 L 6.5 0 L 0 6.5 L -6.5 0 Z",  # diamond
    "M -6 -2 H 6 V 2 H -6 Z",  # bar
    "M -6 -6 L 6 6 M 6 -6 L -6 6",  # cross (stroked)
)
CROSS = MARKERS[-1]


@dataclass(frozen=True)
class LegendEntry:
    map_class: MapClass
    colour: str
    marker: str
    stroked: bool
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class Tile:
    region: Region
    entry: LegendEntry
    x: int
    y: int
    lines: tuple[str, ...]


def _legend(regions: Sequence[Region], spec: MapBy) -> list[LegendEntry]:
    entries = []
    fallback = iter(FALLBACK_COLOURS * 4)
    for index, map_class in enumerate(spec.classes):
        colour = CLASS_COLOURS.get(map_class.code) or next(fallback)
        last = map_class.code == NOT_INTERVIEWED
        marker = CROSS if last else MARKERS[index % (len(MARKERS) - 1)]
        having = tuple(r for r in regions if spec.classify(r) == map_class.code)
        entries.append(LegendEntry(map_class, colour, marker, last, having))
    return entries


def _label_lines(name: str) -> tuple[str, ...]:
    """A tile's label in lines short enough for it: split after hyphens, then at spaces."""
    if len(name) <= 11:
        return (name,)
    if "-" in name:
        head, _, tail = name.partition("-")
        return (head + "-", *_label_lines(tail))
    if " " in name:
        head, _, tail = name.partition(" ")
        return (head, *_label_lines(tail))
    return (name,)


def _tiles(regions: Sequence[Region], legend: Sequence[LegendEntry]) -> list[Tile]:
    from .views import region_name

    entry_of = {r.id: e for e in legend for r in e.regions}
    rows = max(row for _, row in TILE_POSITIONS.values()) + 1
    tiles = []
    extra = 0
    for region in regions:
        position = TILE_POSITIONS.get(region.id)
        if position is None:  # a region this map does not know: a row below the others
            position = (extra % 6, rows + extra // 6)
            extra += 1
        column, row = position
        x = TILE_GAP + column * (TILE_W + TILE_GAP)
        y = TILE_GAP + row * (TILE_H + TILE_GAP)
        name = region_name(region.short_names)
        tiles.append(Tile(region, entry_of[region.id], x, y, _label_lines(name)))
    return tiles


@dataclass(frozen=True)
class MatrixColumn:
    member: DescribedEnum
    count: int


@dataclass(frozen=True)
class MatrixRow:
    region: Region
    cells: tuple[bool, ...]
    total: int


@dataclass(frozen=True)
class MatrixTable:
    title: str
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


def _matrix_table(matrix: Matrix) -> MatrixTable:
    rows = tuple(
        MatrixRow(region, tuple(m.value in values for m in matrix.members), len(values))
        for region, values in matrix.rows
    )
    columns = tuple(
        MatrixColumn(member, sum(row.cells[i] for row in rows))
        for i, member in enumerate(matrix.members)
    )
    from .views import attribute_label

    return MatrixTable(attribute_label(matrix.key), columns, rows)


def to_html(dataset: Dataset, spec: MapBy) -> str:
    """One self-contained HTML file: no scripts, fonts or anything else from the network."""
    import jinja2

    from . import __version__
    from .model import DescribedEnum
    from .queries import feature_matrices, interviewed_first
    from .views import (
        CLASSIFIED,
        NOTE_PREFIX,
        REPORT_LANGUAGE_NOTE,
        attribute_label,
        note_text,
        provenance,
        region_name,
    )

    regions = interviewed_first(dataset.regions, True)
    interviewed = [r for r in regions if r.interviewed]
    legend = _legend(regions, spec)
    tiles = _tiles(regions, legend)
    width = max(t.x for t in tiles) + TILE_W + TILE_GAP
    height = max(t.y for t in tiles) + TILE_H + TILE_GAP
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("digituki_cli", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = environment.get_template("report.html.j2")
    return template.render(
        _=_,
        ngettext=ngettext,
        label=label,
        describe=describe,
        name_of=region_name,
        note_of=note_text,
        dated_of=provenance,
        value_of=lambda value: label(value) if isinstance(value, DescribedEnum) else value or "-",
        note_prefix=_(NOTE_PREFIX),
        lang=language(),
        title=_(REPORT_TITLE),
        version=__version__,
        source_line=source_line(dataset),
        generator_line=generator_line(dataset),
        counts_line=counts_line(len(interviewed), len(regions)),
        dataset=dataset,
        source=dataset.source,
        regions=regions,
        interviewed=interviewed,
        spec=spec,
        legend=legend,
        entry_of={r.id: e for e in legend for r in e.regions},
        tiles=tiles,
        tile_w=TILE_W,
        tile_h=TILE_H,
        width=width,
        height=height,
        matrices=[_matrix_table(m) for m in feature_matrices(interviewed)],
        summaries=summary_tallies(interviewed)[:2],
        classified=CLASSIFIED,
        label_of=attribute_label,
        language_note=_(REPORT_LANGUAGE_NOTE),
    )
