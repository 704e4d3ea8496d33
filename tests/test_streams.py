"""The output and exit policy (streams.py) as the process shows it: pipes without a reader,
closed and full streams, locales and PYTHONIOENCODING, Ctrl-C at any moment."""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from digituki_cli.streams import _transliterate

from .test_process import SCRIPT

# Commands that write to stdout, in every output format and every export format.
WRITERS = [
    ["list"],
    ["list", "--format", "json"],
    ["list", "--format", "csv"],
    ["list", "--format", "markdown"],
    ["search", "kirjasto"],
    ["export", "--format", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "markdown"],
    ["export", "--format", "html"],
    ["export", "--format", "sqlite"],
    ["schema"],
    ["validate"],
    ["--help"],
    ["--version"],
]
LARGE_EXPORTS = ["json", "markdown", "html", "sqlite"]  # each larger than a pipe's buffer
CLOSED = "Error: cannot write the output: standard output is closed\n"


def _env(**extra: str) -> dict[str, str]:
    base = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "DIGITUKI_DATA", "COLUMNS")
    }
    return {**base, **extra}


def _run(
    args: list[str], shell_redirect: str = "", env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """The console script with its streams redirected by the shell (`>&-`, `2>/dev/full`)."""
    command = ["bash", "-c", f'exec "$@" {shell_redirect}', "bash", str(SCRIPT), *args]
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        command, capture_output="stdout" not in kwargs, env=env or _env(), timeout=60, **kwargs
    )


def _without_reader(
    args: list[str], env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The console script writing into a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [str(SCRIPT), *args],
            stdout=write,
            stderr=subprocess.PIPE,
            env=env or _env(),
            timeout=60,
        )
    finally:
        os.close(write)


# --- stdout that cannot be written ---


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_a_pipe_without_reader_is_exit_141_quietly(args: list[str]) -> None:
    result = _without_reader(args)
    assert (result.returncode, result.stderr) == (141, b"")


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("fmt", LARGE_EXPORTS)
def test_export_into_head_c_20_is_exit_141(fmt: str, unbuffered: str) -> None:
    # The issue: `digituki export --format json | head -c 20` exited 0 having lost most of
    # the output (Python's unbuffered stdout drops the rest of a short write).
    pipeline = f"set -o pipefail; '{SCRIPT}' export --format {fmt} | head -c 20"
    env = _env(PYTHONUNBUFFERED=unbuffered)
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, env=env, timeout=60)
    assert (result.returncode, len(result.stdout), result.stderr) == (141, 20, b"")


def test_a_non_blocking_pipe_is_waited_for() -> None:
    # A parent may leave a shared pipe non-blocking (O_NONBLOCK): a full pipe is then
    # "try again", not a failure. 136 KB do not fit the pipe: the reader starts late.
    read, write = os.pipe()
    os.set_blocking(write, False)
    try:
        process = subprocess.Popen(
            [str(SCRIPT), "export", "--format", "json"],
            stdout=write,
            stderr=subprocess.PIPE,
            env=_env(),
        )
    finally:
        os.close(write)
    time.sleep(1)
    with os.fdopen(read, "rb") as reader:
        out = reader.read()
    assert (process.wait(timeout=60), process.stderr.read() if process.stderr else b"") == (0, b"")
    assert json.loads(out)["schema_version"] == 3


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_1(args: list[str]) -> None:
    # The issue: `digituki list >&-` printed "internal error ... AttributeError" and a traceback.
    result = _run(args, ">&-")
    assert (result.returncode, result.stderr.decode()) == (1, CLOSED)


def test_export_to_a_file_needs_no_stdout(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = _run(["export", "--format", "json", "-o", str(target)], ">&-")
    assert result.returncode == 0
    assert result.stderr.decode().startswith(f"Wrote {target} (json, ")
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == 3


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [["list", "--format", "json"], ["export", "--format", "sqlite"], ["schema"]],
    ids=" ".join,
)
def test_a_full_disk_is_one_line_and_exit_1(args: list[str]) -> None:
    result = _run(args, ">/dev/full")
    assert result.returncode == 1
    assert result.stderr == b"Error: cannot write the output: No space left on device\n"


# --- stderr that cannot be written never changes the exit code ---


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["list"], 0),
        (["show", "nosuch"], 2),
        (["--data", "", "list"], 2),
        (["filter", "--channel", "pigeon"], 2),
        (["--data", "/nonexistent.yaml", "list"], 1),
        (["search", "zzzzqqq"], 1),
        (["validate", "/nonexistent.yaml"], 1),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_stderr_that_cannot_be_written_keeps_the_exit_code(
    redirect: str, args: list[str], code: int
) -> None:
    if redirect.endswith("full") and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = _run(args, redirect)
    assert result.returncode == code


def test_a_closed_stderr_keeps_the_output_whole() -> None:
    # The issue: `digituki list 2>&-` printed the table and exited 1.
    result = _run(["list"], "2>&-")
    assert (result.returncode, result.stdout) == (0, _run(["list"]).stdout)


def test_both_closed_is_exit_1() -> None:
    assert _run(["list"], ">&- 2>&-").returncode == 1


def test_a_closed_stdin_changes_nothing() -> None:
    result = _run(["show", "kainuu", "--format", "json"], "<&-")
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == "kainuu"


# --- encodings: machine formats in UTF-8 whatever the locale; terminal text as it can be shown ---


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A real ISO-8859-1 Finnish locale (built with localedef into a folder of the test's)."""
    localedef = shutil.which("localedef")
    folder = tmp_path_factory.mktemp("locale")
    if localedef is None:
        pytest.skip("no localedef to build an ISO-8859-1 locale")
    made = subprocess.run(
        [localedef, "-i", "fi_FI", "-f", "ISO-8859-1", str(folder / "fi_FI.ISO-8859-1")],
        capture_output=True,
        timeout=120,
    )
    env = {"LOCPATH": str(folder), "LC_ALL": "fi_FI.ISO-8859-1"}
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=60,
    )
    if made.returncode not in (0, 1) or probe.stdout.strip().lower() != "iso8859-1":
        pytest.skip("cannot build an ISO-8859-1 locale here")
    return env


@pytest.fixture(params=["latin-1", "ascii", "locale"])
def narrow_encoding(request: pytest.FixtureRequest) -> Iterator[tuple[dict[str, str], str]]:
    """An environment whose stdout is not UTF-8, and the encoding Python then uses."""
    if request.param == "locale":
        yield request.getfixturevalue("latin1_locale"), "latin-1"
    else:
        yield {"PYTHONIOENCODING": request.param}, request.param


@pytest.mark.parametrize(
    "args",
    [
        ["show", "paijat-hame", "--format", "json"],
        ["show", "paijat-hame", "--format", "csv"],
        ["list", "--format", "markdown"],
        ["export", "--format", "json"],
        ["export", "--format", "markdown"],
        ["export", "--format", "html"],
    ],
    ids=" ".join,
)
def test_machine_formats_are_utf8_whatever_the_locale(
    narrow_encoding: tuple[dict[str, str], str], args: list[str]
) -> None:
    # The issue: Latin-1 JSON that json.loads and jq reject; with ascii, "Paijat-Hameen".
    environ, _ = narrow_encoding
    result = _run(args, env=_env(**environ))
    assert (result.returncode, result.stderr) == (0, b"")
    text = result.stdout.decode("utf-8")  # strict: every byte UTF-8
    assert "Päijät-Häme" in text
    if "json" in args:
        json.loads(text)


def test_exported_json_in_an_ascii_locale_is_the_dataset(tmp_path: Path) -> None:
    utf8 = _run(["export", "--format", "json"]).stdout
    ascii_run = _run(["export", "--format", "json"], env=_env(PYTHONIOENCODING="ascii")).stdout
    assert ascii_run == utf8
    assert json.loads(utf8)["regions"][0]["names"]["fi"] == "Etelä-Karjalan hyvinvointialue"


def test_the_schema_is_utf8_whatever_the_locale() -> None:
    result = _run(["schema"], env=_env(PYTHONIOENCODING="ascii"))
    assert result.stdout == _run(["schema"]).stdout
    json.loads(result.stdout.decode("utf-8"))


def test_terminal_text_in_latin1_keeps_every_letter(
    narrow_encoding: tuple[dict[str, str], str],
) -> None:
    environ, encoding = narrow_encoding
    result = _run(["show", "paijat-hame"], env=_env(**environ))
    assert result.returncode == 0
    first = result.stdout.decode(encoding).splitlines()[0]
    if encoding == "ascii":
        assert first == "Paijat-Hame - Wellbeing Services County of Paijat-Hame"
    else:
        assert first == "Päijät-Häme - Wellbeing Services County of Päijät-Häme"


def test_terminal_text_in_ascii_keeps_the_marks_meaning() -> None:
    result = _run(["compare", "kainuu", "lappi"], env=_env(PYTHONIOENCODING="ascii"))
    lines = result.stdout.decode("ascii").splitlines()
    assert any(line.startswith("* Page") for line in lines)  # ≠ marks a row that differs
    errors = _run(["show", "Päijät-Hämee"], env=_env(PYTHONIOENCODING="ascii"))
    assert errors.returncode == 2
    assert errors.stderr.decode("ascii").startswith("Error: unknown region 'Paijat-Hamee'")


@pytest.mark.parametrize(
    ("text", "shown"),
    [("≠", "*"), ("ä", "a"), ("Å", "A"), ("—", "-"), ("“x”", '"x"'), ("→", "->"), ("•", "*"),
     ("█▌", "#+"), ("€", "\\u20ac"), ("😀", "\\U0001f600"), ("中", "\\u4e2d")],
)  # fmt: skip
def test_what_ascii_cannot_show_keeps_its_meaning(text: str, shown: str) -> None:
    import codecs

    codecs.register_error("test-transliterate", _transliterate)
    assert text.encode("ascii", "test-transliterate").decode("ascii") == shown


# --- Ctrl-C at any moment ---


def _median_seconds(argv: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, env=_env(), timeout=60, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _assert_interrupted(result: subprocess.CompletedProcess[bytes]) -> None:
    err = result.stderr.decode()
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert result.returncode == 130, err
    assert err in ("", "Interrupted\n"), err


def test_ctrl_c_at_any_moment_is_exit_130_and_one_line() -> None:
    # The issue: `timeout --preserve-status -s INT 0.05 digituki list` printed a
    # KeyboardInterrupt traceback. SIGINT is sent from the moment Python itself has started
    # (before, the interpreter's own start-up is not digituki's to handle) to the end.
    timeout = shutil.which("timeout")
    if timeout is None:
        pytest.skip("no timeout(1)")
    started = _median_seconds([sys.executable, "-c", "import digituki_cli.entry"])
    whole = _median_seconds([str(SCRIPT), "list"])
    first, last = 2 * started, 0.9 * whole
    delays = [first + step * (last - first) / 11 for step in range(12)]
    interrupted = 0
    for delay in delays:
        argv = [timeout, "--preserve-status", "-s", "INT", f"{delay:.3f}", str(SCRIPT), "list"]
        result = subprocess.run(argv, capture_output=True, env=_env(), timeout=60)
        if result.returncode == 0:  # finished before the signal came
            continue
        _assert_interrupted(result)
        interrupted += 1
    assert interrupted >= 3  # the machine may be faster than measured: some finish first


def test_ctrl_c_while_writing_into_a_full_pipe() -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "export", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    time.sleep(2)  # 136 KB do not fit the pipe: it waits for a reader
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    _assert_interrupted(subprocess.CompletedProcess(process.args, process.returncode, b"", err))


def test_ctrl_c_while_reading_the_dataset_twice(tmp_path: Path) -> None:
    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)  # opening it waits for a writer that never comes
    process = subprocess.Popen(
        [str(SCRIPT), "--data", str(fifo), "show", "kainuu"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    time.sleep(0.05)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # a second Ctrl-C: still 130, still quiet
    _, err = process.communicate(timeout=30)
    _assert_interrupted(subprocess.CompletedProcess(process.args, process.returncode, b"", err))
