"""Wall time of `digituki search` against `digituki show kainuu`, measured in the same run.

    uv run python bench/search_speed.py [RUNS]

Runs each command RUNS times (default 20), alternating, with output to a pipe, and prints
the medians and each search's ratio to `show kainuu`; the target is at most 1.5 for one-word
and three-word queries. A plain `import typer, yaml, pydantic, rich` is the floor.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
DIGITUKI = str(BIN / "digituki")
TARGET = 1.5
COMMANDS = {
    "imports only": [sys.executable, "-c", "import typer, yaml, pydantic, rich"],
    "show kainuu": [DIGITUKI, "show", "kainuu"],
    "search seurakunnissa": [DIGITUKI, "search", "seurakunnissa"],  # a form the text lacks
    "search selkokieli": [DIGITUKI, "search", "selkokieli"],  # a derivation
    "search hallintolaki": [DIGITUKI, "search", "hallintolaki"],  # a chapter of the report
    "search sahkoposti": [DIGITUKI, "search", "sahkoposti"],  # ä/ö folded
    "search kirjasto seurakunta": [DIGITUKI, "search", "kirjasto", "seurakunta"],
    "search jalkautua ohje mentori": [DIGITUKI, "search", "jalkautua", "ohje", "mentori"],
    "search Aino Kela Theseus": [DIGITUKI, "search", "Aino", "Kela", "Theseus"],
}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file and dataset caches once
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.PIPE, check=True)
            times[name].append(time.perf_counter() - start)
    show = statistics.median(times["show kainuu"])
    print(f"median of {runs} alternating runs; target: search <= {TARGET}x show kainuu")
    worst = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / show
        if name.startswith("search"):
            worst = max(worst, ratio)
        print(f"  {name:32} {median * 1000:7.1f} ms  {ratio:5.2f}x show")
    print(f"slowest search {worst:.2f}x show: {'ok' if worst <= TARGET else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
