"""Print sheets through Qt's print system: preview, the system dialog, a named printer, or save as PDF.

The sheets are PDFs made by the core (app/sheets.py). Printing draws each
page, rendered by PyMuPDF at the printer's resolution (at most 300 dpi),
onto the QPrinter. The QPrinter lives as long as its job: a
QPrintPreviewDialog whose printer is gone crashes.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from app.files import write_atomic
from ui.i18n import tr

MAX_DPI = 300
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


class PrintJob:
    """A PDF on its way to a printer; holds the QPrinter for as long as Qt needs it."""

    def __init__(self, pdf: bytes, title: str) -> None:
        self.pdf = pdf
        self.title = title
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setDocName(title)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setFullPage(True)
        self.pages_printed = 0
        _alive.append(self)

    def done(self) -> None:
        if self in _alive:
            _alive.remove(self)

    def paint(self, printer: QPrinter) -> None:
        """Draw every page onto `printer` (Qt calls this for previews too)."""
        self.pages_printed = 0
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        with pymupdf.open(stream=self.pdf, filetype="pdf") as doc:
            for index in range(doc.page_count):
                page = doc[index]
                landscape = page.rect.width > page.rect.height
                printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                           else QPageLayout.Orientation.Portrait)
                if index == 0:
                    if not painter.begin(printer):
                        return
                elif not printer.newPage():
                    break
                pix = page.get_pixmap(dpi=dpi, alpha=False)
                image = QImage(pix.samples_mv, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                painter.drawImage(target, image)
                self.pages_printed += 1
                QApplication.processEvents()
        if painter.isActive():
            painter.end()

    def preview(self, parent: QWidget | None) -> None:
        dialog = QPrintPreviewDialog(self.printer, parent)
        dialog.setWindowTitle(tr("Print preview — {title}").format(title=self.title))
        dialog.paintRequested.connect(self.paint)
        dialog.resize(900, 1000)
        dialog.finished.connect(lambda _=0: self.done())
        dialog.exec()

    def print_with_dialog(self, parent: QWidget | None) -> bool:
        dialog = QPrintDialog(self.printer, parent)
        dialog.setWindowTitle(tr("Print {title}").format(title=self.title))
        ok = dialog.exec() == QPrintDialog.DialogCode.Accepted
        if ok:
            self.paint(self.printer)
        self.done()
        return ok

    def print_to(self, printer_name: str) -> int:
        """Send the job to the named printer without asking; returns the pages sent."""
        self.printer.setPrinterName(printer_name)
        self.printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        self.paint(self.printer)
        self.done()
        return self.pages_printed


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

