"""What the report says about itself (report.py): every quote verbatim from its text, in the
chapter and on the page given, and the date of the facts as people and scripts get it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from digituki_cli.i18n import speaking
from digituki_cli.model import Dataset
from digituki_cli.report import CAVEAT, INTERVIEWS, MISSING_REGIONS, AsOf, Month, as_of
from digituki_cli.text import squash
from digituki_cli.views import as_of_text

from .conftest import REPORT


def _chapter(heading: str) -> str:
    """The report's text from a chapter's heading (alone on its line, unlike its line in the
    table of contents) to the end."""
    text = REPORT.read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(heading)} *$", text, re.M)
    assert found, heading
    return squash(text[found.start() :])


def _page_in_contents(heading: str) -> int:
    text = REPORT.read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(heading)} \.+ (\d+) *$", text, re.M)
    assert found, heading
    return int(found.group(1))


@pytest.mark.parametrize("quote", [CAVEAT, MISSING_REGIONS], ids=["caveat", "missing regions"])
def test_every_quote_is_verbatim_in_its_chapter_and_on_its_page(quote: object) -> None:
    text, chapter, page = quote.text, quote.chapter, quote.page  # type: ignore[attr-defined]
    assert text in _chapter(chapter)
    assert _page_in_contents(chapter) == page


def test_the_interview_months_are_the_reports() -> None:
    closing = _chapter("Lopuksi")
    assert "Haastattelut toteutettiin loka-marraskuussa 2025." in closing
    assert (Month(2025, 10), Month(2025, 11)) == INTERVIEWS
    # The caveat's whole sentence names the end of the projects as its reason.
    assert (
        "Hankkeet päättyvät joulukuun 2025 lopussa, joten ei ole varmuutta, kuinka kauan "
        "kerätty tieto on ajan tasalla." in closing
    )


def test_the_report_date_comes_from_the_dataset(dataset: Dataset) -> None:
    when = as_of(dataset.source)
    assert when.report == dt.date(2025, 12, 9)
    assert "9.12.2025" in REPORT.read_text(encoding="utf-8").split("Sisällysluettelo")[0]
    assert when.jsonable() == {
        "interviews": "2025-10/2025-11",
        "report": "2025-12-09",
        "caveat": {
            "text": "ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla",
            "chapter": "Lopuksi",
            "page": 20,
        },
    }


def test_the_date_of_the_facts_in_every_language() -> None:
    when = AsOf(INTERVIEWS, dt.date(2025, 12, 9), CAVEAT)
    quoted = "ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla"
    with speaking("en"):
        assert as_of_text(when) == (
            f"Interviews 10–11/2025, report 9.12.2025; how long the facts hold is uncertain: "
            f"“{quoted}” (p. 20)."
        )
    with speaking("fi"):
        assert as_of_text(when) == (
            f"Haastattelut 10–11/2025, raportti 9.12.2025; raportin mukaan ”{quoted}” (s. 20)."
        )
    with speaking("sv"):
        assert as_of_text(when).startswith("Intervjuer 10–11/2025, rapport 9.12.2025;")


def test_interviews_across_a_new_year_name_both_years() -> None:
    when = AsOf((Month(2025, 12), Month(2026, 1)), dt.date(2026, 2, 1), CAVEAT)
    with speaking("en"):
        assert as_of_text(when).startswith("Interviews 12/2025–1/2026, report 1.2.2026;")
    assert when.jsonable()["interviews"] == "2025-12/2026-01"
