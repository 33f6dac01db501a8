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
import io
import os
import re
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf

from app.errors import DocumentError

STORE_LIMIT = 48 * 1024 * 1024
"""Bytes MuPDF may keep in its cache of decoded images, fonts and objects per process
(MuPDF's own default is 256 MB: a worker would grow to that on a long scan)."""

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
    # PyMuPDF has no setter for the store limit (TOOLS.store_maxsize is a stub returning
    # None), and MuPDF fixes it at context creation (256 MB). Installing a fresh, empty
    # store with our limit before anything is cached is what fz_new_context itself does;
    # store_usage() reads the limit back from MuPDF.
    try:
        pymupdf.mupdf.fz_empty_store()
        pymupdf.mupdf.fz_new_store_context(store_limit)
    except Exception:  # a binding without the call keeps MuPDF's default (256 MB)
        pass


_STORE_LINE = re.compile(rb"max=(\d+), size=(\d+)")


def store_usage() -> tuple[int, int]:
    """(bytes MuPDF's store holds now, its limit) in this process, as MuPDF itself reports them."""
    try:
        buffer = pymupdf.mupdf.FzBuffer(4096)
        out = pymupdf.mupdf.FzOutput(buffer)
        pymupdf.mupdf.fz_debug_store(out)
        out.fz_close_output()
        text = buffer.fz_buffer_extract()
    except Exception:
        return (0, 0)
    found = _STORE_LINE.findall(text)
    if not found:
        return (0, 0)
    limit, size = found[-1]
    return (int(size), int(limit))


def rss_bytes(pid: int | None = None) -> int:
    """Resident memory of process `pid` (this one by default) in bytes; 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid or os.getpid()}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil  # elsewhere than Linux, when installed

        return int(psutil.Process(pid or os.getpid()).memory_info().rss)
    except Exception:
        return 0


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


def page_sizes(doc: pymupdf.Document, pages: list[int] | None = None) -> list[tuple[float, float]]:
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
    for index in range(page_count(doc)) if pages is None else pages:
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
    """Pixels per point that fit page `page` (of the `shown` sizes) into `width` x `height` pixels.

    Each page is fitted on its own, as SumatraPDF, Okular and WPS do: a landscape page in a
    portrait report fits the width too, instead of pushing the portrait pages aside and
    bringing a horizontal scrollbar. "fit-width" fits the page's width, "fit-page" all of it.
    """
    w, h = shown[page]
    if mode == "fit-width":
        return width / max(w, 1.0)
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
    rotation: int  # of that page as shown: the document's turn and the page's own
    mode: str | float
    width: float
    height: float
    device_ratio: float = 1.0
    min_scale: float = 0.0
    max_scale: float = float("inf")

    def zoom(self, sizes: list[tuple[float, float]]) -> float:
        """Device pixels per point for a document with these page sizes (as the viewer will lay it out)."""
        return self.zoom_of(sizes[max(0, min(self.page, len(sizes) - 1))])

    def zoom_of(self, size: tuple[float, float]) -> float:
        """Device pixels per point for the page, `size` points as the PDF shows it."""
        if isinstance(self.mode, str):
            fit = fit_scale(shown_sizes([size], self.rotation), self.mode, page=0, width=self.width, height=self.height)
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


def render_page(doc: pymupdf.Document, index: int, *, zoom: float, rotation: int = 0,
                tile: tuple[int, int, int, int] | None = None, fast: bool = True, split: bool = False) -> RenderedPage:
    """Page `index` (0-based) at `zoom` pixels per point, turned `rotation` degrees clockwise.

    `tile` (x, y, width, height in pixels of the whole page image at this zoom) draws only
    that part, for pages too big to hold whole at a high zoom. A scanned page that is one
    JPEG and nothing else is decoded at a reduced scale with libjpeg (Pillow's draft) and
    scaled, which is faster than MuPDF decoding it whole (`fast=False` always uses MuPDF); with `split`,
    scaled on two threads (for a page nobody else is drawing: the first of a document).
    """
    page = _load_page(doc, index)
    name = _name(doc.name)
    try:
        rect = page.rect
        if tile is None:
            zoom = _bounded_zoom(rect, zoom)
        matrix = pymupdf.Matrix(zoom, zoom).prerotate(rotation % 360)
        if tile is None and fast:
            plan = _jpeg_plan(doc, page, index, matrix)
            quick = plan.draw(split=split) if plan is not None else None
            if quick is not None:
                return quick
        clip = None
        if tile is not None:
            whole = (rect * matrix).irect
            x, y, w, h = tile
            clip = pymupdf.Rect(whole.x0 + x, whole.y0 + y, whole.x0 + x + w, whole.y0 + y + h) * ~matrix
        pix = page.get_pixmap(matrix=matrix, colorspace=pymupdf.csRGB, alpha=False, annots=True, clip=clip)
        return RenderedPage(pix.width, pix.height, pix.stride, pix.samples)
    except DocumentError:
        raise
    except Exception:
        raise DocumentError("{file}: page {page} is damaged and cannot be shown", file=name, page=index + 1) from None


# -- scanned pages: one JPEG, decoded at a reduced scale -----------------------------------

_DRAW_ONE_IMAGE = re.compile(
    rb"^\s*q\s+" + rb"\s+".join([rb"([-+]?(?:\d+\.?\d*|\.\d+))"] * 6) + rb"\s+cm\s+/([^\s/\[\]()<>{}%]+)\s+Do\s+Q\s*$")
_SIMPLE_SPACES = {"DeviceRGB", "DeviceGray", "ICCBased"}
_TURNS = {0: None, 90: "ROTATE_270", 180: "ROTATE_180", 270: "ROTATE_90"}  # clockwise -> Pillow's transpose


def scanned_jpeg(doc: pymupdf.Document, index: int) -> tuple[int, pymupdf.Matrix] | None:
    """(xref of the JPEG, its placement in PDF space) when page `index` is one JPEG drawn upright
    and nothing else (no text, no annotation, no mask); None otherwise. Cached per document."""
    cache = getattr(doc, "_panelreview_jpegs", None)
    if cache is None:
        cache = {}
        try:
            doc._panelreview_jpegs = cache
        except AttributeError:
            pass
    if index in cache:
        return cache[index]
    found = None
    try:
        found = _find_scanned_jpeg(doc, index)
    except Exception:
        found = None
    cache[index] = found
    return found


def _find_scanned_jpeg(doc: pymupdf.Document, index: int) -> tuple[int, pymupdf.Matrix] | None:
    page_xref = doc.page_xref(index)
    kind, value = doc.xref_get_key(page_xref, "Annots")
    if kind != "null" and value.strip("[] ") != "":
        return None
    kind, value = doc.xref_get_key(page_xref, "Contents")
    if kind == "xref" and not doc.xref_is_stream(int(value.split()[0])):
        kind, value = "array", doc.xref_object(int(value.split()[0]))
    if kind == "xref":
        contents = [int(value.split()[0])]
    elif kind == "array":
        contents = [int(n) for n in re.findall(r"(\d+)\s+\d+\s+R", value)]
    else:
        return None
    # a scan's drawing command is a few dozen bytes; anything bigger is not a plain scan
    # (and a flate bomb must not be inflated here: the raw length is read, not the content)
    if not contents or sum(len(doc.xref_stream_raw(xref) or b"") for xref in contents) > 4096:
        return None
    text = b"".join(doc.xref_stream(xref) or b"" for xref in contents)
    match = _DRAW_ONE_IMAGE.match(text)
    if match is None:
        return None
    images = doc.get_page_images(index, full=True)
    if len(images) != 1:
        return None
    xref, smask, _w, _h, bpc, space, _alt, name, filt, _ref = images[0]
    if name.encode() != match.group(7) or filt != "DCTDecode" or smask or bpc != 8 or space not in _SIMPLE_SPACES:
        return None
    for key in ("Decode", "Mask", "ImageMask", "SMask", "Intent"):
        if doc.xref_get_key(xref, key)[0] != "null":
            return None
    placement = pymupdf.Matrix(*(float(g) for g in match.groups()[:6]))
    return xref, placement


def _page_transform(doc: pymupdf.Document, index: int) -> pymupdf.Matrix:
    """PDF space -> the page as shown (its /Rotate and crop box applied, y down), as MuPDF draws it."""
    pdf = pymupdf.mupdf.pdf_document_from_fz_document(doc.this)
    box, ctm = pymupdf.mupdf.FzRect(), pymupdf.mupdf.FzMatrix()
    pymupdf.mupdf.pdf_page_obj_transform(pymupdf.mupdf.pdf_lookup_page_obj(pdf, index), box, ctm)
    return pymupdf.Matrix(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f)


def _bounded_zoom(rect: pymupdf.Rect, zoom: float) -> float:
    """`zoom`, lowered so the whole page stays within MAX_PIXELS."""
    area = max(rect.width, 1.0) * max(rect.height, 1.0) * zoom * zoom
    return zoom * (MAX_PIXELS / area) ** 0.5 if area > MAX_PIXELS else zoom


@dataclass(frozen=True)
class _JpegPlan:
    """What drawing a scanned page from its JPEG takes, read from the PDF beforehand: draw() needs
    no MuPDF, so it may run on a thread (Pillow lets go of the GIL while it decodes and scales)."""

    jpeg: bytes
    width: int  # the page image, as MuPDF would make it
    height: int
    box: tuple[int, int, int, int]  # where the picture goes on it
    turn: int  # degrees clockwise

    def draw(self, *, split: bool = False) -> RenderedPage | None:
        """The page's pixels; None if the stream is not a JPEG Pillow draws as MuPDF would. With `split`,
        a tall upright page is shrunk on two threads: only for the first page of a document, which the
        expert waits for alone; while pages are turned, the other core is the window's."""
        from PIL import Image

        x0, y0, x1, y1 = self.box
        try:
            image = Image.open(io.BytesIO(self.jpeg))
            if image.format != "JPEG" or image.mode not in ("L", "RGB"):
                return None
            size = (x1 - x0, y1 - y0) if self.turn in (0, 180) else (y1 - y0, x1 - x0)
            image.draft(None, size)  # libjpeg decodes at 1/2, 1/4 or 1/8 scale, never below `size`
            if (split and not self.turn and image.size != size and size[1] >= SPLIT_ROWS
                    and image.size[0] >= size[0] and image.size[1] >= size[1]):
                return self._shrunk_in_halves(image, size)
            if image.size != size:
                # box (area) averaging when shrinking: as sharp as bilinear here and a third faster
                shrink = image.size[0] >= size[0] and image.size[1] >= size[1]
                image = image.resize(size, Image.Resampling.BOX if shrink else Image.Resampling.BILINEAR)
            if image.mode != "RGB":
                image = image.convert("RGB")
            if self.turn:
                image = image.transpose(getattr(Image.Transpose, _TURNS[self.turn]))
            if self.box != (0, 0, self.width, self.height):
                canvas = self._canvas(image.size)
                canvas.paste(image, (x0, y0))
                image = canvas
            return RenderedPage(self.width, self.height, self.width * 3, image.tobytes())
        except (OSError, ValueError, SyntaxError):  # a broken JPEG: MuPDF says what it makes of it
            return None


    def _shrunk_in_halves(self, image, size: tuple[int, int]) -> RenderedPage:
        """An upright page shrunk to `size`, its top and bottom halves on two threads at once (Pillow lets go
        of the GIL while it scales: 22 ms whole for a fit-width A4 page, about half that in two), straight
        onto the page."""
        from PIL import Image

        image.load()
        (width, height), (w, h) = image.size, size
        half = h // 2
        seam = height * half / h  # the source row where the lower half begins (the box filter reads across it)
        parts: list[Any] = [None, None]

        def lower() -> None:
            parts[1] = image.resize((w, h - half), Image.Resampling.BOX, box=(0, seam, width, height))

        helper = threading.Thread(target=lower, daemon=True)
        helper.start()
        parts[0] = image.resize((w, half), Image.Resampling.BOX, box=(0, 0, width, seam))
        helper.join()
        x0, y0 = self.box[:2]
        canvas = self._canvas((w, h))
        canvas.paste(parts[0], (x0, y0))  # a grey scan's halves become RGB as they are pasted
        canvas.paste(parts[1], (x0, y0 + half))
        return RenderedPage(self.width, self.height, self.width * 3, canvas.tobytes())


    def _canvas(self, picture: tuple[int, int]):
        """The page, white where a picture of size `picture` placed at the box's corner leaves it uncovered
        (only those strips are filled: a white page-sized fill under the picture took 4 ms)."""
        from PIL import Image

        canvas = Image.new("RGB", (self.width, self.height), None)  # not initialised: all of it is painted
        x0, y0 = self.box[:2]
        x1, y1 = x0 + picture[0], y0 + picture[1]
        white = (255, 255, 255)
        for strip in ((0, 0, self.width, y0), (0, y1, self.width, self.height),
                      (0, y0, x0, y1), (x1, y0, self.width, y1)):
            if strip[2] > strip[0] and strip[3] > strip[1]:
                canvas.paste(white, strip)
        return canvas


SPLIT_ROWS = 600
"""Pages at least this many rows high are shrunk in two halves at once (below it a thread costs more than it saves)."""


def _jpeg_plan(doc: pymupdf.Document, page: pymupdf.Page, index: int, matrix: pymupdf.Matrix) -> _JpegPlan | None:
    """How to draw page `index` from its one JPEG with Pillow (None: not such a page; MuPDF draws it)."""
    found = scanned_jpeg(doc, index)
    if found is None:
        return None
    try:
        import PIL  # noqa: F401
    except ImportError:
        return None
    xref, placement = found
    whole = (page.rect * matrix).irect  # MuPDF's own rounding of the page's pixel box
    full = placement * _page_transform(doc, index) * matrix
    top_left = pymupdf.Point(0, 1) * full
    top_right = pymupdf.Point(1, 1) * full
    bottom_left = pymupdf.Point(0, 0) * full
    ux, uy = top_right - top_left, bottom_left - top_left
    turn = _image_turn(ux, uy)
    if turn is None:
        return None
    box = pymupdf.Rect(top_left, top_left).include_point(top_right).include_point(bottom_left)
    box = box.include_point(top_right + uy)
    box = box + (-whole.x0, -whole.y0, -whole.x0, -whole.y0)
    x0, y0, x1, y1 = (round(v) for v in (box.x0, box.y0, box.x1, box.y1))
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None
    return _JpegPlan(doc.xref_stream_raw(xref), whole.width, whole.height, (x0, y0, x1, y1), turn)


def _image_turn(ux: pymupdf.Point, uy: pymupdf.Point) -> int | None:
    """How far clockwise an image is turned, from where its x axis and its downward axis point;
    None when it is skewed or mirrored."""
    def sign(v: float) -> int:
        return 0 if abs(v) < 1e-6 else (1 if v > 0 else -1)

    axes = ((sign(ux.x), sign(ux.y)), (sign(uy.x), sign(uy.y)))
    return {((1, 0), (0, 1)): 0, ((0, 1), (-1, 0)): 90, ((-1, 0), (0, -1)): 180, ((0, -1), (1, 0)): 270}.get(axes)


def page_text_available(page: pymupdf.Page) -> bool:
    """Whether the page has a text layer to search (a plain scan has none)."""
    try:
        return bool(page.get_text("text").strip())
    except Exception:
        return False


def document_has_text(doc: pymupdf.Document, *, sample: int = 8) -> bool:
    """Whether any of the first `sample` pages has a text layer."""
    for index in range(min(sample, page_count(doc))):
        if scanned_jpeg(doc, index) is not None:
            continue  # one picture and nothing else: no text (and no need to parse it)
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
    outline: tuple[tuple[int, str, int], ...] = ()  # (level from 1, title, 0-based page) of each bookmark


OUTLINE_LIMIT = 5000
"""Bookmarks read at most (a generated outline of one entry per page of a 20,000-page file is no help)."""


def outline(doc: pymupdf.Document) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (level from 1, title, 0-based page; -1 where it points nowhere)."""
    try:
        toc = doc.get_toc(simple=True)
    except Exception:
        return []
    count = page_count(doc)
    out = []
    for level, title, page in toc[:OUTLINE_LIMIT]:
        title = " ".join(str(title).split())[:200]
        out.append((int(level), title, int(page) - 1 if 1 <= int(page) <= count else -1))
    return out


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
        path, index, zoom, rotation, *rest = args
        page = render_page(docs.get(path), index, zoom=zoom, rotation=rotation, tile=rest[0] if rest else None)
        return (page.width, page.height, page.stride), page
    if kind == "open":
        # one trip for what the viewer needs before it can show anything: the layout and,
        # when the viewer said which page it will show, that page already drawn; a scanned
        # first page is decoded on a thread while the page sizes are read
        path, first = args
        doc = docs.get(path)
        count = page_count(doc)
        drawn: list[RenderedPage | None] = []
        thread = zoom = None
        if first is not None and 0 <= first.page < count:
            zoom = first.zoom_of(page_sizes(doc, [first.page])[0])
            try:
                page = _load_page(doc, first.page)
                matrix = pymupdf.Matrix(_bounded_zoom(page.rect, zoom), _bounded_zoom(page.rect, zoom))
                plan = _jpeg_plan(doc, page, first.page, matrix.prerotate(first.rotation % 360))
            except Exception:
                plan = None  # render_page below says what is wrong with the page
            if plan is not None:
                thread = threading.Thread(target=lambda: drawn.append(plan.draw(split=True)), daemon=True)
                thread.start()
        sizes = page_sizes(doc)
        payload: dict[str, Any] = {"page_sizes": sizes, "outline": outline(doc)}
        if zoom is None:
            return payload, None
        if thread is not None:
            thread.join()
        page = drawn[0] if drawn else None
        if page is None:
            try:
                page = render_page(doc, first.page, zoom=zoom, rotation=first.rotation, split=True)
            except DocumentError:
                return payload, None  # the viewer asks for the page and shows why it failed then
        payload["first"] = (first.page, zoom, first.rotation % 360, page.width, page.height, page.stride)
        return payload, page
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


ARENA_PAGE_BYTES = 24 * 1024 * 1024  # the largest page image sent whole (ui/render.ARENA_BYTES)

READY = 0
"""The job id of the one message a worker sends unasked, once its imports are done (job ids start at 1)."""


def serve(conn: Any, store_limit: int = STORE_LIMIT, arena: tuple[str, int] | None = None) -> None:
    """Worker main loop: answer requests on `conn` until told to quit or the parent goes.

    MuPDF's store is capped at `store_limit` bytes. A page's pixels go into the shared block
    `arena` (its name and size, app/arena.py) when they fit, else down the pipe after the reply.
    (Not niced: the page the expert waits for is drawn here, and a niced worker loses to every
    other program on a busy machine.)
    """
    from app.arena import Arena

    configure_mupdf(store_limit)
    from PIL import ImageFile

    # a page's pixels leave Pillow in one piece (tobytes otherwise encodes 64 KB blocks and joins them: 4 ms a
    # fit-width page); in this process only, which writes no files
    ImageFile.MAXBLOCK = max(ImageFile.MAXBLOCK, ARENA_PAGE_BYTES)
    keep_heap_lean()
    docs = _OpenDocuments()
    shared = Arena.attach(*arena) if arena is not None else None
    try:
        conn.send((READY, True, shared is not None, None))
    except (EOFError, OSError):
        return
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
            shape = None
            if page is not None:
                # (width, height, stride, whether the pixels are in the shared block)
                shape = (page.width, page.height, page.stride, shared is not None and shared.write(page.samples))
            reply = (job, True, payload, shape)
        except DocumentError as exc:
            reply = (job, False, (exc.template, exc.fields), None)
        except Exception:
            path = args[0] if args and isinstance(args[0], str) else ""
            reply = (job, False, ("{file}: is damaged or is not a PDF", {"file": _name(path)}), None)
        try:
            conn.send(reply)
            if reply[3] is not None and not reply[3][3]:
                conn.send_bytes(page.samples)
        except (EOFError, OSError):
            return
        if page is not None:
            payload = page = None
            trim_heap()  # after the reply, so the expert does not wait for it
