"""Completion of region ids on any dataset layout the loader accepts, without loading it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from digituki_cli.completion import region_ids
from digituki_cli.load import load_path
from digituki_cli.paths import bundled_dataset

from .test_load import _bundled_text, _write
from .test_process import run
from .test_yaml_meaning import mini_text

BUNDLED_IDS = [r.id for r in load_path(bundled_dataset())[0].regions]


def _indented(text: str) -> str:
    """The regions indented under `regions:` (`  - id: kainuu`), as many editors write."""
    head, _, regions = text.partition("regions:\n")
    return (
        head
        + "regions:\n"
        + "".join(f"  {line}" if line else line for line in regions.splitlines(True))
    )


def _layouts() -> dict[str, str]:
    data = yaml.safe_load(mini_text())
    return {
        "indented": _indented(mini_text()),
        "json export": json.dumps(data, ensure_ascii=False, indent=2),
        "json on one line": json.dumps(data),
        "flow style": yaml.safe_dump(data, default_flow_style=True, allow_unicode=True),
        "id not first": mini_text().replace(
            "- id: kainuu\n  kind: county\n", "- kind: county\n  id: kainuu\n"
        ),
        "id quoted": mini_text().replace("- id: kainuu\n", "- id: 'kainuu'\n"),
        "dash alone": mini_text().replace("- id: kainuu\n", "-\n  id: kainuu\n"),
        "wide dash": _indented(mini_text()).replace("  - id: kainuu\n", "-   id: kainuu\n"),
        "windows lines": mini_text().replace("\n", "\r\n"),
        "comments": mini_text().replace("regions:\n", "regions:  # the regions\n# kainuu:\n"),
        "document start": "---\n" + mini_text(),
        "sorted keys": yaml.safe_dump(data, allow_unicode=True, sort_keys=True),
    }


@pytest.mark.parametrize("layout", list(_layouts()))
def test_every_layout_the_loader_accepts_completes(tmp_path: Path, layout: str) -> None:
    path = _write(tmp_path, _layouts()[layout])
    assert [r.id for r in load_path(path)[0].regions] == ["kainuu"]  # the loader accepts it
    assert region_ids(str(path)) == ["kainuu"]


def test_an_id_inside_a_text_is_not_a_region(tmp_path: Path) -> None:
    text = mini_text().replace(
        "        Kainuun hyvinvointialueen digitukea on kehitetty",
        "        id: fake\n        - id: fake\n\n        Kainuun hyvinvointialueen digitukea on kehitetty",
    )
    path = _write(tmp_path, text)
    assert [r.id for r in load_path(path)[0].regions] == ["kainuu"]
    assert region_ids(str(path)) == ["kainuu"]


def test_the_bundled_dataset_and_its_json_export(tmp_path: Path) -> None:
    from digituki_cli.export.text import to_json

    assert region_ids(None) == BUNDLED_IDS
    exported = _write(tmp_path, to_json(load_path(bundled_dataset())[0]), "counties.json")
    assert region_ids(str(exported)) == BUNDLED_IDS
    assert region_ids(str(_write(tmp_path, _indented(_bundled_text())))) == BUNDLED_IDS


@pytest.mark.parametrize("content", ["", "regions: 1\n", "{not json", "- a\n", b"\xff\xfe"])
def test_a_file_that_is_no_dataset_completes_nothing(tmp_path: Path, content: str | bytes) -> None:
    assert region_ids(str(_write(tmp_path, content))) == []


def test_no_file_or_an_empty_data_option_completes_nothing(tmp_path: Path) -> None:
    assert region_ids(str(tmp_path / "nope.yaml")) == []
    assert region_ids("") == []
    assert region_ids(str(tmp_path)) == []


def _complete(words: str) -> subprocess.CompletedProcess[str]:
    env = {
        "_DIGITUKI_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    return run(env=env)


@pytest.mark.parametrize("layout", ["indented", "json export"])
def test_completion_in_the_shell_on_the_issues_layouts(tmp_path: Path, layout: str) -> None:
    # The issue: with regions indented under `regions:`, or with the JSON export, region
    # completion printed nothing.
    path = _write(tmp_path, _layouts()[layout], "mine.json" if "json" in layout else "mine.yaml")
    result = _complete(f"digituki --data {path} show ka")
    assert (result.returncode, result.stdout.split(), result.stderr) == (0, ["kainuu"], "")


def test_completion_with_an_empty_data_option_is_quiet() -> None:
    result = _complete("digituki --data '' show ka")
    assert (result.returncode, result.stdout.split(), result.stderr) == (0, [], "")
