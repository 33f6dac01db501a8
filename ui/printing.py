"""Print sheets through Qt's print system: preview, the system dialog, a named printer, or save as PDF.

The sheets are PDFs made by the core (app/sheets.py). Printing draws each
page, rasterised by PyMuPDF at the printer's resolution (at most 300 dpi),
onto the QPrinter. Rasterising holds the GIL, so it runs in a worker process
(ui/pdfpages.py through ui/tasks.py) that sends the pages back in strips.
Drawing must happen on the UI thread, and Qt's PDF engine takes 250–450 ms
to take in a whole 300-dpi page (it JPEG-encodes it); so the pages go onto
the printer a strip at a time as the strips arrive, and the window keeps
painting in between. Qt's preview asks for every page at once, so it is
shown from pages put together beforehand.

The QPrinter lives as long as its job: a QPrintPreviewDialog whose printer
is gone crashes.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable, NamedTuple

import pymupdf
import shiboken6
from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPaintEngine
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QToolBar, QToolButton, QWidget

from app.errors import PanelReviewError
from app.files import write_atomic
from ui.dialogs import show_error
from ui.i18n import tr
from ui.pdfpages import Strip, merge_pdfs, rasterise
from ui.tasks import ProgressDialog, Task, run_task

__all__ = ["MAX_DPI", "PrintJob", "merge_pdfs", "printer_names", "save_pdf"]

MAX_DPI = 300
# Rows of a rasterised page drawn at a time: 64 rows of a 300-dpi page take Qt's PDF
# engine about 5 ms; a whole page 250-450 ms.
STRIP_ROWS = 64
AHEAD = 64  # strips rasterised ahead of the printer (about one 300-dpi page)
_alive: list["PrintJob"] = []


class Page(NamedTuple):
    """A rasterised page put together for the preview."""

    index: int
    landscape: bool
    image: QImage


def strip_image(strip: Strip) -> QImage:
    """The strip's pixels in a QImage of their own, in the format Qt's PDF engine takes without converting."""
    view = QImage(strip.samples, strip.width, strip.height, strip.stride, QImage.Format.Format_RGB888)
    return view.convertToFormat(QImage.Format.Format_RGB32)


def page_count(pdf: bytes) -> int:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc.page_count


def _dpi(printer: QPrinter) -> int:
    return min(printer.resolution(), MAX_DPI)


def _orient(printer: QPrinter, landscape: bool) -> None:
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)


class PrintJob:
    """A PDF on its way to a printer; holds the QPrinter for as long as Qt needs it."""

    def __init__(self, pdf: bytes, title: str) -> None:
        self.pdf = pdf
        self.title = title
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setFullPage(True)
        self.pages: list[Page] = []  # rasterised beforehand, for the preview
        self.pages_printed = 0
        self.printing: "_Printing | None" = None
        self.finished = False
        _alive.append(self)

    def done(self) -> None:
        """The job is over (or never started); let it go once no printing is under way."""
        if self.printing is not None and self.printing.active:
            return
        self.pages = []
        self.finished = True
        if self in _alive:
            _alive.remove(self)

    def paint(self, printer: QPrinter) -> None:
        """Qt's preview asks for every page now: draw the rasterised pages (its Print button prints in slices)."""
        if printer.paintEngine() is None or printer.paintEngine().type() != QPaintEngine.Type.Picture:
            self.start(None, printer)
            return
        painter = QPainter()
        for page in self.pages:
            _orient(printer, page.landscape)
            if page.index == 0:
                if not painter.begin(printer):
                    return
                # the preview shrinks 300-dpi pages to the screen: smoothly, or the text breaks up
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            elif not printer.newPage():
                break
            painter.drawImage(QRectF(printer.pageLayout().fullRectPixels(printer.resolution())), page.image)
        if painter.isActive():
            painter.end()

    def preview(self, parent: QWidget | None) -> None:
        """Rasterise the pages off the UI thread, then show Qt's preview of them."""
        pages: list[Page] = []

        def arrived(strip: Strip) -> None:
            if strip.row == 0:
                image = QImage(strip.width, strip.page_height, QImage.Format.Format_RGB32)
                pages.append(Page(strip.page, strip.landscape, image))
            painter = QPainter(pages[-1].image)
            painter.drawImage(0, strip.row, strip_image(strip))
            painter.end()
            task.ack()

        def ready(_count: int) -> None:
            self.pages = pages
            self._show_preview(parent)

        task = run_task(parent, tr("Preparing the preview of {title}…").format(title=self.title),
                        partial(rasterise, pdf=self.pdf, dpi=preview_dpi(parent), rows=STRIP_ROWS), process=True,
                        cancellable=True, window=AHEAD, on_part=arrived, on_done=ready, on_cancel=self.done,
                        on_error=lambda exc: self._failed(parent, exc))

    def preview_dialog(self, parent: QWidget | None) -> QPrintPreviewDialog:
        """Qt's preview, fitted to the screen, with Print and Page setup first on its toolbar."""
        dialog = QPrintPreviewDialog(self.printer, parent)
        dialog.setWindowTitle(tr("Print preview — {title}").format(title=self.title))
        dialog.paintRequested.connect(self.paint)
        put_print_first(dialog)
        fit_to_screen(dialog, parent)
        view = dialog.findChild(QPrintPreviewWidget)
        if view is not None:  # the page as wide as the dialog: read at the size it was rasterised for
            view.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        dialog.finished.connect(lambda _=0: self.done())
        return dialog

    def _show_preview(self, parent: QWidget | None) -> None:
        self.preview_dialog(parent).exec()

    def print_with_dialog(self, parent: QWidget | None) -> bool:
        """The system's print dialog, then printing in the background; False if the person closed the dialog."""
        dialog = QPrintDialog(self.printer, parent)
        dialog.setWindowTitle(tr("Print {title}").format(title=self.title))
        ok = dialog.exec() == QPrintDialog.DialogCode.Accepted
        if ok:
            self.start(parent, self.printer)
        else:
            self.done()
        return ok

    def print_to(self, printer_name: str, parent: QWidget | None = None,
                 on_done: Callable[[int], None] | None = None) -> None:
        """Send the job to the named printer without asking; `on_done(pages sent)` when it is through."""
        self.printer.setPrinterName(printer_name)
        self.printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        self.start(parent, self.printer, on_done=on_done)

    def start(self, parent: QWidget | None, printer: QPrinter, *,
              on_done: Callable[[int], None] | None = None) -> "_Printing":
        """Print onto `printer` a strip at a time (pages rasterised in a worker as they are needed)."""
        self.printing = _Printing(self, parent, printer, on_done)
        return self.printing

    def _failed(self, parent: QWidget | None, exc: PanelReviewError) -> None:
        show_error(parent if parent is None or shiboken6.isValid(parent) else None, str(exc))
        self.done()


class _Printing(QObject):
    """Strips from a worker process go onto the printer as they arrive, one per turn of the event loop."""

    def __init__(self, job: PrintJob, parent: QWidget | None, printer: QPrinter,
                 on_done: Callable[[int], None] | None) -> None:
        super().__init__()
        self.job, self.printer, self.on_done = job, printer, on_done
        self.active = True
        self.total = page_count(job.pdf)
        self.painter = QPainter()
        self.dialog = ProgressDialog(parent, tr("Printing {title}…").format(title=job.title), cancellable=True)
        self.dialog.cancel_requested.connect(self.cancel)
        job.pages_printed = 0
        # rasterised again even after a preview: at this printer's resolution, and a strip at a time
        self.task = Task(partial(rasterise, pdf=job.pdf, dpi=_dpi(printer), rows=STRIP_ROWS), process=True,
                         window=AHEAD)
        self.task.delivered.connect(self._draw)
        self.task.failed.connect(self._raster_failed)
        self.task.succeeded.connect(lambda _pages: self._end())
        self.task.cancelled.connect(self._end)
        self.task.start()

    def _draw(self, strip: Strip) -> None:
        """Draw one strip (starting its page first if it is the page's top one)."""
        if not self.active:
            return
        if strip.row == 0 and not self._start_page(strip):
            return
        target = QRectF(self.printer.pageLayout().fullRectPixels(self.printer.resolution()))
        scale = target.height() / strip.page_height
        self.painter.drawImage(QRectF(target.x(), target.y() + strip.row * scale, target.width(),
                                      strip.height * scale), strip_image(strip))
        if strip.last:
            self.job.pages_printed += 1
        self.task.ack()
        self.dialog.show_progress(self.job.pages_printed, self.total, tr("Printing page {page} of {pages}").format(
            page=min(strip.page + 1, self.total), pages=self.total))

    def _start_page(self, strip: Strip) -> bool:
        _orient(self.printer, strip.landscape)
        if strip.page == 0:
            if self.painter.begin(self.printer):
                return True
        elif self.printer.newPage():
            return True
        self._end()
        return False

    def cancel(self) -> None:
        """Stop: the printer drops what it was given so far; nothing is said (a cancel is not an error)."""
        if not self.active:
            return
        if self.painter.isActive():
            self.printer.abort()
        self._end()

    def _raster_failed(self, exc: BaseException, _text: str) -> None:
        if self.painter.isActive():
            self.printer.abort()
        self._end()
        if not isinstance(exc, PanelReviewError):
            raise exc  # unexpected: the crash dialog takes it
        show_error(None, str(exc))

    def _end(self) -> None:
        if self.task.running:
            self.task.cancel()
        if self.painter.isActive():
            self.painter.end()
        if not self.active:
            return
        self.active = False
        self.dialog.finish()
        self.job.done()
        if self.on_done is not None:
            self.on_done(self.job.pages_printed)


def put_print_first(dialog: QPrintPreviewDialog) -> None:
    """Print and Page setup go to the front of the preview's toolbar, so that no narrow screen hides them."""
    bar = dialog.findChild(QToolBar)
    if bar is None:
        return
    # Qt's toolbar ends with Page setup, then Print (neither has an object name to find it by)
    wanted = list(reversed([a for a in bar.actions() if not a.isSeparator()][-2:]))
    for a in wanted:
        bar.removeAction(a)
    while bar.actions() and bar.actions()[-1].isSeparator():
        bar.removeAction(bar.actions()[-1])
    first = bar.actions()[0] if bar.actions() else None
    bar.insertActions(first, wanted)
    if first is not None:
        bar.insertSeparator(first)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for a in bar.actions():  # only the two that matter carry words; the rest stay icons
        button = bar.widgetForAction(a)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if a in wanted
                                      else Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAccessibleName(a.text().replace("&", ""))


def available_geometry(widget: QWidget | None) -> QRect:
    """The free part of the screen `widget` is on (the primary screen without one)."""
    screen = (widget.screen() if widget is not None else None) or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


FRAME = 40  # the title bar and frame the window system adds around a dialog
A4_WIDTH_IN = 210 / 25.4


def preview_size(free: QRect, bar_width: int, *, portrait: float = 0.78) -> QSize:
    """As tall as the screen allows (title bar included), as wide as an A4 page at that height or the toolbar."""
    height = max(360, free.height() - FRAME)
    width = min(max(round(height * portrait), bar_width + 24), free.width() - 16)
    return QSize(width, height)


def preview_dpi(parent: QWidget | None) -> int:
    """The resolution at which a page, shown as wide as the preview, needs no scaling: sharp text on screen."""
    screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    size = preview_size(available_geometry(parent), 800)
    page_px = (size.width() - 60) * ratio  # the preview's margins and scroll bar
    return max(96, min(MAX_DPI, round(page_px / A4_WIDTH_IN)))


def fit_to_screen(dialog: QWidget, parent: QWidget | None) -> None:
    free = available_geometry(parent)
    bar = dialog.findChild(QToolBar)
    size = preview_size(free, bar.sizeHint().width() if bar is not None else 0)
    dialog.resize(size)
    dialog.move(free.x() + (free.width() - size.width()) // 2, free.y())


def save_pdf(parent: QWidget | None, pdf: bytes, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save as PDF"), str(Path.home() / suggested),
                                          tr("PDF files (*.pdf)"))
    if not path:
        return None
    target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
    write_atomic(target, pdf)
    return target


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return QPrinterInfo.availablePrinterNames()
