"""Plain data -> models, with Pydantic; and the dataset's JSON Schema.

Only a cold load (no valid cache) and `digituki schema` import this module, and with it
Pydantic: the models themselves are plain dataclasses (model.py).
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from .model import Dataset

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# Field metadata keys that are JSON Schema constraints (the rest is the description).
_CONSTRAINTS = ("pattern", "minimum")


@cache
def dataset_adapter() -> TypeAdapter[Dataset]:
    from pydantic import TypeAdapter

    return TypeAdapter(Dataset)


def validate(data: Any) -> Dataset:
    """Validate plain data (from YAML or JSON) into a Dataset; raises pydantic's ValidationError."""
    return dataset_adapter().validate_python(data)


def constraint_errors(
    value: Any, loc: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], str]]:
    """Where a model breaks a constraint of its fields' metadata (pattern, minimum)."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            found += constraint_errors(item, (*loc, index))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            item = getattr(value, spec.name)
            pattern = spec.metadata.get("pattern")
            if pattern and isinstance(item, str) and not re.fullmatch(pattern, item):
                found.append(((*loc, spec.name), f"{item!r} does not match {pattern}"))
            minimum = spec.metadata.get("minimum")
            if minimum is not None and isinstance(item, int) and item < minimum:
                found.append(((*loc, spec.name), f"must be at least {minimum}"))
            found += constraint_errors(item, (*loc, spec.name))
    return found


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file, with every description from the models."""
    schema = dataset_adapter().json_schema()
    _describe(schema)
    return schema


def _describe(schema: dict[str, Any]) -> None:
    # Pydantic does not read dataclass field metadata: copy descriptions and constraints
    # into the properties of each model's definition.
    models = {cls.__name__: cls for cls in _model_classes(Dataset)}
    definitions = {"Dataset": schema, **schema.get("$defs", {})}
    for name, definition in definitions.items():
        cls = models.get(name.split("_")[0])
        if cls is None:
            continue
        if cls.__doc__ and "description" not in definition:
            definition["description"] = cls.__doc__.strip()
        properties = definition.get("properties", {})
        for spec in dataclasses.fields(cls):
            target = properties.get(spec.name)
            if target is None or not spec.metadata:
                continue
            target["description"] = spec.metadata["description"]
            target.update({k: spec.metadata[k] for k in _CONSTRAINTS if k in spec.metadata})


def _model_classes(root: type) -> list[type]:
    import typing

    seen: list[type] = []

    def visit(tp: Any) -> None:
        origin = typing.get_origin(tp) or tp
        if isinstance(origin, type) and dataclasses.is_dataclass(origin):
            if origin in seen:
                return
            seen.append(origin)
            for hint in typing.get_type_hints(origin).values():
                visit(hint)
        for arg in typing.get_args(tp):
            visit(arg)

    visit(root)
    return seen
