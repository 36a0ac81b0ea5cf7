from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from pipeline import extract_text

from .conftest import FIXTURES


def test_to_disk_and_load_give_the_same_claims(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    text = (FIXTURES / "river-basin-release.txt").read_text()
    first = [c.model_dump() for c in extract_text(text, nlp)[1]]
    second = [c.model_dump() for c in extract_text(text, loaded)[1]]
    assert first and first == second
