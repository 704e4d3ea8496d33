"""An empty option is a usage error; an empty environment variable counts as unset."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digituki_cli import cache

from .test_process import _in_terminal

RunMain = Callable[..., tuple[int, str, str]]
EMPTY_DATA = "Error: an empty file name was given for --data\n"


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "kainuu"],
        ["filter", "--channel", "email"],
        ["compare", "kainuu", "lappi"],
        ["gaps"],
        ["search", "kirjasto"],
        ["stats"],
        ["validate"],
        ["export", "--format", "json"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_an_empty_data_option_is_a_usage_error_in_every_command(
    run_main: RunMain, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    # The issue: `digituki --data "" show kainuu` quietly used the bundled data, or
    # DIGITUKI_DATA if set.
    assert run_main("--data", "", *args) == (2, "", EMPTY_DATA)
    monkeypatch.setenv("DIGITUKI_DATA", "/nonexistent.yaml")
    assert run_main("--data", "", *args) == (2, "", EMPTY_DATA)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["validate", ""], "an empty file name was given for validate"),
        (["export", "--format", "json", "-o", ""], "an empty file name was given for --output"),
        (["export", "-o", ""], "an empty file name was given for --output"),
        (["export", "--format", "html", "--map-by", ""], "unknown --map-by value ''"),
        (["show", ""], "no region given"),
        (["search", "kirjasto", "--region", ""], "no region given"),
        (["--lang", "", "list"], "'--lang'"),
    ],
)
def test_every_other_empty_option_is_a_usage_error(
    run_main: RunMain, args: list[str], error: str
) -> None:
    # The issue: `digituki validate ""` said "is a directory".
    code, out, err = run_main(*args)
    assert (code, out) == (2, "")
    assert err.startswith("Error: ") and error in err and err.count("\n") == 1


def test_an_empty_data_variable_counts_as_unset(
    run_main: RunMain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGITUKI_DATA", "")
    code, out, _ = run_main("show", "kainuu", "--format", "json")
    assert code == 0 and '"id": "kainuu"' in out


def test_an_empty_language_variable_counts_as_unset(
    run_main: RunMain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGITUKI_LANG", "")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.setenv(name, "")
    assert run_main("list")[1].split()[0] == "Nimi"


def test_empty_cache_variables_count_as_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGITUKI_CACHE_DIR", "")
    monkeypatch.setenv("DIGITUKI_NO_CACHE", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "digituki"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert cache.cache_dir() == Path.home() / ".cache" / "digituki"
    monkeypatch.setenv("DIGITUKI_NO_CACHE", "1")
    assert cache.cache_dir() is None


@pytest.mark.parametrize("variable", ["NO_COLOR", "FORCE_COLOR"])
def test_empty_colour_variables_count_as_unset(variable: str) -> None:
    # no-color.org and force-color.org: only a value that is not empty counts.
    assert "\x1b[" in _in_terminal("show", "kainuu", env={"TERM": "xterm-256color", variable: ""})


def test_empty_columns_counts_as_unset(run_main: RunMain, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "")
    assert run_main("list")[0] == 0
