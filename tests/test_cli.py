"""Every command through CliRunner in every format, and the real entry point's errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from digituki_cli import __version__

Invoke = Callable[..., tuple[int, str]]
RunMain = Callable[..., tuple[int, str, str]]

COMMANDS = [
    ["list"],
    ["list", "--all"],
    ["show", "kainuu"],
    ["show", "kainuu", "lappi", "--evidence"],
    ["filter", "--channel", "email"],
    ["filter", "--partner", "parishes", "--evidence"],
    ["compare", "kainuu", "lappi"],
    ["compare", "--all"],
    ["gaps"],
    ["gaps", "--funding", "unclear"],
    ["show", "Kajaani", "Pertunmaa"],
    ["municipalities"],
    ["municipalities", "--region", "Borgå"],
    ["stats", "--by-population"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_command_in_every_format(invoke: Invoke, args: list[str], fmt: str) -> None:
    code, out = invoke(*args, "--format", fmt)
    assert code == 0
    assert out.strip()
    if fmt == "json":
        json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(row) for row in rows}) == 1


def test_filter_table_exact(invoke: Invoke) -> None:
    code, out = invoke("filter", "--channel", "in-app")
    assert code == 0
    assert out == (
        "Name         General      Funding         Channels        Partners\n" + "─" * 72 + "\n"
        "Päijät-Häme  not-offered  regular-budget  in-app          municipalities\n"
        "                                          web-guides      ngos\n"
        "                                          printed-guides\n"
        "                                          presentations\n"
        "                                          outreach\n"
        "1 region matches\n"
        "204,635 residents, 3.6% of Finland's population\n"
        "Source: Statistics Finland (CC BY 4.0): classification of wellbeing services counties and\n"
        "municipalities, 1 January 2025; population on 31 December 2024 (Åland: ÅSUB).\n"
    )


def test_gaps_csv_exact(invoke: Invoke) -> None:
    code, out = invoke("gaps", "--kind", "funding-not-reported", "--format", "csv")
    assert code == 0
    assert out == (
        "id,gap,detail,evidence\n"
        "kymenlaakso,funding-not-reported,funding after the project not reported,\n"
        "lappi,funding-not-reported,funding after the project not reported,\n"
        "lansi-uusimaa,funding-not-reported,funding after the project not reported,\n"
    )


def test_gaps_funding_unclear_summary(invoke: Invoke) -> None:
    _, out = invoke("gaps", "--funding", "unclear")
    assert (
        "5 of 5 interviewed regions: funding or organisation after the project is unclear." in out
    )


def test_gaps_json_shape(invoke: Invoke) -> None:
    _, out = invoke("gaps", "--funding", "unclear", "--format", "json")
    gaps = json.loads(out)
    assert {tuple(sorted(g)) for g in gaps} == {("detail", "evidence", "gap", "id")}
    assert sorted({g["id"] for g in gaps if g["gap"] == "funding-unclear"}) == [
        "kanta-hame", "keski-suomi", "pohjanmaa", "pohjois-karjala", "pohjois-savo",
    ]  # fmt: skip


def test_show_json_is_the_dataset_object(invoke: Invoke) -> None:
    _, out = invoke("show", "Kainuu", "--format", "json")
    region = json.loads(out)
    assert region["id"] == "kainuu"
    assert region["general_support"]["level"]["value"] == "not-offered"
    assert "velvollisuus antaa digitukea" in region["sections"]["service_support"]["text"]
    _, out = invoke("show", "kainuu", "lappi", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == ["kainuu", "lappi"]


def test_list_and_filter_json_are_arrays_of_region_objects(invoke: Invoke) -> None:
    _, out = invoke("list", "--format", "json")
    regions = json.loads(out)
    assert len(regions) == 18 and regions[0]["id"] == "etela-karjala"
    _, out = invoke("filter", "--not-interviewed", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == [
        "keski-uusimaa", "vantaa-kerava", "etela-pohjanmaa", "helsinki", "hus", "ahvenanmaa",
    ]  # fmt: skip


def test_csv_joins_sets_with_semicolons_and_keeps_finnish_letters(invoke: Invoke) -> None:
    _, out = invoke("filter", "--channel", "in-app", "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["name"] == "Päijät-Häme"
    assert row["channels"] == "in-app;web-guides;printed-guides;presentations;outreach"


def test_show_evidence_puts_quotes_under_values(invoke: Invoke) -> None:
    _, out = invoke("show", "kanta-hame", "--evidence", "--section", "organisation_funding")
    assert "Hankkeen päätyttyä digituen järjestäminen ja rahoitus on vielä epäselvää." in out
    assert "Digituen organisointi ja rahoitus (p. 9)" in out
    assert "Asiointitilanteisiin" not in out


def test_show_missing_section_says_so(invoke: Invoke) -> None:
    _, out = invoke("show", "kymenlaakso", "--section", "organisation_funding")
    assert "The report has no section 'Digituen organisointi ja rahoitus' for this region." in out


def test_filter_evidence_shows_why(invoke: Invoke) -> None:
    _, out = invoke("filter", "--partner", "parishes", "--evidence", "--format", "markdown")
    assert "## pohjois-karjala: why it matches" in out
    assert "> Yhteistyötahoja ovat kunnat, järjestöt, oppilaitokset ja seurakunnat." in out


def test_compare_marks_differing_rows(invoke: Invoke) -> None:
    _, out = invoke("compare", "kainuu", "lappi")
    assert "≠ Channels" in out
    assert "  General support" in out


def test_a_table_too_wide_for_the_terminal_keeps_every_word_whole() -> None:
    # At 80 columns Rich alone narrowed every column evenly and cropped the widest words
    # ("ICT-palvelut j"); the grid gives each column its longest word at least.
    from typer.testing import CliRunner

    from digituki_cli.cli import app

    from .conftest import TEST_ENV

    runner = CliRunner()
    for columns in ("80", "250"):
        result = runner.invoke(
            app, ["compare", "kainuu", "lappi", "satakunta"], env={**TEST_ENV, "COLUMNS": columns}
        )
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert all(len(line) <= int(columns) for line in lines)
        words = sorted(w for line in lines for w in line.split() if not set(w) <= {"─"})
        if columns == "80":
            narrow = words
    assert narrow == words
    assert "ICT-palvelut" in narrow and "erikoissuunnittelija" in narrow


def test_version(run_main: RunMain) -> None:
    assert run_main("--version") == (0, f"digituki {__version__}\n", "")


@pytest.mark.parametrize(
    "command", ["list", "show", "filter", "compare", "gaps", "validate", "schema"]
)
def test_help_has_examples(invoke: Invoke, command: str) -> None:
    code, out = invoke(command, "--help")
    assert code == 0
    assert f"digituki {command}" in out
    assert "Example" in out


def test_no_arguments_shows_help(run_main: RunMain) -> None:
    code, out, _ = run_main()
    assert code == 0
    assert "Commands" in out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "kainu"], 2, "Error: unknown region 'kainu' (did you mean kainuu?)\n"),
        (
            ["show", "pohjois"],
            2,
            "Error: 'pohjois' matches 3 regions: pohjois-karjala, pohjois-pohjanmaa, pohjois-savo (type more of the name)\n",
        ),
        (["show", ""], 2, "Error: no region given (try `digituki list --all` for every region)\n"),
        (
            ["show", "[bold]x[/]"],
            2,
            "Error: unknown region '[bold]x[/]' (`digituki list --all` shows every region)\n",
        ),
        (
            ["show", "\x1b[31mred"],
            2,
            "Error: unknown region '\\x1b[31mred' (`digituki list --all` shows every region)\n",
        ),
        (
            ["compare", "kainuu"],
            2,
            "Error: compare needs two or more different regions (or use --all)\n",
        ),
        (["compare", "kainuu", "--all"], 2, "Error: give regions or --all, not both\n"),
        (
            ["--data", "/nonexistent/x.yaml", "list"],
            1,
            "Error: /nonexistent/x.yaml: no such file\n",
        ),
    ],
)
def test_errors_are_one_line_with_exit_code(
    run_main: RunMain, args: list[str], code: int, message: str
) -> None:
    assert run_main(*args) == (code, "", message)


@pytest.mark.parametrize(
    "args",
    [
        ["filter", "--channel", "fax"],
        ["list", "--format", "xml"],
        ["gaps", "--kind", "nope"],
        ["bogus"],
        ["show"],
        ["list", "--nope"],
    ],
)
def test_usage_errors_exit_2_with_one_line(run_main: RunMain, args: list[str]) -> None:
    code, out, err = run_main(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_bad_enum_value_lists_the_valid_ones(run_main: RunMain) -> None:
    _, _, err = run_main("filter", "--funding", "maybe")
    assert "'regular-budget', 'unclear', 'not-reported'" in err


def test_very_long_argument(run_main: RunMain) -> None:
    code, _, err = run_main("show", "x" * 100_000)
    assert code == 2
    assert len(err) < 200


def test_only_global_options_show_the_help(run_main: RunMain) -> None:
    code, out, err = run_main("--lang", "fi")
    assert (code, err) == (0, "")
    assert out.startswith("Usage: digituki [OPTIONS] COMMAND [ARGS]...")
    assert "Kysy, miten Suomen hyvinvointialueet" in out
