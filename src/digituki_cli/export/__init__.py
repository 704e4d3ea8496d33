"""`digituki export`: the whole dataset as a file, one module per concern.

- text.py: JSON, CSV and Markdown, and the sentences every export shares;
- sqlite.py: the SQLite database and its Datasette metadata;
- html.py: the self-contained HTML report (its view-model; the template is in templates/);
- xlsx.py: Excel workbooks, of the dataset and of any query's result.

Each depends on the model, queries and the views' public functions only. This module
chooses a format and writes, through the one atomic writer (digituki_cli/files.py, below
the layers, as the cache uses it too): `export` the dataset, `write_output` a query's
result (the `-o FILE` and `-f xlsx` of every query command). The heavy libraries (sqlite3, jinja2,
XlsxWriter) load inside the modules that need them, when they are needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..files import (
    refuse_binary_on_terminal,
    to_stdout,
    write_atomic,
    write_bytes,
)
from ..formats import CsvDialect, ExportFormat, Format
from ..i18n import _
from ..streams import write_binary

if TYPE_CHECKING:
    from ..model import Dataset
    from ..render import Output

UTF8_BOM = "\ufeff"

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
    ".xlsx": ExportFormat.XLSX,
}
BINARY_FORMATS = frozenset({ExportFormat.SQLITE, ExportFormat.XLSX})
# The query commands' formats by the -o file's suffix; any other suffix gets the table.
QUERY_SUFFIXES = {
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".xlsx": Format.XLSX,
}


@dataclass(frozen=True)
class Written:
    """A file written: its path, its format's code (json for Datasette's metadata) and its
    size in bytes."""

    path: Path
    format: str
    size: int


def choose_format(fmt: ExportFormat | None, output: str | None) -> ExportFormat:
    """The format asked for, else the one the output file's suffix names.

    Raises UsageError (exit 2) when neither gives one."""
    if fmt is not None:
        return fmt
    if not to_stdout(output):
        guessed = SUFFIXES.get(Path(output or "").suffix.lower())
        if guessed is not None:
            return guessed
    raise UsageError(
        _("give --format {formats}").format(formats="|".join(f.value for f in ExportFormat)),
        hint=_("or an -o FILE ending in .json, .csv, .md, .sqlite, .html or .xlsx"),
    )


def query_format(fmt: Format | None, output: str | None) -> Format:
    """A query command's format: the one asked for, else the one the -o file's suffix
    names (.json, .csv, .md, .xlsx), else the table."""
    if fmt is not None:
        return fmt
    if to_stdout(output):
        return Format.TABLE
    return QUERY_SUFFIXES.get(Path(output or "").suffix.lower(), Format.TABLE)


def write_output(
    output: Output,
    fmt: Format,
    target: str | None,
    force: bool = False,
    dialect: CsvDialect = CsvDialect.STANDARD,
) -> list[Written]:
    """A query's result in the format, to the file named (atomically, never replacing a file
    without force) or to stdout if none (or '-'). Returns the files written.

    CSV in a file starts with a byte order mark, so that Excel reads it as UTF-8; on stdout
    only the excel-fi dialect has one. Raises UsageError (exit 2) for --csv-dialect with a
    format other than csv and for xlsx to a terminal; DigitukiError (exit 1) when the file
    exists (without force) or cannot be written (files.write_atomic).
    """
    from ..render import emit

    _check_dialect(dialect, fmt is Format.CSV)
    if fmt is Format.XLSX:
        from .xlsx import sheets_of, workbook

        if to_stdout(target):
            refuse_binary_on_terminal(fmt.value)
        data = workbook(sheets_of(output.blocks, _("Results")))
    elif to_stdout(target) and dialect is CsvDialect.STANDARD:
        emit(output, fmt)  # a terminal's table keeps its colours and width
        return []
    else:
        import io

        buffer = io.StringIO()
        emit(output, fmt, buffer, dialect)
        data = _with_bom(buffer.getvalue(), fmt.value, target, dialect)
    if to_stdout(target):
        write_binary(data)
        return []
    return [write_file(Path(target or ""), data, fmt.value, force)]


def _check_dialect(dialect: CsvDialect, csv: bool) -> None:
    if dialect is not CsvDialect.STANDARD and not csv:
        raise UsageError(_("--csv-dialect applies only to --format csv"))


def _with_bom(text: str, fmt: str, target: str | None, dialect: CsvDialect) -> bytes:
    """The text as UTF-8, after a BOM if it is CSV for a file or for Excel."""
    bom = fmt == "csv" and (not to_stdout(target) or dialect is CsvDialect.EXCEL_FI)
    return ((UTF8_BOM if bom else "") + text).encode("utf-8")


def export(
    dataset: Dataset,
    fmt: ExportFormat,
    output: str | None = None,
    force: bool = False,
    map_by: str | None = None,
    data_file: Path | None = None,
    dialect: CsvDialect = CsvDialect.STANDARD,
) -> list[Written]:
    """Write the dataset in the format to the file named, or to stdout if none (or '-').
    `data_file` is the dataset's file, beside which SQLite looks for the search index.

    Returns the files written (none for stdout). Raises UsageError (exit 2) for --map-by with
    a format other than html, an unknown --map-by value, --csv-dialect with a format other
    than csv, or a binary format to a terminal;
    DigitukiError (exit 1, see files.write_atomic) when a file exists or cannot be written.
    """
    if map_by is not None and fmt is not ExportFormat.HTML:
        raise UsageError(_("--map-by applies only to --format html"))
    _check_dialect(dialect, fmt is ExportFormat.CSV)
    if fmt in BINARY_FORMATS and to_stdout(output):
        refuse_binary_on_terminal(fmt.value)
    if fmt is ExportFormat.SQLITE:
        from ..paths import bundled_dataset
        from ..search import index_path, load_index
        from .sqlite import export_sqlite

        index = load_index(index_path(data_file or bundled_dataset()))
        return export_sqlite(dataset, output, force, index)
    if fmt is ExportFormat.XLSX:
        from .xlsx import dataset_sheets, workbook

        data = workbook(dataset_sheets(dataset))
    elif fmt is ExportFormat.HTML:
        from .html import parse_map_by, to_html

        data = to_html(dataset, parse_map_by(map_by)).encode("utf-8")
    else:
        from .text import render_text

        data = _with_bom(render_text(dataset, fmt, dialect), fmt.value, output, dialect)
    if to_stdout(output):
        write_binary(data)
        return []
    return [write_file(Path(output or ""), data, fmt.value, force)]


def write_file(target: Path, data: bytes, what: str, force: bool) -> Written:
    """The bytes to the file, atomically; `what` names its content (files.write_atomic says
    what it raises)."""
    size = write_atomic(target, lambda path: write_bytes(path, data), force)
    return Written(target, what, size)
