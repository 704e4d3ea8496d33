"""Write docs/codebook.md's table of values from the code: the model's fields and vocabulary.py.

    uv run python scripts/codebook_table.py          # rewrite the table in docs/codebook.md
    uv run python scripts/codebook_table.py --check  # exit 1 if the table differs from the code

The table lies between the two markers below; the rest of the page is written by hand. One row
per value: the field (its path, with the model's description of it or its codebook's summary)
on the first row of its values, then each code with its description from vocabulary.py.
tests/test_docs.py fails when the page's table differs from what this script writes.
"""

from __future__ import annotations

import dataclasses
import sys
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "docs" / "codebook.md"
BEGIN = (
    "<!-- the table below is written by scripts/codebook_table.py from the code: do not edit -->"
)
END = "<!-- end of the written table -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def table() -> str:
    """The table of every classified field and its values, as Markdown lines (with `\\n`)."""
    from digituki_cli.model import Region
    from digituki_cli.sources import fields

    hints = typing.get_type_hints(Region)
    lines = ["| field | value | meaning |", "| --- | --- | --- |"]
    for spec in fields().values():
        group_class = hints[spec.group]
        [model_field] = [f for f in dataclasses.fields(group_class) if f.name == spec.name]
        about = model_field.metadata.get("description")
        if about is None and spec.codebook is not None:
            about = spec.codebook.summary()
        head = f"`{spec.path}`" + (f": {_cell(about)}" if about else "")
        if spec.codebook is None:
            lines.append(f"| {head} | text | free text, not a code |")
            continue
        for index, member in enumerate(spec.codebook):
            first = head if index == 0 else ""
            lines.append(f"| {first} | `{member.value}` | {_cell(member.description)} |")
    return "\n".join(lines) + "\n"


def written(page: str) -> str:
    """The page with its table between the markers replaced by `table()`.

    Raises ValueError when the page lacks either marker.
    """
    start = page.index(BEGIN) + len(BEGIN)
    end = page.index(END, start)
    return page[:start] + "\n\n" + table() + "\n" + page[end:]


def main(argv: list[str]) -> int:
    page = CODEBOOK.read_text(encoding="utf-8")
    new = written(page)
    if "--check" in argv:
        if new != page:
            print("docs/codebook.md: run scripts/codebook_table.py", file=sys.stderr)
            return 1
        return 0
    CODEBOOK.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
