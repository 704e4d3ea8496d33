"""Codes, municipalities and populations against Statistics Finland's files, as bundled.

The files in data/source/statistics-finland/ are the publisher's, byte for byte (their
SOURCES.md says where each comes from and how it was checked). Every figure and code in
data/counties.yaml, and every sum the commands print, is checked against them here; the
expected values are computed from the files, never from the dataset.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter
from pathlib import Path

import pytest

from digituki_cli.i18n import day, integer, percent, speaking
from digituki_cli.model import Dataset, Region
from digituki_cli.queries import Criteria, filter_regions, gaps, residents
from digituki_cli.stats import stats
from digituki_cli.vocabulary import Channel, FundingAfterProject, GapKind, StatField

from .conftest import ROOT

FILES = ROOT / "data" / "source" / "statistics-finland"
# As downloaded (see SOURCES.md): an edit to a file must be a new download, and a new pin.
SHA256 = {
    "wellbeing_services_counties.csv": "3d2be333139ab264de984722266f2837f9facd15c5b1bb92b9a90d8e0f74b989",
    "municipalities.csv": "c2c268c23be80827377b76650859366c3c936eef02b0f47c676f1d01f58adf04",
    "county_population.csv": "cbfac743019f9e604c59285675d0eecbc27ff851a7af5356079d0c70858505c0",
}
FINLAND_2024 = 5_635_971  # Statistics Finland's published population of Finland, 31.12.2024


def _rows(name: str) -> list[dict[str, str]]:
    with (FILES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


COUNTIES = _rows("wellbeing_services_counties.csv")
MUNICIPALITIES = _rows("municipalities.csv")
POPULATION = {
    row["code"]: int(row["population_2024_12_31"]) for row in _rows("county_population.csv")
}
CODE_OF = {row["region_id"]: row["code"] for row in COUNTIES}  # region id -> county code


def _population_of(ids: list[str]) -> int:
    """Residents of the regions with these ids, from the publisher's file (HUS has none)."""
    return sum(POPULATION[CODE_OF[i]] for i in ids if i in CODE_OF)


@pytest.mark.parametrize("name", sorted(SHA256))
def test_the_bundled_files_are_the_publishers(name: str) -> None:
    assert hashlib.sha256((FILES / name).read_bytes()).hexdigest() == SHA256[name]


def test_the_dataset_names_the_files_and_the_licence(dataset: Dataset) -> None:
    statistics = dataset.statistics
    assert statistics is not None
    assert (ROOT / "data" / statistics.files) == FILES
    assert (statistics.publisher.fi, statistics.publisher.en) == (
        "Tilastokeskus",
        "Statistics Finland",
    )
    assert statistics.licence == "CC BY 4.0"
    assert statistics.classification_date == dt.date(2025, 1, 1)


def test_the_files_agree_with_themselves() -> None:
    """The facts SOURCES.md states, so that a new download that breaks them is noticed."""
    assert len(MUNICIPALITIES) == 308
    assert len({m["municipality_code"] for m in MUNICIPALITIES}) == 308
    per_county = Counter(m["county_code"] for m in MUNICIPALITIES)
    assert {c["code"]: int(c["municipalities"]) for c in COUNTIES} == dict(per_county)
    assert sum(POPULATION.values()) == FINLAND_2024
    assert set(POPULATION) == set(CODE_OF.values())


def test_every_region_has_its_official_code(dataset: Dataset) -> None:
    codes = {r.id: r.code for r in dataset.regions}
    assert codes == {**CODE_OF, "hus": None}  # the HUS Group has no code
    assert codes["kainuu"] == "20"


def test_every_municipality_with_its_codes_and_names(dataset: Dataset) -> None:
    listed = {
        m.code: (m.names.fi, m.names.sv, m.names.en, r.code)
        for r in dataset.regions
        for m in r.municipalities
    }
    expected = {
        m["municipality_code"]: (m["name_fi"], m["name_sv"], m["name_en"], m["county_code"])
        for m in MUNICIPALITIES
    }
    assert listed == expected


def test_every_population_is_the_publishers_figure_of_31_december_2024(dataset: Dataset) -> None:
    figures = {r.code: r.population for r in dataset.regions if r.population}
    assert {code: p.residents for code, p in figures.items()} == POPULATION
    assert {p.date for p in figures.values()} == {dt.date(2024, 12, 31)}
    assert sum(POPULATION.values()) == FINLAND_2024
    publishers = {code: p.publisher.en for code, p in figures.items() if p.publisher}
    assert publishers == {"91": "ÅSUB"}  # SOURCES.md: Åland 2024 from ÅSUB


def test_pertunmaa_was_merged_into_mantyharju(dataset: Dataset) -> None:
    etela_savo = dataset.region("etela-savo")
    [former] = etela_savo.former_municipalities
    assert (former.code, former.names.fi, former.merged_on) == (
        "588",
        "Pertunmaa",
        dt.date(2025, 1, 1),
    )
    merged_into = etela_savo.municipality(former.merged_into)
    assert merged_into is not None and merged_into.names.fi == "Mäntyharju"
    assert "588" not in {m["municipality_code"] for m in MUNICIPALITIES}


# --- the sums the commands print ---


def _with_gap(dataset: Dataset, kind: GapKind) -> list[str]:
    report = gaps(dataset.regions, (kind,))
    return list(dict.fromkeys(g.region.id for g in report.gaps))


def test_funding_unclear_concerns_18_3_percent_of_finland(dataset: Dataset) -> None:
    report = gaps(dataset.regions, (GapKind.FUNDING_UNCLEAR,), statistics=dataset.statistics)
    people = report.residents[GapKind.FUNDING_UNCLEAR]
    ids = ["kanta-hame", "keski-suomi", "pohjanmaa", "pohjois-karjala", "pohjois-savo"]
    assert people.count == _population_of(ids) == 1_033_222
    assert (people.regions, people.total) == (5, FINLAND_2024)
    assert round(100 * people.share, 1) == 18.3
    assert people.attribution.date == dt.date(2024, 12, 31)


@pytest.mark.parametrize("kind", list(GapKind))
def test_gap_residents_are_the_sum_of_the_publishers_figures(
    dataset: Dataset, kind: GapKind
) -> None:
    report = gaps(dataset.regions, statistics=dataset.statistics)
    ids = _with_gap(dataset, kind)
    people = report.residents[kind]
    assert people.count == _population_of(ids)
    assert people.regions == len([i for i in ids if i in CODE_OF])
    assert [r.id for r in people.without_figure] == [i for i in ids if i not in CODE_OF]
    assert people.total == FINLAND_2024


def test_gap_residents_within_a_funding_status(dataset: Dataset) -> None:
    report = gaps(
        dataset.regions, after_project=FundingAfterProject.UNCLEAR, statistics=dataset.statistics
    )
    assert report.residents[GapKind.FUNDING_UNCLEAR].count == 1_033_222
    # Not interviewed: none of them has a funding status, so no one.
    assert report.residents[GapKind.NOT_INTERVIEWED].count == 0


def test_no_residents_without_statistics(dataset: Dataset) -> None:
    assert gaps(dataset.regions).residents == {}
    assert residents(dataset.regions, dataset.regions, None) is None


def test_filter_residents(dataset: Dataset) -> None:
    matches = filter_regions(dataset.regions, Criteria(channels=(Channel.EMAIL,)))
    ids = [m.region.id for m in matches]
    people = residents([m.region for m in matches], dataset.regions, dataset.statistics)
    assert people is not None
    assert people.count == _population_of(ids)
    not_interviewed = [r for r in dataset.regions if not r.interviewed]
    people = residents(not_interviewed, dataset.regions, dataset.statistics)
    assert people is not None
    assert people.count == _population_of([r.id for r in not_interviewed]) == 1_401_401
    assert [r.id for r in people.without_figure] == ["hus"]


def test_each_region_is_counted_once(dataset: Dataset) -> None:
    kainuu = dataset.region("kainuu")
    people = residents([kainuu, kainuu], dataset.regions, dataset.statistics)
    assert people is not None and people.count == POPULATION["20"]


def test_stats_weighs_by_the_publishers_figures(dataset: Dataset) -> None:
    [channels] = stats(dataset.regions, [StatField.CHANNELS])
    interviewed: list[Region] = [r for r in dataset.regions if r.interviewed]
    assert channels.residents == _population_of([r.id for r in interviewed]) == 4_234_570
    for count in channels.counts:
        assert count.residents == _population_of(list(count.regions)), count.value


# --- numbers and dates as each language writes them ---


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("1,033,222", "18.3%", "31 December 2024")),
        ("fi", ("1\u00a0033\u00a0222", "18,3\u00a0%", "31.12.2024")),
        ("sv", ("1\u00a0033\u00a0222", "18,3\u00a0%", "31.12.2024")),
    ],
)
def test_numbers_and_dates_in_each_language(lang: str, expected: tuple[str, str, str]) -> None:
    with speaking(lang):
        shown = (integer(1_033_222), percent(1_033_222 / FINLAND_2024), day(dt.date(2024, 12, 31)))
    assert shown == expected


def test_files_travel_with_the_dataset() -> None:
    assert Path(FILES / "SOURCES.md").read_text(encoding="utf-8").startswith("# Open data")
