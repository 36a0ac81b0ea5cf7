"""'claims show': a table that fits the width, and formats with one typed field per column."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

import pipeline.tables as tables
from pipeline.claim_types import CLAIM_TYPES, CSV_COLUMNS, LEADING_COLUMNS, TRAILING_COLUMNS
from pipeline.cli import app
from pipeline.show import (
    GAP,
    SENTENCE_INDENT,
    _row,
    cell_text,
    compact_value,
    default_columns,
    fit_widths,
    measure,
    parse_columns,
    print_table,
)

from .conftest import ROOT

OUTPUTS = ROOT / "outputs"
CLAIMS: list[dict[str, Any]] = json.loads((OUTPUTS / "claims.json").read_text(encoding="utf-8"))
runner = CliRunner()


def show(*args: str, width: int = 80) -> Any:
    return runner.invoke(app, ["show", *args], env={"COLUMNS": str(width)})


def _cells(line: str) -> list[str]:
    """``line`` one entry per terminal cell (a wide character, then '' for its second cell)."""
    return [part for char in line for part in ((char, "") if cell_len(char) == 2 else (char,))]


def _sentence_lines(lines: list[str]) -> Iterator[list[str]]:
    """The runs of lines indented as the evidence is (SENTENCE_INDENT spaces, then text)."""
    run: list[str] = []
    for line in lines:
        if re.match(rf" {{{SENTENCE_INDENT}}}\S", line):
            run.append(line.strip())
        elif run:
            yield run
            run = []
    if run:
        yield run


def _shared_sentences(records: list[dict[str, Any]]) -> list[str]:
    """Each sentence once for consecutive claims of one article that share it."""
    out: list[str] = []
    previous: tuple[object, object] | None = None
    for record in records:
        place = (record["article_id"], record["sentence"])
        if place != previous and record["sentence"]:
            out.append(record["sentence"])
        previous = place
    return out


# -- the table -------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 160])
def test_the_table_fits_the_width_with_words_whole_and_the_sentence_under_the_rows(width: int) -> None:
    console = Console(width=width, record=True, file=io.StringIO())
    columns = default_columns("table", None)
    assert print_table(console, CLAIMS, columns) == len(CLAIMS)
    lines = console.export_text().splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert all(line == line.rstrip() for line in lines)
    # the evidence: whole sentences across the width, under the rows, each once per group
    paragraphs = [" ".join(run) for run in _sentence_lines(lines)]
    assert paragraphs == [" ".join(s.split()) for s in _shared_sentences(CLAIMS)]
    assert max(cell_len(line) for run in _sentence_lines(lines) for line in run) > width * 0.8
    # every cell of every row: its lines hold its words whole, none cut between two lines
    widths = measure([[cell_text(r, c) for c in columns] for r in CLAIMS], columns, width)
    starts = [sum(widths[:i]) + GAP * i for i in range(len(widths))]
    for record in CLAIMS:
        row = _row([Text(cell_text(record, c)) for c in columns], columns, widths)
        lines = ["".join(segment.text for segment in line) for line in console.render_lines(row)]
        for column, start, size in zip(columns, starts, widths, strict=True):
            inside = ["".join(_cells(line)[start : start + size]) for line in lines]
            assert " ".join(inside).split() == cell_text(record, column).split(), (column, inside)


def test_the_table_at_160_columns_is_shorter_and_wider_than_at_80() -> None:
    narrow, wide = show("outputs", width=80), show("outputs", width=160)
    assert narrow.exit_code == wide.exit_code == 0
    narrow_lines, wide_lines = narrow.stdout.splitlines(), wide.stdout.splitlines()
    assert max(map(cell_len, narrow_lines)) <= 80 < max(map(cell_len, wide_lines)) <= 160
    assert len(wide_lines) < 0.6 * len(narrow_lines)
    assert "organizati\n" not in narrow.stdout and "organizati " not in narrow.stdout
    assert narrow.stdout.splitlines()[-1] == f"{len(CLAIMS)} claims from outputs"


def test_the_table_groups_claims_under_their_article() -> None:
    lines = show("outputs").stdout.splitlines()
    assert lines[0].split() == ["claim", "type", "text", "normalized", "rule"]
    assert re.fullmatch(r"cica-regional-connectivity ─+", lines[1])
    by_article = show("outputs", "--columns", "article_id,text").stdout.splitlines()
    assert by_article[0].split() == ["article", "id", "text"] and "─" not in by_article[1]


def test_a_piped_table_is_80_columns_wide_by_default(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "show", str(OUTPUTS)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, check=True, cwd=tmp_path,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert max(map(cell_len, lines)) <= 80 and max(map(cell_len, lines)) > 70
    assert "\x1b[" not in done.stdout  # no colours into a pipe


def test_width_option_and_limit_note() -> None:
    wide = show("outputs", "--width", "160", width=80)
    assert max(map(cell_len, wide.stdout.splitlines())) > 80
    limited = show("outputs", "--limit", "3")
    assert limited.stdout.splitlines()[-1] == "3 claims from outputs (the first 3; more match)"
    assert show("outputs", "--limit", "3", "--width", "10").exit_code == 2


def test_no_sentence_leaves_the_evidence_out() -> None:
    with_sentence = show("outputs", "-t", "count", width=160)
    without = show("outputs", "-t", "count", "--no-sentence", width=160)
    assert "Currently, there are 27 permanent members" in with_sentence.stdout
    assert "Currently" not in without.stdout and "27 permanent members" in without.stdout
    assert list(_sentence_lines(without.stdout.splitlines())) == []


def test_type_shows_its_own_fields_in_the_table_but_the_empty_ones() -> None:
    lines = show("outputs", "-t", "count", "--no-sentence").stdout.splitlines()
    assert lines[0].split() == ["text", "value", "unit", "rule"]  # no value_max nor qualifier in these counts
    assert lines[2].split() == ["27", "permanent", "members", "27", "permanent", "members", "count-digits"]
    named = show("outputs", "-t", "count", "--no-sentence", "-c", "text,value_max,qualifier").stdout.splitlines()
    assert named[0].split() == ["text", "value", "max", "qualifier"]  # named, they are shown


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        ({"claim_type": "date", "start_date": "2022-10-12", "end_date": "2022-10-13"}, "2022-10-12 to 2022-10-13"),
        ({"claim_type": "date", "start_date": "2022-10-07", "end_date": "2022-10-07"}, "2022-10-07"),
        ({"claim_type": "count", "value": 60000000000, "unit": "USD", "qualifier": "more than"},
         "more than 60,000,000,000 USD"),
        ({"claim_type": "count", "value": 20, "value_max": 30.0, "unit": "members"}, "20 to 30 members"),
        ({"claim_type": "count", "value": 2.5, "unit": "percent"}, "2.5 percent"),
        ({"claim_type": "organization", "name": "African Union", "acronym": "AU"}, "African Union (AU)"),
        ({"claim_type": "organization", "name": "BRICS", "acronym": "BRICS"}, "BRICS"),
        ({"claim_type": "objective", "subject": "CICA"}, "CICA"),
    ],
)  # fmt: skip
def test_the_compact_value(record: dict[str, Any], shown: str) -> None:
    assert compact_value(record) == shown


def test_fit_widths() -> None:
    assert fit_widths([10, 20], [5, 5], 40) == [10, 20]  # all fit
    assert fit_widths([10, 30], [5, 10], 30) == [8, 22]  # the room left goes to what is lacking
    assert fit_widths([30, 30, 8], [25, 12, 8], 40) == [20, 12, 8]  # the widest narrowed first
    assert fit_widths([10, 30], [5, 10], 30, lacking=[1, 0]) == [10, 20]  # room one cannot use goes to the other
    assert fit_widths([12, 60, 70], [12, 10, 10], 60, lacking=[0, 100, 300]) == [12, 17, 31]


# -- columns ---------------------------------------------------------------------------


def test_columns_are_chosen_and_validated() -> None:
    chosen = show("outputs", "-f", "jsonl", "--columns", "text, value,unit", "-t", "count")
    assert [list(json.loads(line)) for line in chosen.stdout.splitlines()] == [["text", "value", "unit"]] * 4
    bad = show("outputs", "--columns", "text,valu")
    assert bad.exit_code == 2
    assert "unknown column valu" in bad.output and ", ".join(CSV_COLUMNS) in bad.output.replace("\n", " ")
    assert show("outputs", "-f", "csv", "--columns", "normalized").exit_code == 2  # the table's alone
    table = show("outputs", "--columns", "text,normalized", "-t", "date", "--no-sentence")
    assert table.stdout.splitlines()[2].split() == ["7th", "October", "2022", "2022-10-07"]


def test_parse_columns() -> None:
    assert parse_columns("text,value,text", "csv") == ("text", "value")
    with pytest.raises(ValueError, match="no column"):
        parse_columns(" , ", "table")


# -- the formats: one field per column, real types -------------------------------------


def test_json_has_every_field_with_its_type() -> None:
    rows = json.loads(show("outputs", "-f", "json").stdout)
    assert rows == [{c: claim.get(c) for c in CSV_COLUMNS} for claim in CLAIMS]
    assert all(list(row) == list(CSV_COLUMNS) for row in rows) and "normalized" not in rows[0]
    count = next(r for r in rows if r["claim_type"] == "count")
    assert count["value"] == 27 and isinstance(count["value"], int) and count["value_max"] is None
    assert isinstance(count["start"], int) and count["start_date"] is None
    date = next(r for r in rows if r["text"] == "12-13 October 2022")
    assert datetime.date.fromisoformat(date["start_date"]) == datetime.date(2022, 10, 12)
    assert date["value"] is None and date["end_date"] == "2022-10-13"


def test_type_gives_its_fields_and_no_sentence_drops_the_sentence() -> None:
    rows = json.loads(show("outputs", "-f", "json", "-t", "count", "--no-sentence").stdout)
    own = CLAIM_TYPES["count"].columns
    expected = [c for c in (*LEADING_COLUMNS, *own, *TRAILING_COLUMNS) if c != "sentence"]
    assert [list(r) for r in rows] == [expected] * 4
    assert [r["value"] for r in rows] == [27, 9, 5, 5]


def test_jsonl_is_one_record_a_line() -> None:
    lines = show("outputs", "-f", "jsonl", "-t", "date").stdout.splitlines()
    columns = (*LEADING_COLUMNS, *CLAIM_TYPES["date"].columns, *TRAILING_COLUMNS)
    dates = [{c: claim.get(c) for c in columns} for claim in CLAIMS if claim["claim_type"] == "date"]
    assert [json.loads(line) for line in lines] == dates


def test_csv_has_numbers_dates_and_empty_cells() -> None:
    text = show("outputs", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == len(CLAIMS)
    count = next(r for r in rows if r["claim_type"] == "count")
    assert (count["value"], count["value_max"], count["start_date"]) == ("27", "", "")
    frame = pd.read_csv(io.StringIO(text), parse_dates=["start_date", "end_date"])
    assert pd.api.types.is_float_dtype(frame["value"]) and pd.api.types.is_integer_dtype(frame["start"])
    assert pd.api.types.is_datetime64_any_dtype(frame["start_date"])
    assert frame.equals(pd.read_csv(OUTPUTS / "claims.csv", parse_dates=["start_date", "end_date"]))


def test_markdown_has_a_cell_per_field() -> None:
    lines = show("outputs", "-f", "markdown", "-t", "count", "-c", "text,value,value_max,qualifier").stdout.splitlines()
    assert lines[:3] == [
        "| text | value | value_max | qualifier |",
        "| --- | --- | --- | --- |",
        "| 27 permanent members | 27 |  |  |",
    ]
    assert len(lines) == 2 + 4


def test_markdown_escapes_pipes_and_line_breaks(tmp_path: Path) -> None:
    (tmp_path / "claims.json").write_text(json.dumps([{"text": "a|b\nc", "value": None, "sentence": "s"}]))
    lines = show(str(tmp_path), "-f", "markdown", "-c", "text,value").stdout.splitlines()
    assert lines[2] == "| a\\|b c |  |"


# -- filters and --limit: only what is shown is read -----------------------------------


def test_filters_apply_before_the_limit() -> None:
    rows = [
        json.loads(line)
        for line in show("outputs", "-f", "jsonl", "-t", "count", "--limit", "2").stdout.split("\n")
        if line
    ]
    assert [r["text"] for r in rows] == ["27 permanent members", "9 observer states"]
    grep = [
        json.loads(line)
        for line in show("outputs", "-f", "jsonl", "-g", "NUR-sultan", "-t", "date", "--limit", "1").stdout.splitlines()
    ]
    assert [r["text"] for r in grep] == ["12-13 October 2022"]
    subject = show("outputs", "-f", "jsonl", "-t", "objective", "-s", "confidence BUILDING", "--limit", "5").stdout
    assert len(subject.splitlines()) == 5


def _broken_after(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    """An output folder whose claims.json holds ``records``, then what no JSON reader can read."""
    members = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
    (tmp_path / "claims.json").write_text(f"[\n{members},\n  {{this is no JSON" + "x" * 100_000, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("output_format", ["table", "csv", "json", "jsonl", "markdown"])
def test_a_limit_reads_no_further_than_the_claims_it_shows(tmp_path: Path, output_format: str) -> None:
    dates = [c for c in CLAIMS if c["claim_type"] == "date"]
    counts = [c for c in CLAIMS if c["claim_type"] == "count"]
    folder = _broken_after(tmp_path, [*dates, *counts[:2]])
    shown = show(str(folder), "-f", output_format, "-t", "count", "--limit", "2")
    assert shown.exit_code == 0, shown.output
    assert "27 permanent members" in shown.stdout and "9 observer states" in shown.stdout
    everything = show(str(folder), "-f", output_format, "-t", "count")
    assert everything.exit_code == 2 and "E102" in everything.output  # the rest is read without --limit


def test_a_limit_reads_a_few_chunks_of_a_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = [{**claim, "article_id": f"a{i:05d}"} for i in range(1000) for claim in CLAIMS]
    (tmp_path / "claims.json").write_text(json.dumps(many, ensure_ascii=False, indent=2), encoding="utf-8")
    opened = tables._open_output
    read: list[int] = []

    def counting(folder: Path, name: str) -> Any:
        stream = opened(folder, name)
        original = stream.read

        def read_counted(size: int = -1) -> str:
            chunk = original(size)
            read.append(len(chunk))
            return chunk

        stream.read = read_counted  # type: ignore[method-assign]
        return stream

    monkeypatch.setattr(tables, "_open_output", counting)
    shown = show(str(tmp_path), "-f", "jsonl", "--limit", "5")
    assert len(shown.stdout.splitlines()) == 5
    assert sum(read) <= 2 * tables._CHUNK < (tmp_path / "claims.json").stat().st_size / 100
    read.clear()
    table = show(str(tmp_path), "--limit", "5", "--article", "a00003")
    assert "5 claims from" in table.stdout and sum(read) < (tmp_path / "claims.json").stat().st_size / 50


def test_the_table_prints_no_control_character_of_the_data(tmp_path: Path) -> None:
    record = {"article_id": "a\x1b]0;x\x07", "claim_type": "count", "text": "5\x1b[2Jmembers", "value": 5,
              "sentence": "There are 5\x1b[2Jmembers\r\nand\tmore.", "rule": "r\x9b1m"}  # fmt: skip
    (tmp_path / "claims.json").write_text(json.dumps([record]))
    shown = show(str(tmp_path), "-c", "claim_type,text,normalized,rule").stdout
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert "5\ufffd[2Jmembers" in shown and "members  and more." in shown


def test_show_on_a_broken_file_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "claims.json").write_text('[{"claim_id": "a"} {"claim_id": "b"}]')
    result = show(str(tmp_path), "-f", "csv")
    assert result.exit_code == 2 and "E102" in result.output and "at character 19" in result.output


@pytest.mark.parametrize("args", [("--type", "count"), ("--limit", "3")])
def test_the_readme_shows_what_the_command_prints(args: tuple[str, ...]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index(f"`claims show outputs {' '.join(args)}`")) + len("```text\n")
    assert show("outputs", *args).stdout == readme[start : readme.index("```", start)]
