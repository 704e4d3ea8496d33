"""The one error type of the domain code; the CLI turns it into a message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_ERROR = 1
EXIT_USAGE = 2


class DigitukiError(Exception):
    """Something the user can act on: a message, an optional hint, and an exit code."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code


class UsageError(DigitukiError):
    """Bad input on the command line (exit 2)."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message, hint, EXIT_USAGE)


@dataclass(frozen=True)
class Problem:
    """One problem in a dataset file, located as precisely as the file allows."""

    file: str
    line: int | None
    column: int | None
    region: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        parts = [where, self.region, self.field, self.message]
        return ": ".join(p for p in parts if p)


class DataError(DigitukiError):
    """A dataset file that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0])
        if len(problems) == 1:
            super().__init__(first)
        else:
            super().__init__(
                f"{first} (and {len(problems) - 1} more)",
                hint="`digituki validate FILE` lists every problem",
            )
