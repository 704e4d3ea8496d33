"""Which language technology finds a word's other forms in the report? A measurement.

Ground truth: Voikko's lemmas of the report's words (data/search-index.json). For every
pair of different forms of one lemma in the report ("seurakuntien", "seurakunnat"), does a
query in one form find the other? And how many words of other lemmas does it find too?

    uv run --with snowballstemmer --with simplemma python bench/analysers.py

Methods: snowballstemmer (Finnish), simplemma (fi), and digituki's light rules
(digituki_cli.finnish) with the query form left out of the index, as for a form the
report never uses. Prints recall and false matches per query, and each method's time.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

INDEX = Path(__file__).resolve().parent.parent / "data" / "search-index.json"


def main() -> None:
    words: dict[str, dict[str, list[str]]] = json.loads(INDEX.read_text(encoding="utf-8"))["words"]
    analysed = {w: set(e["lemmas"]) for w, e in words.items() if "-" not in w}
    forms: dict[str, set[str]] = defaultdict(set)
    for word, lemmas in analysed.items():
        for lemma in lemmas:
            forms[lemma].add(word)
    pairs = [
        (f, g) for group in forms.values() if len(group) > 1 for f in group for g in group if f != g
    ]
    print(f"{len(analysed)} word forms, {len(pairs)} pairs of forms of one lemma\n")

    def report(
        name: str, key: Callable[[str], set[str]], setup: float, indexed: bool = False
    ) -> dict[str, set[str]]:
        """Recall and false matches of a method. `indexed`: the forms a query is compared
        with are in the index (their Voikko lemmas), as in `digituki search`; else the
        method reads them too."""
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
            f"{name:28} recall {found / len(pairs):6.1%}  false matches/query "
            f"{false / len(analysed):5.2f}  setup {setup:5.2f}s  {len(analysed)} words {spent:5.3f}s"
        )
        return keys

    start = time.perf_counter()
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("finnish")
    report("snowballstemmer", lambda w: {stemmer.stemWord(w)}, time.perf_counter() - start)

    start = time.perf_counter()
    import simplemma

    simplemma.lemmatize("kissa", lang="fi")
    report(
        "simplemma",
        lambda w: {simplemma.lemmatize(w, lang="fi").lower()},
        time.perf_counter() - start,
    )

    from digituki_cli.finnish import StemIndex

    start = time.perf_counter()
    all_lemmas = {lemma for entry in words.values() for lemma in entry["lemmas"] + entry["parts"]}
    stems = StemIndex(all_lemmas)
    # A query form unknown to the index is read by the rules.
    keys = report("digituki light rules", stems.lemmas, time.perf_counter() - start, indexed=True)
    missed = sorted({f for f, g in pairs if not keys[f] & analysed[g]})
    print(
        "\nlight rules miss:", ", ".join(f"{f} ({'/'.join(sorted(analysed[f]))})" for f in missed)
    )


if __name__ == "__main__":
    main()
