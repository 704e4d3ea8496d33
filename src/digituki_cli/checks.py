"""Dataset-level checks that a single model cannot make: uniqueness, evidence, and the
consistency of the statistics (codes, municipalities, populations).

Quotes are checked against the text of their own source: the region's text for the report,
the saved text of a newer source (read by sources.py) for the others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .i18n import _
from .model import (
    GROUPS,
    REPORT_ID,
    SCHEMA_VERSION,
    Dataset,
    Evidenced,
    FormerMunicipality,
    Municipality,
    Observation,
    Region,
)
from .text import ECHO_LIMIT, name_key, printable, squash

Location = tuple[str | int, ...]
# Shorter quotes prove nothing: a single letter occurs in any text.
MIN_QUOTE_CHARS = 5


@dataclass(frozen=True)
class Finding:
    """A problem a check found in a dataset: where (`loc`: region, field, value) and what, in
    the interface language."""

    loc: Location
    message: str


def evidenced_values(region: Region) -> Iterator[tuple[Location, Evidenced[object]]]:
    """Every classified value of a region with its location in the dataset."""
    for group_name in GROUPS:
        group = getattr(region, group_name)
        for spec in dataclasses.fields(group):
            field_name = spec.name
            value = getattr(group, field_name)
            if isinstance(value, tuple):
                for index, item in enumerate(value):
                    yield (group_name, field_name, index), item
            else:
                yield (group_name, field_name), value


def observations(region: Region) -> Iterator[tuple[Location, Observation[object]]]:
    """Every observation of a region with its location: each current value (as
    evidenced_values), then its history, then each removal of a set member and its history."""
    for loc, item in evidenced_values(region):
        yield loc, item
        for index, earlier in enumerate(item.history):
            yield (*loc, "history", index), earlier
    for index, removal in enumerate(region.removed):
        yield ("removed", index), removal
        for earlier_index, earlier in enumerate(removal.history):
            yield ("removed", index, "history", earlier_index), earlier


def from_report(item: Observation[object]) -> bool:
    """Whether the observation's source is the report (a value that names no source is)."""
    return item.source in (None, REPORT_ID)


def _is_reported(item: Observation[object]) -> bool:
    return item.value not in (None, "not-reported")


def errors(dataset: Dataset, source_texts: Mapping[str, str] | None = None) -> list[Finding]:
    """Every dataset-level error. `source_texts` holds the text of each newer source by id
    (squashed, see text.squash); a quote from a source not in it is reported as not found."""
    found: list[Finding] = []
    if dataset.schema_version != SCHEMA_VERSION:
        found.append(
            Finding(
                ("schema_version",),
                _("this digituki reads schema version {expected}, not {found}").format(
                    expected=SCHEMA_VERSION, found=dataset.schema_version
                ),
            )
        )
    if not dataset.regions:
        found.append(Finding(("regions",), _("a dataset needs at least one region")))
    seen_ids: dict[str, int] = {}
    name_owner: dict[str, int] = {}
    for index, region in enumerate(dataset.regions):
        where: Location = ("regions", index)
        if region.id in seen_ids:
            found.append(Finding((*where, "id"), _("duplicate id {id}").format(id=repr(region.id))))
        seen_ids.setdefault(region.id, index)
        for name in region.all_names():
            key = name_key(name)
            if not key:  # a name of punctuation alone: nobody could type it to mean this region
                found.append(Finding((*where, "aliases"), _("a name needs a letter or a digit")))
                continue
            owner = name_owner.setdefault(key, index)
            if owner != index:
                other = dataset.regions[owner].id
                found.append(
                    Finding(
                        (*where, "aliases"),
                        _("name {name} is also a name of {other}").format(
                            name=repr(name), other=repr(other)
                        ),
                    )
                )
        found.extend(_section_errors(region, where))
        found.extend(_evidence_errors(region, where, source_texts or {}))
    found.extend(_statistics_errors(dataset, name_owner))
    return found


def _statistics_errors(dataset: Dataset, region_names: dict[str, int]) -> Iterator[Finding]:
    """Municipality codes and names that identify one municipality each, names that do not
    hide a region (a municipality may share a name only with its own region: Helsinki),
    mergers into a municipality of the same region, one day for every population, and a
    `statistics` block wherever regions carry any of these."""
    codes: dict[str, str] = {}  # municipality code -> the region it is first listed in
    names: dict[str, str] = {}  # name key -> municipality code
    day = None
    carried = False
    for index, region in enumerate(dataset.regions):
        where: Location = ("regions", index)
        carried = carried or bool(region.code or region.population or region.municipalities)
        if region.population is not None:
            day = day or region.population.date
            if region.population.date != day:
                yield Finding(
                    (*where, "population", "date"),
                    _(
                        "every population must be of one day ({day}): sums and shares need it"
                    ).format(day=day.isoformat()),
                )
        listed: list[tuple[str, int, Municipality | FormerMunicipality]] = [
            *(("municipalities", i, m) for i, m in enumerate(region.municipalities)),
            *(("former_municipalities", i, m) for i, m in enumerate(region.former_municipalities)),
        ]
        for field_name, position, municipality in listed:
            loc: Location = (*where, field_name, position)
            if municipality.code in codes:
                yield Finding(
                    (*loc, "code"),
                    _("municipality code {code} is already listed in {region}").format(
                        code=municipality.code, region=repr(codes[municipality.code])
                    ),
                )
            codes.setdefault(municipality.code, region.id)
            for name in municipality.all_names():
                key = name_key(name)
                at = "aliases" if name in getattr(municipality, "aliases", ()) else "names"
                owner = region_names.get(key)
                if owner is not None and owner != index:
                    other = dataset.regions[owner].id
                    yield Finding(
                        (*loc, at),
                        _("name {name} is also a name of the region {other}").format(
                            name=repr(name), other=repr(other)
                        ),
                    )
                if names.setdefault(key, municipality.code) != municipality.code:
                    yield Finding(
                        (*loc, at),
                        _("name {name} is also a name of municipality {other}").format(
                            name=repr(name), other=names[key]
                        ),
                    )
        for position, former in enumerate(region.former_municipalities):
            if region.municipality(former.merged_into) is None:
                yield Finding(
                    (*where, "former_municipalities", position, "merged_into"),
                    _("{code} is not a municipality of {region}").format(
                        code=former.merged_into, region=repr(region.id)
                    ),
                )
    if carried and dataset.statistics is None:
        yield Finding(
            ("statistics",),
            _(
                "regions carry codes, populations or municipalities: `statistics` must say "
                "where they come from"
            ),
        )


def _section_errors(region: Region, where: Location) -> Iterator[Finding]:
    present = region.sections.present()
    if region.interviewed and not present:
        yield Finding((*where, "sections"), _("an interviewed region needs its report sections"))
    if not region.interviewed:
        if present:
            yield Finding(
                (*where, "sections"), _("a region not interviewed has no report sections")
            )
        for loc, item in evidenced_values(region):
            if _is_reported(item):
                yield Finding((*where, *loc), _("a region not interviewed is all not-reported"))


def _evidence_errors(
    region: Region, where: Location, source_texts: Mapping[str, str]
) -> Iterator[Finding]:
    region_texts = [squash(section.text) for _, section in region.sections.present()]
    seen_members: set[tuple[str | int, ...]] = set()
    for loc, item in observations(region):
        if len(loc) == 3:  # a member of a set: (group, field, index)
            member = (loc[0], loc[1], str(item.value))
            if member in seen_members:
                yield Finding((*where, *loc), _("{value} is listed twice").format(value=item.value))
            seen_members.add(member)
        if _is_reported(item) and not item.evidence:
            yield Finding((*where, *loc, "evidence"), _("a reported value needs evidence"))
        if not _is_reported(item) and item.evidence:
            yield Finding((*where, *loc, "evidence"), _("a not-reported value has no evidence"))
        report = from_report(item)
        texts = region_texts if report else [source_texts.get(str(item.source), "")]
        for quote_index, quote in enumerate(item.evidence):
            needle = squash(quote)
            if len(needle) < MIN_QUOTE_CHARS:
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    _("a quote needs at least {count} characters of the report's text").format(
                        count=MIN_QUOTE_CHARS
                    ),
                )
            elif not any(needle in text for text in texts):
                shown = printable(quote, ECHO_LIMIT)
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    _("quote not found in the region's text: {quote}").format(quote=repr(shown))
                    if report
                    else _("quote not found in the text of source {source}: '{quote}'").format(
                        source=item.source, quote=shown
                    ),
                )


def warnings(dataset: Dataset) -> list[Finding]:
    """Things worth a look that do not make the dataset unusable."""
    found = []
    for index, region in enumerate(dataset.regions):
        if region.interviewed and not any(_is_reported(i) for _, i in evidenced_values(region)):
            found.append(Finding(("regions", index), _("every classification is not-reported")))
    return found
