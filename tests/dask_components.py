"""Components for tests/test_dask_engine.py that make a dask worker die, and the worker
plugin that registers them in every worker process (restarted ones too), which builds
its pipeline from a config naming them."""

from __future__ import annotations

import os
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

# the test's process, the first to import this module; the worker processes it starts inherit it
TEST_PROCESS = int(os.environ.setdefault("POLICY_CLAIMS_TEST_PROCESS", str(os.getpid())))
EXIT_ONCE = re.compile(r"EXIT-ONCE\[([^\]]+)\]")


@Language.component("test_dask_exit_once")
def exit_once(doc: Doc) -> Doc:
    """Ends the worker process the first time it sees a text naming a marker file
    (``EXIT-ONCE[/path]``): the marker is made first, so the run after the retry goes on."""
    for name in EXIT_ONCE.findall(doc.text):
        marker = Path(name)
        if not marker.exists() and os.getpid() != TEST_PROCESS:
            marker.touch()
            os._exit(1)
    return doc


@Language.component("test_dask_exit_always")
def exit_always(doc: Doc) -> Doc:
    """Ends the worker process every time it sees ``EXIT-ALWAYS``."""
    if "EXIT-ALWAYS" in doc.text and os.getpid() != TEST_PROCESS:
        os._exit(1)
    return doc


@Language.component("test_dask_spin")
def spin(doc: Doc) -> Doc:
    """Runs on and on (in Python, where a time budget can stop it) on texts saying ``SPIN``."""
    while "SPIN" in doc.text:
        sum(range(1000))
    return doc


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - the tests that need it are skipped
    WorkerPlugin = object


class RegisterComponents(WorkerPlugin):  # type: ignore[misc, valid-type]
    """Unpickling it in a worker imports this module, which registers the components."""

    name = "policy-claims-test-components"

    def setup(self, worker: object) -> None:
        assert Language.has_factory("test_dask_exit_once")
