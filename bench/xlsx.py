"""XlsxWriter against openpyxl for digituki's workbooks, and the time of the xlsx export.

    uv run python bench/xlsx.py            # about half a minute
    uv run python bench/xlsx.py --runs 31

For each library: its import time (`python -X importtime`, a fresh process each run) and the
time to write the export's workbook (the sheets of `digituki export -f xlsx`: regions,
evidence, gaps, codebook, source) with the same formatting: bold frozen header, autofilter,
column widths, wrapped text, text cells as strings. digituki writes with XlsxWriter
(export/xlsx.py); openpyxl, a dev dependency that the tests read the workbooks with, is
measured doing the same job. Then the whole command, `digituki export -f xlsx -o FILE`, as a
process. Medians of alternated runs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from digituki_cli.export.xlsx import Sheet, dataset_sheets, workbook
from digituki_cli.load import load_dataset
from digituki_cli.paths import bundled_dataset


def with_openpyxl(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as digituki's workbook() writes them, with openpyxl."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold, top = Font(bold=True), Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    for sheet in sheets:
        page = book.create_sheet(sheet.name[:31])
        page.append(list(sheet.columns))
        for cell in page[1]:
            cell.font = bold
        for row in sheet.rows:
            page.append(list(row))
        for index, _heading in enumerate(sheet.columns, start=1):
            page.column_dimensions[get_column_letter(index)].width = 30
        for cells in page.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula
                    cell.alignment = wrapped if "\n" in cell.value else top
        page.freeze_panes = "A2"
        page.auto_filter.ref = page.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_ms(module: str, runs: int) -> float:
    """Median milliseconds to import the module in a fresh interpreter."""
    times = []
    for _ in range(runs):
        report = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        line = [x for x in report.splitlines() if x.rstrip().endswith(f"| {module}")][-1]
        times.append(int(line.split("|")[1]) / 1000)
    return statistics.median(times)


def write_ms(write: Callable[[Sequence[Sheet]], bytes], sheets: list[Sheet], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        write(sheets)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    sheets = dataset_sheets(load_dataset(bundled_dataset()).dataset)
    rows = sum(len(s.rows) for s in sheets)
    print(f"the export's workbook: {len(sheets)} sheets, {rows} rows; medians of {runs} runs\n")
    print(f"{'library':<12} {'import':>8} {'write':>8} {'size':>8}")
    for name, write in (("xlsxwriter", workbook), ("openpyxl", with_openpyxl)):
        size = len(write(sheets)) / 1024  # also warms up
        print(
            f"{name:<12} {import_ms(name, runs):6.0f}ms {write_ms(write, sheets, runs):6.0f}ms"
            f" {size:5.0f}KiB"
        )
    digituki = str(Path(sys.executable).with_name("digituki"))
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "digituki.xlsx"
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [digituki, "export", "-f", "xlsx", "-o", str(target), "--force"],
                check=True,
                capture_output=True,
            )
            times.append((time.perf_counter() - started) * 1000)
    print(f"\ndigituki export -f xlsx -o FILE (whole process): {statistics.median(times):.0f}ms")


if __name__ == "__main__":
    main()
