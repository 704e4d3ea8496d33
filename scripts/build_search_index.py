"""Build data/search-index.json: every word of the report's county texts -> lemmas and parts.

Run after changing the section texts in data/counties.yaml:

    uv run python scripts/build_search_index.py

The analysis is Voikko's, through pyvoikko (a dev-only dependency, GPL-3.0-or-later): it
takes about a second to import, so the CLI never imports it. Only its results for the
report's own words are committed; tests/test_search.py checks that the file is current.

For each word form the index keeps
- "lemmas": its base forms ("seurakuntien" -> "seurakunta"), and
- "parts": the base forms of its compound parts and of runs of them
  ("yhteissähköpostiosoite" -> "sähköposti", "posti", "osoite", ...), and of the pieces of
  a hyphenated word ("chat-palveluissa" -> "chat", "palvelu").
A word Voikko does not know is read with the light rules of digituki_cli.finnish against
the lemmas of the other words, or split into an unknown head and a known final part
("digimentoritoiminnan" -> "digimentori" + "toiminta"); failing both it is its own lemma.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "search-index.json"

# The shortest head and final part that an unknown word may be split into.
MIN_HEAD = 3
MIN_TAIL = 4


@dataclass
class Analysis:
    lemmas: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    return text.lower().replace("=", "").replace("--", "-").strip("-")


def _voikko(word: str) -> Analysis:
    import pyvoikko

    found = Analysis()
    analyses = pyvoikko.analyse(word) or pyvoikko.analyse(word.capitalize())
    for analysis in analyses:
        found.lemmas.add(_clean(analysis.BASEFORM))
        parts = analysis.COMPOUND_PARTS or []
        for start in range(len(parts)):
            for end in range(start, len(parts)):
                if (start, end) == (0, len(parts) - 1):
                    continue
                heads = "".join(_clean(p.FORM) for p in parts[start:end])
                last = parts[end]
                if end == len(parts) - 1:
                    found.parts.add(heads + _clean(last.BASEFORM))
                else:
                    found.parts.add(heads + _clean(last.FORM))
                    if start == end:
                        found.parts.add(_clean(last.BASEFORM))
    found.lemmas.discard("")
    found.parts -= found.lemmas | {""}
    return found


def _split(word: str, known: set[str]) -> tuple[list[str], Analysis] | None:
    """An unknown compound as known heads and a final part that Voikko knows, if it is one:
    "digisotekeskuksen" -> ["digi", "sote"] + "keskus"."""
    for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        if head not in known:
            continue
        last = _voikko(tail)
        if last.lemmas:
            return [head], last
        rest = _split(tail, known)
        if rest is not None:
            return [head, *rest[0]], rest[1]
    return None


def analyse_words(words: Iterable[str]) -> dict[str, Analysis]:
    """Analyse every word: Voikko first, then the fallbacks for what it does not know."""
    from digituki_cli.finnish import StemIndex

    result: dict[str, Analysis] = {}
    for word in sorted(set(words)):
        pieces = word.split("-")
        analysis = _voikko(word)
        if len(pieces) > 1:
            piece_analyses = [_voikko(piece) for piece in pieces]
            for piece, piece_analysis in zip(pieces, piece_analyses, strict=True):
                analysis.parts |= piece_analysis.lemmas or {piece}
                analysis.parts |= piece_analysis.parts
            # Runs of pieces: "e-seniorit-toiminta" -> "e-seniorit", "seniorit-toiminta".
            last_lemmas = piece_analyses[-1].lemmas or {pieces[-1]}
            for start in range(len(pieces)):
                for end in range(start + 1, len(pieces)):
                    if (start, end) == (0, len(pieces) - 1):
                        continue
                    head = "-".join(pieces[start:end])
                    if end == len(pieces) - 1:
                        analysis.parts |= {f"{head}-{lemma}" for lemma in last_lemmas}
                    else:
                        analysis.parts.add(f"{head}-{pieces[end]}")
            if not analysis.lemmas:
                head = "-".join(pieces[:-1])
                analysis.lemmas = {f"{head}-{lemma}" for lemma in piece_analyses[-1].lemmas}
        result[word] = analysis
    unknown = [word for word, analysis in result.items() if not analysis.lemmas]
    known = {term for a in result.values() for term in a.lemmas | a.parts} | set(unknown)
    stem_index = StemIndex(known)
    for word in unknown:
        analysis = result[word]
        candidates = stem_index.lemmas(word) - {word}
        split = None if candidates else _split(word, known)
        if candidates:
            analysis.lemmas = candidates
        elif split is not None:
            heads, last = split
            analysis.lemmas = {"".join(heads) + lemma for lemma in last.lemmas}
            analysis.parts |= set(heads) | last.lemmas | last.parts
        else:
            analysis.lemmas = {word}
    for analysis in result.values():
        analysis.parts -= analysis.lemmas
    return result


def section_words() -> list[str]:
    """Every word of every region's section texts in the bundled dataset."""
    from digituki_cli.finnish import words
    from digituki_cli.load import load_dataset
    from digituki_cli.paths import bundled_dataset

    dataset = load_dataset(bundled_dataset()).dataset
    return [
        word
        for region in dataset.regions
        for _, section in region.sections.present()
        for word in words(section.text)
    ]


def build() -> dict[str, Any]:
    analyses = analyse_words(section_words())
    return {
        "about": (
            "Generated by scripts/build_search_index.py from the section texts of "
            "data/counties.yaml; do not edit by hand. Word forms -> lemmas and compound "
            "parts, from Voikko's analysis (via pyvoikko) and digituki's own light rules."
        ),
        "analyser": f"pyvoikko {version('pyvoikko')}",
        "words": {
            word: {"lemmas": sorted(a.lemmas), "parts": sorted(a.parts)}
            for word, a in sorted(analyses.items())
        },
    }


def dumps(index: dict[str, Any]) -> str:
    """One word a line, so that a change in the texts shows as a small diff."""
    lines = ["{"]
    for key in ("about", "analyser"):
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
    print(f"wrote {OUTPUT} ({len(text.splitlines()) - 6} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
