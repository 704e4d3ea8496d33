"""The dataset against the report: every region, every text, every quote."""

from __future__ import annotations

import re
from typing import TypeVar

import pytest

from digituki_cli.checks import evidenced_values
from digituki_cli.i18n import speaking
from digituki_cli.model import (
    Answer,
    Channel,
    Dataset,
    DescribedEnum,
    Evidenced,
    FundingAfterProject,
    GeneralSupportLevel,
    Language,
    Note,
    Partner,
    ProfessionalDuty,
    Provider,
    Region,
    RegionKind,
    SectionName,
)
from digituki_cli.queries import Criteria, filter_regions
from digituki_cli.text import squash
from digituki_cli.views import filter_view, show_view

from .conftest import REPORT

T = TypeVar("T")

INTERVIEWED = [
    "etela-karjala", "etela-savo", "ita-uusimaa", "kainuu", "kanta-hame", "keski-pohjanmaa",
    "keski-suomi", "kymenlaakso", "lappi", "lansi-uusimaa", "pirkanmaa", "pohjanmaa",
    "pohjois-karjala", "pohjois-pohjanmaa", "pohjois-savo", "paijat-hame", "satakunta",
    "varsinais-suomi",
]  # fmt: skip
NOT_INTERVIEWED = [
    "keski-uusimaa",
    "vantaa-kerava",
    "etela-pohjanmaa",
    "helsinki",
    "hus",
    "ahvenanmaa",
]


def test_all_24_regions_with_exact_ids(dataset: Dataset) -> None:
    assert [r.id for r in dataset.regions if r.interviewed] == INTERVIEWED
    assert [r.id for r in dataset.regions if not r.interviewed] == NOT_INTERVIEWED


def test_kinds_of_the_regions_outside_the_counties(dataset: Dataset) -> None:
    kinds = {r.id: r.kind for r in dataset.regions}
    assert kinds["helsinki"] is RegionKind.CITY
    assert kinds["hus"] is RegionKind.JOINT_AUTHORITY
    assert kinds["ahvenanmaa"] is RegionKind.AUTONOMOUS_REGION
    assert {kinds[i] for i in INTERVIEWED} == {RegionKind.COUNTY}


def test_source_metadata_is_recorded_once(dataset: Dataset) -> None:
    source = dataset.source
    assert source.title == "Hyvinvointialueiden digituen mallit"
    assert source.authors == ("Anna Kunnas", "Johanna Erfors")
    assert source.date.isoformat() == "2025-12-09"
    assert "Digi- ja väestötietovirasto" in source.commissioner
    assert "2025" in source.interview_period


def test_every_section_text_occurs_in_the_bundled_report(dataset: Dataset) -> None:
    report = squash(REPORT.read_text(encoding="utf-8"))
    for region in dataset.regions:
        for name, section in region.sections.present():
            assert squash(section.text) in report, (region.id, name)


def _pages_of_headings() -> dict[str, list[int]]:
    """Each line's page in the report: a page break is a pair of lines of three spaces."""
    pages: dict[str, list[int]] = {}
    page, in_break = 0, False
    for line in REPORT.read_text(encoding="utf-8").split("\n"):
        if line == "   ":
            page += 0 if in_break else 1
            in_break = not in_break
            continue
        pages.setdefault(line.strip(), []).append(page)
    return pages


def test_page_numbers_match_the_report(dataset: Dataset) -> None:
    pages = _pages_of_headings()
    for region in dataset.regions:
        if not region.interviewed:
            assert region.page is None
            continue
        assert region.page in pages[region.names.fi], region.id
        for name, section in region.sections.present():
            first_line = section.text.split("\n\n")[0]
            starts = [
                p for line, ps in pages.items() if line and first_line.startswith(line) for p in ps
            ]
            assert section.page in starts, (region.id, name)


def test_kainuu_page_matches_the_table_of_contents(dataset: Dataset) -> None:
    toc = re.search(r"Kainuun hyvinvointialue \.+ (\d+)", REPORT.read_text(encoding="utf-8"))
    assert toc is not None
    assert dataset.region("kainuu").page == int(toc.group(1))


def test_every_quote_occurs_in_its_own_regions_text(dataset: Dataset) -> None:
    for region in dataset.regions:
        texts = [squash(s.text) for _, s in region.sections.present()]
        for loc, item in evidenced_values(region):
            for quote in item.evidence:
                assert any(squash(quote) in t for t in texts), (region.id, loc, quote)


def test_every_reported_value_has_evidence(dataset: Dataset) -> None:
    for region in dataset.regions:
        for loc, item in evidenced_values(region):
            if item.value not in (None, "not-reported"):
                assert item.evidence, (region.id, loc)


def test_interviewed_regions_are_classified_and_others_are_all_not_reported(
    dataset: Dataset,
) -> None:
    for region in dataset.regions:
        reported = [
            loc
            for loc, item in evidenced_values(region)
            if item.value not in (None, "not-reported")
        ]
        assert bool(reported) == region.interviewed, region.id
        assert bool(region.sections.present()) == region.interviewed, region.id


def test_missing_sections_are_absent_not_invented(dataset: Dataset) -> None:
    # The report has no Yhteistyöt section for these, and no funding section for Kymenlaakso.
    no_cooperation = {
        r.id for r in dataset.regions if r.interviewed and r.sections.cooperation is None
    }
    assert no_cooperation == {
        "ita-uusimaa", "kainuu", "kanta-hame", "keski-pohjanmaa", "keski-suomi", "kymenlaakso",
        "lansi-uusimaa", "pirkanmaa", "satakunta", "varsinais-suomi",
    }  # fmt: skip
    no_funding = {
        r.id for r in dataset.regions if r.interviewed and r.sections.organisation_funding is None
    }
    assert no_funding == {"kymenlaakso"}


ALL_ENUMS: list[type[DescribedEnum]] = [
    RegionKind, Answer, GeneralSupportLevel, Channel, Provider, ProfessionalDuty, Language,
    Partner, FundingAfterProject, SectionName,
]  # fmt: skip


@pytest.mark.parametrize("enum", ALL_ENUMS)
def test_every_enum_value_is_described(enum: type[DescribedEnum]) -> None:
    assert enum.__doc__
    for member in enum:
        assert member.description.strip(), member


# Values of the codebook that no interviewed region has; each was looked for in the report.
UNUSED_BY_DESIGN = {Language.SV, Answer.NO}


def test_every_enum_value_is_used_or_known_unused(dataset: Dataset) -> None:
    used = {item.value for region in dataset.regions for _, item in evidenced_values(region)} | {
        r.kind for r in dataset.regions
    }
    for enum in ALL_ENUMS:
        if enum is SectionName:
            continue
        for member in enum:
            assert member in used or member in UNUSED_BY_DESIGN, member


def test_funding_after_the_project_unclear_is_exactly_the_five_the_report_names(
    dataset: Dataset,
) -> None:
    unclear = [
        r.id
        for r in dataset.regions
        if r.funding.after_project.value is FundingAfterProject.UNCLEAR
    ]
    assert unclear == ["kanta-hame", "keski-suomi", "pohjanmaa", "pohjois-karjala", "pohjois-savo"]


def test_general_support_levels(dataset: Dataset) -> None:
    levels = {r.id: r.general_support.level.value.value for r in dataset.regions if r.interviewed}
    assert [i for i, v in levels.items() if v == "offered"] == ["etela-karjala", "pohjois-savo"]
    assert [i for i, v in levels.items() if v == "limited"] == ["lansi-uusimaa", "pirkanmaa"]
    assert [i for i, v in levels.items() if v == "under-review"] == ["keski-suomi"]


def test_a_network_is_a_partner_only_where_the_county_works_with_it(dataset: Dataset) -> None:
    # Varsinais-Suomi only refers clients to the network's members ("pyrkii ohjaamaan
    # asiakkaat digitukiverkostoon kuuluvien tahojen piiriin"): a referral target.
    partners = {
        r.id for r in dataset.regions if Partner.SUPPORT_NETWORK in _values(r.cooperation.partners)
    }
    assert partners == {"etela-savo", "pohjois-karjala", "pohjois-pohjanmaa"}
    varsinais_suomi = dataset.region("varsinais-suomi")
    assert _values(varsinais_suomi.cooperation.partners) == [
        Partner.MUNICIPALITIES, Partner.LIBRARIES, Partner.NGOS,
    ]  # fmt: skip
    assert Partner.SUPPORT_NETWORK in _values(varsinais_suomi.general_support.referral_targets)


def test_pohjois_savo_offers_general_support_because_it_does_not_restrict_it(
    dataset: Dataset,
) -> None:
    level = dataset.region("pohjois-savo").general_support.level
    assert level.value is GeneralSupportLevel.OFFERED
    assert level.evidence == (
        "Pohjois-Savon hyvinvointialueella ei ole rajoitettu digituen antamista vain omiin palveluihin",
    )


def test_responsible_units_in_the_reports_words(dataset: Dataset) -> None:
    units = {r.id: r.funding.responsible_unit.value for r in dataset.regions if r.interviewed}
    assert units["lansi-uusimaa"] == "asiointipalvelut (kuuluu tukipalveluihin)"
    assert units["paijat-hame"] == "digipalvelut (osa tietohallintoa)"


def _values(items: tuple[Evidenced[T], ...]) -> list[T]:
    return [item.value for item in items]


def test_paragraphs_are_whole_as_the_report_prints_them(dataset: Dataset) -> None:
    """A page break of the PDF must not split a sentence, nor may two bullets share a paragraph."""
    for region in dataset.regions:
        for name, section in region.sections.present():
            for paragraph in section.text.split("\n\n"):
                is_heading = len(paragraph.split()) <= 6 and not paragraph.startswith("•")
                assert paragraph.rstrip().endswith((".", ":", "!", "?")) or is_heading, (
                    region.id,
                    name,
                    paragraph,
                )
                assert paragraph.count("•") <= 1 and paragraph.lstrip("• ").find("•") == -1, (
                    region.id,
                    name,
                )


# --- the notes ---


def _notes(region: Region) -> list[tuple[str, Note]]:
    """Every note of a region, with where it is (`notes` for the region's own)."""
    found = [(".".join(map(str, loc)), item.note) for loc, item in evidenced_values(region)]
    return [(where, note) for where, note in found if note] + [("notes", n) for n in region.notes]


def test_every_note_is_written_in_finnish_swedish_and_english(dataset: Dataset) -> None:
    notes = [n for region in dataset.regions for _, n in _notes(region)]
    assert len(notes) >= 70
    for note in notes:
        assert note.fi.strip() and note.sv.strip() and note.en.strip(), note
        assert len({note.fi, note.sv, note.en}) == 3, note  # translated, not copied
        assert [note.text(lang) for lang in ("fi", "sv", "en")] == [note.fi, note.sv, note.en]


def test_a_note_has_no_fourth_language() -> None:
    with pytest.raises(ValueError, match="'de'"):
        Note(fi="Huom.", sv="Obs.", en="Note.").text("de")


# How the dataset was made is told in docs/codebook.md; a note tells its user about the report.
MAKING_OF = re.compile(
    r"\brule \d|\bsääntö|\bregel \d|second reading|final audit|\bsettled|\bcodebook"
    r"|\bkoodikirja|\bkodbok|\breview|\bregular-budget|\bnot-reported|\bcareful reader",
    re.IGNORECASE,
)


def test_notes_speak_of_the_report_not_of_the_making_of_the_dataset(dataset: Dataset) -> None:
    for region in dataset.regions:
        for where, note in _notes(region):
            for text in note.fi, note.sv, note.en:
                assert not MAKING_OF.search(text), (region.id, where, text)


# A quotation in a note: Finnish and Swedish ”…”, English “…”.
QUOTATION = re.compile(r"[”“]([^”“]+)”")


def test_what_a_note_quotes_is_the_reports_own_words(dataset: Dataset) -> None:
    report = squash(REPORT.read_text(encoding="utf-8")).casefold()
    for region in dataset.regions:
        texts = [squash(s.text).casefold() for _, s in region.sections.present()] or [report]
        for where, note in _notes(region):
            for text in note.fi, note.sv, note.en:
                for quotation in QUOTATION.findall(text):
                    for part in quotation.split("..."):
                        words = squash(part.strip(" .,:")).casefold()
                        assert any(words in t for t in texts), (region.id, where, quotation)


def test_notes_are_shown_in_the_language_chosen(dataset: Dataset) -> None:
    region = dataset.region("kainuu")
    note = region.funding.responsible_unit.note
    assert note is not None
    for lang in ("fi", "sv", "en"):
        with speaking(lang):
            output = show_view([region], evidence=True, section=None)
        shown = repr(output.blocks)
        assert note.text(lang) in shown and region.notes[0].text(lang) in shown, lang
        others = {"fi", "sv", "en"} - {lang}
        assert not any(note.text(other) in shown for other in others), lang


def test_filter_shows_the_note_of_the_value_that_matched(dataset: Dataset) -> None:
    matches = filter_regions(
        [dataset.region("kainuu")], Criteria(channels=(Channel.ADVICE_SERVICE,))
    )
    [advice] = [
        c
        for c in dataset.region("kainuu").service_support.channels
        if c.value is Channel.ADVICE_SERVICE
    ]
    assert advice.note is not None
    for lang in ("fi", "sv", "en"):
        with speaking(lang):
            shown = repr(filter_view(matches, evidence=True).blocks)
        assert advice.note.text(lang) in shown, lang
