"""Real processes: two runs into one folder take turns (or refuse with E302), a killed
holder releases the folder, and a file-size limit (a full disk) is E301 with the previous
set intact."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.incremental import STATE_FILE
from pipeline.output_set import staging_prefix

from .conftest import FIXTURES, ROOT
from .fault_campaign import claims_command, signature

CORPUS = ROOT / "corpus"
HOLD = (
    "import sys, time; from pathlib import Path; from pipeline.output_set import folder_lock\n"
    "with folder_lock(Path(sys.argv[1])):\n"
    "    print('locked', flush=True); time.sleep(120)\n"
)


def _holder(out: Path) -> subprocess.Popen[str]:
    """Another process holding the folder's lock until it is killed."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "locked"
    return process


def _extract(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*claims_command(), "extract", str(source), "--out", str(out), "-q", *options],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.parent.iterdir() if p.name.startswith(staging_prefix(out))]


def test_a_second_run_refuses_with_e302_then_writes_once_the_holder_is_killed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = _holder(out)
    try:
        refused = _extract(CORPUS, out, "--no-wait")
        assert refused.returncode == 3, refused.stderr
        assert "E302" in refused.stderr and f"process {holder.pid}" in refused.stderr
        assert "Traceback" not in refused.stderr and not (out / "claims.json").exists()
    finally:
        holder.send_signal(signal.SIGKILL)  # the kernel drops the lock with the process
        holder.wait()
    done = _extract(CORPUS, out, "--no-wait")
    assert done.returncode == 0, done.stderr
    assert isinstance(signature(out), tuple) and _leftovers(out) == []


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = _holder(out)
    waiting = subprocess.Popen(
        [*claims_command(), "extract", str(CORPUS), "--out", str(out), "-q"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert waiting.stderr is not None
        line = waiting.stderr.readline()  # printed once the run reaches its writes
        assert "another run is writing to" in line and f"process {holder.pid}" in line and "waiting" in line
        time.sleep(0.2)
        assert waiting.poll() is None and not (out / "claims.json").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert waiting.wait(timeout=120) == 0
    assert isinstance(signature(out), tuple) and _leftovers(out) == []


def test_two_runs_at_once_into_one_folder_leave_one_whole_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runs = [
        subprocess.Popen([*claims_command(), "extract", str(source), "--out", str(out), "-q"], stderr=subprocess.PIPE)
        for source in (CORPUS, FIXTURES / "river-basin-release.txt")
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    for run in runs:
        assert run.stderr is not None
        run.stderr.close()
    found = signature(out)
    assert isinstance(found, tuple) and len(set(found[1])) == 1  # all of one run's articles
    assert _leftovers(out) == []


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so that a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no file-size limit here")
def test_a_full_disk_is_e301_and_keeps_the_previous_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _extract(FIXTURES / "river-basin-release.txt", out).returncode == 0
    (out / "report.html").write_text("mine")
    previous, state = signature(out), (out / STATE_FILE).read_bytes()
    full = subprocess.run(
        [*claims_command(), "extract", str(CORPUS), "--out", str(out), "-q"],
        capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size,
    )  # fmt: skip
    assert full.returncode == 3, full.stderr
    assert "E301" in full.stderr and "File too large" in full.stderr and "Traceback" not in full.stderr
    assert signature(out) == previous and (out / "report.html").read_text() == "mine"
    assert _leftovers(out) == [] and sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [STATE_FILE]
    assert (out / STATE_FILE).read_bytes() == state  # the state goes with its set
