"""Answers for shell completion that must not pay for loading and validating the dataset.

The dataset file is read as text: region ids from their `- id:` lines, municipality names
from the one-line flow mappings that list them (`- {code: '205', names: {fi: Kajaani, ...}}`,
as data/counties.yaml writes them). A file written otherwise completes less, never wrongly:
every word offered resolves, since lookup folds names the same way (text.name_key).
"""

from __future__ import annotations

import re
from pathlib import Path

from .text import fold

# Each pattern starts with a literal (the line break before the line) that the regular
# expression engine scans for quickly: `^...` with MULTILINE is tried at every position,
# several times slower on the whole file.
_REGION_ID = re.compile(r"\n- id: ([a-z-]+)[ \t]*(?=\n|$)")
_MUNICIPALITY = re.compile(r"\n  - \{code: '\d{3}', names: \{([^\n]*)")
# A name in a flow mapping or sequence: single-quoted ('S:t Karins') or plain.
_NAME = re.compile(r"(?:\b(?:fi|sv|en): |aliases: \[|, (?=[^:]*\]))('(?:[^']|'')*'|[^,{}\[\]]+)")


def slug(name: str) -> str:
    """A name as a lower-case ASCII word that lookup resolves to it: Borgå -> borga."""
    return fold(name).replace(" ", "-")


def completions(path: Path, incomplete: str) -> list[str]:
    """Region ids, then municipality names, that begin with what was typed; empty if the file
    cannot be read. The shell keeps only words that begin with the text typed, so a name is
    offered as written where it does (Kaj -> Kajaani, Borgå) and as its slug where that does
    (kaj -> kajaani, bor -> borga); a space becomes a hyphen, which lookup ignores as well."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    found = [i for i in _REGION_ID.findall(text) if i.startswith(incomplete)]
    first = slug(incomplete)[:1]
    for line in _MUNICIPALITY.findall(text):
        for raw in _NAME.findall(line):
            name = raw[1:-1].replace("''", "'") if raw.startswith("'") else raw
            # Only names that can match are folded: the first letter decides most of them.
            if first and fold(name[:1]) != first:
                continue
            for form in ("-".join(name.replace("-", " ").split()), slug(name)):
                if form.startswith(incomplete):
                    found.append(form)
                    break
    return list(dict.fromkeys(found))
