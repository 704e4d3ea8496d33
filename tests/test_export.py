"""`digituki export`: every format from the real command, read back the way its users read it."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from digituki_cli.errors import DigitukiError
from digituki_cli.files import write_atomic
from digituki_cli.history_views import DATED_HEADER
from digituki_cli.model import SCHEMA_VERSION, Dataset
from digituki_cli.queries import ATTRIBUTES
from digituki_cli.validation import validate
from digituki_cli.views_context import CONTEXT_COLUMNS

from .conftest import ROOT

Invoke = Callable[..., tuple[int, str]]
RunMain = Callable[..., tuple[int, str, str]]
SCREENSHOT = ROOT / "docs" / "report.png"


# --- JSON ---


def test_json_round_trips_through_the_models(invoke: Invoke, dataset: Dataset) -> None:
    code, out = invoke("export", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["source"]["title"] == "Hyvinvointialueiden digituen mallit"
    assert data["source"]["date"] == "2025-12-09"
    assert validate(data) == dataset


def test_json_file_is_the_same_as_stdout(run_main: RunMain, tmp_path: Path) -> None:
    target = tmp_path / "counties.json"
    code, out, err = run_main("export", "-f", "json", "-o", str(target))
    assert (code, out) == (0, "")
    assert err.startswith(f"Wrote {target} (json, ") and err.count("\n") == 1
    _, stdout, _ = run_main("export", "-f", "json", "-o", "-")
    assert target.read_text(encoding="utf-8") == stdout
    assert "Päijät-Häme" in stdout  # not \u00e4 escapes


# --- CSV ---


def test_csv_has_one_row_per_region_and_keeps_finnish_letters(
    run_main: RunMain, tmp_path: Path, dataset: Dataset
) -> None:
    target = tmp_path / "counties.csv"
    assert run_main("export", "--format", "csv", "-o", str(target))[0] == 0
    raw = target.read_bytes()
    # A BOM makes a spreadsheet read the file as UTF-8; the letters are UTF-8 bytes.
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Päijät-Häme".encode() in raw and "Länsi-Uusimaa".encode() in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["id"] for r in rows] == [r.id for r in dataset.regions]
    assert list(rows[0]) == ["id", *(a.key for a in ATTRIBUTES), *CONTEXT_COLUMNS, *DATED_HEADER]
    by_id = {r["id"]: r for r in rows}
    assert by_id["paijat-hame"]["name"] == "Päijät-Häme"
    assert by_id["ahvenanmaa"]["interviewed"] == "no"
    assert by_id["kanta-hame"]["funding"] == "unclear"
    assert by_id["kanta-hame"]["channels"] == "web-guides;phone;email"
    assert by_id["etela-karjala"]["partners"].split(";") == [
        "ngos", "libraries", "municipalities", "education", "parishes",
    ]  # fmt: skip


def test_csv_on_stdout_has_no_bom(invoke: Invoke) -> None:
    code, out = invoke("export", "-f", "csv")
    assert code == 0
    assert out.startswith("id,name,kind,")
    assert len(out.splitlines()) == 25


# --- Markdown ---


def test_markdown_report_has_summaries_and_a_section_per_region(
    invoke: Invoke, dataset: Dataset
) -> None:
    code, out = invoke("export", "-f", "markdown")
    assert code == 0
    assert out.startswith("# Digital support in Finland's wellbeing services counties\n")
    for heading in ("### General support", "### Funding after the project", "### Channels"):
        assert f"\n{heading}\n" in out
    assert (
        "| unclear | 5 | Kanta-Häme, Central Finland, Ostrobothnia, North Karelia, North Savo |"
        in out
    )
    for region in dataset.regions:
        assert f"\n### {region.short_names.en} — {region.names.en}\n" in out
    kainuu = out.split("### Kainuu — ")[1].split("\n### ")[0]
    assert "#### Classification" in kainuu and "#### Report text" in kainuu
    assert "  > " in kainuu  # evidence quotes
    text = dataset.region("kainuu").sections.general_support
    assert text is not None and text.text.split("\n\n")[0] in kainuu


# --- SQLite ---


@pytest.fixture
def database(run_main: RunMain, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    target = tmp_path / "digituki.sqlite"
    code, _, err = run_main("export", "--format", "sqlite", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def _column(db: sqlite3.Connection, sql: str, *params: object) -> list[object]:
    return [row[0] for row in db.execute(sql, params)]


def test_sqlite_answers_real_questions(database: sqlite3.Connection) -> None:
    email_and_unclear = """
        SELECT r.id FROM regions r JOIN region_channels c ON c.region_id = r.id
        WHERE c.channel = 'email' AND r.funding = 'unclear' ORDER BY r.id"""
    assert _column(database, email_and_unclear) == ["kanta-hame", "pohjois-karjala"]
    parishes = "SELECT region_id FROM region_partners WHERE partner = ? ORDER BY 1"
    assert _column(database, parishes, "parishes") == [
        "etela-karjala", "pohjois-karjala", "pohjois-pohjanmaa",
    ]  # fmt: skip
    no_general_support = """
        SELECT count(*) FROM regions WHERE interviewed AND general_support = 'not-offered'"""
    assert _column(database, no_general_support) == [13]


def test_sqlite_has_every_region_text_and_evidence(
    database: sqlite3.Connection, dataset: Dataset
) -> None:
    assert _column(database, "SELECT id FROM regions ORDER BY rowid") == [
        r.id for r in dataset.regions
    ]
    sections = sum(len(r.sections.present()) for r in dataset.regions)
    assert _column(database, "SELECT count(*) FROM sections") == [sections]
    quotes = _column(
        database,
        "SELECT quote FROM evidence WHERE region_id = 'kanta-hame' AND field = 'funding' "
        "ORDER BY position",
    )
    assert quotes == list(dataset.region("kanta-hame").funding.after_project.evidence)
    described = "SELECT description FROM code_funding_after_project WHERE code = 'unclear'"
    assert _column(database, described)[0] == (
        "The report says the arrangement or funding after the project is unclear."
    )
    assert _column(database, "PRAGMA user_version") == [SCHEMA_VERSION]
    assert _column(database, "SELECT title FROM source") == ["Hyvinvointialueiden digituen mallit"]


def test_sqlite_has_the_notes_in_three_languages(
    database: sqlite3.Connection, dataset: Dataset
) -> None:
    note = dataset.region("kainuu").funding.responsible_unit.note
    assert note is not None
    found = database.execute(
        "SELECT note, note_fi, note_sv FROM classifications "
        "WHERE region_id = 'kainuu' AND field = 'responsible_unit'"
    ).fetchall()
    assert found == [(note.en, note.fi, note.sv)]
    region = dataset.region("kymenlaakso")
    notes = database.execute(
        "SELECT notes, notes_fi, notes_sv FROM regions WHERE id = 'kymenlaakso'"
    ).fetchone()
    assert notes == tuple(
        "\n\n".join(n.text(lang) for n in region.notes) for lang in ("en", "fi", "sv")
    )


def test_sqlite_full_text_search_over_the_report_texts(database: sqlite3.Connection) -> None:
    found = """
        SELECT s.region_id FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid
        WHERE sections_fts MATCH ? ORDER BY s.region_id"""
    parishes = ["etela-karjala", "pohjois-karjala", "pohjois-pohjanmaa"]
    assert _column(database, found, "seurakun*") == parishes
    # The base form finds the inflected "seurakuntien" and "seurakunnat" (search's lemmas).
    assert _column(database, found, "seurakunta") == parishes
    assert _column(database, found, "text:seurakunta") == []  # not in the text as such
    # Letters without their dots find those with them: sahkoposti -> sähköposti.
    assert _column(database, found, "sahkoposti") == _column(database, found, "sähköposti") != []
    assert _column(database, found, "text:chat*")  # a column filter works too


def _datasette(database: Path, path: str) -> Any:
    """What Datasette (a dev dependency) serves at the path, with the export's metadata."""
    result = subprocess.run(
        [sys.executable, "-m", "datasette", str(database), "-m",
         str(database.with_name(database.stem + ".metadata.json")), "--get", path],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def test_datasette_reads_the_metadata_offers_facets_and_finds_base_forms(
    run_main: RunMain, tmp_path: Path
) -> None:
    target = tmp_path / "d.db"
    code, _, err = run_main("--lang", "fi", "export", "-o", str(target))
    assert code == 0, err
    assert err.splitlines()[1].startswith(f"Kirjoitettu {tmp_path / 'd.metadata.json'} (json,")
    metadata = _datasette(target, "/-/metadata.json")
    assert metadata["title"] == "Digituki Suomen hyvinvointialueilla"
    assert metadata["license"] == "EUPL-1.2"
    assert metadata["source"].startswith("Hyvinvointialueiden digituen mallit (Anna Kunnas")
    tables = metadata["databases"]["d"]["tables"]
    assert tables["regions"]["columns"]["funding"].startswith("Rahoitus hankkeen jälkeen: ")
    assert tables["code_channel"]["label_column"] == "label_fi"
    regions = _datasette(target, "/d/regions.json?_size=0")
    funding = {
        r["value"]: (r["label"], r["count"]) for r in regions["facet_results"]["funding"]["results"]
    }
    assert funding["unclear"] == ("epäselvä", 5)
    assert regions["license"] == "EUPL-1.2"
    found = _datasette(target, "/d/sections.json?_search=seurakunta&_shape=array&_col=region_id")
    assert [row["region_id"] for row in found] == [
        "etela-karjala", "pohjois-karjala", "pohjois-pohjanmaa",
    ]  # fmt: skip


def test_the_metadata_file_is_never_clobbered(run_main: RunMain, tmp_path: Path) -> None:
    (tmp_path / "d.metadata.json").write_text("mine", encoding="utf-8")
    code, _, err = run_main("export", "-o", str(tmp_path / "d.db"))
    assert code == 1 and "d.metadata.json exists" in err
    assert sorted(os.listdir(tmp_path)) == ["d.metadata.json"]  # the database not written either
    assert run_main("export", "-o", str(tmp_path / "d.db"), "--force")[0] == 0
    assert json.loads((tmp_path / "d.metadata.json").read_text(encoding="utf-8"))["title"]


def test_sqlite_has_foreign_keys_and_indexes(database: sqlite3.Connection) -> None:
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    references = {row[2] for row in database.execute("PRAGMA foreign_key_list(region_channels)")}
    assert references == {"regions", "code_channel"}
    indexes = set(_column(database, "SELECT name FROM sqlite_master WHERE type = 'index'"))
    assert {"region_channels_by_channel", "region_partners_by_partner", "regions_by_funding"} <= (
        indexes
    )
    plan = " ".join(
        str(row[3])
        for row in database.execute(
            "EXPLAIN QUERY PLAN SELECT region_id FROM region_partners WHERE partner = 'kela'"
        )
    )
    assert "region_partners_by_partner" in plan
    with pytest.raises(sqlite3.IntegrityError):
        database.execute("INSERT INTO region_channels VALUES ('kainuu', 'carrier-pigeon', 9)")
    with pytest.raises(sqlite3.IntegrityError):
        database.execute("INSERT INTO region_channels VALUES ('atlantis', 'email', 9)")


def _digituki(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "DIGITUKI_DATA"}
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "digituki_cli", *args], env=env, timeout=60, **kwargs
    )


def test_sqlite_is_not_written_to_a_terminal() -> None:
    controller, terminal = pty.openpty()
    try:
        result = _digituki("export", "-f", "sqlite", stdout=terminal, stderr=subprocess.PIPE)
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert b"binary" in result.stderr and b"-o FILE" in result.stderr


def test_sqlite_goes_to_stdout_when_it_is_redirected() -> None:
    result = _digituki("export", "-f", "sqlite", capture_output=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"SQLite format 3\x00")
    assert result.stderr == b""  # nothing was written to a file, so nothing to confirm


# --- writing files ---


def test_an_existing_file_is_kept_without_force(run_main: RunMain, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("mine", encoding="utf-8")
    code, out, err = run_main("export", "-f", "markdown", "-o", str(target))
    assert out == ""
    assert code == 1
    assert "exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _, _ = run_main("export", "-f", "markdown", "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# Digital support")
    assert os.listdir(tmp_path) == ["report.md"]  # no temporary file left behind


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"

    def half_then_fail(path: Path) -> None:
        path.write_text("{", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(DigitukiError, match="No space left on device"):
        write_atomic(target, half_then_fail, force=False)
    assert os.listdir(tmp_path) == []


def test_a_new_file_gets_the_usual_permissions(run_main: RunMain, tmp_path: Path) -> None:
    target = tmp_path / "counties.csv"
    run_main("export", "-o", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_format_from_the_file_suffix(run_main: RunMain, tmp_path: Path) -> None:
    for name, start in (
        ("a.json", b"{"),
        ("a.csv", b"\xef\xbb\xbfid,"),
        ("a.md", b"# "),
        ("a.db", b"SQLite"),
        ("a.html", b"<!DOCTYPE html>"),
    ):
        assert run_main("export", "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_bytes().startswith(start), name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export"], "give --format json|csv|markdown|sqlite|html"),
        (["export", "-o", "report.txt"], "give --format"),
        (["export", "-f", "pdf"], "'pdf' is not one of"),
        (["export", "-f", "json", "--map-by", "funding"], "--map-by applies only to --format html"),
        (["export", "-f", "html", "--map-by", "colour"], "unknown --map-by value 'colour'"),
        (["export", "-f", "html", "--map-by", "channel:fax"], "channel:CODE (web-guides, "),
    ],
)
def test_usage_errors(run_main: RunMain, args: list[str], message: str) -> None:
    code, out, err = run_main(*args)
    assert (code, out) == (2, "")
    assert message in err


def test_a_missing_directory_is_named(run_main: RunMain, tmp_path: Path) -> None:
    code, _, err = run_main("export", "-f", "json", "-o", str(tmp_path / "no" / "x.json"))
    assert code == 1
    assert "no such directory" in err


def test_other_commands_do_not_import_sqlite_jinja_or_xlsxwriter() -> None:
    script = (
        "import sys\n"
        "from digituki_cli.cli import main\n"
        "try:\n    main(['list'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('sqlite3', 'jinja2', 'markupsafe', 'xlsxwriter') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stderr == "[]"


def test_force_follows_a_symlink_and_keeps_permissions(run_main: RunMain, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, err = run_main("export", "--format", "json", "-o", str(link), "--force")
    assert code == 0, err
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_device_is_written_into_never_replaced(run_main: RunMain) -> None:
    code, _, err = run_main("export", "--format", "csv", "-o", "/dev/null", "--force")
    assert code == 0, err
    assert Path("/dev/null").is_char_device()
