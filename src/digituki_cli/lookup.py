"""Any name a person types -> one region, or a usage error that says what was meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import UsageError
from .model import Region
from .text import ECHO_LIMIT, fold, printable

MAX_SUGGESTIONS = 5


class RegionIndex:
    """Folded names of every region: exact names and aliases resolve, nothing else does."""

    def __init__(self, regions: Iterable[Region]):
        self.regions = tuple(regions)
        self._by_key: dict[str, Region] = {}
        for region in self.regions:
            for name in region.all_names():
                self._by_key.setdefault(fold(name), region)

    def resolve(self, query: str) -> Region:
        """The region a name means; a UsageError if it means none or several.

        Nothing typed (empty or blank) is "no region given"; a name with no letter or digit
        ('[/]') is an unknown region like any other, with no suggestions.
        """
        if not query.strip():
            raise UsageError.from_catalogue("error.no_region", "error.no_region.hint")
        key = fold(query)
        exact = self._by_key.get(key) if key else None
        if exact is not None:
            return exact
        shown = f"'{printable(query, ECHO_LIMIT)}'"
        starting = list(
            dict.fromkeys(r for name, r in self._by_key.items() if key and name.startswith(key))
        )
        if len(starting) > 1:
            raise UsageError.from_catalogue(
                "error.ambiguous_region",
                "error.ambiguous_region.hint",
                name=shown,
                count=len(starting),
                ids=", ".join(r.id for r in starting),
            )
        close = difflib.get_close_matches(key, self._by_key, n=MAX_SUGGESTIONS * 3, cutoff=0.75)
        suggestions = list(dict.fromkeys([*starting, *(self._by_key[name] for name in close)]))
        if suggestions:
            raise UsageError.from_catalogue(
                "error.unknown_region",
                "error.did_you_mean",
                name=shown,
                choices=[r.id for r in suggestions[:MAX_SUGGESTIONS]],
            )
        raise UsageError.from_catalogue(
            "error.unknown_region", "error.unknown_region.hint", name=shown
        )

    def resolve_all(self, queries: Iterable[str]) -> list[Region]:
        return list(dict.fromkeys(self.resolve(q) for q in queries))
