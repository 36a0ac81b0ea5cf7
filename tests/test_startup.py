"""Start-up: ``claims --help``, ``--version`` and ``import pipeline`` load none of the heavy
libraries; they are imported by the commands and names that use them. Checked on what a
fresh process has in ``sys.modules``, never on time."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app

HEAVY = ("spacy", "pandas", "pyarrow", "trafilatura", "pypdf", "pipeline.records")

# Runs `python -m pipeline ARGS` (or only imports the package) in a fresh process and
# writes the heavy modules then loaded to the file named first.
PROBE = """
import atexit, json, runpy, sys
report, heavy, args = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
atexit.register(lambda: open(report, "w").write(json.dumps(sorted(set(heavy) & set(sys.modules)))))
if args == ["import"]:
    import pipeline
else:
    sys.argv = ["claims", *args]
    runpy.run_module("pipeline", run_name="__main__")
"""


def _heavy_loaded(tmp_path: Path, *args: str) -> list[str]:
    report = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), ",".join(HEAVY), *args], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(report.read_text())
    return loaded


@pytest.mark.parametrize(
    "args",
    [("--help",), ("--version",), ("extract", "--help"), ("patterns", "--help"), ("import",)],
    ids=["help", "version", "extract-help", "patterns-help", "import-pipeline"],
)
def test_help_and_version_import_no_heavy_library(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert _heavy_loaded(tmp_path, *args) == []


def test_the_probe_sees_what_a_command_imports(tmp_path: Path) -> None:
    assert {"spacy", "pipeline.records"} <= set(_heavy_loaded(tmp_path, "patterns", "try", "In 2020."))


def test_version_comes_from_the_package_metadata() -> None:
    expected = importlib.metadata.version("policy-claims")
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"claims {expected}\n"
    assert pipeline.__version__ == expected


def test_the_lazy_names_are_the_public_ones() -> None:
    assert sorted(pipeline._MODULE_OF) == sorted(pipeline.__all__)


@pytest.mark.parametrize("name", pipeline.__all__)
def test_every_public_name_is_the_object_of_its_module(name: str) -> None:
    home = importlib.import_module(f"pipeline.{pipeline._MODULE_OF[name]}")
    assert getattr(pipeline, name) is getattr(home, name)
    assert name in dir(pipeline)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        pipeline.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        from pipeline import no_such_name  # type: ignore[attr-defined]  # noqa: F401
