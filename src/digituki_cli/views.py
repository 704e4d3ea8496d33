"""Query results -> `Output` (what each format shows); render.py does the formatting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import Region, SectionName, to_jsonable
from .queries import (
    ATTRIBUTE_BY_KEY,
    ATTRIBUTES,
    LIST_COLUMNS,
    Attribute,
    Comparison,
    GapReport,
    Match,
    Matrix,
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

if TYPE_CHECKING:
    from .search import Hit
    from .search import Results as SearchResults
    from .stats import FieldCounts

NOT_INTERVIEWED_MARK = "n/a"
REPORT_LANGUAGE_NOTE = "The report's text is quoted in Finnish, as published."


def region_json(region: Region) -> dict[str, Any]:
    """A region as in the dataset: the stable JSON shape for scripts."""
    data: dict[str, Any] = to_jsonable(region)
    return data


def _csv_cell(value: object) -> str:
    # Sets are joined with ';' so that a spreadsheet keeps them in one cell.
    if isinstance(value, tuple):
        return ";".join(str(v) for v in value)
    return "" if value is None else cell(value)


CSV_HEADER = ("id", *(a.key for a in ATTRIBUTES))


def csv_rows(regions: Sequence[Region]) -> list[list[str]]:
    """One row per region, one column per attribute (CSV_HEADER), sets joined with ';'."""
    return [[r.id, *(_csv_cell(a.get(r)) for a in ATTRIBUTES)] for r in regions]


def _region_output(regions: Sequence[Region], blocks: list[Any], data: Any) -> Output:
    return Output(
        blocks=blocks, data=data, csv_header=CSV_HEADER, csv_rows=lambda: csv_rows(regions)
    )


def list_view(regions: Sequence[Region], summary: str | None = None) -> Output:
    columns = [ATTRIBUTE_BY_KEY[key] for key in LIST_COLUMNS]
    rows = []
    for region in regions:
        values = [cell(a.get(region)) for a in columns]
        if not region.interviewed:
            values[1:] = [NOT_INTERVIEWED_MARK] * (len(values) - 1)
        rows.append(tuple(values))
    # Short headers keep the one-word columns narrow enough for 80 columns.
    headers = ("Name", "General", "Funding", "Channels", "Partners")
    blocks: list[Any] = [Grid(headers, tuple(rows))]
    interviewed = sum(r.interviewed for r in regions)
    blocks.append(Line(summary or f"{len(regions)} regions, {interviewed} interviewed", dim=True))
    if interviewed < len(regions):
        blocks.append(
            Line(
                f"{NOT_INTERVIEWED_MARK}: not interviewed; the report does not describe the region",
                dim=True,
            )
        )
    return _region_output(regions, blocks, lambda: [region_json(r) for r in regions])


# --- show ---

_SECTION_GROUP = {
    SectionName.SERVICE_SUPPORT: "service_support",
    SectionName.GENERAL_SUPPORT: "general_support",
    SectionName.COOPERATION: "cooperation",
    SectionName.ORGANISATION_FUNDING: "funding",
}
# The attributes that classify a region (the rest identify it).
CLASSIFIED = [a for a in ATTRIBUTES if a.key not in ("name", "kind", "interviewed", "page")]
_GROUP_OF_ATTRIBUTE = {
    "general_support": "general_support",
    "referral_targets": "general_support",
    "assisted_authorization": "general_support",
    "channels": "service_support",
    "providers": "service_support",
    "professional_duty": "service_support",
    "plain_language": "service_support",
    "guide_languages": "service_support",
    "partners": "cooperation",
    "funding": "funding",
    "project_funded": "funding",
    "responsible_unit": "funding",
}


def _pair(attribute: Attribute, region: Region, evidence: bool) -> Pair:
    value = cell(attribute.get(region))
    if not evidence:
        return Pair(attribute.label, value)
    quotes: list[str] = []
    notes: list[str] = []
    for item in attribute.evidence(region):
        member = f"[{item.value}] " if len(attribute.evidence(region)) > 1 else ""
        quotes.extend(member + q for q in item.evidence)
        if item.note:
            notes.append(member + item.note)
    return Pair(attribute.label, value, tuple(quotes), " ".join(notes) or None)


def classification(
    region: Region, evidence: bool = True, group: str | None = None
) -> tuple[Pair, ...]:
    """The region's classified values (of one group of the report, if given) as label/value pairs."""
    attributes = [a for a in CLASSIFIED if group is None or _GROUP_OF_ATTRIBUTE[a.key] == group]
    return tuple(_pair(a, region, evidence) for a in attributes)


def show_view(regions: Sequence[Region], evidence: bool, section: SectionName | None) -> Output:
    blocks: list[Any] = []
    for region in regions:
        blocks += _show_blocks(region, evidence, section)

    def data() -> Any:
        objects = [region_json(r) for r in regions]
        return objects[0] if len(objects) == 1 else objects

    return _region_output(regions, blocks, data)


def _show_blocks(region: Region, evidence: bool, section: SectionName | None) -> list[Any]:
    names = region.names
    where = f"report p. {region.page}" if region.page else "not in the report"
    blocks: list[Any] = [
        Heading(f"{region.short_names.fi} — {names.fi}"),
        Line(f"{names.sv} · {names.en} · {region.kind.value} · {where}", dim=True),
    ]
    if region.aliases:
        blocks.append(Line("Also known as: " + ", ".join(region.aliases), dim=True))
    group = _SECTION_GROUP[section] if section else None
    blocks.append(Heading("Classification", level=2))
    blocks.append(Pairs(classification(region, evidence, group)))
    if not region.interviewed:
        blocks.append(Line("Not interviewed: the report does not describe this region."))
    for note in region.notes:
        blocks.append(Line("Note: " + note, dim=True))
    texts = [(n, s) for n, s in region.sections.present() if section is None or n is section]
    if texts:
        blocks.append(Heading("Report text", level=2))
        blocks.append(Line(REPORT_LANGUAGE_NOTE, dim=True))
        for _, sec in texts:
            blocks.append(Prose(f"{sec.heading} (p. {sec.page})", tuple(sec.text.split("\n\n"))))
    elif section is not None and region.interviewed:
        blocks.append(
            Line(f"The report has no section {section.report_heading!r} for this region.")
        )
    return blocks


# --- filter ---


def filter_view(matches: Sequence[Match], evidence: bool) -> Output:
    regions = [m.region for m in matches]
    count = len(matches)
    output = list_view(
        regions,
        summary=f"{count} region{'s' if count != 1 else ''} match{'es' if count == 1 else ''}",
    )
    if evidence:
        for match in matches:
            output.blocks.append(Heading(f"{match.region.id}: why it matches", level=2))
            output.blocks.append(
                Pairs(
                    tuple(
                        Pair(
                            reason.condition,
                            "",
                            reason.item.evidence if reason.item else (),
                            reason.item.note if reason.item else None,
                        )
                        for reason in match.reasons
                    )
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


def compare_view(comparison: Comparison) -> Output:
    regions = comparison.regions
    rows = tuple(
        (("≠ " if differ else "  ") + attribute.label, *(cell(v) for v in values))
        for attribute, values, differ in comparison.rows
    )
    differing = frozenset(i for i, (_, _, differ) in enumerate(comparison.rows) if differ)
    grid = Grid(
        ("", *(r.short_names.fi for r in regions)),
        rows,
        emphasised_rows=differing,
        caption=f"≠ marks the {len(differing)} of {len(rows)} attributes that differ.",
    )
    return _region_output(regions, [grid], lambda: [region_json(r) for r in regions])


def matrix_view(matrices: Sequence[Matrix]) -> Output:
    blocks: list[Any] = []
    header: list[str] = ["id"]
    by_region: dict[str, list[str]] = {}
    for matrix in matrices:
        codes = [m.value for m in matrix.members]
        columns = ("", *(_short(code) for code in codes))
        rows = tuple(
            (region.short_names.fi, *("●" if code in values else "·" for code in codes))
            for region, values in matrix.rows
        )
        legend = "  ".join(f"{_short(code)}={code}" for code in codes)
        blocks.append(Grid(columns, rows, title=matrix.title, caption=legend))
        header += [f"{matrix.title.lower()}:{code}" for code in codes]
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


def gaps_view(report: GapReport) -> Output:
    rows = tuple(
        (gap.region.id, gap.kind.value, gap.detail, " / ".join(gap.evidence) or "-")
        for gap in report.gaps
    )
    grid = Grid(("id", "gap", "detail", "evidence"), rows)
    summary = [
        Line(f"{count} of {total} {of_what}: {kind.description[0].lower()}{kind.description[1:]}")
        for kind, count, total, of_what in report.summary
    ]
    data = [
        {"id": g.region.id, "gap": g.kind.value, "detail": g.detail, "evidence": list(g.evidence)}
        for g in report.gaps
    ]
    return Output(
        blocks=[grid, *summary],
        data=data,
        csv_header=["id", "gap", "detail", "evidence"],
        csv_rows=[list(row) for row in rows],
    )


# --- search ---


def search_view(results: SearchResults) -> Output:
    """Hits grouped by region (regions in the order of their best hit); JSON best first."""
    groups: dict[str, list[Hit]] = {}
    for hit in results.hits:
        groups.setdefault(hit.region.id, []).append(hit)
    blocks: list[Any] = []
    for hits in groups.values():
        region = hits[0].region
        blocks.append(Heading(f"{region.short_names.fi} ({region.id})"))
        blocks += [
            Snippet(
                f"{hit.section.report_heading} · p. {hit.page} · score {hit.score:.2f}",
                hit.snippet,
                hit.marks,
            )
            for hit in hits
        ]
    shown, total = len(results.hits), results.total
    if shown == total:
        count = "1 section matches" if total == 1 else f"{total} sections match"
    else:
        count = f"{shown} of {total} sections shown"
    readings = "; ".join(
        f"{word} → {', '.join(lemmas) or '-'}" if (word,) != lemmas else word
        for word, lemmas in results.readings
    )
    blocks.append(Line(f"{count} · searched for {readings}", dim=True))
    if shown < total:
        blocks.append(Line(f"--limit {total} shows them all", dim=True))
    blocks.append(Line(REPORT_LANGUAGE_NOTE, dim=True))
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


def stats_view(stats: Sequence[FieldCounts], detailed: bool) -> Output:
    def chart(field: FieldCounts, label_width: int = 0) -> Bars:
        rows = tuple(
            Bar(
                c.value.value,
                len(c.regions),
                field.total,
                c.value.description if detailed else None,
            )
            for c in field.counts
        )
        return Bars(field.label, rows, width=20 if detailed else 10, label_width=label_width)

    by_key = {field.key: field for field in stats}
    blocks: list[Any] = []
    if detailed or set(by_key) != {k for column in _OVERVIEW_COLUMNS for k in column}:
        blocks += [chart(field) for field in stats]
    else:
        columns = []
        for keys in _OVERVIEW_COLUMNS:
            width = max(len(c.value.value) for k in keys for c in by_key[k].counts)
            columns.append(tuple(chart(by_key[k], width) for k in keys))
        blocks.append(Side(tuple(columns)))
    total = stats[0].total if stats else 0
    blocks.append(Line(f"Regions out of the {total} interviewed.", dim=True))
    rows = [(field, c) for field in stats for c in field.counts]
    data = [
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
    return Output(
        blocks=blocks,
        data=data,
        csv_header=["field", "value", "count", "of", "regions"],
        csv_rows=csv_rows,
    )
