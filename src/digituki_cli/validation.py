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
    """Pydantic's validator of a Dataset, built once (building it costs tens of ms)."""
    from pydantic import TypeAdapter

    return TypeAdapter(Dataset)


def validate(data: Any) -> Dataset:
    """Validate plain data (from YAML or JSON) into a Dataset; raises pydantic's ValidationError.

    Strictly, as JSON: a number, true/false or null is taken only where the model wants
    one, and text only where it wants text (or a codebook value, a date); nothing is
    converted on the way (Pydantic's lax mode would read 'yes' as true, '5.0' as 5 and
    1733702400 as a date). The loader has typed every scalar as YAML 1.2 does.
    """
    import json

    return dataset_adapter().validate_json(json.dumps(data), strict=True)


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


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def written_form_errors(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Values whose text Pydantic would accept in a form the file does not show: the
    report's date must be written YYYY-MM-DD (Pydantic takes '1733702400' for a date)."""
    source = data.get("source") if isinstance(data, dict) else None
    date = source.get("date") if isinstance(source, dict) else None
    if isinstance(date, str) and not _ISO_DATE.fullmatch(date):
        from .i18n import _

        return [(("source", "date"), _("a date is written YYYY-MM-DD"))]
    return []


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a dataset file; descriptions and constraints come from the models'
    docstrings and field metadata, the codebook's from the enums."""
    return dataset_adapter().json_schema()
