"""Dataset-level checks that a single model cannot make: uniqueness and evidence.

Quotes are checked against the text of their own source: the region's text for the report,
the saved text of a newer source (read by sources.py) for the others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .i18n import _
from .model import REPORT_ID, SCHEMA_VERSION, Dataset, Evidenced, Observation, Region
from .text import ECHO_LIMIT, fold, printable, squash

Location = tuple[str | int, ...]
# Shorter quotes prove nothing: a single letter occurs in any text.
MIN_QUOTE_CHARS = 5


@dataclass(frozen=True)
class Finding:
    loc: Location
    message: str


def evidenced_values(region: Region) -> Iterator[tuple[Location, Evidenced[object]]]:
    """Every classified value of a region with its location in the dataset."""
    for group_name in ("general_support", "service_support", "cooperation", "funding"):
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
                f"this digituki reads schema version {SCHEMA_VERSION}, not {dataset.schema_version}",
            )
        )
    if not dataset.regions:
        found.append(Finding(("regions",), "a dataset needs at least one region"))
    seen_ids: dict[str, int] = {}
    name_owner: dict[str, int] = {}
    for index, region in enumerate(dataset.regions):
        where: Location = ("regions", index)
        if region.id in seen_ids:
            found.append(Finding((*where, "id"), f"duplicate id {region.id!r}"))
        seen_ids.setdefault(region.id, index)
        for name in region.all_names():
            key = fold(name)
            owner = name_owner.setdefault(key, index)
            if owner != index:
                other = dataset.regions[owner].id
                found.append(
                    Finding((*where, "aliases"), f"name {name!r} is also a name of {other!r}")
                )
        found.extend(_section_errors(region, where))
        found.extend(_evidence_errors(region, where, source_texts or {}))
    return found


def _section_errors(region: Region, where: Location) -> Iterator[Finding]:
    present = region.sections.present()
    if region.interviewed and not present:
        yield Finding((*where, "sections"), "an interviewed region needs its report sections")
    if not region.interviewed:
        if present:
            yield Finding((*where, "sections"), "a region not interviewed has no report sections")
        for loc, item in evidenced_values(region):
            if _is_reported(item):
                yield Finding((*where, *loc), "a region not interviewed is all not-reported")


def _evidence_errors(
    region: Region, where: Location, source_texts: Mapping[str, str]
) -> Iterator[Finding]:
    region_texts = [squash(section.text) for _, section in region.sections.present()]
    seen_members: set[tuple[str | int, ...]] = set()
    for loc, item in observations(region):
        if len(loc) == 3:  # a member of a set: (group, field, index)
            member = (loc[0], loc[1], str(item.value))
            if member in seen_members:
                yield Finding((*where, *loc), f"{item.value} is listed twice")
            seen_members.add(member)
        if _is_reported(item) and not item.evidence:
            yield Finding((*where, *loc, "evidence"), "a reported value needs evidence")
        if not _is_reported(item) and item.evidence:
            yield Finding((*where, *loc, "evidence"), "a not-reported value has no evidence")
        report = from_report(item)
        texts = region_texts if report else [source_texts.get(str(item.source), "")]
        for quote_index, quote in enumerate(item.evidence):
            needle = squash(quote)
            if len(needle) < MIN_QUOTE_CHARS:
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    f"a quote needs at least {MIN_QUOTE_CHARS} characters of the report's text",
                )
            elif not any(needle in text for text in texts):
                shown = printable(quote, ECHO_LIMIT)
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    f"quote not found in the region's text: '{shown}'"
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
            found.append(Finding(("regions", index), "every classification is not-reported"))
    return found
