"""Any name a person types -> one region, or a usage error that says what was meant.

A region is named by its id, official code, names, short names or aliases; it is also named
by the Finnish, Swedish or English name (or alias) or the code of one of its municipalities,
current or merged into another. The region's own names win: "Helsinki" is the region (the city), not
the municipality of the same name. Names match whatever their case, accents, spaces and
hyphens (`name_key`); a name that matches nothing exactly is never guessed, only suggested.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from .errors import AmbiguousName, EmptyQuery, NameNotFound, QueryError
from .i18n import _, either
from .model import FormerMunicipality, Municipality, Region
from .text import ECHO_LIMIT, name_key, printable

MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Named:
    """A municipality a person named: the municipality (current, or merged into a current
    one) and its name as the dataset spells it in the form typed ("Borgå" for borga), or
    None when it was named by its code."""

    municipality: Municipality | FormerMunicipality
    name: str | None


@dataclass(frozen=True)
class Place:
    """What the names typed for one region meant: the region, and which of its
    municipalities were named (none when a name of the region itself was typed)."""

    region: Region
    named: tuple[Named, ...] = ()


class RegionIndex:
    """Name keys of every region and municipality: exact names resolve, nothing else does."""

    def __init__(self, regions: Iterable[Region]):
        self.regions = tuple(regions)
        self._by_key: dict[str, Region] = {}
        for region in self.regions:
            for name in region.all_names():
                self._by_key.setdefault(name_key(name), region)

    @cached_property
    def _municipal(self) -> dict[str, tuple[Region, Named]]:
        # Built on first need: a region's own name (the common case) never pays for it.
        found: dict[str, tuple[Region, Named]] = {}
        for region in self.regions:
            listed: tuple[Municipality | FormerMunicipality, ...] = (
                *region.municipalities,
                *region.former_municipalities,
            )
            for municipality in listed:
                for name in municipality.all_names():
                    found.setdefault(name_key(name), (region, Named(municipality, name)))
                found.setdefault(municipality.code, (region, Named(municipality, None)))
        return found

    def place(self, query: str) -> Place:
        """The place a name means: a region's name, else a municipality's (its region).

        Raises EmptyQuery for nothing typed ("no region given"), AmbiguousName for a prefix of
        several regions' names, NameNotFound for a name of nothing (the CLI's exit 2 for each), with suggestions (region ids, municipality
        names) where some are near; a name with no letter or digit ('[/]') is an unknown
        region like any other, with no suggestions.
        """
        if not query.strip():
            raise EmptyQuery(
                _("no region given"), hint=_("try `digituki list --all` for every region")
            )
        key = name_key(query)
        if not key:
            raise self._unknown(query, key)
        region = self._by_key.get(key)
        if region is not None:
            return Place(region)
        municipal = self._municipal.get(key)
        if municipal is not None:
            return Place(municipal[0], (municipal[1],))
        raise self._unknown(query, key)

    def _unknown(self, query: str, key: str) -> QueryError:
        import difflib

        shown = f"'{printable(query, ECHO_LIMIT)}'"
        starting = list(
            dict.fromkeys(r for name, r in self._by_key.items() if key and name.startswith(key))
        )
        if len(starting) > 1:
            return AmbiguousName(
                _("{name} matches {count} regions: {ids}").format(
                    name=shown, count=len(starting), ids=", ".join(r.id for r in starting)
                ),
                hint=_("type more of the name"),
            )
        # What to suggest, as the person would type it: a region's id, a municipality's name.
        # Codes are typed exactly or not at all: a near code is not a suggestion.
        choices: dict[object, str] = {r: r.id for r in starting}
        for name, (_region, named) in self._municipal.items():
            if key and named.name is not None and name.startswith(key):
                choices.setdefault(named.municipality, named.name)
        keys = [k for k in (*self._by_key, *self._municipal) if not k.isdigit()]
        for name in difflib.get_close_matches(key, keys, n=MAX_SUGGESTIONS * 3, cutoff=0.75):
            region = self._by_key.get(name)
            if region is not None:
                choices.setdefault(region, region.id)
            else:
                named = self._municipal[name][1]
                assert named.name is not None  # codes were left out
                choices.setdefault(named.municipality, named.name)
        if choices:
            return NameNotFound(
                _("unknown region {name}").format(name=shown),
                hint=_("did you mean {choices}?").format(
                    choices=either(list(choices.values())[:MAX_SUGGESTIONS])
                ),
            )
        return NameNotFound(
            _("unknown region {name}").format(name=shown),
            hint=_("`digituki list --all` shows every region"),
        )

    def resolve(self, query: str) -> Region:
        """The region a name means (see `place`); raises the QueryError `place` does."""
        return self.place(query).region

    def places(self, queries: Iterable[str]) -> list[Place]:
        """One place per region named, in the order first named, with every municipality
        named for it; raises the QueryError of `place` for the first name that means nothing."""
        by_region: dict[str, Place] = {}
        for query in queries:
            place = self.place(query)
            known = by_region.get(place.region.id)
            if known is not None:
                place = Place(place.region, tuple(dict.fromkeys((*known.named, *place.named))))
            by_region[place.region.id] = place
        return list(by_region.values())

    def resolve_all(self, queries: Iterable[str]) -> list[Region]:
        """The regions named, each once, in the order first named."""
        return [place.region for place in self.places(queries)]
