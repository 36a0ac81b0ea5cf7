"""Extraction in worker processes (``--jobs N``) that a dying worker cannot bring down.

Each worker builds the pipeline once, from the parent's serialized ``nlp`` (its config
and ``to_bytes``, so no pattern folder is read again), then extracts the chunks of
articles it is sent with ``nlp.pipe``, under the same time budget per article as a run
in one process. The parent always knows which chunk each worker holds, so when a worker
dies (killed, out of memory, a crash in a library), only that chunk is affected: it is
retried in a new worker, one article at a time, and an article that kills its worker
twice is left out with an ``E403`` problem. The other articles and the run go on.

Workers die with their parent: on Linux through ``PR_SET_PDEATHSIG``, elsewhere through
a thread that watches the parent process, so a killed run leaves no worker behind.
Results are given back in input order, whatever order the workers finish in.
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
from .ingest import SourceArticle
from .records import Claim

START_METHOD: str | None = None  # the platform's default (fork on Linux up to Python 3.13, then forkserver)
ARTICLES_PER_CHUNK = 4  # small enough to balance two workers on a batch of a dozen articles
ATTEMPTS = 2  # an article whose worker dies this many times is left out
WATCH_SECONDS = 5.0  # how often the parent looks for a stuck worker
STUCK_FACTOR, STUCK_MARGIN_SECONDS = 3, 60.0  # a chunk may take 3 budgets per article and a minute
Result = tuple[int, list[Claim], list[Problem]]


@dataclass
class _Chunk:
    items: list[tuple[int, SourceArticle]]
    attempts: int = 0


@dataclass(frozen=True)
class _PipelineState:
    config: str
    data: bytes
    budget: float | None


def extract_in_workers(
    nlp: Language, articles: Iterable[SourceArticle], *, jobs: int, budget: float | None
) -> Iterator[tuple[SourceArticle, list[Claim], list[Problem]]]:
    """Like ``extract.extract_articles`` in one process, with ``jobs`` worker processes."""
    items = list(enumerate(articles))
    if not items:
        return
    state = _PipelineState(nlp.config.to_str(), nlp.to_bytes(), budget)
    chunks = deque(_Chunk(items[i : i + ARTICLES_PER_CHUNK]) for i in range(0, len(items), ARTICLES_PER_CHUNK))
    results: dict[int, tuple[list[Claim], list[Problem]]] = {}
    following = 0
    pool = _Pool(state, min(jobs, len(chunks)))
    try:
        for finished in pool.run(chunks):
            for index, claims, problems in finished:
                results[index] = (claims, problems)
            while following in results:
                claims, problems = results.pop(following)
                yield items[following][1], claims, problems
                following += 1
    finally:
        pool.close()


class _Pool:
    """Workers, each with the chunk it holds; a dead worker's chunk is retried or reported."""

    def __init__(self, state: _PipelineState, size: int) -> None:
        self.state = state
        self.size = size
        self.context = multiprocessing.get_context(START_METHOD)
        self.workers: list[_Worker] = []

    def run(self, chunks: deque[_Chunk]) -> Iterator[list[Result]]:
        """Results chunk by chunk, as workers finish them."""
        while chunks or any(w.chunk for w in self.workers):
            while len(self.workers) < self.size and chunks:
                self.workers.append(_Worker(self.context, self.state))
            for worker in self.workers:
                if worker.chunk is None and chunks:
                    worker.give(chunks.popleft())
            busy = [w for w in self.workers if w.chunk is not None]
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=WATCH_SECONDS))
            for worker in busy:
                worker.stop_if_stuck(self.state.budget)
            for worker in busy:
                if worker.connection not in ready and worker.process.sentinel not in ready:
                    continue
                done = worker.take()
                if done is not None:
                    yield done
                    continue
                chunk = worker.chunk
                assert chunk is not None
                reason = worker.death()
                self.workers.remove(worker)
                worker.close()
                lost = _retry(chunk, chunks, reason)
                if lost:
                    yield lost

    def close(self) -> None:
        """Ask every worker to stop, give them two seconds together, then kill what still runs."""
        for worker in self.workers:
            worker.ask_to_stop()
        deadline = time.monotonic() + 2
        for worker in self.workers:
            worker.close(max(0.0, deadline - time.monotonic()))
        self.workers.clear()


def _retry(chunk: _Chunk, chunks: deque[_Chunk], reason: str) -> list[Result]:
    """Put a dead worker's chunk back, one article per chunk; what died too often is lost."""
    chunk.attempts += 1
    if len(chunk.items) > 1:
        chunks.extendleft(reversed([_Chunk([item], chunk.attempts) for item in chunk.items]))
        return []
    if chunk.attempts < ATTEMPTS:
        chunks.appendleft(chunk)
        return []
    [(index, item)] = chunk.items
    return [(index, [], [problem(Code.E403, item.article.source, item.line, reason=reason)])]


class _Worker:
    """One worker process and the chunk it is working on."""

    def __init__(self, context: Any, state: _PipelineState) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, state, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.chunk: _Chunk | None = None
        self.given = 0.0
        self.stuck = False

    def give(self, chunk: _Chunk) -> None:
        self.chunk, self.given, self.stuck = chunk, time.monotonic(), False
        with contextlib.suppress(BrokenPipeError, OSError):  # a worker already gone: its sentinel says so
            self.connection.send(chunk.items)

    def stop_if_stuck(self, budget: float | None) -> None:
        """Kill the worker when its chunk has run far past what the budget allows (stuck where
        the budget's alarm cannot reach, in C code); the chunk is then retried like a death."""
        if budget is None or self.chunk is None or self.stuck:
            return
        allowed = STUCK_FACTOR * budget * len(self.chunk.items) + STUCK_MARGIN_SECONDS
        if time.monotonic() - self.given > allowed:
            self.stuck = True
            self.process.kill()

    def take(self) -> list[Result] | None:
        """The results of the chunk, or None when the worker died on it."""
        try:
            if not self.connection.poll():
                return None
            done: list[Result] = self.connection.recv()
        except (EOFError, OSError):
            return None
        self.chunk = None
        return done

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
def _serve(connection: Connection, state: _PipelineState, parent: int) -> None:
    """A worker's life: build the pipeline, then extract every chunk it is sent."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from spacy.util import load_model_from_config
    from thinc.api import Config

    from .extract import extract_articles

    nlp = load_model_from_config(Config().from_str(state.config))
    nlp.from_bytes(state.data)
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        if task is None:
            return
        index_of = {id(item): index for index, item in task}
        done = extract_articles(nlp, [item for _, item in task], jobs=1, budget=state.budget)
        connection.send([(index_of[id(item)], claims, problems) for item, claims, problems in done])


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
