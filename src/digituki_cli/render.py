"""The one place that turns results into table, JSON, CSV or Markdown.

Commands build an `Output`: blocks for people (rendered as a Rich table or as Markdown),
`data` for JSON and `csv` rows for spreadsheets. Text from the data or the user is always
handed to Rich as `Text`, never parsed as markup.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from . import streams
from .formats import CsvDialect, Format
from .glyphs import BAR, BAR_EIGHTHS

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


@dataclass(frozen=True)
class Heading:
    """A heading; `level` 1 is the top (Markdown's #)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Line:
    """A line of text; on a terminal it follows the block before it closely, unless `apart`."""

    text: str
    dim: bool = False
    apart: bool = False


@dataclass(frozen=True)
class Pair:
    """A label and its value, with the report's words behind the value (`quotes`) and a
    note, shown with --evidence."""

    label: str
    value: str
    quotes: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Pairs:
    """Label-value pairs, one a line: a region's classifications."""

    rows: tuple[Pair, ...]
    note_prefix: str = "Note: "  # before a pair's note, in the output's language


@dataclass(frozen=True)
class Grid:
    """A table: a heading per column, rows of cells (as many as columns), rows to emphasise
    by index (compare's differences), an optional title above and caption below."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str | None = None
    emphasised_rows: frozenset[int] = frozenset()
    caption: str | None = None


@dataclass(frozen=True)
class Prose:
    """Paragraphs under a title: a section of the report's text."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Snippet:
    """A passage with spans to highlight (search hits), under a one-line title."""

    title: str
    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: `count` out of `total`, with its label and the meaning of the
    value (`note`)."""

    label: str
    count: int
    total: int
    note: str | None = None
    shown: str | None = None  # the number as written beside the bar; else "count/total"

    def figure(self) -> str:
        """The number written beside the bar: `shown`, else "count/total"."""
        return self.shown if self.shown is not None else f"{self.count}/{self.total}"


@dataclass(frozen=True)
class Bars:
    """A horizontal bar chart of counts out of a total, the numbers written out."""

    title: str
    rows: tuple[Bar, ...]
    width: int = 20
    label_width: int = 0  # to line up the bars of several charts
    count_heading: str = "regions"  # Markdown's column headings, in the output's language
    note_heading: str = "meaning"


@dataclass(frozen=True)
class Side:
    """Columns of blocks side by side on a terminal; one after another in Markdown."""

    columns: tuple[tuple[Block, ...], ...]


Block = Heading | Line | Pairs | Grid | Prose | Snippet | Bars | Side


@dataclass
class Output:
    """What a result shows in each format. `data` and `csv` may be given as functions, so
    that a run builds only the format it prints (JSON of 10,000 regions is not free)."""

    blocks: list[Block] = field(default_factory=list)
    data: Any = None
    csv_header: Sequence[str] = ()
    csv_rows: Sequence[Sequence[str]] | Callable[[], Sequence[Sequence[str]]] = ()

    def json_data(self) -> Any:
        """The JSON value (built now if `data` is a function)."""
        return self.data() if callable(self.data) else self.data

    def rows(self) -> Sequence[Sequence[str]]:
        """The CSV rows, each as long as `csv_header` (built now if given as a function)."""
        return self.csv_rows() if callable(self.csv_rows) else self.csv_rows


def cell(value: object) -> str:
    """A value as people read it; a set has one member a line (Markdown joins them with commas)."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list | frozenset | set):
        return "\n".join(str(v) for v in value) if value else "-"
    return str(value)


# A cell that starts with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: one that starts with =, +, -, @, a
    tab or a carriage return gets a leading apostrophe, as OWASP recommends. No number is
    touched: the data's numbers (pages, counts) are never negative."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def emit(
    output: Output,
    fmt: Format,
    stream: IO[str] | None = None,
    dialect: CsvDialect = CsvDialect.STANDARD,
) -> None:
    """Write the output in a text format (not xlsx: see export.write_output) to the stream,
    else to stdout: the table in the terminal's encoding, JSON, CSV and Markdown as UTF-8
    whatever the locale (streams.py). CSV is written in the dialect, every cell
    spreadsheet_safe."""
    if fmt is Format.TABLE:
        _print_rich(output.blocks, stream or sys.stdout)
        return
    text = _machine_text(output, fmt, dialect)
    if stream is None:
        streams.write_machine(text)
    else:
        stream.write(text)


def _machine_text(output: Output, fmt: Format, dialect: CsvDialect) -> str:
    """The output as JSON, CSV or Markdown text, whole (written in one go)."""
    if fmt is Format.JSON:
        return json.dumps(output.json_data(), ensure_ascii=False, indent=2) + "\n"
    if fmt is Format.CSV:
        excel = dialect is CsvDialect.EXCEL_FI
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n"
        )
        writer.writerow([spreadsheet_safe(c) for c in output.csv_header])
        writer.writerows([spreadsheet_safe(c) for c in row] for row in output.rows())
        return buffer.getvalue()
    if fmt is Format.XLSX:
        raise ValueError("xlsx is binary: write it with export.write_output")
    return to_markdown(output.blocks)


# --- Markdown ---


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", ", ")


def _md_marked(text: str, marks: Sequence[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in marks:
        out += [text[last:start], "**", text[start:end], "**"]
        last = end
    out.append(text[last:])
    return "".join(out)


def to_markdown(blocks: Sequence[Block]) -> str:
    """The blocks as Markdown (GitHub's tables), ending with a newline; cells escaped."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Side):
            parts.append(to_markdown([b for column in block.columns for b in column]).rstrip())
        elif isinstance(block, Snippet):
            parts.append(f"**{block.title}**\n\n> {_md_marked(block.text, block.marks)}")
        elif isinstance(block, Bars):
            noted = any(b.note for b in block.rows)
            lines = [
                f"| {_md_escape(block.title)} | {_md_escape(block.count_heading)} |"
                + (f" {_md_escape(block.note_heading)} |" if noted else "")
            ]
            lines.append("| --- | --- |" + (" --- |" if noted else ""))
            for bar in block.rows:
                note = f" {_md_escape(bar.note or '')} |" if noted else ""
                lines.append(f"| {_md_escape(bar.label)} | {_md_escape(bar.figure())} |{note}")
            parts.append("\n".join(lines))
        elif isinstance(block, Heading):
            parts.append("#" * block.level + " " + block.text)
        elif isinstance(block, Line):
            parts.append(block.text)
        elif isinstance(block, Pairs):
            lines = []
            for pair in block.rows:
                lines.append(f"- **{pair.label}**: {_md_escape(pair.value)}")
                # A blank quote line between quotes keeps each one its own paragraph.
                quoted = "\n  >\n".join(f"  > {quote}" for quote in pair.quotes)
                lines.extend([quoted] if quoted else [])
                if pair.note:
                    # A blank line first: else CommonMark reads the note into the quote.
                    lines += ["", f"  *{block.note_prefix}{pair.note}*"]
            parts.append("\n".join(lines))
        elif isinstance(block, Grid):
            lines = [f"**{block.title}**", ""] if block.title else []
            lines.append("| " + " | ".join(_md_escape(c) for c in block.columns) + " |")
            lines.append("|" + "|".join(" --- " for _ in block.columns) + "|")
            for index, row in enumerate(block.rows):
                cells = [_md_escape(c) for c in row]
                if index in block.emphasised_rows:
                    cells = [f"**{c}**" for c in cells]
                lines.append("| " + " | ".join(cells) + " |")
            if block.caption:
                lines += ["", block.caption]
            parts.append("\n".join(lines))
        else:
            parts.append(f"**{block.title}**\n\n" + "\n\n".join(block.paragraphs))
    return "\n\n".join(parts) + "\n"


# --- Rich (table format) ---


def make_console(stream: IO[str]) -> Console:
    """A Rich console on `stream`: colour only on a terminal (NO_COLOR and FORCE_COLOR
    and TERM=dumb respected), no markup or highlighting: text is printed as given."""
    import os

    from rich.console import Console

    # Rich turns styles off for pipes; NO_COLOR and TERM=dumb turn off every control code
    # here (Rich alone would still send bold and dim). An empty variable counts as unset:
    # Rich would take FORCE_COLOR="" for "not a terminal".
    plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    terminal = stream.isatty() if os.environ.get("FORCE_COLOR") == "" else None
    return Console(
        file=stream,
        force_terminal=terminal,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        color_system=None if plain else "auto",
    )


def _print_rich(blocks: Sequence[Block], stream: IO[str]) -> None:
    console = make_console(stream)
    with console.capture() as captured:
        for index, block in enumerate(blocks):
            if index and (not isinstance(block, Line) or block.apart):
                console.print()
            console.print(_to_rich(block, console.width))
    text = captured.get()
    if not console.is_terminal:
        # Rich pads table cells to the column width; a file or pipe gets no trailing blanks.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    stream.write(text)


def _to_rich(block: Block, width: int | None = None) -> RenderableType:
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    if isinstance(block, Heading):
        return Text(block.text, style="bold" if block.level == 1 else "bold underline")
    if isinstance(block, Line):
        return Text(block.text, style="dim" if block.dim else "")
    if isinstance(block, Pairs):
        values = [_pair_value(pair, block.note_prefix) for pair in block.rows]
        label_room = max((len(pair.label) for pair in block.rows), default=0) + 2
        longest = max((len(word) for pair in block.rows for word in pair.value.split()), default=1)
        if width is not None and label_room + longest > width:
            # Too narrow for two columns: each label above its value, nothing cut.
            from rich.console import Group

            return Group(
                *(
                    part
                    for pair, value in zip(block.rows, values, strict=True)
                    for part in (Text(pair.label, style="bold"), Padding(value, (0, 0, 0, 2)))
                )
            )
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for pair, value in zip(block.rows, values, strict=True):
            grid.add_row(Text(pair.label), value)
        return grid
    if isinstance(block, Grid):
        if width is not None and not _grid_fits(block, width):
            return _records(block)
        table = Table(
            *block.columns,
            title=Text(block.title, style="bold") if block.title else None,
            title_justify="left",
            caption=Text(block.caption) if block.caption else None,
            caption_justify="left",
            box=box.SIMPLE_HEAD,
            header_style="bold",
            # One space of padding plus the box's blank divider: two spaces between columns.
            padding=(0, 1, 0, 0),
            pad_edge=False,
            show_edge=False,
        )
        for index, column in enumerate(table.columns):
            column.overflow = "fold"  # never hide data behind an ellipsis
            # A one-word value (an id, an enum code) is never broken; lists and prose wrap.
            cells = [row[index] for row in block.rows]
            column.no_wrap = index == 0 or all(" " not in c for c in cells)
            column.min_width = max((len(word) for c in cells for word in c.split()), default=1)
        if width is not None:
            for column, fixed in zip(table.columns, _grid_widths(block, width), strict=False):
                column.width = fixed
                column.no_wrap = False  # a column of one-word values is as wide as its widest
        for index, row in enumerate(block.rows):
            style = "bold" if index in block.emphasised_rows else None
            table.add_row(*(Text(c) for c in row), style=style)
        return table
    from rich.console import Group

    if isinstance(block, Snippet):
        text = Text(block.text)
        for start, end in block.marks:
            text.stylize("bold red", start, end)
        return Group(Text(block.title, style="dim"), Padding(text, (0, 0, 0, 2)))
    if isinstance(block, Bars):
        return _bars(block, width)
    if isinstance(block, Side):
        # Each column gets its share of the width, so that its charts shrink to fit.
        share = (
            None
            if width is None
            else max(1, (width - 3 * (len(block.columns) - 1)) // len(block.columns))
        )
        if share is not None and share < _SIDE_MIN_SHARE:
            return Group(*(_to_rich(inner, width) for blocks in block.columns for inner in blocks))
        grid = Table.grid(padding=(0, 3))
        for _ in block.columns:
            grid.add_column(vertical="top")
        column_cells: list[RenderableType] = []
        for blocks in block.columns:
            parts: list[RenderableType] = []
            for index, inner in enumerate(blocks):
                if index and not isinstance(inner, Line | Bars):
                    parts.append(Text(""))
                parts.append(_to_rich(inner, share))
            column_cells.append(Group(*parts))
        grid.add_row(*column_cells)
        return grid
    paragraphs = Text("\n\n".join(block.paragraphs))
    return Group(Text(block.title, style="bold"), Padding(paragraphs, (0, 0, 0, 2)))


def _pair_value(pair: Pair, note_prefix: str) -> Text:
    from rich.text import Text

    value = Text(pair.value)
    for quote in pair.quotes:
        value.append("\n“" + quote + "”", style="italic dim")
    if pair.note:
        value.append("\n" + note_prefix + pair.note, style="dim")
    return value


def _grid_fits(block: Grid, width: int) -> bool:
    """Whether the grid fits the width with no word cut (wrapping columns at their longest
    word, one-word columns whole)."""
    from rich.cells import cell_len

    least = 0
    for index, heading in enumerate(block.columns):
        cells = [heading, *(row[index] for row in block.rows)]
        least += max((cell_len(word) for cell in cells for word in cell.split()), default=1)
    return least + 2 * (len(block.columns) - 1) <= width


def _records(block: Grid) -> RenderableType:
    """A grid too wide for the terminal as one record after another, every value whole:
    the first column as the record's name, then 'column: value' lines."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [Text(block.title, style="bold")] if block.title else []
    for index, row in enumerate(block.rows):
        style = "bold" if index in block.emphasised_rows else ""
        parts.append(Text(row[0], style="bold"))
        for heading, value in zip(block.columns[1:], row[1:], strict=True):
            parts.append(Text(f"  {heading}: {value.replace(chr(10), ', ')}", style=style))
    if block.caption:
        parts.append(Text(block.caption))
    return Group(*parts)


def _grid_widths(block: Grid, width: int) -> list[int]:
    """Column widths for a grid too wide for the terminal, where Rich's own would crop it.

    Rich narrows the widest wrapping columns to a common width, whatever their longest
    word, and then crops what no longer fits. Where that would cut a word, the same is done
    here with each column kept at its longest word at least; the first column (names,
    labels) wraps only if nothing else fits (Central Ostrobothnia in 80 columns). Empty:
    leave it to Rich (the grid fits, Rich cuts no word, or no layout fits the terminal).
    """
    from rich.cells import cell_len

    gaps = 2 * (len(block.columns) - 1)  # padding and the blank divider between columns
    natural: list[int] = []
    least: list[int] = []
    wraps: list[bool] = []
    for index, heading in enumerate(block.columns):
        cells = [row[index] for row in block.rows]
        lines = [line for text in (heading, *cells) for line in text.split("\n")]
        natural.append(max((cell_len(line) for line in lines), default=1))
        wraps.append(any(" " in c for c in cells))
        words = [w for line in lines for w in line.split()]
        least.append(max((cell_len(w) for w in words), default=1) if wraps[-1] else natural[-1])
    room = width - gaps
    if sum(natural) <= room:
        return []

    def levelled(floor: list[int], wrapping: list[bool]) -> list[int] | None:
        """Wrapping columns cut to one level (none below its floor), as wide as fits."""
        for level in range(max(natural), -1, -1):
            widths = [
                max(low, min(full, level)) if wrap else full
                for full, low, wrap in zip(natural, floor, wrapping, strict=True)
            ]
            if sum(widths) <= room:
                return widths
        return None

    rich_wraps = [index > 0 and wrap for index, wrap in enumerate(wraps)]
    like_rich = levelled([0] * len(natural), rich_wraps)
    if like_rich is not None and all(w >= low for w, low in zip(like_rich, least, strict=True)):
        return []
    return levelled(least, rich_wraps) or levelled(least, wraps) or []


_NOTES_MIN_WIDTH = 20  # a chart's meaning column, wrapped, is still readable at this width
_SIDE_MIN_SHARE = 30  # narrower than this, side-by-side charts go one under another


def bar_text(count: int, total: int, width: int) -> str:
    """A bar of `width` cells for count/total, in eighths of a cell."""
    eighths = round(8 * width * count / total) if total else 0
    full, rest = divmod(eighths, 8)
    return BAR * full + (BAR_EIGHTHS[rest] if rest else "")


def _bars(block: Bars, width: int | None) -> RenderableType:
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    # In a narrow terminal the bars shrink (to nothing at worst); labels and counts stay whole.
    label_width = max([block.label_width, *(cell_len(b.label) for b in block.rows)])
    count_width = max((cell_len(b.figure()) for b in block.rows), default=1)
    bar_width = block.width
    if width is not None:
        notes_room = _NOTES_MIN_WIDTH + 1 if any(b.note for b in block.rows) else 0
        room = width - label_width - count_width - 2 - notes_room
        bar_width = max(0, min(bar_width, room))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, min_width=label_width)
    grid.add_column(no_wrap=True, min_width=bar_width)
    grid.add_column(no_wrap=True, justify="right")
    if any(b.note for b in block.rows):
        grid.add_column(style="dim")
    for bar in block.rows:
        cells = [
            Text(bar.label),
            Text(bar_text(bar.count, bar.total, bar_width), style="cyan"),
            Text(bar.figure()),
        ]
        if bar.note is not None:
            cells.append(Text(bar.note))
        grid.add_row(*cells)
    return Group(Text(block.title, style="bold"), grid)
