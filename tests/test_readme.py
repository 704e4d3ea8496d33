"""The README's examples are the tool's real output.

Every ```console block whose first line is `$ digituki ...` is run, and what follows the
command must be exactly what the tool prints (at 80 columns, no colour). After a change to
the output, `UPDATE_README=1 uv run pytest tests/test_readme.py` rewrites the blocks.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex

from digituki_cli.cli import main

from .conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (digituki [^\n]*)\n(.*?)```", re.DOTALL)
ENV: dict[str, str | None] = {
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "DIGITUKI_DATA": None,
    "DIGITUKI_LANG": "en",  # a block chooses another language with --lang
}


def _output(command: str) -> str:
    """What a terminal shows for the command: stdout and stderr, through the real entry point."""
    shown = io.StringIO()
    saved = {key: os.environ.get(key) for key in ENV}
    os.environ.update({k: v for k, v in ENV.items() if v is not None})
    for key in (k for k, v in ENV.items() if v is None):
        os.environ.pop(key, None)
    try:
        with (
            contextlib.redirect_stdout(shown),
            contextlib.redirect_stderr(shown),
            contextlib.suppress(SystemExit),
        ):
            main(shlex.split(command)[1:])
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return shown.getvalue()


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


def test_readme_keeps_its_sections_and_the_two_quick_start_commands() -> None:
    text = README.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", re.sub(r"```.*?```", "", text, flags=re.S), re.M)
    for section in (
        "Quick start", "What is in the data", "Commands", "Search", "Statistics", "Export",
        "Language", "Performance", "Output for scripts", "Exit codes and safety", "Robustness",
        "Updating the data", "How the code is laid out", "Licence",
    ):  # fmt: skip
        assert section in headings, section
    quick = text[text.index("## Quick start") : text.index("## What is in the data")]
    assert "```sh\nuv run digituki show kainuu\nuv run pytest\n```" in quick
    assert re.search(r"^show kainuu +\d+ms +\d+ms +[\d.]+ +1\.15 .* ok$", text, re.M)
