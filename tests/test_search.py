"""`digituki search`: any form of a Finnish word finds every form of it in the report.

Each expected set of sections is written out, and checked against the report's section
texts with a plain regular expression, independently of the search code.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from digituki_cli.errors import DigitukiError
from digituki_cli.finnish import StemIndex, words
from digituki_cli.model import Dataset, Names, Region, RegionKind, Section, SectionName, Sections
from digituki_cli.paths import bundled_dataset
from digituki_cli.render import Snippet, _to_rich
from digituki_cli.search import (
    Entry,
    WordIndex,
    index_path,
    load_index,
    parse_query,
    search,
)

from .conftest import ROOT

INDEX_FILE = ROOT / "data" / "search-index.json"


@pytest.fixture(scope="module")
def index() -> WordIndex:
    return load_index(index_path(bundled_dataset()))


def _raw_sections() -> list[tuple[str, str, str]]:
    """(region id, section, text) straight from the YAML, without the package's models."""
    data = yaml.safe_load((ROOT / "data" / "counties.yaml").read_text(encoding="utf-8"))
    return [
        (region["id"], name, section["text"])
        for region in data["regions"]
        for name, section in (region.get("sections") or {}).items()
    ]


def _grep(pattern: str) -> set[tuple[str, str]]:
    """The sections whose text matches a regular expression (case-insensitive)."""
    return {(rid, name) for rid, name, text in _raw_sections() if re.search(pattern, text, re.I)}


def _found(dataset: Dataset, index: WordIndex, query: str) -> set[tuple[str, str]]:
    return {(h.region.id, h.section.value) for h in search(dataset.regions, index, query).hits}


# --- the index is current ---


def test_every_word_of_every_section_is_in_the_index(dataset: Dataset, index: WordIndex) -> None:
    texts = [s.text for r in dataset.regions for _, s in r.sections.present()]
    missing = {w for text in texts for w in words(text)} - set(index.entries)
    assert not missing, f"run scripts/build_search_index.py: {sorted(missing)[:10]}"


def test_the_index_has_no_words_the_texts_lack(dataset: Dataset, index: WordIndex) -> None:
    texts = [s.text for r in dataset.regions for _, s in r.sections.present()]
    assert set(index.entries) == {w for text in texts for w in words(text)}


@pytest.mark.skipif(importlib.util.find_spec("pyvoikko") is None, reason="pyvoikko not installed")
def test_regenerating_the_index_gives_the_committed_file() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_search_index", ROOT / "scripts" / "build_search_index.py"
    )
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = builder  # dataclasses look their module up there
    try:
        spec.loader.exec_module(builder)
        text = builder.dumps(builder.build())
    finally:
        del sys.modules[spec.name]
    assert text == INDEX_FILE.read_text(encoding="utf-8")


def test_the_index_records_its_analyser() -> None:
    raw = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    assert raw["analyser"].startswith("pyvoikko ")
    assert raw["words"]["seurakuntien"] == {"lemmas": ["seurakunta"], "parts": ["kunta", "seura"]}


# --- the examples ---


def test_seurakunnissa_finds_seurakuntien_and_seurakunnat(
    dataset: Dataset, index: WordIndex
) -> None:
    assert "seurakunnissa" not in index.entries  # a form the report never uses
    expected = {
        ("etela-karjala", "cooperation"),
        ("pohjois-karjala", "cooperation"),
        ("pohjois-pohjanmaa", "cooperation"),
    }
    assert _grep(r"seurakun") == expected
    assert _found(dataset, index, "seurakunnissa") == expected
    snippets = " ".join(h.snippet for h in search(dataset.regions, index, "seurakunnissa").hits)
    assert "seurakuntien" in snippets
    assert "seurakunnat" in snippets


def test_valtuutus_finds_compounds_and_other_forms(dataset: Dataset, index: WordIndex) -> None:
    expected = {
        ("kainuu", "general_support"),  # Suomi.fi-valtuutuksien
        ("kainuu", "service_support"),  # avustetun valtuutuksen
        ("lappi", "general_support"),  # valtuutus avustetusti
        ("pirkanmaa", "general_support"),  # avustetun Suomi.fi-valtuutuksen
    }
    assert _grep(r"valtuut") == expected
    assert _found(dataset, index, "valtuutus") == expected
    snippets = " ".join(h.snippet for h in search(dataset.regions, index, "valtuutus").hits)
    for form in ("Suomi.fi-valtuutuksien", "avustetun valtuutuksen", "valtuutus avustetusti"):
        assert form in snippets


def test_puhelin_finds_puhelimitse_puhelimen_puhelimessa(
    dataset: Dataset, index: WordIndex
) -> None:
    expected = {
        ("kanta-hame", "service_support"),
        ("keski-pohjanmaa", "service_support"),
        ("lappi", "service_support"),
        ("lansi-uusimaa", "service_support"),
        ("satakunta", "service_support"),
    }
    assert _grep(r"puhel") == expected
    assert _found(dataset, index, "puhelin") == expected
    snippets = " ".join(h.snippet for h in search(dataset.regions, index, "puhelin").hits)
    for form in ("puhelimitse", "puhelimen välityksellä", "puhelimessa"):
        assert form in snippets


def test_kirjasto_finds_kirjastojen_and_kirjastot(dataset: Dataset, index: WordIndex) -> None:
    expected = {
        ("etela-karjala", "cooperation"),
        ("kanta-hame", "general_support"),
        ("pohjois-savo", "general_support"),
        ("satakunta", "general_support"),
        ("varsinais-suomi", "general_support"),
    }
    assert _grep(r"kirjasto") == expected
    assert _found(dataset, index, "kirjasto") == expected


def test_chat_finds_chat_palveluissa(dataset: Dataset, index: WordIndex) -> None:
    expected = {
        ("keski-pohjanmaa", "service_support"),
        ("lansi-uusimaa", "service_support"),
        ("satakunta", "service_support"),
    }
    assert _grep(r"chat") == expected
    assert _found(dataset, index, "chat") == expected
    hits = search(dataset.regions, index, "chat").hits
    assert any("chat-palveluissa" in h.snippet for h in hits)


def test_sahkoposti_without_dots_finds_sahkoposti(dataset: Dataset, index: WordIndex) -> None:
    expected = {
        ("kanta-hame", "service_support"),
        ("lappi", "service_support"),
        ("lansi-uusimaa", "service_support"),
        ("pohjois-karjala", "service_support"),  # yhteissähköpostiosoite: a compound part
        ("satakunta", "service_support"),
    }
    assert _grep(r"sähköpost") == expected
    assert _found(dataset, index, "sahkoposti") == expected
    assert _found(dataset, index, "sähköposti") == expected
    folded = search(dataset.regions, index, "sahkoposti").hits
    assert all(h.exact == 0 and h.matched == 1 for h in folded)


def _region(region_id: str, text: str) -> Region:
    names = Names(fi=region_id, sv=region_id, en=region_id)
    return Region(
        id=region_id,
        kind=RegionKind.COUNTY,
        names=names,
        short_names=names,
        interviewed=True,
        page=1,
        sections=Sections(cooperation=Section(heading="Yhteistyöt", page=1, text=text)),
    )


def test_exact_letters_rank_before_folded_ones() -> None:
    # "sahkoposti" matches the folded word in a short text, which BM25 alone would rank
    # first; the exact spelling in a longer text still comes first.
    folded = _region("aa", "Sähköposti.")
    exact = _region("bb", "Sahkoposti on kirjoitettu ilman pisteitä tässä pitkässä lauseessa.")
    index = WordIndex(
        {
            "sähköposti": Entry(frozenset({"sähköposti"}), frozenset({"sähkö", "posti"})),
            "sahkoposti": Entry(frozenset({"sahkoposti"}), frozenset()),
        }
    )
    hits = search([folded, exact], index, "sahkoposti").hits
    assert [h.region.id for h in hits] == ["bb", "aa"]
    assert hits[1].score > hits[0].score
    assert [h.exact for h in hits] == [1, 0]


# --- several words and phrases ---


def test_sections_with_all_words_rank_first(dataset: Dataset, index: WordIndex) -> None:
    hits = search(dataset.regions, index, "kirjasto seurakunta").hits
    both = _grep(r"kirjasto") & _grep(r"seurakun")
    assert both == {("etela-karjala", "cooperation")}
    assert (hits[0].region.id, hits[0].section.value) == ("etela-karjala", "cooperation")
    assert hits[0].matched == 2
    assert all(h.matched == 1 for h in hits[1:])
    assert len(hits) == len(_grep(r"kirjasto") | _grep(r"seurakun")) == 7


def test_quoted_phrase_matches_the_words_in_order(dataset: Dataset, index: WordIndex) -> None:
    phrase = _found(dataset, index, '"avustetun valtuutuksen"')
    # Kainuu: "avustetun valtuutuksen"; Pirkanmaa: "avustetun Suomi.fi-valtuutuksen".
    assert phrase == {("kainuu", "service_support"), ("pirkanmaa", "general_support")}
    # Unquoted, Lappi's "valtuutus avustetusti" has both words too, in the other order.
    words_hits = search(dataset.regions, index, "avustetun valtuutuksen").hits
    both = {(h.region.id, h.section.value) for h in words_hits if h.matched == 2}
    assert both == phrase | {("lappi", "general_support")}


def test_parse_query_keeps_phrases_and_drops_punctuation() -> None:
    units = parse_query('Kirjasto, "avustetun  valtuutuksen" chat-palvelu "')
    assert [u.words for u in units] == [
        ("kirjasto",),
        ("avustetun", "valtuutuksen"),
        ("chat-palvelu",),
    ]


# --- the light rules for forms the report never uses ---


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("seurakunnissa", "seurakunta"),
        ("seurakunnalle", "seurakunta"),
        ("kirjastoissa", "kirjasto"),
        ("puhelimella", "puhelin"),
        ("valtuutuksia", "valtuutus"),
        ("järjestöllä", "järjestö"),
        ("ammattilaiselle", "ammattilainen"),
        ("asiakkaalle", "asiakas"),
        ("opiskelijoille", "opiskelija"),
        ("palvelupisteessä", "palvelupiste"),
        ("tuesta", "tuki"),
        ("palveluihinsa", "palvelu"),
    ],
)
def test_unseen_forms_are_read_as_lemmas_of_the_report(
    index: WordIndex, form: str, lemma: str
) -> None:
    assert form not in index.entries
    assert lemma in index.query_terms(form)


def test_light_rules_accept_only_known_lemmas() -> None:
    stems = StemIndex({"seurakunta", "kirjasto"})
    assert stems.lemmas("seurakunnissa") == {"seurakunta"}
    assert stems.lemmas("kirjastoille") == {"kirjasto"}
    assert stems.lemmas("kissoille") == set()


# --- no matches ---


def test_no_matches_exits_1_with_one_line(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = run_main("search", "xyzzy")
    assert (code, out) == (1, "")
    assert err == "Error: no matches for 'xyzzy'\n"


def test_a_near_spelling_is_suggested(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, _, err = run_main("search", "seurakunat")
    assert code == 1
    assert err.startswith("Error: no matches for 'seurakunat' (did you mean seurakunnat")
    assert err.count("\n") == 1


def test_no_matches_within_filters_says_so(dataset: Dataset, index: WordIndex) -> None:
    lappi = [dataset.region("lappi")]
    with pytest.raises(DigitukiError) as raised:
        search(dataset.regions, index, "kirjasto", in_regions=lappi)
    assert raised.value.exit_code == 1
    assert "in the chosen regions or section" in raised.value.message


# --- the command ---


def test_json_is_an_array_of_hits_best_first(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("search", "puhelin", "--format", "json")
    assert code == 0
    hits = json.loads(out)
    assert all(list(h) == ["id", "section", "page", "snippet", "score"] for h in hits)
    assert {h["id"] for h in hits} == {
        "kanta-hame",
        "keski-pohjanmaa",
        "lappi",
        "lansi-uusimaa",
        "satakunta",
    }
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    lappi = next(h for h in hits if h["id"] == "lappi")
    assert lappi["section"] == "service_support"
    assert lappi["page"] == 11
    assert "puhelimen välityksellä" in lappi["snippet"]


def test_table_groups_hits_by_region(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("search", "seurakunnissa")
    assert code == 0
    # Region names in the interface's language (English here); section headings the report's.
    assert out.index("South Karelia (etela-karjala)") < out.index("Yhteistyöt · p. 5")
    assert "North Karelia (pohjois-karjala)" in out
    assert "3 sections match · searched for seurakunnissa → seurakunta" in out
    assert "\x1b" not in out  # no colour when piped


def test_region_section_and_limit_options(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("search", "digitukea", "--region", "Pirha", "--format", "json")
    assert code == 0
    assert {h["id"] for h in json.loads(out)} == {"pirkanmaa"}
    code, out = invoke("search", "digitukea", "-s", "cooperation", "-f", "json")
    assert {h["section"] for h in json.loads(out)} == {"cooperation"}
    code, out = invoke("search", "digitukea", "--limit", "2", "--format", "json")
    assert len(json.loads(out)) == 2
    code, out = invoke("search", "digitukea", "--limit", "2")
    assert "2 of " in out
    assert "--limit" in out


def test_csv_and_markdown(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("search", "chat", "--format", "csv")
    assert out.splitlines()[0] == "id,section,page,score,snippet"
    assert len(out.splitlines()) == 4
    code, out = invoke("search", "chat", "--format", "markdown")
    assert code == 0
    assert "**chat-palveluissa**" in out


def test_hits_are_highlighted_with_styles_not_markup() -> None:
    snippet = Snippet("Yhteistyöt · p. 5", "a [bold]x[/bold] seurakuntien b", ((19, 31),))
    group = _to_rich(snippet)
    text = group.renderables[1].renderable  # type: ignore[attr-defined]
    assert text.plain == "a [bold]x[/bold] seurakuntien b"  # data is never parsed as markup
    assert [(s.start, s.end, str(s.style)) for s in text.spans] == [(19, 31, "bold red")]


def test_search_imports_nothing_heavy_and_startup_imports_no_search() -> None:
    code = (
        "import sys\n"
        "import digituki_cli.cli as cli\n"
        "loaded = [m for m in ('digituki_cli.search', 'digituki_cli.finnish', "
        "'digituki_cli.stats') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "try:\n"
        "    cli.main(['search', 'seurakunnissa', '--format', 'json'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "heavy = [m for m in ('pyvoikko', 'kfst', 'snowballstemmer', 'simplemma') "
        "if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_a_dataset_without_its_own_index_uses_the_bundled_one(tmp_path: Path) -> None:
    assert index_path(tmp_path / "counties.yaml") == bundled_dataset().parent / "search-index.json"
    (tmp_path / "search-index.json").write_text('{"words": {}}', encoding="utf-8")
    assert index_path(tmp_path / "counties.yaml") == tmp_path / "search-index.json"


def test_a_broken_index_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "search-index.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(DigitukiError) as raised:
        WordIndex.read(broken)
    assert "cannot read the search index" in raised.value.message


def test_words_not_in_the_index_are_read_with_the_rules(index: WordIndex) -> None:
    # A section text edited after the index was built still finds its new words.
    entry = index.entry("seurakunnille")
    assert "seurakunta" in entry.lemmas
    assert SectionName.COOPERATION.report_heading == "Yhteistyöt"


@pytest.mark.parametrize(
    ("query", "expected", "pattern"),
    [
        # Names Voikko does not know, in a form the report uses: Pirhan, Pohteen, hytessä.
        ("Pirha", {("pirkanmaa", "service_support")}, r"\bpirha"),
        ("pohde", {("pohjois-pohjanmaa", "service_support")}, r"\bpohte"),
        ("hyte", {("pohjois-savo", "general_support")}, r"\bhyte"),
        # Part of a hyphenated compound: E-seniorit-toiminta.
        ("e-seniorit", {("keski-pohjanmaa", "service_support")}, r"e-seniorit"),
    ],
)
def test_names_and_hyphenated_parts_the_analyser_does_not_know(
    dataset: Dataset, index: WordIndex, query: str, expected: set[tuple[str, str]], pattern: str
) -> None:
    assert _grep(pattern) == expected
    assert _found(dataset, index, query) == expected


def test_an_empty_query_is_a_usage_error(run_main: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = run_main("search", '"', "...")
    assert (code, out) == (2, "")
    assert err.startswith("Error: the query has no words")


def test_light_rules_for_adjectives_in_ton() -> None:
    stems = StemIndex({"maksuton", "ajanvaraukseton"})
    assert stems.lemmas("maksuttomat") == {"maksuton"}
    assert stems.lemmas("ajanvarauksettomassa") == {"ajanvaraukseton"}


def test_one_match_is_counted_in_the_singular(invoke: Callable[..., tuple[int, str]]) -> None:
    code, out = invoke("search", "seurakunnissa", "--region", "pohjois-karjala")
    assert code == 0
    assert "1 section matches · searched for seurakunnissa → seurakunta" in out
