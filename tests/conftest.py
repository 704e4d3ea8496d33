from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from digituki_cli.cli import app, main
from digituki_cli.load import load_dataset
from digituki_cli.model import Dataset
from digituki_cli.paths import bundled_dataset

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "source" / "hyvinvointialueiden-digituen-mallit.txt"


def script(name: str) -> ModuleType:
    """The module of scripts/NAME.py, loaded from its file (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Pinned so that table output is the same on every machine (the language too: the locale
# would otherwise choose it).
TEST_ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "DIGITUKI_DATA": None,
    "DIGITUKI_LANG": "en",
}


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's own cache, and (subprocesses too) speak English
    unless a test chooses a language, whatever the machine's locale."""
    import os

    os.environ["DIGITUKI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["DIGITUKI_LANG"] = "en"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(bundled_dataset()).dataset


@pytest.fixture
def invoke() -> Callable[..., tuple[int, str]]:
    """Run a command through Typer's CliRunner; returns (exit code, stdout)."""
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, list(args), env=TEST_ENV)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout

    return run


@pytest.fixture
def run_main(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    """Run the real entry point (with its error mapping); returns (code, stdout, stderr)."""
    for key, value in TEST_ENV.items():
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exited:
            main(list(args))
        captured = capsys.readouterr()
        code = exited.value.code
        return (code if isinstance(code, int) else 1), captured.out, captured.err

    return run


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A test that chose a language (--lang through Typer, or main()) leaves English behind."""
    yield
    from digituki_cli.i18n import set_language

    set_language("en")
