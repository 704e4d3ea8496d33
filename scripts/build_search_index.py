"""Build data/search-index.json: every word of the report -> lemmas, bases and parts.

Run after changing the section texts in data/counties.yaml or the report's text:

    uv run python scripts/build_search_index.py          # write the index
    uv run python scripts/build_search_index.py --check  # is the committed one current?

The words are those of the regions' section texts and of the report's chapters that are not
about one region (Johdanto, Työskentelymenetelmät, ..., see digituki_cli.chapters).

The analysis is Voikko's, through pyvoikko (a dev-only dependency, GPL-3.0-or-later; see
the Licence section of README.md). pyvoikko carries Voikko's Finnish dictionary (voikko-fi)
compiled to a finite-state transducer, `voikko.kfst`, which the pure-Python `kfst` runs:
`uv sync` installs everything, and no system libvoikko or dictionary package is needed.
(Debian's `libvoikko1` and `voikko-fi` with libvoikko's Python binding would give the same
analyses, but are not used.) pyvoikko takes about a second to import, so the CLI never
imports it; only its results for the report's own words are committed, and
tests/test_search.py checks that the file is current.

For each word form the index keeps
- "lemmas": its base forms ("seurakuntien" -> "seurakunta"), and for a participle its verb
  too (Voikko reads "jalkautuva", "jalkauduttu" as adjectives of their own, derived from
  "jalkautua": they are forms of the verb);
- "bases" (left out when empty): what it is derived from, by Voikko's derivation tags
  ([Xp] base, [Xj] suffix), with its compound heads: "selkokielisyys" -> "selkokieli",
  "selkokielinen"; "rahoitus" -> "rahoittaa";
- "parts" (left out when empty): the base forms of its compound parts and of runs of them,
  of the pieces of a hyphenated word, and what the parts are derived from
  ("yhteissähköpostiosoite" -> "sähköposti", "posti", "osoite", ...; "selkokielisyys" ->
  "selko", "kielisyys", "kieli", "kielinen").
A word Voikko does not know is read by digituki_cli.finnish.NewWords, the same rules that
read a dataset's new words at run time, with Voikko reading the parts:
"digimentoritoiminnan" -> "digimentoritoiminta", parts "digimentori", "digi", "mentori",
"toiminta".
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from digituki_cli.finnish import Entry, NewWords, compound_heads

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "search-index.json"
FORMAT = 2  # 1: lemmas and parts; 2: bases added, chapters' words, empty lists left out

_TAG = re.compile(r"(\[[^\]]+\])")


def _clean(text: str) -> str:
    return text.lower().replace("=", "").replace("--", "-").strip("-")


def derivation_bases(fst: str) -> set[str]:
    """What one compound part is derived from, read from Voikko's FST output: the [Xp] base
    and each derivation before the last ("[Xp]kieli[X]kiel[Xj]inen[X]isy[Xj]ys..." ->
    "kieli", "kielinen"); none for a word that is not derived."""
    mode: str | None = None
    root: str | None = None
    surface = collected = ""
    derivations: list[tuple[str, str]] = []  # (the surface before the suffix, the suffix)
    for piece in (p for p in _TAG.split(fst) if p):
        if piece in ("[Xp]", "[Xj]"):
            mode, collected = piece, ""
        elif piece in ("[Xr]", "[Xs]"):
            mode = "skip"
        elif piece == "[X]":
            if mode == "[Xp]" and root is None:
                root = collected
            elif mode == "[Xj]":
                derivations.append((surface, collected))
            mode = None
        elif piece.startswith("["):
            continue
        elif mode in ("[Xp]", "[Xj]"):
            collected += piece
        elif mode is None:
            surface += piece
    if root is None or not derivations:
        return set()
    found = {_clean(root)} | {_clean(before + suffix) for before, suffix in derivations[:-1]}
    found.discard("")
    return found


def voikko(word: str) -> Entry | None:
    """Voikko's reading of a word: lemmas, bases and parts; None if it does not know it."""
    import pyvoikko

    analyses = pyvoikko.analyse(word) or pyvoikko.analyse(word.capitalize())
    if not analyses:
        return None
    lemmas: set[str] = set()
    bases: set[str] = set()
    parts: set[str] = set()
    for analysis in analyses:
        lemmas.add(_clean(analysis.BASEFORM))
        components = analysis.COMPOUND_PARTS or [analysis]
        heads = "".join(_clean(p.FORM) for p in components[:-1])
        last_bases = derivation_bases(components[-1].FSTOUTPUT)
        if analysis.PARTICIPLE:
            # A participle is a form of its verb: "jalkautuva", "jalkauduttu" -> jalkautua.
            lemmas |= {heads + base for base in last_bases}
        else:
            bases |= {heads + base for base in last_bases}
        if len(components) > 1:
            for component in components:
                parts |= derivation_bases(component.FSTOUTPUT)
        for start in range(len(components)):
            for end in range(start, len(components)):
                if (start, end) == (0, len(components) - 1):
                    continue
                # A run of parts ends in its last part's base form, and, inside the word,
                # in the form it has there too: "opinnäytetyö" and "opinnäytetyön".
                run = "".join(_clean(p.FORM) for p in components[start:end])
                last = components[end]
                parts.add(run + _clean(last.BASEFORM))
                if end < len(components) - 1:
                    parts.add(run + _clean(last.FORM))
    lemmas.discard("")
    bases -= lemmas | {""}
    parts -= lemmas | {""}
    return Entry(frozenset(lemmas), frozenset(bases), frozenset(parts))


def analyse_words(words: Iterable[str]) -> dict[str, Entry]:
    """Analyse every word: Voikko first, then NewWords for what it does not know."""
    result: dict[str, Entry] = {}
    unknown: list[str] = []
    pieces = NewWords((), (), voikko)
    for word in sorted(set(words)):
        entry = voikko(word)
        if "-" in word:
            split = pieces.hyphenated(word)
            if entry is None or not entry.lemmas:
                entry = split
            else:
                entry = Entry(entry.lemmas, entry.bases, entry.parts | split.parts - entry.lemmas)
        if entry is None:
            unknown.append(word)
        else:
            result[word] = entry
    vocabulary = {t for e in result.values() for t in e.lemmas | e.bases | e.parts}
    result |= NewWords(vocabulary, compound_heads(result.values()), voikko).entries(unknown)
    return result


def report_words() -> list[str]:
    """Every word of the bundled dataset's section texts and of the report's other chapters."""
    from digituki_cli.chapters import dataset_chapters
    from digituki_cli.finnish import words
    from digituki_cli.load import load_dataset
    from digituki_cli.paths import bundled_dataset

    dataset = load_dataset(bundled_dataset()).dataset
    texts = [s.text for r in dataset.regions for _, s in r.sections.present()]
    texts += [c.text for c in dataset_chapters(dataset, bundled_dataset())]
    return [word for text in texts for word in words(text)]


def build() -> dict[str, Any]:
    analyses = analyse_words(report_words())
    words: dict[str, dict[str, list[str]]] = {}
    for word, entry in sorted(analyses.items()):
        words[word] = {"lemmas": sorted(entry.lemmas)}
        if entry.bases:
            words[word]["bases"] = sorted(entry.bases)
        if entry.parts:
            words[word]["parts"] = sorted(entry.parts)
    return {
        "about": (
            "Generated by scripts/build_search_index.py from the section texts of "
            "data/counties.yaml and the report's other chapters; do not edit by hand. Word "
            "forms -> lemmas, derivational bases and compound parts, from Voikko's analysis "
            "(via pyvoikko) and digituki's own light rules."
        ),
        "analyser": f"pyvoikko {version('pyvoikko')}",
        "format": FORMAT,
        "words": words,
    }


def dumps(index: dict[str, Any]) -> str:
    """One word a line, so that a change in the texts shows as a small diff."""
    lines = ["{"]
    for key in ("about", "analyser", "format"):
        lines.append(f"  {json.dumps(key)}: {json.dumps(index[key], ensure_ascii=False)},")
    lines.append('  "words": {')
    entries = [
        f"    {json.dumps(word, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}"
        for word, entry in index["words"].items()
    ]
    lines.append(",\n".join(entries))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = dumps(build())
    if "--check" in sys.argv[1:]:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date; run scripts/build_search_index.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT} is current")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.splitlines()) - 7} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
