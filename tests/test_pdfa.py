"""Archival copies (issue 12, item 7): every sheet and report is PDF/A-2b.

veraPDF (Java) is in neither Debian's archive nor PyPI, so the checker here is our own:
`pdfa_problems` reads the file back with PyMuPDF and poppler (not with pikepdf, which
app/archive.py writes with) and tests the clauses of ISO 19005-2 that app/archive.py
implements, each named by its clause number.
"""

from __future__ import annotations

import io
from decimal import Decimal
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pymupdf
import pytest

from app import archive, fonts, sheets
from app.errors import SheetError
from app.resultfile import load_result
from app.scorefile import ScoreFile
from tests import scoring

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/"}
FORBIDDEN = ("/JavaScript", "/Launch", "/EmbeddedFiles", "/Trans", "/AA", "/Encrypt", "/ImportData", "/ResetForm")


def _xmp_value(root: ET.Element, tag: str) -> str | None:
    """A simple or an Alt/Seq property, as an attribute or an element, of the first rdf:Description having it."""
    prefix, local = tag.split(":")
    qname = f"{{{NS[prefix]}}}{local}"
    for desc in root.iter(f"{{{NS['rdf']}}}Description"):
        if qname in desc.attrib:
            return desc.attrib[qname]
        el = desc.find(qname)
        if el is not None:
            li = el.find(".//rdf:li", NS)
            return (li.text if li is not None else el.text) or ""
    return None


def _pdf_date(value: str) -> str:
    """D:20240830101500+08'00' → 2024-08-30T10:15:00+08:00 (the XMP form of an Info date)."""
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?", value)
    assert m, value
    tz = m.group(7) or ""
    tz = "+00:00" if tz in ("Z", "") else f"{tz[:3]}:{tz[3:].strip(chr(39))[:2]}"
    return f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6]}{tz}"


def pdfa_problems(path: Path) -> list[str]:
    """What keeps `path` from being PDF/A-2b, one sentence per problem (empty: none found)."""
    problems: list[str] = []
    raw = path.read_bytes()
    # 6.1.2: the header, then a comment of at least four bytes above 127
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", raw):
        problems.append("6.1.2 header or binary comment")
    doc = pymupdf.open(path)
    # 6.1.3: an ID in the trailer, no encryption
    trailer = doc.pdf_trailer()
    if "/ID" not in trailer:
        problems.append("6.1.3 no /ID in the trailer")
    if doc.is_encrypted or "/Encrypt" in trailer:
        problems.append("6.1.3 encrypted")
    cat = doc.pdf_catalog()
    # 6.6.2: XMP metadata, unfiltered, with pdfaid part 2 conformance B, agreeing with the Info dictionary
    kind, meta = doc.xref_get_key(cat, "Metadata")
    if kind != "xref":
        problems.append("6.6.2 no /Metadata stream in the catalog")
    else:
        mx = int(meta.split()[0])
        if doc.xref_get_key(mx, "Filter")[0] != "null":
            problems.append("6.6.2.1 the metadata stream is filtered")
        if doc.xref_get_key(mx, "Subtype")[1] != "/XML" or doc.xref_get_key(mx, "Type")[1] != "/Metadata":
            problems.append("6.6.2.1 the metadata stream is not /Type /Metadata /Subtype /XML")
        text = doc.xref_stream(mx).decode("utf-8")
        xmp = ET.fromstring(text[text.index("<x:xmpmeta"):text.index("</x:xmpmeta>") + len("</x:xmpmeta>")])
        if _xmp_value(xmp, "pdfaid:part") != "2" or _xmp_value(xmp, "pdfaid:conformance") != "B":
            problems.append("6.6.4 pdfaid:part 2 / pdfaid:conformance B missing")
        info = doc.metadata
        pairs = {"title": "dc:title", "author": "dc:creator", "subject": "dc:description",
                 "creator": "xmp:CreatorTool", "producer": "pdf:Producer"}
        for key, prop in pairs.items():
            if info.get(key) and _xmp_value(xmp, prop) != info[key]:
                problems.append(f"6.6.3 Info {key} {info[key]!r} but XMP {prop} {_xmp_value(xmp, prop)!r}")
        for key, prop in (("creationDate", "xmp:CreateDate"), ("modDate", "xmp:ModifyDate")):
            if info.get(key) and _xmp_value(xmp, prop) != _pdf_date(info[key]):
                problems.append(f"6.6.3 Info {key} {info[key]!r} but XMP {prop} {_xmp_value(xmp, prop)!r}")
    # 6.2.3: one OutputIntent /GTS_PDFA1 with an RGB ICC profile (what DeviceRGB needs, 6.2.4.3)
    kind, intents = doc.xref_get_key(cat, "OutputIntents")
    refs = re.findall(r"(\d+) 0 R", intents) if kind == "array" else []
    pdfa = [x for x in refs if doc.xref_get_key(int(x), "S")[1] == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        problems.append("6.2.3 not exactly one /GTS_PDFA1 OutputIntent")
    else:
        kind, prof = doc.xref_get_key(int(pdfa[0]), "DestOutputProfile")
        icc = doc.xref_stream(int(prof.split()[0])) if kind == "xref" else b""
        if icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or icc[8] > 4:
            problems.append("6.2.3 DestOutputProfile is not an RGB ICC profile of version 4 or less")
        if doc.xref_get_key(int(prof.split()[0]), "N")[1] != "3":
            problems.append("6.2.3 DestOutputProfile /N is not 3")
    # 6.1.x, 6.5, 6.6.1, 6.8: no actions, JavaScript, transitions, embedded files, encryption anywhere;
    # 6.2.8, 6.2.10: no interpolation, no soft masks, no transparency groups, nothing less than opaque
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref, compressed=True)
        for key in FORBIDDEN:
            if re.search(re.escape(key) + r"(?![A-Za-z])", obj):
                problems.append(f"object {xref} has {key}")
        if re.search(r"/SMask(?!\s*/None)", obj):
            problems.append(f"6.2.10 object {xref} has a soft mask")
        if re.search(r"/S\s*/Transparency", obj):
            problems.append(f"6.2.10 object {xref} is a transparency group")
        if re.search(r"/Interpolate\s*true", obj):
            problems.append(f"6.2.8.3 object {xref} interpolates")
        for key, value in re.findall(r"/(CA|ca)\s*([0-9.]+)", obj):
            if float(value) != 1:
                problems.append(f"6.2.10 object {xref} has /{key} {value}")
    # 6.2.11.4.1: every font embedded; 6.2.11.8: no .notdef glyph drawn
    for page in doc:
        for xref, ext, ftype, base, *_ in doc.get_page_fonts(page.number):
            if ext == "n/a" and ftype != "Type3":
                problems.append(f"6.2.11.4.1 page {page.number + 1}: font {base} is not embedded")
        for span in page.get_texttrace():
            if any(glyph == 0 for _u, glyph, *_ in span["chars"]):
                problems.append(f"6.2.11.8 page {page.number + 1}: a .notdef glyph in {span['font']}")
    doc.close()
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    for row in listing.splitlines()[2:]:
        if row.split()[-5] != "yes":
            problems.append(f"6.2.11.4.1 pdffonts: not embedded: {row}")
    return problems


# --------------------------------------------------------------------------- what the program writes


def rgba_signature() -> bytes:
    """A drawn signature as the pad saves it: dark strokes on a transparent background."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(20, 70), (80, 20), (150, 80), (280, 30)], fill=(0, 0, 90, 255), width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def written(demo_session, tmp_path_factory) -> dict[str, Path]:
    """Every kind of PDF the program writes for the file: opinion and score sheets, summary, candidate list."""
    from app import merge

    tmp = tmp_path_factory.mktemp("pdfa")
    paths = [scoring.submitted_file(demo_session, tmp / f"{e}.prscore", e, submit=False) for e in ("E01", "E02",
                                                                                                    "E03")]
    for p in paths:
        with ScoreFile.open(p) as sf:
            sf.set_signature(rgba_signature())
            sf.submit()
    out = {}
    with ScoreFile.open(paths[0], readonly=True) as sf:
        out["opinion"] = sheets.opinion_sheet(sf, "T01", tmp / "opinion.pdf")
        out["score"] = sheets.score_sheet(sf, "高技能人才培训基地", tmp / "score.pdf")
    merge.merge(demo_session, paths, out=tmp / "r.prresult")
    result = load_result(tmp / "r.prresult")
    out["summary"] = sheets.panel_summary(result, tmp / "summary.pdf")
    out["candidates"] = sheets.candidate_list(result, tmp / "candidates.pdf")
    return out


@pytest.mark.parametrize("which", ["opinion", "score", "summary", "candidates"])
def test_every_pdf_the_program_writes_is_pdfa_2b(written, which):
    assert pdfa_problems(written[which]) == []


def test_the_signature_is_made_opaque_on_white_and_still_prints(written):
    with pymupdf.open(written["opinion"]) as doc:
        images = [img for page in doc for img in page.get_images(full=True)]
        assert images, "the opinion sheet lost its signature"
        for xref, smask, *_ in images:
            assert smask == 0
            pix = pymupdf.Pixmap(doc, xref)
            assert pix.alpha == 0 and pix.n == 3
            corner = pix.pixel(0, 0)
            assert corner == (255, 255, 255)  # the transparent background became white paper
            dark = sum(1 for y in range(0, pix.height, 2) for x in range(0, pix.width, 2)
                       if sum(pix.pixel(x, y)) < 300)
            assert dark > 50  # and the strokes are still there


# --------------------------------------------------------------------------- the checker can fail


def _reportlab_pdf(tmp: Path, **kw) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, **kw)
    c.setFont(fonts.register_reportlab(), 12)
    c.drawString(72, 720, "专家评审意见书")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_the_checker_finds_what_a_plain_reportlab_pdf_lacks(tmp_path):
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_reportlab_pdf(tmp_path))
    found = " | ".join(pdfa_problems(plain))
    for clause in ("6.6.2 no /Metadata", "6.2.3 not exactly one", "/Trans"):
        assert clause in found, found
    archive.to_pdfa(plain)
    assert pdfa_problems(plain) == []


def test_a_font_that_is_not_embedded_is_refused(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Expert E02")
    c.save()
    path = tmp_path / "helvetica.pdf"
    path.write_bytes(buf.getvalue())
    assert any("Helvetica is not embedded" in p for p in pdfa_problems(path))
    with pytest.raises(SheetError) as err:
        archive.to_pdfa(path)
    assert "helvetica.pdf" in err.value.message("en") and "Helvetica" in err.value.message("en")
    assert path.read_bytes() == buf.getvalue()  # nothing written


def test_actions_and_transparency_are_removed(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="droid", fontbuffer=fonts.font_bytes())
    page.insert_text((72, 72), "评审", fontname="droid")
    page.draw_rect(pymupdf.Rect(72, 100, 200, 200), fill=(1, 0, 0), fill_opacity=0.4)
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", "<< /S /JavaScript /JS (app.alert(1)) >>")
    page.insert_link({"kind": pymupdf.LINK_LAUNCH, "from": pymupdf.Rect(72, 60, 120, 80), "file": "calc.exe"})
    path = tmp_path / "hostile.pdf"
    doc.save(path)
    found = " | ".join(pdfa_problems(path))
    assert "/JavaScript" in found and "/Launch" in found and re.search(r"/(ca|CA) 0?\.4", found), found
    archive.to_pdfa(path)
    assert pdfa_problems(path) == []


def test_to_pdfa_is_reusable_on_bytes_and_files(tmp_path):
    data = _reportlab_pdf(tmp_path)
    out = archive.pdfa_bytes(data)
    assert out != data and out.startswith(b"%PDF-1.")
    again = archive.pdfa_bytes(out)  # idempotent: one OutputIntent, one XMP packet
    path = tmp_path / "again.pdf"
    path.write_bytes(again)
    assert pdfa_problems(path) == []
    with pytest.raises(SheetError):
        archive.pdfa_bytes(b"not a pdf", name="broken.pdf")


# --------------------------------------------------------------------------- printed figures (issue 15)


def test_figures_on_a_sheet_follow_the_rubrics_precision(tmp_path):
    """docs/rules.md sets the consensus's decimals (`decimals`, default 2) and nothing for an expert's points,
    so the rubric's own precision decides: with a criterion scored in steps of 0.5, every figure of the
    opinion sheet's table has one decimal (no 12 beside 12.5); with whole steps, none has any."""
    import yaml

    from app import paths
    from app import session as session_mod

    rubrics = tmp_path / "rubrics"
    rubrics.mkdir()
    data = yaml.safe_load((paths.rubrics_dir() / "sz-training-base.yaml").read_text(encoding="utf-8"))
    data["sections"][0]["criteria"][0]["step"] = 0.5  # S1.1, max 4, bands 4 and 1-3
    (rubrics / "sz-training-base.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    tables = tmp_path / "tables"
    (tables / "materials" / "T01").mkdir(parents=True)
    (tables / "applicants.csv").write_text("id,name,rubric,delivery,scope,applicant_kind\n"
                                           "T01,深圳市甲培训学校,sz-training-base,线下,普通基地,培训机构\n", encoding="utf-8")
    (tables / "experts.csv").write_text("id,name,organisation,title\nE01,王立新,深圳职业技术大学,教授\n",
                                        encoding="utf-8")
    s = session_mod.create(tmp_path / "s", title="T", applicants=tables / "applicants.csv",
                           experts=tables / "experts.csv", materials=tables / "materials", rubrics=rubrics)
    assert sheets.precision(s.applied("T01")) == 1
    with ScoreFile.create(tmp_path / "E01.prscore", s, "E01") as sf:
        scoring.fill(sf, "T01", answers={"S1.1": "2.5"})
        sf.submit()
        path = sheets.opinion_sheet(sf, "T01", tmp_path / "o.pdf")
        total = sf.total("T01")
    with pymupdf.open(path) as doc:
        head = doc[0].search_for("得分")[0]
        column = [w[4] for page in doc for w in page.get_text("words")
                  if head.x0 - 12 <= (w[0] + w[2]) / 2 <= head.x1 + 12 and (page.number or w[1] > head.y1)
                  and re.fullmatch(r"[0-9.]+", w[4])]
    assert "2.5" in column and f"{total:.1f}" in column
    assert column and all(re.fullmatch(r"\d+\.\d", w) for w in column), column
    assert sheets.points(Decimal(12), 1) == "12.0" and sheets.points(Decimal("12.25")) == "12.25"


def test_several_sheets_merge_into_one_archival_pdf(written, tmp_path):
    parts = [written["opinion"].read_bytes(), written["score"].read_bytes()]
    path = tmp_path / "all.pdf"
    path.write_bytes(archive.merged_pdfa(parts, name="all.pdf"))
    assert pdfa_problems(path) == []
    with pymupdf.open(path) as doc, pymupdf.open(written["opinion"]) as a, pymupdf.open(written["score"]) as b:
        assert doc.page_count == a.page_count + b.page_count
        assert doc.metadata["title"] == a.metadata["title"]
        assert doc[a.page_count].get_text() == b[0].get_text()


def test_the_experts_all_sheets_pdf_from_the_window_is_archival(demo_session, tmp_path):
    """The expert's 'all opinion sheets' PDF (ui/expert/sheets.py) once dropped the XMP and OutputIntent."""
    from ui.expert.sheets import ALL, sheet_pdf

    scores = scoring.submitted_file(demo_session, tmp_path / "E01.prscore", "E01")
    data, name = sheet_pdf(lambda *a, **k: None, str(scores), ALL, None)
    path = tmp_path / name
    path.write_bytes(data)
    assert name == "E01-专家评审意见书.pdf"
    assert pdfa_problems(path) == []
    with ScoreFile.open(scores, readonly=True) as sf, pymupdf.open(path) as doc:
        assert doc.page_count >= len(sf.applicants)
