"""ui/tasks.py: parts sent by background work reach the window a slice at a time, and before the end."""

from __future__ import annotations

import threading
import time
from functools import partial

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer  # noqa: E402

from ui.tasks import DELIVER_SLICE, Task  # noqa: E402

PARTS = 200
HANDLER_SECONDS = 0.004  # each part costs the window this long (a printer strip costs 1-10 ms)


def send_parts(progress, sent: threading.Event, count: int = PARTS) -> str:
    for n in range(count):
        progress.send(n)
    sent.set()
    return "sent"


def test_a_burst_of_parts_is_handled_across_turns_of_the_event_loop(qtbot, qapp):
    """200 parts already waiting (the window was busy while they came) do not become one 0.8 s stall:
    between two parts handled more than a slice apart, the event loop turns."""
    sent = threading.Event()
    task = Task(partial(send_parts, sent=sent))  # a thread, no credit window: all 200 arrive at once
    seen: list[int] = []
    events: list[tuple[str, float]] = []

    def handle(part: int) -> None:
        seen.append(part)
        events.append(("part", time.perf_counter()))
        end = time.perf_counter() + HANDLER_SECONDS
        while time.perf_counter() < end:
            pass

    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: events.append(("turn", time.perf_counter())))
    task.delivered.connect(handle)
    task.succeeded.connect(lambda result: events.append(("end", time.perf_counter())))
    task.start()
    assert sent.wait(30)  # the worker has sent everything: the parts wait in the event queue, all at once
    ticker.start()
    qtbot.waitUntil(lambda: task.state == "done", timeout=30000)
    ticker.stop()

    assert seen == list(range(PARTS))  # every part, in the order sent
    kinds = [kind for kind, _ in events]
    assert kinds.index("end") > max(i for i, k in enumerate(kinds) if k == "part")  # the end after the parts
    # parts handled without the event loop turning in between: about a slice's worth, never the burst
    # (counted, not timed: a busy machine that preempts us only makes the runs shorter)
    runs, run = [], 0
    for kind in kinds:
        if kind == "part":
            run += 1
        elif run:
            runs.append(run)
            run = 0
    runs.append(run)
    assert max(runs) <= DELIVER_SLICE / HANDLER_SECONDS + 1, runs
    assert len(runs) >= PARTS / (DELIVER_SLICE / HANDLER_SECONDS + 1)


def test_parts_still_waiting_are_dropped_on_cancel(qtbot, qapp):
    sent = threading.Event()
    task = Task(partial(send_parts, sent=sent))
    seen: list[int] = []
    task.delivered.connect(lambda part: (seen.append(part), task.cancel() if part == 10 else None))
    task.start()
    assert sent.wait(30)
    qtbot.waitUntil(lambda: not task.running, timeout=30000)
    assert task.state == "cancelled"
    assert seen == list(range(11))  # nothing handed on after the cancel
