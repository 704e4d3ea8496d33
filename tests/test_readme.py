"""The README's examples are the tool's real output.

Every ```console block whose first line is `$ digituki ...` is run, and what follows the
command must be exactly what the tool prints (at 80 columns, no colour). After a change to
the output, `UPDATE_README=1 uv run pytest tests/test_readme.py` rewrites the blocks.
"""

from __future__ import annotations

import os
import re
import shlex

from typer.testing import CliRunner

from digituki_cli.cli import app

from .conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (digituki [^\n]*)\n(.*?)```", re.DOTALL)
ENV: dict[str, str | None] = {"COLUMNS": "80", "NO_COLOR": "1", "DIGITUKI_DATA": None}


def _output(command: str) -> str:
    result = CliRunner().invoke(app, shlex.split(command)[1:], env=ENV)
    return result.stdout


def test_readme_examples_are_real_output() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert len(blocks) >= 6
    if os.environ.get("UPDATE_README"):
        text = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{_output(m.group(1))}```", text)
        README.write_text(text, encoding="utf-8")
        return
    for block in blocks:
        assert block.group(2) == _output(block.group(1)), block.group(1)
