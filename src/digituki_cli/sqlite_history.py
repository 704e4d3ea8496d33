"""The sources and every value's history in the SQLite export (export.write_sqlite).

Tables: `sources` (the report first), `history` (every observation of every classified
value: date, what it did, value, source, note, and whether it is the current one) with its
quotes in `history_evidence`; and `source_id` and `date` added to `classifications`, the
source and date of each current value.

    SELECT region_id, field, value, date FROM classifications WHERE source_id <> 'report';
    SELECT date, field, change, value, before, source_id FROM history
      WHERE region_id = 'kanta-hame' ORDER BY date;
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .history import Change, attribute_key, region_history
from .sources import registry

if TYPE_CHECKING:
    import sqlite3

    from .model import Dataset

# The languages of the note columns, in their order: `note` (English), `note_fi`, `note_sv`
# (as the export's other tables).
_NOTE_LANGS = ("en", "fi", "sv")


def add(db: sqlite3.Connection, dataset: Dataset) -> None:
    """Create and fill the sources and history tables, and date the classifications."""
    changes = ", ".join(f"'{change.value}'" for change in Change)
    statements = [
        """CREATE TABLE sources (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL,
            by TEXT NOT NULL, date TEXT NOT NULL, url TEXT, file TEXT NOT NULL,
            report INTEGER NOT NULL CHECK (report IN (0, 1))) WITHOUT ROWID""",
        f"""CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            region_id TEXT NOT NULL REFERENCES regions(id),
            field TEXT NOT NULL, path TEXT NOT NULL, date TEXT NOT NULL,
            change TEXT NOT NULL CHECK (change IN ({changes})),
            value TEXT, before TEXT,
            source_id TEXT NOT NULL REFERENCES sources(id),
            current INTEGER NOT NULL CHECK (current IN (0, 1)),
            note TEXT, note_fi TEXT, note_sv TEXT)""",
        "CREATE INDEX history_by_region ON history(region_id, field, date)",
        """CREATE TABLE history_evidence (
            history_id INTEGER NOT NULL REFERENCES history(id),
            position INTEGER NOT NULL, quote TEXT NOT NULL,
            PRIMARY KEY (history_id, position)) WITHOUT ROWID""",
        "ALTER TABLE classifications ADD COLUMN source_id TEXT REFERENCES sources(id)",
        "ALTER TABLE classifications ADD COLUMN date TEXT",
    ]
    for statement in statements:
        db.execute(statement)
    db.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (e.id, i, e.title, "; ".join(e.by), e.date.isoformat(), e.url, e.file, int(e.report))
            for i, e in enumerate(registry(dataset))
        ],
    )
    for region in dataset.regions:
        for event in region_history(region):
            seen = event.observation
            note = seen.note
            cursor = db.execute(
                "INSERT INTO history (region_id, field, path, date, change, value, before, "
                "source_id, current, note, note_fi, note_sv) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    region.id,
                    attribute_key(event.field),
                    event.field.path,
                    event.date.isoformat(),
                    event.change.value,
                    _text(event.value),
                    _text(event.before),
                    seen.source,
                    int(event.current),
                    *(note.text(lang) if note else None for lang in _NOTE_LANGS),
                ),
            )
            db.executemany(
                "INSERT INTO history_evidence VALUES (?, ?, ?)",
                [(cursor.lastrowid, i, quote) for i, quote in enumerate(seen.evidence)],
            )
    db.execute(
        """UPDATE classifications SET (source_id, date) = (
            SELECT h.source_id, h.date FROM history h
            WHERE h.current AND h.region_id = classifications.region_id
              AND h.field = classifications.field AND h.value = classifications.value)"""
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
