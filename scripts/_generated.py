"""What the scripts that generate data files in ``patterns/`` share: write the file, or
with ``--check`` only say whether it is up to date (the tests run the check)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def generate(description: str, out: Path, render: Callable[[], str]) -> int:
    """Parse ``--check``; write ``render()`` to ``out``, or compare it with ``out``: 0 when
    written or up to date, 1 (with a message naming the script to run) when stale."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date (exit 1 if not)")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out.name} is out of date: run scripts/{Path(sys.argv[0]).name}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10))} lines)")
    return 0
