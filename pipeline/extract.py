"""Run the pipeline over articles and turn what the components found into records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from spacy.language import Language
from spacy.tokens import Doc

from .components.base import Found, doc_text, found_list, sentence_of
from .errors import Code, Problem, problem
from .ingest import RawArticle, iter_files, read_path
from .ingest.metadata import extract_metadata
from .ingest.repair import RepairedText, repair
from .records import Article, Claim, claim_id

CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)


@dataclass
class Extraction:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _sentence(doc: Doc, item: Found) -> str:
    if item.sentence is not None:
        return doc_text(doc)[item.sentence[0] : item.sentence[1]].strip()
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    return " ".join(sentence_of(doc, span.start).text.split())


def _records(doc: Doc, article_id: str, repaired: RepairedText, *, source_offsets: bool) -> list[Claim]:
    records: list[Claim] = []
    for item in found_list(doc):
        source_start: int | None = None
        source_end: int | None = None
        if source_offsets:
            source_start, source_end = repaired.source_map.span_to_source(item.start, item.end)
        data: dict[str, Any] = {
            "claim_id": claim_id(article_id, item.claim_type, item.start, item.end, item.rule),
            "article_id": article_id,
            "claim_type": item.claim_type,
            "text": doc_text(doc)[item.start : item.end],
            "start": item.start,
            "end": item.end,
            "sentence": _sentence(doc, item),
            "rule": item.rule,
            "source_start": source_start,
            "source_end": source_end,
            **item.fields,
        }
        records.append(CLAIM_ADAPTER.validate_python(data))
    records.sort(key=lambda c: (c.start, c.end, c.claim_type, c.rule))
    return records


def process_article(nlp: Language, raw: RawArticle) -> tuple[Article, list[Claim]]:
    """Repair the text, read its metadata, run the pipeline, build the records."""
    article, claims, _ = analyze(nlp, raw)
    return article, claims


def analyze(nlp: Language, raw: RawArticle) -> tuple[Article, list[Claim], Doc]:
    """``process_article`` that also returns the processed spaCy doc (for inspection)."""
    repaired = repair(raw.text)
    meta = extract_metadata(repaired.text)
    published = raw.published or meta.published
    article = Article(
        article_id=raw.article_id,
        title=raw.title or meta.title,
        author=raw.author or meta.author,
        published=published,
        url=raw.url,
        source=raw.source,
        text=repaired.text,
    )
    doc = nlp.make_doc(repaired.text)
    doc._.pc_published = published
    doc = nlp(doc)
    return article, _records(doc, raw.article_id, repaired, source_offsets=raw.source_offsets), doc


def extract_text(
    text: str, nlp: Language, *, article_id: str = "text", published: date | None = None
) -> tuple[Article, list[Claim]]:
    """Extract claims from one text (the library's simplest entry point)."""
    return process_article(nlp, RawArticle(article_id, text, "<text>", published=published))


def _read_batch(paths: Iterable[Path | str], result: Extraction) -> list[tuple[Path, list[RawArticle]]]:
    """Every readable file with its articles; unreadable files and duplicate ids become problems."""
    batch: list[tuple[Path, list[RawArticle]]] = []
    seen: dict[str, str] = {}
    for entry in iter_files(paths):
        if isinstance(entry, Problem):
            result.problems.append(entry)
            continue
        raws, problems = read_path(entry)
        result.problems.extend(problems)
        kept = []
        for raw in raws:
            if raw.article_id in seen:
                result.problems.append(
                    problem(Code.E108, raw.source, raw.line, article_id=raw.article_id, other=seen[raw.article_id])
                )
                continue
            seen[raw.article_id] = f"{raw.source}:{raw.line}" if raw.line else raw.source
            kept.append(raw)
        batch.append((entry, kept))
    return batch


def _failed(raw: RawArticle, exc: BaseException) -> Problem:
    return problem(Code.E401, raw.source, raw.line, reason=f"{type(exc).__name__}: {exc}")


_WORKER_NLP: Language | None = None


def _start_worker(model_dir: str) -> None:
    global _WORKER_NLP
    import spacy

    _WORKER_NLP = spacy.load(model_dir)


def _work(raw: RawArticle) -> tuple[Article, list[Claim]] | str:
    assert _WORKER_NLP is not None
    try:
        return process_article(_WORKER_NLP, raw)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def extract_paths(
    paths: Iterable[Path | str],
    nlp: Language,
    *,
    on_file: Callable[[Path, int], None] | None = None,
    jobs: int = 1,
) -> Extraction:
    """Read every supported file under ``paths`` and extract claims from each article.

    A file or line that cannot be read becomes a problem; the rest of the batch goes on.
    ``on_file(path, n_articles)`` is called after each file (for progress reporting).
    ``jobs`` > 1 spreads the articles over that many processes; the result is the same.
    """
    result = Extraction()
    batch = _read_batch(paths, result)
    if jobs > 1 and sum(len(raws) for _, raws in batch) > 1:
        _extract_parallel(batch, nlp, result, on_file, jobs)
    else:
        for entry, raws in batch:
            for raw in raws:
                try:
                    article, claims = process_article(nlp, raw)
                except Exception as exc:
                    result.problems.append(_failed(raw, exc))
                    continue
                result.articles.append(article)
                result.claims.extend(claims)
            if on_file is not None:
                on_file(entry, len(raws))
    result.articles.sort(key=lambda a: a.article_id)
    order = {a.article_id: i for i, a in enumerate(result.articles)}
    result.claims.sort(key=lambda c: (order[c.article_id], c.start, c.end, c.claim_type, c.rule))
    return result


def _extract_parallel(
    batch: list[tuple[Path, list[RawArticle]]],
    nlp: Language,
    result: Extraction,
    on_file: Callable[[Path, int], None] | None,
    jobs: int,
) -> None:
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    remaining = {entry: len(raws) for entry, raws in batch}
    for entry, count in remaining.items():
        if count == 0 and on_file is not None:
            on_file(entry, 0)
    work = [(entry, raw) for entry, raws in batch for raw in raws]
    with tempfile.TemporaryDirectory(prefix="policy-claims-") as model_dir:
        nlp.to_disk(model_dir)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(model_dir,)) as pool:
            outcomes = pool.map(_work, [raw for _, raw in work], chunksize=max(1, len(work) // (jobs * 8)))
            for (entry, raw), outcome in zip(work, outcomes, strict=True):
                if isinstance(outcome, str):
                    result.problems.append(problem(Code.E401, raw.source, raw.line, reason=outcome))
                else:
                    result.articles.append(outcome[0])
                    result.claims.extend(outcome[1])
                remaining[entry] -= 1
                if remaining[entry] == 0 and on_file is not None:
                    on_file(entry, sum(1 for e, _ in work if e == entry))
