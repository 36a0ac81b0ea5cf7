"""Incremental runs (pipeline/incremental.py): a run into a folder that holds results takes
the unchanged articles from its state, and its files are those of a full run into a fresh
folder, every time; the counts of reused, extracted and dropped articles say what it did."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline import build_nlp, extract
from pipeline import incremental as incremental_module
from pipeline.cli import app
from pipeline.errors import ClaimsError, Code, Problem
from pipeline.extract import FileDone, Outcome, extract_files
from pipeline.incremental import STATE_FILE, RunState
from pipeline.patterns import load_patterns
from pipeline.writers import OUTPUT_FILES, OutputWriter

from .guard import wall_clock_guard

ARTICLES = {
    "harbour.txt": (
        "Harbour Authority Opens a Second Terminal\n\n"
        "Published on 14 March 2023\n\n"
        "The Coastal Harbour Authority (CHA) opened its second terminal on 12 March 2023. "
        "It employs 340 dockworkers and cost about $48 million. The authority aims to double "
        "container traffic by 2030."
    ),
    "schools.txt": (
        "Ministry Trains Rural Teachers\n\n"
        "The Ministry of Rural Education trained 1,200 teachers last year, in 85 districts. "
        "The ministry seeks to open 40 new schools before the monsoon."
    ),  # no publication date: 'last year' is left out with a W101 warning
    "empty.txt": "",  # E104
    "notes/grid.md": (
        "---\ntitle: Grid Upgrade\ndate: 2022-06-01\n---\n\n"
        "The National Grid Agency will install 3,000 kilometres of new lines between 2023 and 2026. "
        "Its goal is to connect 2 million homes."
    ),
}
LINES = [
    {"id": "wells-1", "text": "The Water Trust drilled 25 wells in May 2021.", "published": "2021-06-02"},
    {"id": "wells-2", "text": "Last month the Water Trust repaired 14 pumps."},  # W101
    {"id": "wells-3", "text": "The Water Trust aims to reach 90 villages by 2025.", "published": "2022-01-10"},
]


def write_inputs(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    lines = [json.dumps(line) for line in LINES]
    lines.insert(2, "{not json")  # E105 on line 3
    (folder / "wells.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(
    paths: list[Path], out: Path, nlp: Language, *, full: bool = False, jobs: int = 1, published: date | None = None
) -> RunState:
    """What ``claims extract`` does, with a pipeline of the test's."""
    state = RunState(out, full=full)
    problems: list[Problem] = []
    with OutputWriter(out, companion=state) as writer:
        for event in extract_files(paths, nlp, render=True, state=state, jobs=jobs, published=published):
            if isinstance(event, Problem):
                problems.append(event)
            elif not isinstance(event, FileDone):
                problems.extend(event.problems)
                if not event.failed and event.rendered is not None:
                    writer.add(event.article, event.rendered)
        writer.commit(problems)
    return state


def files_of(folder: Path) -> dict[str, Any]:
    """Every output file's bytes, but claims.db, which is compared by content."""
    found: dict[str, Any] = {name: (folder / name).read_bytes() for name in (*OUTPUT_FILES, "claims.parquet")}
    with sqlite3.connect(folder / "claims.db") as connection:
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            found[f"claims.db:{table}"] = connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    connection.close()
    return found


def assert_as_full_run(paths: list[Path], out: Path, nlp: Language, tmp_path: Path, **options: Any) -> None:
    fresh = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}"
    state = run(paths, fresh, nlp, **options)
    assert state.reused == 0
    assert files_of(out) == files_of(fresh)


def counts(state: RunState) -> tuple[int, int, int]:
    return state.reused, state.extracted, state.dropped


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    return write_inputs(tmp_path / "in")


@contextmanager
def no_extraction() -> Iterator[None]:
    """In the block, reading or extracting any file or line fails the test."""

    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError("an unchanged input was read or extracted")

    with pytest.MonkeyPatch.context() as patch:
        for name in ("run_job", "iter_jsonl", "read_path"):
            patch.setattr(extract, name, refuse)
        yield


ALL_ARTICLES = 6  # harbour, schools, grid, and the three JSONL lines (the empty file gives none)


def test_a_first_run_extracts_everything(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    state = run([inputs], tmp_path / "out", nlp)
    assert counts(state) == (0, ALL_ARTICLES, 0) and state.notices == []
    codes = [e["code"] for e in json.loads((tmp_path / "out" / "errors.json").read_text())]
    assert sorted(codes) == ["E104", "E105", "W101", "W101"]
    assert (tmp_path / "out" / STATE_FILE).is_file()


def test_an_unchanged_folder_is_neither_read_nor_extracted(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    with no_extraction():
        state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES, 0, 0) and state.notices == []
    assert_as_full_run([inputs], out, nlp, tmp_path)  # the warnings and errors too, in their places


def test_a_file_whose_stat_stands_is_not_even_hashed(
    nlp: Language, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)  # every file was written just now: too recent for its stat to stand
    hashed: list[Path] = []
    digest = incremental_module.file_digest
    monkeypatch.setattr(incremental_module, "file_digest", lambda path: hashed.append(path) or digest(path))
    run([inputs], out, nlp)
    assert len(hashed) == 5  # so each file was hashed again, and found unchanged
    monkeypatch.setattr(incremental_module, "RACY_SECONDS", 0.0)
    run([inputs], out, nlp)
    hashed.clear()
    state = run([inputs], out, nlp)
    assert hashed == [] and state.reused == ALL_ARTICLES
    target = inputs / "harbour.txt"
    target.write_text(ARTICLES["harbour.txt"].replace("340", "341"), encoding="utf-8")  # same size
    state = run([inputs], out, nlp)
    assert hashed == [target] and counts(state) == (ALL_ARTICLES - 1, 1, 0)


def test_one_changed_file_is_extracted_again(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    (inputs / "harbour.txt").write_text(ARTICLES["harbour.txt"].replace("340", "575"), encoding="utf-8")
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES - 1, 1, 0)
    assert b"575 dockworkers" in (out / "claims.json").read_bytes()
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_deleted_file_drops_out(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    (inputs / "notes" / "grid.md").unlink()
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES - 1, 0, 1)
    assert b"National Grid Agency" not in (out / "claims.json").read_bytes()
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_an_added_file_is_extracted(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    (inputs / "notes" / "bridge.txt").write_text(
        "Published on 2 April 2024\n\nThe Roads Board approved 16 new bridges.", encoding="utf-8"
    )
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES, 1, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_file_given_again_under_the_same_id_is_still_e108(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (inputs / "harbour.md").write_text("The Port Board hired 12 pilots.", encoding="utf-8")  # the id of harbour.txt
    run([inputs], out, nlp)
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES, 0, 0)
    assert "E108" in [e["code"] for e in json.loads((out / "errors.json").read_text())]
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_pattern_override_extracts_everything_again(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    mine = tmp_path / "my-patterns"
    mine.mkdir()
    entry = {"id": "org-water-trust", "name": "Water Trust", "acronym": "WT", "kind": "ngo"}
    (mine / "orgs.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    overridden = build_nlp(load_patterns([mine]))
    state = run([inputs], out, overridden)
    assert counts(state) == (0, ALL_ARTICLES, 0)
    assert_as_full_run([inputs], out, overridden, tmp_path)
    assert counts(run([inputs], out, overridden)) == (ALL_ARTICLES, 0, 0)  # and the next run reuses again


def test_another_day_order_extracts_everything_again(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (inputs / "dated.txt").write_text("On 03/04/2022 the Port Board hired 12 pilots.", encoding="utf-8")
    run([inputs], out, nlp)
    day_first = json.loads((out / "claims.json").read_text())
    us = build_nlp(day_order="mdy")
    state = run([inputs], out, us)
    assert counts(state) == (0, ALL_ARTICLES + 1, 0)
    month_first = json.loads((out / "claims.json").read_text())
    assert ("2022-04-03" in str(day_first)) and ("2022-03-04" in str(month_first))
    assert_as_full_run([inputs], out, us, tmp_path)


def test_another_publication_date_extracts_everything_again(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    state = run([inputs], out, nlp, published=date(2024, 1, 31))
    assert counts(state) == (0, ALL_ARTICLES, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path, published=date(2024, 1, 31))


def test_a_changed_jsonl_line_is_the_only_one_extracted_again(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    source = inputs / "wells.jsonl"
    source.write_text(source.read_text(encoding="utf-8").replace("25 wells", "26 wells"), encoding="utf-8")
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES - 1, 1, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_jsonl_lines_that_moved_keep_their_outcome_at_their_new_line(
    nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    source = inputs / "wells.jsonl"
    new = json.dumps({"id": "wells-0", "text": "Last week the Water Trust hired 3 engineers."})
    source.write_text(new + "\n\n" + source.read_text(encoding="utf-8"), encoding="utf-8")  # two lines down
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES, 1, 0)
    errors = json.loads((out / "errors.json").read_text())
    assert [(e["code"], e["line"]) for e in errors if e["path"] == str(source)] == [
        ("W101", 1), ("W101", 4), ("E105", 5),
    ]  # fmt: skip
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_full_extracts_everything(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    state = run([inputs], out, nlp, full=True)
    assert counts(state) == (0, ALL_ARTICLES, 0)
    assert counts(run([inputs], out, nlp)) == (ALL_ARTICLES, 0, 0)  # the state it wrote serves the next run


def test_outcomes_of_the_moment_are_never_kept(
    nlp: Language, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An outcome with a problem that may come from the machine (here a time budget that
    struck) is not kept: its job runs again next time, the others are reused."""
    run_job = extract.run_job

    def slow_schools(nlp: Language, job: Any, options: Any) -> Outcome:
        outcome = run_job(nlp, job, options)
        if isinstance(job, extract.ReadFile) and job.entry.path.name == "schools.txt":
            return Outcome([extract.problem(Code.E402, str(job.entry.path), reason="stopped")], [])
        return outcome

    out = tmp_path / "out"
    monkeypatch.setattr(extract, "run_job", slow_schools)
    run([inputs], out, nlp)
    monkeypatch.setattr(extract, "run_job", run_job)
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES - 1, 1, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_workers_take_the_reused_outcomes_in_their_places(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    (inputs / "schools.txt").write_text(ARTICLES["schools.txt"].replace("1,200", "1,300"), encoding="utf-8")
    with wall_clock_guard(120):
        state = run([inputs], out, nlp, jobs=2)
    assert counts(state) == (ALL_ARTICLES - 1, 1, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_run_killed_halfway_leaves_the_previous_set_and_the_next_run_completes(
    nlp: Language, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (inputs / "harbour.txt").write_text(ARTICLES["harbour.txt"].replace("340", "575"), encoding="utf-8")
    (inputs / "schools.txt").write_text(ARTICLES["schools.txt"].replace("1,200", "1,300"), encoding="utf-8")
    run_job, calls = extract.run_job, []

    def dies_at_the_second(*args: Any) -> Outcome:
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a Ctrl-C or a kill would stop it: nothing after this point runs
        return run_job(*args)

    monkeypatch.setattr(extract, "run_job", dies_at_the_second)
    with pytest.raises(KeyboardInterrupt):
        run([inputs], out, nlp)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # the state too
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # the spool went with it
    monkeypatch.setattr(extract, "run_job", run_job)
    state = run([inputs], out, nlp)
    assert counts(state) == (ALL_ARTICLES - 2, 2, 0)
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_state_that_cannot_be_written_is_e301_and_keeps_the_previous_set(
    nlp: Language, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full_disk(self: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(incremental_module._StateWriter, "flush", full_disk)
    with pytest.raises(ClaimsError) as raised:
        run([inputs], out, nlp, full=True)
    assert raised.value.code == Code.E301 and "disk is full" in str(raised.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _corrupt_bytes(state: Path) -> None:
    state.write_bytes(b"\x00garbage" * 100)


def _foreign_database(state: Path) -> None:
    state.unlink()
    with sqlite3.connect(state) as connection:
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('format', 'something else')")
    connection.close()


def _truncated(state: Path) -> None:
    data = state.read_bytes()
    state.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("damage", [_corrupt_bytes, _foreign_database, _truncated])
def test_a_state_that_cannot_be_read_gives_a_full_run_and_w103(
    nlp: Language, inputs: Path, tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    damage(out / STATE_FILE)
    state = run([inputs], out, nlp)
    assert state.reused == 0 and state.extracted == ALL_ARTICLES
    assert [n.code for n in state.notices] == [Code.W103]
    assert "W103" not in (out / "errors.json").read_text()  # the files are those of a full run
    assert_as_full_run([inputs], out, nlp, tmp_path)
    assert counts(run([inputs], out, nlp)) == (ALL_ARTICLES, 0, 0)  # and the new state is whole


def _tamper(state: Path, sql: str) -> None:
    with sqlite3.connect(state) as connection:
        connection.execute(sql)
    connection.close()


@pytest.mark.parametrize(
    "sql",
    [
        # a claim's number changed in place, its checksum not: the outcome must not be used
        "UPDATE units SET outcome = CAST(replace(CAST(outcome AS TEXT), '340', '999') AS BLOB) "
        "WHERE CAST(outcome AS TEXT) LIKE '%340 dockworkers%'",
        # a replayed file's record changed (a problem of reading it): the file must be read again
        "UPDATE files SET record = replace(record, '\"E105\"', '\"E106\"')",
        # a file's record names an outcome that is gone
        "DELETE FROM units WHERE CAST(outcome AS TEXT) LIKE '%repaired 14 pumps%'",
    ],
)
def test_a_damaged_row_costs_its_own_job_only(nlp: Language, inputs: Path, tmp_path: Path, sql: str) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    _tamper(out / STATE_FILE, sql)
    state = run([inputs], out, nlp)
    assert [n.code for n in state.notices] == [Code.W103]
    assert state.reused + state.extracted == ALL_ARTICLES and state.reused >= ALL_ARTICLES - 1
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_the_command_says_what_it_reused_and_full_extracts_all(inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    first = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert first.exit_code == 1, first.output  # E104 and E105 are errors of reading
    assert f"reused from the last run: 0, extracted: {ALL_ARTICLES}, dropped: 0" in first.stdout
    (inputs / "notes" / "grid.md").unlink()
    second = runner.invoke(app, ["extract", str(inputs), "--out", str(out)])
    assert f"reused from the last run: {ALL_ARTICLES - 1}, extracted: 0, dropped: 1" in second.stdout
    (out / STATE_FILE).write_bytes(b"not a database")
    third = runner.invoke(app, ["extract", str(inputs), "--out", str(out), "--full", "-q"])
    assert "W103" in third.stderr and third.stdout == ""
    full = runner.invoke(app, ["extract", str(inputs), "--out", str(out), "--full"])
    assert f"reused from the last run: 0, extracted: {ALL_ARTICLES - 1}, dropped: 0 (--full)" in full.stdout
    assert "W103" not in full.stderr


def test_the_state_of_other_code_is_not_used(
    nlp: Language, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    run([inputs], out, nlp)
    with sqlite3.connect(out / STATE_FILE) as connection:
        [(written,)] = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchall()
    connection.close()
    assert written == incremental_module.fingerprint(nlp, extract.JobOptions())
    monkeypatch.setattr(incremental_module, "code_fingerprint", lambda: "another commit")
    assert counts(run([inputs], out, nlp)) == (0, ALL_ARTICLES, 0)


def test_the_code_digest_holds_every_source_file(tmp_path: Path) -> None:
    (tmp_path / "package" / "sub").mkdir(parents=True)
    (tmp_path / "package" / "a.py").write_text("A = 1\n")
    (tmp_path / "package" / "sub" / "b.py").write_text("B = 2\n")
    (tmp_path / "package" / "notes.txt").write_text("not code")
    digest = incremental_module.tree_digest
    first = digest(tmp_path / "package", "*.py")
    (tmp_path / "package" / "notes.txt").write_text("still not code")
    assert digest(tmp_path / "package", "*.py") == first
    (tmp_path / "package" / "sub" / "b.py").write_text("B = 3\n")
    assert digest(tmp_path / "package", "*.py") != first
    (tmp_path / "package" / "sub" / "b.py").rename(tmp_path / "package" / "b.py")
    assert digest(tmp_path / "package", "*.py") not in (first, digest(tmp_path / "package" / "sub", "*.py"))


def test_a_file_renamed_keeps_no_outcome_under_its_old_id(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    """The same bytes under another name are another article (its id is its name): its kept
    outcome may not be replayed with the old id."""
    out = tmp_path / "out"
    run([inputs], out, nlp)
    (inputs / "harbour.txt").rename(inputs / "port.txt")
    state = run([inputs], out, nlp)
    assert (
        b'"port"' in (out / "articles.json").read_bytes() and b'"harbour"' not in (out / "articles.json").read_bytes()
    )
    assert state.dropped == 1
    assert_as_full_run([inputs], out, nlp, tmp_path)


def test_a_jsonl_line_in_another_file_is_read_under_that_file(nlp: Language, inputs: Path, tmp_path: Path) -> None:
    """The same line in another JSONL file comes from that file: its records name it."""
    out = tmp_path / "out"
    run([inputs / "wells.jsonl"], out, nlp)
    other = tmp_path / "elsewhere" / "wells-copy.jsonl"
    other.parent.mkdir()
    other.write_bytes((inputs / "wells.jsonl").read_bytes())
    run([other], out, nlp)
    sources = {a["source"] for a in json.loads((out / "articles.json").read_text())}
    assert sources == {str(other)}
    assert_as_full_run([other], out, nlp, tmp_path)


def test_csv_options_are_applied_to_kept_claims(inputs: Path, tmp_path: Path) -> None:
    """Kept claims are data, written anew by each run: --raw-csv and --excel apply to them."""
    (inputs / "formula.txt").write_text("=cmd Council\n\nThe River Council (RC) has 12 members.\n", encoding="utf-8")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    base = ["extract", str(inputs), "-q"]
    assert CliRunner().invoke(app, [*base, "--out", str(out)]).exit_code in (0, 1)
    for options in (["--raw-csv"], ["--excel"], []):
        CliRunner().invoke(app, [*base, "--out", str(out), *options])
        CliRunner().invoke(app, [*base, "--out", str(fresh), "--full", *options])
        assert files_of(out) == files_of(fresh), options
