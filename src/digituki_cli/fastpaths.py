"""Answers for shell completion that must not pay for loading and validating the dataset."""

from __future__ import annotations

import re
from pathlib import Path

_REGION_ID = re.compile(r"^- id: ([a-z-]+)\s*$", re.MULTILINE)


def region_ids(path: Path) -> list[str]:
    """The region ids in a dataset file, read as text; empty if the file cannot be read."""
    try:
        return _REGION_ID.findall(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return []
