import hashlib
import shutil
import subprocess

import pymupdf
import pytest

from app.scanpdf import make_scanned_pdf

TITLE = "培训场地租赁合同及产权证明"
APPLICANT = "江城市东湖职业技能培训学校"


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    path = tmp_path_factory.mktemp("scan") / "material.pdf"
    return make_scanned_pdf(path, title=TITLE, applicant=APPLICANT, pages=5, seed=11, sideways_pages={3})


def reddish(page: pymupdf.Page) -> int:
    """How many pixels of `page` at 50 dpi are seal red."""
    pix = page.get_pixmap(dpi=50, colorspace=pymupdf.csRGB, alpha=False)
    s = pix.samples
    return sum(1 for i in range(0, len(s), 3) if s[i] > 150 and s[i + 1] < 110 and s[i + 2] < 110)


def test_every_page_is_one_image_and_no_text(scan):
    doc = pymupdf.open(scan)
    assert doc.page_count == 5
    assert doc.metadata["title"] == TITLE
    for page in doc:
        images = page.get_images(full=True)
        assert len(images) == 1
        assert page.get_text().strip() == ""
        assert page.get_fonts() == []
        (info,) = page.get_image_info()
        assert pymupdf.Rect(info["bbox"]) == page.rect  # the scan fills the page
        assert len(page.get_drawings()) == 0


def test_sideways_pages_are_landscape(scan):
    doc = pymupdf.open(scan)
    for number, page in enumerate(doc, start=1):
        landscape = page.rect.width > page.rect.height
        assert landscape == (number == 3)
        assert page.rotation == 0  # turned in the image itself, as a scanner would
        (info,) = page.get_image_info()
        assert (info["width"] > info["height"]) == landscape


def test_resolution_and_size_per_page(scan):
    doc = pymupdf.open(scan)
    (info,) = doc[0].get_image_info()
    assert info["width"] == round(pymupdf.paper_rect("a4").width * 100 / 72)
    per_page = scan.stat().st_size / doc.page_count
    assert 15_000 < per_page < 70_000


def test_higher_dpi_gives_more_pixels(tmp_path):
    path = make_scanned_pdf(tmp_path / "fine.pdf", title=TITLE, applicant=APPLICANT, pages=1, seed=1, dpi=150)
    (info,) = pymupdf.open(path)[0].get_image_info()
    assert info["width"] == round(pymupdf.paper_rect("a4").width * 150 / 72)


def test_seal_is_red_on_first_and_last_page_only(scan):
    doc = pymupdf.open(scan)
    assert reddish(doc[0]) > 200
    assert reddish(doc[-1]) > 200
    assert reddish(doc[1]) == 0


def test_same_seed_same_bytes_other_seed_other_scan(tmp_path):
    def digest(name: str, seed: int) -> str:
        path = make_scanned_pdf(tmp_path / name, title=TITLE, applicant=APPLICANT, pages=3, seed=seed)
        return hashlib.sha256(path.read_bytes()).hexdigest()

    assert digest("a.pdf", 4) == digest("b.pdf", 4)
    assert digest("c.pdf", 5) != digest("a.pdf", 4)


def test_text_layer_is_invisible_but_searchable(tmp_path):
    path = make_scanned_pdf(tmp_path / "ocr.pdf", title=TITLE, applicant=APPLICANT, pages=3, seed=2, text_layer=True, sideways_pages={2})
    doc = pymupdf.open(path)
    for number, page in enumerate(doc, start=1):
        assert len(page.get_images()) == 1
        assert page.search_for(f"第 {number} 页 / 共 3 页")
    assert TITLE in doc[0].get_text()
    # Invisible: every span is drawn in render mode 3 ("neither fill nor stroke").
    for page in doc:
        trace = page.get_texttrace()
        assert trace and {span["type"] for span in trace} == {3}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")
def test_text_layer_font_is_an_embedded_subset(tmp_path):
    path = make_scanned_pdf(tmp_path / "ocr.pdf", title=TITLE, applicant=APPLICANT, pages=2, seed=2, text_layer=True)
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert "+" in row[0] and row[-5:-2] == ["yes", "yes", "yes"], listing
    assert path.stat().st_size < 2 * 70_000 + 300_000  # not the 3.5 MB font


def test_writes_atomically_and_refuses_nonsense(tmp_path):
    make_scanned_pdf(tmp_path / "one.pdf", title=TITLE, applicant=APPLICANT, pages=1, seed=0, seal_text="江城市人力资源和社会保障局")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.pdf"]
    with pytest.raises(ValueError):
        make_scanned_pdf(tmp_path / "x.pdf", title=TITLE, applicant=APPLICANT, pages=0, seed=0)
    with pytest.raises(ValueError):
        make_scanned_pdf(tmp_path / "x.pdf", title=TITLE, applicant=APPLICANT, pages=2, seed=0, sideways_pages={3})
    assert not (tmp_path / "x.pdf").exists()
