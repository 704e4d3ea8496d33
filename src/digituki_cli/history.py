"""Values through time: each value's observations, what changed since a date, and the gaps
that rest on values no source has confirmed since a date. Plain data; views.py and
history_views.py write the words.

A value's observations are its history and its current observation (model.Evidenced). A set
member's are those of the member while listed and, for a member a newer source removed, of
its removal (model.Removal), which keeps the member's observations before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .checks import from_report
from .errors import UsageError
from .i18n import _
from .model import Observation, Region
from .queries import Gap, GapReport
from .sources import FieldSpec, fields, items_of
from .text import ECHO_LIMIT, fold, printable
from .vocabulary import GapKind

# The attribute (queries.ATTRIBUTES) that shows a field, where its key is not the field's name.
_ATTRIBUTE_OF = {"general_support.level": "general_support", "funding.after_project": "funding"}


def attribute_key(spec: FieldSpec) -> str:
    """The key of the attribute (queries.ATTRIBUTES) that shows the field: funding for
    funding.after_project, channels for service_support.channels."""
    return _ATTRIBUTE_OF.get(spec.path, spec.name)


def find_field(text: str) -> FieldSpec:
    """The field a person names: its path in the schema (funding.after_project) or the key
    of its attribute (funding), in any case, with '-' or '_'. Raises UsageError, listing
    the fields, if it names none."""
    key = fold(text)
    for spec in fields().values():
        if key in (fold(spec.path), fold(attribute_key(spec))):
            return spec
    raise UsageError(
        _("unknown field {field}").format(field=repr(printable(text, ECHO_LIMIT))),
        hint=_("fields: {fields}").format(fields=", ".join(fields())),
    )


class Change(StrEnum):
    """What an observation did to its value: the code scripts get (views say it in words)."""

    FIRST = "first"  # the first observation of a value, or of a set member in the report
    CHANGED = "changed"  # a one-valued field got another value
    CONFIRMED = "confirmed"  # a newer source says the same
    ADDED = "added"  # a set member a newer source adds (or adds back)
    REMOVED = "removed"  # a set member a newer source says is no longer there


@dataclass(frozen=True)
class Event:
    """One observation of a region's field, as `history` and `changes` list it.

    `value` is the value (a one-valued field) or the set member the observation is about;
    `before` the field's value before it (None for sets and first observations); `current`
    whether it is the value's current observation (of a member still listed).
    """

    region: Region
    field: FieldSpec
    change: Change
    value: object
    before: object
    observation: Observation[object]
    current: bool

    @property
    def date(self) -> dt.date:
        """The observation's date (a loaded dataset has one for every observation)."""
        return observed(self.observation)


def observed(item: Observation[object]) -> dt.date:
    """An observation's date; the earliest date for one that has none (an unknown source,
    which a loaded dataset does not have)."""
    return item.observed or dt.date.min


def field_events(region: Region, spec: FieldSpec) -> list[Event]:
    """Every observation of one field of a region, oldest first."""
    if not spec.many:
        (item,) = items_of(region, spec)
        events: list[Event] = []
        before: object = None
        for index, seen in enumerate((*item.history, item)):
            if index == 0:
                change = Change.FIRST
            else:
                change = Change.CONFIRMED if seen.value == before else Change.CHANGED
            events.append(Event(region, spec, change, seen.value, before, seen, seen is item))
            before = seen.value
        return events
    return sorted(_member_events(region, spec), key=lambda e: e.date)


def _member_events(region: Region, spec: FieldSpec) -> list[Event]:
    current = items_of(region, spec)
    timelines: dict[str, list[tuple[Observation[object], bool]]] = {}
    for removal in region.removed:
        if removal.field == spec.path:
            timeline = timelines.setdefault(removal.value, [])
            timeline += [(seen, False) for seen in removal.history] + [(removal, True)]
    for member in current:
        timeline = timelines.setdefault(str(member.value), [])
        timeline += [(seen, False) for seen in (*member.history, member)]
    events = []
    for timeline in timelines.values():
        listed = False
        first = True
        for seen, removed in sorted(timeline, key=lambda entry: observed(entry[0])):
            if removed:
                change = Change.REMOVED
            elif listed:
                change = Change.CONFIRMED
            elif first and from_report(seen):
                change = Change.FIRST
            else:
                change = Change.ADDED
            listed, first = not removed, False
            is_current = any(seen is member for member in current)
            events.append(Event(region, spec, change, seen.value, None, seen, is_current))
    return events


def region_history(region: Region, spec: FieldSpec | None = None) -> list[Event]:
    """The region's observations of one field, or of every field in the schema's order,
    each field's oldest first."""
    chosen = [spec] if spec else list(fields().values())
    return [event for each in chosen for event in field_events(region, each)]


def changes(regions: Sequence[Region], since: dt.date) -> list[Event]:
    """Every observation dated on or after `since`, oldest first (then in the regions' and
    the schema's order): what the dataset learned since that day."""
    found = [event for region in regions for event in region_history(region) if event.date >= since]
    return sorted(found, key=lambda e: e.date)


# --- gaps resting on values that no source has confirmed since a date ---

# The fields each kind of gap rests on (queries._region_gaps); none: the report's text itself.
GAP_FIELDS: dict[GapKind, tuple[str, ...]] = {
    GapKind.FUNDING_UNCLEAR: ("funding.after_project",),
    GapKind.FUNDING_NOT_REPORTED: ("funding.after_project",),
    GapKind.NO_GENERAL_SUPPORT: ("general_support.level", "general_support.referral_targets"),
    GapKind.NO_GENERAL_SUPPORT_NO_REFERRAL: (
        "general_support.level",
        "general_support.referral_targets",
    ),
    GapKind.NO_REMOTE_CHANNEL: ("service_support.channels",),
    GapKind.CONTACT_MEDIUM_NOT_STATED: ("service_support.channels",),
    GapKind.MISSING_SECTION: (),
    GapKind.NOT_INTERVIEWED: (),
}


def field_date(region: Region, spec: FieldSpec, report_date: dt.date) -> dt.date:
    """As of when a field's value is known: its observation's date; for a set, its oldest
    member's (each must hold), or for an empty set the date of its last removal, else the
    report's."""
    dates = [observed(item) for item in items_of(region, spec)]
    if dates:
        return min(dates)
    removals = [observed(r) for r in region.removed if r.field == spec.path]
    return max(removals, default=report_date)


def gap_date(gap: Gap, report_date: dt.date) -> dt.date:
    """As of when a gap is known: the oldest date of the values it rests on (GAP_FIELDS)."""
    specs = fields()
    dates = [field_date(gap.region, specs[path], report_date) for path in GAP_FIELDS[gap.kind]]
    return min(dates, default=report_date)


@dataclass(frozen=True)
class DatedGaps:
    """Gaps with the date each rests on (`dates`, one per gap), and the day asked about."""

    report: GapReport
    dates: tuple[dt.date, ...]
    since: dt.date


def unconfirmed(report: GapReport, since: dt.date, report_date: dt.date) -> DatedGaps:
    """The gaps that rest on a value no source has confirmed on or after `since`: whom to
    call. The summary counts them, out of the same totals."""
    kept = [(gap, date) for gap in report.gaps if (date := gap_date(gap, report_date)) < since]
    summary = tuple(
        replace(each, count=len({gap.region.id for gap, _ in kept if gap.kind is each.kind}))
        for each in report.summary
    )
    gaps = tuple(gap for gap, _ in kept)
    return DatedGaps(GapReport(gaps, summary), tuple(date for _, date in kept), since)
