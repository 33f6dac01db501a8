"""The expert's PDF viewer: all pages in one scroll, thumbnails, bookmarks, zoom, rotate, search.

Pages are drawn from images the RenderService makes in worker processes; the
viewer only lays out placeholders (sized from the page sizes), asks for the
visible pages and their neighbours, and paints what has arrived. It never
follows links or runs anything in the PDF.

It behaves like the readers experts know (SumatraPDF, Okular, WPS): at fit
width or fit page every page is fitted on its own (a landscape page in a
portrait report neither pushes the others aside nor brings a horizontal
scrollbar); Ctrl+wheel zooms around the cursor; Ctrl+G goes to a page; Alt+←
and Alt+→ go back and forward after a jump (a citation, a bookmark, a
thumbnail, a search hit); one page is turned either way (Ctrl+R, Ctrl+Shift+R)
without turning the others; bookmarks show where the PDF has them; each
material opens again where it was left (`last_page`, `restore`); a page that
failed is tried again with a click or F5. Pages bigger than TILE_ABOVE device
pixels (a scan at a high zoom) are drawn in tiles, so no image in memory is
ever bigger than a tile, and the thumbnails of a 20,000-page file are made as
they scroll into view (a model, not 20,000 items).
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPalette, QPen, QRegion, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.document import DocumentInfo, FirstPage
from app.errors import DocumentError
from ui import search as stored_search
from ui.flow import FlowLayout
from ui.i18n import tr
from ui.render import (
    PRIORITY_PREFETCH,
    PRIORITY_THUMBNAIL,
    PRIORITY_VISIBLE,
    RenderKey,
    RenderService,
    render_key,
    shared_service,
)

POINT = 96 / 72  # pixels per point at 100 %
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
MIN_ZOOM = 0.1
MAX_ZOOM = 8.0
FIT_WIDTH = "fit-width"
FIT_PAGE = "fit-page"
MARGIN = 10  # pixels around the pages
GAP = 10  # pixels between pages
PREFETCH = 2  # pages rendered ahead and behind the visible ones
THUMB_WIDTH = 92
THUMB_HEIGHT = round(THUMB_WIDTH * 1.42)
TILE_ABOVE = 8_000_000
"""A page bigger than this many device pixels is drawn in tiles (half MuPDF's 16 Mpx cap)."""
TILE = 1024  # device pixels a side
PREVIEW_PIXELS = 1_500_000  # a tiled page's stand-in while its tiles come
HISTORY = 50  # places Alt+← can go back to

BACKGROUND = QColor("#dcdee2")
PAGE_BORDER = QColor("#b9bcc2")
FAILED_FILL = QColor("#fdecea")  # a page (or its thumbnail) that could not be drawn
FAILED_INK = QColor("#b3261e")
HIT = QColor(255, 213, 0, 110)
CURRENT_HIT = QColor(255, 120, 0, 150)


def _turn(rect: tuple[float, float, float, float], rotation: int) -> tuple[float, float, float, float]:
    """A hit rectangle (fractions of the page as shown) turned clockwise by `rotation`."""
    x0, y0, x1, y1 = rect
    if rotation == 90:
        return (1 - y1, x0, 1 - y0, x1)
    if rotation == 180:
        return (1 - x1, 1 - y1, 1 - x0, 1 - y0)
    if rotation == 270:
        return (y0, 1 - x1, y1, 1 - x0)
    return rect


@dataclass
class Place:
    """Where a material was left: its page and the pages the expert turned (page -> degrees)."""

    page: int = 0
    turns: dict[int, int] = field(default_factory=dict)


class PageView(QAbstractScrollArea):
    """The continuous page strip; owned and driven by PdfViewer."""

    current_page_changed = Signal(int)
    page_shown = Signal(int)  # the current page was painted at full sharpness
    zoom_changed = Signal(float)
    retry_requested = Signal(int)  # a failed page was clicked

    def __init__(self, service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.path = ""
        self.sizes: list[tuple[float, float]] = []  # points, as the PDF shows them (its own /Rotate)
        self.rotation = 0  # the whole document's turn
        self.turns: dict[int, int] = {}  # a page's own turn on top of it
        self.mode: str | float = FIT_WIDTH
        self.scale = POINT  # pixels per point (logical pixels) of the current page
        self.message = ""  # painted instead of pages while opening
        self.failed: dict[int, DocumentError] = {}
        self.hits: dict[int, list[tuple[float, float, float, float]]] = {}
        self.current_hit: tuple[int, int] | None = None  # (page, index in hits[page])
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._widths: list[int] = []
        self._scales: list[float] = []
        self._content_w = 0
        self._content_h = 0
        self._current = 0
        self._shown: tuple | None = None
        self._schedule_timer = QTimer(self)
        self._schedule_timer.setSingleShot(True)
        self._schedule_timer.setInterval(0)
        self._schedule_timer.timeout.connect(self._request_pages)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Page view"))
        # always there, so fit-width does not flip when a document starts needing it
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.viewport().setAutoFillBackground(False)
        # paintEvent covers every pixel (grey, borders, pages): Qt need not paint the window's background under
        # it first, a viewport-sized fill at every page turn
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setMouseTracking(True)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self._scrolled())
        service.rendered.connect(self._rendered)
        service.render_failed.connect(self._render_failed)

    # -- document -------------------------------------------------------------------------

    def set_document(self, path: str, sizes: list[tuple[float, float]], *, rotation: int = 0, page: int = 0,
                     turns: dict[int, int] | None = None) -> None:
        self.path = path
        self.sizes = sizes or []
        self.rotation = rotation % 360
        self.turns = {int(k): int(v) % 360 for k, v in (turns or {}).items() if 0 <= int(k) < len(self.sizes)}
        self.failed.clear()
        self.hits.clear()
        self.current_hit = None
        self.message = ""
        self._current = -1
        self._relayout(anchor=(max(0, min(page, len(self.sizes) - 1)), 0.0))

    def clear(self, message: str = "") -> None:
        self.service.cancel(self)
        self.path = ""
        self.sizes = []
        self.turns = {}
        self.failed.clear()
        self.hits.clear()
        self.current_hit = None
        self.message = message
        self._tops, self._heights, self._widths, self._scales = [], [], [], []
        self._content_w = self._content_h = 0
        self._update_scrollbars()
        self.viewport().update()

    def page_count(self) -> int:
        return len(self.sizes)

    def page_rotation(self, index: int) -> int:
        """Degrees clockwise page `index` is shown turned: the document's turn and its own."""
        return (self.rotation + self.turns.get(index, 0)) % 360

    def shown_size(self, index: int) -> tuple[float, float]:
        """Page `index` in points as displayed (viewer rotation applied)."""
        width, height = self.sizes[index]
        return (height, width) if self.page_rotation(index) % 180 else (width, height)

    # -- zoom and rotation --------------------------------------------------------------

    def _room(self) -> tuple[int, int]:
        """Logical pixels a page may take at fit-width / fit-page."""
        return max(50, self.viewport().width() - 2 * MARGIN), max(50, self.viewport().height() - 2 * MARGIN)

    def page_scale(self, index: int) -> float:
        """Pixels per point page `index` is laid out at."""
        return self._scales[index] if 0 <= index < len(self._scales) else self.scale

    def first_page(self, page: int, rotation: int) -> FirstPage:
        """How the page opened first will be drawn, for the worker that opens the document."""
        width, height = self._room()
        mode = self.mode if isinstance(self.mode, str) else float(self.mode) * POINT
        return FirstPage(page=page, rotation=rotation % 360, mode=mode, width=width, height=height,
                         device_ratio=self.devicePixelRatioF(), min_scale=MIN_ZOOM * POINT,
                         max_scale=MAX_ZOOM * POINT)

    def set_mode(self, mode: str | float, *, anchor: tuple[int, float, float, QPoint | None] | None = None) -> None:
        self.mode = mode
        self._relayout(anchor=anchor or self._anchor())

    def set_rotation(self, rotation: int) -> None:
        self.rotation = rotation % 360
        self._relayout(anchor=(max(0, self._current), 0.0))

    def turn_page(self, index: int, degrees: int) -> None:
        """Turn page `index` alone by `degrees` (±90) on top of the document's turn."""
        turn = (self.turns.get(index, 0) + degrees) % 360
        if turn:
            self.turns[index] = turn
        else:
            self.turns.pop(index, None)
        self._relayout(anchor=self._anchor())

    # -- layout -------------------------------------------------------------------------

    def _anchor(self) -> tuple[int, float]:
        """(page, fraction of that page at the top of the view), to keep the place on relayout."""
        if not self._tops:
            return (max(0, self._current), 0.0)
        y = self.verticalScrollBar().value()
        index = max(0, bisect.bisect_right(self._tops, y) - 1)
        return index, (y - self._tops[index]) / max(1, self._heights[index])

    def _relayout(self, *, anchor: tuple) -> None:
        old_scale = self.scale
        room = self._room()
        sizes, rotation, turns = self.sizes, self.rotation, self.turns
        # whole lists at a time (a 20,000-page file relays out in a few ms, not a loop per page)
        lo, hi = MIN_ZOOM * POINT, MAX_ZOOM * POINT
        uniform = None if isinstance(self.mode, str) else float(self.mode) * POINT

        def place(size: tuple[float, float]) -> tuple[int, int, float]:
            """(width, height, scale) of a page of `size` points as shown."""
            w, h = max(size[0], 1.0), max(size[1], 1.0)
            if uniform is not None:
                scale = uniform
            elif self.mode == FIT_WIDTH:
                # a stamp-sized page must not "fit" at 5000 % (a 190 MB image); first_page() bounds the same
                scale = min(max(room[0] / w, lo), hi)
            else:
                scale = min(max(min(room[0] / w, room[1] / h), lo), hi)
            return max(1, round(size[0] * scale)), max(1, round(size[1] * scale)), scale

        # pages come in a few sizes: each size is placed once, and the lists are built in C
        # (a 20,000-page file relays out in a few ms, not a Python loop per page)
        shown = [(h, w) for w, h in sizes] if rotation % 180 else list(sizes)
        for index, turn in turns.items():
            if turn % 180 and index < len(shown):
                shown[index] = shown[index][::-1]
        places = {size: place(size) for size in set(shown)}
        if shown:
            widths, heights, scales = (list(v) for v in zip(*map(places.__getitem__, shown)))
        else:
            widths, heights, scales = [], [], []
        tops = list(itertools.accumulate(map(GAP.__add__, heights[:-1]), initial=MARGIN)) if heights else []
        self._tops, self._heights, self._widths, self._scales = tops, heights, widths, scales
        self._content_w = (max(widths) if widths else 0) + 2 * MARGIN
        self._content_h = tops[-1] + heights[-1] + MARGIN if sizes else 0
        self._update_scrollbars()
        if sizes:
            index, fraction = anchor[0], anchor[1]
            index = max(0, min(index, len(sizes) - 1))
            if len(anchor) > 2 and anchor[3] is not None:
                # keep the point (fraction across, fraction down page `index`) under the cursor
                across, cursor = anchor[2], anchor[3]
                rect_x = self._page_x(index)
                self.horizontalScrollBar().setValue(round(rect_x + across * widths[index] - cursor.x()))
                self.verticalScrollBar().setValue(round(tops[index] + fraction * heights[index] - cursor.y()))
            else:
                target = tops[index] + round(fraction * heights[index]) - (MARGIN if fraction == 0 else 0)
                self.verticalScrollBar().setValue(max(0, target))
        self.scale = self.page_scale(max(0, self._current)) if scales else self.scale
        self._shown = None
        self._scrolled()
        if abs(old_scale - self.scale) > 1e-9:
            self.zoom_changed.emit(self.scale / POINT)

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        for bar, total, page in (
            (self.verticalScrollBar(), self._content_h, vh),
            (self.horizontalScrollBar(), self._content_w, vw),
        ):
            bar.setPageStep(max(1, page))
            bar.setSingleStep(max(1, round(40 * self.scale / POINT)) if bar is self.verticalScrollBar() else 20)
            bar.setRange(0, max(0, total - page))

    def _page_x(self, index: int) -> int:
        """Page `index`'s left edge in content coordinates (centred in the view or the widest page)."""
        vw = self.viewport().width()
        return max(MARGIN, (max(vw, self._content_w) - self._widths[index]) // 2)

    def page_rect(self, index: int) -> QRect:
        """Where page `index` is, in viewport coordinates."""
        x = self._page_x(index) - self.horizontalScrollBar().value()
        y = self._tops[index] - self.verticalScrollBar().value()
        return QRect(x, y, self._widths[index], self._heights[index])

    def page_at(self, pos: QPoint) -> int:
        """The page under viewport point `pos` (the nearest one in a gap), -1 without pages."""
        if not self._tops:
            return -1
        y = pos.y() + self.verticalScrollBar().value()
        return max(0, min(len(self._tops) - 1, bisect.bisect_right(self._tops, y) - 1))

    def visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if self._tops[first] + self._heights[first] < top:
            first = min(first + 1, len(self._tops) - 1)
        last = max(first, bisect.bisect_left(self._tops, bottom) - 1)
        return range(first, min(last, len(self._tops) - 1) + 1)

    def go_to_page(self, index: int) -> None:
        if not self.sizes:
            return
        index = max(0, min(index, len(self.sizes) - 1))
        self.verticalScrollBar().setValue(max(0, self._tops[index] - MARGIN))
        # at the end of the document the last pages cannot reach the top; say so anyway
        self._set_current(index)

    def current_page(self) -> int:
        return max(0, self._current)

    def _scrolled(self, *_: object) -> None:
        if self._tops:
            top = self.verticalScrollBar().value()
            probe = top + min(self.viewport().height() // 3, 200)
            index = max(0, bisect.bisect_right(self._tops, probe) - 1)
            bar = self.verticalScrollBar()
            if top <= 0:
                index = 0  # short pages: the probe line may already be on page 2
            if not (bar.value() >= bar.maximum() and self._current > index and bar.maximum() > 0):
                self._set_current(index)
        self.schedule()
        self.viewport().update()

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            old = self.scale
            self.scale = self.page_scale(index)
            self.current_page_changed.emit(index)
            if abs(old - self.scale) > 1e-9:
                self.zoom_changed.emit(self.scale / POINT)

    # -- rendering ----------------------------------------------------------------------

    def device_size(self, index: int) -> tuple[int, int]:
        """Page `index`'s image size in device pixels at its layout scale."""
        dpr = self.devicePixelRatioF()
        return round(self._widths[index] * dpr), round(self._heights[index] * dpr)

    def tiled(self, index: int) -> bool:
        w, h = self.device_size(index)
        return w * h > TILE_ABOVE

    def key(self, index: int) -> RenderKey:
        """The whole-page image of page `index` as laid out (a tiled page: its small stand-in)."""
        zoom = self.page_scale(index) * self.devicePixelRatioF()
        if self._widths and self.tiled(index):
            w, h = self.device_size(index)
            zoom *= (PREVIEW_PIXELS / (w * h)) ** 0.5
        return render_key(self.path, index, zoom, self.page_rotation(index))

    def tile_keys(self, index: int, area: QRect | None = None) -> list[tuple[RenderKey, QRectF]]:
        """The tiles of a tiled page that meet `area` (viewport coordinates; default the viewport),
        each with where it goes in viewport coordinates."""
        rect = self.page_rect(index)
        area = (area or self.viewport().rect()).intersected(rect)
        if area.isEmpty():
            return []
        dpr = self.devicePixelRatioF()
        w, h = self.device_size(index)
        zoom = self.page_scale(index) * dpr
        x0 = max(0, int((area.left() - rect.left()) * dpr) // TILE)
        x1 = min((w - 1) // TILE, int((area.right() + 1 - rect.left()) * dpr) // TILE)
        y0 = max(0, int((area.top() - rect.top()) * dpr) // TILE)
        y1 = min((h - 1) // TILE, int((area.bottom() + 1 - rect.top()) * dpr) // TILE)
        out = []
        rotation = self.page_rotation(index)
        for ty in range(y0, y1 + 1):
            for tx in range(x0, x1 + 1):
                tile = (tx * TILE, ty * TILE, min(TILE, w - tx * TILE), min(TILE, h - ty * TILE))
                where = QRectF(rect.left() + tile[0] / dpr, rect.top() + tile[1] / dpr, tile[2] / dpr, tile[3] / dpr)
                out.append((render_key(self.path, index, zoom, rotation, tile), where))
        return out

    def schedule(self) -> None:
        """Ask for the pages in view (and their neighbours) soon, coalescing bursts of scrolling."""
        self._schedule_timer.start()

    def _request_pages(self) -> None:
        if not self.path or not self.sizes:
            return
        visible = self.visible_pages()
        wanted: list[RenderKey] = []
        order = sorted(visible, key=lambda i: abs(i - self.current_page()))
        for index in order:
            if index in self.failed:
                continue
            key = self.key(index)
            wanted.append(key)
            self.service.render(key, priority=PRIORITY_VISIBLE, owner=self)
            if self.tiled(index):
                for tile_key, _ in self.tile_keys(index):
                    wanted.append(tile_key)
                    self.service.render(tile_key, priority=PRIORITY_VISIBLE + 1, owner=self)
        if len(visible):
            around = []
            for step in range(1, PREFETCH + 1):
                around += [visible[-1] + step, visible[0] - step]
            for offset, index in enumerate(i for i in around if 0 <= i < len(self.sizes)):
                key = self.key(index)
                wanted.append(key)
                if index not in self.failed:
                    self.service.render(key, priority=PRIORITY_PREFETCH + offset, owner=self)
        self.service.retain(self, wanted)

    def _rendered(self, key: RenderKey, image: QImage) -> None:
        if key.path == self.path and key.page < len(self.sizes) and key.rotation == self.page_rotation(key.page):
            self.failed.pop(key.page, None)
            if key.page in self.visible_pages():
                self.viewport().update()

    def _render_failed(self, key: RenderKey, error: DocumentError) -> None:
        # only this view's own images: a thumbnail that failed is the thumbnail strip's business
        if key.path == self.path and key.page < len(self.sizes) and (key.tile is not None or key == self.key(key.page)):
            self.failed[key.page] = error
            self.viewport().update()

    def retry(self, index: int) -> bool:
        """Ask again for a page that failed; False when it had not failed."""
        if self.failed.pop(index, None) is None:
            return False
        self.viewport().update()
        self.schedule()
        return True

    # -- Qt -----------------------------------------------------------------------------

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        if isinstance(self.mode, str) and self.sizes:
            self._relayout(anchor=self._anchor())
        else:
            self._update_scrollbars()
            self.schedule()

    def wheelEvent(self, event: QEvent) -> None:
        """Ctrl+wheel zooms around the cursor (as in every reader); the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps and self.sizes:
                self.zoom_at(1.1 ** steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def zoom_at(self, factor: float, pos: QPoint) -> None:
        """Zoom by `factor`, keeping the spot under viewport point `pos` where it is."""
        index = self.page_at(pos)
        if index < 0:
            return
        rect = self.page_rect(index)
        across = (pos.x() - rect.x()) / max(1, rect.width())
        down = (pos.y() - rect.y()) / max(1, rect.height())
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.page_scale(index) / POINT * factor))
        self.set_mode(round(zoom, 4), anchor=(index, down, across, pos))

    def mousePressEvent(self, event: QEvent) -> None:
        index = self.page_at(event.position().toPoint())
        if (event.button() == Qt.MouseButton.LeftButton and index in self.failed
                and self.page_rect(index).contains(event.position().toPoint())):
            self.retry_requested.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)

    def paintEvent(self, event: QEvent) -> None:
        painter = QPainter(self.viewport())
        if not self.sizes:
            painter.fillRect(self.viewport().rect(), BACKGROUND)
            if self.message:
                painter.setPen(QColor("#505459"))
                painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            painter.end()
            return
        dpr = self.devicePixelRatioF()
        sharp_current = False
        missing = False
        visible = self.visible_pages()
        # the grey around the pages, then each page's one-pixel border: each pixel is filled once (a page-sized
        # fill under each page cost a millisecond a page at every turn)
        around = QRegion(event.rect())
        for index in visible:
            around -= QRegion(self.page_rect(index))
        for band in around:
            painter.fillRect(band, BACKGROUND)
        painter.setPen(PAGE_BORDER)
        for index in visible:
            painter.drawRect(self.page_rect(index).adjusted(-1, -1, 0, 0))
        for index in visible:
            rect = self.page_rect(index)
            key = self.key(index)
            image = self.service.cached(key)
            tiled = self.tiled(index)
            if image is not None and not tiled:
                image.setDevicePixelRatio(dpr)
                if image.width() == round(rect.width() * dpr):
                    if image.height() < round(rect.height() * dpr):  # a row short by rounding: no stale pixels
                        painter.fillRect(rect, Qt.GlobalColor.white)
                    painter.drawImage(rect.topLeft(), image)
                else:
                    painter.drawImage(QRectF(rect), image)
                sharp_current |= index == self._current
            else:
                painter.fillRect(rect, Qt.GlobalColor.white)
                stand_in = image if image is not None else self.service.best_cached(
                    self.path, index, self.page_rotation(index), zoom=key.zoom)
                if stand_in is not None:
                    painter.drawImage(QRectF(rect), stand_in)
                error = self.failed.get(index)
                if tiled and error is None:
                    sharp = True
                    for tile_key, where in self.tile_keys(index, event.rect()):
                        tile = self.service.cached(tile_key)
                        if tile is None:
                            sharp = False
                            continue
                        painter.drawImage(where, tile)
                    sharp_current |= sharp and index == self._current
                    missing |= not sharp
                elif error is None:
                    missing = True  # evicted from the cache before it was painted: ask again
                if error is not None:
                    self._paint_page_error(painter, rect, error)
                elif stand_in is None and not tiled:
                    painter.setPen(QColor("#9aa0a6"))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("Page {n}").format(n=index + 1))
            self._paint_hits(painter, index, rect)
        painter.end()
        if missing:
            self.schedule()  # the service ignores keys already queued or running
        shown = (self.path, self._current, self.scale, self.page_rotation(max(0, self._current)))
        if sharp_current and shown != self._shown:
            self._shown = shown
            self.page_shown.emit(self._current)

    def _paint_page_error(self, painter: QPainter, rect: QRect, error: DocumentError) -> None:
        painter.setPen(QColor("#b3261e"))
        inner = rect.adjusted(20, 20, -20, -20)
        text = str(error) + "\n\n" + tr("Click the page or press F5 to try again.")
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _paint_hits(self, painter: QPainter, index: int, rect: QRect) -> None:
        hits = self.hits.get(index)
        if not hits:
            return
        for number, hit in enumerate(hits):
            x0, y0, x1, y1 = _turn(hit, self.page_rotation(index))
            box = QRectF(rect.x() + x0 * rect.width(), rect.y() + y0 * rect.height(),
                         (x1 - x0) * rect.width(), (y1 - y0) * rect.height())
            current = self.current_hit == (index, number)
            painter.fillRect(box, CURRENT_HIT if current else HIT)
            if current:
                painter.setPen(QPen(QColor("#c45500"), 1.5))
                painter.drawRect(box)

    def scroll_to_hit(self, index: int, hit: tuple[float, float, float, float]) -> None:
        """Bring a search hit into view, a little below the top."""
        x0, y0, x1, y1 = _turn(hit, self.page_rotation(index))
        y = self._tops[index] + y0 * self._heights[index]
        top = self.verticalScrollBar().value()
        if not (top + 40 <= y <= top + self.viewport().height() - 60):
            self.verticalScrollBar().setValue(max(0, round(y - self.viewport().height() / 3)))
        x = x0 * self._widths[index]
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:
            bar.setValue(max(0, round(x - self.viewport().width() / 3)))
        self._set_current(index)
        self.viewport().update()


class _ThumbnailModel(QStringListModel):
    """One row per page holding its number and nothing else: the pictures are looked up as rows
    are painted. Rows are counted in C++ (QStringListModel): the list view's layout asks for the
    row count twice a row, and 40,000 calls into Python froze the window on a 20,000-page file."""

    def __init__(self, parent: QWidget | None = None, failed: Callable[[int], bool] = lambda _row: False) -> None:
        super().__init__(parent)
        self.rows = 0
        self.failed = failed  # whether a row's picture could not be made

    def set_rows(self, rows: int) -> None:
        self.rows = rows
        self.setStringList([str(n) for n in range(1, rows + 1)])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            if self.failed(index.row()):
                return tr("Page {n}: its picture could not be made; click it, then click the page to try again"
                          ).format(n=index.row() + 1)
            return tr("Page {n}").format(n=index.row() + 1)
        return super().data(index, role)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def changed(self, row: int) -> None:
        if 0 <= row < self.rows:
            index = self.index(row)
            self.dataChanged.emit(index, index)


class _ThumbnailDelegate(QStyledItemDelegate):
    """Paints a page's thumbnail (or a blank page of its shape) with its number under it."""

    def __init__(self, viewer: "PdfViewer") -> None:
        super().__init__(viewer)
        self.viewer = viewer

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(THUMB_WIDTH + 16, THUMB_HEIGHT + option.fontMetrics.height() + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.row()
        cell = option.rect
        painter.save()
        current = self.viewer.thumbnails.currentIndex().row() == row
        if current:
            painter.fillRect(cell.adjusted(2, 1, -2, -1), QColor("#c9dcf5"))
        box = self.viewer.thumbnail_box(row, QRect(cell.x() + 8, cell.y() + 4, THUMB_WIDTH, THUMB_HEIGHT))
        painter.fillRect(box.adjusted(-1, -1, 1, 1), PAGE_BORDER)
        image = self.viewer.thumbnail_image(row)
        if image is not None:
            painter.drawImage(QRectF(box), image)
        elif self.viewer.thumbnail_failed(row):
            # not blank, which reads as "still coming": a mark, and the tooltip says what to do
            painter.fillRect(box, FAILED_FILL)
            painter.setPen(FAILED_INK)
            font = painter.font()
            font.setPixelSize(max(12, box.width() // 3))
            painter.setFont(font)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "⚠")
            painter.setFont(option.font)
        else:
            painter.fillRect(box, Qt.GlobalColor.white)
            self.viewer.want_thumbnail(row)
        painter.setPen(QColor("#0b3d91") if current else QColor("#3c4043"))
        text_rect = QRect(cell.x(), cell.y() + THUMB_HEIGHT + 6, cell.width(), option.fontMetrics.height() + 4)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(row + 1))
        painter.restore()


class _ThumbnailList(QListView):
    """Small page pictures in a model/view list: rows of one size, pictures made as they are seen."""

    def __init__(self, viewer: "PdfViewer") -> None:
        super().__init__(viewer)
        self.model_ = _ThumbnailModel(self, viewer.thumbnail_failed)
        self.setModel(self.model_)
        self.setItemDelegate(_ThumbnailDelegate(viewer))
        self.setUniformItemSizes(True)  # no size asked of 20,000 rows
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(tr("Page thumbnails"))
        # the grey behind the rows as the palette's, not a style sheet's: a style-sheet background makes the
        # viewport non-opaque, and then every scroll by a row repainted the whole strip twice (3-4 ms a turn)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#eceef1"))
        self.setPalette(palette)
        self.setStyleSheet(
            "QScrollBar:vertical { width: 8px; background: transparent; }"
            "QScrollBar::handle:vertical { background: #c2c6cc; border-radius: 4px; min-height: 24px; }"
            "QScrollBar::add-line, QScrollBar::sub-line { height: 0; }"
        )

    def count(self) -> int:
        return self.model_.rows

    def currentRow(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def setCurrentRow(self, row: int) -> None:
        if 0 <= row < self.count():
            self.setCurrentIndex(self.model_.index(row))

    def visible_rows(self) -> range:
        if self.count() == 0:
            return range(0)
        top = self.indexAt(QPoint(10, 2))
        bottom = self.indexAt(QPoint(10, self.viewport().height() - 2))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else self.count() - 1
        return range(max(0, first - 1), min(self.count(), last + 2))

    def repaint_rows(self, *rows: int) -> None:
        """Repaint these rows alone, for a change of picture or highlight, not of the rows' data (a dataChanged
        makes QListView repaint every row in view: 2-4 ms of the window's time at each page turn)."""
        for row in set(rows):
            if 0 <= row < self.count():
                self.update(self.model_.index(row))

    def scroll_to_row(self, row: int) -> None:
        if 0 <= row < self.count():
            self.scrollTo(self.model_.index(row), QAbstractItemView.ScrollHint.EnsureVisible)


class PdfViewer(QWidget):
    """A material PDF beside the rubric: open(path), navigate, zoom, rotate, search.

    Signals carry 0-based page numbers. The window remembers a rotation per file
    from `rotation_changed` and passes it back to open(); a page turned on its own
    comes as `page_rotated`, and `place(path)` / `restore(path, ...)` give and take
    where each material was left (page and turned pages).
    """

    document_loaded = Signal(str, int)  # path, page count
    document_failed = Signal(str, str)  # path, the sentence shown (names the file and why)
    current_page_changed = Signal(int)
    page_shown = Signal(int)  # the current page is on screen at full sharpness
    rotation_changed = Signal(str, int)  # path, degrees clockwise (0, 90, 180, 270) of the whole document
    page_rotated = Signal(str, int, int)  # path, page, degrees clockwise that page alone is turned
    zoom_changed = Signal(float)  # 1.0 = 100 %
    search_finished = Signal(str, int)  # text, number of hits

    def __init__(self, service: RenderService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service or shared_service()
        self.path = ""
        self.info: DocumentInfo | None = None
        self.error: DocumentError | None = None
        self._hits: list[tuple[int, int]] = []  # (page, index within that page's hits)
        self._hit_at = -1
        self._search_text = ""
        self._pending_page = 0
        self._pending_rotation = 0
        self._pending_turns: dict[int, int] = {}
        self._thumb_owner = object()
        self._thumb_failed: set[int] = set()  # pages whose thumbnail failed: not asked for again
        self._places: dict[str, Place] = {}
        self._back: list[tuple[str, int]] = []
        self._forward: list[tuple[str, int]] = []
        self.open_handler: Callable[[str, int], None] | None = None
        """Set by a window that must know when Alt+← goes back to another file: called with
        (path, 0-based page) instead of the viewer opening it itself."""
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._request_thumbnails)

        self.view = PageView(self.service, self)
        self.thumbnails = _ThumbnailList(self)
        self.outline = QTreeWidget(self)
        self._stored: stored_search.StoredText | None = None  # text recognised on the secretary's machine
        self._build()
        self.search_panel = stored_search.attach(self)

        self.service.loaded.connect(self._loaded)
        self.service.load_failed.connect(self._load_failed)
        self.service.searched.connect(self._searched)
        self.service.text_probed.connect(self._text_probed)
        self.service.rendered.connect(self._thumbnail_rendered)
        self.service.render_failed.connect(self._thumbnail_failed)
        self.view.current_page_changed.connect(self._page_changed)
        self.view.page_shown.connect(self.page_shown)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.view.retry_requested.connect(self.retry_page)
        self.thumbnails.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._thumbnail_clicked(cur.row()))
        self.thumbnails.verticalScrollBar().valueChanged.connect(lambda _: self._thumb_timer.start())
        self.outline.itemActivated.connect(self._outline_clicked)
        self.outline.itemClicked.connect(self._outline_clicked)
        self._set_enabled(False)

    # -- building -------------------------------------------------------------------------

    def _tool(self, text: str, tip: str, slot, *, shortcut: str | None = None, parent: QWidget | None = None) -> QToolButton:
        button = QToolButton(parent or self)
        button.setText(text)
        keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText) if shortcut else ""
        button.setToolTip(tip + (f"  ({keys})" if keys else ""))
        button.setAccessibleName(tip)
        if keys:
            button.setAccessibleDescription(keys)
        button.setAutoRaise(True)
        button.setMinimumSize(28, 28)
        button.clicked.connect(slot)
        return button

    def _group(self, bar: QWidget, *widgets: QWidget) -> QWidget:
        """Controls that stay together on one row when the toolbar wraps."""
        group = QWidget(bar)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for widget in widgets:
            widget.setParent(group)
            row.addWidget(widget)
        return group

    def _build(self) -> None:
        bar = QWidget(self)
        bar.setObjectName("viewerBar")
        bar.setStyleSheet(
            "#viewerBar { background: #f6f7f9; border-bottom: 1px solid #d5d8dc; }"
            "QToolButton { font-size: 15px; color: #3c4043; padding: 0 4px; }"
            "QToolButton:checked { background: #dbe6f6; border-radius: 4px; }"
        )
        flow = FlowLayout(bar, spacing=8, row_spacing=2)
        flow.setContentsMargins(6, 3, 6, 3)

        self.thumbs_button = self._tool("▤", tr("Show or hide page thumbnails"), self._toggle_thumbnails)
        self.thumbs_button.setCheckable(True)
        self.thumbs_button.setChecked(True)
        self.back_button = self._tool("←", tr("Back"), self.back, shortcut="Alt+Left")
        self.forward_button = self._tool("→", tr("Forward"), self.forward, shortcut="Alt+Right")
        self.prev_button = self._tool("‹", tr("Previous page"), self.previous_page, shortcut="PgUp")
        self.next_button = self._tool("›", tr("Next page"), self.next_page, shortcut="PgDown")
        self.page_box = QSpinBox(bar)
        self.page_box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setFixedWidth(self.page_box.fontMetrics().horizontalAdvance("88888") + 16)
        keys = QKeySequence("Ctrl+G").toString(QKeySequence.SequenceFormat.NativeText)
        self.page_box.setToolTip(tr("Go to page") + f"  ({keys})")
        self.page_box.setAccessibleName(tr("Go to page"))
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.page_box.lineEdit().returnPressed.connect(self.view.setFocus)
        self.page_total = QLabel("/ 0", bar)
        self.page_total.setStyleSheet("color: #5f6368;")

        self.zoom_out_button = self._tool("−", tr("Zoom out"), self.zoom_out, shortcut="Ctrl+-")
        self.zoom_box = QComboBox(bar)
        self.zoom_box.setEditable(False)
        self.zoom_box.setMinimumContentsLength(6)
        self.zoom_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zoom_box.setToolTip(tr("Zoom"))
        self.zoom_box.setAccessibleName(tr("Zoom"))
        self.zoom_box.addItem(tr("Fit width"), FIT_WIDTH)
        self.zoom_box.addItem(tr("Fit page"), FIT_PAGE)
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(step * 100)}%", step)
        self.zoom_box.activated.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        self.zoom_in_button = self._tool("+", tr("Zoom in"), self.zoom_in, shortcut="Ctrl++")
        self.rotate_left_button = self._tool("↺", tr("Turn this page anticlockwise"), self.rotate_back,
                                             shortcut="Ctrl+Shift+R")
        self.rotate_button = self._tool("↻", tr("Turn this page clockwise"), self.rotate, shortcut="Ctrl+R")

        self.search_box = QLineEdit(bar)
        self.search_box.setPlaceholderText(tr("Search text"))
        self.search_box.setAccessibleName(tr("Search text"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(110)
        self.search_box.setMaximumWidth(240)
        self.search_box.returnPressed.connect(self._search_return)
        self.search_box.textChanged.connect(self._search_edited)
        self.hit_prev_button = self._tool("⌃", tr("Previous match"), self.previous_hit, shortcut="Shift+F3")
        self.hit_next_button = self._tool("⌄", tr("Next match"), self.next_hit, shortcut="F3")
        self.hit_label = QLabel("", bar)
        self.hit_label.setStyleSheet("color: #5f6368;")
        self.hit_label.setMinimumWidth(self.hit_label.fontMetrics().horizontalAdvance("888 / 888") + 4)

        self._groups = [
            self._group(bar, self.thumbs_button, self.back_button, self.forward_button),
            self._group(bar, self.prev_button, self.page_box, self.page_total, self.next_button),
            self._group(bar, self.zoom_out_button, self.zoom_box, self.zoom_in_button),
            self._group(bar, self.rotate_left_button, self.rotate_button),
            self._group(bar, self.search_box, self.hit_prev_button, self.hit_next_button, self.hit_label),
        ]
        for group in self._groups:
            flow.addWidget(group)

        self.outline.setHeaderHidden(True)
        self.outline.setAccessibleName(tr("Bookmarks"))
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.outline.setFrameShape(QFrame.Shape.NoFrame)
        self.side = QTabWidget(self)
        self.side.setDocumentMode(True)
        self.side.addTab(self.thumbnails, tr("Pages"))
        self.side.addTab(self.outline, tr("Bookmarks"))
        self.side.setAccessibleName(tr("Pages and bookmarks"))
        self._show_outline_tab(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.side.setMinimumWidth(THUMB_WIDTH + 34)
        self.side.setMaximumWidth(360)
        self.splitter.setSizes([THUMB_WIDTH + 40, 800])

        self.error_view = QWidget(self)
        self.error_view.setObjectName("viewerError")
        self.error_view.setStyleSheet("#viewerError { background: #f6f7f9; }")
        column = QVBoxLayout(self.error_view)
        column.addStretch(2)
        self.error_sign = QLabel("!", self.error_view)
        self.error_sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_sign.setFixedSize(56, 56)
        self.error_sign.setStyleSheet(
            "background: #fce8e6; color: #b3261e; border-radius: 28px; font-size: 30px; font-weight: bold;")
        self.error_title = QLabel(tr("This document cannot be shown"), self.error_view)
        self.error_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title_font = QFont(self.error_title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.error_title.setFont(title_font)
        self.error_title.setStyleSheet("color: #202124;")
        self.error_text = QLabel("", self.error_view)
        self.error_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_text.setWordWrap(True)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_text.setStyleSheet("color: #3c4043;")
        self.error_hint = QLabel(
            tr("Ask the secretary for a readable copy of this material; the other materials can still be reviewed."),
            self.error_view)
        self.error_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_hint.setWordWrap(True)
        self.error_hint.setStyleSheet("color: #5f6368;")
        self.retry_button = QPushButton(tr("Try again"), self.error_view)
        self.retry_button.setAccessibleName(tr("Try again"))
        self.retry_button.setToolTip(tr("Try again") + "  (F5)")
        self.retry_button.clicked.connect(self.reload)
        column.addWidget(self.error_sign, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(10)
        column.addWidget(self.error_title)
        column.addWidget(self.error_text)
        column.addSpacing(6)
        column.addWidget(self.error_hint)
        column.addSpacing(10)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        column.setContentsMargins(16, 20, 16, 20)
        self.error_view.setMinimumWidth(200)  # the sentences wrap; a narrow pane at 150 % still fits

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.error_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)
        self._bar = bar

        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("PgDown", self.next_page), ("PgUp", self.previous_page),
            ("Home", lambda: self.go_to_page(0)), ("End", lambda: self.go_to_page(self.page_count() - 1)),
            ("Ctrl++", self.zoom_in), ("Ctrl+=", self.zoom_in), ("Ctrl+-", self.zoom_out),
            ("Ctrl+0", lambda: self.set_zoom(FIT_WIDTH)), ("Ctrl+R", self.rotate), ("Ctrl+Shift+R", self.rotate_back),
            ("Ctrl+G", self._focus_page_box), ("Alt+Left", self.back), ("Alt+Right", self.forward),
            ("F5", self._retry_visible),
            ("Ctrl+F", self._focus_search), ("F3", self.next_hit), ("Shift+F3", self.previous_hit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(ctx)
            shortcut.activated.connect(slot)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.prev_button, self.next_button, self.page_box, self.zoom_out_button, self.zoom_box,
                       self.zoom_in_button, self.rotate_button, self.rotate_left_button):
            widget.setEnabled(on)
        self._sync_history_buttons()
        self._set_search_enabled(on)

    def _show_outline_tab(self, on: bool) -> None:
        self.side.setTabVisible(1, on)
        self.side.tabBar().setVisible(on)
        if not on:
            self.side.setCurrentIndex(0)

    # -- opening ------------------------------------------------------------------------

    def open(self, path: str, *, rotation: int = 0, page: int | None = None,
             turns: dict[int, int] | None = None) -> None:
        """Show `path` (asynchronously); document_loaded or document_failed follows.

        `page` None opens it where it was left (last_page), else at page 1; `turns` (page ->
        degrees) the pages turned on their own, by default as they were left.
        """
        path = os.path.abspath(str(path))
        if self.path and self.path != path and self.info is not None:
            self._remember_jump()
        self._cancel_current()
        place = self._places.get(path)
        self.path = path
        self.info = None
        self.error = None
        self._pending_page = page if page is not None else (place.page if place else 0)
        self._pending_rotation = rotation % 360
        self._pending_turns = dict(turns if turns is not None else (place.turns if place else {}))
        self._reset_search()
        self._stored = stored_search.stored_text(path)
        self.thumbnails.model_.set_rows(0)
        self.outline.clear()
        self._show_outline_tab(False)
        self.view.clear(tr("Opening {file}…").format(file=os.path.basename(path)))
        self.stack.setCurrentWidget(self.splitter)
        self._bar.setVisible(True)
        self.page_total.setText("/ 0")
        self._set_enabled(False)
        # the worker that opens the file draws the first page too (one trip, not two); a
        # hidden viewer's size is a poor guess, and a wrong guess costs a whole render
        first_rotation = (self._pending_rotation + self._pending_turns.get(self._pending_page, 0)) % 360
        first = self.view.first_page(self._pending_page, first_rotation) if self.view.isVisible() else None
        self.service.load(path, first=first, owner=self.view)

    def reload(self) -> None:
        """Open the shown file again (after it failed), at the same place."""
        if self.path:
            path, page = self.path, self._pending_page if self.info is None else self.current_page()
            self.service.forget(path)
            self.path = ""
            self.open(path, rotation=self._pending_rotation, page=page)

    def _cancel_current(self) -> None:
        """Give up every piece of work for the document shown so far (running renders included)."""
        self.service.cancel(self.view)
        self.service.cancel(self._thumb_owner)
        self.service.cancel(self)

    def close_document(self) -> None:
        """Show nothing (and stop asking for this document's pages)."""
        if self.path and self.info is not None:
            self._remember_jump()
        self._cancel_current()
        self.path = ""
        self.info = None
        self.error = None
        self._reset_search()
        self._stored = None
        self.thumbnails.model_.set_rows(0)
        self.outline.clear()
        self._show_outline_tab(False)
        self.view.clear("")
        self.stack.setCurrentWidget(self.splitter)
        self._bar.setVisible(True)
        self._set_enabled(False)

    def _loaded(self, path: str, info: DocumentInfo) -> None:
        if path != self.path or self.info is not None:
            return
        self.info = info
        self.view.set_document(path, info.page_sizes, rotation=self._pending_rotation, page=self._pending_page,
                               turns=self._pending_turns)
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, len(info.page_sizes)))
        self.page_box.setValue(self.view.current_page() + 1)
        self.page_box.blockSignals(False)
        self.page_total.setText(f"/ {len(info.page_sizes)}")
        self._set_enabled(True)
        self._sync_zoom_box()
        self._remember_place()
        self.document_loaded.emit(path, len(info.page_sizes))
        if self.path != path:
            return  # a listener opened something else
        if self.view.isVisible():
            # the first page usually came with the layout: show it before the side pane is filled, and fill
            # that in the next turn of the event loop (both at once kept the window busy 10-15 ms)
            self.view.viewport().repaint()
            if self.path != path:
                return
            QTimer.singleShot(0, self, lambda: self._fill_side(path, info))
        else:
            self._fill_side(path, info)

    def _fill_side(self, path: str, info: DocumentInfo) -> None:
        """The thumbnails and the bookmarks of the document just loaded (unless another came since)."""
        if self.path != path or self.info is None or self.info.page_sizes is not info.page_sizes:
            return
        self._fill_thumbnails()
        self._fill_outline(info.outline)

    def _text_probed(self, path: str, has_text: bool) -> None:
        if path == self.path and self.info is not None:
            self.info = DocumentInfo(path=self.info.path, page_sizes=self.info.page_sizes, has_text=has_text,
                                     outline=self.info.outline)
            self._set_enabled(True)

    def _load_failed(self, path: str, error: DocumentError) -> None:
        if path != self.path or self.info is not None:
            return
        self.show_error(error)

    def show_error(self, error: DocumentError) -> None:
        """Show the error view with `error`'s sentence (which names the file and the reason)."""
        self.error = error
        self.error_text.setText(str(error))
        self.stack.setCurrentWidget(self.error_view)
        self._bar.setVisible(False)  # page numbers and zoom mean nothing here
        self._set_enabled(False)
        self.document_failed.emit(self.path, str(error))

    def error_message(self) -> str:
        """The sentence on the error view, or "" when the document is shown."""
        return str(self.error) if self.error is not None else ""

    def retry_page(self, index: int) -> None:
        """Draw page `index` again after it failed (a click on it, or F5)."""
        self.view.retry(index)
        if index in self._thumb_failed:
            self._thumb_failed.discard(index)
            self._thumb_timer.start()

    def _retry_visible(self) -> None:
        if self.error is not None:
            self.reload()
            return
        for index in self.view.visible_pages():
            self.view.retry(index)

    # -- where each material was left ---------------------------------------------------

    def place(self, path: str) -> Place | None:
        """Where `path` was left in this run (page and turned pages), or None."""
        place = self._places.get(os.path.abspath(str(path)))
        return Place(place.page, dict(place.turns)) if place else None

    def last_page(self, path: str) -> int | None:
        """The 0-based page `path` was last shown at in this run (or as restored), or None."""
        place = self._places.get(os.path.abspath(str(path)))
        return place.page if place else None

    def restore(self, path: str, *, page: int | None = None, turns: dict[int, int] | None = None) -> None:
        """Tell the viewer where `path` was left (the window keeps it across runs): the next
        open(path) without a page lands there."""
        place = self._places.setdefault(os.path.abspath(str(path)), Place())
        if page is not None:
            place.page = max(0, int(page))
        if turns is not None:
            place.turns = {int(k): int(v) % 360 for k, v in turns.items() if int(v) % 360}

    def _remember_place(self) -> None:
        if self.path and self.info is not None:
            place = self._places.setdefault(self.path, Place())
            place.page = self.view.current_page()
            place.turns = dict(self.view.turns)

    # -- navigation -----------------------------------------------------------------------

    def page_count(self) -> int:
        return self.view.page_count()

    def current_page(self) -> int:
        return self.view.current_page()

    def go_to_page(self, index: int) -> None:
        """Jump so page `index` (0-based) starts at the top; Alt+← comes back."""
        if self.page_count() and index != self.current_page():
            self._remember_jump()
        self.view.go_to_page(index)

    def next_page(self) -> None:
        self.view.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.view.go_to_page(self.current_page() - 1)

    def _focus_page_box(self) -> None:
        if self.page_box.isEnabled():
            self.page_box.setFocus()
            self.page_box.selectAll()

    def _remember_jump(self) -> None:
        here = (self.path, self.current_page())
        if here[0] and (not self._back or self._back[-1] != here):
            self._back.append(here)
            del self._back[:-HISTORY]
        self._forward.clear()
        self._sync_history_buttons()

    def back(self) -> None:
        """Go back to where the last jump left from (Alt+←)."""
        self._step_history(self._back, self._forward)

    def forward(self) -> None:
        """Go forward again after going back (Alt+→)."""
        self._step_history(self._forward, self._back)

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def _step_history(self, source: list, target: list) -> None:
        while source:
            path, page = source.pop()
            if (path, page) == (self.path, self.current_page()):
                continue
            if self.path:
                target.append((self.path, self.current_page()))
            if path == self.path:
                self.view.go_to_page(page)
            else:
                forward = list(self._forward)
                back = list(self._back)
                if self.open_handler is not None:
                    self.open_handler(path, page)
                else:
                    self.open(path, page=page)
                self._forward, self._back = forward, back  # opening is not a new jump here
            break
        self._sync_history_buttons()

    def _sync_history_buttons(self) -> None:
        self.back_button.setEnabled(bool(self._back))
        self.forward_button.setEnabled(bool(self._forward))

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.view.setAccessibleDescription(tr("Page {n} of {total}").format(n=index + 1, total=self.page_count()))
        if 0 <= index < self.thumbnails.count():
            before = self.thumbnails.currentRow()
            self.thumbnails.selectionModel().blockSignals(True)
            self.thumbnails.setCurrentRow(index)
            self.thumbnails.selectionModel().blockSignals(False)
            self.thumbnails.repaint_rows(before, index)  # the view heard nothing: its signals were blocked
            self.thumbnails.scroll_to_row(index)
        if self.info is not None:
            self._remember_place()
        self.current_page_changed.emit(index)

    # -- zoom and rotation --------------------------------------------------------------

    def zoom(self) -> float:
        """The current page's zoom, 1.0 = 100 %."""
        return self.view.page_scale(self.current_page()) / POINT if self.page_count() else self.view.scale / POINT

    def zoom_mode(self) -> str | float:
        return self.view.mode

    def set_zoom(self, mode: str | float) -> None:
        """FIT_WIDTH, FIT_PAGE, or a factor (1.0 = 100 %, clamped to 0.1..8)."""
        if not isinstance(mode, str):
            mode = max(MIN_ZOOM, min(MAX_ZOOM, float(mode)))
        self.view.set_mode(mode)
        self._sync_zoom_box()

    def zoom_in(self) -> None:
        now = self.zoom()
        self.set_zoom(next((s for s in ZOOM_STEPS if s > now * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.zoom()
        self.set_zoom(next((s for s in reversed(ZOOM_STEPS) if s < now * 0.99), ZOOM_STEPS[0]))

    def _zoom_changed(self, factor: float) -> None:
        self._sync_zoom_box()
        self.zoom_changed.emit(factor)

    def _sync_zoom_box(self) -> None:
        mode = self.view.mode
        index = self.zoom_box.findData(mode) if isinstance(mode, str) else -1
        if index < 0:
            index = next((i for i in range(self.zoom_box.count())
                          if not isinstance(self.zoom_box.itemData(i), str)
                          and abs(self.zoom_box.itemData(i) - self.zoom()) < 0.005), -1)
        if index < 0:
            # a zoom between the steps: show it as a transient entry at the end
            label = f"{round(self.zoom() * 100)}%"
            last = self.zoom_box.count() - 1
            if self.zoom_box.itemData(last) == "custom":
                self.zoom_box.setItemText(last, label)
            else:
                self.zoom_box.addItem(label, "custom")
            index = self.zoom_box.count() - 1
        self.zoom_box.setCurrentIndex(index)

    def rotation(self) -> int:
        """The whole document's turn (set_rotation); a page's own turn is page_rotation()."""
        return self.view.rotation

    def page_rotation(self, index: int | None = None) -> int:
        """Degrees clockwise page `index` (default: the current one) is shown turned."""
        return self.view.page_rotation(self.current_page() if index is None else index)

    def page_turns(self) -> dict[int, int]:
        """Pages turned on their own: page -> degrees clockwise."""
        return dict(self.view.turns)

    def set_rotation(self, degrees: int) -> None:
        """Turn every page to `degrees` clockwise (0/90/180/270); emits rotation_changed."""
        degrees = (round(degrees / 90) * 90) % 360
        if degrees == self.view.rotation and self.info is not None:
            return
        self.view.set_rotation(degrees)
        self.thumbnails.viewport().update()
        if self.path:
            self.rotation_changed.emit(self.path, degrees)

    def rotate_page(self, degrees: int = 90, page: int | None = None) -> None:
        """Turn one page (default: the current one) by `degrees` (90 or -90); the others stay."""
        if not self.page_count():
            return
        index = self.current_page() if page is None else page
        self.view.turn_page(index, degrees)
        self.thumbnails.repaint_rows(index)  # its picture turns; its data stays
        self._remember_place()
        self.page_rotated.emit(self.path, index, self.view.turns.get(index, 0))

    def rotate(self) -> None:
        """Turn the current page 90° clockwise (Ctrl+R)."""
        self.rotate_page(90)

    def rotate_back(self) -> None:
        """Turn the current page 90° anticlockwise (Ctrl+Shift+R)."""
        self.rotate_page(-90)

    # -- thumbnails and bookmarks ---------------------------------------------------------

    def _toggle_thumbnails(self) -> None:
        self.side.setVisible(self.thumbs_button.isChecked())
        if self.side.isVisible():
            self._thumb_timer.start()

    def set_thumbnails_visible(self, on: bool) -> None:
        self.thumbs_button.setChecked(on)
        self._toggle_thumbnails()

    def _fill_thumbnails(self) -> None:
        """One model row per page; the pictures come as rows are painted (20,000 pages: no items)."""
        self.service.cancel(self._thumb_owner)
        self._thumb_failed.clear()
        self.thumbnails.selectionModel().blockSignals(True)
        self.thumbnails.model_.set_rows(self.page_count() if self.info else 0)
        self.thumbnails.setCurrentRow(self.current_page())
        self.thumbnails.selectionModel().blockSignals(False)
        self.thumbnails.scroll_to_row(self.current_page())

    def thumbnail_box(self, row: int, cell: QRect) -> QRect:
        """Where page `row`'s picture goes in a thumbnail cell (its shape, centred)."""
        if not 0 <= row < self.page_count():
            return cell
        w, h = self.view.shown_size(row)
        scale = min(cell.width() / max(w, 1.0), cell.height() / max(h, 1.0))
        bw, bh = max(4, round(w * scale)), max(4, round(h * scale))
        return QRect(cell.x() + (cell.width() - bw) // 2, cell.y() + (cell.height() - bh) // 2, bw, bh)

    def _thumb_key(self, index: int) -> RenderKey:
        w, h = self.view.shown_size(index)
        scale = min(THUMB_WIDTH / max(1.0, w), THUMB_HEIGHT / max(1.0, h)) * self.devicePixelRatioF()
        return render_key(self.path, index, scale, self.view.page_rotation(index))

    def thumbnail_image(self, row: int) -> QImage | None:
        """Page `row`'s thumbnail if it has been made (and is still in the thumbnail budget)."""
        if not self.path or not 0 <= row < self.page_count():
            return None
        image = self.service.cached(self._thumb_key(row))
        if image is not None:
            image.setDevicePixelRatio(self.devicePixelRatioF())
        return image

    def thumbnail_failed(self, row: int) -> bool:
        """Whether page `row`'s thumbnail could not be made (until the page is tried again or draws)."""
        return row in self._thumb_failed

    def want_thumbnail(self, row: int) -> None:
        """A row was painted without its picture: ask for the ones in view soon."""
        self._thumb_timer.start()

    def _request_thumbnails(self) -> None:
        # reached from timers and scroll signals, which can fire while the window is being torn down
        if not self.info or not shiboken6.isValid(self.thumbnails) or not self.thumbnails.isVisible():
            return
        wanted = []
        for index in self.thumbnails.visible_rows():
            if index in self._thumb_failed:
                continue
            key = self._thumb_key(index)
            wanted.append(key)
            if self.service.cached(key) is None:
                self.service.render(key, priority=PRIORITY_THUMBNAIL, owner=self._thumb_owner, pool="thumb")
        self.service.retain(self._thumb_owner, wanted)

    def _thumbnail_rendered(self, key: RenderKey, image: QImage) -> None:
        if key.path != self.path or not self.info or key.page >= self.thumbnails.count() or key.tile is not None:
            return
        if key == self._thumb_key(key.page):
            self.thumbnails.repaint_rows(key.page)
        elif key.page in self._thumb_failed:
            # the page itself drew (a retry, another size): its thumbnail is worth asking for again
            self._thumb_failed.discard(key.page)
            self.thumbnails.model_.changed(key.page)
            self._thumb_timer.start()

    def _thumbnail_failed(self, key: RenderKey, _error: DocumentError) -> None:
        if key.path == self.path and self.info and key.tile is None and key == self._thumb_key(key.page):
            self._thumb_failed.add(key.page)
            self.thumbnails.model_.changed(key.page)

    def _thumbnail_clicked(self, row: int) -> None:
        if row >= 0 and row != self.current_page():
            self.go_to_page(row)

    def _fill_outline(self, entries: tuple) -> None:
        self.outline.clear()
        if not entries:
            self._show_outline_tab(False)
            return
        parents: list[QTreeWidgetItem] = []
        for level, title, page in entries:
            item = QTreeWidgetItem([title or tr("(untitled)")])
            item.setData(0, Qt.ItemDataRole.UserRole, page)
            item.setToolTip(0, f"{title} — {tr('Page {n}').format(n=page + 1)}" if page >= 0 else title)
            del parents[max(0, level - 1):]
            if parents:
                parents[-1].addChild(item)
            else:
                self.outline.addTopLevelItem(item)
            parents.append(item)
        self.outline.expandToDepth(0)
        self._show_outline_tab(True)

    def _outline_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(page, int) and page >= 0:
            self.go_to_page(page)

    def outline_entries(self) -> list[tuple[int, str, int]]:
        """The bookmarks shown: (level from 1, title, 0-based page)."""
        return list(self.info.outline) if self.info else []

    # -- search (text layer; other sources of text plug in here) -----------------------------

    def _set_search_enabled(self, on: bool) -> None:
        has_text = bool(on and self.info and (self.info.has_text or self._stored is not None))
        self.search_box.setEnabled(has_text)
        no_text = on and self.info is not None and self.info.has_text is False and self._stored is None
        self.search_box.setPlaceholderText(tr("No text layer to search") if no_text else tr("Search text"))
        # room for the whole placeholder (the toolbar wraps rather than cut it short)
        wanted = self.search_box.fontMetrics().horizontalAdvance(self.search_box.placeholderText()) + 36
        self.search_box.setFixedWidth(max(110, min(240, wanted)))
        self.hit_prev_button.setEnabled(has_text)
        self.hit_next_button.setEnabled(has_text)

    def _reset_search(self) -> None:
        """Another document: no hits and an empty search box."""
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self._clear_search()

    def _focus_search(self) -> None:
        if self.search_box.isEnabled():
            self.search_box.setFocus()
            self.search_box.selectAll()

    def _search_edited(self, text: str) -> None:
        if text.strip() != self._search_text:
            self._clear_search()

    def _search_return(self) -> None:
        text = self.search_box.text().strip()
        if text and text == self._search_text and self._hits:
            self.next_hit()
        else:
            self.search(text)

    def search(self, text: str) -> None:
        """Find `text` in the whole document (text layer only); search_finished follows."""
        text = text.strip()
        self._clear_search()
        if not text or not self.info:
            return
        if self._stored is not None:  # the scan store's text (ui/search.py), read at once
            self._search_text = text
            self.show_hits(text, self._stored.find(text))
            return
        if self.info.has_text is False:
            self.hit_label.setText(tr("No text layer"))
            self.search_finished.emit(text, 0)
            return
        self._search_text = text
        self.hit_label.setText(tr("Searching…"))
        self.service.search(self.path, text, owner=self)

    def _searched(self, path: str, text: str, found: list) -> None:
        if path != self.path or text != self._search_text:
            return
        self.show_hits(text, found)

    def show_hits(self, text: str, found: list) -> None:
        """Show `found` — [(page, [(x0, y0, x1, y1) fractions of the page as shown])] — as the hits of `text`."""
        self.view.hits = {page: [tuple(r) for r in rects] for page, rects in found}
        self._hits = [(page, i) for page, rects in found for i in range(len(rects))]
        if not self._hits:
            self.hit_label.setText(tr("No matches"))
            self.view.viewport().update()
        else:
            here = self.current_page()
            start = next((n for n, (page, _) in enumerate(self._hits) if page >= here), 0)
            self._remember_jump()
            self._show_hit(start)
        self.search_finished.emit(text, len(self._hits))

    def hits(self) -> list[tuple[int, int]]:
        """(page, index on that page) of every match of the last search."""
        return list(self._hits)

    def next_hit(self) -> None:
        if self._hits:
            self._show_hit((self._hit_at + 1) % len(self._hits))

    def previous_hit(self) -> None:
        if self._hits:
            self._show_hit((self._hit_at - 1) % len(self._hits))

    def _show_hit(self, n: int) -> None:
        self._hit_at = n
        page, index = self._hits[n]
        self.view.current_hit = (page, index)
        self.view.scroll_to_hit(page, self.view.hits[page][index])
        self.hit_label.setText(f"{n + 1} / {len(self._hits)}")

    def _clear_search(self) -> None:
        self._search_text = ""
        self._hits = []
        self._hit_at = -1
        self.view.hits = {}
        self.view.current_hit = None
        self.hit_label.setText("")
        self.view.viewport().update()
