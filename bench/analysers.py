"""How well do the light rules read Finnish words the index does not know? A measurement.

Ground truth: Voikko's analysis of the report's words (data/search-index.json). Three
questions, each asked of a word as if the index had never seen it:

1. Inflection: for every pair of different forms of one lemma in the report
   ("seurakuntien", "seurakunnat"), does a query in one form find the other?
   (digituki_cli.finnish.StemIndex; optionally snowballstemmer and simplemma, for comparison.)
2. Derivation: for every word Voikko says is derived ("rahoitus" <- "rahoittaa",
   "selkokielisyys" <- "selkokieli"), do the derivation rules find its base among the
   report's lemmas? (DerivationIndex; compounds are left out, their bases carry the heads.)
3. Compounds: for every compound Voikko splits, does the compound rule
   (NewWords.compound_parts) find its last part, given the rest of the vocabulary?

Each prints recall, and false readings per word (readings Voikko does not give).

    uv run python bench/analysers.py
    uv run --with snowballstemmer --with simplemma python bench/analysers.py   # comparison
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from digituki_cli.finnish import DerivationIndex, Entry, NewWords, StemIndex, compound_heads

INDEX = Path(__file__).resolve().parent.parent / "data" / "search-index.json"


def _entries() -> dict[str, Entry]:
    words = json.loads(INDEX.read_text(encoding="utf-8"))["words"]
    return {
        w: Entry(
            frozenset(e["lemmas"]), frozenset(e.get("bases", ())), frozenset(e.get("parts", ()))
        )
        for w, e in words.items()
    }


def inflection(entries: dict[str, Entry]) -> None:
    analysed = {w: set(e.lemmas) for w, e in entries.items() if "-" not in w}
    forms: dict[str, set[str]] = defaultdict(set)
    for word, lemmas in analysed.items():
        for lemma in lemmas:
            forms[lemma].add(word)
    pairs = [
        (f, g) for group in forms.values() if len(group) > 1 for f in group for g in group if f != g
    ]
    print(f"1. inflection: {len(analysed)} word forms, {len(pairs)} pairs of forms of one lemma")

    def report(
        name: str, key: Callable[[str], set[str]], setup: float, indexed: bool = False
    ) -> dict[str, set[str]]:
        """`indexed`: the forms a query is compared with are in the index (their Voikko
        lemmas), as in `digituki search`; else the method reads them too."""
        start = time.perf_counter()
        keys = {w: key(w) for w in analysed}
        spent = time.perf_counter() - start
        other = analysed if indexed else keys
        found = sum(bool(keys[f] & other[g]) for f, g in pairs)
        false = sum(
            sum(1 for h in analysed if not analysed[h] & analysed[f] and other[h] & keys[f])
            for f in analysed
        )
        print(
            f"   {name:26} recall {found / len(pairs):6.1%}  false matches/query "
            f"{false / len(analysed):5.2f}  setup {setup:5.2f}s  words {spent:5.3f}s"
        )
        return keys

    try:
        start = time.perf_counter()
        import snowballstemmer  # type: ignore[import-not-found]

        stemmer = snowballstemmer.stemmer("finnish")
        report("snowballstemmer", lambda w: {stemmer.stemWord(w)}, time.perf_counter() - start)
    except ImportError:
        print("   snowballstemmer            not installed (uv run --with snowballstemmer ...)")
    try:
        start = time.perf_counter()
        import simplemma  # type: ignore[import-not-found]

        simplemma.lemmatize("kissa", lang="fi")
        report(
            "simplemma",
            lambda w: {simplemma.lemmatize(w, lang="fi").lower()},
            time.perf_counter() - start,
        )
    except ImportError:
        print("   simplemma                  not installed (uv run --with simplemma ...)")

    start = time.perf_counter()
    all_terms = {t for e in entries.values() for t in e.lemmas | e.parts}
    stems = StemIndex(all_terms)
    keys = report("digituki light rules", stems.lemmas, time.perf_counter() - start, indexed=True)
    missed = sorted({f for f, g in pairs if not keys[f] & analysed[g]})
    print(
        "   light rules miss:", ", ".join(f"{f} ({'/'.join(sorted(analysed[f]))})" for f in missed)
    )


def derivation(entries: dict[str, Entry]) -> None:
    # Simple words only: a compound's bases carry its heads ("selkokieli").
    derived = {w: e for w, e in entries.items() if e.bases and not e.parts and "-" not in w}
    vocabulary = {t for e in entries.values() for t in e.lemmas | e.parts}
    start = time.perf_counter()
    rules = DerivationIndex(vocabulary)
    setup = time.perf_counter() - start
    expected = sum(len(e.bases & vocabulary) for e in derived.values())
    found = false = 0
    missed = []
    for word, entry in derived.items():
        bases = rules.bases(word) - entry.lemmas
        good = entry.bases & vocabulary
        found += len(bases & good)
        false += len(bases - good)
        missed += [f"{word} ({b})" for b in sorted(good - bases)]
    spent = [rules.bases(w) for w in entries]  # every word, for the time
    total = time.perf_counter() - start - setup
    print(
        f"\n2. derivation: {len(derived)} derived words, {expected} bases among the lemmas\n"
        f"   {'derivation rules':26} recall {found / expected:6.1%}  false bases/word "
        f"{false / len(derived):5.2f}  setup {setup:5.2f}s  {len(spent)} words {total:5.3f}s"
    )
    print("   derivation rules miss:", ", ".join(missed))
    other = {w: rules.bases(w) - e.lemmas - e.bases for w, e in entries.items() if "-" not in w}
    false_all = sum(len(b) for b in other.values())
    print(f"   false bases per word over all {len(other)} words: {false_all / len(other):.2f}")


def compounds(entries: dict[str, Entry]) -> None:
    # Voikko's compounds of two or more parts: is the last part found, from the rest?
    checked = found = false = 0
    heads = compound_heads(entries.values())
    vocabulary = {t for e in entries.values() for t in e.lemmas | e.parts}
    for word, entry in entries.items():
        if "-" in word or not entry.parts:
            continue
        lemma = min(entry.lemmas, key=len)
        lasts = {p for p in entry.parts if lemma.endswith(p) and len(p) < len(lemma)}
        if not lasts:
            continue
        others = {w: e for w, e in entries.items() if not e.lemmas & entry.lemmas}
        reader = NewWords(vocabulary, heads, others.get)
        parts = reader.compound_parts(lemma, vocabulary - entry.lemmas)
        checked += 1
        found += bool(parts & lasts)
        false += len(parts - entry.parts - entry.bases)
    print(
        f"\n3. compounds: {checked} compounds Voikko splits\n"
        f"   {'compound rule':26} recall {found / checked:6.1%}  false parts/word "
        f"{false / checked:5.2f}"
    )


def main() -> None:
    entries = _entries()
    inflection(entries)
    derivation(entries)
    compounds(entries)


if __name__ == "__main__":
    main()
