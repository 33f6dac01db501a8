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
    from ui.application import make_app

    return make_app("en")


def test_signature_pad_stores_a_png_in_the_score_file(qtbot, app, submitted):
    from PySide6.QtGui import QImage
    from ui.expert.signature import SignatureDialog

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
    """Rasterised in a worker process, drawn a strip at a time: every page arrives, nothing is cut."""
    from app import sheets
    from ui.printing import PrintJob, merge_pdfs

    pdf = merge_pdfs([sheets.build_opinion_sheet(submitted, a.id) for a in submitted.applicants[:3]])
    pages = pymupdf.open(stream=pdf, filetype="pdf").page_count
    job = PrintJob(pdf, "batch")
    out = tmp_path / "printed.pdf"
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(out))
    sent = []
    job.start(None, job.printer, on_done=sent.append)
    qtbot.waitUntil(lambda: job.finished, timeout=60000)
    assert sent == [pages] and job.pages_printed == pages
    with pymupdf.open(out) as printed:
        assert printed.page_count == pages
        # the strips cover the whole page: each half of it is as dark as the same half of the original
        original = pymupdf.open(stream=pdf, filetype="pdf")
        for k in (0, pages - 1):
            for half in (0, 1):
                mine, theirs = (_ink(doc[k], half) for doc in (printed, original))
                assert abs(mine - theirs) < 2, (k, half, mine, theirs)


def _ink(page, half: int) -> float:
    """Mean darkness (0-255) of the top (0) or bottom (1) half of `page`."""
    r = page.rect
    clip = pymupdf.Rect(r.x0, r.y0 + half * r.height / 2, r.x1, r.y0 + (half + 1) * r.height / 2)
    pix = page.get_pixmap(dpi=40, colorspace=pymupdf.csGRAY, clip=clip)
    return 255 - sum(pix.samples) / len(pix.samples)


def test_a_print_can_be_cancelled_without_a_word(qtbot, app, submitted, tmp_path, monkeypatch):
    from app import sheets
    from ui.printing import PrintJob, merge_pdfs

    monkeypatch.setattr("ui.dialogs.QMessageBox.warning", lambda *a, **k: pytest.fail("a cancel is not an error"))
    pdf = merge_pdfs([sheets.build_opinion_sheet(submitted, a.id) for a in submitted.applicants])
    job = PrintJob(pdf, "batch")
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    printing = job.start(None, job.printer)
    qtbot.waitUntil(lambda: job.pages_printed >= 1, timeout=60000)
    printing.dialog.request_cancel()
    qtbot.waitUntil(lambda: job.finished, timeout=10000)
    assert job.pages_printed < pymupdf.open(stream=pdf, filetype="pdf").page_count
    qtbot.waitUntil(lambda: printing.task is None or not printing.task.running, timeout=10000)


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
    job = PrintJob(pdf, "panelreview-batch")
    done = []
    job.print_to(QUEUE, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120000)
    assert done == [pages]
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
