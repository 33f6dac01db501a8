"""The working side of ui/tasks.py: what long work sees, on a worker thread or in a worker process.

The work is called as `func(progress)`. `progress(done, total, step, **fields)`
moves the bar and names the step (an English template marked with N_(), put
into words on the UI thread); it raises Cancelled once the person asked to
stop, so work stops only where it reports, at a point where stopping is safe.
`progress.send(part)` hands a piece of the result over before the end (a
rasterised page), waiting while the UI is `window` pieces behind so memory
stays bounded.

This module imports no Qt: a worker process (multiprocessing "spawn") starts
in `serve` and sends everything back through a pipe.
"""

from __future__ import annotations

import os
import pickle
import traceback
from typing import Any, Callable


class Cancelled(Exception):
    """The person cancelled the work; not an error, so nobody is told about it."""


def N_(text: str) -> str:
    """Mark a step for the translation catalog; it is translated where it is shown."""
    return text


class Progress:
    """Handed to the work: report steps, hand over parts, notice a cancel."""

    def __init__(self, report: Callable[[int, int, str, dict], None], deliver: Callable[[Any], None],
                 cancelled: Callable[[], bool], credits: Any = None) -> None:
        self._report = report
        self._deliver = deliver
        self._cancelled = cancelled
        self._credits = credits

    def __call__(self, done: int, total: int = 0, step: str = "", **fields: Any) -> None:
        """Move the bar to done/total (total 0: no end known) and name the step; Cancelled if asked to stop."""
        self.check()
        self._report(int(done), int(total), step, fields)

    def check(self) -> None:
        """Raise Cancelled if the person asked to stop."""
        if self._cancelled():
            raise Cancelled()

    def send(self, part: Any) -> None:
        """Hand `part` to the UI now; waits while the UI has not taken the earlier ones."""
        if self._credits is not None:
            while not self._credits.acquire(timeout=0.1):
                self.check()
        self.check()
        self._deliver(part)


def outcome(func: Callable[[Progress], Any], progress: Progress) -> tuple[str, Any, str]:
    """Run the work: ("done", result, ""), ("cancelled", None, "") or ("failed", exception, traceback)."""
    try:
        return "done", func(progress), ""
    except Cancelled:
        return "cancelled", None, ""
    except Exception as exc:  # handed to the UI thread, which decides how to show it
        return "failed", exc, traceback.format_exc()


def serve(conn: Any, cancel: Any, credits: Any, func: Callable[[Progress], Any]) -> None:
    """Worker process: run `func`, sending ("progress", ...), ("part", part) and one final message."""
    if hasattr(os, "nice"):
        os.nice(4)  # the window, not the batch, gets the processor first when both want it
    progress = Progress(lambda done, total, step, fields: conn.send(("progress", done, total, step, fields)),
                        lambda part: conn.send(("part", part)), cancel.is_set, credits)
    kind, value, text = outcome(func, progress)
    try:
        conn.send((kind, value, text))
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        # a result or an exception that cannot cross the pipe still ends the task, as a failure
        conn.send(("failed", RuntimeError(f"{type(value).__name__}: {value} ({exc})"), text))
    conn.close()
