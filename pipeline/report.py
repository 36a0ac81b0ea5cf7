"""A self-contained HTML report of an output folder: no server, no network, fast for big batches.

The page opens on an index of the articles (title, date, author, source, claims by type).
An article's text, with every claim highlighted by type (hover for the normalized value
and the rule), is drawn only when the article is opened. The claims table, drawn a page at
a time, filters by type, article, subject, text, value range and date range, and sorts
numbers as numbers and dates as dates; a row opens its article at the claim.

The report is safe for any content of the output folder, including files edited by hand:
``claims.json`` and ``articles.json`` are validated against the record models first (an
invalid record is a located ``E112``, not a broken page); the data travels as JSON inside a
``<script type="application/json">`` element with ``<``, ``>``, ``&``, U+2028, U+2029 and
lone surrogates escaped, so no text can close the element; the page's script puts every
value in with ``textContent``, never as markup; an article's ``url`` is a link only when it
is an absolute http(s) url as a browser would read it (never ``javascript:``, ``data:`` or
``vbscript:``); and a Content-Security-Policy lets only the page's own script (by hash) run.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .claim_types import CLAIM_TYPES, normalized_text
from .errors import ClaimsError, Code, problem
from .records import Article, Claim

TYPE_COLORS = {name: claim_type.color for name, claim_type in CLAIM_TYPES.items()}
PAGE_SIZE = 200  # claims table rows drawn at a time


CLAIM_ADAPTER: TypeAdapter[Claim] = TypeAdapter(Claim)
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
# characters of the embedded JSON that could end its <script> element or a JS source line
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_URL_IGNORED = re.compile(r"[\t\n\r]")  # a browser drops these anywhere in a url
_URL_EDGES = "".join(map(chr, range(0x21)))  # and strips C0 controls and spaces at both ends
_LINK_SCHEME = re.compile(r"https?://", re.IGNORECASE)


# -- reading the folder ------------------------------------------------------------------
def _array_items(text: str) -> Iterator[tuple[int, object]]:
    """The items of a top-level JSON array, each with the line it starts on.

    Raises ``json.JSONDecodeError`` (which carries line and column) for anything else.
    """
    decoder = json.JSONDecoder()

    def skip(i: int) -> int:
        match = _JSON_SPACE.match(text, i)
        return match.end() if match else i

    i = skip(0)
    if text[i : i + 1] != "[":
        raise json.JSONDecodeError("expected a JSON array", text, i)
    i = skip(i + 1)
    line, counted = 1, 0
    if text[i : i + 1] != "]":
        while True:
            line += text.count("\n", counted, i)
            counted = i
            item, end = decoder.raw_decode(text, i)
            yield line, item
            i = skip(end)
            if text[i : i + 1] == "]":
                break
            if text[i : i + 1] != ",":
                raise json.JSONDecodeError("expected ',' or ']'", text, i)
            i = skip(i + 1)
    if skip(i + 1) != len(text):
        raise json.JSONDecodeError("extra data after the array", text, skip(i + 1))


def _validation_reason(error: ValidationError) -> str:
    """``claim_type: Input tag 'x' ...; start: ...``: every failure of one record, with its field."""
    return "; ".join(
        f"{'.'.join(str(part) for part in failure['loc']) or 'record'}: {failure['msg']}" for failure in error.errors()
    )


def _read_records(folder: Path, name: str, adapter: TypeAdapter[Any]) -> list[Any]:
    """The records of ``folder/name`` validated by ``adapter``; every invalid one is a located problem."""
    path = folder / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClaimsError(problem(Code.E107, str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimsError(problem(Code.E102, str(path), reason=str(exc))) from None
    try:
        items = list(_array_items(text))
    except json.JSONDecodeError as exc:
        raise ClaimsError(problem(Code.E102, str(path), exc.lineno, reason=exc.msg)) from None
    records, problems = [], []
    for line, item in items:
        try:
            records.append(adapter.validate_python(item))
        except ValidationError as exc:
            problems.append(problem(Code.E112, str(path), line, reason=_validation_reason(exc)))
    if problems:
        raise ClaimsError(problems)
    return records


def read_folder(folder: str | Path) -> tuple[list[Article], list[Claim]]:
    """The articles and claims of an output folder, validated against the record models."""
    folder = Path(folder)
    articles = _read_records(folder, "articles.json", TypeAdapter(Article))
    claims = _read_records(folder, "claims.json", CLAIM_ADAPTER)
    return articles, claims


# -- escaping ------------------------------------------------------------------------------
def script_json(data: object) -> str:
    """JSON that is safe as the content of a ``<script>`` element and as JavaScript source."""
    encoded = json.dumps(data, ensure_ascii=False, allow_nan=False)  # JSON.parse takes no NaN or Infinity
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def safe_link(url: str) -> str | None:
    """The url as a browser reads it when it is an absolute http(s) url, else None (never a link).

    Browsers drop tabs and newlines anywhere in a url and controls and spaces at its ends,
    so ``" java\tscript:..."`` is a ``javascript:`` url: the scheme is checked on that form.
    """
    cleaned = _URL_IGNORED.sub("", url).strip(_URL_EDGES)
    return cleaned if _LINK_SCHEME.match(cleaned) else None


def _clean(value: str) -> str:
    """A lone surrogate (which UTF-8 cannot hold) as U+FFFD, so the page says what a browser shows."""
    return _SURROGATE.sub("\ufffd", value)


def _optional(value: object) -> str | None:
    return None if value is None else _clean(str(value))


def utf16_offsets(text: str) -> list[int] | None:
    """Offsets in UTF-16 code units (how JavaScript indexes a string) of each code point of ``text``.

    ``None`` when they are the code point offsets themselves (no character beyond U+FFFF).
    """
    if text.isascii() or max(text, default=" ") <= "\uffff":
        return None
    return list(itertools.accumulate((2 if ch > "\uffff" else 1 for ch in text), initial=0))


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "id": _clean(article.article_id),
        "title": _optional(article.title),
        "author": _optional(article.author),
        "published": _optional(article.published),
        "source": _clean(article.source),
        "url": _optional(article.url),
        "link": safe_link(_clean(article.url)) if article.url else None,
        "text": _clean(article.text),
    }


def report_data(articles: list[Article], records: list[Claim]) -> dict[str, Any]:
    """What the page's script reads: articles, claims (by article index) and their sentences, once each.

    A claim's ``u0``/``u1`` are its offsets in UTF-16 code units, clamped to its article's
    text; ``n`` is its normalized fields as the CLI words them; ``a`` is -1 when its article
    is not in ``articles.json`` (an edited folder).
    """
    index = {article.article_id: i for i, article in enumerate(articles)}
    units = [utf16_offsets(article.text) for article in articles]
    sentences: dict[str, int] = {}
    claims = []
    for record in records:
        claim = record.model_dump(mode="json", exclude={"source_start", "source_end"})
        a = index.get(record.article_id, -1)
        length = len(articles[a].text) if a >= 0 else 0
        start, end = (min(max(0, offset), length) for offset in (record.start, record.end))
        if a >= 0 and (table := units[a]) is not None:
            start, end = table[start], table[end]
        row = {
            "id": _clean(record.claim_id),
            "a": a,
            "article_id": _clean(record.article_id),
            "type": record.claim_type,
            "text": _clean(record.text),
            "u0": start,
            "u1": end,
            "s": sentences.setdefault(_clean(record.sentence), len(sentences)),
            "rule": _clean(record.rule),
            "n": _clean(normalized_text(claim)),
        }
        for field in CLAIM_TYPES[record.claim_type].columns:
            value = claim[field]
            if value is not None:
                row[field] = _clean(value) if isinstance(value, str) else value
        claims.append(row)
    return {
        "types": list(CLAIM_TYPES),
        "page_size": PAGE_SIZE,
        "articles": [_article_data(article) for article in articles],
        "claims": claims,
        "sentences": list(sentences),
    }


def _asset(name: str) -> str:
    return resources.files("pipeline").joinpath("assets", name).read_text(encoding="utf-8")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _page(data: dict[str, Any]) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        f"script-src 'sha256-{digest}'"
    )
    style = _asset("report.css") + "".join(f".t-{t}{{background:{c}}}" for t, c in TYPE_COLORS.items())
    legend = "".join(f'<span class="t-{t}">{t}</span>' for t in TYPE_COLORS)
    total, articles = len(data["claims"]), len(data["articles"])
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>policy-claims report</title><style>{style}</style></head><body>"
        "<header><h1>policy-claims report</h1>"
        f"<span>{_plural(articles, 'article')}, {_plural(total, 'claim')} · </span><span class='legend'>{legend}</span></header>"
        "<nav><a href='#articles' data-view='articles'>Articles</a><a href='#claims' data-view='claims-view'>Claims</a></nav>"
        "<main><noscript><p>The report needs JavaScript to show its tables.</p></noscript>"
        "<p id='missing' class='missing' role='status' hidden></p>"
        "<section id='articles'><div class='controls'><input id='index-filter' type='search' "
        "placeholder='filter by title, author, source, date' size='40'><span id='index-count' class='count'></span></div>"
        "<table id='index'><thead><tr></tr></thead><tbody></tbody></table></section>"
        "<section id='claims-view' hidden><div class='controls'>"
        "<input id='filter' type='search' placeholder='text, sentence, value, rule'>"
        "<select id='type'><option value=''>all types</option></select>"
        "<select id='article'><option value=''>all articles</option></select>"
        "<input id='subject' type='search' placeholder='subject or organization'>"
        "<label>value <input id='min' type='number' step='any' placeholder='from'></label>"
        "<label>to <input id='max' type='number' step='any' placeholder='to'></label>"
        "<label>dates <input id='from' type='date'></label><label>to <input id='to' type='date'></label>"
        "<button id='prev' type='button'>previous</button><button id='next' type='button'>next</button>"
        "<span id='count' class='count'></span></div>"
        "<table id='claims'><thead><tr></tr></thead><tbody></tbody></table>"
        "<div class='controls'><button id='prev-below' type='button'>previous</button>"
        "<button id='next-below' type='button'>next</button><span id='count-below' class='count'></span></div></section>"
        "<section id='article-view' hidden></section></main>"
        f"<script id='report-data' type='application/json'>{script_json(data)}</script>"
        f"<script>{script}</script></body></html>\n"
    )


def render_report(folder: str | Path) -> str:
    """The report of an output folder as one HTML page; ``ClaimsError`` (E102, E107, E112) for an invalid folder."""
    articles, records = read_folder(folder)
    return _page(report_data(articles, records))


def write_report(folder: str | Path, target: str | Path) -> Path:
    """Write the report of ``folder`` to ``target`` atomically (a folder: ``report.html`` in it); the path written."""
    from .writers import write_atomic

    target = Path(target)
    if target.is_dir():
        target = target / "report.html"
    content = render_report(folder)
    try:
        write_atomic(target.parent if str(target.parent) else Path("."), {target.name: content})
    except ClaimsError:
        raise
    except OSError as exc:  # pragma: no cover - write_atomic wraps these
        raise ClaimsError(problem(Code.E301, str(target), reason=str(exc))) from exc
    return target
