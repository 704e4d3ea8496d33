"""The loader: safe YAML, every problem named with file, line, region and field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from digituki_cli.errors import DataError
from digituki_cli.load import load_path
from digituki_cli.paths import bundled_dataset


def _bundled_text() -> str:
    return bundled_dataset().read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str | bytes, name: str = "counties.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    # The dataset names its report relative to itself; give the copy one too.
    (tmp_path / "source").mkdir(exist_ok=True)
    report = bundled_dataset().parent / "source" / "hyvinvointialueiden-digituen-mallit.txt"
    (tmp_path / "source" / report.name).write_text(
        report.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_path(path)
    return [str(p) for p in raised.value.problems]


def test_the_bundled_dataset_loads_without_warnings() -> None:
    dataset, warnings = load_path(bundled_dataset())
    assert len(dataset.regions) == 24
    assert warnings == []


def test_a_copy_of_the_bundled_dataset_loads(tmp_path: Path) -> None:
    dataset, _ = load_path(_write(tmp_path, _bundled_text()))
    assert len(dataset.regions) == 24


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "schema_version: 1\nregions: [\n  - id: x\n")
    [problem] = _problems(path)
    assert problem.startswith(f"{path}:")
    assert ":3:" in problem or ":4:" in problem


def test_unknown_key_names_region_field_and_line(tmp_path: Path) -> None:
    text = _bundled_text().replace(
        "  interviewed: true\n  page: 7\n", "  interviewed: true\n  colour: blue\n  page: 7\n", 1
    )
    path = _write(tmp_path, text)
    [problem] = _problems(path)
    line = text.splitlines().index("  colour: blue") + 1
    assert problem == f"{path}:{line}:11: ita-uusimaa: colour: unknown key"


def test_unknown_enum_value_is_named(tmp_path: Path) -> None:
    text = _bundled_text().replace("value: offered", "value: sometimes", 1)
    problems = _problems(_write(tmp_path, text))
    assert len(problems) == 1
    assert "etela-karjala: general_support.level.value:" in problems[0]
    assert "'offered'" in problems[0]


def test_several_errors_are_all_reported(tmp_path: Path) -> None:
    text = (
        _bundled_text()
        .replace("value: offered", "value: sometimes")
        .replace("kind: county", "kind: parish", 2)
    )
    problems = _problems(_write(tmp_path, text))
    assert len(problems) == 4
    assert {p.split(": ")[1] for p in problems} == {"etela-karjala", "etela-savo", "pohjois-savo"}


def test_quote_not_in_the_text_is_named(tmp_path: Path) -> None:
    text = _bundled_text().replace(
        "- Digituella ei ole omaa erillistä rahoitusta.", "- Digituella on runsaasti rahaa."
    )
    [problem] = _problems(_write(tmp_path, text))
    assert "etela-karjala: funding.after_project.evidence[0]: quote not found" in problem


def test_duplicate_id_and_alias_are_named(tmp_path: Path) -> None:
    text = (
        _bundled_text()
        .replace("- id: etela-savo", "- id: etela-karjala")
        .replace("- Eloisa", "- Eksote")
    )
    problems = _problems(_write(tmp_path, text))
    assert any("duplicate id 'etela-karjala'" in p for p in problems)
    assert any("'Eksote' is also a name of 'etela-karjala'" in p for p in problems)


def test_unsafe_tag_is_rejected_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = f"!!python/object/apply:os.system ['touch {marker}']\n"
    [problem] = _problems(_write(tmp_path, text))
    assert "python/object/apply" in problem
    assert not marker.exists()


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    started = time.perf_counter()
    [problem] = _problems(path)
    assert time.perf_counter() - started < 1
    assert "aliases" in problem


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "not empty"),
        ("- 1\n- 2\n", "not list"),
        ("just text\n", "not str"),
    ],
)
def test_wrong_top_level_is_named(tmp_path: Path, content: str, expected: str) -> None:
    [problem] = _problems(_write(tmp_path, content))
    assert "the top level must be a mapping" in problem
    assert expected.replace("not ", "") in problem


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    [problem] = _problems(_write(tmp_path, b"schema_version: 1\nname: \xe4\xf6\n"))
    assert problem.endswith(":2:1: the file is not UTF-8 text")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _problems(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]
    assert _problems(tmp_path) == [f"{tmp_path}: is a directory, not a dataset file"]


def test_unquoted_yes_is_read_as_yes(tmp_path: Path) -> None:
    text = _bundled_text().replace("value: 'yes'", "value: yes", 1)
    assert "value: yes" in text
    dataset, _ = load_path(_write(tmp_path, text))
    assert dataset.region("kainuu").general_support.assisted_authorization.value == "yes"


def test_loader_is_safe_loader() -> None:
    from digituki_cli import load

    assert issubclass(load.safe_loader(), getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("- value: presentations\n", "- value: outreach\n"), "outreach is listed twice"),
        (("schema_version: 3", "schema_version: 7"), "this digituki reads schema version 3, not 7"),
        (("- id: kainuu", "- id: Kainuu!"), "should match the pattern"),
        (("  page: 7\n", "  page: 0\n"), "should be at least 1"),
        (("- Eksote", '- "Eks\\e[31mote\\a"'), "control characters are not allowed"),
        (
            ("      - Digituella ei ole omaa erillistä rahoitusta.\n", "      - Digi\n"),
            "a quote needs at least 5 characters",
        ),
    ],
)
def test_stricter_checks(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = _bundled_text().replace(*change, 1)
    assert text != _bundled_text()
    problems = _problems(_write(tmp_path, text))
    assert any(expected in p for p in problems), problems


def test_evidence_on_a_not_reported_value_is_an_error(tmp_path: Path) -> None:
    text = _bundled_text().replace(
        "id: keski-uusimaa\n",
        "id: keski-uusimaa\n  funding:\n    after_project:\n      value: not-reported\n      evidence: [jotain tekstiä]\n",
        1,
    )
    problems = _problems(_write(tmp_path, text))
    assert any("a not-reported value has no evidence" in p for p in problems), problems


def test_an_empty_dataset_is_an_error(tmp_path: Path) -> None:
    text = _bundled_text()
    text = text[: text.index("regions:")] + "regions: []\n"
    assert any("at least one region" in p for p in _problems(_write(tmp_path, text)))


def test_a_note_without_one_of_its_languages_is_named(tmp_path: Path) -> None:
    text = _bundled_text().replace(
        "        sv: Rapporten nämner en tjänst, inte en enhet.\n", "", 1
    )
    path = _write(tmp_path, text)
    [problem] = _problems(path)
    line = (
        text.splitlines().index("        fi: Raportti nimeää vastuutahoksi viran, ei yksikköä.") + 1
    )
    assert (
        problem
        == f"{path}:{line}:9: kainuu: funding.responsible_unit.note.sv: a required field is missing"
    )


def test_a_note_in_one_language_only_is_an_error(tmp_path: Path) -> None:
    # The notes of schema version 1 were English strings.
    text = _bundled_text().replace(
        "      note:\n        fi: Raportti nimeää vastuutahoksi viran, ei yksikköä.\n"
        "        sv: Rapporten nämner en tjänst, inte en enhet.\n"
        "        en: The report names a post, not a unit.\n",
        "      note: The report names a post, not a unit.\n",
        1,
    )
    [problem] = _problems(_write(tmp_path, text))
    assert "kainuu: funding.responsible_unit.note:" in problem


# --- the statistics: codes, municipalities, populations ---


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_an_unquoted_code_says_to_quote_it(tmp_path: Path) -> None:
    text = _bundled_text().replace("  code: '20'\n", "  code: 20\n", 1)
    path = _write(tmp_path, text)
    assert _problems(path) == [
        f"{path}:{_line_of(text, 'code: 20')}:9: kainuu: code: a code is text with its "
        "leading zeros: quote it ('05')"
    ]


def test_statistics_problems_are_located(tmp_path: Path) -> None:
    kajaani = "{code: '205', names: {fi: Kajaani, sv: Kajana, en: Kajaani}}"
    text = (
        _bundled_text()
        # Sotkamo given Kajaani's code, Kuhmo given a region's name, Pertunmaa merged
        # into a municipality of another region, Lappi's figure of another day.
        .replace("{code: '765', names: {fi: Sotkamo,", "{code: '205', names: {fi: Sotkamo,")
        .replace("{fi: Kuhmo, sv: Kuhmo, en: Kuhmo}", "{fi: Kuhmo, sv: Lappland, en: Kuhmo}")
        .replace("merged_into: '507'", "merged_into: '205'")
        .replace(
            "{residents: 176151, date: '2024-12-31'}", "{residents: 176151, date: '2025-12-31'}"
        )
    )
    path = _write(tmp_path, text)
    assert kajaani in text
    assert _problems(path) == [
        f"{path}:{_line_of(text, 'merged_into')}:86: etela-savo: former_municipalities[0]."
        "merged_into: 205 is not a municipality of 'etela-savo'",
        f"{path}:{_line_of(text, 'sv: Lappland, en: Kuhmo')}:26: kainuu: municipalities[2].names: "
        "name 'Lappland' is also a name of the region 'lappi'",
        f"{path}:{_line_of(text, 'fi: Sotkamo')}:12: kainuu: municipalities[6].code: "
        "municipality code 205 is already listed in 'kainuu'",
        f"{path}:{_line_of(text, 'residents: 176151')}:41: lappi: population.date: every "
        "population must be of one day (2024-12-31): sums and shares need it",
    ]


def test_regions_with_figures_need_the_statistics_block(tmp_path: Path) -> None:
    text = _bundled_text()
    start, end = text.index("statistics:\n"), text.index("regions:\n")
    path = _write(tmp_path, text[:start] + text[end:])
    [problem] = _problems(path)
    assert problem.endswith(
        "statistics: regions carry codes, populations or municipalities: `statistics` must "
        "say where they come from"
    )


def test_a_municipality_may_share_a_name_only_with_its_own_region(tmp_path: Path) -> None:
    # Helsinki, the municipality, is named as Helsinki, the region: that is allowed.
    dataset, _ = load_path(_write(tmp_path, _bundled_text()))
    [helsinki] = dataset.region("helsinki").municipalities
    assert helsinki.names.fi == dataset.region("helsinki").short_names.fi == "Helsinki"
