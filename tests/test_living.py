"""A living dataset (issue 17): sources, dated values, history, changes, and the commands that
keep a copy of the data: `sources add`, `record`, `export --format yaml`.

Every test works on a temporary copy; the test sources are in tests/sources/, never in data/.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from digituki_cli import sources
from digituki_cli.cli import _members_last
from digituki_cli.completion import region_ids
from digituki_cli.errors import DataError, UsageError
from digituki_cli.history import (
    Change,
    changes,
    field_date,
    find_field,
    gap_date,
    region_history,
    unconfirmed,
)
from digituki_cli.load import load_dataset, load_path
from digituki_cli.model import REPORT_ID, SCHEMA_VERSION, Dataset
from digituki_cli.paths import bundled_dataset
from digituki_cli.queries import gaps
from digituki_cli.vocabulary import GapKind

from .conftest import ROOT

TEST_SOURCES = Path(__file__).resolve().parent / "sources"
KANTA_HAME = TEST_SOURCES / "kanta-hame-2026-01.txt"
SATAKUNTA = TEST_SOURCES / "satakunta-2026-02.txt"
KANTA_HAME_QUOTE = "digituki rahoitetaan hyvinvointialueen perusbudjetista"
NOTES = (
    "--note-fi", "Aluehallitus päätti rahoittaa digituen perusbudjetista.",
    "--note-sv", "Regionstyrelsen beslöt att finansiera det digitala stödet ur basbudgeten.",
    "--note-en", "The regional board decided to fund digital support from the basic budget.",
)  # fmt: skip

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(run_main: Run) -> Run:
    """The real entry point, each command reading the dataset afresh (as a new process does:
    the loader keeps one dataset per file for the life of a process)."""

    def each(*args: str) -> tuple[int, str, str]:
        load_dataset.cache_clear()
        return run_main(*args)

    return each


@pytest.fixture
def copy(run: Run, tmp_path: Path) -> Path:
    """A copy of the bundled dataset, made as a coordinator makes it."""
    target = tmp_path / "mine.yaml"
    code, _out, err = run("export", "--format", "yaml", "-o", str(target))
    assert code == 0, err
    return target


def _add_kanta_hame(run: Run, copy: Path) -> None:
    code, _out, err = run(
        "--data", str(copy), "sources", "add", str(KANTA_HAME), "--id", "kanta-hame-2026-01",
        "--title", "Aluehallituksen päätös 15.1.2026", "--date", "2026-01-15",
        "--publisher", "Kanta-Hämeen hyvinvointialue", "--url", "https://example.org/paatos",
    )  # fmt: skip
    assert code == 0, err


def _record_kanta_hame(run: Run, copy: Path) -> tuple[int, str, str]:
    return run(
        "--data", str(copy), "record", "kanta-hame", "funding.after_project", "regular-budget",
        "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE, *NOTES,
    )  # fmt: skip


# --- the issue's "Done when", end to end ---


def test_a_source_and_a_recorded_value_reach_every_answer_and_export(
    run: Run, copy: Path, tmp_path: Path
) -> None:
    data = ["--data", str(copy)]
    assert copy.read_bytes() == bundled_dataset().read_bytes()
    assert (tmp_path / "source" / "hyvinvointialueiden-digituen-mallit.txt").is_file()

    _add_kanta_hame(run, copy)
    assert (tmp_path / "sources" / "kanta-hame-2026-01.txt").read_bytes() == KANTA_HAME.read_bytes()
    code, out, _err = run(*data, "sources", "--format", "csv")
    assert code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == [
        "report", "kanta-hame-2026-01",
    ]  # fmt: skip

    code, out, err = _record_kanta_hame(run, copy)
    assert code == 0, err
    assert out == (
        "Kanta-Häme, Funding after project: regular-budget (changed from unclear; 2026-01-15,\n"
        "kanta-hame-2026-01) · current value\n"
        "Wrote " + str(copy) + "\n"
    )

    code, out, _err = run(*data, "show", "kanta-hame", "--section", "organisation_funding")
    assert "Funding after project  regular-budget (2026-01-15, source kanta-hame-2026-01)" in out
    assert "Project funded         yes\n" in out  # a value of the report: no date

    code, out, _err = run(*data, "gaps", "-k", "funding-unclear", "--format", "json")
    assert "kanta-hame" not in {gap["id"] for gap in json.loads(out)}
    code, out, _err = run(*data, "filter", "--funding", "regular-budget", "--format", "csv")
    assert "\nkanta-hame," in out

    code, out, _err = run(*data, "history", "kanta-hame", "funding", "--format", "json")
    history = json.loads(out)
    assert [(h["date"], h["change"], h["value"], h["source"], h["current"]) for h in history] == [
        ("2025-12-09", "first", "unclear", REPORT_ID, False),
        ("2026-01-15", "changed", "regular-budget", "kanta-hame-2026-01", True),
    ]
    assert history[1]["note"]["fi"].startswith("Aluehallitus päätti")

    code, out, _err = run(*data, "changes", "--since", "2026-01-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["field"], r["before"], r["value"]) for r in rows] == [
        ("kanta-hame", "funding.after_project", "unclear", "regular-budget")
    ]
    for fmt in ("table", "markdown", "json"):
        assert run(*data, "changes", "--since", "2026-01-01", "--format", fmt)[0] == 0

    code, out, _err = run(*data, "validate")
    assert code == 0 and "valid (24 regions, 0 warnings)" in out

    _assert_exports(run, data, tmp_path)


def _assert_exports(run: Run, data: list[str], tmp_path: Path) -> None:
    def export(fmt: str) -> str:
        code, out, err = run(*data, "export", "--format", fmt)
        assert code == 0, err
        return out

    exported = json.loads(export("json"))
    assert exported["schema_version"] == SCHEMA_VERSION
    assert [s["id"] for s in exported["sources"]] == ["kanta-hame-2026-01"]
    region = next(r for r in exported["regions"] if r["id"] == "kanta-hame")
    after = region["funding"]["after_project"]
    assert (after["value"], after["source"], after["observed"]) == (
        "regular-budget", "kanta-hame-2026-01", "2026-01-15",
    )  # fmt: skip
    assert [(h["value"], h["source"], h["observed"]) for h in after["history"]] == [
        ("unclear", REPORT_ID, "2025-12-09")
    ]
    as_json = tmp_path / "exported.json"
    assert run(*data, "export", "-o", str(as_json))[0] == 0
    assert run("validate", str(as_json))[0] == 0  # loads back, quotes checked against sources/

    row = next(r for r in csv.DictReader(io.StringIO(export("csv"))) if r["id"] == "kanta-hame")
    assert (row["funding"], row["funding_source"], row["funding_date"]) == (
        "regular-budget", "kanta-hame-2026-01", "2026-01-15",
    )  # fmt: skip
    assert row["channels_source"] == "report;report;report"

    assert "regular-budget (2026-01-15, source kanta-hame-2026-01)" in export("markdown")
    assert "regular-budget (2026-01-15, source kanta-hame-2026-01)" in export("html")

    database = tmp_path / "mine.sqlite"
    assert run(*data, "export", "-o", str(database))[0] == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT id, report FROM sources ORDER BY position").fetchall() == [
            ("report", 1), ("kanta-hame-2026-01", 0),
        ]  # fmt: skip
        assert db.execute(
            "SELECT source_id, date FROM classifications "
            "WHERE region_id = 'kanta-hame' AND field = 'funding'"
        ).fetchall() == [("kanta-hame-2026-01", "2026-01-15")]
        assert db.execute(
            "SELECT date, change, value, before, source_id, current FROM history "
            "WHERE region_id = 'kanta-hame' AND field = 'funding' ORDER BY date"
        ).fetchall() == [
            ("2025-12-09", "first", "unclear", None, "report", 0),
            ("2026-01-15", "changed", "regular-budget", "unclear", "kanta-hame-2026-01", 1),
        ]
        quotes = db.execute(
            "SELECT quote FROM history_evidence JOIN history ON history.id = history_id "
            "WHERE source_id = 'kanta-hame-2026-01'"
        ).fetchall()
        assert quotes == [(KANTA_HAME_QUOTE,)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []

    again = tmp_path / "again.yaml"
    assert run(*data, "export", "-o", str(again))[0] == 0  # the yaml suffix names the format
    assert again.read_bytes() == Path(data[1]).read_bytes()


def _unchanged(copy: Path) -> Callable[[], None]:
    """A check that the dataset and its folder are byte for byte as they are now."""
    folder = copy.parent

    def snapshot() -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()
        }

    before = snapshot()

    def check() -> None:
        assert snapshot() == before

    return check


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("record", "kanta-hame", "funding.after_project", "regular-budget",
             "--source", "kanta-hame-2026-01", "--quote", "rahoitetaan kokonaan valtion avustuksella"),
            1,
            "Error: quote not found in the text of source kanta-hame-2026-01: "
            "'rahoitetaan kokonaan valtion avustuksella' "
            "(copy the words exactly as the source has them)",
        ),
        (
            ("record", "kanta-hame", "funding.after_projekt", "regular-budget",
             "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE),
            2,
            "Error: unknown field 'funding.after_projekt' (fields: general_support.level,",
        ),
        (
            ("record", "kanta-hame", "funding", "always",
             "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE),
            2,
            "Error: 'always' is not a value of funding.after_project "
            "(values: regular-budget, unclear, not-reported)",
        ),
        (
            ("record", "kanta-hame", "funding", "regular-budget",
             "--source", "kanta-hame-2099", "--quote", KANTA_HAME_QUOTE),
            2,
            "Error: unknown source 'kanta-hame-2099' "
            "(`digituki sources` lists them; `digituki sources add` adds one)",
        ),
        (
            ("sources", "add", str(KANTA_HAME), "--id", "kanta-hame-2026-01",
             "--title", "Toinen", "--date", "2026-01-16"),
            2,
            "Error: duplicate source id kanta-hame-2026-01 (`digituki sources` lists the ids in use)",
        ),
        (
            ("sources", "add", str(KANTA_HAME), "--id", "report", "--title", "x", "--date", "2026-01-16"),
            2,
            "Error: duplicate source id report",
        ),
        (
            ("sources", "add", str(KANTA_HAME), "--id", "kanta-hame-future",
             "--title", "Tuleva", "--date", "2099-01-01"),
            2,
            "Error: the date 2099-01-01 is in the future (give the day it was published, or read)",
        ),
        (
            ("sources", "add", str(KANTA_HAME), "--id", "Kanta Häme", "--title", "x",
             "--date", "2026-01-16"),
            2,
            "Error: a source id is lower-case letters and digits joined by '-', not 'Kanta Häme'",
        ),
        (
            ("record", "kanta-hame", "channels", "chat",
             "--source", "kanta-hame-2026-01", "--quote", "neuvoo asiakkaita myös chatissa"),
            2,
            "Error: service_support.channels is a set: give +CODE to add a member or -CODE to "
            "remove one",
        ),
        (
            ("record", "helsinki", "funding", "regular-budget",
             "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE),
            1,
            "Error: nothing was written: the dataset would not be valid (helsinki: "
            "funding.after_project: a region not interviewed is all not-reported)",
        ),
        (
            ("record", "kanta-hame", "funding", "regular-budget",
             "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE, "--note", "Only English."),
            2,
            "Error: a note is given in Finnish, Swedish and English: add --note-fi, --note-sv",
        ),
    ],
    ids=lambda value: value if isinstance(value, int) else None,
)  # fmt: skip
def test_a_refused_change_says_why_and_leaves_every_file_as_it_was(
    run: Run, copy: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    _add_kanta_hame(run, copy)
    check = _unchanged(copy)
    got, out, err = run("--data", str(copy), *args)
    assert (got, out) == (code, "")
    assert err.startswith(message), err
    assert err.count("\n") == 1
    check()


def test_a_read_only_dataset_is_refused_and_left_as_it_was(run: Run, copy: Path) -> None:
    _add_kanta_hame(run, copy)
    check = _unchanged(copy)
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        code, _out, err = _record_kanta_hame(run, copy)
    finally:
        copy.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert code == 1
    assert err == (
        f"Error: {copy} is read-only (make it writable (chmod u+w), or work on a copy)\n"
    )
    check()


def test_the_bundled_dataset_is_never_changed(run: Run) -> None:
    check = _unchanged(bundled_dataset())
    code, _out, err = run(
        "record", "kainuu", "funding", "unclear", "--source", "report", "--quote", "Kainuun"
    )
    assert code == 2
    assert err.startswith("Error: give the dataset to change with --data FILE (or DIGITUKI_DATA)")
    code, _out, err = run(
        "--data", str(bundled_dataset()), "sources", "add", str(KANTA_HAME), "--id", "x",
        "--title", "x", "--date", "2026-01-15",
    )  # fmt: skip
    assert code == 1
    assert "is the dataset bundled with digituki: it holds only what the report says" in err
    assert "digituki export --format yaml -o my-counties.yaml" in err
    check()


def test_the_bundled_data_holds_only_the_report() -> None:
    dataset = load_dataset(bundled_dataset()).dataset
    assert dataset.sources == ()
    assert not (ROOT / "data" / "sources").exists()
    assert all(
        item.source == REPORT_ID
        for region in dataset.regions
        for _loc, item in _observations(region)
    )


def _observations(region: object) -> list[tuple[object, object]]:
    from digituki_cli.checks import observations

    return list(observations(region))  # type: ignore[arg-type]


# --- the edit: only the changed lines are written anew ---


def test_record_rewrites_only_the_lines_of_the_value(run: Run, copy: Path) -> None:
    _add_kanta_hame(run, copy)
    before = copy.read_text(encoding="utf-8")
    assert _record_kanta_hame(run, copy)[0] == 0
    after = copy.read_text(encoding="utf-8")
    start = before.index(
        "    after_project:\n      value: unclear", before.index("- id: kanta-hame")
    )
    end = before.index("\n", before.index("      - Hankkeen päätyttyä", start)) + 1
    assert after[:start] == before[:start]
    assert after.endswith(before[end:])
    assert after[start : len(after) - len(before) + end] == (
        "    after_project:\n"
        "      value: regular-budget\n"
        "      source: kanta-hame-2026-01\n"
        "      evidence:\n"
        f"      - {KANTA_HAME_QUOTE}\n"
        "      note:\n"
        "        fi: Aluehallitus päätti rahoittaa digituen perusbudjetista.\n"
        "        sv: Regionstyrelsen beslöt att finansiera det digitala stödet ur basbudgeten.\n"
        "        en: The regional board decided to fund digital support from the basic budget.\n"
        "      history:\n"
        "      - value: unclear\n"
        "        evidence:\n"
        "        - Hankkeen päätyttyä digituen järjestäminen ja rahoitus on vielä epäselvää.\n"
    )
    assert before.startswith("# The county dataset of digituki")
    assert after.startswith("# The county dataset of digituki")  # the comments stay


def test_a_set_member_is_removed_added_and_kept_in_history(run: Run, copy: Path) -> None:
    data = ["--data", str(copy)]
    code, _out, err = run(
        *data, "sources", "add", str(SATAKUNTA), "--id", "satakunta-2026-02",
        "--title", "Tiedote", "--date", "2026-02-01",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        *data, "record", "satakunta", "channels", "-chat", "--source", "satakunta-2026-02",
        "--quote", "chat-palvelu lopetettiin helmikuussa 2026",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Satakunta, Channels: chat (removed; 2026-02-01, satakunta-2026-02)\n")
    dataset = load_path(copy)[0]
    region = dataset.region("satakunta")
    assert [str(c.value) for c in region.service_support.channels] == [
        "web-guides", "phone", "email", "outreach",
    ]  # fmt: skip
    (removal,) = region.removed
    assert (removal.field, removal.value, removal.source) == (
        "service_support.channels", "chat", "satakunta-2026-02",
    )  # fmt: skip
    assert [h.source for h in removal.history] == [REPORT_ID]

    code, _out, err = run(
        *data, "record", "satakunta", "channels", "+phone", "--source", "satakunta-2026-02",
        "--quote", "Digitukea saa edelleen puhelimitse",
    )  # fmt: skip
    assert code == 0, err
    code, out, _err = run(*data, "history", "satakunta", "channels", "--format", "json")
    events = [(e["value"], e["change"], e["current"]) for e in json.loads(out)]
    assert ("chat", "removed", False) in events
    assert events[-2:] == [("chat", "removed", False), ("phone", "confirmed", True)]
    code, out, _err = run(*data, "show", "satakunta")
    assert "phone (2026-02-01, source satakunta-2026-02)" in out
    assert run(*data, "validate")[0] == 0
    code, _out, err = run(
        *data, "record", "satakunta", "channels", "-chat", "--source", "satakunta-2026-02",
        "--quote", "chat-palvelu lopetettiin helmikuussa 2026",
    )  # fmt: skip
    assert code == 1 and "chat is not listed in service_support.channels of satakunta" in err


def test_an_older_observation_goes_into_the_history(run: Run, copy: Path, tmp_path: Path) -> None:
    data = ["--data", str(copy)]
    _add_kanta_hame(run, copy)
    assert _record_kanta_hame(run, copy)[0] == 0
    older = tmp_path / "older.txt"
    older.write_text("Rahoitus jatkossa on epäselvä, kertoi alue marraskuussa.", encoding="utf-8")
    code, _out, err = run(
        *data, "sources", "add", str(older), "--id", "kanta-hame-2025-11", "--title", "Sähköposti",
        "--date", "2025-12-20",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(
        *data, "record", "kanta-hame", "funding", "unclear", "--source", "kanta-hame-2025-11",
        "--quote", "Rahoitus jatkossa on epäselvä",
    )  # fmt: skip
    assert code == 0, err
    assert "A newer observation stays the current value; this one is history." in out
    after = load_path(copy)[0].region("kanta-hame").funding.after_project
    assert str(after.value) == "regular-budget"
    assert [h.source for h in after.history] == [REPORT_ID, "kanta-hame-2025-11"]


def test_the_same_record_twice_changes_nothing(run: Run, copy: Path) -> None:
    _add_kanta_hame(run, copy)
    assert _record_kanta_hame(run, copy)[0] == 0
    check = _unchanged(copy)
    code, _out, err = _record_kanta_hame(run, copy)
    assert (code, err) == (1, "Error: nothing to record: the dataset already says this\n")
    check()


def test_record_as_a_real_process(copy: Path) -> None:
    """The console script: `-chat` is a member to remove, not the options -c -h -a -t."""
    env = {**os.environ, "DIGITUKI_LANG": "en", "COLUMNS": "200", "NO_COLOR": "1"}
    digituki = [sys.executable, "-m", "digituki_cli"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*digituki, "--data", str(copy), *args], env=env, capture_output=True, text=True
        )

    assert (
        run(
            "sources", "add", str(SATAKUNTA), "--id", "sk", "--title", "T", "--date", "2026-02-01"
        ).returncode
        == 0
    )
    result = run(
        "record",
        "satakunta",
        "channels",
        "-chat",
        "--source",
        "sk",
        "--quote",
        "chat-palvelu lopetettiin",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Satakunta, Channels: chat (removed; 2026-02-01, sk)")
    assert not list(copy.parent.glob(".*.tmp"))  # the atomic write left no temporary file


def test_members_to_remove_are_moved_after_double_dash() -> None:
    assert _members_last(["--data", "x.yaml", "record", "r", "channels", "-chat", "--quote", "-q"]) == [
        "--data", "x.yaml", "record", "r", "channels", "--quote", "-q", "--", "-chat",
    ]  # fmt: skip
    for args in (
        ["show", "kainuu", "-f", "json"],
        ["record", "--help"],
        ["record", "r", "f", "-h"],
    ):
        assert _members_last(args) == args


# --- the model: a version-2 file, dates, history ---


def test_a_version_2_file_reads_as_it_is(tmp_path: Path) -> None:
    text = (
        bundled_dataset()
        .read_text(encoding="utf-8")
        .replace(f"schema_version: {SCHEMA_VERSION}\n", "schema_version: 2\n", 1)
    )
    path = tmp_path / "v2.yaml"
    path.write_text(text, encoding="utf-8")
    dataset, _warnings = load_path(path)
    assert dataset.schema_version == SCHEMA_VERSION
    assert dataset == load_path(bundled_dataset())[0]
    assert sources.migrate({"schema_version": 2}) == {"schema_version": SCHEMA_VERSION}
    assert sources.migrate({"schema_version": 1}) == {"schema_version": 1}  # validation refuses it


def test_recording_into_a_version_2_file_makes_it_version_3(run: Run, copy: Path) -> None:
    copy.write_text(
        copy.read_text(encoding="utf-8").replace(
            f"schema_version: {SCHEMA_VERSION}\n", "schema_version: 2\n"
        ),
        encoding="utf-8",
    )
    _add_kanta_hame(run, copy)
    assert f"\nschema_version: {SCHEMA_VERSION}\n" in copy.read_text(encoding="utf-8")


def test_every_value_has_its_source_and_date(dataset: Dataset) -> None:
    for region in dataset.regions:
        for _loc, item in _observations(region):
            assert (item.source, item.observed) == (REPORT_ID, dt.date(2025, 12, 9))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("      value: unclear\n", "      value: unclear\n      source: nowhere\n"),
            "kanta-hame: funding.after_project.source: unknown source 'nowhere'",
        ),
        (
            ("      value: unclear\n", "      value: unclear\n      observed: 2099-01-01\n"),
            "kanta-hame: funding.after_project.observed: the date 2099-01-01 is in the future",
        ),
        (
            (
                "      value: unclear\n",
                "      value: unclear\n      history:\n      - value: regular-budget\n"
                "        observed: 2026-01-01\n        evidence:\n"
                "        - Hankkeen päätyttyä digituen järjestäminen\n",
            ),
            "kanta-hame: funding.after_project.history: the history must run oldest first",
        ),
        (
            ("  aliases:\n  - Oma Häme\n", "  aliases:\n  - Oma Häme\n  removed:\n"
             "  - field: service_support.chanels\n    value: chat\n"),
            "kanta-hame: removed[0].field: unknown set service_support.chanels",
        ),
    ],
)  # fmt: skip
def test_hand_edits_are_checked(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    text = bundled_dataset().read_text(encoding="utf-8")
    start = text.index("- id: kanta-hame")
    edited = text[:start] + text[start:].replace(*change, 1)
    assert edited != text
    path = tmp_path / "counties.yaml"
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_path(path)
    assert any(message in str(p) for p in raised.value.problems), raised.value.problems


def test_a_cached_dataset_is_not_used_when_a_source_text_changes(
    run: Run, copy: Path, tmp_path: Path
) -> None:
    _add_kanta_hame(run, copy)
    assert _record_kanta_hame(run, copy)[0] == 0
    load_dataset.cache_clear()
    assert load_dataset(copy).dataset.sources  # validated, and cached
    saved = tmp_path / "sources" / "kanta-hame-2026-01.txt"
    saved.write_text("Toinen teksti kokonaan.", encoding="utf-8")
    load_dataset.cache_clear()
    with pytest.raises(DataError, match="quote not found in the text of source kanta-hame-2026-01"):
        load_dataset(copy)


# --- queries ---


def test_fields_are_named_by_path_or_column() -> None:
    assert find_field("funding.after_project") is find_field("funding") is find_field("FUNDING")
    assert find_field("channels").path == "service_support.channels"
    assert find_field("service-support.channels").many
    with pytest.raises(UsageError):
        find_field("funding.after")


def test_history_of_the_report_is_one_first_observation_a_value(dataset: Dataset) -> None:
    region = dataset.region("kainuu")
    events = region_history(region)
    assert {e.change for e in events} == {Change.FIRST}
    assert all(e.current for e in events)
    assert changes(dataset.regions, dt.date(2026, 1, 1)) == []
    assert len(changes(dataset.regions, dt.date(2025, 12, 9))) == sum(
        len(region_history(r)) for r in dataset.regions
    )


def test_gaps_unconfirmed_since_a_day(dataset: Dataset) -> None:
    report = gaps(dataset.regions, (GapKind.FUNDING_UNCLEAR,))
    report_date = dataset.source.date
    assert {gap_date(g, report_date) for g in report.gaps} == {report_date}
    assert unconfirmed(report, report_date, report_date).report.gaps == ()
    later = unconfirmed(report, dt.date(2026, 1, 1), report_date)
    assert later.report.gaps == report.gaps
    assert later.report.summary == report.summary
    spec = find_field("channels")
    assert field_date(dataset.region("helsinki"), spec, report_date) == report_date


def test_gaps_unconfirmed_since_in_every_format(run: Run) -> None:
    args = ("gaps", "-k", "funding-unclear", "--unconfirmed-since", "2026-01-01")
    code, out, _err = run(*args, "--format", "json")
    assert code == 0
    assert {g["as_of"] for g in json.loads(out)} == {"2025-12-09"}
    code, out, _err = run(*args)
    assert out.startswith("Gaps that rest on values no source has confirmed since 2026-01-01:\n")
    assert "as of" in out
    code, out, _err = run(*args, "--format", "csv")
    assert out.split("\n", 1)[0] == "id,name,gap,detail,evidence,as_of"
    code, _out, err = run("gaps", "--unconfirmed-since", "1.1.2026")
    assert code == 2 and "'1.1.2026' is not a date written YYYY-MM-DD" in err


def test_completion_offers_regions_not_sources(run: Run, copy: Path) -> None:
    code, _out, err = run(
        "--data", str(copy), "sources", "add", str(KANTA_HAME), "--id", "board-decision",
        "--title", "x", "--date", "2026-01-15",
    )  # fmt: skip
    assert code == 0, err
    ids = region_ids(copy)
    assert "board-decision" not in ids and len(ids) == 24


# --- the interface in Finnish and Swedish ---


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_record_and_its_errors_speak_the_language(run: Run, copy: Path, lang: str) -> None:
    from .test_i18n import _english_in

    _add_kanta_hame(run, copy)
    for args in (
        ("record", "kanta-hame", "funding", "always", "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE),
        ("record", "kanta-hame", "funding", "regular-budget", "--source", "x", "--quote", KANTA_HAME_QUOTE),
        ("record", "kanta-hame", "funding", "regular-budget", "--source", "kanta-hame-2026-01", "--quote", "ei lähteessä olevaa"),
        ("sources", "add", str(KANTA_HAME), "--id", "kanta-hame-2026-01", "--title", "x", "--date", "2026-01-15"),
        ("sources", "add", str(KANTA_HAME), "--id", "y", "--title", "x", "--date", "2099-01-15"),
    ):  # fmt: skip
        code, _out, err = run("--lang", lang, "--data", str(copy), *args)
        assert code in (1, 2)
        assert not _english_in(lang, err), err
    code, out, err = run("--lang", lang, "--data", str(copy), "record", "kanta-hame", "funding",
                         "regular-budget", "--source", "kanta-hame-2026-01", "--quote", KANTA_HAME_QUOTE)  # fmt: skip
    assert code == 0, err
    assert not _english_in(lang, _without_paths(out)), out
    for args in (("history", "kanta-hame", "funding"), ("changes", "--since", "2026-01-01"), ("sources",),
                 ("show", "kanta-hame"), ("gaps", "--unconfirmed-since", "2026-01-01")):  # fmt: skip
        code, out, _err = run("--lang", lang, "--data", str(copy), *args)
        assert code == 0
        assert not _english_in(lang, _without_paths(out)), (args, out)


def _without_paths(text: str) -> str:
    """The text without file paths and addresses (data, the same in every language)."""
    import re

    return re.sub(r"\S*/\S*", "", text)
