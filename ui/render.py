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
with a DocumentError, so a page never waits forever. Work nobody wants any
more (the expert opened another material) is dropped from the queue and, if a
worker is still busy with it a moment later, that worker is killed and a warm
spare takes its place: a page that takes a minute to draw (a flate bomb) never
delays the next material.

Memory is bounded by design: decoded pages and thumbnails live in two LRU
pools measured in bytes (`cache_bytes`, `thumb_bytes`), and each worker's
MuPDF store is capped at `store_bytes` (app.document.configure_mupdf);
`stats()` asks every worker for its resident size and store use.

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
from app.arena import Arena
from app.document import DocumentInfo, FirstPage
from app.errors import DocumentError
from ui.pixels import rgb32_image

PRIORITY_LOAD = 0
PRIORITY_VISIBLE = 10
PRIORITY_SEARCH = 20
PRIORITY_PREFETCH = 30
PRIORITY_THUMBNAIL = 40

ABANDON_GRACE = 0.15
"""Seconds a worker may go on with work nobody wants any more, while wanted work waits for a
worker, before it is killed and replaced (a normal page is done by then; a flate bomb is not)."""

DRAIN_SLICE = 0.006
"""Seconds of replies handled per tick of the 2 ms timer; the rest wait for the next tick."""

ABANDON_LIMIT = 3.0
"""Seconds abandoned work may go on while no other work waits for its worker."""

ARENA_BYTES = document.ARENA_PAGE_BYTES
"""Shared memory per worker for the pixels it sends back: an 8 Mpx page (the most drawn whole,
see ui/viewer.TILE_ABOVE) in RGB. Only what a page touches becomes resident."""
STARTUP_LIMIT = 90.0
"""Seconds a new worker may take to import and report ready before it counts as hung. A job's own
time limit starts when the worker is ready *and* has the job: a start slowed by a busy machine
does not count against the page."""
BUSY_HOLD = 0.25
"""Seconds a job counts against RenderService.busy_limit: a page drawn in more time than that (a huge
or hostile one) lets the next page go to another worker."""


def _cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 2


SPARE_DELAY_MS = 1500
"""A warm spare worker is started this long after the service (not during the window's start)."""


class RenderKey(NamedTuple):
    """One rendered image: which file, which page (0-based), how big, how turned, which tile.

    `tile` is (x, y, width, height) in device pixels of the whole page image at this
    zoom, or None for the whole page.
    """

    path: str
    page: int
    zoom: float
    rotation: int = 0
    tile: tuple[int, int, int, int] | None = None


def render_key(path: str, page: int, zoom: float, rotation: int = 0,
               tile: tuple[int, int, int, int] | None = None) -> RenderKey:
    """A RenderKey with the zoom rounded, so float noise does not miss the cache."""
    return RenderKey(str(path), int(page), document.zoom_key(zoom), int(rotation) % 360,
                     tuple(int(v) for v in tile) if tile is not None else None)


@dataclass
class _Job:
    key: tuple  # ("render", RenderKey) / ("load", path) / ("probe", path) / ("search", path, text) / ("sleep", s)
    message: tuple  # what the worker receives, after the job id
    priority: int
    seq: int
    owners: set = field(default_factory=set)
    attempts: int = 0
    id: int = 0
    pool: str = "page"
    owned: bool = False  # some owner asked for it: once none is left, nobody wants it
    abandoned: float = 0.0  # monotonic time the last owner gave it up while it ran

    def add_owner(self, owner: object) -> None:
        if owner is not None:
            self.owners.add(owner)
            self.owned = True
            self.abandoned = 0.0


class _Worker:
    """One worker process, our end of its pipe, and the thread reading its replies."""

    def __init__(self, ctx: Any, replies: "queue.SimpleQueue", store_bytes: int) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        # the page's pixels come back through shared memory (the pipe only where none can be made);
        # the reader thread owns it from here and unmaps it when the worker has gone
        self.arena = Arena.create(ARENA_BYTES)
        shared = (self.arena.name, self.arena.size) if self.arena is not None else None
        self.process = ctx.Process(target=document.serve, args=(child, store_bytes, shared), daemon=True,
                                   name="panelreview-render")
        self.process.start()
        child.close()  # so our end sees EOF when the worker dies
        self.job: _Job | None = None
        self.started = 0.0
        self.spawned = time.monotonic()
        self.ready = 0.0  # monotonic time the worker said it was ready (set by the reader thread)
        self.replies = replies
        self.reader = threading.Thread(target=self._read, daemon=True, name="panelreview-reader")
        self.reader.start()

    def _read(self) -> None:
        """Reader thread: queue (worker, job id, ok, payload, image) per reply; (worker, None, ...) at EOF."""
        replies = self.replies
        while True:
            try:
                job_id, ok, payload, shape = self.conn.recv()
                if job_id == document.READY:
                    if self.arena is not None:
                        self.arena.let_go_of_name()  # the worker has it open (or could not: then the pipe)
                        if not payload:
                            self.arena.close()
                            self.arena = None
                    self.ready = time.monotonic()
                    continue
                image = None
                if shape is not None:
                    width, height, stride, shared = shape
                    pixels = self.arena.view[:height * stride] if shared else self.conn.recv_bytes()
                    # into memory the image owns, in Qt's native 32-bit format so painting is a plain blit;
                    # without holding the GIL, which the window thread would wait for (ui/pixels.py)
                    image = rgb32_image(pixels, width, height, stride)
                    del pixels
            except (EOFError, OSError, ValueError, TypeError):
                if self.arena is not None:
                    self.arena.close()
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


class _Pool:
    """Images by key, least recently used dropped first once they take more than `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.images: OrderedDict[RenderKey, QImage] = OrderedDict()
        self.used = 0

    def get(self, key: RenderKey) -> QImage | None:
        image = self.images.get(key)
        if image is not None:
            self.images.move_to_end(key)
        return image

    def put(self, key: RenderKey, image: QImage) -> None:
        self.pop(key)
        self.images[key] = image
        self.used += image.sizeInBytes()
        while self.used > self.limit and len(self.images) > 1:
            _, dropped = self.images.popitem(last=False)
            self.used -= dropped.sizeInBytes()

    def pop(self, key: RenderKey) -> None:
        old = self.images.pop(key, None)
        if old is not None:
            self.used -= old.sizeInBytes()


class RenderService(QObject):
    """Pages rendered off the UI thread, cached and prefetched; one per application.

    `busy_limit` workers at most draw at once (default: one fewer than the processors, at least one): on a
    two-core laptop the window keeps a core to paint with while pages are turned, instead of waiting
    its turn behind two workers. The others are there for work that takes long (a search, a huge page).
    """

    rendered = Signal(object, QImage)  # RenderKey, image
    render_failed = Signal(object, object)  # RenderKey, DocumentError
    loaded = Signal(str, object)  # path, DocumentInfo
    load_failed = Signal(str, object)  # path, DocumentError
    text_probed = Signal(str, bool)  # path, whether it has a text layer to search
    searched = Signal(str, str, object)  # path, text, [(page, [(x0, y0, x1, y1) fractions])]
    worker_replaced = Signal(int)  # pid of the worker that died, hung or was busy with abandoned work

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        workers: int = 2,
        cache_bytes: int = 64 * 1024 * 1024,
        thumb_bytes: int = 12 * 1024 * 1024,
        store_bytes: int = document.STORE_LIMIT,
        spares: int = 1,
        timeout: float = 20.0,
        search_timeout: float = 120.0,
        busy_limit: int | None = None,
    ) -> None:
        super().__init__(parent)
        document.keep_heap_lean()
        Arena.sweep()
        self._ctx = multiprocessing.get_context("spawn")
        self._worker_count = max(1, workers)
        self.busy_limit = max(1, min(self._worker_count, busy_limit if busy_limit is not None else _cores() - 1))
        self._held_until = 0.0  # monotonic time a job held back by busy_limit may go (0: none is held)
        self.store_bytes = store_bytes
        self.timeout = timeout
        self.search_timeout = search_timeout
        self._pools = {"page": _Pool(cache_bytes), "thumb": _Pool(thumb_bytes)}
        self._queue: dict[tuple, _Job] = {}
        self._running: dict[tuple, _Job] = {}
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._workers: list[_Worker] = []
        self._spares: list[_Worker] = []
        self._spare_count = max(0, spares)
        self._replies: queue.SimpleQueue = queue.SimpleQueue()
        self._dead: list[_Worker] = []
        self._closed = False
        # reads replies and catches dead, hung or abandoned workers; runs only while work is out
        self._watchdog = QTimer(self)
        self._watchdog.setTimerType(Qt.TimerType.PreciseTimer)
        self._watchdog.setInterval(2)
        self._watchdog.timeout.connect(self._tick)
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.setInterval(SPARE_DELAY_MS)
        self._spare_timer.timeout.connect(self._fill_spares)
        for _ in range(self._worker_count):
            self._workers.append(self._spawn())
        if self._spare_count:
            self._spare_timer.start()

    # -- public -------------------------------------------------------------------------

    @property
    def cache_bytes(self) -> int:
        """The byte budget for decoded pages (and tiles) in this process."""
        return self._pools["page"].limit

    @cache_bytes.setter
    def cache_bytes(self, value: int) -> None:
        self._pools["page"].limit = int(value)

    @property
    def thumb_bytes(self) -> int:
        """The byte budget for thumbnails in this process."""
        return self._pools["thumb"].limit

    def load(self, path: str, *, first: FirstPage | None = None, owner: object = None) -> None:
        """Open `path` in a worker; emits loaded(path, DocumentInfo) or load_failed(path, error),
        then text_probed(path, has_text) once the first pages had their turn.

        With `first`, the same worker also draws that page in the same trip and the image
        is cached before `loaded` (then `rendered` follows), so the page shows as soon as
        the layout is known, without a second request or a second worker opening the file.
        `owner` can give the work up with cancel(owner).
        """
        path = str(path)
        self._enqueue(("load", path), ("open", path, first), PRIORITY_LOAD, owner=owner)

    def render(self, key: RenderKey, *, priority: int = PRIORITY_VISIBLE, owner: object = None,
               pool: str = "page") -> QImage | None:
        """The cached image for `key`, or None after queueing it (rendered/render_failed follow).

        `pool` is "page" or "thumb": which byte budget the image counts against.
        """
        image = self.cached(key)
        if image is not None:
            return image
        self._enqueue(("render", key), ("render", key.path, key.page, key.zoom, key.rotation, key.tile),
                      priority, owner=owner, pool=pool)
        return None

    def cached(self, key: RenderKey) -> QImage | None:
        """The cached image for `key` (marked as recently used), or None."""
        image = self._pools["page"].get(key)
        return image if image is not None else self._pools["thumb"].get(key)

    def best_cached(self, path: str, page: int, rotation: int, *, zoom: float) -> QImage | None:
        """Any cached whole-page image of the page at `rotation`, closest to `zoom` — a stand-in while rendering."""
        best, best_gap = None, None
        for pool in self._pools.values():
            for key, image in pool.images.items():
                if key.path == path and key.page == page and key.rotation == rotation and key.tile is None:
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
        """Give up everything `owner` asked for: queued work is dropped, and a worker still busy
        with work nobody else wants is killed and replaced (see _should_kill)."""
        if owner is None:
            return
        for job_key, job in list(self._queue.items()):
            if owner in job.owners:
                job.owners.discard(owner)
                if not job.owners:
                    del self._queue[job_key]
        now = time.monotonic()
        for job in self._running.values():
            if owner in job.owners:
                job.owners.discard(owner)
                if not job.owners and job.owned:
                    job.abandoned = now
        if self._running and not self._watchdog.isActive():
            self._watchdog.start()

    def search(self, path: str, text: str, *, owner: object = None) -> None:
        """Search the whole document in a worker; emits searched(path, text, hits)."""
        path = str(path)
        self._enqueue(("search", path, text), ("search", path, text), PRIORITY_SEARCH, owner=owner)

    def forget(self, path: str) -> None:
        """Close `path` in the workers and drop its cached pages and queued jobs."""
        path = str(path)
        for pool in self._pools.values():
            for key in [k for k in pool.images if k.path == path]:
                pool.pop(key)
        for job_key in [k for k, job in self._queue.items() if _job_path(job) == path]:
            del self._queue[job_key]
        for worker in self._workers + self._spares:
            try:
                worker.conn.send((None, "close", path))
            except (OSError, ValueError):
                pass

    def pending(self) -> int:
        """Jobs queued or running."""
        return len(self._queue) + len(self._running)

    def worker_pids(self) -> list[int]:
        """The working workers' process ids (not the spare)."""
        return [w.pid for w in self._workers if w.pid is not None]

    def spare_pids(self) -> list[int]:
        """The warm spares' process ids."""
        return [w.pid for w in self._spares if w.pid is not None]

    def cache_usage(self, pool: str | None = None) -> int:
        """Bytes of rendered images held in the cache (one pool, or both)."""
        if pool is not None:
            return self._pools[pool].used
        return sum(p.used for p in self._pools.values())

    def shutdown(self) -> None:
        """Stop the workers (politely, then by force); the service is unusable afterwards."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        self._spare_timer.stop()
        self._queue.clear()
        self._running.clear()
        for worker in self._workers + self._spares:
            worker.stop()
        deadline = time.monotonic() + 1.0
        for worker in self._workers + self._spares + self._dead:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(0.5)
        self._workers.clear()
        self._spares.clear()
        self._dead.clear()

    # -- scheduling ---------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self._replies, self.store_bytes)

    def _fill_spares(self) -> None:
        while not self._closed and len(self._spares) < self._spare_count:
            self._spares.append(self._spawn())

    def _enqueue(self, job_key: tuple, message: tuple, priority: int, *, owner: object, pool: str = "page") -> None:
        if self._closed:
            return
        running = self._running.get(job_key)
        if running is not None:
            running.add_owner(owner)
            return
        job = self._queue.get(job_key)
        if job is None:
            job = _Job(job_key, message, priority, next(self._seq), pool=pool)
            self._queue[job_key] = job
        elif priority < job.priority:
            job.priority = priority
            job.seq = next(self._seq)
        job.add_owner(owner)
        self._dispatch()

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._queue:
                break
            if worker.job is not None:
                continue
            job = min(self._queue.values(), key=lambda j: (j.priority, j.seq))
            now = time.monotonic()
            # what the other workers do that counts against the limit: work begun within BUSY_HOLD, wanted or
            # not (a page turned past still takes its core until it is done: drawing the next beside it left
            # the window none); a page slower than that, a flate bomb, say, does not keep the next one waiting
            counted = [w for w in self._workers if w.job is not None and now - max(w.started, w.ready) < BUSY_HOLD]
            visible = sum(1 for w in counted if w.job.priority < PRIORITY_SEARCH)
            held = visible >= self.busy_limit if job.priority < PRIORITY_SEARCH else (
                visible or len(counted) >= self.busy_limit or any(
                    r.priority < PRIORITY_SEARCH and not r.abandoned for r in self._running.values()))
            # (prefetch would steal the CPU from the page the expert is waiting for: two workers on two
            # cores still slow each other down)
            if held:
                if counted:  # asked again (by the watchdog) when the first of them stops counting
                    self._held_until = min(max(w.started, w.ready) for w in counted) + BUSY_HOLD
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
            elif job.abandoned and self._should_kill(now - job.abandoned):
                self._worker_abandoned(worker)
            elif not worker.ready:
                if now - worker.spawned > STARTUP_LIMIT:
                    self._worker_lost(worker, hung=True)
            elif now - max(worker.started, worker.ready) > limit:
                self._worker_lost(worker, hung=True)
        for dead in list(self._dead):
            if dead.process.exitcode is not None or not dead.process.is_alive():
                dead.process.join(0)
                self._dead.remove(dead)
        if self._held_until and now >= self._held_until:
            self._held_until = 0.0
            self._dispatch()  # a job past BUSY_HOLD no longer holds the next one back
        if not self._running and not self._dead and self._replies.empty():
            self._watchdog.stop()

    def _drain(self) -> None:
        """Handle the replies the reader threads have queued, for a few milliseconds at a time
        (a layout of 20,000 pages and a page image in the same tick would add up to one long stall)."""
        deadline = time.perf_counter() + DRAIN_SLICE
        while time.perf_counter() < deadline:
            try:
                worker, job_id, ok, payload, image = self._replies.get_nowait()
            except queue.Empty:
                return
            if worker not in self._workers:
                continue  # from a worker already replaced, or a spare
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

    def _should_kill(self, abandoned_for: float) -> bool:
        """Whether a worker busy with work nobody wants should go: at once (after ABANDON_GRACE)
        when wanted work waits for a worker, else once it has gone on for ABANDON_LIMIT. A page
        about to be done is let finish: a fresh worker costs a start (imports) on a busy machine."""
        if abandoned_for > ABANDON_LIMIT:
            return True
        waiting = bool(self._queue) and all(w.job is not None for w in self._workers)
        return waiting and abandoned_for > ABANDON_GRACE

    def _worker_abandoned(self, worker: _Worker) -> None:
        """A worker is still busy with work nobody wants: replace it, drop the work silently."""
        job = worker.job
        worker.job = None
        pid = worker.pid or 0
        if job is not None:
            self._running.pop(job.key, None)
        self._replace(worker, reason="abandoned")
        self.worker_replaced.emit(pid)
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
            if (plain or not hung) and job.attempts < 2 and not self._closed and not job.abandoned:
                job.seq = next(self._seq)
                self._queue[job.key] = job
            elif not job.abandoned:
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
            # a warm spare takes over at once (its imports are done); a new spare follows later
            self._workers[index] = self._spares.pop(0) if self._spares else self._spawn()
            if self._spare_count and not self._spare_timer.isActive():
                self._spare_timer.start()
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
                self._pools[job.pool].put(key, image)
                self.rendered.emit(key, image)
            else:
                self.render_failed.emit(key, error or _lost_error(job, hung=False))
        elif kind == "load":
            path = job.key[1]
            if ok:
                info = DocumentInfo(path=path, page_sizes=list(payload["page_sizes"]),
                                    outline=tuple(tuple(e) for e in payload.get("outline", ())))
                first = payload.get("first")
                key = None
                if first is not None and image is not None:
                    page, zoom, rotation = first[:3]
                    key = render_key(path, page, zoom, rotation)
                    self._pools["page"].put(key, image)  # before `loaded`, so the viewer's first paint finds it
                for owner in job.owners or {None}:  # the probe is given up with the load's owners
                    self._enqueue(("probe", path), ("probe", path), PRIORITY_SEARCH, owner=owner)
                self.loaded.emit(path, info)
                if key is not None:
                    self.rendered.emit(key, image)
            else:
                self.load_failed.emit(path, error)
        elif kind == "probe":
            self.text_probed.emit(job.key[1], bool(ok and payload))
        elif kind == "search":
            self.searched.emit(job.key[1], job.key[2], payload if ok else [])

    # for tests: a job that keeps a worker busy for `seconds`
    def _sleep(self, seconds: float, *, owner: object = None) -> None:
        self._enqueue(("sleep", seconds), ("sleep", seconds), PRIORITY_LOAD, owner=owner)


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
