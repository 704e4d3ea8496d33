"""The command line: parse options, call a query, hand the result to rendering.

Domain errors (`DigitukiError`) and click's usage errors become one line on stderr and an
exit code; nothing here formats output by hand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__, streams
from .errors import EXIT_ERROR, EXIT_USAGE, DigitukiError, UsageError
from .formats import ExportFormat, Format
from .paths import DATA_ENV, dataset_path, given_file
from .text import printable
from .translations import UI, InterfaceLanguage, Labels, LanguageError, resolve_language
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

    from .model import Dataset

SLOW_LOAD_SECONDS = 1.0
EPILOG_HINT = UI["help.data_source"]["en"]


def _help(key: str) -> str:
    """A help text of the catalogue in English; main() swaps in the user's language."""
    return UI["help." + key]["en"]


app = typer.Typer(
    name="digituki",
    help=_help("app"),
    epilog=EPILOG_HINT,
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
    from .fastpaths import region_ids

    ids = region_ids(ctx.find_root().params.get("data"))
    return [i for i in ids if i.startswith(incomplete.lower())]


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help=_help("option.format"), case_sensitive=False),
]
EvidenceOption = Annotated[bool, typer.Option("--evidence", "-e", help=_help("option.evidence"))]
RegionArgs = Annotated[
    list[str],
    typer.Argument(
        help="Region: id, name in Finnish, Swedish or English, or brand name (e.g. Pirha).",
        autocompletion=_complete_region,
        show_default=False,
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
            help=_help("option.data"),
            metavar="FILE",
            show_envvar=True,
        ),
    ] = None,
    lang: Annotated[
        InterfaceLanguage | None,
        typer.Option(
            "--lang",
            # DIGITUKI_LANG is read by resolve_language with the locale variables, not here.
            help=_help("option.lang"),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_help("option.version")),
    ] = False,
) -> None:
    """The dataset and language options are read where they are needed (_data_path, _labels)."""
    if data is not None:
        given_file(data, "--data")  # an empty --data is wrong in every command, even schema
    if ctx.invoked_subcommand is None:  # only options, e.g. `digituki --lang fi`: show the help
        typer.echo(ctx.get_help())


def _data_path(ctx: typer.Context) -> Path:
    return dataset_path(ctx.find_root().params.get("data"))


def _labels(ctx: typer.Context) -> Labels:
    """The labels of the language chosen with --lang, DIGITUKI_LANG or the locale."""
    try:
        return Labels(resolve_language(ctx.find_root().params.get("lang"), os.environ))
    except LanguageError as exc:
        raise UsageError(str(exc)) from None


def _dataset(ctx: typer.Context) -> Dataset:
    from .load import load_dataset

    path = _data_path(ctx)
    loaded = load_dataset(path)
    if loaded.cold_seconds is not None and loaded.cold_seconds > SLOW_LOAD_SECONDS:
        seconds = f"{loaded.cold_seconds:.1f}"
        message = _labels(ctx)("message.slow_load", path=str(path), seconds=seconds)
        sys.stderr.write(printable(message) + "\n")
    return loaded.dataset


def _emit(output: object, fmt: Format) -> None:
    from .render import Output, emit

    assert isinstance(output, Output)
    emit(output, fmt)


# --- commands ---


@app.command(
    "list",
    help=_help("command.list"),
    epilog="Examples:\n\n  digituki list\n\n  digituki list --all --format csv",
)
def list_regions(
    ctx: typer.Context,
    include_all: Annotated[
        bool, typer.Option("--all", "-a", help="Add the six regions the report does not describe.")
    ] = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .queries import interviewed_first
    from .views import list_view

    regions = interviewed_first(_dataset(ctx).regions, include_all)
    _emit(list_view(regions, _labels(ctx)), fmt)


@app.command(
    help=_help("command.show"),
    epilog=(
        "Examples:\n\n  digituki show kainuu\n\n  digituki show Pirha --evidence\n\n"
        "  digituki show 'North Karelia' --section general_support\n\n"
        "  digituki show lappi satakunta --format json"
    ),
)
def show(
    ctx: typer.Context,
    regions: RegionArgs,
    evidence: EvidenceOption = False,
    section: Annotated[
        SectionName | None,
        typer.Option("--section", "-s", help="Show only this section of the report."),
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .lookup import RegionIndex
    from .views import show_view

    found = RegionIndex(_dataset(ctx).regions).resolve_all(regions)
    _emit(show_view(found, evidence, section, _labels(ctx)), fmt)


@app.command(
    "filter",
    help=_help("command.filter"),
    epilog=(
        "Examples:\n\n  digituki filter --general-support\n\n"
        "  digituki filter --channel email --funding unclear\n\n"
        "  digituki filter --partner parishes --evidence"
    ),
)
def filter_command(
    ctx: typer.Context,
    general_support: Annotated[
        bool | None,
        typer.Option(
            "--general-support/--no-general-support",
            help="General support offered or limited / not offered.",
            show_default=False,
        ),
    ] = None,
    general_support_level: Annotated[
        GeneralSupportLevel | None,
        typer.Option("--general-support-level", help="General support level.", metavar="LEVEL"),
    ] = None,
    channel: Annotated[
        list[Channel] | None,
        typer.Option("--channel", help="Has this channel (repeat: all of them).", metavar="CH"),
    ] = None,
    provider: Annotated[
        list[Provider] | None,
        typer.Option("--provider", help="Has this provider (repeat: all of them).", metavar="P"),
    ] = None,
    partner: Annotated[
        list[Partner] | None,
        typer.Option("--partner", help="Works with this partner (repeat: all).", metavar="P"),
    ] = None,
    obligation: Annotated[
        ProfessionalDuty | None,
        typer.Option("--obligation", help="Professionals' duty to give support.", metavar="DUTY"),
    ] = None,
    funding: Annotated[
        FundingAfterProject | None,
        typer.Option("--funding", help="Funding after the project.", metavar="STATUS"),
    ] = None,
    project_funded: Annotated[
        bool, typer.Option("--project-funded", help="Support was developed with project funds.")
    ] = False,
    assisted_authorization: Annotated[
        bool,
        typer.Option("--assisted-authorization", help="Helps clients make Suomi.fi mandates."),
    ] = False,
    plain_language: Annotated[
        bool, typer.Option("--plain-language", help="Plain language (selkokieli) in materials.")
    ] = False,
    interviewed: Annotated[
        bool | None,
        typer.Option(
            "--interviewed/--not-interviewed",
            help="Interviewed for the report, or not. Default: all regions.",
            show_default=False,
        ),
    ] = None,
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .queries import Criteria, filter_regions
    from .views import filter_view

    criteria = Criteria(
        general_support=general_support,
        general_support_level=general_support_level,
        channels=tuple(channel or ()),
        providers=tuple(provider or ()),
        partners=tuple(partner or ()),
        obligation=obligation,
        funding=funding,
        project_funded=project_funded,
        assisted_authorization=assisted_authorization,
        plain_language=plain_language,
        interviewed=interviewed,
    )
    matches = filter_regions(_dataset(ctx).regions, criteria)
    _emit(filter_view(matches, evidence, _labels(ctx)), fmt)


@app.command(
    help=_help("command.compare"),
    epilog=(
        "Examples:\n\n  digituki compare kainuu lappi\n\n  digituki compare Eksote Pirha Varha\n\n"
        "  digituki compare --all"
    ),
)
def compare(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None,
        typer.Argument(
            help="Two or more regions.", autocompletion=_complete_region, show_default=False
        ),
    ] = None,
    all_regions: Annotated[
        bool,
        typer.Option("--all", "-a", help="The feature matrix of every interviewed region."),
    ] = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .lookup import RegionIndex
    from .queries import compare as compare_regions
    from .queries import feature_matrices, interviewed_first
    from .views import compare_view, matrix_view

    labels = _labels(ctx)
    dataset = _dataset(ctx)
    if all_regions:
        if regions:
            raise UsageError.from_catalogue("error.compare_regions_and_all")
        matrices = feature_matrices(interviewed_first(dataset.regions, False))
        _emit(matrix_view(matrices, labels), fmt)
        return
    found = RegionIndex(dataset.regions).resolve_all(regions or [])
    if len(found) < 2:
        raise UsageError.from_catalogue("error.compare_needs_two", "error.compare_needs_two.hint")
    _emit(compare_view(compare_regions(found), labels), fmt)


@app.command(
    help=_help("command.gaps"),
    epilog=(
        "Examples:\n\n  digituki gaps\n\n  digituki gaps --funding unclear\n\n"
        "  digituki gaps --kind no-remote-channel --format json"
    ),
)
def gaps(
    ctx: typer.Context,
    kind: Annotated[
        list[GapKind] | None,
        typer.Option("--kind", "-k", help="Only gaps of this kind (repeatable).", metavar="KIND"),
    ] = None,
    funding: Annotated[
        FundingAfterProject | None,
        typer.Option(
            "--funding", help="Only regions with this funding after the project.", metavar="STATUS"
        ),
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .queries import gaps as find_gaps
    from .views import gaps_view

    report = find_gaps(_dataset(ctx).regions, tuple(kind or ()), funding)
    _emit(gaps_view(report, _labels(ctx)), fmt)


def _complete_map_by(incomplete: str) -> list[str]:
    from .export import map_by_choices

    return [c for c in map_by_choices() if c.startswith(incomplete.lower())]


@app.command(
    "export",
    help=_help("command.export"),
    epilog=(
        "Examples:\n\n  digituki export --format json -o counties.json\n\n"
        "  digituki export --format csv -o counties.csv\n\n"
        "  digituki export --format markdown > report.md\n\n"
        "  digituki export --format sqlite -o digituki.sqlite\n\n"
        "  digituki export --format html -o report.html --map-by channel:email"
    ),
)
def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Format. Default: from the -o file's suffix.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (atomically). '-' or none: stdout (not for sqlite on a terminal).",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    map_by: Annotated[
        str | None,
        typer.Option(
            "--map-by",
            help=(
                "html: colour the map by funding (default), general-support, "
                "channel:CODE or partner:CODE."
            ),
            metavar="ATTR",
            autocompletion=_complete_map_by,
            show_default=False,
        ),
    ] = None,
) -> None:
    from .export import choose_format, export

    chosen = choose_format(fmt, output if output is None else given_file(output, "--output"))
    written = export(_dataset(ctx), chosen, output, force, map_by)
    if written is not None:
        size = _size(written.size)
        message = _labels(ctx)(
            "message.wrote", path=str(written.path), format=written.format.value, size=size
        )
        typer.echo(printable(message), err=True)


def _size(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} KiB"


@app.command(
    epilog=(
        "Examples:\n\n  digituki search seurakunnissa\n\n  digituki search kirjasto seurakunta\n\n"
        "  digituki search '\"avustetun valtuutuksen\"'\n\n"
        "  digituki search chat --region satakunta --format json\n\n" + _help("search_exit_status")
    ),
    help=_help("command.search"),
)
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help=(
                "Words in any inflected form (seurakunnissa finds seurakuntien); "
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
            help="Only this region (repeatable).",
            autocompletion=_complete_region,
            metavar="R",
        ),
    ] = None,
    section: Annotated[
        SectionName | None,
        typer.Option("--section", "-s", help="Only this section of the report."),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most this many sections."),
    ] = 20,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .lookup import RegionIndex
    from .search import index_path, load_index
    from .search import search as run_search
    from .views import search_view

    dataset = _dataset(ctx)
    chosen = RegionIndex(dataset.regions).resolve_all(region or [])
    index = load_index(index_path(_data_path(ctx)))
    results = run_search(dataset.regions, index, " ".join(query), chosen, section, limit)
    _emit(search_view(results, _labels(ctx)), fmt)


@app.command(
    help=_help("command.stats"),
    epilog=(
        "Examples:\n\n  digituki stats\n\n  digituki stats --by channels\n\n"
        "  digituki stats --format csv"
    ),
)
def stats(
    ctx: typer.Context,
    by: Annotated[
        StatField | None,
        typer.Option("--by", "-b", help="Only this field, with the meaning of each value."),
    ] = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    from .stats import stats as count
    from .views import stats_view

    fields = [by] if by else []
    counts = count(_dataset(ctx).regions, fields)
    _emit(stats_view(counts, by is not None, _labels(ctx)), fmt)


@app.command(
    help=_help("command.validate"),
    epilog="Examples:\n\n  digituki validate\n\n  digituki validate my-counties.yaml",
)
def validate(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            help="Dataset file. Default: --data, $DIGITUKI_DATA, else the bundled one.",
            show_default=False,
        ),
    ] = None,
) -> None:
    from .errors import DataError
    from .load import load_path

    path = (
        Path(given_file(file, "validate"))
        if file is not None
        else _relative_if_below_cwd(_data_path(ctx))
    )
    labels = _labels(ctx)
    try:
        dataset, warnings = load_path(path)
    except DataError as exc:
        for problem in exc.problems:
            typer.echo(printable(str(problem)), err=True)
        typer.echo(labels("validate.problems", path=path, count=len(exc.problems)), err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for warning in warnings:
        typer.echo(printable(labels("validate.warning", warning=warning)), err=True)
    summary = labels(
        "validate.valid", path=path, regions=len(dataset.regions), warnings=len(warnings)
    )
    typer.echo(printable(summary))


def _relative_if_below_cwd(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


@app.command(
    help=_help("command.schema"), epilog="Example:\n\n  digituki schema > counties.schema.json"
)
def schema() -> None:
    import json

    from .validation import json_schema

    streams.write_machine(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


# --- entry point: one place that maps errors to messages and exit codes ---


def _fail(message: str, code: int, labels: Labels) -> NoReturn:
    sys.stderr.write(printable(labels("error", message=message)) + "\n")
    sys.stderr.flush()
    raise SystemExit(code)


def _lang_argument(args: list[str]) -> str | None:
    """The value of --lang among the options before the command (Typer parses it again later)."""
    words = iter(args)
    for word in words:
        if word == "--lang":
            return next(words, None)
        if word.startswith("--lang="):
            return word.partition("=")[2]
        if word == "--data":
            next(words, None)
        elif word == "--" or not word.startswith("-"):
            break
    return None


def _translate_help(command: click.Command, labels: Labels) -> None:
    """Help summaries in the language: Typer fixed them in English when it built the commands."""
    from typer.core import TyperOption

    command.help = labels("help.app")
    command.epilog = labels("help.data_source")
    commands: dict[str, click.Command] = getattr(command, "commands", {})
    for each in (command, *commands.values()):
        if each is not command:
            each.help = labels(f"help.command.{each.name}")
            if each.epilog:
                each.epilog = (
                    each.epilog.replace(_help("examples"), labels("help.examples"))
                    .replace(_help("example"), labels("help.example"))
                    .replace(_help("search_exit_status"), labels("help.search_exit_status"))
                )
        for param in each.params:
            # The shared options (--format, --evidence) and the global ones; an option that
            # has help of its own under the same name (export's --format) keeps it.
            long_names = [o for o in param.opts if o.startswith("--")]
            key = f"help.option.{long_names[0][2:]}" if long_names else ""
            if isinstance(param, TyperOption) and key in UI and param.help == UI[key]["en"]:
                param.help = labels(key)


def main(argv: list[str] | None = None) -> None:
    streams.prepare()
    args = sys.argv[1:] if argv is None else argv
    try:
        labels = Labels(resolve_language(_lang_argument(args), os.environ))
    except LanguageError as exc:
        _fail(str(exc), EXIT_USAGE, Labels())
    command = typer.main.get_command(app)
    if labels.lang != "en":
        _translate_help(command, labels)
    try:
        code = command.main(args=args or ["--help"], prog_name="digituki", standalone_mode=False)
        sys.stdout.flush()  # a write that fails here is a DigitukiError too (streams.py)
    except typer.TyperException as exc:
        # Typer's (vendored click's) errors; usage errors are the ones with exit code 2.
        if exc.exit_code == EXIT_USAGE:
            _fail(_usage_message(exc), EXIT_USAGE, labels)
        _fail(exc.format_message(), exc.exit_code, labels)
    except typer.Abort:
        _fail(labels("error.interrupted"), 130, labels)
    except DigitukiError as exc:
        _fail(exc.text(labels.lang), exc.exit_code, labels)
    except OSError as exc:
        _fail(f"cannot write the output: {exc.strerror or exc}", EXIT_ERROR, labels)
    except Exception as exc:
        # A bug: still one line, not a traceback (DIGITUKI_DEBUG=1 shows the traceback).
        if os.environ.get("DIGITUKI_DEBUG"):
            raise
        _fail(f"internal error, please report it: {type(exc).__name__}: {exc}", EXIT_ERROR, labels)
    raise SystemExit(code if isinstance(code, int) else 0)


def _usage_message(exc: typer.TyperException) -> str:
    message = exc.format_message().replace("Value error, ", "")
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "digituki"
    return f"{message} (see '{command} --help')"
