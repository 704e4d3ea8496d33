"""Query results -> `Output` (what each format shows); render.py does the formatting.

Every view takes the `Labels` of the language chosen for people: table and Markdown show
labels, headings, codebook values and region names in it. JSON and CSV keep the stable
English codes and keys whatever the language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import _, integer, ngettext, percent
from .lookup import Place
from .model import DescribedEnum, Region, SectionName, Statistics, to_jsonable
from .queries import (
    ATTRIBUTE_BY_KEY,
    ATTRIBUTES,
    LIST_COLUMNS,
    Attribute,
    AttributeValue,
    Attribution,
    Comparison,
    Gap,
    GapReport,
    Match,
    Matrix,
    Reason,
    Residents,
)
from .render import (
    Bar,
    Bars,
    Grid,
    Heading,
    Line,
    Output,
    Pair,
    Pairs,
    Prose,
    Side,
    Snippet,
    cell,
)
from .translations import UI, Labels
from .views_context import (
    CONTEXT_COLUMNS,
    attribution_line,
    context_cells,
    place_blocks,
    residents_blocks,
    residents_line,
)
from .vocabulary import GapKind

if TYPE_CHECKING:
    from .search import Hit
    from .search import Results as SearchResults
    from .stats import FieldCounts

# English, for the export (which stays in English).
REPORT_LANGUAGE_NOTE = UI["report_language"]["en"]


def region_json(region: Region) -> dict[str, Any]:
    """A region as in the dataset: the stable JSON shape for scripts."""
    data: dict[str, Any] = to_jsonable(region)
    return data


def _csv_cell(value: object) -> str:
    # Sets are joined with ';' so that a spreadsheet keeps them in one cell.
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return "" if value is None else cell(value)


CSV_HEADER = ("id", *(a.key for a in ATTRIBUTES), *CONTEXT_COLUMNS)


def csv_rows(regions: Sequence[Region]) -> list[list[str]]:
    """One row per region, one column per attribute then the context (CSV_HEADER), sets
    joined with ';'."""
    return [[r.id, *(_csv_cell(a.get(r)) for a in ATTRIBUTES), *context_cells(r)] for r in regions]


def value_text(labels: Labels, attribute: Attribute, value: AttributeValue) -> str:
    """An attribute's value as people read it in the language: codebook values by label."""
    if isinstance(value, bool):
        return labels.yes_no(value)
    codebook = attribute.codebook.__name__ if attribute.codebook else None
    if codebook is None:
        return cell(value)
    if isinstance(value, tuple):
        return "\n".join(labels.code(codebook, v) for v in value) if value else cell(value)
    return labels.code(codebook, value) if isinstance(value, str) else cell(value)


def _cell(labels: Labels, attribute: Attribute, region: Region) -> str:
    if attribute.key == "name":
        return labels.name(region.short_names)
    return value_text(labels, attribute, attribute.get(region))


def _region_output(regions: Sequence[Region], blocks: list[Any], data: Any) -> Output:
    return Output(
        blocks=blocks, data=data, csv_header=CSV_HEADER, csv_rows=lambda: csv_rows(regions)
    )


def list_view(regions: Sequence[Region], labels: Labels, summary: str | None = None) -> Output:
    columns = [ATTRIBUTE_BY_KEY[key] for key in LIST_COLUMNS]
    mark = labels("list.not_interviewed_mark")
    rows = []
    for region in regions:
        values = [_cell(labels, a, region) for a in columns]
        if not region.interviewed:
            values[1:] = [mark] * (len(values) - 1)
        rows.append(tuple(values))
    # Short headers keep the one-word columns narrow enough for 80 columns.
    headers = tuple(labels("list.col." + key) for key in LIST_COLUMNS)
    blocks: list[Any] = [Grid(headers, tuple(rows))]
    interviewed = sum(r.interviewed for r in regions)
    default_summary = labels("list.summary", count=len(regions), interviewed=interviewed)
    blocks.append(Line(summary or default_summary, dim=True))
    if interviewed < len(regions):
        blocks.append(Line(labels("list.not_interviewed_legend"), dim=True))
    return _region_output(regions, blocks, lambda: [region_json(r) for r in regions])


# --- show ---

# The attributes that classify a region (the rest identify it).
CLASSIFIED = [a for a in ATTRIBUTES if a.group is not None]


def _pair(attribute: Attribute, region: Region, evidence: bool, labels: Labels) -> Pair:
    label = labels.attribute(attribute.key)
    value = _cell(labels, attribute, region)
    if not evidence:
        return Pair(label, value)
    quotes: list[str] = []
    notes: list[str] = []
    items = attribute.evidence(region)
    for item in items:
        member = f"[{_member_label(labels, item.value)}] " if len(items) > 1 else ""
        quotes.extend(member + q for q in item.evidence)
        if item.note:
            notes.append(member + item.note)
    return Pair(label, value, tuple(quotes), " ".join(notes) or None)


def _member_label(labels: Labels, value: object) -> str:
    return labels.enum(value) if isinstance(value, DescribedEnum) else str(value)


def classification(
    region: Region, labels: Labels, evidence: bool = True, group: str | None = None
) -> tuple[Pair, ...]:
    """The region's classified values (of one group of the report, if given) as label/value pairs."""
    attributes = [a for a in CLASSIFIED if group is None or a.group == group]
    return tuple(_pair(a, region, evidence, labels) for a in attributes)


def show_view(
    shown: Sequence[Region | Place],
    evidence: bool,
    section: SectionName | None,
    labels: Labels,
    statistics: Statistics | None = None,
) -> Output:
    """Regions in full; a Place also says which of the region's municipalities were named.
    With `statistics`, each region's code, population and municipalities, with their source."""
    places = [item if isinstance(item, Place) else Place(item) for item in shown]
    regions = [place.region for place in places]
    blocks: list[Any] = []
    for place in places:
        before, context = place_blocks(place, statistics)
        blocks += [*before, *_show_blocks(place.region, evidence, section, labels, context)]

    def data() -> Any:
        objects = [region_json(r) for r in regions]
        return objects[0] if len(objects) == 1 else objects

    return _region_output(regions, blocks, data)


def _show_blocks(
    region: Region,
    evidence: bool,
    section: SectionName | None,
    labels: Labels,
    context: Sequence[Line] = (),
) -> list[Any]:
    names = region.names
    where = labels("show.where", page=region.page) if region.page else labels("show.not_in_report")
    other = [*labels.other_names(names), labels.enum(region.kind), where]
    blocks: list[Any] = [
        Heading(f"{labels.name(region.short_names)} — {labels.name(names)}"),
        Line(" · ".join(other), dim=True),
    ]
    if region.aliases:
        blocks.append(Line(labels("show.aliases", names=", ".join(region.aliases)), dim=True))
    blocks += context
    group = section.group if section else None
    blocks.append(Heading(labels("show.classification"), level=2))
    pairs = classification(region, labels, evidence, group)
    note = labels("note")
    blocks.append(Pairs(pairs, note_prefix=note))
    if not region.interviewed:
        blocks.append(Line(labels("show.not_interviewed")))
    for remark in region.notes:
        blocks.append(Line(note + remark, dim=True))
    if labels.lang != "en" and (region.notes or any(p.note for p in pairs)):
        blocks.append(Line(labels("notes_in_english"), dim=True))
    texts = [(n, s) for n, s in region.sections.present() if section is None or n is section]
    if texts:
        blocks.append(Heading(labels("show.report_text"), level=2))
        blocks.append(Line(labels("report_language"), dim=True))
        for _, sec in texts:
            title = labels("show.section_title", heading=sec.heading, page=sec.page)
            blocks.append(Prose(title, tuple(sec.text.split("\n\n"))))
    elif section is not None and region.interviewed:
        blocks.append(Line(labels("show.no_section", heading=repr(section.report_heading))))
    return blocks


# --- filter ---


def reason_text(reason: Reason, labels: Labels) -> str:
    """A condition that a region met, in the language ("channel email", "sähköposti (kanava)")."""
    what = labels("cond." + reason.what)
    if reason.value is None:
        return what
    return labels("filter.reason", what=what, value=labels.enum(reason.value))


def filter_view(
    matches: Sequence[Match], evidence: bool, labels: Labels, residents: Residents | None = None
) -> Output:
    """The matching regions as `list` shows them, with (if given) their residents."""
    regions = [m.region for m in matches]
    count = len(matches)
    summary = labels("filter.matches.one" if count == 1 else "filter.matches.other", count=count)
    output = list_view(regions, labels, summary=summary)
    if matches:
        output.blocks += residents_blocks(residents)
    if evidence:
        for match in matches:
            output.blocks.append(Heading(labels("filter.why", id=match.region.id), level=2))
            output.blocks.append(
                Pairs(
                    tuple(
                        Pair(
                            reason_text(reason, labels),
                            "",
                            reason.item.evidence if reason.item else (),
                            reason.item.note if reason.item else None,
                        )
                        for reason in match.reasons
                    ),
                    note_prefix=labels("note"),
                )
            )
        output.data = lambda: [
            {
                **region_json(m.region),
                "match_evidence": [
                    {
                        "condition": r.condition,
                        "evidence": list(r.item.evidence) if r.item else [],
                    }
                    for r in m.reasons
                ],
            }
            for m in matches
        ]
    return output


# --- compare ---


def compare_view(comparison: Comparison, labels: Labels) -> Output:
    regions = comparison.regions
    rows = tuple(
        (
            ("≠ " if differ else "  ") + labels.attribute(attribute.key),
            *(value_text(labels, attribute, v) for v in values),
        )
        for attribute, values, differ in comparison.rows
    )
    differing = frozenset(i for i, (_, _, differ) in enumerate(comparison.rows) if differ)
    grid = Grid(
        ("", *(labels.name(r.short_names) for r in regions)),
        rows,
        emphasised_rows=differing,
        caption=labels("compare.caption", differ=len(differing), total=len(rows)),
    )
    return _region_output(regions, [grid], lambda: [region_json(r) for r in regions])


def matrix_view(matrices: Sequence[Matrix], labels: Labels) -> Output:
    blocks: list[Any] = []
    header: list[str] = ["id"]
    by_region: dict[str, list[str]] = {}
    for matrix in matrices:
        codes = [m.value for m in matrix.members]
        columns = ("", *(_short(code) for code in codes))
        rows = tuple(
            (labels.name(region.short_names), *("●" if code in values else "·" for code in codes))
            for region, values in matrix.rows
        )
        legend = "  ".join(
            labels("matrix.legend", short=_short(m.value), label=labels.enum(m))
            for m in matrix.members
        )
        title = labels.attribute(matrix.key)
        blocks.append(Grid(columns, rows, title=title, caption=legend))
        header += [f"{matrix.key}:{code}" for code in codes]
        for region, values in matrix.rows:
            by_region.setdefault(region.id, []).extend(
                "yes" if code in values else "no" for code in codes
            )
    data = {
        region_id: dict(zip(header[1:], flags, strict=True))
        for region_id, flags in by_region.items()
    }
    csv_rows = [[region_id, *flags] for region_id, flags in by_region.items()]
    return Output(blocks=blocks, data=data, csv_header=header, csv_rows=csv_rows)


def _short(code: str) -> str:
    """A column code short enough for a matrix that fits 80 columns."""
    parts = code.split("-")
    return (parts[0][:3] + (parts[1][:2] if len(parts) > 1 else "")).lower()


# --- gaps ---


def gap_detail(gap: Gap, labels: Labels) -> str:
    """What a gap is about, in the language (the English text is `gap.detail`)."""
    key = "gap.detail." + gap.kind.value
    named = ", ".join(labels.enum(v) for v in gap.values)
    if gap.kind is GapKind.NO_GENERAL_SUPPORT:
        return labels(key, targets=named)
    if gap.kind is GapKind.NO_REMOTE_CHANNEL:
        return labels(key, channels=named or labels("gap.detail.no-channels"))
    if gap.kind is GapKind.MISSING_SECTION and gap.values:
        heading = gap.values[0]
        assert isinstance(heading, SectionName)
        return labels(key, heading=repr(heading.report_heading))
    return labels(key)


def gaps_view(report: GapReport, labels: Labels) -> Output:
    columns = ("id", "gap", "detail", "evidence")
    rows = tuple(
        (
            gap.region.id,
            labels.enum(gap.kind),
            gap_detail(gap, labels),
            " / ".join(gap.evidence) or "-",
        )
        for gap in report.gaps
    )
    grid = Grid(tuple(labels("gaps.col." + c) for c in columns), rows)
    summary = []
    for kind, count, total, of_what in report.summary:
        description = labels.describe(kind)
        key = "gaps.summary.regions" if of_what == "regions" else "gaps.summary.interviewed"
        text = labels(
            key, count=count, total=total, description=description[0].lower() + description[1:]
        )
        summary.append(Line(text))
        if count and kind in report.residents:
            summary.append(Line("  " + residents_line(report.residents[kind])))
    if report.residents:
        source = next(iter(report.residents.values())).attribution
        summary.append(Line(attribution_line(source), dim=True))
    data = [
        {"id": g.region.id, "gap": g.kind.value, "detail": g.detail, "evidence": list(g.evidence)}
        for g in report.gaps
    ]
    csv_rows = [[g.region.id, g.kind.value, g.detail, " / ".join(g.evidence)] for g in report.gaps]
    return Output(blocks=[grid, *summary], data=data, csv_header=list(columns), csv_rows=csv_rows)


# --- search ---


def search_view(results: SearchResults, labels: Labels) -> Output:
    """Hits grouped by region (regions in the order of their best hit); JSON best first."""
    groups: dict[str, list[Hit]] = {}
    for hit in results.hits:
        groups.setdefault(hit.region.id, []).append(hit)
    blocks: list[Any] = []
    for hits in groups.values():
        region = hits[0].region
        name = labels.name(region.short_names)
        blocks.append(Heading(labels("search.heading", name=name, id=region.id)))
        blocks += [
            Snippet(
                labels(
                    "search.hit",
                    heading=hit.section.report_heading,
                    page=hit.page,
                    score=labels.number(hit.score, 2),
                ),
                hit.snippet,
                hit.marks,
            )
            for hit in hits
        ]
    shown, total = len(results.hits), results.total
    if shown == total:
        count = labels("search.count.one" if total == 1 else "search.count.other", count=total)
    else:
        count = labels("search.count.shown", shown=shown, total=total)
    readings = "; ".join(
        f"{word} → {', '.join(lemmas) or '-'}" if (word,) != lemmas else word
        for word, lemmas in results.readings
    )
    blocks.append(Line(labels("search.summary", count=count, readings=readings), dim=True))
    if shown < total:
        blocks.append(Line(labels("search.limit_hint", total=total), dim=True))
    blocks.append(Line(labels("report_language"), dim=True))
    data = [
        {
            "id": hit.region.id,
            "section": hit.section.value,
            "page": hit.page,
            "snippet": hit.snippet,
            "score": hit.score,
        }
        for hit in results.hits
    ]
    csv_rows = [
        [hit.region.id, hit.section.value, str(hit.page), f"{hit.score:.3f}", hit.snippet]
        for hit in results.hits
    ]
    return Output(
        blocks=blocks,
        data=data,
        csv_header=["id", "section", "page", "score", "snippet"],
        csv_rows=csv_rows,
    )


# --- stats ---

# The overview in two columns, so that it fits one screen.
_OVERVIEW_COLUMNS = (
    ("general_support", "funding", "professional_duty", "providers"),
    ("channels", "partners"),
)


def stats_view(
    stats: Sequence[FieldCounts],
    detailed: bool,
    labels: Labels,
    weighted: Attribution | None = None,
) -> Output:
    """Bar charts of the counts; `weighted` (the population figures' source) weights each
    region by its residents instead, as a share of the interviewed regions' residents."""

    def chart(field: FieldCounts, label_width: int = 0) -> Bars:
        counts = field.counts
        if weighted is not None and field.several:
            counts = tuple(sorted(counts, key=lambda c: -c.residents))
        rows = tuple(
            Bar(
                labels.enum(c.value),
                c.residents if weighted else len(c.regions),
                field.residents if weighted else field.total,
                labels.describe(c.value) if detailed else None,
                percent(c.residents / field.residents) if weighted and field.residents else None,
            )
            for c in counts
        )
        return Bars(
            labels.attribute(field.key),
            rows,
            width=20 if detailed else 10,
            label_width=label_width,
            count_heading=_("residents") if weighted else labels("stats.col.regions"),
            note_heading=labels("stats.col.meaning"),
        )

    by_key = {field.key: field for field in stats}
    blocks: list[Any] = []
    if detailed or set(by_key) != {k for column in _OVERVIEW_COLUMNS for k in column}:
        blocks += [chart(field) for field in stats]
    else:
        columns = []
        for keys in _OVERVIEW_COLUMNS:
            width = max(len(labels.enum(c.value)) for k in keys for c in by_key[k].counts)
            columns.append(tuple(chart(by_key[k], width) for k in keys))
        blocks.append(Side(tuple(columns)))
    total = stats[0].total if stats else 0
    if weighted is None:
        blocks.append(Line(labels("stats.footer", total=total), dim=True))
    else:
        residents = stats[0].residents if stats else 0
        footer = ngettext(
            "Shares of the {residents} residents of the {count} interviewed region.",
            "Shares of the {residents} residents of the {count} interviewed regions.",
            total,
        ).format(residents=integer(residents), count=total)
        blocks.append(Line(footer, dim=True))
        blocks.append(Line(attribution_line(weighted), dim=True))
    rows = [(field, c) for field in stats for c in field.counts]
    header = ["field", "value", "count", "of", "regions"]
    data: list[dict[str, Any]] = [
        {
            "field": field.key,
            "value": c.value.value,
            "count": len(c.regions),
            "of": field.total,
            "regions": list(c.regions),
        }
        for field, c in rows
    ]
    csv_rows = [
        [field.key, c.value.value, str(len(c.regions)), str(field.total), ";".join(c.regions)]
        for field, c in rows
    ]
    if weighted is not None and weighted.date is not None:
        header += ["residents", "residents_of", "population_date"]
        date = weighted.date.isoformat()
        for (field, c), record, row in zip(rows, data, csv_rows, strict=True):
            record.update(residents=c.residents, residents_of=field.residents, population_date=date)
            row += [str(c.residents), str(field.residents), date]
    return Output(blocks=blocks, data=data, csv_header=header, csv_rows=csv_rows)
