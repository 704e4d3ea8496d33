"""Any name a person types -> one region, or a usage error that says what was meant."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import UsageError
from .i18n import _, either
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
        key = fold(query)
        if not key:
            raise UsageError(
                _("no region given"), hint=_("try `digituki list --all` for every region")
            )
        exact = self._by_key.get(key)
        if exact is not None:
            return exact
        shown = f"'{printable(query, ECHO_LIMIT)}'"
        starting = list(
            dict.fromkeys(r for name, r in self._by_key.items() if name.startswith(key))
        )
        if len(starting) > 1:
            raise UsageError(
                _("{name} matches {count} regions: {ids}").format(
                    name=shown, count=len(starting), ids=", ".join(r.id for r in starting)
                ),
                hint=_("type more of the name"),
            )
        close = difflib.get_close_matches(key, self._by_key, n=MAX_SUGGESTIONS * 3, cutoff=0.75)
        suggestions = list(dict.fromkeys([*starting, *(self._by_key[name] for name in close)]))
        if suggestions:
            choices = either([r.id for r in suggestions[:MAX_SUGGESTIONS]])
            raise UsageError(
                _("unknown region {name}").format(name=shown),
                hint=_("did you mean {choices}?").format(choices=choices),
            )
        raise UsageError(
            _("unknown region {name}").format(name=shown),
            hint=_("`digituki list --all` shows every region"),
        )

    def resolve_all(self, queries: Iterable[str]) -> list[Region]:
        return list(dict.fromkeys(self.resolve(q) for q in queries))
