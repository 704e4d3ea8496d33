"""YAML file -> validated Dataset, or a DataError that names file, line, region and field."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import checks, sources
from .errors import DataError, Problem
from .model import Dataset
from .text import squash

MAX_BYTES = 256 * 1024 * 1024


@cache
def safe_loader() -> type[Any]:
    """PyYAML's safe loader (the C one where available), refusing anchors and aliases: the
    dataset needs none, and an alias bomb ("billion laughs") would otherwise expand
    exponentially downstream. Built on first use: a cached run never imports PyYAML."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class NoAliasLoader(base):  # type: ignore[valid-type,misc]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise yaml.constructor.ConstructorError(
                    None, None, "aliases (*name) are not allowed in a dataset file", node.start_mark
                )
            return super().construct_object(node, deep)

    return NoAliasLoader


def read_bytes(path: Path) -> bytes:
    shown = str(path)
    try:
        if path.is_dir():
            raise _fail(shown, "is a directory, not a dataset file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(shown, f"is {size // 2**20} MiB; a dataset file may be at most 256 MiB")
        return path.read_bytes()
    except FileNotFoundError:
        raise _fail(shown, "no such file") from None
    except PermissionError:
        raise _fail(shown, "permission denied") from None
    except OSError as exc:
        raise _fail(shown, exc.strerror or str(exc)) from None


def decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(shown, line, None, None, None, "the file is not UTF-8 text")]
        ) from None


def _fail(file: str, message: str) -> DataError:
    return DataError([Problem(file, None, None, None, None, message)])


def parse_yaml(text: str, file: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=safe_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise DataError([Problem(file, line, column, None, None, message)]) from None
    except yaml.YAMLError as exc:
        raise _fail(file, f"not valid YAML: {exc}") from None


def validate_data(data: Any, text: str, file: str) -> Dataset:
    """Validate parsed data into a dataset, or raise every error at once. `file` is the
    dataset's path: the texts of newer sources are read beside it (sources.py)."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise _fail(
            file, f"the top level must be a mapping with 'source' and 'regions', not {kind}"
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
        for loc, message in validation.control_character_errors(dataset)
    ]
    texts, unreadable = sources.read_texts(dataset, Path(file).parent)
    errors += checks.errors(dataset, texts) + unreadable + sources.errors(dataset)
    if errors:
        raise DataError(_locate(errors, data, text, file))
    return dataset


def _pydantic_message(err: Any) -> str:
    message = str(err["msg"])
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
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
        return [Problem(str(path), None, None, None, "source.file", f"cannot read {report}")]
    return [
        Problem(
            str(path),
            None,
            None,
            region.id,
            f"sections.{name.value}",
            "text no longer occurs in the report's text",
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
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
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
