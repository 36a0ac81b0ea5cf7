#!/usr/bin/env python3
"""Benchmark of the HTML report on a big batch, in headless Chromium.

usage: python scripts/benchmark_report.py [PATH ...] [--articles N] [--keep DIR] [--json]

Takes the articles under PATH (default: the dev sets of ``../shared/eval`` when present,
else ``corpus/`` and ``tests/fixtures/``), copies them until the batch holds ``--articles``
articles (500 by default, each copy with its own id), extracts them with ``claims
extract``, writes ``claims report`` and opens it in Debian's Chromium through Playwright.
It prints the report's size, the seconds ``claims report`` takes, and in the browser (best
of three loads): the time to first render (the page's own ``first-render`` mark: HTML
parsed, data read, article index drawn), the load event, opening the claims table, a text
filter over every claim, and opening one article (its highlighted text drawn).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import FALLBACK, SHARED_DEV, load_texts  # noqa: E402

from pipeline.cli import app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def write_batch(records: list[dict[str, str]], articles: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(articles):
            record = records[n % len(records)]
            handle.write(
                json.dumps({**record, "id": f"{record['id']}-{n // len(records):03d}"}, ensure_ascii=False) + "\n"
            )


def browser_figures(page_path: Path, rounds: int = 3) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    best: dict[str, float] = {}

    def keep(name: str, ms: float) -> None:
        best[name] = round(min(best.get(name, float("inf")), ms), 1)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(rounds):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(page_path.as_uri(), wait_until="load")
                timing = page.evaluate(
                    "({first: performance.getEntriesByName('first-render')[0].startTime,"
                    " load: performance.getEntriesByType('navigation')[0].loadEventEnd})"
                )
                keep("first_render_ms", timing["first"])
                keep("load_event_ms", timing["load"])
                keep(
                    "open_claims_table_ms",
                    _timed(page, "document.querySelector(\"nav a[data-view='claims-view']\").click()"),
                )
                keep(
                    "filter_all_claims_ms",
                    _timed(
                        page,
                        "const f=document.getElementById('filter');f.value='member';f.dispatchEvent(new Event('input'))",
                    ),
                )
                keep(
                    "open_article_ms",
                    _timed(
                        page,
                        "location.hash='#article/'+encodeURIComponent(JSON.parse(document.getElementById('report-data').textContent).articles[0].id)",
                    ),
                )
                page.close()
        finally:
            browser.close()
    return best


def _timed(page: object, action: str) -> float:
    """Milliseconds from the action to the next frame painted after it."""
    script = (
        "() => new Promise(done => { const t = performance.now(); "
        + action
        + "; requestAnimationFrame(() => setTimeout(() => done(performance.now() - t), 0)); })"
    )
    return float(page.evaluate(script))  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="write the batch's outputs and report.html here and keep them")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    records = load_texts(args.paths or ([p for p in SHARED_DEV if p.is_dir()] or FALLBACK))
    if not records:
        print("no readable articles", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="claims-report-bench-"))
    try:
        out = args.keep or work / "out"
        batch = work / "batch.jsonl"
        write_batch(records, args.articles, batch)
        app(["extract", str(batch), "--out", str(out), "-q"], standalone_mode=False)
        page_path = out / "report.html"
        start = time.perf_counter()
        app(["report", str(out), "-o", str(page_path)], standalone_mode=False)
        figures: dict[str, object] = {
            "articles": args.articles,
            "claims": len(json.loads((out / "claims.json").read_text(encoding="utf-8"))),
            "report_mib": round(page_path.stat().st_size / 2**20, 2),
            "claims_report_s": round(time.perf_counter() - start, 2),
        }
        figures.update(browser_figures(page_path))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
