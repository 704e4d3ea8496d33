"""The command line of a living dataset: `sources`, `sources add`, `history`, `changes` and
`record` (history.py, record.py), registered on cli.app when cli.py imports this module.

Unlike cli.py, this module does not postpone its annotations (no `from __future__ import
annotations`): Typer reads every command's parameters at each start, and evaluating string
annotations (`Annotated[..., typer.Option(...)]`) costs about 0.1 ms a parameter, twice a
run. Real annotations cost almost nothing to read; these commands have 21 parameters.
"""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .choices import IsoDate
from .cli import (
    DialectOption,
    ForceOption,
    FormatOption,
    OutputOption,
    _complete_region,
    _data_path,
    _dataset,
    _emit,
    _examples,
    app,
)
from .errors import UsageError
from .formats import CsvDialect, Format
from .i18n import N_, _, language

if TYPE_CHECKING:
    from .model import Note


def _region_argument() -> typer.models.ArgumentInfo:
    """The REGION argument of history and record (one region, by any name lookup takes)."""
    info: typer.models.ArgumentInfo = typer.Argument(
        help=N_("Region: id, name in Finnish, Swedish or English, or brand name (e.g. Pirha)."),
        autocompletion=_complete_region,
        show_default=False,
        metavar="REGION",
    )
    return info


def _field_argument() -> typer.models.ArgumentInfo:
    """The FIELD argument of history (optional there) and record."""
    info: typer.models.ArgumentInfo = typer.Argument(
        help=N_("The field, as in the schema (funding.after_project) or as a column (funding)."),
        show_default=False,
        metavar="FIELD",
    )
    return info


@app.command(
    "history",
    help=N_(
        "A region's values through time: every observation of each value, with its date, "
        "source, quotes and note."
    ),
    epilog=_examples(
        "digituki history kanta-hame",
        "digituki history kanta-hame funding.after_project",
        "digituki history satakunta channels --format json",
    ),
)
def history_command(
    ctx: typer.Context,
    region: Annotated[str, _region_argument()],
    field: Annotated[str | None, _field_argument()] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """`digituki history REGION [FIELD]`: a region's values over time.

    Its help is the message id given to the command's decorator; main() translates it.
    """
    from .history import find_field, region_history
    from .history_views import history_view
    from .lookup import RegionIndex

    found = RegionIndex(_dataset(ctx).regions).resolve(region)
    spec = find_field(field) if field is not None else None
    _emit(history_view(found, region_history(found, spec)), fmt, output, force, dialect)


@app.command(
    help=N_("Every observation dated on or after a day: what the dataset has learned since."),
    epilog=_examples(
        "digituki changes --since 2026-01-01",
        "digituki changes --since 2026-01-01 --format csv",
    ),
)
def changes(
    ctx: typer.Context,
    since: Annotated[
        dt.date,
        typer.Option(
            "--since",
            help=N_("The first day to list (YYYY-MM-DD)."),
            click_type=IsoDate(),
            show_default=False,
        ),
    ],
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """`digituki changes --since DATE`: the values changed since a day.

    Its help is the message id given to the command's decorator; main() translates it.
    """
    from .history import changes as find_changes
    from .history_views import changes_view

    view = changes_view(find_changes(_dataset(ctx).regions, since), since)
    _emit(view, fmt, output, force, dialect)


@app.command(
    help=N_(
        "Record what a source says of a region's value, in your copy of the dataset (--data): "
        "the quote must occur in the source's text. The newest observation becomes the value, "
        "the earlier one its history."
    ),
    epilog=_examples(
        "digituki --data my.yaml record kanta-hame funding regular-budget --source kh "
        "--quote 'budjet'",
        "digituki --data my.yaml record satakunta channels -chat --source sk "
        "--quote 'chat lopetettiin'",
        after=N_(
            "For a set (channels, providers, partners...), +CODE adds a member and -CODE "
            "removes one. A note is given in Finnish, Swedish and English: --note is in the "
            "interface language, --note-fi, --note-sv and --note-en in each."
        ),
    ),
)
def record(
    ctx: typer.Context,
    region: Annotated[str, _region_argument()],
    field: Annotated[str, _field_argument()],
    value: Annotated[
        str,
        typer.Argument(
            help=N_("The value's code or label; for a set +CODE or -CODE."),
            show_default=False,
            metavar="VALUE",
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help=N_("The source's id (see digituki sources)."),
            show_default=False,
            metavar="ID",
        ),
    ],
    quote: Annotated[
        list[str],
        typer.Option(
            "--quote",
            help=N_("The source's words, copied exactly (repeatable)."),
            show_default=False,
            metavar="TEXT",
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option(
            "--note", help=N_("Why the value follows, in the interface language."), metavar="TEXT"
        ),
    ] = None,
    note_fi: Annotated[
        str | None,
        typer.Option("--note-fi", help=N_("The note in Finnish."), metavar="TEXT"),
    ] = None,
    note_sv: Annotated[
        str | None,
        typer.Option("--note-sv", help=N_("The note in Swedish."), metavar="TEXT"),
    ] = None,
    note_en: Annotated[
        str | None,
        typer.Option("--note-en", help=N_("The note in English."), metavar="TEXT"),
    ] = None,
) -> None:
    """`digituki record REGION FIELD VALUE...`: record an observation in a dataset copy.

    Its help is the message id given to the command's decorator; main() translates it.
    """
    from .history_views import recorded_view
    from .record import record as record_observation

    texts = {"fi": note_fi, "sv": note_sv, "en": note_en}
    if note is not None:
        texts[language()] = note
    recorded = record_observation(
        _editable_path(ctx), region, field, value, source, quote, _note(texts)
    )
    _emit(recorded_view(recorded.event, recorded.path), Format.TABLE)


def _note(texts: dict[str, str | None]) -> "Note | None":
    """A note from --note and --note-fi/sv/en: none, or all three languages."""
    from .model import Note

    if not any(texts.values()):
        return None
    missing = [f"--note-{lang}" for lang, text in texts.items() if not text]
    if missing:
        raise UsageError(
            _("a note is given in Finnish, Swedish and English: add {options}").format(
                options=", ".join(missing)
            )
        )
    return Note(**{lang: str(text) for lang, text in texts.items()})


def _editable_path(ctx: typer.Context) -> Path:
    """The dataset that record and sources add change: the one given with --data or
    DIGITUKI_DATA (record.editable refuses the bundled one)."""
    if not ctx.find_root().params.get("data"):
        raise UsageError(
            _("give the dataset to change with --data FILE (or DIGITUKI_DATA)"),
            hint=_("copy the bundled one first: digituki export --format yaml -o my-counties.yaml"),
        )
    return _data_path(ctx)


sources_app = typer.Typer(
    help=N_("The dataset's sources, the report first; `sources add` registers a newer one."),
    epilog=_examples(
        "digituki sources",
        "digituki --data my.yaml sources add paatos.txt --id kh-2026 --title 'Päätös' "
        "--date 2026-01-15",
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)
app.add_typer(sources_app, name="sources")


@sources_app.callback()
def sources_command(
    ctx: typer.Context,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    dialect: DialectOption = CsvDialect.STANDARD,
) -> None:
    """List the sources when no subcommand is given."""
    if ctx.invoked_subcommand is not None:
        return
    from .history_views import sources_view
    from .sources import registry

    _emit(sources_view(registry(_dataset(ctx))), fmt, output, force, dialect)


@sources_app.command(
    "add",
    help=N_(
        "Register a newer source in your copy of the dataset (--data) and save its text "
        "beside it, in sources/ID.txt: the page's passage, the decision, the e-mail."
    ),
    epilog=_examples(
        "digituki --data my.yaml sources add paatos.txt --id kh-2026 --title 'Päätös' "
        "--date 2026-01-15 --url https://example.org/paatos",
    ),
)
def sources_add(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help=N_("The source's text, as UTF-8 text."), show_default=False, metavar="FILE"
        ),
    ],
    source_id: Annotated[
        str,
        typer.Option(
            "--id",
            help=N_("A short id: lower-case letters and digits joined by '-'."),
            show_default=False,
            metavar="ID",
        ),
    ],
    title: Annotated[
        str,
        typer.Option("--title", help=N_("What the source is."), show_default=False, metavar="TEXT"),
    ],
    date: Annotated[
        dt.date,
        typer.Option(
            "--date",
            help=N_("When it was published, or read (YYYY-MM-DD)."),
            click_type=IsoDate(),
            show_default=False,
        ),
    ],
    url: Annotated[
        str | None, typer.Option("--url", help=N_("Where to find it."), metavar="URL")
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", help=N_("Who published it."), metavar="NAME"),
    ] = None,
) -> None:
    """`digituki sources add FILE`: register a newer source and keep its text.

    Its help is the message id given to the command's decorator; main() translates it.
    """
    from .history_views import source_added_view
    from .record import add_source

    added = add_source(_editable_path(ctx), file, source_id, title, date, url, publisher)
    _emit(source_added_view(added.entry, added.path), Format.TABLE)
