"""corpus/ must reproduce outputs/ byte for byte; regenerate with `claims extract corpus --out outputs`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline import extract_paths
from pipeline.cli import app
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


def test_the_cli_streams_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``claims extract`` writes its files as a stream (writers.OutputWriter): the same bytes,
    and the same tables in claims.db and claims.parquet."""
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["extract", "corpus", "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    for name in OUTPUT_FILES:
        assert (tmp_path / "out" / name).read_bytes() == (ROOT / "outputs" / name).read_bytes(), name
    assert pd.read_parquet(tmp_path / "out" / "claims.parquet").equals(
        pd.read_parquet(ROOT / "outputs" / "claims.parquet")
    )

    def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
        with sqlite3.connect(path) as connection:
            names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            found = {name: connection.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall() for name in names}
        connection.close()
        return found

    assert tables(tmp_path / "out" / "claims.db") == tables(ROOT / "outputs" / "claims.db")
