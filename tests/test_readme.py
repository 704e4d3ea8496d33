"""The README's and docs/'s examples are the tool's real output, and the README a user's guide.

Every ```console block whose first line is `$ digituki ...`, in README.md and in docs/*.md,
is run, and what follows the command must be exactly what the tool prints (at 80 columns,
no colour). After a change to the output, `UPDATE_README=1 uv run pytest tests/test_readme.py`
rewrites the blocks.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path

import pytest
import typer

from digituki_cli.cli import app, main

from .conftest import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"```console\n\$ (digituki [^\n]*)\n(.*?)```", re.DOTALL)
ENV: dict[str, str | None] = {
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "DIGITUKI_DATA": None,
    "DIGITUKI_LANG": "en",  # a block chooses another language with --lang
}
SECTIONS = (
    "Quick start", "Install for everyday use", "Questions and their commands",
    "What is in the data", "Commands", "Language", "Output for scripts",
    "Exit codes and robustness", "Updating the data", "More documentation",
    "Licence and data attribution",
)  # fmt: skip


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


def _headings(text: str, level: str) -> list[str]:
    """The headings of one level (`##`, `###`) outside code blocks, in order."""
    return re.findall(rf"^{level} (.+)$", re.sub(r"```.*?```", "", text, flags=re.S), re.M)


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda path: path.name)
def test_examples_are_real_output(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    if path == README:
        assert len(blocks) >= 6
    if os.environ.get("UPDATE_README"):
        text = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{_output(m.group(1))}```", text)
        path.write_text(text, encoding="utf-8")
        return
    for block in blocks:
        assert block.group(2) == _output(block.group(1)), block.group(1)


def test_readme_keeps_its_sections_in_order_and_the_two_quick_start_commands() -> None:
    text = README.read_text(encoding="utf-8")
    headings = _headings(text, "##")
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
    quick = text[text.index("## Quick start") : text.index("## Install for everyday use")]
    assert "```sh\nuv run digituki show kainuu\nuv run pytest\n```" in quick
    install = text[text.index("## Install for everyday use") : text.index("## Questions")]
    for command in ("uv tool install .", "pipx install .", "pip install ."):
        assert command in install, command


def test_readme_has_a_section_for_every_registered_command() -> None:
    commands = getattr(typer.main.get_command(app), "commands", {})
    reference = _headings(README.read_text(encoding="utf-8"), "###")
    for command in commands:
        assert any(re.match(rf"`digituki ([^`]* )?{command}\b", h) for h in reference), command


def test_readme_keeps_the_data_attribution() -> None:
    licence = README.read_text(encoding="utf-8").split("## Licence and data attribution")[1]
    assert "Source: Statistics Finland" in licence
    assert "CC BY 4.0" in licence


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda path: path.name)
def test_links_between_the_documents_lead_somewhere(path: Path) -> None:
    """Every relative link names a file that exists and, with `#anchor`, a heading in it."""
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", re.sub(r"```.*?```", "", text, flags=re.S)):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), target
        if anchor:
            text_of = linked.read_text(encoding="utf-8")
            anchors = {
                _anchor(h) for level in ("#", "##", "###") for h in _headings(text_of, level)
            }
            assert anchor in anchors, target


def test_performance_figures_include_show_kainuu_and_its_target() -> None:
    text = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert re.search(r"^show kainuu +\d+ms +\d+ms +[\d.]+ +1\.15 .* ok$", text, re.M)
