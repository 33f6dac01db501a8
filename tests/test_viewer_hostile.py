"""Issue 14 items 7 and 10 (the viewer): a flate-bomb page never delays the next material, and a
20,000-page material opens and turns without freezing the window."""

from __future__ import annotations

import os
import struct
import time
import zlib
from pathlib import Path

import pymupdf
import pytest

pytest.importorskip("PySide6")

from loopwatch import LoopWatch  # noqa: E402

from ui.render import RenderService  # noqa: E402
from ui.viewer import PdfViewer  # noqa: E402

BOMB_MB = 300


def bomb_stream(megabytes: int = BOMB_MB) -> bytes:
    """A valid zlib stream of `megabytes` MB of zeros (about 4.6 KB a MB), built without
    compressing them all: after a full flush every further MB compresses to the same block."""
    chunk = b"\0" * (1 << 20)
    z = zlib.compressobj(1)
    first = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    tail = z.flush()[:-4]
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return first + block * (megabytes - 1) + tail + struct.pack(">I", adler)


def bomb_pdf(path: Path, *, bomb_pages: set[int], pages: int = 2, megabytes: int = BOMB_MB) -> Path:
    """A PDF whose `bomb_pages` (0-based) have a content stream of `megabytes` MB of zeros, Flate-compressed;
    the other pages are ordinary text pages. (MuPDF reads about 300 MB of it a second here.)"""
    data = bomb_stream(megabytes)
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"page {n + 1}", fontsize=14)
        if n in bomb_pages:
            xref = page.get_contents()[0]
            doc.update_stream(xref, data, compress=False)
            doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.save(path)
    return path


def good_pdf(path: Path, pages: int = 3) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"good material page {n + 1}", fontsize=14)
    doc.save(path)
    return path


def test_bomb_stream_is_what_it_claims():
    data = bomb_stream(8)
    assert len(data) < 8 * 6000
    out = zlib.decompress(data)
    assert len(out) == 8 << 20 and out.count(0) == len(out)


@pytest.fixture
def viewer(qtbot, qapp):
    service = RenderService(timeout=30.0)
    widget = PdfViewer(service)
    qtbot.addWidget(widget)
    widget.resize(800, 700)
    widget.show()
    # the warm spare is part of the design: wait for it as the window's start would
    qtbot.waitUntil(lambda: bool(service.spare_pids()), timeout=10000)
    yield widget
    service.shutdown()


@pytest.mark.parametrize("bomb_page", [0, 1], ids=["first-page-is-the-bomb", "second-page-is-the-bomb"])
def test_next_material_after_a_bomb_is_shown_within_a_second(qtbot, viewer, tmp_path, bomb_page):
    service = viewer.service
    bomb = bomb_pdf(tmp_path / "bomb.pdf", bomb_pages={bomb_page}, pages=2)
    good = good_pdf(tmp_path / "good.pdf")
    shown = []
    viewer.page_shown.connect(lambda n: shown.append((viewer.path, n)))
    replaced = []
    service.worker_replaced.connect(replaced.append)
    viewer.open(str(bomb))
    if bomb_page == 0:
        # the worker opening the file is drawing the bomb as its first page
        qtbot.waitUntil(lambda: any(w.job is not None for w in service._workers), timeout=5000)
        qtbot.wait(400)
    else:
        # page 1 is up; the bomb is being drawn (prefetch), probed for text and as a thumbnail
        qtbot.waitUntil(lambda: (str(bomb), 0) in shown, timeout=20000)
        qtbot.waitUntil(lambda: all(w.job is not None and w.job.key[0] in ("render", "probe")
                                    for w in service._workers), timeout=10000)
        qtbot.wait(300)
    assert all((str(bomb), n) != (str(bomb), bomb_page) for n in [p for path, p in shown if path == str(bomb)])
    busy = [w.pid for w in service._workers if w.job is not None]
    assert busy, "the bomb should keep a worker busy"
    started = time.monotonic()
    viewer.open(str(good))
    qtbot.waitUntil(lambda: (str(good), 0) in shown, timeout=5000)
    took = time.monotonic() - started
    assert took <= 1.0, f"the next material took {took:.2f} s"
    # the bomb's work is given up: a worker still drawing it is killed and replaced (at once when other work
    # waits, else after a grace of 3 s); one that finished within the grace is kept — which of the two happens
    # depends on how busy the machine is, never on the next material, which is shown above within 1 s
    def on_bomb(w) -> bool:
        key = w.job.key if w.job is not None else None
        where = None if key is None else key[1].path if key[0] == "render" else key[1] if len(key) > 1 else None
        return where is not None and os.path.abspath(str(where)) == os.path.abspath(str(bomb))

    qtbot.waitUntil(lambda: not any(on_bomb(w) for w in service._workers), timeout=8000)
    assert all(pid in replaced or pid in service.worker_pids() for pid in busy)
    assert not set(replaced) & set(service.worker_pids())
    assert len(service.worker_pids()) == 2
    qtbot.waitUntil(lambda: len(service.spare_pids()) == 1, timeout=10000)


def test_cancel_spares_work_another_viewer_still_wants(qtbot, qapp, tmp_path):
    """Giving work up kills a worker only when nobody else wants that work and other work waits."""
    service = RenderService(workers=1, spares=0)
    try:
        one, other = object(), object()
        service._sleep(5.0, owner=one)
        job = next(iter(service._running.values()))
        job.add_owner(other)
        service.cancel(one)
        service._sleep(0.01)  # wanted work waiting for the one worker
        qtbot.wait(500)
        assert job in service._running.values()  # `other` still wants it: not killed
        started = time.monotonic()
        service.cancel(other)
        with qtbot.waitSignal(service.worker_replaced, timeout=3000):
            pass
        assert time.monotonic() - started < 1.0  # killed for the waiting work, not after its 5 s
        qtbot.waitUntil(lambda: service.pending() == 0, timeout=10000)  # the waiting work ran
    finally:
        service.shutdown()


def many_pages_pdf(path: Path, pages: int) -> Path:
    """`pages` pages sharing one small content stream, every 50th landscape; written as PDF
    objects directly (MuPDF's page-by-page API takes minutes for 20,000 pages on a busy machine)."""
    content = b"BT /F1 14 Tf 72 700 Td (a long material) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + n) for n in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for n in range(pages):
        box = b"0 0 842 595" if n % 50 == 49 else b"0 0 595 842"
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [" + box
                       + b"] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def longest_stall(qtbot, action, until, timeout: float = 30.0) -> tuple[float, float]:
    """(wall seconds, seconds of the window thread's own CPU time) of the longest gap between
    ticks of a 5 ms timer while `action()` runs and until `until()`.

    The CPU time tells a freeze of our making from the machine being busy with other work
    (this box is shared: at a load of 10 on 2 cores a process waits its turn for 100 ms and more).
    """
    with LoopWatch() as watch:
        qtbot.wait(30)
        watch.mark()
        action()
        watch.mark()
        qtbot.waitUntil(until, timeout=int(timeout * 1000))
        qtbot.wait(60)
    return watch.longest_wall, watch.longest_cpu


# Issue 14 measured 0.8 s on open and 0.9 s on rotate for 20,000 pages. Here they take 40-120 ms of the window
# thread, varying with the machine: the limit is a fifth of a second, well clear of both that noise and the old
# freeze (the 16 ms goal is for turning the pages of an ordinary material: bench/bench_viewer.py).
FREEZE = 0.2


def assert_no_freeze(stall: tuple[float, float], what: str, limit: float = FREEZE) -> None:
    wall, cpu = stall
    assert cpu < limit, f"{what} kept the window busy {cpu * 1000:.0f} ms at a stretch"
    if os.getloadavg()[0] < 1.5 * (os.cpu_count() or 1):  # wall time means something on a machine not overloaded
        assert wall < limit, f"{what} froze the window {wall * 1000:.0f} ms"


def test_twenty_thousand_pages_open_and_turn_without_a_freeze(qtbot, viewer, tmp_path):
    path = many_pages_pdf(tmp_path / "long.pdf", 20_000)
    viewer.set_thumbnails_visible(True)
    shown = []
    viewer.page_shown.connect(lambda n: shown.append(n))
    # a viewer in use has opened a material before (what a first open imports is not the point here)
    viewer.open(str(good_pdf(tmp_path / "warm.pdf")))
    qtbot.waitUntil(lambda: 0 in shown, timeout=20000)
    shown.clear()
    stall = longest_stall(qtbot, lambda: viewer.open(str(path)), lambda: 0 in shown)
    assert viewer.page_count() == 20_000
    assert_no_freeze(stall, "opening")
    # the thumbnails are a model with lazy pictures: only the rows in view were asked for
    qtbot.waitUntil(lambda: viewer.thumbnail_image(0) is not None, timeout=20000)
    assert viewer.thumbnails.count() == 20_000
    made = [k for k in viewer.service._pools["thumb"].images if k.path == str(path)]
    assert 0 < len(made) < 40
    # each turn three times, the least kept: a freeze of our making comes every time, the machine's hiccups
    # do not (CI once measured 341 ms of the window thread's time for a turn that takes 20-40 ms)
    stall = min((longest_stall(qtbot, viewer.rotate, lambda k=k: viewer.page_rotation(0) == 90 * k % 360)
                 for k in (1, 2, 3)), key=lambda s: s[1])
    assert_no_freeze(stall, "turning a page")
    viewer.rotate()  # upright again
    stall = min((longest_stall(qtbot, lambda k=k: viewer.set_rotation(90 * k), lambda k=k: viewer.rotation() == 90 * k)
                 for k in (1, 2, 3)), key=lambda s: s[1])
    # turning all 20,000 pages lays every page out again on the window thread, in whole lists (0.9 s in issue 14;
    # 14-15 ms of the window thread in this test now, as for one page turned above)
    assert_no_freeze(stall, "turning the document")
    stall = longest_stall(qtbot, lambda: viewer.go_to_page(15_000), lambda: 15_000 in shown)
    assert_no_freeze(stall, "jumping to page 15,000")
    assert viewer.thumbnails.currentRow() == 15_000
