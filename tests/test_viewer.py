"""ui/viewer.py and ui/render.py: the viewer drives real worker processes, offscreen."""

from __future__ import annotations

import os
import time
import signal
from pathlib import Path

import pymupdf
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from app.document import FirstPage  # noqa: E402
from ui.render import RenderService, render_key  # noqa: E402
from ui.viewer import FIT_PAGE, FIT_WIDTH, PdfViewer  # noqa: E402


def make_pdf(path: Path, pages: int = 8) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Applicant material page {n + 1}", fontsize=16)
        page.insert_text((72, 400), "teaching staff" if n in (2, 5) else "equipment list", fontsize=12)
    doc.save(path)
    return path


@pytest.fixture
def service(qapp):
    svc = RenderService(timeout=10.0)
    yield svc
    svc.shutdown()


@pytest.fixture
def viewer(qtbot, service):
    widget = PdfViewer(service)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def open_and_wait(qtbot, viewer, path, **kw):
    """Open `path` and wait for its first page, then for the side pane (filled in the loop's next turn)."""
    with qtbot.waitSignal(viewer.page_shown, timeout=20000):
        viewer.open(str(path), **kw)
    qtbot.waitUntil(lambda: viewer.thumbnails.count() == viewer.page_count(), timeout=5000)


def test_open_shows_first_page(qtbot, viewer, tmp_path):
    path = make_pdf(tmp_path / "m.pdf")
    with qtbot.waitSignal(viewer.document_loaded, timeout=20000) as loaded:
        open_and_wait(qtbot, viewer, path)
    assert loaded.args == [str(path), 8]
    assert viewer.page_count() == 8 and viewer.current_page() == 0
    assert viewer.error_message() == ""
    image = viewer.service.cached(viewer.view.key(0))
    assert image is not None and abs(image.width() - viewer.view.page_rect(0).width()) <= 1
    qtbot.waitUntil(lambda: viewer.thumbnail_image(0) is not None, timeout=10000)


def test_navigation_and_keys(qtbot, viewer, tmp_path):
    open_and_wait(qtbot, viewer, make_pdf(tmp_path / "m.pdf"))
    pages = []
    viewer.current_page_changed.connect(pages.append)
    viewer.go_to_page(3)
    assert viewer.current_page() == 3 and viewer.page_box.value() == 4
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 4
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    assert viewer.current_page() == 3
    qtbot.keyClick(viewer.view, Qt.Key.Key_End)
    assert viewer.current_page() == 7
    qtbot.keyClick(viewer.view, Qt.Key.Key_Home)
    assert viewer.current_page() == 0
    viewer.thumbnails.setCurrentRow(5)
    assert viewer.current_page() == 5 and viewer.thumbnails.currentRow() == 5
    assert pages[:2] == [3, 4]
    with qtbot.waitSignal(viewer.page_shown, timeout=10000):
        viewer.go_to_page(6)


def test_zoom(qtbot, viewer, tmp_path):
    open_and_wait(qtbot, viewer, make_pdf(tmp_path / "m.pdf"))
    width_fit = viewer.view.page_rect(0).width()
    assert abs(width_fit - (viewer.view.viewport().width() - 20)) <= 2
    viewer.set_zoom(1.0)
    assert viewer.view.page_rect(0).width() == round(595 * 96 / 72)
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == pytest.approx(1.1)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoom() == pytest.approx(0.9)
    viewer.set_zoom(FIT_PAGE)
    rect = viewer.view.page_rect(viewer.current_page())
    assert rect.height() <= viewer.view.viewport().height()
    with qtbot.waitSignal(viewer.page_shown, timeout=10000):
        viewer.set_zoom(FIT_WIDTH)
    assert viewer.zoom_box.currentData() == FIT_WIDTH


def test_rotate_turns_one_page_either_way(qtbot, viewer, tmp_path):
    path = make_pdf(tmp_path / "m.pdf")
    open_and_wait(qtbot, viewer, path)
    viewer.set_zoom(1.0)
    viewer.go_to_page(1)
    with qtbot.waitSignal(viewer.page_rotated) as turned:
        viewer.rotate()
    assert turned.args == [str(path), 1, 90]
    turned_rect, other = viewer.view.page_rect(1), viewer.view.page_rect(0)
    assert turned_rect.width() > turned_rect.height() and other.width() < other.height()  # page 1 alone
    assert viewer.page_rotation(1) == 90 and viewer.page_rotation(0) == 0 and viewer.rotation() == 0
    qtbot.waitUntil(lambda: viewer.service.cached(viewer.view.key(1)) is not None, timeout=10000)
    image = viewer.service.cached(viewer.view.key(1))
    assert image.width() > image.height()
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(viewer.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert viewer.page_rotation(1) == 270 and viewer.page_turns() == {1: 270}
    # the whole document still turns as before (the window remembers that per file)
    with qtbot.waitSignal(viewer.rotation_changed) as whole:
        viewer.set_rotation(90)
    assert whole.args == [str(path), 90] and viewer.page_rotation(0) == 90 and viewer.page_rotation(1) == 0
    open_and_wait(qtbot, viewer, path, rotation=270, page=2)
    assert viewer.rotation() == 270 and viewer.current_page() == 2
    assert viewer.page_turns() == {1: 270}  # the page turned on its own stays turned on reopening


def test_search(qtbot, viewer, tmp_path):
    open_and_wait(qtbot, viewer, make_pdf(tmp_path / "m.pdf"))
    qtbot.waitUntil(lambda: viewer.search_box.isEnabled(), timeout=10000)
    with qtbot.waitSignal(viewer.search_finished, timeout=10000) as done:
        viewer.search("teaching staff")
    assert done.args == ["teaching staff", 2]
    assert viewer.hits() == [(2, 0), (5, 0)]
    assert viewer.current_page() == 2 and viewer.hit_label.text() == "1 / 2"
    viewer.next_hit()
    assert viewer.current_page() == 5 and viewer.hit_label.text() == "2 / 2"
    viewer.previous_hit()
    assert viewer.current_page() == 2
    with qtbot.waitSignal(viewer.search_finished, timeout=10000) as done:
        viewer.search("nowhere to be found")
    assert done.args[1] == 0 and viewer.hit_label.text() == "No matches"


def test_scan_without_text_disables_search(qtbot, viewer, tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.5, 0.5, 0.5))
    path = tmp_path / "scan.pdf"
    doc.save(path)
    open_and_wait(qtbot, viewer, path)
    qtbot.waitUntil(lambda: viewer.info.has_text is False, timeout=10000)
    assert not viewer.search_box.isEnabled()
    assert viewer.search_box.placeholderText() == "No text layer to search"


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("broken.pdf", b"%PDF-1.4\n this is not really a pdf at all\n", "is damaged or is not a PDF"),
        ("photo.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 200, "is damaged or is not a PDF"),
        ("missing.pdf", None, "the file is missing"),
    ],
)
def test_error_view_names_file_and_reason(qtbot, viewer, tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with qtbot.waitSignal(viewer.document_failed, timeout=20000) as failed:
        viewer.open(str(path))
    assert failed.args == [str(path), f"{name}: {reason}"]
    assert viewer.stack.currentWidget() is viewer.error_view
    assert viewer.error_text.text() == f"{name}: {reason}"


def test_password_error(qtbot, viewer, tmp_path):
    doc = pymupdf.open()
    doc.new_page()
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="owner")
    with qtbot.waitSignal(viewer.document_failed, timeout=20000) as failed:
        viewer.open(str(path))
    assert failed.args[1] == "locked.pdf: needs a password"


def test_killed_worker_is_replaced_and_page_still_comes(qtbot, service, tmp_path):
    path = str(make_pdf(tmp_path / "m.pdf", pages=2))
    pids = service.worker_pids()
    with qtbot.waitSignal(service.loaded, timeout=20000):
        service.load(path)
    service._sleep(30)  # keep one worker busy "rendering" ...
    qtbot.waitUntil(lambda: any(w.job is not None for w in service._workers), timeout=5000)
    busy = next(w for w in service._workers if w.job is not None)
    with qtbot.waitSignal(service.worker_replaced, timeout=10000) as replaced:
        os.kill(busy.pid, signal.SIGKILL)  # ... and kill it
    assert replaced.args == [pids[pids.index(busy.pid)]]
    assert busy.pid not in service.worker_pids() and len(service.worker_pids()) == 2
    # the killed job was retried once on a fresh worker; the service still renders
    key = render_key(path, 1, 0.5)
    with qtbot.waitSignal(service.rendered, timeout=20000, check_params_cb=lambda k, _: k == key):
        service.render(key)


def test_killed_worker_during_page_render_never_hangs(qtbot, viewer, tmp_path):
    """Kill every worker while the first page renders: the page shows or shows an error."""
    path = make_pdf(tmp_path / "m.pdf")
    service = viewer.service
    with qtbot.waitSignal(viewer.document_loaded, timeout=20000):
        viewer.open(str(path))
    for pid in service.worker_pids():
        os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(
        lambda: service.cached(viewer.view.key(0)) is not None or 0 in viewer.view.failed, timeout=20000)
    if 0 in viewer.view.failed:
        assert "m.pdf: page 1" in str(viewer.view.failed[0])
    assert len(service.worker_pids()) == 2


def test_hung_worker_times_out(qtbot, qapp):
    service = RenderService(timeout=1.0)
    try:
        with qtbot.waitSignal(service.worker_replaced, timeout=10000):
            service._sleep(60)
        assert service.pending() == 0
    finally:
        service.shutdown()


def test_a_slow_start_does_not_count_against_the_page(qtbot, qapp, tmp_path):
    """A job's time limit runs from when its worker is ready: workers held before their imports are done
    (as a busy laptop at start-up holds them) for three times the limit still draw the page, not fail it."""
    service = RenderService(timeout=0.5, spares=0)
    failed, replaced = [], []
    service.render_failed.connect(lambda key, error: failed.append((key, str(error))))
    service.worker_replaced.connect(replaced.append)
    pids = service.worker_pids()
    try:
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        assert not any(w.ready for w in service._workers)  # stopped before they could say so
        key = render_key(str(make_pdf(tmp_path / "m.pdf", pages=2)), 0, 0.5)
        service.render(key)
        qtbot.wait(1500)
        assert failed == [] and replaced == [] and service.pending() == 1
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    try:
        with qtbot.waitSignal(service.rendered, timeout=30000, check_params_cb=lambda k, _: k == key):
            pass
        assert failed == [] and replaced == []
        qtbot.waitUntil(lambda: all(w.ready for w in service._workers), timeout=30000)
        # once ready, the limit holds: a job longer than it is given up
        with qtbot.waitSignal(service.worker_replaced, timeout=10000):
            service._sleep(30)
        assert service.pending() == 0
    finally:
        service.shutdown()


def test_stale_requests_are_dropped(qtbot, service, tmp_path):
    path = str(make_pdf(tmp_path / "m.pdf", pages=30))
    owner = object()
    service._sleep(1.0)
    service._sleep(1.1)  # both workers busy: everything below waits in the queue
    keys = [render_key(path, n, 0.3) for n in range(30)]
    for key in keys:
        service.render(key, owner=owner)
    assert service.retain(owner, keys[-2:]) == 28
    with qtbot.waitSignal(service.rendered, timeout=20000, check_params_cb=lambda k, _: k == keys[-1]):
        pass
    qtbot.waitUntil(lambda: service.pending() == 0, timeout=10000)
    assert service.cached(keys[0]) is None and service.cached(keys[-2]) is not None


def test_cache_is_bounded(qtbot, tmp_path, qapp):
    service = RenderService(cache_bytes=3 * 1024 * 1024)
    try:
        path = str(make_pdf(tmp_path / "m.pdf", pages=6))
        for n in range(6):
            with qtbot.waitSignal(service.rendered, timeout=20000):
                service.render(render_key(path, n, 1.0))
        assert service.cache_usage() <= 3 * 1024 * 1024
        assert service.cached(render_key(path, 5, 1.0)) is not None
        assert service.cached(render_key(path, 0, 1.0)) is None
    finally:
        service.shutdown()


@pytest.mark.parametrize("zoom, rotation, page", [(FIT_WIDTH, 0, 0), (FIT_WIDTH, 90, 2), (1.5, 0, 3)])
def test_first_page_comes_with_the_layout(qtbot, viewer, tmp_path, zoom, rotation, page):
    """The worker that opens the file draws the page shown first in the same reply: no second trip."""
    path = make_pdf(tmp_path / "m.pdf")
    service = viewer.service
    viewer.set_zoom(zoom)
    missed = []
    render = service.render

    def spy(key, **kw):
        if service.cached(key) is None:
            missed.append(key)
        return render(key, **kw)

    service.render = spy
    at_load = []
    viewer.document_loaded.connect(lambda *_: at_load.append(service.cached(viewer.view.key(page)) is not None))
    open_and_wait(qtbot, viewer, path, rotation=rotation, page=page)
    assert at_load == [True]
    assert viewer.current_page() == page and viewer.view.key(page) not in missed
    image = service.cached(viewer.view.key(page))
    assert abs(image.width() - viewer.view.page_rect(page).width()) <= 1


def test_hidden_viewer_opens_without_guessing(qtbot, service, tmp_path):
    viewer = PdfViewer(service)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(service.loaded, timeout=20000):
        viewer.open(str(make_pdf(tmp_path / "m.pdf", pages=2)))
    assert service.cache_usage() == 0 and viewer.page_count() == 2


def test_document_still_opens_when_its_first_page_hangs(qtbot, service, tmp_path):
    """A load that hung while drawing its first page is retried without it: the layout still comes."""
    path = str(make_pdf(tmp_path / "m.pdf", pages=2))
    service.load(path, first=FirstPage(page=0, rotation=0, mode="fit-width", width=500, height=700))
    busy = next(w for w in service._workers if w.job is not None)
    with qtbot.waitSignal(service.loaded, timeout=20000) as loaded:
        service._worker_lost(busy, hung=True)  # as the watchdog does after `timeout`
    assert loaded.args[0] == path and len(loaded.args[1].page_sizes) == 2
    assert service.cache_usage() == 0  # opened plainly; the viewer asks for the page itself


def test_pages_and_thumbnails_stay_within_their_byte_budgets(qtbot, qapp, tmp_path):
    """Reading page by page never holds more decoded pages or thumbnails than the budgets allow."""
    service = RenderService(cache_bytes=6 * 1024 * 1024, thumb_bytes=200 * 1024, spares=0)
    try:
        viewer = PdfViewer(service)
        qtbot.addWidget(viewer)
        viewer.resize(700, 600)
        viewer.show()
        open_and_wait(qtbot, viewer, make_pdf(tmp_path / "m.pdf", pages=30))
        page_bytes = service.cached(viewer.view.key(0)).sizeInBytes()
        assert 6 * 1024 * 1024 // page_bytes < 30  # the budget is smaller than the document
        most = (0, 0)
        for page in range(1, 30):
            with qtbot.waitSignal(viewer.page_shown, timeout=20000):
                viewer.next_page()
            qtbot.waitUntil(lambda: viewer.thumbnail_image(viewer.current_page()) is not None, timeout=20000)
            most = (max(most[0], service.cache_usage("page")), max(most[1], service.cache_usage("thumb")))
        assert most[0] <= 6 * 1024 * 1024 and most[1] <= 200 * 1024
        assert service.cached(viewer.view.key(0)) is None  # the oldest went first
        assert viewer.thumbnail_image(0) is None and viewer.thumbnail_image(29) is not None
    finally:
        service.shutdown()


def test_at_most_busy_limit_workers_draw_and_a_slow_page_does_not_hold_the_next(qtbot, qapp, tmp_path):
    """busy_limit 1 (two cores): the window keeps a processor; a page slower than BUSY_HOLD lets the next go."""
    from ui import render

    service = RenderService(busy_limit=1, spares=0)
    try:
        qtbot.waitUntil(lambda: all(w.ready for w in service._workers), timeout=30000)
        key = render_key(str(make_pdf(tmp_path / "m.pdf", pages=2)), 0, 0.5)
        started = time.monotonic()
        service._sleep(3.0)  # a page that takes long
        service.render(key)
        qtbot.wait(int(render.BUSY_HOLD * 1000 * 0.5))
        assert sum(w.job is not None for w in service._workers) == 1 and service.pending() == 2
        with qtbot.waitSignal(service.rendered, timeout=10000, check_params_cb=lambda k, _: k == key):
            pass
        waited = time.monotonic() - started
        assert render.BUSY_HOLD <= waited < 2.0, waited  # after the hold, on the other worker, not after the sleep
    finally:
        service.shutdown()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads are counted in /proc (Linux)")
def test_the_window_thread_paints_without_waiting_for_qt_pool_threads(qtbot, viewer, tmp_path):
    """Turning pages paints the scroll bars' gradients and scaled stand-ins: Qt would hand those to its GUI
    thread pool and wait for it (4 ms a time on a busy two-core machine, ui/__init__.py); the window does
    them itself, so no pool thread is ever started in this process."""
    from PySide6.QtGui import QImage

    def pool_threads() -> list[str]:
        names = []
        for comm in Path("/proc/self/task").glob("*/comm"):
            try:
                names.append(comm.read_text().strip())
            except OSError:  # a thread that ended meanwhile
                pass
        return [name for name in names if name == "Thread (pooled)"]

    path = make_pdf(tmp_path / "m.pdf", pages=12)
    open_and_wait(qtbot, viewer, path)
    for _ in range(6):
        viewer.next_page()
        viewer.view.viewport().repaint()  # the scroll bar's 700-row gradient with it
        viewer.repaint()
    # what Qt spreads over its pool when it has one: scaling and converting a 4-Mpx image
    big = QImage(2000, 2000, QImage.Format.Format_RGB32)
    big.fill(0xFFEEDDCC)
    assert big.scaled(1000, 1000, Qt.AspectRatioMode.IgnoreAspectRatio,
                      Qt.TransformationMode.SmoothTransformation).width() == 1000
    assert big.convertToFormat(QImage.Format.Format_RGB888).width() == 2000
    assert pool_threads() == []
