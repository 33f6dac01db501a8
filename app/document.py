"""Open applicants' material PDFs safely and turn their pages into pixels.

Only rendering happens here: no link is followed, no JavaScript runs, no
launch action fires (MuPDF does none of these unless asked, and we never ask).
Every failure a person can meet comes out as a DocumentError naming the file.

This module imports no Qt, so the render worker processes (`serve`) start
quickly and it can be tested without a window.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

import pymupdf

from app.errors import DocumentError

STORE_LIMIT = 64 * 1024 * 1024
"""Bytes MuPDF may keep in its cache of decoded images, fonts and objects per process."""

MAX_PIXELS = 16_000_000
"""A render larger than this is scaled down (A4 at 400 % is 14 Mpx); a freak page size
must not eat the memory, and one page must fit well inside the viewer's cache."""

FALLBACK_SIZE = (595.0, 842.0)
"""A4 in points, for a page whose size cannot be read."""

_configured = False


def configure_mupdf(store_limit: int = STORE_LIMIT) -> None:
    """Keep MuPDF quiet on stderr and bound its store to `store_limit` bytes (once per process)."""
    global _configured
    if _configured:
        return
    _configured = True
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    # PyMuPDF has no setter for the store limit (TOOLS.store_maxsize is read-only), and
    # MuPDF fixes it at context creation (256 MB). Installing a fresh, empty store with
    # our limit before anything is cached is what fz_new_context itself does.
    try:
        pymupdf.mupdf.fz_empty_store()
        pymupdf.mupdf.fz_new_store_context(store_limit)
    except Exception:  # a binding without the call keeps MuPDF's default (256 MB)
        pass


def keep_heap_lean() -> None:
    """Make glibc give big buffers (rendered pages, 4-6 MB each) back to the system.

    By default glibc raises its mmap threshold after the first big free, so later
    page buffers come from the heap and stay resident after they are dropped; a
    fixed threshold keeps each page in its own mapping. Linux only; elsewhere a no-op.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 512 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def trim_heap() -> None:
    """Return freed heap memory to the system (glibc); a no-op elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _name(path: str | os.PathLike[str]) -> str:
    return Path(path).name


def open_document(path: str | os.PathLike[str]) -> pymupdf.Document:
    """The opened PDF at `path`, or DocumentError saying why it cannot be shown."""
    configure_mupdf()
    path = Path(path)
    name = path.name
    if not path.exists():
        raise DocumentError("{file}: the file is missing", file=name)
    if not path.is_file():
        raise DocumentError("{file}: is not a file", file=name)
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        raise DocumentError("{file}: the file cannot be read", file=name) from None
    if not head:
        raise DocumentError("{file}: is empty", file=name)
    try:
        doc = pymupdf.open(str(path), filetype="pdf")
    except Exception:
        raise DocumentError("{file}: is damaged or is not a PDF", file=name) from None
    try:
        if not doc.is_pdf:  # MuPDF sniffs the content: a renamed JPEG opens as an image
            raise DocumentError("{file}: is damaged or is not a PDF", file=name)
        if doc.needs_pass:  # MuPDF has already tried the empty password
            raise DocumentError("{file}: needs a password", file=name)
        count = page_count(doc, name=name)
        if count == 0:
            if b"%PDF" not in head:
                raise DocumentError("{file}: is damaged or is not a PDF", file=name)
            raise DocumentError("{file}: has no pages", file=name)
    except BaseException:
        doc.close()
        raise
    return doc


def page_count(doc: pymupdf.Document, *, name: str = "") -> int:
    """The number of pages; DocumentError when even that cannot be read (damaged page tree)."""
    try:
        count = doc.page_count
    except Exception:
        raise DocumentError("{file}: is damaged or is not a PDF", file=name or _name(doc.name)) from None
    return max(0, int(count))


def page_sizes(doc: pymupdf.Document) -> list[tuple[float, float]]:
    """(width, height) in points of every page as shown (its own /Rotate applied).

    A page whose size cannot be read gets its predecessor's size, so the layout
    holds; rendering that page then reports the damage.
    """
    sizes: list[tuple[float, float]] = []
    last = FALLBACK_SIZE
    try:  # MuPDF's own page transform: ~3x faster than PyMuPDF's per-key lookups (300 pages: 8 vs 23 ms)
        pdf = pymupdf.mupdf.pdf_document_from_fz_document(doc.this)
        box, ctm = pymupdf.mupdf.FzRect(), pymupdf.mupdf.FzMatrix()
    except Exception:
        pdf = None
    for index in range(page_count(doc)):
        try:
            if pdf is not None:
                pymupdf.mupdf.pdf_page_obj_transform(pymupdf.mupdf.pdf_lookup_page_obj(pdf, index), box, ctm)
                rect = pymupdf.mupdf.fz_transform_rect(box, ctm)
                width, height = abs(rect.x1 - rect.x0), abs(rect.y1 - rect.y0)
            else:
                width, height = _slow_page_size(doc, index)
            if not (1 <= width <= 200_000 and 1 <= height <= 200_000):
                raise ValueError((width, height))
            last = (float(width), float(height))
        except Exception:
            pass
        sizes.append(last)
    return sizes


def _slow_page_size(doc: pymupdf.Document, index: int) -> tuple[float, float]:
    rect = doc.page_cropbox(index)
    width, height = abs(rect.width), abs(rect.height)
    return (height, width) if _page_rotation(doc, index) % 180 else (width, height)


def shown_sizes(sizes: list[tuple[float, float]], rotation: int) -> list[tuple[float, float]]:
    """Page sizes as displayed after the viewer turns every page `rotation` degrees."""
    return [(h, w) for w, h in sizes] if rotation % 180 else list(sizes)


def fit_scale(shown: list[tuple[float, float]], mode: str, *, page: int, width: float, height: float) -> float:
    """Pixels per point that fit the pages (`shown` sizes) into `width` x `height` pixels.

    "fit-width" fits the median page width, so one odd oversized page does not shrink
    every other one; "fit-page" fits the whole of page `page`.
    """
    if mode == "fit-width":
        return width / max(median(w for w, _ in shown), 1.0)
    w, h = shown[page]
    return min(width / max(w, 1.0), height / max(h, 1.0))


def zoom_key(zoom: float) -> float:
    """`zoom` rounded as render caches key it, so float noise neither misses nor differs."""
    return round(float(zoom), 4)


@dataclass(frozen=True)
class FirstPage:
    """The page a viewer will show first and how, so the worker opening a file draws it in the same trip.

    `mode` is "fit-width", "fit-page" or a fixed scale; scales are logical pixels per
    point, bounded by `min_scale`..`max_scale`, and `device_ratio` turns them into pixels.
    """

    page: int
    rotation: int
    mode: str | float
    width: float
    height: float
    device_ratio: float = 1.0
    min_scale: float = 0.0
    max_scale: float = float("inf")

    def zoom(self, sizes: list[tuple[float, float]]) -> float:
        """Device pixels per point for a document with these page sizes (as the viewer will lay it out)."""
        if isinstance(self.mode, str):
            # the viewer lays a document out before any page is current, so fit-page fits page 1
            fit = fit_scale(shown_sizes(sizes, self.rotation), self.mode, page=0, width=self.width, height=self.height)
            scale = max(self.min_scale, min(fit, self.max_scale))
        else:
            scale = float(self.mode)
        return zoom_key(scale * self.device_ratio)


def _page_rotation(doc: pymupdf.Document, index: int) -> int:
    """The page's /Rotate (inherited from the page tree), read without loading the page."""
    xref = doc.page_xref(index)
    while xref > 0:
        kind, value = doc.xref_get_key(xref, "Rotate")
        if kind == "int":
            return int(value) % 360
        kind, parent = doc.xref_get_key(xref, "Parent")
        if kind != "xref":
            break
        xref = int(parent.split()[0])
    return 0


@dataclass(frozen=True)
class RenderedPage:
    """Raw RGB pixels of one page: `height` rows of `stride` bytes, 3 bytes a pixel."""

    width: int
    height: int
    stride: int
    samples: bytes


def _load_page(doc: pymupdf.Document, index: int) -> pymupdf.Page:
    name = _name(doc.name)
    if not 0 <= index < page_count(doc, name=name):
        raise DocumentError("{file}: there is no page {page}", file=name, page=index + 1)
    try:
        return doc.load_page(index)
    except Exception:
        raise DocumentError("{file}: page {page} is damaged and cannot be shown", file=name, page=index + 1) from None


def render_page(doc: pymupdf.Document, index: int, *, zoom: float, rotation: int = 0) -> RenderedPage:
    """Page `index` (0-based) at `zoom` pixels per point, turned `rotation` degrees clockwise."""
    page = _load_page(doc, index)
    name = _name(doc.name)
    try:
        rect = page.rect
        area = max(rect.width, 1.0) * max(rect.height, 1.0) * zoom * zoom
        if area > MAX_PIXELS:
            zoom *= (MAX_PIXELS / area) ** 0.5
        matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation % 360)
        pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csRGB, alpha=False, annots=True)
        return RenderedPage(pix.width, pix.height, pix.stride, pix.samples)
    except DocumentError:
        raise
    except Exception:
        raise DocumentError("{file}: page {page} is damaged and cannot be shown", file=name, page=index + 1) from None


def page_text_available(page: pymupdf.Page) -> bool:
    """Whether the page has a text layer to search (a plain scan has none)."""
    try:
        return bool(page.get_text("text").strip())
    except Exception:
        return False


def document_has_text(doc: pymupdf.Document, *, sample: int = 8) -> bool:
    """Whether any of the first `sample` pages has a text layer."""
    for index in range(min(sample, page_count(doc))):
        try:
            if page_text_available(doc.load_page(index)):
                return True
        except Exception:
            continue
    return False


Rect = tuple[float, float, float, float]


def search_page(doc: pymupdf.Document, index: int, text: str) -> list[Rect]:
    """Where `text` occurs on page `index`, as (x0, y0, x1, y1) fractions of the page as shown.

    Fractions (0..1 of the shown width and height) let the viewer place hits at
    any zoom and turn them with its own rotation.
    """
    if not text.strip():
        return []
    page = _load_page(doc, index)
    try:
        hits = page.search_for(text)
        shown = page.rect
        turn = page.rotation_matrix
    except Exception:
        return []
    width, height = max(shown.width, 1e-6), max(shown.height, 1e-6)
    out: list[Rect] = []
    for hit in hits:
        r = pymupdf.Rect(hit) * turn
        r.normalize()
        out.append((r.x0 / width, r.y0 / height, r.x1 / width, r.y1 / height))
    return out


def search_document(doc: pymupdf.Document, text: str, *, limit: int = 2000) -> list[tuple[int, list[Rect]]]:
    """(page index, hits) for every page where `text` occurs; stops after `limit` hits."""
    found: list[tuple[int, list[Rect]]] = []
    total = 0
    for index in range(page_count(doc)):
        try:
            hits = search_page(doc, index, text)
        except DocumentError:
            continue
        if hits:
            found.append((index, hits))
            total += len(hits)
            if total >= limit:
                break
    return found


@dataclass(frozen=True)
class DocumentInfo:
    """What the viewer needs to lay a document out before any page is drawn."""

    path: str
    page_sizes: list[tuple[float, float]]
    has_text: bool | None = None  # None: not looked at yet


def describe(doc: pymupdf.Document, *, text: bool = True) -> DocumentInfo:
    """Page sizes and (if `text`) whether there is text to search."""
    return DocumentInfo(path=doc.name, page_sizes=page_sizes(doc), has_text=document_has_text(doc) if text else None)


# -- the render worker process --------------------------------------------------------------
#
# ui/render.py starts `serve` in worker processes ("spawn"); it lives here because a
# child that imported Qt would start slower and weigh ~40 MB more for nothing.
#
# Requests are tuples (job, kind, *args); every request with a job id gets exactly one
# reply (job, True, payload, shape) or (job, False, (template, fields), None). When
# `shape` is (width, height, stride), the reply's RGB pixels follow it as one
# send_bytes() message (no pickled copy).

class _OpenDocuments:
    """The worker's open documents, least recently used closed first."""

    def __init__(self, limit: int = 4) -> None:
        self.limit = limit
        self.docs: OrderedDict[str, pymupdf.Document] = OrderedDict()

    def get(self, path: str) -> pymupdf.Document:
        doc = self.docs.get(path)
        if doc is not None:
            self.docs.move_to_end(path)
            return doc
        doc = open_document(path)
        self.docs[path] = doc
        while len(self.docs) > self.limit:
            _, old = self.docs.popitem(last=False)
            old.close()
        return doc

    def close(self, path: str) -> None:
        doc = self.docs.pop(path, None)
        if doc is not None:
            doc.close()


def handle(docs: _OpenDocuments, kind: str, args: tuple) -> tuple[Any, RenderedPage | None]:
    """Do one request; (payload, rendered page or None). Raises DocumentError."""
    if kind == "render":
        path, index, zoom, rotation = args
        page = render_page(docs.get(path), index, zoom=zoom, rotation=rotation)
        return (page.width, page.height, page.stride), page
    if kind == "open":
        # one trip for what the viewer needs before it can show anything: the layout and,
        # when the viewer said which page it will show, that page already drawn
        path, first = args
        doc = docs.get(path)
        sizes = page_sizes(doc)
        payload: dict[str, Any] = {"page_sizes": sizes}
        if first is not None and 0 <= first.page < len(sizes):
            zoom = first.zoom(sizes)
            try:
                page = render_page(doc, first.page, zoom=zoom, rotation=first.rotation)
            except DocumentError:
                return payload, None  # the viewer asks for the page and shows why it failed then
            payload["first"] = (first.page, zoom, first.rotation % 360, page.width, page.height, page.stride)
            return payload, page
        return payload, None
    if kind == "probe":  # whether there is text to search; asked after the first page is up
        (path,) = args
        return document_has_text(docs.get(path)), None
    if kind == "search":
        path, text = args
        return search_document(docs.get(path), text), None
    if kind == "sleep":  # for tests: a render that hangs
        time.sleep(args[0])
        return None, None
    raise ValueError(kind)


def serve(conn: Any) -> None:
    """Worker main loop: answer requests on `conn` until told to quit or the parent goes."""
    configure_mupdf()
    keep_heap_lean()
    docs = _OpenDocuments()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        job, kind, *args = message
        if kind == "quit":
            return
        if kind == "close":
            docs.close(args[0])
            continue
        page = None
        try:
            payload, page = handle(docs, kind, tuple(args))
            reply = (job, True, payload, (page.width, page.height, page.stride) if page is not None else None)
        except DocumentError as exc:
            reply = (job, False, (exc.template, exc.fields), None)
        except Exception:
            path = args[0] if args and isinstance(args[0], str) else ""
            reply = (job, False, ("{file}: is damaged or is not a PDF", {"file": _name(path)}), None)
        try:
            conn.send(reply)
            if reply[3] is not None:
                conn.send_bytes(page.samples)
        except (EOFError, OSError):
            return
        if page is not None:
            payload = page = None
            trim_heap()  # after the reply, so the expert does not wait for it
