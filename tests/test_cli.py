from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import FIXTURES, ROOT

runner = CliRunner()


def test_extract_writes_all_outputs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(FIXTURES / "river-basin-release.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in (
        "claims.json",
        "claims.csv",
        "articles.json",
        "articles.csv",
        "organizations.csv",
        "errors.json",
        "claims.parquet",
        "claims.db",
    ):
        assert (tmp_path / name).is_file()
    claims = json.loads((tmp_path / "claims.json").read_text())
    articles = json.loads((tmp_path / "articles.json").read_text())
    assert articles[0]["author"] == "Lan Pham"
    assert articles[0]["published"] == "2021-05-03"
    text = articles[0]["text"]
    assert all(text[c["start"] : c["end"]] == c["text"] for c in claims)
    types = {c["claim_type"] for c in claims}
    assert types == {"date", "count", "organization", "objective"}
    assert "claims written" in result.output


def test_batch_with_bad_files_reports_them_and_keeps_the_rest(tmp_path: Path) -> None:
    batch = tmp_path / "in"
    batch.mkdir()
    (batch / "good.txt").write_text((FIXTURES / "river-basin-release.txt").read_text())
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (batch / "notes.docx").write_bytes(b"PK\x03\x04")
    (batch / "lines.jsonl").write_text(
        '{"id": "j1", "text": "Founded in 1995, the council has 6 member states."}\n{oops\n'
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(batch), "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    errors = json.loads((out / "errors.json").read_text())
    assert sorted((Path(e["path"]).name, e["code"], e["line"]) for e in errors) == [
        ("binary.txt", "E103", None), ("lines.jsonl", "E105", 2),
    ]  # fmt: skip
    ids = [a["article_id"] for a in json.loads((out / "articles.json").read_text())]
    assert ids == ["good", "j1"]
    assert "binary.txt" in result.output  # reported on stderr too (mixed into output by the runner)
    assert "skipped 1 file that is not an article (1 .docx)" in result.output  # in a folder, no problem


def test_invalid_patterns_stop_extraction_with_located_errors(tmp_path: Path) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "counts.jsonl").write_text('{"id": "x", "label": "NUMBER", "pattern": [{"LOWR": "ten"}]}\n')
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(FIXTURES), "--out", str(out), "--patterns", str(user)])
    assert result.exit_code == 2
    assert re.search(r"counts\.jsonl:1: E203", result.output)
    assert not out.exists()


def test_user_patterns_add_to_the_builtin_ones(tmp_path: Path) -> None:
    user = tmp_path / "mine"
    user.mkdir()
    (user / "organizations.jsonl").write_text(
        '{"id": "org-mekong-forum", "label": "ORG", "pattern": [{"LOWER": "mekong"}, {"LOWER": "dialogue"}]}\n'
    )
    article = tmp_path / "a.txt"
    article.write_text("The Mekong Dialogue met in 2020 with 12 member states.")
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(article), "--out", str(out), "--patterns", str(user)]).exit_code == 0
    claims = json.loads((out / "claims.json").read_text())
    assert [c["rule"] for c in claims if c["claim_type"] == "organization"] == ["org-mekong-forum"]


def test_patterns_check() -> None:
    check = runner.invoke(app, ["patterns", "check"])
    assert check.exit_code == 0 and "patterns OK" in check.output


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    command = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert f"```bash\n{command}\n```" in readme


def test_organizations_table(tmp_path: Path) -> None:
    import pandas as pd

    result = runner.invoke(app, ["extract", str(FIXTURES / "river-basin-release.txt"), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0
    table = pd.read_csv(tmp_path / "organizations.csv")
    row = table[table["name"] == "Lower Basin Coordination Council"].iloc[0]
    assert row["acronym"] == "LBCC" and row["aliases"] == "LBCC" and row["mentions"] == 3
    assert list(table.columns) == ["article_id", "name", "acronym", "aliases", "mentions", "first_start", "first_end"]


def test_a_user_unit_pattern_changes_the_output(tmp_path: Path) -> None:
    article = tmp_path / "lng.txt"
    article.write_text("The terminal will handle 7.5 mtpa of gas from 2026.")
    user = tmp_path / "mine"
    user.mkdir()
    (user / "counts.jsonl").write_text(
        '{"id": "unit-mtpa", "label": "UNIT", "pattern": [{"LOWER": "mtpa"}], '
        '"examples": [{"text": "a terminal of 7.5 mtpa", "expect": {"value": 7.5, "unit": "mtpa"}}]}\n'
    )
    before, after = tmp_path / "before", tmp_path / "after"
    assert runner.invoke(app, ["extract", str(article), "--out", str(before), "-q"]).exit_code == 0
    assert (
        runner.invoke(app, ["extract", str(article), "--out", str(after), "-q", "--patterns", str(user)]).exit_code == 0
    )
    counts_before = [c for c in json.loads((before / "claims.json").read_text()) if c["claim_type"] == "count"]
    counts_after = [c for c in json.loads((after / "claims.json").read_text()) if c["claim_type"] == "count"]
    assert [(c["value"], c["unit"]) for c in counts_before] == [(7.5, None)]
    assert [(c["value"], c["unit"]) for c in counts_after] == [(7.5, "mtpa")]
    tested = runner.invoke(app, ["patterns", "test", str(user)])
    assert tested.exit_code == 0 and "0 failed" in tested.output


def test_patterns_test_reports_a_failing_example(tmp_path: Path) -> None:
    (tmp_path / "dates.jsonl").write_text(
        '{"id": "date-fiscal", "label": "DATE", "pattern": [{"LOWER": "fy2023"}], "examples": ["in fiscal 2023"]}\n'
    )
    result = runner.invoke(app, ["patterns", "test", str(tmp_path)])
    assert result.exit_code == 1
    assert "dates.jsonl:1: date-fiscal: example does not fire: 'in fiscal 2023'" in result.output


def test_patterns_labels_lists_every_label() -> None:
    from pipeline.labels import LABELS

    result = runner.invoke(app, ["patterns", "labels"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(name in result.output for name in LABELS)


def test_patterns_try_shows_patterns_and_records() -> None:
    result = runner.invoke(
        app, ["patterns", "try", "Established in 1992, the bloc now counts 10 members.", "--published", "2024-01-01"]
    )
    assert result.exit_code == 0
    assert "date-year" in result.output and "count-digits" in result.output
    assert "value=10, unit=members" in result.output


def _readme_block(after: str) -> str:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("\n", readme.index("```json", readme.index(after))) + 1
    return readme[start : readme.index("```", start)]


def test_the_readme_additions_work_in_data_alone(tmp_path: Path) -> None:
    user = tmp_path / "my-patterns"
    user.mkdir()
    (user / "west-africa.jsonl").write_text(_readme_block("Most additions are a word"))
    tested = runner.invoke(app, ["patterns", "test", str(user)])
    assert tested.exit_code == 0 and "0 failed" in tested.output
    article = tmp_path / "note.txt"
    article.write_text(
        "Accra, 12 janv. 2021 - The Nuclear Safety Inspectorate approved a loan of 5 million cedis. "
        "The inspectorate aims to train forty engineers. The Basin Council works to restore wetlands."
    )
    out = tmp_path / "out"
    assert (
        runner.invoke(app, ["extract", str(article), "--out", str(out), "-q", "--patterns", str(user)]).exit_code == 0
    )
    claims = json.loads((out / "claims.json").read_text())
    found = {(c["claim_type"], c["text"]): c for c in claims}
    assert found[("date", "12 janv. 2021")]["start_date"] == "2021-01-12"
    assert found[("count", "5 million cedis")]["unit"] == "GHS"
    assert found[("organization", "Nuclear Safety Inspectorate")]["name"] == "Nuclear Safety Inspectorate"
    assert found[("objective", "train forty engineers")]["subject"] == "Nuclear Safety Inspectorate"
    assert found[("objective", "restore wetlands")]["subject"] == "Basin Council"


def test_a_run_that_reads_no_article_writes_its_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.xyz").write_text("not an article")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "notes.xyz"), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert [e["code"] for e in json.loads((out / "errors.json").read_text())] == ["E101"]
    assert json.loads((out / "claims.json").read_text()) == []
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            "articles.csv",
            "articles.json",
            "claims.csv",
            "claims.db",
            "claims.json",
            "claims.parquet",
            "errors.json",
            "organizations.csv",
            ".claims-state.db",  # what the next run into the folder may reuse (pipeline/incremental.py)
        ]
    )


def test_a_folder_of_no_articles_is_read_as_empty(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("notes.xyz", "sub/photo.jpg", "sub/scan.jpg", ".hidden.txt"):
        (tmp_path / "in" / name).write_text("not an article")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert [e["code"] for e in json.loads((out / "errors.json").read_text())] == ["E303"]
    assert "skipped 3 files that are not articles (2 .jpg, 1 .xyz)" in result.output


def test_quiet_counts_repeated_warnings_and_keeps_every_error() -> None:
    from pipeline.cli import QUIET_WARNINGS, problem_lines
    from pipeline.errors import Code, problem

    warnings = [problem(Code.W101, "batch.jsonl", line, examples="'today'") for line in range(1, 11)]
    errors = [problem(Code.E105, "batch.jsonl", 20 + k, reason="not JSON") for k in range(5)]
    quiet = problem_lines([*warnings, *errors], quiet=True)
    assert sum(line.startswith("error: ") for line in quiet) == 5  # errors are never folded
    assert sum("W101 relative" in line for line in quiet) == QUIET_WARNINGS
    assert quiet[-1] == f"warning: W101 {10 - QUIET_WARNINGS} more like these, listed in errors.json"
    assert len(problem_lines([*warnings, *errors])) == 15  # without -q every line is printed


def test_quiet_run_summarizes_warnings_of_a_big_batch(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{k}", "text": "The board met today and agreed on a plan."}) for k in range(12)]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "batch.jsonl"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / "errors.json").read_text(encoding="utf-8"))
    assert len(written) == 12  # all of them in errors.json
    assert result.output.count("W101") == 4  # three shown, then one line counting the rest
    assert "9 more like these" in result.output
