"""The interface in Finnish, Swedish and English: the choice of language, the output of each
language, help and errors, and what stays the same whatever the language (JSON, CSV, codes).
The catalogues themselves are checked in test_catalogues.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from digituki_cli.cli import app
from digituki_cli.i18n import LANGUAGES, LanguageError, _, resolve_language, speaking
from digituki_cli.model import Dataset, Region
from digituki_cli.queries import Criteria, filter_regions, gaps
from digituki_cli.views import NOTE_PREFIX, gap_detail, reason_code, reason_text
from digituki_cli.vocabulary import (
    Channel,
    FundingAfterProject,
    GapKind,
    GeneralSupportLevel,
    Partner,
    ProfessionalDuty,
    Provider,
)

from .catalogue import translations
from .conftest import ROOT, TEST_ENV

# --- the query layer returns structure; views say it in every language ---


def test_conditions_in_every_language_and_as_codes_for_scripts(dataset: Dataset) -> None:
    criteria = [
        Criteria(general_support=True),
        Criteria(general_support=False),
        Criteria(general_support_level=GeneralSupportLevel.LIMITED),
        Criteria(channels=(Channel.EMAIL, Channel.PHONE)),
        Criteria(providers=(Provider.VOLUNTEERS,)),
        Criteria(partners=(Partner.PARISHES,)),
        Criteria(professional_duty=ProfessionalDuty.EXPLICIT),
        Criteria(after_project=FundingAfterProject.UNCLEAR),
        Criteria(project_funded=True, assisted_mandates=True),
        Criteria(plain_language=True),
        Criteria(interviewed=True),
        Criteria(interviewed=False),
    ]
    seen = set()
    for criterion in criteria:
        for match in filter_regions(dataset.regions, criterion):
            for reason in match.reasons:
                seen.add(reason.what)
                with speaking("en"):
                    assert reason_text(reason) == reason_code(reason)
                for lang in ("fi", "sv"):
                    with speaking(lang):
                        assert reason_text(reason) != reason_code(reason)
    assert {"general_support", "channel", "project_funded", "not_interviewed"} <= seen
    assert reason_code(next(iter(filter_regions(dataset.regions, criteria[3])[0].reasons))) == (
        "channel email"
    )


def test_gap_details_in_every_language(dataset: Dataset) -> None:
    report = gaps(dataset.regions)
    assert {g.kind for g in report.gaps} == set(GapKind)
    for gap in report.gaps:
        with speaking("en"):
            english = gap_detail(gap)
        with speaking("fi"):
            assert gap_detail(gap) != english


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
        (None, {"LANGUAGE": "sv", "LANG": "fi_FI.UTF-8"}, "sv"),
        (None, {"LANGUAGE": "de:sv:fi", "LANG": "fi_FI.UTF-8"}, "sv"),
        (None, {"LANGUAGE": "de", "LANG": "fi_FI.UTF-8"}, "fi"),
        (None, {"LANGUAGE": "", "LC_ALL": "sv_FI.UTF-8"}, "sv"),
        (None, {"LANGUAGE": "fi", "DIGITUKI_LANG": "sv"}, "sv"),
        (None, {"LANG": "fil_PH.UTF-8"}, "en"),
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
        for name in ("DIGITUKI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
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
        ((), {"LANGUAGE": "sv", "LANG": "fi_FI.UTF-8"}, "Namn"),
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
    if "--data" not in args:
        code, out, err = run_main("list", *args)  # --lang after the command works the same
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
    assert "fi, sv, en" in result.output


def test_lang_with_no_value_is_a_usage_error(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = run_main("list", "--lang")
    assert (code, out) == (2, "")
    assert err == "Error: --lang needs a value: fi, sv or en\n"


def test_a_bad_language_is_said_in_the_language_of_the_environment(
    run_main: Callable[..., tuple[int, str, str]], locale_env: Callable[..., None]
) -> None:
    locale_env(LANG="fi_FI.UTF-8")
    code, _out, err = run_main("--lang", "de", "list")
    assert code == 2
    assert err == "Virhe: virheellinen arvo valitsimelle '--lang': 'de' (valitse fi, sv, en)\n"


# --- the output in each language ---


def _render(lang: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--lang", lang, *args], env={**TEST_ENV, "COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _interface_text(lang: str, out: str, regions: list[Region]) -> str:
    """The output less what is not the interface's: the report's text (it follows the
    'Report text' heading), its words quoted in a line (“...” or ”...”), the dataset's
    notes, and the regions' names."""
    with speaking(lang):
        out = out.split("\n" + _("Report text") + "\n")[0]
        note = _(NOTE_PREFIX).strip()
    out = re.sub(r"[“”][^“”]*”", "", out)
    out = "\n".join(line for line in out.splitlines() if not line.lstrip().startswith(note))
    names = sorted(
        {n for r in regions for n in (*r.names.all(), *r.short_names.all())}, key=len, reverse=True
    )
    for name in names:
        out = out.replace(name, "")
    return out


def _foreign_texts(lang: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns of the other languages' texts that differ from this language's."""
    for message in translations():
        texts = message.texts
        for other in LANGUAGES:
            text = texts[other].strip()
            literal = re.sub(r"\{\w+(!r)?\}|[^\w]", "", text)
            if other == lang or text == texts[lang] or len(literal) < 3:
                continue
            parts = [re.escape(p) for p in re.split(r"\{\w+(?:!r)?\}", text)]
            yield (
                f"{message.context or ''}|{texts['en']}[{other}]",
                re.compile(_bounded(".+?".join(parts))),
            )


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
    found = [name for name, pattern in _foreign_texts(lang) if pattern.search(text)]
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
    assert "Yhteistyöt · s. 5 · pisteet 4,02" in out
    assert "3 osiota vastaa hakua · haettiin seurakunnissa → seurakunta" in out


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--all"),
        ("show", "kainuu", "lappi"),
        ("filter", "--channel", "email", "--evidence"),
        ("filter", "--any", "--channel", "chat", "--partner", "kela", "--evidence"),
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


def test_the_envelope_is_the_same_in_every_language() -> None:
    english = _render("en", "gaps", "--format", "json", "--envelope")
    assert _render("fi", "gaps", "--format", "json", "--envelope") == english
    assert _render("sv", "gaps", "--format", "json", "--envelope") == english


def test_new_views_in_finnish_and_swedish() -> None:
    fi = _render("fi", "show", "hus")
    assert fi.startswith(
        "HUS — HUS-yhtymä\nRaportti ei kuvaa tätä aluetta; puuttuvista alueista se sanoo vain: "
        "”Kaikkia alueita ei päästy haastattelemaan tavoitteen mukaisesti erinäisistä syistä.” "
        "(Lopuksi, s. 20)\n"
    )
    assert _has_line(fi, "Tunnus hus")
    out = _render("sv", "filter", "--any", "--channel", "chat", "--channel", "phone")
    assert "6 områden uppfyller minst ett villkor" in out
    assert out.endswith(
        "Intervjuer 10–11/2025, rapport 9.12.2025; hur länge uppgifterna gäller är osäkert: "
        "”ei ole varmuutta, kuinka kauan kerätty tieto on ajan tasalla” (s. 20).\n"
    )
    out = _render("fi", "gaps", "--kind", "funding-not-reported")
    assert out.split("\n")[0].split() == ["Alue", "Puute", "Tarkennus", "Lainaus", "raportista"]
    assert "\nLänsi-Uusimaa " in out


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
    assert "Käyttöliittymän kieli: fi, sv tai en, ennen komentoa tai sen jälkeen." in out
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
            ("search", "kirjasto", "--region", "lappi"),
            1,
            "Fel: inga träffar för 'kirjasto' i de valda områdena eller det valda avsnittet",
        ),
        (
            "fi",
            ("show", "--format", "x", "kainuu"),
            2,
            "Virhe: Virheellinen arvo valitsimelle '--format' / '-f': 'x' ei ole mikään näistä: "
            "table, json, csv, markdown, xlsx (katso 'digituki show --help')",
        ),
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


# --- nothing English reaches a Finnish or Swedish user: help and every error path ---

COMMANDS = sorted(getattr(typer.main.get_command(app), "commands", {}))
ERROR_PATHS: list[tuple[str, ...]] = [
    ("show",),
    ("show", "kainu"),
    ("show", "ka"),
    ("show", "qqqqqq"),
    ("show", "kainuu", "--section", "x"),
    ("filter", "--channel", "kirjekyyhky"),
    ("filter", "--chanel", "x"),
    ("filter", "--channel"),
    ("filter", "--project-funded=x"),
    ("nosuch",),
    ("list", "extra"),
    ("search", "x", "-n", "0"),
    ("search", "seurakunat"),
    ("search", "seurakunta", "--region", "kainuu"),
    ("search", '""'),
    ("compare", "kainuu"),
    ("compare", "kainuu", "lappi", "--all"),
    ("export",),
    ("export", "-f", "json", "--map-by", "funding"),
    ("export", "-f", "html", "--map-by", "x"),
    ("export", "-f", "json", "-o", "/nonexistent/dir/x.json"),
    ("export", "-f", "json", "-o", "/"),
    ("gaps", "--kind", "x"),
    ("stats", "--by", "x"),
    ("--data", "/nonexistent.yaml", "list"),
]


def _codes() -> set[str]:
    """What a user types as it is in every language: codes, command and option words."""
    from digituki_cli import vocabulary

    codes = {
        member.value
        for enum in vars(vocabulary).values()
        if isinstance(enum, type) and issubclass(enum, vocabulary.DescribedEnum)
        for member in enum
    }
    from digituki_cli.sources import fields

    fields_typed = set(fields())  # record's and history's FIELD: funding.after_project
    return codes | fields_typed | {"channel", "partner", "funding"}  # --map-by's prefixes


def _english_in(lang: str, text: str) -> list[str]:
    """The English messages found in the text, codes and option values left out."""
    codes = "|".join(re.escape(c) for c in sorted(_codes(), key=len, reverse=True))
    text = re.sub(rf"(?<![\w-])({codes})(?=[:,;)\]|\s]|$)", "", text)
    found = []
    for name, pattern in _foreign_texts(lang):
        context, _bar, rest = name.partition("|")
        if not name.endswith("[en]") or (context and " " not in rest):
            continue  # codebook labels are the codes in English: help lists the codes
        if pattern.search(text):
            found.append(name)
    return found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_in_any_help(lang: str, run_main: Callable[..., tuple[int, str, str]]) -> None:
    for args in [(), *((command,) for command in COMMANDS)]:
        code, out, err = run_main("--lang", lang, *args, "--help")
        assert code == 0, (args, err)
        found = _english_in(lang, out)
        assert not found, (args, found)
        assert "Usage:" not in out and "Options" not in out and "default:" not in out


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("args", ERROR_PATHS, ids=" ".join)
def test_no_english_in_any_error(
    lang: str, args: tuple[str, ...], run_main: Callable[..., tuple[int, str, str]]
) -> None:
    code, _out, err = run_main("--lang", lang, *args)
    assert code in (1, 2), err
    assert err.count("\n") >= 1
    found = _english_in(lang, err)
    assert not found, (err, found)
    with speaking(lang):
        assert err.startswith(_("Error: {message}").split("{")[0]), err


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize(
    "args",
    [
        ("list", "--all"),
        ("show", "kainuu", "helsinki", "--evidence"),
        ("show", "satakunta", "--evidence"),
        ("filter", "--channel", "email", "--evidence"),
        ("filter", "--any", "--channel", "chat", "--channel", "phone", "--evidence"),
        ("compare", "kainuu", "lappi"),
        ("compare", "--all"),
        ("gaps",),
        ("stats",),
        ("stats", "--by", "channels"),
        ("search", "seurakunta"),
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_no_english_in_any_view(
    lang: str, args: tuple[str, ...], fmt: str, dataset: Dataset
) -> None:
    text = _interface_text(lang, _render(lang, *args, "--format", fmt), list(dataset.regions))
    found = _english_in(lang, text)
    assert not found, found


def test_finnish_and_swedish_option_values(run_main: Callable[..., tuple[int, str, str]]) -> None:
    english = run_main("filter", "--channel", "email", "--format", "json")
    for args in (
        ("--lang", "fi", "filter", "--channel", "sähköposti"),
        ("--lang", "fi", "filter", "--channel", "SAHKOPOSTI"),
        ("filter", "--channel", "e-post", "--lang", "sv"),
        ("filter", "--channel", "EMAIL"),
    ):
        assert run_main(*args, "--format", "json") == english, args
    code, out, _err = run_main("--lang", "sv", "filter", "--partner", "bibliotek", "-f", "json")
    assert code == 0 and '"id": "satakunta"' in out
    code, _out, _err = run_main("--lang", "fi", "gaps", "--funding", "epäselvä")
    assert code == 0
    code, _out, _err = run_main("stats", "--by", "general-support")  # old and new spellings
    assert code == 0
    assert run_main("stats", "--by", "general-support") == run_main(
        "stats", "--by", "general_support"
    )


def test_completion_offers_codes_and_labels_of_the_language() -> None:
    from digituki_cli.choices import CodeChoice

    choice = CodeChoice(Channel)
    with speaking("fi"):
        offered = [item.value for item in choice.shell_complete(None, None, "s")]  # type: ignore[arg-type]
    assert offered == ["service-point", "sähköposti", "sovelluksen viestit"]


def test_html_and_markdown_exports_in_the_language(tmp_path: Path) -> None:
    fi = _render("fi", "export", "--format", "html")
    assert fi.startswith('<!DOCTYPE html>\n<html lang="fi">')
    assert "<title>Digituki Suomen hyvinvointialueilla</title>" in fi
    sv = _render("sv", "export", "--format", "markdown")
    assert sv.startswith("# Digitalt stöd i Finlands välfärdsområden\n")
