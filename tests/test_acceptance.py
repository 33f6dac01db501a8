"""The intake check (受理) on a generated hand-in with every planted defect, and on the demo's clean one.

000 五（一）: "扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章；每个文件必须按对应材料名称命名"; 五（二）:
"申报材料不齐全或者不符合法定形式的，通知补正材料". 003 七（二）: "佐证等其他所有证材料不超过30页，整合为1个PDF文档，
凡复印件需注明“此件与原件相符”，并由经办人签字后加盖公章".
"""

from __future__ import annotations

import random
import resource
import subprocess
import time
import zlib
from pathlib import Path

import pymupdf
import pytest

from app import acceptance, ocr, session as session_mod
from app.scanpdf import make_scanned_pdf
from tests.conftest import run_cli

S01 = "深圳市测试模具技能大师工作室"
C01 = "重庆市测试职业技能培训中心"


# --------------------------------------------------------------------------- the planted hand-in


def _raster(src: Path, pno: int, *, dpi: int = 100, rotate: float = 0, gray: bool = False) -> pymupdf.Document:
    """Page `pno` of `src` scanned again: turned by `rotate` degrees, at `dpi`, or in grey (no red seal)."""
    s = pymupdf.open(src)
    r = s[pno].rect
    tmp = pymupdf.open()
    pg = tmp.new_page(width=r.width, height=r.height)
    pg.draw_rect(pg.rect, color=None, fill=(1, 1, 1))
    pg.show_pdf_page(pg.rect, s, pno, rotate=rotate)
    pix = pg.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY if gray else pymupdf.csRGB)
    out = pymupdf.open()
    page = out.new_page(width=r.width, height=r.height)
    page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=70))
    return out


def _blank(seed: int = 1) -> pymupdf.Document:
    """A scanned empty sheet: paper grey with a few specks of dust."""
    rng = random.Random(seed)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 827, 1169), False)
    pix.clear_with(243)
    for _ in range(40):
        x, y = rng.randrange(pix.w - 2), rng.randrange(pix.h - 2)
        for dx in range(2):
            for dy in range(2):
                pix.set_pixel(x + dx, y + dy, (60, 60, 60))
    out = pymupdf.open()
    page = out.new_page(width=595, height=842)
    page.insert_image(page.rect, stream=pix.tobytes("jpeg", jpg_quality=70))
    return out


def make_hand_in(root: Path) -> dict[str, Path]:
    """Tables and a materials folder with one planted defect per finding; the paths by role."""
    mats = root / "materials"
    s, c = mats / "S01", mats / "C01"
    s.mkdir(parents=True)
    c.mkdir(parents=True)
    scan = lambda path, title, who, pages, seed: make_scanned_pdf(path, title=title, applicant=who, pages=pages,
                                                                   seed=seed)
    # 技能大师能力报告: page 2 blank, page 3 turned 5°, page 4 upside down, page 5 scanned at 72 dpi
    base = scan(root / "base.pdf", "技能大师能力报告", S01, 6, 1)
    doc = pymupdf.open()
    doc.insert_pdf(pymupdf.open(base), from_page=0, to_page=0)
    doc.insert_pdf(_blank())
    doc.insert_pdf(_raster(base, 2, rotate=5))
    doc.insert_pdf(_raster(base, 3, rotate=180))
    doc.insert_pdf(_raster(base, 4, dpi=72))
    doc.insert_pdf(pymupdf.open(base), from_page=5, to_page=5)
    doc.save(s / "技能大师能力报告.pdf")
    # 工作团队报告: a photo renamed .pdf
    (s / "工作团队报告.pdf").write_bytes(pymupdf.open(base)[0].get_pixmap(dpi=30).tobytes("jpeg"))
    # 工作室管理制度汇编: a web page saved as .pdf
    (s / "01-工作室管理制度汇编.pdf").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>管理制度</title></head><body>制度</body></html>",
        encoding="utf-8")
    # 设施设备报告: encrypted
    enc = pymupdf.open(scan(root / "enc.pdf", "设施设备报告", S01, 1, 2))
    enc.save(s / "设施设备报告.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o", user_pw="secret")
    # 校企合作报告: cut off half way through the upload
    whole = scan(root / "cut.pdf", "校企合作报告", S01, 2, 3).read_bytes()
    (s / "校企合作报告.pdf").write_bytes(whole[: len(whole) // 3])
    # 技能成果报告: a black-and-white copy (no red seal anywhere)
    grey_src = scan(root / "grey.pdf", "技能成果报告", S01, 2, 4)
    grey = pymupdf.open()
    for n in range(2):
        grey.insert_pdf(_raster(grey_src, n, gray=True))
    grey.save(s / "技能成果报告.pdf")
    # a file named after no material
    scan(s / "情况说明.pdf", "情况说明", S01, 1, 5)

    # Chongqing: 相关材料 of 40 pages under the 30-page limit; 已建基地考核评估和运营情况报告 not handed in
    two = scan(root / "ev.pdf", "相关材料", C01, 2, 6)
    ev = pymupdf.open()
    for _ in range(20):
        ev.insert_pdf(pymupdf.open(two))
    ev.save(c / "相关材料.pdf")
    for k, name in enumerate(("市级高技能人才培训基地建设项目申报表", "市级高技能人才培训基地建设项目实施方案",
                              "高技能人才培训基地申报基本情况表", "推荐单位技能人才占比情况核查证明表")):
        scan(c / f"{name}.pdf", name, C01, 1, 10 + k)

    (root / "applicants.csv").write_text(
        f"id,name,rubric\nS01,{S01},sz-master-studio\nC01,{C01},cq-city-training-base\n", encoding="utf-8")
    (root / "experts.csv").write_text("id,name\nE01,王立新\n", encoding="utf-8")
    return {"materials": mats, "applicants": root / "applicants.csv", "experts": root / "experts.csv"}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = tmp_path_factory.mktemp("intake")
    t = make_hand_in(root / "in")
    sess = session_mod.create(root / "session", title="受理检查", applicants=t["applicants"], experts=t["experts"],
                              materials=t["materials"])
    return sess


@pytest.fixture(scope="module")
def report(planted):
    upside = next(mf for mf in planted.materials("S01") if mf.name == "技能大师能力报告.pdf")
    ocr.run(planted, only={upside.sha256})  # the way up of each page comes from the recognition
    return acceptance.check(planted)


def _found(report, aid):
    return {(f.file or f.material, f.code, f.page) for f in report.of(aid) if f.counts}


def test_every_planted_defect_is_found_naming_file_and_page(report):
    assert _found(report, "S01") == {
        ("技能大师能力报告.pdf", "blank", 2),
        ("技能大师能力报告.pdf", "skewed", 3),
        ("技能大师能力报告.pdf", "upside_down", 4),
        ("技能大师能力报告.pdf", "low_dpi", 5),
        ("工作团队报告.pdf", "not_pdf", None),
        ("01-工作室管理制度汇编.pdf", "not_pdf", None),
        ("设施设备报告.pdf", "encrypted", None),
        ("校企合作报告.pdf", "damaged", None),
        ("技能成果报告.pdf", "no_seal", None),
        ("情况说明.pdf", "unmatched", None),
    }
    assert _found(report, "C01") == {
        ("相关材料.pdf", "over_limit", None),
        ("已建基地考核评估和运营情况报告", "missing", None),
    }
    text = {f.text("en") for f in report.findings if f.counts}
    skew = next(f for f in report.findings if f.code == "skewed")
    # turned 5° on top of the scanner's own lean (scanpdf.MAX_SKEW, 0.8° at most)
    assert abs(float(skew.fields["angle"]) - 5) <= 0.8 + 0.1
    assert f"技能大师能力报告.pdf, page 3: skewed by {skew.fields['angle']}° (more than 2°)" in text
    assert "技能大师能力报告.pdf, page 5: scanned at 72 dpi, below 100 dpi" in text
    assert "工作团队报告.pdf: not a PDF but a JPEG image named .pdf" in text
    assert "01-工作室管理制度汇编.pdf: not a PDF but an HTML page named .pdf" in text
    assert "相关材料.pdf: 40 pages, more than the 30 allowed" in text


def test_a_long_file_checked_in_parts_gives_the_same_pages(planted, report, monkeypatch):
    """Parts of two pages: the planted defects on pages 2-5 fall in three different parts."""
    monkeypatch.setattr(acceptance, "PART_PAGES", 2)
    seen = []
    parted = acceptance.check(planted, applicants=["S01"], save=False,
                              progress=lambda done, total, key: seen.append((done, total)))
    assert _found(parted, "S01") == _found(report, "S01")
    pages = sum(mf.pages or 1 for mf in planted.materials("S01") if planted.material_path(mf).is_file())
    assert seen[-1] == (pages, pages) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_stale_page_count_is_checked_whole_again(planted, monkeypatch):
    monkeypatch.setattr(acceptance, "PART_PAGES", 2)
    mf = next(mf for mf in planted.materials("S01") if mf.name == "技能大师能力报告.pdf")
    path = str(planted.material_path(mf))
    real = pymupdf.open(path).page_count
    for claimed in (real - 2, real + 3):
        got = acceptance.examine_all([("k", path, claimed, False)], acceptance.Limits())["k"]
        assert got["pages"] == real and len(got["page_info"]) == real, claimed


def test_findings_quote_the_sentence_they_break(report, seeds_dir):
    docs = {p.name: "".join(p.read_text(encoding="utf-8").split()) for p in seeds_dir.glob("0*.txt")}
    for f in report.findings:
        if f.rule:
            assert any("".join(f.rule.split()) in d for d in docs.values()), f.rule
    seal = next(f for f in report.findings if f.code == "no_seal")
    assert "并加盖公章" in seal.rule and seal.document.startswith("000")
    over = next(f for f in report.findings if f.code == "over_limit")
    assert over.rule.startswith("佐证等其他所有证材料不超过30页")
    # 003 (Chongqing) says nothing of 补正: its missing material quotes no sentence; the Shenzhen calls do
    missing = next(f for f in report.findings if f.code == "missing")
    assert missing.applicant_id == "C01" and missing.rule == ""
    sz = acceptance.rules_for(report_session_rubric(report))
    assert sz["receipt"] == acceptance.RECEIPT_000 and "".join(sz["receipt"].split()) in docs["000_adc06df6534c35e3.txt"]


def report_session_rubric(report):
    from app import rubric

    return rubric.load_all()["sz-master-studio"]


def test_which_materials_need_a_seal(planted):
    cq = planted.rubrics["cq-city-training-base"]
    sz = planted.rubrics["sz-master-studio"]
    assert acceptance.seal_rule(sz, "技能成果报告")[0] == acceptance.FORM_000
    assert acceptance.seal_rule(cq, "相关材料")[0] == acceptance.EVIDENCE_003
    assert "加盖公章" in acceptance.seal_rule(cq, "推荐单位技能人才占比情况核查证明表")[0]
    assert acceptance.seal_rule(cq, "市级高技能人才培训基地建设项目实施方案") is None


def test_findings_are_kept_for_the_experts_and_can_be_accepted(planted, report):
    kept = acceptance.stored(planted, "S01")
    assert {(f.file, f.code, f.page) for f in kept} == {(f.file, f.code, f.page) for f in report.of("S01")}
    assert {(f.code, f.page) for f in acceptance.for_material(planted, "S01", "技能大师能力报告")} == {
        ("blank", 2), ("skewed", 3), ("upside_down", 4), ("low_dpi", 5)}
    blank = next(f for f in kept if f.code == "blank")
    acceptance.accept(planted, blank, "第2页为空白隔页，申报单位已说明")
    again = acceptance.check(planted, applicants=["S01"])
    b = next(f for f in again.findings if f.code == "blank")
    assert b.accepted == "第2页为空白隔页，申报单位已说明" and not b.counts
    acceptance.accept(planted, blank, "")  # an empty note takes the acceptance back
    assert next(f for f in acceptance.stored(planted, "S01") if f.code == "blank").accepted is None


def test_a_check_stopped_halfway_keeps_the_last_whole_one(planted, report):
    """Stopped after its first file, a check returns None and the findings the experts see are unchanged."""
    before = [(f.key, f.code, f.accepted) for f in acceptance.stored(planted)]
    assert before
    answered: list[str] = []
    stopped = acceptance.check(planted, progress=lambda done, total, key: answered.append(key),
                               should_stop=lambda: bool(answered))
    assert stopped is None and len(answered) >= 1
    assert [(f.key, f.code, f.accepted) for f in acceptance.stored(planted)] == before


def test_copies_in_chongqing_evidence_must_say_this_is_a_true_copy(tmp_path, seeds_dir):
    """003 七（二）: "凡复印件需注明“此件与原件相符”". Which pages are copies no document says: a 相关材料 file with no
    page saying it is a finding (to confirm or accept); before its text is recognised, a note that it was not looked
    for; one page saying it, even as read with a space inside, clears it. Other materials are not asked."""
    from app.scanstore import PageText, ScanStore

    mats = tmp_path / "in" / "C01"
    mats.mkdir(parents=True)
    for k, name in enumerate(("相关材料", "市级高技能人才培训基地建设项目申报表")):
        make_scanned_pdf(mats / f"{name}.pdf", title=name, applicant=C01, pages=2, seed=40 + k)
    (tmp_path / "in" / "applicants.csv").write_text(f"id,name,rubric\nC01,{C01},cq-city-training-base\n",
                                                    encoding="utf-8")
    (tmp_path / "in" / "experts.csv").write_text("id,name\nE01,王立新\n", encoding="utf-8")
    sess = session_mod.create(tmp_path / "session", title="复印件", applicants=tmp_path / "in" / "applicants.csv",
                              experts=tmp_path / "in" / "experts.csv", materials=tmp_path / "in")
    evidence = next(mf for mf in sess.materials("C01") if mf.material == "相关材料")
    form = next(mf for mf in sess.materials("C01") if mf.material != "相关材料")

    def marks():
        rep = acceptance.check(sess, save=False)
        return {(f.code, f.fields.get("what")) for f in rep.findings if f.path in (evidence.path, form.path)
                and (f.code == "no_copy_mark" or "此件与原件相符" in str(f.fields.get("what")))}, rep

    found, _ = marks()
    assert found == {("not_checked", "the mark “此件与原件相符”")}  # no text yet: said, and not counted

    def store_text(sha, pages):
        with ScanStore(sess.path) as store:
            for n, text in enumerate(pages):
                store.put_page(PageText(sha, n, "layer", 0, text, None))

    store_text(evidence.sha256, ["营业执照（复印件）", "培训场地租赁合同 复印件 经办人：张三"])
    store_text(form.sha256, ["申报表", "申报表 第二页"])
    found, rep = marks()
    assert found == {("no_copy_mark", None)}
    finding = next(f for f in rep.findings if f.code == "no_copy_mark")
    assert finding.counts and finding.file == "相关材料.pdf" and finding.document == "003 七（二）"
    assert finding.text("en") == "相关材料.pdf: no page says “此件与原件相符”, which every copy must"
    assert finding.rule in (seeds_dir / "003_64262c9e8eabc851.txt").read_text(encoding="utf-8")
    assert "凡复印件需注明“此件与原件相符”" in finding.rule
    # the 通知补正材料 says what to do about it (read back with poppler)
    notice = acceptance_notice(sess, rep, tmp_path / "notices")
    assert "复印件须注明“此件与原件相符”，由经办人签字并加盖公章后重新提交" in notice

    store_text(evidence.sha256, ["营业执照（复印件） 此件与原 件相符 经办人：张三", "培训场地租赁合同"])
    assert marks()[0] == set()
    assert acceptance.has_copy_mark("此件与原件相符") and acceptance.has_copy_mark("此 件 与 原 件 相 符")
    assert acceptance.has_copy_mark("比件与原件相符") and acceptance.has_copy_mark("此件与原件相付")  # one misread
    assert not acceptance.has_copy_mark("与原件核对") and not acceptance.has_copy_mark("原件")


def acceptance_notice(sess, report, folder) -> str:
    from app import correction_sheet

    (path,) = correction_sheet.write_all(sess, report, folder)
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())


def test_every_finding_says_what_the_applicant_must_do():
    assert set(acceptance.REMEDY) == set(acceptance.TEMPLATES)


def test_a_file_that_takes_too_long_gets_its_finding_and_the_rest_go_on(planted):
    slow = acceptance.Limits(timeout=0.3, per_page=0.0)
    started = time.monotonic()
    rep = acceptance.check(planted, limits=slow, applicants=["C01"], save=False)
    assert time.monotonic() - started < 20
    codes = {(f.file, f.code) for f in rep.findings}
    assert ("相关材料.pdf", "timeout") in codes
    assert ("已建基地考核评估和运营情况报告", "missing") in {(f.material, f.code) for f in rep.findings}


def test_a_decompression_bomb_is_named_without_exhausting_memory(tmp_path):
    # a 20000 x 20000 RGB image (1.2 GB decoded) in a stream of about a megabyte
    doc = pymupdf.open()
    page = doc.new_page()
    z = zlib.compressobj(9)
    row = bytes(20000 * 3)
    raw = b"".join(z.compress(row) for _ in range(20000)) + z.flush()
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceRGB "
                            "/BitsPerComponent 8 /Filter /FlateDecode >>")
    doc.update_stream(xref, raw, compress=False)
    res = doc.get_new_xref()
    doc.update_object(res, f"<< /XObject << /Im0 {xref} 0 R >> >>")
    doc.xref_set_key(page.xref, "Resources", f"{res} 0 R")
    cont = doc.get_new_xref()
    doc.update_object(cont, "<< >>")
    doc.update_stream(cont, b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    doc.xref_set_key(page.xref, "Contents", f"{cont} 0 R")
    bomb = tmp_path / "bomb.pdf"
    doc.save(bomb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    found = acceptance.examine_all([("bomb", str(bomb), 1, True)], acceptance.Limits(memory_mb=700))
    assert time.monotonic() - started < 60
    # it was read in a worker under its memory cap, not here; and it came back with an answer
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert "bomb" in found and ("failed" in found["bomb"] or found["bomb"]["pages"] == 1)


def test_sniffing_tells_files_apart():
    assert acceptance.sniff(b"%PDF-1.7\n") == "pdf"
    assert acceptance.sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert acceptance.sniff(b"\x89PNG\r\n") == "png"
    assert acceptance.sniff(b"\xef\xbb\xbf<!DOCTYPE html>") == "html"
    assert acceptance.sniff(b"PK\x03\x04") == "zip"
    assert acceptance.sniff(b"\x00\x9f\x92\x96") == "unknown"


def test_nothing_is_raised_on_the_demo_materials(tmp_path):
    from app import demo

    for name in demo.DEMOS:
        sess = demo.build(tmp_path / name, source=demo.source(name), page_limit=3)
        rep = acceptance.check(sess)
        assert [f.text("en") for f in rep.findings if f.counts and f.code != "missing"] == []
        # the demo leaves one material out on purpose (demo.yaml: missing)
        assert {(f.applicant_id, f.material) for f in rep.open if f.code == "missing"} == \
            {(aid, m) for aid, spec in (demo.spec(demo.source(name)).get("materials") or {}).items()
             for m in (spec or {}).get("missing") or []}


def test_cli_exits_1_with_the_findings_and_prints_a_notice(planted, report, tmp_path):
    out = tmp_path / "notices"
    proc = run_cli("intake", "check", str(planted.path), "--notices", str(out), check=False)
    assert proc.returncode == 1, proc.stderr
    assert "技能大师能力报告.pdf, page 4: turned upside down" in proc.stdout
    pdf = out / "S01.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "通知补正材料" in "".join(text.split())
    flat = "".join(text.split())
    assert "技能成果报告.pdf" in flat and "加盖公章" in flat
    assert S01 in flat
