"""The time budget outside the main thread (dask runs its tasks in threads): an alarm that
fires at any moment, even before it is armed, is always stopped, so none reaches later code."""

from __future__ import annotations

import threading
import time

from pipeline.budget import BudgetExceeded, Deadline, time_budget


def _in_a_thread(work: object) -> list[str]:
    events: list[str] = []

    def run() -> None:
        try:
            work(events)  # type: ignore[operator]
        except BaseException as exc:  # a stray alarm after the budgets is what this test looks for
            events.append(f"escaped: {type(exc).__name__}")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "the thread hung"
    return events


def test_budgets_that_fire_at_once_never_reach_later_code() -> None:
    def work(events: list[str]) -> None:
        for _ in range(300):
            try:
                with time_budget(0.0001):
                    sum(range(2000))
            except BudgetExceeded:
                events.append("stopped")
            deadline = Deadline(0.0001)
            try:
                deadline.start()
                sum(range(2000))
            except BudgetExceeded:
                events.append("stopped")
            finally:
                deadline.stop()
        started = time.monotonic()
        while time.monotonic() - started < 1.5:  # a stray alarm repeats once a second
            sum(range(1000))
        events.append("done")

    events = _in_a_thread(work)
    assert events[-1] == "done" and not any(e.startswith("escaped") for e in events), events[-3:]


def test_a_budget_in_a_thread_stops_long_work() -> None:
    def work(events: list[str]) -> None:
        try:
            with time_budget(0.2):
                while True:
                    sum(range(1000))
        except BudgetExceeded:
            events.append("stopped")

    assert _in_a_thread(work) == ["stopped"]
