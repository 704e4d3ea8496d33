"""Full-text search over the report's county texts, for Finnish: plain functions, no printing.

A document is one section of one region's text. Words are compared by lemma: the report's
own word forms come with their lemmas and compound parts from `data/search-index.json`
(built ahead of time with Voikko, see scripts/build_search_index.py); a query word the
report never uses is read with the light rules of `finnish.py`. Ranking is BM25, with the
sections that match every query word (or phrase) first and exact letters before matches
found only with ä, ö and å folded away.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from .errors import DigitukiError, UsageError
from .finnish import StemIndex, tokens
from .i18n import _, either
from .model import Region, SectionName
from .text import ECHO_LIMIT, printable

INDEX_FILE = "search-index.json"

# BM25's usual constants.
K1 = 1.2
B = 0.75
# How much a match counts when only a compound part matches, or only with ä/ö/å folded.
PART_WEIGHT = 0.7
FOLDED_WEIGHT = 0.5

SNIPPET_CHARS = 240
MAX_SUGGESTIONS = 3

_FOLD_LETTERS = str.maketrans("äöåéèüáà", "aoaeeuaa")


def fold_word(word: str) -> str:
    """A word without case and accents ("sähköposti" -> "sahkoposti"); punctuation stays."""
    quick = word.lower().translate(_FOLD_LETTERS)
    if quick.isascii():
        return quick
    decomposed = unicodedata.normalize("NFKD", quick)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“])")
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')


# --- the index of the report's words ---


@dataclass(frozen=True)
class Entry:
    lemmas: frozenset[str]
    parts: frozenset[str]


class WordIndex:
    """Word form -> lemmas and compound parts; and the means to read unseen forms."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries

    @classmethod
    def read(cls, path: Path) -> WordIndex:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            words = raw["words"]
            return cls(
                {
                    word: Entry(frozenset(entry["lemmas"]), frozenset(entry["parts"]))
                    for word, entry in words.items()
                }
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DigitukiError(
                f"cannot read the search index {path}: {exc}",
                hint="run scripts/build_search_index.py",
            ) from None

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every lemma and compound part of the report's words."""
        return frozenset(t for e in self.entries.values() for t in e.lemmas | e.parts)

    @cached_property
    def _stems(self) -> StemIndex:
        return StemIndex(self.vocabulary)

    @cached_property
    def _folded_vocabulary(self) -> dict[str, set[str]]:
        # Only what folding changes: the rest is found by its exact letters.
        found: dict[str, set[str]] = {}
        for term in self.vocabulary:
            if not term.isascii():
                found.setdefault(fold_word(term), set()).add(term)
        return found

    @cached_property
    def _folded_stems(self) -> StemIndex:
        return StemIndex(self._folded_vocabulary)

    @cached_property
    def _folded_entries(self) -> dict[str, Entry]:
        return {fold_word(w): e for w, e in self.entries.items() if not w.isascii()}

    @cached_property
    def _folded_forms(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for word, entry in self.entries.items():
            if not word.isascii():
                found.setdefault(fold_word(word), set()).update(entry.lemmas)
        return found

    def entry(self, word: str) -> Entry:
        """A word of a text: from the index, or read with the light rules if it is new."""
        known = self.entries.get(word)
        if known is not None:
            return known
        return Entry(frozenset(self._stems.lemmas(word) | {word}), frozenset())

    def query_terms(self, word: str) -> dict[str, float]:
        """The lemmas a query word may stand for, each with its weight (1 for exact letters)."""
        word = word.lower()
        terms: dict[str, float] = {}
        known = self.entries.get(word)
        exact = set(known.lemmas) if known else self._stems.lemmas(word)
        if not exact:
            exact = self._forms_of(word, self.entries)
        for term in exact:
            terms[term] = 1.0
        key = fold_word(word)
        folded = set(self._folded_forms.get(key, ()))
        for folded_lemma in self._folded_stems.lemmas(key) | (
            {key} & self._folded_vocabulary.keys()
        ):
            folded |= self._folded_vocabulary[folded_lemma]
        if not folded:
            folded = self._forms_of(key, self._folded_entries)
        for term in folded:
            terms.setdefault(term, FOLDED_WEIGHT)
        return terms

    @staticmethod
    def _forms_of(word: str, entries: dict[str, Entry]) -> set[str]:
        """Lemmas of the report's words that look like forms of the word taken as a lemma:
        "pirha" -> "pirhan", a name Voikko does not know. A last resort, for such names."""
        as_lemma = StemIndex([word])
        return {
            lemma
            for form, entry in entries.items()
            if form.startswith(word[:2]) and as_lemma.lemmas(form)
            for lemma in entry.lemmas
        }

    def suggestions(self, word: str) -> list[str]:
        """Words of the report spelled nearly like the given one."""
        by_key: dict[str, str] = {}
        for candidate in sorted(self.entries) + sorted(self.vocabulary):
            if candidate.isalpha():
                by_key.setdefault(fold_word(candidate), candidate)
        close = difflib.get_close_matches(fold_word(word), by_key, n=MAX_SUGGESTIONS, cutoff=0.75)
        return [by_key[key] for key in close]


def index_path(dataset_file: Path) -> Path:
    """The index beside a dataset file; the bundled one for a dataset that has none."""
    beside = dataset_file.parent / INDEX_FILE
    if beside.is_file():
        return beside
    from .paths import bundled_dataset

    return bundled_dataset().parent / INDEX_FILE


@cache
def load_index(path: Path) -> WordIndex:
    return WordIndex.read(path)


# --- queries ---


@dataclass(frozen=True)
class Unit:
    """A query word, or a quoted phrase (words that must stand in this order)."""

    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.words[0] if len(self.words) == 1 else '"' + " ".join(self.words) + '"'


def parse_query(query: str) -> list[Unit]:
    """Words and "quoted phrases"; a word's punctuation is dropped, as in the index."""
    units: list[Unit] = []
    for match in _QUERY_PART.finditer(query):
        phrase, word = match.groups()
        found = tuple(m.group().lower() for m in tokens(phrase if phrase is not None else word))
        if phrase is not None and found:
            units.append(Unit(found))
        else:
            units.extend(Unit((w,)) for w in found)
    return list(dict.fromkeys(units))


@dataclass(frozen=True)
class Hit:
    region: Region
    section: SectionName
    page: int
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of the snippet that matched
    matched: int  # how many of the query's units the section has
    exact: int  # how many of them with exact letters


@dataclass(frozen=True)
class Results:
    query: str
    units: tuple[Unit, ...]
    readings: tuple[tuple[str, tuple[str, ...]], ...]  # query word -> lemmas it was read as
    hits: tuple[Hit, ...]  # best first
    total: int  # before the limit


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    lemmas: frozenset[str]
    parts: frozenset[str]


@dataclass
class _Doc:
    region: Region
    section: SectionName
    page: int
    text: str
    tokens: list[_Token]


def _documents(regions: Sequence[Region], index: WordIndex) -> list[_Doc]:
    docs = []
    for region in regions:
        for name, section in region.sections.present():
            found = []
            for match in tokens(section.text):
                entry = index.entry(match.group().lower())
                found.append(_Token(match.start(), match.end(), entry.lemmas, entry.parts))
            docs.append(_Doc(region, name, section.page, section.text, found))
    return docs


def _token_weight(token: _Token, terms: dict[str, float]) -> float:
    whole = max((terms[t] for t in token.lemmas if t in terms), default=0.0)
    part = max((terms[t] for t in token.parts if t in terms), default=0.0) * PART_WEIGHT
    return max(whole, part)


def _unit_matches(
    doc: _Doc, unit_terms: list[dict[str, float]]
) -> list[tuple[int, int, float, bool]]:
    """Each place the unit matches: first and last token, weight, exact letters or not."""
    found = []
    length = len(unit_terms)
    for first in range(len(doc.tokens) - length + 1):
        weights = [
            _token_weight(doc.tokens[first + k], terms) for k, terms in enumerate(unit_terms)
        ]
        if all(weights):
            exact = all(
                any(terms.get(t) == 1.0 for t in tok.lemmas | tok.parts)
                for tok, terms in zip(doc.tokens[first : first + length], unit_terms, strict=True)
            )
            found.append((first, first + length - 1, min(weights), exact))
    return found


def search(
    regions: Sequence[Region],
    index: WordIndex,
    query: str,
    in_regions: Sequence[Region] = (),
    section: SectionName | None = None,
    limit: int | None = None,
) -> Results:
    """Rank the sections of `regions` for the query; keep those in `in_regions` and `section`.

    Scores are computed over all the given regions, so that a filter never changes them.
    Raises DigitukiError (exit 1, like grep) if nothing matches.
    """
    units = parse_query(query)
    if not units:
        raise UsageError(_("the query has no words"), hint=_("give a word, e.g. seurakunta"))
    unit_terms = [[index.query_terms(w) for w in unit.words] for unit in units]
    docs = _documents(regions, index)
    matches = [[_unit_matches(doc, terms) for terms in unit_terms] for doc in docs]
    average = sum(len(d.tokens) for d in docs) / max(len(docs), 1)
    idf = []
    for u in range(len(units)):
        df = sum(bool(m[u]) for m in matches)
        idf.append(math.log(1 + (len(docs) - df + 0.5) / (df + 0.5)))
    wanted = {r.id for r in in_regions}
    hits = []
    for doc, doc_matches in zip(docs, matches, strict=True):
        if (wanted and doc.region.id not in wanted) or (section and doc.section is not section):
            continue
        if not any(doc_matches):
            continue
        score = 0.0
        for u, found in enumerate(doc_matches):
            tf = sum(weight for _, _, weight, _ in found)
            norm = K1 * (1 - B + B * len(doc.tokens) / average)
            score += idf[u] * tf * (K1 + 1) / (tf + norm)
        snippet, marks = _snippet(doc, doc_matches)
        hits.append(
            Hit(
                region=doc.region,
                section=doc.section,
                page=doc.page,
                score=round(score, 3),
                snippet=snippet,
                marks=marks,
                matched=sum(bool(found) for found in doc_matches),
                exact=sum(any(m[3] for m in found) for found in doc_matches),
            )
        )
    if not hits:
        raise _no_matches(query, units, unit_terms, docs, index, bool(wanted or section))
    order = {r.id: i for i, r in enumerate(regions)}
    sections = list(SectionName)
    hits.sort(
        key=lambda h: (
            -h.matched,
            -h.exact,
            -h.score,
            order[h.region.id],
            sections.index(h.section),
        )
    )
    readings = tuple(
        (word, tuple(sorted(t for t, w in terms.items() if w == 1.0) or sorted(terms)))
        for unit, terms_of_unit in zip(units, unit_terms, strict=True)
        for word, terms in zip(unit.words, terms_of_unit, strict=True)
    )
    shown = hits if limit is None else hits[:limit]
    return Results(query, tuple(units), readings, tuple(shown), len(hits))


def _no_matches(
    query: str,
    units: Sequence[Unit],
    unit_terms: Sequence[Sequence[dict[str, float]]],
    docs: Sequence[_Doc],
    index: WordIndex,
    filtered: bool,
) -> DigitukiError:
    shown = f"'{printable(query, ECHO_LIMIT)}'"
    if filtered:
        return DigitukiError(
            _("no matches for {query} in the chosen regions or section").format(query=shown),
            hint=_("try without --region or --section"),
        )
    suggestions: list[str] = []
    for unit, terms_of_unit in zip(units, unit_terms, strict=True):
        for word, terms in zip(unit.words, terms_of_unit, strict=True):
            if not terms or not any(_token_weight(t, terms) for doc in docs for t in doc.tokens):
                suggestions += [s for s in index.suggestions(word) if s not in suggestions]
    if suggestions:
        return DigitukiError(
            _("no matches for {query}").format(query=shown),
            hint=_("did you mean {choices}?").format(choices=either(suggestions[:MAX_SUGGESTIONS])),
        )
    return DigitukiError(_("no matches for {query}").format(query=shown))


# --- snippets ---


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for end_match in _SENTENCE_END.finditer(paragraph.group()):
            spans.append((start, paragraph.start() + end_match.start()))
            start = paragraph.start() + end_match.end()
        spans.append((start, paragraph.end()))
    return spans


def _snippet(
    doc: _Doc, doc_matches: Sequence[Sequence[tuple[int, int, float, bool]]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentences that hold the hits (the fewest that cover every matched unit), marked."""
    spans = [
        (doc.tokens[first].start, doc.tokens[last].end, u)
        for u, found in enumerate(doc_matches)
        for first, last, _, _ in found
    ]
    sentences = _sentences(doc.text)
    covered: set[int] = set()
    chosen: list[tuple[int, int]] = []
    while True:
        best = max(
            sentences,
            key=lambda s: (
                len({u for a, _, u in spans if s[0] <= a < s[1]} - covered),
                sum(1 for a, _, _ in spans if s[0] <= a < s[1]),
            ),
        )
        new = {u for a, _, u in spans if best[0] <= a < best[1]} - covered
        if not new:
            break
        covered |= new
        chosen.append(best)
    chosen.sort()
    pieces: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    budget = max(SNIPPET_CHARS // max(len(chosen), 1), 80)
    for number, (start, end) in enumerate(chosen):
        inside = sorted((a, b) for a, b, _ in spans if start <= a < end)
        cut_start, cut_end = _window(doc.text, start, end, inside, budget)
        if number:
            pieces.append(" … ")
            length += 3
        prefix = "…" if cut_start > start else ""
        suffix = "…" if cut_end < end else ""
        body = doc.text[cut_start:cut_end]
        offset = length + len(prefix) - cut_start
        marks += [(a + offset, min(b, cut_end) + offset) for a, b in inside if a < cut_end]
        pieces.append(prefix + body + suffix)
        length += len(prefix) + len(body) + len(suffix)
    return "".join(pieces), tuple(marks)


def _window(
    text: str, start: int, end: int, hits: Sequence[tuple[int, int]], budget: int
) -> tuple[int, int]:
    """A part of the sentence of at most `budget` characters, around its first hit."""
    if end - start <= budget or not hits:
        return start, end
    first = hits[0][0]
    cut_start = max(start, first - budget // 3)
    if cut_start > start:
        space = text.rfind(" ", start, cut_start)
        cut_start = space + 1 if space >= start else start
    cut_end = min(end, cut_start + budget)
    if cut_end < end:
        space = text.rfind(" ", cut_start, cut_end)
        cut_end = space if space > first else cut_end
    return cut_start, cut_end
