"""The regions' context -> words: official codes, municipalities and population.

Population is context for the report's classification, never part of it: every text that
shows a figure says its day, and an attribution line says whose figures they are
(Statistics Finland, CC BY 4.0). Texts are gettext message ids (i18n.py); numbers and dates
are written as the interface language writes them. JSON and CSV keep plain numbers, codes
and ISO dates in every language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .i18n import _, day, in_language, integer, ngettext, percent
from .lookup import Named, Place
from .model import FormerMunicipality, Municipality, Region, Statistics
from .queries import Attribution, Residents, attribution
from .render import Grid, Line, Output

# Columns that list, show and filter add to a region's CSV row (after the attributes).
CONTEXT_COLUMNS = ("code", "population", "population_date", "municipalities")


def context_cells(region: Region) -> list[str]:
    """A region's CONTEXT_COLUMNS: code, residents, their ISO date, municipality codes (';')."""
    population = region.population
    return [
        region.code or "",
        str(population.residents) if population else "",
        population.date.isoformat() if population else "",
        ";".join(m.code for m in region.municipalities),
    ]


def attribution_line(source: Attribution) -> str:
    """Whose codes, municipalities and figures these are, with the days they refer to."""
    statistics = source.statistics
    publisher = in_language(statistics.publisher)
    classified = day(statistics.classification_date)
    if source.date is None:
        return _(
            "Source: {publisher} ({licence}): classification of wellbeing services counties "
            "and municipalities, {classified}."
        ).format(publisher=publisher, licence=statistics.licence, classified=classified)
    others = "; ".join(
        f"{in_language(region.short_names)}: {in_language(other)}"
        for region, other in source.exceptions
    )
    if others:
        return _(
            "Source: {publisher} ({licence}): classification of wellbeing services counties "
            "and municipalities, {classified}; population on {date} ({others})."
        ).format(
            publisher=publisher,
            licence=statistics.licence,
            classified=classified,
            date=day(source.date),
            others=others,
        )
    return _(
        "Source: {publisher} ({licence}): classification of wellbeing services counties and "
        "municipalities, {classified}; population on {date}."
    ).format(
        publisher=publisher,
        licence=statistics.licence,
        classified=classified,
        date=day(source.date),
    )


def residents_line(residents: Residents) -> str:
    """How many residents and what share of Finland ("1,033,222 residents, 18.3% of
    Finland's population"), and which of the regions have no figure of their own."""
    text = ngettext(
        "{residents} resident, {share} of Finland's population",
        "{residents} residents, {share} of Finland's population",
        residents.count,
    ).format(residents=integer(residents.count), share=percent(residents.share))
    missing = residents.without_figure
    if missing:
        names = ", ".join(in_language(r.short_names) for r in missing)
        text += " " + ngettext(
            "({names} has no population figure of its own)",
            "({names} have no population figures of their own)",
            len(missing),
        ).format(names=names)
    return text


def residents_blocks(residents: Residents | None) -> list[Line]:
    """A line of residents and the attribution, for a result's summary (none without figures)."""
    if residents is None:
        return []
    return [
        Line(residents_line(residents)),
        Line(attribution_line(residents.attribution), dim=True),
    ]


# --- show: which municipality was named, and the region's context ---


def _is_itself(named: Named, region: Region) -> bool:
    """A municipality that is the region, under the same name (Helsinki)."""
    return in_language(named.municipality.names) == in_language(region.short_names)


def named_line(named: Named, region: Region) -> str:
    """What a municipality typed for a region means: "Kajaani (205) belongs to Kainuu."."""
    municipality = named.municipality
    name = named.name or in_language(municipality.names)
    region_name = in_language(region.short_names)
    if isinstance(municipality, FormerMunicipality):
        today = region.municipality(municipality.merged_into)
        assert today is not None  # the loader checks that it is the region's
        text = _("{former} ({code}) has been part of {municipality} since {date}.").format(
            former=name,
            code=municipality.code,
            municipality=in_language(today.names),
            date=day(municipality.merged_on),
        )
        name, code = in_language(today.names), today.code
        return text + " " + _belongs(name, code, region_name, region.interviewed)
    return _belongs(name, municipality.code, region_name, region.interviewed)


def _belongs(name: str, code: str, region: str, interviewed: bool) -> str:
    if interviewed:
        return _("{municipality} ({code}) belongs to {region}.").format(
            municipality=name, code=code, region=region
        )
    return _(
        "{municipality} ({code}) belongs to {region}, which the report does not describe."
    ).format(municipality=name, code=code, region=region)


# Finnish and Swedish put å, ä and ö after z, in that order: so do "{", "|" and "}".
_AFTER_Z = str.maketrans("åäö", "{|}")


def _alphabetical(name: str) -> str:
    return name.casefold().translate(_AFTER_Z)


def municipality_names(municipalities: Sequence[Municipality]) -> list[str]:
    """The municipalities' names in the interface language, in its alphabetical order."""
    return sorted((in_language(m.names) for m in municipalities), key=_alphabetical)


def place_blocks(place: Place, statistics: Statistics | None) -> tuple[list[Line], list[Line]]:
    """What show writes for a place: lines before the region's heading (the municipalities
    named), and lines after its names (code, population, municipalities, their source)."""
    region = place.region
    before = [Line(named_line(n, region)) for n in place.named if not _is_itself(n, region)]
    source = attribution([region], statistics)
    if source is None:
        return before, []
    facts = []
    if region.code:
        facts.append(_("Code {code}").format(code=region.code))
    if region.population:
        facts.append(
            ngettext(
                "{residents} resident on {date}",
                "{residents} residents on {date}",
                region.population.residents,
            ).format(
                residents=integer(region.population.residents), date=day(region.population.date)
            )
        )
    after = [Line(" · ".join(facts))] if facts else []
    if region.municipalities:
        names = municipality_names(region.municipalities)
        after.append(
            Line(
                ngettext(
                    "Municipality ({count}): {names}",
                    "Municipalities ({count}): {names}",
                    len(names),
                ).format(count=len(names), names=", ".join(names))
            )
        )
    if after:
        after.append(Line(attribution_line(source), dim=True))
    return before, after


# --- municipalities: municipality -> region ---

MUNICIPALITY_COLUMNS = ("code", "name_fi", "name_sv", "name_en", "region", "region_code")


def municipalities_view(regions: Sequence[Region], statistics: Statistics | None) -> Output:
    """Every municipality of the regions with its region, in the order of their codes.

    Table and Markdown: code, Finnish and Swedish names, region (in the language), region
    code, then the merged municipalities and the source. JSON: objects with
    MUNICIPALITY_COLUMNS as keys (region is its id); CSV: those columns.
    """
    listed = sorted(
        ((m, r) for r in regions for m in r.municipalities), key=lambda pair: pair[0].code
    )
    headers = (_("Code"), _("Finnish"), _("Swedish"), _("Region"), _("Region code"))
    rows = tuple(
        (m.code, m.names.fi, m.names.sv, in_language(r.short_names), r.code or "-")
        for m, r in listed
    )
    blocks: list[Any] = [Grid(headers, rows)]
    if len(regions) == 1:
        summary = ngettext(
            "{count} municipality of {region}", "{count} municipalities of {region}", len(rows)
        ).format(count=len(rows), region=in_language(regions[0].short_names))
    else:
        summary = ngettext(
            "{count} municipality in {regions} regions",
            "{count} municipalities in {regions} regions",
            len(rows),
        ).format(count=len(rows), regions=len({pair[1].id for pair in listed}))
    blocks.append(Line(summary, dim=True))
    for region in regions:
        for former in region.former_municipalities:
            blocks.append(Line(named_line(Named(former, None), region), dim=True))
    if statistics is not None:  # codes and names: the classification, no population figures
        blocks.append(Line(attribution_line(Attribution(statistics, None)), dim=True))
    records = [
        {
            "code": m.code,
            "name_fi": m.names.fi,
            "name_sv": m.names.sv,
            "name_en": m.names.en,
            "region": r.id,
            "region_code": r.code,
        }
        for m, r in listed
    ]
    return Output(
        blocks=blocks,
        data=records,
        csv_header=MUNICIPALITY_COLUMNS,
        csv_rows=[[str(record[c] or "") for c in MUNICIPALITY_COLUMNS] for record in records],
    )
