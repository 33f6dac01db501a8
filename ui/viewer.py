"""The expert's PDF viewer: all pages in one scroll, thumbnails, zoom, rotate, search.

Pages are drawn from images the RenderService makes in worker processes; the
viewer only lays out placeholders (sized from the page sizes), asks for the
visible pages and their neighbours, and paints what has arrived. It never
follows links or runs anything in the PDF.
"""

from __future__ import annotations

import bisect
import os
from statistics import median

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.document import DocumentInfo, FirstPage, fit_scale, shown_sizes
from app.errors import DocumentError
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
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MAX_ZOOM = 8.0
FIT_WIDTH = "fit-width"
FIT_PAGE = "fit-page"
MARGIN = 10  # pixels around the pages
GAP = 10  # pixels between pages
PREFETCH = 2  # pages rendered ahead and behind the visible ones
THUMB_WIDTH = 92

BACKGROUND = QColor("#dcdee2")
PAGE_BORDER = QColor("#b9bcc2")
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


class PageView(QAbstractScrollArea):
    """The continuous page strip; owned and driven by PdfViewer."""

    current_page_changed = Signal(int)
    page_shown = Signal(int)  # the current page was painted at full sharpness
    zoom_changed = Signal(float)

    def __init__(self, service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.path = ""
        self.sizes: list[tuple[float, float]] = []  # points, as shown with rotation 0
        self.rotation = 0
        self.mode: str | float = FIT_WIDTH
        self.scale = POINT  # pixels per point (logical pixels)
        self.message = ""  # painted instead of pages while opening
        self.failed: dict[int, DocumentError] = {}
        self.hits: dict[int, list[tuple[float, float, float, float]]] = {}
        self.current_hit: tuple[int, int] | None = None  # (page, index in hits[page])
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._widths: list[int] = []
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
        # always there, so fit-width does not flip when a document starts needing it
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.viewport().update())
        service.rendered.connect(self._rendered)
        service.render_failed.connect(self._render_failed)

    # -- document -------------------------------------------------------------------------

    def set_document(self, path: str, sizes: list[tuple[float, float]], *, rotation: int = 0, page: int = 0) -> None:
        self.path = path
        self.sizes = sizes or []
        self.rotation = rotation % 360
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
        self.failed.clear()
        self.hits.clear()
        self.current_hit = None
        self.message = message
        self._tops, self._heights, self._widths = [], [], []
        self._content_w = self._content_h = 0
        self._update_scrollbars()
        self.viewport().update()

    def page_count(self) -> int:
        return len(self.sizes)

    def shown_size(self, index: int) -> tuple[float, float]:
        """Page `index` in points as displayed (viewer rotation applied)."""
        width, height = self.sizes[index]
        return (height, width) if self.rotation % 180 else (width, height)

    # -- zoom and rotation --------------------------------------------------------------

    def _room(self) -> tuple[int, int]:
        """Logical pixels a page may take at fit-width / fit-page."""
        return max(50, self.viewport().width() - 2 * MARGIN), max(50, self.viewport().height() - 2 * MARGIN)

    def fit_scale(self, mode: str) -> float:
        if not self.sizes:
            return POINT
        width, height = self._room()
        shown = shown_sizes(self.sizes, self.rotation)
        return fit_scale(shown, mode, page=max(0, self._current), width=width, height=height)

    def first_page(self, page: int, rotation: int) -> FirstPage:
        """How the page opened first will be drawn, for the worker that opens the document."""
        width, height = self._room()
        mode = self.mode if isinstance(self.mode, str) else float(self.mode) * POINT
        return FirstPage(page=page, rotation=rotation % 360, mode=mode, width=width, height=height,
                         device_ratio=self.devicePixelRatioF(), min_scale=0.05 * POINT, max_scale=MAX_ZOOM * POINT)

    def set_mode(self, mode: str | float) -> None:
        self.mode = mode
        self._relayout(anchor=self._anchor())

    def set_rotation(self, rotation: int) -> None:
        self.rotation = rotation % 360
        self._relayout(anchor=(max(0, self._current), 0.0))

    def _target_scale(self) -> float:
        if isinstance(self.mode, str):
            # a stamp-sized page must not "fit" at 5000 % (a 190 MB image); first_page() bounds the same
            return max(0.05 * POINT, min(self.fit_scale(self.mode), MAX_ZOOM * POINT))
        return float(self.mode) * POINT

    # -- layout -------------------------------------------------------------------------

    def _anchor(self) -> tuple[int, float]:
        """(page, fraction of that page at the top of the view), to keep the place on relayout."""
        if not self._tops:
            return (max(0, self._current), 0.0)
        y = self.verticalScrollBar().value()
        index = max(0, bisect.bisect_right(self._tops, y) - 1)
        return index, (y - self._tops[index]) / max(1, self._heights[index])

    def _relayout(self, *, anchor: tuple[int, float]) -> None:
        old_scale = self.scale
        self.scale = self._target_scale()
        self._tops, self._heights, self._widths = [], [], []
        y = MARGIN
        widest = 0
        for index in range(len(self.sizes)):
            width, height = self.shown_size(index)
            w, h = max(1, round(width * self.scale)), max(1, round(height * self.scale))
            self._tops.append(y)
            self._heights.append(h)
            self._widths.append(w)
            widest = max(widest, w)
            y += h + GAP
        self._content_w = widest + 2 * MARGIN
        self._content_h = y - GAP + MARGIN if self.sizes else 0
        self._update_scrollbars()
        if self.sizes:
            index, fraction = anchor
            index = max(0, min(index, len(self.sizes) - 1))
            target = self._tops[index] + round(fraction * self._heights[index]) - (MARGIN if fraction == 0 else 0)
            self.verticalScrollBar().setValue(max(0, target))
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

    def page_rect(self, index: int) -> QRect:
        """Where page `index` is, in viewport coordinates."""
        vw = self.viewport().width()
        x = max(MARGIN, (max(vw, self._content_w) - self._widths[index]) // 2) - self.horizontalScrollBar().value()
        y = self._tops[index] - self.verticalScrollBar().value()
        return QRect(x, y, self._widths[index], self._heights[index])

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
            self.current_page_changed.emit(index)

    # -- rendering ----------------------------------------------------------------------

    def key(self, index: int) -> RenderKey:
        return render_key(self.path, index, self.scale * self.devicePixelRatioF(), self.rotation)

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
            key = self.key(index)
            wanted.append(key)
            if index not in self.failed:
                self.service.render(key, priority=PRIORITY_VISIBLE, owner=self)
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
        if key.path == self.path and key.rotation == self.rotation and key.page < len(self.sizes):
            self.failed.pop(key.page, None)
            if key.page in self.visible_pages():
                self.viewport().update()

    def _render_failed(self, key: RenderKey, error: DocumentError) -> None:
        if key.path == self.path and key.page < len(self.sizes):
            self.failed[key.page] = error
            self.viewport().update()

    # -- Qt -----------------------------------------------------------------------------

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        if isinstance(self.mode, str) and self.sizes:
            self._relayout(anchor=self._anchor())
        else:
            self._update_scrollbars()
            self.schedule()

    def paintEvent(self, event: QEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), BACKGROUND)
        if not self.sizes:
            if self.message:
                painter.setPen(QColor("#505459"))
                painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            painter.end()
            return
        dpr = self.devicePixelRatioF()
        sharp_current = False
        missing = False
        for index in self.visible_pages():
            rect = self.page_rect(index)
            painter.fillRect(rect.adjusted(-1, -1, 1, 1), PAGE_BORDER)
            key = self.key(index)
            image = self.service.cached(key)
            if image is not None:
                image.setDevicePixelRatio(dpr)
                painter.drawImage(rect.topLeft(), image) if image.width() == round(rect.width() * dpr) else painter.drawImage(QRectF(rect), image)
                sharp_current |= index == self._current
            else:
                painter.fillRect(rect, Qt.GlobalColor.white)
                stand_in = self.service.best_cached(self.path, index, self.rotation, zoom=key.zoom)
                if stand_in is not None:
                    painter.drawImage(QRectF(rect), stand_in)
                error = self.failed.get(index)
                if error is None:
                    missing = True  # evicted from the cache before it was painted: ask again
                if error is not None:
                    self._paint_page_error(painter, rect, error)
                elif stand_in is None:
                    painter.setPen(QColor("#9aa0a6"))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr("Page {n}").format(n=index + 1))
            self._paint_hits(painter, index, rect)
        painter.end()
        if missing:
            self.schedule()  # the service ignores keys already queued or running
        shown = (self.path, self._current, self.scale, self.rotation)
        if sharp_current and shown != self._shown:
            self._shown = shown
            self.page_shown.emit(self._current)

    def _paint_page_error(self, painter: QPainter, rect: QRect, error: DocumentError) -> None:
        painter.setPen(QColor("#b3261e"))
        inner = rect.adjusted(20, 20, -20, -20)
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, str(error))

    def _paint_hits(self, painter: QPainter, index: int, rect: QRect) -> None:
        hits = self.hits.get(index)
        if not hits:
            return
        for number, hit in enumerate(hits):
            x0, y0, x1, y1 = _turn(hit, self.rotation)
            box = QRectF(rect.x() + x0 * rect.width(), rect.y() + y0 * rect.height(),
                         (x1 - x0) * rect.width(), (y1 - y0) * rect.height())
            current = self.current_hit == (index, number)
            painter.fillRect(box, CURRENT_HIT if current else HIT)
            if current:
                painter.setPen(QPen(QColor("#c45500"), 1.5))
                painter.drawRect(box)

    def scroll_to_hit(self, index: int, hit: tuple[float, float, float, float]) -> None:
        """Bring a search hit into view, a little below the top."""
        x0, y0, x1, y1 = _turn(hit, self.rotation)
        y = self._tops[index] + y0 * self._heights[index]
        top = self.verticalScrollBar().value()
        if not (top + 40 <= y <= top + self.viewport().height() - 60):
            self.verticalScrollBar().setValue(max(0, round(y - self.viewport().height() / 3)))
        x = x0 * self._widths[index]
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:
            bar.setValue(max(0, round(x - self.viewport().width() / 3)))
        self.viewport().update()


class _ThumbnailList(QListWidget):
    """Small page pictures; asks for the ones in view only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)  # number under the picture
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMovement(QListWidget.Movement.Static)
        self.setUniformItemSizes(False)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(4)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "QListWidget { background: #eceef1; }"
            "QListWidget::item { color: #3c4043; padding: 3px; border-radius: 4px; }"
            "QListWidget::item:selected { background: #c9dcf5; color: #0b3d91; }"
            "QScrollBar:vertical { width: 8px; background: transparent; }"
            "QScrollBar::handle:vertical { background: #c2c6cc; border-radius: 4px; min-height: 24px; }"
            "QScrollBar::add-line, QScrollBar::sub-line { height: 0; }"
        )
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def visible_rows(self) -> range:
        if self.count() == 0:
            return range(0)
        top = self.indexAt(QPoint(10, 2))
        bottom = self.indexAt(QPoint(10, self.viewport().height() - 2))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else self.count() - 1
        return range(max(0, first - 2), min(self.count(), last + 3))


class PdfViewer(QWidget):
    """A material PDF beside the rubric: open(path), navigate, zoom, rotate, search.

    Signals carry 0-based page numbers. The window remembers a rotation per file
    from `rotation_changed` and passes it back to open().
    """

    document_loaded = Signal(str, int)  # path, page count
    document_failed = Signal(str, str)  # path, the sentence shown (names the file and why)
    current_page_changed = Signal(int)
    page_shown = Signal(int)  # the current page is on screen at full sharpness
    rotation_changed = Signal(str, int)  # path, degrees clockwise (0, 90, 180, 270)
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
        self._thumb_owner = object()
        self._thumb_scale = 0.0

        self.view = PageView(self.service, self)
        self.thumbnails = _ThumbnailList(self)
        self._build()

        self.service.loaded.connect(self._loaded)
        self.service.load_failed.connect(self._load_failed)
        self.service.searched.connect(self._searched)
        self.service.text_probed.connect(self._text_probed)
        self.service.rendered.connect(self._thumbnail_rendered)
        self.view.current_page_changed.connect(self._page_changed)
        self.view.page_shown.connect(self.page_shown)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.thumbnails.currentRowChanged.connect(self._thumbnail_clicked)
        self.thumbnails.verticalScrollBar().valueChanged.connect(lambda _: self._request_thumbnails())
        self._set_enabled(False)

    # -- building -------------------------------------------------------------------------

    def _tool(self, text: str, tip: str, slot, *, shortcut: str | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip + (f"  ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else ""))
        button.setAutoRaise(True)
        button.setMinimumSize(28, 28)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        bar = QWidget(self)
        bar.setObjectName("viewerBar")
        bar.setStyleSheet(
            "#viewerBar { background: #f6f7f9; border-bottom: 1px solid #d5d8dc; }"
            "QToolButton { font-size: 15px; color: #3c4043; padding: 0 4px; }"
            "QToolButton:checked { background: #dbe6f6; border-radius: 4px; }"
        )
        row = QHBoxLayout(bar)
        row.setContentsMargins(6, 3, 6, 3)
        row.setSpacing(2)

        self.thumbs_button = self._tool("▤", tr("Show or hide page thumbnails"), self._toggle_thumbnails)
        self.thumbs_button.setCheckable(True)
        self.thumbs_button.setChecked(True)
        self.prev_button = self._tool("‹", tr("Previous page"), self.previous_page, shortcut="PgUp")
        self.next_button = self._tool("›", tr("Next page"), self.next_page, shortcut="PgDown")
        self.page_box = QSpinBox(bar)
        self.page_box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setFixedWidth(48)
        self.page_box.setToolTip(tr("Go to page"))
        self.page_box.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.page_total = QLabel("/ 0", bar)
        self.page_total.setStyleSheet("color: #5f6368;")

        self.zoom_out_button = self._tool("−", tr("Zoom out"), self.zoom_out, shortcut="Ctrl+-")
        self.zoom_box = QComboBox(bar)
        self.zoom_box.setEditable(False)
        self.zoom_box.setMinimumContentsLength(7)
        self.zoom_box.setToolTip(tr("Zoom"))
        self.zoom_box.addItem(tr("Fit width"), FIT_WIDTH)
        self.zoom_box.addItem(tr("Fit page"), FIT_PAGE)
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{round(step * 100)}%", step)
        self.zoom_box.activated.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        self.zoom_in_button = self._tool("+", tr("Zoom in"), self.zoom_in, shortcut="Ctrl++")
        self.rotate_button = self._tool("↻", tr("Rotate clockwise"), self.rotate, shortcut="Ctrl+R")

        self.search_box = QLineEdit(bar)
        self.search_box.setPlaceholderText(tr("Search text"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(120)
        self.search_box.setMaximumWidth(220)
        self.search_box.returnPressed.connect(self._search_return)
        self.search_box.textChanged.connect(self._search_edited)
        self.hit_prev_button = self._tool("⌃", tr("Previous match"), self.previous_hit, shortcut="Shift+F3")
        self.hit_next_button = self._tool("⌄", tr("Next match"), self.next_hit, shortcut="F3")
        self.hit_label = QLabel("", bar)
        self.hit_label.setStyleSheet("color: #5f6368;")
        self.hit_label.setMinimumWidth(60)

        for widget in (self.thumbs_button, _separator(bar), self.prev_button, self.page_box, self.page_total,
                       self.next_button, _separator(bar), self.zoom_out_button, self.zoom_box, self.zoom_in_button,
                       self.rotate_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.search_box, self.hit_prev_button, self.hit_next_button, self.hit_label):
            row.addWidget(widget)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self.thumbnails)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.thumbnails.setMinimumWidth(THUMB_WIDTH + 34)
        self.thumbnails.setMaximumWidth(THUMB_WIDTH + 60)
        self.splitter.setSizes([THUMB_WIDTH + 36, 800])

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
        column.addWidget(self.error_sign, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(10)
        column.addWidget(self.error_title)
        column.addWidget(self.error_text)
        column.addSpacing(6)
        column.addWidget(self.error_hint)
        column.addStretch(3)
        column.setContentsMargins(40, 20, 40, 20)

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
            ("Ctrl+0", lambda: self.set_zoom(FIT_WIDTH)), ("Ctrl+R", self.rotate),
            ("Ctrl+F", self._focus_search), ("F3", self.next_hit), ("Shift+F3", self.previous_hit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(ctx)
            shortcut.activated.connect(slot)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.prev_button, self.next_button, self.page_box, self.zoom_out_button, self.zoom_box,
                       self.zoom_in_button, self.rotate_button):
            widget.setEnabled(on)
        has_text = bool(on and self.info and self.info.has_text)
        self.search_box.setEnabled(has_text)
        no_text = on and self.info is not None and self.info.has_text is False
        self.search_box.setPlaceholderText(tr("No text layer to search") if no_text else tr("Search text"))
        self.hit_prev_button.setEnabled(has_text)
        self.hit_next_button.setEnabled(has_text)

    # -- opening ------------------------------------------------------------------------

    def open(self, path: str, *, rotation: int = 0, page: int = 0) -> None:
        """Show `path` (asynchronously); document_loaded or document_failed follows."""
        path = os.path.abspath(str(path))
        if self.path:
            self.service.cancel(self.view)
            self.service.cancel(self._thumb_owner)
        self.path = path
        self.info = None
        self.error = None
        self._pending_page = page
        self._pending_rotation = rotation % 360
        self._clear_search()
        self.thumbnails.clear()
        self.view.clear(tr("Opening {file}…").format(file=os.path.basename(path)))
        self.stack.setCurrentWidget(self.splitter)
        self._bar.setVisible(True)
        self.page_total.setText("/ 0")
        self._set_enabled(False)
        # the worker that opens the file draws the first page too (one trip, not two); a
        # hidden viewer's size is a poor guess, and a wrong guess costs a whole render
        first = self.view.first_page(page, rotation) if self.view.isVisible() else None
        self.service.load(path, first=first)

    def close_document(self) -> None:
        """Show nothing (and stop asking for this document's pages)."""
        self.service.cancel(self.view)
        self.service.cancel(self._thumb_owner)
        self.path = ""
        self.info = None
        self.error = None
        self._clear_search()
        self.thumbnails.clear()
        self.view.clear("")
        self.stack.setCurrentWidget(self.splitter)
        self._bar.setVisible(True)
        self._set_enabled(False)

    def _loaded(self, path: str, info: DocumentInfo) -> None:
        if path != self.path or self.info is not None:
            return
        self.info = info
        self.view.set_document(path, info.page_sizes, rotation=self._pending_rotation, page=self._pending_page)
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, len(info.page_sizes)))
        self.page_box.setValue(self.view.current_page() + 1)
        self.page_box.blockSignals(False)
        self.page_total.setText(f"/ {len(info.page_sizes)}")
        self._set_enabled(True)
        self._sync_zoom_box()
        self.document_loaded.emit(path, len(info.page_sizes))
        if self.path != path:
            return  # a listener opened something else
        if self.view.isVisible():
            # the first page usually came with the layout: show it before the thumbnail strip
            # is built (300 items take 3-20 ms), not after
            self.view.viewport().repaint()
            if self.path != path:
                return
        self._fill_thumbnails()

    def _text_probed(self, path: str, has_text: bool) -> None:
        if path == self.path and self.info is not None:
            self.info = DocumentInfo(path=self.info.path, page_sizes=self.info.page_sizes, has_text=has_text)
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

    # -- navigation -----------------------------------------------------------------------

    def page_count(self) -> int:
        return self.view.page_count()

    def current_page(self) -> int:
        return self.view.current_page()

    def go_to_page(self, index: int) -> None:
        """Scroll so page `index` (0-based) starts at the top."""
        self.view.go_to_page(index)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        if 0 <= index < self.thumbnails.count():
            self.thumbnails.blockSignals(True)
            self.thumbnails.setCurrentRow(index)
            self.thumbnails.blockSignals(False)
            self.thumbnails.scrollToItem(self.thumbnails.item(index), QAbstractItemView.ScrollHint.EnsureVisible)
        if isinstance(self.view.mode, str) and self.view.mode == FIT_PAGE:
            pass  # fit-page keeps the scale of the page it was set on; re-fitting while scrolling jumps
        self.current_page_changed.emit(index)

    # -- zoom and rotation --------------------------------------------------------------

    def zoom(self) -> float:
        """The current zoom, 1.0 = 100 %."""
        return self.view.scale / POINT

    def zoom_mode(self) -> str | float:
        return self.view.mode

    def set_zoom(self, mode: str | float) -> None:
        """FIT_WIDTH, FIT_PAGE, or a factor (1.0 = 100 %, clamped to 0.1..8)."""
        if not isinstance(mode, str):
            mode = max(0.1, min(MAX_ZOOM, float(mode)))
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
        return self.view.rotation

    def set_rotation(self, degrees: int) -> None:
        """Turn every page to `degrees` clockwise (0/90/180/270); emits rotation_changed."""
        degrees = (round(degrees / 90) * 90) % 360
        if degrees == self.view.rotation and self.info is not None:
            return
        self.view.set_rotation(degrees)
        self._fill_thumbnails()
        if self.path:
            self.rotation_changed.emit(self.path, degrees)

    def rotate(self) -> None:
        """Turn 90° clockwise."""
        self.set_rotation(self.view.rotation + 90)

    # -- thumbnails -----------------------------------------------------------------------

    def _toggle_thumbnails(self) -> None:
        self.thumbnails.setVisible(self.thumbs_button.isChecked())
        if self.thumbnails.isVisible():
            self._request_thumbnails()

    def set_thumbnails_visible(self, on: bool) -> None:
        self.thumbs_button.setChecked(on)
        self._toggle_thumbnails()

    def _fill_thumbnails(self) -> None:
        self.service.cancel(self._thumb_owner)
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        if not self.info:
            self.thumbnails.blockSignals(False)
            return
        sizes = [self.view.shown_size(i) for i in range(self.view.page_count())]
        tallest = max(h / max(w, 1) for w, h in sizes) if sizes else 1.42
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * min(tallest, 2.0))))
        self._thumb_scale = THUMB_WIDTH / max(1.0, median(w for w, _ in sizes))
        blank_cache: dict[tuple[int, int], QIcon] = {}
        for index, (w, h) in enumerate(sizes):
            size = (THUMB_WIDTH, max(8, round(THUMB_WIDTH * h / max(w, 1))))
            icon = blank_cache.get(size)
            if icon is None:
                pixmap = QPixmap(*size)
                pixmap.fill(Qt.GlobalColor.white)
                icon = blank_cache[size] = QIcon(pixmap)
            item = QListWidgetItem(icon, str(index + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            item.setData(Qt.ItemDataRole.UserRole, False)  # has its real picture
            self.thumbnails.addItem(item)
        self.thumbnails.setCurrentRow(self.current_page())
        self.thumbnails.blockSignals(False)
        QTimer.singleShot(0, self, self._request_thumbnails)

    def _thumb_key(self, index: int) -> RenderKey:
        w, _ = self.view.shown_size(index)
        scale = THUMB_WIDTH / max(1.0, w) * self.devicePixelRatioF()
        return render_key(self.path, index, scale, self.view.rotation)

    def _request_thumbnails(self) -> None:
        # reached from timers and scroll signals, which can fire while the window is being torn down
        if not self.info or not shiboken6.isValid(self.thumbnails) or not self.thumbnails.isVisible():
            return
        wanted = []
        for index in self.thumbnails.visible_rows():
            item = self.thumbnails.item(index)
            if item is None or item.data(Qt.ItemDataRole.UserRole):
                continue
            key = self._thumb_key(index)
            wanted.append(key)
            image = self.service.render(key, priority=PRIORITY_THUMBNAIL, owner=self._thumb_owner)
            if image is not None:
                self._set_thumbnail(index, image)
        self.service.retain(self._thumb_owner, wanted)

    def _thumbnail_rendered(self, key: RenderKey, image: QImage) -> None:
        if key.path != self.path or not self.info or key.page >= self.thumbnails.count():
            return
        if key == self._thumb_key(key.page):
            self._set_thumbnail(key.page, image)

    def _set_thumbnail(self, index: int, image: QImage) -> None:
        item = self.thumbnails.item(index)
        if item is None:
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        item.setIcon(QIcon(pixmap))
        item.setData(Qt.ItemDataRole.UserRole, True)

    def _thumbnail_clicked(self, row: int) -> None:
        if row >= 0:
            self.go_to_page(row)

    # -- search ---------------------------------------------------------------------------

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
        if self.info.has_text is False:
            self.hit_label.setText(tr("No text layer"))
            self.search_finished.emit(text, 0)
            return
        self._search_text = text
        self.hit_label.setText(tr("Searching…"))
        self.service.search(self.path, text)

    def _searched(self, path: str, text: str, found: list) -> None:
        if path != self.path or text != self._search_text:
            return
        self.view.hits = {page: [tuple(r) for r in rects] for page, rects in found}
        self._hits = [(page, i) for page, rects in found for i in range(len(rects))]
        if not self._hits:
            self.hit_label.setText(tr("No matches"))
            self.view.viewport().update()
        else:
            here = self.current_page()
            start = next((n for n, (page, _) in enumerate(self._hits) if page >= here), 0)
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


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setStyleSheet("color: #d5d8dc;")
    line.setFixedHeight(20)
    return line
