"""The HTML report: escaping, and a real headless browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import ClaimsError, Code, extract_paths, write_outputs
from pipeline.report import render_report

from .conftest import ROOT

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
HOSTILE = (
    "Hostile Page Title Here\n\nBy Jane Roe\n\n"
    "The <script>alert('x')</script> Council of Europe was founded in 1949 with 10 member states. "
    'It aims to protect human rights & the rule of law <img src=x onerror="alert(1)">.\n'
)


@pytest.fixture()
def report_folder(tmp_path: Path, nlp: Language) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE)
    result = extract_paths([ROOT / "corpus", tmp_path / "in"], nlp)
    out = tmp_path / "out"
    write_outputs(out, result.articles, result.claims, result.problems)
    return out


def test_article_markup_is_escaped(report_folder: Path) -> None:
    page = render_report(report_folder)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    data = page.split("<script id='claims-data' type='application/json'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in data  # the embedded JSON cannot close its script element
    claims = json.loads(data)
    assert {c["claim_type"] for c in claims} == {"date", "count", "organization", "objective"}


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_in_a_headless_browser(report_folder: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(report_folder), encoding="utf-8")
    total = len(json.loads((report_folder / "claims.json").read_text()))
    counts = sum(1 for c in json.loads((report_folder / "claims.json").read_text()) if c["claim_type"] == "count")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            alerts: list[str] = []
            page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
            page.goto(page_path.as_uri())
            # highlights render, one colour per claim type
            for claim_type in ("date", "count", "organization", "objective"):
                assert page.locator(f"span.claim.t-{claim_type}").count() > 0
            assert page.locator("span.claim.t-date").first.is_visible()
            colour = page.locator("span.claim.t-count").first.evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
            # the hostile article shows its markup as text and runs nothing
            assert "<script>alert('x')</script>" in page.locator("#article-hostile .text").inner_text()
            assert alerts == []
            # the table lists every claim, and filtering by type and text works
            assert page.locator("#claims tbody tr").count() == total
            page.select_option("#type", "count")
            assert page.locator("#claims tbody tr").count() == counts
            assert page.locator("#claims tbody tr.t-row-count").count() == counts
            page.fill("#filter", "10 member")
            assert page.locator("#claims tbody tr").count() == 1  # the count in the hostile article
            page.select_option("#type", "")
            assert page.locator("#claims tbody tr").count() > 1  # its sentence also holds a date
            # a row jumps to its place in the text
            page.locator("#claims tbody tr").first.click()
            assert page.locator("span.claim.flash").count() >= 1
            assert page.locator("span.claim.flash").first.is_visible()
            page.fill("#filter", "")
            page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
            shot = os.environ.get("REPORT_SCREENSHOT")
            if shot:
                page.goto(page_path.as_uri())
                page.screenshot(path=shot, full_page=False)
        finally:
            browser.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000


# -- hostile input: every field, through the real extraction and by editing the outputs ----------
PWN = "window.__pwned=(window.__pwned||0)+1;alert(1)"
PAYLOADS = (
    f"<script>{PWN}</script>",
    f"</script><script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f"<svg onload='{PWN}'>",
    f'" onmouseover="{PWN}" autofocus onfocus="{PWN}" x="',
    f"' onfocus='{PWN}' autofocus x='",
    f"<!--<script>{PWN}//-->",
    "]]>-->\u2028\u2029</SCRIPT >",
)
HOSTILE_TEXT = " ".join(PAYLOADS)
BAD_URLS = (
    "javascript:window.__pwned=1;alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscr\nipt:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "javascript&colon;alert(1)",
    '" onclick="alert(1)',
)
GOOD_URL = 'https://example.org/a?b="c"&d=<e>'


def _hostile_line(number: int, url: str) -> str:
    body = (
        f"The Danube Commission {HOSTILE_TEXT} was founded in 1948 with 11 member states.\n"
        f"It aims to keep the river navigable {HOSTILE_TEXT}.\n"
    )
    record = {"id": f"h{number}-{PAYLOADS[number % len(PAYLOADS)]}", "text": body, "url": url,
              "title": f"Title {HOSTILE_TEXT}", "author": f"Author {PAYLOADS[2]}"}  # fmt: skip
    return json.dumps(record)


@pytest.fixture()
def hostile_folder(tmp_path: Path, nlp: Language) -> Path:
    """A batch whose every field is hostile: extracted for real, then edited by hand."""
    source = tmp_path / "in"
    source.mkdir()
    lines = [_hostile_line(n, url) for n, url in enumerate((*BAD_URLS, GOOD_URL))]
    (source / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (source / "plain.txt").write_text(f"{HOSTILE_TEXT}\n\nThe Council of Europe was founded in 1949.\n")
    result = extract_paths([source], nlp)
    assert {c.claim_type for c in result.claims} >= {"date", "count", "organization"}
    out = tmp_path / "out"
    write_outputs(out, result.articles, result.claims, result.problems)
    claims = json.loads((out / "claims.json").read_text())
    for index, claim in enumerate(claims):  # fields a person may edit: any string stays valid
        payload = PAYLOADS[index % len(PAYLOADS)]
        claim.update(rule=payload, sentence=f"{claim['sentence']} {payload}", text=f"{claim['text']}{payload}")
        claim["claim_id"] = f"{claim['claim_id']}{payload}"
        for key in ("unit", "name", "subject"):
            if key in claim:
                claim[key] = payload
    (out / "claims.json").write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
    articles = json.loads((out / "articles.json").read_text())
    articles[-1].update(source=PAYLOADS[0], author=PAYLOADS[3], url=BAD_URLS[0])
    (out / "articles.json").write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("url", BAD_URLS)
def test_only_http_urls_become_links(url: str) -> None:
    from pipeline.report import safe_link

    assert safe_link(url) is None
    assert safe_link(GOOD_URL) == GOOD_URL
    assert safe_link(" \thttPS://example.org/x\n") == "httPS://example.org/x"


def test_embedded_json_cannot_end_its_script() -> None:
    from pipeline.report import script_json

    data = {"x": HOSTILE_TEXT + "&\ud800"}
    encoded = script_json(data)
    assert not set(encoded) & {"<", ">", "&", "\u2028", "\u2029", "\ud800"}
    assert json.loads(encoded) == data


def test_hostile_fields_are_escaped(hostile_folder: Path) -> None:
    page = render_report(hostile_folder)
    head, data = page.split("<script id='claims-data' type='application/json'>", 1)
    data, tail = data.split("</script>", 1)
    assert tail == f"<script>{tail.split('<script>', 1)[1]}"  # only our own script follows
    assert page.count("<script") == 2 and "<img" not in page and "<svg" not in page
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}
    assert 'href="javascript' not in page.lower() and 'href="data:' not in page
    assert f'href="{html.escape(GOOD_URL)}"' in head


@pytest.mark.parametrize(
    ("name", "edit", "line"),
    [
        ("claims.json", lambda records: records[1].update(claim_type='date" onclick="alert(1)'), 3),
        ("claims.json", lambda records: records[0].update(start="<b>"), 2),
        ("articles.json", lambda records: records[0].pop("text"), 2),
    ],
)
def test_an_invalid_record_is_a_located_error(hostile_folder: Path, name: str, edit, line: int) -> None:  # type: ignore[no-untyped-def]
    path = hostile_folder / name
    records = json.loads(path.read_text())
    edit(records)
    path.write_text("[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n")
    with pytest.raises(ClaimsError) as raised:
        render_report(hostile_folder)
    assert raised.value.code == Code.E112
    assert (raised.value.problems[0].path, raised.value.problems[0].line) == (str(path), line)


def test_a_broken_json_file_is_a_located_error(hostile_folder: Path) -> None:
    (hostile_folder / "claims.json").write_text('[\n{"a": 1},\n{"b": </script>}\n]')
    with pytest.raises(ClaimsError) as raised:
        render_report(hostile_folder)
    assert raised.value.code == Code.E102 and raised.value.problems[0].line == 3


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_no_script_runs_in_a_hostile_report(hostile_folder: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    page_path = tmp_path / "hostile.html"
    page_path.write_text(render_report(hostile_folder), encoding="utf-8")
    claims = json.loads((hostile_folder / "claims.json").read_text())
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            alerts: list[str] = []
            console: list[str] = []
            page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
            page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
            page.goto(page_path.as_uri())
            # touch everything a payload could hang on: hover the highlights, click rows, filter
            for span in page.locator("span.claim").all()[:20]:
                span.hover()
            page.locator("#claims tbody tr").first.click()
            page.fill("#filter", "<script>")
            page.fill("#filter", "")
            page.keyboard.press("Tab")
            assert page.evaluate("window.__pwned") is None
            assert alerts == [] and console == []
            assert (
                page.evaluate(
                    "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
                )
                == 0
            )
            assert page.locator("script").count() == 2 and page.locator("img, svg, iframe, object").count() == 0
            hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
            assert hrefs == [GOOD_URL.replace('"', "%22").replace("<", "%3C").replace(">", "%3E")]
            # the hostile text is shown as text, in the articles and in the table
            assert page.locator("#claims tbody tr").count() == len(claims)
            titles = page.locator("article h2").all_inner_texts()
            assert f"Title {HOSTILE_TEXT}" in titles
            texts = page.locator("article .text").all_inner_texts()
            assert any(PAYLOADS[1] in text for text in texts)
            cells = page.locator("#claims tbody td").all_inner_texts()
            assert set(PAYLOADS) <= set(cells)  # the edited rules, as they are
            assert any(BAD_URLS[0] in meta for meta in page.locator("article .meta").all_inner_texts())
        finally:
            browser.close()


def test_a_lone_surrogate_in_a_record_still_gives_a_report(hostile_folder: Path, tmp_path: Path) -> None:
    from pipeline import write_report

    articles = json.loads((hostile_folder / "articles.json").read_text())
    articles[0]["title"] = "Lone \ud800 surrogate"
    (hostile_folder / "articles.json").write_text(json.dumps(articles))  # escaped, as JSON may carry it
    page = write_report(hostile_folder, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Lone \ufffd surrogate" in page
