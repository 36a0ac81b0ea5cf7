"""CLI habits: -h, readable placeholders, choices, exit statuses, option checks, the
JSON Schemas. Commands and options are walked from the app (tests/cli_tree.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline import cli
from pipeline.cli import EXIT_STATUS, app

from .cli_tree import CommandInfo, commands
from .conftest import ROOT

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # no help line wraps
COMMANDS = list(commands())
OUTPUTS = ROOT / "outputs"


def _help(info: CommandInfo, flag: str = "--help") -> str:
    result = runner.invoke(app, [*info.path, flag], env=WIDE, prog_name="claims")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("info", COMMANDS, ids=lambda info: info.name)
def test_dash_h_is_help_everywhere(info: CommandInfo) -> None:
    assert _help(info, "-h") == _help(info, "--help")
    assert f"Usage: {info.name}" in _help(info, "-h")


def test_python_m_pipeline_is_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline", "-h"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "Usage:" in done.stdout and "extract" in done.stdout


@pytest.mark.parametrize("info", COMMANDS, ids=lambda info: info.name)
def test_help_shows_no_type_placeholders(info: CommandInfo) -> None:
    text = _help(info)
    assert not re.findall(r"<[\w\[\], ]*>", text)  # <bool>, <str>, <list[Path]>, <float range> ...
    for option in info.options():
        if option.is_flag:
            assert option.display_type_rich(None) is None, option.opts  # a flag takes no value
        else:
            assert option.metavar and option.metavar.isupper(), option.opts  # DIR, N, DATE ...
            assert re.search(rf"{re.escape(option.opts[0])}\b.*\b{option.metavar}\b", text), option.opts
    for argument in info.arguments():
        assert argument.metavar and argument.metavar.isupper(), argument.name
        assert argument.metavar in text


def _choice_options() -> list[tuple[CommandInfo, Any]]:
    return [(info, o) for info in COMMANDS for o in info.options() if o.type_descriptor.is_choice]


def test_the_options_with_a_fixed_set_of_values_are_choices() -> None:
    found = {(info.name, option.opts[0]) for info, option in _choice_options()}
    assert found == {
        ("claims extract", "--day-order"), ("claims extract", "--engine"), ("claims show", "--type"),
        ("claims show", "--format"),
        ("claims schema", "--kind"),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("info", "option"), _choice_options(), ids=lambda value: getattr(value, "name", None) or value.opts[0]
)
def test_choices_are_listed_in_help_and_case_insensitive(info: CommandInfo, option: Any) -> None:
    assert option.type_descriptor.case_sensitive is False
    text = " ".join(_help(info).split())
    for value in option.type_descriptor.choices:
        assert re.search(rf"\b{value}\b", text), (option.opts, value)


def test_the_choices_are_the_librarys_values() -> None:
    from pipeline.claim_types import CLAIM_TYPE_NAMES
    from pipeline.normalize.dates import DayOrder
    from pipeline.records import RecordKind
    from pipeline.show import FORMATS

    assert get_args(cli.ClaimTypeChoice) == CLAIM_TYPE_NAMES
    assert get_args(cli.ShowFormat) == FORMATS
    assert get_args(cli.DayOrderChoice) == get_args(DayOrder)
    assert get_args(cli.RecordKindChoice) == get_args(RecordKind)


def test_choices_take_any_case(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The council met on 03/04/2024 with 12 member states.", encoding="utf-8")
    days = {}
    for order in ("DMY", "Mdy"):
        out = tmp_path / order
        result = runner.invoke(app, ["extract", str(article), "--out", str(out), "-q", "--day-order", order])
        assert result.exit_code == 0, result.output
        days[order] = [c["start_date"] for c in json.loads((out / "claims.json").read_text()) if "start_date" in c]
    assert days == {"DMY": ["2024-04-03"], "Mdy": ["2024-03-04"]}
    shown = runner.invoke(app, ["show", str(OUTPUTS), "--type", "COUNT", "--format", "JSONL", "--limit", "1"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["claim_type"] == "count"


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["show", str(OUTPUTS), "--type", "counts"], "--type"),
        (["show", str(OUTPUTS), "--format", "xml"], "--format"),
        (["extract", str(ROOT / "corpus"), "--out", "never", "--day-order", "ymd"], "--day-order"),
        (["extract", str(ROOT / "corpus"), "--out", "never", "--jobs", "-1"], "--jobs"),
        (["schema", "--kind", "org"], "--kind"),
        (["schema"], "--kind"),
    ],
    ids=["type", "format", "day-order", "jobs", "kind", "no-kind"],
)
def test_a_bad_option_value_is_a_usage_error_naming_the_option(args: list[str], named: str) -> None:
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code == cli.EXIT_INVALID
    assert named in result.output
    assert not Path("never").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(ROOT / "corpus"), "--out", "never", "--no-builtin-patterns"],
        ["patterns", "check", "--no-builtin-patterns"],
        ["patterns", "test", "--no-builtin-patterns"],
        ["patterns", "try", "In 2020.", "--no-builtin-patterns"],
    ],
    ids=["extract", "check", "test", "try"],
)
def test_no_builtin_patterns_without_a_folder_is_an_error(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == cli.EXIT_INVALID
    assert "E211" in result.output
    assert not Path("never").exists()


def test_help_lists_the_exit_statuses() -> None:
    text = _help(COMMANDS[0])
    codes = [code for code, _ in EXIT_STATUS]
    assert codes == sorted(set(codes))
    assert {cli.EXIT_INPUT_FAILED, cli.EXIT_INVALID, cli.EXIT_WRITE_FAILED, cli.EXIT_INTERNAL} <= set(codes)
    for code, meaning in EXIT_STATUS:
        assert re.search(rf"^\s*{code}\s+{re.escape(meaning)}\s*$", text, re.MULTILINE), code


def test_the_exit_statuses_are_the_commands_own(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_text(" ", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(bad), "--out", str(tmp_path / "out"), "-q"]).exit_code == 1
    assert runner.invoke(app, ["show", str(tmp_path / "missing")]).exit_code == cli.EXIT_INVALID
    assert runner.invoke(app, ["extract", "--out", str(tmp_path / "o")]).exit_code == cli.EXIT_INVALID


# -- claims schema ----------------------------------------------------------------------
def _schema(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    schema: dict[str, Any] = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return schema


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(("kind", "file"), [("claim", "claims.json"), ("article", "articles.json")])
def test_the_output_files_validate_against_their_array_schema(kind: str, file: str) -> None:
    records = json.loads((OUTPUTS / file).read_text(encoding="utf-8"))
    assert records
    array = _validator(_schema("--kind", kind, "--array"))
    assert list(array.iter_errors(records)) == []
    one = _validator(_schema("--kind", kind.upper()))
    assert all(one.is_valid(record) for record in records)
    assert not one.is_valid(records) and not array.is_valid(records[0])  # a record is not its file


@pytest.mark.parametrize(
    ("kind", "change"),
    [
        ("claim", {"value": "many"}),  # a count's value is a number
        ("claim", {"claim_type": "person"}),
        ("claim", {"start": -1}),
        ("claim", {"colour": "red"}),  # no field beside the record's
        ("article", {"published": "14 March"}),  # a date is ISO
        ("article", {"text": None}),
    ],
)
def test_a_changed_record_fails_its_schema(kind: str, change: dict[str, Any]) -> None:
    records = json.loads((OUTPUTS / f"{kind}s.json").read_text(encoding="utf-8"))
    record = next(r for r in records if kind == "article" or r["claim_type"] == "count")
    assert not _validator(_schema("--kind", kind)).is_valid({**record, **change})
