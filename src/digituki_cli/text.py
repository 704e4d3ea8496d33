"""Text normalisation shared by lookup, validation and search."""

from __future__ import annotations

import re
import unicodedata

_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n\s*(?=[a-zåäö])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def squash(text: str) -> str:
    """Join the extraction's line breaks the way the dataset does, and collapse white space.

    A hyphen at a line end before a lower-case letter joins the two halves of one word
    ("Suomi.fi-\\nvaltuutuksen" -> "Suomi.fi-valtuutuksen"); every other run of white
    space becomes one space. Letters are composed (NFC), so that "ä" typed or saved as
    "a" and a combining diaeresis (NFD, as macOS may) is the same "ä". Words are never
    changed.
    """
    composed = unicodedata.normalize("NFC", text)
    return " ".join(_LINE_END_HYPHEN.sub("-", composed).split())


# The accented letters of Finnish and Swedish text, folded without Unicode's tables (fast).
_COMMON_ACCENTS = str.maketrans("äöåéèüáàÄÖÅÉÈÜÁÀ", "aoaeeuaaAOAEEUAA")


def strip_accents(text: str) -> str:
    """The text without its accents ("Hämeenlinna" -> "Hameenlinna", "ﬁ" -> "fi"); case,
    punctuation and every other character stay. The one accent folding of the code: `fold`
    (lookup, choices, completion), search's `fold_word` and the terminal's transliteration
    (streams.py) build on it."""
    quick = text.translate(_COMMON_ACCENTS)
    if quick.isascii():
        return quick
    decomposed = unicodedata.normalize("NFKD", quick)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """A matching key: case, accents (ä, ö, å) and punctuation folded away.

    Only for comparing; what people see keeps its original spelling.
    """
    return _NON_ALNUM.sub(" ", strip_accents(text.casefold())).strip()


def name_key(text: str) -> str:
    """The key a typed name is matched on: `fold` without the spaces, so that hyphens and
    spaces are optional ("Mänttä-Vilppula", "mantta vilppula", "manttavilppula")."""
    return fold(text).replace(" ", "")


# How much of a name or query typed on the command line an error message echoes.
ECHO_LIMIT = 60


def printable(text: str, limit: int | None = None) -> str:
    """Text safe to echo to a terminal: control characters (escape sequences) shown escaped,
    never sent; cut to `limit` characters where given (long command-line input)."""
    shown = "".join(c if c.isprintable() or c == "\t" else repr(c)[1:-1] for c in text)
    if limit is not None and len(shown) > limit:
        return shown[: limit - 1] + "…"
    return shown
