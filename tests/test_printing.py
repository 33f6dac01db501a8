"""Signing and printing from the windows: the signature pad, Qt's print path, and a real CUPS queue."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pymupdf
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from app.scorefile import ScoreFile  # noqa: E402

DATA = Path(__file__).parent / "data"
QUEUE = "PanelReviewPDF"


@pytest.fixture
def submitted(tmp_path) -> ScoreFile:
    path = tmp_path / "E02.prscore"
    shutil.copy(DATA / "scores-schema1.prscore", path)
    sf = ScoreFile.open(path)
    yield sf
    sf.close()


@pytest.fixture
def app(qapp):
    from ui.main import make_app

    return make_app("en")


def test_signature_pad_stores_a_png_in_the_score_file(qtbot, app, submitted):
    from PySide6.QtGui import QImage
    from ui.signature import SignatureDialog

    dialog = SignatureDialog(submitted)
    qtbot.addWidget(dialog)
    dialog.show()
    pad = dialog.pad
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 120))
    for x in range(40, 300, 12):
        qtbot.mouseMove(pad, QPoint(x, 100 + (x % 50)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 110))
    assert not pad.is_empty()
    dialog.save()
    png = submitted.signature()
    image = QImage()
    assert png and image.loadFromData(png, "PNG") and image.width() >= pad.width()
    assert submitted.verify().ok  # drawing the signature never breaks the fingerprint
    # redraw: clear and save removes it
    again = SignatureDialog(submitted)
    qtbot.addWidget(again)
    assert not again.pad.is_empty()
    again.pad.clear()
    again.save()
    assert submitted.signature() is None


def test_print_path_draws_every_page(qtbot, app, submitted, tmp_path):
    from app import sheets
    from ui.printing import PrintJob, merge_pdfs

    pdf = merge_pdfs([sheets.build_opinion_sheet(submitted, a.id) for a in submitted.applicants[:3]])
    pages = pymupdf.open(stream=pdf, filetype="pdf").page_count
    job = PrintJob(pdf, "batch")
    out = tmp_path / "printed.pdf"
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(out))
    job.paint(job.printer)
    assert job.pages_printed == pages
    assert pymupdf.open(out).page_count == pages


def _cups_ready() -> str | None:
    if os.geteuid() != 0:
        return "needs root to run cupsd"
    for tool in ("/usr/sbin/cupsd", "/usr/sbin/lpadmin"):
        if not Path(tool).exists():
            return f"{tool} is not installed"
    if not Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd").exists():
        return "printer-driver-cups-pdf is not installed"
    if subprocess.run(["pgrep", "-x", "cupsd"], capture_output=True).returncode != 0:
        subprocess.run(["/usr/sbin/cupsd"], check=True)
        time.sleep(2)
    subprocess.run(["/usr/sbin/lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P",
                    "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"], check=True, capture_output=True)
    return None


def test_a_batch_goes_through_a_real_print_system(qtbot, app, submitted):
    """All of an expert's opinion sheets, sent by Qt to CUPS' virtual PDF printer, come out as pages."""
    reason = _cups_ready()
    if reason:
        pytest.skip(reason)
    from app import sheets
    from ui.printing import PrintJob, merge_pdfs, printer_names

    assert QUEUE in printer_names()
    pdf = merge_pdfs([sheets.build_opinion_sheet(submitted, a.id) for a in submitted.applicants])
    pages = pymupdf.open(stream=pdf, filetype="pdf").page_count
    outdir = Path.home() / "PDF"
    before = set(outdir.glob("*.pdf")) if outdir.exists() else set()
    sent = PrintJob(pdf, "panelreview-batch").print_to(QUEUE)
    assert sent == pages
    deadline = time.time() + 180
    found = None
    while time.time() < deadline:
        for f in set(outdir.glob("*panelreview-batch*.pdf")) - before if outdir.exists() else []:
            try:
                with pymupdf.open(f) as doc:
                    if doc.page_count == pages:
                        found = f
            except (RuntimeError, ValueError):
                pass  # still being written
        if found:
            break
        time.sleep(1)
    assert found is not None, f"CUPS wrote no {pages}-page PDF into {outdir}"
