"""The error types of the domain code; the CLI turns them into a message and an exit code."""

from __future__ import annotations

import errno
from dataclasses import dataclass

from .i18n import N_, _, ngettext

EXIT_ERROR = 1
EXIT_USAGE = 2


class DigitukiError(Exception):
    """Something the user can act on: a message, an optional hint, and an exit code.

    Message and hint are written in the interface language where the error is raised (the
    language is chosen before any command runs, see i18n.py).
    """

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_ERROR):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code

    def text(self) -> str:
        """The message and its hint, as one line: `message (hint)`."""
        return self.message + (f" ({self.hint})" if self.hint else "")


# The operating system's reasons (strerror) that users meet, as message ids in the catalogue.
_OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the interface language where the catalogue has the
    reason (a missing file, no permission, a full disk...), else the system's own words."""
    template = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    return _(template) if template else exc.strerror or str(exc)


class UsageError(DigitukiError):
    """Bad input on the command line (exit 2)."""

    def __init__(self, message: str, hint: str | None = None, exit_code: int = EXIT_USAGE):
        super().__init__(message, hint, exit_code)


class QueryError(DigitukiError):
    """What was asked cannot be answered as asked: a name that names nothing or several
    regions, a query without words. Raised by lookup and search, which know nothing of the
    command line; cli.main maps it to exit 2 (a usage error), as pycountry's lookup raises a
    neutral LookupError for its callers to map."""


class NameNotFound(QueryError):
    """A region's or municipality's name that names nothing (with suggestions in the hint)."""


class AmbiguousName(QueryError):
    """A name that begins the names of several regions (they are listed in the message)."""


class EmptyQuery(QueryError):
    """Nothing to look up: no region name typed, or a search query without words."""


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
            more = len(problems) - 1
            super().__init__(
                ngettext("{first} (and {count} more)", "{first} (and {count} more)", more).format(
                    first=first, count=more
                ),
                hint=_("`digituki validate FILE` lists every problem"),
            )
