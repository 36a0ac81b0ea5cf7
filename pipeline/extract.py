"""Run the pipeline over finished articles and assemble the records from what is on each Doc.

The texts go through ``nlp.pipe`` with their publication date as context (spaCy's own
``as_tuples``; with ``jobs`` > 1, in worker processes: ``workers.py``), each article
under a time budget (``budget.py``). Records are built from
``doc.spans`` alone (``annotations.py``), so a Doc read back from bytes or a DocBin
gives the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter
from spacy.language import Language
from spacy.tokens import Doc

from .annotations import (
    Sentences,
    claim_fields,
    claim_spans,
    doc_text,
    failure,
    failure_code,
    record_failure,
    warnings_of,
)
from .bounded import bounded_doc
from .budget import DEFAULT_SECONDS as DEFAULT_BUDGET
from .budget import BudgetExceeded, Deadline, time_budget
from .components.base import DataComponent
from .errors import MESSAGES, Code, Problem, describe, problem
from .ingest import InputFile, NotArticle, RawArticle, SourceArticle, finish, iter_inputs, iter_jsonl, read_path
from .ingest.repair import SourceMap
from .lexicon import Lexicon
from .normalize.dates import DayOrder
from .records import Article, Claim, claim_id
from .writers import RenderedClaims, render_claims

if TYPE_CHECKING:
    from .incremental import RunState

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
ARTICLES_PER_BATCH = 8  # nlp.pipe's batch: the rule components gain nothing from larger ones


@dataclass
class Extraction:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files of the folders that are no articles


# -- records from a doc ----------------------------------------------------------------
def claims_from_doc(doc: Doc, article_id: str, *, source_map: SourceMap | None = None) -> list[Claim]:
    """The claim records of one processed doc, in text order."""
    text = doc_text(doc)
    sentences = Sentences(doc)
    sentence_texts: dict[tuple[int, int], str] = {}  # a long sentence is joined once, not once per claim
    records: list[Claim] = []
    for span in claim_spans(doc):
        fields = claim_fields(span)
        start, end = fields.pop("chars", None) or (span.start_char, span.end_char)
        evidence = fields.pop("sentence", None)
        if evidence is not None:
            sentence = text[evidence[0] : evidence[1]].strip()
        else:
            first, last = sentences.of(span.start), sentences.of(max(span.start, span.end - 1))
            holder = first if last.start == first.start else doc[first.start : last.end]  # a span over a sentence end
            if (holder.start, holder.end) not in sentence_texts:
                sentence_texts[holder.start, holder.end] = " ".join(holder.text.split())
            sentence = sentence_texts[holder.start, holder.end]
        source_start, source_end = source_map.span_to_source(start, end) if source_map else (None, None)
        data: dict[str, Any] = {
            "claim_id": claim_id(article_id, span.label_, start, end, span.id_),
            "article_id": article_id,
            "claim_type": span.label_,
            "text": text[start:end],
            "start": start,
            "end": end,
            "sentence": sentence,
            "rule": span.id_,
            "source_start": source_start,
            "source_end": source_end,
            **fields,
        }
        records.append(CLAIM_ADAPTER.validate_python(data))
    records.sort(key=lambda c: (c.start, c.end, c.claim_type, c.rule))
    return records


def problems_from_doc(doc: Doc, source: str, line: int | None = None) -> list[Problem]:
    """The doc's warnings, and its failure if a component failed on it."""
    found = []
    for warning in warnings_of(doc):
        code = Code(warning["code"])
        details = {k: v for k, v in warning.items() if k != "code"}
        found.append(Problem(code, MESSAGES[code].format(**details), source, line))
    reason = failure(doc)
    if reason is not None:
        found.append(problem(Code(failure_code(doc)), source, line, reason=reason))
    return found


def context_of(article: Article, **extra: Any) -> dict[str, Any]:
    """What travels with an article's text through ``nlp.pipe(..., as_tuples=True)``."""
    return {"published": article.published.isoformat() if article.published else None, **extra}


# -- running the pipeline --------------------------------------------------------------
def lexicon_of(nlp: Language) -> Lexicon | None:
    """The word lists the pipeline was built with (every data component holds them all)."""
    for _, component in nlp.pipeline:
        if isinstance(component, DataComponent):
            return component.lexicon
    return None


def day_order_of(nlp: Language) -> DayOrder:
    """How the pipeline reads ambiguous numeric dates (its date component's ``day_order``)."""
    for _, component in nlp.pipeline:
        order = getattr(component, "day_order", None)
        if order in ("dmy", "mdy"):
            return order
    return "dmy"


def _doc_or_failure(nlp: Language, text: str) -> Doc:
    try:
        return bounded_doc(nlp, text)  # no token over MAX_RUN characters, E410 past MAX_TEXT
    except Exception as exc:  # the tokenizer refuses the text: report it, go on with the batch
        doc = Doc(nlp.vocab, words=[])
        record_failure(doc, "tokenizer", exc)
        return doc


def extract_articles(
    nlp: Language,
    articles: Iterable[SourceArticle],
    *,
    jobs: int = 1,
    budget: float | None = DEFAULT_BUDGET,
) -> Iterator[tuple[SourceArticle, list[Claim], list[Problem]]]:
    """Each article with its claims and its problems, in input order.

    ``jobs`` > 1 runs the pipeline in that many worker processes (``workers.py``); a worker
    that dies costs a retry, never the batch. An article the pipeline fails on gets an
    ``E401`` problem and no claims, one that runs over ``budget`` seconds an ``E402``.
    """
    if jobs > 1:
        from .workers import extract_in_workers

        yield from extract_in_workers(nlp, articles, jobs=jobs, budget=budget)
        return
    source = enumerate(articles)
    pending: dict[int, SourceArticle] = {}
    made: dict[int, Doc] = {}  # the doc of each pending article, to tell why spaCy dropped one
    deadline = Deadline(budget)

    def texts() -> Iterator[tuple[Doc, dict[str, Any]]]:
        for index, item in source:
            pending[index] = item
            deadline.start()
            made[index] = _doc_or_failure(nlp, item.article.text)
            yield made[index], context_of(item.article, index=index)

    def lost(index: int, exc: Exception | None) -> tuple[SourceArticle, list[Claim], list[Problem]]:
        item, doc = pending.pop(index), made.pop(index, None)
        if exc is None and doc is not None and failure(doc) is not None:  # a handler recorded why
            return item, [], [p for p in problems_from_doc(doc, item.article.source, item.line) if not p.is_warning]
        return item, [], [_lost(item, exc)]

    while True:
        try:
            for doc, context in nlp.pipe(texts(), as_tuples=True, batch_size=ARTICLES_PER_BATCH):
                deadline.stop()
                for index in sorted(i for i in pending if i < context["index"]):  # docs spaCy dropped
                    yield lost(index, None)
                item = pending.pop(context["index"])
                made.pop(context["index"], None)
                yield item, *_assemble(doc, item)
            break
        except Exception as exc:  # escaped the components (the budget struck between them): go on
            deadline.stop()
            if not pending:
                raise
            for index in sorted(pending):
                yield lost(index, exc)
    for index in sorted(pending):  # a doc spaCy did not give back
        yield lost(index, None)


def _lost(item: SourceArticle, exc: Exception | None) -> Problem:
    """The problem of an article the pipeline gave no doc back for."""
    where = (item.article.source, item.line)
    if isinstance(exc, BudgetExceeded):
        return problem(Code.E402, *where, reason=f"stopped after {exc.seconds:g} s")
    reason = describe(exc) if exc is not None else "the pipeline gave no result"
    return problem(Code.E401, *where, reason=reason)


def _assemble(doc: Doc, item: SourceArticle) -> tuple[list[Claim], list[Problem]]:
    problems = problems_from_doc(doc, item.article.source, item.line)
    if failure(doc) is not None:
        return [], problems
    try:
        return claims_from_doc(doc, item.article.article_id, source_map=item.source_map), problems
    except Exception as exc:
        return [], [
            *problems,
            problem(Code.E401, item.article.source, item.line, reason=describe(exc)),
        ]


def process_article(nlp: Language, item: SourceArticle) -> tuple[Article, list[Claim]]:
    """One finished article's record and claims; raises ``ClaimsError`` when the pipeline fails on it."""
    from .errors import ClaimsError

    [(_, claims, problems)] = extract_articles(nlp, [item])
    failed = [p for p in problems if not p.is_warning]
    if failed:
        raise ClaimsError(failed)
    return item.article, claims


def analyze_text(
    nlp: Language, text: str, *, article_id: str = "text", published: date | None = None
) -> tuple[Article, list[Claim], Doc]:
    """Repair ``text``, read its metadata, run the pipeline: the article, its claims and the doc."""
    raw = RawArticle(article_id, text, "<text>", published=published, states_published=bool(published))
    item = finish(raw, lexicon=lexicon_of(nlp), order=day_order_of(nlp))
    [(doc, _)] = nlp.pipe([(_doc_or_failure(nlp, item.article.text), context_of(item.article))], as_tuples=True)
    claims = [] if failure(doc) else claims_from_doc(doc, article_id)
    return item.article, claims, doc


def extract_text(
    text: str, nlp: Language, *, article_id: str = "text", published: date | None = None
) -> tuple[Article, list[Claim]]:
    """Extract claims from one text (the library's simplest entry point).

    Raises ``ClaimsError`` (``E401``) when the pipeline fails on it.
    """
    from .errors import ClaimsError

    article, claims, doc = analyze_text(nlp, text, article_id=article_id, published=published)
    failed = [p for p in problems_from_doc(doc, "<text>") if not p.is_warning]
    if failed:
        raise ClaimsError(failed)
    return article, claims


# -- a batch of files, as a stream ----------------------------------------------------
@dataclass(frozen=True)
class Extracted:
    """One article's outcome: its record, its claims (as records, or serialized once by
    ``writers.render_claims`` when the run writes files) and its problems."""

    article: Article
    line: int | None
    claims: list[Claim]
    rendered: RenderedClaims | None
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        return any(not p.is_warning for p in self.problems)


@dataclass(frozen=True)
class FileDone:
    """Every article of ``path`` has been given (``articles`` of them, duplicates left out)."""

    path: Path
    articles: int


@dataclass(frozen=True)
class ReadFile:
    """A job: read one file (not JSONL) and extract its article; ``data`` holds the file's
    bytes when they were read where the batch is planned (for a worker that cannot see it)."""

    entry: InputFile
    data: bytes | None = None


@dataclass(frozen=True)
class FinishLine:
    """A job: finish one article read from a JSONL line (repair, metadata) and extract it."""

    raw: RawArticle


Job = ReadFile | FinishLine | SourceArticle


@dataclass(frozen=True)
class JobOptions:
    published: date | None = None
    budget: float | None = DEFAULT_BUDGET
    render: bool = False  # give the claims serialized (RenderedClaims), not as records
    raw_csv: bool = False


@dataclass(frozen=True)
class Outcome:
    """What a job gave: problems of reading, then the articles (each with its own problems)."""

    problems: list[Problem]
    articles: list[Extracted]


NOTHING = Outcome([], [])


@dataclass(frozen=True)
class Reused:
    """A planned job whose outcome is known already (an incremental run took it from the
    output folder's state, ``incremental.py``): there is nothing to run, the outcome is
    passed on in its place in the planned order."""

    outcome: Outcome


Planned = Job | Reused | None  # what a plan gives for each key: a job to run, an outcome, or nothing


def outcome_of(nlp: Language, planned: Planned, options: JobOptions) -> Outcome:
    """The outcome of one planned item, the job run in this process."""
    if planned is None:
        return NOTHING
    if isinstance(planned, Reused):
        return planned.outcome
    return run_job(nlp, planned, options)


def run_job(nlp: Language, job: Job, options: JobOptions) -> Outcome:
    """Do one job in this process (a run of one process, or a worker of ``--jobs``)."""
    lexicon, order = lexicon_of(nlp), day_order_of(nlp)
    problems: list[Problem] = []
    if isinstance(job, SourceArticle):
        items = [job]
    elif isinstance(job, ReadFile):
        try:
            with time_budget(options.budget):
                items, problems = read_path(
                    job.entry.path, published=options.published, lexicon=lexicon, order=order,
                    article_id=job.entry.article_id, data=job.data,
                )  # fmt: skip
        except BudgetExceeded as exc:
            return Outcome([_stopped_reading(str(job.entry.path), None, exc)], [])
    else:
        raw = job.raw
        try:
            with time_budget(options.budget):
                items = [finish(raw, published=options.published, lexicon=lexicon, order=order)]
        except BudgetExceeded as exc:
            return Outcome([_stopped_reading(raw.source, raw.line, exc)], [])
        except Exception as exc:  # the repair or the metadata failed on this article alone
            return Outcome([problem(Code.E111, raw.source, raw.line, reason=describe(exc))], [])
    extracted = []
    for item, claims, found in extract_articles(nlp, items, budget=options.budget):
        rendered = render_claims(claims, raw_csv=options.raw_csv) if options.render else None
        extracted.append(Extracted(item.article, item.line, [] if options.render else claims, rendered, found))
    return Outcome(problems, extracted)


def _stopped_reading(source: str, line: int | None, exc: BudgetExceeded) -> Problem:
    return problem(Code.E402, source, line, reason=f"stopped reading after {exc.seconds:g} s")


def plan_jobs(
    paths: Iterable[Path | str], nlp: Language, *, budget: float | None = DEFAULT_BUDGET
) -> Iterator[tuple[Path | Problem | NotArticle, Job | None]]:
    """The jobs of a batch in input order, each with its file: a file is one job, a JSONL
    file one job per line (read here: it is cheap, and its lines then spread over the
    workers); a file that gives no job, a path that is missing, or a folder's file that is
    no article (``NotArticle``) comes with ``None``.
    The problems of reading a JSONL file come as a ``Problem`` in place of the file."""
    for entry in iter_inputs(paths):
        if isinstance(entry, Problem | NotArticle):
            yield entry, None
            continue
        yield from plan_file(entry, nlp, budget=budget)


def plan_file(
    entry: InputFile, nlp: Language, *, budget: float | None = DEFAULT_BUDGET
) -> Iterator[tuple[Path | Problem, Job | None]]:
    """The jobs of one input file, as ``plan_jobs`` gives them."""
    if entry.path.suffix.lower() != ".jsonl":
        yield entry.path, ReadFile(entry)
        return
    jobs = 0
    for item in _jsonl_items(entry.path, nlp, budget):
        if isinstance(item, Problem):
            yield item, None
        else:
            jobs += 1
            yield entry.path, FinishLine(item)
    if not jobs:
        yield entry.path, None


def _jsonl_items(path: Path, nlp: Language, budget: float | None) -> Iterator[RawArticle | Problem]:
    """The lines of a JSONL file as they are read (``ingest.iter_jsonl``), each within
    ``budget`` seconds; a line over it, or a reader that fails, ends the file with a problem
    (the lines before it are kept)."""
    lines = iter_jsonl(path, lexicon_of(nlp), day_order_of(nlp))
    while True:
        try:
            with time_budget(budget):
                item = next(lines, None)
        except BudgetExceeded as exc:
            yield _stopped_reading(str(path), None, exc)
            return
        except Exception as exc:  # the reader failed on this file: report it, the batch goes on
            yield problem(Code.E111, str(path), reason=describe(exc))
            return
        if item is None:
            return
        yield item


Engine = Callable[[Language, Iterable[tuple[Any, Planned]], JobOptions], Iterator[tuple[Any, Outcome]]]
"""Runs planned jobs elsewhere (``dask_engine.DaskEngine``): each key and outcome, in planned order."""


def run_jobs(
    nlp: Language,
    planned: Iterable[tuple[Any, Planned]],
    options: JobOptions,
    *,
    jobs: int = 1,
    engine: Engine | None = None,
) -> Iterator[tuple[Any, Outcome]]:
    """Each planned job's key and outcome, in the planned order; ``jobs`` > 1 runs them in
    that many worker processes (``workers.py``), an ``engine`` where it runs them. A
    ``Reused`` outcome is passed on as it is."""
    if engine is not None:
        yield from engine(nlp, planned, options)
        return
    if jobs > 1:
        from .workers import run_in_workers

        yield from run_in_workers(nlp, planned, options, jobs=jobs)
        return
    for key, job in planned:
        yield key, outcome_of(nlp, job, options)


def extract_files(
    paths: Iterable[Path | str],
    nlp: Language,
    *,
    jobs: int = 1,
    published: date | None = None,
    budget: float | None = DEFAULT_BUDGET,
    render: bool = False,
    raw_csv: bool = False,
    state: RunState | None = None,
    engine: Engine | None = None,
) -> Iterator[Extracted | Problem | FileDone | NotArticle]:
    """Read every supported file under ``paths`` and extract claims from each article, as a
    stream in input order: each article as it is done (``Extracted``; a failed one carries
    its problem), each problem of reading, ``FileDone`` after each file, and ``NotArticle``
    for each file of a folder that is no article (it is not read).

    Input order: the paths in the order given, a folder's files sorted by path, a JSONL
    file's lines in file order. An article whose id was already read is left out with an
    ``E108`` problem. With ``render``, claims come serialized once (``RenderedClaims``),
    in the worker processes when ``jobs`` > 1. With a ``state`` (``incremental.RunState``
    of the output folder), what its last run extracted from the same content with the
    same pipeline is taken from it rather than extracted again, and what this run gives
    is recorded in it; the stream is the same either way. An ``engine`` runs the jobs in
    place of this process and its workers (``dask_engine.DaskEngine``: a dask cluster).
    """
    options = JobOptions(published, budget, render, raw_csv)
    seen: dict[str, str] = {}
    current: Path | None = None
    count = 0
    planned = plan_jobs(paths, nlp, budget=budget) if state is None else state.plan(paths, nlp, options)
    for step, outcome in run_jobs(nlp, planned, options, jobs=jobs, engine=engine):
        key = step if state is None else state.record(step, outcome)
        if isinstance(key, Problem | NotArticle):
            yield key
            continue
        if key != current:
            if current is not None:
                yield FileDone(current, count)
            current, count = key, 0
        yield from outcome.problems
        for extracted in outcome.articles:
            article = extracted.article
            where = f"{article.source}:{extracted.line}" if extracted.line else article.source
            if article.article_id in seen:
                yield problem(
                    Code.E108, article.source, extracted.line, article_id=article.article_id,
                    other=seen[article.article_id],
                )  # fmt: skip
                continue
            seen[article.article_id] = where
            count += 1
            yield extracted
    if current is not None:
        yield FileDone(current, count)


def extract_paths(
    paths: Iterable[Path | str],
    nlp: Language,
    *,
    on_file: Callable[[Path, int], None] | None = None,
    jobs: int = 1,
    published: date | None = None,
    budget: float | None = DEFAULT_BUDGET,
) -> Extraction:
    """Read every supported file under ``paths`` and extract claims from each article, all
    held in memory (``extract_files`` gives them as a stream, for batches of any size).

    A file or line that cannot be read becomes a problem; the rest of the batch goes on.
    Articles and claims are in input order (see ``extract_files``), problems too; the
    folders' files that are no articles are in ``skipped``.
    ``on_file(path, n_articles)`` is called after each file (for progress reporting).
    ``jobs`` > 1 runs the pipeline in that many processes; the result is the same.
    ``published`` is the publication date of articles whose record states none.
    ``budget`` is the time in seconds one file may take to read, and one article to
    extract (``E402`` beyond it); ``None`` or 0 for no limit.
    """
    result = Extraction()
    for event in extract_files(paths, nlp, jobs=jobs, published=published, budget=budget):
        if isinstance(event, Problem):
            result.problems.append(event)
        elif isinstance(event, NotArticle):
            result.skipped.append(event.path)
        elif isinstance(event, FileDone):
            if on_file is not None:
                on_file(event.path, event.articles)
        else:
            result.problems.extend(event.problems)
            if not event.failed:
                result.articles.append(event.article)
                result.claims.extend(event.claims)
    return result
