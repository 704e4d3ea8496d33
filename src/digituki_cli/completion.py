"""Answers for shell completion that must not pay for loading and validating the dataset.

The dataset file is read as text. Region ids: JSON (as `export --format json` writes it)
with the json module; YAML in block style line by line, at any indentation, with `id`
anywhere among a region's keys, quoted or not; any other layout the loader accepts (flow
style, say) is parsed whole, as the loader does: slower, but rare. Municipality names: from
the one-line flow mappings that list them (`- {code: '205', names: {fi: Kajaani, ...}}`, as
data/counties.yaml writes them). A file written otherwise completes less, never wrongly:
every word offered resolves, since lookup folds names the same way (text.name_key).
"""

from __future__ import annotations

import re
from typing import Any

from .errors import DigitukiError
from .paths import dataset_path
from .text import fold

# A top-level `regions:` key, and an `id:` key with its value, quoted or not.
_REGIONS_KEY = re.compile(r"^regions:[ \t]*(?:#.*)?$", re.MULTILINE)
_NOT_A_KEY = ("{", "[", "-", "!", "&", "*", "?", "|", ">")
_ID_KEY = re.compile(r"""id:[ \t]*(['"]?)([a-z]+(?:-[a-z]+)*)\1(?:[ \t]+#.*)?""")
# Starts with a literal (the line break before the line) that the regular expression engine
# scans for quickly: `^...` with MULTILINE is tried at every position, several times slower.
_MUNICIPALITY = re.compile(r"\n  - \{code: '\d{3}', names: \{([^\n]*)")
# A name in a flow mapping or sequence: single-quoted ('S:t Karins') or plain.
_NAME = re.compile(r"(?:\b(?:fi|sv|en): |aliases: \[|, (?=[^:]*\]))('(?:[^']|'')*'|[^,{}\[\]]+)")


def _text(data_option: str | None) -> str | None:
    try:
        return dataset_path(data_option).read_text(encoding="utf-8")
    except (DigitukiError, OSError, UnicodeDecodeError):
        return None


def region_ids(data_option: str | None) -> list[str]:
    """The region ids, in file order, of the dataset that --data (given as `data_option`),
    DIGITUKI_DATA or the bundle names; empty if there is none to read."""
    text = _text(data_option)
    return [] if text is None else _region_ids(text)


def _region_ids(text: str) -> list[str]:
    ids = _json_ids(text) if text.lstrip().startswith("{") else _block_ids(text)
    return ids if ids is not None else _parsed_ids(text)


def slug(name: str) -> str:
    """A name as a lower-case ASCII word that lookup resolves to it: Borgå -> borga."""
    return fold(name).replace(" ", "-")


def completions(data_option: str | None, incomplete: str) -> list[str]:
    """Region ids, then municipality names, that begin with what was typed; empty if the file
    cannot be read. The shell keeps only words that begin with the text typed, so a name is
    offered as written where it does (Kaj -> Kajaani, Borgå) and as its slug where that does
    (kaj -> kajaani, bor -> borga); a space becomes a hyphen, which lookup ignores as well."""
    text = _text(data_option)
    if text is None:
        return []
    found = [i for i in _region_ids(text) if i.startswith(incomplete.lower())]
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


def _ids_of(data: Any) -> list[str]:
    regions = data.get("regions") if isinstance(data, dict) else None
    if not isinstance(regions, list):
        return []
    return [r["id"] for r in regions if isinstance(r, dict) and isinstance(r.get("id"), str)]


def _json_ids(text: str) -> list[str] | None:
    import json

    try:
        return _ids_of(json.loads(text))
    except ValueError:  # not JSON after all: YAML in flow style
        return None


def _block_ids(text: str) -> list[str] | None:
    """The ids of a dataset whose regions are a block sequence of block mappings; None if
    the regions are laid out otherwise, or if a region's id cannot be told from its lines.

    Only lines at the indentation of the regions' dashes and of their keys are read: a
    text of the report (a block scalar) is indented deeper, so an "id:" in it is not taken.
    """
    found = _REGIONS_KEY.search(text)
    if found is None:
        return None
    ids: list[str] = []
    per_region: list[int] = []  # how many ids each region has shown
    dash = key = None  # the columns of the regions' dashes and of a region's keys
    for line in text[found.end() :].splitlines():
        content = line.strip()
        if not content or content.startswith("#"):
            continue
        column = len(line) - len(line.lstrip(" "))
        if dash is None:
            dash = column
        if column < dash or (column == dash and not content.startswith("-")):
            break  # the next top-level key: the regions have ended
        if column == dash:  # a region starts
            rest = content[1:]
            content = rest.strip()
            if (rest and not rest.startswith(" ")) or content.startswith(_NOT_A_KEY):
                return None  # not a block mapping: flow style, a tag, an anchor...
            per_region.append(0)
            key = column + len(rest) - len(rest.lstrip(" ")) + 1 if content else None
            if not content:
                continue
        elif key is None:
            key = column  # the keys start on the line after the dash
        elif column != key or content.startswith("-"):
            continue  # deeper, or the items of a list at the keys' indentation
        match = _ID_KEY.fullmatch(content)
        if match is None and content.startswith(("id:", "'id'", '"id"')):
            return None
        if match is not None:
            ids.append(match.group(2))
            per_region[-1] += 1
    return ids if per_region and all(count == 1 for count in per_region) else None


def _parsed_ids(text: str) -> list[str]:
    from .load import parse_yaml

    try:
        return _ids_of(parse_yaml(text, ""))
    except DigitukiError:
        return []
