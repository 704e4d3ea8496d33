"""The characters the output draws with, and the ASCII each becomes where the terminal's
encoding lacks it: one place for both, so that a new mark gets its stand-in.

render.py draws bars with them, views.py marks with them, streams.py's transliteration
(for a terminal in ASCII or Latin-1) replaces them. No imports: streams.py loads this at
start-up.
"""

from __future__ import annotations

BAR = "█"  # a full cell of a bar chart
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"  # a bar's last cell, in eighths (index 0: nothing)
DIFFERS = "≠"  # compare: a row whose values differ
HAS = "●"  # a feature matrix: the region has the value
LACKS = "·"  # ... and has it not; also a separator between facts
LEADS_TO = "→"  # search: a typed word and the words it found
ELLIPSIS = "…"  # text cut short

# Stand-ins where ASCII has no letter: bars, marks, typography (most of the same width).
ASCII_STAND_INS = {
    "—": "-",
    "–": "-",
    LACKS: "-",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    HAS: "*",
    "•": "*",
    DIFFERS: "*",
    LEADS_TO: "->",
    ELLIPSIS: ".",
    BAR: "#",
    **dict.fromkeys(BAR_EIGHTHS[1:], "+"),
}
