"""`digituki export`: the whole dataset as a file, one module per concern.

- files.py: the one atomic, no-clobber writer (also used by `-o` and the cache);
- text.py: JSON, CSV and Markdown, and the sentences every export shares;
- sqlite.py: the SQLite database and its Datasette metadata;
- html.py: the self-contained HTML report (its view-model; the template is in templates/);
- xlsx.py: the Excel workbook.

Each depends on the model, queries and the views' public functions only. This module only
chooses and dispatches, and stays light: the command line imports it for --map-by's
completion, and the heavy libraries (sqlite3, jinja2, XlsxWriter) load inside the modules
that need them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..formats import ExportFormat
from ..i18n import _
from .files import (
    refuse_binary_on_terminal,
    to_stdout,
    write_atomic,
    write_bytes,
    write_stdout,
)

if TYPE_CHECKING:
    from ..model import Dataset

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
}


@dataclass(frozen=True)
class Written:
    """A file an export wrote: its path, what it holds (a format's code, or `metadata` for
    Datasette's file) and its size in bytes."""

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
        hint=_("or an -o FILE ending in .json, .csv, .md, .sqlite or .html"),
    )


BINARY_FORMATS = frozenset({ExportFormat.SQLITE})


def export(
    dataset: Dataset,
    fmt: ExportFormat,
    output: str | None = None,
    force: bool = False,
    map_by: str | None = None,
    data_file: Path | None = None,
) -> list[Written]:
    """Write the dataset in the format to the file named, or to stdout if none (or '-').
    `data_file` is the dataset's file, beside which SQLite looks for the search index.

    Returns the files written (none for stdout). Raises UsageError (exit 2) for --map-by with
    a format other than html, an unknown --map-by value, or a binary format to a terminal;
    DigitukiError (exit 1, see files.write_atomic) when a file exists or cannot be written.
    """
    if map_by is not None and fmt is not ExportFormat.HTML:
        raise UsageError(_("--map-by applies only to --format html"))
    if fmt in BINARY_FORMATS and to_stdout(output):
        refuse_binary_on_terminal(fmt.value)
    if fmt is ExportFormat.SQLITE:
        from ..paths import bundled_dataset
        from ..search import index_path, load_index
        from .sqlite import export_sqlite

        index = load_index(index_path(data_file or bundled_dataset()))
        return export_sqlite(dataset, output, force, index)
    if fmt is ExportFormat.HTML:
        from .html import parse_map_by, to_html

        text = to_html(dataset, parse_map_by(map_by))
    else:
        from .text import render_text

        text = render_text(dataset, fmt)
    if to_stdout(output):
        write_stdout(text.encode("utf-8"))
        return []
    # A spreadsheet (Excel) reads a CSV file as UTF-8 only if it starts with a BOM;
    # stdout gets none, so that pipes and scripts see plain UTF-8.
    data = (("\ufeff" if fmt is ExportFormat.CSV else "") + text).encode("utf-8")
    return [write_file(Path(output or ""), data, fmt.value, force)]


def write_file(target: Path, data: bytes, what: str, force: bool) -> Written:
    """The bytes to the file, atomically; `what` names its content (files.write_atomic says
    what it raises)."""
    size = write_atomic(target, lambda path: write_bytes(path, data), force)
    return Written(target, what, size)
