#!/usr/bin/env python3
"""Benchmark: words/s of the full extraction against spaCy's bare tokenizer, in one run.

usage: python scripts/benchmark.py [PATH ...] [--repeat N] [--json]

PATH defaults to corpus/ and tests/fixtures/. Every text is repaired first (as the
extraction does) so both sides see the same text; then the tokenizer alone and the whole
extraction (repair, metadata, pipeline, records) each run over the texts ``--repeat``
times. Also reports the normalizers' calls/s and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import build_nlp  # noqa: E402
from pipeline.extract import extract_articles  # noqa: E402
from pipeline.ingest import RawArticle, finish, iter_files, read_raw  # noqa: E402
from pipeline.normalize.dates import parse_date  # noqa: E402
from pipeline.normalize.numbers import parse_number  # noqa: E402

DATE_SAMPLES = ["7th October 2022", "12-13 October 2022", "from 1996 to 2001", "last year", "the 1990s", "Q3 2023"]
NUMBER_SAMPLES = ["2,700", "2.7 billion", "twenty-seven", "three hundred and twenty-one", "half a million", "42"]


def _timed(function, rounds: int) -> float:  # type: ignore[no-untyped-def]
    best = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best.append(time.perf_counter() - start)
    return min(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "corpus", ROOT / "tests" / "fixtures"])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the texts per measurement")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    raws: list[RawArticle] = []
    for entry in iter_files(args.paths):
        if isinstance(entry, Path):
            raws.extend(read_raw(entry)[0])
    if not raws:
        print("no readable articles", file=sys.stderr)
        return 2
    nlp = build_nlp()
    texts = [finish(raw).article.text for raw in raws]
    words = sum(len(text.split()) for text in texts) * args.repeat

    def tokenize() -> None:
        for _ in range(args.repeat):
            for text in texts:
                nlp.make_doc(text)

    def extract() -> None:  # repair, metadata, pipeline, records
        for _ in range(args.repeat):
            for _item in extract_articles(nlp, (finish(raw) for raw in raws)):
                pass

    extract()  # warm-up: lazy imports, caches
    tokenizer_s = _timed(tokenize, 3)
    extraction_s = _timed(extract, 3)

    calls = 20_000

    def dates() -> None:
        for i in range(calls):
            parse_date(DATE_SAMPLES[i % len(DATE_SAMPLES)], None)

    def numbers() -> None:
        for i in range(calls):
            parse_number(NUMBER_SAMPLES[i % len(NUMBER_SAMPLES)])

    figures = {
        "articles": len(raws),
        "words_per_pass": words // args.repeat,
        "repeat": args.repeat,
        "tokenizer_words_per_s": round(words / tokenizer_s),
        "extraction_words_per_s": round(words / extraction_s),
        "extraction_to_tokenizer_ratio": round(extraction_s / tokenizer_s, 2),
        "parse_date_calls_per_s": round(calls / statistics.median([_timed(dates, 1) for _ in range(3)])),
        "parse_number_calls_per_s": round(calls / statistics.median([_timed(numbers, 1) for _ in range(3)])),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value:,}" if isinstance(value, int) else f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
