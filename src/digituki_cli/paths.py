"""Where the bundled dataset lives, installed or in a checkout."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "DIGITUKI_DATA"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dataset() -> Path:
    # An installed wheel carries data/ inside the package (see pyproject's force-include);
    # a checkout (and an editable install) has it at the repository's top.
    for data_dir in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent.parent / "data"):
        candidate = data_dir / "counties.yaml"
        if candidate.is_file():
            return candidate
    return _PACKAGE_DIR / "data" / "counties.yaml"


def dataset_path(explicit: str | None = None) -> Path:
    """The dataset to load: --data, else $DIGITUKI_DATA, else the bundled one."""
    chosen = explicit or os.environ.get(DATA_ENV)
    return Path(chosen) if chosen else bundled_dataset()
