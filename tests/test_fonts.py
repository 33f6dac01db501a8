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


# --------------------------------------------------------------------------- the fallback chain (issue 14, item 4)

from pathlib import Path  # noqa: E402

from app import session as session_mod  # noqa: E402
from app import sheets  # noqa: E402
from app.scorefile import ScoreFile  # noqa: E402
from tests import scoring  # noqa: E402

RARE_EXPERT = "𠮷田专家"  # 𠮷 U+20BB7: CJK Extension B
RARE_APPLICANT = "深圳市甲培训学校𠮷䶮"  # 䶮 U+4DAE: CJK Extension A
NO_FONT = "𰻝"  # U+30EDD (biáng, Extension G): in none of the bundled fonts
TB = "高技能人才培训基地"


def test_every_face_is_truetype_and_the_cmap_reader_agrees_with_mupdf():
    for face in fonts.CHAIN:
        data = fonts.font_bytes(face)
        assert data[:4] == b"\x00\x01\x00\x00", face  # TrueType outlines: reportlab cannot embed CFF
        mupdf = {chr(c) for c in pymupdf.Font(fontbuffer=data).valid_codepoints()}
        # the chain adds U+00A0 where there is a space (reportlab draws it with the space glyph)
        assert fonts.coverage(face) - {"\xa0"} == mupdf - {"\xa0"}, face


def test_the_chain_covers_extension_a_and_b_where_droid_does_not():
    droid, chain = fonts.coverage(fonts.CHAIN[0]), set().union(*(fonts.coverage(f) for f in fonts.CHAIN))
    ext_a = {chr(c) for c in range(0x3400, 0x4DC0)}
    ext_b = {chr(c) for c in range(0x20000, 0x2A6E0)}
    assert len(ext_a & droid) == 2 and not ext_b & droid  # the gap issue 14 found
    assert len(ext_a & chain) >= 6_580 and len(ext_b & chain) >= 42_700
    assert fonts.face_of("𠮷") == 2 and fonts.face_of("䶮") == 1 and fonts.face_of("田") == 0
    assert fonts.face_of(NO_FONT) is None


def test_runs_split_text_by_the_face_that_draws_each_character():
    assert fonts.runs("田专家") == [(0, "田专家")]
    assert fonts.runs(RARE_EXPERT) == [(2, "𠮷"), (0, "田专家")]
    assert fonts.runs(RARE_APPLICANT) == [(0, "深圳市甲培训学校"), (2, "𠮷"), (1, "䶮")]
    # nothing vanishes: a character no face has prints as □; a variation selector is no glyph of its own
    assert fonts.runs(f"西安{NO_FONT}面") == [(0, "西安□面")]
    assert fonts.runs("葛\U000E0100优") == [(0, "葛优")]
    assert fonts.unprintable(f"西安{NO_FONT}面\U000E0100") == [NO_FONT]
    assert fonts.unprintable(RARE_APPLICANT) == []


def test_astral_characters_reach_the_tounicode_map(tmp_path):
    from reportlab.lib.styles import ParagraphStyle

    name = fonts.register_reportlab()
    out = tmp_path / "p.pdf"
    story = [sheets.PM(RARE_EXPERT, "body"), sheets.P(RARE_APPLICANT + "（长名称，超过十六个字符的申报单位）", "body"),
             sheets._paragraph_class()(RARE_EXPERT, ParagraphStyle("x", fontName=name))]
    out.write_bytes(sheets.render(story))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("𠮷") == 3 and "䶮" in text and "₻" not in text  # not U+20BB, the first four digits


# --------------------------------------------------------------------------- sheets read back


def _tables(folder: Path, applicants: list[tuple[str, str]], expert: str) -> tuple[Path, Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["id,name,rubric,delivery,scope,applicant_kind"]
    rows += [f"{aid},{name},sz-training-base,线下,普通基地,培训机构" for aid, name in applicants]
    (folder / "applicants.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "experts.csv").write_text(f"id,name,organisation,title\nE01,{expert},深圳职业技术大学,教授\n"
                                        "E02,刘敏,深圳技师学院,高级讲师\n", encoding="utf-8")
    materials = folder / "materials"
    for aid, _ in applicants:
        (materials / aid).mkdir(parents=True, exist_ok=True)
    return folder / "applicants.csv", folder / "experts.csv", materials


@pytest.fixture(scope="module")
def rare_sheets(tmp_path_factory) -> dict[str, Path]:
    """An opinion sheet and a score sheet signed by 𠮷田专家 for 深圳市甲培训学校𠮷䶮."""
    tmp = tmp_path_factory.mktemp("rare")
    a, e, m = _tables(tmp / "tables", [("T01", RARE_APPLICANT), ("T02", "深圳市华茂智能装备有限公司")], RARE_EXPERT)
    s = session_mod.create(tmp / "session", title="稀见字测试", applicants=a, experts=e, materials=m,
                           date="2024-08-30")
    assert s.warnings == []  # every character of these names is in a bundled font
    sf = ScoreFile.create(tmp / "E01.prscore", s, "E01")
    for ap in sf.applicants:
        scoring.fill(sf, ap.id)
    sf.submit()
    out = {"opinion": sheets.opinion_sheet(sf, "T01", tmp / "opinion.pdf"),
           "score": sheets.score_sheet(sf, TB, tmp / "score.pdf")}
    sf.close()
    return out


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("which", ["opinion", "score"])
def test_rare_characters_are_in_the_printed_text(rare_sheets, which):
    flat = "".join(_pdftotext(rare_sheets[which]).split())
    assert RARE_EXPERT in flat
    assert RARE_APPLICANT in flat or "学校𠮷䶮" in flat  # the score sheet's narrow column may wrap the name


@pytest.mark.parametrize("which", ["opinion", "score"])
def test_the_fallback_faces_are_embedded_as_subsets(rare_sheets, which):
    listing = subprocess.run(["pdffonts", str(rare_sheets[which])], capture_output=True, text=True,
                             check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    names = [r[0] for r in rows]
    assert any(n.endswith("+HanaMinB") for n in names), listing  # 𠮷
    assert any(n.endswith("+HanaMinA") for n in names), listing  # 䶮
    for row in rows:
        assert "+" in row[0] and row[-5:-2] == ["yes", "yes", "yes"], listing  # emb, sub, uni
    assert rare_sheets[which].stat().st_size < 200_000  # subsets, not the 30 MB HanaMinB


def _glyph_boxes(path: Path, ch: str) -> list[tuple[int, pymupdf.Rect]]:
    out = []
    with pymupdf.open(path) as doc:
        for page in doc:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        out += [(page.number, pymupdf.Rect(c["bbox"])) for c in span["chars"] if c["c"] == ch]
    return out


def _ink(path: Path, page: int, box: pymupdf.Rect, tmp: Path, dpi: int = 300) -> int:
    """Dark pixels inside `box` (one glyph's cell, 1 px in from its edges) of page `page` as poppler renders it."""
    from PIL import Image

    k = dpi / 72
    x, y = int(box.x0 * k) + 1, int(box.y0 * k) + 1
    w, h = int(box.x1 * k) - 1 - x, int(box.y1 * k) - 1 - y
    stem = tmp / f"glyph-{page}-{x}-{y}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page + 1), "-l", str(page + 1), "-x", str(x),
                    "-y", str(y), "-W", str(w), "-H", str(h), "-singlefile", str(path), str(stem)], check=True)
    return sum(Image.open(f"{stem}.png").convert("L").histogram()[:160])


@pytest.mark.parametrize("which", ["opinion", "score"])
def test_rare_glyphs_have_ink_where_the_blank_glyph_had_none(rare_sheets, which, tmp_path, monkeypatch):
    path = rare_sheets[which]
    for ch in "𠮷䶮":
        boxes = _glyph_boxes(path, ch)
        assert boxes, ch
        for page, box in boxes[:2]:
            # about 1,500 pixels in the cell at 300 dpi; the thin Mincho strokes of 𠮷 darken 220-250
            assert _ink(path, page, box, tmp_path) > 150, (ch, page, box)
    # the same text without the fallback (the old sheet): the glyph box stays blank
    monkeypatch.setattr(fonts, "split_frags", lambda frags: frags)
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(sheets.render([sheets.PM(f"申报单位 {RARE_APPLICANT} 评审专家 {RARE_EXPERT}", "body")]))
    seen = 0
    with pymupdf.open(blank) as doc:
        for span in doc[0].get_texttrace():
            for uni, glyph, _origin, bbox in span["chars"]:
                if chr(uni) in "𠮷䶮" or glyph == 0:  # the old sheet drew them as the .notdef glyph
                    seen += 1
                    assert _ink(blank, 0, pymupdf.Rect(bbox), tmp_path) < 5
    assert seen >= 3


def test_no_notdef_glyph_is_drawn_and_a_character_no_font_has_prints_as_a_box(tmp_path):
    a, e, m = _tables(tmp_path / "tables", [("T01", f"西安{NO_FONT}{NO_FONT}面培训学校")], RARE_EXPERT)
    s = session_mod.create(tmp_path / "session", title="稀见字", applicants=a, experts=e, materials=m)
    assert [w.text("en") for w in s.warnings] == [
        "applicants.csv: row 2, applicant T01 (西安𰻝𰻝面培训学校): 𰻝 (U+30EDD) cannot be printed by any bundled font "
        "and would print as □; check the spelling, or write it in by hand on the signed sheets"]
    sf = ScoreFile.create(tmp_path / "E01.prscore", s, "E01")
    scoring.fill(sf, "T01")
    sf.submit()
    path = sheets.opinion_sheet(sf, "T01", tmp_path / "o.pdf")
    sf.close()
    assert "西安□□面培训学校" in "".join(_pdftotext(path).split())
    with pymupdf.open(path) as doc:
        for page in doc:
            assert all(glyph != 0 for span in page.get_texttrace() for _u, glyph, *_ in span["chars"])


def test_session_create_prints_the_warning_and_succeeds(tmp_path):
    from tests.conftest import run_cli

    a, e, m = _tables(tmp_path / "tables", [("T01", "深圳市甲培训学校")], f"{NO_FONT}田专家")
    proc = run_cli("session", "create", str(tmp_path / "s"), "--title", "T", "--applicants", str(a),
                   "--experts", str(e), "--materials", str(m))
    assert proc.returncode == 0
    assert "warning: experts.csv: expert E01 (𰻝田专家): 𰻝 (U+30EDD) cannot be printed" in proc.stderr


# --------------------------------------------------------------------------- the window


def test_the_window_font_chain_draws_extension_a_and_b():
    from PySide6.QtGui import QFont, QFontMetrics, QTextLayout

    from ui.application import make_app

    app = make_app("en")
    from ui import fonts as ui_fonts

    assert ui_fonts.families() == ["Droid Sans Fallback", "HanaMinA", "HanaMinB"]
    bold = QFont(app.font())
    bold.setBold(True)
    for font in (app.font(), bold, QFont("Droid Sans Fallback")):  # a copied or named font falls back too
        metrics = QFontMetrics(font)
        assert metrics.inFontUcs4(0x20BB7) and metrics.inFontUcs4(0x4DAE)
        layout = QTextLayout(RARE_APPLICANT + RARE_EXPERT, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        drawn = {r.rawFont().familyName(): list(r.glyphIndexes()) for r in layout.glyphRuns()}
        assert set(drawn) == {"Droid Sans Fallback", "HanaMinA", "HanaMinB"}, drawn
        assert all(g != 0 for glyphs in drawn.values() for g in glyphs)
        assert len(drawn["HanaMinB"]) == 2 and len(drawn["HanaMinA"]) == 1  # 𠮷 twice, 䶮 once


def test_the_preparation_page_shows_the_warning_after_creating(qtbot, tmp_path):
    """The secretary creating a session in the window is told of a name that would print as □."""
    from ui.application import make_app
    from ui.secretary.prepare import PreparePage

    make_app("en")
    a, e, m = _tables(tmp_path / "tables", [("T01", f"西安{NO_FONT}面培训学校")], "田专家")
    s = session_mod.create(tmp_path / "session", title="稀见字", applicants=a, experts=e, materials=m)
    page = PreparePage()
    qtbot.addWidget(page)
    page._created(s)
    said = page.message.text()
    assert said.startswith("Session created in") and "Warning: applicants.csv: row 2, applicant T01" in said
    assert "U+30EDD" in said
