"""The generated country data agrees with the CLDR table it was made from (when Babel is installed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "countries_from_cldr.py"


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="Babel (a dev dependency) is not installed")
def test_the_generated_file_is_up_to_date_with_babel() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
