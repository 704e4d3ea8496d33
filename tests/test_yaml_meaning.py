"""The YAML means what a person reading it sees: no key given twice, no YAML 1.1 typing
surprises, and text the same whether saved composed (NFC) or decomposed (NFD)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from digituki_cli.errors import DataError
from digituki_cli.load import load_path
from digituki_cli.model import Dataset
from digituki_cli.text import squash

from .test_load import _bundled_text, _write

RunMain = Callable[..., tuple[int, str, str]]


def mini_text() -> str:
    """A valid dataset of one region (Kainuu), cut from the bundled file."""
    text = _bundled_text()
    head = text[: text.index("regions:\n") + len("regions:\n")]
    region = text[text.index("- id: kainuu\n") : text.index("- id: kanta-hame\n")]
    return head + region


def line_of(text: str, line: str, after: int = 0) -> int:
    """The 1-based number of the first line equal to `line` after line number `after`."""
    lines = text.splitlines()
    return lines.index(line, after) + 1


def _load(tmp_path: Path, text: str) -> Dataset:
    return load_path(_write(tmp_path, text))[0]


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_path(_write(tmp_path, text))
    return [str(p) for p in raised.value.problems]


def test_mini_dataset_is_valid(tmp_path: Path) -> None:
    assert [r.id for r in _load(tmp_path, mini_text()).regions] == ["kainuu"]


# --- keys given twice ---


def test_a_key_given_twice_is_an_error_naming_key_file_and_line(
    run_main: RunMain, tmp_path: Path
) -> None:
    # The example: `page: 7` then `page: 9` validated and showed p. 9.
    text = mini_text().replace("  page: 7\n", "  page: 7\n  page: 9\n", 1)
    path = _write(tmp_path, text, "dup.yaml")
    code, out, err = run_main("validate", str(path))
    first = line_of(text, "  page: 7")
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:{first + 1}:3: kainuu: page: duplicate key 'page' (also on line {first})\n"
        f"{path}: 1 problem\n"
    )
    code, _, err = run_main("--data", str(path), "show", "kainuu")
    assert code == 1
    assert f"dup.yaml:{first + 1}:3: kainuu: page: duplicate key 'page'" in err


def test_every_key_given_twice_in_every_mapping_is_named(tmp_path: Path) -> None:
    text = (
        mini_text()
        .replace("schema_version: 3\n", "schema_version: 3\nschema_version: 3\n", 1)
        .replace("  title: Hyvinvointialueiden", "  file: x\n  title: Hyvinvointialueiden", 1)
        .replace("    fi: Kainuu\n", "    fi: Kainuu\n    fi: Kajaani\n", 1)
        .replace("      page: 8\n", "      page: 8\n      page: 8\n", 1)
        .replace("      value: 'yes'\n", "      value: 'yes'\n      value: 'no'\n", 1)
    )
    problems = _problems(tmp_path, text)
    fields = [p.split(": ")[1:-1] for p in problems]
    assert fields == [
        ["schema_version"],
        ["source.file"],
        ["kainuu", "short_names.fi"],
        ["kainuu", "sections.general_support.page"],
        ["kainuu", "general_support.assisted_authorization.value"],
    ]
    assert all("duplicate key" in p for p in problems)


def test_a_key_given_twice_in_json(tmp_path: Path) -> None:
    text = '{"schema_version": 1, "schema_version": 2}'
    [problem] = _problems(tmp_path, text)
    assert problem.endswith(
        ":1:23: schema_version: duplicate key 'schema_version' (also on line 1)"
    )


# --- every scalar the model reads means what it shows ---


def _page(dataset: Dataset) -> object:
    return dataset.regions[0].page


def _aliases(dataset: Dataset) -> object:
    return dataset.regions[0].aliases


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("  page: 7\n", 7),
        ("  page: 010\n", 10),  # decimal, not octal eight (YAML 1.1)
        ("  page: +7\n", 7),
        ("  page: !!int 010\n", 10),
    ],
)
def test_numbers_are_decimal_whole_numbers(tmp_path: Path, written: str, read: int) -> None:
    text = mini_text().replace("  page: 7\n", written, 1)
    assert _page(_load(tmp_path, text)) == read


@pytest.mark.parametrize(
    "written",
    ["0x7", "0o7", "1:7", "7_0", "7.0", "'7'", "7e0", ".inf", "seven", "!!float 7"],
)
def test_anything_else_where_a_number_belongs_is_an_error(tmp_path: Path, written: str) -> None:
    # YAML 1.1 reads 0x7 as 7, 1:7 as 67 (base 60) and 7_0 as 70; Pydantic's lax mode would
    # read '7' and 7.0 as 7. Each is a problem with its line, never a silent number.
    text = mini_text().replace("  page: 7\n", f"  page: {written}\n", 1)
    [problem] = _problems(tmp_path, text)
    assert f":{line_of(text, f'  page: {written}')}:" in problem
    assert "kainuu: page:" in problem or "float" in problem


def test_a_quoted_number_says_to_drop_the_quotes(tmp_path: Path) -> None:
    text = mini_text().replace("  page: 7\n", "  page: '7'\n", 1)
    [problem] = _problems(tmp_path, text)
    assert problem.endswith(
        "kainuu: page: should be a whole number (in decimal digits, not in quotes)"
    )


@pytest.mark.parametrize(
    "word",
    ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "2025-12-09", "1:30", "0o17", "0x1F",
     "1_000", "3.5", ".inf", ".nan", "Null value", "~x"],
)  # fmt: skip
def test_words_stay_text_where_text_belongs(tmp_path: Path, word: str) -> None:
    # YAML 1.1 reads no as false (the "Norway problem"), 2025-12-09 as a date, 1:30 as 90.
    text = mini_text().replace(
        "  interviewed: true\n", f"  aliases:\n  - {word}\n  interviewed: true\n", 1
    )
    assert _aliases(_load(tmp_path, text)) == (word,)


@pytest.mark.parametrize(
    ("word", "shown"), [("2025", "2025"), ("true", "true"), ("FALSE", "false")]
)
def test_a_number_or_true_where_text_belongs_says_to_quote_it(
    tmp_path: Path, word: str, shown: str
) -> None:
    text = mini_text().replace(
        "  interviewed: true\n", f"  aliases:\n  - {word}\n  interviewed: true\n", 1
    )
    [problem] = _problems(tmp_path, text)
    assert problem.endswith(
        f"kainuu: aliases[0]: should be text (YAML reads {shown} as a number "
        f"or true/false: write '{shown}' for text)"
    )


@pytest.mark.parametrize(("written", "read"), [("true", True), ("True", True), ("FALSE", False)])
def test_booleans_are_true_and_false(tmp_path: Path, written: str, read: bool) -> None:
    text = mini_text().replace("  interviewed: true\n", f"  interviewed: {written}\n", 1)
    if read:
        assert _load(tmp_path, text).regions[0].interviewed is True
    else:  # read as false: Kainuu's sections and values are then errors
        assert "a region not interviewed has no report sections" in _problems(tmp_path, text)[0]


@pytest.mark.parametrize("written", ["yes", "on", "1", "'true'"])
def test_anything_else_where_true_or_false_belongs_is_an_error(
    tmp_path: Path, written: str
) -> None:
    text = mini_text().replace("  interviewed: true\n", f"  interviewed: {written}\n", 1)
    [problem] = _problems(tmp_path, text)
    assert problem.endswith("kainuu: interviewed: should be true or false")


@pytest.mark.parametrize(("written", "read"), [("yes", "yes"), ("'yes'", "yes"), ("no", "no")])
def test_codebook_yes_and_no_are_the_words(tmp_path: Path, written: str, read: str) -> None:
    text = mini_text().replace("      value: 'yes'\n", f"      value: {written}\n", 1)
    region = _load(tmp_path, text).regions[0]
    assert region.general_support.assisted_authorization.value == read


@pytest.mark.parametrize("written", ["null", "~", "", "Null"])
def test_null_is_nothing(tmp_path: Path, written: str) -> None:
    text = mini_text().replace(
        "      value: digitaalisten palveluiden erikoissuunnittelija\n",
        f"      value: {written}\n",
        1,
    )
    problems = _problems(tmp_path, text)  # a value of None is not reported: its quotes are extra
    assert any("a not-reported value has no evidence" in p for p in problems), problems


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2025-12-09", None),
        ("'2025-12-09'", None),
        ("'1765238400'", "a date is written YYYY-MM-DD"),  # Pydantic: a Unix time
        ("1765238400", "should be a date"),
        ("2025-12-09 10:00", "should be a date"),
        ("!!timestamp 2025-12-09", "tag:yaml.org,2002:timestamp"),
    ],
)
def test_the_date_is_written_as_a_date(tmp_path: Path, written: str, message: str | None) -> None:
    text = mini_text().replace("  date: '2025-12-09'\n", f"  date: {written}\n", 1)
    if message is None:
        assert _load(tmp_path, text).source.date.isoformat() == "2025-12-09"
        return
    [problem] = _problems(tmp_path, text)
    assert message in problem
    assert f":{line_of(text, f'  date: {written}')}:" in problem


@pytest.mark.parametrize(
    "tag", ["!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!python/name:os.system"]
)
def test_other_explicit_tags_are_refused(tmp_path: Path, tag: str) -> None:
    text = mini_text().replace(
        "  interviewed: true\n", f"  aliases: {tag}\n  interviewed: true\n", 1
    )
    [problem] = _problems(tmp_path, text)
    assert "could not determine a constructor" in problem


def test_a_merge_key_is_an_ordinary_unknown_key(tmp_path: Path) -> None:
    text = mini_text().replace("  page: 7\n", "  <<: {page: 9}\n  page: 7\n", 1)
    [problem] = _problems(tmp_path, text)
    assert problem.endswith("kainuu: <<: unknown key")


def test_a_number_too_long_for_python_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    text = mini_text().replace("  page: 7\n", "  page: " + "7" * 5000 + "\n", 1)
    [problem] = _problems(tmp_path, text)
    assert "too many digits" in problem


def test_the_bundled_dataset_and_its_json_export_load_the_same(tmp_path: Path) -> None:
    from digituki_cli.export.text import to_json
    from digituki_cli.paths import bundled_dataset

    dataset, _ = load_path(bundled_dataset())
    assert _load(tmp_path, to_json(dataset)) == dataset


# --- composed and decomposed text (NFC and NFD) ---


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_dataset_saved_decomposed_validates_without_warnings(
    run_main: RunMain, tmp_path: Path
) -> None:
    # The issue: 61 false "text no longer occurs in the report's text" warnings.
    path = _write(tmp_path, _nfd(_bundled_text()), "nfd.yaml")
    assert _nfd(_bundled_text()) != _bundled_text()
    code, out, err = run_main("validate", str(path))
    assert (code, err) == (0, "")
    assert out.endswith(": valid (24 regions, 0 warnings)\n")


def test_decomposed_text_is_read_composed(run_main: RunMain, tmp_path: Path) -> None:
    path = _write(tmp_path, _nfd(_bundled_text()), "nfd.yaml")
    code, nfd_json, _ = run_main("--data", str(path), "show", "paijat-hame", "--format", "json")
    assert code == 0
    assert nfd_json == run_main("show", "paijat-hame", "--format", "json")[1]


def test_a_decomposed_quote_is_found_in_composed_text(tmp_path: Path) -> None:
    quote = "      - Digituella ei ole omaa erillistä rahoitusta.\n"
    text = _bundled_text().replace(quote, _nfd(quote), 1)
    assert text != _bundled_text()
    dataset = _load(tmp_path, text)
    funding = dataset.region("etela-karjala").funding.after_project
    assert funding.evidence == ("Digituella ei ole omaa erillistä rahoitusta.",)


@pytest.mark.parametrize(
    "name", ["Päijät-Häme", "Paijat-Hame", "Päijänne-Tavastland", "PÄIJÄT-HÄME"]
)
def test_a_decomposed_name_names_the_same_region(run_main: RunMain, name: str) -> None:
    code, out, _ = run_main("show", _nfd(name), "--format", "json")
    assert code == 0
    assert json.loads(out)["id"] == "paijat-hame"
    code, out, _ = run_main("search", "kirjasto", "--region", _nfd(name), "--format", "json")
    assert code in (0, 1)


def test_squash_composes() -> None:
    assert squash(_nfd("sähkö-\n  posti  ja  ä")) == "sähkö-posti ja ä"
