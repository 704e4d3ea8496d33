"""Excel workbooks: a query's result (`-f xlsx` on any query command) or the whole dataset
(`export -f xlsx`), in the interface language.

A workbook is a list of `Sheet`s, each a table: a header row (frozen, with an autofilter),
rows of text and numbers, widths from the content, long or multi-line text wrapped, and any
lines that explain the table below it. A query's sheets come from the blocks its view
builds for people (`sheets_of`, as Markdown does), so a workbook shows what the table shows.
XlsxWriter writes them, imported only here (only when xlsx is asked for). No cell is ever
a formula: every text is written as a string with the workbook's conversions turned off,
and a text that starts like a formula (=, +, -, @, tab, CR; render.FORMULA_STARTS) gets
Excel's quote prefix, which keeps it text even when someone edits the cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..i18n import _, in_language
from ..render import (
    FORMULA_STARTS,
    Bars,
    Block,
    Grid,
    Heading,
    Line,
    Pairs,
    Prose,
    Side,
    Snippet,
)

if TYPE_CHECKING:
    from ..model import Dataset

Cell = str | int

SHEET_NAME_LIMIT = 31  # Excel's
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
MIN_WIDTH, MAX_WIDTH = 6, 60  # column widths, in characters


@dataclass
class Sheet:
    """A table of a workbook: its name (Excel's rules are applied when written), its column
    headings, its rows (texts and whole numbers), and lines of text shown below it."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an .xlsx file's bytes, each with its header row frozen and filtered.
    A workbook with no sheet gets one empty sheet (Excel opens no workbook without one)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    header = book.add_format({"bold": True, "valign": "top", "bottom": 1})
    body = {
        (wrap, prefix): book.add_format(
            {"valign": "top", "text_wrap": wrap, "quote_prefix": prefix}
        )
        for wrap in (False, True)
        for prefix in (False, True)
    }
    names: set[str] = set()
    for sheet in sheets or [Sheet(_("Results"), ())]:
        page = book.add_worksheet(_sheet_name(sheet.name, names))
        widths = _widths(sheet)
        for column, heading in enumerate(sheet.columns):
            page.write_string(0, column, heading, header)
            page.set_column(column, column, widths[column])
        for row_number, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, int):
                    page.write_number(row_number, column, value, body[False, False])
                    continue
                wrap = "\n" in value or len(value) > widths[column]
                style = body[wrap, value.startswith(FORMULA_STARTS)]
                page.write_string(row_number, column, value, style)
        if sheet.columns:
            page.freeze_panes(1, 0)
            page.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.columns) - 1)
        first_note = len(sheet.rows) + 2
        for offset, note in enumerate(sheet.notes):
            page.write_string(
                first_note + offset, 0, note, body[False, note.startswith(FORMULA_STARTS)]
            )
    book.close()
    return buffer.getvalue()


def _sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unused sheet name: no []:*?/\\, at most 31 characters, a number if taken."""
    base = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", name).split()).strip("'") or _("Results")
    chosen, number = base[:SHEET_NAME_LIMIT], 1
    while chosen.lower() in taken:
        number += 1
        suffix = f" ({number})"
        chosen = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
    taken.add(chosen.lower())
    return chosen


def _widths(sheet: Sheet) -> list[int]:
    """Each column as wide as its longest line (heading included), within 6 to 60."""
    widths = []
    for index, heading in enumerate(sheet.columns):
        texts = [heading, *(str(row[index]) for row in sheet.rows if index < len(row))]
        longest = max((len(line) for text in texts for line in text.split("\n")), default=0)
        widths.append(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))
    return widths


def _number_or_text(text: str) -> Cell:
    """A whole number as a number (pages, counts: Excel sums and sorts them), else the text."""
    return int(text) if text.isdigit() and not (len(text) > 1 and text[0] == "0") else text


def sheets_of(blocks: Sequence[Block], name: str) -> list[Sheet]:
    """A query's blocks as sheets: each table-like block (a grid, label/value pairs, a bar
    chart) a sheet named by its title or the headings above it, deepest first; a run of
    search snippets or of the report's text one sheet; the lines after a table its notes.
    `name` names a sheet that nothing else names."""
    sheets: list[Sheet] = []
    headings: dict[int, str] = {}
    pending: list[str] = []  # lines before any table
    # The kind of block that made the last sheet, and whether a heading came after it (the
    # lines after a heading belong to the next table, those after a table to that table).
    state: dict[str, object] = {"kind": None, "heading": False}
    region_column = _("Region")
    snippet_columns = (region_column, _("Where"), _("Text"))
    prose_columns = (_("Section"), _("Text"))

    def add(
        title: str | None, columns: tuple[str, ...], rows: list[tuple[Cell, ...]], kind: type
    ) -> None:
        deeper = [headings[n] for n in sorted(headings, reverse=True) if n > 1]
        label = " · ".join([*([title] if title else []), *deeper])
        if 1 in headings and label:
            # A region's table (show): the region is a column, and the same table of the
            # next region joins this sheet.
            columns = (region_column, *columns)
            rows = [(headings[1], *row) for row in rows]
            same = next((s for s in sheets if (s.name, s.columns) == (label, columns)), None)
            if same is not None:
                same.rows += rows
                same.notes += [n for n in pending if n not in same.notes]
                pending.clear()
                sheets.append(sheets.pop(sheets.index(same)))  # lines after it are its notes
                state.update(kind=kind, heading=False)
                return
        elif 1 in headings:
            label = headings[1]
        sheets.append(Sheet(label or name, columns, rows, list(pending)))
        pending.clear()
        state.update(kind=kind, heading=False)

    def extend(row: tuple[Cell, ...]) -> None:
        """One more row of a run (snippets, the report's text) for the last sheet."""
        sheets[-1].rows.append(row)
        state["heading"] = False

    def walk(block: Block) -> None:
        if isinstance(block, Heading):
            headings[block.level] = block.text
            for deeper in [level for level in headings if level > block.level]:
                del headings[deeper]
            if block.level == 1 and state["kind"] is Prose:
                state["kind"] = None  # another region's text: add() finds the sheet it joins
            state["heading"] = True
        elif isinstance(block, Line):
            after_table = sheets and not state["heading"]
            (sheets[-1].notes if after_table else pending).append(block.text)
        elif isinstance(block, Grid):
            rows = [tuple(_number_or_text(c) for c in row) for row in block.rows]
            add(block.title, tuple(c.strip() for c in block.columns), rows, Grid)
            if block.caption:
                sheets[-1].notes.append(block.caption)
        elif isinstance(block, Pairs):
            rows = [(p.label, p.value, "\n".join(p.quotes), p.note or "") for p in block.rows]
            add(None, (_("Attribute"), _("Value"), _("Evidence"), _("Note")), rows, Pairs)
        elif isinstance(block, Bars):
            bars: list[tuple[Cell, ...]] = [
                (b.label, b.count, b.total, b.note or "") for b in block.rows
            ]
            columns = (_("Value"), block.count_heading, _("of"), block.note_heading)
            add(block.title, columns, bars, Bars)
        elif isinstance(block, Snippet):
            row = (headings.get(1, ""), block.title, block.text)
            if state["kind"] is Snippet:
                extend(row)
            else:
                headings.clear()  # the region is a column: the sheet is the command's
                add(None, snippet_columns, [row], Snippet)
        elif isinstance(block, Prose):
            text = (block.title, "\n\n".join(block.paragraphs))
            if state["kind"] is Prose:
                extend((headings[1], *text) if 1 in headings else text)
            else:
                add(None, prose_columns, [text], Prose)
        elif isinstance(block, Side):
            for column in block.columns:
                for inner in column:
                    walk(inner)

    for block in blocks:
        walk(block)
    if pending:
        sheets.append(Sheet(name, (), [], pending))
    return sheets


def dataset_sheets(dataset: Dataset) -> list[Sheet]:
    """The whole dataset as sheets: the regions with their classification, the evidence
    (one quote a row, with its page), the gaps, the codebook with each value's description,
    and the source (the report, its date, the licence, what made the file)."""
    from .. import __version__
    from ..i18n import codebook_description, describe, label
    from ..queries import ATTRIBUTES, gaps, interviewed_first, quotes
    from ..views import (
        REPORT_LANGUAGE_NOTE,
        attribute_label,
        gaps_view,
        note_text,
        value_text,
    )
    from .sqlite import LICENCE, LICENCE_URL
    from .text import counts_line, source_line

    regions = interviewed_first(dataset.regions, True)
    interviewed = sum(r.interviewed for r in regions)
    region_rows: list[tuple[Cell, ...]] = []
    for region in regions:
        cells: list[Cell] = [region.id, in_language(region.short_names)]
        for attribute in ATTRIBUTES[1:]:  # the name is the column before
            value = attribute.get(region)
            if isinstance(value, int) and not isinstance(value, bool):
                cells.append(value)  # the page: a number
            else:
                cells.append(value_text(attribute, value))
        region_rows.append(tuple(cells))
    region_columns = ("id", *(attribute_label(a.key) for a in ATTRIBUTES))
    quoted: list[tuple[Cell, ...]] = [
        (
            in_language(q.region.short_names),
            attribute_label(q.attribute.key),
            value_text(q.attribute, str(q.item.value)),
            q.quote,
            q.page if q.page is not None else "",
            note_text(q.item.note) if q.item.note else "",
        )
        for q in quotes(regions)
    ]
    codebook_rows: list[tuple[Cell, ...]] = []
    for attribute in ATTRIBUTES:
        if attribute.codebook is not None:
            codebook_rows += [
                (attribute_label(attribute.key), m.value, label(m), describe(m))
                for m in attribute.codebook
            ]
    source = dataset.source
    about: list[tuple[Cell, ...]] = [
        (_("Title"), source.title),
        (_("Authors"), ", ".join(source.authors)),
        (_("Date"), source.date.isoformat()),
        (_("Commissioned by"), source.commissioner),
        (_("Interviews"), source.interview_period),
        (_("Licence"), f"{LICENCE} ({LICENCE_URL})"),
        (_("Made with"), f"digituki {__version__}"),
        (_("Dataset schema version"), dataset.schema_version),
    ]
    evidence_sheet = Sheet(
        _("Evidence"),
        (_("Region"), _("Attribute"), _("Value"), _("Quote"), _("Page"), _("Note")),
        quoted,
        [_(REPORT_LANGUAGE_NOTE), _("Page: where the quoted section starts in the report.")],
    )
    codebook_sheet = Sheet(
        _("Codebook"), (_("Attribute"), _("Code"), _("Label"), _("Meaning")), codebook_rows
    )
    codebook_sheet.notes += [
        f"{attribute_label(a.key)}: {codebook_description(a.codebook)}"
        for a in ATTRIBUTES
        if a.codebook is not None
    ]
    return [
        Sheet(_("Regions"), region_columns, region_rows, [counts_line(interviewed, len(regions))]),
        evidence_sheet,
        *sheets_of(gaps_view(gaps(regions)).blocks, _("Gaps")),
        codebook_sheet,
        Sheet(_("Source"), (_("Field"), _("Value")), about, [source_line(dataset)]),
    ]
