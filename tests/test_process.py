"""The installed console script as a real process: pipes, terminals, encodings, the wheel."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = Path(sys.executable).with_name("digituki")


def run(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    base = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "DIGITUKI_DATA", "COLUMNS")
    }
    return subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=60,
        **kwargs,
    )  # type: ignore[call-overload,no-any-return]


def test_console_script_runs_from_another_folder(tmp_path: Path) -> None:
    result = run("show", "kainuu", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Kainuu — Wellbeing Services County of Kainuu\n")
    assert "\x1b[" not in result.stdout  # a pipe gets no colour
    assert result.stderr == ""


def test_piped_into_head_gives_no_broken_pipe_message() -> None:
    pipeline = f"'{SCRIPT}' show kainuu lappi satakunta --evidence | head -n 2"
    result = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {pipeline}"], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.count("\n") == 2
    assert result.stderr == ""
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_encoding_that_cannot_show_finnish_letters(encoding: str) -> None:
    result = run("show", "paijat-hame", env={"PYTHONIOENCODING": encoding}, encoding=encoding)
    assert result.returncode == 0
    assert "Paijat-Hame" in result.stdout or "Päijät-Häme" in result.stdout
    assert "Traceback" not in result.stderr


def test_narrow_terminal() -> None:
    result = run("list", env={"COLUMNS": "30"})
    assert result.returncode == 0
    assert all(len(line) <= 30 for line in result.stdout.splitlines())


def _in_terminal(*args: str, env: dict[str, str]) -> str:
    """Run the command with a pseudo-terminal as stdout; return what it wrote."""
    primary, secondary = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "TERM")}
    process = subprocess.Popen(
        [str(SCRIPT), *args], stdout=secondary, stderr=secondary, env={**base, **env}
    )
    os.close(secondary)
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_colour_unless_no_color_or_dumb() -> None:
    assert "\x1b[" in _in_terminal("show", "kainuu", env={"TERM": "xterm-256color"})
    assert "\x1b[" not in _in_terminal(
        "show", "kainuu", env={"TERM": "xterm-256color", "NO_COLOR": "1"}
    )
    assert "\x1b[" not in _in_terminal("show", "kainuu", env={"TERM": "dumb"})


def test_wheel_carries_the_data(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH: cannot build the wheel offline")
    dist = tmp_path / "dist"
    subprocess.run(
        [uv, "build", "--wheel", "--offline", "-q", "-o", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    [wheel] = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "digituki_cli/data/counties.yaml" in names
    assert "digituki_cli/data/source/hyvinvointialueiden-digituen-mallit.txt" in names
    assert "digituki_cli/data/source/statistics-finland/municipalities.csv" in names
    # Installing it into a fresh venv needs the dependencies from the registry: .ci/run does
    # that (pip install of the wheel, then `digituki show kainuu` from another folder).


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        (
            "digituki show pi",
            "2",
            ["pirkanmaa", "pieksamaki", "pihtipudas", "pirkkala", "pietarsaari", "pielavesi"],
        ),
        (
            "digituki compare kainuu poh",
            "3",
            ["pohjanmaa", "pohjois-karjala", "pohjois-pohjanmaa", "pohjois-savo"],
        ),
        ("digituki show Kaj", "2", ["Kajaani", "Kajana"]),
        ("digituki municipalities --region bor", "3", ["borga", "borgnas"]),
        ("digituki filter --channel e", "3", ["email"]),
        ("digituki gaps --funding u", "3", ["unclear"]),
        ("digituki filter --an", "2", ["--any"]),
    ],
)
def test_shell_completion_of_region_ids_municipalities_and_enum_values(
    words: str, cword: str, expected: list[str]
) -> None:
    env = {"_DIGITUKI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = run(env=env)
    assert result.returncode == 0
    assert result.stdout.split() == expected


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [str(SCRIPT), "list"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    ("columns", "args", "whole"),
    [
        ("50", ["list"], ["web-guides", "municipalities", "support-network"]),
        ("40", ["stats", "--by", "channels"], ["14/18", "printed-guides"]),
        ("60", ["gaps", "--kind", "funding-unclear"], ["budjetointi", "epäselvää."]),
        ("30", ["show", "kainuu"], ["not-offered", "customer-service"]),
    ],
)
def test_a_narrow_terminal_loses_no_data(columns: str, args: list[str], whole: list[str]) -> None:
    result = run(*args, env={"COLUMNS": columns})
    assert result.returncode == 0
    assert "…" not in result.stdout
    for word in whole:
        assert word in result.stdout, word
