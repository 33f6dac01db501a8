"""app/document.py: opening, classifying failures, rendering and searching, without Qt."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from app import document
from app.errors import DocumentError


def make_pdf(path: Path, pages: int = 3, *, text: bool = True, rotate: int = 0) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        if text:
            page.insert_text((72, 100), f"Training plan page {n + 1}", fontsize=14)
        page.set_rotation(rotate)
    doc.save(path)
    return path


def test_open_and_describe(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", pages=4)
    doc = document.open_document(path)
    assert document.page_count(doc) == 4
    assert document.page_sizes(doc) == [(595.0, 842.0)] * 4
    assert document.document_has_text(doc)
    assert document.page_text_available(doc[0])


def test_page_sizes_follow_the_page_rotation(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "r.pdf", pages=1, rotate=90))
    assert document.page_sizes(doc) == [(842.0, 595.0)]


def test_render_zoom_and_rotation(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "a.pdf"))
    page = document.render_page(doc, 0, zoom=0.5)
    assert (page.width, page.height) == (298, 421)
    assert len(page.samples) == page.stride * page.height and page.stride >= page.width * 3
    turned = document.render_page(doc, 0, zoom=0.5, rotation=90)
    assert (turned.width, turned.height) == (421, 298)


def test_render_bad_page_number(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "a.pdf", pages=2))
    with pytest.raises(DocumentError, match=r"a.pdf: there is no page 3"):
        document.render_page(doc, 2, zoom=1)


def test_huge_render_is_scaled_down(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "a.pdf", pages=1))
    page = document.render_page(doc, 0, zoom=40)
    assert page.width * page.height <= document.MAX_PIXELS * 1.01


def test_search_returns_fractions(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "a.pdf", pages=3))
    hits = document.search_page(doc, 1, "page 2")
    assert len(hits) == 1
    x0, y0, x1, y1 = hits[0]
    assert 0 < x0 < x1 < 1 and 0 < y0 < y1 < 0.2  # near the top left
    assert document.search_page(doc, 0, "page 2") == []
    assert [p for p, _ in document.search_document(doc, "Training")] == [0, 1, 2]


def test_search_on_rotated_page_is_in_shown_coordinates(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "r.pdf", pages=1, rotate=90))
    ((x0, y0, x1, y1),) = document.search_page(doc, 0, "Training")
    # text at the top left of the unrotated page sits at the top right once turned 90°
    assert x0 > 0.5 and y1 < 0.6


def test_scan_without_text(tmp_path):
    doc = document.open_document(make_pdf(tmp_path / "s.pdf", text=False))
    assert not document.document_has_text(doc)
    assert document.search_document(doc, "anything") == []


def test_missing(tmp_path):
    with pytest.raises(DocumentError, match=r"^gone.pdf: the file is missing$"):
        document.open_document(tmp_path / "gone.pdf")


def test_password(tmp_path):
    doc = pymupdf.open()
    doc.new_page()
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    with pytest.raises(DocumentError, match=r"^locked.pdf: needs a password$"):
        document.open_document(path)


def test_no_pages(tmp_path):
    path = tmp_path / "empty.pdf"
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")
    path.write_bytes(body)
    with pytest.raises(DocumentError, match=r"^empty.pdf: has no pages$"):
        document.open_document(path)


@pytest.mark.parametrize("content", [b"\xff\xd8\xff\xe0 this is a jpeg really" * 40, b"hello, not a pdf\n" * 20])
def test_not_a_pdf(tmp_path, content):
    path = tmp_path / "fake.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=r"^fake.pdf: is damaged or is not a PDF$"):
        document.open_document(path)


def test_empty_file(tmp_path):
    path = tmp_path / "zero.pdf"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match=r"^zero.pdf: is empty$"):
        document.open_document(path)


def test_error_reads_in_chinese(tmp_path):
    err = pytest.raises(DocumentError, document.open_document, tmp_path / "gone.pdf").value
    assert "gone.pdf" in err.message("zh_CN")


def test_worker_protocol_in_process(tmp_path):
    """serve()'s request handling, called directly (the process part is tested in test_viewer)."""
    path = str(make_pdf(tmp_path / "a.pdf", pages=2))
    docs = document._OpenDocuments(limit=1)
    payload, page = document.handle(docs, "render", (path, 1, 0.25, 0))
    width, height, stride = payload
    assert len(page.samples) == stride * height
    info, none = document.handle(docs, "open", (path, None))
    assert len(info["page_sizes"]) == 2 and "first" not in info and none is None
    assert document.handle(docs, "probe", (path,))[0] is True
    other = str(make_pdf(tmp_path / "b.pdf", pages=1))
    document.handle(docs, "open", (other, None))
    assert list(docs.docs) == [other]  # the limit closed the older one


def test_open_draws_the_first_page_at_fit_width(tmp_path):
    """The speculative first render: sizes and the page the viewer will show, in one reply."""
    path = str(make_pdf(tmp_path / "a.pdf", pages=3))
    docs = document._OpenDocuments()
    first = document.FirstPage(page=1, rotation=90, mode="fit-width", width=400, height=300, device_ratio=2.0)
    info, page = document.handle(docs, "open", (path, first))
    assert info["page_sizes"] == [(595.0, 842.0)] * 3
    index, zoom, rotation, width, height, stride = info["first"]
    assert (index, rotation) == (1, 90)
    assert zoom == document.zoom_key(400 / 842 * 2.0)  # turned 90°: the page's height is its width
    assert (width, height) == (page.width, page.height) == (800, 566)
    assert len(page.samples) == stride * height
    # a page that does not exist is not drawn; the sizes still come back
    gone = document.FirstPage(page=7, rotation=0, mode=1.5, width=400, height=300)
    info, page = document.handle(docs, "open", (path, gone))
    assert "first" not in info and page is None and len(info["page_sizes"]) == 3


def test_fit_scale_fits_each_page_on_its_own():
    shown = [(600.0, 800.0), (600.0, 800.0), (2000.0, 500.0)]
    assert document.fit_scale(shown, "fit-width", page=0, width=300, height=100) == 0.5
    assert document.fit_scale(shown, "fit-width", page=2, width=300, height=100) == 0.15  # the landscape page too
    assert document.fit_scale(shown, "fit-page", page=0, width=300, height=100) == 0.125
    assert document.fit_scale(shown, "fit-page", page=2, width=300, height=100) == 0.15
    assert document.shown_sizes([(1.0, 2.0)], 270) == [(2.0, 1.0)]


def test_page_sizes_of_mixed_pages(tmp_path):
    doc = pymupdf.open()
    doc.new_page(width=595, height=842)
    doc.new_page(width=842, height=595).set_rotation(270)
    doc.new_page(width=300, height=200).set_cropbox(pymupdf.Rect(10, 20, 110, 70))
    path = tmp_path / "m.pdf"
    doc.save(path)
    assert document.page_sizes(document.open_document(path)) == [(595.0, 842.0), (595.0, 842.0), (100.0, 50.0)]


def scan_pdf(path: Path) -> Path:
    """Pages the way scanners write them: one JPEG each, upright, turned by /Rotate, turned in
    the content, on part of the page; and a page with text over its JPEG."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1240, 1754), (236, 236, 230))
    draw = ImageDraw.Draw(image)
    for y in range(120, 1650, 60):
        draw.rectangle((100, y, 1100 - (y * 7) % 300, y + 22), fill=(40, 40, 50))
    draw.rectangle((900, 1500, 1150, 1700), fill=(200, 30, 30))  # a seal, bottom right
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=85)
    data = jpeg.getvalue()
    doc = pymupdf.open()
    doc.new_page(width=595.276, height=841.89).insert_image(pymupdf.Rect(0, 0, 595.276, 841.89), stream=data)
    page = doc.new_page(width=595.276, height=841.89)
    page.insert_image(page.rect, stream=data)
    page.set_rotation(90)
    doc.new_page(width=841.89, height=595.276).insert_image(pymupdf.Rect(0, 0, 841.89, 595.276), stream=data,
                                                            rotate=90)
    doc.new_page(width=595.276, height=841.89).insert_image(pymupdf.Rect(60, 80, 300, 420), stream=data)
    page = doc.new_page(width=595.276, height=841.89)
    page.insert_image(page.rect, stream=data)
    page.insert_text((72, 72), "a text layer over the scan")
    doc.save(path)
    return path


def picture(page: document.RenderedPage):
    from PIL import Image

    return Image.frombuffer("RGB", (page.width, page.height), page.samples, "raw", "RGB", page.stride, 1)


def difference(a, b) -> tuple[float, float]:
    """(mean difference of the channels 0-255, share of pixels off by more than 60 in some channel)."""
    from PIL import ImageChops, ImageStat

    diff = ImageChops.difference(a, b)
    mean = sum(ImageStat.Stat(diff).mean) / 3
    worst = diff.convert("L", (1, 1, 1, 0)).point(lambda v: 255 if v > 60 else 0)  # sum of channels, capped
    return mean, ImageStat.Stat(worst).mean[0] / 255


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_scanned_pages_decoded_at_reduced_scale_look_as_mupdf_draws_them(tmp_path, rotation):
    """The quick path for scans (libjpeg at 1/2, 1/4, 1/8 scale, then scaled) against MuPDF itself."""
    doc = document.open_document(scan_pdf(tmp_path / "scan.pdf"))
    assert [document.scanned_jpeg(doc, i) is not None for i in range(5)] == [True, True, True, True, False]
    for index in range(4):
        zoom = 700 / 595.276
        slow = document.render_page(doc, index, zoom=zoom, rotation=rotation, fast=False)
        for split in (False, True):  # one thread, or (the first page of a document) two
            quick = document.render_page(doc, index, zoom=zoom, rotation=rotation, split=split)
            assert (quick.width, quick.height) == (slow.width, slow.height), index
            mean, off = difference(picture(quick), picture(slow))
            assert mean < 4, (index, split, mean)
            # the seal lands in the same corner: the turn is right, not merely the size
            assert off < 0.05, (index, split, off)  # filters differ at sharp edges; a wrong turn is 0.3


def test_quick_path_leaves_other_pages_to_mupdf(tmp_path):
    doc = document.open_document(scan_pdf(tmp_path / "scan.pdf"))
    assert document.scanned_jpeg(doc, 4) is None  # text over the scan: MuPDF draws it, text and all
    cmyk = pymupdf.open()
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("CMYK", (200, 300), (0, 50, 100, 0)).save(buf, "JPEG")
    cmyk.new_page().insert_image(pymupdf.Rect(0, 0, 595, 842), stream=buf.getvalue())
    cmyk.save(tmp_path / "cmyk.pdf")
    page = document.render_page(document.open_document(tmp_path / "cmyk.pdf"), 0, zoom=0.5)
    assert (page.width, page.height) == (298, 421)


def test_tile_is_the_same_part_of_the_page(tmp_path):
    doc = document.open_document(scan_pdf(tmp_path / "scan.pdf"))
    whole = document.render_page(doc, 4, zoom=1.5, rotation=90)
    tile = document.render_page(doc, 4, zoom=1.5, rotation=90, tile=(256, 512, 256, 200))
    assert (tile.width, tile.height) == (256, 200)
    part = picture(whole).crop((256, 512, 512, 712))
    assert difference(picture(tile), part)[0] < 2


def test_mupdf_store_is_bounded_and_measured(tmp_path):
    """MuPDF keeps decoded images in its store; capped at STORE_LIMIT (its own default is 256 MB)."""
    import io

    from PIL import Image

    doc = pymupdf.open()
    for n in range(12):  # 12 distinct 2480x3508 scans: 26 MB each once decoded
        buf = io.BytesIO()
        Image.new("RGB", (2480, 3508), (n * 20, 200, 100)).save(buf, "JPEG", quality=50)
        page = doc.new_page()
        page.insert_image(page.rect, stream=buf.getvalue())
        page.insert_text((72, 72), f"page {n}")  # not a plain scan: MuPDF decodes it
    doc.save(tmp_path / "big.pdf")
    opened = document.open_document(tmp_path / "big.pdf")
    peak = 0
    for n in range(12):
        document.render_page(opened, n, zoom=0.3)
        used, limit = document.store_usage()
        peak = max(peak, used)
        assert limit == document.STORE_LIMIT and used <= limit
    assert peak > 20 * 2**20  # the store was used (and measured), not empty
    assert document.rss_bytes() > 0


def test_outline_and_page_sizes_in_one_open(tmp_path):
    path = str(make_pdf(tmp_path / "t.pdf", pages=4))
    doc = pymupdf.open(path)
    doc.set_toc([[1, "一、 基本\n情况", 1], [2, "师资", 3]])
    doc.saveIncr()
    info, _ = document.handle(document._OpenDocuments(), "open", (path, None))
    assert info["outline"] == [(1, "一、 基本 情况", 0), (2, "师资", 2)]  # titles on one line, pages from 0
