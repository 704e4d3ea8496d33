"""Files from every query command (-o, --force, xlsx) and spreadsheet-safe CSV: what the
coordinator with Finnish Excel opens. Workbooks are read back with openpyxl, a library other
than the one that writes them (XlsxWriter)."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from digituki_cli.model import Dataset
from digituki_cli.queries import quotes
from digituki_cli.render import spreadsheet_safe

from .conftest import ROOT

RunMain = Callable[..., tuple[int, str, str]]
HOSTILE = '=HYPERLINK("http://example.invalid/?leak","Kainuu")'

QUERIES = [
    ["list"],
    ["show", "kainuu", "lappi", "--evidence"],
    ["filter", "--funding", "unclear", "--evidence"],
    ["compare", "kainuu", "lappi"],
    ["compare", "--all"],
    ["gaps"],
    ["search", "seurakunta"],
    ["stats"],
]


def _sheet(path: Path, index: int = 0) -> Worksheet:
    sheet = load_workbook(path).worksheets[index]
    assert isinstance(sheet, Worksheet)
    return sheet


def _rows(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --- -o and --force on every query command ---


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: " ".join(a))
def test_every_query_writes_a_workbook_and_csv_to_a_file(
    run_main: RunMain, tmp_path: Path, args: list[str]
) -> None:
    book = tmp_path / "result.xlsx"
    code, out, err = run_main(*args, "-o", str(book))
    assert (code, out) == (0, "") and err.startswith(f"Wrote {book} (xlsx, "), err
    workbook = load_workbook(book)
    for sheet in workbook.worksheets:
        if sheet.max_column > 1 or sheet.freeze_panes:
            assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    table = tmp_path / "result.csv"
    assert run_main(*args, "-o", str(table))[0] == 0
    assert table.read_bytes().startswith(b"\xef\xbb\xbf")  # a CSV file carries a BOM
    code, _, err = run_main(*args, "-o", str(table))
    assert code == 1 and "exists" in err and "--force" in err
    assert run_main(*args, "-o", str(table), "--force")[0] == 0
    assert sorted(os.listdir(tmp_path)) == ["result.csv", "result.xlsx"]  # no temporary file


def test_a_filter_as_a_workbook_for_the_coordinator(run_main: RunMain, tmp_path: Path) -> None:
    book = tmp_path / "epäselvä.xlsx"
    assert run_main("--lang", "fi", "filter", "--funding", "unclear", "-o", str(book))[0] == 0
    sheet = _sheet(book)
    assert sheet.title == "Tulokset"
    rows = _rows(sheet)
    assert rows[0] == ["Nimi", "Yleinen", "Rahoitus", "Kanavat", "Kumppanit"]
    assert [r[0] for r in rows[1:6]] == [
        "Kanta-Häme", "Keski-Suomi", "Pohjanmaa", "Pohjois-Karjala", "Pohjois-Savo",
    ]  # fmt: skip
    assert rows[1][3] == "verkko-ohjeet\npuhelin\nsähköposti"  # a set: one value a line
    assert sheet["D2"].alignment.wrap_text
    assert rows[7][0] == "5 aluetta vastaa ehtoja"  # the summary under the table
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E6"


def test_the_format_comes_from_the_suffix_else_the_table(run_main: RunMain, tmp_path: Path) -> None:
    for name, start in (("a.json", b"["), ("a.md", b"| "), ("a.txt", b"Name "), ("a.xlsx", b"PK")):
        assert run_main("list", "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_bytes().startswith(start), name


def _digituki(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "DIGITUKI_DATA"}
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "digituki_cli", *args], env=env, timeout=60, **kwargs
    )


def test_a_workbook_is_not_written_to_a_terminal_but_to_a_pipe() -> None:
    controller, terminal = pty.openpty()
    try:
        result = _digituki("list", "-f", "xlsx", stdout=terminal, stderr=subprocess.PIPE)
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "Error: xlsx is a binary format and is not written to a terminal "
        "(give -o FILE, e.g. -o digituki.xlsx, or redirect stdout to a file)\n"
    )
    piped = _digituki("list", "-f", "xlsx", capture_output=True)
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK\x03\x04")


# --- CSV: the evidence is never dropped; Excel's dialect ---


def test_csv_carries_the_evidence_of_filter_and_show(run_main: RunMain, dataset: Dataset) -> None:
    code, out, _ = run_main("filter", "--channel", "email", "--funding", "unclear", "--evidence",
                            "-f", "csv")  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["kanta-hame", "pohjois-karjala"]
    assert rows[0]["matched"] == "channel email;funding unclear"
    assert rows[0]["match_evidence"] == (
        "sähköpostin välityksellä / "
        "Hankkeen päätyttyä digituen järjestäminen ja rahoitus on vielä epäselvää."
    )
    code, out, _ = run_main("show", "kainuu", "--evidence", "-f", "csv")
    evidence = list(csv.DictReader(io.StringIO(out)))
    kainuu = dataset.region("kainuu")
    assert [r["quote"] for r in evidence] == [q.quote for q in quotes([kainuu])]
    assert evidence[0] == {
        "id": "kainuu", "field": "general_support", "value": "not-offered",
        "quote": "Kainuun hyvinvointialue ei tarjoa yleistä digitukea", "page": "8", "note": "",
    }  # fmt: skip


def test_the_excel_fi_dialect_opens_in_finnish_excel(run_main: RunMain, tmp_path: Path) -> None:
    code, out, _ = run_main("gaps", "-f", "csv", "--csv-dialect", "excel-fi")
    assert code == 0
    assert out.startswith("\ufeffid;name;gap;detail;evidence\r\n")  # a BOM even on stdout
    target = tmp_path / "gaps.csv"
    assert run_main("--lang", "fi", "gaps", "-o", str(target), "--csv-dialect", "excel-fi")[0] == 0
    raw = target.read_bytes()
    assert raw.startswith("\ufeffid;name;gap;".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert {len(row) for row in rows} == {5}
    code, _, err = run_main("list", "-f", "json", "--csv-dialect", "excel-fi")
    assert code == 2 and "--csv-dialect applies only to --format csv" in err


# --- no cell of the data ever becomes a formula ---


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+358 40 123", "'+358 40 123"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Kainuu", "Kainuu"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_that_start_like_a_formula_are_neutralised(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    """The bundled dataset with Kainuu's Finnish short name turned into a formula."""
    data = yaml.safe_load((ROOT / "data" / "counties.yaml").read_text(encoding="utf-8"))
    kainuu = next(r for r in data["regions"] if r["id"] == "kainuu")
    kainuu["short_names"]["fi"] = HOSTILE
    path = tmp_path / "hostile.yaml"
    # JSON is YAML too, and keeps codes such as '091' text (PyYAML's dump would not quote them).
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (tmp_path / "source").symlink_to(ROOT / "data" / "source")
    return path


def test_a_formula_in_the_data_stays_text_in_csv_and_xlsx(
    run_main: RunMain, tmp_path: Path, hostile_data: Path
) -> None:
    code, out, err = run_main("--data", str(hostile_data), "export", "-f", "csv")
    assert code == 0, err
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["kainuu"]["name"] == "'" + HOSTILE
    book = tmp_path / "all.xlsx"
    assert run_main("--lang", "fi", "--data", str(hostile_data), "export", "-o", str(book))[0] == 0
    regions = _sheet(book)
    kainuu = next(row for row in regions.iter_rows(min_row=2) if row[0].value == "kainuu")
    name = kainuu[1]
    assert (name.value, name.data_type, name.quotePrefix) == (HOSTILE, "s", True)
    for sheet in load_workbook(book).worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row), sheet.title


# --- the export's workbook ---


def test_the_export_workbook(run_main: RunMain, tmp_path: Path, dataset: Dataset) -> None:
    book = tmp_path / "digituki.xlsx"
    code, _, err = run_main("export", "-o", str(book))
    assert code == 0 and err.startswith(f"Wrote {book} (xlsx, ")
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["Regions", "Evidence", "Gaps", "Codebook", "Source"]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        widths = [d.width for d in sheet.column_dimensions.values()]
        assert widths and all(6 <= w <= 61 for w in widths), sheet.title
    regions = _rows(workbook["Regions"])
    assert regions[0][:6] == ["id", "Name", "Kind", "Interviewed", "Page", "General support"]
    assert len([r for r in regions[1:] if r[0]]) == len(dataset.regions) + 1  # and the note
    kanta = next(r for r in regions if r[0] == "kanta-hame")
    assert kanta[1:5] == ["Kanta-Häme", "county", "yes", 8]  # the page is a number
    evidence = workbook["Evidence"]
    assert _rows(evidence)[0] == ["Region", "Attribute", "Value", "Quote", "Page", "Note"]
    assert evidence.auto_filter.ref == f"A1:F{len(quotes(dataset.regions)) + 1}"
    assert evidence["D2"].alignment.wrap_text and evidence.column_dimensions["D"].width > 50
    codebook = _rows(workbook["Codebook"])
    assert ["Funding after project", "unclear", "unclear",
            "The report says the arrangement or funding after the project is unclear."] in codebook  # fmt: skip
    source = dict((r[0], r[1]) for r in _rows(workbook["Source"]) if r[0])
    assert source["Title"] == "Hyvinvointialueiden digituen mallit"
    assert source["Date"] == "2025-12-09"
    assert str(source["Licence"]).startswith("EUPL-1.2")


def test_the_export_workbook_speaks_finnish(run_main: RunMain, tmp_path: Path) -> None:
    book = tmp_path / "digituki.xlsx"
    assert run_main("--lang", "fi", "export", "-o", str(book))[0] == 0
    workbook = load_workbook(book)
    assert workbook.sheetnames == [
        "Alueet", "Lainaus raportista", "Puutteet", "Koodikirja", "Lähde"
    ]  # fmt: skip
    header = _rows(workbook["Lainaus raportista"])[0]
    assert header == ["Alue", "Ominaisuus", "Arvo", "Lainaus", "Sivu", "Huomautus"]


def test_a_query_workbook_has_a_sheet_per_kind_of_table(run_main: RunMain, tmp_path: Path) -> None:
    book = tmp_path / "two.xlsx"
    assert run_main("show", "kainuu", "lappi", "-o", str(book))[0] == 0
    workbook = load_workbook(book)
    assert workbook.sheetnames == ["Classification", "Report text"]
    rows = _rows(workbook["Classification"])
    assert rows[0] == ["Region", "Attribute", "Value", "Evidence", "Note"]
    regions = [r[0] for r in rows[1:] if r[1]]  # the rows of the table, not the notes
    assert regions[0] == "Kainuu — Wellbeing Services County of Kainuu"
    assert regions[-1] == "Lapland — Wellbeing Services County of Lapland"
    search = tmp_path / "search.xlsx"
    assert run_main("search", "seurakunta", "-o", str(search))[0] == 0
    hits = _rows(_sheet(search))
    assert hits[0] == ["Region", "Where", "Text"] and len([r for r in hits if r[1]]) == 4
    assert hits[5][0] == "3 sections match · searched for seurakunta → seurakunta (lemma)"
