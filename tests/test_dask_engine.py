"""``claims extract --engine dask``: a batch run on a dask LocalCluster of 2 worker processes
gives the outputs of a run on this machine, byte for byte (``claims.db`` by content), with
its bad files reported alike; a worker that dies costs a retry, never an article.

One cluster serves the module (starting one takes seconds); the CLI reaches it through
``--scheduler``. Without dask installed, the tests that need a cluster are skipped.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline import build_nlp
from pipeline.cli import app
from pipeline.errors import ClaimsError, Code, Problem
from pipeline.extract import Extracted, FileDone, extract_files
from pipeline.writers import BINARY_FILES, OUTPUT_FILES, OutputWriter

from . import dask_components
from .conftest import FIXTURES, ROOT, SHARED
from .guard import wall_clock_guard

runner = CliRunner()
PDFS = Path(__file__).resolve().parent / "ingest" / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def engine() -> Iterator[Any]:
    pytest.importorskip("distributed")
    import dask

    from pipeline.dask_engine import DaskEngine

    # a task may kill one worker and is run again; a second death is the scheduler giving up on it
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), DaskEngine(workers=2, partition_jobs=2) as on:
        on.client.register_plugin(dask_components.RegisterComponents())
        yield on


def _wait_for_workers(engine: Any, count: int, seconds: float = 60) -> None:
    """Until the scheduler has ``count`` workers (a nanny restarts a dead one)."""
    deadline = time.monotonic() + seconds
    while len(engine.client.nthreads()) < count:
        assert time.monotonic() < deadline, f"{len(engine.client.nthreads())} of {count} workers after {seconds} s"
        time.sleep(0.2)


def _batch(folder: Path) -> list[Path]:
    """The dev-like inputs: the corpus, the fixtures and the dev set when present, with bad
    files of every kind a reader reports, and a JSONL file whose lines spread over partitions."""
    folder.mkdir()
    for source in (ROOT / "corpus", FIXTURES):
        for path in source.glob("*.txt"):
            shutil.copy(path, folder / f"{source.name}-{path.name}")
    shutil.copy(PDFS / "justified-one-column.pdf", folder / "report.pdf")
    (folder / "page.html").write_text(
        "<html><head><title>Basin Council meets | Basin News</title></head><body><article>"
        "<h1>Basin Council meets</h1><p>On 4 May 2023 the Basin Council agreed to restore 12 wetlands.</p>"
        "</article></body></html>"
    )
    (folder / "note.md").write_text("---\ntitle: A note\n---\nThe Lake Authority aims to cut losses by 30 percent.\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # no article: skipped and counted
    (folder / "empty.md").write_text("   \n")
    lines = [json.dumps({"id": f"line-{n}", "text": f"In {2000 + n} the {n + 2} member states met."}) for n in range(7)]
    lines[3] = "{oops"
    lines[5] = json.dumps({"id": "line-1", "text": "A duplicate id in 2010."})
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    paths = [folder]
    if (SHARED / "eval" / "dev" / "articles").is_dir():
        paths.append(SHARED / "eval" / "dev" / "articles")
    return paths


def _cli(*args: str) -> Any:
    return runner.invoke(app, ["extract", *args])


def _same_outputs(one: Path, other: Path) -> None:
    for name in OUTPUT_FILES:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name
    assert (one / "claims.parquet").read_bytes() == (other / "claims.parquet").read_bytes()
    assert _database(one) == _database(other)
    assert set(BINARY_FILES) == {"claims.parquet", "claims.db"}


def _database(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "claims.db") as db:
        return list(db.iterdump())


def test_a_dask_run_gives_the_outputs_of_a_local_run(engine: Any, tmp_path: Path) -> None:
    paths = [str(p) for p in _batch(tmp_path / "in")]
    local = _cli(*paths, "--out", str(tmp_path / "local"), "--parquet-dataset", str(tmp_path / "local-dataset"))
    address = engine.client.scheduler.address
    remote = _cli(
        *paths, "--out", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", address,
        "--parquet-dataset", str(tmp_path / "dask-dataset"),
    )  # fmt: skip
    assert local.exit_code == remote.exit_code == 1, remote.output
    _same_outputs(tmp_path / "local", tmp_path / "dask")
    errors = json.loads((tmp_path / "dask" / "errors.json").read_text())
    assert {(Path(e["path"]).name, e["code"], e["line"]) for e in errors} >= {
        ("binary.txt", "E103", None), ("empty.md", "E104", None),
        ("feed.jsonl", "E105", 4), ("feed.jsonl", "E108", 6),
    }  # fmt: skip
    articles = json.loads((tmp_path / "dask" / "articles.json").read_text())
    assert {"report", "page", "note", "line-0", "line-6"} <= {a["article_id"] for a in articles}
    assert local.output.count("error:") == remote.output.count("error:") == len(errors)
    assert "skipped 1 file that is not an article (1 .docx)" in remote.output
    dataset = sorted(p.relative_to(tmp_path / "dask-dataset") for p in (tmp_path / "dask-dataset").rglob("*.parquet"))
    assert [str(p) for p in dataset] == [
        f"claim_type={t}/part-0.parquet" for t in ("count", "date", "objective", "organization")
    ]
    for path in dataset:
        assert (tmp_path / "dask-dataset" / path).read_bytes() == (tmp_path / "local-dataset" / path).read_bytes()
    claims = json.loads((tmp_path / "dask" / "claims.json").read_text())
    dataframe = pytest.importorskip("dask.dataframe")  # the dataset reads as one table, in pandas and in dask
    assert len(dataframe.read_parquet(tmp_path / "dask-dataset").compute()) == len(claims)
    assert len(pd.read_parquet(tmp_path / "dask-dataset")) == len(claims)


def _written(paths: list[Path], out: Path, nlp: Language, engine: Any = None) -> list[Problem]:
    """What ``claims extract`` does with the events, with the pipeline ``nlp``."""
    problems: list[Problem] = []
    with OutputWriter(out) as writer:
        for event in extract_files(paths, nlp, render=True, engine=engine):
            if isinstance(event, Problem):
                problems.append(event)
            elif isinstance(event, Extracted):
                problems.extend(event.problems)
                if not event.failed and event.rendered is not None:
                    writer.add(event.article, event.rendered)
            else:
                assert isinstance(event, FileDone)
        writer.commit(problems)
    return problems


def _good_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:02d}.txt").write_text(f"In {2000 + n} the Basin Council had {n + 3} member states.\n")


def test_the_time_budget_holds_in_a_dask_worker_thread(engine: Any, tmp_path: Path) -> None:
    _good_files(tmp_path / "in", 3)
    (tmp_path / "in" / "01.txt").write_text("SPIN in 2001 with 3 states.\n")
    nlp = build_nlp()
    nlp.add_pipe("test_dask_spin", first=True)
    found = {}
    for where, on in (("local", None), ("dask", engine)):
        with wall_clock_guard(60):  # a budget that does not hold would spin on
            events = list(extract_files([tmp_path / "in"], nlp, budget=1.0, render=True, engine=on))
        found[where] = [
            (e.article.article_id, [p.code for p in e.problems]) for e in events if isinstance(e, Extracted)
        ]
    assert found["dask"] == found["local"] == [("00", []), ("01", [Code.E402]), ("02", [])]


def test_an_unreachable_scheduler_is_e502_within_the_timeout(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from pipeline.dask_engine import DaskEngine

    started = time.monotonic()
    with pytest.raises(ClaimsError) as caught, DaskEngine(scheduler="tcp://127.0.0.1:9", connect_seconds=2):
        pass
    assert caught.value.code == Code.E502 and "tcp://127.0.0.1:9" in str(caught.value)
    assert time.monotonic() - started < 30
    result = _cli(str(FIXTURES), "--out", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "nowhere:x")
    assert result.exit_code == 2 and "E502" in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_without_dask_the_engine_is_e501_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = _cli(str(FIXTURES), "--out", str(tmp_path / "out"), "--engine", "dask")
    assert result.exit_code == 2 and "E501" in result.output
    assert 'pip install "policy-claims[dask]"' in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "spark"], "Invalid value for '--engine'"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "3"], "--jobs sets the workers"),
        (["--parquet-dataset", "OUT/dataset"], "--parquet-dataset must be a folder outside --out"),
    ],
)
def test_engine_options_that_do_not_fit_are_usage_errors(tmp_path: Path, options: list[str], says: str) -> None:
    out = tmp_path / "out"
    result = _cli(str(FIXTURES), "--out", str(out), *(option.replace("OUT", str(out)) for option in options))
    assert result.exit_code == 2 and says in result.output
    assert not out.exists()


# -- workers that die (last: the cluster may still be restarting one when the module ends)
def test_a_worker_that_dies_has_its_partition_run_again(engine: Any, tmp_path: Path) -> None:
    _good_files(tmp_path / "in", 9)
    marker = tmp_path / "exited"
    (tmp_path / "in" / "04.txt").write_text(f"EXIT-ONCE[{marker}] in 2004 with 3 states.\n")
    nlp = build_nlp()
    nlp.add_pipe("test_dask_exit_once", first=True)
    workers = set(engine.client.nthreads())
    problems = _written([tmp_path / "in"], tmp_path / "dask", nlp, engine)
    assert marker.exists(), "no worker died"
    assert problems == [] and _written([tmp_path / "in"], tmp_path / "local", nlp) == []
    _same_outputs(tmp_path / "local", tmp_path / "dask")
    assert len(json.loads((tmp_path / "dask" / "articles.json").read_text())) == 9  # every article once
    _wait_for_workers(engine, 2)
    assert set(engine.client.nthreads()) != workers  # the dead worker was replaced


def test_a_job_that_kills_every_worker_is_left_out_alone(engine: Any, tmp_path: Path) -> None:
    _good_files(tmp_path / "in", 4)
    (tmp_path / "in" / "02.txt").write_text("EXIT-ALWAYS in 2002 with 3 states.\n")
    nlp = build_nlp()
    nlp.add_pipe("test_dask_exit_always", first=True)
    problems = _written([tmp_path / "in"], tmp_path / "dask", nlp, engine)
    left_out = {Path(p.path or "").name for p in problems if p.code == Code.E403}
    assert "02.txt" in left_out and {p.code for p in problems} == {Code.E403}
    ids = [a["article_id"] for a in json.loads((tmp_path / "dask" / "articles.json").read_text())]
    # every other article is written once or, when dask counted a death against it too (its
    # worker died with it; seen 1 run in ~10), reported: none is lost without a word
    assert sorted(ids + [name.removesuffix(".txt") for name in left_out]) == ["00", "01", "02", "03"]
    assert "00" in ids and "01" in ids  # a partition without the killer comes through


def test_a_worker_with_other_code_refuses_the_pipeline() -> None:
    """A worker whose code differs from the command's would give other claims silently: E504."""
    pytest.importorskip("distributed")
    import dataclasses

    from pipeline.dask_engine import PipelineState, pipeline_of

    state = PipelineState.of(build_nlp())
    assert pipeline_of(state) is not None  # the same code: built
    other = dataclasses.replace(state, digest=state.digest + "-other", code="0" * 64)
    with pytest.raises(ClaimsError) as caught:
        pipeline_of(other)
    assert caught.value.code == Code.E504
