from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared (the evaluation kit) is not present")
    return SHARED
