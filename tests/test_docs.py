"""The documentation says what the code does: docs/codebook.md's table is the vocabulary."""

from __future__ import annotations

from .conftest import ROOT, script


def test_the_codebook_table_is_the_vocabulary() -> None:
    """Fails when vocabulary.py or the model changed and the page did not: run
    `uv run python scripts/codebook_table.py`."""
    page = (ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert page == script("codebook_table").written(page), (
        "run: uv run python scripts/codebook_table.py"
    )


def test_the_table_has_every_code_of_every_classified_field() -> None:
    from digituki_cli.sources import fields

    table = script("codebook_table").table()
    for spec in fields().values():
        assert f"`{spec.path}`" in table
        for member in spec.codebook or ():
            assert f"| `{member.value}` |" in table


def _public_definitions_without_docstring() -> list[str]:
    """Every public function, class and method of the package (a name without a leading
    underscore, at module or class level) that has no docstring, as `file:Class.name`."""
    import ast

    package = ROOT / "src" / "digituki_cli"
    missing: list[str] = []

    def walk(body: list[ast.stmt], where: str, prefix: str) -> None:
        for node in body:
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            if node.name.startswith("_"):
                continue
            if ast.get_docstring(node) is None:
                missing.append(f"{where}:{prefix}{node.name}")
            if isinstance(node, ast.ClassDef):
                walk(node.body, where, f"{prefix}{node.name}.")

    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        walk(tree.body, str(path.relative_to(package)), "")
    return missing


def test_every_public_definition_has_a_docstring() -> None:
    """The house rule: a public function or class says its shapes, units and errors."""
    assert _public_definitions_without_docstring() == []
