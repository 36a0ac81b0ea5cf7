"""The acceptance yardstick: the dev set in ../shared/eval, scored by its own score.py (skipped without it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from spacy.language import Language

from pipeline import extract_paths, write_outputs


def _score(shared: Path, out: Path, ids: list[str]) -> dict[str, dict[str, float]]:
    command = [sys.executable, str(shared / "eval" / "score.py"), str(out), str(shared / "eval" / "dev" / "gold"),
               "--json", "--only", ",".join(ids)]  # fmt: skip
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def test_dev_set_scores(nlp: Language, shared: Path, tmp_path: Path) -> None:
    articles = shared / "eval" / "dev" / "articles"
    result = extract_paths([articles], nlp)
    write_outputs(tmp_path, result.articles, result.claims, result.problems)
    seed = _score(shared, tmp_path, ["cica-regional-connectivity"])
    assert all(seed[t]["f1"] == 1.0 for t in ("date", "count", "organization", "objective"))
    txt_ids = sorted(p.stem for p in articles.glob("*.txt"))
    scores = _score(shared, tmp_path, txt_ids)
    assert scores["date"]["f1"] >= 0.85 and scores["count"]["f1"] >= 0.85
    assert scores["organization"]["f1"] >= 0.80 and scores["objective"]["f1"] >= 0.80
