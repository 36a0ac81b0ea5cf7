"""The output files: CSV neutralization and row safety, typed and keyed SQLite, empty runs,
full disks, the set replaced as one (swap and journal), lone surrogates."""

from __future__ import annotations

import csv
import errno
import io
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import ClaimsError, build_nlp, extract_paths, load_claims, write_outputs
from pipeline import output_set as output_set_module
from pipeline import writers as writers_module
from pipeline.cli import app
from pipeline.incremental import STATE_FILE
from pipeline.output_set import JOURNAL, output_path, replace_set, spool_prefix, staging_prefix
from pipeline.records import CLAIMS_ADAPTER, Article, CountClaim, DateClaim, OrganizationClaim
from pipeline.writers import ARTICLE_COLUMNS, BINARY_FILES, OUTPUT_FILES, csv_cell, render_outputs, to_csv

from .conftest import ROOT
from .fault_campaign import signature

OURS = sorted((*OUTPUT_FILES, *BINARY_FILES))
runner = CliRunner()

COUNTS_TEXT = (
    "The Basin Council has 9 member states and 45 staff. It funds 120 projects and trains "
    "2,500 farmers. About 1.5 million people live in the delta, and 80 villages flood each year."
)


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder whose counts lie on both sides of 100 (and of '100' as text)."""
    source = tmp_path_factory.mktemp("counts-in") / "delta.txt"
    source.write_text(COUNTS_TEXT)
    out = tmp_path_factory.mktemp("counts-out")
    result = extract_paths([source], build_nlp())
    write_outputs(out, result.articles, result.claims, result.problems)
    return out


# -- CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", '"\'\tx"'),
        ("Budget;=1+1 rose", '"Budget;=1+1 rose"'),  # a spreadsheet that splits on ";" sees one cell
        ("\rx", '"\'\rx"'),
        ("plain, with comma", '"plain, with comma"'),
        ("a\rb", '"a\rb"'),
        ("a\nb", '"a\nb"'),
        ("", ""),
        (None, ""),
        (-3, "-3"),
        (-2.5, "-2.5"),
        (27, "27"),
    ],
)
def test_csv_cells_are_neutralized_and_quoted(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_raw_csv_keeps_formulas_but_still_quotes() -> None:
    assert csv_cell("=1+2", raw=True) == "=1+2"
    assert csv_cell("a;b", raw=True) == "a;b"  # as pandas writes it
    assert csv_cell("=1\r+2", raw=True) == '"=1\r+2"'


def _count(article_id: str, text: str, value: float, start: int = 0) -> CountClaim:
    return CountClaim(
        claim_id=f"cou-{start}", article_id=article_id, text=text, start=start, end=start + len(text),
        sentence=text, rule="count-digits", value=value,
    )  # fmt: skip


def test_a_cr_or_lf_in_a_cell_never_splits_a_row() -> None:
    claims = [_count("id\rwith\ncr", "-3 degrees", -3, start) for start in (0, 20, 40)]
    frame = pd.DataFrame([c.model_dump(mode="json") for c in claims])
    text = to_csv(frame)
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 4
    back = pd.read_csv(io.StringIO(text))
    assert len(back) == 3
    assert list(back["article_id"]) == ["id\rwith\ncr"] * 3
    assert list(back["value"]) == [-3, -3, -3]  # a number stays a number
    assert list(back["text"]) == ["'-3 degrees"] * 3  # text that opens with '-' does not


def test_hostile_cells_in_every_csv_and_show(tmp_path: Path) -> None:
    record = {"id": "+cmd|' /C calc'!A0", "text": "=HYPERLINK(1) The Basin Council has 27 member states."}
    (tmp_path / "hostile.jsonl").write_text(json.dumps(record) + "\n")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(tmp_path / "hostile.jsonl"), "--out", str(out), "-q"]).exit_code == 0
    claims = json.loads((out / "claims.json").read_text())
    for name in ("claims.csv", "articles.csv", "organizations.csv"):
        rows = list(csv.DictReader((out / name).open(newline="")))
        assert len(pd.read_csv(out / name)) == len(rows)
        assert {r["article_id"] for r in rows} == {"'+cmd|' /C calc'!A0"}
    assert len(list(csv.DictReader((out / "claims.csv").open(newline="")))) == len(claims)
    shown = runner.invoke(app, ["show", str(out), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(shown.stdout, newline="")))
    assert len(rows) == len(claims) and all(r["article_id"].startswith("'+cmd") for r in rows)
    assert any(r["sentence"].startswith("'=HYPERLINK") for r in rows)
    raw = runner.invoke(app, ["show", str(out), "--format", "csv", "--raw-csv"])
    assert all(r["article_id"].startswith("+cmd") for r in csv.DictReader(io.StringIO(raw.stdout, newline="")))
    raw_out = tmp_path / "raw"
    runner.invoke(app, ["extract", str(tmp_path / "hostile.jsonl"), "--out", str(raw_out), "-q", "--raw-csv"])
    assert {r["article_id"] for r in csv.DictReader((raw_out / "claims.csv").open(newline=""))} == {record["id"]}


def test_articles_csv_lists_each_article_with_its_claims_by_type(counted: Path, tmp_path: Path) -> None:
    articles = json.loads((counted / "articles.json").read_text())
    claims = json.loads((counted / "claims.json").read_text())
    rows = list(csv.DictReader((counted / "articles.csv").open(encoding="utf-8", newline="")))
    assert list(rows[0]) == list(ARTICLE_COLUMNS) and "text" not in rows[0]
    assert [r["article_id"] for r in rows] == [a["article_id"] for a in articles]
    for field in ("title", "author", "published", "url", "source"):
        assert rows[0][field] == (articles[0][field] or "")
    by_type = Counter(c["claim_type"] for c in claims)
    assert int(rows[0]["claims"]) == len(claims) > 0
    assert {t: int(rows[0][f"{t}_claims"]) for t in by_type} == dict(by_type)
    frame = pd.read_csv(counted / "articles.csv")
    assert frame["count_claims"].dtype.kind == "i"
    # the library's writer counts as the streaming one does, also for an article without claims
    quiet = Article(article_id="quiet", source="quiet.txt", text="Nothing here.")
    loaded = [Article.model_validate(a) for a in articles] + [quiet]
    records = CLAIMS_ADAPTER.validate_python(claims)
    write_outputs(tmp_path, loaded, records, [])
    rendered = render_outputs(loaded, records, [])
    assert (tmp_path / "articles.csv").read_text(encoding="utf-8") == rendered["articles.csv"]
    assert rendered["articles.csv"].endswith("\nquiet,,,,,quiet.txt,0,0,0,0,0\n")


def test_excel_csv_files_start_with_a_byte_order_mark(tmp_path: Path) -> None:
    record = {
        "id": "cuc",
        "title": "中國傳媒大學 €",
        "text": "中國傳媒大學 (Communication University of China) raised €5 million.",
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    for out, extra in ((plain, []), (excel, ["--excel"])):
        result = runner.invoke(app, ["extract", str(tmp_path / "in.jsonl"), "--out", str(out), "-q", *extra])
        assert result.exit_code == 0, result.output
    for name in ("claims.csv", "articles.csv", "organizations.csv"):
        with_bom, without = (excel / name).read_bytes(), (plain / name).read_bytes()
        assert with_bom == b"\xef\xbb\xbf" + without and not without.startswith(b"\xef\xbb\xbf")
        assert pd.read_csv(excel / name).equals(pd.read_csv(plain / name))  # readers skip the mark
    assert "中國傳媒大學 €" in (excel / "articles.csv").read_text(encoding="utf-8-sig")
    assert any(r["unit"] == "EUR" for r in csv.DictReader((excel / "claims.csv").open(encoding="utf-8-sig")))
    for name in ("claims.json", "articles.json", "errors.json"):
        assert (excel / name).read_bytes() == (plain / name).read_bytes()
    shown = runner.invoke(app, ["show", str(excel), "--format", "csv", "--excel"])
    assert shown.exit_code == 0 and shown.stdout.startswith("\ufeffclaim_id,article_id,")
    assert not runner.invoke(app, ["show", str(excel), "--format", "csv"]).stdout.startswith("\ufeff")
    assert runner.invoke(app, ["show", str(excel), "--excel"]).exit_code == 2  # a table is no CSV


# -- SQLite ----------------------------------------------------------------------------


def test_sqlite_columns_are_typed_and_keyed(counted: Path) -> None:
    with sqlite3.connect(counted / "claims.db") as connection:
        columns = {row[1]: (row[2], row[5]) for row in connection.execute("PRAGMA table_info(claims)")}
        keys = connection.execute("PRAGMA foreign_key_list(claims)").fetchall()
        article_key = [row[1] for row in connection.execute("PRAGMA table_info(articles)") if row[5]]
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(claims)")}
        kinds = set(connection.execute("SELECT typeof(value), typeof(start) FROM claims WHERE value IS NOT NULL"))
    connection.close()
    assert columns["value"][0] == columns["value_max"][0] == "REAL"
    assert columns["start"][0] == columns["end"][0] == columns["source_start"][0] == "INTEGER"
    assert columns["start_date"][0] == "TEXT"
    assert columns["claim_id"] == ("TEXT", 1)
    assert article_key == ["article_id"]
    assert [(k[2], k[3], k[4]) for k in keys] == [("articles", "article_id", "article_id")]
    assert {"claims_article", "claims_type"} <= indexes
    assert kinds == {("real", "integer")}


def test_sqlite_compares_values_as_numbers(counted: Path) -> None:
    frame = load_claims(counted)
    parquet = pd.read_parquet(counted / "claims.parquet")
    with sqlite3.connect(counted / "claims.db") as connection:
        above = connection.execute("SELECT count(*) FROM claims WHERE value > 100").fetchone()[0]
        largest = connection.execute("SELECT max(value) FROM claims").fetchone()[0]
        dates = connection.execute("SELECT count(*) FROM claims WHERE start_date IS NOT NULL").fetchone()[0]
    connection.close()
    assert above == int((frame["value"] > 100).sum()) == int((parquet["value"] > 100).sum()) == 3
    assert largest == frame["value"].max() == parquet["value"].max() == 1_500_000
    assert dates == int(frame["start_date"].notna().sum())


def test_duplicate_claim_ids_keep_the_first_row_in_the_database(tmp_path: Path) -> None:
    article = Article(article_id="a", source="a.txt", text="It has 27 members and 27 members.")
    first, second = _count("a", "27 members", 27), _count("a", "27 members", 28)
    write_outputs(tmp_path, [article, article], [first, second], [])
    with sqlite3.connect(tmp_path / "claims.db") as connection:
        rows = connection.execute("SELECT claim_id, value FROM claims").fetchall()
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    connection.close()
    assert rows == [("cou-0", 27.0)] and articles == 1
    assert len(json.loads((tmp_path / "claims.json").read_text())) == 2  # the text files keep both


def test_a_lone_surrogate_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text('{"id": "s1", "title": "bad \\ud800 title", "text": "It has 27 members."}\n')
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "s.jsonl"), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "articles.json").read_text())[0]["title"] == "bad \ufffd title"
    with sqlite3.connect(out / "claims.db") as connection:
        assert connection.execute("SELECT title FROM articles").fetchone()[0] == "bad \ufffd title"
    connection.close()


# -- runs that read nothing ------------------------------------------------------------


@pytest.mark.parametrize(("case", "code"), [("missing", "E107"), ("empty-folder", "E303"), ("empty-file", "E104")])
def test_a_run_that_reads_nothing_writes_a_valid_empty_set(tmp_path: Path, case: str, code: str) -> None:
    source = tmp_path / case
    if case == "empty-folder":
        source.mkdir()
    elif case == "empty-file":
        source = tmp_path / "empty.txt"
        source.write_text("")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(source), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert code in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*OURS, STATE_FILE])
    assert [e["code"] for e in json.loads((out / "errors.json").read_text())] == [code]
    assert json.loads((out / "claims.json").read_text()) == json.loads((out / "articles.json").read_text()) == []
    for name in ("claims.csv", "articles.csv", "organizations.csv"):
        assert (out / name).read_text() == (ROOT / "outputs" / name).read_text().split("\n")[0] + "\n"
    empty, full = pq.read_schema(out / "claims.parquet"), pq.read_schema(ROOT / "outputs" / "claims.parquet")
    assert empty.equals(full, check_metadata=False) and pq.read_table(out / "claims.parquet").num_rows == 0
    assert load_claims(out).empty

    def schema(path: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(path) as connection:
            rows = connection.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        connection.close()
        return rows

    assert schema(out / "claims.db") == schema(ROOT / "outputs" / "claims.db")


# -- the set, replaced as one ----------------------------------------------------------


def _records(article_id: str) -> tuple[list[Article], list[CountClaim | DateClaim | OrganizationClaim]]:
    text = "In 2021 the Basin Council had 27 members."
    article = Article(article_id=article_id, source=f"{article_id}.txt", text=text)
    organization = OrganizationClaim(
        claim_id=f"org-{article_id}", article_id=article_id, text="Basin Council", start=12, end=25,
        sentence=text, rule="org-head", name="Basin Council",
    )  # fmt: skip
    return [article], [_count(article_id, "27 members", 27, 30), organization]


def _previous_set(folder: Path) -> tuple[object, ...] | str:
    articles, claims = _records("old")
    write_outputs(folder, articles, claims, [])
    (folder / "report.html").write_text("mine")
    return signature(folder)


def _leftovers(folder: Path) -> list[str]:
    beside = [
        p.name for p in folder.parent.iterdir() if p.name.startswith((staging_prefix(folder), spool_prefix(folder)))
    ]
    return beside + sorted(p.name for p in folder.iterdir() if p.name not in {*OURS, "report.html"})


def test_a_new_set_keeps_the_users_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _previous_set(out)
    (out / "sub").mkdir()
    (out / "sub" / "n.txt").write_text("note")
    (out / ".claims.db.abc123.tmp").write_text("debris of an older version")
    (out / "claims.db-journal").write_text("debris")
    articles, claims = _records("new")
    assert write_outputs(out, articles, claims, []) == "journal"  # a subfolder is not carried by a swap
    assert (out / "report.html").read_text() == "mine" and (out / "sub" / "n.txt").read_text() == "note"
    assert json.loads((out / "articles.json").read_text())[0]["article_id"] == "new"
    assert _leftovers(out) == ["sub"]
    (out / "sub" / "n.txt").unlink()
    (out / "sub").rmdir()
    (out / "link").symlink_to("report.html")
    assert write_outputs(out, *_records("newer"), []) == "swap"
    assert (out / "report.html").read_text() == "mine" and (out / "link").read_text() == "mine"
    assert (out / "link").is_symlink() and _leftovers(out) == ["link"]


def test_a_file_the_user_replaces_during_the_swap_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files saved into the old folder after they were linked (a new one, or one saved by
    rename, as editors do) are moved into the new folder, not deleted with the old."""
    out = tmp_path / "out"
    _previous_set(out)
    real_exchange = output_set_module._exchange

    def exchange_after_the_user_saved(a: Path, b: Path) -> bool:
        (b / "draft.txt").write_text("new file")
        (b / "report.tmp").write_text("edited")
        (b / "report.tmp").replace(b / "report.html")
        return real_exchange(a, b)

    monkeypatch.setattr(output_set_module, "_exchange", exchange_after_the_user_saved)
    assert write_outputs(out, *_records("new"), []) == "swap"
    assert (out / "report.html").read_text() == "edited" and (out / "draft.txt").read_text() == "new file"


@pytest.mark.parametrize("when", ["streaming", "putting-in-place"])
def test_a_full_disk_is_e301_and_keeps_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)
    calls = []
    if when == "streaming":
        real_append = writers_module.OutputWriter._append

        def append_until_full(self: writers_module.OutputWriter, name: str, members: str) -> None:
            calls.append(name)
            if len(calls) == 2:
                raise OSError(errno.ENOSPC, "No space left on device", name)
            real_append(self, name, members)

        monkeypatch.setattr(writers_module.OutputWriter, "_append", append_until_full)
    else:
        real_link = output_set_module.Spool.link

        def link_until_full(self: output_set_module.Spool, name: str) -> output_set_module.Builder:
            build = real_link(self, name)

            def until_full(path: Path) -> None:
                calls.append(name)
                if len(calls) == 3:
                    raise OSError(errno.ENOSPC, "No space left on device", str(path))
                build(path)

            return until_full

        monkeypatch.setattr(output_set_module.Spool, "link", link_until_full)
    articles, claims = _records("new")
    with pytest.raises(ClaimsError) as raised:
        write_outputs(out, articles, claims, [])
    assert raised.value.code == "E301" and "No space left on device" in str(raised.value)
    assert signature(out) == previous and _leftovers(out) == []


def test_a_full_disk_in_the_journal_keeps_the_previous_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)
    calls = []
    real_write = output_set_module._write_file

    def write_until_full(path: Path, data: bytes) -> None:
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write(path, data)

    monkeypatch.setattr(output_set_module, "_write_file", write_until_full)
    with pytest.raises(ClaimsError):
        replace_set(out, {"claims.json": b"[]", "claims.csv": b"", "errors.json": b"[]"}, swap=False)
    assert signature(out) == previous and _leftovers(out) == []


def test_a_swap_that_fails_leaves_the_previous_set_and_no_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)

    def failing_exchange(a: Path, b: Path) -> bool:
        raise OSError(errno.EIO, "Input/output error", str(b))

    monkeypatch.setattr(output_set_module, "_exchange", failing_exchange)
    with pytest.raises(ClaimsError) as raised:
        write_outputs(out, *_records("new"), [])
    assert raised.value.code == "E301" and signature(out) == previous and _leftovers(out) == []


def test_a_full_database_is_e301(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("pipeline.writers._insert", full)
    articles, claims = _records("new")
    with pytest.raises(ClaimsError) as raised:
        write_outputs(out, articles, claims, [])
    assert raised.value.code == "E301"
    assert signature(out) == previous and _leftovers(out) == []


def test_a_committed_journal_is_read_whole_and_rolled_forward(tmp_path: Path) -> None:
    """A journal run killed after its commit, halfway through its renames: readers see
    the new set, and the next run finishes it before writing its own."""
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    _previous_set(out)
    articles, claims = _records("new")
    write_outputs(scratch, articles, claims, [])
    new = signature(scratch)
    journal = out / JOURNAL
    journal.mkdir()
    for name in OURS:
        (journal / name).write_bytes((scratch / name).read_bytes())
    (journal / "COMMIT").write_text(json.dumps(OURS))
    for name in OURS[:3]:  # the renames it got through before it died
        (journal / name).replace(out / name)
    assert signature(out) == new
    assert output_path(out, "claims.json") == journal / "claims.json"
    assert list(load_claims(out)["claim_id"]) == ["cou-30", "org-new"]
    replace_set(out, {"errors.json": b"[]\n"})  # any later run rolls it forward first
    assert signature(out) == new and not journal.exists()


def test_an_uncommitted_journal_is_ignored_and_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)
    (out / JOURNAL).mkdir()
    (out / JOURNAL / "claims.json").write_text("[]")
    assert signature(out) == previous
    articles, claims = _records("new")
    write_outputs(out, articles, claims, [])
    assert _leftovers(out) == []


def test_writing_from_inside_the_folder_uses_the_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    _previous_set(out)
    monkeypatch.chdir(out)
    assert replace_set(Path("."), {"errors.json": b"[]\n"}) == "journal"
    monkeypatch.chdir(tmp_path)
    assert replace_set(out, {"errors.json": b"[]\n"}) == "swap"
    assert _leftovers(out) == []


def test_an_output_path_through_a_symlink_swaps_the_real_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _previous_set(real)
    (tmp_path / "link").symlink_to(real)
    articles, claims = _records("new")
    write_outputs(tmp_path / "link", articles, claims, [])
    assert (tmp_path / "link").is_symlink()
    assert json.loads((real / "articles.json").read_text())[0]["article_id"] == "new"


@pytest.mark.parametrize("obstacle", ["no-exchange", "parent-not-writable", "cannot-link", "exchange-refused"])
def test_where_no_swap_can_be_done_the_journal_writes_the_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, obstacle: str
) -> None:
    out = tmp_path / "out"
    _previous_set(out)
    if obstacle == "no-exchange":
        monkeypatch.setattr(output_set_module, "_exchange_function", lambda: None)
    elif obstacle == "parent-not-writable":

        def refused(**_: object) -> str:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(output_set_module.tempfile, "mkdtemp", refused)
    elif obstacle == "cannot-link":

        def no_link(*_: object, **__: object) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(output_set_module.os, "link", no_link)
    else:
        monkeypatch.setattr(output_set_module, "_exchange", lambda a, b: False)
    articles, _ = _records("new")
    rendered = json.dumps([a.model_dump(mode="json") for a in articles]).encode()
    assert replace_set(out, {"articles.json": rendered}) == "journal"
    assert json.loads((out / "articles.json").read_text())[0]["article_id"] == "new"
    assert (out / "report.html").read_text() == "mine" and _leftovers(out) == []


# -- the spool: files streamed before the set is replaced ------------------------------


def test_files_are_streamed_into_a_spool_and_the_set_changes_only_at_the_commit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    previous = _previous_set(out)
    articles, claims = _records("new")
    with writers_module.OutputWriter(out) as writer:
        writer.add(articles[0], writers_module.render_claims(claims))
        spool = writer.spool.path
        assert spool.parent == tmp_path and spool.name.startswith(spool_prefix(out))
        writer._handles["claims.json"].flush()
        assert b"cou-30" in (spool / "claims.json").read_bytes()  # on disk, not held in memory
        assert signature(out) == previous
        writer.commit([])
    assert not spool.exists() and _leftovers(out) == []
    assert json.loads((out / "articles.json").read_text())[0]["article_id"] == "new"
    before = signature(out)
    with writers_module.OutputWriter(out) as writer:
        writer.add(*_records("other")[0], writers_module.render_claims([]))
        spool = writer.spool.path
    assert not spool.exists() and signature(out) == before  # left without a commit: nothing changes


def test_a_dead_runs_spool_is_removed_and_a_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _previous_set(out)
    dead = tmp_path / f"{spool_prefix(out)}dead"
    dead.mkdir()
    (dead / "claims.json").write_text("[")
    with writers_module.OutputWriter(out) as live:
        write_outputs(out, *_records("new"), [])  # another run, while this one streams
        assert not dead.exists() and live.spool.path.is_dir()
        live.commit([])
    assert _leftovers(out) == []
