"""What the report says about itself: when its facts were gathered, how long they may hold,
and why some regions are missing.

The dataset (data/counties.yaml) classifies the regions; these few sentences are about the
report as a whole, so they live here, quoted verbatim from its closing chapter "Lopuksi"
(p. 20 of data/source/hyvinvointialueiden-digituen-mallit.txt, where line breaks of the
extraction split them). tests/test_report.py checks every quote against that text.
Standard library only: `show` and `list` import this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import Source


@dataclass(frozen=True)
class ReportQuote:
    """Words of the report, verbatim, with the chapter (its heading) and page they are on."""

    text: str
    chapter: str
    page: int


class Month(NamedTuple):
    """A calendar month (year, month 1-12)."""

    year: int
    month: int

    def iso(self) -> str:
        """ISO 8601 with reduced precision: '2025-10'."""
        return f"{self.year:04d}-{self.month:02d}"


# "Haastattelut toteutettiin loka-marraskuussa 2025." (Lopuksi, p. 20; also p. 3 and p. 5)
INTERVIEWS = (Month(2025, 10), Month(2025, 11))

# The caveat on how long the facts hold. The sentence in full: "Hankkeet päättyvät joulukuun
# 2025 lopussa, joten ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla."
CAVEAT = ReportQuote("ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla", "Lopuksi", 20)

# All the report says of why some regions have no description (six of the 24 in its scope).
MISSING_REGIONS = ReportQuote(
    "Kaikkia alueita ei päästy haastattelemaan tavoitteen mukaisesti erinäisistä syistä.",
    "Lopuksi",
    20,
)


@dataclass(frozen=True)
class AsOf:
    """When an answer's facts were true: the months of the interviews (first, last), the
    report's date, and the report's caveat on how long they hold."""

    interviews: tuple[Month, Month]
    report: dt.date
    caveat: ReportQuote

    def jsonable(self) -> dict[str, object]:
        """The `as_of` field of JSON answers: {"interviews": "2025-10/2025-11" (an ISO 8601
        interval of months), "report": "2025-12-09", "caveat": {"text", "chapter", "page"}}."""
        first, last = self.interviews
        return {
            "interviews": f"{first.iso()}/{last.iso()}",
            "report": self.report.isoformat(),
            "caveat": {
                "text": self.caveat.text,
                "chapter": self.caveat.chapter,
                "page": self.caveat.page,
            },
        }


def as_of(source: Source) -> AsOf:
    """The date of the dataset's facts: the report's date from its `source`, the interview
    months and the caveat from the report's closing chapter (INTERVIEWS, CAVEAT)."""
    return AsOf(INTERVIEWS, source.date, CAVEAT)
