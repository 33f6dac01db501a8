"""Print sheets through Qt's print system: preview, the system dialog, a named printer, or save as PDF.

The sheets are PDFs made by the core (app/sheets.py). Printing draws each
page, rasterised by PyMuPDF at the printer's resolution (at most 300 dpi),
onto the QPrinter. Rasterising holds the GIL, so it runs in a worker process
(ui/tasks.py) that sends the pages back one by one. Drawing must happen on
the UI thread, and Qt's PDF engine takes 250–450 ms to take in a whole
300-dpi page; so a page goes onto the printer a strip at a time from a timer,
and the window keeps painting between strips. Qt's preview asks for every
page at once, so it is shown from pages rasterised beforehand.

The QPrinter lives as long as its job: a QPrintPreviewDialog whose printer
is gone crashes.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from pathlib import Path
from typing import Callable, NamedTuple

import pymupdf
import shiboken6
from PySide6.QtCore import QObject, QRectF, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPaintEngine
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import PanelReviewError
from app.files import write_atomic
from ui.background import N_, Progress
from ui.dialogs import show_error
from ui.i18n import tr
from ui.tasks import ProgressDialog, Task, run_task

MAX_DPI = 300
# Rows of a rasterised page drawn per slice: a 300-dpi A4 page drawn whole costs Qt's
# PDF engine 250-450 ms on the UI thread; 16 strips of it about 25 ms each.
STRIP_ROWS = 224
AHEAD = 2  # pages rasterised ahead of the printer (each is 26 MB at 300 dpi)
_alive: list["PrintJob"] = []


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF of all `parts`, in order (a batch prints as one job)."""
    if len(parts) == 1:
        return parts[0]
    out = pymupdf.open()
    for data in parts:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            out.insert_pdf(doc)
    try:
        return out.tobytes(garbage=3, deflate=True)
    finally:
        out.close()


class RasterPage(NamedTuple):
    """One page as RGB pixels, as the worker sends it."""

    index: int
    landscape: bool
    width: int
    height: int
    stride: int
    samples: bytes

    def page(self) -> "Page":
        """The page with its pixels in a QImage of its own (the bytes may go)."""
        image = QImage(self.samples, self.width, self.height, self.stride, QImage.Format.Format_RGB888)
        return Page(self.index, self.landscape, image.copy())


class Page(NamedTuple):
    """A rasterised page, ready to draw."""

    index: int
    landscape: bool
    image: QImage


def rasterise(progress: Progress, pdf: bytes, dpi: int) -> int:
    """Worker: send every page of `pdf` as a RasterPage at `dpi`; returns the page count."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = doc.page_count
        for index in range(pages):
            progress(index, pages, N_("Rasterising page {page} of {pages}"), page=index + 1, pages=pages)
            page = doc[index]
            pix = page.get_pixmap(dpi=dpi, alpha=False)
            progress.send(RasterPage(index, page.rect.width > page.rect.height, pix.width, pix.height, pix.stride,
                                     pix.samples))
    return pages


def page_count(pdf: bytes) -> int:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc.page_count


def _dpi(printer: QPrinter) -> int:
    return min(printer.resolution(), MAX_DPI)


def _orient(printer: QPrinter, page: Page) -> None:
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if page.landscape
                               else QPageLayout.Orientation.Portrait)


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
        self.pages_dpi = 0
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
            _orient(printer, page)
            if page.index == 0:
                if not painter.begin(printer):
                    return
            elif not printer.newPage():
                break
            painter.drawImage(QRectF(printer.pageLayout().fullRectPixels(printer.resolution())), page.image)
        if painter.isActive():
            painter.end()

    def preview(self, parent: QWidget | None) -> None:
        """Rasterise the pages off the UI thread, then show Qt's preview of them."""
        dpi = _dpi(self.printer)
        pages: list[Page] = []

        def arrived(page: RasterPage) -> None:
            pages.append(page.page())
            task.ack()

        def ready(_count: int) -> None:
            self.pages, self.pages_dpi = pages, dpi
            self._show_preview(parent)

        task = run_task(parent, tr("Preparing the preview of {title}…").format(title=self.title),
                        partial(rasterise, pdf=self.pdf, dpi=dpi), process=True, cancellable=True, window=AHEAD,
                        on_part=arrived, on_done=ready, on_cancel=self.done, on_error=lambda exc: self._failed(parent, exc))

    def _show_preview(self, parent: QWidget | None) -> None:
        dialog = QPrintPreviewDialog(self.printer, parent)
        dialog.setWindowTitle(tr("Print preview — {title}").format(title=self.title))
        dialog.paintRequested.connect(self.paint)
        dialog.resize(900, 1000)
        dialog.finished.connect(lambda _=0: self.done())
        dialog.exec()

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
    """Pages go onto the printer a strip per timer tick; a worker process rasterises them just ahead."""

    def __init__(self, job: PrintJob, parent: QWidget | None, printer: QPrinter,
                 on_done: Callable[[int], None] | None) -> None:
        super().__init__()
        self.job, self.printer, self.on_done = job, printer, on_done
        self.active = True
        self.total = page_count(job.pdf)
        self.queue: deque[Page] = deque()
        self.page: Page | None = None
        self.row = 0
        self.painter = QPainter()
        self.dialog = ProgressDialog(parent, tr("Printing {title}…").format(title=job.title), cancellable=True)
        self.dialog.cancel_requested.connect(self.cancel)
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._slice)
        dpi = _dpi(printer)
        job.pages_printed = 0
        self.task: Task | None = None
        if job.pages and job.pages_dpi == dpi:
            self.queue.extend(job.pages)  # the preview's pages, already rasterised
        else:
            self.task = Task(partial(rasterise, pdf=job.pdf, dpi=dpi), process=True, window=AHEAD)
            self.task.delivered.connect(self._arrived)
            self.task.failed.connect(self._raster_failed)
            self.task.succeeded.connect(self._wake)
            self.task.cancelled.connect(self._wake)
            self.task.start()
        self.timer.start()

    def _arrived(self, page: RasterPage) -> None:
        self.queue.append(page.page())
        self._wake()

    def _wake(self, *_: object) -> None:
        if self.active and not self.timer.isActive():
            self.timer.start()

    def _slice(self) -> None:
        """Draw one strip of the current page (starting the next page first when one is done)."""
        if self.page is None:
            if not self.queue:
                if self.task is None or not self.task.running:
                    self._end()
                else:
                    self.timer.stop()  # the worker has not sent the next page yet; _arrived restarts us
                return
            if not self._next_page(self.queue.popleft()):
                return
        image = self.page.image
        height = image.height()
        rows = min(STRIP_ROWS, height - self.row)
        # one row of overlap, drawn over by the next strip, so no hairline can show between strips;
        # in the engine's own format, which it would otherwise convert to
        strip = image.copy(0, self.row, image.width(), min(rows + 1, height - self.row)).convertToFormat(
            QImage.Format.Format_RGB32)
        target = QRectF(self.printer.pageLayout().fullRectPixels(self.printer.resolution()))
        scale = target.height() / height
        self.painter.drawImage(QRectF(target.x(), target.y() + self.row * scale, target.width(),
                                      strip.height() * scale), strip)
        self.row += rows
        if self.row >= height:
            self.job.pages_printed += 1
            self.page = None
            if self.task is not None:
                self.task.ack()
        self.dialog.show_progress(self.job.pages_printed, self.total, tr("Printing page {page} of {pages}").format(
            page=min(self.job.pages_printed + 1, self.total), pages=self.total))

    def _next_page(self, page: Page) -> bool:
        _orient(self.printer, page)
        if page.index == 0:
            if not self.painter.begin(self.printer):
                self._end()
                return False
        elif not self.printer.newPage():
            self._end()
            return False
        self.page, self.row = page, 0
        return True

    def cancel(self) -> None:
        """Stop: the printer drops what it was given so far; nothing is said (a cancel is not an error)."""
        if not self.active:
            return
        if self.task is not None:
            self.task.cancel()
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
        self.timer.stop()
        if self.task is not None and self.task.running:
            self.task.cancel()
        if self.painter.isActive():
            self.painter.end()
        self.queue.clear()
        self.page = None
        if not self.active:
            return
        self.active = False
        self.dialog.finish()
        self.job.done()
        if self.on_done is not None:
            self.on_done(self.job.pages_printed)


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
