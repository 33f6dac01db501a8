"""Every PDF of the pdf.js corpus (many broken on purpose) through the viewer's own path.

Each file is opened by a PdfViewer and must end, within a time limit, either
with its first page on screen or with a sentence naming the file and the
reason. The corpus is read in place (../shared/corpus/pdfjs); three viewers
share one RenderService, so both worker processes stay busy.
"""

from __future__ import annotations

import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from ui.render import RenderService  # noqa: E402
from ui.viewer import PdfViewer  # noqa: E402

REASONS = (
    "needs a password",
    "has no pages",
    "is damaged or is not a PDF",
    "is damaged and cannot be shown",
    "took too long",
    "is empty",
)
PER_FILE = 12.0  # seconds; the service gives up on a worker after its own (shorter) timeout
VIEWERS = 3


@pytest.mark.slow
def test_corpus_opens_or_explains(qtbot, corpus_dir):
    files = sorted(p for p in corpus_dir.iterdir() if p.suffix.lower() == ".pdf")
    assert files, "no PDFs in the corpus"
    service = RenderService(timeout=6.0, search_timeout=6.0)
    viewers = []
    for _ in range(VIEWERS):
        viewer = PdfViewer(service)
        viewer.set_thumbnails_visible(False)
        viewer.resize(420, 560)
        viewer.show()
        qtbot.addWidget(viewer)
        viewers.append(viewer)

    todo = list(reversed(files))
    outcome: dict[str, tuple[str, str]] = {}  # name -> ("shown"|"error"|"hang", message)
    started: dict[int, float] = {}
    current: dict[int, str] = {}

    def finish(slot: int, kind: str, message: str = "") -> None:
        name = current.pop(slot, None)
        if name is not None and name not in outcome:
            outcome[name] = (kind, message)

    def feed(slot: int) -> None:
        if todo and slot not in current:
            path = todo.pop()
            current[slot] = path.name
            started[slot] = time.monotonic()
            viewers[slot].open(str(path))

    for slot, viewer in enumerate(viewers):
        viewer.page_shown.connect(lambda page, s=slot: page == 0 and finish(s, "shown"))
        viewer.document_failed.connect(lambda _path, message, s=slot: finish(s, "error", message))

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        now = time.monotonic()
        for slot, viewer in enumerate(viewers):
            if slot in current:
                page_error = viewer.view.failed.get(0)
                if page_error is not None:  # the document opened but page 1 cannot be drawn
                    finish(slot, "error", str(page_error))
                elif now - started[slot] > PER_FILE:
                    view = viewer.view
                    finish(slot, "hang", f"loaded={viewer.info is not None} current={view.current_page()} "
                           f"visible={list(view.visible_pages())} scale={view.scale:.3f} pending={service.pending()} "
                           f"cached={service.cached(view.key(0)) is not None} shown={view._shown} vis={viewer.isVisible()} rect={view.page_rect(0)}")
                    viewer.close_document()
            feed(slot)
        if not todo and not current:
            loop.quit()

    timer.timeout.connect(tick)
    began = time.monotonic()
    timer.start()
    loop.exec()
    timer.stop()
    elapsed = time.monotonic() - began
    service.shutdown()

    shown = [n for n, (k, _) in outcome.items() if k == "shown"]
    errors = {n: m for n, (k, m) in outcome.items() if k == "error"}
    hangs = [n for n, (k, _) in outcome.items() if k == "hang"]
    print(f"\n{len(files)} files in {elapsed:.0f} s: {len(shown)} shown, {len(errors)} explained, {len(hangs)} hung")
    for reason in REASONS:
        print(f"  {reason}: {sum(reason in m for m in errors.values())}")

    assert len(outcome) == len(files)
    assert not hangs, f"no answer within {PER_FILE} s: {[(n, outcome[n][1]) for n in hangs]}"
    unclear = {n: m for n, m in errors.items() if not (m.startswith(n + ":") and any(r in m for r in REASONS))}
    assert not unclear, f"messages that do not name the file and a reason: {unclear}"
