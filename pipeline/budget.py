"""A time budget per article: a runaway input becomes a problem with a code, never a hang.

Every stage is meant to be near-linear in its input, so the budget is a safety net, not
the mechanism: it turns whatever still runs away (a pathological input nobody foresaw)
into an ``E402`` problem for that one article while the batch goes on.

In the main thread of a POSIX process (the CLI's process and each worker of ``--jobs``)
it is a ``SIGALRM`` timer. In another thread (a dask worker runs its tasks in threads)
it is a timer thread that raises the exception in the working thread through
``PyThreadState_SetAsyncExc``, which CPython delivers between two bytecodes, as it runs a
signal handler: either way, work stuck in one call of C code is stopped when the call
returns. Where neither is to be had (Windows' main thread) the budget is not enforced
and the article simply takes as long as it takes.
"""

from __future__ import annotations

import ctypes
import functools
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

RETRY_SECONDS = 1.0
DEFAULT_SECONDS = 120.0  # a typical article takes well under a second; a 1 MB one a few seconds


class BudgetExceeded(Exception):
    """Raised inside the work of one article when it runs over its time budget."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"over the time budget of {seconds:g} s")


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def enforceable() -> bool:
    """Whether a budget can interrupt work here (POSIX's main thread, or any other thread of CPython)."""
    if _in_main_thread():
        return hasattr(signal, "setitimer")
    return sys.implementation.name == "cpython"


@functools.cache
def _exceeded(seconds: float) -> type[BudgetExceeded]:
    """``BudgetExceeded`` for ``seconds`` as a class that takes no argument, which is what an
    exception raised in another thread must be."""

    def init(self: BudgetExceeded) -> None:
        BudgetExceeded.__init__(self, seconds)

    return type("BudgetExceeded", (BudgetExceeded,), {"__init__": init})


class _ThreadAlarm:
    """Raises ``BudgetExceeded`` in thread ``target`` after ``seconds``, then once a second,
    until cancelled. Made first and started by ``start()``, so that whoever holds it can
    cancel it whenever it fires (even before ``start()`` returns)."""

    def __init__(self, target: int, seconds: float) -> None:
        self.target = target
        self.exception = _exceeded(seconds)
        self.seconds = seconds
        self.lock = threading.Lock()
        self.cancelled = threading.Event()
        self.thread = threading.Thread(target=self._run, name="time-budget", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        wait = self.seconds
        while not self.cancelled.wait(wait):
            with self.lock:
                if self.cancelled.is_set():
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self.target), ctypes.py_object(self.exception)
                )
            wait = RETRY_SECONDS

    def cancel(self) -> None:
        with self.lock:
            self.cancelled.set()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.target), None)  # one not yet raised


class Deadline:
    """One armed budget at a time, started and stopped by hand (for work that spans a generator).

    ``start()`` arms the timer for the next piece of work, ``stop()`` disarms it; a
    ``BudgetExceeded`` raised in between belongs to that piece.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 and enforceable() else None
        self._previous: object = None
        self._armed = False
        self._alarm: _ThreadAlarm | None = None

    def start(self) -> None:
        if self.seconds is None:
            return
        if not _in_main_thread():
            self.stop()
            self._alarm = _ThreadAlarm(threading.get_ident(), self.seconds)
            self._alarm.start()  # held before it can fire: stop() can always cancel it
            return
        if not self._armed:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
            self._armed = True
        # after the first alarm, one a second: a library that swallows the exception
        # (many catch every Exception) gets it again until the work gives up
        signal.setitimer(signal.ITIMER_REAL, self.seconds, RETRY_SECONDS)

    def stop(self) -> None:
        while self._alarm is not None:
            try:
                self._alarm.cancel()
            except BudgetExceeded:  # raised just as the work ended: it ended within its budget
                continue
            self._alarm = None
        if self.seconds is None or not self._armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
        self._armed = False

    def _expire(self, signum: int, frame: object) -> None:
        assert self.seconds is not None
        raise BudgetExceeded(self.seconds)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in the body once it has run ``seconds``; ``None`` or 0: no budget."""
    deadline = Deadline(seconds)
    try:
        deadline.start()  # inside: an alarm that fires at once is still stopped
        yield
    finally:
        deadline.stop()
