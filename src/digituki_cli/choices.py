"""Option values from a vocabulary: codes, old spellings and labels in fi, sv and en.

`CodeChoice` is the click parameter type of every option whose values are an enum
(`--channel`, `--funding`, `--format`, `--section`...). It accepts a value's code in any
case, with `-` or `_` (`general-support`, the spelling shown, and the old `general_support`
alike), with or without accents, and a codebook value's label in Finnish, Swedish or
English (`--channel sähköposti`, `--partner bibliotek`). Its error message and its completion
speak the interface language.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from typer._click.types import ParamType

from .i18n import _, label, labels_in_every_language, language
from .text import ECHO_LIMIT, fold, printable
from .vocabulary import DescribedEnum

if TYPE_CHECKING:
    from typer._click import Context, Parameter
    from typer._click.shell_completion import CompletionItem


class CodeChoice(ParamType):
    """The values of one enum: a code, or (for the codebook) a label in any of the languages.

    `convert` returns the enum member; an unknown value fails with the list of codes.
    """

    name = "code"

    def __init__(self, enum: type[StrEnum]):
        self.enum = enum

    def codes(self) -> list[str]:
        """Every valid code, in the enum's order, spelt as the command line spells it.

        One spelling for every option's values: kebab-case, as the codebook's codes are. A
        key of the data that is written with `_` (SectionName, StatField:
        `organisation_funding`) is shown with `-`; the `_` spelling is still accepted
        (`member` folds both to one key) and JSON and CSV keep the data's own key.
        """
        return [member.value.replace("_", "-") for member in self.enum]

    def member(self, text: str) -> StrEnum | None:
        """The member a typed value names, or None. Codes win over labels."""
        key = fold(text)
        for member in self.enum:
            if fold(member.value) == key:
                return member
        for member in self.enum:
            if not isinstance(member, DescribedEnum):  # not a codebook: codes only
                return None
            if any(fold(name) == key for name in labels_in_every_language(member)):
                return member
        return None

    def labels(self) -> list[str]:
        """The labels of a codebook's values in the interface language (none for other enums)."""
        return [label(m) for m in self.enum if isinstance(m, DescribedEnum)]

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        """The enum member the value names (see `member`); fails (exit 2) listing the codes."""
        if isinstance(value, self.enum):
            return value
        found = self.member(str(value))
        if found is None:
            self.fail(self.unknown(str(value)), param, ctx)
        return found

    def unknown(self, text: str) -> str:
        """Why a typed value is none of the enum's: the valid codes, with their labels in the
        interface language where it is not English, and the nearest one if any is near."""
        import difflib

        labels = self.labels()
        shown = [
            f"{code} ({name})" if language() != "en" and name != code else code
            for code, name in zip(self.codes(), labels or self.codes(), strict=True)
        ]
        message = _("{value} is not one of: {choices}").format(
            value=repr(printable(text, ECHO_LIMIT)), choices=", ".join(shown)
        )
        candidates = {fold(c): c for c in self.codes()} | {fold(n): n for n in labels}
        near = difflib.get_close_matches(fold(text), list(candidates), n=1, cutoff=0.75)
        if near:
            hint = _("did you mean {choices}?").format(choices=candidates[near[0]])
            message += f" ({hint})"
        return message

    def get_metavar(self, param: Parameter, ctx: Context) -> str | None:
        """[code|code|...]: the codes, as --help shows them."""
        return "[" + "|".join(self.codes()) + "]"

    def shell_complete(
        self, ctx: Context, param: Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """The codes and labels that begin with what is typed (accents and case folded)."""
        from typer._click.shell_completion import CompletionItem

        key = fold(incomplete)
        offered = [*self.codes(), *self.labels()]
        return [
            CompletionItem(value)
            for value in dict.fromkeys(offered)
            if fold(value).startswith(key) or value.startswith(incomplete)
        ]


class Count(ParamType):
    """A whole number of at least 1 (`--limit`), with its error in the interface language."""

    name = "count"

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        """The value as an int of at least 1; fails (exit 2) otherwise."""
        if isinstance(value, int) and value >= 1:
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and int(text) >= 1):
            self.fail(
                _("{value} is not a whole number of 1 or more").format(
                    value=repr(printable(str(value), ECHO_LIMIT))
                ),
                param,
                ctx,
            )
        return int(text)

    def get_metavar(self, param: Parameter, ctx: Context) -> str | None:
        """N."""
        return "N"


class IsoDate(ParamType):
    """A day written YYYY-MM-DD (2026-01-15); `convert` returns a datetime.date. Its error
    is in the interface language."""

    name = "date"

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        """The value as a datetime.date; fails (exit 2) for anything but YYYY-MM-DD."""
        import datetime as dt
        import re

        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.fail(
            _("{value} is not a date written YYYY-MM-DD").format(
                value=repr(printable(str(value), ECHO_LIMIT))
            ),
            param,
            ctx,
        )

    def get_metavar(self, param: Parameter, ctx: Context) -> str | None:
        """YYYY-MM-DD."""
        return "YYYY-MM-DD"
