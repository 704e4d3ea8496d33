"""Counts of each classification across the interviewed regions: plain data, no printing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import DescribedEnum, Region
from .queries import ATTRIBUTE_BY_KEY, population_of, tally
from .vocabulary import StatField


@dataclass(frozen=True)
class ValueCount:
    """The regions that have one value of a field (ids in the report's order) and their
    residents (0 without population figures)."""

    value: DescribedEnum
    regions: tuple[str, ...]  # ids, in the report's order
    residents: int = 0  # of those regions, where they have population figures


@dataclass(frozen=True)
class FieldCounts:
    """The counts of one field over the interviewed regions: a ValueCount per value of its
    codebook (zero counts included), out of `total` regions and `residents` residents."""

    key: str
    total: int  # interviewed regions counted
    several: bool  # a region may have several values
    counts: tuple[ValueCount, ...]
    residents: int = 0  # of the interviewed regions: what a weighted count is out of


def field_counts(regions: Sequence[Region], field: StatField) -> FieldCounts:
    """How many interviewed regions have each value of the field (zero counts included),
    and how many residents they have (population figures, where the regions have them).

    One-value fields keep the codebook's order; set fields go from the commonest down (by
    regions, also when a view weights them by residents).
    """
    attribute = ATTRIBUTE_BY_KEY[field.value]
    interviewed = [r for r in regions if r.interviewed]
    counts = [
        ValueCount(t.member, tuple(r.id for r in t.regions), population_of(t.regions))
        for t in tally(interviewed, attribute)
    ]
    if attribute.many:
        counts.sort(key=lambda c: -len(c.regions))  # stable: ties keep the codebook's order
    return FieldCounts(
        field.value, len(interviewed), attribute.many, tuple(counts), population_of(interviewed)
    )


def stats(regions: Sequence[Region], fields: Sequence[StatField] = ()) -> list[FieldCounts]:
    """Counts for the given fields, or for every field."""
    return [field_counts(regions, field) for field in (fields or list(StatField))]
