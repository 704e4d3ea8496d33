"""The one error type of the domain code; the CLI turns it into a message and an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

EXIT_ERROR = 1
EXIT_USAGE = 2


class DigitukiError(Exception):
    """Something the user can act on: a message, an optional hint, and an exit code.

    An error made with `from_catalogue` also carries the ids of its message and hint in the
    catalogue (translations.py), so that the command line can say it in the user's language;
    `message` and `hint` are always the English text.
    """

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code
        self.message_id: str | None = None
        self.hint_id: str | None = None
        self.params: dict[str, object] = {}

    @classmethod
    def from_catalogue(
        cls, message_id: str, hint_id: str | None = None, /, **params: object
    ) -> Self:
        """An error whose message (and hint) are texts of the catalogue, filled with params."""
        from .translations import Labels

        english = Labels("en")
        error = cls(english(message_id, **params), english(hint_id, **params) if hint_id else None)
        error.message_id, error.hint_id, error.params = message_id, hint_id, params
        return error

    def text(self, lang: str) -> str:
        """The message and its hint in the language (English for an error not in the catalogue)."""
        message, hint = self.message, self.hint
        if self.message_id is not None and lang != "en":
            from .translations import Labels

            labels = Labels(lang)
            message = labels(self.message_id, **self.params)
            hint = labels(self.hint_id, **self.params) if self.hint_id else None
        return message + (f" ({hint})" if hint else "")


class UsageError(DigitukiError):
    """Bad input on the command line (exit 2)."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_USAGE):
        super().__init__(message, hint, exit_code)


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
