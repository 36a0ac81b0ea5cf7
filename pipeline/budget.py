"""A time budget per article: a runaway input becomes a problem with a code, never a hang.

Every stage is meant to be near-linear in its input, so the budget is a safety net, not
the mechanism: it turns whatever still runs away (a pathological input nobody foresaw)
into an ``E402`` problem for that one article while the batch goes on.

It is a ``SIGALRM`` timer, so it works where signals do: in the main thread of a POSIX
process (the CLI's process and each worker of ``--jobs``). Elsewhere (another thread,
Windows) the budget is not enforced and the article simply takes as long as it takes.
"""

from __future__ import annotations

import signal
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


def enforceable() -> bool:
    """Whether a budget can interrupt work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class Deadline:
    """One armed budget at a time, started and stopped by hand (for work that spans a generator).

    ``start()`` arms the timer for the next piece of work, ``stop()`` disarms it; a
    ``BudgetExceeded`` raised in between belongs to that piece.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 and enforceable() else None
        self._previous: object = None
        self._armed = False

    def start(self) -> None:
        if self.seconds is None:
            return
        if not self._armed:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
            self._armed = True
        # after the first alarm, one a second: a library that swallows the exception
        # (many catch every Exception) gets it again until the work gives up
        signal.setitimer(signal.ITIMER_REAL, self.seconds, RETRY_SECONDS)

    def stop(self) -> None:
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
    deadline.start()
    try:
        yield
    finally:
        deadline.stop()
