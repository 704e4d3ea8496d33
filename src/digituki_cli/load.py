"""YAML file -> validated Dataset, or a DataError that names file, line, region and field."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from . import checks, sources
from .errors import DataError, Problem, os_reason
from .i18n import N_, _
from .model import Dataset
from .text import squash

MAX_BYTES = 256 * 1024 * 1024


# YAML 1.2's core schema: the only plain scalars that are not text (pattern, first letters).
_CORE_SCALARS = {
    "null": ("~|null|Null|NULL|", ["~", "n", "N", ""]),
    "bool": ("true|True|TRUE|false|False|FALSE", list("tTfF")),
    "int": ("[-+]?[0-9]+", list("-+0123456789")),
}


@cache
def safe_loader() -> type[Any]:
    """A YAML loader that reads a dataset file as a person reads it (PyYAML's safe loader,
    the C one where available, with these changes):

    - Plain scalars are typed by YAML 1.2's core schema, not by YAML 1.1's: a word is text
      unless it is null (`null`, `~`, nothing), `true`/`false`, or a whole number in
      decimal digits (`010` is ten, not eight). `yes`, `no`, `on`, `2025-12-09`, `1:30`,
      `0x1F`, `1_000` and `3.5` stay text as written; the model then says whether it
      wants text (validation is strict: no number is silently turned into text or back).
    - Explicit tags other than those (!!float, !!timestamp, !!binary, !!set, !!python/...)
      are refused, and `<<` is an ordinary key (no merge keys).
    - A key given twice in a mapping is recorded in `duplicates` (the mapping node, the
      second key's node and the first's), not silently overwritten.
    - Text is composed (NFC): a dataset saved decomposed (NFD, as macOS may) means the
      same as one saved composed.
    - Anchors and aliases are refused: the dataset needs none, and an alias bomb
      ("billion laughs") would otherwise expand exponentially downstream.

    Built on first use: a cached run never imports PyYAML.
    """
    import re
    import unicodedata

    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    Error = yaml.constructor.ConstructorError

    class DatasetLoader(base):  # type: ignore[valid-type,misc]
        # Its own tables, filled below: none of PyYAML's YAML 1.1 resolvers and constructors.
        yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}
        yaml_constructors: ClassVar[dict[str | None, Any]] = {}

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.duplicates: list[tuple[yaml.MappingNode, yaml.Node, yaml.Node]] = []

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise Error(
                    None,
                    None,
                    _("aliases (*name) are not allowed in a dataset file"),
                    node.start_mark,
                )
            return super().construct_object(node, deep)

        def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
            if not isinstance(node, yaml.MappingNode):
                raise Error(None, None, _("expected a mapping"), node.start_mark)
            mapping: dict[Any, Any] = {}
            first: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    seen = first.setdefault(key, key_node)
                except TypeError:
                    raise Error(
                        _("while reading a mapping"),
                        node.start_mark,
                        _("a key cannot be a list or mapping"),
                        key_node.start_mark,
                    ) from None
                if seen is not key_node:
                    self.duplicates.append((node, key_node, seen))
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

    def text(loader: DatasetLoader, node: yaml.Node) -> str:
        return unicodedata.normalize("NFC", str(loader.construct_scalar(node)))

    def core_scalar(loader: DatasetLoader, node: yaml.Node) -> bool | int | None:
        kind = node.tag.rpartition(":")[2]
        value = str(loader.construct_scalar(node))
        if not re.fullmatch(_CORE_SCALARS[kind][0], value):
            raise Error(
                None,
                None,
                _("{value} is not a YAML {kind}").format(value=repr(value), kind=kind),
                node.start_mark,
            )
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        try:
            return int(value)
        except ValueError:  # beyond Python's limit of digits
            raise Error(None, None, _("a number with too many digits"), node.start_mark) from None

    for kind, (pattern, first_letters) in _CORE_SCALARS.items():
        tag = f"tag:yaml.org,2002:{kind}"
        DatasetLoader.add_implicit_resolver(tag, re.compile(f"^(?:{pattern})$"), first_letters)
        DatasetLoader.add_constructor(tag, core_scalar)
    DatasetLoader.add_constructor("tag:yaml.org,2002:str", text)
    DatasetLoader.add_constructor("tag:yaml.org,2002:seq", yaml.SafeLoader.construct_yaml_seq)
    DatasetLoader.add_constructor("tag:yaml.org,2002:map", yaml.SafeLoader.construct_yaml_map)
    DatasetLoader.add_constructor(None, yaml.SafeLoader.construct_undefined)
    return DatasetLoader


def read_bytes(path: Path) -> bytes:
    """The file's bytes. Raises DataError (exit 1) for a folder, a file over MAX_BYTES
    (256 MiB), a missing or unreadable file."""
    shown = str(path)
    try:
        if path.is_dir():
            raise _fail(shown, _("is a directory, not a dataset file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(
                shown,
                _("is {size} MiB; a dataset file may be at most 256 MiB").format(
                    size=size // 2**20
                ),
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(shown, _("no such file")) from None
    except PermissionError:
        raise _fail(shown, _("permission denied")) from None
    except OSError as exc:
        raise _fail(shown, os_reason(exc)) from None


def decode(raw: bytes, shown: str) -> str:
    """The bytes as UTF-8 text. Raises DataError with the line of the first byte that is not
    UTF-8; `shown` names the file in the message."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(shown, line, None, None, None, _("the file is not UTF-8 text"))]
        ) from None


def _fail(file: str, message: str) -> DataError:
    return DataError([Problem(file, None, None, None, None, message)])


def parse_yaml(text: str, file: str) -> Any:
    """The file's data, read by `safe_loader`; a DataError for a YAML error (with its
    position) or for keys given twice (every one of them, in every mapping)."""
    import yaml

    loader = safe_loader()(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        # PyYAML's own words say what it met; ours say that the YAML is at fault.
        detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        message = _("not valid YAML here: {detail}").format(detail=detail)
        raise DataError([Problem(file, line, column, None, None, message)]) from None
    except yaml.YAMLError as exc:
        raise _fail(file, _("not valid YAML: {detail}").format(detail=exc)) from None
    finally:
        loader.dispose()
    if loader.duplicates:
        raise DataError(_duplicate_keys(loader.duplicates, root, data, file))
    return data


def _duplicate_keys(
    duplicates: Sequence[tuple[Any, Any, Any]], root: Any, data: Any, file: str
) -> list[Problem]:
    from .i18n import _

    where = _mapping_locations(root)
    problems = []
    for mapping, key_node, first in duplicates:
        loc = (*where[id(mapping)], key_node.value)
        message = _("duplicate key '{key}' (also on line {line})").format(
            key=key_node.value, line=first.start_mark.line + 1
        )
        mark = key_node.start_mark
        problems.append(
            Problem(
                file,
                mark.line + 1,
                mark.column + 1,
                _region_id(data, loc),
                _field_path(loc),
                message,
            )
        )
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _mapping_locations(root: Any) -> dict[int, tuple[str | int, ...]]:
    """Where each mapping node of a composed document lies: id(node) -> its location."""
    import yaml

    found: dict[int, tuple[str | int, ...]] = {}
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            found[id(node)] = loc
            stack += [(value, (*loc, str(key.value))) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(value, (*loc, index)) for index, value in enumerate(node.value)]
    return found


def validate_data(data: Any, text: str, file: str) -> Dataset:
    """Validate parsed data into a dataset, or raise every error at once. `file` is the
    dataset's path: the texts of newer sources are read beside it (sources.py)."""
    if not isinstance(data, dict):
        kind = _("empty") if data is None else type(data).__name__
        raise _fail(
            file,
            _("the top level must be a mapping with 'source' and 'regions', not {kind}").format(
                kind=kind
            ),
        )
    from pydantic import ValidationError

    from . import validation

    try:
        dataset = sources.resolve(validation.validate(sources.migrate(data)))
    except ValidationError as exc:
        found = [
            checks.Finding(tuple(err["loc"]), _pydantic_message(err))
            for err in exc.errors(include_url=False)
        ]
        raise DataError(_locate(found, data, text, file)) from None
    errors = [
        checks.Finding(loc, message)
        for loc, message in (
            *validation.written_form_errors(data),
            *validation.control_character_errors(dataset),
        )
    ]
    texts, unreadable = sources.read_texts(dataset, Path(file).parent)
    errors += checks.errors(dataset, texts) + unreadable + sources.errors(dataset)
    if errors:
        raise DataError(_locate(errors, data, text, file))
    return dataset


# Pydantic's errors that a dataset file meets, in words of our own (message ids in the
# catalogue); `{...}` are filled from the error's context. Others keep Pydantic's words.
PYDANTIC_MESSAGES = {
    "missing": N_("a required field is missing"),
    "enum": N_("should be one of: {expected}"),
    "literal_error": N_("should be one of: {expected}"),
    "string_type": N_("should be text"),
    "int_type": N_("should be a whole number"),
    "int_parsing": N_("should be a whole number"),
    "bool_type": N_("should be true or false"),
    "list_type": N_("should be a list"),
    "tuple_type": N_("should be a list"),
    "dict_type": N_("should be a mapping"),
    "dataclass_type": N_("should be a mapping"),
    "model_type": N_("should be a mapping"),
    "date_type": N_("should be a date"),
    "date_from_datetime_parsing": N_("should be a date"),
    "date_parsing": N_("should be a date"),
    "greater_than_equal": N_("should be at least {ge}"),
    "string_pattern_mismatch": N_("should match the pattern {pattern}"),
    "string_too_short": N_("should have at least {min_length} characters"),
    "too_short": N_("should have at least {min_length} items"),
    "value_error": N_("{error}"),
}


def pydantic_message(kind: str, context: dict[str, Any], english: str) -> str:
    """A Pydantic error (its type, context and English message) in the interface language."""
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return english
    values = {k: str(v) for k, v in context.items()}
    if "expected" in values:  # Pydantic lists choices as "'a', 'b' or 'c'"
        values["expected"] = values["expected"].replace(" or ", ", ")
    try:
        return _(template).format(**values)
    except (KeyError, IndexError):
        return english


def _pydantic_message(err: Any) -> str:
    """Pydantic's message, with what to write instead where YAML's typing is the cause."""
    kind, given = err["type"], err.get("input")
    message = pydantic_message(kind, err.get("ctx") or {}, str(err["msg"]))
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return _("unknown key")
    if err["type"] == "string_type" and err["loc"] and err["loc"][-1] in ("code", "merged_into"):
        # YAML reads `code: 05` as a number: the leading zero would be lost.
        return _("a code is text with its leading zeros: quote it ('05')")
    if kind == "string_type" and isinstance(given, bool | int):
        hint = _(
            "{message} (YAML reads {value} as a number or true/false: write '{value}' for text)"
        )
        return hint.format(message=message, value=str(given).lower())
    if kind == "int_type" and isinstance(given, str):
        return _("{message} (in decimal digits, not in quotes)").format(message=message)
    return message


def load_path(path: Path) -> tuple[Dataset, list[Problem]]:
    """A full load with every check and the warnings: what `validate` runs."""
    text = decode(read_bytes(path), str(path))
    data = parse_yaml(text, str(path))
    dataset = validate_data(data, text, str(path))
    warnings = _locate(checks.warnings(dataset), data, text, str(path))
    return dataset, warnings + _stale_text_warnings(dataset, path)


@dataclass(frozen=True)
class Loaded:
    """A dataset ready for a command, and how long parsing and validating took (seconds),
    None when it came from the cache."""

    dataset: Dataset
    cold_seconds: float | None  # set when the file was parsed and validated, not cached


@cache
def load_dataset(path: Path) -> Loaded:
    """The dataset for a command: from the cache when the file is unchanged, else validated."""
    from . import cache as validated_cache

    started = time.perf_counter()
    raw = read_bytes(path)
    key = validated_cache.key_for(raw)
    cached = validated_cache.read(key)
    if cached is not None and sources.quotes_hold(cached, path.parent):
        return Loaded(cached, None)
    text = decode(raw, str(path))
    with validated_cache.gc_paused():
        dataset = validate_data(parse_yaml(text, str(path)), text, str(path))
    validated_cache.write(key, dataset)
    return Loaded(dataset, time.perf_counter() - started)


def _stale_text_warnings(dataset: Dataset, path: Path) -> list[Problem]:
    # An updated dataset may quote newer text than the report; worth a warning, not an error.
    report = path.parent / dataset.source.file
    try:
        report_text = squash(report.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return [
            Problem(
                str(path),
                None,
                None,
                None,
                "source.file",
                _("cannot read {path}").format(path=report),
            )
        ]
    return [
        Problem(
            str(path),
            None,
            None,
            region.id,
            f"sections.{name.value}",
            _("text no longer occurs in the report's text"),
        )
        for region in dataset.regions
        for name, section in region.sections.present()
        if squash(section.text) not in report_text
    ]


def _locate(findings: Sequence[checks.Finding], data: Any, text: str, file: str) -> list[Problem]:
    """Turn model locations into file positions by composing the YAML (only on this slow path)."""
    if not findings:
        return []
    import yaml

    try:
        root = yaml.compose(text, Loader=safe_loader())
    except yaml.YAMLError:
        root = None
    problems = []
    for finding in findings:
        line, column = _position(root, finding.loc)
        region = _region_id(data, finding.loc)
        field = _field_path(finding.loc)
        problems.append(Problem(file, line, column, region, field, finding.message))
    return problems


def _position(node: Any, loc: Sequence[str | int]) -> tuple[int | None, int | None]:
    import yaml

    found = node
    for key in loc:
        child = None
        if isinstance(found, yaml.MappingNode):
            for key_node, value_node in found.value:
                if key_node.value == key:
                    child = value_node
                    break
        elif (
            isinstance(found, yaml.SequenceNode)
            and isinstance(key, int)
            and 0 <= key < len(found.value)
        ):
            child = found.value[key]
        if child is None:
            break
        found = child
    if found is None:
        return None, None
    return found.start_mark.line + 1, found.start_mark.column + 1


def _region_id(data: Any, loc: Sequence[str | int]) -> str | None:
    if len(loc) >= 2 and loc[0] == "regions" and isinstance(loc[1], int):
        regions = data.get("regions")
        if isinstance(regions, list) and 0 <= loc[1] < len(regions):
            region = regions[loc[1]]
            if isinstance(region, dict) and isinstance(region.get("id"), str):
                return str(region["id"])
            return f"regions[{loc[1]}]"
    return None


def _field_path(loc: Sequence[str | int]) -> str | None:
    rest = loc[2:] if loc and loc[0] == "regions" else loc
    parts: list[str] = []
    for key in rest:
        if isinstance(key, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key}]"]
        elif not key.startswith(("function-", "tagged-union")):
            parts.append(key)
    return ".".join(parts) or None
