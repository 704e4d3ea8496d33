"""Every command through CliRunner in every format, and the real entry point's errors."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
import typer

from digituki_cli import __version__
from digituki_cli.cli import app
from digituki_cli.model import Dataset

from .conftest import ROOT

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


# The date of the facts, as every answer ends (views.as_of_text), at the tests' 100 columns.
DATED = (
    "Interviews 10–11/2025, report 9.12.2025; how long the facts hold is uncertain: “ei ole "
    "varmuutta,\nkuinka kauan kerätty tieto on ajan tasalla” (p. 20).\n"
)


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
        "municipalities, 1 January 2025; population on 31 December 2024 (Åland: ÅSUB).\n" + DATED
    )


def test_gaps_csv_exact(invoke: Invoke) -> None:
    code, out = invoke("gaps", "--kind", "funding-not-reported", "--format", "csv")
    assert code == 0
    assert out == (
        "id,name,gap,detail,evidence\n"
        "kymenlaakso,Kymenlaakso,funding-not-reported,funding after the project not reported,\n"
        "lappi,Lappi,funding-not-reported,funding after the project not reported,\n"
        "lansi-uusimaa,Länsi-Uusimaa,funding-not-reported,funding after the project not "
        "reported,\n"
    )


def test_gaps_funding_unclear_summary(invoke: Invoke) -> None:
    _, out = invoke("gaps", "--funding", "unclear")
    assert (
        "5 of 5 interviewed regions: funding or organisation after the project is unclear." in out
    )


def test_gaps_json_shape(invoke: Invoke) -> None:
    _, out = invoke("gaps", "--funding", "unclear", "--format", "json")
    gaps = json.loads(out)
    assert {tuple(g) for g in gaps} == {("id", "name", "gap", "detail", "evidence")}
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


def _command_paths(command: object, path: tuple[str, ...] = ()) -> list[str]:
    """Every registered command by the words that call it, groups' commands too (`sources
    add`)."""
    found = [" ".join(path)] if path else []
    for name, each in sorted(getattr(command, "commands", {}).items()):
        found += _command_paths(each, (*path, name))
    return found


REGISTERED = _command_paths(typer.main.get_command(app))


def test_every_command_is_enumerated() -> None:
    assert {"list", "show", "filter", "compare", "gaps", "search", "stats"} <= set(REGISTERED)
    assert {"sources", "sources add"} <= set(REGISTERED)


@pytest.mark.parametrize("command", REGISTERED)
def test_help_has_examples(run_main: RunMain, command: str) -> None:
    """Every registered command's help, a group's commands' too, has examples of itself, and
    the README a section."""
    code, out, _err = run_main(*command.split(), "--help")
    assert code == 0
    assert f"digituki {command}" in out
    assert "Example" in out
    assert f"digituki {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


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
    assert err == (
        "Error: Invalid value for '--funding': 'maybe' is not one of: regular-budget, unclear, "
        "not-reported (see 'digituki filter --help')\n"
    )


def test_an_alias_error_names_the_option_as_typed(run_main: RunMain) -> None:
    _, _, err = run_main("gaps", "--after-project", "maybe")
    assert err.startswith("Error: Invalid value for '--after-project': 'maybe' is not one of")


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (["filter", "--after-project", "unclear"], ["filter", "--funding", "unclear"]),
        (["gaps", "--after-project", "unclear"], ["gaps", "--funding", "unclear"]),
        (["filter", "--professional-duty", "explicit"], ["filter", "--obligation", "explicit"]),
        (["filter", "--assisted-mandates"], ["filter", "--assisted-authorization"]),
        (["stats", "--by", "general-support"], ["stats", "--by", "general_support"]),
        (["stats", "--by", "professional-duty"], ["stats", "--by", "professional_duty"]),
        (
            ["show", "kainuu", "--section", "organisation-funding"],
            ["show", "kainuu", "--section", "organisation_funding"],
        ),
    ],
    ids=lambda args: " ".join(args),
)
def test_the_model_s_names_and_the_old_ones_give_one_answer(
    invoke: Invoke, new: list[str], old: list[str]
) -> None:
    answer = invoke(*new)
    assert answer[0] == 0 and answer == invoke(*old)


def test_option_values_are_shown_in_kebab_case(run_main: RunMain) -> None:
    _, out, _ = run_main("stats", "--help")
    assert "general-support|funding|professional-duty" in out
    _, _, err = run_main("search", "x", "--section", "nope")
    assert "service-support, general-support, cooperation, organisation-funding" in err


def test_very_long_argument(run_main: RunMain) -> None:
    code, _, err = run_main("show", "x" * 100_000)
    assert code == 2
    assert len(err) < 200


def test_only_global_options_show_the_help(run_main: RunMain) -> None:
    code, out, err = run_main("--lang", "fi")
    assert (code, err) == (0, "")
    assert out.startswith("Käyttö: digituki [VALITSIMET] KOMENTO [ARGUMENTIT]...")
    assert "Kysy, miten Suomen hyvinvointialueet" in out


# --- filter --any: OR, with the evidence of whichever condition matched ---


def test_filter_any_in_every_format(invoke: Invoke) -> None:
    args = ("filter", "--any", "--provider", "volunteers", "--channel", "in-app", "--evidence")
    code, out = invoke(*args)
    assert code == 0
    assert "3 regions meet at least one condition\n" in out
    assert "paijat-hame: why it matches\n\nchannel in-app\n" in out
    assert "provider volunteers" in out.split("paijat-hame: why it matches")[0]
    _, out = invoke(*args, "--format", "json")
    met = {r["id"]: r["match_evidence"] for r in json.loads(out)}
    assert list(met) == ["etela-savo", "keski-pohjanmaa", "paijat-hame"]
    assert [m["condition"] for m in met["paijat-hame"]] == ["channel in-app"]  # only what it met
    assert "voi yhteyttä ottaa palautelomakkeen kautta" in met["paijat-hame"][0]["evidence"]
    _, out = invoke(*args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["matched"]) for r in rows] == [
        ("etela-savo", "provider volunteers"),
        ("keski-pohjanmaa", "provider volunteers"),
        ("paijat-hame", "channel in-app"),
    ]
    assert rows[2]["match_evidence"] == (
        "Päijät-Sote -sovelluksen käytön tuen ohjaus ja neuvonta on kiireetön viestipalvelu "
        "kirjautuneille käyttäjille. / voi yhteyttä ottaa palautelomakkeen kautta"
    )
    _, out = invoke(*args, "--format", "markdown")
    assert "## paijat-hame: why it matches\n\n- **channel in-app**: \n" in out


def test_filter_without_any_still_means_all(invoke: Invoke) -> None:
    _, out = invoke("filter", "--provider", "volunteers", "--channel", "in-app")
    assert "0 regions match\n" in out
    _, out = invoke("filter", "--any", "--channel", "chat", "--channel", "phone", "-f", "json")
    assert len(json.loads(out)) == 6
    _, out = invoke("filter", "--any")  # no condition: every region, as without --any
    assert "\n24 regions match\n" in out


def test_filter_evidence_gives_conditions_that_share_a_quote_one_row(invoke: Invoke) -> None:
    _, out = invoke(
        "filter", "--channel", "phone", "--channel", "email", "--evidence", "-f", "markdown"
    )
    satakunta = out.split("## satakunta: why it matches\n\n")[1]
    assert satakunta.startswith(
        "- **channel phone, channel email**: \n"
        "  > myös puhelimitse, sähköpostitse sekä chat-palveluissa\n"
    )
    # JSON keeps one entry per condition, as scripts read it.
    _, out = invoke(
        "filter", "--channel", "phone", "--channel", "email", "--evidence", "-f", "json"
    )
    [satakunta_json] = [r for r in json.loads(out) if r["id"] == "satakunta"]
    assert [m["condition"] for m in satakunta_json["match_evidence"]] == [
        "channel phone",
        "channel email",
    ]


def test_filter_help_shows_any(invoke: Invoke) -> None:
    _, out = invoke("filter", "--help")
    assert "--any" in out
    assert "at least one condition (OR)" in " ".join(out.split())
    assert "digituki filter --any --channel chat --channel phone --evidence" in out


# --- gaps name the regions ---


def test_gaps_name_the_regions_in_human_formats_and_keep_ids_for_scripts(invoke: Invoke) -> None:
    args = ("gaps", "--kind", "funding-not-reported")
    _, table = invoke(*args)
    assert table.splitlines()[0].split() == ["Region", "Gap", "Detail", "Evidence"]
    assert [line.split("  ")[0] for line in table.splitlines()[2:5]] == [
        "Kymenlaakso",
        "Lapland",
        "Western Uusimaa",
    ]
    assert "lansi-uusimaa" not in table
    _, markdown = invoke(*args, "--format", "markdown")
    assert "| Western Uusimaa | funding-not-reported |" in markdown
    _, out = invoke(*args, "--format", "json")
    assert [(g["id"], g["name"]) for g in json.loads(out)] == [
        ("kymenlaakso", "Kymenlaakso"),
        ("lappi", "Lappi"),
        ("lansi-uusimaa", "Länsi-Uusimaa"),
    ]


# --- a region the report does not describe ---


def test_show_a_region_the_report_does_not_describe(invoke: Invoke) -> None:
    _, out = invoke("show", "helsinki")
    assert out == (
        "Helsinki — City of Helsinki\n"
        "The report does not describe this region; of the missing regions it says only: "
        "“Kaikkia alueita ei\n"
        "päästy haastattelemaan tavoitteen mukaisesti erinäisistä syistä.” (Lopuksi, p. 20)\n"
        "\n"
        "Names  Helsingin kaupunki · Helsingfors stad · City of Helsinki\n"
        "Id     helsinki\n"
        "Kind   city\n"
        "Code 90 · 684,018 residents on 31 December 2024\n"
        "Municipality (1): Helsinki\n"
        "Source: Statistics Finland (CC BY 4.0): classification of wellbeing services counties and\n"
        "municipalities, 1 January 2025; population on 31 December 2024.\n"
        "Note: Helsinki organises its social and health services itself, not as a wellbeing "
        "services county.\n"
        "The report does not mention Helsinki or describe its digital support.\n" + DATED
    )


@pytest.mark.parametrize(
    "region", ["keski-uusimaa", "vantaa-kerava", "etela-pohjanmaa", "helsinki", "hus", "Åland"]
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_no_table_of_unreported_values_for_an_undescribed_region(
    invoke: Invoke, region: str, fmt: str
) -> None:
    _, out = invoke("show", region, "--evidence", "--format", fmt)
    lines = [line.lstrip("# ") for line in out.splitlines() if line.strip()]
    assert lines[1].startswith("The report does not describe this region;")
    assert "Kaikkia alueita ei päästy haastattelemaan" in " ".join(out.split())
    assert "not-reported" not in out and "Classification" not in out


def test_show_region_with_the_section_option_says_nothing_it_does_not_know(invoke: Invoke) -> None:
    _, out = invoke("show", "hus", "--section", "cooperation")
    assert "The report does not describe this region;" in out
    assert "has no section" not in out


# --- one quote, the values it supports ---


def test_show_evidence_gives_a_shared_quote_once_with_the_values_it_supports(
    invoke: Invoke,
) -> None:
    _, out = invoke("show", "satakunta", "--evidence", "--format", "markdown")
    partners = out.split("- **Partners**: municipalities, libraries, education, ngos\n")[1]
    # One sentence names all four partners: once, with no mark (it supports the whole row).
    assert partners.startswith(
        "  > Verkostoyhteistyö kuntien, kirjastojen, Porin kansalaisopiston ja kolmannen "
        "sektorin kanssa\n- **"
    )
    channels = out.split("- **Channels**: ")[1].split("\n- **")[0]
    assert "  > [phone, email, chat] myös puhelimitse, sähköpostitse sekä chat-palveluissa" in (
        channels
    )
    assert channels.count("myös puhelimitse") == 1
    _, table = invoke("show", "satakunta", "--evidence")
    flat = " ".join(table.split())
    assert flat.count("Porin kansalaisopiston ja kolmannen sektorin kanssa”") == 1  # partners
    assert "“[municipalities, libraries] Verkostoyhteistyö kuntien" in flat


def test_classification_marks_only_quotes_that_support_part_of_a_row(dataset: Dataset) -> None:
    from digituki_cli.views import classification

    pairs = {p.label: p for p in classification(dataset.region("satakunta"), group="cooperation")}
    assert pairs["Partners"].quotes == (
        "Verkostoyhteistyö kuntien, kirjastojen, Porin kansalaisopiston ja kolmannen sektorin "
        "kanssa",
    )
    referred = classification(dataset.region("satakunta"), group="general_support")[1]
    assert [q.partition("]")[0] for q in referred.quotes] == [
        "[municipalities, libraries",
        "[education",
        "[ngos",
    ]
    assert referred.note == "[education] Porin kansalaisopisto is an adult education centre."


# --- every answer dated ---

DATED_COMMANDS = [
    ["list"],
    ["show", "kainuu"],
    ["show", "kainuu", "helsinki", "--evidence"],
    ["filter", "--channel", "email"],
    ["filter", "--any", "--channel", "chat", "--channel", "phone", "--evidence"],
    ["filter", "--provider", "students", "--channel", "chat"],  # none matches
    ["compare", "kainuu", "lappi"],
    ["compare", "--all"],
    ["gaps"],
    ["stats"],
    ["stats", "--by", "funding"],
]


@pytest.mark.parametrize("args", DATED_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_every_answer_says_once_when_its_facts_were_true(
    invoke: Invoke, args: list[str], fmt: str
) -> None:
    _, out = invoke(*args, "--format", fmt)
    flat = " ".join(out.split())
    assert flat.endswith(" ".join(DATED.split()))
    assert flat.count("Interviews 10–11/2025") == 1
    assert flat.count("ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla") == 1


@pytest.mark.parametrize("args", DATED_COMMANDS, ids=" ".join)
def test_json_is_unchanged_and_the_envelope_carries_the_date(
    invoke: Invoke, args: list[str]
) -> None:
    _, plain = invoke(*args, "--format", "json")
    assert "as_of" not in plain
    code, out = invoke(*args, "--format", "json", "--envelope")
    assert code == 0
    wrapped = json.loads(out)
    assert list(wrapped) == ["as_of", "data"]
    assert wrapped["data"] == json.loads(plain)
    assert wrapped["as_of"]["interviews"] == "2025-10/2025-11"
    assert wrapped["as_of"]["report"] == "2025-12-09"
    assert wrapped["as_of"]["caveat"]["page"] == 20


def test_csv_has_no_date(invoke: Invoke) -> None:
    _, out = invoke("list", "--format", "csv")
    assert "2025" not in out.splitlines()[0]


def test_envelope_needs_json(run_main: RunMain) -> None:
    code, out, err = run_main("list", "--envelope")
    assert (code, out) == (2, "")
    assert err == "Error: --envelope needs --format json\n"
