"""Wall time of `digituki search` against `digituki show kainuu`, measured in the same run.

    uv run python bench/search_speed.py [RUNS]

Runs each command RUNS times (default 20), alternating, with output to a pipe, and
prints the medians; a plain `import typer, yaml, pydantic, rich` is the floor.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "imports only": [sys.executable, "-c", "import typer, yaml, pydantic, rich"],
    "show kainuu": [str(BIN / "digituki"), "show", "kainuu"],
    "search seurakunnissa": [str(BIN / "digituki"), "search", "seurakunnissa"],
    "search kirjasto seurakunta": [str(BIN / "digituki"), "search", "kirjasto", "seurakunta"],
    "search sahkoposti": [str(BIN / "digituki"), "search", "sahkoposti"],
}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file cache once
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.PIPE, check=True)
            times[name].append(time.perf_counter() - start)
    show = statistics.median(times["show kainuu"])
    print(f"median of {runs} alternating runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:28} {median * 1000:7.1f} ms  {median / show:5.2f}x show")


if __name__ == "__main__":
    main()
