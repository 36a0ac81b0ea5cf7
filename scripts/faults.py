#!/usr/bin/env python3
"""Fault campaign: SIGKILL ``claims extract`` at N random moments, check every outcome.

usage: python scripts/faults.py [--kills N] [--seed S] [--workers W]

After each kill the output folder must hold the previous set or the new set, whole and
consistent (the same claims in JSON, CSV, Parquet and SQLite; articles and errors of the
same run), with the user's own files intact; after a last complete run in each folder,
nothing may be left over. Prints a summary (kills, outcomes old/new/mixed, where the
kills struck, leftovers) and exits 1 when any check failed. The test suite runs a short
campaign of the same kind (tests/test_faults.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fault_campaign import run_campaign  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="how many runs to kill (default 200)")
    parser.add_argument("--seed", type=int, default=None, help="seed of the kill moments (default: random, printed)")
    parser.add_argument("--workers", type=int, default=2, help="output folders killed side by side (default 2)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    print(f"seed {seed}", flush=True)
    with tempfile.TemporaryDirectory(prefix="claims-faults-") as base:
        summary = run_campaign(args.kills, seed, Path(base), workers=args.workers)
    print(summary.report())
    for failure in summary.failures:
        print(f"FAILED: {failure}")
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
