"""The dataset as one self-contained, accessible HTML page: its view-model and its template.

The page (templates/report.html.j2) has a tile map of the regions coloured by one attribute
(--map-by) with a legend that lists the regions of each class (the list that phones show
instead of the map), summary tables, the feature matrix, and a card per region with its
classification, each quote once with the values it supports, and the report's text. Every
word is in the interface language and every codebook value is shown by its label. The
command line imports this module for --map-by's completion, so its top imports only light
modules; jinja2 is imported only when a page is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import _, day, describe, in_language, label
from ..text import ECHO_LIMIT, printable

if TYPE_CHECKING:
    from ..model import Dataset, DescribedEnum, Region
    from ..queries import Attribute, Matrix

NOT_INTERVIEWED = "not-interviewed"
YES, NOT_REPORTED = "yes", "not-reported"


@dataclass(frozen=True)
class MapClass:
    """A class of the map: its code (a codebook code, or yes, not-reported, not-interviewed),
    its label and its description in the interface language."""

    code: str
    label: str
    description: str


@dataclass(frozen=True)
class MapBy:
    """What the map is coloured by: a one-valued attribute, or one member of a set. `classify`
    gives a region's class code."""

    key: str
    title: str
    description: str
    classes: tuple[MapClass, ...]
    classify: Callable[[Region], str]


_MAP_SCALARS = {"funding": "funding", "general-support": "general_support"}
_MAP_SETS = {"channel": "channels", "partner": "partners"}


def map_by_choices() -> list[str]:
    """Every valid --map-by value: funding, general-support, channel:CODE, partner:CODE."""
    from ..queries import ATTRIBUTE_BY_KEY

    choices = list(_MAP_SCALARS)
    for prefix, key in _MAP_SETS.items():
        codebook = ATTRIBUTE_BY_KEY[key].codebook
        assert codebook is not None
        choices += [f"{prefix}:{m.value}" for m in codebook]
    return choices


def parse_map_by(text: str | None) -> MapBy:
    """funding (the default), general-support, channel:CODE or partner:CODE, with the map's
    title, description and classes in the interface language.

    Raises UsageError (exit 2, listing the valid values) for anything else."""
    from ..i18n import codebook_description
    from ..model import Answer
    from ..queries import ATTRIBUTE_BY_KEY, Reason, has_value
    from ..views import attribute_label, reason_text

    key = ("funding" if text is None else text).strip().lower()
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
            named = reason_text(Reason(prefix, None, member))  # "channel chat", "chat (kanava)"
            return MapBy(
                key,
                named,
                describe(member),
                (
                    MapClass(
                        YES,
                        label(Answer.YES),
                        _("The report names {what} for the region.").format(what=named),
                    ),
                    MapClass(
                        NOT_REPORTED,
                        label(Answer.NOT_REPORTED),
                        _("The report does not name {what} for the region.").format(what=named),
                    ),
                    not_interviewed,
                ),
                lambda r: (
                    NOT_INTERVIEWED
                    if not r.interviewed
                    else YES
                    if has_value(set_attribute, r, member.value)
                    else NOT_REPORTED
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


# --- the map ---

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
# The tiles' label size in the map's own units. The map is drawn at most at its natural
# width and hidden below 40rem (640 px), where the legend's list stands in for it: there a
# 13-unit label is still 12 px, above the 11 px that the tests require.
TILE_FONT = 13

# Fills chosen for dark text (contrast >= 4.5:1) and for colour-blind readers (blue/orange).
CLASS_COLOURS = {
    "offered": "#5fa2dd",
    "regular-budget": "#7fb8e6",
    YES: "#7fb8e6",
    "limited": "#b9dbf4",
    "under-review": "#f7d774",
    "unclear": "#f5a54a",
    "not-offered": "#f5a54a",
    NOT_REPORTED: "#dfe3e8",
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
    """A class of the map as drawn: its colour, its marker path (stroked for the cross of
    the regions not interviewed) and the regions in it."""

    map_class: MapClass
    colour: str
    marker: str
    stroked: bool
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class Tile:
    """A region's tile: its class, its top-left corner in map units, its label's lines."""

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
    """A tile's label in lines short enough for it: split after hyphens, then after spaces.
    Joined, the lines are the name again (a link's visible text must match its name)."""
    if len(name) <= 11:
        return (name,)
    for mark in "- ":
        if mark in name:
            head, _, tail = name.partition(mark)
            return (head + mark, *_label_lines(tail))
    return (name,)


def _tiles(regions: Sequence[Region], legend: Sequence[LegendEntry]) -> list[Tile]:
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
        name = in_language(region.short_names)
        tiles.append(Tile(region, entry_of[region.id], x, y, _label_lines(name)))
    return tiles


# --- the feature matrix ---


@dataclass(frozen=True)
class MatrixColumn:
    """A value of the matrix's set, with how many regions have it."""

    member: DescribedEnum
    count: int


@dataclass(frozen=True)
class MatrixRow:
    """A region's row: whether it has each column's value, and how many it has."""

    region: Region
    cells: tuple[bool, ...]
    total: int


@dataclass(frozen=True)
class MatrixTable:
    """A set-valued attribute's feature matrix: its label, its columns, a row per region."""

    title: str
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]


def _matrix_table(matrix: Matrix) -> MatrixTable:
    from ..views import attribute_label

    rows = tuple(
        MatrixRow(row.region, tuple(m.value in row.codes for m in matrix.members), len(row.codes))
        for row in matrix.rows
    )
    columns = tuple(
        MatrixColumn(member, sum(row.cells[i] for row in rows))
        for i, member in enumerate(matrix.members)
    )
    return MatrixTable(attribute_label(matrix.key), columns, rows)


# --- the regions' cards ---


@dataclass(frozen=True)
class Quote:
    """A quote of the report, shown once for an attribute, with the page its section starts
    on and the labels of the values it supports (empty when the attribute has one value)."""

    text: str
    page: int | None
    supports: tuple[str, ...]


@dataclass(frozen=True)
class Classified:
    """An attribute of a card: its label, its values' labels, each quote once, the notes."""

    label: str
    values: tuple[str, ...]
    quotes: tuple[Quote, ...]
    notes: tuple[str, ...]


def classified(region: Region, attribute: Attribute) -> Classified:
    """The attribute's values on the region's card, with each distinct quote once and the
    values it supports (a quote that names five partners is shown once, not five times)."""
    from ..model import Answer, DescribedEnum
    from ..queries import quote_page
    from ..views import attribute_label, note_text, provenance

    items = [i for i in attribute.evidence(region) if i.value is not None]

    def shown(value: object) -> str:
        return label(value) if isinstance(value, DescribedEnum) else str(value)

    # A value a newer source gave says its date and source: "regular-budget (2026-01-15, ...)".
    values = tuple(
        " ".join(part for part in (shown(i.value), provenance(i)) if part) for i in items
    ) or (label(Answer.NOT_REPORTED),)
    several = len(items) > 1
    supported: dict[str, list[str]] = {}
    for item in items:
        for quote in item.evidence:
            supported.setdefault(quote, []).append(shown(item.value))
    quotes = tuple(
        Quote(quote, quote_page(region, quote), tuple(labels) if several else ())
        for quote, labels in supported.items()
    )
    notes = tuple(
        (f"{shown(i.value)}: " if several else "") + note_text(i.note) for i in items if i.note
    )
    return Classified(attribute_label(attribute.key), values, quotes, notes)


def to_html(dataset: Dataset, spec: MapBy) -> str:
    """One self-contained HTML file in the interface language: no scripts, fonts or anything
    else from the network (its Content-Security-Policy forbids them)."""
    import jinja2

    from .. import __version__
    from ..i18n import language, ngettext
    from ..model import Answer
    from ..queries import CLASSIFIED, feature_matrices, interviewed_first
    from ..views import NOTE_PREFIX, REPORT_LANGUAGE_NOTE, note_text
    from .text import REPORT_TITLE, counts_line, generator_line, source_line, summary_tallies

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
        name_of=in_language,
        note_of=note_text,
        note_prefix=_(NOTE_PREFIX),
        lang=language(),
        title=_(REPORT_TITLE),
        version=__version__,
        source_line=source_line(dataset),
        generator_line=generator_line(dataset),
        counts_line=counts_line(len(interviewed), len(regions)),
        source=dataset.source,
        regions=regions,
        interviewed=interviewed,
        spec=spec,
        legend=legend,
        entry_of={r.id: e for e in legend for r in e.regions},
        tiles=tiles,
        tile_w=TILE_W,
        tile_h=TILE_H,
        tile_font=TILE_FONT,
        width=width,
        height=height,
        yes=label(Answer.YES),
        not_reported=label(Answer.NOT_REPORTED),
        matrices=[_matrix_table(m) for m in feature_matrices(interviewed)],
        summaries=summary_tallies(interviewed)[:2],
        cards={r.id: [classified(r, a) for a in CLASSIFIED] for r in interviewed},
        context_of={r.id: _context(r, dataset) for r in regions},
        statistics_line=_statistics_line(dataset),
        report_day=day(dataset.source.date),
        language_note=_(REPORT_LANGUAGE_NOTE),
    )


def _context(region: Region, dataset: Dataset) -> list[str]:
    """A card's lines of code, population and municipalities (as `show` gives them), without
    their source, which the footer says once (_statistics_line)."""
    from ..lookup import Place
    from ..views_context import place_blocks

    _before, after = place_blocks(Place(region), dataset.statistics)
    return [line.text for line in after[:-1]]


def _statistics_line(dataset: Dataset) -> str | None:
    """Where the codes, municipalities and populations come from, once for the whole report."""
    from ..queries import attribution
    from ..views_context import attribution_line

    source = attribution(dataset.regions, dataset.statistics)
    return None if source is None else attribution_line(source)
