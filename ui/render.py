"""Render pages in worker processes and hand QImages back to the Qt thread.

PyMuPDF holds the GIL while it renders, so a thread pool would still freeze
the window; two worker *processes* (multiprocessing "spawn", which also works
frozen) each keep their own open documents and run `app.document.serve`.
Requests wait in a priority queue here, so a request nobody wants any more
(the expert scrolled past) is dropped before it reaches a worker. Each worker
gets one job at a time. A small reader thread per worker blocks on its pipe
(the read releases the GIL), turns pixels into a QImage (QImage, unlike
QPixmap, may be made off the GUI thread) and queues the result; while work
is out, a 2 ms timer drains that queue on the Qt thread. So the event loop
never waits for a worker that is still writing a 5 MB page.

A worker that dies or hangs is replaced; its job is retried once, then fails
with a DocumentError, so a page never waits forever.

Entry scripts: call `multiprocessing.freeze_support()` first thing, before
importing Qt, and keep module-level work in `if __name__ == "__main__"` — a
spawned worker runs the entry script's top level again.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from app import document
from app.document import DocumentInfo, FirstPage
from app.errors import DocumentError

PRIORITY_LOAD = 0
PRIORITY_VISIBLE = 10
PRIORITY_SEARCH = 20
PRIORITY_PREFETCH = 30
PRIORITY_THUMBNAIL = 40


class RenderKey(NamedTuple):
    """One rendered image: which file, which page (0-based), how big, how turned."""

    path: str
    page: int
    zoom: float
    rotation: int = 0


def render_key(path: str, page: int, zoom: float, rotation: int = 0) -> RenderKey:
    """A RenderKey with the zoom rounded, so float noise does not miss the cache."""
    return RenderKey(str(path), int(page), document.zoom_key(zoom), int(rotation) % 360)


@dataclass
class _Job:
    key: tuple  # ("render", RenderKey) / ("load", path) / ("probe", path) / ("search", path, text) / ("sleep", s)
    message: tuple  # what the worker receives, after the job id
    priority: int
    seq: int
    owners: set = field(default_factory=set)
    attempts: int = 0
    id: int = 0


class _Worker:
    """One worker process, our end of its pipe, and the thread reading its replies."""

    def __init__(self, ctx: Any, replies: "queue.SimpleQueue") -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=document.serve, args=(child,), daemon=True, name="panelreview-render")
        self.process.start()
        child.close()  # so our end sees EOF when the worker dies
        self.job: _Job | None = None
        self.started = 0.0
        self.reader = threading.Thread(target=self._read, args=(replies,), daemon=True, name="panelreview-reader")
        self.reader.start()

    def _read(self, replies: "queue.SimpleQueue") -> None:
        """Reader thread: queue (worker, job id, ok, payload, image) per reply; (worker, None, ...) at EOF."""
        while True:
            try:
                job_id, ok, payload, shape = self.conn.recv()
                image = None
                if shape is not None:
                    pixels = self.conn.recv_bytes()
                    width, height, stride = shape
                    # convertToFormat copies into memory the image owns (like .copy()), in
                    # Qt's native 32-bit format so painting is a plain blit
                    image = QImage(pixels, width, height, stride, QImage.Format.Format_RGB888).convertToFormat(
                        QImage.Format.Format_RGB32
                    )
                    del pixels
            except (EOFError, OSError, ValueError, TypeError):
                replies.put((self, None, False, None, None))
                return
            replies.put((self, job_id, ok, payload, image))

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send((None, "quit"))
            except (OSError, ValueError):
                pass
        else:
            try:
                self.process.kill()
            except (OSError, ValueError):
                pass
        try:
            self.conn.close()
        except OSError:
            pass


class RenderService(QObject):
    """Pages rendered off the UI thread, cached and prefetched; one per application."""

    rendered = Signal(object, QImage)  # RenderKey, image
    render_failed = Signal(object, object)  # RenderKey, DocumentError
    loaded = Signal(str, object)  # path, DocumentInfo
    load_failed = Signal(str, object)  # path, DocumentError
    text_probed = Signal(str, bool)  # path, whether it has a text layer to search
    searched = Signal(str, str, object)  # path, text, [(page, [(x0, y0, x1, y1) fractions])]
    worker_replaced = Signal(int)  # pid of the worker that died or hung

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        workers: int = 2,
        cache_bytes: int = 96 * 1024 * 1024,
        timeout: float = 20.0,
        search_timeout: float = 120.0,
    ) -> None:
        super().__init__(parent)
        document.keep_heap_lean()
        self._ctx = multiprocessing.get_context("spawn")
        self._worker_count = max(1, workers)
        self.cache_bytes = cache_bytes
        self.timeout = timeout
        self.search_timeout = search_timeout
        self._cache: OrderedDict[RenderKey, QImage] = OrderedDict()
        self._cache_used = 0
        self._queue: dict[tuple, _Job] = {}
        self._running: dict[tuple, _Job] = {}
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._workers: list[_Worker] = []
        self._replies: queue.SimpleQueue = queue.SimpleQueue()
        self._dead: list[_Worker] = []
        self._closed = False
        # reads replies and catches dead or hung workers; runs only while work is out
        self._watchdog = QTimer(self)
        self._watchdog.setTimerType(Qt.TimerType.PreciseTimer)
        self._watchdog.setInterval(2)
        self._watchdog.timeout.connect(self._tick)
        for _ in range(self._worker_count):
            self._workers.append(self._spawn())

    # -- public -------------------------------------------------------------------------

    def load(self, path: str, *, first: FirstPage | None = None) -> None:
        """Open `path` in a worker; emits loaded(path, DocumentInfo) or load_failed(path, error),
        then text_probed(path, has_text) once the first pages had their turn.

        With `first`, the same worker also draws that page in the same trip and the image
        is cached before `loaded` (then `rendered` follows), so the page shows as soon as
        the layout is known, without a second request or a second worker opening the file.
        """
        path = str(path)
        self._enqueue(("load", path), ("open", path, first), PRIORITY_LOAD, owner=None)

    def render(self, key: RenderKey, *, priority: int = PRIORITY_VISIBLE, owner: object = None) -> QImage | None:
        """The cached image for `key`, or None after queueing it (rendered/render_failed follow)."""
        image = self.cached(key)
        if image is not None:
            return image
        self._enqueue(("render", key), ("render", key.path, key.page, key.zoom, key.rotation), priority, owner=owner)
        return None

    def cached(self, key: RenderKey) -> QImage | None:
        """The cached image for `key` (marked as recently used), or None."""
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def best_cached(self, path: str, page: int, rotation: int, *, zoom: float) -> QImage | None:
        """Any cached image of the page at `rotation`, closest to `zoom` — a stand-in while rendering."""
        best, best_gap = None, None
        for key, image in self._cache.items():
            if key.path == path and key.page == page and key.rotation == rotation:
                gap = abs(key.zoom - zoom) if key.zoom >= zoom * 0.5 else abs(key.zoom - zoom) * 4
                if best_gap is None or gap < best_gap:
                    best, best_gap = image, gap
        return best

    def retain(self, owner: object, keys: Iterable[RenderKey]) -> int:
        """Drop `owner`'s queued renders that are not in `keys`; returns how many were dropped."""
        wanted = set(keys)
        dropped = 0
        for job_key, job in list(self._queue.items()):
            if job_key[0] != "render" or owner not in job.owners or job_key[1] in wanted:
                continue
            job.owners.discard(owner)
            if not job.owners:
                del self._queue[job_key]
                dropped += 1
        return dropped

    def cancel(self, owner: object) -> None:
        """Drop every queued render `owner` asked for."""
        self.retain(owner, ())

    def search(self, path: str, text: str) -> None:
        """Search the whole document in a worker; emits searched(path, text, hits)."""
        path = str(path)
        self._enqueue(("search", path, text), ("search", path, text), PRIORITY_SEARCH, owner=None)

    def forget(self, path: str) -> None:
        """Close `path` in the workers and drop its cached pages and queued jobs."""
        path = str(path)
        for key in [k for k in self._cache if k.path == path]:
            self._cache_used -= self._cache.pop(key).sizeInBytes()
        for job_key in [k for k, job in self._queue.items() if _job_path(job) == path]:
            del self._queue[job_key]
        for worker in self._workers:
            try:
                worker.conn.send((None, "close", path))
            except (OSError, ValueError):
                pass

    def pending(self) -> int:
        """Jobs queued or running."""
        return len(self._queue) + len(self._running)

    def worker_pids(self) -> list[int]:
        return [w.pid for w in self._workers if w.pid is not None]

    def cache_usage(self) -> int:
        """Bytes of rendered images held in the cache."""
        return self._cache_used

    def shutdown(self) -> None:
        """Stop the workers (politely, then by force); the service is unusable afterwards."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        self._queue.clear()
        self._running.clear()
        for worker in self._workers:
            worker.stop()
        deadline = time.monotonic() + 1.0
        for worker in self._workers + self._dead:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(0.5)
        self._workers.clear()
        self._dead.clear()

    # -- scheduling ---------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self._replies)

    def _enqueue(self, job_key: tuple, message: tuple, priority: int, *, owner: object) -> None:
        if self._closed:
            return
        running = self._running.get(job_key)
        if running is not None:
            if owner is not None:
                running.owners.add(owner)
            return
        job = self._queue.get(job_key)
        if job is None:
            job = _Job(job_key, message, priority, next(self._seq))
            self._queue[job_key] = job
        elif priority < job.priority:
            job.priority = priority
            job.seq = next(self._seq)
        if owner is not None:
            job.owners.add(owner)
        self._dispatch()

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._queue:
                break
            if worker.job is not None:
                continue
            job = min(self._queue.values(), key=lambda j: (j.priority, j.seq))
            if job.priority >= PRIORITY_SEARCH and any(r.priority < PRIORITY_SEARCH for r in self._running.values()):
                # prefetch would steal the CPU from the page the expert is waiting for
                # (two workers on two cores still slow each other down)
                break
            del self._queue[job.key]
            job.id = next(self._ids)
            job.attempts += 1
            try:
                worker.conn.send((job.id, *job.message))
            except (OSError, ValueError):
                self._queue[job.key] = job
                job.attempts -= 1
                self._replace(worker, reason="pipe")
                return self._dispatch()
            worker.job = job
            worker.started = time.monotonic()
            self._running[job.key] = job
        if self._running and not self._watchdog.isActive():
            self._watchdog.start()

    def _tick(self) -> None:
        self._drain()
        now = time.monotonic()
        for worker in list(self._workers):
            job = worker.job
            if job is None or worker not in self._workers:
                continue
            limit = self.search_timeout if job.key[0] == "search" else self.timeout
            if not worker.process.is_alive():
                self._worker_lost(worker, hung=False)
            elif now - worker.started > limit:
                self._worker_lost(worker, hung=True)
        for dead in list(self._dead):
            if dead.process.exitcode is not None or not dead.process.is_alive():
                dead.process.join(0)
                self._dead.remove(dead)
        if not self._running and not self._dead:
            self._watchdog.stop()

    def _drain(self) -> None:
        """Handle the replies the reader threads have queued."""
        while True:
            try:
                worker, job_id, ok, payload, image = self._replies.get_nowait()
            except queue.Empty:
                return
            if worker not in self._workers:
                continue  # from a worker already replaced
            if job_id is None:
                self._worker_lost(worker, hung=False)
                continue
            job = worker.job
            if job is None or job.id != job_id:
                continue  # a reply to a job we already gave up on
            worker.job = None
            self._running.pop(job.key, None)
            self._finish(job, ok, payload, image)
            self._dispatch()

    def _worker_lost(self, worker: _Worker, *, hung: bool) -> None:
        """A worker died or hung: replace it; retry its job once (not a hang), else fail it."""
        job = worker.job
        worker.job = None
        pid = worker.pid or 0
        self._replace(worker, reason="hung" if hung else "died")
        if job is not None:
            self._running.pop(job.key, None)
            plain = job.key[0] == "load" and job.message[2] is not None
            if plain:
                # the page drawn alongside may be what hung or crashed: open the file once more
                # without it, so the document still opens and that page alone shows the error
                job.message = (*job.message[:2], None)
                job.attempts = 0
            if (plain or not hung) and job.attempts < 2 and not self._closed:
                job.seq = next(self._seq)
                self._queue[job.key] = job
            else:
                self._finish(job, False, _lost_error(job, hung=hung), None)
        self.worker_replaced.emit(pid)
        self._dispatch()

    def _replace(self, worker: _Worker, *, reason: str) -> None:
        if worker not in self._workers:
            return
        index = self._workers.index(worker)
        worker.stop(kill=True)
        self._dead.append(worker)
        if not self._closed:
            self._workers[index] = self._spawn()
        else:
            self._workers.remove(worker)
        if not self._watchdog.isActive():
            self._watchdog.start()

    def _finish(self, job: _Job, ok: bool, payload: Any, image: QImage | None) -> None:
        kind = job.key[0]
        error = None
        if not ok:
            error = payload if isinstance(payload, DocumentError) else DocumentError(payload[0], **payload[1])
        if kind == "render":
            key: RenderKey = job.key[1]
            if ok and image is not None:
                self._store(key, image)
                self.rendered.emit(key, image)
            else:
                self.render_failed.emit(key, error or _lost_error(job, hung=False))
        elif kind == "load":
            path = job.key[1]
            if ok:
                info = DocumentInfo(path=path, page_sizes=[tuple(s) for s in payload["page_sizes"]])
                first = payload.get("first")
                key = None
                if first is not None and image is not None:
                    page, zoom, rotation = first[:3]
                    key = render_key(path, page, zoom, rotation)
                    self._store(key, image)  # before `loaded`, so the viewer's first paint finds it
                self._enqueue(("probe", path), ("probe", path), PRIORITY_SEARCH, owner=None)
                self.loaded.emit(path, info)
                if key is not None:
                    self.rendered.emit(key, image)
            else:
                self.load_failed.emit(path, error)
        elif kind == "probe":
            self.text_probed.emit(job.key[1], bool(ok and payload))
        elif kind == "search":
            self.searched.emit(job.key[1], job.key[2], payload if ok else [])

    def _store(self, key: RenderKey, image: QImage) -> None:
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_used -= old.sizeInBytes()
        self._cache[key] = image
        self._cache_used += image.sizeInBytes()
        while self._cache_used > self.cache_bytes and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cache_used -= dropped.sizeInBytes()

    # for tests: a job that keeps a worker busy for `seconds`
    def _sleep(self, seconds: float) -> None:
        self._enqueue(("sleep", seconds), ("sleep", seconds), PRIORITY_LOAD, owner=None)


def _job_path(job: _Job) -> str | None:
    kind = job.key[0]
    if kind == "render":
        return job.key[1].path
    if kind in ("load", "search", "probe"):
        return job.key[1]
    return None


def _lost_error(job: _Job, *, hung: bool) -> DocumentError:
    kind = job.key[0]
    path = _job_path(job) or ""
    name = os.path.basename(path)
    if kind == "render":
        page = job.key[1].page + 1
        if hung:
            return DocumentError("{file}: page {page} took too long to show", file=name, page=page)
        return DocumentError("{file}: page {page} is damaged and cannot be shown", file=name, page=page)
    if hung:
        return DocumentError("{file}: took too long to open; it may be damaged", file=name)
    return DocumentError("{file}: is damaged or is not a PDF", file=name)


_service: RenderService | None = None


def shared_service() -> RenderService:
    """The application's one render service (started on first use)."""
    global _service
    if _service is None or _service._closed:
        _service = RenderService()
    return _service

