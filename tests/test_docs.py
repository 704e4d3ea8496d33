"""The documentation says what the code does: docs/codebook.md's table is the vocabulary."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from .conftest import ROOT


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "codebook_table", ROOT / "scripts" / "codebook_table.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_codebook_table_is_the_vocabulary() -> None:
    """Fails when vocabulary.py or the model changed and the page did not: run
    `uv run python scripts/codebook_table.py`."""
    script = _script()
    page = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert page == script.written(page), "run: uv run python scripts/codebook_table.py"


def test_the_table_has_every_code_of_every_classified_field() -> None:
    from digituki_cli.sources import fields

    table = _script().table()
    for spec in fields().values():
        assert f"`{spec.path}`" in table
        for member in spec.codebook or ():
            assert f"| `{member.value}` |" in table
