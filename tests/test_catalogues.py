"""The gettext catalogues: up to date with the code (Babel), complete, and well-formed."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from digituki_cli import vocabulary
from digituki_cli.i18n import describe, label, speaking
from digituki_cli.vocabulary import DescribedEnum

from .catalogue import translations
from .conftest import script

ROOT = Path(__file__).resolve().parent.parent
ENUMS = [
    cls
    for cls in vars(vocabulary).values()
    if isinstance(cls, type) and issubclass(cls, DescribedEnum) and cls is not DescribedEnum
]
# The same word in the language as in English, on purpose.
SAME_AS_ENGLISH = {
    ("Channel", "chat", "fi"),
    ("Partner", "kela", "fi"),
    ("Partner", "dvv", "fi"),
}


def _script() -> object:
    return script("update_catalogues")


def test_the_catalogues_are_up_to_date_and_complete() -> None:
    """What `scripts/update_catalogues.py --check` says: no file would change, nothing is
    untranslated or fuzzy."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_catalogues.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@pytest.mark.parametrize(
    "message", translations(), ids=lambda m: (m.context or "") + "|" + m.texts["en"][:40]
)
def test_every_message_in_both_languages_with_the_same_fields(message: object) -> None:
    texts = message.texts  # type: ignore[attr-defined]
    assert texts.get("fi") and texts.get("sv"), texts
    assert _fields(texts["fi"]) == _fields(texts["en"]) == _fields(texts["sv"]), texts


@pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
def test_every_codebook_value_has_a_label_and_description(enum: type[DescribedEnum]) -> None:
    for member in enum:
        with speaking("en"):
            assert label(member) == member.value  # English shows the code, as options take it
            assert describe(member) == member.description
        for lang in ("fi", "sv"):
            with speaking(lang):
                if (enum.__name__, member.value, lang) not in SAME_AS_ENGLISH:
                    assert label(member) != member.value, (member, lang)
                assert describe(member) != member.description, (member, lang)


def test_labels_of_one_codebook_are_distinct() -> None:
    for enum in ENUMS:
        for lang in ("fi", "sv"):
            with speaking(lang):
                labels = [label(m) for m in enum]
            assert len(set(labels)) == len(labels), (enum, lang)


def test_gettext_loads_nothing_heavy() -> None:
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import digituki_cli.i18n as i18n\n"
        "i18n.set_language('fi')\n"
        "new = sorted(m for m in set(sys.modules) - before if not m.startswith('digituki_cli'))\n"
        "heavy = [m for m in new if m.split('.')[0] in "
        "('rich', 'pydantic', 'yaml', 'typer', 'click', 'babel', 'jinja2')]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_hand_made_catalogue_is_left() -> None:
    assert not (ROOT / "src" / "digituki_cli" / "translations.py").exists()
    for path in (ROOT / "src" / "digituki_cli").glob("*.py"):
        assert not re.search(r"\bLabels\(", path.read_text(encoding="utf-8")), path
