"""Answers for shell completion that must not pay for loading and validating the dataset."""

from __future__ import annotations

import re
from pathlib import Path

_REGION_ID = re.compile(r"^- id: ([a-z-]+)\s*$", re.MULTILINE)
# The top-level keys: `regions:` holds the regions (`sources:` holds ids too).
_TOP_KEY = re.compile(r"^[a-z_]+:", re.MULTILINE)


def region_ids(path: Path) -> list[str]:
    """The region ids in a dataset file, read as text (within its `regions:`); empty if the
    file cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    start = text.find("\nregions:") + 1
    end = next((m.start() for m in _TOP_KEY.finditer(text, start + 1)), len(text))
    return _REGION_ID.findall(text, start, end)
