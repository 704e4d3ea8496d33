"""Query results -> `Output` (what each format shows); render.py does the formatting.

Views write every word people read, in the interface language (i18n.py): table and Markdown
show labels, headings, codebook values and region names in it. JSON and CSV keep the stable
English codes and keys whatever the language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .checks import from_report
from .glyphs import DIFFERS, ELLIPSIS, HAS, LACKS, LEADS_TO
from .i18n import (
    N_,
    _,
    describe,
    in_language,
    integer,
    label,
    language,
    ngettext,
    number,
    percent,
    pgettext,
    speaking,
)
from .lookup import Place
from .model import (
    Answer,
    DescribedEnum,
    Evidenced,
    Names,
    Note,
    Observation,
    Region,
    SectionName,
    Statistics,
    to_jsonable,
)
from .queries import (
    ATTRIBUTE_BY_KEY,
    ATTRIBUTES,
    CLASSIFIED,
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
    quotes,
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
    from .report import AsOf
    from .search import Hit, WordMatch
    from .search import Results as SearchResults
    from .stats import FieldCounts

# The label of each attribute (queries.ATTRIBUTES), as show, compare and stats title it.
ATTRIBUTE_LABELS = {
    "name": N_("Name"),
    "kind": N_("Kind"),
    "interviewed": N_("Interviewed"),
    "page": N_("Page"),
    "general_support": N_("General support"),
    "referral_targets": N_("Referred to"),
    "assisted_authorization": N_("Assisted mandates"),
    "channels": N_("Channels"),
    "providers": N_("Providers"),
    "professional_duty": N_("Professional duty"),
    "plain_language": N_("Plain language"),
    "guide_languages": N_("Guide languages"),
    "partners": N_("Partners"),
    "funding": N_("Funding after project"),
    "project_funded": N_("Project funded"),
    "responsible_unit": N_("Responsible unit"),
}
REPORT_LANGUAGE_NOTE = N_("The report's text is quoted in Finnish, as published.")
NOTE_PREFIX = N_("Note: ")


def attribute_label(key: str) -> str:
    """An attribute's label (ATTRIBUTE_LABELS) in the interface language."""
    return _(ATTRIBUTE_LABELS[key])


def other_names(names: Names) -> list[str]:
    """A region's names in the other two languages, in Finnish, Swedish, English order."""
    return [getattr(names, lang) for lang in ("fi", "sv", "en") if lang != language()]


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


def value_text(attribute: Attribute, value: AttributeValue) -> str:
    """An attribute's value as people read it in the language: codebook values by label, a
    set one member a line, no value as '-'."""
    if isinstance(value, bool):
        return label(Answer.YES if value else Answer.NO)
    codebook = attribute.codebook
    if codebook is None:
        return cell(value)
    if isinstance(value, tuple):
        return "\n".join(label(_member(codebook, v)) for v in value) if value else cell(value)
    return label(_member(codebook, value)) if isinstance(value, str) else cell(value)


def _member(codebook: type[DescribedEnum], code: str) -> DescribedEnum:
    """The codebook's member with this code."""
    return codebook._value2member_map_[code]  # type: ignore[return-value]


def _cell(attribute: Attribute, region: Region) -> str:
    if attribute.key == "name":
        return in_language(region.short_names)
    return value_text(attribute, attribute.get(region))


def _region_output(regions: Sequence[Region], blocks: list[Any], data: Any) -> Output:
    return Output(
        blocks=blocks, data=data, csv_header=CSV_HEADER, csv_rows=lambda: csv_rows(regions)
    )


def list_view(regions: Sequence[Region], summary: str | None = None) -> Output:
    """A row per region (name, general support, funding, channels, partners) and a count;
    a region the report does not describe shows a mark instead of its values."""
    columns = [ATTRIBUTE_BY_KEY[key] for key in LIST_COLUMNS]
    mark = _("n/a")
    rows = []
    for region in regions:
        values = [_cell(a, region) for a in columns]
        if not region.interviewed:
            values[1:] = [mark] * (len(values) - 1)
        rows.append(tuple(values))
    headers = _list_headers()
    blocks: list[Any] = [Grid(headers, tuple(rows))]
    interviewed = sum(r.interviewed for r in regions)
    default_summary = ngettext(
        "{count} region, {interviewed} interviewed",
        "{count} regions, {interviewed} interviewed",
        len(regions),
    ).format(count=len(regions), interviewed=interviewed)
    blocks.append(Line(summary or default_summary, dim=True))
    if interviewed < len(regions):
        legend = _("n/a: not interviewed; the report does not describe the region")
        blocks.append(Line(legend, dim=True))
    return _region_output(regions, blocks, lambda: [region_json(r) for r in regions])


def _list_headers() -> tuple[str, ...]:
    """The headers of LIST_COLUMNS: short words, so that the list fits 80 columns (the
    context tells them from the attributes' longer labels in the catalogue)."""
    return (
        pgettext("list column", "Name"),
        pgettext("list column", "General"),
        pgettext("list column", "Funding"),
        pgettext("list column", "Channels"),
        pgettext("list column", "Partners"),
    )


# --- show ---


def _pair(attribute: Attribute, region: Region, evidence: bool) -> Pair:
    title = attribute_label(attribute.key)
    value = _cell(attribute, region)
    items = attribute.evidence(region)
    if not all(from_report(item) for item in items):
        value = "\n".join(_dated(item) for item in items)
    if not evidence:
        return Pair(title, value)
    quotes = _supporting([(item.value, quote) for item in items for quote in item.evidence], items)
    notes = _supporting([(item.value, note_text(item.note)) for item in items if item.note], items)
    return Pair(title, value, quotes, " ".join(notes) or None)


def _supporting(
    texts: Sequence[tuple[object, str]], items: Sequence[Evidenced[object]]
) -> tuple[str, ...]:
    """Each quote (or note) once, in order, marked with the values it supports:
    "[phone, email, chat] myös puhelimitse, sähköpostitse sekä chat-palveluissa". A text
    that supports every value of the row needs no mark (nor does a row of one value)."""
    supports: dict[str, list[object]] = {}
    for value, text in texts:
        values = supports.setdefault(text, [])
        if value not in values:
            values.append(value)
    return tuple(
        text
        if len(values) == len(items)
        else "[" + ", ".join(_member_label(v) for v in values) + "] " + text
        for text, values in supports.items()
    )


def provenance(item: Observation[object]) -> str | None:
    """When and where a newer source says a value, "(2026-01-15, source kanta-hame-2026-01)";
    None for the report's values (the date of those is the report's)."""
    if from_report(item) or item.observed is None:
        return None
    return _("({date}, source {source})").format(date=item.observed.isoformat(), source=item.source)


def _dated(item: Evidenced[object]) -> str:
    """A value as show gives it, with its date and source when a newer source says it."""
    text = _member_label(item.value) if item.value is not None else "-"
    return " ".join(part for part in (text, provenance(item)) if part)


def note_text(note: Note) -> str:
    """A dataset note in the interface language."""
    return note.text(language())


def _member_label(value: object) -> str:
    return label(value) if isinstance(value, DescribedEnum) else str(value)


def classification(
    region: Region, evidence: bool = True, group: str | None = None
) -> tuple[Pair, ...]:
    """The region's classified values (of one group of the report, if given) as label/value
    pairs, with their quotes and notes when `evidence` is set."""
    attributes = [a for a in CLASSIFIED if group is None or a.group == group]
    return tuple(_pair(a, region, evidence) for a in attributes)


def show_view(
    shown: Sequence[Region | Place],
    evidence: bool,
    section: SectionName | None,
    statistics: Statistics | None = None,
) -> Output:
    """Regions in full: names, classification (with evidence if asked), notes and the
    report's text (of one section, if given). A Place also says which of the region's
    municipalities were named; with `statistics`, each region's code, population and
    municipalities, with their source. JSON: the region, or a list of them."""
    places = [item if isinstance(item, Place) else Place(item) for item in shown]
    regions = [place.region for place in places]
    blocks: list[Any] = []
    for place in places:
        before, context = place_blocks(place, statistics)
        blocks += [*before, *show_blocks(place.region, evidence, section, context=context)]

    def data() -> Any:
        objects = [region_json(r) for r in regions]
        return objects[0] if len(objects) == 1 else objects

    output = _region_output(regions, blocks, data)
    if evidence:  # CSV carries the evidence: one row per quote
        output.csv_header = EVIDENCE_HEADER
        output.csv_rows = lambda: evidence_rows(regions)
    return output


EVIDENCE_HEADER = ("id", "field", "value", "quote", "page", "note")


def evidence_rows(regions: Sequence[Region]) -> list[list[str]]:
    """One row per quote behind a classified value (EVIDENCE_HEADER): the region's id, the
    attribute's key, the value's code, the quote, the page its section starts on, the note."""
    return [
        [
            q.region.id,
            q.attribute.key,
            str(q.item.value),
            q.quote,
            "" if q.page is None else str(q.page),
            note_text(q.item.note) if q.item.note else "",
        ]
        for q in quotes(regions)
    ]


def show_blocks(
    region: Region,
    evidence: bool,
    section: SectionName | None,
    level: int = 1,
    context: Sequence[Line] = (),
) -> list[Any]:
    """What `show` prints of one region; headings start at `level` (the export nests them)."""
    if not region.interviewed:
        return undescribed_blocks(region, level, context)
    names = region.names
    where = (
        _("report p. {page}").format(page=region.page) if region.page else _("not in the report")
    )
    other = [*other_names(names), label(region.kind), where]
    blocks: list[Any] = [
        Heading(f"{in_language(region.short_names)} — {in_language(names)}", level),
        Line(" · ".join(other), dim=True),
    ]
    if region.aliases:
        aliases = _("Also known as: {names}").format(names=", ".join(region.aliases))
        blocks.append(Line(aliases, dim=True))
    blocks += context
    group = section.group if section else None
    blocks.append(Heading(_("Classification"), level + 1))
    pairs = classification(region, evidence, group)
    note = _(NOTE_PREFIX)
    blocks.append(Pairs(pairs, note_prefix=note))
    for remark in region.notes:
        blocks.append(Line(note + note_text(remark), dim=True))
    texts = [(n, s) for n, s in region.sections.present() if section is None or n is section]
    if texts:
        blocks.append(Heading(_("Report text"), level + 1))
        blocks.append(Line(_(REPORT_LANGUAGE_NOTE), dim=True))
        for _name, sec in texts:
            title = _("{heading} (p. {page})").format(heading=sec.heading, page=sec.page)
            blocks.append(Prose(title, tuple(sec.text.split("\n\n"))))
    elif section is not None and region.interviewed:
        heading = repr(section.report_heading)
        blocks.append(
            Line(_("The report has no section {heading} for this region.").format(heading=heading))
        )
    return blocks


def undescribed_blocks(region: Region, level: int = 1, context: Sequence[Line] = ()) -> list[Any]:
    """A region the report does not describe: that fact first, with all the report says of
    why regions are missing (report.MISSING_REGIONS, quoted), then only what is known (its
    names, id, kind, aliases, the `context` lines of code, population and municipalities,
    and the dataset's notes); no table of unreported values."""
    from .report import MISSING_REGIONS as why

    fact = _(
        "The report does not describe this region; of the missing regions it says only: "
        "“{quote}” ({chapter}, p. {page})"
    ).format(quote=why.text, chapter=why.chapter, page=why.page)
    known = [
        Pair(_("Names"), " · ".join(region.names.all())),
        Pair(_("Id"), region.id),
        Pair(attribute_label("kind"), label(region.kind)),
    ]
    if region.aliases:
        known.append(Pair(_("Also known as"), ", ".join(region.aliases)))
    note = _(NOTE_PREFIX)
    return [
        Heading(f"{in_language(region.short_names)} — {in_language(region.names)}", level),
        Line(fact),
        Pairs(tuple(known), note_prefix=note),
        *context,
        *(Line(note + note_text(remark), dim=True) for remark in region.notes),
    ]


# --- filter ---

CONDITION_LABELS = {
    "general_support": N_("general support"),
    "channel": N_("channel"),
    "provider": N_("provider"),
    "partner": N_("partner"),
    "professional_duty": N_("professional duty"),
    "funding": N_("funding"),
    "project_funded": N_("project funded"),
    "assisted_mandates": N_("assisted mandates"),
    "plain_language": N_("plain language"),
    "interviewed": N_("interviewed"),
    "not_interviewed": N_("not interviewed"),
}


def reason_text(reason: Reason) -> str:
    """A condition that a region met, in the language ("channel email", "sähköposti (kanava)")."""
    what = _(CONDITION_LABELS[reason.what])
    if reason.value is None:
        return what
    return _("{what} {value}").format(what=what, value=label(reason.value))


def reason_code(reason: Reason) -> str:
    """A condition as scripts get it in JSON, whatever the language: "channel email"."""
    code = reason.what.replace("_", " ")
    return code + (f" {reason.value.value}" if reason.value is not None else "")


def filter_view(
    matches: Sequence[Match],
    evidence: bool,
    match_any: bool = False,
    residents: Residents | None = None,
) -> Output:
    """The matching regions as `list` shows them, and how many meet every condition (or, with
    `match_any`, at least one). With `evidence`, why each one matches (match_evidence_view)."""
    regions = [m.region for m in matches]
    count = len(matches)
    if match_any:
        summary = ngettext(
            "{count} region meets at least one condition",
            "{count} regions meet at least one condition",
            count,
        )
    else:
        summary = ngettext("{count} region matches", "{count} regions match", count)
    output = list_view(regions, summary=summary.format(count=count))
    if matches:
        output.blocks += residents_blocks(residents)
    if evidence:
        match_evidence_view(output, matches)
    return output


def match_evidence_view(output: Output, matches: Sequence[Match]) -> None:
    """Add to a filter's output why each region matches: the conditions it met, with their
    quotes and notes (a heading and rows per region; conditions that rest on the same quotes
    share a row). JSON: `match_evidence` in each region, [{"condition", "evidence"}]; CSV:
    the columns `matched` (condition codes joined with ';') and `match_evidence` (their
    quotes once each, joined with ' / ')."""
    note = _(NOTE_PREFIX)
    for match in matches:
        heading = _("{id}: why it matches").format(id=match.region.id)
        output.blocks.append(Heading(heading, level=2))
        output.blocks.append(Pairs(_reason_pairs(match.reasons), note_prefix=note))

    def quoted(reason: Reason) -> tuple[str, ...]:
        return reason.item.evidence if reason.item else ()

    output.data = lambda: [
        {
            **region_json(m.region),
            "match_evidence": [
                {"condition": reason_code(r), "evidence": list(quoted(r))} for r in m.reasons
            ],
        }
        for m in matches
    ]
    output.csv_header = (*CSV_HEADER, "matched", "match_evidence")
    output.csv_rows = lambda: [
        [
            *row,
            ";".join(reason_code(r) for r in m.reasons),
            " / ".join(dict.fromkeys(q for r in m.reasons for q in quoted(r))),
        ]
        for row, m in zip(csv_rows([m.region for m in matches]), matches, strict=True)
    ]


def _reason_pairs(reasons: Sequence[Reason]) -> tuple[Pair, ...]:
    """A row per condition met, with its quotes and note; conditions with the same quotes and
    note share one row ("channel phone, channel email": one sentence names both)."""
    rows: dict[object, tuple[list[str], tuple[str, ...], str | None]] = {}
    for index, reason in enumerate(reasons):
        item = reason.item
        quotes = item.evidence if item else ()
        note = note_text(item.note) if item and item.note else None
        key = (quotes, note) if quotes else index
        rows.setdefault(key, ([], quotes, note))[0].append(reason_text(reason))
    return tuple(Pair(", ".join(what), "", quotes, note) for what, quotes, note in rows.values())


# --- compare ---


def compare_view(comparison: Comparison) -> Output:
    """The regions side by side, a row per attribute, rows that differ marked with ≠."""
    regions = comparison.regions
    rows = tuple(
        (
            (f"{DIFFERS} " if row.differ else "  ") + attribute_label(row.attribute.key),
            *(value_text(row.attribute, v) for v in row.values),
        )
        for row in comparison.rows
    )
    differing = frozenset(i for i, row in enumerate(comparison.rows) if row.differ)
    caption = _("≠ marks the {differ} of {total} attributes that differ.").format(
        differ=len(differing), total=len(rows)
    )
    grid = Grid(
        ("", *(in_language(r.short_names) for r in regions)),
        rows,
        emphasised_rows=differing,
        caption=caption,
    )
    return _region_output(regions, [grid], lambda: [region_json(r) for r in regions])


def matrix_view(matrices: Sequence[Matrix]) -> Output:
    """A grid per set-valued field: regions by its values (● has it, · not), with a legend
    of the short column codes. JSON and CSV: a yes/no flag per field:value."""
    blocks: list[Any] = []
    header: list[str] = ["id"]
    by_region: dict[str, list[str]] = {}
    for matrix in matrices:
        codes = [m.value for m in matrix.members]
        columns = ("", *(_short(code) for code in codes))
        rows = tuple(
            (
                in_language(row.region.short_names),
                *(HAS if c in row.codes else LACKS for c in codes),
            )
            for row in matrix.rows
        )
        legend = "  ".join(f"{_short(m.value)}={label(m)}" for m in matrix.members)
        title = attribute_label(matrix.key)
        blocks.append(Grid(columns, rows, title=title, caption=legend))
        header += [f"{matrix.key}:{code}" for code in codes]
        for row in matrix.rows:
            by_region.setdefault(row.region.id, []).extend(
                "yes" if code in row.codes else "no" for code in codes
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


def gap_detail(gap: Gap) -> str:
    """What a gap is about, in the interface language."""
    named = ", ".join(label(v) for v in gap.values)
    kind = gap.kind
    if kind is GapKind.FUNDING_UNCLEAR:
        return _("funding after the project unclear")
    if kind is GapKind.FUNDING_NOT_REPORTED:
        return _("funding after the project not reported")
    if kind is GapKind.NO_GENERAL_SUPPORT:
        return _("referred to {targets}").format(targets=named)
    if kind is GapKind.NO_GENERAL_SUPPORT_NO_REFERRAL:
        return _("no referral target named")
    if kind in (GapKind.NO_REMOTE_CHANNEL, GapKind.CONTACT_MEDIUM_NOT_STATED):
        return _("channels: {channels}").format(channels=named or _("none reported"))
    if kind is GapKind.MISSING_SECTION and gap.values:
        heading = gap.values[0]
        assert isinstance(heading, SectionName)
        return _("no section {heading}").format(heading=repr(heading.report_heading))
    return _("not described in the report")


def gaps_view(report: GapReport) -> Output:
    """A row per gap (the region's name, kind, detail, evidence) and a count per kind. JSON
    and CSV keep the codes, with the region's id beside its Finnish short name (as `list`'s
    CSV) and the detail in English: [{"id", "name", "gap", "detail", "evidence"}]."""
    columns = (_("Region"), _("Gap"), _("Detail"), _("Evidence"))
    rows = tuple(
        (
            in_language(gap.region.short_names),
            label(gap.kind),
            gap_detail(gap),
            " / ".join(gap.evidence) or "-",
        )
        for gap in report.gaps
    )
    grid = Grid(columns, rows)
    summary = []
    for each in report.summary:
        kind, count, total = each.kind, each.count, each.total
        description = describe(kind)
        if each.among == "regions":
            template = _("{count} of {total} regions: {description}")
        else:
            template = _("{count} of {total} interviewed regions: {description}")
        text = template.format(
            count=count, total=total, description=description[0].lower() + description[1:]
        )
        summary.append(Line(text))
        if count and kind in report.residents:
            summary.append(Line("  " + residents_line(report.residents[kind])))
    if report.residents:
        source = next(iter(report.residents.values())).attribution
        summary.append(Line(attribution_line(source), dim=True))
    with speaking("en"):
        details = [gap_detail(g) for g in report.gaps]
    data = [
        {
            "id": g.region.id,
            "name": g.region.short_names.fi,
            "gap": g.kind.value,
            "detail": d,
            "evidence": list(g.evidence),
        }
        for g, d in zip(report.gaps, details, strict=True)
    ]
    csv_rows = [
        [g.region.id, g.region.short_names.fi, g.kind.value, d, " / ".join(g.evidence)]
        for g, d in zip(report.gaps, details, strict=True)
    ]
    return Output(
        blocks=[grid, *summary],
        data=data,
        csv_header=["id", "name", "gap", "detail", "evidence"],
        csv_rows=csv_rows,
    )


# --- the date of the facts ---


def dated(output: Output, when: AsOf, envelope: bool = False) -> Output:
    """The output with the date of its facts (report.AsOf): one line after everything else
    for people (as_of_text). JSON and CSV stay as they were, so that scripts keep their
    shapes; with `envelope`, JSON becomes {"as_of": AsOf.jsonable(), "data": the usual JSON}."""
    # After a quote or the report's text, a blank line keeps it from reading as part of them.
    apart = bool(output.blocks) and isinstance(output.blocks[-1], Pairs | Prose)
    output.blocks.append(Line(as_of_text(when), dim=True, apart=apart))
    if envelope:
        data = output.data
        output.data = lambda: {
            "as_of": when.jsonable(),
            "data": data() if callable(data) else data,
        }
    return output


def as_of_text(when: AsOf) -> str:
    """One sentence: when the facts were true, and the report's caveat, quoted, with its page."""
    (first, last), report = when.interviews, when.report
    if first.year == last.year:
        months = f"{first.month}–{last.month}/{last.year}"
    else:
        months = f"{first.month}/{first.year}–{last.month}/{last.year}"
    return _(
        "Interviews {months}, report {date}; how long the facts hold is uncertain: "
        "“{caveat}” (p. {page})."
    ).format(
        months=months,
        date=f"{report.day}.{report.month}.{report.year}",
        caveat=when.caveat.text,
        page=when.caveat.page,
    )


# --- search ---


# How a query word matched (search.Match codes), as the summary line says it.
_MATCH_LABELS = {
    "exact": N_("exact form"),
    "lemma": N_("lemma"),
    "derivation": N_("derivation"),
    "compound": N_("compound"),
}
# How many of the words a query word met the summary names, per kind of match.
_TERMS_SHOWN = 3


def _reading(word: str, ways: Sequence[WordMatch]) -> str:
    """How one query word matched: "jalkautua → jalkautua (lemma), jalkautuva/jalkauduttu
    (derivation)"; kinds that met the same words share their parentheses."""
    if not ways:
        return _("{word} (not found)").format(word=word)
    merged: dict[tuple[str, ...], list[str]] = {}
    for way in ways:
        kind = _(_MATCH_LABELS[way.kind.value])
        if way.folded:
            kind = _("{kind}, ignoring ä/ö/å").format(kind=kind)
        merged.setdefault(way.terms, []).append(kind)
    items = []
    for terms, kinds in merged.items():
        shown = "/".join(terms[:_TERMS_SHOWN]) + (
            f"/{ELLIPSIS}" if len(terms) > _TERMS_SHOWN else ""
        )
        items.append(f"{shown} ({', '.join(kinds)})")
    return f"{word} {LEADS_TO} {', '.join(items)}"


def search_view(results: SearchResults) -> Output:
    """Hits grouped by region, the report's other chapters as one group (groups in the order
    of their best hit); JSON best first. A chapter's hit has no region: `id` and `section`
    are null and `chapter` is its title."""
    groups: dict[str | None, list[Hit]] = {}
    for hit in results.hits:
        groups.setdefault(hit.region.id if hit.region else None, []).append(hit)
    blocks: list[Any] = []
    for hits in groups.values():
        region = hits[0].region
        if region is None:
            blocks.append(Heading(_("The report's other chapters")))
        else:
            blocks.append(Heading(f"{in_language(region.short_names)} ({region.id})"))
        blocks += [
            Snippet(
                _("{heading} · p. {page} · score {score}").format(
                    heading=hit.heading, page=hit.page, score=number(hit.score, 2)
                ),
                hit.snippet,
                hit.marks,
            )
            for hit in hits
        ]
    shown, total = len(results.hits), results.total
    if shown == total:
        count = ngettext("{count} section matches", "{count} sections match", total).format(
            count=total
        )
    else:
        count = _("{shown} of {total} sections shown").format(shown=shown, total=total)
    readings = "; ".join(_reading(each.word, each.ways) for each in results.readings)
    summary = _("{count} · searched for {readings}").format(count=count, readings=readings)
    blocks.append(Line(summary, dim=True))
    if shown < total:
        blocks.append(Line(_("--limit {total} shows them all").format(total=total), dim=True))
    blocks.append(Line(_(REPORT_LANGUAGE_NOTE), dim=True))
    units = results.units
    data = [
        {
            "id": hit.region.id if hit.region else None,
            "section": hit.section.value if hit.section else None,
            "chapter": hit.chapter,
            "page": hit.page,
            "snippet": hit.snippet,
            "score": hit.score,
            "matched_as": hit.matched_as(units),
        }
        for hit in results.hits
    ]
    csv_rows = [
        [
            hit.region.id if hit.region else "",
            hit.section.value if hit.section else "",
            hit.chapter or "",
            str(hit.page),
            f"{hit.score:.3f}",
            ";".join(f"{w}={code}" for w, code in hit.matched_as(units).items()),
            hit.snippet,
        ]
        for hit in results.hits
    ]
    return Output(
        blocks=blocks,
        data=data,
        csv_header=["id", "section", "chapter", "page", "score", "matched_as", "snippet"],
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
    weighted: Attribution | None = None,
) -> Output:
    """A bar chart per field (side by side in the overview; with each value's meaning when
    `detailed`); `weighted` (the population figures' source) weights each region by its
    residents instead, as a share of the interviewed regions' residents. JSON and CSV: a row
    per field and value with its count and regions."""

    def chart(field: FieldCounts, label_width: int = 0) -> Bars:
        counts = field.counts
        if weighted is not None and field.several:
            counts = tuple(sorted(counts, key=lambda c: -c.residents))
        rows = tuple(
            Bar(
                label(c.value),
                c.residents if weighted else len(c.regions),
                field.residents if weighted else field.total,
                describe(c.value) if detailed else None,
                percent(c.residents / field.residents) if weighted and field.residents else None,
            )
            for c in counts
        )
        return Bars(
            attribute_label(field.key),
            rows,
            width=20 if detailed else 10,
            label_width=label_width,
            count_heading=_("residents") if weighted else _("regions"),
            note_heading=_("meaning"),
        )

    by_key = {field.key: field for field in stats}
    blocks: list[Any] = []
    if detailed or set(by_key) != {k for column in _OVERVIEW_COLUMNS for k in column}:
        blocks += [chart(field) for field in stats]
    else:
        columns = []
        for keys in _OVERVIEW_COLUMNS:
            width = max(len(label(c.value)) for k in keys for c in by_key[k].counts)
            columns.append(tuple(chart(by_key[k], width) for k in keys))
        blocks.append(Side(tuple(columns)))
    total = stats[0].total if stats else 0
    if weighted is None:
        blocks.append(
            Line(_("Regions out of the {total} interviewed.").format(total=total), dim=True)
        )
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
