"""The HTML report: escaping, and a real headless browser (Debian's chromium via Playwright).

One browser serves every test of the module; each test opens its own page."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline import ClaimsError, Code, extract_paths, write_outputs
from pipeline.report import PAGE_SIZE, render_report, utf16_offsets

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
def report_folder(tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE)
    monkeypatch.chdir(ROOT)  # the corpus named as a user in the project would: a relative path
    result = extract_paths([Path("corpus"), tmp_path / "in"], nlp)
    out = tmp_path / "out"
    write_outputs(out, result.articles, result.claims, result.problems)
    return out


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Watched:
    """A page with its dialogs and console messages recorded."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.alerts: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", lambda dialog: (self.alerts.append(dialog.message), dialog.dismiss()))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        self.page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        self.page.goto(path.as_uri())


def _open(browser: Any, folder: Path, tmp_path: Path, name: str = "report.html") -> Watched:
    path = tmp_path / name
    path.write_text(render_report(folder), encoding="utf-8")
    return Watched(browser, path)


def _follow(page: Any, act: Any) -> None:
    """Do ``act`` (a click, a navigation) and wait until the view answers the new address.

    A hash change is handled after the click returns, so the view is read only once the
    page's router has answered an address other than the one before.
    """
    before = page.evaluate("document.body.dataset.route")
    act()
    page.wait_for_function(
        "b => document.body.dataset.route !== b && document.body.dataset.route === location.hash", arg=before
    )


def _data(page: str) -> dict[str, Any]:
    data = page.split("<script id='report-data' type='application/json'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in data  # the embedded JSON cannot close its script element
    decoded: dict[str, Any] = json.loads(data)
    return decoded


def test_article_markup_is_escaped(report_folder: Path) -> None:
    page = render_report(report_folder)
    assert "<script>alert" not in page and "<img src=x" not in page
    data = _data(page)
    assert {c["type"] for c in data["claims"]} == {"date", "count", "organization", "objective"}
    hostile = next(a for a in data["articles"] if a["id"] == "hostile")
    assert "<script>alert('x')</script>" in hostile["text"]  # data, drawn with textContent
    assert hostile["source"].endswith("hostile.txt")


def test_offsets_are_utf16_code_units_for_javascript() -> None:
    assert utf16_offsets("plain text") is None and utf16_offsets("中國 € text") is None
    assert utf16_offsets("a\U0001f600b") == [0, 1, 3, 4]


@needs_chromium
def test_report_in_a_headless_browser(report_folder: Path, tmp_path: Path, browser: Any) -> None:
    watched = _open(browser, report_folder, tmp_path)
    page = watched.page
    claims = json.loads((report_folder / "claims.json").read_text())
    counts = sum(1 for c in claims if c["claim_type"] == "count")
    # the index comes first: one row per article, with its title, date and counts by type
    assert page.locator("#articles").is_visible() and not page.locator("#claims-view").is_visible()
    rows = page.locator("#index tbody tr")
    assert rows.count() == 2
    cica = page.locator("#index tbody tr", has_text="CICA: A Great Platform")
    assert "2022-10-07" in cica.inner_text() and "Khalid Taimur Akram" in cica.inner_text()
    assert cica.locator("td.source").inner_text() == "corpus/cica-regional-connectivity.txt"  # as given
    assert page.locator("span.claim").count() == 0  # no article text is drawn before it is opened
    # opening an article draws its text, one colour per claim type
    _follow(page, lambda: page.locator("#index a", has_text="CICA").click())
    assert page.locator("#article-view").is_visible()
    for claim_type in ("date", "count", "organization", "objective"):
        assert page.locator(f"#article-view span.claim.t-{claim_type}").count() > 0
    colour = page.locator("span.claim.t-count").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    spans = page.locator("#article-view span.claim").all_inner_texts()
    cica_claims = [c for c in claims if c["article_id"] == "cica-regional-connectivity"]
    assert {c["text"] for c in cica_claims if c["claim_type"] == "date"} <= set(spans)
    _follow(page, lambda: page.go_back())
    assert page.locator("#articles").is_visible()
    # the hostile article shows its markup as text and runs nothing
    _follow(page, lambda: page.locator("#index a", has_text="Hostile").click())
    assert "<script>alert('x')</script>" in page.locator("#article-view .text").inner_text()
    assert watched.alerts == [] and watched.console == []
    # the claims table lists every claim (one page), filters by type and text
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    body = page.locator("#claims tbody tr")
    assert body.count() == min(len(claims), PAGE_SIZE)
    page.select_option("#type", "count")
    assert body.count() == page.locator("#claims tbody tr.t-row-count").count() == counts
    page.fill("#filter", "10 member")
    assert body.count() == 1  # the count in the hostile article
    page.select_option("#type", "")
    assert body.count() > 1  # its sentence also holds a date
    # a row opens its article at the claim
    _follow(page, lambda: body.first.click())
    assert page.locator("#article-view").is_visible()
    assert page.locator("span.claim.flash").count() >= 1 and page.locator("span.claim.flash").first.is_visible()
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    shot = os.environ.get("REPORT_SCREENSHOT")
    if shot:
        _follow(page, lambda: page.goto(page.url.split("#")[0] + "#articles"))
        page.screenshot(path=shot, full_page=False)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert watched.alerts == [] and watched.console == []


# -- a batch of 500 articles --------------------------------------------------------------------
def _copies(folder: Path, target: Path, total: int) -> Path:
    """An output folder of ``total`` articles: the records of ``folder`` again and again, each copy with its own ids."""
    articles = json.loads((folder / "articles.json").read_text())
    claims = json.loads((folder / "claims.json").read_text())
    out_articles, out_claims = [], []
    for n in range(total):
        article = articles[n % len(articles)]
        suffix = f"-{n // len(articles):03d}"
        out_articles.append({**article, "article_id": article["article_id"] + suffix, "source": f"batch/{n:03d}.txt"})
        out_claims += [
            {**c, "article_id": c["article_id"] + suffix, "claim_id": c["claim_id"] + suffix}
            for c in claims
            if c["article_id"] == article["article_id"]
        ]
    target.mkdir()
    (target / "articles.json").write_text(json.dumps(out_articles), encoding="utf-8")
    (target / "claims.json").write_text(json.dumps(out_claims), encoding="utf-8")
    return target


@needs_chromium
def test_a_500_article_batch(report_folder: Path, tmp_path: Path, browser: Any) -> None:
    folder = _copies(report_folder, tmp_path / "big", 500)
    claims = json.loads((folder / "claims.json").read_text())
    watched = _open(browser, folder, tmp_path, "big.html")
    page = watched.page
    page.wait_for_function("performance.getEntriesByName('first-render').length > 0")
    first = page.evaluate("performance.getEntriesByName('first-render')[0].startTime")
    print(
        f"500 articles, {len(claims)} claims: first render after {first:.0f} ms"
    )  # scripts/benchmark_report.py measures it
    assert page.locator("#index tbody tr").count() == 500
    assert page.locator("span.claim").count() == 0 and page.locator("#claims tbody tr").count() == 0
    # sorting the index: dates as dates, counts as numbers
    page.locator("#index th", has_text="claims").click()  # counts: the largest first
    totals = [int(t) for t in page.locator("#index tbody tr td:last-child").all_inner_texts()]
    assert totals == sorted(totals, reverse=True) and totals[0] > totals[-1]
    page.locator("#index th", has_text="claims").click()
    totals = [int(t) for t in page.locator("#index tbody tr td:last-child").all_inner_texts()]
    assert totals == sorted(totals)
    page.locator("#index th", has_text="Article").click()
    names = page.locator("#index tbody tr td:first-child a").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    page.fill("#index-filter", "hostile-012")
    assert page.locator("#index tbody tr").count() == 1
    # the claims table: a page at a time, and the next page
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    assert page.locator("#claims tbody tr").count() == PAGE_SIZE
    assert f"of {len(claims):,} matching claims" in page.locator("#count").inner_text()
    page.click("#next")
    assert f"{PAGE_SIZE + 1}–{2 * PAGE_SIZE} of" in page.locator("#count").inner_text()
    page.click("#prev-below")  # the pager under the table too
    assert page.locator("#count").inner_text().startswith(f"1–{PAGE_SIZE} of")
    # with every type shown, a value sort keeps counts among counts and dates among dates
    page.locator("#claims th", has_text="Value").click()
    kinds = page.locator("#claims tbody td.kind").all_inner_texts()
    assert kinds == sorted(kinds, key=["count", "date", "objective", "organization"].index)
    page.locator("#claims th", has_text="Value").click()
    page.locator("#claims th", has_text="Article").click()  # the article's name, as shown
    assert set(page.locator("#claims tbody tr td:first-child").all_inner_texts()) == {
        "CICA: A Great Platform for Enhanced Regional Connectivity"
    }
    page.locator("#claims th", has_text="Article").click()
    assert set(page.locator("#claims tbody tr td:first-child").all_inner_texts()) == {"Hostile Page Title Here"}
    # counts sort as numbers (9 before 10), both ways
    page.select_option("#type", "count")
    value_header = page.locator("#claims th", has_text="Value")
    value_header.click()
    expected = sorted(c["value"] for c in claims if c["claim_type"] == "count")
    assert _shown_values(page) == [_plain(v) for v in expected[:PAGE_SIZE]]
    value_header.click()
    assert _shown_values(page) == [_plain(v) for v in sorted(expected, reverse=True)[:PAGE_SIZE]]
    # a value range keeps the counts in it
    page.fill("#min", "10")
    page.fill("#max", "27")
    inside = [
        c
        for c in claims
        if c["claim_type"] == "count" and (c.get("value_max") or c["value"]) >= 10 and c["value"] <= 27
    ]
    assert f" {len(inside)} matching" in page.locator("#count").inner_text()
    page.fill("#min", "")
    page.fill("#max", "")
    # dates sort as dates, and a date range keeps the dates that meet it
    page.select_option("#type", "date")
    page.locator("#claims th", has_text="Value").click()  # a new key sorts up
    starts = [c["start_date"] for c in claims if c["claim_type"] == "date"]
    shown = [t.split(" – ")[0] for t in page.locator("#claims tbody td:nth-child(4)").all_inner_texts()]
    assert shown == sorted(starts)[: len(shown)]
    page.locator("#claims th", has_text="Value").click()
    shown = [t.split(" – ")[0] for t in page.locator("#claims tbody td:nth-child(4)").all_inner_texts()]
    assert shown == sorted(starts, reverse=True)[: len(shown)] and shown[0] > min(starts)
    page.fill("#from", "1949-01-01")
    page.fill("#to", "1949-12-31")
    meeting = [
        c
        for c in claims
        if c["claim_type"] == "date" and c["end_date"] >= "1949-01-01" and c["start_date"] <= "1949-12-31"
    ]
    assert f" {len(meeting)} matching" in page.locator("#count").inner_text() and meeting
    page.fill("#from", "")
    page.fill("#to", "")
    # by article and by subject
    page.select_option("#type", "")
    labels = page.locator("#article option").all_inner_texts()
    assert "Hostile Page Title Here (hostile-012)" in labels  # titles shared by several articles show their ids
    page.select_option("#article", label="Hostile Page Title Here (hostile-012)")
    chosen = [c for c in claims if c["article_id"] == "hostile-012"]
    assert f" {len(chosen)} matching" in page.locator("#count").inner_text()
    assert set(page.locator("#claims tbody tr td:first-child").all_inner_texts()) == {"Hostile Page Title Here"}
    page.select_option("#article", "")
    page.fill("#subject", "council of europe")
    subjects = [
        c
        for c in claims
        if "council of europe" in " ".join(str(c.get(k) or "") for k in ("subject", "name", "acronym")).lower()
    ]
    assert f" {len(subjects)} matching" in page.locator("#count").inner_text() and subjects
    # an article opened from the table draws its text only then, from its top
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    _follow(page, lambda: page.locator("#claims tbody tr a").last.click())
    assert page.locator("#article-view span.claim").count() > 0
    assert page.evaluate("window.scrollY") == 0 and page.locator("#article-view h2").is_visible()
    # back in the index, the place in it is kept
    _follow(page, lambda: page.click("nav a[data-view='articles']"))
    page.fill("#index-filter", "")
    row = page.locator("#index tbody tr a").nth(300)
    row.scroll_into_view_if_needed()
    place = page.evaluate("window.scrollY")
    _follow(page, lambda: row.click())
    assert page.evaluate("window.scrollY") == 0
    _follow(page, lambda: page.click("#article-view a[href='#articles']"))
    assert place > 1000 and page.evaluate("window.scrollY") == place
    assert watched.alerts == [] and watched.console == []


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _shown_values(page: Any) -> list[str]:
    """The number of each shown count (after a qualifier, before a range's upper end)."""
    return [t.split(" ")[-1].split("–")[0] for t in page.locator("#claims tbody td:nth-child(4)").all_inner_texts()]


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
    head, data = page.split("<script id='report-data' type='application/json'>", 1)
    data, tail = data.split("</script>", 1)
    assert tail == f"<script>{tail.split('<script>', 1)[1]}"  # only our own script follows
    assert page.count("<script") == 2 and "<img" not in page and "<svg" not in page
    assert not set(data) & {"<", ">", "&", "\u2028", "\u2029"}
    assert "href" not in head.replace("href='#articles'", "").replace(
        "href='#claims'", ""
    )  # links are drawn by the script
    links = [a["link"] for a in json.loads(data)["articles"] if a["link"]]
    assert links == [GOOD_URL]  # the one http(s) url; every other url is text


@pytest.mark.parametrize(
    ("name", "edit", "line"),
    [
        ("claims.json", lambda records: records[1].update(claim_type='date" onclick="alert(1)'), 3),
        ("claims.json", lambda records: records[0].update(start="<b>"), 2),
        ("articles.json", lambda records: records[0].pop("text"), 2),
        (
            "claims.json",
            lambda records: next(r for r in records if r["claim_type"] == "count").update(value=float("nan")),
            None,
        ),
        (
            "claims.json",
            lambda records: next(r for r in records if r["claim_type"] == "count").update(value=float("inf")),
            None,
        ),
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
    if line is None:  # where the edited count stands
        line = 2 + next(i for i, r in enumerate(records) if r.get("claim_type") == "count")
    assert (raised.value.problems[0].path, raised.value.problems[0].line) == (str(path), line)


def test_a_broken_json_file_is_a_located_error(hostile_folder: Path) -> None:
    (hostile_folder / "claims.json").write_text('[\n{"a": 1},\n{"b": </script>}\n]')
    with pytest.raises(ClaimsError) as raised:
        render_report(hostile_folder)
    assert raised.value.code == Code.E102 and raised.value.problems[0].line == 3


@needs_chromium
def test_no_script_runs_in_a_hostile_report(hostile_folder: Path, tmp_path: Path, browser: Any) -> None:
    watched = _open(browser, hostile_folder, tmp_path, "hostile.html")
    page = watched.page
    claims = json.loads((hostile_folder / "claims.json").read_text())
    articles = json.loads((hostile_folder / "articles.json").read_text())
    # touch everything a payload could hang on: open every article, hover its highlights,
    # click the rows of its claims, list and filter the claims table
    titles, texts, metas, links = [], [], [], []
    for n in range(len(articles)):
        _follow(page, lambda: page.goto(page.url.split("#")[0] + "#articles"))
        _follow(page, lambda n=n: page.locator("#index tbody tr a").nth(n).click())
        titles.append(page.locator("#article-view h2").inner_text())
        texts.append(page.locator("#article-view .text").inner_text())
        metas.append(page.locator("#article-view .meta").inner_text())
        for span in page.locator("span.claim").all()[:10]:
            span.hover()
        if page.locator("#article-claims tbody tr").count():
            page.locator("#article-claims tbody tr").first.click()
        links += page.evaluate("[...document.querySelectorAll('#article-view .meta a[href]')].map(a => a.href)")
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    _follow(page, lambda: page.locator("#claims tbody tr").first.click())
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    page.fill("#filter", "<script>")
    page.fill("#filter", "")
    page.keyboard.press("Tab")
    assert page.evaluate("window.__pwned") is None
    assert watched.alerts == [] and watched.console == []
    assert (
        page.evaluate(
            "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
        )
        == 0
    )
    assert page.locator("script").count() == 2 and page.locator("img, svg, iframe, object").count() == 0
    assert links == [GOOD_URL.replace('"', "%22").replace("<", "%3C").replace(">", "%3E")]
    outside = page.evaluate(
        "[...document.querySelectorAll('a[href]')].filter(a => a.checkVisibility())"
        ".map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))"
    )
    assert outside == []  # in the claims table: only in-page links
    # the hostile text is shown as text, in the articles and in the table
    assert f"Title {HOSTILE_TEXT}" in titles
    assert any(PAYLOADS[1] in text for text in texts)
    assert any(BAD_URLS[0] in meta for meta in metas)
    assert page.locator("#claims tbody tr").count() == min(len(claims), PAGE_SIZE)
    cells = page.locator("#claims tbody td").all_inner_texts()
    assert set(PAYLOADS) <= set(cells)  # the edited rules, as they are


@needs_chromium
def test_only_the_pages_own_script_may_run(report_folder: Path, tmp_path: Path, browser: Any) -> None:
    """The Content-Security-Policy admits the report's script by its hash: a script slipped into the page does not run."""
    path = tmp_path / "edited.html"
    page_text = render_report(report_folder).replace(
        "</body>", "<script>window.__pwned = 1</script><img src=x onerror='window.__pwned = 2'></body>"
    )
    path.write_text(page_text, encoding="utf-8")
    watched = Watched(browser, path)
    assert watched.page.locator("#index tbody tr").count() == 2  # the report's own script ran
    assert watched.page.evaluate("window.__pwned") is None


def test_a_lone_surrogate_in_a_record_still_gives_a_report(hostile_folder: Path, tmp_path: Path) -> None:
    from pipeline import write_report

    articles = json.loads((hostile_folder / "articles.json").read_text())
    articles[0]["title"] = "Lone \ud800 surrogate"
    (hostile_folder / "articles.json").write_text(json.dumps(articles))  # escaped, as JSON may carry it
    page = write_report(hostile_folder, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Lone \ufffd surrogate" in page


def test_report_command_opens_the_browser(report_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    from typer.testing import CliRunner

    from pipeline.cli import app

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    target = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(report_folder), "-o", str(target), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [target.resolve().as_uri()]
    opened.clear()
    assert CliRunner().invoke(app, ["report", str(report_folder), "-o", str(target)]).exit_code == 0
    assert opened == []  # only when asked


@needs_chromium
def test_highlights_fall_on_their_text_after_characters_beyond_the_bmp(
    tmp_path: Path, nlp: Language, browser: Any
) -> None:
    """JavaScript counts UTF-16 units: an emoji or a rare CJK character before a claim must not shift it."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wide.txt").write_text(
        "Wide Characters Note\n\n\U0001f30d\U00020000 The Lakeside Water Board was founded in 1961 with 12 member towns.\n",
        encoding="utf-8",
    )
    result = extract_paths([tmp_path / "in"], nlp)
    write_outputs(tmp_path / "out", result.articles, result.claims, result.problems)
    watched = _open(browser, tmp_path / "out", tmp_path)
    page = watched.page
    _follow(page, lambda: page.locator("#index a").first.click())
    shown = {
        claim_type: page.locator(f"#article-view span.claim.t-{claim_type}").all_inner_texts()
        for claim_type in ("date", "count")
    }
    assert shown == {"date": ["1961"], "count": ["12 member towns"]}


def test_the_report_goes_into_a_folder_named_as_its_target(report_folder: Path, tmp_path: Path) -> None:
    from pipeline import write_report

    (tmp_path / "site").mkdir()
    assert write_report(report_folder, tmp_path / "site") == tmp_path / "site" / "report.html"
    assert (tmp_path / "site" / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@needs_chromium
def test_claims_whose_article_is_missing_and_unknown_addresses(
    report_folder: Path, tmp_path: Path, browser: Any
) -> None:
    articles = json.loads((report_folder / "articles.json").read_text())
    kept = [a for a in articles if a["article_id"] != "hostile"]
    (report_folder / "articles.json").write_text(json.dumps(kept), encoding="utf-8")
    claims = json.loads((report_folder / "claims.json").read_text())
    orphans = [c for c in claims if c["article_id"] == "hostile"]
    watched = _open(browser, report_folder, tmp_path)
    page = watched.page
    assert page.locator("#index tbody tr").count() == 1
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    page.select_option("#article", "-1")  # the claims of no article in articles.json
    assert f" {len(orphans)} matching" in page.locator("#count").inner_text() and orphans
    _follow(page, lambda: page.evaluate("location.hash = '#article/' + encodeURIComponent('no such id')"))
    assert page.locator("#missing").is_visible() and "no article" in page.locator("#missing").inner_text()
    _follow(
        page,
        lambda: page.evaluate("id => { location.hash = '#claim/' + encodeURIComponent(id) }", orphans[0]["claim_id"]),
    )
    assert page.locator("#missing").is_visible() and page.locator("#articles").is_visible()
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    assert not page.locator("#missing").is_visible()
    assert watched.alerts == [] and watched.console == []


@needs_chromium
def test_selecting_text_in_a_row_stays_in_the_table(report_folder: Path, tmp_path: Path, browser: Any) -> None:
    watched = _open(browser, report_folder, tmp_path)
    page = watched.page
    _follow(page, lambda: page.click("nav a[data-view='claims-view']"))
    sentence = page.locator("#claims tbody tr .sentence").nth(5)
    # a drag that selects the sentence ends with a click on the row: the row stays in the table
    sentence.evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e); getSelection().removeAllRanges(); getSelection().addRange(r); }"
    )
    sentence.dispatch_event("click")
    assert page.evaluate("String(getSelection())") and page.evaluate("location.hash") == "#claims"
    page.evaluate("getSelection().removeAllRanges()")
    _follow(page, lambda: sentence.click())  # a plain click opens the claim in its article
    assert page.evaluate("location.hash").startswith("#claim/") and page.locator("span.claim.flash").count() >= 1
