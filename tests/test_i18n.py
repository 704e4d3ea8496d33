"""The interface in Finnish, Swedish and English: the catalogue, the choice of language, the
output of each language, and what stays the same whatever the language (JSON, CSV, codes)."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from typer.testing import CliRunner

from digituki_cli import vocabulary
from digituki_cli.cli import app
from digituki_cli.model import Dataset, Region
from digituki_cli.queries import ATTRIBUTES, Criteria, filter_regions, gaps
from digituki_cli.translations import (
    ENUM_DESCRIPTIONS,
    ENUM_LABELS,
    LANGUAGES,
    UI,
    Labels,
    LanguageError,
    resolve_language,
)
from digituki_cli.views import gap_detail, reason_text
from digituki_cli.vocabulary import (
    Channel,
    DescribedEnum,
    FundingAfterProject,
    GeneralSupportLevel,
    Partner,
    ProfessionalDuty,
    Provider,
    StatField,
)

from .conftest import ROOT, TEST_ENV

ENUMS = [
    cls
    for cls in vars(vocabulary).values()
    if isinstance(cls, type) and issubclass(cls, DescribedEnum) and cls is not DescribedEnum
]
# Enums whose members are keys (a section, a field), not values shown in tables: their
# English labels are words, not the codes.
KEY_ENUMS = {"SectionName", "StatField"}
# The same word in both languages, on purpose.
SAME_AS_ENGLISH = {("Channel", "chat", "fi")}
UI_SAME_AS_ENGLISH = {
    ("search.heading", "fi"),
    ("search.heading", "sv"),
    ("value.none", "fi"),
    ("value.none", "sv"),
    ("gaps.col.id", "sv"),
    ("matrix.legend", "fi"),
    ("matrix.legend", "sv"),
}


# --- the catalogue ---


def test_there_are_enums_to_check() -> None:
    assert {cls.__name__ for cls in ENUMS} >= {"Channel", "Partner", "GapKind", "StatField"}


@pytest.mark.parametrize("key", sorted(UI))
def test_every_interface_text_in_all_three_languages(key: str) -> None:
    texts = UI[key]
    assert set(texts) == set(LANGUAGES)
    assert all(isinstance(t, str) and t for t in texts.values())
    fields = {lang: _fields(text) for lang, text in texts.items()}
    assert fields["fi"] == fields["sv"] == fields["en"], fields  # the same {names} to fill in
    for lang in ("fi", "sv"):
        if (key, lang) not in UI_SAME_AS_ENGLISH:
            assert texts[lang] != texts["en"], (key, lang)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
def test_every_enum_member_has_a_label_and_description_in_all_three_languages(
    enum: type[DescribedEnum],
) -> None:
    labels = ENUM_LABELS[enum.__name__]
    descriptions = ENUM_DESCRIPTIONS[enum.__name__]
    codes = {member.value for member in enum}
    assert set(labels) == codes  # no member missing, no stale code
    assert set(descriptions) == codes
    for member in enum:
        label = labels[member.value]
        assert set(label) == set(LANGUAGES), member
        assert all(label[lang] for lang in LANGUAGES), member
        if enum.__name__ not in KEY_ENUMS:
            assert label["en"] == member.value  # English shows the code, as the options take it
        for lang in ("fi", "sv"):
            if (enum.__name__, member.value, lang) not in SAME_AS_ENGLISH:
                assert label[lang] != label["en"], (member, lang)
            assert descriptions[member.value][lang], (member, lang)
            assert Labels(lang).describe(member) == descriptions[member.value][lang]
        assert Labels("en").describe(member) == member.description


def test_labels_for_the_things_views_name() -> None:
    for attribute in ATTRIBUTES:
        assert "attr." + attribute.key in UI
    for field in StatField:
        assert "attr." + field.value in UI
        assert ENUM_LABELS["StatField"][field.value]["en"] == UI["attr." + field.value]["en"]
    for kind in vocabulary.GapKind:
        assert "gap.detail." + kind.value in UI
    for name in ("list", "show", "filter", "compare", "gaps", "export", "search", "stats"):
        assert "help.command." + name in UI


def test_the_catalogue_imports_nothing_heavy() -> None:
    script = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import digituki_cli.translations\n"
        "new = sorted(m for m in set(sys.modules) - before if not m.startswith('digituki_cli'))\n"
        "heavy = [m for m in new if m.split('.')[0] in "
        "('rich', 'pydantic', 'yaml', 'typer', 'click', 'gettext', 'locale', 'jinja2')]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- English is what it was: the translated views say in English what scripts get ---


def test_english_conditions_are_the_conditions_scripts_get(dataset: Dataset) -> None:
    criteria = [
        Criteria(general_support=True),
        Criteria(general_support=False),
        Criteria(general_support_level=GeneralSupportLevel.LIMITED),
        Criteria(channels=(Channel.EMAIL, Channel.PHONE)),
        Criteria(providers=(Provider.VOLUNTEERS,)),
        Criteria(partners=(Partner.PARISHES,)),
        Criteria(obligation=ProfessionalDuty.EXPLICIT),
        Criteria(funding=FundingAfterProject.UNCLEAR),
        Criteria(project_funded=True, assisted_authorization=True),
        Criteria(plain_language=True),
        Criteria(interviewed=True),
        Criteria(interviewed=False),
    ]
    seen = set()
    for criterion in criteria:
        for match in filter_regions(dataset.regions, criterion):
            for reason in match.reasons:
                seen.add(reason.what)
                assert reason_text(reason, Labels("en")) == reason.condition
                for lang in ("fi", "sv"):
                    assert reason_text(reason, Labels(lang)) != reason.condition
    assert {"general_support", "channel", "project_funded", "not_interviewed"} <= seen


def test_english_gap_details_are_the_details_scripts_get(dataset: Dataset) -> None:
    report = gaps(dataset.regions)
    assert {g.kind for g in report.gaps} == set(vocabulary.GapKind)
    for gap in report.gaps:
        assert gap_detail(gap, Labels("en")) == gap.detail
        assert gap_detail(gap, Labels("fi")) != gap.detail


# --- choosing the language ---


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "fi_FI.UTF-8"}, "fi"),
        (None, {"LANG": "sv_FI.UTF-8"}, "sv"),
        (None, {"LANG": "sv_SE"}, "sv"),
        (None, {"LANG": "fi"}, "fi"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LANG": "C"}, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "sv_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "sv"),
        (None, {"LC_ALL": "fi_FI.UTF-8", "LC_MESSAGES": "sv_FI.UTF-8"}, "fi"),
        (None, {"LC_ALL": "C", "LANG": "fi_FI.UTF-8"}, "en"),  # the first one set decides
        (None, {"LC_ALL": "", "LANG": "fi_FI.UTF-8"}, "fi"),  # an empty one is not set
        (None, {"DIGITUKI_LANG": "sv", "LC_ALL": "fi_FI.UTF-8"}, "sv"),
        (None, {"DIGITUKI_LANG": "FI", "LANG": "C"}, "fi"),
        (None, {"DIGITUKI_LANG": "en", "LANG": "fi_FI.UTF-8"}, "en"),
        (None, {"DIGITUKI_LANG": "", "LANG": "sv_FI.UTF-8"}, "sv"),
        ("fi", {"DIGITUKI_LANG": "sv", "LC_ALL": "sv_FI.UTF-8"}, "fi"),
        ("EN", {"DIGITUKI_LANG": "fi"}, "en"),
        ("sv", {}, "sv"),
    ],
)
def test_resolve_language(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_language(option, environ) == expected


@pytest.mark.parametrize(
    ("option", "environ"),
    [
        ("de", {}),
        ("finnish", {}),
        (None, {"DIGITUKI_LANG": "de"}),
        (None, {"DIGITUKI_LANG": "fi_FI"}),
    ],
)
def test_a_language_digituki_does_not_speak(option: str | None, environ: dict[str, str]) -> None:
    with pytest.raises(LanguageError, match="fi, sv, en"):
        resolve_language(option, environ)


@pytest.fixture
def locale_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Set the language variables of the environment, every other one unset."""

    def set_env(**values: str) -> None:
        for name in ("DIGITUKI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
            if name in values:
                monkeypatch.setenv(name, values[name])
            else:
                monkeypatch.delenv(name, raising=False)

    yield set_env


@pytest.mark.parametrize(
    ("args", "environ", "header"),
    [
        ((), {"LANG": "fi_FI.UTF-8"}, "Nimi"),
        ((), {"LC_ALL": "sv_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "Namn"),
        ((), {"LANG": "C.UTF-8"}, "Name"),
        ((), {}, "Name"),
        ((), {"DIGITUKI_LANG": "sv", "LANG": "fi_FI.UTF-8"}, "Namn"),
        (("--lang", "fi"), {"DIGITUKI_LANG": "sv"}, "Nimi"),
        (("--lang=sv",), {"LANG": "fi_FI.UTF-8"}, "Namn"),
        (("--lang", "EN"), {"LANG": "fi_FI.UTF-8"}, "Name"),
        (("--data", str(ROOT / "data" / "counties.yaml"), "--lang", "fi"), {}, "Nimi"),
    ],
)
def test_the_command_line_chooses_the_language(
    run_main: Callable[..., tuple[int, str, str]],
    locale_env: Callable[..., None],
    args: tuple[str, ...],
    environ: dict[str, str],
    header: str,
) -> None:
    locale_env(**environ)
    code, out, err = run_main(*args, "list")
    assert code == 0, err
    assert out.split()[0] == header


def test_bad_language_from_the_environment_is_a_usage_error(
    run_main: Callable[..., tuple[int, str, str]], locale_env: Callable[..., None]
) -> None:
    locale_env(DIGITUKI_LANG="de")
    code, out, err = run_main("list")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("Error: DIGITUKI_LANG='de'")
    assert "fi, sv, en" in err


def test_bad_language_option_is_a_usage_error(
    run_main: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, err = run_main("--lang", "de", "list")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "--lang" in err and "fi, sv, en" in err
    # Through Typer alone (no main()), click's own check gives the same exit status.
    result = CliRunner().invoke(app, ["--lang", "de", "list"], env=TEST_ENV)
    assert result.exit_code == 2
    assert "'fi', 'sv', 'en'" in result.output


# --- the output in each language ---


def _render(lang: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--lang", lang, *args], env={**TEST_ENV, "COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _interface_text(lang: str, out: str, regions: list[Region]) -> str:
    """The output less what is not the interface's: the report's text (it follows the
    'Report text' heading), the dataset's notes (English), and the regions' names."""
    labels = Labels(lang)
    out = out.split("\n" + labels("show.report_text") + "\n")[0]
    note = labels("note")
    out = "\n".join(line for line in out.splitlines() if not line.lstrip().startswith(note))
    names = sorted(
        {n for r in regions for n in (*r.names.all(), *r.short_names.all())}, key=len, reverse=True
    )
    for name in names:
        out = out.replace(name, "")
    return out


def _foreign_labels(lang: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns of the other languages' labels that differ from this language's."""
    for key, texts in UI.items():
        for other in LANGUAGES:
            text = texts[other].strip()
            literal = re.sub(r"\{\w+\}|[^\w]", "", text)
            if other == lang or text == texts[lang] or len(literal) < 3:
                continue
            parts = [re.escape(p) for p in re.split(r"\{\w+\}", text)]
            yield f"{key}[{other}]", re.compile(_bounded(".+?".join(parts)))
    for enum, members in ENUM_LABELS.items():
        for code, label in members.items():
            for other in LANGUAGES:
                text = label[other]
                if other == lang or text == label[lang] or len(text) < 3:
                    continue
                yield f"{enum}.{code}[{other}]", re.compile(_bounded(re.escape(text)))


def _bounded(pattern: str) -> str:
    return r"(?<![\w-])" + pattern + r"(?![\w-])"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "--all"), ("show", "kainuu"), ("show", "hus"), ("stats",)],
    ids=" ".join,
)
def test_no_label_of_another_language(lang: str, args: tuple[str, ...], dataset: Dataset) -> None:
    text = _interface_text(lang, _render(lang, *args), list(dataset.regions))
    found = [name for name, pattern in _foreign_labels(lang) if pattern.search(text)]
    assert not found, found


def test_list_in_finnish_and_swedish(dataset: Dataset) -> None:
    fi = _render("fi", "list", "--all")
    assert fi.split("\n")[0].split() == ["Nimi", "Yleinen", "Rahoitus", "Kanavat", "Kumppanit"]
    assert "24 aluetta, joista 18 haastateltu" in fi
    assert "ei tietoa: aluetta ei haastateltu" in fi
    kainuu = next(line for line in fi.splitlines() if line.startswith("Kainuu "))
    assert kainuu.split("  ")[0] == "Kainuu"
    assert re.search(r"ei tarjota +osana perustoimintaa +jalkautuva tuki", kainuu)
    sv = _render("sv", "list")
    assert sv.split("\n")[0].split() == ["Namn", "Allmänt", "Finansiering", "Kanaler", "Partner"]
    assert re.search(
        r"^Kajanaland +erbjuds inte +i ordinarie verksamhet +uppsökande stöd", sv, re.M
    )
    assert "18 områden, varav 18 intervjuade" in sv
    en = _render("en", "list")
    assert re.search(r"^Lapland +not-offered +not-reported +email", en, re.M)


def _has_line(output: str, line: str) -> bool:
    """Whether the output has the line, however wide its columns are spaced."""
    return any(" ".join(line.split()) == " ".join(out.split()) for out in output.splitlines())


def test_show_in_finnish_and_swedish() -> None:
    fi = _render("fi", "show", "kainuu")
    assert fi.startswith(
        "Kainuu — Kainuun hyvinvointialue\n"
        "Kajanalands välfärdsområde · Wellbeing Services County of Kainuu · "
        "hyvinvointialue · raportin s. 7\n"
    )
    for line in (
        "Luokittelu",
        "Yleinen digituki ei tarjota",
        "Apu Suomi.fi-valtuuksissa kyllä",
        "Selkokieli ei raportoitu",
        "Rahoitus hankkeen jälkeen osana perustoimintaa",
        "Raportin teksti",
        "Raportin teksti on lainattu suomeksi, sellaisena kuin se on julkaistu.",
        "Aineiston huomautukset ovat englanniksi.",
        "Asiointitilanteisiin liittyvä digituki (s. 7)",
    ):
        assert _has_line(fi, line), line
    sv = _render("sv", "show", "Kajanaland")
    assert sv.startswith("Kajanaland — Kajanalands välfärdsområde\n")
    for line in (
        "Klassificering",
        "Allmänt digitalt stöd        erbjuds inte",
        "Finansiering efter projektet  i ordinarie verksamhet",
        "Rapportens text citeras på finska, såsom den publicerats.",
    ):
        assert _has_line(sv, line), line
    en = _render("en", "show", "kainuu")
    assert en.startswith("Kainuu — Wellbeing Services County of Kainuu\n")
    assert "The report's text is quoted in Finnish, as published." in en
    assert "The dataset's notes are in English." not in en  # it goes without saying


def test_stats_in_finnish_and_swedish() -> None:
    fi = _render("fi", "stats")
    for text in ("Yleinen digituki", "Kanavat", "Yhteistyökumppanit", "Tuen antajat"):
        assert text in fi
    assert re.search(r"seurakunnat +█▋ +3/18", fi)
    assert re.search(r"jalkautuva tuki +█+▊ +14/18", fi)
    assert "Määrät suhteessa 18 haastateltuun alueeseen." in fi
    sv = _render("sv", "stats", "--by", "partners")
    assert re.search(r"församlingar +█+▍ +3/18 Församlingar\.", sv)
    assert "Antal områden av de 18 intervjuade." in sv
    md = _render("fi", "stats", "--by", "funding", "--format", "markdown")
    assert "| Rahoitus hankkeen jälkeen | alueita | selite |" in md
    assert "| epäselvä | 5/18 |" in md


def test_other_commands_in_finnish() -> None:
    out = _render("fi", "filter", "--channel", "email", "--funding", "unclear", "--evidence")
    assert "2 aluetta vastaa ehtoja" in out
    assert "kanta-hame: miksi alue vastaa ehtoja" in out
    assert "sähköposti (kanava)" in out
    out = _render("fi", "compare", "kainuu", "lappi")
    assert "≠ merkitsee eroavat ominaisuudet" in out
    out = _render("sv", "gaps", "--kind", "funding-unclear")
    assert "finansiering oklar" in out
    assert "5 av 18 intervjuade områden: finansieringen eller organiseringen" in out
    out = _render("fi", "search", "seurakunnissa")
    assert "Etelä-Karjala (etela-karjala)" in out
    assert "Yhteistyöt · s. 5 · pisteet 3,85" in out
    assert "3 osiota vastaa hakua · haettiin seurakunnissa → seurakunta" in out


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--all"),
        ("show", "kainuu", "lappi"),
        ("filter", "--channel", "email", "--evidence"),
        ("compare", "kainuu", "lappi"),
        ("compare", "--all"),
        ("gaps",),
        ("stats",),
        ("search", "seurakunta"),
    ],
    ids=" ".join,
)
def test_json_and_csv_are_the_same_in_every_language(fmt: str, args: tuple[str, ...]) -> None:
    english = _render("en", *args, "--format", fmt)
    assert _render("fi", *args, "--format", fmt) == english
    assert _render("sv", *args, "--format", fmt) == english


def test_json_keeps_the_english_codes() -> None:
    out = _render("fi", "show", "kainuu", "--format", "json")
    assert '"level": {\n      "value": "not-offered"' in out
    assert "ei tarjota" not in out


# --- help and errors ---


def test_help_in_finnish(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = run_main("--lang", "fi", "--help")
    assert code == 0
    assert "Kysy, miten Suomen hyvinvointialueet antavat asukkailleen digitukea" in out
    assert "Alueen luokittelu ja raportin oma teksti sivunumeroineen." in out
    assert "Käyttöliittymän kieli: fi, sv tai en." in out
    assert "Aineisto: 'Hyvinvointialueiden digituen mallit'" in out
    code, out, _ = run_main("--lang", "fi", "show", "--help")
    assert code == 0
    assert "Alueen luokittelu ja raportin oma teksti sivunumeroineen." in out
    assert "Esimerkkejä:" in out and "Examples:" not in out
    assert "Tulostusmuoto." in out
    code, out, _ = run_main("--lang", "fi", "export", "--help")
    assert code == 0
    assert "Tulostusmuoto." not in out  # export's --format has help of its own


def test_help_in_swedish_from_the_locale(
    run_main: Callable[..., tuple[int, str, str]], locale_env: Callable[..., None]
) -> None:
    locale_env(LANG="sv_FI.UTF-8")
    code, out, _ = run_main("--help")
    assert code == 0
    assert "Fråga hur Finlands välfärdsområden ger sina invånare digitalt stöd" in out


def test_help_in_english_is_unchanged(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = run_main("--help")
    assert code == 0
    assert "Ask how Finland's wellbeing services counties give their residents digital" in out
    assert "A region's classification and the report's own text, with page numbers." in out


@pytest.mark.parametrize(
    ("lang", "args", "code", "message"),
    [
        ("en", ("show", "kainu"), 2, "Error: unknown region 'kainu' (did you mean kainuu?)"),
        ("fi", ("show", "kainu"), 2, "Virhe: tuntematon alue 'kainu' (tarkoititko kainuu?)"),
        ("sv", ("show", "kainu"), 2, "Fel: okänt område 'kainu' (menade du kainuu?)"),
        ("fi", ("compare", "kainuu"), 2, "Virhe: compare tarvitsee vähintään kaksi eri aluetta"),
        (
            "sv",
            ("search", "seurakunat"),
            1,
            "Fel: inga träffar för 'seurakunat' (menade du seurakunnat eller seurakunta eller",
        ),
        ("fi", ("show", "--format", "x", "kainuu"), 2, "Virhe: Invalid value for '--format'"),
    ],
)
def test_errors_in_the_language(
    run_main: Callable[..., tuple[int, str, str]],
    lang: str,
    args: tuple[str, ...],
    code: int,
    message: str,
) -> None:
    got, out, err = run_main("--lang", lang, *args)
    assert got == code
    assert out == ""
    assert err.startswith(message), err
    assert err.count("\n") == 1
