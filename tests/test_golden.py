"""corpus/ must reproduce outputs/ byte for byte; regenerate with `claims extract corpus --out outputs`."""

from __future__ import annotations

from spacy.language import Language

from pipeline import extract_paths
from pipeline.writers import OUTPUT_FILES, render_outputs

from .conftest import ROOT


def test_corpus_reproduces_outputs(nlp: Language) -> None:
    result = extract_paths([ROOT / "corpus"], nlp)
    rendered = render_outputs(result.articles, result.claims, result.problems)
    assert set(rendered) == set(OUTPUT_FILES)
    for name, content in rendered.items():
        expected = (ROOT / "outputs" / name).read_text(encoding="utf-8")
        # sources are recorded as given on the command line (corpus/...), here as absolute paths
        content = content.replace(str(ROOT) + "/", "")
        assert content == expected, f"outputs/{name} is stale: run `claims extract corpus --out outputs`"
