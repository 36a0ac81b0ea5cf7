"""The fault test: SIGKILL 'claims extract' at 32 random moments over a folder holding a
previous run; every time, the previous set or the new set, whole, and nothing left over
after the next complete run (see tests/fault_campaign.py; scripts/faults.py runs longer)."""

from __future__ import annotations

import os
import random
from pathlib import Path

from .fault_campaign import run_campaign

KILLS = 32


def test_killed_runs_leave_the_old_set_or_the_new_one(tmp_path: Path) -> None:
    seed = int(os.environ.get("CLAIMS_FAULT_SEED", random.randrange(1_000_000)))
    print(f"fault campaign seed {seed} (set CLAIMS_FAULT_SEED to replay)")
    summary = run_campaign(KILLS, seed, tmp_path, workers=2)
    print(summary.report())
    assert summary.failures == [], f"seed {seed}: {summary.failures}"
    assert summary.kills == KILLS
    assert summary.outcomes["mixed"] == 0
    assert summary.leftovers_at_end == []
    assert summary.foreign_lost == 0
