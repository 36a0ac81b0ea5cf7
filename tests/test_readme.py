"""The README documents what the tool has: every command and option of ``claims`` (walked
from the Typer app, tests/cli_tree.py), every error code, every exit status; and its
examples run exactly as written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import EXIT_STATUS
from pipeline.errors import Code

from .cli_tree import CommandInfo, commands
from .conftest import ROOT, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")
LEAVES = [info for info in commands() if not info.is_group or not info.path]


def _rows(info: CommandInfo) -> list[str]:
    """The README's table rows that document ``info``: those whose first cell opens with
    the command (``| `claims show DIR` |``); for ``claims`` itself, with an option of it."""
    start = "| `" + (info.name + " " if info.path else "claims -")
    return [line for line in README.splitlines() if line.startswith(start) or line.startswith(start.rstrip() + "`")]


def _names(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


@pytest.mark.parametrize("info", LEAVES, ids=lambda info: info.name)
def test_readme_documents_every_command_and_its_options(info: CommandInfo) -> None:
    rows = "\n".join(_rows(info))
    assert rows, f"no row of a README table documents {info.name}"
    help_option = {"-h", "--help"}
    for option in info.options():
        for name in [*option.opts, *option.secondary_opts]:
            if name not in help_option:
                assert _names(rows, name), f"{info.name} {name} is not in its README row"
        if option.type_descriptor.is_choice:
            for value in option.type_descriptor.choices:
                assert _names(rows, value), f"{info.name} {option.opts[0]}: the README does not list {value!r}"
    for argument in info.arguments():
        assert _names(rows, argument.metavar), f"{info.name}: argument {argument.metavar} not in its row"


def test_readme_documents_the_help_option_and_every_group() -> None:
    assert "`-h` or `--help`" in README
    for info in commands():
        if info.is_group and info.path:
            assert any(_rows(leaf) for leaf in commands() if leaf.path[: len(info.path)] == info.path)


def _documented_codes() -> set[str]:
    codes = set(re.findall(r"`([EW]\d{3})`", README))
    for first, last in re.findall(r"`E(\d{3})`[–-]`E(\d{3})`", README):
        codes |= {f"E{n}" for n in range(int(first), int(last) + 1)}
    return codes


def test_readme_documents_every_error_code() -> None:
    missing = sorted(code.value for code in Code if code.value not in _documented_codes())
    assert missing == []


def test_readme_lists_every_exit_status() -> None:
    section = README[README.index("Exit status (also in `claims --help`):") :]
    items = re.findall(r"^- `(\d+)` ", section[: section.index("\n\n", section.index("\n- "))], re.MULTILINE)
    assert [int(code) for code in items] == [code for code, _ in EXIT_STATUS]


# -- the README's examples run as written -------------------------------------------------
# A fenced block's info string marks it: ```bash runnable / ```python runnable is run, in
# README order, in one session (a temporary copy of corpus/ and outputs/, the installed
# `claims` on PATH; Python blocks share one namespace, as pasted into one interpreter);
# ```text output right after a runnable block is what it must print; ```json file=PATH is
# written to PATH for the blocks after it; `shared` blocks need ../shared (the dev set).
FENCE = re.compile(r"^```(?P<info>[^`\n]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
SESSION_SECONDS = 300  # the whole session; it takes about 30 s


@dataclass(frozen=True)
class Block:
    line: int
    language: str
    words: frozenset[str]
    file: str | None
    body: str
    expected: str | None = None  # the output block that follows it

    @property
    def runnable(self) -> bool:
        return "runnable" in self.words

    @property
    def name(self) -> str:
        return f"README.md:{self.line}-{self.language}"


def readme_blocks() -> list[Block]:
    blocks: list[Block] = []
    for match in FENCE.finditer(README):
        language, *words = match["info"].split() or [""]
        options = dict(word.split("=", 1) for word in words if "=" in word)
        block = Block(
            line=README.count("\n", 0, match.start()) + 1,
            language=language if match["info"].strip() else "",
            words=frozenset(word for word in words if "=" not in word),
            file=options.get("file"),
            body=match["body"],
        )
        if "output" in block.words:
            assert blocks and blocks[-1].runnable, f"{block.name}: an output block follows no runnable block"
            blocks[-1] = replace(blocks[-1], expected=block.body)
        blocks.append(block)
    return blocks


BLOCKS = readme_blocks()
RUNNABLE = [b for b in BLOCKS if b.runnable]


def test_the_marks_are_well_formed() -> None:
    assert {b.language for b in RUNNABLE} == {"bash", "python"}
    assert all(b.words <= {"runnable", "shared", "output"} for b in BLOCKS)
    assert [b.file for b in BLOCKS if b.file] == ["my-patterns/units.jsonl", "my-patterns/west-africa.jsonl"]
    for block in BLOCKS:
        if block.language in ("bash", "python") and not block.runnable:
            # what is left unmarked cannot run offline in a copy of the corpus: installing,
            # and the development checks of the repository itself
            assert re.search(r"pip install|\bruff\b", block.body), f"{block.name} should be marked runnable"


DRIVER = r"""
import contextlib, io, json, subprocess, sys, time, traceback
from pathlib import Path

def main():
    steps = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    results, namespace = [], {"__name__": "__readme__"}
    for step in steps:
        started = time.monotonic()
        if step["kind"] == "file":
            path = Path(step["path"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(step["body"], encoding="utf-8")
            continue
        if step["kind"] == "bash":
            done = subprocess.run(["bash", "-euo", "pipefail", "-c", step["body"]], capture_output=True, text=True)
            status, out, err = done.returncode, done.stdout, done.stderr
        else:
            out, err = io.StringIO(), io.StringIO()
            status = 0
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    exec(compile(step["body"], step["name"], "exec"), namespace)
                except BaseException:
                    traceback.print_exc()
                    status = 1
            out, err = out.getvalue(), err.getvalue()
        seconds = round(time.monotonic() - started, 2)
        results.append({"name": step["name"], "status": status, "stdout": out, "stderr": err, "seconds": seconds})
        Path(sys.argv[2]).write_text(json.dumps(results), encoding="utf-8")
        if status:
            break

if __name__ == "__main__":
    main()
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every marked block run once, in README order; each block's result by its name."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("claims", path=str(bin_dir)) is None:
        pytest.skip("no installed 'claims' beside this Python")
    root = tmp_path_factory.mktemp("readme")
    work = root / "work"
    work.mkdir()
    for folder in ("corpus", "outputs"):
        shutil.copytree(ROOT / folder, work / folder)
    shared = (SHARED / "eval" / "dev" / "articles").is_dir()
    if shared:
        (root / "shared").symlink_to(SHARED, target_is_directory=True)
    steps = [
        {"kind": "file", "path": b.file, "body": b.body, "name": b.name}
        if b.file
        else {"kind": b.language, "body": b.body, "name": b.name}
        for b in BLOCKS
        if (b.file or b.runnable) and (shared or "shared" not in b.words)
    ]
    (root / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    (root / "driver.py").write_text(DRIVER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run(
        [sys.executable, str(root / "driver.py"), str(root / "steps.json"), str(root / "results.json")],
        cwd=work, env=env, timeout=SESSION_SECONDS, check=True,
    )  # fmt: skip
    results = json.loads((root / "results.json").read_text(encoding="utf-8"))
    return {result["name"]: result for result in results}


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


@pytest.mark.parametrize("block", RUNNABLE, ids=lambda block: block.name)
def test_the_readme_example_runs_as_written(block: Block, session: dict[str, dict[str, Any]]) -> None:
    if "shared" in block.words and not (SHARED / "eval" / "dev" / "articles").is_dir():
        pytest.skip("../shared (the dev set) is not present")
    assert block.name in session, "not run: a block before it failed"
    result = session[block.name]
    assert result["status"] == 0, result["stdout"] + result["stderr"]
    if block.expected is not None:
        assert _lines(result["stdout"]) == _lines(block.expected)
