"""Full-text search over the whole report, for Finnish: plain functions, no printing.

A document is one section of one region's text, or one chapter of the report that is not
about one region (chapters.py). Words are compared by what they stand for: the report's own
word forms come with their lemmas, derivational bases and compound parts from
`data/search-index.json` (built ahead of time with Voikko, see
scripts/build_search_index.py); a dataset's words that the index lacks are read with the
rules of `finnish.py` once and cached (cache.py), and so is a query word the text never uses.

A word of the text matches a query word as (best first)
- the exact form ("puhelin" for puhelin),
- a form of the same lemma ("puhelimitse"),
- a derivation: one is derived from the other, in one step or more ("selkokielisyys" for
  selkokieli or selkokielinen; "rahoitus" for rahoittaa, and "rahoittaa" for rahoitus),
- a compound that has the query word as a part ("digimentori" for mentori),
each also with ä, ö and å typed as a, o and a ("folded"). A quoted phrase matches only its
words in that order, each as its exact form or a form of its lemma. Ranking: the sections
that match more of the query's words (or phrases) first; then those where a query word
written with a capital is a name of the text ("Aino-neuvonta" for Aino, not "aina"); then
those that match with exact letters, then by the best kind of match, then by BM25 with the
kinds weighted.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path

from .chapters import Chapter
from .errors import DigitukiError, EmptyQuery
from .finnish import (
    DerivationIndex,
    Entry,
    NewWords,
    StemIndex,
    compound_heads,
    nfc,
    tokens,
)
from .i18n import _, either
from .model import Dataset, Region, SectionName
from .text import ECHO_LIMIT, printable, strip_accents

INDEX_FILE = "search-index.json"

# BM25's usual constants.
K1 = 1.2
B = 0.75
# How much a match counts when only with ä/ö/å folded away.
FOLDED_WEIGHT = 0.5

SNIPPET_CHARS = 240
MAX_SUGGESTIONS = 3


class Match(StrEnum):
    """How a word of the text matched a query word, best first (the codes are stable)."""

    EXACT = "exact"
    LEMMA = "lemma"
    DERIVATION = "derivation"
    COMPOUND = "compound"

    @property
    def rank(self) -> int:
        """0 for the best kind (exact), 3 for the weakest (compound)."""
        return _RANKS[self]

    @property
    def weight(self) -> float:
        """What one match of this kind counts for in BM25's term frequency."""
        return _WEIGHTS[self]


_RANKS = {kind: rank for rank, kind in enumerate(Match)}
_WEIGHTS = {Match.EXACT: 1.0, Match.LEMMA: 1.0, Match.DERIVATION: 0.8, Match.COMPOUND: 0.7}


def fold_word(word: str) -> str:
    """A word without case and accents ("sähköposti" -> "sahkoposti"); punctuation stays."""
    return strip_accents(word.lower())


# A sentence ends at . ! or ? before a capital, but not after the Finnish abbreviations the
# report uses mid-sentence ("hakemuksien täytössä esim. Kelaan").
_ABBREVIATIONS = ("esim", "mm", "ns", "ks", "yms", "tms", "jne", "vrt", "ym", "ko", "po", "n")
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{a}\.)(?<!\b{a.capitalize()}\.)" for a in _ABBREVIATIONS)
    + r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“])"
)
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')


# --- the index of the report's words ---


def _cache_key(kind: str, *parts: str) -> str:
    """A cache key for what the search derives from its inputs (`parts`) with the rules'
    code: a change to either makes a new key."""
    digest = hashlib.sha256(kind.encode())
    package = Path(__file__).parent
    for name in ("finnish.py", "search.py"):
        digest.update((package / name).read_bytes())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Rules:
    stems: StemIndex
    derivations: DerivationIndex
    folded_stems: StemIndex


@dataclass(frozen=True)
class Reading:
    """What a query word may stand for: its letters (lower case, or folded), the lemmas and
    the derivational bases of the text it may be a form of."""

    form: str
    lemmas: frozenset[str]
    bases: frozenset[str]


class WordIndex:
    """Word form -> Entry (lemmas, bases, parts); and the means to read unseen forms.

    `digest` identifies what the index holds (its file's SHA-256, or a key of the words
    added to it), for the cache of what the light rules derive from it; an index without
    one (made in code) is never cached.
    """

    def __init__(self, entries: dict[str, Entry], digest: str = ""):
        self.entries = entries
        self.digest = digest

    @classmethod
    def read(cls, path: Path) -> WordIndex:
        """The index in a search-index.json file. Raises DigitukiError if it cannot be read."""
        try:
            raw_bytes = path.read_bytes()
            words = json.loads(raw_bytes.decode("utf-8"))["words"]
            entries = {
                nfc(word): Entry(
                    frozenset(entry["lemmas"]),
                    frozenset(entry.get("bases", ())),
                    frozenset(entry.get("parts", ())),
                )
                for word, entry in words.items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise DigitukiError(
                f"cannot read the search index {path}: {exc}",
                hint="run scripts/build_search_index.py",
            ) from None
        return cls(entries, hashlib.sha256(raw_bytes).hexdigest())

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every lemma, base and compound part of the words."""
        return frozenset(t for e in self.entries.values() for t in e.lemmas | e.bases | e.parts)

    @cached_property
    def _rules(self) -> _Rules:
        """The light rules' indexes of the vocabulary: built once (about 40 ms) and cached,
        for an index with a digest."""
        from . import cache as value_cache

        key = _cache_key("search-rules", self.digest)
        rules = value_cache.read_value(key, _Rules) if self.digest else None
        if rules is None:
            rules = _Rules(
                StemIndex(self.vocabulary),
                DerivationIndex(self.vocabulary),
                StemIndex(self._folded_vocabulary),
            )
            if self.digest:
                value_cache.write(key, rules)
        return rules

    @property
    def _stems(self) -> StemIndex:
        return self._rules.stems

    @property
    def _derivations(self) -> DerivationIndex:
        return self._rules.derivations

    @cached_property
    def _bases_of_lemma(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for entry in self.entries.values():
            for lemma in entry.lemmas:
                found.setdefault(lemma, set()).update(entry.bases)
        return found

    @cached_property
    def _folded_vocabulary(self) -> dict[str, set[str]]:
        # Only what folding changes: the rest is found by its exact letters.
        found: dict[str, set[str]] = {}
        for term in self.vocabulary:
            if not term.isascii():
                found.setdefault(fold_word(term), set()).add(term)
        return found

    @property
    def _folded_stems(self) -> StemIndex:
        return self._rules.folded_stems

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
        return Entry(frozenset(self._stems.lemmas(word) | {word}))

    def _bases(self, lemmas: Collection[str]) -> set[str]:
        return {base for lemma in lemmas for base in self._bases_of_lemma.get(lemma, ())}

    def read_query(self, word: str) -> tuple[Reading, Reading]:
        """A query word (lower case, NFC) read with its exact letters, and with ä/ö/å folded.

        Exact: the index's entry for a word the text uses; the word itself if it is a lemma,
        base or part of the text's words; else the lemmas of the text it is a form of by the
        light rules (or, for a name no rule knows, the words that look like its forms), and
        the bases it is derived from by the derivation rules. Folded: the lemmas of the words
        that are spelled like it once ä, ö and å are folded (and for a word the text does
        not know, their forms by the rules), minus the exact ones.
        """
        known = self.entries.get(word)
        if known is not None:
            lemmas, bases = set(known.lemmas), set(known.bases)
        elif word in self.vocabulary:
            lemmas, bases = {word}, set()  # a base form of the text ("toimija", "selkokieli")
        else:
            lemmas = self._stems.lemmas(word) or self._forms_of(word, self.entries)
            bases = self._derivations.bases(word) - lemmas
        bases |= self._bases(lemmas)
        exact = Reading(word, frozenset(lemmas), frozenset(bases - lemmas))
        key = fold_word(word)
        folded = set(self._folded_forms.get(key, ()))
        folded_terms = {key} & self._folded_vocabulary.keys()
        if known is None and word not in self.vocabulary:
            # A word the text does not know: the rules read it with ä/ö/å folded too.
            folded_terms |= self._folded_stems.lemmas(key)
        for folded_lemma in folded_terms:
            folded |= self._folded_vocabulary[folded_lemma]
        if not folded:
            folded = self._forms_of(key, self._folded_entries)
        folded -= lemmas
        folded_bases = self._bases(folded) - folded
        return exact, Reading(key, frozenset(folded), frozenset(folded_bases))

    @staticmethod
    def _forms_of(word: str, entries: dict[str, Entry]) -> set[str]:
        """Lemmas of the text's words that look like forms of the word taken as a lemma:
        "pirha" -> "pirhan", a name Voikko does not know. A last resort, for such names."""
        as_lemma = StemIndex([word])
        return {
            lemma
            for form, entry in entries.items()
            if form.startswith(word[:2]) and as_lemma.lemmas(form)
            for lemma in entry.lemmas
        }

    def suggestions(self, word: str, present: Collection[str]) -> list[str]:
        """Words of the searched texts (and their lemmas) spelled nearly like the given one."""
        import difflib

        candidates = sorted(present) + sorted(
            {lemma for w in present for lemma in self.entry(w).lemmas}
        )
        by_key: dict[str, str] = {}
        for candidate in candidates:
            if candidate.isalpha():
                by_key.setdefault(fold_word(candidate), candidate)
        close = difflib.get_close_matches(fold_word(word), by_key, n=MAX_SUGGESTIONS, cutoff=0.75)
        return [by_key[key] for key in close]

    def heads(self) -> set[str]:
        """The parts that begin compounds of the indexed words."""
        return compound_heads(self.entries.values())

    def _read_part(self, part: str) -> Entry | None:
        known = self.entries.get(part)
        if known is not None:
            return known
        lemmas = self._stems.lemmas(part)
        return Entry(frozenset(lemmas)) if lemmas else None

    def with_words(self, new: Collection[str]) -> WordIndex:
        """This index and entries for words it lacks (a dataset's own words), read with the
        light rules (finnish.NewWords) and cached like a dataset (cache.py), keyed on the
        index, the rules' code and the words."""
        if not new:
            return self
        from . import cache as value_cache

        key = _cache_key("search-words", self.digest, *sorted(new)) if self.digest else ""
        added = value_cache.read_value(key, dict) if key else None
        if added is None:
            reader = NewWords(self.vocabulary, self.heads(), self._read_part)
            added = reader.entries(new)
            if key:
                value_cache.write(key, added)
        return WordIndex({**self.entries, **added}, key)


def index_path(dataset_file: Path) -> Path:
    """The index beside a dataset file; the bundled one for a dataset that has none."""
    beside = dataset_file.parent / INDEX_FILE
    if beside.is_file():
        return beside
    from .paths import bundled_dataset

    return bundled_dataset().parent / INDEX_FILE


@cache
def load_index(path: Path) -> WordIndex:
    """The index in a file, read once per process. Raises DigitukiError as WordIndex.read."""
    return WordIndex.read(path)


# --- what is searched ---


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # lower case, NFC: the index's key


@dataclass
class _Doc:
    region: Region | None  # None for a chapter of the report
    chapter: str | None
    section: SectionName | None
    page: int
    text: str  # NFC
    tokens: list[_Token]


def _doc(
    region: Region | None,
    chapter: Chapter | None,
    section: SectionName | None,
    page: int,
    text: str,
) -> _Doc:
    text = nfc(text)
    found = [_Token(m.start(), m.end(), m.group().lower()) for m in tokens(text)]
    return _Doc(region, chapter.title if chapter else None, section, page, text, found)


@dataclass
class Corpus:
    """Everything a search looks in: the regions' sections and the report's other chapters,
    cut into words, with an index that knows every one of those words."""

    docs: list[_Doc]
    index: WordIndex
    chapters: bool  # whether the report's other chapters are searched
    present: set[str]  # every word of the texts

    @classmethod
    def build(
        cls, regions: Sequence[Region], index: WordIndex, chapters: Sequence[Chapter] = ()
    ) -> Corpus:
        """The sections of `regions` then the `chapters`, their words added to the index."""
        docs = [
            _doc(region, None, name, section.page, section.text)
            for region in regions
            for name, section in region.sections.present()
        ]
        docs += [_doc(None, chapter, None, chapter.page, chapter.text) for chapter in chapters]
        present = {t.word for doc in docs for t in doc.tokens}
        extended = index.with_words(present - index.entries.keys())
        return cls(docs, extended, bool(chapters), present)


def load_corpus(dataset: Dataset, dataset_file: Path) -> Corpus:
    """The corpus of a loaded dataset: its index (beside it, else the bundled one) and the
    chapters of the report its `source.file` names (none if that cannot be read)."""
    from .chapters import dataset_chapters

    index = load_index(index_path(dataset_file))
    return Corpus.build(dataset.regions, index, dataset_chapters(dataset, dataset_file))


# --- queries ---


@dataclass(frozen=True)
class Unit:
    """A query word, or a quoted phrase (words that must stand in this order).

    `written` keeps the words as typed (NFC), for names: "Aino" is a name, "aino" is not.
    """

    words: tuple[str, ...]
    written: tuple[str, ...] = field(compare=False, default=())

    @property
    def text(self) -> str:
        """The unit as a query writes it: the word, or the phrase in double quotes."""
        return self.words[0] if len(self.words) == 1 else '"' + " ".join(self.words) + '"'


def parse_query(query: str) -> list[Unit]:
    """Words and "quoted phrases", in NFC; a word's punctuation is dropped, as in the index."""
    units: list[Unit] = []
    for match in _QUERY_PART.finditer(nfc(query)):
        phrase, word = match.groups()
        found = tuple(m.group() for m in tokens(phrase if phrase is not None else word))
        if phrase is not None and found:
            units.append(Unit(tuple(w.lower() for w in found), found))
        else:
            units.extend(Unit((w.lower(),), (w,)) for w in found)
    return list(dict.fromkeys(units))


@dataclass(frozen=True)
class UnitMatch:
    """How a section matched one query unit at its best: the kind, whether only with ä/ö/å
    folded, and whether a capitalised query word met a name of the text."""

    kind: Match
    folded: bool
    name: bool

    @property
    def code(self) -> str:
        """The kind's code, with "-folded" if only ä/ö/å folded matched: "lemma-folded"."""
        return self.kind.value + ("-folded" if self.folded else "")


@dataclass(frozen=True)
class Hit:
    """One section (or chapter) that matched. `region` and `section` are None for a chapter
    of the report, whose title is `chapter`; `page` is where the section or chapter starts."""

    region: Region | None
    chapter: str | None
    section: SectionName | None
    page: int
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of the snippet that matched
    units: tuple[UnitMatch | None, ...]  # per query unit; None where it did not match

    @property
    def heading(self) -> str:
        """The report's heading of what matched: the chapter's title, or the section's."""
        return self.chapter or (self.section.report_heading if self.section else "")

    @property
    def matched(self) -> int:
        """How many of the query's units the section has."""
        return sum(u is not None for u in self.units)

    @property
    def exact(self) -> int:
        """How many of them it has with exact letters (not only with ä/ö/å folded)."""
        return sum(u is not None and not u.folded for u in self.units)

    def matched_as(self, units: Sequence[Unit]) -> dict[str, str]:
        """Each query word (a phrase's words each) -> how this section matched it, as a code:
        exact, lemma, derivation or compound, with "-folded" if only with ä/ö/å folded."""
        return {
            word: found.code
            for unit, found in zip(units, self.units, strict=True)
            if found is not None
            for word in unit.words
        }


@dataclass(frozen=True)
class WordMatch:
    """One way a query word matched in the hits: the kind, with or without folding, and the
    words of the text it met (their lemmas; the forms themselves for an exact match)."""

    kind: Match
    folded: bool
    terms: tuple[str, ...]


@dataclass(frozen=True)
class WordReading:
    """How one query word matched in the hits: each kind of match met, best first."""

    word: str
    ways: tuple[WordMatch, ...]


@dataclass(frozen=True)
class Results:
    """A search's answer: the query as typed, its units, how each query word matched in
    the hits, the hits shown (best first) and how many there were before the limit."""

    query: str
    units: tuple[Unit, ...]
    readings: tuple[WordReading, ...]  # each query word once, in the query's order
    hits: tuple[Hit, ...]  # best first
    total: int  # before the limit


@dataclass(frozen=True)
class _WordHit:
    kind: Match
    folded: bool
    terms: frozenset[str]


def _kind(word: str, entry: Entry, reading: Reading, folded: bool) -> _WordHit | None:
    form = fold_word(word) if folded else word
    if form == reading.form:
        return _WordHit(Match.EXACT, folded, frozenset({word}))
    shared = entry.lemmas & reading.lemmas
    if shared:
        return _WordHit(Match.LEMMA, folded, shared)
    if entry.lemmas & reading.bases or entry.bases & reading.lemmas:
        return _WordHit(Match.DERIVATION, folded, entry.lemmas)
    if entry.parts & reading.lemmas:
        return _WordHit(Match.COMPOUND, folded, entry.lemmas)
    return None


class _Matcher:
    """How the words of the texts match each query word: each word is judged once."""

    def __init__(self, index: WordIndex, units: Sequence[Unit], present: Collection[str]):
        self.index = index
        self.present = present
        self.readings = {w: index.read_query(w) for unit in units for w in unit.words}
        self._tables: dict[tuple[str, bool], dict[str, _WordHit]] = {}

    def table(self, query_word: str, phrase: bool) -> dict[str, _WordHit]:
        """Every word of the texts that matches the query word -> how. In a phrase only the
        exact form or a form of the lemma count, also as the last piece of a hyphenated word
        ("Suomi.fi-valtuutuksen" for valtuutuksen)."""
        key = (query_word, phrase)
        if key not in self._tables:
            found = {}
            for word in self.present:
                hit = self._judge(word, query_word, phrase)
                if hit is not None:
                    found[word] = hit
            self._tables[key] = found
        return self._tables[key]

    def _judge(self, word: str, query_word: str, phrase: bool) -> _WordHit | None:
        exact, folded = self.readings[query_word]
        entry = self.index.entry(word)
        found = _kind(word, entry, exact, False) or _kind(word, entry, folded, True)
        if not phrase or (found is not None and found.kind in (Match.EXACT, Match.LEMMA)):
            return found
        if "-" in word:
            return self._judge(word.rsplit("-", 1)[1], query_word, phrase)
        return None


@dataclass(frozen=True)
class _Place:
    first: int
    last: int
    weight: float
    hit: UnitMatch
    terms: tuple[frozenset[str], ...]  # per word of the unit


def _is_name(doc: _Doc, token: _Token, written: str, kind: Match) -> bool:
    """Whether a query word written with a capital stands in the text as a name: the text's
    word begins with it as written and is it, a form of its lemma, or a hyphenated word it
    heads ("Aino-neuvonta", "Kelaan"; not "aina", nor "Digituen" for Digi)."""
    if not written[:1].isupper():
        return False
    surface = doc.text[token.start : token.end]
    if not surface.startswith(written):
        return False
    rest = surface[len(written) :]
    return not rest or rest.startswith("-") or kind is Match.LEMMA


def _unit_places(doc: _Doc, unit: Unit, matcher: _Matcher) -> list[_Place]:
    """Each place the unit matches: first and last token, weight, how, and what it met."""
    phrase = len(unit.words) > 1
    tables = [matcher.table(query_word, phrase) for query_word in unit.words]
    tokens_ = doc.tokens
    found = []
    for first in (i for i, t in enumerate(tokens_) if t.word in tables[0]):
        last = first + len(tables) - 1
        if last >= len(tokens_) or any(
            tokens_[first + k].word not in table for k, table in enumerate(tables)
        ):
            continue
        hits = [table[tokens_[first + k].word] for k, table in enumerate(tables)]
        worst = max(hits, key=lambda h: h.kind.rank)
        name = any(
            _is_name(doc, tokens_[first + k], written, hit.kind)
            for k, (hit, written) in enumerate(zip(hits, unit.written, strict=True))
        )
        folded = any(h.folded for h in hits)
        weight = min(h.kind.weight for h in hits) * (FOLDED_WEIGHT if folded else 1.0)
        found.append(
            _Place(
                first,
                last,
                weight,
                UnitMatch(worst.kind, folded, name),
                tuple(h.terms for h in hits),
            )
        )
    return found


def _best(places: Sequence[_Place]) -> UnitMatch | None:
    if not places:
        return None
    return min((p.hit for p in places), key=lambda u: (not u.name, u.folded, u.kind.rank))


def search(
    corpus: Corpus,
    query: str,
    in_regions: Sequence[Region] = (),
    section: SectionName | None = None,
    limit: int | None = None,
) -> Results:
    """Rank the corpus's sections and chapters for the query; keep those of `in_regions` and
    `section` (either of which leaves the chapters out).

    Scores are computed over the whole corpus, so that a filter never changes them.
    Raises EmptyQuery for a query without words (the CLI's exit 2), DigitukiError (exit 1, like grep) if
    nothing matches.
    """
    units = parse_query(query)
    if not units:
        raise EmptyQuery(_("the query has no words"), hint=_("give a word, e.g. seurakunta"))
    matcher = _Matcher(corpus.index, units, corpus.present)
    docs = corpus.docs
    places = [[_unit_places(doc, unit, matcher) for unit in units] for doc in docs]
    average = sum(len(d.tokens) for d in docs) / max(len(docs), 1)
    idf = []
    for u in range(len(units)):
        df = sum(bool(p[u]) for p in places)
        idf.append(math.log(1 + (len(docs) - df + 0.5) / (df + 0.5)))
    wanted = {r.id for r in in_regions}
    filtered = bool(wanted or section)
    ranked: list[tuple[tuple[int, int, int, int, float, int], Hit, list[list[_Place]]]] = []
    for number, (doc, doc_places) in enumerate(zip(docs, places, strict=True)):
        if filtered and (doc.region is None or (wanted and doc.region.id not in wanted)):
            continue
        if (section and doc.section is not section) or not any(doc_places):
            continue
        score = 0.0
        for u, found in enumerate(doc_places):
            tf = sum(p.weight for p in found)
            norm = K1 * (1 - B + B * len(doc.tokens) / average)
            score += idf[u] * tf * (K1 + 1) / (tf + norm)
        snippet, marks = _snippet(doc, doc_places)
        best = tuple(_best(found) for found in doc_places)
        hit = Hit(
            doc.region, doc.chapter, doc.section, doc.page, round(score, 3), snippet, marks, best
        )
        matched = [b for b in best if b is not None]
        key = (
            -hit.matched,
            -sum(b.name for b in matched),
            -hit.exact,
            sum(b.kind.rank for b in matched),
            -hit.score,
            number,
        )
        ranked.append((key, hit, doc_places))
    if not ranked:
        raise _no_matches(query, units, matcher, corpus, filtered)
    ranked.sort(key=lambda item: item[0])
    hits = tuple(hit for _, hit, _ in ranked)
    readings = _readings(units, [p for _, _, p in ranked])
    shown = hits if limit is None else hits[:limit]
    return Results(query, tuple(units), readings, shown, len(hits))


def _readings(
    units: Sequence[Unit], places: Sequence[Sequence[Sequence[_Place]]]
) -> tuple[WordReading, ...]:
    """For each query word: the kinds it matched in the hits, best first, with the words met."""
    readings = []
    for u, unit in enumerate(units):
        for k, word in enumerate(unit.words):
            met: dict[tuple[Match, bool], set[str]] = {}
            for doc_places in places:
                for place in doc_places[u]:
                    met.setdefault((place.hit.kind, place.hit.folded), set()).update(place.terms[k])
            ways = tuple(
                WordMatch(kind, folded, tuple(sorted(met[kind, folded])))
                for kind, folded in sorted(met, key=lambda m: (m[1], m[0].rank))
            )
            readings.append((word, ways))
    return tuple(WordReading(word, ways) for word, ways in dict(readings).items())


def _no_matches(
    query: str, units: Sequence[Unit], matcher: _Matcher, corpus: Corpus, filtered: bool
) -> DigitukiError:
    shown = f"'{printable(query, ECHO_LIMIT)}'"
    if filtered:
        return DigitukiError(
            _("no matches for {query} in the chosen regions or section").format(query=shown),
            hint=_("try without --region or --section"),
        )
    suggestions: list[str] = []
    for unit in units:
        for word in unit.words:
            if not matcher.table(word, False):
                new = corpus.index.suggestions(word, corpus.present)
                suggestions += [s for s in new if s not in suggestions]
    if corpus.chapters:
        message = _("no matches for {query} in the report's regions or chapters")
    else:
        message = _("no matches for {query} in the regions' texts")
    hint = None
    if suggestions:
        choices = either(suggestions[:MAX_SUGGESTIONS])
        hint = _("did you mean {choices}?").format(choices=choices)
    return DigitukiError(message.format(query=shown), hint)


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
    doc: _Doc, doc_places: Sequence[Sequence[_Place]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentences that hold the hits (the fewest that cover every matched unit), marked."""
    spans = [
        (doc.tokens[place.first].start, doc.tokens[place.last].end, u)
        for u, found in enumerate(doc_places)
        for place in found
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
