#!/usr/bin/env python3
"""Benchmark of the HTML report on a big batch, in headless Chromium.

usage: python scripts/benchmark_report.py [PATH ...] [--articles N] [--keep DIR] [--json]

Takes the articles under PATH (default: ``../shared/eval/dev`` when present, else
``corpus/`` and ``tests/fixtures/``; never the closed ``dev-real`` set unless it is named),
copies them until the batch holds ``--articles`` articles (500 by default, each copy
numbered by its place, so no two ids collide), extracts them with ``claims extract``,
writes ``claims report`` and opens it in Debian's Chromium through Playwright. It prints
the batch's real article and claim counts, the report's size, the seconds ``claims
report`` takes, and in the browser, over five loads (median / worst, in milliseconds):
the time to first render (the page's ``first-render`` mark, set once the frame holding
the article index is painted), the load event, opening the claims table, a text filter
over every claim, sorting the claims by their text, and opening one article (its
highlighted text drawn). With ``--keep DIR`` the batch, its outputs and the report stay in DIR.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import FALLBACK, load_texts, print_figures  # noqa: E402

from pipeline.cli import app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"
LOADS = 5
ACTIONS = {  # what is timed on each load, in this order, from the action to the next painted frame
    "open_claims_table_ms": "document.querySelector(\"nav a[data-view='claims-view']\").click()",
    "filter_all_claims_ms": "const f = document.getElementById('filter'); f.value = 'member'; f.dispatchEvent(new Event('input'))",
    "sort_by_text_ms": "const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));"
    " document.querySelectorAll('#claims th button')[2].click()",
    "open_article_ms": "location.hash = '#article/' + encodeURIComponent("
    "JSON.parse(document.getElementById('report-data').textContent).articles[0].id)",
}


def write_batch(records: list[dict[str, str]], articles: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(articles):
            record = records[n % len(records)]
            handle.write(json.dumps({**record, "id": f"{n:04d}-{record['id']}"}, ensure_ascii=False) + "\n")


def browser_figures(page_path: Path, loads: int = LOADS) -> dict[str, str]:
    """Each figure over ``loads`` loads, as "median / worst" milliseconds."""
    from playwright.sync_api import sync_playwright

    seen: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(loads):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(page_path.as_uri(), wait_until="load")
                page.wait_for_function("performance.getEntriesByName('first-render').length > 0")
                timing = page.evaluate(
                    "({first: performance.getEntriesByName('first-render')[0].startTime,"
                    " load: performance.getEntriesByType('navigation')[0].loadEventEnd})"
                )
                seen.setdefault("first_render_ms", []).append(timing["first"])
                seen.setdefault("load_event_ms", []).append(timing["load"])
                for name, action in ACTIONS.items():
                    seen.setdefault(name, []).append(_timed(page, action))
                page.close()
        finally:
            browser.close()
    return {name: f"{statistics.median(values):.0f} / {max(values):.0f}" for name, values in seen.items()}


def _timed(page: Any, action: str) -> float:
    """Milliseconds from the action to the task after the next frame painted."""
    script = (
        "() => new Promise(done => { const t = performance.now(); "
        + action
        + "; requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0)); })"
    )
    return float(page.evaluate(script))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="write the batch, its outputs and report.html here and keep them")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    records = load_texts(args.paths or ([SHARED_DEV] if SHARED_DEV.is_dir() else FALLBACK))
    if not records:
        print("no readable articles", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="claims-report-bench-"))
    place = args.keep or work
    try:
        place.mkdir(parents=True, exist_ok=True)
        batch, out = place / "batch.jsonl", place / "out"
        write_batch(records, args.articles, batch)
        app(["extract", str(batch), "--out", str(out), "-q"], standalone_mode=False)
        page_path = out / "report.html"
        start = time.perf_counter()
        app(["report", str(out), "-o", str(page_path)], standalone_mode=False)
        figures: dict[str, object] = {
            "articles": len(json.loads((out / "articles.json").read_text(encoding="utf-8"))),
            "claims": len(json.loads((out / "claims.json").read_text(encoding="utf-8"))),
            "report_mib": round(page_path.stat().st_size / 2**20, 2),
            "claims_report_s": round(time.perf_counter() - start, 2),
        }
        figures.update(browser_figures(page_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_figures(figures, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
