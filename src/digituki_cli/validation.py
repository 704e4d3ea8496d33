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


@cache
def dataset_adapter() -> TypeAdapter[Dataset]:
    from pydantic import TypeAdapter

    return TypeAdapter(Dataset)


def validate(data: Any) -> Dataset:
    """Validate plain data (from YAML or JSON) into a Dataset; raises pydantic's ValidationError."""
    return dataset_adapter().validate_python(data)


# Control characters other than tab and newline would reach the terminal as they are.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_character_errors(
    value: Any, loc: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every text of a model that holds a control character, with its location."""
    if isinstance(value, str):
        return [(loc, "control characters are not allowed")] if _CONTROL.search(value) else []
    items: list[tuple[str | int, Any]]
    if isinstance(value, tuple):
        items = list(enumerate(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [(spec.name, getattr(value, spec.name)) for spec in dataclasses.fields(value)]
    else:
        return []
    return [found for key, item in items for found in control_character_errors(item, (*loc, key))]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file; descriptions and constraints come from the models'
    docstrings and field metadata, the codebook's from the enums."""
    return dataset_adapter().json_schema()
