"""A wall-clock safety net for the bounded-cost tests: a test whose cost grew again fails
after a generous time instead of hanging the suite. The tests themselves assert on results
and on counts of work, never on speed."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def wall_clock_guard(seconds: float = 60.0) -> Iterator[None]:
    """Raise ``TimeoutError`` in the block once it has run for ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds:.0f} s: the cost is no longer linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
