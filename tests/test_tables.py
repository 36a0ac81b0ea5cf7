"""load_claims / load_tables, the Parquet and SQLite outputs, and 'claims show'."""

from __future__ import annotations

import datetime
import io
import json
import re
import sqlite3
from itertools import islice
from pathlib import Path
from unittest import mock

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pipeline.tables as tables
from pipeline import ClaimsError, iter_claims, load_articles, load_claims, load_tables
from pipeline.cli import app
from pipeline.tables import iter_json_array

from .conftest import ROOT

OUTPUTS = ROOT / "outputs"
runner = CliRunner()


def test_load_claims_has_real_dtypes() -> None:
    frame = load_claims(OUTPUTS)
    assert isinstance(frame["claim_type"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(frame["start_date"])
    assert pd.api.types.is_float_dtype(frame["value"])
    assert frame.loc[frame["claim_type"] == "count", "value"].sum() == 27 + 9 + 5 + 5
    assert frame.loc[frame["text"] == "7th October 2022", "start_date"].iloc[0] == pd.Timestamp("2022-10-07")


def test_one_table_per_type() -> None:
    tables = load_tables(OUTPUTS)
    assert set(tables) == {"date", "count", "organization", "objective"}
    assert "unit" in tables["count"].columns and "unit" not in tables["date"].columns
    assert len(tables["objective"]) == 7
    articles = load_articles(OUTPUTS)
    assert articles.loc[0, "published"] == pd.Timestamp("2022-10-07")


def test_parquet_and_sqlite_hold_the_same_claims() -> None:
    frame = load_claims(OUTPUTS)
    parquet = pd.read_parquet(OUTPUTS / "claims.parquet")
    assert list(parquet["claim_id"]) == list(frame["claim_id"])
    assert str(parquet["claim_type"].dtype) == "category"
    with sqlite3.connect(OUTPUTS / "claims.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"claims", "articles", "organizations"}
        count = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        members = connection.execute(
            "SELECT value, unit FROM claims WHERE claim_type = 'count' AND unit LIKE '%members%'"
        ).fetchall()
    assert count == len(frame)
    assert members == [(27, "permanent members")]


def test_parquet_dates_are_days_and_values_floats() -> None:
    schema = pq.read_schema(OUTPUTS / "claims.parquet")
    assert schema.field("start_date").type == schema.field("end_date").type == pa.date32()
    assert schema.field("value").type == schema.field("value_max").type == pa.float64()
    assert schema.field("start").type == schema.field("source_start").type == pa.int64()
    assert pa.types.is_dictionary(schema.field("claim_type").type)
    parquet = pd.read_parquet(OUTPUTS / "claims.parquet")
    frame = load_claims(OUTPUTS)
    days = parquet.loc[parquet["text"] == "12-13 October 2022", ["start_date", "end_date"]].iloc[0]
    assert list(days) == [datetime.date(2022, 10, 12), datetime.date(2022, 10, 13)]
    assert list(pd.to_datetime(parquet["start_date"])) == list(frame["start_date"])  # the same days as load_claims


def test_show_filters_and_formats() -> None:
    result = runner.invoke(app, ["show", str(OUTPUTS), "--type", "count", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["text"] for r in rows] == [
        "27 permanent members", "9 observer states", "5 observer organizations", "5 partner organizations",
    ]  # fmt: skip
    assert (rows[0]["value"], rows[0]["unit"]) == (27, "permanent members") and "normalized" not in rows[0]
    grep = runner.invoke(app, ["show", str(OUTPUTS), "--grep", "Nur-Sultan", "--format", "csv"])
    assert grep.exit_code == 0 and "12-13 October 2022" in grep.output
    subject = runner.invoke(app, ["show", str(OUTPUTS), "-t", "objective", "-s", "confidence", "-f", "markdown"])
    assert subject.output.count(" | cica-regional-connectivity | objective | ") == 7
    table = runner.invoke(app, ["show", str(OUTPUTS), "--article", "cica-regional-connectivity", "--limit", "3"])
    assert table.exit_code == 0 and "3 claims" in table.output


def test_show_on_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "E107" in result.output


def test_report_command(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(OUTPUTS), "-o", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("<!DOCTYPE html>")


# -- iter_claims: claims.json as a stream ----------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(members=st.lists(JSON_VALUES, max_size=6), indent=st.sampled_from([None, 0, 2]), chunk=st.integers(1, 9))
def test_the_array_reader_reads_what_json_reads(members: list[object], indent: int | None, chunk: int) -> None:
    text = json.dumps(members, indent=indent, ensure_ascii=False)
    with mock.patch.object(tables, "_CHUNK", chunk):
        assert list(iter_json_array(io.StringIO(text))) == members


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a JSON array at character 0"),
        ('{"a": 1}', "expected a JSON array at character 0"),
        ("[1,]", "Expecting value at character 3"),
        ("[1 2]", "expected ',' or ']' at character 3"),
        ("[1] [2]", "expected the end of the file after the array at character 4"),
        ("[1, 2", "expected ',' or ']' at character 5, found 'the end of the file'"),
    ],
)
def test_the_array_reader_locates_what_is_no_array(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        list(iter_json_array(io.StringIO(text)))


class CountingStream(io.StringIO):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.characters = 0

    def read(self, size: int | None = -1) -> str:
        chunk = super().read(size)
        self.characters += len(chunk)
        return chunk


def test_the_array_reader_reads_no_further_than_asked() -> None:
    text = json.dumps([{"claim_id": f"c{i}", "sentence": "word " * 20} for i in range(20_000)], indent=2)
    stream = CountingStream(text)
    first = list(islice(iter_json_array(stream), 5))
    assert [c["claim_id"] for c in first] == ["c0", "c1", "c2", "c3", "c4"]
    assert stream.characters <= 2 * tables._CHUNK < len(text) / 20


def test_iter_claims_streams_claims_json() -> None:
    assert list(iter_claims(OUTPUTS)) == json.loads((OUTPUTS / "claims.json").read_text())


def test_iter_claims_errors(tmp_path: Path) -> None:
    with pytest.raises(ClaimsError, match="E107"):
        iter_claims(tmp_path / "nowhere")  # at the call, before the first claim is asked for
    (tmp_path / "claims.json").write_text('[{"claim_id": "a"}, 3]')
    with pytest.raises(ClaimsError, match=r"E102 .*claim 2 is not a JSON object"):
        list(iter_claims(tmp_path))


def test_iter_claims_reads_a_committed_journal(tmp_path: Path) -> None:
    (tmp_path / "claims.json").write_text('[{"claim_id": "old"}]')
    (tmp_path / ".claims-staging").mkdir()
    (tmp_path / ".claims-staging" / "claims.json").write_text('[{"claim_id": "new"}]')
    (tmp_path / ".claims-staging" / "COMMIT").write_text('["claims.json"]')
    assert [c["claim_id"] for c in iter_claims(tmp_path)] == ["new"]
