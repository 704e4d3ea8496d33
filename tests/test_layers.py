"""The layers import only downward: model/vocabulary <- loading <- lookup/queries/search <-
views <- render/export <- cli.

Every module of the package has its layer in LAYERS (a new module fails the test until it is
placed); every import of it, at the top, inside a function or under TYPE_CHECKING, must name
a module of its own layer or a lower one. The exceptions are written in ALLOWED, each with
its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "digituki_cli"

SHARED, MODEL, LOADING, DOMAIN, VIEWS, OUTPUT, CLI = range(7)
LAYERS = {
    # Shared helpers that know no region: any layer may use them.
    "__init__": SHARED,  # the version
    "vocabulary": SHARED,  # the codebook (the model's words)
    "text": SHARED,
    "glyphs": SHARED,
    "formats": SHARED,
    "finnish": SHARED,
    "i18n": SHARED,
    "errors": SHARED,
    "paths": SHARED,
    "files": SHARED,  # the one atomic writer: export, -o and the cache
    "streams": SHARED,  # the output and exit policy of stdout and stderr
    # The model and what reads its rules.
    "model": MODEL,
    "validation": MODEL,
    "report": MODEL,
    "checks": MODEL,
    "sources": MODEL,
    "chapters": MODEL,
    # Loading a dataset.
    "load": LOADING,
    "cache": LOADING,
    "completion": LOADING,
    # Questions answered as structure.
    "lookup": DOMAIN,
    "queries": DOMAIN,
    "search": DOMAIN,
    "stats": DOMAIN,
    "history": DOMAIN,
    "sqlite_history": DOMAIN,
    # Every word the user reads.
    "views": VIEWS,
    "views_context": VIEWS,
    "history_views": VIEWS,
    # Drawing and writing the output; changing the dataset file.
    "render": OUTPUT,
    "export": OUTPUT,
    "export.html": OUTPUT,
    "export.sqlite": OUTPUT,
    "export.text": OUTPUT,
    "export.xlsx": OUTPUT,
    "record": OUTPUT,
    "choices": OUTPUT,  # option values from the codebook: the CLI's, and record's values
    # The command line.
    "cli": CLI,
    "cli_living": CLI,
    "entry": CLI,
    "__main__": CLI,
}

# (importer, imported): why the import goes upward.
ALLOWED = {
    # render.py begins with the output model (Heading, Line, Grid, Output...) that every view
    # builds and every format draws; the views import those types, never a drawing function.
    ("views", "render"): "the output model's block types",
    ("views_context", "render"): "the output model's block types",
    ("history_views", "render"): "the output model's block types",
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The package's modules that the file imports (relative imports resolved)."""
    module = _module(path)
    is_package = path.name == "__init__.py"
    package = module.split(".") if is_package and module != "__init__" else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                found.add(".".join([*base, node.module]))
            else:
                for alias in node.names:
                    child = ".".join([*base, alias.name])
                    found.add(child if child in LAYERS else ".".join(base) or "__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("digituki_cli"):
            found.add(node.module.removeprefix("digituki_cli").lstrip(".") or "__init__")
    return {name or "__init__" for name in found}


def _files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "locale" not in p.parts)


def test_every_module_has_a_layer() -> None:
    assert sorted(_module(p) for p in _files()) == sorted(LAYERS)


def test_layers_import_only_downward() -> None:
    upward = []
    for path in _files():
        importer = _module(path)
        for imported in sorted(_imports(path)):
            assert imported in LAYERS, f"{importer} imports {imported}, which has no layer"
            if LAYERS[imported] > LAYERS[importer] and (importer, imported) not in ALLOWED:
                upward.append(f"{importer} -> {imported}")
    assert upward == []


def test_every_exception_is_still_needed() -> None:
    graph = {_module(p): _imports(p) for p in _files()}
    assert [pair for pair in ALLOWED if pair[1] not in graph[pair[0]]] == []
