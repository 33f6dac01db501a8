"""Long work off the UI thread, behind one progress dialog that names the current step.

    run_task(parent, tr("Merging…"), lambda progress: merge(...), on_done=show, on_error=complain)

The work gets a `Progress` (ui/background.py): `progress(done, total, step)`
moves the bar and names the step, and raises Cancelled once the person
pressed Cancel (offered only with `cancellable=True`), so work stops where it
is safe to. A cancel is not an error: nobody is told. The result, a
PanelReviewError (`on_error`, else a message box) or an unexpected exception
(the crash dialog) comes back on the UI thread; the work never touches widgets.

Python work runs on a worker thread: it lets go of the GIL every few
milliseconds, so the window keeps painting. PyMuPDF (drawing scanned pages,
rasterising sheets, joining PDFs) holds the GIL for as long as a page takes,
which stalls the window for hundreds of milliseconds even from a thread;
`process=True` runs such work in a worker process (multiprocessing "spawn",
like the page renderer in ui/render.py), whose `func` must then be picklable
(a module-level function or a functools.partial of one).

Parts the work sends before its end (`progress.send`, e.g. the printer's
strips) reach `delivered` a few milliseconds' worth per turn of the event
loop (DELIVER_SLICE): a burst that piled up while the machine was busy would
otherwise be handled in one go, and the window would stall for all of it.
"""

from __future__ import annotations

import atexit
import collections
import multiprocessing
import threading
import time
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.errors import PanelReviewError
from ui import background
from ui.background import Cancelled, Progress
from ui.i18n import tr

__all__ = ["Cancelled", "Progress", "ProgressDialog", "Task", "run_task", "stop_all", "wait_all", "with_dialog"]

SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up
DELIVER_SLICE = 0.008  # seconds of `delivered` handlers per turn of the event loop
_running: list["Task"] = []


def step_text(step: str, fields: dict) -> str:
    """A step template from the work, in the window's language."""
    if not step:
        return ""
    text = tr(step)
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return step.format(**fields)


class _Relay(QObject):
    """Lives on the task's thread: runs the work there, or waits there on the worker process."""

    progressed = Signal(int, int, str, object)  # done, total, step template, its fields
    delivered = Signal(object)
    ended = Signal(str, object, str)  # done | failed | cancelled, result or exception, traceback

    def __init__(self, task: "Task") -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        if self.task.in_process:
            self._run_process()
            return
        progress = Progress(lambda done, total, step, fields: self.progressed.emit(done, total, step, fields),
                            self.delivered.emit, self.task._cancel.is_set, self.task._credits)
        self.ended.emit(*background.outcome(self.task.func, progress))

    def _run_process(self) -> None:
        task = self.task
        receive, send = task._ctx.Pipe(duplex=False)
        worker = task._ctx.Process(target=background.serve, args=(send, task._cancel, task._credits, task.func),
                                   daemon=True, name="panelreview-task")
        try:
            worker.start()
        except Exception as exc:  # the work itself cannot be pickled, or no process can be started
            self.ended.emit("failed", exc, "")
            return
        send.close()  # so our end sees EOF when the worker dies
        task._worker = worker
        while True:
            try:
                message = receive.recv()  # blocks without the GIL
            except (EOFError, OSError):
                worker.join(1.0)
                self.ended.emit("failed", RuntimeError(f"the worker process stopped (exit code {worker.exitcode})"),
                                "")
                return
            if message[0] == "progress":
                self.progressed.emit(*message[1:])
            elif message[0] == "part":
                self.delivered.emit(message[1])
            else:
                break
        receive.close()
        worker.join(5.0)
        self.ended.emit(*message)


class Task(QObject):
    """One piece of long work on a worker thread (or in a worker process), reported back by signals."""

    progressed = Signal(int, int, str)  # done, total, the step in words
    delivered = Signal(object)  # a part sent before the end (progress.send)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception, the worker's traceback
    cancelled = Signal()

    def __init__(self, func: Callable[[Progress], Any], *, process: bool = False, window: int | None = None) -> None:
        super().__init__()
        self.func = func
        self.in_process = process
        self._worker: Any = None  # the worker process, while there is one
        self.state = "new"  # running | done | failed | cancelled
        self.result: Any = None
        self.error: BaseException | None = None
        if process:
            self._ctx = multiprocessing.get_context("spawn")
            self._cancel = self._ctx.Event()
            self._credits = self._ctx.Semaphore(window) if window else None
        else:
            self._cancel = threading.Event()
            self._credits = threading.Semaphore(window) if window else None
        self._thread = QThread()
        self._thread.setObjectName("panelreview-task")
        self._relay = _Relay(self)
        self._relay.moveToThread(self._thread)
        self._thread.started.connect(self._relay.run)
        self._relay.progressed.connect(self._progressed)
        self._relay.delivered.connect(self._arrived)
        self._relay.ended.connect(self._ended)
        # parts wait here and go out a slice at a time; the end waits for the parts before it
        self._parts: collections.deque = collections.deque()
        self._end: tuple | None = None
        self._pacer = QTimer(self)
        self._pacer.setSingleShot(True)
        self._pacer.setInterval(0)
        self._pacer.timeout.connect(self._deliver)

    def start(self) -> "Task":
        _running.append(self)
        self.state = "running"
        self._thread.start()
        return self

    @property
    def pid(self) -> int | None:
        """The worker process's id while it runs (process tasks)."""
        return self._worker.pid if self._worker is not None else None

    @property
    def running(self) -> bool:
        return self.state == "running"

    def cancel(self) -> None:
        """Ask the work to stop at its next report; it ends as cancelled."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def ack(self) -> None:
        """One part sent by the work has been dealt with: the work may send another."""
        if self._credits is not None:
            self._credits.release()

    def wait(self) -> Any:
        """Keep the event loop running until the task ends; its result, else raise its error or Cancelled."""
        if self.running:
            loop = QEventLoop()
            for signal in (self.succeeded, self.failed, self.cancelled):
                signal.connect(lambda *_: loop.quit())
            if self.running:
                loop.exec()
        if self.state == "cancelled":
            raise Cancelled()
        if self.state == "failed":
            raise self.error
        return self.result

    def join(self, timeout_ms: int = 30000) -> None:
        """Block (without the event loop) until the work has ended (tests, and quitting)."""
        self._thread.wait(timeout_ms)

    def _progressed(self, done: int, total: int, step: str, fields: dict) -> None:
        self.progressed.emit(done, total, step_text(step, fields or {}))

    def _arrived(self, part: Any) -> None:
        self._parts.append(part)
        if not self._pacer.isActive():
            self._pacer.start()

    def _deliver(self) -> None:
        """Hand on the parts waiting, for up to DELIVER_SLICE; the rest on the next turn of the event loop."""
        deadline = time.perf_counter() + DELIVER_SLICE
        while self._parts:
            if self._cancel.is_set():
                self._parts.clear()  # whoever asked for them has stopped wanting them
                break
            self.delivered.emit(self._parts.popleft())
            if time.perf_counter() >= deadline:
                break
        if self._parts:
            self._pacer.start()
        elif self._end is not None:
            end, self._end = self._end, None
            self._ended(*end)

    def _ended(self, kind: str, value: Any, text: str) -> None:
        if self._parts:  # the parts sent before the end are handled first
            self._end = (kind, value, text)
            return
        self._thread.quit()
        self._thread.wait()
        if self in _running:
            _running.remove(self)
        if kind == "done" and self._cancel.is_set():
            kind = "cancelled"  # asked to stop but it finished first: the person no longer wants it
        self.state = kind
        if kind == "done":
            self.result = value
            self.succeeded.emit(value)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            if text and self.in_process and hasattr(value, "add_note"):
                value.add_note("in the worker process:\n" + text)
            self.error = value
            self.failed.emit(value, text)


class ProgressDialog(QDialog):
    """What is being done, the step it is at and how far; Cancel where stopping is safe."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, label: str, *, cancellable: bool = False,
                 show_after_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("progress")
        self.setWindowTitle(tr("PanelReview"))
        self.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                               else Qt.WindowModality.ApplicationModal)
        self.cancellable = cancellable
        self.ended = False
        lay = QVBoxLayout(self)
        self.label = QLabel(label)
        self.label.setObjectName("caption")
        self.label.setWordWrap(True)
        lay.addWidget(self.label)
        self.step = QLabel("")
        self.step.setObjectName("step")
        self.step.setWordWrap(True)
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        # room for a step of two lines from the start, so a long one does not squeeze the dialog
        self.step.setMinimumHeight(2 * self.step.fontMetrics().lineSpacing() + 4)
        lay.addWidget(self.step)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.bar.setTextVisible(False)
        lay.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setVisible(cancellable)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        self.setMinimumWidth(460)
        QTimer.singleShot(show_after_ms, self, self._appear)

    def _appear(self) -> None:
        if not self.ended:
            self.show()

    def show_progress(self, done: int, total: int, text: str) -> None:
        if self.cancel_button.isEnabled() or not self.cancellable:
            self.step.setText(text)
            if self.step.heightForWidth(self.step.width()) > self.step.height():
                self.adjustSize()  # a step longer than the room there is
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total > 0 else 0)

    def request_cancel(self) -> None:
        if not self.cancellable or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.step.setText(tr("Cancelling…"))
        self.cancel_requested.emit()

    def reject(self) -> None:
        """Escape or the window's close button cancels where that is safe, and is ignored elsewhere."""
        self.request_cancel()

    def finish(self) -> None:
        """The work ended: the dialog goes."""
        self.ended = True
        if shiboken6.isValid(self):
            self.hide()
            self.deleteLater()


def with_dialog(task: Task, parent: QWidget | None, label: str, *, cancellable: bool = False) -> Task:
    """Show `task`'s steps in a ProgressDialog over `parent` (Cancel asks it to stop); returns the task."""
    dialog = ProgressDialog(parent, label, cancellable=cancellable)
    task.progressed.connect(dialog.show_progress)
    dialog.cancel_requested.connect(task.cancel)
    for signal in (task.succeeded, task.failed, task.cancelled):
        signal.connect(lambda *_: dialog.finish())
    return task


def run_task(parent: QWidget | None, label: str, func: Callable[[Progress], Any], *,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[PanelReviewError], None] | None = None,
             on_cancel: Callable[[], None] | None = None,
             on_part: Callable[[Any], None] | None = None,
             process: bool = False, cancellable: bool = False, window: int | None = None) -> Task:
    """Run `func(progress)` off the UI thread behind a progress dialog; returns the started Task."""
    task = with_dialog(Task(func, process=process, window=window), parent, label, cancellable=cancellable)
    if on_part is not None:
        task.delivered.connect(on_part)
    if on_done is not None:
        task.succeeded.connect(on_done)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)

    def failed(exc: BaseException, _text: str) -> None:
        if not isinstance(exc, PanelReviewError):
            raise exc  # unexpected: the crash dialog takes it
        if on_error is not None:
            on_error(exc)
        else:
            from ui.dialogs import show_error

            show_error(parent if parent is None or shiboken6.isValid(parent) else None, str(exc))

    task.failed.connect(failed)
    return task.start()


def wait_all(timeout_ms: int = 30000) -> None:
    """Block until running tasks end (tests)."""
    for task in list(_running):
        task.join(timeout_ms)


def stop_all(grace_ms: int = 3000) -> None:
    """On quitting: ask every running task to stop, give it `grace_ms`, then end its worker process."""
    for task in list(_running):
        task.cancel()
    for task in list(_running):
        task.join(grace_ms)
        if task._thread.isRunning() and task._worker is not None:
            task._worker.kill()
            task.join(grace_ms)


# Work still running when the interpreter exits (a test that failed, a window closed without app.exec
# returning) is stopped first: a QThread destroyed while it runs takes the whole process down.
atexit.register(stop_all)
