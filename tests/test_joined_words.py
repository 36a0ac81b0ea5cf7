"""The generated list of plain words after compound heads agrees with wordfreq (when installed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "joined_words_from_wordfreq.py"


@pytest.mark.skipif(
    importlib.util.find_spec("wordfreq") is None, reason="wordfreq (for the generator only) is not installed"
)
def test_the_generated_file_is_up_to_date_with_wordfreq() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
