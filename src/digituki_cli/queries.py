"""Questions asked of the dataset: plain functions over models that return data, never print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .model import (
    GROUPS,
    Answer,
    Channel,
    DescribedEnum,
    Evidenced,
    FundingAfterProject,
    GeneralSupportLevel,
    Language,
    Names,
    Partner,
    ProfessionalDuty,
    Provider,
    Region,
    RegionKind,
    SectionName,
    Statistics,
)
from .text import squash
from .vocabulary import GapKind

# --- attributes: one definition of every column that list, compare and csv show ---

AttributeValue = str | tuple[str, ...] | bool | int | None


@dataclass(frozen=True)
class Attribute:
    """A column of a region: its key (its label is views.ATTRIBUTE_LABELS[key])."""

    key: str
    get: Callable[[Region], AttributeValue]
    evidence: Callable[[Region], tuple[Evidenced[object], ...]] = lambda _: ()
    codebook: type[DescribedEnum] | None = None  # the values it takes, where a codebook has them
    many: bool = False  # a set of codebook values rather than one value
    group: str | None = None  # the part of a region it classifies (its report section)


def _values(items: Sequence[Evidenced[object]]) -> tuple[str, ...]:
    return tuple(str(item.value) for item in items)


def _one(
    key: str,
    group: str,
    item: Callable[[Region], Evidenced[object]],
    codebook: type[DescribedEnum] | None,
) -> Attribute:
    """An attribute with one classified value (an enum code, or text for the unit)."""

    def get(region: Region) -> str | None:
        value = item(region).value
        return None if value is None else str(value)

    return Attribute(key, get, lambda r: (item(r),), codebook, group=group)


def _many(
    key: str,
    group: str,
    items: Callable[[Region], tuple[Evidenced[object], ...]],
    codebook: type[DescribedEnum],
) -> Attribute:
    """An attribute with a set of classified values."""
    return Attribute(key, lambda r: _values(items(r)), items, codebook, True, group)


_GS, _SS, _CO, _FU = GROUPS
ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("name", lambda r: r.short_names.fi),
    Attribute("kind", lambda r: r.kind.value, codebook=RegionKind),
    Attribute("interviewed", lambda r: r.interviewed),
    Attribute("page", lambda r: r.page),
    _one("general_support", _GS, lambda r: r.general_support.level, GeneralSupportLevel),
    _many("referral_targets", _GS, lambda r: r.general_support.referral_targets, Partner),
    _one("assisted_authorization", _GS, lambda r: r.general_support.assisted_authorization, Answer),
    _many("channels", _SS, lambda r: r.service_support.channels, Channel),
    _many("providers", _SS, lambda r: r.service_support.providers, Provider),
    _one("professional_duty", _SS, lambda r: r.service_support.professional_duty, ProfessionalDuty),
    _one("plain_language", _SS, lambda r: r.service_support.plain_language, Answer),
    _many("guide_languages", _SS, lambda r: r.service_support.guide_languages, Language),
    _many("partners", _CO, lambda r: r.cooperation.partners, Partner),
    _one("funding", _FU, lambda r: r.funding.after_project, FundingAfterProject),
    _one("project_funded", _FU, lambda r: r.funding.project_funded, Answer),
    _one("responsible_unit", _FU, lambda r: r.funding.responsible_unit, None),
)  # fmt: skip
ATTRIBUTE_BY_KEY = {a.key: a for a in ATTRIBUTES}
# The attributes that classify a region, each with evidence (the rest identify it).
CLASSIFIED = tuple(a for a in ATTRIBUTES if a.group is not None)
LIST_COLUMNS = ("name", "general_support", "funding", "channels", "partners")


def has_value(attribute: Attribute, region: Region, code: str) -> bool:
    """Whether the region's value of the attribute is, or (for a set) includes, the code."""
    value = attribute.get(region)
    return code in value if isinstance(value, tuple) else value == code


@dataclass(frozen=True)
class Tally:
    """The regions that have one codebook value of an attribute."""

    member: DescribedEnum
    regions: tuple[Region, ...]


def tally(regions: Sequence[Region], attribute: Attribute) -> list[Tally]:
    """For each codebook value of the attribute, in codebook order, the regions that have it."""
    if attribute.codebook is None:
        raise ValueError(f"attribute {attribute.key!r} has no codebook to tally")
    return [
        Tally(member, tuple(r for r in regions if has_value(attribute, r, member.value)))
        for member in attribute.codebook
    ]


def quote_page(region: Region, quote: str) -> int | None:
    """The page on which the section of the region's text that holds the quote starts (the
    quote compared as the loader checks it, checks.py), or None if no section holds it."""
    needle = squash(quote)
    for _name, section in region.sections.present():
        if needle in squash(section.text):
            return section.page
    return None


@dataclass(frozen=True)
class Quoted:
    """One quote behind one classified value of a region, with the page on which the
    section that holds it starts (None if no section does)."""

    region: Region
    attribute: Attribute
    item: Evidenced[object]
    quote: str
    page: int | None


def quotes(regions: Sequence[Region]) -> list[Quoted]:
    """Every quote of the regions' classified values: by region, attribute (CLASSIFIED's
    order), value, then quote. A value the report does not state has none."""
    return [
        Quoted(region, attribute, item, quote, quote_page(region, quote))
        for region in regions
        for attribute in CLASSIFIED
        for item in attribute.evidence(region)
        for quote in item.evidence
    ]


def interviewed_first(regions: Sequence[Region], include_all: bool) -> list[Region]:
    """The interviewed regions in the report's order, then (if asked) the others."""
    chosen = [r for r in regions if r.interviewed or include_all]
    return sorted(chosen, key=lambda r: not r.interviewed)


# --- population: context for the counts, never a classification ---


@dataclass(frozen=True)
class Attribution:
    """Where the regions' codes, municipalities and population figures come from.

    `date` is the day of the population figures (one for all: the loader checks it), None if
    no region has one; `exceptions` are the regions whose figure another publisher gave
    (Åland's 2024 figure: ÅSUB), with that publisher.
    """

    statistics: Statistics
    date: dt.date | None
    exceptions: tuple[tuple[Region, Names], ...] = ()


def attribution(regions: Sequence[Region], statistics: Statistics | None) -> Attribution | None:
    """The attribution of the statistics that the regions carry; None without statistics."""
    if statistics is None:
        return None
    figures = [r for r in regions if r.population is not None]
    date = figures[0].population.date if figures and figures[0].population else None
    exceptions = tuple(
        (r, r.population.publisher) for r in figures if r.population and r.population.publisher
    )
    return Attribution(statistics, date, exceptions)


@dataclass(frozen=True)
class Residents:
    """How many people live in some regions and what share of everyone that is.

    `count` is the residents of the `regions` chosen regions that have a population figure;
    `total` those of every region with a figure: all of Finland for the bundled dataset, whose
    21 counties, Helsinki and Åland cover the country once. `without_figure` are chosen
    regions with no figure of their own (the HUS Group: its residents are its members').
    Figures are residents on `attribution.date`, from Statistics Finland (SOURCES.md).
    """

    regions: int
    count: int
    total: int
    without_figure: tuple[Region, ...]
    attribution: Attribution

    @property
    def share(self) -> float:
        """count / total, 0.0 to 1.0 (0.0 if the total is 0)."""
        return self.count / self.total if self.total else 0.0


def population_of(regions: Iterable[Region]) -> int:
    """The residents of the regions with a population figure, summed."""
    return sum(r.population.residents for r in regions if r.population is not None)


def residents(
    chosen: Iterable[Region], every: Sequence[Region], statistics: Statistics | None
) -> Residents | None:
    """The residents of the chosen regions (each counted once) out of those of `every`
    region; None when the dataset has no statistics or no population figures."""
    source = attribution(every, statistics)
    if source is None or source.date is None:
        return None
    unique = list({r.id: r for r in chosen}.values())
    with_figure = [r for r in unique if r.population is not None]
    return Residents(
        len(with_figure),
        population_of(with_figure),
        population_of(every),
        tuple(r for r in unique if r.population is None),
        source,
    )


# --- filter ---


@dataclass(frozen=True)
class Criteria:
    """Conditions of `filter`: all must hold (AND), or with `match_any` at least one (OR).

    Each wanted member of a set (channels, providers, partners) is a condition of its own, so
    several channels mean all of them, or with `match_any` any of them.
    """

    general_support: bool | None = None
    general_support_level: GeneralSupportLevel | None = None
    channels: tuple[Channel, ...] = ()
    providers: tuple[Provider, ...] = ()
    partners: tuple[Partner, ...] = ()
    professional_duty: ProfessionalDuty | None = None
    after_project: FundingAfterProject | None = None
    project_funded: bool = False
    assisted_mandates: bool = False
    plain_language: bool = False
    interviewed: bool | None = None
    match_any: bool = False

    def empty(self) -> bool:
        """Whether no condition is given (then every region matches, AND or OR)."""
        return replace(self, match_any=False) == Criteria()


@dataclass(frozen=True)
class Reason:
    """Why a region matched: the kind of condition and the classified value behind it.

    `what` is the condition's kind (general_support, channel, provider, partner,
    professional_duty, funding, project_funded, assisted_mandates, plain_language,
    interviewed, not_interviewed); `value` the codebook value it concerns, if any; `item` the
    region's classified value with its evidence (None for `interviewed`).
    """

    what: str
    item: Evidenced[object] | None
    value: DescribedEnum | None = None


@dataclass(frozen=True)
class Match:
    """A region that met the criteria, and why: one reason per condition it met (with
    `match_any`, only those)."""

    region: Region
    reasons: tuple[Reason, ...] = field(default=())


_SUPPORTED_LEVELS = (GeneralSupportLevel.OFFERED, GeneralSupportLevel.LIMITED)


def _find(items: Sequence[Evidenced[object]], wanted: object) -> Evidenced[object] | None:
    return next((item for item in items if item.value == wanted), None)


def _checks(criteria: Criteria, region: Region) -> list[Reason | None]:
    """One entry per given condition: its reason if the region meets it, else None."""
    gs, ss = region.general_support, region.service_support
    results: list[Reason | None] = []

    def check(
        what: str, value: DescribedEnum | None, item: Evidenced[object] | None, ok: bool
    ) -> None:
        if not ok:
            results.append(None)
            return
        results.append(Reason(what, item, value))

    if criteria.general_support is not None:
        level = gs.level.value
        ok = (
            level in _SUPPORTED_LEVELS
            if criteria.general_support
            else level is GeneralSupportLevel.NOT_OFFERED
        )
        check("general_support", level, gs.level, ok)
    if criteria.general_support_level is not None:
        level_wanted = criteria.general_support_level
        check("general_support", level_wanted, gs.level, gs.level.value is level_wanted)
    for kind, items, wanted_values in (
        ("channel", ss.channels, criteria.channels),
        ("provider", ss.providers, criteria.providers),
        ("partner", region.cooperation.partners, criteria.partners),
    ):
        for wanted in wanted_values:
            found = _find(items, wanted)
            check(kind, wanted, found, found is not None)
    if criteria.professional_duty is not None:
        duty = ss.professional_duty
        check("professional_duty", duty.value, duty, duty.value is criteria.professional_duty)
    if criteria.after_project is not None:
        after = region.funding.after_project
        check("funding", after.value, after, after.value is criteria.after_project)
    for wanted_flag, what, item in (
        (criteria.project_funded, "project_funded", region.funding.project_funded),
        (criteria.assisted_mandates, "assisted_mandates", gs.assisted_authorization),
        (criteria.plain_language, "plain_language", ss.plain_language),
    ):
        if wanted_flag:
            check(what, None, item, item.value is Answer.YES)
    if criteria.interviewed is not None:
        what = "interviewed" if region.interviewed else "not_interviewed"
        check(what, None, None, region.interviewed == criteria.interviewed)
    return results


def filter_regions(regions: Sequence[Region], criteria: Criteria) -> list[Match]:
    """The regions that meet the criteria, in their given order, each with the reasons: the
    conditions it met, in the order of Criteria's fields. All conditions (AND) or, with
    `criteria.match_any`, at least one (OR); with no condition at all, every region."""
    matches = []
    for region in regions:
        results = _checks(criteria, region)
        met = tuple(r for r in results if r is not None)
        enough = bool(met) if criteria.match_any else len(met) == len(results)
        if enough or not results:
            matches.append(Match(region, met))
    return matches


# --- compare ---


@dataclass(frozen=True)
class ComparisonRow:
    """One attribute of the compared regions: its value in each region (in the regions'
    order) and whether any two of them differ."""

    attribute: Attribute
    values: tuple[AttributeValue, ...]
    differ: bool


@dataclass(frozen=True)
class Comparison:
    """Regions side by side: one row per attribute of COMPARE_ROWS, in that order."""

    regions: tuple[Region, ...]
    rows: tuple[ComparisonRow, ...]


COMPARE_ROWS = tuple(a for a in ATTRIBUTES if a.key != "name")


def compare(regions: Sequence[Region]) -> Comparison:
    """The regions' values of every attribute but the name, in the order given; a row
    differs when two regions' values are not equal (sets compared as sorted codes)."""
    rows = []
    for attribute in COMPARE_ROWS:
        values = tuple(attribute.get(r) for r in regions)
        rows.append(ComparisonRow(attribute, values, len(set(values)) > 1))
    return Comparison(tuple(regions), tuple(rows))


@dataclass(frozen=True)
class Matrix:
    """Regions by the members of one set-valued field (the attribute's key)."""

    key: str
    members: tuple[DescribedEnum, ...]
    rows: tuple[RegionCodes, ...]


@dataclass(frozen=True)
class RegionCodes:
    """A region of a feature matrix and the codes it has of the matrix's field."""

    region: Region
    codes: frozenset[str]


MATRIX_KEYS = ("channels", "providers", "partners")


def feature_matrices(regions: Sequence[Region]) -> list[Matrix]:
    """Regions by every value of each set-valued field of the feature matrix."""
    matrices = []
    for key in MATRIX_KEYS:
        attribute = ATTRIBUTE_BY_KEY[key]
        assert attribute.codebook is not None
        rows = tuple(RegionCodes(r, frozenset(_values(attribute.evidence(r)))) for r in regions)
        matrices.append(Matrix(key, tuple(attribute.codebook), rows))
    return matrices


# --- gaps ---


REMOTE_CHANNELS = frozenset({Channel.PHONE, Channel.EMAIL, Channel.CHAT, Channel.IN_APP})


@dataclass(frozen=True)
class Gap:
    """A gap of one region: its kind, the report's words behind it, and the codebook values
    it names (referral targets, the channels a region has, the missing section)."""

    region: Region
    kind: GapKind
    evidence: tuple[str, ...] = ()
    values: tuple[DescribedEnum, ...] = ()


@dataclass(frozen=True)
class GapCount:
    """How many regions have a kind of gap: `count` regions out of `total`, which are the
    chosen regions (`among` "regions", for not-interviewed) or the interviewed ones among
    them (`among` "interviewed regions", for every other kind)."""

    kind: GapKind
    count: int
    total: int
    among: str


@dataclass(frozen=True)
class GapReport:
    """The gaps found, region by region in the regions' order, and one count per kind
    asked for (every kind if none), in GapKind's order."""

    gaps: tuple[Gap, ...]
    summary: tuple[GapCount, ...]
    # The residents of the regions with each kind of gap (none without population figures).
    residents: Mapping[GapKind, Residents] = field(default_factory=dict)


def _region_gaps(region: Region) -> list[Gap]:
    if not region.interviewed:
        return [Gap(region, GapKind.NOT_INTERVIEWED)]
    gaps = []
    after = region.funding.after_project
    if after.value is FundingAfterProject.UNCLEAR:
        gaps.append(Gap(region, GapKind.FUNDING_UNCLEAR, after.evidence))
    elif after.value is FundingAfterProject.NOT_REPORTED:
        gaps.append(Gap(region, GapKind.FUNDING_NOT_REPORTED))
    level = region.general_support.level
    if level.value is GeneralSupportLevel.NOT_OFFERED:
        targets = region.general_support.referral_targets
        if targets:
            quotes = level.evidence + tuple(q for t in targets for q in t.evidence)
            gaps.append(
                Gap(
                    region,
                    GapKind.NO_GENERAL_SUPPORT,
                    _unique(quotes),
                    tuple(t.value for t in targets),
                )
            )
        else:
            gaps.append(
                Gap(
                    region,
                    GapKind.NO_GENERAL_SUPPORT_NO_REFERRAL,
                    level.evidence,
                )
            )
    channels = region.service_support.channels
    if not any(c.value in REMOTE_CHANNELS for c in channels):
        # An advice service of unstated medium may be reached remotely or not: its own kind.
        advice = [c for c in channels if c.value is Channel.ADVICE_SERVICE]
        kind = GapKind.CONTACT_MEDIUM_NOT_STATED if advice else GapKind.NO_REMOTE_CHANNEL
        quotes = _unique(tuple(q for c in advice for q in c.evidence))
        gaps.append(Gap(region, kind, quotes, tuple(c.value for c in channels)))
    present = {name for name, _ in region.sections.present()}
    for name in SectionName:
        if name not in present:
            gaps.append(Gap(region, GapKind.MISSING_SECTION, values=(name,)))
    return gaps


def _unique(quotes: tuple[str, ...]) -> tuple[str, ...]:
    """The quotes once each, leaving out any that another quote contains."""
    distinct = list(dict.fromkeys(quotes))
    return tuple(q for q in distinct if not any(q != other and q in other for other in distinct))


def gaps(
    regions: Sequence[Region],
    kinds: Sequence[GapKind] = (),
    after_project: FundingAfterProject | None = None,
    statistics: Statistics | None = None,
) -> GapReport:
    """Gaps of the given kinds (all if none) in the regions with the given funding after the
    project (all if None);
    with `statistics`, the residents of the regions with each kind, out of all `regions`'."""
    chosen = [
        r
        for r in regions
        if after_project is None or r.funding.after_project.value is after_project
    ]
    found = [
        gap for region in chosen for gap in _region_gaps(region) if not kinds or gap.kind in kinds
    ]
    interviewed = sum(r.interviewed for r in chosen)
    summary: list[GapCount] = []
    people: dict[GapKind, Residents] = {}
    for kind in GapKind:
        if kinds and kind not in kinds:
            continue
        with_gap = [g.region for g in found if g.kind is kind]
        count = len({r.id for r in with_gap})
        if kind is GapKind.NOT_INTERVIEWED:
            summary.append(GapCount(kind, count, len(chosen), "regions"))
        else:
            summary.append(GapCount(kind, count, interviewed, "interviewed regions"))
        in_regions = residents(with_gap, regions, statistics)
        if in_regions is not None:
            people[kind] = in_regions
    return GapReport(tuple(found), tuple(summary), people)
