"""The dataset as JSON, CSV or Markdown text, and the sentences every export shares.

JSON and CSV keep the stable English codes and keys; Markdown (like HTML and xlsx) speaks the
interface language. Everything is built with the views' public functions and render.py.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from .. import __version__
from ..formats import CsvDialect, ExportFormat, Format
from ..i18n import N_, _, day, describe, in_language, label, ngettext
from ..model import Dataset, Region, to_jsonable
from ..queries import ATTRIBUTE_BY_KEY, Tally, interviewed_first, tally
from ..render import Block, Grid, Heading, Line, Output, emit
from ..views import REPORT_LANGUAGE_NOTE, list_view, region_json, show_blocks

REPORT_TITLE = N_("Digital support in Finland's wellbeing services counties")


def render_text(
    dataset: Dataset, fmt: ExportFormat, dialect: CsvDialect = CsvDialect.STANDARD
) -> str:
    """The dataset as JSON, CSV (in the dialect) or Markdown text. Raises ValueError for
    another format."""
    if fmt is ExportFormat.JSON:
        return to_json(dataset)
    if fmt is ExportFormat.CSV:
        return to_csv(dataset, dialect)
    if fmt is ExportFormat.MARKDOWN:
        return to_markdown(dataset)
    raise ValueError(f"{fmt.value} is not a text format")


def _text(output: Output, fmt: Format, dialect: CsvDialect = CsvDialect.STANDARD) -> str:
    buffer = io.StringIO()
    emit(output, fmt, buffer, dialect)
    return buffer.getvalue()


def to_json(dataset: Dataset) -> str:
    """The dataset as plain data: the dataset file's shape, loadable back through validation."""
    data = {
        "schema_version": dataset.schema_version,
        "source": to_jsonable(dataset.source),
        "statistics": to_jsonable(dataset.statistics),
        "sources": to_jsonable(dataset.sources),
        "regions": [region_json(r) for r in dataset.regions],
    }
    return _text(Output(data=data), Format.JSON)


def to_csv(dataset: Dataset, dialect: CsvDialect = CsvDialect.STANDARD) -> str:
    """Every region as `list --all` gives it in CSV: one row per region, in the dataset's
    order, one column per attribute, sets joined with ';'; then the source and date of each
    classified value (history_views.DATED_HEADER)."""
    from ..history_views import DATED_HEADER, dated_cells

    view = list_view(dataset.regions)
    rows = view.rows()
    view.csv_header = (*view.csv_header, *DATED_HEADER)
    view.csv_rows = [
        [*row, *dated_cells(region)] for row, region in zip(rows, dataset.regions, strict=True)
    ]
    return _text(view, Format.CSV, dialect)


def to_markdown(dataset: Dataset) -> str:
    """A report in the interface language: summary tables, an overview, then one section per
    region with its classification, evidence, notes and text."""
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
                ", ".join(in_language(r.short_names) for r in t.regions) or "-",
                describe(t.member),
            )
            for t in tallies
        )
        blocks.append(Grid((_("Value"), _("Regions"), _("Which"), _("Meaning")), rows))
    blocks += [Heading(_("Overview"), level=2), *list_view(regions).blocks]
    blocks.append(Heading(_("Regions"), level=2))
    for region in regions:
        blocks += show_blocks(region, evidence=True, section=None, level=3)
    return _text(Output(blocks=blocks), Format.MARKDOWN)


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
    """Where the data comes from, in the interface language: the report's title, authors,
    date and commissioner, and the date of its facts with its own caveat (views.as_of_text).

    The dataset's `commissioner` and `interview_period` mix Finnish and English in one string
    (for the file's readers); the sentence says both in the language instead.
    """
    from ..report import as_of
    from ..views import as_of_text

    source = dataset.source
    made = _(
        "From the report “{title}” by {authors} ({date}), commissioned by the Digital and "
        "Population Data Services Agency (DVV)."
    ).format(title=source.title, authors=_(" and ").join(source.authors), date=day(source.date))
    return f"{made} {as_of_text(as_of(source))}"


def generator_line(dataset: Dataset) -> str:
    """Which digituki and dataset schema made the file, and that quotes are in Finnish."""
    made = _("Made with digituki {version} (dataset schema version {schema}).").format(
        version=__version__, schema=dataset.schema_version
    )
    return f"{made} {_(REPORT_LANGUAGE_NOTE)}"


SUMMARY_ATTRIBUTES = (
    (N_("General support"), "general_support"),
    (N_("Funding after the project"), "funding"),
    (N_("Channels"), "channels"),
)


def summary_tallies(regions: Sequence[Region]) -> list[tuple[str, list[Tally]]]:
    """For each summary attribute (general support, funding, channels), its title in the
    language and, for each of its codebook values, the regions that have it."""
    return [(_(title), tally(regions, ATTRIBUTE_BY_KEY[key])) for title, key in SUMMARY_ATTRIBUTES]
