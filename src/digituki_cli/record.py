"""Keeping the data without hand-editing YAML: `record` an observation, `sources add` a
source, and copy a dataset to edit (`export --format yaml`).

They work on a dataset given with --data or DIGITUKI_DATA, never on the one bundled with
digituki, which holds only what the report says. They edit the file's text in place: only
the lines of the value that changes are written anew, in the style of the rest of the file
(PyYAML's block style, 100 columns), so comments and layout elsewhere stay byte for byte.
(ruamel.yaml's round trip was tried: it re-wraps every long line of the bundled file, 1,637
lines of a no-op round trip, and costs 0.28 s to import; PyYAML's node positions are enough
to edit the text where it changes.) The new text is validated as a whole, every quote
against its own source, before anything is written; it is then written atomically
(export.write_atomic). On any error nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .checks import MIN_QUOTE_CHARS
from .errors import DataError, DigitukiError, UsageError, os_reason
from .export import Written
from .files import STDOUT, write_atomic
from .formats import ExportFormat
from .i18n import _
from .model import Dataset, DescribedEnum, Evidenced, Note, Region
from .paths import bundled_dataset
from .sources import MAX_SOURCE_BYTES, FieldSpec, SourceEntry, items_of, registry, today
from .text import ECHO_LIMIT, printable, squash

if TYPE_CHECKING:
    import yaml

    from .history import Event

SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SOURCES_FOLDER = "sources"
# The width the dataset file is written at (lines are wrapped as PyYAML wraps them).
WIDTH = 100


# --- which file may be changed ---


def editable(path: Path) -> None:
    """Refuse the dataset bundled with digituki, and a file that is read-only.

    Raises DigitukiError with what to do instead.
    """
    if _same_file(path, bundled_dataset()):
        raise DigitukiError(
            _(
                "{path} is the dataset bundled with digituki: it holds only what the report says"
            ).format(path=path),
            hint=_(
                "copy it first: digituki export --format yaml -o my-counties.yaml, "
                "then give --data my-counties.yaml"
            ),
        )
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # reading the file says what is wrong with it
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise DigitukiError(
            _("{path} is read-only").format(path=path),
            hint=_("make it writable (chmod u+w), or work on a copy"),
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


# --- reading: the dataset, its text and its YAML nodes ---


@dataclass
class _Document:
    """A dataset file being edited: its text, parsed data, YAML nodes and validated
    dataset, and the edits to make (start, end, new text), applied all at once."""

    path: Path
    text: str
    data: Any
    root: yaml.MappingNode
    dataset: Dataset
    edits: list[tuple[int, int, str]]

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def edited(self) -> str:
        text = self.text
        for start, end, new in sorted(self.edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def _read(path: Path) -> _Document:
    import yaml

    from .load import decode, parse_yaml, read_bytes, validate_data

    editable(path)
    text = decode(read_bytes(path), str(path))
    data = parse_yaml(text, str(path))
    dataset = validate_data(data, text, str(path))
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(root, yaml.MappingNode)
    return _Document(path, text, data, root, dataset, [])


def _child(node: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of a key of a mapping node, or None."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return key_node, value_node
    return None


def _content_end(doc: _Document, node: yaml.Node) -> int:
    """Where a node's own text ends (PyYAML's end mark of a block node lies at the next
    token, after the line break, blank lines and comments that follow it)."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        start, end = node.start_mark.index, node.end_mark.index
        return start + len(doc.text[start:end].rstrip())
    assert isinstance(node, yaml.MappingNode | yaml.SequenceNode)
    if node.flow_style or not node.value:
        return int(node.end_mark.index)
    last = node.value[-1]
    return _content_end(doc, last[1] if isinstance(last, tuple) else last)


def _line_end(doc: _Document, index: int) -> int:
    """The index of the line break that ends the line of `index` (or the text's end)."""
    found = doc.text.find("\n", index)
    return len(doc.text) if found < 0 else found


# --- writing YAML as the dataset file is written ---


def _dump(data: Any, column: int) -> list[str]:
    """Lines of YAML for `data` at the top level, wrapped to fit after `column` spaces."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True  # a dataset file may not use aliases

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None  # section texts: a literal block, as the file
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    dumped = yaml.dump(
        data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=WIDTH - column
    )
    return dumped.rstrip("\n").split("\n")


def _at(doc: _Document, lines: Sequence[str], column: int) -> str:
    """Lines placed at `column`: the first continues where it stands, the others indented
    (blank lines of a literal block stay blank)."""
    pad = " " * column
    return (doc.newline).join([lines[0], *(pad + line if line else line for line in lines[1:])])


def _replace_value(doc: _Document, key_node: yaml.Node, value_node: yaml.Node, data: Any) -> None:
    """Write `data` as the value of a key, in place of the value node: a mapping indented
    under its key (as the value node was, if it was below the key), a list at the key's
    column (PyYAML's style, the file's)."""
    key_column = key_node.start_mark.column
    if isinstance(data, list):
        column = key_column
    elif value_node.start_mark.line > key_node.start_mark.line:
        column = value_node.start_mark.column
    else:
        column = key_column + 2
    new = ":" + doc.newline + " " * column + _at(doc, _dump(data, column), column)
    doc.edits.append((key_node.end_mark.index, _content_end(doc, value_node), new))


def _replace_item(doc: _Document, item: yaml.Node, data: Any) -> None:
    """Write `data` in place of an item of a block sequence."""
    column = item.start_mark.column
    doc.edits.append(
        (item.start_mark.index, _content_end(doc, item), _at(doc, _dump(data, column), column))
    )


def _append_item(doc: _Document, sequence: yaml.SequenceNode, data: Any) -> None:
    """Add `data` after the last item of a non-empty block sequence."""
    last = sequence.value[-1]
    line_start = doc.text.rfind("\n", 0, last.start_mark.index) + 1
    prefix = doc.text[line_start : last.start_mark.index]  # the indentation and "- "
    column = last.start_mark.column
    new = doc.newline + prefix + _at(doc, _dump(data, column), column)
    end = _content_end(doc, last)
    doc.edits.append((end, end, new))


def _set_key(
    doc: _Document, mapping: yaml.MappingNode, key: str, data: Any, order: Sequence[str]
) -> None:
    """Give a mapping's key the value `data`: in place of its value if the key is there,
    else as a new key after the keys before it in `order` (the model's field order)."""
    found = _child(mapping, key)
    if found is not None:
        _replace_value(doc, found[0], found[1], data)
        return
    if mapping.flow_style or not mapping.value:
        raise DigitukiError(
            _("cannot add {key} to the mapping written in braces on line {line}").format(
                key=key, line=mapping.start_mark.line + 1
            ),
            hint=_("write it one key a line"),
        )
    column = mapping.start_mark.column
    lines = _dump({key: data}, column)
    earlier = order[: order.index(key)]
    before = [value for k, value in mapping.value if k.value in earlier]
    if before:
        end = _content_end(doc, before[-1])
        doc.edits.append((end, end, doc.newline + " " * column + _at(doc, lines, column)))
    else:
        start = mapping.value[0][0].start_mark.index
        doc.edits.append((start, start, _at(doc, lines, column) + doc.newline + " " * column))


def _remove_item(
    doc: _Document, key_node: yaml.Node, sequence: yaml.SequenceNode, index: int
) -> None:
    """Take an item out of a block sequence (the last one leaves `[]`)."""
    if len(sequence.value) == 1:
        doc.edits.append((key_node.end_mark.index, _content_end(doc, sequence), ": []"))
        return
    item = sequence.value[index]
    line_start = doc.text.rfind("\n", 0, item.start_mark.index) + 1
    end = _line_end(doc, _content_end(doc, item))
    doc.edits.append((line_start, min(end + 1, len(doc.text)), ""))


def _bump_schema(doc: _Document) -> None:
    """A version-2 file that gains version-3 content says so."""
    from .model import SCHEMA_VERSION

    found = _child(doc.root, "schema_version")
    if found is not None and found[1].value != str(SCHEMA_VERSION):
        node = found[1]
        doc.edits.append((node.start_mark.index, node.end_mark.index, str(SCHEMA_VERSION)))


def _field_order(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


# --- checking what is to be written ---


def _validated(doc: _Document, text: str) -> Dataset:
    """The edited text as a dataset, or a DigitukiError that names the first problem."""
    from .load import parse_yaml, validate_data

    try:
        return validate_data(parse_yaml(text, str(doc.path)), text, str(doc.path))
    except DataError as exc:
        problem = exc.problems[0]
        where = ": ".join(p for p in (problem.region, problem.field) if p)
        raise DigitukiError(
            _("nothing was written: the dataset would not be valid ({problem})").format(
                problem=f"{where}: {problem.message}" if where else problem.message
            )
        ) from None


def _filler(data: bytes) -> Callable[[Path], None]:
    """What write_atomic fills its temporary file with: these bytes."""

    def fill(temp: Path) -> None:
        temp.write_bytes(data)

    return fill


def _write(path: Path, text: str) -> None:
    write_atomic(path, _filler(text.encode("utf-8")), force=True)


def _quote_check(texts: Sequence[str], quotes: Sequence[str], source: str) -> None:
    """Every quote occurs in the source's text (squashed), and is long enough to prove it."""
    for quote in quotes:
        needle = squash(quote)
        shown = printable(quote, ECHO_LIMIT)
        if len(needle) < MIN_QUOTE_CHARS:
            raise UsageError(
                _("the quote '{quote}' is too short: give at least {count} characters").format(
                    quote=shown, count=MIN_QUOTE_CHARS
                )
            )
        if not any(needle in text for text in texts):
            raise DigitukiError(
                _("quote not found in the text of source {source}: '{quote}'").format(
                    source=source, quote=shown
                ),
                hint=_("copy the words exactly as the source has them"),
            )


# --- record ---


@dataclass(frozen=True)
class Recorded:
    """What `record` wrote: the new observation as history lists it, and the file."""

    event: Event
    path: Path


def record(
    path: Path,
    region_name: str,
    field_name: str,
    value_text: str,
    source: str,
    quotes: Sequence[str],
    note: Note | None,
) -> Recorded:
    """Record what a source says of a region's field, and write the dataset.

    `value_text` is a code or label of the field's codebook (text for the responsible
    unit); for a set, `+CODE` adds a member and `-CODE` removes one. The newest observation
    becomes the current value and the one it replaces goes to the value's history; an
    observation older than the current one goes into the history in its place. A removed
    member keeps its observations in the region's `removed` list. Raises UsageError for an
    unknown region, field, value or source, DigitukiError for a quote not in its source,
    a bundled or read-only dataset, or a change that would make the dataset invalid.
    """
    from .history import field_events, find_field
    from .lookup import RegionIndex

    doc = _read(path)
    region = RegionIndex(doc.dataset.regions).resolve(region_name)
    spec = find_field(field_name)
    sign, value = _parse_value(spec, value_text)
    entry = _source(doc.dataset, source)
    texts = _source_texts(doc, region, entry)
    _quote_check(texts, quotes, entry.id)
    observation: dict[str, Any] = {"value": value, "source": entry.id, "evidence": list(quotes)}
    if note is not None:
        observation["note"] = {"fi": note.fi, "sv": note.sv, "en": note.en}
    index = doc.dataset.regions.index(region)
    region_node = _region_node(doc, index)
    if spec.many:
        _record_member(doc, region, region_node, spec, sign, observation, entry)
    else:
        _record_value(doc, region, region_node, spec, observation, entry)
    _bump_schema(doc)
    text = doc.edited()
    dataset = _validated(doc, text)
    _write(path, text)
    new_region = dataset.regions[index]
    event = next(
        e
        for e in reversed(field_events(new_region, spec))
        if e.observation.source == entry.id and tuple(e.observation.evidence) == tuple(quotes)
    )
    return Recorded(event, path)


def _parse_value(spec: FieldSpec, text: str) -> tuple[str, Any]:
    """The sign (+, - or '') and the value's code (or text) a person typed for a field."""
    from .choices import CodeChoice

    sign = ""
    if spec.many:
        sign, text = text[:1], text[1:]
        if sign not in ("+", "-"):
            raise UsageError(
                _("{field} is a set: give +CODE to add a member or -CODE to remove one").format(
                    field=spec.path
                )
            )
    if spec.codebook is None:
        if not text.strip():
            raise UsageError(_("give the value as text"))
        return sign, text.strip()
    member = CodeChoice(spec.codebook).member(text)
    if member is None:
        raise UsageError(
            _("{value} is not a value of {field}").format(
                value=repr(printable(text, ECHO_LIMIT)), field=spec.path
            ),
            hint=_("values: {codes}").format(codes=", ".join(m.value for m in spec.codebook)),
        )
    return sign, member.value


def _source(dataset: Dataset, source: str) -> SourceEntry:
    for entry in registry(dataset):
        if entry.id == source:
            return entry
    raise UsageError(
        _("unknown source {id}").format(id=repr(printable(source, ECHO_LIMIT))),
        hint=_("`digituki sources` lists them; `digituki sources add` adds one"),
    )


def _source_texts(doc: _Document, region: Region, entry: SourceEntry) -> list[str]:
    """The texts a quote from the source must occur in: the region's for the report."""
    if entry.report:
        return [squash(section.text) for _n, section in region.sections.present()]
    from .sources import read_texts

    texts, _problems = read_texts(doc.dataset, doc.path.parent)
    return [texts.get(entry.id, "")]


def _region_node(doc: _Document, index: int) -> yaml.MappingNode:
    import yaml

    found = _child(doc.root, "regions")
    assert found is not None and isinstance(found[1], yaml.SequenceNode)
    node = found[1].value[index]
    assert isinstance(node, yaml.MappingNode)
    return node


def _group_node(region_node: yaml.MappingNode, spec: FieldSpec) -> yaml.Node | None:
    found = _child(region_node, spec.group)
    return None if found is None else found[1]


def _without_history(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "history"}


def _code(value: object) -> object:
    return value.value if isinstance(value, DescribedEnum) else value


def _placed(
    current: Evidenced[object], current_data: dict[str, Any], new: dict[str, Any], date: dt.date
) -> dict[str, Any]:
    """The value's data after a new observation dated `date`: the newest observation is the
    current one, the others its history, oldest first. One from the current observation's
    own source corrects it: it takes its place, and the history stays as it was."""
    history = list(current_data.get("history") or [])
    if current.source == new["source"]:
        note = current.note
        said = {
            "value": _code(current.value),
            "source": current.source,
            "evidence": list(current.evidence),
            **({"note": {"fi": note.fi, "sv": note.sv, "en": note.en}} if note else {}),
        }
        if said == new:
            raise DigitukiError(_("nothing to record: the dataset already says this"))
        return {**new, **({"history": history} if history else {})}
    if current.observed is not None and date < current.observed:
        at = sum(1 for seen in current.history if seen.observed and seen.observed <= date)
        history.insert(at, new)
        return {**current_data, "history": history}
    return {**new, "history": [*history, _without_history(current_data)]}


def _record_value(
    doc: _Document,
    region: Region,
    region_node: yaml.MappingNode,
    spec: FieldSpec,
    new: dict[str, Any],
    entry: SourceEntry,
) -> None:
    if not entry.report and new["value"] == "not-reported":
        raise UsageError(_("a newer source's observation needs a reported value"))
    (current,) = items_of(region, spec)
    group_data = doc.data["regions"][doc.dataset.regions.index(region)].get(spec.group) or {}
    default = {"value": None if spec.codebook is None else "not-reported"}
    current_data = group_data.get(spec.name) or default
    data = _placed(current, current_data, new, entry.date)
    _set_in_group(doc, region, region_node, spec, data)


def _set_in_group(
    doc: _Document, region: Region, region_node: yaml.MappingNode, spec: FieldSpec, data: Any
) -> None:
    import yaml

    group = _group_node(region_node, spec)
    group_class = type(getattr(region, spec.group))
    if group is None:
        _set_key(doc, region_node, spec.group, {spec.name: data}, _field_order(Region))
    else:
        assert isinstance(group, yaml.MappingNode)
        _set_key(doc, group, spec.name, data, _field_order(group_class))


def _record_member(
    doc: _Document,
    region: Region,
    region_node: yaml.MappingNode,
    spec: FieldSpec,
    sign: str,
    new: dict[str, Any],
    entry: SourceEntry,
) -> None:
    import yaml

    members = items_of(region, spec)
    codes = [str(m.value) for m in members]
    code = new["value"]
    region_data = doc.data["regions"][doc.dataset.regions.index(region)]
    members_data: list[dict[str, Any]] = (region_data.get(spec.group) or {}).get(spec.name) or []
    group = _group_node(region_node, spec)
    found = _child(group, spec.name) if group is not None else None
    sequence = found[1] if found is not None else None
    block = isinstance(sequence, yaml.SequenceNode) and not sequence.flow_style and sequence.value
    if sign == "+" and code in codes:
        at = codes.index(code)
        data = _placed(members[at], members_data[at], new, entry.date)
        if block:
            assert isinstance(sequence, yaml.SequenceNode)
            _replace_item(doc, sequence.value[at], data)
        else:
            _set_in_group(
                doc, region, region_node, spec, [*members_data[:at], data, *members_data[at + 1 :]]
            )
        return
    if sign == "+":
        removals = [r for r in region.removed if r.field == spec.path and r.value == code]
        newest = max((r.observed for r in removals if r.observed), default=None)
        if newest is not None and entry.date < newest:
            raise DigitukiError(
                _(
                    "a newer source removed {value} on {date}: record an observation dated after it"
                ).format(value=code, date=newest.isoformat())
            )
        if block:
            assert isinstance(sequence, yaml.SequenceNode)
            _append_item(doc, sequence, new)
        else:
            _set_in_group(doc, region, region_node, spec, [*members_data, new])
        return
    if code not in codes:
        raise DigitukiError(
            _("{value} is not listed in {field} of {region}").format(
                value=code, field=spec.path, region=region.id
            )
        )
    at = codes.index(code)
    member = members[at]
    if member.observed is not None and entry.date < member.observed:
        raise DigitukiError(
            _("{value} was observed on {date}, after this source: nothing to remove").format(
                value=code, date=member.observed.isoformat()
            )
        )
    member_data = members_data[at]
    removal = {
        "field": spec.path,
        **new,
        "history": [*(member_data.get("history") or []), _without_history(member_data)],
    }
    if block:
        assert isinstance(sequence, yaml.SequenceNode) and found is not None
        _remove_item(doc, found[0], sequence, at)
    else:
        _set_in_group(doc, region, region_node, spec, [*members_data[:at], *members_data[at + 1 :]])
    removed = _child(region_node, "removed")
    if (
        removed is not None
        and isinstance(removed[1], yaml.SequenceNode)
        and removed[1].value
        and not removed[1].flow_style
    ):
        _append_item(doc, removed[1], removal)
    else:
        previous = list(region_data.get("removed") or [])
        _set_key(doc, region_node, "removed", [*previous, removal], _field_order(Region))


# --- sources add ---


@dataclass(frozen=True)
class SourceAdded:
    """What `sources add` wrote: the source as listed, its text, and the dataset file."""

    entry: SourceEntry
    text: Path
    path: Path


def add_source(
    path: Path,
    file: Path,
    source_id: str,
    title: str,
    date: dt.date,
    url: str | None = None,
    publisher: str | None = None,
) -> SourceAdded:
    """Register a newer source and save its text beside the dataset (sources/ID.txt).

    Raises UsageError for an id that is not lower-case letters and digits joined by '-',
    an id already used, an empty title, or a date in the future; DigitukiError for a text
    that cannot be read or is empty, a text file already there, or a dataset that cannot be
    changed. On any error neither file is written.
    """
    doc = _read(path)
    if not SOURCE_ID.match(source_id):
        raise UsageError(
            _("a source id is lower-case letters and digits joined by '-', not {id}").format(
                id=repr(printable(source_id, ECHO_LIMIT))
            )
        )
    if source_id in {entry.id for entry in registry(doc.dataset)}:
        raise UsageError(
            _("duplicate source id {id}").format(id=source_id),
            hint=_("`digituki sources` lists the ids in use"),
        )
    if not title.strip():
        raise UsageError(_("give the source a title"))
    if date > today():
        raise UsageError(
            _("the date {date} is in the future").format(date=date.isoformat()),
            hint=_("give the day it was published, or read"),
        )
    text = _source_text(file)
    relative = f"{SOURCES_FOLDER}/{source_id}.txt"
    target = path.parent / relative
    if target.exists():
        raise DigitukiError(
            _("{target} exists").format(target=target),
            hint=_("choose another id, or remove the file"),
        )
    entry_data: dict[str, Any] = {"id": source_id, "title": title.strip(), "date": date.isoformat()}
    if publisher:
        entry_data["publisher"] = publisher
    if url:
        entry_data["url"] = url
    entry_data["file"] = relative
    _add_source_entry(doc, entry_data)
    _bump_schema(doc)
    new_text = doc.edited()
    created_folder = not target.parent.exists()
    try:
        target.parent.mkdir(exist_ok=True)
        write_atomic(target, _filler(text.encode("utf-8")), force=False)
    except OSError as exc:
        raise DigitukiError(
            _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
        ) from None
    try:
        dataset = _validated(doc, new_text)
        _write(path, new_text)
    except BaseException:
        target.unlink(missing_ok=True)
        if created_folder:
            _remove_empty(target.parent)
        raise
    entry = next(e for e in registry(dataset) if e.id == source_id)
    return SourceAdded(entry, target, path)


def _remove_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def _source_text(file: Path) -> str:
    """A source's text as given: UTF-8, not empty, at most MAX_SOURCE_BYTES."""
    try:
        if file.stat().st_size > MAX_SOURCE_BYTES:
            raise DigitukiError(
                _("{path} is over {size} MiB: save only the passage you quote").format(
                    path=file, size=MAX_SOURCE_BYTES // 2**20
                )
            )
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DigitukiError(
            _("{path} is not UTF-8 text").format(path=file),
            hint=_("save the source's text as plain UTF-8 text"),
        ) from None
    except OSError as exc:
        raise DigitukiError(
            _("cannot read {path}: {reason}").format(path=file, reason=os_reason(exc))
        ) from None
    if not text.strip():
        raise DigitukiError(_("{path} is empty").format(path=file))
    return text


def _add_source_entry(doc: _Document, entry: dict[str, Any]) -> None:
    """Add the entry to the file's `sources` (made after `source` if there is none)."""
    import yaml

    found = _child(doc.root, "sources")
    sequence = found[1] if found is not None else None
    if isinstance(sequence, yaml.SequenceNode) and sequence.value and not sequence.flow_style:
        _append_item(doc, sequence, entry)
        return
    previous = list(doc.data.get("sources") or [])
    order = ("schema_version", "source", "sources", "regions")
    _set_key(doc, doc.root, "sources", [*previous, entry], order)


# --- a copy to edit ---


def copy_dataset(path: Path, output: str | None, force: bool) -> tuple[list[Written], list[Path]]:
    """The dataset file as it is (comments and all), to stdout or to a file; with a file,
    also the source texts it names, copied beside it where they are not yet.

    This is `digituki export --format yaml`: the way to a copy that `record` may change.
    Returns what was written to a file (nothing for stdout) and the texts copied.
    """
    from . import streams
    from .load import decode, load_dataset, read_bytes

    raw = read_bytes(path)
    if output is None or output == STDOUT:
        streams.write_machine(decode(raw, str(path)))
        return [], []
    target = Path(output)
    size = write_atomic(target, _filler(raw), force)
    copied = []
    for entry in registry(load_dataset(path).dataset):
        source, copy = path.parent / entry.file, target.parent / entry.file
        if copy.exists() or not source.is_file() or _same_file(source, copy):
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_bytes()
        write_atomic(copy, _filler(text), False)
        copied.append(copy)
    return [Written(target, ExportFormat.YAML.value, size)], copied
