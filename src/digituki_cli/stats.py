"""Counts of each classification across the interviewed regions: plain data, no printing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .model import (
    Channel,
    DescribedEnum,
    FundingAfterProject,
    GeneralSupportLevel,
    Partner,
    ProfessionalDuty,
    Provider,
    Region,
)
from .queries import ATTRIBUTE_BY_KEY
from .vocabulary import StatField


@dataclass(frozen=True)
class ValueCount:
    value: DescribedEnum
    regions: tuple[str, ...]  # ids, in the report's order


@dataclass(frozen=True)
class FieldCounts:
    key: str
    label: str
    total: int  # interviewed regions counted
    several: bool  # a region may have several values
    counts: tuple[ValueCount, ...]


_FIELDS: dict[StatField, tuple[type[DescribedEnum], Callable[[Region], Iterable[object]], bool]] = {
    StatField.GENERAL_SUPPORT: (
        GeneralSupportLevel,
        lambda r: [r.general_support.level.value],
        False,
    ),
    StatField.FUNDING: (FundingAfterProject, lambda r: [r.funding.after_project.value], False),
    StatField.PROFESSIONAL_DUTY: (
        ProfessionalDuty,
        lambda r: [r.service_support.professional_duty.value],
        False,
    ),
    StatField.CHANNELS: (Channel, lambda r: [c.value for c in r.service_support.channels], True),
    StatField.PROVIDERS: (
        Provider,
        lambda r: [p.value for p in r.service_support.providers],
        True,
    ),
    StatField.PARTNERS: (Partner, lambda r: [p.value for p in r.cooperation.partners], True),
}


def field_counts(regions: Sequence[Region], field: StatField) -> FieldCounts:
    """How many interviewed regions have each value of the field (zero counts included).

    One-value fields keep the codebook's order; set fields go from the commonest down.
    """
    members, values_of, several = _FIELDS[field]
    interviewed = [r for r in regions if r.interviewed]
    counts = [
        ValueCount(member, tuple(r.id for r in interviewed if member in set(values_of(r))))
        for member in members
    ]
    if several:
        counts.sort(key=lambda c: -len(c.regions))  # stable: ties keep the codebook's order
    return FieldCounts(
        field.value, ATTRIBUTE_BY_KEY[field.value].label, len(interviewed), several, tuple(counts)
    )


def stats(regions: Sequence[Region], fields: Sequence[StatField] = ()) -> list[FieldCounts]:
    """Counts for the given fields, or for every field."""
    return [field_counts(regions, field) for field in (fields or list(StatField))]
