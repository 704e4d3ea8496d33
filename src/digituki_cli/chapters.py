"""The report's chapters that are not about one region, read from the report's text.

The report (data/source/, named by the dataset's `source.file`) opens with a table of
contents: one line per chapter, "Johdanto ........ 3". Every chapter listed there whose
title is not the Finnish name of a region of the dataset (those chapters are the regions'
section texts) is a chapter of the report itself: Johdanto, Työskentelymenetelmät,
Haastattelukysymykset, the introduction of "Hyvinvointialueiden digituen mallit", Lopuksi.
A chapter's text runs from its heading line after the table of contents to the next heading
the table lists; its lines are joined as the dataset joins a section's (text.squash),
paragraphs separated by a blank line. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .model import Dataset
from .text import squash

# "Johdanto ......... 3": a title, a leader of dots, a page number.
_CONTENTS_LINE = re.compile(r"^(?P<title>\S[^\n]*?)\s*\.{4,}\s*(?P<page>\d+)\s*$", re.M)
# A paragraph ends at a line that is empty or only white space (page breaks are runs of them).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n\s*")


@dataclass(frozen=True)
class Chapter:
    """A chapter of the report that is not about one region.

    `title` is the heading as printed, `page` the page it starts on (from the table of
    contents), `text` its words: lines joined, paragraphs separated by one blank line.
    """

    title: str
    page: int
    text: str


def parse_chapters(report: str, region_titles: Collection[str]) -> tuple[Chapter, ...]:
    """The chapters of a report's text that are not titled by one of `region_titles`.

    Text without a table of contents has no chapters; a listed chapter whose heading is not
    found after the table is left out. The text is read as NFC, whatever its normalisation.
    """
    text = unicodedata.normalize("NFC", report)
    contents = list(_CONTENTS_LINE.finditer(text))
    if not contents:
        return ()
    body_start = contents[-1].end()
    starts: list[tuple[int, int, str, int]] = []  # heading start, text start, title, page
    for entry in contents:
        title = " ".join(entry.group("title").split())
        heading = re.compile(r"^[ \t]*" + re.escape(title) + r"[ \t]*$", re.M)
        found = heading.search(text, body_start)
        if found is not None:
            starts.append((found.start(), found.end(), title, int(entry.group("page"))))
    starts.sort()
    regions = {unicodedata.normalize("NFC", t) for t in region_titles}
    chapters = []
    for number, (_, text_start, title, page) in enumerate(starts):
        if title in regions:
            continue
        end = starts[number + 1][0] if number + 1 < len(starts) else len(text)
        paragraphs = (squash(p) for p in _PARAGRAPH_BREAK.split(text[text_start:end]))
        body = "\n\n".join(p for p in paragraphs if p)
        if body:
            chapters.append(Chapter(title, page, body))
    return tuple(chapters)


def read_chapters(report_file: Path, region_titles: Collection[str]) -> tuple[Chapter, ...]:
    """The chapters of the report's text file; none if the file cannot be read (a dataset
    exported and moved away from its report, for instance)."""
    try:
        report = report_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    return parse_chapters(report, region_titles)


def dataset_chapters(dataset: Dataset, dataset_file: Path) -> tuple[Chapter, ...]:
    """The chapters of the report a dataset names (`source.file`, relative to the dataset
    file) that are not the chapter of one of its regions (titled by the region's Finnish name)."""
    return read_chapters(
        dataset_file.parent / dataset.source.file, [r.names.fi for r in dataset.regions]
    )
