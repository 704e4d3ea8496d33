"""validate, schema, --data, and hostile input through the real entry point."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from digituki_cli.model import Channel, FundingAfterProject, Partner, Region, to_jsonable
from digituki_cli.paths import bundled_dataset

from .test_load import _bundled_text, _write

RunMain = Callable[..., tuple[int, str, str]]
Invoke = Callable[..., tuple[int, str]]


def test_validate_bundled(run_main: RunMain) -> None:
    code, out, err = run_main("validate")
    assert code == 0
    assert out.endswith(": valid (24 regions, 0 warnings)\n")
    assert err == ""


def test_validate_lists_every_problem_with_location(run_main: RunMain, tmp_path: Path) -> None:
    text = (
        _bundled_text()
        .replace("value: offered", "value: sometimes")
        .replace("kind: county", "kind: parish", 1)
    )
    path = _write(tmp_path, text)
    code, out, err = run_main("validate", str(path))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 4
    assert lines[-1] == f"{path}: 3 problems"
    line_of_kind = text.splitlines().index("  kind: parish") + 1
    assert (
        lines[0]
        == f"{path}:{line_of_kind}:9: etela-karjala: kind: should be one of: 'county', 'city', 'joint-authority', 'autonomous-region'"
    )


def test_validate_warns_about_text_that_left_the_report(run_main: RunMain, tmp_path: Path) -> None:
    text = _bundled_text().replace(
        "Digituella ei ole omaa erillistä rahoitusta.",
        "Digituella ei ole omaa erillistä rahoitusta. Uusi lause.",
        1,
    )
    code, out, err = run_main("validate", str(_write(tmp_path, text)))
    assert code == 0
    assert (
        "warning:" in err
        and "etela-karjala: sections.organisation_funding: text no longer occurs in the report's text"
        in err
    )
    assert "1 warning)" in out


def test_warning_for_a_region_with_nothing_classified(run_main: RunMain, tmp_path: Path) -> None:
    data = yaml.safe_load(_bundled_text())
    kainuu = next(r for r in data["regions"] if r["id"] == "kainuu")
    for group in ("general_support", "service_support", "cooperation", "funding"):
        kainuu.pop(group, None)
    # JSON is YAML too, and keeps codes such as '091' text (PyYAML's dump would not quote them).
    path = _write(tmp_path, json.dumps(data, ensure_ascii=False, indent=1))
    code, _, err = run_main("validate", str(path))
    assert code == 0
    assert "kainuu: every classification is not-reported" in err


def test_schema_validates_the_bundled_dataset(invoke: Invoke) -> None:
    code, out = invoke("schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.validate(yaml.safe_load(bundled_dataset().read_text(encoding="utf-8")), schema)
    channel = schema["$defs"]["Channel"]["oneOf"]
    assert {"const": "outreach", "description": Channel.OUTREACH.description} in channel
    for unstated in (Channel.ADVICE_SERVICE, Channel.GUIDES):  # the medium is not stated
        assert {"const": unstated.value, "description": unstated.description} in channel
    note = schema["$defs"]["Note"]
    assert note["required"] == ["fi", "sv", "en"] and note["additionalProperties"] is False


def test_schema_rejects_what_the_loader_rejects(invoke: Invoke) -> None:
    schema = json.loads(invoke("schema")[1])
    data = yaml.safe_load(_bundled_text().replace("value: offered", "value: sometimes", 1))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_data_option_and_environment_variable(
    run_main: RunMain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, _bundled_text().replace("- Eksote", "- Eksote\n  - Testinimi"))
    assert run_main("--data", str(path), "show", "Testinimi", "--format", "json")[0] == 0
    monkeypatch.setenv("DIGITUKI_DATA", str(path))
    code, out, _ = run_main("show", "Testinimi", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "etela-karjala"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("regions: [\n", "did not find expected node content"),
        ("!!python/object/apply:os.system ['echo pwned']\n", "python/object/apply"),
        ("a: &a [1]\nb: *a\n", "aliases"),
        ("", "the top level must be a mapping"),
    ],
)
def test_hostile_files_through_the_cli(
    run_main: RunMain, tmp_path: Path, content: str, expected: str
) -> None:
    code, out, err = run_main("--data", str(_write(tmp_path, content)), "list")
    assert code == 1
    assert out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1
    assert expected in err
    assert "Traceback" not in err


def test_enormous_file_is_refused_before_reading(run_main: RunMain, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(257 * 1024 * 1024)  # sparse: costs no disk
    code, _, err = run_main("--data", str(path), "list")
    assert code == 1
    assert "a dataset file may be at most 256 MiB" in err


def test_directory_and_non_utf8_through_the_cli(run_main: RunMain, tmp_path: Path) -> None:
    assert (
        run_main("--data", str(tmp_path), "list")[2]
        == f"Error: {tmp_path}: is a directory, not a dataset file\n"
    )
    bad = _write(tmp_path, b"regions: \xff\n")
    assert (
        run_main("--data", str(bad), "list")[2] == f"Error: {bad}:1:1: the file is not UTF-8 text\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(run_main: RunMain, tmp_path: Path) -> None:
    path = _write(tmp_path, _bundled_text())
    path.chmod(0)
    assert run_main("--data", str(path), "list")[2] == f"Error: {path}: permission denied\n"


@settings(max_examples=40, deadline=None)
@given(
    channels=st.lists(st.sampled_from([c.value for c in Channel]), max_size=2),
    partners=st.lists(st.sampled_from([p.value for p in Partner]), max_size=2),
    funding=st.none() | st.sampled_from([f.value for f in FundingAfterProject]),
)
def test_json_output_always_parses_and_round_trips(
    channels: list[str], partners: list[str], funding: str | None
) -> None:
    from pydantic import TypeAdapter
    from typer.testing import CliRunner

    from digituki_cli.cli import app

    region_adapter = TypeAdapter(Region)
    args = ["filter", "--format", "json"]
    args += [a for c in channels for a in ("--channel", c)]
    args += [a for p in partners for a in ("--partner", p)]
    args += ["--funding", funding] if funding else []
    result = CliRunner().invoke(app, args, env={"DIGITUKI_DATA": None})
    assert result.exit_code == 0
    for region in json.loads(result.stdout):
        assert to_jsonable(region_adapter.validate_python(region)) == region


def test_validate_follows_data_option_and_environment(
    run_main: RunMain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = _write(tmp_path, "regions: 1\n")
    code, _, err = run_main("--data", str(bad), "validate")
    assert code == 1 and str(bad) in err
    monkeypatch.setenv("DIGITUKI_DATA", str(bad))
    assert run_main("validate")[0] == 1
