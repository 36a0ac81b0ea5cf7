"""The HTML report: escaping, and a real headless browser (Debian's chromium via Playwright)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import extract_paths, write_outputs
from pipeline.report import render_report

from .conftest import ROOT

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
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
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
