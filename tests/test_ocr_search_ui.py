"""The viewer searches a scan's stored text (no text layer, no OCR runtime needed), paints the hits and lists
them by page across the applicant's materials; the secretary's intake page checks, shows thumbnails, accepts
with a note and writes the 通知补正材料."""

from __future__ import annotations

import subprocess

import pymupdf
import pytest

import smallsession

WHO = smallsession.WHO
_store_text = smallsession.store_text


@pytest.fixture
def small(tmp_path):
    return smallsession.one_applicant(tmp_path, {"组织管理报告": 2, "设施设备报告": 1}, seed=31, title="界面",
                                      files={"师资队伍报告.pdf": b"\x89PNG\r\n\x1a\n" + bytes(200)})  # a picture renamed


def test_the_viewer_searches_stored_text_and_lists_hits_in_other_materials(qtbot, small):
    from ui import search
    from ui.viewer import PdfViewer

    _store_text(small, "组织管理报告.pdf", 1, ["培训管理制度", "年度培训人数"])
    _store_text(small, "设施设备报告.pdf", 0, ["实训设备与培训场地"])
    search.forget(small.path)
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(1200, 800)
    viewer.show()
    path = str(small.path / "materials/T01/组织管理报告.pdf")
    with qtbot.waitSignal(viewer.document_loaded, timeout=20000):
        viewer.open(path)
    qtbot.waitUntil(lambda: viewer.search_box.isEnabled(), timeout=5000)
    assert viewer.info.has_text is not True  # a scan: the PDF itself has nothing to search
    with qtbot.waitSignal(viewer.search_finished, timeout=5000) as got:
        viewer.search("培训")
    assert got.args[1] == 2
    assert viewer.hits() == [(1, 0), (1, 1)]
    assert viewer.view.hits[1][0] == pytest.approx((0.1, 0.2, 0.16, 0.23), abs=1e-5)
    panel = viewer.search_panel
    assert panel.isVisible()
    items = [panel.list.item(k).text() for k in range(panel.list.count())]
    assert len(items) == 3 and items[-1].startswith("设施设备报告")
    asked = []
    viewer.open_handler = lambda p, page: asked.append((p, page))
    panel._chosen(panel.list.item(2))
    assert asked == [(str(small.path / "materials/T01/设施设备报告.pdf"), 0)]


def test_in_a_narrow_viewer_the_matches_take_the_thumbnails_place(qtbot, small):
    """1366x768 at 150 % leaves the viewer about 600 px: thumbnails, page and matches side by side left the page
    a strip. There the list takes the thumbnails' place, and closing it (×) brings them back."""
    from ui import search
    from ui.viewer import PdfViewer

    _store_text(small, "组织管理报告.pdf", 1, ["培训管理制度", "年度培训人数"])
    search.forget(small.path)
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    viewer.resize(600, 500)
    viewer.show()
    viewer.set_thumbnails_visible(True)
    with qtbot.waitSignal(viewer.document_loaded, timeout=20000):
        viewer.open(str(small.path / "materials/T01/组织管理报告.pdf"))
    qtbot.waitUntil(lambda: viewer.search_box.isEnabled(), timeout=5000)
    assert viewer.side.isVisible()
    with qtbot.waitSignal(viewer.search_finished, timeout=5000):
        viewer.search("培训")
    panel = viewer.search_panel
    assert panel.isVisible() and not viewer.side.isVisible()
    assert viewer.view.width() >= 600 - panel.maximumWidth() - 30  # the page keeps the rest
    assert panel.close_button.accessibleName() == "Close the list of matches"
    panel.close_button.click()
    assert not panel.isVisible() and viewer.side.isVisible() and viewer.thumbs_button.isChecked()

    viewer.resize(1200, 800)  # wide enough: all three side by side
    with qtbot.waitSignal(viewer.search_finished, timeout=5000):
        viewer.search("管理")
    assert panel.isVisible() and viewer.side.isVisible()


def test_the_intake_page_checks_accepts_and_writes_notices(qtbot, small, tmp_path):
    from ui.secretary.acceptance import AcceptancePage

    page = AcceptancePage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.set_session(small)
    assert page.table.rowCount() == 0
    with qtbot.waitSignal(page.checked, timeout=120000) as got:
        page.run_check()
    texts = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert "not a PDF but a PNG image named .pdf" in texts
    assert "not handed in" in texts  # 培训成果报告, 校企合作报告, 社会效益报告
    assert got.args[0] == sum(1 for f in page.findings if f.counts)
    row = texts.index("not a PDF but a PNG image named .pdf")
    page.table.selectRow(row)
    page.note.setText("已电话通知重新上传")
    page.accept_button.click()
    assert page.table.item(row, 5).text() == "已电话通知重新上传"
    written = page.write_notices(tmp_path / "notices")
    assert [w.name for w in written] == ["T01.pdf"]
    flat = "".join(subprocess.run(["pdftotext", str(written[0]), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "通知补正材料" in flat and "师资队伍报告.pdf" not in flat  # the accepted one is left out
    assert "培训成果报告" in flat


def test_the_intake_check_can_be_stopped_and_keeps_the_last_one(qtbot, small):
    from ui.secretary.acceptance import AcceptancePage

    page = AcceptancePage()
    qtbot.addWidget(page)
    page.set_session(small)
    with qtbot.waitSignal(page.checked, timeout=120000):
        page.run_check()
    before = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert before and page.check_button.text() == "Check materials"
    page.run_check()
    assert page.check_button.text() == "Stop checking" and page.check_button.isEnabled()
    page.check_button.click()  # stop at once
    qtbot.waitUntil(lambda: not page._task.running, timeout=60000)
    assert page._task.state == "cancelled"
    assert page.check_button.text() == "Check materials" and page.bar.isHidden()
    assert page.status.text().endswith("The check was stopped; nothing of it was kept.")
    assert [page.table.item(r, 4).text() for r in range(page.table.rowCount())] == before


def test_the_intake_page_shows_thumbnails_of_the_pages_found(qtbot, tmp_path):
    from ui.secretary.acceptance import page_image
    from PySide6.QtCore import QSize

    doc = pymupdf.open()
    doc.new_page()
    doc.save(tmp_path / "x.pdf")
    image = page_image(tmp_path / "x.pdf", 0, QSize(72, 100))
    assert image is not None and image.height() == 100 and image.width() <= 72
    assert page_image(tmp_path / "x.pdf", 5, QSize(72, 100)) is None
