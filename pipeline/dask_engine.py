"""Extraction on a ``dask.distributed`` cluster (``claims extract --engine dask``).

The batch is planned here, as for a run on this machine (``extract.plan_jobs``: a file is
one job, a JSONL line one job), and the jobs go to the cluster in partitions of a few
jobs (``PARTITION_JOBS``, at most ``PARTITION_BYTES`` of input). Each worker thread
builds the pipeline once, from the serialized ``nlp`` (its config and ``to_bytes``,
sent to each worker once per run), so a worker needs no pattern folder, and keeps
it for the next partition; each partition comes back as its jobs' outcomes with the
claims already serialized (``writers.render_claims``, as ``--jobs`` workers send them),
and they are written here by the same writers, in planned order: the outputs are the
same, byte for byte, as a run on this machine.

Workers are sent the files' bytes, read here (a JSONL line's job carries its text), so
they need no shared file system: any cluster will do, at the cost of sending every
input over the network once. A file this process cannot read is reported here exactly
as its reader reports it (``E102``); a file of a type no reader takes is sent without
its bytes and the worker reports ``E101``.

No more tasks are on the cluster than it has worker threads, and at most
``PARTITIONS_PER_THREAD`` partitions per thread are out or waiting to be written, so
memory stays bounded whatever the batch. A worker that dies
(killed, out of memory) loses its partitions, and the scheduler runs them again on
others (up to its ``distributed.scheduler.allowed-failures``); a partition it gives up
on is run again one job per task, and a job that still kills its workers is left out
with ``E403``, as with ``--jobs``.

dask is an optional extra (``pip install "policy-claims[dask]"``): without it the engine
is ``E501``; a scheduler it cannot reach is ``E502``, a cluster lost during the run
``E503``.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any

from spacy.language import Language

from .errors import ClaimsError, Code, Problem, describe, problem
from .extract import NOTHING, FinishLine, Job, JobOptions, Outcome, Planned, ReadFile, Reused, run_job
from .ingest import READERS, read_file_bytes
from .workers import job_lost

PARTITION_JOBS = 8  # jobs in one task: enough to make a task's overhead small, few enough to spread a folder
PARTITION_BYTES = 4 << 20  # input bytes in one task (a partition of big PDFs holds fewer of them)
PARTITIONS_PER_THREAD = 2  # partitions on the cluster or waiting to be written, per worker thread
CONNECT_SECONDS = 10.0  # to reach a scheduler
WORKER_SECONDS = 60.0  # for a scheduler's first worker (an adaptive cluster starts them on demand)
INSTALL_HINT = 'pip install "policy-claims[dask]"'


def require_dask() -> None:
    """Raise ``E501`` (with how to install it) when ``dask.distributed`` cannot be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ClaimsError(problem(Code.E501, reason=describe(exc), install=INSTALL_HINT)) from None


# -- inside a worker -------------------------------------------------------------------
@dataclass(frozen=True)
class PipelineState:
    """What a worker builds the pipeline from: the ``nlp``'s config and bytes, their digest, and
    the digest of the code that made them (``incremental.code_fingerprint``: the package's
    sources and the libraries' versions), which the worker's own code must match."""

    digest: str
    config: str
    data: bytes
    code: str = ""

    @classmethod
    def of(cls, nlp: Language) -> PipelineState:
        from .incremental import code_fingerprint

        config, data = nlp.config.to_str(), nlp.to_bytes()
        digest = hashlib.sha256(config.encode() + b"\0" + data).hexdigest()
        return cls(digest, config, data, code_fingerprint())


_BUILT = threading.local()  # per worker thread: (digest, nlp) of the last pipeline built


def pipeline_of(state: PipelineState) -> Language:
    """The pipeline of ``state``, built once per worker thread and kept for the next partitions."""
    built: tuple[str, Language] | None = getattr(_BUILT, "pipeline", None)
    if built is not None and built[0] == state.digest:
        return built[1]
    from .incremental import code_fingerprint

    here = code_fingerprint()
    if state.code and state.code != here:  # other code would give other claims, silently
        raise ClaimsError(problem(Code.E504, worker=here[:12], here=state.code[:12]))
    from spacy.util import load_model_from_config
    from thinc.api import Config

    nlp = load_model_from_config(Config().from_str(state.config))
    nlp.from_bytes(state.data)
    _BUILT.pipeline = (state.digest, nlp)
    return nlp


def _given(state: PipelineState) -> PipelineState:
    """The state as a task's result: sent to the cluster once, and made again (not lost) when its worker dies."""
    return state


def run_partition(state: PipelineState, jobs: list[Job], options: JobOptions) -> list[Outcome]:
    """A task on a worker: the outcomes of ``jobs``, in their order."""
    nlp = pipeline_of(state)
    return [run_job(nlp, job, options) for job in jobs]


# -- here, where the batch is planned and written ---------------------------------------
@dataclass
class _Partition:
    number: int
    keys: list[Any] = field(default_factory=list)
    outcomes: list[Outcome | None] = field(default_factory=list)  # None: the cluster's to give
    jobs: list[Job] = field(default_factory=list)  # the jobs sent, for the outcomes that are None
    places: list[int] = field(default_factory=list)  # where each sent job's outcome goes in ``outcomes``
    size: int = 0

    @property
    def complete(self) -> bool:
        return all(outcome is not None for outcome in self.outcomes)


def _shipped(job: Job) -> tuple[Job | None, Outcome | None]:
    """The job as a worker gets it (a file with its bytes) or, when the file cannot be read
    here, its outcome (the reader's ``E102``)."""
    if not isinstance(job, ReadFile) or job.data is not None or job.entry.path.suffix.lower() not in READERS:
        return job, None
    data = read_file_bytes(job.entry.path)
    if isinstance(data, Problem):
        return None, Outcome([data], [])
    return replace(job, data=data), None


def _size(job: Job) -> int:
    if isinstance(job, ReadFile):
        return len(job.data or b"")
    if isinstance(job, FinishLine):
        return len(job.raw.text)
    return len(job.article.text)


def partitions(
    planned: Iterable[tuple[Any, Planned]], *, jobs: int = PARTITION_JOBS, size: int = PARTITION_BYTES
) -> Iterator[_Partition]:
    """The planned jobs in partitions of at most ``jobs`` jobs to send and about ``size`` bytes
    of input, each with the outcomes known here (a job of nothing, an outcome an incremental
    run reuses, a file that cannot be read)."""
    numbers = itertools.count()
    current = _Partition(next(numbers))
    for key, job in planned:
        shipped: Job | None
        outcome: Outcome | None
        if job is None or isinstance(job, Reused):
            shipped, outcome = None, NOTHING if job is None else job.outcome
        else:
            shipped, outcome = _shipped(job)
        if shipped is not None and current.jobs and (len(current.jobs) >= jobs or current.size >= size):
            yield current
            current = _Partition(next(numbers))
        current.keys.append(key)
        current.outcomes.append(outcome)
        if shipped is not None:
            current.places.append(len(current.outcomes) - 1)
            current.jobs.append(shipped)
            current.size += _size(shipped)
    if current.keys:
        yield current


class DaskEngine:
    """Runs a batch's jobs on a dask cluster: the scheduler at ``scheduler``
    (``tcp://HOST:PORT``), or a ``LocalCluster`` of ``workers`` processes started here.

    ```python
    with DaskEngine(workers=2) as engine:
        for event in extract_files(paths, nlp, render=True, engine=engine): ...
    ```
    Raises ``ClaimsError``: ``E501`` without dask, ``E502`` when the scheduler cannot be
    reached (within ``connect_seconds``, by default ``CONNECT_SECONDS``) or has no worker,
    ``E503`` when the run loses it.
    """

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int = 2,
        partition_jobs: int = PARTITION_JOBS,
        connect_seconds: float | None = None,
        quiet_logs: bool = True,
    ) -> None:
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.partition_jobs = max(1, partition_jobs)
        self.connect_seconds = CONNECT_SECONDS if connect_seconds is None else connect_seconds
        self.quiet_logs = quiet_logs
        self.client: Any = None
        self._cluster: Any = None

    # -- the cluster's lifetime --
    def __enter__(self) -> DaskEngine:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        require_dask()
        from distributed import Client, LocalCluster

        if self.quiet_logs:  # a worker's death is handled; dask's own lines would only alarm
            logging.getLogger("distributed").setLevel(logging.CRITICAL)
        if self.scheduler is None:
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.CRITICAL if self.quiet_logs else logging.WARNING,
            )  # fmt: skip
            self.client = Client(self._cluster, set_as_default=False)
            return
        try:
            self.client = Client(self.scheduler, timeout=self.connect_seconds, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:  # unreachable, refused, not an address
            raise ClaimsError(problem(Code.E502, address=self.scheduler, reason=describe(exc))) from None
        try:
            self.client.wait_for_workers(1, timeout=WORKER_SECONDS)
        except (OSError, TimeoutError) as exc:
            self.close()
            reason = f"no worker joined it within {WORKER_SECONDS:g} s ({describe(exc)})"
            raise ClaimsError(problem(Code.E502, address=self.scheduler, reason=reason)) from None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    # -- a run --
    def threads(self) -> int:
        """Worker threads on the cluster now (at least one)."""
        return max(1, sum(self.client.nthreads().values()))

    def __call__(
        self, nlp: Language, planned: Iterable[tuple[Any, Planned]], options: JobOptions
    ) -> Iterator[tuple[Any, Outcome]]:
        """Each planned job's key and outcome, in planned order (an ``extract.Engine``)."""
        if self.client is None:
            self.start()
        try:
            yield from _Run(self, nlp, planned, options).outcomes()
        except (OSError, TimeoutError) as exc:  # the connection to the scheduler broke
            raise self._lost(exc) from None

    def _lost(self, exc: BaseException | None) -> ClaimsError:
        where = self.scheduler or "the LocalCluster"
        reason = describe(exc) if exc is not None else "its tasks were cancelled"
        return ClaimsError(problem(Code.E503, address=where, reason=reason))


@dataclass(frozen=True)
class _Task:
    partition: int
    places: list[int]  # which of the partition's sent jobs it runs
    attempt: int = 0  # how many times the scheduler gave up on these jobs already


class _Run:
    """One batch on the cluster: partitions sent as worker threads free up, outcomes given in order.

    No more tasks are on the cluster than it has threads, so a worker holds only the tasks
    it runs and a death counts against them alone, not against tasks queued behind them;
    at most ``PARTITIONS_PER_THREAD`` partitions per thread are sent or wait to be written.
    """

    def __init__(
        self, engine: DaskEngine, nlp: Language, planned: Iterable[tuple[Any, Planned]], options: JobOptions
    ) -> None:
        from distributed import as_completed

        self.engine, self.client, self.options = engine, engine.client, options
        self.run = uuid.uuid4().hex[:12]
        # a task's result rather than scattered data: should every worker holding it die, it is made again
        self.state = self.client.submit(_given, PipelineState.of(nlp), key=f"claims-pipeline-{self.run}", pure=False)
        self.source = partitions(planned, jobs=engine.partition_jobs)
        self.held: dict[int, _Partition] = {}  # sent or waiting to be written, by number
        self.tasks: dict[str, _Task] = {}  # on the cluster, by key
        self.waiting: deque[_Task] = deque()  # to send when a thread frees up
        self.finished = as_completed(loop=self.client.loop)
        self.threads = engine.threads()

    def outcomes(self) -> Iterator[tuple[Any, Outcome]]:
        following = 0
        try:
            self._send()
            while self.held:
                partition = self.held.get(following)
                if partition is not None and partition.complete:
                    del self.held[following]
                    following += 1
                    for key, outcome in zip(partition.keys, partition.outcomes, strict=True):
                        assert outcome is not None
                        yield key, outcome
                    self._send()
                    continue
                future = next(self.finished)
                self._take(self.tasks.pop(future.key), future)
                self.threads = self.engine.threads()  # workers come and go
                self._send()
        finally:
            for future in list(self.finished.futures):
                future.cancel()
            self.state.cancel()

    def _send(self) -> None:
        limit = PARTITIONS_PER_THREAD * self.threads
        while len(self.tasks) < self.threads:
            if self.waiting:
                self._submit(self.waiting.popleft())
                continue
            if len(self.held) >= limit or (partition := next(self.source, None)) is None:
                return
            self.held[partition.number] = partition
            if partition.jobs:
                self._submit(_Task(partition.number, list(range(len(partition.jobs)))))

    def _submit(self, task: _Task) -> None:
        partition = self.held[task.partition]
        key = f"claims-{self.run}-{task.partition}-{task.places[0]}-{len(task.places)}-{task.attempt}"
        jobs = [partition.jobs[place] for place in task.places]
        future = self.client.submit(
            run_partition, self.state, jobs, self.options, key=key, pure=False, priority=-task.partition
        )
        self.tasks[key] = task
        self.finished.add(future)

    def _take(self, task: _Task, future: Any) -> None:
        """Put a finished task's outcomes into their places. A task the scheduler gave up on
        (its workers died) is run again one job per task; a job it gives up on alone is left
        out with E403."""
        from distributed import KilledWorker

        partition = self.held[task.partition]
        if future.status == "finished":
            outcomes = future.result()
        elif future.status == "error" and isinstance(future.exception(), KilledWorker):
            if len(task.places) > 1 or task.attempt == 0:
                self.waiting.extend(_Task(task.partition, [place], task.attempt + 1) for place in task.places)
                return
            reason = "the dask scheduler gave up on it after its workers died running it"
            outcomes = [Outcome([job_lost(partition.jobs[task.places[0]], reason)], [])]
        elif future.status == "error":
            raise future.exception()  # a bug in a job, as it would be in this process
        else:
            raise self.engine._lost(None)
        for place, outcome in zip(task.places, outcomes, strict=True):
            partition.outcomes[partition.places[place]] = outcome
