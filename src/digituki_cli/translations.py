"""The catalogue: every human-facing label in Finnish, Swedish and English, in one place.

Plain dictionaries, imported at start-up (no gettext, nothing heavy). Three parts:

- `UI`: the interface's texts (headings, column names, messages, help summaries), keyed by
  a stable id; a template's `{name}` fields are filled in by `Labels.__call__`.
- `ENUM_LABELS`: a label for every member of every codebook enum in vocabulary.py, keyed by
  the enum's class name and the member's code. The English label of a codebook value is its
  code, as tables have always shown it and as the options take it.
- `ENUM_DESCRIPTIONS`: the codebook's descriptions in Finnish and Swedish; the English ones
  are the `description` of each member in vocabulary.py, which also documents the schema.

`Labels` hands these to the views for one language; `resolve_language` picks the language.
JSON and CSV never pass through here: they keep the stable English codes and keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Names
    from .vocabulary import DescribedEnum


class InterfaceLanguage(StrEnum):
    """A language the interface speaks (--lang); not the codebook's guide languages."""

    FI = "fi"
    SV = "sv"
    EN = "en"


LANGUAGES = tuple(language.value for language in InterfaceLanguage)


DEFAULT_LANGUAGE = "en"
LANG_ENV = "DIGITUKI_LANG"
# The locale variables, most specific first (POSIX: the first one set decides).
LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")


class LanguageError(ValueError):
    """A language that digituki does not speak, from --lang or DIGITUKI_LANG."""


def language_code(value: str) -> str | None:
    """fi, sv or en for a value given for --lang or DIGITUKI_LANG; None if it is none of them."""
    code = value.strip().lower()
    return code if code in LANGUAGES else None


def locale_language(value: str) -> str:
    """The language of a locale name: fi_FI.UTF-8 -> fi, sv_FI -> sv; C, POSIX, other -> en."""
    code = re.split(r"[_.@-]", value.strip().lower(), maxsplit=1)[0]  # fil_PH is not Finnish
    return code if code in ("fi", "sv") else DEFAULT_LANGUAGE


def resolve_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The interface language: --lang, else DIGITUKI_LANG, else the locale, else English.

    The locale is the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty.
    Raises LanguageError for a --lang or DIGITUKI_LANG value other than fi, sv or en.
    """
    if option:
        code = language_code(option)
        if code is None:
            raise LanguageError(
                f"invalid value for '--lang': {option!r} (choose from {', '.join(LANGUAGES)})"
            )
        return code
    chosen = environ.get(LANG_ENV, "")
    if chosen.strip():
        code = language_code(chosen)
        if code is None:
            raise LanguageError(
                f"{LANG_ENV}={chosen!r} is not a language digituki speaks "
                f"(choose from {', '.join(LANGUAGES)})"
            )
        return code
    for name in LOCALE_ENVS:
        value = environ.get(name, "")
        if value:
            return locale_language(value)
    return DEFAULT_LANGUAGE


# --- the interface's texts ---

UI: dict[str, dict[str, str]] = {
    # Attributes: the labels of show's classification and compare's rows, stats' titles.
    "attr.name": {"en": "Name", "fi": "Nimi", "sv": "Namn"},
    "attr.kind": {"en": "Kind", "fi": "Tyyppi", "sv": "Typ"},
    "attr.interviewed": {"en": "Interviewed", "fi": "Haastateltu", "sv": "Intervjuad"},
    "attr.page": {"en": "Page", "fi": "Sivu", "sv": "Sida"},
    "attr.general_support": {
        "en": "General support",
        "fi": "Yleinen digituki",
        "sv": "Allmänt digitalt stöd",
    },
    "attr.referral_targets": {"en": "Referred to", "fi": "Ohjauskohteet", "sv": "Hänvisas till"},
    "attr.assisted_authorization": {
        "en": "Assisted mandates",
        "fi": "Apu Suomi.fi-valtuuksissa",
        "sv": "Hjälp med Suomi.fi-fullmakter",
    },
    "attr.channels": {"en": "Channels", "fi": "Kanavat", "sv": "Kanaler"},
    "attr.providers": {"en": "Providers", "fi": "Tuen antajat", "sv": "Stödgivare"},
    "attr.professional_duty": {
        "en": "Professional duty",
        "fi": "Ammattilaisten velvoite",
        "sv": "Yrkespersonernas skyldighet",
    },
    "attr.plain_language": {"en": "Plain language", "fi": "Selkokieli", "sv": "Lättläst språk"},
    "attr.guide_languages": {
        "en": "Guide languages",
        "fi": "Ohjeiden kielet",
        "sv": "Anvisningarnas språk",
    },
    "attr.partners": {"en": "Partners", "fi": "Yhteistyökumppanit", "sv": "Samarbetspartner"},
    "attr.funding": {
        "en": "Funding after project",
        "fi": "Rahoitus hankkeen jälkeen",
        "sv": "Finansiering efter projektet",
    },
    "attr.project_funded": {
        "en": "Project funded",
        "fi": "Kehitetty hankerahoituksella",
        "sv": "Utvecklat med projektmedel",
    },
    "attr.responsible_unit": {
        "en": "Responsible unit",
        "fi": "Vastuutaho",
        "sv": "Ansvarig",
    },
    # list (and filter): short headers keep the one-word columns within 80 columns.
    "list.col.name": {"en": "Name", "fi": "Nimi", "sv": "Namn"},
    "list.col.general_support": {"en": "General", "fi": "Yleinen", "sv": "Allmänt"},
    "list.col.funding": {"en": "Funding", "fi": "Rahoitus", "sv": "Finansiering"},
    "list.col.channels": {"en": "Channels", "fi": "Kanavat", "sv": "Kanaler"},
    "list.col.partners": {"en": "Partners", "fi": "Kumppanit", "sv": "Partner"},
    "list.summary": {
        "en": "{count} regions, {interviewed} interviewed",
        "fi": "{count} aluetta, joista {interviewed} haastateltu",
        "sv": "{count} områden, varav {interviewed} intervjuade",
    },
    "list.not_interviewed_mark": {"en": "n/a", "fi": "ei tietoa", "sv": "uppgift saknas"},
    "list.not_interviewed_legend": {
        "en": "n/a: not interviewed; the report does not describe the region",
        "fi": "ei tietoa: aluetta ei haastateltu eikä raportti kuvaa sitä",
        "sv": "uppgift saknas: området intervjuades inte och rapporten beskriver det inte",
    },
    # filter
    "filter.matches.one": {
        "en": "{count} region matches",
        "fi": "{count} alue vastaa ehtoja",
        "sv": "{count} område uppfyller villkoren",
    },
    "filter.matches.other": {
        "en": "{count} regions match",
        "fi": "{count} aluetta vastaa ehtoja",
        "sv": "{count} områden uppfyller villkoren",
    },
    "filter.why": {
        "en": "{id}: why it matches",
        "fi": "{id}: miksi alue vastaa ehtoja",
        "sv": "{id}: varför området uppfyller villkoren",
    },
    "filter.reason": {"en": "{what} {value}", "fi": "{value} ({what})", "sv": "{value} ({what})"},
    "cond.general_support": {
        "en": "general support",
        "fi": "yleinen digituki",
        "sv": "allmänt digitalt stöd",
    },
    "cond.channel": {"en": "channel", "fi": "kanava", "sv": "kanal"},
    "cond.provider": {"en": "provider", "fi": "tuen antaja", "sv": "stödgivare"},
    "cond.partner": {"en": "partner", "fi": "yhteistyökumppani", "sv": "samarbetspartner"},
    "cond.professional_duty": {
        "en": "professional duty",
        "fi": "ammattilaisten velvoite",
        "sv": "yrkespersonernas skyldighet",
    },
    "cond.funding": {
        "en": "funding",
        "fi": "rahoitus hankkeen jälkeen",
        "sv": "finansiering efter projektet",
    },
    "cond.project_funded": {
        "en": "project funded",
        "fi": "hankerahoitteinen",
        "sv": "projektfinansierat",
    },
    "cond.assisted_mandates": {
        "en": "assisted mandates",
        "fi": "apu valtuuttamisessa",
        "sv": "hjälp med fullmakter",
    },
    "cond.plain_language": {"en": "plain language", "fi": "selkokieli", "sv": "lättläst språk"},
    "cond.interviewed": {"en": "interviewed", "fi": "haastateltu", "sv": "intervjuad"},
    "cond.not_interviewed": {
        "en": "not interviewed",
        "fi": "ei haastateltu",
        "sv": "inte intervjuad",
    },
    # show
    "show.where": {
        "en": "report p. {page}",
        "fi": "raportin s. {page}",
        "sv": "s. {page} i rapporten",
    },
    "show.not_in_report": {
        "en": "not in the report",
        "fi": "ei mukana raportissa",
        "sv": "inte i rapporten",
    },
    "show.aliases": {
        "en": "Also known as: {names}",
        "fi": "Tunnetaan myös nimellä: {names}",
        "sv": "Även känt som: {names}",
    },
    "show.classification": {"en": "Classification", "fi": "Luokittelu", "sv": "Klassificering"},
    "show.not_interviewed": {
        "en": "Not interviewed: the report does not describe this region.",
        "fi": "Ei haastateltu: raportti ei kuvaa tätä aluetta.",
        "sv": "Inte intervjuad: rapporten beskriver inte det här området.",
    },
    "show.report_text": {"en": "Report text", "fi": "Raportin teksti", "sv": "Rapportens text"},
    "show.section_title": {
        "en": "{heading} (p. {page})",
        "fi": "{heading} (s. {page})",
        "sv": "{heading} (s. {page})",
    },
    "show.no_section": {
        "en": "The report has no section {heading} for this region.",
        "fi": "Raportissa ei ole tälle alueelle osiota {heading}.",
        "sv": "Rapporten har inget avsnitt {heading} för det här området.",
    },
    "note": {"en": "Note: ", "fi": "Huom. ", "sv": "Obs. "},
    "notes_in_english": {
        "en": "The dataset's notes are in English.",
        "fi": "Aineiston huomautukset ovat englanniksi.",
        "sv": "Datamaterialets anmärkningar är på engelska.",
    },
    "report_language": {
        "en": "The report's text is quoted in Finnish, as published.",
        "fi": "Raportin teksti on lainattu suomeksi, sellaisena kuin se on julkaistu.",
        "sv": "Rapportens text citeras på finska, såsom den publicerats.",
    },
    # compare
    "compare.caption": {
        "en": "≠ marks the {differ} of {total} attributes that differ.",
        "fi": "≠ merkitsee eroavat ominaisuudet ({differ}/{total}).",
        "sv": "≠ markerar de egenskaper som skiljer sig åt ({differ} av {total}).",
    },
    "matrix.legend": {"en": "{short}={label}", "fi": "{short}={label}", "sv": "{short}={label}"},
    # gaps
    "gaps.col.id": {"en": "id", "fi": "tunnus", "sv": "id"},
    "gaps.col.gap": {"en": "gap", "fi": "puute", "sv": "brist"},
    "gaps.col.detail": {"en": "detail", "fi": "tarkennus", "sv": "detalj"},
    "gaps.col.evidence": {"en": "evidence", "fi": "lainaus raportista", "sv": "citat ur rapporten"},
    "gaps.summary.regions": {
        "en": "{count} of {total} regions: {description}",
        "fi": "{count}/{total} alueesta: {description}",
        "sv": "{count} av {total} områden: {description}",
    },
    "gaps.summary.interviewed": {
        "en": "{count} of {total} interviewed regions: {description}",
        "fi": "{count}/{total} haastatellusta alueesta: {description}",
        "sv": "{count} av {total} intervjuade områden: {description}",
    },
    "gap.detail.funding-unclear": {
        "en": "funding after the project unclear",
        "fi": "rahoitus hankkeen jälkeen epäselvä",
        "sv": "finansieringen efter projektet oklar",
    },
    "gap.detail.funding-not-reported": {
        "en": "funding after the project not reported",
        "fi": "rahoitusta hankkeen jälkeen ei raportoitu",
        "sv": "finansieringen efter projektet inte rapporterad",
    },
    "gap.detail.no-general-support": {
        "en": "referred to {targets}",
        "fi": "ohjataan: {targets}",
        "sv": "hänvisas till {targets}",
    },
    "gap.detail.no-general-support-no-referral": {
        "en": "no referral target named",
        "fi": "ohjauskohdetta ei mainita",
        "sv": "det nämns inte vart kunderna hänvisas",
    },
    "gap.detail.no-remote-channel": {
        "en": "channels: {channels}",
        "fi": "kanavat: {channels}",
        "sv": "kanaler: {channels}",
    },
    "gap.detail.contact-medium-not-stated": {
        "en": "channels: {channels}",
        "fi": "kanavat: {channels}",
        "sv": "kanaler: {channels}",
    },
    "gap.detail.no-channels": {
        "en": "none reported",
        "fi": "ei mainittuja kanavia",
        "sv": "inga nämnda",
    },
    "gap.detail.missing-section": {
        "en": "no section {heading}",
        "fi": "ei osiota {heading}",
        "sv": "inget avsnitt {heading}",
    },
    "gap.detail.not-interviewed": {
        "en": "not described in the report",
        "fi": "ei kuvattu raportissa",
        "sv": "beskrivs inte i rapporten",
    },
    # search
    "search.heading": {"en": "{name} ({id})", "fi": "{name} ({id})", "sv": "{name} ({id})"},
    "search.hit": {
        "en": "{heading} · p. {page} · score {score}",
        "fi": "{heading} · s. {page} · pisteet {score}",
        "sv": "{heading} · s. {page} · poäng {score}",
    },
    "search.count.one": {
        "en": "1 section matches",
        "fi": "1 osio vastaa hakua",
        "sv": "1 avsnitt matchar sökningen",
    },
    "search.count.other": {
        "en": "{count} sections match",
        "fi": "{count} osiota vastaa hakua",
        "sv": "{count} avsnitt matchar sökningen",
    },
    "search.count.shown": {
        "en": "{shown} of {total} sections shown",
        "fi": "näytetään {shown}/{total} osiota",
        "sv": "{shown} av {total} avsnitt visas",
    },
    "search.summary": {
        "en": "{count} · searched for {readings}",
        "fi": "{count} · haettiin {readings}",
        "sv": "{count} · sökte efter {readings}",
    },
    "search.limit_hint": {
        "en": "--limit {total} shows them all",
        "fi": "--limit {total} näyttää kaikki",
        "sv": "--limit {total} visar alla",
    },
    # stats
    "stats.footer": {
        "en": "Regions out of the {total} interviewed.",
        "fi": "Määrät suhteessa {total} haastateltuun alueeseen.",
        "sv": "Antal områden av de {total} intervjuade.",
    },
    "stats.col.regions": {"en": "regions", "fi": "alueita", "sv": "områden"},
    "stats.col.meaning": {"en": "meaning", "fi": "selite", "sv": "förklaring"},
    # values that are not codebook values
    "value.none": {"en": "-", "fi": "-", "sv": "-"},
    "join.or": {"en": " or ", "fi": " tai ", "sv": " eller "},
    # errors (click's own usage messages stay in English)
    "error": {"en": "Error: {message}", "fi": "Virhe: {message}", "sv": "Fel: {message}"},
    "error.interrupted": {"en": "interrupted", "fi": "keskeytetty", "sv": "avbrutet"},
    "error.no_region": {
        "en": "no region given",
        "fi": "aluetta ei annettu",
        "sv": "inget område angavs",
    },
    "error.no_region.hint": {
        "en": "try `digituki list --all` for every region",
        "fi": "`digituki list --all` näyttää kaikki alueet",
        "sv": "`digituki list --all` visar alla områden",
    },
    "error.ambiguous_region": {
        "en": "{name} matches {count} regions: {ids}",
        "fi": "{name} voi tarkoittaa {count} aluetta: {ids}",
        "sv": "{name} kan avse {count} områden: {ids}",
    },
    "error.ambiguous_region.hint": {
        "en": "type more of the name",
        "fi": "kirjoita nimi tarkemmin",
        "sv": "skriv en längre del av namnet",
    },
    "error.unknown_region": {
        "en": "unknown region {name}",
        "fi": "tuntematon alue {name}",
        "sv": "okänt område {name}",
    },
    "error.did_you_mean": {
        "en": "did you mean {choices}?",
        "fi": "tarkoititko {choices}?",
        "sv": "menade du {choices}?",
    },
    "error.unknown_region.hint": {
        "en": "`digituki list --all` shows every region",
        "fi": "`digituki list --all` näyttää kaikki alueet",
        "sv": "`digituki list --all` visar alla områden",
    },
    "error.file_exists": {
        "en": "{target} exists",
        "fi": "{target} on jo olemassa",
        "sv": "{target} finns redan",
    },
    "error.file_exists.hint": {
        "en": "add --force to replace it",
        "fi": "korvaa se lisäämällä --force",
        "sv": "lägg till --force för att ersätta den",
    },
    "error.is_directory": {
        "en": "{target} is a directory",
        "fi": "{target} on hakemisto",
        "sv": "{target} är en katalog",
    },
    "error.is_directory.hint": {
        "en": "give a file name with -o",
        "fi": "anna tiedoston nimi valitsimella -o",
        "sv": "ange ett filnamn med -o",
    },
    "error.cannot_write": {
        "en": "cannot write {target}: {reason}",
        "fi": "tiedostoa {target} ei voi kirjoittaa: {reason}",
        "sv": "kan inte skriva {target}: {reason}",
    },
    "message.wrote": {
        "en": "Wrote {path} ({format}, {size})",
        "fi": "Kirjoitettu {path} ({format}, {size})",
        "sv": "Skrev {path} ({format}, {size})",
    },
    "message.slow_load": {
        "en": "digituki: read and validated {path} in {seconds} s; later runs use a cache",
        "fi": "digituki: {path} luettiin ja tarkistettiin {seconds} sekunnissa; seuraavat ajot käyttävät välimuistia",
        "sv": "digituki: {path} lästes och kontrollerades på {seconds} s; senare körningar använder en cache",
    },
    "validate.valid": {
        "en": "{path}: valid ({regions} regions, {warnings} warning(s))",
        "fi": "{path}: kelvollinen ({regions} aluetta, {warnings} varoitus(ta))",
        "sv": "{path}: giltig ({regions} områden, {warnings} varning(ar))",
    },
    "validate.problems": {
        "en": "{path}: {count} problem(s)",
        "fi": "{path}: {count} ongelma(a)",
        "sv": "{path}: {count} problem",
    },
    "validate.warning": {
        "en": "warning: {warning}",
        "fi": "varoitus: {warning}",
        "sv": "varning: {warning}",
    },
    "error.compare_regions_and_all": {
        "en": "give regions or --all, not both",
        "fi": "anna alueet tai --all, ei molempia",
        "sv": "ange områden eller --all, inte båda",
    },
    "error.compare_needs_two": {
        "en": "compare needs two or more different regions",
        "fi": "compare tarvitsee vähintään kaksi eri aluetta",
        "sv": "compare behöver minst två olika områden",
    },
    "error.compare_needs_two.hint": {
        "en": "or use --all",
        "fi": "tai käytä --all",
        "sv": "eller använd --all",
    },
    "error.empty_query": {
        "en": "the query has no words",
        "fi": "hakulausekkeessa ei ole sanoja",
        "sv": "sökningen innehåller inga ord",
    },
    "error.empty_query.hint": {
        "en": "give a word, e.g. seurakunta",
        "fi": "anna sana, esim. seurakunta",
        "sv": "ange ett ord, t.ex. seurakunta",
    },
    "error.no_matches": {
        "en": "no matches for {query}",
        "fi": "ei osumia haulla {query}",
        "sv": "inga träffar för {query}",
    },
    "error.no_matches_filtered": {
        "en": "no matches for {query} in the chosen regions or section",
        "fi": "ei osumia haulla {query} valituilla alueilla tai valitussa osiossa",
        "sv": "inga träffar för {query} i de valda områdena eller det valda avsnittet",
    },
    "error.no_matches_filtered.hint": {
        "en": "try without --region or --section",
        "fi": "kokeile ilman --region- tai --section-valintaa",
        "sv": "försök utan --region eller --section",
    },
    # help (Typer fixes these at definition time; main() sets them for the language)
    "help.app": {
        "en": (
            "Ask how Finland's wellbeing services counties give their residents digital support "
            "(digituki), from the report 'Hyvinvointialueiden digituen mallit' (2025).\n\n"
            "Every answer comes from the report and can show the report's own words (--evidence)."
        ),
        "fi": (
            "Kysy, miten Suomen hyvinvointialueet antavat asukkailleen digitukea, "
            "raportin 'Hyvinvointialueiden digituen mallit' (2025) mukaan.\n\n"
            "Jokainen vastaus tulee raportista, ja sen tueksi voi näyttää raportin omat sanat "
            "(--evidence). Raportin tekstit lainataan suomeksi."
        ),
        "sv": (
            "Fråga hur Finlands välfärdsområden ger sina invånare digitalt stöd (digituki), "
            "enligt rapporten 'Hyvinvointialueiden digituen mallit' (2025).\n\n"
            "Varje svar kommer från rapporten och kan visa rapportens egna ord (--evidence). "
            "Rapportens texter citeras på finska."
        ),
    },
    "help.data_source": {
        "en": "Data: 'Hyvinvointialueiden digituen mallit' (Kunnas & Erfors, 9.12.2025).",
        "fi": "Aineisto: 'Hyvinvointialueiden digituen mallit' (Kunnas & Erfors, 9.12.2025).",
        "sv": "Källa: 'Hyvinvointialueiden digituen mallit' (Kunnas & Erfors, 9.12.2025).",
    },
    "help.examples": {"en": "Examples:", "fi": "Esimerkkejä:", "sv": "Exempel:"},
    "help.example": {"en": "Example:", "fi": "Esimerkki:", "sv": "Exempel:"},
    "help.search_exit_status": {
        "en": "Exit status: 0 if something matched, 1 if nothing did (like grep).",
        "fi": "Poistumiskoodi: 0, jos osumia löytyi, 1, jos ei (kuten grep).",
        "sv": "Returkod: 0 om något hittades, 1 om inget hittades (som grep).",
    },
    "help.option.data": {
        "en": "Dataset file to use instead of the bundled one.",
        "fi": "Aineistotiedosto, jota käytetään mukana tulevan sijaan.",
        "sv": "Datafil som används i stället för den medföljande.",
    },
    "help.option.lang": {
        "en": "Language of the interface: fi, sv or en. Default: from the locale (LANG).",
        "fi": "Käyttöliittymän kieli: fi, sv tai en. Oletus: localen mukaan (LANG).",
        "sv": "Gränssnittets språk: fi, sv eller en. Standard: enligt localen (LANG).",
    },
    "help.option.version": {
        "en": "Show the version and exit.",
        "fi": "Näytä versio ja lopeta.",
        "sv": "Visa versionen och avsluta.",
    },
    "help.option.format": {"en": "Output format.", "fi": "Tulostusmuoto.", "sv": "Utdataformat."},
    "help.option.evidence": {
        "en": "Show the report's words behind each value.",
        "fi": "Näytä kunkin arvon taustalla olevat raportin sanat.",
        "sv": "Visa rapportens ord bakom varje värde.",
    },
    "help.command.list": {
        "en": "One row per region: general support, funding after the project, channels, partners.",
        "fi": "Rivi kustakin alueesta: yleinen digituki, rahoitus hankkeen jälkeen, kanavat, yhteistyökumppanit.",
        "sv": "En rad per område: allmänt digitalt stöd, finansiering efter projektet, kanaler, samarbetspartner.",
    },
    "help.command.show": {
        "en": "A region's classification and the report's own text, with page numbers.",
        "fi": "Alueen luokittelu ja raportin oma teksti sivunumeroineen.",
        "sv": "Ett områdes klassificering och rapportens egen text, med sidnummer.",
    },
    "help.command.filter": {
        "en": "Regions that meet every condition given (AND).",
        "fi": "Alueet, jotka täyttävät kaikki annetut ehdot (JA).",
        "sv": "Områden som uppfyller alla angivna villkor (OCH).",
    },
    "help.command.compare": {
        "en": "Regions side by side, differences in bold; --all gives the whole feature matrix.",
        "fi": "Alueet rinnakkain, erot lihavoituina; --all antaa koko ominaisuustaulukon.",
        "sv": "Områden sida vid sida, skillnader i fetstil; --all ger hela egenskapsmatrisen.",
    },
    "help.command.gaps": {
        "en": "Gaps the report reveals, each with its evidence, and a count per kind.",
        "fi": "Raportista ilmenevät puutteet lainauksineen ja määrä lajeittain.",
        "sv": "Brister som rapporten visar, var och en med citat, och antal per slag.",
    },
    "help.command.export": {
        "en": "The whole dataset as JSON, CSV, Markdown, SQLite or a self-contained HTML report.",
        "fi": "Koko aineisto JSON-, CSV-, Markdown- tai SQLite-muodossa tai itsenäisenä HTML-raporttina.",
        "sv": "Hela datamaterialet som JSON, CSV, Markdown, SQLite eller en fristående HTML-rapport.",
    },
    "help.command.search": {
        "en": "Full-text search of the report's county texts, any word form, ranked (BM25).",
        "fi": "Vapaatekstihaku raportin aluekuvauksista, mikä tahansa sanamuoto, osuvuusjärjestyksessä (BM25).",
        "sv": "Fritextsökning i rapportens texter om områdena, vilken ordform som helst, rangordnad (BM25).",
    },
    "help.command.stats": {
        "en": "How many interviewed regions have each classification, as bar charts.",
        "fi": "Kuinka monella haastatellulla alueella on kukin luokitus, pylväinä.",
        "sv": "Hur många intervjuade områden som har varje klassificering, som stapeldiagram.",
    },
    "help.command.validate": {
        "en": "Check a dataset file with the loader's own checks and report every problem.",
        "fi": "Tarkista aineistotiedosto lataajan omilla tarkistuksilla ja raportoi kaikki ongelmat.",
        "sv": "Kontrollera en datafil med inläsarens egna kontroller och rapportera alla problem.",
    },
    "help.command.schema": {
        "en": "Print the JSON Schema of the dataset, with the codebook's descriptions.",
        "fi": "Tulosta aineiston JSON Schema koodikirjan kuvauksineen.",
        "sv": "Skriv ut datamaterialets JSON Schema med kodbokens beskrivningar.",
    },
}


# --- the codebook's labels: one per member of every enum in vocabulary.py ---

ENUM_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "RegionKind": {
        "county": {"en": "county", "fi": "hyvinvointialue", "sv": "välfärdsområde"},
        "city": {"en": "city", "fi": "kaupunki", "sv": "stad"},
        "joint-authority": {"en": "joint-authority", "fi": "yhtymä", "sv": "sammanslutning"},
        "autonomous-region": {
            "en": "autonomous-region",
            "fi": "itsehallinnollinen maakunta",
            "sv": "självstyrt landskap",
        },
    },
    "Answer": {
        "yes": {"en": "yes", "fi": "kyllä", "sv": "ja"},
        "no": {"en": "no", "fi": "ei", "sv": "nej"},
        "not-reported": {"en": "not-reported", "fi": "ei raportoitu", "sv": "inte rapporterat"},
    },
    "GeneralSupportLevel": {
        "offered": {"en": "offered", "fi": "tarjotaan", "sv": "erbjuds"},
        "limited": {"en": "limited", "fi": "rajattu", "sv": "begränsat"},
        "not-offered": {"en": "not-offered", "fi": "ei tarjota", "sv": "erbjuds inte"},
        "under-review": {"en": "under-review", "fi": "selvityksen alla", "sv": "under utredning"},
        "not-reported": {"en": "not-reported", "fi": "ei raportoitu", "sv": "inte rapporterat"},
    },
    "Channel": {
        "web-guides": {"en": "web-guides", "fi": "verkko-ohjeet", "sv": "webbanvisningar"},
        "printed-guides": {
            "en": "printed-guides",
            "fi": "painetut ohjeet",
            "sv": "tryckta anvisningar",
        },
        "guides": {"en": "guides", "fi": "ohjemateriaali", "sv": "anvisningsmaterial"},
        "phone": {"en": "phone", "fi": "puhelin", "sv": "telefon"},
        "email": {"en": "email", "fi": "sähköposti", "sv": "e-post"},
        "chat": {"en": "chat", "fi": "chat", "sv": "chatt"},
        "in-app": {"en": "in-app", "fi": "sovelluksen viestit", "sv": "meddelanden i appen"},
        "advice-service": {
            "en": "advice-service",
            "fi": "neuvontapalvelu",
            "sv": "rådgivningstjänst",
        },
        "service-point": {"en": "service-point", "fi": "palvelupiste", "sv": "servicepunkt"},
        "outreach": {"en": "outreach", "fi": "jalkautuva tuki", "sv": "uppsökande stöd"},
        "presentations": {"en": "presentations", "fi": "infotilaisuudet", "sv": "infotillfällen"},
        "local-media": {"en": "local-media", "fi": "paikallislehdet", "sv": "lokaltidningar"},
    },
    "Provider": {
        "professionals": {"en": "professionals", "fi": "ammattilaiset", "sv": "yrkespersoner"},
        "digital-team": {"en": "digital-team", "fi": "digitukitiimi", "sv": "digistödsteam"},
        "customer-service": {
            "en": "customer-service",
            "fi": "asiakaspalvelu",
            "sv": "kundtjänst",
        },
        "digimentors": {"en": "digimentors", "fi": "digimentorit", "sv": "digimentorer"},
        "volunteers": {"en": "volunteers", "fi": "vapaaehtoiset", "sv": "frivilliga"},
        "students": {"en": "students", "fi": "opiskelijat", "sv": "studerande"},
        "partner-organisations": {
            "en": "partner-organisations",
            "fi": "kumppaniorganisaatiot",
            "sv": "partnerorganisationer",
        },
    },
    "ProfessionalDuty": {
        "explicit": {
            "en": "explicit",
            "fi": "nimenomainen velvoite",
            "sv": "uttrycklig skyldighet",
        },
        "part-of-work": {"en": "part-of-work", "fi": "osa työtä", "sv": "del av arbetet"},
        "not-reported": {"en": "not-reported", "fi": "ei raportoitu", "sv": "inte rapporterat"},
    },
    "Language": {
        "fi": {"en": "fi", "fi": "suomi", "sv": "finska"},
        "sv": {"en": "sv", "fi": "ruotsi", "sv": "svenska"},
        "en": {"en": "en", "fi": "englanti", "sv": "engelska"},
    },
    "Partner": {
        "municipalities": {"en": "municipalities", "fi": "kunnat", "sv": "kommuner"},
        "libraries": {"en": "libraries", "fi": "kirjastot", "sv": "bibliotek"},
        "ngos": {"en": "ngos", "fi": "järjestöt", "sv": "organisationer"},
        "parishes": {"en": "parishes", "fi": "seurakunnat", "sv": "församlingar"},
        "education": {"en": "education", "fi": "oppilaitokset", "sv": "läroanstalter"},
        "kela": {"en": "kela", "fi": "Kela", "sv": "FPA"},
        "dvv": {"en": "dvv", "fi": "DVV", "sv": "MDB"},
        "support-network": {
            "en": "support-network",
            "fi": "digitukiverkosto",
            "sv": "digistödsnätverk",
        },
        "other-counties": {
            "en": "other-counties",
            "fi": "muut hyvinvointialueet",
            "sv": "andra välfärdsområden",
        },
        "internal": {"en": "internal", "fi": "sisäinen yhteistyö", "sv": "internt samarbete"},
    },
    "FundingAfterProject": {
        "regular-budget": {
            "en": "regular-budget",
            "fi": "osana perustoimintaa",
            "sv": "i ordinarie verksamhet",
        },
        "unclear": {"en": "unclear", "fi": "epäselvä", "sv": "oklart"},
        "not-reported": {"en": "not-reported", "fi": "ei raportoitu", "sv": "inte rapporterat"},
    },
    "SectionName": {
        "service_support": {
            "en": "Support in service situations",
            "fi": "Asiointitilanteisiin liittyvä digituki",
            "sv": "Digitalt stöd i ärenden",
        },
        "general_support": {
            "en": "General digital support",
            "fi": "Yleinen digituki",
            "sv": "Allmänt digitalt stöd",
        },
        "cooperation": {"en": "Cooperation", "fi": "Yhteistyöt", "sv": "Samarbete"},
        "organisation_funding": {
            "en": "Organisation and funding",
            "fi": "Digituen organisointi ja rahoitus",
            "sv": "Organisering och finansiering av digitalt stöd",
        },
    },
    "GapKind": {
        "funding-unclear": {
            "en": "funding-unclear",
            "fi": "rahoitus epäselvä",
            "sv": "finansiering oklar",
        },
        "funding-not-reported": {
            "en": "funding-not-reported",
            "fi": "rahoitusta ei raportoitu",
            "sv": "finansiering inte rapporterad",
        },
        "no-general-support": {
            "en": "no-general-support",
            "fi": "ei yleistä digitukea",
            "sv": "inget allmänt digitalt stöd",
        },
        "no-general-support-no-referral": {
            "en": "no-general-support-no-referral",
            "fi": "ei yleistä digitukea eikä ohjausta",
            "sv": "inget allmänt stöd och ingen hänvisning",
        },
        "no-remote-channel": {
            "en": "no-remote-channel",
            "fi": "ei etäkanavaa",
            "sv": "ingen distanskanal",
        },
        "contact-medium-not-stated": {
            "en": "contact-medium-not-stated",
            "fi": "yhteystapa ei tiedossa",
            "sv": "kontaktsätt okänt",
        },
        "missing-section": {"en": "missing-section", "fi": "osio puuttuu", "sv": "avsnitt saknas"},
        "not-interviewed": {
            "en": "not-interviewed",
            "fi": "ei haastateltu",
            "sv": "inte intervjuad",
        },
    },
    "StatField": {
        "general_support": {
            "en": "General support",
            "fi": "Yleinen digituki",
            "sv": "Allmänt digitalt stöd",
        },
        "funding": {
            "en": "Funding after project",
            "fi": "Rahoitus hankkeen jälkeen",
            "sv": "Finansiering efter projektet",
        },
        "professional_duty": {
            "en": "Professional duty",
            "fi": "Ammattilaisten velvoite",
            "sv": "Yrkespersonernas skyldighet",
        },
        "channels": {"en": "Channels", "fi": "Kanavat", "sv": "Kanaler"},
        "providers": {"en": "Providers", "fi": "Tuen antajat", "sv": "Stödgivare"},
        "partners": {"en": "Partners", "fi": "Yhteistyökumppanit", "sv": "Samarbetspartner"},
    },
}

# The codebook's descriptions in Finnish and Swedish (English: vocabulary.py).
ENUM_DESCRIPTIONS: dict[str, dict[str, dict[str, str]]] = {
    "RegionKind": {
        "county": {"fi": "Hyvinvointialue.", "sv": "Ett välfärdsområde."},
        "city": {
            "fi": "Kaupunki, joka järjestää itse sosiaali- ja terveyspalvelunsa (Helsinki).",
            "sv": "En stad som själv ordnar sina social- och hälsovårdstjänster (Helsingfors).",
        },
        "joint-authority": {
            "fi": "Yhtymä (HUS-yhtymä).",
            "sv": "En sammanslutning (HUS-sammanslutningen).",
        },
        "autonomous-region": {
            "fi": "Itsehallinnollinen maakunta (Ahvenanmaa).",
            "sv": "Ett självstyrt landskap (Åland).",
        },
    },
    "Answer": {
        "yes": {"fi": "Raportin mukaan näin on.", "sv": "Enligt rapporten är det så."},
        "no": {"fi": "Raportin mukaan näin ei ole.", "sv": "Enligt rapporten är det inte så."},
        "not-reported": {"fi": "Raportti ei kerro.", "sv": "Rapporten säger inget om det."},
    },
    "GeneralSupportLevel": {
        "offered": {
            "fi": "Hyvinvointialue antaa itse yleistä digitukea.",
            "sv": "Välfärdsområdet ger själv allmänt digitalt stöd.",
        },
        "limited": {
            "fi": (
                "Vain sen verran kuin alueen omien palvelujen käyttö vaatii "
                "(esim. asiakkaan laite tai vahva tunnistautuminen)."
            ),
            "sv": (
                "Bara så mycket som behövs för att använda områdets egna tjänster "
                "(t.ex. kundens enhet eller stark autentisering)."
            ),
        },
        "not-offered": {
            "fi": "Hyvinvointialue ei anna yleistä digitukea; asiakkaat ohjataan yleensä muualle.",
            "sv": "Välfärdsområdet ger inte allmänt digitalt stöd; kunderna hänvisas oftast till annat håll.",
        },
        "under-review": {
            "fi": "Yleisen digituen antamista selvitetään.",
            "sv": "Om allmänt digitalt stöd ska ges är under utredning.",
        },
        "not-reported": {"fi": "Raportti ei kerro.", "sv": "Rapporten säger inget om det."},
    },
    "Channel": {
        "web-guides": {
            "fi": "Ohjeet alueen verkkosivuilla tekstinä tai videona.",
            "sv": "Anvisningar på områdets webbplats, som text eller video.",
        },
        "printed-guides": {
            "fi": "Painetut ohjeet: ohjelehtiset tai ohjeiden paperiversiot.",
            "sv": "Tryckta anvisningar: broschyrer eller pappersversioner av anvisningar.",
        },
        "guides": {
            "fi": (
                "Ohjemateriaali alueen palveluiden käytöstä, kun raportti ei kerro, onko se "
                "verkossa vai painettuna."
            ),
            "sv": (
                "Anvisningsmaterial om hur områdets tjänster används, när rapporten inte säger "
                "om det finns på webben eller i tryck."
            ),
        },
        "phone": {
            "fi": "Apu puhelimitse (myös vaihde tai neuvontapuhelin).",
            "sv": "Hjälp per telefon (även växel eller rådgivningsnummer).",
        },
        "email": {"fi": "Apu sähköpostitse.", "sv": "Hjälp per e-post."},
        "chat": {"fi": "Apu chat-palvelussa.", "sv": "Hjälp i en chattjänst."},
        "in-app": {
            "fi": "Viestit alueen sovelluksessa tai palautelomake.",
            "sv": "Meddelanden i områdets app eller ett responsformulär.",
        },
        "advice-service": {
            "fi": (
                "Neuvonta- tai yhteydenottopalvelu, jonka puoleen asiakas voi kääntyä, kun "
                "raportti ei kerro, miten siihen otetaan yhteyttä (puhelin, sähköposti, chat "
                "vai käynti)."
            ),
            "sv": (
                "En rådgivnings- eller kontakttjänst som kunderna kan vända sig till, när "
                "rapporten inte säger hur man kontaktar den (telefon, e-post, chatt eller besök)."
            ),
        },
        "service-point": {
            "fi": "Kiinteä paikka, jonne kuka tahansa voi tulla saamaan tukea tai käyttämään tietokonetta.",
            "sv": "En fast plats dit vem som helst kan komma för att få stöd eller använda en dator.",
        },
        "outreach": {
            "fi": (
                "Tuki viedään tapahtumiin, kuntiin, kauppakeskuksiin, pop up -pisteisiin "
                "tai kiertueille (jalkautuva digituki)."
            ),
            "sv": (
                "Stödet förs ut till evenemang, kommuner, köpcentrum, pop up-punkter "
                "eller turnéer (uppsökande digitalt stöd)."
            ),
        },
        "presentations": {
            "fi": "Infotilaisuudet ja luennot paikan päällä tai verkossa.",
            "sv": "Infotillfällen och föreläsningar, på plats eller på nätet.",
        },
        "local-media": {"fi": "Vinkit paikallislehdissä.", "sv": "Tips i lokaltidningar."},
    },
    "Provider": {
        "professionals": {
            "fi": "Sosiaali- ja terveydenhuollon ammattilaiset osana asiakastyötään.",
            "sv": "Yrkespersoner inom social- och hälsovården, som en del av klientarbetet.",
        },
        "digital-team": {
            "fi": "Digitukeen nimetty henkilö, tiimi tai yksikkö.",
            "sv": "En person, ett team eller en enhet med ansvar för digitalt stöd.",
        },
        "customer-service": {
            "fi": "Keskitetty asiakaspalvelu, vaihde tai neuvontapuhelin.",
            "sv": "En central kundtjänst, växel eller rådgivningstelefon.",
        },
        "digimentors": {
            "fi": "Ammattilaiset, jotka on nimetty kehittämään kollegoidensa digitaitoja.",
            "sv": "Yrkespersoner som utsetts att utveckla kollegernas digitala färdigheter.",
        },
        "volunteers": {
            "fi": "Vapaaehtoiset ja vertaistukijat.",
            "sv": "Frivilliga och kamratstödjare.",
        },
        "students": {
            "fi": "Opiskelijat (esim. ammatillisessa koulutuksessa tai korkeakouluissa).",
            "sv": "Studerande (t.ex. inom yrkesutbildning eller vid högskolor).",
        },
        "partner-organisations": {
            "fi": "Järjestöt, kunnat tai muut, jotka auttavat alueen palvelujen käytössä.",
            "sv": "Organisationer, kommuner eller andra som hjälper till med områdets tjänster.",
        },
    },
    "ProfessionalDuty": {
        "explicit": {
            "fi": "Raportin mukaan ammattilaiset ovat velvollisia antamaan tai järjestämään digitukea.",
            "sv": "Enligt rapporten är yrkespersonerna skyldiga att ge eller ordna digitalt stöd.",
        },
        "part-of-work": {
            "fi": "Ammattilaiset antavat digitukea osana työtään; velvoitetta ei mainita.",
            "sv": "Yrkespersonerna ger digitalt stöd som en del av sitt arbete; ingen skyldighet nämns.",
        },
        "not-reported": {"fi": "Raportti ei kerro.", "sv": "Rapporten säger inget om det."},
    },
    "Language": {
        "fi": {"fi": "Suomi.", "sv": "Finska."},
        "sv": {"fi": "Ruotsi.", "sv": "Svenska."},
        "en": {"fi": "Englanti.", "sv": "Engelska."},
    },
    "Partner": {
        "municipalities": {"fi": "Kunnat ja kaupungit.", "sv": "Kommuner och städer."},
        "libraries": {"fi": "Kirjastot.", "sv": "Bibliotek."},
        "ngos": {
            "fi": "Järjestöt: yhdistykset, kolmas sektori, eläkeläis- ja perhejärjestöt.",
            "sv": "Organisationer: föreningar, tredje sektorn, pensionärs- och familjeorganisationer.",
        },
        "parishes": {"fi": "Seurakunnat.", "sv": "Församlingar."},
        "education": {
            "fi": "Ammatilliset oppilaitokset, korkeakoulut ja kansalaisopistot.",
            "sv": "Yrkesläroanstalter, högskolor och medborgarinstitut.",
        },
        "kela": {"fi": "Kela, Kansaneläkelaitos.", "sv": "FPA, Folkpensionsanstalten."},
        "dvv": {
            "fi": "DVV, Digi- ja väestötietovirasto.",
            "sv": "MDB, Myndigheten för digitalisering och befolkningsdata.",
        },
        "support-network": {
            "fi": "Alueellinen digitukiverkosto.",
            "sv": "Ett regionalt nätverk för digitalt stöd.",
        },
        "other-counties": {"fi": "Muut hyvinvointialueet.", "sv": "Andra välfärdsområden."},
        "internal": {
            "fi": "Yhteistyö alueen omien toimintojen välillä.",
            "sv": "Samarbete mellan områdets egna funktioner.",
        },
    },
    "FundingAfterProject": {
        "regular-budget": {
            "fi": "Jatkuu osana perustoimintaa tai -budjettia; myös 'erillistä rahoitusta ei tarvita'.",
            "sv": "Fortsätter inom ordinarie verksamhet eller budget; även 'ingen separat finansiering behövs'.",
        },
        "unclear": {
            "fi": "Raportin mukaan järjestäminen tai rahoitus hankkeen jälkeen on epäselvää.",
            "sv": "Enligt rapporten är organiseringen eller finansieringen efter projektet oklar.",
        },
        "not-reported": {"fi": "Raportti ei kerro.", "sv": "Rapporten säger inget om det."},
    },
    "SectionName": {
        "service_support": {
            "fi": "Asiointitilanteisiin liittyvä digituki: tuki hyvinvointialueen omien palvelujen käytössä.",
            "sv": "Asiointitilanteisiin liittyvä digituki: stöd i ärenden med områdets egna tjänster.",
        },
        "general_support": {
            "fi": "Yleinen digituki: apu laitteiden ja muiden kuin alueen omien palvelujen käytössä.",
            "sv": "Yleinen digituki: allmänt digitalt stöd.",
        },
        "cooperation": {"fi": "Yhteistyöt: yhteistyö digituessa.", "sv": "Yhteistyöt: samarbete."},
        "organisation_funding": {
            "fi": "Digituen organisointi ja rahoitus: digituen järjestäminen ja rahoitus.",
            "sv": "Digituen organisointi ja rahoitus: organisering och finansiering.",
        },
    },
    "GapKind": {
        "funding-unclear": {
            "fi": "Rahoitus tai järjestäminen hankkeen jälkeen on epäselvää.",
            "sv": "Finansieringen eller organiseringen efter projektet är oklar.",
        },
        "funding-not-reported": {
            "fi": "Raportti ei kerro, miten tuki rahoitetaan hankkeen jälkeen.",
            "sv": "Rapporten säger inte hur stödet finansieras efter projektet.",
        },
        "no-general-support": {
            "fi": "Yleistä digitukea ei tarjota; asiakkaat ohjataan nimetyille yhteistyökumppaneille.",
            "sv": "Allmänt digitalt stöd erbjuds inte; kunderna hänvisas till namngivna samarbetspartner.",
        },
        "no-general-support-no-referral": {
            "fi": "Yleistä digitukea ei tarjota, eikä ohjauskohdetta mainita.",
            "sv": "Allmänt digitalt stöd erbjuds inte och inget hänvisningsmål nämns.",
        },
        "no-remote-channel": {
            "fi": (
                "Raportti ei mainitse apua puhelimitse, sähköpostitse, chatissa eikä "
                "sovelluksessa eikä muuta yhteydenottopalvelua."
            ),
            "sv": (
                "Rapporten nämner ingen hjälp per telefon, e-post, chatt eller i appen, "
                "och ingen annan kontakttjänst."
            ),
        },
        "contact-medium-not-stated": {
            "fi": "Raportti mainitsee yhteydenotto- tai neuvontapalvelun, mutta ei sitä, miten siihen otetaan yhteyttä.",
            "sv": "Rapporten nämner en kontakt- eller rådgivningstjänst, men inte hur man kontaktar den.",
        },
        "missing-section": {
            "fi": "Raportista puuttuu jokin alueen neljästä osiosta.",
            "sv": "Rapporten saknar något av områdets fyra avsnitt.",
        },
        "not-interviewed": {
            "fi": "Aluetta ei haastateltu; raportti ei kerro siitä.",
            "sv": "Området intervjuades inte; rapporten säger inget om det.",
        },
    },
    "StatField": {
        "general_support": {
            "fi": "Yleisen digituen taso (yksi kullakin alueella).",
            "sv": "Nivån på allmänt digitalt stöd (en per område).",
        },
        "funding": {
            "fi": "Rahoitus hankkeen jälkeen (yksi kullakin alueella).",
            "sv": "Finansiering efter projektet (en per område).",
        },
        "professional_duty": {
            "fi": "Ammattilaisten velvoite antaa tukea (yksi kullakin alueella).",
            "sv": "Yrkespersonernas skyldighet att ge stöd (en per område).",
        },
        "channels": {
            "fi": "Tuen kanavat alueen omien palvelujen käytössä (useita kullakin alueella).",
            "sv": "Kanaler för stöd med områdets egna tjänster (flera per område).",
        },
        "providers": {
            "fi": "Kuka tätä tukea antaa (useita kullakin alueella).",
            "sv": "Vem som ger det stödet (flera per område).",
        },
        "partners": {
            "fi": "Yhteistyökumppanit (useita kullakin alueella).",
            "sv": "Samarbetspartner (flera per område).",
        },
    },
}


class Labels:
    """The catalogue in one language, for the views: texts, codebook labels, region names.

    `names` is the language of region names; it follows the interface language unless given
    (the export keeps the Finnish names its readers know the counties by).
    """

    __slots__ = ("lang", "names")

    def __init__(self, lang: str = DEFAULT_LANGUAGE, names: str | None = None):
        if lang not in LANGUAGES or (names is not None and names not in LANGUAGES):
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self.names = names or lang

    def __repr__(self) -> str:
        return f"Labels({self.lang!r})"

    def __call__(self, key: str, /, **params: object) -> str:
        """The interface text `key`; a list or tuple parameter is joined with 'or'."""
        template = UI[key][self.lang]
        if not params:
            return template
        joiner = UI["join.or"][self.lang]
        return template.format(
            **{
                name: joiner.join(str(v) for v in value)
                if isinstance(value, list | tuple)
                else value
                for name, value in params.items()
            }
        )

    def code(self, codebook: str, code: str) -> str:
        """The label of a codebook value given as its code; the code itself if it has none."""
        entry = ENUM_LABELS.get(codebook, {}).get(code)
        return entry[self.lang] if entry else code

    def enum(self, member: DescribedEnum) -> str:
        return self.code(type(member).__name__, member.value)

    def describe(self, member: DescribedEnum) -> str:
        """The codebook's description of a value, in this language."""
        if self.lang == "en":
            return member.description
        return ENUM_DESCRIPTIONS[type(member).__name__][member.value][self.lang]

    def yes_no(self, value: bool) -> str:
        return self.code("Answer", "yes" if value else "no")

    def attribute(self, key: str) -> str:
        return UI["attr." + key][self.lang]

    def name(self, names: Names) -> str:
        """A region's name (short or official) in this language."""
        chosen: str = getattr(names, self.names)
        return chosen

    def other_names(self, names: Names) -> list[str]:
        """A region's names in the other two languages, Finnish, Swedish, English order."""
        return [getattr(names, lang) for lang in LANGUAGES if lang != self.names]

    def number(self, value: float, digits: int) -> str:
        """A decimal number as the language writes it (3.85, 3,85)."""
        text = f"{value:.{digits}f}"
        return text if self.lang == "en" else text.replace(".", ",")
