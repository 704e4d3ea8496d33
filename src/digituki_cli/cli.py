"""The command line: parse options, call a query, hand the result to rendering.

Domain errors (`DigitukiError`) and click's usage errors become one line on stderr, in the
interface language, and an exit code; nothing here formats output by hand. Help texts are
English message ids here; main() says them in the interface language (`_speak`).
"""

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__, streams
from .choices import CodeChoice, Count, IsoDate
from .errors import EXIT_ERROR, EXIT_USAGE, DigitukiError, QueryError, UsageError, os_reason
from .formats import CsvDialect, ExportFormat, Format
from .i18n import (
    N_,
    InterfaceLanguage,
    LanguageError,
    _,
    language,
    resolve_language,
    set_language,
)
from .paths import DATA_ENV, dataset_path, given_file
from .text import printable
from .vocabulary import (
    Channel,
    FundingAfterProject,
    GapKind,
    GeneralSupportLevel,
    Partner,
    ProfessionalDuty,
    Provider,
    SectionName,
    StatField,
)

if TYPE_CHECKING:
    from typer import _click as click

    from .export import Written
    from .model import Dataset
    from .render import Output

SLOW_LOAD_SECONDS = 1.0
EXAMPLES = N_("Examples:")
EXAMPLE = N_("Example:")
SEARCH_EXIT_STATUS = N_("Exit status: 0 if something matched, 1 if nothing did (like grep).")


def _examples(*commands: str, after: str | None = None) -> str:
    """An epilog: a heading, one command a paragraph, then `after` (main() translates them)."""
    heading = EXAMPLES if len(commands) > 1 else EXAMPLE
    return "\n\n".join([heading, *(f"  {c}" for c in commands), *([after] if after else [])])


app = typer.Typer(
    name="digituki",
    help=N_(
        "Ask how Finland's wellbeing services counties give their residents digital support "
        "(digituki), from the report 'Hyvinvointialueiden digituen mallit' (2025).\n\n"
        "Every answer comes from the report and can show the report's own words (--evidence)."
    ),
    epilog=N_("Data: 'Hyvinvointialueiden digituen mallit' (Kunnas & Erfors, 9.12.2025)."),
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


# --- shared options: one definition each, reused by every command ---


def _version(value: bool) -> None:
    if value:
        typer.echo(f"digituki {__version__}")
        raise typer.Exit()


def _complete_region(ctx: typer.Context, incomplete: str) -> list[str]:
    from .completion import completions

    return completions(ctx.find_root().params.get("data"), incomplete)


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help=N_("Output format. Default: from the -o file's suffix, else table."),
        click_type=CodeChoice(Format),
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help=N_(
            "File to write (atomically), e.g. result.xlsx. '-' or none: stdout "
            "(not for xlsx on a terminal)."
        ),
        metavar="FILE",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help=N_("Replace an existing file."))]
DialectOption = Annotated[
    CsvDialect,
    typer.Option(
        "--csv-dialect",
        help=N_(
            "CSV for scripts (standard: commas) or for Excel in Finnish or Swedish "
            "(excel-fi: semicolons and a byte order mark)."
        ),
        click_type=CodeChoice(CsvDialect),
    ),
]
EnvelopeOption = Annotated[
    bool,
    typer.Option(
        "--envelope",
        help=N_(
            "With --format json: an object with the date of the facts (as_of) and the "
            "answer (data)."
        ),
    ),
]
EvidenceOption = Annotated[
    bool, typer.Option("--evidence", "-e", help=N_("Show the report's words behind each value."))
]
RegionArgs = Annotated[
    list[str],
    typer.Argument(
        help=N_("Region: id, name in Finnish, Swedish or English, or brand name (e.g. Pirha)."),
        autocompletion=_complete_region,
        show_default=False,
        metavar="REGION...",
    ),
]


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option(
            "--data",
            envvar=DATA_ENV,
            help=N_("Dataset file to use instead of the bundled one."),
            metavar="FILE",
            show_envvar=True,
        ),
    ] = None,
    lang: Annotated[
        InterfaceLanguage | None,
        typer.Option(
            "--lang",
            # main() reads --lang wherever it stands, with DIGITUKI_LANG and the locale.
            help=N_(
                "Language of the interface: fi, sv or en, before or after the command. "
                "Default: DIGITUKI_LANG, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."
            ),
            click_type=CodeChoice(InterfaceLanguage),
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Show the version and exit.")
        ),
    ] = False,
) -> None:
    """The dataset option is read where it is needed (_data_path)."""
    if lang is not None:
        set_language(lang.value)
    if data is not None:
        given_file(data, "--data")  # an empty --data is wrong in every command, even schema
    if ctx.invoked_subcommand is None:  # only options, e.g. `digituki --lang fi`: show the help
        typer.echo(ctx.get_help())


def _data_path(ctx: typer.Context) -> Path:
    return dataset_path(ctx.find_root().params.get("data"))


def _dataset(ctx: typer.Context) -> "Dataset":
    from .load import load_dataset

    path = _data_path(ctx)
    loaded = load_dataset(path)
    if loaded.cold_seconds is not None and loaded.cold_seconds > SLOW_LOAD_SECONDS:
        message = _(
            "digituki: read and validated {path} in {seconds} s; later runs use a cache"
        ).format(path=path, seconds=f"{loaded.cold_seconds:.1f}")
        sys.stderr.write(printable(message) + "\n")
    return loaded.dataset


def _emit(
    view: "Output",
    fmt: Format | None,
    output: str | None = None,
    force: bool = False,
    dialect: CsvDialect = CsvDialect.STANDARD,
) -> None:
    """A query's result in the format, to stdout or to the -o file (export.write_output)."""
    from .export import query_format, write_output

    _confirm(write_output(view, query_format(fmt, output), output, force, dialect))


def _answer(
    view: "Output",
    dataset: "Dataset",
    fmt: Format | None,
    envelope: bool,
    output: str | None,
    force: bool,
    dialect: CsvDialect,
) -> None:
    """Emit an answer about the dataset's regions, dated (views.dated: the date of its facts
    and the report's caveat; with `envelope`, JSON wrapped as {"as_of", "data"})."""
    from .export import query_format
    from .report import as_of
    from .views import dated

    if envelope and query_format(fmt, output) is not Format.JSON:
        raise UsageError(_("--envelope needs --format json"))
    _emit(dated(view, as_of(dataset.source), envelope), fmt, output, force, dialect)


# --- commands ---


@app.command(
    "list",
    help=N_("One row per region: general support, funding after the project, channels, partners."),
    epilog=_examples("digituki list", "digituki list --all --format csv"),
)
def list_regions(
    ctx: typer.Context,
    include_all: Annotated[
        bool,
        typer.Option("--all", "-a", help=N_("Add the six regions the report does not describe.")),
    ] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki list`: the regions, interviewed first; --all adds the others.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .queries import interviewed_first
    from .views import list_view

    dataset = _dataset(ctx)
    regions = interviewed_first(dataset.regions, include_all)
    _answer(list_view(regions), dataset, fmt, envelope, output, force, dialect)


@app.command(
    help=N_("A region's classification and the report's own text, with page numbers."),
    epilog=_examples(
        "digituki show kainuu",
        "digituki show Pirha --evidence",
        "digituki show 'North Karelia' --section general-support",
        "digituki show lappi satakunta --format json",
    ),
)
def show(
    ctx: typer.Context,
    regions: RegionArgs,
    evidence: EvidenceOption = False,
    section: Annotated[
        SectionName | None,
        typer.Option(
            "--section",
            "-s",
            help=N_("Show only this section of the report."),
            click_type=CodeChoice(SectionName),
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki show REGION...`: each region's classifications, or one section's text.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .lookup import RegionIndex
    from .views import show_view

    dataset = _dataset(ctx)
    places = RegionIndex(dataset.regions).places(regions)
    _answer(
        show_view(places, evidence, section, dataset.statistics),
        dataset,
        fmt,
        envelope,
        output,
        force,
        dialect,
    )


@app.command(
    "filter",
    help=N_("Regions that meet every condition given (AND), or with --any at least one (OR)."),
    epilog=_examples(
        "digituki filter --general-support",
        "digituki filter --channel email --after-project unclear",
        "digituki filter --any --channel chat --channel phone --evidence",
        "digituki filter --partner parishes --evidence",
        "digituki filter --after-project unclear -o funding-unclear.xlsx",
    ),
)
def filter_command(
    ctx: typer.Context,
    general_support: Annotated[
        bool | None,
        typer.Option(
            "--general-support/--no-general-support",
            help=N_("General support offered or limited / not offered."),
            show_default=False,
        ),
    ] = None,
    general_support_level: Annotated[
        GeneralSupportLevel | None,
        typer.Option(
            "--general-support-level",
            help=N_("General support level."),
            click_type=CodeChoice(GeneralSupportLevel),
        ),
    ] = None,
    channel: Annotated[
        list[Channel] | None,
        typer.Option(
            "--channel",
            help=N_("Has this channel (repeat: all of them; with --any: any of them)."),
            click_type=CodeChoice(Channel),
        ),
    ] = None,
    provider: Annotated[
        list[Provider] | None,
        typer.Option(
            "--provider",
            help=N_("Has this provider (repeat: all of them; with --any: any of them)."),
            click_type=CodeChoice(Provider),
        ),
    ] = None,
    partner: Annotated[
        list[Partner] | None,
        typer.Option(
            "--partner",
            help=N_("Works with this partner (repeat: all of them; with --any: any of them)."),
            click_type=CodeChoice(Partner),
        ),
    ] = None,
    professional_duty: Annotated[
        ProfessionalDuty | None,
        typer.Option(
            "--professional-duty",
            "--obligation",
            help=N_("Professionals' duty to give support."),
            click_type=CodeChoice(ProfessionalDuty),
        ),
    ] = None,
    after_project: Annotated[
        FundingAfterProject | None,
        typer.Option(
            "--after-project",
            "--funding",
            help=N_("Funding after the project."),
            click_type=CodeChoice(FundingAfterProject),
        ),
    ] = None,
    project_funded: Annotated[
        bool,
        typer.Option("--project-funded", help=N_("Support was developed with project funds.")),
    ] = False,
    assisted_mandates: Annotated[
        bool,
        typer.Option(
            "--assisted-mandates",
            "--assisted-authorization",
            help=N_("Help with Suomi.fi mandates is available in the county."),
        ),
    ] = False,
    plain_language: Annotated[
        bool,
        typer.Option("--plain-language", help=N_("Plain language (selkokieli) in materials.")),
    ] = False,
    interviewed: Annotated[
        bool | None,
        typer.Option(
            "--interviewed/--not-interviewed",
            help=N_("Interviewed for the report, or not. Default: all regions."),
            show_default=False,
        ),
    ] = None,
    match_any: Annotated[
        bool,
        typer.Option(
            "--any",
            help=N_("A region matches if it meets at least one condition (OR), not all of them."),
        ),
    ] = False,
    evidence: EvidenceOption = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki filter`: the regions that meet the conditions (queries.Criteria).

    Its help is the message id given to @app.command; main() translates it.
    """
    from .queries import Criteria, filter_regions, residents
    from .views import filter_view

    criteria = Criteria(
        general_support=general_support,
        general_support_level=general_support_level,
        channels=tuple(channel or ()),
        providers=tuple(provider or ()),
        partners=tuple(partner or ()),
        professional_duty=professional_duty,
        after_project=after_project,
        project_funded=project_funded,
        assisted_mandates=assisted_mandates,
        plain_language=plain_language,
        interviewed=interviewed,
        match_any=match_any,
    )
    dataset = _dataset(ctx)
    matches = filter_regions(dataset.regions, criteria)
    people = residents([m.region for m in matches], dataset.regions, dataset.statistics)
    any_of = match_any and not criteria.empty()
    _answer(
        filter_view(matches, evidence, any_of, people),
        dataset,
        fmt,
        envelope,
        output,
        force,
        dialect,
    )


@app.command(
    help=N_("Regions side by side, differences in bold; --all gives the whole feature matrix."),
    epilog=_examples(
        "digituki compare kainuu lappi",
        "digituki compare Eksote Pirha Varha",
        "digituki compare --all",
    ),
)
def compare(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None,
        typer.Argument(
            help=N_("Two or more regions."),
            autocompletion=_complete_region,
            show_default=False,
            metavar="REGION...",
        ),
    ] = None,
    all_regions: Annotated[
        bool,
        typer.Option("--all", "-a", help=N_("The feature matrix of every interviewed region.")),
    ] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki compare`: regions side by side, or --all's feature matrices.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .lookup import RegionIndex
    from .queries import compare as compare_regions
    from .queries import feature_matrices, interviewed_first
    from .views import compare_view, matrix_view

    dataset = _dataset(ctx)
    if all_regions:
        if regions:
            raise UsageError(_("give regions or --all, not both"))
        matrices = feature_matrices(interviewed_first(dataset.regions, False))
        _answer(matrix_view(matrices), dataset, fmt, envelope, output, force, dialect)
        return
    found = RegionIndex(dataset.regions).resolve_all(regions or [])
    if len(found) < 2:
        raise UsageError(_("compare needs two or more different regions"), hint=_("or use --all"))
    _answer(compare_view(compare_regions(found)), dataset, fmt, envelope, output, force, dialect)


@app.command(
    help=N_("Gaps the report reveals, each with its evidence, and a count per kind."),
    epilog=_examples(
        "digituki gaps",
        "digituki gaps --after-project unclear",
        "digituki gaps --kind no-remote-channel --format json",
        "digituki gaps --kind funding-unclear --unconfirmed-since 2026-01-01",
    ),
)
def gaps(
    ctx: typer.Context,
    kind: Annotated[
        list[GapKind] | None,
        typer.Option(
            "--kind",
            "-k",
            help=N_("Only gaps of this kind (repeatable)."),
            click_type=CodeChoice(GapKind),
        ),
    ] = None,
    after_project: Annotated[
        FundingAfterProject | None,
        typer.Option(
            "--after-project",
            "--funding",
            help=N_("Only regions with this funding after the project."),
            click_type=CodeChoice(FundingAfterProject),
        ),
    ] = None,
    unconfirmed_since: Annotated[
        dt.date | None,
        typer.Option(
            "--unconfirmed-since",
            help=N_(
                "Only gaps resting on values that no source has confirmed since this day, "
                "each with its date: whom to call."
            ),
            click_type=IsoDate(),
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki gaps`: the gaps the report reveals; --unconfirmed-since dates them.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .queries import gaps as find_gaps
    from .views import gaps_view

    dataset = _dataset(ctx)
    report = find_gaps(dataset.regions, tuple(kind or ()), after_project, dataset.statistics)
    if unconfirmed_since is None:
        _answer(gaps_view(report), dataset, fmt, envelope, output, force, dialect)
        return
    from .history import unconfirmed
    from .history_views import unconfirmed_gaps_view

    dated = unconfirmed(report, unconfirmed_since, dataset.source.date)
    _answer(unconfirmed_gaps_view(dated), dataset, fmt, envelope, output, force, dialect)


def _complete_map_by(incomplete: str) -> list[str]:
    from .export.html import map_by_choices

    return [c for c in map_by_choices() if c.startswith(incomplete.lower())]


@app.command(
    "export",
    help=N_(
        "The whole dataset as JSON, CSV, Markdown, SQLite (with Datasette's metadata), an "
        "Excel workbook or a self-contained HTML report; yaml: the dataset file itself, a "
        "copy to keep with record."
    ),
    epilog=_examples(
        "digituki export --format xlsx -o digituki.xlsx",
        "digituki export --format json -o counties.json",
        "digituki export --format csv -o counties.csv",
        "digituki export --format markdown > report.md",
        "digituki export --format sqlite -o digituki.sqlite",
        "digituki export --format html -o report.html --map-by channel:email",
        "digituki export --format yaml -o my-counties.yaml",
    ),
)
def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=N_("Format. Default: from the -o file's suffix."),
            click_type=CodeChoice(ExportFormat),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help=N_(
                "File to write (atomically). '-' or none: stdout (not for sqlite or xlsx on a "
                "terminal)."
            ),
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    map_by: Annotated[
        str | None,
        typer.Option(
            "--map-by",
            help=N_(
                "html: colour the map by funding (default), general-support, "
                "channel:CODE or partner:CODE."
            ),
            metavar="ATTR",
            autocompletion=_complete_map_by,
            show_default=False,
        ),
    ] = None,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """`digituki export`: the whole dataset as a file (export.export).

    Its help is the message id given to @app.command; main() translates it.
    """
    from .export import choose_format, export

    chosen = choose_format(fmt, output if output is None else given_file(output, "--output"))
    if chosen is ExportFormat.YAML:
        from .record import copy_dataset

        if map_by is not None:
            raise UsageError(_("--map-by applies only to --format html"))
        written, copied = copy_dataset(_data_path(ctx), output, force)
        _confirm(written)
        for path in copied:
            typer.echo(printable(_("Copied the source text {path}").format(path=path)), err=True)
        return
    _confirm(export(_dataset(ctx), chosen, output, force, map_by, _data_path(ctx), dialect))


def _confirm(written: "Sequence[Written]") -> None:
    """One line on stderr for each file written."""
    for each in written:
        message = _("Wrote {path} ({format}, {size})").format(
            path=each.path, format=each.format, size=_size(each.size)
        )
        typer.echo(printable(message), err=True)


def _size(size: int) -> str:
    if size < 1024:
        return _("{size} bytes").format(size=size)
    return _("{size} KiB").format(size=f"{size / 1024:.0f}")


@app.command(
    help=N_(
        "Full-text search of the whole report (the regions' texts and its other chapters): "
        "any word form, derivations and compounds, ranked (BM25)."
    ),
    epilog=_examples(
        "digituki search seurakunnissa",
        "digituki search kirjasto seurakunta",
        "digituki search '\"avustetun valtuutuksen\"'",
        "digituki search chat --region satakunta --format json",
        after=SEARCH_EXIT_STATUS,
    ),
)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help=N_(
                "Words in any inflected form (seurakunnissa finds seurakuntien), derivation "
                "(selkokieli finds selkokielisyys) or compound (mentori finds digimentori); "
                "ä/ö may be typed as a/o. Put a phrase in double quotes inside the query."
            ),
            metavar="QUERY",
            show_default=False,
        ),
    ],
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            "-r",
            help=N_("Only this region (repeatable)."),
            autocompletion=_complete_region,
            metavar="R",
        ),
    ] = None,
    section: Annotated[
        SectionName | None,
        typer.Option(
            "--section",
            "-s",
            help=N_("Only this section of the report."),
            click_type=CodeChoice(SectionName),
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", click_type=Count(), help=N_("Show at most this many sections.")
        ),
    ] = 20,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """`digituki search QUERY...`: full-text search of the report (search.search).

    Its help is the message id given to @app.command; main() translates it.
    """
    from .lookup import RegionIndex
    from .search import load_corpus
    from .search import search as run_search
    from .views import search_view

    dataset = _dataset(ctx)
    chosen = RegionIndex(dataset.regions).resolve_all(region or [])
    corpus = load_corpus(dataset, _data_path(ctx))
    results = run_search(corpus, " ".join(query), chosen, section, limit)
    _emit(search_view(results), fmt, output, force, dialect)


@app.command(
    help=N_("How many interviewed regions have each classification, as bar charts."),
    epilog=_examples(
        "digituki stats", "digituki stats --by channels", "digituki stats --format csv"
    ),
)
def stats(
    ctx: typer.Context,
    by: Annotated[
        StatField | None,
        typer.Option(
            "--by",
            "-b",
            help=N_("Only this field, with the meaning of each value."),
            click_type=CodeChoice(StatField),
        ),
    ] = None,
    by_population: Annotated[
        bool,
        typer.Option(
            "--by-population",
            "-p",
            help=N_("Weight each region by its residents (the dataset's population figures)."),
        ),
    ] = False,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
    envelope: EnvelopeOption = False,
) -> None:
    """`digituki stats`: counts of each classification, optionally by residents.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .queries import attribution
    from .stats import stats as count
    from .views import stats_view

    dataset = _dataset(ctx)
    weighted = attribution(dataset.regions, dataset.statistics) if by_population else None
    if by_population and (weighted is None or weighted.date is None):
        raise UsageError(_("--by-population: the dataset has no population figures"))
    counts = count(dataset.regions, [by] if by else [])
    _answer(
        stats_view(counts, by is not None, weighted),
        dataset,
        fmt,
        envelope,
        output,
        force,
        dialect,
    )


@app.command(
    help=N_("List municipalities with their codes and the region that serves them."),
    epilog=_examples(
        "digituki municipalities --region kainuu",
        "digituki municipalities --region Borgå --format json",
        "digituki municipalities --format csv",
    ),
)
def municipalities(
    ctx: typer.Context,
    region: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            "-r",
            help=N_(
                "Only the municipalities of this region (repeatable; a municipality's name "
                "names its region)."
            ),
            autocompletion=_complete_region,
            metavar="R",
        ),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """`digituki municipalities`: municipalities, their codes and regions.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .lookup import RegionIndex
    from .views_context import municipalities_view

    dataset = _dataset(ctx)
    chosen = RegionIndex(dataset.regions).resolve_all(region) if region else dataset.regions
    _emit(municipalities_view(list(chosen), dataset.statistics), fmt, output, force, dialect)


@app.command(
    help=N_("Check a dataset file with the loader's own checks and report every problem."),
    epilog=_examples("digituki validate", "digituki validate my-counties.yaml"),
)
def validate(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            help=N_("Dataset file. Default: --data, $DIGITUKI_DATA, else the bundled one."),
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """`digituki validate [FILE]`: every problem of a dataset file; exit 1 if any.

    Its help is the message id given to @app.command; main() translates it.
    """
    from .errors import DataError
    from .i18n import ngettext
    from .load import load_path

    path = (
        Path(given_file(file, "validate"))
        if file is not None
        else _relative_if_below_cwd(_data_path(ctx))
    )
    try:
        dataset, warnings = load_path(path)
    except DataError as exc:
        for problem in exc.problems:
            typer.echo(printable(str(problem)), err=True)
        count = len(exc.problems)
        summary = ngettext("{path}: {count} problem", "{path}: {count} problems", count)
        typer.echo(summary.format(path=path, count=count), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for warning in warnings:
        typer.echo(printable(_("warning: {warning}").format(warning=warning)), err=True)
    regions = ngettext("{count} region", "{count} regions", len(dataset.regions)).format(
        count=len(dataset.regions)
    )
    warned = ngettext("{count} warning", "{count} warnings", len(warnings)).format(
        count=len(warnings)
    )
    typer.echo(
        printable(
            _("{path}: valid ({regions}, {warnings})").format(
                path=path, regions=regions, warnings=warned
            )
        )
    )


def _relative_if_below_cwd(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


@app.command(
    help=N_("Print the JSON Schema of the dataset, with the codebook's descriptions."),
    epilog=_examples("digituki schema > counties.schema.json"),
)
def schema() -> None:
    """`digituki schema`: the dataset's JSON Schema, with the codebook, on stdout."""
    import json

    from .validation import json_schema

    streams.write_machine(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


# --- entry point: one place that maps errors to messages and exit codes ---


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(printable(_("Error: {message}").format(message=message)) + "\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _take_lang(args: list[str]) -> tuple[str | None, list[str]]:
    """The value of --lang wherever it stands (before `--`), and the arguments without it.

    The last --lang wins. Raises LanguageError when --lang has no value.
    """
    chosen: str | None = None
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            rest += [word, *words]
            break
        if word == "--lang":
            chosen = next(words, None)
            if chosen is None:
                raise LanguageError(_("--lang needs a value: fi, sv or en"))
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
        else:
            rest.append(word)
    return chosen, rest


# Options of record that take a value (a value may begin with '-'); --data is global.
_RECORD_VALUE_OPTIONS = frozenset(
    {"--data", "--source", "--quote", "--note", "--note-fi", "--note-sv", "--note-en"}
)


def _members_last(args: list[str]) -> list[str]:
    """`record REGION FIELD -chat`: click would read -chat as the short options -c -h -a -t
    (and -h shows the help); a set member to remove is moved after `--`, at the end, where
    click takes it as the argument it is."""
    command = 0
    while command < len(args) and args[command].startswith("-"):
        command += 2 if args[command] == "--data" else 1  # the global options
    if command >= len(args) or args[command] != "record" or "--" in args:
        return args
    start = command + 1
    kept, members = args[:start], []
    words = iter(args[start:])
    for word in words:
        if word in _RECORD_VALUE_OPTIONS:
            kept += [word, next(words, "")]
        elif len(word) > 1 and word[0] == "-" and word[1] != "-" and word != "-h":
            members.append(word)
        else:
            kept.append(word)
    return [*kept, "--", *members] if members else kept


# Words of Typer's and click's own that reach the user: in the catalogue, said by _speak.
TYPER_WORDS = (
    N_("Usage:"),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Install completion for the specified shell."),
    N_("Show completion for the specified shell, to copy it or customize the installation."),
    N_("[OPTIONS]"),
    N_("COMMAND"),
    N_("[ARGS]..."),
)


def _speak(command: "click.Command") -> None:
    """Say the help of every command in the interface language.

    Typer fixed the help texts (English message ids) when it built the commands; here each
    is looked up in the catalogue. Typer's own words (Options, [default: ...], required,
    Missing command) come from typer.core's `_`, which is pointed at ours; click's "Usage:"
    from a formatter of ours; the help option's text is set here. An option whose values
    are a vocabulary lists them, with their labels in Finnish or Swedish.
    """
    import typer.core

    typer.core._ = _  # type: ignore[attr-defined]
    for each in _every_command(command):
        each.context_class = _Context
        if each.help:
            each.help = _(each.help)
        if each.epilog:
            each.epilog = "\n\n".join(_(part) for part in each.epilog.split("\n\n"))
        names = {"help_option_names": ["-h", "--help"]}
        help_option = each.get_help_option(type("HelpContext", (), names)())
        if help_option is not None:
            help_option.help = _("Show this message and exit.")
        for param in each.params:
            if not isinstance(param, typer.core.TyperOption | typer.core.TyperArgument):
                continue
            text = _(param.help) if param.help else ""
            if isinstance(param.type, CodeChoice) and language() != "en" and param.type.labels():
                text += " " + _("Also: {labels}.").format(labels=", ".join(param.type.labels()))
            param.help = text or None


def _every_command(command: "click.Command") -> "Iterator[click.Command]":
    """The command and, for a group, every command under it (`sources add`)."""
    yield command
    commands: dict[str, click.Command] = getattr(command, "commands", {})
    for each in commands.values():
        yield from _every_command(each)


def _typed(name: str, args: Sequence[str]) -> bool:
    """Whether the command line gives the option `name` (`--funding x` or `--funding=x`)."""
    return any(arg == name or arg.startswith(name + "=") for arg in args)


def _usage_message(exc: Exception, args: Sequence[str] = ()) -> str:
    """A usage error of click's in the interface language, with where to find help; an
    option with several names (aliases) is called by the name `args` gives it."""
    from typer._click import exceptions as errors

    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, errors.NoSuchOption):
        message = _("No such option: {name}").format(name=printable(exc.option_name))
        if exc.possibilities:
            options = ", ".join(sorted(exc.possibilities))
            message += " " + _("(possible options: {options})").format(options=options)
    elif isinstance(exc, errors.MissingParameter):
        param = exc.param
        hint = param.get_error_hint(ctx) if param is not None and ctx is not None else ""
        if param is not None and param.param_type_name == "argument":
            message = _("Missing argument {name}.").format(name=hint)
        else:
            message = _("Missing option {name}.").format(name=hint)
    elif isinstance(exc, errors.BadParameter):
        param = exc.param
        hint = param.get_error_hint(ctx) if param is not None and ctx is not None else ""
        long_names = [name for name in getattr(param, "opts", ()) if name.startswith("--")]
        typed = [name for name in long_names if _typed(name, args)]
        if len(long_names) > 1 and typed:  # an alias (--after-project, --funding): the one typed
            hint = repr(typed[-1])
        message = _("Invalid value for {name}: {message}").format(name=hint, message=exc.message)
    elif isinstance(exc, errors.BadOptionUsage) and "requires" in exc.message:
        message = _("Option {name} needs a value.").format(name=repr(exc.option_name))
    elif isinstance(exc, errors.BadOptionUsage):
        message = _("Option {name} does not take a value.").format(name=repr(exc.option_name))
    elif isinstance(exc, errors.UsageError) and ". Did you mean " in exc.message:
        # Typer's suggestion for a mistyped command, appended in English to our message.
        message, _sep, choices = exc.message.rpartition(". Did you mean ")
        hint = _("did you mean {choices}?").format(choices=choices.rstrip("?"))
        message = f"{message}. ({hint})"
    elif isinstance(exc, errors.UsageError) and exc.message.startswith("Got unexpected extra"):
        extra = exc.message.partition("(")[2].rstrip(")")
        message = _("Unexpected extra arguments: {arguments}").format(arguments=extra)
    else:
        message = getattr(exc, "message", str(exc))
    command = ctx.command_path if ctx is not None else "digituki"
    return message + " " + _("(see '{command} --help')").format(command=command)


def main(argv: list[str] | None = None) -> None:
    """The program: run the command line `argv` (default: sys.argv[1:]) and exit.

    Always raises SystemExit: 0 on success (or the command's code: 1 when search finds
    nothing), 2 for a usage error (click's, UsageError, QueryError), 1 for any other
    DigitukiError or an output that cannot be written, 130 when interrupted. Every error is
    one line on stderr, in the interface language; never a traceback (DIGITUKI_DEBUG=1 shows
    a bug's)."""
    streams.prepare()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        option, args = _take_lang(args)
        set_language(resolve_language(option, os.environ))
    except LanguageError as exc:
        _fail(str(exc), EXIT_USAGE)
    args = _members_last(args)
    command = typer.main.get_command(app)
    _speak(command)
    try:
        code = command.main(args=args or ["--help"], prog_name="digituki", standalone_mode=False)
        sys.stdout.flush()  # a write that fails here is a DigitukiError too (streams.py)
    except typer.TyperException as exc:
        # Typer's (vendored click's) errors; usage errors are the ones with exit code 2.
        if exc.exit_code == EXIT_USAGE:
            _fail(_usage_message(exc, args), EXIT_USAGE)
        _fail(exc.format_message(), exc.exit_code)
    except typer.Abort:
        _fail(_("interrupted"), 130)
    except QueryError as exc:  # a name or query the domain cannot answer: a usage error
        _fail(exc.text(), EXIT_USAGE)
    except DigitukiError as exc:
        _fail(exc.text(), exc.exit_code)
    except OSError as exc:
        _fail(_cannot_write(exc), EXIT_ERROR)
    except Exception as exc:
        # A bug: still one line, not a traceback (DIGITUKI_DEBUG=1 shows the traceback).
        if os.environ.get("DIGITUKI_DEBUG"):
            raise
        _fail(
            _("internal error, please report it: {error}").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            EXIT_ERROR,
        )
    raise SystemExit(code if isinstance(code, int) else 0)


def _cannot_write(exc: OSError) -> str:
    return _("cannot write the output: {reason}").format(reason=os_reason(exc))


class _Formatter(typer._click.HelpFormatter):
    """click's help formatter, with "Usage:" in the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for word in ("[OPTIONS]", "COMMAND", "[ARGS]..."):  # click's placeholders (TYPER_WORDS)
            args = args.replace(word, _(word))
        super().write_usage(prog, args, prefix if prefix is not None else _("Usage:") + " ")


class _Context(typer.Context):
    formatter_class = _Formatter


# The commands that keep a living dataset are in their own module (see its docstring for why);
# importing it registers them on `app`.
from . import cli_living  # noqa: E402, F401
