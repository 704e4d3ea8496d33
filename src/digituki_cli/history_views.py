"""What `sources`, `history`, `changes`, `record` and `gaps --unconfirmed-since` show.

Views as in views.py: every word in the interface language; JSON and CSV keep the stable
English codes and keys (a value's code, a change's code, dates as YYYY-MM-DD).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .history import Change, DatedGaps, Event, attribute_key
from .i18n import N_, _, in_language, label, ngettext
from .model import REPORT_ID, DescribedEnum, Region, to_jsonable
from .queries import CLASSIFIED
from .render import Grid, Heading, Line, Output, Pair, Pairs
from .sources import FieldSpec, SourceEntry
from .views import NOTE_PREFIX, attribute_label, gaps_view, note_text

CHANGE_LABELS = {
    Change.FIRST: N_("first observation"),
    Change.CONFIRMED: N_("confirmed"),
    Change.ADDED: N_("added"),
    Change.REMOVED: N_("removed"),
}
QUOTES_NOTE = N_("Quotes are in the language of their source, as published.")


def field_label(spec: FieldSpec) -> str:
    """A field's label in the language: the label of the attribute that shows it."""
    return attribute_label(attribute_key(spec))


def value_label(spec: FieldSpec, value: object) -> str:
    """A value of the field as people read it: a codebook value's label, text as it is,
    none as '-'."""
    if value is None:
        return "-"
    if spec.codebook is not None:
        member = spec.codebook._value2member_map_.get(str(value))
        if isinstance(member, DescribedEnum):
            return label(member)
    return str(value)


def source_name(source: str | None) -> str:
    """A source as an answer names it: 'the report', or a newer source's id."""
    return _("the report") if source in (None, REPORT_ID) else str(source)


def change_text(event: Event) -> str:
    """What the observation did, in words: 'changed from unclear', 'added', 'confirmed'."""
    if event.change is Change.CHANGED:
        return _("changed from {value}").format(value=value_label(event.field, event.before))
    return _(CHANGE_LABELS[event.change])


def event_summary(event: Event, dated: bool = True) -> str:
    """One observation on one line: value, what it did, date (if `dated`) and source, and
    whether it is the current one."""
    value = value_label(event.field, event.value)
    source = source_name(event.observation.source)
    if dated:
        text = _("{value} ({change}; {date}, {source})").format(
            value=value, change=change_text(event), date=event.date.isoformat(), source=source
        )
    else:
        text = _("{value} ({change}; {source})").format(
            value=value, change=change_text(event), source=source
        )
    return text + (" · " + _("current value") if event.current else "")


def _code(value: object) -> object:
    return value.value if isinstance(value, DescribedEnum) else value


def event_json(event: Event) -> dict[str, Any]:
    """An observation for scripts: codes, dates as YYYY-MM-DD, the note in every language."""
    seen = event.observation
    return {
        "id": event.region.id,
        "field": event.field.path,
        "date": event.date.isoformat(),
        "change": event.change.value,
        "value": _code(event.value),
        "before": _code(event.before),
        "source": seen.source,
        "current": event.current,
        "evidence": list(seen.evidence),
        "note": to_jsonable(seen.note),
    }


EVENT_CSV_HEADER = (
    "id", "field", "date", "change", "value", "before", "source", "current", "evidence",
    "note_fi", "note_sv", "note_en",
)  # fmt: skip


def event_csv(event: Event) -> list[str]:
    """An observation as a CSV row (EVENT_CSV_HEADER); quotes joined with ' / '."""
    data = event_json(event)
    note = event.observation.note
    notes = [note.text(lang) if note else "" for lang in ("fi", "sv", "en")]
    plain = ["" if data[k] is None else str(data[k]) for k in EVENT_CSV_HEADER[:6]]
    return [
        *plain,
        str(data["source"]),
        "yes" if event.current else "no",
        " / ".join(event.observation.evidence),
        *notes,
    ]


def _event_output(events: Sequence[Event], blocks: list[Any]) -> Output:
    return Output(
        blocks=blocks,
        data=lambda: [event_json(e) for e in events],
        csv_header=EVENT_CSV_HEADER,
        csv_rows=lambda: [event_csv(e) for e in events],
    )


def history_view(region: Region, events: Sequence[Event]) -> Output:
    """A region's observations, field by field, oldest first, each with its quotes and note."""
    blocks: list[Any] = [
        Heading(_("History of {region}").format(region=in_language(region.short_names)))
    ]
    by_field: dict[str, list[Event]] = {}
    for event in events:
        by_field.setdefault(event.field.path, []).append(event)
    for field_events in by_field.values():
        blocks.append(Heading(field_label(field_events[0].field), level=2))
        pairs = tuple(
            Pair(
                event.date.isoformat(),
                event_summary(event, dated=False),
                event.observation.evidence,
                note_text(event.observation.note) if event.observation.note else None,
            )
            for event in field_events
        )
        blocks.append(Pairs(pairs, note_prefix=_(NOTE_PREFIX)))
    count = ngettext("{count} observation", "{count} observations", len(events))
    blocks.append(Line(count.format(count=len(events)), dim=True))
    blocks.append(Line(_(QUOTES_NOTE), dim=True))
    return _event_output(events, blocks)


def changes_view(events: Sequence[Event], since: dt.date) -> Output:
    """Every observation on or after a day: date, region, field, what it did, source."""
    columns = (_("date"), _("region"), _("field"), _("value"), _("change"), _("source"))
    rows = tuple(
        (
            event.date.isoformat(),
            in_language(event.region.short_names),
            field_label(event.field),
            value_label(event.field, event.value),
            change_text(event),
            source_name(event.observation.source),
        )
        for event in events
    )
    summary = ngettext(
        "{count} observation on or after {date}", "{count} observations on or after {date}",
        len(events),
    ).format(count=len(events), date=since.isoformat())  # fmt: skip
    blocks: list[Any] = (
        [Grid(columns, rows), Line(summary, dim=True)] if rows else [Line(summary, dim=True)]
    )
    return _event_output(events, blocks)


def sources_view(entries: Sequence[SourceEntry]) -> Output:
    """The dataset's sources, the report first: id, date, title, by whom, where to find it."""
    columns = (_("id"), _("date"), _("title"), _("by"), _("where"))
    rows = tuple(
        (
            entry.id,
            entry.date.isoformat(),
            entry.title,
            ", ".join(entry.by) or "-",
            "\n".join(part for part in (entry.url, entry.file) if part),
        )
        for entry in entries
    )
    count = ngettext(
        "{count} source in the dataset", "{count} sources in the dataset", len(entries)
    ).format(count=len(entries))
    data = [
        {
            "id": e.id,
            "title": e.title,
            "by": list(e.by),
            "date": e.date.isoformat(),
            "url": e.url,
            "file": e.file,
            "report": e.report,
        }
        for e in entries
    ]
    csv_rows = [
        [
            e.id,
            e.date.isoformat(),
            e.title,
            ";".join(e.by),
            e.url or "",
            e.file,
            "yes" if e.report else "no",
        ]
        for e in entries
    ]
    return Output(
        blocks=[Grid(columns, rows), Line(count, dim=True)],
        data=data,
        csv_header=("id", "date", "title", "by", "url", "file", "report"),
        csv_rows=csv_rows,
    )


def recorded_view(event: Event, path: Path) -> Output:
    """What `record` changed: the observation, where it went, and the file written."""
    region = in_language(event.region.short_names)
    lines: list[Any] = [
        Line(
            _("{region}, {field}: {observation}").format(
                region=region, field=field_label(event.field), observation=event_summary(event)
            )
        )
    ]
    if not event.current and event.change is not Change.REMOVED:
        lines.append(Line(_("A newer observation stays the current value; this one is history.")))
    lines.append(Line(_("Wrote {path}").format(path=path), dim=True))
    return Output(blocks=lines)


def source_added_view(entry: SourceEntry, path: Path) -> Output:
    """What `sources add` did: the source registered, where its text was saved."""
    added = _("Added source {id} ({date}): {title}; its text is in {file}").format(
        id=entry.id, date=entry.date.isoformat(), title=entry.title, file=entry.file
    )
    return Output(blocks=[Line(added), Line(_("Wrote {path}").format(path=path), dim=True)])


def unconfirmed_gaps_view(dated: DatedGaps) -> Output:
    """The gaps of `gaps --unconfirmed-since`, each with the date of the values it rests on
    (a column "as of"; `as_of` in JSON and CSV), and what the list is."""
    output = gaps_view(dated.report)
    dates = [d.isoformat() for d in dated.dates]
    grid = output.blocks[0]
    assert isinstance(grid, Grid)
    output.blocks[0] = replace(
        grid,
        columns=(*grid.columns, _("as of")),
        rows=tuple((*row, date) for row, date in zip(grid.rows, dates, strict=True)),
    )
    output.blocks.insert(
        0,
        Line(
            _("Gaps that rest on values no source has confirmed since {date}:").format(
                date=dated.since.isoformat()
            )
        ),
    )
    data = output.json_data()
    output.data = [{**row, "as_of": date} for row, date in zip(data, dates, strict=True)]
    rows = output.rows()
    output.csv_header = (*output.csv_header, "as_of")
    output.csv_rows = [[*row, date] for row, date in zip(rows, dates, strict=True)]
    return output


# --- exports: the source and date of each classified value ---

DATED_HEADER = tuple(
    f"{attribute.key}_{part}" for attribute in CLASSIFIED for part in ("source", "date")
)


def dated_cells(region: Region) -> list[str]:
    """The source and date of each classified value (DATED_HEADER), a set's members' joined
    with ';' in the members' order."""
    cells = []
    for attribute in CLASSIFIED:
        items = attribute.evidence(region)
        cells.append(";".join(str(item.source) for item in items))
        cells.append(";".join(item.observed.isoformat() if item.observed else "" for item in items))
    return cells
