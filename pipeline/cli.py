"""The ``claims`` command: a thin Typer layer over the library.

The exit statuses are ``EXIT_STATUS`` (printed by ``claims --help``, listed in the README).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from .budget import DEFAULT_SECONDS as DEFAULT_BUDGET
from .errors import DEBUG_VARIABLE, ClaimsError, Code, Problem, debugging, problem

# spaCy, pandas, pyarrow, Pydantic and trafilatura are imported by the commands that use
# them, so that --help and --version answer at once (tests/test_startup.py holds this).
if TYPE_CHECKING:
    from .dask_engine import DaskEngine
    from .patterns import PatternSet

EXIT_INPUT_FAILED = 1
EXIT_INVALID = 2
EXIT_WRITE_FAILED = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130  # Typer's, on Ctrl-C (and ours, in ``main``)

EXIT_STATUS: tuple[tuple[int, str], ...] = (  # what --help and the README say, one line each
    (0, "done"),
    (EXIT_INPUT_FAILED, "an input (see errors.json) or a pattern example failed; a closed pipe"),
    (EXIT_INVALID, "usage error, invalid patterns, an output folder that cannot be read, or no dask engine"),
    (EXIT_WRITE_FAILED, "the outputs cannot be written (the previous ones are kept)"),
    (EXIT_INTERNAL, "internal error E900, a bug: run again with --debug and report it"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C)"),
)

# The values of the options that take one of a few; tests/test_cli.py checks them against
# the library's (which --help must not import).
DayOrderChoice = Literal["dmy", "mdy"]  # normalize.dates.DayOrder
EngineChoice = Literal["local", "dask"]  # local: extract.run_jobs here; dask: dask_engine.DaskEngine
ClaimTypeChoice = Literal["date", "count", "organization", "objective"]  # claim_types.CLAIM_TYPE_NAMES
ShowFormat = Literal["table", "csv", "json", "jsonl", "markdown"]  # show.FORMATS
RecordKindChoice = Literal["claim", "article"]  # records.RecordKind


def _one_of(choices: Any, skip: int = 0) -> str:
    """The values of a ``Literal`` as prose, for an option's help: ``a, b or c``."""
    values = get_args(choices)[skip:]
    return f"{', '.join(values[:-1])} or {values[-1]}" if len(values) > 1 else values[0]


class _PlainOption(TyperOption):
    """An option whose help shows a value only when it takes one: Typer's rich help writes
    ``<bool>`` beside every flag (``--help`` too); a metavar or the choices stay."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.is_flag else super().display_type_rich(ctx)


class _PlainArgument(TyperArgument):
    """An argument whose help names it by its metavar alone: Typer's rich help adds the
    annotation (``<list[Path]>``) beside it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None if self.metavar is not None else super().display_type_rich(ctx)


def _plain_help(params: list[Any]) -> list[Any]:
    # Typer takes a command class but no parameter class: its parameters become ours here
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _PlainOption
        elif type(param) is TyperArgument:
            param.__class__ = _PlainArgument
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:  # the help option too, which is made here
        return _plain_help(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain_help(super().get_params(ctx))


app = typer.Typer(
    cls=_Group,
    help="Turn policy articles into tables of dates, counts, organizations and objectives.",
    epilog="Exit status:\n\n" + "\n".join(f"{code:>3}  {meaning}" for code, meaning in EXIT_STATUS),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},  # the subcommands inherit them
    pretty_exceptions_show_locals=False,  # locals would print article text
)
patterns_app = typer.Typer(cls=_Group, help="Check the match patterns kept in patterns/ folders.", no_args_is_help=True)
app.add_typer(patterns_app, name="patterns")


def _print_version(asked: bool) -> None:
    if asked:
        from . import __version__

        typer.echo(f"claims {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """The options of ``claims`` itself, before the command."""


out_console = Console()
err_console = Console(stderr=True)

PatternDirs = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns",
        metavar="DIR",
        help="A folder of extra pattern files; a line with the same id replaces the built-in one. Repeatable.",
    ),
]
NoBuiltin = Annotated[
    bool, typer.Option("--no-builtin-patterns", help="Use only the pattern folders given, not the built-in ones.")
]
RawCsv = Annotated[
    bool,
    typer.Option(
        "--raw-csv", help="Write CSV cells as they are: no leading ' before text a spreadsheet runs as a formula."
    ),
]

ExcelCsv = Annotated[
    bool,
    typer.Option(
        "--excel",
        help="Start the CSV files with a UTF-8 byte order mark, so that Excel on Windows reads them as UTF-8 "
        "(non-Latin names and signs such as EUR's intact); other readers skip it.",
    ),
]


def _fail(error: ClaimsError, code: int) -> typer.Exit:
    for item in error.problems:
        typer.echo(str(item), err=True)
    return typer.Exit(code)


@app.command(cls=_Command)
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Files or folders (read recursively; hidden files and files of other types skipped): "
            ".txt, .jsonl, .html, .md, .pdf.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder for claims.json/.csv/.parquet/.db, articles.json/.csv, organizations.csv, errors.json.",
        ),
    ],
    patterns: PatternDirs = None,
    no_builtin_patterns: NoBuiltin = False,
    day_order: Annotated[
        DayOrderChoice,
        typer.Option(
            case_sensitive=False,
            metavar="ORDER",
            help="How to read an ambiguous numeric date such as 03/04/2024: dmy (day first: 3 April) "
            "or mdy (month first: March 4).",
        ),
    ] = "dmy",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Processes to use; 0 for one per core.")
    ] = 1,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Publication date (YYYY-MM-DD) of every article of the run: it replaces the date read from "
            "the text or the page; a JSONL line's own 'published' field is kept.",
        ),
    ] = None,
    time_budget: Annotated[
        float,
        typer.Option(
            "--time-budget",
            min=0,
            metavar="SECONDS",
            help="Seconds one file may take to read and one article to extract; beyond it the article is "
            "left out with E402. 0 for no limit.",
        ),
    ] = DEFAULT_BUDGET,
    debug: Annotated[bool, typer.Option("--debug", help="Put tracebacks in the problem messages.")] = False,
    raw_csv: RawCsv = False,
    excel: ExcelCsv = False,
    wait: Annotated[
        bool, typer.Option(help="When another run is writing to OUT, wait for it (--no-wait: stop with E302).")
    ] = True,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Extract every article again. By default a run into OUT takes from OUT's last run the articles "
            "whose file and pipeline (code, patterns, options) are unchanged.",
        ),
    ] = False,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            case_sensitive=False,
            metavar="ENGINE",
            help="Where the pipeline runs: local (this process, and --jobs workers) or dask (a dask.distributed "
            "cluster: --scheduler's, else a LocalCluster of --jobs worker processes, one per core by default).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS", help="With --engine dask, the address of a running dask scheduler (tcp://HOST:PORT)."
        ),
    ] = None,
    parquet_dataset: Annotated[
        Path | None,
        typer.Option(
            "--parquet-dataset",
            metavar="DIR",
            help="Also write the claims as a Parquet dataset in this folder, partitioned by claim type "
            "(claim_type=date/part-0.parquet, ...), for Spark, DuckDB or dask.dataframe.",
        ),
    ] = None,
) -> None:
    """Extract claims from articles and write them to OUT."""
    import os

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from .claim_types import CLAIM_TYPE_NAMES as CLAIM_TYPES
    from .claim_types import CSV_COLUMNS
    from .extract import FileDone, extract_files
    from .incremental import RunState
    from .ingest import NotArticle, iter_files
    from .nlp import build_nlp
    from .patterns import load_patterns
    from .writers import OutputWriter

    if debug:
        os.environ[DEBUG_VARIABLE] = "1"
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    _patterns_given_or_exit(patterns, no_builtin_patterns)
    runner = _engine_or_exit(ctx, engine, scheduler, jobs)
    if parquet_dataset is not None:
        from .parquet_dataset import outside_of

        if not outside_of(out, parquet_dataset):
            err_console.print("--parquet-dataset must be a folder outside --out (and not holding it)")
            raise typer.Exit(EXIT_INVALID)
    reference = _published_or_exit(published, day_order)
    try:
        pattern_set = load_patterns(patterns or [], builtin=not no_builtin_patterns)
    except ClaimsError as error:
        err_console.print("the patterns are invalid; nothing was extracted:", style="bold red")
        raise _fail(error, EXIT_INVALID) from None
    nlp = build_nlp(pattern_set, day_order=day_order)
    files = [f for f in iter_files(paths) if isinstance(f, Path)]
    show_progress = not quiet and sys.stderr.isatty()
    progress = Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True, disable=not show_progress,
    )  # fmt: skip
    problems: list[Problem] = []
    skipped: Counter[str] = Counter()  # a folder's files that are no articles, by extension
    by_type: Counter[str] = Counter()
    type_column = CSV_COLUMNS.index("claim_type")
    state = RunState(out, full=full)
    try:
        with (
            runner or contextlib.nullcontext(),
            progress,
            OutputWriter(out, raw_csv=raw_csv, excel=excel, companion=state) as writer,
        ):
            task = progress.add_task("", total=len(files))
            events = extract_files(
                paths, nlp, jobs=jobs, published=reference, budget=time_budget or None, render=True, raw_csv=raw_csv,
                state=state, engine=runner,
            )  # fmt: skip
            for event in events:
                if isinstance(event, Problem):
                    problems.append(event)
                elif isinstance(event, NotArticle):
                    skipped[event.path.suffix.lower() or "no extension"] += 1
                elif isinstance(event, FileDone):
                    progress.update(task, advance=1, description=event.path.name)
                else:
                    problems.extend(event.problems)
                    if not event.failed and event.rendered is not None:
                        writer.add(event.article, event.rendered)
                        by_type.update(row[type_column] for row in event.rendered.rows)
            problems += _nothing_read(paths, writer.articles, problems)
            writer.commit(problems, wait=wait, on_wait=_say_waiting(out))
        if parquet_dataset is not None:
            from .parquet_dataset import write_claims_dataset

            write_claims_dataset(out, parquet_dataset)
    except ClaimsError as error:
        raise _fail(error, EXIT_INVALID if error.code in ENGINE_CODES else EXIT_WRITE_FAILED) from None
    for line in problem_lines([*state.notices, *problems], quiet=quiet):
        typer.echo(line, err=True)
    failures = [p for p in problems if not p.is_warning]
    if not quiet:
        table = Table(title=f"claims written to {out}", show_header=True)
        table.add_column("articles", justify="right")
        for claim_type in CLAIM_TYPES:
            table.add_column(f"{claim_type}s", justify="right")
        table.add_column("failures", justify="right")
        table.add_row(str(writer.articles), *(str(by_type[t]) for t in CLAIM_TYPES), str(len(failures)))
        out_console.print(table)
        if skipped:
            out_console.print(skipped_line(skipped))
        out_console.print(state.summary(), highlight=False, soft_wrap=True)
    if failures:
        raise typer.Exit(EXIT_INPUT_FAILED)


def skipped_line(skipped: Counter[str]) -> str:
    """The summary's line for the files of the folders that are no articles: how many, of which types."""
    total = sum(skipped.values())
    kinds = ", ".join(
        f"{count} {kind}" for kind, count in sorted(skipped.items(), key=lambda item: (-item[1], item[0]))
    )
    files = "1 file that is not an article" if total == 1 else f"{total} files that are not articles"
    return f"skipped {files} ({kinds})"


ENGINE_CODES = (Code.E501, Code.E502, Code.E504)  # the engine cannot start or its workers differ: nothing written


def _engine_or_exit(ctx: typer.Context, engine: str, scheduler: str | None, jobs: int) -> DaskEngine | None:
    """The engine the options ask for (None: this process and its --jobs workers)."""
    if engine.lower() == "local":
        if scheduler is not None:
            err_console.print("--scheduler needs --engine dask")
            raise typer.Exit(EXIT_INVALID)
        return None
    source = ctx.get_parameter_source("jobs")  # typer's click or its own copy of it: known by name
    jobs_given = source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")
    if scheduler is not None and jobs_given:
        err_console.print("--jobs sets the workers of a LocalCluster; with --scheduler the cluster has its own")
        raise typer.Exit(EXIT_INVALID)
    from .dask_engine import DaskEngine, require_dask

    try:
        require_dask()
    except ClaimsError as error:
        raise _fail(error, EXIT_INVALID) from None
    import os

    return DaskEngine(scheduler=scheduler, workers=jobs if jobs_given else (os.cpu_count() or 1))


QUIET_WARNINGS = 3  # under -q, the warnings of one code shown before the rest are counted


def problem_lines(problems: list[Problem], *, quiet: bool = False) -> list[str]:
    """The lines printed for the problems of a run: every error; every warning, or under
    ``quiet`` the first few of each code and then one line with how many more there are
    (all of them are in errors.json either way)."""
    lines: list[str] = []
    shown: Counter[str] = Counter()
    for item in problems:
        if item.is_warning and quiet:
            shown[item.code.value] += 1
            if shown[item.code.value] > QUIET_WARNINGS:
                continue
        lines.append(f"{'warning' if item.is_warning else 'error'}: {item}")
    for code, count in shown.items():
        if count > QUIET_WARNINGS:
            lines.append(f"warning: {code} {count - QUIET_WARNINGS} more like these, listed in errors.json")
    return lines


def _nothing_read(paths: list[Path], articles: int, problems: list[Problem]) -> list[Problem]:
    """E303 for each path when the run read no article and found nothing wrong (an empty
    folder): the outputs are written empty, and the exit status says something is amiss."""
    if articles or any(not p.is_warning for p in problems):
        return []
    return [problem(Code.E303, str(path)) for path in paths]


def _say_waiting(out: Path) -> Callable[[str], None]:
    def say(holder: str) -> None:
        typer.echo(f"another run is writing to {out} ({holder}); waiting for it to finish (Ctrl-C to stop)", err=True)

    return say


@app.command(cls=_Command)
def show(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="An output folder written by 'claims extract'.")],
    claim_type: Annotated[
        ClaimTypeChoice | None,
        typer.Option(
            "--type",
            "-t",
            case_sensitive=False,
            metavar="TYPE",
            help=f"Only claims of this type: {_one_of(ClaimTypeChoice)}.",
        ),
    ] = None,
    article: Annotated[str | None, typer.Option("--article", "-a", metavar="ID", help="Only this article id.")] = None,
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject", "-s", metavar="TEXT", help="Objectives of this subject (case-insensitive substring)."
        ),
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option("--grep", "-g", metavar="REGEX", help="Claims whose text or sentence matches this regex."),
    ] = None,
    output_format: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            metavar="FORMAT",
            help=f"table (fits the terminal), or one field per column with real types: {_one_of(ShowFormat, skip=1)}.",
        ),
    ] = "table",
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            "-c",
            metavar="FIELDS",
            help="The fields to show, comma-separated (e.g. text,value,unit); the table also has 'normalized'.",
        ),
    ] = None,
    no_sentence: Annotated[
        bool, typer.Option("--no-sentence", help="Leave out the evidence sentence (printed under each row).")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(min=0, metavar="N", help="Show at most this many claims (after the filters); only they are read."),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option(min=20, metavar="N", help="Width of the table (default: the terminal's, else $COLUMNS, else 80)."),
    ] = None,
    raw_csv: RawCsv = False,
    excel: ExcelCsv = False,
) -> None:
    """Print the claims of an output folder as a table, or as CSV, JSON, JSONL or Markdown, filtered."""
    import re as regex
    from itertools import islice

    from .show import ClaimFilter, default_columns, parse_columns, print_table, write_records
    from .tables import iter_claims

    if excel and output_format != "csv":
        err_console.print("--excel writes CSV: use it with --format csv")
        raise typer.Exit(EXIT_INVALID)
    try:
        chosen = parse_columns(columns, output_format) if columns is not None else None
        pattern = regex.compile(grep, regex.IGNORECASE) if grep else None
    except regex.error as exc:
        err_console.print(f"--grep is not a valid regular expression: {exc}")
        raise typer.Exit(EXIT_INVALID) from None
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_INVALID) from None
    if chosen is None:
        chosen = default_columns(output_format, claim_type, sentence=not no_sentence)
    elif no_sentence:
        chosen = tuple(column for column in chosen if column != "sentence")
    keep = ClaimFilter(claim_type=claim_type, article=article, subject=subject, grep=pattern)
    try:
        matching = keep.select(iter_claims(folder))
        shown = matching if limit is None else islice(matching, limit)
        if output_format != "table":
            write_records(sys.stdout, shown, chosen, output_format, raw_csv=raw_csv, excel=excel)
            return
        console = Console(width=width, highlight=False)
        count = print_table(console, shown, chosen, sentence=not no_sentence, drop_empty=columns is None)
    except ClaimsError as error:
        raise _fail(error, EXIT_INVALID) from None
    try:
        more = limit is not None and next(matching, None) is not None
    except ClaimsError:
        more = False  # what follows the claims asked for is not read, however broken
    note = f" (the first {limit}; more match)" if more else ""
    console.print(f"{count} claim{'' if count == 1 else 's'} from {folder}{note}", style="dim", highlight=False)


@app.command(cls=_Command)
def report(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="An output folder written by 'claims extract'.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write (a folder: report.html in it)."),
    ] = Path("report.html"),
    open_it: Annotated[bool, typer.Option("--open", help="Open the report in the web browser once written.")] = False,
) -> None:
    """Write one self-contained HTML report: an article index, each article's text with its claims highlighted, and a claims table to filter and sort."""
    from .report import write_report

    try:
        written = write_report(folder, output)
    except ClaimsError as error:
        raise _fail(error, EXIT_INVALID) from None
    out_console.print(f"report written to {written}")
    if open_it:
        import webbrowser

        if not webbrowser.open(written.resolve().as_uri()):
            err_console.print(f"no web browser found: open {written} yourself")


@app.command(cls=_Command)
def schema(
    kind: Annotated[
        RecordKindChoice,
        typer.Option(
            "--kind", "-k", case_sensitive=False, metavar="KIND", help=f"The record: {_one_of(RecordKindChoice)}."
        ),
    ],
    array: Annotated[
        bool, typer.Option("--array", help="The schema of the file that lists them: claims.json, articles.json.")
    ] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one claim or article record, or of the file of them."""
    from .records import json_schema

    typer.echo(json.dumps(json_schema(kind, array=array), indent=2, ensure_ascii=False))


@patterns_app.command("check", cls=_Command)
def patterns_check(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(metavar="DIR", help="Pattern folders to check (default: the built-in one)."),
    ] = None,
    no_builtin_patterns: NoBuiltin = False,
) -> None:
    """Validate pattern files and report every problem as file:line: CODE message."""
    from .patterns import check_patterns

    _patterns_given_or_exit(folders, no_builtin_patterns, given="claims patterns check DIR")
    problems = check_patterns(folders or [], builtin=not no_builtin_patterns)
    for item in problems:
        typer.echo(str(item))
    if problems:
        err_console.print(f"{len(problems)} problem(s)")
        raise typer.Exit(EXIT_INVALID)
    out_console.print("patterns OK")


def _patterns_given_or_exit(folders: list[Path] | None, no_builtin: bool, given: str = "--patterns DIR") -> None:
    """E211, a usage error, for --no-builtin-patterns with no folder: no pattern would run."""
    if no_builtin and not folders:
        typer.echo(f"error: {problem(Code.E211, given=given)}", err=True)
        raise typer.Exit(EXIT_INVALID)


def _patterns_or_exit(folders: list[Path] | None, no_builtin: bool, given: str = "--patterns DIR") -> PatternSet:
    from .patterns import load_patterns

    _patterns_given_or_exit(folders, no_builtin, given)
    try:
        return load_patterns(folders or [], builtin=not no_builtin)
    except ClaimsError as error:
        err_console.print("the patterns are invalid:", style="bold red")
        raise _fail(error, EXIT_INVALID) from None


@patterns_app.command("test", cls=_Command)
def patterns_test(
    folders: Annotated[
        list[Path] | None, typer.Argument(metavar="DIR", help="Pattern folders added to the built-in one.")
    ] = None,
    no_builtin_patterns: NoBuiltin = False,
) -> None:
    """Run every pattern's examples and counterexamples; print the failures."""
    from .nlp import build_nlp
    from .pattern_tests import run_pattern_tests

    pattern_set = _patterns_or_exit(folders, no_builtin_patterns, given="claims patterns test DIR")
    total, failures = run_pattern_tests(pattern_set, build_nlp(pattern_set))
    for failure in failures:
        typer.echo(str(failure))
    out_console.print(f"{total} examples, {len(failures)} failed")
    yours = [line for line in pattern_set.lines if any(_inside(line.path, folder) for folder in folders or [])]
    if folders:
        untested = [line.id for line in yours if not line.examples and not line.counterexamples]
        examples = sum(len(line.examples) + len(line.counterexamples) for line in yours)
        note = f"; without an example: {', '.join(untested)}" if untested else ""
        out_console.print(f"of them from your folders: {examples}, on {len(yours)} lines{note}")
    if failures:
        raise typer.Exit(EXIT_INPUT_FAILED)


def _inside(path: str, folder: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


@patterns_app.command("labels", cls=_Command)
def patterns_labels() -> None:
    """List every label a data line may carry: who reads it, how, and what its value means."""
    from rich.table import Table

    from .labels import LABELS

    table = Table(title="labels", show_lines=False)
    for column in ("label", "read by", "kind", "value", "what it is"):
        table.add_column(column, overflow="fold")
    for label in LABELS.values():
        kind = ("pattern, claims" if label.claims else "pattern") if label.matched else "word list"
        value = "" if label.value == "none" else label.value
        table.add_row(label.name, label.component.removeprefix("policy_claims_"), kind, value, label.description)
    out_console.print(table)


@patterns_app.command("try", cls=_Command)
def patterns_try(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A sentence or paragraph to run the patterns on.")],
    patterns: PatternDirs = None,
    no_builtin_patterns: NoBuiltin = False,
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Publication date (YYYY-MM-DD) for relative dates such as 'last year'."),
    ] = None,
) -> None:
    """Show which pattern fired on which span, and the records that came out."""
    from rich.table import Table

    from .annotations import matches_of
    from .claim_types import claim_type_of_label, normalized_text
    from .extract import analyze_text
    from .nlp import build_nlp

    reference = _published_or_exit(published)
    pattern_set = _patterns_or_exit(patterns, no_builtin_patterns)
    nlp = build_nlp(pattern_set)
    _, claims, doc = analyze_text(nlp, text, article_id="try", published=reference)
    fired = Table(title="patterns that fired", show_lines=False)
    for column in ("component", "label", "pattern id", "span"):
        fired.add_column(column)
    for span in matches_of(doc):
        owner = claim_type_of_label(span.label_)
        fired.add_row(owner.name if owner else "", span.label_, span.id_, span.text)
    out_console.print(fired)
    records = Table(title="claims")
    for column in ("type", "text", "normalized", "rule"):
        records.add_column(column)
    for claim in claims:
        records.add_row(claim.claim_type, claim.text, normalized_text(claim.model_dump(mode="json")), claim.rule)
    out_console.print(records)


def _published_or_exit(value: str | None, day_order: str = "dmy") -> date | None:
    from .normalize.dates import parse_published

    if value is None:
        return None
    found = parse_published(value, order="mdy" if day_order == "mdy" else "dmy")
    if found is None:
        err_console.print("--published must be a date such as 2024-03-15")
        raise typer.Exit(EXIT_INVALID)
    return found


def main() -> None:
    """The ``claims`` command: the app, with any unexpected exception turned into ``E900``
    (and its traceback only with ``--debug``)."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    except Exception as exc:
        if debugging() or "--debug" in sys.argv:
            raise
        from .errors import describe

        typer.echo(f"error: {problem(Code.E900, reason=describe(exc))}", err=True)
        raise SystemExit(EXIT_INTERNAL) from None


if __name__ == "__main__":  # pragma: no cover
    main()
