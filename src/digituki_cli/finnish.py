"""Light Finnish word handling for search: tokens, and the lemmas a word form may have.

The heavy analysis (Voikko) is done ahead of time for the report's own words and kept in
`data/search-index.json`. This module handles the rest at query time in microseconds: a
word the report never uses ("seurakunnissa") is split into a stem and an inflectional
ending, and the stem is accepted only if it is a stem of a lemma the report does use
("seurakunta"). The vocabulary is closed, so generous rules stay precise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

# A word: letters and digits, with inner hyphens or dots ("Suomi.fi-valtuutuksien").
TOKEN = re.compile(r"[^\W_]+(?:[.\-][^\W_]+)*")

VOWELS = frozenset("aeiouyäöå")
_BACK_TO_FRONT = str.maketrans("aou", "äöy")

# Consonant gradation: (strong, weak) grades of the consonants before a stem's last vowel.
_GRADATION = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("lk", "lj"),
    ("rk", "rj"),
    ("t", "d"),
    ("p", "v"),
    ("k", ""),
)


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The words of a text, with their positions."""
    return TOKEN.finditer(text)


def words(text: str) -> list[str]:
    """The words of a text, lower-cased: the keys of the search index."""
    return [m.group().lower() for m in TOKEN.finditer(text)]


def _both_harmonies(endings: Iterable[str]) -> set[str]:
    found = set()
    for ending in endings:
        found.add(ending)
        found.add(ending.translate(_BACK_TO_FRONT))
    return found


def _nominal_endings() -> set[str]:
    singular = ["", "n", "a", "ta", "tta", "na", "ksi", "ssa", "sta", "lla", "lta", "lle", "tse"]
    singular += ["seen", "ne", "t", "sti"]
    singular += [v + "n" for v in "aeiouyäö"] + ["h" + v + "n" for v in "aeiouyäö"]
    plural_i = ["ssa", "sta", "lla", "lta", "lle", "na", "ksi", "tta", "ne", "n", "in", "tse"]
    plural_i += ["hin", "siin", "a", "ta", "en", "den", "tten", "ä", "tä"]
    plural = ["i" + e for e in plural_i] + ["ja", "jen", "ten", "en", "a", "ita"]
    possessive = ["", "ni", "si", "mme", "nne", "nsa", "sa", "an", "en", "in", "on", "un", "yn"]
    clitic = ["", "kin", "kaan", "han", "pa", "ko"]
    cases = singular + plural
    return _both_harmonies(c + p + k for c in cases for p in possessive for k in clitic)


def _verbal_endings() -> set[str]:
    present = ["n", "t", "mme", "tte", "vat", "a", "e", "o", "u", "y", "i"]
    past = ["i", "in", "it", "imme", "itte", "ivat", "si", "sin", "sit", "simme", "sivat"]
    conditional = ["isi", "isin", "isit", "isimme", "isivat"]
    passive = ["taan", "ttaan", "aan", "tiin", "ttiin", "ttava", "tava", "ttu", "tu"]
    infinitive = ["essa", "en", "maan", "massa", "masta", "malla", "matta", "minen", "misen"]
    infinitive += ["da", "ta", "a", "mista", "mis"]
    # The verbal noun ("käyttäminen") in its cases: käyttämisestä, käyttämiselle.
    infinitive += ["mise" + e for e in ("n", "en", "ssa", "sta", "lla", "lle", "ksi", "nsa")]
    participle = ["va", "vat", "van", "vien", "via", "nut", "neet", "neen", "ma", "mat", "man"]
    return _both_harmonies(present + past + conditional + passive + infinitive + participle)


@cache
def endings() -> frozenset[str]:
    """Inflectional endings (case, number, possessive, clitic; common verb forms)."""
    return frozenset(_nominal_endings() | _verbal_endings())


def _graded(stem: str) -> set[str]:
    """The stem, and its other grade: the consonants before its last vowels changed."""
    found = {stem}
    end = len(stem)
    while end and stem[end - 1] in VOWELS:
        end -= 1
    head, tail = stem[:end], stem[end:]
    for strong, weak in _GRADATION:
        if strong and head.endswith(strong):
            found.add(head[: len(head) - len(strong)] + weak + tail)
        if weak and head.endswith(weak):
            found.add(head[: len(head) - len(weak)] + strong + tail)
    if not head.endswith(("k", "h", "s")) and tail:
        # A k lost in the weak grade ("koe" : "kokeen"): put it back between the vowels.
        found.add(head + "k" + tail)
    return found


def stems(lemma: str) -> set[str]:
    """Forms a lemma's inflected forms start with, before the ending ("seurakunta": "seurakunn")."""
    word = lemma.lower()
    found = {word}
    if len(word) < 2:
        return found
    last = word[-1]
    if last in VOWELS:
        base = word[:-1]
        for graded in _graded(base):
            found |= {graded, graded + last}
        if last in "aä":
            found |= {base + "o", base + "e", base + "ö"}
            if word[-2] == last:
                # Passive of "järjestää", "antaa", "kehittää": järjestetään, annetaan.
                found |= {g + "e" for g in _graded(word[:-2])}
            if len(word) > 3 and word[-2] in "td" and word[-3] in VOWELS:
                # Verbs like "ohjata", "tarjota": ohjaa-, tarjoa-, ohjat-.
                verb = word[:-2]
                found |= {verb + last, verb + word[-3], verb + "t", verb + "nn"}
                found |= {g + word[-3] for g in _graded(verb)}
            if word[-3:-1] in ("ll", "nn", "rr", "st"):
                found |= {word[:-2] + "e", word[:-2]}  # "puhella": puhele-, "tulla": tul-
            if word[-2] in "dh":
                found.add(word[:-2])  # "saada": saa-, "asioida": asioi-
        elif last == "i":
            found |= {g + "e" for g in _graded(base)} | {base + "e"}
            if base.endswith("s"):
                found.add(base[:-1] + "t")  # "vuosi": vuotta
        elif last == "e":
            found |= {g + "e" + "e" for g in _graded(base)} | {word + "e"}
        if word[-2:] in ("uo", "yö", "ie"):
            found.add(word[:-2] + last)  # "työ": töi-, "tie": tei-
    elif word.endswith("nen"):
        found |= {word[:-3] + "se", word[:-3] + "s"}
    elif last == "s" and word[-2] in VOWELS:
        stem = word[:-1]
        found |= {stem + "kse", stem + "ks", stem + "de", stem + "t"}
        vowel = word[-2]
        for graded in _graded(word[:-2]):
            found |= {graded + vowel, graded + vowel + vowel}
    elif last == "n" and word[-2] in VOWELS:
        found |= {word[:-1] + "me", word[:-1] + "m"}  # "puhelin": puhelime-, puhelim-
        found |= {g + "m" + a for g in _graded(word[:-1]) for a in "aä"}  # "maksuton": -ttoma-
    elif last == "t" and word[-2] in "uy":
        found |= {word[:-2] + "ee", word[:-2] + "e"}
    return {s for s in found if len(s) >= 2}


class StemIndex:
    """Every stem of a set of lemmas, to recognise word forms that the set never spelled out."""

    def __init__(self, lemmas: Iterable[str]):
        self._lemmas_by_stem: dict[str, set[str]] = {}
        for lemma in lemmas:
            for stem in stems(lemma):
                self._lemmas_by_stem.setdefault(stem, set()).add(lemma)

    def lemmas(self, word: str) -> set[str]:
        """The lemmas whose stem plus an ending spells the word."""
        word = word.lower()
        known_endings = endings()
        found: set[str] = set()
        for cut in range(min(2, len(word)), len(word) + 1):
            lemmas = self._lemmas_by_stem.get(word[:cut])
            if lemmas and word[cut:] in known_endings:
                found |= lemmas
        return found
