"""Extraction in worker processes (``--jobs N``) that a dying worker cannot bring down.

The parent plans the jobs (``extract.plan_jobs``: a file, a JSONL line, an article) and
hands them out as workers free up, a few at a time, so reading files (a PDF's text is
costly) and extracting both run in the workers while the parent writes. Each worker
gives back each job's outcome with its claims already serialized when the run writes
files (``writers.render_claims``): strings and rows, quick to send, and the parent does
no work per claim but writing.

Each worker builds the pipeline once: a forked worker (Linux up to Python 3.13) starts
with the parent's ``nlp`` as it is, a worker started by a forkserver or spawned rebuilds
it from the parent's serialized ``nlp`` (its config and ``to_bytes``, so no pattern folder
is read again). Jobs are extracted under the same time budget per article as a run in
one process. The parent always knows which jobs each worker holds, so when a worker dies
(killed, out of memory, a crash in a library), only its job is affected: it is retried
in a new worker, and a job that kills its worker twice is left out with an ``E403``
problem; the jobs the worker had not begun are given to others. The run goes on.

Workers die with their parent: on Linux through ``PR_SET_PDEATHSIG``, elsewhere through
a thread that watches the parent process, so a killed run leaves no worker behind.
Outcomes are given back in planned order, whatever order the workers finish in.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from spacy.language import Language

from .errors import Code, Problem, problem
from .extract import FinishLine, Job, JobOptions, Outcome, Planned, ReadFile, Reused, run_job
from .ingest import SourceArticle
from .records import Claim

START_METHOD: str | None = None  # the platform's default (fork on Linux up to Python 3.13, then forkserver)
JOBS_HELD = 2  # jobs a worker holds: one it works on, one waiting, so it never waits for the parent
AHEAD = 64  # outcomes the parent keeps waiting for an earlier one before it hands out more jobs
ATTEMPTS = 2  # a job whose worker dies this many times is left out
WATCH_SECONDS = 5.0  # how often the parent looks for a stuck worker
STUCK_FACTOR, STUCK_MARGIN_SECONDS = 3, 60.0  # a job may take 3 budgets to read and 3 to extract, and a minute


@dataclass
class _Task:
    number: int  # its place in the planned order
    job: Job
    attempts: int = 0


@dataclass(frozen=True)
class _PipelineState:
    config: str
    data: bytes


def extract_in_workers(
    nlp: Language, articles: Iterable[SourceArticle], *, jobs: int, budget: float | None
) -> Iterator[tuple[SourceArticle, list[Claim], list[Problem]]]:
    """Like ``extract.extract_articles`` in one process, with ``jobs`` worker processes."""
    planned = ((item, item) for item in articles)
    for item, outcome in run_in_workers(nlp, planned, JobOptions(budget=budget), jobs=jobs):
        if outcome.articles:
            [extracted] = outcome.articles
            yield item, extracted.claims, extracted.problems
        else:
            yield item, [], outcome.problems


def run_in_workers(
    nlp: Language, planned: Iterable[tuple[Any, Planned]], options: JobOptions, *, jobs: int
) -> Iterator[tuple[Any, Outcome]]:
    """Each planned job's key and outcome, in planned order, the jobs done by ``jobs`` workers
    (a ``Reused`` outcome is passed on in its place, never sent to a worker)."""
    pool = _Pool(nlp, options, jobs)
    try:
        yield from pool.run(iter(planned))
    finally:
        pool.close()


class _Pool:
    """Workers, each with the jobs it holds; a dead worker's jobs are retried or reported."""

    def __init__(self, nlp: Language, options: JobOptions, size: int) -> None:
        self.size = size
        self.options = options
        self.context = multiprocessing.get_context(START_METHOD)
        forked = self.context.get_start_method() == "fork"
        self.pipeline: Language | _PipelineState = (
            nlp if forked else _PipelineState(nlp.config.to_str(), nlp.to_bytes())
        )  # a forked worker has the parent's nlp as it is: nothing to serialize or rebuild
        self.workers: list[_Worker] = []

    def run(self, planned: Iterator[tuple[Any, Planned]]) -> Iterator[tuple[Any, Outcome]]:
        keys: dict[int, Any] = {}
        done: dict[int, Outcome] = {}
        retries: deque[_Task] = deque()
        numbers = iter(range(1 << 62))
        following = 0
        exhausted = False

        def next_task() -> _Task | None:
            nonlocal exhausted
            if retries:
                return retries.popleft()
            while not exhausted and len(done) < AHEAD:
                try:
                    key, job = next(planned)
                except StopIteration:
                    exhausted = True
                    return None
                number = next(numbers)
                keys[number] = key
                if job is None or isinstance(job, Reused):
                    done[number] = Outcome([], []) if job is None else job.outcome
                    continue
                return _Task(number, job)
            return None

        while True:
            self._hand_out(next_task)
            busy = [w for w in self.workers if w.held]
            if busy:
                sockets = [w.connection for w in busy] + [w.process.sentinel for w in busy]
                ready = set(wait(sockets, timeout=WATCH_SECONDS))
                for worker in busy:
                    worker.stop_if_stuck(self.options.budget)
                for worker in busy:
                    if worker.connection not in ready and worker.process.sentinel not in ready:
                        continue
                    while (answer := worker.take()) is not None:  # every answer it sent, even just before it died
                        task, outcome = answer
                        done[task.number] = outcome
                    if not worker.process.is_alive():
                        self._bury(worker, retries, done)
            elif exhausted and not retries and not done:
                break
            while following in done:
                yield keys.pop(following), done.pop(following)
                following += 1

    def _hand_out(self, next_task: Any) -> None:
        """Give each worker jobs up to ``JOBS_HELD``, starting workers while jobs wait."""
        while True:
            idle = [w for w in self.workers if not w.held]
            if not idle and len(self.workers) < self.size:
                task = next_task()
                if task is None:
                    return
                worker = _Worker(self.context, self.pipeline, self.options)
                self.workers.append(worker)
                worker.give(task)
                continue
            open_ = sorted((w for w in self.workers if len(w.held) < JOBS_HELD), key=lambda w: len(w.held))
            if not open_:
                return
            task = next_task()
            if task is None:
                return
            open_[0].give(task)

    def _bury(self, worker: _Worker, retries: deque[_Task], done: dict[int, Outcome]) -> None:
        """A worker died: its current job is retried or reported, the ones it had not begun go back."""
        reason = worker.death()
        self.workers.remove(worker)
        worker.close()
        if not worker.held:
            return
        current, *waiting = worker.held
        retries.extendleft(reversed(waiting))
        current.attempts += 1
        if current.attempts < ATTEMPTS:
            retries.appendleft(current)
        else:
            done[current.number] = Outcome([job_lost(current.job, reason)], [])

    def close(self) -> None:
        """Ask every worker to stop, give them two seconds together, then kill what still runs."""
        for worker in self.workers:
            worker.ask_to_stop()
        deadline = time.monotonic() + 2
        for worker in self.workers:
            worker.close(max(0.0, deadline - time.monotonic()))
        self.workers.clear()


def job_lost(job: Job, reason: str) -> Problem:
    """E403 for a job that killed its worker every time: the file, line or article."""
    if isinstance(job, ReadFile):
        return problem(Code.E403, str(job.entry.path), reason=reason)
    if isinstance(job, FinishLine):
        return problem(Code.E403, job.raw.source, job.raw.line, reason=reason)
    return problem(Code.E403, job.article.source, job.line, reason=reason)


class _Worker:
    """One worker process and the jobs it holds, the first the one it works on."""

    def __init__(self, context: Any, pipeline: Language | _PipelineState, options: JobOptions) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, pipeline, options, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.held: deque[_Task] = deque()
        self.since = 0.0  # when it began the job it works on
        self.stuck = False

    def give(self, task: _Task) -> None:
        if not self.held:
            self.since = time.monotonic()
        self.held.append(task)
        with contextlib.suppress(BrokenPipeError, OSError):  # a worker already gone: its sentinel says so
            self.connection.send(task.job)

    def stop_if_stuck(self, budget: float | None) -> None:
        """Kill the worker when its job has run far past what the budget allows (stuck where
        the budget's alarm cannot reach, in C code); the job is then retried like a death."""
        if budget is None or not self.held or self.stuck:
            return
        if time.monotonic() - self.since > STUCK_FACTOR * budget * 2 + STUCK_MARGIN_SECONDS:
            self.stuck = True
            self.process.kill()

    def take(self) -> tuple[_Task, Outcome] | None:
        """The outcome of the job it works on, or None when there is none (yet, or it died)."""
        try:
            if not self.held or not self.connection.poll():
                return None
            outcome: Outcome = self.connection.recv()
        except (EOFError, OSError):
            return None
        task = self.held.popleft()
        self.since = time.monotonic()
        return task, outcome

    def death(self) -> str:
        self.process.join(timeout=5)
        if self.stuck:
            return "it ran far past the time budget and was stopped"
        code = self.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return f"killed by {signal.Signals(-code).name}"
        return f"exit status {code}" if code is not None else "it stopped answering"

    def ask_to_stop(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.connection.send(None)

    def close(self, grace: float = 2.0) -> None:
        """Stop the worker: asked to, it ends after ``grace`` seconds at most, else it is killed."""
        self.ask_to_stop()
        self.process.join(timeout=grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.connection.close()


# -- inside a worker -------------------------------------------------------------------
def _serve(connection: Connection, pipeline: Language | _PipelineState, options: JobOptions, parent: int) -> None:
    """A worker's life: have the pipeline, then do every job it is sent."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if isinstance(pipeline, Language):
        nlp = pipeline
    else:
        from spacy.util import load_model_from_config
        from thinc.api import Config

        nlp = load_model_from_config(Config().from_str(pipeline.config))
        nlp.from_bytes(pipeline.data)
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        if job is None:
            return
        connection.send(run_job(nlp, job, options))


def _die_with_parent(parent: int) -> None:
    """End this process when the parent process (the run, whichever process started the
    worker: fork, spawn or a forkserver) ends, however it ends."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: Linux only, and only for a forked worker
    starter = os.getppid()  # the run itself, or the forkserver that started the worker for it
    if not _alive(parent):  # the run ended before the worker was up
        os._exit(1)

    def watch() -> None:
        while os.getppid() == starter and _alive(parent):
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    """Does process ``pid`` still run?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
