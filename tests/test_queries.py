"""One question, asked of every table a user opens: claims.db in SQLite, claims.parquet and
claims.csv in DuckDB, claims.csv and claims.parquet in pandas, give the same answer.

On the project's own articles (corpus/ and tests/fixtures/, always) and on the dev set of
../shared/eval (skipped without it), written as ``claims extract`` writes them, with and
without ``--excel`` (a byte order mark before the CSV header).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import FIXTURES, ROOT, SHARED

QUERY = "select count(*) from {table} where claim_type = 'count' and value > 100"
SETS = {
    "corpus": ([ROOT / "corpus", FIXTURES], []),
    "dev": ([SHARED / "eval" / "dev" / "articles"], ["--excel"]),
}


def _answers(out: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(out / "claims.db")) as connection:
        sqlite = connection.execute(QUERY.format(table="claims")).fetchone()[0]
    frames = {"csv": pd.read_csv(out / "claims.csv"), "parquet": pd.read_parquet(out / "claims.parquet")}
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    return {
        "sqlite claims.db": sqlite,
        "duckdb claims.parquet": duckdb.sql(QUERY.format(table=f"'{out / 'claims.parquet'}'")).fetchall()[0][0],
        "duckdb claims.csv": duckdb.sql(QUERY.format(table=f"read_csv('{out / 'claims.csv'}')")).fetchall()[0][0],
        **{
            f"pandas claims.{kind}": int(((frame["claim_type"] == "count") & (frame["value"] > 100)).sum())
            for kind, frame in frames.items()
        },
        "claims.json": sum(1 for c in claims if c["claim_type"] == "count" and c["value"] > 100),
    }


@pytest.mark.parametrize("name", list(SETS))
def test_the_count_query_gives_one_answer_in_every_table(name: str, tmp_path: Path) -> None:
    paths, options = SETS[name]
    if not all(path.exists() for path in paths):
        pytest.skip("../shared (the evaluation kit) is not present")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", *map(str, paths), "--out", str(out), "-q", *options])
    assert result.exit_code == 0, result.output
    answers = _answers(out)
    print(name, answers)
    assert len(set(answers.values())) == 1, answers
    assert answers["claims.json"] > 0  # counts above 100 exist, so a comparison of text would differ


def test_datasette_opens_claims_db_as_it_is(tmp_path: Path) -> None:
    """Datasette serves claims.db with no configuration: its tables, the foreign keys it links,
    and the count query through its SQL API give the answer SQLite gives."""
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(ROOT / "corpus"), str(FIXTURES), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    with contextlib.closing(sqlite3.connect(out / "claims.db")) as connection:
        expected = connection.execute(QUERY.format(table="claims")).fetchone()[0]

    async def ask() -> tuple[dict[str, object], list[dict[str, object]], dict[str, object]]:
        served = datasette_app.Datasette([str(out / "claims.db")])
        tables = (await served.client.get("/claims.json")).json()
        sql = QUERY.format(table="claims")
        rows = (await served.client.get("/claims.json", params={"sql": sql, "_shape": "array"})).json()
        claim = (
            await served.client.get("/claims/claims.json", params={"_shape": "array", "_size": 1, "_labels": "on"})
        ).json()[0]
        return tables, rows, claim

    tables, rows, claim = asyncio.run(ask())
    names = {table["name"] for table in tables["tables"]}
    assert {"claims", "articles", "organizations"} <= names
    assert list(rows[0].values()) == [expected] and expected > 0
    assert isinstance(claim["article_id"], dict) and claim["article_id"]["value"]  # a foreign key, linked to articles
