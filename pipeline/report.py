"""A self-contained HTML report of an output folder: no server, no network.

Per article, its text with every claim highlighted by type (hovering shows the
normalized value and the rule), then one sortable, filterable table of all claims whose
rows jump to their place in the text. Everything taken from an article is HTML-escaped,
and the claims travel as JSON inside a ``<script type="application/json">`` element whose
``<`` characters are escaped, so an article cannot inject markup or script.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from .claim_types import CLAIM_TYPES, normalized_text
from .errors import ClaimsError, Code, problem
from .tables import _read_json

TYPE_COLORS = {name: claim_type.color for name, claim_type in CLAIM_TYPES.items()}


def _describe(claim: dict[str, Any]) -> str:
    return f"{claim['claim_type']}: {normalized_text(claim)} [rule {claim['rule']}]"


def _highlighted(text: str, claims: list[dict[str, Any]]) -> str:
    """The article text as HTML, each stretch covered by claims wrapped in a span."""
    cuts = {0, len(text)}
    for claim in claims:
        cuts.update((max(0, claim["start"]), min(len(text), claim["end"])))
    points = sorted(cuts)
    first_piece = {}
    out = []
    for a, b in itertools.pairwise(points):
        piece = html.escape(text[a:b])
        covering = [c for c in claims if c["start"] <= a and b <= c["end"]]
        if not covering:
            out.append(piece)
            continue
        inner = min(covering, key=lambda c: c["end"] - c["start"])
        anchors = ""
        for claim in covering:
            if claim["claim_id"] not in first_piece:
                first_piece[claim["claim_id"]] = a
                anchors += f'<a class="anchor" id="c-{html.escape(claim["claim_id"])}"></a>'
        title = html.escape("\n".join(_describe(c) for c in covering), quote=True)
        ids = html.escape(" ".join(c["claim_id"] for c in covering), quote=True)
        out.append(
            f'{anchors}<span class="claim t-{inner["claim_type"]}" data-claims="{ids}" title="{title}">{piece}</span>'
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


def render_report(folder: str | Path) -> str:
    folder = Path(folder)
    claims = _read_json(folder, "claims.json")
    articles = _read_json(folder, "articles.json")
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        by_article[str(claim["article_id"])].append(claim)
    sections = []
    for article in articles:
        aid = str(article["article_id"])
        meta = " · ".join(html.escape(str(article[k])) for k in ("author", "published", "source") if article.get(k))
        sections.append(
            f'<article id="article-{html.escape(aid, quote=True)}"><h2>{html.escape(str(article.get("title") or aid))}</h2>'
            f'<div class="meta">{html.escape(aid)} · {meta} · {len(by_article[aid])} claims</div>'
            f'<div class="text">{_highlighted(str(article.get("text") or ""), by_article[aid])}</div></article>'
        )
    legend = "".join(f'<span class="t-{t}">{t}</span>' for t in TYPE_COLORS)
    options = "".join(f'<option value="{t}">{t}</option>' for t in TYPE_COLORS)
    rows = [{**claim, "normalized": normalized_text(claim)} for claim in claims]  # the table shows Python's wording
    data = json.dumps(rows, ensure_ascii=False).replace("<", "\\u003c")
    headers = "".join(f"<th>{h}</th>" for h in ("article", "type", "text", "normalized", "rule", "sentence"))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>policy-claims report</title>"
        f"<style>{STYLE}</style></head><body><header><h1>policy-claims report</h1>"
        f"<div>{len(articles)} articles, {len(claims)} claims · <span class='legend'>{legend}</span></div></header><main>"
        + "".join(sections)
        + "<h2>All claims</h2><div id='controls'><input id='filter' type='search' placeholder='filter the claims'>"
        f"<select id='type'><option value=''>all types</option>{options}</select><span id='count'></span></div>"
        f"<table id='claims'><thead><tr>{headers}</tr></thead><tbody></tbody></table></main>"
        f"<script id='claims-data' type='application/json'>{data}</script><script>{SCRIPT}</script></body></html>\n"
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
