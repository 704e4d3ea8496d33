"""The command line with municipalities, official codes and population figures."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from digituki_cli.paths import bundled_dataset

from .test_cli import DATED

Invoke = Callable[..., tuple[int, str]]
RunMain = Callable[..., tuple[int, str, str]]
SOURCE_LINE = (
    "Source: Statistics Finland (CC BY 4.0): classification of wellbeing services counties and\n"
    "municipalities, 1 January 2025; population on 31 December 2024.\n"
)


def test_show_a_municipality(invoke: Invoke) -> None:
    code, out = invoke("show", "Kajaani")
    assert code == 0
    assert out.startswith(
        "Kajaani (205) belongs to Kainuu.\n\n"
        "Kainuu — Wellbeing Services County of Kainuu\n"
        "Kainuun hyvinvointialue · Kajanalands välfärdsområde · county · report p. 7\n"
        "Code 20 · 69,639 residents on 31 December 2024\n"
        "Municipalities (8): Hyrynsalmi, Kajaani, Kuhmo, Paltamo, Puolanka, Ristijärvi, Sotkamo, "
        "Suomussalmi\n" + SOURCE_LINE + "\nClassification\n"
    )


@pytest.mark.parametrize(
    ("typed", "first_line", "heading"),
    [
        ("Borgå", "Borgå (638) belongs to Eastern Uusimaa.", "Eastern Uusimaa — "),
        (
            "Kerava",
            "Kerava (245) belongs to Vantaa and Kerava, which the report does not describe.",
            "Vantaa and Kerava — ",
        ),
        (
            "Mariehamn",
            "Mariehamn (478) belongs to Åland, which the report does not describe.",
            "Åland — ",
        ),
        ("espoo", "Espoo (049) belongs to Western Uusimaa.", "Western Uusimaa — "),
        (
            "Pertunmaa",
            "Pertunmaa (588) has been part of Mäntyharju since 1 January 2025. Mäntyharju (507) "
            "belongs to South",
            "South Savo — ",
        ),
    ],
)
def test_show_says_which_region_a_municipality_belongs_to(
    invoke: Invoke, typed: str, first_line: str, heading: str
) -> None:
    code, out = invoke("show", typed)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == first_line
    assert next(line for line in lines if "—" in line).startswith(heading)


@pytest.mark.parametrize("typed", ["20", "kainuu", "Kajanaland"])
def test_a_name_of_the_region_says_nothing_of_municipalities(invoke: Invoke, typed: str) -> None:
    _, out = invoke("show", typed)
    assert out.startswith("Kainuu — Wellbeing Services County of Kainuu\n")


def test_helsinki_is_the_city_not_a_municipality_of_it(invoke: Invoke) -> None:
    for typed in ("Helsinki", "091"):
        _, out = invoke("show", typed)
        assert out.startswith("Helsinki — City of Helsinki\n"), typed
        assert "Code 90 · 684,018 residents on 31 December 2024\n" in out
        assert "Municipality (1): Helsinki\n" in out


def test_hus_has_no_code_no_population_no_municipalities(invoke: Invoke) -> None:
    _, out = invoke("show", "hus")
    assert "Code" not in out and "residents" not in out and "Source:" not in out
    _, out = invoke("show", "hus", "--format", "json")
    data = json.loads(out)
    assert (data["code"], data["population"], data["municipalities"]) == (None, None, [])


def test_show_json_and_csv_carry_code_population_and_municipalities(invoke: Invoke) -> None:
    _, out = invoke("show", "Kajaani", "--format", "json")
    data = json.loads(out)
    assert data["code"] == "20"
    assert data["population"] == {"residents": 69639, "date": "2024-12-31", "publisher": None}
    assert [m["names"]["sv"] for m in data["municipalities"]][:2] == ["Hyrynsalmi", "Kajana"]
    _, out = invoke("show", "Kajaani", "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["code"], row["population"], row["population_date"]) == ("20", "69639", "2024-12-31")
    assert row["municipalities"].split(";") == [
        "105",
        "205",
        "290",
        "578",
        "620",
        "697",
        "765",
        "777",
    ]


def test_show_markdown_lists_the_municipalities(invoke: Invoke) -> None:
    _, out = invoke("show", "pohjois-pohjanmaa", "--format", "markdown")
    line = next(line for line in out.splitlines() if line.startswith("Municipalities"))
    assert line.startswith("Municipalities (30): Alavieska, Haapajärvi, ")
    assert line.endswith(", Vaala, Ylivieska")


def test_list_json_and_csv_carry_codes_and_population(invoke: Invoke) -> None:
    _, out = invoke("list", "--all", "--format", "json")
    regions = json.loads(out)
    assert sum(r["population"]["residents"] for r in regions if r["population"]) == 5_635_971
    assert {r["id"]: r["code"] for r in regions}["pirkanmaa"] == "08"
    _, out = invoke("list", "--all", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(int(r["population"]) for r in rows if r["population"]) == 5_635_971
    assert {r["population_date"] for r in rows} == {"2024-12-31", ""}  # HUS: none


def test_gaps_say_how_many_residents(invoke: Invoke) -> None:
    _, out = invoke("gaps", "--kind", "funding-unclear")
    assert out.endswith(
        "5 of 18 interviewed regions: funding or organisation after the project is unclear.\n"
        "  1,033,222 residents, 18.3% of Finland's population\n"
        "Source: Statistics Finland (CC BY 4.0): classification of wellbeing services counties and\n"
        "municipalities, 1 January 2025; population on 31 December 2024 (Åland: ÅSUB).\n" + DATED
    )
    _, out = invoke("gaps", "--kind", "not-interviewed")
    assert (
        "  1,401,401 residents, 24.9% of Finland's population (HUS has no population figure of "
        "its own)\n" in out
    )


def test_gaps_in_finnish_write_numbers_the_finnish_way(run_main: RunMain) -> None:
    code, out, _ = run_main("--lang", "fi", "gaps", "--kind", "funding-unclear")
    assert code == 0
    assert "1\u00a0033\u00a0222" in out and "18,3\u00a0%" in out and "31.12.2024" in out


def test_filter_says_how_many_residents(invoke: Invoke) -> None:
    _, out = invoke("filter", "--funding", "unclear")
    assert "5 regions match\n1,033,222 residents, 18.3% of Finland's population\n" in out
    _, out = invoke("filter", "--funding", "unclear", "--channel", "chat")
    assert out.endswith("0 regions match\n" + DATED)  # no figures for no region


def test_stats_by_population(invoke: Invoke) -> None:
    _, out = invoke("stats", "--by", "funding", "--by-population")
    assert "unclear        ████▉                24.4% The report says" in out
    assert "Shares of the 4,234,570 residents of the 18 interviewed regions.\n" in out
    _, out = invoke("stats", "--by", "funding", "--by-population", "--format", "json")
    unclear = next(row for row in json.loads(out) if row["value"] == "unclear")
    assert (unclear["count"], unclear["residents"], unclear["residents_of"]) == (
        5,
        1_033_222,
        4_234_570,
    )
    assert unclear["population_date"] == "2024-12-31"
    _, out = invoke("stats", "--by", "funding", "--by-population", "--format", "markdown")
    assert "| unclear | 24.4% |" in out


def test_municipalities_in_every_format(invoke: Invoke) -> None:
    _, out = invoke("municipalities")
    assert out.splitlines()[2].split() == [
        "005",
        "Alajärvi",
        "Alajärvi",
        "South",
        "Ostrobothnia",
        "16",
    ]
    assert "308 municipalities in 23 regions\n" in out
    _, out = invoke("municipalities", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 308
    assert rows[0] == {
        "code": "005", "name_fi": "Alajärvi", "name_sv": "Alajärvi", "name_en": "Alajärvi",
        "region": "etela-pohjanmaa", "region_code": "16",
    }  # fmt: skip
    _, out = invoke("municipalities", "--region", "Borgå", "--format", "csv")
    assert out.splitlines()[:2] == [
        "code,name_fi,name_sv,name_en,region,region_code",
        "018,Askola,Askola,Askola,ita-uusimaa,01",
    ]
    _, out = invoke(
        "municipalities", "--region", "kainuu", "--region", "20", "--format", "markdown"
    )
    assert "| 205 | Kajaani | Kajana | Kainuu | 20 |" in out
    assert "\n8 municipalities of Kainuu\n" in out


def test_municipalities_of_a_region_with_a_merger(invoke: Invoke) -> None:
    _, out = invoke("municipalities", "--region", "etela-savo")
    assert "11 municipalities of South Savo\n" in out
    assert "Pertunmaa (588) has been part of Mäntyharju since 1 January 2025." in out


def test_an_unknown_municipality_suggests_the_near_one(run_main: RunMain) -> None:
    code, out, err = run_main("show", "Kajani")
    assert (code, out) == (2, "")
    assert err == "Error: unknown region 'Kajani' (did you mean Kajaani?)\n"


def _without_statistics(tmp_path: Path) -> Path:
    data = yaml.safe_load(bundled_dataset().read_text(encoding="utf-8"))
    del data["statistics"]
    for region in data["regions"]:
        for key in ("code", "population", "municipalities", "former_municipalities"):
            region.pop(key, None)
    path = tmp_path / "counties.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (tmp_path / "source").symlink_to(bundled_dataset().parent / "source")
    return path


def test_a_dataset_without_statistics_shows_no_figures(run_main: RunMain, tmp_path: Path) -> None:
    path = str(_without_statistics(tmp_path))
    code, out, _ = run_main("--data", path, "gaps", "--kind", "funding-unclear")
    assert code == 0 and "residents" not in out and "Source:" not in out
    code, out, err = run_main("--data", path, "stats", "--by-population")
    assert (code, out) == (2, "")
    assert err == "Error: --by-population: the dataset has no population figures\n"
    code, _, err = run_main("--data", path, "show", "Kajaani")
    assert code == 2 and "unknown region 'Kajaani'" in err
