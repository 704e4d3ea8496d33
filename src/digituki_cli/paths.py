"""Where the bundled dataset lives, installed or in a checkout; file names from the command line."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import UsageError

DATA_ENV = "DIGITUKI_DATA"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dataset() -> Path:
    """The path of the dataset that ships with digituki (data/counties.yaml): a wheel's, else
    a checkout's; the wheel's path if neither exists (loading it then says no such file)."""
    # An installed wheel carries data/ inside the package (see pyproject's force-include);
    # a checkout (and an editable install) has it at the repository's top.
    for data_dir in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent.parent / "data"):
        candidate = data_dir / "counties.yaml"
        if candidate.is_file():
            return candidate
    return _PACKAGE_DIR / "data" / "counties.yaml"


def dataset_path(explicit: str | None = None) -> Path:
    """The dataset to load: --data, else $DIGITUKI_DATA, else the bundled one.

    An empty --data is a UsageError (it would otherwise mean the bundled data, or the
    current folder); an empty DIGITUKI_DATA counts as unset, as every empty variable does.
    """
    if explicit is not None:
        return Path(given_file(explicit, "--data"))
    chosen = os.environ.get(DATA_ENV)
    return Path(chosen) if chosen else bundled_dataset()


def given_file(value: str, name: str) -> str:
    """A file name given on the command line as the option or argument `name`; a UsageError
    (exit 2) if it is empty, where a path would quietly mean the current folder."""
    if not value:
        from .i18n import _

        raise UsageError(_("an empty file name was given for {name}").format(name=name))
    return value
