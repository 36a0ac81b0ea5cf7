"""Read input files into finished articles: one reader per format, every failure a located Problem.

A reader turns a file into raw text and the metadata the file states (JSONL fields,
page metadata, front matter); ``finish`` then repairs the text (keeping a map back to
the source), reads title, author and publication date from the text where the file did
not state them, and builds the ``Article`` record.

Readers never raise for bad input: they return the articles they could read and a
problem for everything else, so one bad file (or JSONL line) never stops a batch.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..budget import BudgetExceeded
from ..errors import Code, Problem, describe, problem
from ..lexicon import Lexicon
from ..normalize.dates import DayOrder, parse_published
from ..records import Article
from .metadata import Metadata, extract_metadata
from .repair import SourceMap, repair

# formats whose stated metadata comes from page tags or document info, not from a record the user wrote
DOCUMENT_METADATA = frozenset({".html", ".htm", ".pdf"})
SUPPORTED = (".txt", ".jsonl", ".md", ".markdown", ".html", ".htm", ".pdf")
JSONL_FIELDS = frozenset({"id", "text", "title", "author", "published", "url"})
CONTROL_LIMIT = 0.01  # share of control characters above which a "text" file is binary
CHUNK_BYTES = 1 << 20
LONE_CR = re.compile(r"\r(?!\n)")
_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b <= 0xBF)  # deleting them leaves UTF-8 continuations
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in b"\n\r\t\f\v")  # deleting them leaves controls
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class RawArticle:
    """A reader's result: the text as read and the metadata the file itself states."""

    article_id: str
    text: str
    source: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    line: int | None = None
    source_offsets: bool = True  # can claim offsets be mapped back into the source text?
    states_published: bool = False  # the record itself gives the date (a JSONL field)


@dataclass(frozen=True)
class SourceArticle:
    """A finished article: its record (repaired text and metadata) and the map back to the file.

    ``source_map`` is None where offsets cannot be mapped back into the file's own text
    (converted formats: HTML, Markdown, PDF).
    """

    article: Article
    source_map: SourceMap | None = None
    line: int | None = None


def finish(
    raw: RawArticle, *, published: date | None = None, lexicon: Lexicon | None = None, order: DayOrder = "dmy"
) -> SourceArticle:
    """Repair the text and complete the metadata from it.

    The publication date is the one the record states (a JSONL field), else ``published``
    (the run's ``--published``), else the one the text states (a dateline, a date line, a
    "Posted" line), else the page's or document's metadata. Title and author a record
    states (JSONL fields, Markdown front matter) are kept; those of an HTML page or a PDF's
    document info are weighed against the text (``metadata.combine``).
    """
    raw = without_surrogates(raw)
    repaired = repair(raw.text, lexicon)
    if Path(raw.source).suffix.lower() in DOCUMENT_METADATA:
        # a PDF's creation date is when the file was made (a printed page's, its printing),
        # not a date the article states
        stated_date = None if Path(raw.source).suffix.lower() == ".pdf" else raw.published
        stated = Metadata(raw.title, raw.author, stated_date)
        found = extract_metadata(repaired.text, lexicon, order, stated=stated)
    else:  # a record's own fields (JSONL, front matter) are kept as written
        text_found = extract_metadata(repaired.text, lexicon, order)
        found = Metadata(
            raw.title or text_found.title, raw.author or text_found.author, raw.published or text_found.published
        )
    when = raw.published if raw.states_published else (published or found.published)
    article = Article(
        article_id=raw.article_id,
        title=found.title,
        author=found.author,
        published=when,
        url=raw.url,
        source=raw.source,
        text=repaired.text,
    )
    return SourceArticle(article, repaired.source_map if raw.source_offsets else None, raw.line)


@dataclass(frozen=True)
class InputFile:
    """A file to read and the article id it gives: its path relative to the folder it was
    found in, without extension (``2023/report``), or its name without extension when it
    was named itself. Ids are unique by construction inside one folder."""

    path: Path
    article_id: str


def without_surrogates(raw: RawArticle) -> RawArticle:
    """The article with every lone surrogate (which JSON escapes such as ``"\\ud800"`` can
    carry, and which no file format can store) replaced by U+FFFD, one character for one,
    so offsets stay exact."""
    fields: dict[str, Any] = {
        name: LONE_SURROGATE.sub("\ufffd", value)
        for name in ("article_id", "text", "title", "author", "url")
        if isinstance(value := getattr(raw, name), str) and LONE_SURROGATE.search(value)
    }
    return replace(raw, **fields) if fields else raw


@dataclass(frozen=True)
class NotArticle:
    """A file a folder holds that is no article: its extension is none of ``SUPPORTED``
    (an image, a spreadsheet, a ``README`` without one). A folder walk passes over it; a
    file named itself is read, and is an ``E101`` problem."""

    path: Path


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[InputFile | NotArticle | Problem]:
    """The files under ``paths`` (folders recursively, sorted), or a problem for a path that
    does not exist. A folder's hidden files and folders (a name starting with ``.``) are
    left out, and its files of other types come as ``NotArticle``."""
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                relative = path.relative_to(root)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if path.suffix.lower() in SUPPORTED:
                    yield InputFile(path, relative.with_suffix("").as_posix())
                else:
                    yield NotArticle(path)
        elif root.is_file():
            yield InputFile(root, root.stem)
        else:
            yield problem(Code.E107, str(root))


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path | Problem]:
    """The files of ``iter_inputs`` that are read, or its problems."""
    for entry in iter_inputs(paths):
        if not isinstance(entry, NotArticle):
            yield entry.path if isinstance(entry, InputFile) else entry


def decode(data: bytes) -> str:
    """Bytes -> text: BOMs first, then UTF-8, then charset-normalizer's best guess.

    Raises ``ValueError`` (with the reason) for data that is not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise ValueError("it looks like a binary file") from None
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            text = str(best) if best is not None else ""
            # on short texts the detector may prefer an exotic code page; Western
            # articles saved by Windows tools are cp1252, so take that when it reads better
            try:
                western = data.decode("cp1252")
            except UnicodeDecodeError:
                western = None
            if western is not None and (best is None or _latin_share(western) > _latin_share(text)):
                text = western
            if not text:
                raise ValueError("no text encoding fits its bytes") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    if text and controls / len(text) > CONTROL_LIMIT:
        raise ValueError("it looks like a binary file")
    # lone CRs become LFs (same length); CRLF stays, so source offsets count characters as an editor does
    return LONE_CR.sub("\n", text)


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)


def read_file_bytes(path: Path) -> bytes | Problem:
    """The file's bytes, or the ``E102`` problem a reader reports when it cannot read them
    (the bytes given to a reader as ``data`` by a process that cannot see the file)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return problem(Code.E102, str(path), reason=exc.strerror or str(exc))


def _read_bytes(path: Path, data: bytes | None) -> bytes | Problem:
    return read_file_bytes(path) if data is None else data


def _read_text_file(path: Path, data: bytes | None = None) -> str | Problem:
    content = _read_bytes(path, data)
    if isinstance(content, Problem):
        return content
    try:
        return decode(content)
    except (ValueError, UnicodeError) as exc:
        return problem(Code.E103, str(path), reason=str(exc))


def read_txt(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> tuple[list[RawArticle], list[Problem]]:
    text = _read_text_file(path, data)
    if isinstance(text, Problem):
        return [], [text]
    if not text.strip():
        return [], [problem(Code.E104, str(path))]
    return [RawArticle(path.stem, text, str(path))], []


def _published(value: Any, order: DayOrder, lexicon: Lexicon | None) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError("'published' must be a date string such as 2022-10-07")
    found = parse_published(value, order=order, lexicon=lexicon)
    if found is None:
        raise ValueError(f"'published' is not a date: {value!r}")
    return found


def _opened(path: Path, data: bytes | None) -> IO[bytes]:
    """The file to read: ``path``, or its bytes ``data`` when they were read elsewhere."""
    return path.open("rb") if data is None else io.BytesIO(data)


def _utf8_text_file(path: Path, data: bytes | None = None) -> bool | Problem:
    """Is the file UTF-8 text (a BOM aside)? Read once in chunks, nothing kept: what ``decode``
    would find, control characters included, without holding the file. ``False``: another
    encoding, for ``decode`` to read whole."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    characters = controls = 0
    try:
        with _opened(path, data) as handle:
            first = True
            while chunk := handle.read(CHUNK_BYTES):
                if first and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    return False
                if first and chunk.startswith(codecs.BOM_UTF8):
                    chunk = chunk[len(codecs.BOM_UTF8) :]
                first = False
                decoder.decode(chunk)
                characters += len(chunk) - len(chunk.translate(None, _NOT_CONTINUATION))  # less continuations
                controls += len(chunk.translate(None, _NOT_CONTROL))
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError as exc:
        return problem(Code.E102, str(path), reason=exc.strerror or str(exc))
    if characters and controls / characters > CONTROL_LIMIT:
        return problem(Code.E103, str(path), reason="it looks like a binary file")
    return True


def _jsonl_lines(path: Path, data: bytes | None = None) -> Iterator[tuple[int, str]] | Problem:
    """The numbered lines of a JSONL file, as ``decode`` would give them (lone CRs end lines
    too). A UTF-8 file is read a line at a time, so a large file costs no more memory than
    its longest line; a file in another encoding is decoded whole."""
    utf8 = _utf8_text_file(path, data)
    if isinstance(utf8, Problem):
        return utf8
    if not utf8:
        text = _read_text_file(path, data)
        return text if isinstance(text, Problem) else enumerate(text.split("\n"), start=1)
    return _streamed_lines(path, data)


def _streamed_lines(path: Path, data: bytes | None = None) -> Iterator[tuple[int, str]]:
    number = 0
    with _opened(path, data) as handle:
        for index, raw in enumerate(handle):
            if index == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            line = raw.decode("utf-8")
            for piece in LONE_CR.sub("\n", line).removesuffix("\n").split("\n"):  # CRLF stays, as in decode
                number += 1
                yield number, piece


def iter_jsonl(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> Iterator[RawArticle | Problem]:
    """The articles of a JSONL file, and a problem for each line that is no article, one
    line at a time, in file order (``E104`` when the file holds neither)."""
    lines = _jsonl_lines(path, data)
    if isinstance(lines, Problem):
        yield lines
        return
    where = str(path)
    found = False
    for item in _jsonl_records(lines, where, lexicon, order):
        found = True
        yield item
    if not found:
        yield problem(Code.E104, where)


def _jsonl_records(
    lines: Iterable[tuple[int, str]], where: str, lexicon: Lexicon | None, order: DayOrder
) -> Iterator[RawArticle | Problem]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield problem(Code.E105, where, number, reason=exc.msg)
            continue
        except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, arrays nested 10,000 deep
            yield problem(Code.E105, where, number, reason=describe(exc))
            continue
        if not isinstance(record, dict):
            yield problem(Code.E106, where, number, reason="each line must be a JSON object")
            continue
        unknown = sorted(set(record) - JSONL_FIELDS)
        reasons = [f"unknown field {name!r}" for name in unknown]
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            reasons.append("'text' is missing or empty")
        article_id = record.get("id")
        if not isinstance(article_id, str | int) or str(article_id).strip() == "":
            reasons.append("'id' is missing")
        elif CONTROL_CHARACTER.search(str(article_id)):
            reasons.append("'id' holds a control character (a line break, tab, ...); ids are one line of text")
        for key in ("title", "author", "url"):
            if record.get(key) is not None and not isinstance(record[key], str):
                reasons.append(f"{key!r} must be a string")
        try:
            published = _published(record.get("published"), order, lexicon)
        except ValueError as exc:
            reasons.append(str(exc))
            published = None
        if reasons:
            yield problem(Code.E106, where, number, reason="; ".join(reasons))
            continue
        yield RawArticle(
            str(article_id),
            str(body).replace("\r\n", "\n").replace("\r", "\n"),
            where,
            record.get("title"),
            record.get("author"),
            published,
            record.get("url"),
            number,
            states_published=published is not None,
        )


def read_jsonl(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> tuple[list[RawArticle], list[Problem]]:
    items = list(iter_jsonl(path, lexicon, order, data))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, Problem)]


def _converted(path: Path, text: str, meta: dict[str, Any]) -> tuple[list[RawArticle], list[Problem]]:
    if not text.strip():
        return [], [problem(Code.E104, str(path))]
    return [
        RawArticle(
            path.stem,
            text,
            str(path),
            meta.get("title"),
            meta.get("author"),
            meta.get("published"),
            meta.get("url"),
            source_offsets=False,
        )
    ], []


def read_markdown(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> tuple[list[RawArticle], list[Problem]]:
    from .markdown import markdown_to_text

    raw = _read_text_file(path, data)
    if isinstance(raw, Problem):
        return [], [raw]
    text, meta = markdown_to_text(raw, lexicon, order)
    return _converted(path, text, meta)


def read_html(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> tuple[list[RawArticle], list[Problem]]:
    from .html import html_to_text

    raw = _read_text_file(path, data)
    if isinstance(raw, Problem):
        return [], [raw]
    if not raw.strip():
        return [], [problem(Code.E104, str(path))]
    try:
        text, meta = html_to_text(raw, lexicon, order)
    except ValueError as exc:
        return [], [problem(Code.E110, str(path), reason=str(exc))]
    return _converted(path, text, meta)


def read_pdf(
    path: Path, lexicon: Lexicon | None = None, order: DayOrder = "dmy", data: bytes | None = None
) -> tuple[list[RawArticle], list[Problem]]:
    from .pdf import PdfError, read_pdf_document

    content = _read_bytes(path, data)
    if isinstance(content, Problem):
        return [], [content]
    if not content:
        return [], [problem(Code.E104, str(path))]
    try:
        document = read_pdf_document(content, lexicon)
    except PdfError as exc:
        return [], [problem(Code.E109, str(path), reason=str(exc))]
    # the document information's title and author; never its CreationDate (a printed page's is the print time)
    return _converted(path, document.text, {"title": document.title, "author": document.author})


READERS = {
    ".txt": read_txt,
    ".jsonl": read_jsonl,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def read_raw(
    path: Path,
    lexicon: Lexicon | None = None,
    order: DayOrder = "dmy",
    *,
    article_id: str | None = None,
    data: bytes | None = None,
) -> tuple[list[RawArticle], list[Problem]]:
    """The articles of one file as its reader gives them, before repair.

    ``article_id`` is the id of a file's one article (by default its name without
    extension); a JSONL file's articles keep the ids their lines give. Any failure of a
    reader or of a library it calls becomes a problem for this file. ``data`` is the
    file's bytes when they were read elsewhere (a remote worker, which cannot see
    ``path``: ``pipeline/dask_engine.py``); ``path`` then only names the file.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return [], [problem(Code.E101, str(path), suffix=path.suffix or "(none)", supported=", ".join(SUPPORTED))]
    try:
        raws, problems = reader(path, lexicon, order) if data is None else reader(path, lexicon, order, data)
    except BudgetExceeded:
        raise
    except Exception as exc:  # a library failed on this file: report it, the batch goes on
        return [], [problem(Code.E111, str(path), reason=describe(exc))]
    if article_id is not None and reader is not read_jsonl:
        raws = [replace(raw, article_id=article_id) for raw in raws]
    return raws, problems


def read_path(
    path: Path,
    *,
    published: date | None = None,
    lexicon: Lexicon | None = None,
    order: DayOrder = "dmy",
    article_id: str | None = None,
    data: bytes | None = None,
) -> tuple[list[SourceArticle], list[Problem]]:
    """The finished articles of one file, and a problem for everything that could not be read.

    ``lexicon`` holds the metadata words (honorifics, byline and date labels); the built-in
    ones by default; ``order`` reads ambiguous numeric publication dates; ``data`` is the
    file's bytes when they were read elsewhere (see ``read_raw``).
    """
    raws, problems = read_raw(path, lexicon, order, article_id=article_id, data=data)
    finished = []
    for raw in raws:
        try:
            finished.append(finish(raw, published=published, lexicon=lexicon, order=order))
        except BudgetExceeded:
            raise
        except Exception as exc:  # the repair or the metadata failed on this article alone
            problems.append(problem(Code.E111, raw.source, raw.line, reason=describe(exc)))
    return finished, problems
