"""Long work off the UI thread, with a progress dialog; the work never touches widgets.

    run_task(parent, tr("Merging…"), lambda progress: merge(...), on_done=show, on_error=complain)

`progress(done, total)` may be called from the work to move the bar. The
result (or the exception) comes back on the UI thread. PDF page rendering
does not go through here: it runs in worker processes (ui/render.py), since
PyMuPDF holds the GIL while it renders.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import PanelReviewError

_running: list["_Task"] = []


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object, str)

    def __init__(self, func: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.func = func

    def run(self) -> None:
        try:
            result = self.func(lambda done, total: self.progressed.emit(int(done), int(total)))
        except Exception as exc:  # handed to the UI thread, which decides how to show it
            self.failed.emit(exc, traceback.format_exc())
            return
        self.finished.emit(result)


class _Task(QObject):
    def __init__(self, parent: QWidget | None, label: str, func, on_done, on_error) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.worker = _Worker(func)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.on_done, self.on_error = on_done, on_error
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        _running.append(self)
        self.thread.start()

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)

    def _end(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        if self in _running:
            _running.remove(self)

    def _finished(self, result: Any) -> None:
        self._end()
        if self.on_done:
            self.on_done(result)

    def _failed(self, exc: Exception, text: str) -> None:
        self._end()
        if isinstance(exc, PanelReviewError) and self.on_error:
            self.on_error(exc)
            return
        raise exc  # unexpected: the crash dialog takes it


def run_task(parent: QWidget | None, label: str, func: Callable[[Callable[[int, int], None]], Any], *,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[PanelReviewError], None] | None = None) -> _Task:
    """Run `func(progress)` on a worker thread behind a progress dialog."""
    task = _Task(parent, label, func, on_done, on_error)
    task.start()
    return task


def wait_all(timeout_ms: int = 30000) -> None:
    """Block until running tasks end (tests, and quitting)."""
    for task in list(_running):
        task.thread.wait(timeout_ms)
