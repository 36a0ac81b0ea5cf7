"""Every data file a script generates from a maintained package is up to date with it
(when that package is installed): the scripts' ``--check``."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


@pytest.mark.parametrize(
    ("script", "package"),
    [
        ("currencies_from_cldr.py", "babel"),
        ("countries_from_cldr.py", "babel"),
        ("countries_from_iso.py", "pycountry"),
        ("joined_words_from_wordfreq.py", "wordfreq"),
    ],
)
def test_the_generated_file_is_up_to_date(script: str, package: str) -> None:
    if importlib.util.find_spec(package) is None:
        pytest.skip(f"{package} (needed only to regenerate the file) is not installed")
    done = subprocess.run([sys.executable, str(SCRIPTS / script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
