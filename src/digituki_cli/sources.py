"""The sources of a dataset: the report first, then the newer sources saved beside it.

A value's observation names its source (`source`, the report when it names none) and may say
as of when (`observed`, the source's date when it does not). After validation the loader
fills both in (`resolve`), so that everything above the loader reads them as they are. The
quotes of a newer source are checked against its saved text (checks.py); this module reads
those texts, checks the registry (ids, dates) and the order of each value's history, and
migrates a version-2 file, which is read as it is.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .checks import Finding, Location, evidenced_values, from_report, observations
from .i18n import _
from .model import (
    GROUPS,
    REPORT_ID,
    SCHEMA_VERSION,
    Dataset,
    DescribedEnum,
    Evidenced,
    Observation,
    Region,
)
from .text import squash

# Schema versions this digituki reads: 2 is 3 without newer sources and history.
READABLE_VERSIONS = (2, SCHEMA_VERSION)
# A source's saved text is a passage, a page or a decision: far below this.
MAX_SOURCE_BYTES = 16 * 1024 * 1024


def migrate(data: Any) -> Any:
    """A dataset file's parsed data as the current schema reads it.

    Version 2 had neither newer sources nor history: it reads as version 3 unchanged, so
    only its number changes (in the data, never in the file). Anything else is returned as
    it is, for validation to judge.
    """
    if isinstance(data, dict) and data.get("schema_version") in READABLE_VERSIONS[:-1]:
        return {**data, "schema_version": SCHEMA_VERSION}
    return data


def today() -> dt.date:
    """Today's date, against which a date in the future is refused."""
    return dt.date.today()


# --- the registry ---


@dataclass(frozen=True)
class SourceEntry:
    """A source as `digituki sources` lists it: the report or a newer source.

    `by` is the authors, else the publisher (the report's commissioner is its publisher);
    `file` the saved text, relative to the dataset file.
    """

    id: str
    title: str
    by: tuple[str, ...]
    date: dt.date
    url: str | None
    file: str
    report: bool


def registry(dataset: Dataset) -> list[SourceEntry]:
    """The dataset's sources: the report first, then the newer ones in the file's order."""
    report = dataset.source
    entries = [
        SourceEntry(
            REPORT_ID, report.title, report.authors, report.date, report.url, report.file, True
        )
    ]
    for source in dataset.sources:
        by = source.authors or ((source.publisher,) if source.publisher else ())
        entries.append(
            SourceEntry(source.id, source.title, by, source.date, source.url, source.file, False)
        )
    return entries


def source_dates(dataset: Dataset) -> dict[str, dt.date]:
    """The date of each source by id, the report's included."""
    return {entry.id: entry.date for entry in registry(dataset)}


# --- the fields a value can be recorded for ---


@dataclass(frozen=True)
class FieldSpec:
    """A classified field as the schema names it: `funding.after_project`.

    `codebook` is the enum of its values (None for the responsible unit, which is text);
    `many` says whether it is a set of members (channels) rather than one value.
    """

    path: str
    group: str
    name: str
    codebook: type[DescribedEnum] | None
    many: bool


@cache
def fields() -> dict[str, FieldSpec]:
    """Every classified field by its path, in the schema's order, read from the model."""
    found: dict[str, FieldSpec] = {}
    hints = typing.get_type_hints(Region)
    for group in GROUPS:
        group_class = hints[group]
        for name, hint in typing.get_type_hints(group_class).items():
            many = typing.get_origin(hint) is tuple
            evidenced = typing.get_args(hint)[0] if many else hint
            (value_type,) = typing.get_args(evidenced)
            codebook = value_type if _is_codebook(value_type) else None
            path = f"{group}.{name}"
            found[path] = FieldSpec(path, group, name, codebook, many)
    return found


def _is_codebook(value_type: Any) -> bool:
    return isinstance(value_type, type) and issubclass(value_type, DescribedEnum)


def items_of(region: Region, spec: FieldSpec) -> tuple[Evidenced[object], ...]:
    """The current value of a field (one item) or the members of a set."""
    value = getattr(getattr(region, spec.group), spec.name)
    return tuple(value) if spec.many else (value,)


# --- texts, resolution, checks ---


def read_texts(dataset: Dataset, base: Path) -> tuple[dict[str, str], list[Finding]]:
    """The text of each newer source (squashed), read from `base` (the dataset's folder),
    and a finding for each that cannot be read."""
    texts: dict[str, str] = {}
    problems: list[Finding] = []
    for index, source in enumerate(dataset.sources):
        where: Location = ("sources", index, "file")
        path = base / source.file
        try:
            if path.stat().st_size > MAX_SOURCE_BYTES:
                raise ValueError
            texts[source.id] = squash(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            problems.append(
                Finding(
                    where,
                    _("cannot read the text of source {id}: {path}").format(
                        id=source.id, path=path
                    ),
                )
            )
    return texts, problems


def resolve(dataset: Dataset) -> Dataset:
    """Fill in each observation's source (the report where none is named) and date (its
    source's, where none is given); an unknown source keeps no date, for `errors` to report.

    The dataset is changed in place: it has just been built by validation and no one else
    holds it yet (rebuilding every value would cost a cold load of 10,000 regions seconds).
    """
    dates = source_dates(dataset)
    for region in dataset.regions:
        for _loc, item in observations(region):
            source = item.source or REPORT_ID
            object.__setattr__(item, "source", source)
            if item.observed is None:
                object.__setattr__(item, "observed", dates.get(source))
    return dataset


def errors(dataset: Dataset) -> list[Finding]:
    """The registry's and the history's errors, on a resolved dataset: ids, dates (none in
    the future), sources named, history oldest first, removals of real set members."""
    found = list(_registry_errors(dataset))
    known = {entry.id for entry in registry(dataset)}
    now = today()
    for index, region in enumerate(dataset.regions):
        where: Location = ("regions", index)
        for loc, item in observations(region):
            found.extend(_observation_errors(item, (*where, *loc), known, now))
        for loc, item in evidenced_values(region):
            found.extend(_order_errors(item, (*where, *loc)))
        for removal_index, removal in enumerate(region.removed):
            found.extend(_order_errors(removal, (*where, "removed", removal_index)))
        found.extend(_removal_errors(region, where))
    return found


def _registry_errors(dataset: Dataset) -> Iterator[Finding]:
    seen: set[str] = set()
    now = today()
    for index, source in enumerate(dataset.sources):
        where: Location = ("sources", index)
        if source.id == REPORT_ID or source.id in seen:
            yield Finding((*where, "id"), _("duplicate source id {id}").format(id=source.id))
        seen.add(source.id)
        if source.date > now:
            yield Finding(
                (*where, "date"),
                _("the date {date} is in the future").format(date=source.date.isoformat()),
            )


def _observation_errors(
    item: Observation[object], where: Location, known: set[str], now: dt.date
) -> Iterator[Finding]:
    if item.source not in known:
        yield Finding(
            (*where, "source"),
            _("unknown source {id}").format(id=repr(item.source)),
        )
    if not from_report(item) and item.value in (None, "not-reported"):
        yield Finding((*where, "value"), _("a newer source's observation needs a reported value"))
    if item.observed is not None and item.observed > now:
        yield Finding(
            (*where, "observed"),
            _("the date {date} is in the future").format(date=item.observed.isoformat()),
        )


def _order_errors(item: Evidenced[object], where: Location) -> Iterator[Finding]:
    """The history of a value runs oldest first, and no earlier observation is newer than
    the current one (the newest observation is the current value)."""
    dates = [o.observed for o in (*item.history, item) if o.observed is not None]
    if dates != sorted(dates):
        yield Finding(
            (*where, "history"),
            _("the history must run oldest first, and the current value be the newest"),
        )


def _removal_errors(region: Region, where: Location) -> Iterator[Finding]:
    specs = fields()
    for index, removal in enumerate(region.removed):
        loc: Location = (*where, "removed", index)
        spec = specs.get(removal.field)
        if spec is None or not spec.many:
            sets = ", ".join(path for path, s in specs.items() if s.many)
            yield Finding(
                (*loc, "field"),
                _("unknown set {field} (sets: {sets})").format(field=removal.field, sets=sets),
            )
            continue
        assert spec.codebook is not None
        if removal.value not in spec.codebook._value2member_map_:
            codes = ", ".join(m.value for m in spec.codebook)
            message = _("{value} is not a value of {field}").format(
                value=repr(removal.value), field=removal.field
            )
            hint = _("values: {codes}").format(codes=codes)
            yield Finding((*loc, "value"), f"{message} ({hint})")
        for member in items_of(region, spec):
            if str(member.value) != removal.value:
                continue
            if member.observed and removal.observed and member.observed < removal.observed:
                yield Finding(
                    (*loc, "value"),
                    _("{value} is removed, yet listed from an older source").format(
                        value=removal.value
                    ),
                )


def quotes_hold(dataset: Dataset, base: Path) -> bool:
    """Whether every quote from a newer source still occurs in its saved text: a cached
    dataset is used only if so (the cache is keyed on the dataset file alone)."""
    if not dataset.sources:
        return True
    texts, problems = read_texts(dataset, base)
    if problems:
        return False
    return all(
        squash(quote) in texts.get(str(item.source), "")
        for region in dataset.regions
        for _loc, item in observations(region)
        if not from_report(item)
        for quote in item.evidence
    )
