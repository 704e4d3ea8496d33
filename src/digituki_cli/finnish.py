"""Light Finnish word handling for search: tokens, and what a word form may stand for.

The heavy analysis (Voikko) is done ahead of time for the report's own words and kept in
`data/search-index.json`. This module handles the rest in microseconds, with rules that
accept a reading only if it leads to a word the text uses (the vocabulary is closed, so
generous rules stay precise):

- inflection: a form ("seurakunnissa") is a stem plus an ending, and the stem is a stem of
  a lemma of the text ("seurakunta");
- derivation: a form ("rahoittaja") is a stem of a lemma of the text ("rahoittaa") plus a
  derivational suffix ("-ja") plus an ending;
- compounds: a word no dictionary knows ("digimentoritoiminta") is a known head plus a
  part that can be read ("digimentori" + "toiminta").

bench/analysers.py measures the rules against Voikko's analysis of the report's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
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


def nfc(text: str) -> str:
    """The text in Unicode NFC: "a" + combining diaeresis becomes "ä" (macOS types the former)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The words of a text (give it in NFC), with their positions."""
    return TOKEN.finditer(text)


def words(text: str) -> list[str]:
    """The words of a text, in NFC and lower case: the keys of the search index."""
    return [m.group().lower() for m in TOKEN.finditer(nfc(text))]


@dataclass(frozen=True)
class Entry:
    """What a word form of the text stands for.

    `lemmas`: its base forms ("seurakuntien" -> seurakunta); `bases`: the words it is derived
    from, with its compound heads ("selkokielisyys" -> selkokieli, selkokielinen); `parts`:
    its compound parts and runs of them, and what those are derived from
    ("yhteissähköpostiosoite" -> sähköposti, posti, osoite, ...).
    """

    lemmas: frozenset[str]
    bases: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset()


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
def nominal_endings() -> frozenset[str]:
    """Inflectional endings of nouns and adjectives (case, number, possessive, clitic)."""
    return frozenset(_nominal_endings())


@cache
def endings() -> frozenset[str]:
    """Inflectional endings (case, number, possessive, clitic; common verb forms)."""
    return nominal_endings() | _verbal_endings()


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


@cache
def stems(lemma: str) -> frozenset[str]:
    """Forms a lemma's inflected forms start with, before the ending ("seurakunta": "seurakunn")."""
    word = lemma.lower()
    found = {word}
    if len(word) < 2:
        return frozenset(found)
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
    return frozenset(s for s in found if len(s) >= 2)


def _verb_shaped(lemma: str) -> bool:
    """Whether a lemma looks like a verb's first infinitive (antaa, tarjota, saada, puhella),
    whose bare stems are words too (antaa "gives", tarjoa, saa)."""
    if len(lemma) < 3 or lemma[-1] not in "aä":
        return False
    if lemma[-2] in VOWELS or lemma[-3:-1] in ("ll", "nn", "rr", "st"):
        return True  # antaa, puhella, mennä, nousta
    return lemma[-2] in "dt" and lemma[-3] in VOWELS  # saada, tarjota


class StemIndex:
    """Every stem of a set of lemmas, to recognise word forms that the set never spelled out."""

    def __init__(self, lemmas: Iterable[str]):
        self._lemmas_by_stem: dict[str, set[str]] = {}
        self._verbs: set[str] = set()
        self._free: set[tuple[str, str]] = set()  # (stem, lemma): the stem is a word by itself
        for lemma in lemmas:
            verb = _verb_shaped(lemma)
            if verb:
                self._verbs.add(lemma)
            for stem in stems(lemma):
                self._lemmas_by_stem.setdefault(stem, set()).add(lemma)
                if verb or stem == lemma:
                    self._free.add((stem, lemma))

    def lemmas(self, word: str) -> set[str]:
        """The lemmas whose stem plus an ending spells the word: a verb's ending (or a
        declined participle) only after a verb's stem, and no ending only after a lemma
        itself or a verb's stem ("aino" is not a form of "aina")."""
        word = word.lower()
        nominal, every = nominal_endings(), endings()
        found: set[str] = set()
        for cut in range(min(2, len(word)), len(word)):
            lemmas = self._lemmas_by_stem.get(word[:cut])
            if not lemmas:
                continue
            ending = word[cut:]
            if ending in nominal:
                found |= lemmas
            elif lemmas & self._verbs and (ending in every or _declined(ending, PARTICIPLES)):
                found |= lemmas & self._verbs
        found |= {
            lemma for lemma in self._lemmas_by_stem.get(word, ()) if (word, lemma) in self._free
        }
        return found


# Derivational suffixes, in their lemma form (back vowels; the front ones are made from them):
# the verbal nouns and agents (ohjaus, toimija, suunnittelija, neuvonta, asiointi, palvelu,
# käyttö, tapahtuma), and the adjectives and nouns of adjectives (sähköinen, rahallinen,
# mahdollisuus, maksuton).
DERIVATIONAL_SUFFIXES = (
    "us",
    "ja",
    "ija",
    "nta",
    "nti",
    "u",
    "o",
    "ma",
    "inen",
    "llinen",
    "ellinen",
    "allinen",
    "isuus",
    "uus",
    "ton",
    "eton",
)
# The participles and the verbal noun, which decline like nouns: forms of their verb
# (jalkautuvalle, järjestettyjä, kirjautuneille, käyttämisestä).
PARTICIPLES = ("va", "tava", "ttava", "tu", "ttu", "nut", "ma", "minen")
# The shortest stem a derivation is read from: shorter ones find too many unrelated words.
MIN_DERIVATION_STEM = 4


@cache
def _suffix_stems(suffixes: tuple[str, ...]) -> frozenset[str]:
    """Every stem of the suffixes, as their inflected forms begin ("us": uks, ukse)."""
    found: set[str] = set()
    for suffix in _both_harmonies(suffixes):
        found.add(suffix)
        # Inflect the suffix after a placeholder letter that takes no gradation.
        found |= {stem[1:] for stem in stems("x" + suffix) if len(stem) > 1 and stem[0] == "x"}
    return frozenset(found)


def _declined(rest: str, suffixes: tuple[str, ...]) -> bool:
    """Whether `rest` is one of the suffixes declined like a noun ("valle": va + lle)."""
    stems_of_suffixes, nominal = _suffix_stems(suffixes), nominal_endings()
    return any(
        rest[:end] in stems_of_suffixes and rest[end:] in nominal for end in range(1, len(rest) + 1)
    )


class DerivationIndex:
    """The lemmas of a vocabulary that a word may be derived from: a stem of the lemma
    (or that stem without its last vowel: "rahoitta" -> "rahoit-us"), a derivational
    suffix, and an inflectional ending."""

    def __init__(self, lemmas: Iterable[str]):
        self._lemmas_by_stem: dict[str, set[str]] = {}
        for lemma in lemmas:
            found = stems(lemma)
            for stem in found | {s[:-1] for s in found if s[-1] in VOWELS}:
                if len(stem) >= MIN_DERIVATION_STEM:
                    self._lemmas_by_stem.setdefault(stem, set()).add(lemma)

    def bases(self, word: str) -> set[str]:
        """The lemmas the word may be derived from ("rahoittajille" -> rahoittaa)."""
        word = word.lower()
        found: set[str] = set()
        for cut in range(MIN_DERIVATION_STEM, len(word)):
            lemmas = self._lemmas_by_stem.get(word[:cut])
            if lemmas and _declined(word[cut:], DERIVATIONAL_SUFFIXES):
                found |= lemmas
        return found


# The shortest head and final part that an unknown compound may be split into.
MIN_HEAD = 3
MIN_TAIL = 4
# The shortest word of the vocabulary that may head a compound whose rest nothing can read.
MIN_KNOWN_HEAD = 5


class NewWords:
    """Entries for words that no dictionary knows, read against a known vocabulary.

    `vocabulary`: every lemma, base and part the dictionary gave for the other words;
    `heads`: the words that begin compounds of the text ("digi", "sote"); `read`: the
    dictionary's (or the index's) entry for a part, None if it does not know it. Used by
    scripts/build_search_index.py (read = Voikko) and for a dataset's words that the index
    lacks (read = the index).
    """

    def __init__(
        self,
        vocabulary: Collection[str],
        heads: Collection[str],
        read: Callable[[str], Entry | None],
    ):
        self.vocabulary = vocabulary
        self.heads = heads
        self.read = read

    def entries(self, new: Collection[str]) -> dict[str, Entry]:
        """An entry for each new word (lower case, NFC).

        Lemmas: a lemma of the vocabulary or of another new word that the word is a form of
        ("digimentoreina" -> digimentori), else the word itself. Bases: the derivation rules.
        Parts: a hyphenated word's pieces, or the compound split of its lemma.
        """
        known = set(self.vocabulary) | set(new)
        stem_index = StemIndex(known)
        derivations = DerivationIndex(self.vocabulary)
        found: dict[str, Entry] = {}
        for word in sorted(new):
            if "-" in word:
                found[word] = self.hyphenated(word)
                continue
            lemmas = stem_index.lemmas(word) - {word}
            if not lemmas:
                split = self._split(word, known)
                lemmas = {"".join(split[0]) + last for last in split[1].lemmas} if split else {word}
            parts: set[str] = set()
            for lemma in lemmas:
                parts |= self.compound_parts(lemma, known)
            bases = derivations.bases(word) - lemmas
            found[word] = Entry(frozenset(lemmas), frozenset(bases), frozenset(parts - lemmas))
        return found

    def hyphenated(self, word: str) -> Entry:
        """A hyphenated word: its pieces and runs of them are parts ("e-seniorit-toiminta" ->
        e, seniorit, toiminta, e-seniorit, seniorit-toiminta); its lemma ends in the last
        piece's lemma."""
        pieces = word.split("-")
        readings = [self.read(piece) for piece in pieces]
        parts: set[str] = set()
        for piece, reading in zip(pieces, readings, strict=True):
            if reading is None:
                parts.add(piece)
            else:
                parts |= reading.lemmas | reading.bases | reading.parts
        last = readings[-1]
        last_lemmas = last.lemmas if last is not None and last.lemmas else {pieces[-1]}
        for start in range(len(pieces)):
            for end in range(start + 1, len(pieces)):
                if (start, end) == (0, len(pieces) - 1):
                    continue
                head = "-".join(pieces[start:end])
                if end == len(pieces) - 1:
                    parts |= {f"{head}-{lemma}" for lemma in last_lemmas}
                else:
                    parts.add(f"{head}-{pieces[end]}")
        lemmas = {"-".join(pieces[:-1]) + "-" + lemma for lemma in last_lemmas}
        return Entry(frozenset(lemmas), frozenset(), frozenset(parts - lemmas))

    def compound_parts(self, lemma: str, known: Collection[str]) -> set[str]:
        """Parts of an unknown compound: known heads and a final part that can be read
        ("digisotekeskus" -> digi, sote, keskus), else a compound head or a longer word of
        the vocabulary and the rest ("digimentori" -> digi, mentori; "kirjastoauto" ->
        kirjasto, auto); none if it is not such a compound."""
        split = self._split(lemma, known)
        if split is not None:
            heads, last = split
            parts = set(heads) | last.lemmas | last.bases | last.parts
            for head in heads:
                parts |= self.compound_parts(head, known)
            return parts
        for cut in range(len(lemma) - MIN_TAIL, MIN_HEAD - 1, -1):
            head = lemma[:cut]
            if head in self.heads or (len(head) >= MIN_KNOWN_HEAD and head in self.vocabulary):
                return {head, lemma[cut:]}
        return set()

    def _split(self, word: str, known: Collection[str]) -> tuple[list[str], Entry] | None:
        for cut in range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1):
            head, tail = word[:cut], word[cut:]
            if head not in known:
                continue
            last = self.read(tail)
            if last is not None and last.lemmas:
                return [head], last
            rest = self._split(tail, known)
            if rest is not None:
                return [head, *rest[0]], rest[1]
        return None


def compound_heads(entries: Iterable[Entry]) -> set[str]:
    """The parts that begin a compound of the text: "digi" of "digituki" (its lemma starts
    with the part and is longer)."""
    return {
        part
        for entry in entries
        for part in entry.parts
        if any(len(lemma) > len(part) and lemma.startswith(part) for lemma in entry.lemmas)
    }
