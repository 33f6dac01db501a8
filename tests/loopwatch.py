"""How long the window's event loop went without turning, the one way every test measures it.

    with LoopWatch() as watch:          # a 5 ms timer; per turn: wall clock, the thread's CPU, its wait for a CPU
        ...run the event loop...
    watch.longest_own                   # wall clock less the wait for a CPU: what our code answers for
    watch.longest_cpu                   # the window thread's own CPU time at a stretch

The wait for a CPU comes from Linux (/proc/thread-self/schedstat): a test machine shared with other work
stretches the wall-clock gaps by whatever else runs there. The program freezes its start-up heap once its
window is up (ui.main.settle_heap); the heap here is the whole test run's, and a full collection of it in the
middle of a measurement took 0.34 s in CI: it is frozen the same way while the watch runs.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer


def runqueue_wait() -> float | None:
    """Seconds this thread has spent runnable but waiting for a CPU (Linux schedstat), or None."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as fh:
            return int(fh.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


class LoopWatch:
    """A 5 ms timer on the window thread; `on_tick(watch)` runs at each turn (to repaint something)."""

    def __init__(self, on_tick: Callable[["LoopWatch"], None] | None = None) -> None:
        self.on_tick = on_tick
        self.wall: list[float] = []  # seconds between turns
        self.own: list[float] = []  # the same, less the time the thread waited for a CPU
        self.cpu: list[float] = []  # the thread's own CPU time between turns
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.mark)
        self._last = (0.0, 0.0, 0.0)

    def _now(self) -> tuple[float, float, float]:
        return time.perf_counter(), time.thread_time(), runqueue_wait() or 0.0

    def __enter__(self) -> "LoopWatch":
        gc.collect()
        gc.freeze()
        self._last = self._now()
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()
        gc.unfreeze()

    def mark(self) -> None:
        """One turn (the timer's; also called around an action, which may block the loop itself)."""
        now = self._now()
        wall, cpu, waited = (b - a for a, b in zip(self._last, now))
        self.wall.append(wall)
        self.own.append(wall - waited)
        self.cpu.append(cpu)
        self._last = now
        if self.on_tick is not None:
            self.on_tick(self)

    @property
    def longest_own(self) -> float:
        return max(self.own, default=0.0)

    @property
    def longest_wall(self) -> float:
        return max(self.wall, default=0.0)

    @property
    def longest_cpu(self) -> float:
        return max(self.cpu, default=0.0)
