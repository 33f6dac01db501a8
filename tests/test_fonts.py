import shutil
import subprocess

import pymupdf
import pytest

from app import fonts, paths
from app.errors import SheetError


def test_font_path_is_the_bundled_truetype():
    path = fonts.font_path()
    assert path.parent == paths.fonts_dir()
    assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF


def test_font_bytes_cover_chinese_and_latin():
    font = pymupdf.Font(fontbuffer=fonts.font_bytes())
    for ch in "评审意见专家签字ABCxyz0123":
        assert font.has_glyph(ord(ch)), ch


def test_missing_font_is_a_sheet_error(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "fonts_dir", lambda: tmp_path)
    with pytest.raises(SheetError) as err:
        fonts.font_path()
    assert str(tmp_path) in err.value.message("en")
    with pytest.raises(SheetError):
        fonts.font_bytes()


def test_register_reportlab_is_idempotent():
    from reportlab.pdfbase import pdfmetrics

    name = fonts.register_reportlab()
    assert fonts.register_reportlab() == name
    assert name in pdfmetrics.getRegisteredFontNames()


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")
def test_reportlab_pdf_embeds_a_subset_of_the_font(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    name = fonts.register_reportlab()
    out = tmp_path / "sheet.pdf"
    style = ParagraphStyle("body", fontName=name, fontSize=12, leading=18)
    SimpleDocTemplate(str(out), pagesize=A4).build(
        [Paragraph("专家评审意见表 <b>总分</b>：87.5 Expert E02", style)]
    )

    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    # reportlab's canvas always lists its default Helvetica (unused, never embedded); ours must be
    # a subset ("ABCDEF+...") flagged emb/sub/uni.
    rows = [line.split() for line in listing.splitlines()[2:] if "Droid" in line]
    assert rows, listing
    for row in rows:
        assert "+" in row[0], listing
        assert row[-5:-2] == ["yes", "yes", "yes"], listing
    assert out.stat().st_size < 200_000  # subset, not the 3.5 MB font

    text = pymupdf.open(out)[0].get_text()
    assert "专家评审意见表" in text and "87.5" in text
