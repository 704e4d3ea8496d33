"""Questions asked of the dataset: plain functions over models that return data, never print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .model import (
    Answer,
    Channel,
    DescribedEnum,
    Evidenced,
    FundingAfterProject,
    GeneralSupportLevel,
    Language,
    Partner,
    ProfessionalDuty,
    Provider,
    Region,
    RegionKind,
    SectionName,
)
from .text import squash
from .vocabulary import GapKind

# --- attributes: one definition of every column that list, compare and csv show ---

AttributeValue = str | tuple[str, ...] | bool | int | None


@dataclass(frozen=True)
class Attribute:
    """A column of a region: its key (labels come from translations.UI['attr.' + key])."""

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


_GS, _SS, _CO, _FU = "general_support", "service_support", "cooperation", "funding"
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


# --- filter ---


@dataclass(frozen=True)
class Criteria:
    """Conditions that must all hold (AND); a repeated set member means all of them."""

    general_support: bool | None = None
    general_support_level: GeneralSupportLevel | None = None
    channels: tuple[Channel, ...] = ()
    providers: tuple[Provider, ...] = ()
    partners: tuple[Partner, ...] = ()
    obligation: ProfessionalDuty | None = None
    funding: FundingAfterProject | None = None
    project_funded: bool = False
    assisted_authorization: bool = False
    plain_language: bool = False
    interviewed: bool | None = None


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
    if criteria.obligation is not None:
        duty = ss.professional_duty
        check("professional_duty", duty.value, duty, duty.value is criteria.obligation)
    if criteria.funding is not None:
        after = region.funding.after_project
        check("funding", after.value, after, after.value is criteria.funding)
    for wanted_flag, what, item in (
        (criteria.project_funded, "project_funded", region.funding.project_funded),
        (criteria.assisted_authorization, "assisted_mandates", gs.assisted_authorization),
        (criteria.plain_language, "plain_language", ss.plain_language),
    ):
        if wanted_flag:
            check(what, None, item, item.value is Answer.YES)
    if criteria.interviewed is not None:
        what = "interviewed" if region.interviewed else "not_interviewed"
        check(what, None, None, region.interviewed == criteria.interviewed)
    return results


def filter_regions(regions: Sequence[Region], criteria: Criteria) -> list[Match]:
    matches = []
    for region in regions:
        results = _checks(criteria, region)
        if all(result is not None for result in results):
            matches.append(Match(region, tuple(r for r in results if r is not None)))
    return matches


# --- compare ---


@dataclass(frozen=True)
class Comparison:
    regions: tuple[Region, ...]
    rows: tuple[tuple[Attribute, tuple[AttributeValue, ...], bool], ...]  # values, differ?


COMPARE_ROWS = tuple(a for a in ATTRIBUTES if a.key != "name")


def compare(regions: Sequence[Region]) -> Comparison:
    rows = []
    for attribute in COMPARE_ROWS:
        values = tuple(attribute.get(r) for r in regions)
        rows.append((attribute, values, len(set(values)) > 1))
    return Comparison(tuple(regions), tuple(rows))


@dataclass(frozen=True)
class Matrix:
    """Regions by the members of one set-valued field (the attribute's key)."""

    key: str
    members: tuple[DescribedEnum, ...]
    rows: tuple[tuple[Region, frozenset[str]], ...]


MATRIX_KEYS = ("channels", "providers", "partners")


def feature_matrices(regions: Sequence[Region]) -> list[Matrix]:
    """Regions by every value of each set-valued field of the feature matrix."""
    matrices = []
    for key in MATRIX_KEYS:
        attribute = ATTRIBUTE_BY_KEY[key]
        assert attribute.codebook is not None
        rows = tuple((r, frozenset(_values(attribute.evidence(r)))) for r in regions)
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
class GapReport:
    gaps: tuple[Gap, ...]
    summary: tuple[tuple[GapKind, int, int, str], ...]  # kind, regions, out of, of what


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
        gaps.append(Gap(region, GapKind.NO_REMOTE_CHANNEL, values=tuple(c.value for c in channels)))
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
    funding: FundingAfterProject | None = None,
) -> GapReport:
    """Gaps of the given kinds (all if none) in the regions with the given funding status."""
    chosen = [r for r in regions if funding is None or r.funding.after_project.value is funding]
    found = [
        gap for region in chosen for gap in _region_gaps(region) if not kinds or gap.kind in kinds
    ]
    interviewed = sum(r.interviewed for r in chosen)
    summary: list[tuple[GapKind, int, int, str]] = []
    for kind in GapKind:
        if kinds and kind not in kinds:
            continue
        with_gap = len({g.region.id for g in found if g.kind is kind})
        if kind is GapKind.NOT_INTERVIEWED:
            summary.append((kind, with_gap, len(chosen), "regions"))
        else:
            summary.append((kind, with_gap, interviewed, "interviewed regions"))
    return GapReport(tuple(found), tuple(summary))
