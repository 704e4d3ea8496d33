"""Benchmark digituki against the floor: whole-process runs, alternated, medians and ratios.

Standard library only. Run from the repository with the project's interpreter:

    uv run python bench/bench.py            # about a minute
    uv run python bench/bench.py --runs 31  # steadier medians

The floor is the smallest program that uses the tool's dependencies once: it imports typer
and yaml, validates one Pydantic model with one int field and prints an empty Rich table.
Each command is run alternately with the floor, so that both see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "data" / "counties.yaml"

FLOOR_PROGRAM = """
import typer, yaml
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

class Floor(BaseModel):
    x: int

Floor(x=1)
Console().print(Table())
"""

# (label, arguments, target as a multiple of the floor)
COMMANDS: list[tuple[str, list[str], float]] = [
    ("show kainuu", ["show", "kainuu"], 1.15),
    ("show kainuu --lang fi", ["show", "kainuu", "--lang", "fi"], 1.15),
    ("list", ["list"], 1.2),
    ("filter --channel email", ["filter", "--channel", "email"], 1.2),
    ("gaps", ["gaps"], 1.2),
    ("compare kainuu lappi", ["compare", "kainuu", "lappi"], 1.2),
    ("--help", ["--help"], 0.8),
    ("--help --lang sv", ["--help", "--lang", "sv"], 0.8),
]
COMPLETION_ENV = {
    "_DIGITUKI_COMPLETE": "complete_bash",
    "COMP_WORDS": "digituki show pi",
    "COMP_CWORD": "2",
}
MEMORY_TARGET_MIB = 45
SCALE_TARGET_SECONDS = 3.0
LINEARITY_TARGET = 12.0


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024


def region_ids_letters(number: int) -> str:
    """A number as lower-case letters: region ids may hold only letters and hyphens."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def synthetic_dataset(count: int, folder: Path) -> Path:
    """COUNT regions: copies of the real ones with new ids and names, as YAML."""
    import yaml  # the project's own dependency; only the bench's data generation needs it

    data = yaml.safe_load(DATASET.read_text(encoding="utf-8"))
    originals = data["regions"]
    regions = []
    for index in range(count):
        region = dict(originals[index % len(originals)])
        # Official codes and municipalities name one real place each: a copy has none.
        for key in ("code", "municipalities", "former_municipalities"):
            region.pop(key, None)
        suffix = region_ids_letters(index)
        region["id"] = f"{region['id']}-{suffix}"
        for names in ("names", "short_names"):
            region[names] = {lang: f"{name} {suffix}" for lang, name in region[names].items()}
        region["aliases"] = [f"{alias} {suffix}" for alias in region.get("aliases", [])]
        regions.append(region)
    data["regions"] = regions

    class NoAliasDumper(yaml.SafeDumper):
        # The copies share objects; a dataset file may not use aliases, so write them out.
        def ignore_aliases(self, data: object) -> bool:
            return True

    path = folder / f"regions-{count}.yaml"
    text = yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    source = folder / "source"
    if not source.exists():
        source.symlink_to(DATASET.parent / "source")
    return path


def median_pair(
    command: list[str],
    floor: list[str],
    env: dict[str, str],
    runs: int,
    command_env: dict[str, str],
) -> tuple[float, float, float]:
    """Median seconds of the command and of the floor, run alternately, and peak MiB."""
    command_times, floor_times, peaks = [], [], []
    for _ in range(runs):
        seconds, peak = run_once(command, {**env, **command_env})
        command_times.append(seconds)
        peaks.append(peak)
        floor_times.append(run_once(floor, env)[0])
    return statistics.median(command_times), statistics.median(floor_times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (odd is best)")
    parser.add_argument("--no-scale", action="store_true", help="skip the 1,000/10,000-region runs")
    options = parser.parse_args()

    python = sys.executable
    digituki = str(Path(python).with_name("digituki"))
    work = Path(tempfile.mkdtemp(prefix="digituki-bench-"))
    floor_file = work / "floor.py"
    floor_file.write_text(FLOOR_PROGRAM, encoding="utf-8")
    floor = [python, str(floor_file)]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}
    env.update({"DIGITUKI_CACHE_DIR": str(work / "cache"), "DIGITUKI_DATA": "", "COLUMNS": "100"})

    # Warm up: byte-code compiled, the dataset cache written, the file cache of the OS warm.
    for _ in range(3):
        run_once(floor, env)
        run_once([digituki, "show", "kainuu"], env)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")  # fmt: skip
    print(f"runs per command: {options.runs} (alternating with the floor); medians\n")
    print(
        f"{'command':<28}{'median':>9}{'floor':>9}{'ratio':>8}{'target':>8}{'peak MiB':>10}  result"
    )
    failures = 0
    rows = [(label, [digituki, *args], target, {}) for label, args, target in COMMANDS]
    rows.append(("completion of region ids", [digituki], 0.8, COMPLETION_ENV))
    for label, argv, target, extra_env in rows:
        seconds, floor_seconds, peak = median_pair(argv, floor, env, options.runs, extra_env)
        ratio = seconds / floor_seconds
        ok = ratio <= target and (label != "show kainuu" or peak <= MEMORY_TARGET_MIB)
        failures += not ok
        print(f"{label:<28}{seconds * 1000:>7.0f}ms{floor_seconds * 1000:>7.0f}ms{ratio:>8.2f}"
              f"{target:>8.2f}{peak:>10.1f}  {'ok' if ok else 'MISSED'}")  # fmt: skip
    print(f"(peak memory target for show kainuu: {MEMORY_TARGET_MIB} MiB)")

    if not options.no_scale:
        print("\nscale: filter --channel email on synthetic datasets (--data)")
        timings = {}
        for count in (1_000, 10_000):
            path = synthetic_dataset(count, work)
            size_mb = path.stat().st_size / 1e6
            argv = [
                digituki,
                "--data",
                str(path),
                "filter",
                "--channel",
                "email",
                "--format",
                "csv",
            ]
            cold, _ = run_once(argv, env)
            warm = statistics.median(run_once(argv, env)[0] for _ in range(5))
            timings[count] = warm
            print(f"  {count:>6} regions ({size_mb:5.1f} MB): first run {cold:6.2f} s, "
                  f"later runs {warm:6.2f} s (median of 5)")  # fmt: skip
        growth = timings[10_000] / timings[1_000]
        scale_ok = timings[10_000] <= SCALE_TARGET_SECONDS and growth <= LINEARITY_TARGET
        failures += not scale_ok
        print(f"  10x the data costs {growth:.1f}x the time (target <= {LINEARITY_TARGET:.0f}x); "
              f"10,000 regions in {timings[10_000]:.2f} s (target <= {SCALE_TARGET_SECONDS:.0f} s): "
              f"{'ok' if scale_ok else 'MISSED'}")  # fmt: skip

    print(f"\n{'all targets met' if not failures else f'{failures} target(s) missed'}")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
