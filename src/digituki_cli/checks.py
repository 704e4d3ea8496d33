"""Dataset-level checks that a single model cannot make: uniqueness and evidence."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from .i18n import _
from .model import SCHEMA_VERSION, Dataset, Evidenced, Region
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


def _is_reported(item: Evidenced[object]) -> bool:
    return item.value not in (None, "not-reported")


def errors(dataset: Dataset) -> list[Finding]:
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
            if not key:  # a name of punctuation alone: nobody could type it to mean this region
                found.append(Finding((*where, "aliases"), _("a name needs a letter or a digit")))
                continue
            owner = name_owner.setdefault(key, index)
            if owner != index:
                other = dataset.regions[owner].id
                found.append(
                    Finding((*where, "aliases"), f"name {name!r} is also a name of {other!r}")
                )
        found.extend(_section_errors(region, where))
        found.extend(_evidence_errors(region, where))
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


def _evidence_errors(region: Region, where: Location) -> Iterator[Finding]:
    texts = [squash(section.text) for _, section in region.sections.present()]
    seen_members: set[tuple[str | int, ...]] = set()
    for loc, item in evidenced_values(region):
        if len(loc) == 3:  # a member of a set: (group, field, index)
            member = (loc[0], loc[1], str(item.value))
            if member in seen_members:
                yield Finding((*where, *loc), f"{item.value} is listed twice")
            seen_members.add(member)
        if _is_reported(item) and not item.evidence:
            yield Finding((*where, *loc, "evidence"), "a reported value needs evidence")
        if not _is_reported(item) and item.evidence:
            yield Finding((*where, *loc, "evidence"), "a not-reported value has no evidence")
        for quote_index, quote in enumerate(item.evidence):
            needle = squash(quote)
            if len(needle) < MIN_QUOTE_CHARS:
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    f"a quote needs at least {MIN_QUOTE_CHARS} characters of the report's text",
                )
            elif not any(needle in text for text in texts):
                yield Finding(
                    (*where, *loc, "evidence", quote_index),
                    f"quote not found in the region's text: '{printable(quote, ECHO_LIMIT)}'",
                )


def warnings(dataset: Dataset) -> list[Finding]:
    """Things worth a look that do not make the dataset unusable."""
    found = []
    for index, region in enumerate(dataset.regions):
        if region.interviewed and not any(_is_reported(i) for _, i in evidenced_values(region)):
            found.append(Finding(("regions", index), "every classification is not-reported"))
    return found
