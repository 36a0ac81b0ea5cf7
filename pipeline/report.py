"""A self-contained HTML report of an output folder: no server, no network.

Per article, its text with every claim highlighted by type (hovering shows the
normalized value and the rule), then one sortable, filterable table of all claims whose
rows jump to their place in the text.

The report is safe for any content of the output folder, including files edited by hand:
``claims.json`` and ``articles.json`` are validated against the record models first (an
invalid record is a located ``E112``, not a broken page); everything shown is HTML-escaped;
an article's ``url`` is a link only when it is an absolute http(s) url as a browser would
read it (never ``javascript:``, ``data:`` or ``vbscript:``); and the claims travel as JSON
inside a ``<script type="application/json">`` element with ``<``, ``>``, ``&``, U+2028,
U+2029 and lone surrogates escaped, so no text can close the element or inject script.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .claim_types import CLAIM_TYPES, normalized_text
from .errors import ClaimsError, Code, problem
from .records import Article, Claim

TYPE_COLORS = {name: claim_type.color for name, claim_type in CLAIM_TYPES.items()}


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
def _escape(value: object) -> str:
    """Text for HTML content or a quoted attribute; a lone surrogate (which UTF-8 cannot hold) shows as U+FFFD."""
    return html.escape(_SURROGATE.sub("\ufffd", str(value)), quote=True)


def script_json(data: object) -> str:
    """JSON that is safe as the content of a ``<script>`` element and as JavaScript source."""
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False))


def safe_link(url: str) -> str | None:
    """The url as a browser reads it when it is an absolute http(s) url, else None (never a link).

    Browsers drop tabs and newlines anywhere in a url and controls and spaces at its ends,
    so ``" java\tscript:..."`` is a ``javascript:`` url: the scheme is checked on that form.
    """
    cleaned = _URL_IGNORED.sub("", url).strip(_URL_EDGES)
    return cleaned if _LINK_SCHEME.match(cleaned) else None


def _url_html(url: str) -> str:
    link = safe_link(url)
    if link is None:
        return _escape(url)
    return f'<a href="{_escape(link)}" rel="noopener noreferrer nofollow">{_escape(url)}</a>'


def _describe(claim: dict[str, Any]) -> str:
    return f"{claim['claim_type']}: {normalized_text(claim)} [rule {claim['rule']}]"


def _highlighted(text: str, claims: list[dict[str, Any]]) -> str:
    """The article text as HTML, each stretch covered by claims wrapped in a span.

    One sweep over the claims' boundaries: a stretch is covered by the claims that start at
    or before it and end after it (offsets are clamped to the text).
    """
    bounds = [(min(max(0, c["start"]), len(text)), min(max(0, c["end"]), len(text))) for c in claims]
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for index, (start, end) in enumerate(bounds):
        if start < end:
            starting[start].append(index)
            ending[end].append(index)
    points = sorted({0, len(text), *starting, *ending})
    active: set[int] = set()
    anchored: set[str] = set()
    out = []
    for a, b in itertools.pairwise(points):
        active.difference_update(ending.get(a, ()))
        active.update(starting.get(a, ()))
        piece = _escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        covering = [claims[i] for i in sorted(active)]
        inner = min(covering, key=lambda c: c["end"] - c["start"])
        anchors = ""
        for claim in covering:
            if claim["claim_id"] not in anchored:
                anchored.add(claim["claim_id"])
                anchors += f'<a class="anchor" id="c-{_escape(claim["claim_id"])}"></a>'
        title = _escape("\n".join(_describe(c) for c in covering))
        ids = _escape(" ".join(c["claim_id"] for c in covering))
        out.append(
            f'{anchors}<span class="claim t-{_escape(inner["claim_type"])}" data-claims="{ids}" title="{title}">{piece}</span>'
        )
    return "".join(out)


STYLE = (
    """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{background:#223;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
main{padding:0 24px 40px}.legend span{padding:2px 8px;margin-right:6px;border-radius:3px;color:#222}
article{border-bottom:1px solid #ddd;padding:12px 0}article h2{font-size:17px;margin:8px 0}
.meta{color:#666;font-size:13px}.text{white-space:pre-wrap;max-width:60em}
.claim{border-radius:3px;cursor:help}
"""
    + "".join(f".t-{t}{{background:{c}}}" for t, c in TYPE_COLORS.items())
    + """
.flash{outline:3px solid #e33}
#controls{margin:16px 0}#controls input,#controls select{font-size:14px;padding:4px;margin-right:8px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;user-select:none}tr.row:hover{background:#fafad2;cursor:pointer}
"""
)

SCRIPT = """
const claims = JSON.parse(document.getElementById('claims-data').textContent);
const body = document.querySelector('#claims tbody');
const columns = ['article_id','claim_type','text','normalized','rule','sentence'];
let sortKey='article_id', sortUp=true;
function render(){
  const q=document.getElementById('filter').value.toLowerCase(), t=document.getElementById('type').value;
  const rows=claims.filter(c=>(!t||c.claim_type===t)&&(!q||columns.some(k=>String(c[k]??'').toLowerCase().includes(q))));
  rows.sort((a,b)=>{const x=a[sortKey]??'',y=b[sortKey]??'';const r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y));return sortUp?r:-r;});
  body.replaceChildren(...rows.map(c=>{const tr=document.createElement('tr');tr.className='row t-row-'+c.claim_type;tr.dataset.id=c.claim_id;
    columns.forEach(k=>{const td=document.createElement('td');td.textContent=c[k]??'';if(k==='claim_type')td.className='t-'+c.claim_type;tr.appendChild(td);});
    tr.addEventListener('click',()=>jump(c.claim_id));return tr;}));
  document.getElementById('count').textContent=rows.length+' of '+claims.length+' claims';
}
function jump(id){const a=document.getElementById('c-'+id);if(!a)return;a.scrollIntoView({block:'center'});
  document.querySelectorAll('.flash').forEach(e=>e.classList.remove('flash'));
  document.querySelectorAll('.claim').forEach(e=>{if(e.dataset.claims.split(' ').includes(id))e.classList.add('flash');});}
document.querySelectorAll('#claims th').forEach((th,i)=>th.addEventListener('click',()=>{const k=columns[i];sortUp=(sortKey===k)?!sortUp:true;sortKey=k;render();}));
document.getElementById('filter').addEventListener('input',render);
document.getElementById('type').addEventListener('change',render);
render();
"""


def _article_html(article: Article, claims: list[dict[str, Any]]) -> str:
    aid = article.article_id
    meta = [_escape(aid)]
    meta += [_escape(value) for value in (article.author, article.published, article.source) if value]
    if article.url:
        meta.append(_url_html(article.url))
    meta.append(f"{len(claims)} claims")
    return (
        f'<article id="article-{_escape(aid)}"><h2>{_escape(article.title or aid)}</h2>'
        f'<div class="meta">{" · ".join(meta)}</div>'
        f'<div class="text">{_highlighted(article.text, claims)}</div></article>'
    )


def render_report(folder: str | Path) -> str:
    """The report of an output folder as one HTML page; ``ClaimsError`` (E102, E107, E112) for an invalid folder."""
    articles, records = read_folder(folder)
    claims = [claim.model_dump(mode="json") for claim in records]
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        by_article[claim["article_id"]].append(claim)
    sections = [_article_html(article, by_article[article.article_id]) for article in articles]
    legend = "".join(f'<span class="t-{t}">{t}</span>' for t in TYPE_COLORS)
    options = "".join(f'<option value="{t}">{t}</option>' for t in TYPE_COLORS)
    rows = [{**claim, "normalized": normalized_text(claim)} for claim in claims]  # the table shows Python's wording
    headers = "".join(f"<th>{h}</th>" for h in ("article", "type", "text", "normalized", "rule", "sentence"))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>policy-claims report</title>"
        f"<style>{STYLE}</style></head><body><header><h1>policy-claims report</h1>"
        f"<div>{len(articles)} articles, {len(claims)} claims · <span class='legend'>{legend}</span></div></header><main>"
        + "".join(sections)
        + "<h2>All claims</h2><div id='controls'><input id='filter' type='search' placeholder='filter the claims'>"
        f"<select id='type'><option value=''>all types</option>{options}</select><span id='count'></span></div>"
        f"<table id='claims'><thead><tr>{headers}</tr></thead><tbody></tbody></table></main>"
        f"<script id='claims-data' type='application/json'>{script_json(rows)}</script><script>{SCRIPT}</script></body></html>\n"
    )


def write_report(folder: str | Path, target: str | Path) -> Path:
    from .writers import write_atomic

    target = Path(target)
    content = render_report(folder)
    try:
        write_atomic(target.parent if str(target.parent) else Path("."), {target.name: content})
    except ClaimsError:
        raise
    except OSError as exc:  # pragma: no cover - write_atomic wraps these
        raise ClaimsError(problem(Code.E301, str(target), reason=str(exc))) from exc
    return target
