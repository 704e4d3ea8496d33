"""`digituki stats`: counts checked against counts made here from the YAML, independently."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from digituki_cli.render import bar_text

from .conftest import ROOT

FIELDS = ("general_support", "funding", "professional_duty", "channels", "providers", "partners")


def _interviewed() -> list[dict[str, Any]]:
    data = yaml.safe_load((ROOT / "data" / "counties.yaml").read_text(encoding="utf-8"))
    return [r for r in data["regions"] if r["interviewed"]]


def _values(region: dict[str, Any], field: str) -> list[str]:
    """The field's values as the YAML has them; a missing single value is not-reported."""

    def one(group: str, key: str) -> list[str]:
        return [((region.get(group) or {}).get(key) or {}).get("value", "not-reported")]

    def many(group: str, key: str) -> list[str]:
        return [item["value"] for item in (region.get(group) or {}).get(key, [])]

    return {
        "general_support": lambda: one("general_support", "level"),
        "funding": lambda: one("funding", "after_project"),
        "professional_duty": lambda: one("service_support", "professional_duty"),
        "channels": lambda: many("service_support", "channels"),
        "providers": lambda: many("service_support", "providers"),
        "partners": lambda: many("cooperation", "partners"),
    }[field]()


def _expected_counts(field: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for region in _interviewed():
        counts.update(set(_values(region, field)))
    return counts


def _rows(invoke: Callable[..., tuple[int, str]], *args: str) -> list[dict[str, Any]]:
    code, out = invoke("stats", *args, "--format", "json")
    assert code == 0
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def test_there_are_18_interviewed_regions() -> None:
    assert len(_interviewed()) == 18


@pytest.mark.parametrize("field", FIELDS)
def test_counts_match_counts_made_from_the_yaml(
    invoke: Callable[..., tuple[int, str]], field: str
) -> None:
    rows = [r for r in _rows(invoke) if r["field"] == field]
    expected = _expected_counts(field)
    assert {r["value"]: r["count"] for r in rows if r["count"]} == dict(expected)
    assert all(r["of"] == 18 for r in rows)
    for row in rows:
        holders = [r["id"] for r in _interviewed() if row["value"] in _values(r, field)]
        assert row["regions"] == holders
        assert row["count"] == len(holders)


def test_every_codebook_value_is_listed_even_at_zero(
    invoke: Callable[..., tuple[int, str]],
) -> None:
    rows = _rows(invoke)
    general = [r["value"] for r in rows if r["field"] == "general_support"]
    assert general == ["offered", "limited", "not-offered", "under-review", "not-reported"]
    assert {r["field"] for r in rows} == set(FIELDS)
    assert len([r for r in rows if r["field"] == "channels"]) == 12
    assert len([r for r in rows if r["field"] == "partners"]) == 10


def test_counts_written_out(invoke: Callable[..., tuple[int, str]]) -> None:
    rows = {(r["field"], r["value"]): r for r in _rows(invoke)}
    # The regions whose texts offer help "sähköpostitse" / by e-mail (checked in the report).
    assert rows["channels", "email"]["regions"] == [
        "kanta-hame",
        "lappi",
        "lansi-uusimaa",
        "pohjois-karjala",
        "satakunta",
    ]
    # Cooperation with parishes: the same regions `digituki search seurakunnissa` finds.
    assert rows["partners", "parishes"]["regions"] == [
        "etela-karjala",
        "pohjois-karjala",
        "pohjois-pohjanmaa",
    ]
    assert rows["funding", "unclear"]["regions"] == [
        "kanta-hame",
        "keski-suomi",
        "pohjanmaa",
        "pohjois-karjala",
        "pohjois-savo",
    ]
    assert rows["providers", "professionals"]["count"] == 18


def test_set_fields_go_from_the_commonest_down(invoke: Callable[..., tuple[int, str]]) -> None:
    for field in ("channels", "providers", "partners"):
        counts = [r["count"] for r in _rows(invoke, "--by", field)]
        assert counts == sorted(counts, reverse=True)


def test_overview_chart_writes_the_numbers_out(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("stats")
    assert code == 0
    lines = out.splitlines()
    email = next(line for line in lines if " email " in line)
    assert "5/18" in email
    for title in ("General support", "Funding after project", "Professional duty"):
        assert title in out
    for title in ("Channels", "Providers", "Partners"):
        assert title in out
    # The charts and their caption fit one screen; the date of the facts follows in two lines.
    caption = lines.index("Regions out of the 18 interviewed.")
    assert caption < 25
    assert lines[caption + 1].startswith("Interviews 10–11/2025, report 9.12.2025;")
    assert len(lines) == caption + 3
    assert max(len(line.rstrip()) for line in lines[: caption + 1]) <= 80


def test_by_field_shows_one_chart_with_meanings(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("stats", "--by", "channels")
    assert code == 0
    assert "Channels" in out
    assert "Partners" not in out
    assert "Help by e-mail." in out
    email = next(line for line in out.splitlines() if line.startswith("email "))
    assert "5/18" in email
    assert bar_text(5, 18, 20) in email
    assert [r["field"] for r in _rows(invoke, "--by", "channels")] == ["channels"] * 12


def test_bars_are_proportional() -> None:
    assert bar_text(18, 18, 10) == "█" * 10
    assert bar_text(9, 18, 10) == "█" * 5
    assert bar_text(0, 18, 10) == ""
    assert bar_text(1, 18, 10) == "▌"  # 10/18 of a cell, in eighths
    assert bar_text(1, 0, 10) == ""


def test_csv_and_markdown(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("stats", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["field", "value", "count", "of", "regions"]
    email = next(r for r in rows if r["value"] == "email")
    assert (email["count"], email["of"]) == ("5", "18")
    assert email["regions"] == "kanta-hame;lappi;lansi-uusimaa;pohjois-karjala;satakunta"
    code, out = invoke("stats", "--by", "funding", "--format", "markdown")
    assert code == 0
    assert "| Funding after project | regions | meaning |" in out
    assert "| unclear | 5/18 |" in out


def test_unknown_field_is_a_usage_error(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = run_main("stats", "--by", "colour")
    assert code == 2
    assert out == ""
    assert err.startswith("Error: ")
    assert err.count("\n") == 1
