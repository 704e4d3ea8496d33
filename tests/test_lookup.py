"""Region lookup: any name a person types, to one region or a helpful usage error."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digituki_cli.errors import UsageError
from digituki_cli.lookup import RegionIndex
from digituki_cli.model import Dataset
from digituki_cli.text import fold


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
    with pytest.raises(UsageError) as raised:
        index.resolve(typed)
    assert raised.value.message == f"unknown region {typed!r}"
    assert raised.value.hint is not None and suggested in raised.value.hint
    assert raised.value.exit_code == 2


def test_ambiguous_prefix_lists_every_candidate(index: RegionIndex) -> None:
    with pytest.raises(UsageError) as raised:
        index.resolve("pohjois")
    assert (
        raised.value.message
        == "'pohjois' matches 3 regions: pohjois-karjala, pohjois-pohjanmaa, pohjois-savo"
    )


def test_unknown_name_without_near_spelling(index: RegionIndex) -> None:
    with pytest.raises(UsageError) as raised:
        index.resolve("Stockholm")
    assert raised.value.hint == "`digituki list --all` shows every region"


def test_display_keeps_original_spelling(index: RegionIndex) -> None:
    assert index.resolve("paijat hame").short_names.fi == "Päijät-Häme"


def test_control_characters_are_not_echoed(index: RegionIndex) -> None:
    with pytest.raises(UsageError) as raised:
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
    with contextlib.suppress(UsageError):
        index.resolve(text)


@pytest.mark.parametrize("typed", ["[/]", "...", "-", "—", "\x1b", "'"])
def test_a_name_of_punctuation_is_an_unknown_region(index: RegionIndex, typed: str) -> None:
    # The issue: `digituki show '[/]'` answered "no region given".
    with pytest.raises(UsageError) as raised:
        index.resolve(typed)
    assert raised.value.message.startswith("unknown region '")
    assert raised.value.hint == "`digituki list --all` shows every region"
    assert raised.value.exit_code == 2


@pytest.mark.parametrize("typed", ["", " ", "\t\n"])
def test_nothing_typed_is_no_region_given(index: RegionIndex, typed: str) -> None:
    with pytest.raises(UsageError) as raised:
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
