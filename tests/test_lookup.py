"""Region lookup: any name a person types, to one region or a helpful usage error."""

from __future__ import annotations

import contextlib
import csv
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digituki_cli.errors import AmbiguousName, EmptyQuery, NameNotFound, QueryError
from digituki_cli.lookup import Place, RegionIndex
from digituki_cli.model import Dataset, FormerMunicipality
from digituki_cli.text import fold, name_key

from .conftest import ROOT


@pytest.fixture(scope="module")
def index(dataset: Dataset) -> RegionIndex:
    return RegionIndex(dataset.regions)


@pytest.mark.parametrize(
    ("typed", "region_id"),
    [
        ("kainuu", "kainuu"),
        ("Kainuu", "kainuu"),
        ("KAINUU", "kainuu"),
        ("Päijät-Häme", "paijat-hame"),
        ("paijat-hame", "paijat-hame"),
        ("Paijat Hame", "paijat-hame"),
        ("Pirkanmaan hyvinvointialue", "pirkanmaa"),
        ("Birkaland", "pirkanmaa"),
        ("North Karelia", "pohjois-karjala"),
        ("Lapland", "lappi"),
        ("Pirha", "pirkanmaa"),
        ("Siun sote", "pohjois-karjala"),
        ("SIUN SOTE", "pohjois-karjala"),
        ("Eksote", "etela-karjala"),
        ("Varha", "varsinais-suomi"),
        ("Southwest Finland", "varsinais-suomi"),
        ("Egentliga Finland", "varsinais-suomi"),
        ("Helsingfors", "helsinki"),
        ("HUS", "hus"),
        ("Åland", "ahvenanmaa"),
        ("ÅHS", "ahvenanmaa"),
        ("  kainuu  ", "kainuu"),
        ("Vantaa–Kerava", "vantaa-kerava"),
    ],
)
def test_names_resolve(index: RegionIndex, typed: str, region_id: str) -> None:
    assert index.resolve(typed).id == region_id


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("kainu", "kainuu"), ("pirkanma", "pirkanmaa"), ("lapi", "lappi"), ("Pirhaa", "pirkanmaa")],
)
def test_typos_are_not_resolved_but_suggested(
    index: RegionIndex, typed: str, suggested: str
) -> None:
    with pytest.raises(NameNotFound) as raised:
        index.resolve(typed)
    assert raised.value.message == f"unknown region {typed!r}"
    assert raised.value.hint is not None and suggested in raised.value.hint


def test_ambiguous_prefix_lists_every_candidate(index: RegionIndex) -> None:
    with pytest.raises(AmbiguousName) as raised:
        index.resolve("pohjois")
    assert (
        raised.value.message
        == "'pohjois' matches 3 regions: pohjois-karjala, pohjois-pohjanmaa, pohjois-savo"
    )


def test_unknown_name_without_near_spelling(index: RegionIndex) -> None:
    with pytest.raises(QueryError) as raised:
        index.resolve("Stockholm")
    assert raised.value.hint == "`digituki list --all` shows every region"


def test_display_keeps_original_spelling(index: RegionIndex) -> None:
    assert index.resolve("paijat hame").short_names.fi == "Päijät-Häme"


def test_control_characters_are_not_echoed(index: RegionIndex) -> None:
    with pytest.raises(QueryError) as raised:
        index.resolve("\x1b[31mred")
    assert "\x1b" not in raised.value.message


def test_same_region_twice_is_shown_once(index: RegionIndex) -> None:
    assert [r.id for r in index.resolve_all(["Pirha", "pirkanmaa"])] == ["pirkanmaa"]


@given(st.text())
def test_fold_never_fails_and_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text(max_size=50))
def test_lookup_of_any_text_resolves_or_raises_usage_error(text: str) -> None:
    from digituki_cli.load import load_dataset
    from digituki_cli.paths import bundled_dataset

    index = RegionIndex(load_dataset(bundled_dataset()).dataset.regions)
    with contextlib.suppress(QueryError):
        index.resolve(text)


# --- municipalities: every one of them, and every name a region shares with one ---

MUNICIPALITIES_CSV = ROOT / "data" / "source" / "statistics-finland" / "municipalities.csv"
COUNTIES_CSV = ROOT / "data" / "source" / "statistics-finland" / "wellbeing_services_counties.csv"


def _classification() -> list[tuple[str, str, str, str]]:
    """(code, Finnish name, Swedish name, region id) of every municipality, from the
    publisher's files: what each municipality must resolve to."""
    with COUNTIES_CSV.open(encoding="utf-8", newline="") as handle:
        region_of = {row["code"]: row["region_id"] for row in csv.DictReader(handle)}
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            (
                row["municipality_code"],
                row["name_fi"],
                row["name_sv"],
                region_of[row["county_code"]],
            )
            for row in csv.DictReader(handle)
        ]


CLASSIFICATION = _classification()


def _variants(name: str) -> set[str]:
    """The ways a person may type a name: case, accents, hyphens and spaces optional, NFD."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return {
        name,
        name.upper(),
        name.lower(),
        unicodedata.normalize("NFD", name),
        plain,
        name.replace("-", " "),
        name.replace("-", "").replace(" ", ""),
        f"  {name}  ",
    }


def test_there_are_308_municipalities() -> None:
    assert len(CLASSIFICATION) == 308


@pytest.mark.parametrize(("code", "fi", "sv", "region_id"), CLASSIFICATION, ids=lambda v: str(v))
def test_every_municipality_resolves_to_its_county(
    index: RegionIndex, code: str, fi: str, sv: str, region_id: str
) -> None:
    for typed in (*_variants(fi), *_variants(sv), code):
        place = index.place(typed)
        assert place.region.id == region_id, typed
        if place.named:  # else a name of the region itself (Helsinki), which wins
            assert [n.municipality.code for n in place.named] == [code], typed


def _region_keys(dataset: Dataset) -> dict[str, str]:
    return {name_key(n): r.id for r in dataset.regions for n in r.all_names()}


def _collisions(dataset: Dataset) -> list[tuple[str, str, str, str]]:
    """Every municipality name (Finnish or Swedish) that is also a region's name or alias,
    or the beginning of one: (name, how, the region it collides with, its own region)."""
    found = []
    regions = _region_keys(dataset)
    for _, fi, sv, region_id in CLASSIFICATION:
        for name in dict.fromkeys((fi, sv)):
            key = name_key(name)
            for region_key, other in regions.items():
                if region_key == key:
                    found.append((name, "same", other, region_id))
                elif region_key.startswith(key):
                    found.append((name, "prefix", other, region_id))
    return list(dict.fromkeys(found))


def test_the_collisions_are_found(dataset: Dataset) -> None:
    """The search below finds what is known to be there (else it proves nothing)."""
    found = {(name, how) for name, how, _, _ in _collisions(dataset)}
    assert {
        ("Helsinki", "same"),
        ("Helsingfors", "same"),
        ("Vantaa", "prefix"),
        ("Vanda", "prefix"),
        ("Kajana", "prefix"),
        ("Birkala", "prefix"),
    } <= found


def test_every_collision_resolves_as_the_classification_says(
    index: RegionIndex, dataset: Dataset
) -> None:
    for name, how, other, own in _collisions(dataset):
        place = index.place(name)
        if how == "same":
            # The region's own name wins; it must be the municipality's own region, or the
            # municipality could not be named at all (the loader refuses that).
            assert (place.region.id, place.named) == (other, ()), name
            assert other == own, name
        elif name_key(name) not in _region_keys(dataset):
            # Exact names resolve, prefixes never do: the municipality, in its own region.
            assert place.region.id == own, name
            assert [n.name for n in place.named] == [name], name


def test_a_region_name_that_begins_a_municipality_name_stays_the_region(
    index: RegionIndex, dataset: Dataset
) -> None:
    regions = _region_keys(dataset)
    for _, fi, sv, region_id in CLASSIFICATION:
        for name in (fi, sv):
            for region_key, other in regions.items():
                if name_key(name).startswith(region_key) and name_key(name) != region_key:
                    assert index.place(name).region.id == region_id, name
                    assert index.place(region_key).region.id == other, region_key


@pytest.mark.parametrize(
    ("typed", "region_id", "named"),
    [
        ("Kajaani", "kainuu", "Kajaani"),
        ("Borgå", "ita-uusimaa", "Borgå"),
        ("borga", "ita-uusimaa", "Borgå"),
        ("Kerava", "vantaa-kerava", "Kerava"),
        ("Mariehamn", "ahvenanmaa", "Mariehamn"),
        ("Maarianhamina", "ahvenanmaa", "Maarianhamina"),
        ("Pedersöre", "pohjanmaa", "Pedersöre"),
        ("Espoo", "lansi-uusimaa", "Espoo"),
        ("Uleåborg", "pohjois-pohjanmaa", "Uleåborg"),
        ("Pertunmaa", "etela-savo", "Pertunmaa"),
        ("205", "kainuu", None),
    ],
)
def test_municipality_names(index: RegionIndex, typed: str, region_id: str, named: str) -> None:
    place = index.place(typed)
    assert place.region.id == region_id
    assert [n.name for n in place.named] == [named]


@pytest.mark.parametrize(
    ("typed", "region_id"),
    [("20", "kainuu"), ("01", "ita-uusimaa"), ("90", "helsinki"), ("91", "ahvenanmaa")],
)
def test_official_region_codes(index: RegionIndex, typed: str, region_id: str) -> None:
    assert index.place(typed) == Place(index.resolve(region_id))


def test_a_merged_municipality_names_the_one_it_joined(index: RegionIndex) -> None:
    [named] = index.place("pertunmaa").named
    assert isinstance(named.municipality, FormerMunicipality)
    assert named.municipality.merged_into == "507"  # Mäntyharju


def test_suggestions_include_municipalities(index: RegionIndex) -> None:
    with pytest.raises(QueryError) as raised:
        index.resolve("Kajani")
    assert raised.value.hint == "did you mean Kajaani?"
    with pytest.raises(QueryError) as raised:
        index.resolve("savo")  # the beginning of a municipality's name: suggested, not guessed
    assert raised.value.hint == "did you mean Savonlinna or Sauvo or Salo?"


def test_a_near_code_is_not_suggested(index: RegionIndex) -> None:
    with pytest.raises(QueryError) as raised:
        index.resolve("999")
    assert raised.value.hint == "`digituki list --all` shows every region"


def test_places_gather_the_municipalities_of_one_region(index: RegionIndex) -> None:
    [kainuu, lappi] = index.places(["Kajaani", "Lappi", "Sotkamo", "kainuu", "Kajana"])
    assert kainuu.region.id == "kainuu" and lappi.region.id == "lappi"
    assert [n.name for n in kainuu.named] == ["Kajaani", "Sotkamo", "Kajana"]
    assert index.resolve_all(["Kajaani", "kainuu"]) == [kainuu.region]


def test_every_completion_resolves(index: RegionIndex) -> None:
    from digituki_cli.completion import completions
    from digituki_cli.paths import bundled_dataset

    path = bundled_dataset()
    offered = completions(str(path), "")
    assert len(offered) > 24 + 308
    for word in offered:
        assert " " not in word  # one shell word
        index.place(word)
    # The shell keeps the words that begin with what was typed: as written, or as the slug.
    assert completions(str(path), "Bor") == ["Borgå", "Borgnäs"]
    assert completions(str(path), "bor") == ["borga", "borgnas"]
    assert completions(str(path), "hameen") == ["hameenlinna", "hameenkyro"]
    assert completions(str(path), "Maa") == ["Maalahti", "Maarianhamina-Mariehamn", "Maarianhamina"]
    assert completions(str(path), "kos") == ["koski-tl", "koskis"]
    assert completions(str(path / "missing.yaml"), "k") == []


@pytest.mark.parametrize("typed", ["[/]", "...", "-", "—", "\x1b", "'"])
def test_a_name_of_punctuation_is_an_unknown_region(index: RegionIndex, typed: str) -> None:
    # The issue: `digituki show '[/]'` answered "no region given".
    with pytest.raises(NameNotFound) as raised:
        index.resolve(typed)
    assert raised.value.message.startswith("unknown region '")
    assert raised.value.hint == "`digituki list --all` shows every region"


@pytest.mark.parametrize("typed", ["", " ", "\t\n"])
def test_nothing_typed_is_no_region_given(index: RegionIndex, typed: str) -> None:
    with pytest.raises(EmptyQuery) as raised:
        index.resolve(typed)
    assert raised.value.message == "no region given"


def test_show_a_name_of_punctuation(
    run_main: Callable[..., tuple[int, str, str]],
) -> None:
    assert run_main("show", "[/]") == (
        2,
        "",
        "Error: unknown region '[/]' (`digituki list --all` shows every region)\n",
    )


def test_a_name_with_no_letter_or_digit_is_a_dataset_error(tmp_path: Path) -> None:
    from digituki_cli.errors import DataError
    from digituki_cli.load import load_path

    from .test_load import _write
    from .test_yaml_meaning import mini_text

    text = mini_text().replace("  interviewed: true\n", "  aliases: ['[/]']\n  interviewed: true\n")
    with pytest.raises(DataError) as raised:
        load_path(_write(tmp_path, text))
    assert str(raised.value).endswith("kainuu: aliases: a name needs a letter or a digit")
