"""Signed sheets as PDF, read back with PyMuPDF and poppler (never with reportlab, which wrote them)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest

from app import sheets
from app.errors import SheetError
from app.i18n import Sentence
from app.result import (ApplicantResult, Category, ExpertScores, FileStatus, Flag, PanelMember, Result)
from app.resultfile import load_result
from app.scorefile import ScoreFile
from tests import scoring
from tests.conftest import run_cli

LONG_NAME = ("深圳市龙岗区鹏程精密制造与智能装备产业职业技能培训学校有限公司" * 3)[:60]
TB, MS, RW = "高技能人才培训基地", "技能大师工作室", "乡村振兴技能工作站"

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils not installed")
needs_zbar = pytest.mark.skipif(not shutil.which("zbarimg") or not shutil.which("pdftoppm"),
                                reason="zbar-tools or pdftoppm not installed")


# --------------------------------------------------------------------------- helpers


def pick(item, k: int) -> Decimal:
    """A valid value for a points item that varies from item to item (so points are told apart)."""
    bands = sorted(item.allowed.bands, key=lambda b: (b.low, b.high))
    return bands[k % len(bands)].high


def fill(sf: ScoreFile, aid: str, *, decision: str = "positive", opinion: str = "材料齐全，条件符合。") -> None:
    scoring.fill(sf, aid, points=pick, decision=decision, opinion=opinion)


def signature_png() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=100)
    page.draw_bezier((20, 70), (80, 10), (150, 110), (280, 30), color=(0, 0, 0.4), width=3)
    png = page.get_pixmap(dpi=72).tobytes("png")
    doc.close()
    return png


def scored(session, path: Path, expert: str = "E01", *, signature: bool = True, submit: bool = True,
           long_opinion: str | None = None) -> Path:
    """A score file for `expert`: M02 recused, T04's gate answered no, T01 commented and cited."""
    sf = ScoreFile.create(path, session, expert)
    for a in sf.applicants:
        if a.id == "M02":
            sf.recuse("M02", "本人曾在该单位兼职")
        elif a.id == "T04":
            sf.set_answer("T04", "S2a.G", "no")
            fill(sf, "T04", decision="negative", opinion="场地设施设备不满足同时开展100人培训的要求。")
        elif a.id == "R01":
            fill(sf, "R01")
        else:
            fill(sf, a.id, opinion=long_opinion if (long_opinion and a.id == "T02") else "材料齐全，条件符合。")
    sf.set_comment("T01", "S1.1", "组织架构图完整，部门职责分工清晰。")
    sf.cite("T01", "S1.1", material="组织管理报告", file="组织管理报告.pdf", page=3)
    sf.cite("T01", "S1.1", material="组织管理报告", file="组织管理报告.pdf", page=5)
    if signature:
        sf.set_signature(signature_png())
    if submit:
        sf.submit()
    sf.close()
    return path


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body(text: str) -> str:
    """Squashed text without the page footers, so a paragraph split over pages reads as one."""
    text = squash(text)
    text = re.sub(r"评分文件指纹：[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}[^·]*·[A-Z0-9]+", "", text)
    return re.sub(r"第\d+页/共\d+页", "", text)


def pdftotext_layout(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def page_texts(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [p.get_text() for p in doc]


def points_column(path: Path) -> list[str]:
    """The words under every 得分 header, in page order, top to bottom."""
    out: list[str] = []
    with pymupdf.open(path) as doc:
        for page in doc:
            heads = page.search_for("得分")
            if not heads:
                continue
            head = heads[0]
            words = [w for w in page.get_text("words")
                     if head.x0 - 12 <= (w[0] + w[2]) / 2 <= head.x1 + 12 and w[1] > head.y1]
            out += [w[4] for w in sorted(words, key=lambda w: w[1])]
    return out


def expected_points(sf: ScoreFile, aid: str) -> list[str]:
    """What the 得分 column must show, in the sheet's order: section subtotal, then each criterion."""
    fmt = sheets.points
    stopped, pts, crit = sf.stopped(aid), sf.points(aid), sf.criterion_points(aid)
    answers, secs = sf.answers(aid), sf.section_points(aid)
    out = []
    for sec in sf.applied(aid).sections:
        scored_ = [c for c in sec.criteria if not c.is_gate]
        dead = scored_ and all(c.id in stopped or any(i.id in stopped for i in c.items) for c in scored_)
        out.append("—" if dead else fmt(secs.get(sec.id, Decimal(0))))
        for c in sec.criteria:
            if c.is_gate:
                out.append("是" if answers.get(c.id) == "yes" else "否")
            elif c.id in stopped or any(i.id in stopped for i in c.items):
                out.append("—")
            elif c.rule == "checklist":  # the criterion's heading with its subtotal, then its items
                out += [fmt(crit.get(c.id))] + [fmt(pts.get(i.id)) for i in c.items]
            else:
                out.append(fmt(crit.get(c.id)))
    out.append(fmt(sf.total(aid)))
    return out


def assert_within_margins(path: Path) -> None:
    """No word runs past the printable area (a cell that overflowed would)."""
    with pymupdf.open(path) as doc:
        for page in doc:
            w = page.rect.width
            for x0, y0, x1, y1, text, *_ in page.get_text("words"):
                assert x0 >= 25 * sheets.MM - 2 and x1 <= w - 20 * sheets.MM + 2, (page.number, text, x0, x1)
                assert y1 <= page.rect.height - 8 * sheets.MM, (page.number, text, y1)


def assert_page_numbers(path: Path) -> None:
    texts = page_texts(path)
    n = len(texts)
    for i, text in enumerate(texts, start=1):
        assert f"第 {i} 页 / 共 {n} 页" in text, (i, n)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def submitted(demo_session, tmp_path_factory) -> Path:
    return scored(demo_session, tmp_path_factory.mktemp("scores") / "E01.prscore")


@pytest.fixture(scope="module")
def opinion_dir(submitted, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sheets")
    with ScoreFile.open(submitted, readonly=True) as sf:
        sheets.opinion_sheets(sf, out)
    return out


def sheet_path(opinion_dir: Path, aid: str) -> Path:
    return opinion_dir / f"E01-{aid}-专家评审意见书.pdf"


# --------------------------------------------------------------------------- 1. opinion sheets


def test_one_sheet_per_applicant_named_for_expert_and_applicant(opinion_dir, demo_session):
    names = sorted(p.name for p in opinion_dir.glob("*.pdf"))
    assert names == sorted(f"E01-{a.id}-专家评审意见书.pdf" for a in demo_session.applicants)
    assert not list(opinion_dir.glob("*.tmp"))


@needs_poppler
def test_opinion_sheet_holds_everything_the_expert_signed(opinion_dir, submitted):
    path = sheet_path(opinion_dir, "T01")
    with ScoreFile.open(submitted, readonly=True) as sf:
        fp = sf.fingerprint
        expected = expected_points(sf, "T01")
        applied = sf.applied("T01")
        total = sheets.points(sf.total("T01"))
    text = pdftotext(path)
    flat = squash(text)
    for needed in ("专家评审意见书", "深圳市龙岗区鹏程精密制造职业培训学校", "高技能人才培训基地", "线下/普通基地/培训机构",
                   "2024年8月30日", "王立新", "深圳职业技术大学", "教授", "■建议认定", "□不建议认定",
                   "材料齐全，条件符合。", "组织架构图完整，部门职责分工清晰。", "组织管理报告第3、5页", fp):
        assert squash(needed) in flat, needed
    for c in applied.conditions:
        assert squash(c.text)[:20] in flat
    for c in applied.criteria():
        assert squash(c.text)[:10] in flat, c.id
    assert "合计" in text and total in text
    # every criterion's points, in the 得分 column, in order
    assert points_column(path)[:len(expected)] == expected
    # PyMuPDF reads the same
    mu = squash("".join(page_texts(path)))
    assert "深圳市龙岗区鹏程精密制造职业培训学校" in mu and fp in mu and "建议认定" in mu
    assert_within_margins(path)
    assert_page_numbers(path)
    for page_text in page_texts(path):
        assert f"评分文件指纹：{fp}" in page_text


@needs_poppler
def test_every_font_is_embedded(opinion_dir):
    for aid in ("T01", "M02", "R01"):
        out = subprocess.run(["pdffonts", str(sheet_path(opinion_dir, aid))], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        assert out, "no fonts listed"
        for line in out:
            emb = line.split()[-5]
            assert emb == "yes", line


@needs_zbar
def test_qr_code_decodes_to_the_fingerprint(opinion_dir, submitted, tmp_path):
    with ScoreFile.open(submitted, readonly=True) as sf:
        fp = sf.fingerprint
    path = sheet_path(opinion_dir, "M01")
    with pymupdf.open(path) as doc:
        last = doc.page_count
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", str(last), "-l", str(last), str(path),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert decoded.stdout.strip() == fp


def test_fingerprint_matches_scores_verify(submitted, opinion_dir):
    verified = run_cli("scores", "verify", str(submitted)).stdout.splitlines()[0]
    assert verified in "".join(page_texts(sheet_path(opinion_dir, "T02")))


def test_signature_png_is_placed_when_present(opinion_dir, demo_session, tmp_path):
    with pymupdf.open(sheet_path(opinion_dir, "T01")) as doc:
        images = [img for page in doc for img in page.get_images()]
    assert len(images) == 1
    unsigned = scored(demo_session, tmp_path / "E02.prscore", "E02", signature=False)
    with ScoreFile.open(unsigned, readonly=True) as sf:
        out = sheets.opinion_sheet(sf, "T01", tmp_path / "t01.pdf")
    with pymupdf.open(out) as doc:
        assert [img for page in doc for img in page.get_images()] == []
        assert "评审专家（签名）" in "".join(p.get_text() for p in doc)


def test_recused_sheet_states_the_recusal_instead_of_scores(opinion_dir):
    text = "".join(page_texts(sheet_path(opinion_dir, "M02")))
    assert "回避" in text and "本人曾在该单位兼职" in text
    assert "合计" not in text and "得分" not in text


def test_stopped_items_are_marked_not_scored(opinion_dir, submitted):
    path = sheet_path(opinion_dir, "T04")
    text = "".join(page_texts(path))
    assert "未评分（门槛条件未满足" in text and "■ 不建议认定" in text
    with ScoreFile.open(submitted, readonly=True) as sf:
        assert points_column(path)[:len(expected_points(sf, "T04"))] == expected_points(sf, "T04")
    rural = "".join(page_texts(sheet_path(opinion_dir, "R01")))
    assert "（门槛）" in rural


def test_checklist_items_show_their_own_points(opinion_dir, submitted):
    path = sheet_path(opinion_dir, "M01")
    with ScoreFile.open(submitted, readonly=True) as sf:
        expected = expected_points(sf, "M01")
    assert points_column(path)[:len(expected)] == expected


def test_unsubmitted_file_is_refused(demo_session, tmp_path):
    path = scored(demo_session, tmp_path / "E03.prscore", "E03", submit=False)
    with ScoreFile.open(path, readonly=True) as sf:
        with pytest.raises(SheetError, match="not submitted"):
            sheets.opinion_sheet(sf, "T01", tmp_path / "x.pdf")
        with pytest.raises(SheetError, match="not submitted"):
            sheets.score_sheet(sf, TB, tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_tampered_file_is_refused_naming_the_change(submitted, tmp_path):
    copy = tmp_path / "E01.prscore"
    shutil.copy(submitted, copy)
    con = sqlite3.connect(copy)
    con.execute("update answers set value = '0' where applicant_id = 'T01' and item_id = 'S1.1'")
    con.commit()
    con.close()
    with ScoreFile.open(copy, readonly=True) as sf:
        with pytest.raises(SheetError, match=r"changed after it was submitted: .*answers: T01 S1.1 was \d+, now 0"):
            sheets.opinion_sheets(sf, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@needs_poppler
def test_long_opinion_and_long_name_paginate_without_losing_text(tmp_path_factory, demo_session):
    tmp = tmp_path_factory.mktemp("long")
    opinion = "".join(f"第{k:03d}条意见：该单位培训组织体系较为健全，师资结构合理。" for k in range(80))[:2000]
    assert len(opinion) == 2000
    path = scored(demo_session, tmp / "E04.prscore", "E04", long_opinion=opinion)
    with ScoreFile.open(path, readonly=True) as sf:
        out = sheets.opinion_sheet(sf, "T02", tmp / "t02.pdf")
    flat = body(pdftotext(out))
    assert squash(opinion) in flat
    assert len(page_texts(out)) >= 3
    assert_page_numbers(out)
    assert_within_margins(out)

    session = long_name_session(tmp)
    sf = ScoreFile.create(tmp / "L.prscore", session, "E01")
    fill(sf, "L01", opinion=opinion)
    sf.set_comment("L01", "S1.1", opinion[:1500])  # a comment too long for one page's cell
    fill(sf, "N01")
    sf.submit()
    out = sheets.opinion_sheet(sf, "L01", tmp / "l01.pdf")
    flat = body(pdftotext(out))
    assert LONG_NAME in flat and squash(opinion) in flat and squash(opinion[:1500]) in flat
    assert_page_numbers(out)
    assert_within_margins(out)
    sf.close()


def long_name_session(tmp: Path):
    """A session with a 60-character applicant name and a rubric without points."""
    from app import session as session_mod
    from app.paths import demo_sources

    hand_in = tmp / "hand-in"
    for folder in ("L01", "N01"):
        (hand_in / folder).mkdir(parents=True)
    (tmp / "applicants.csv").write_text(
        "id,name,rubric,delivery,scope,applicant_kind\n"
        f"L01,{LONG_NAME},sz-training-base,线下,普通基地,企业\n"
        "N01,吉林省长春市某某技能大师工作室,national-master-studio,,,\n", encoding="utf-8")
    return session_mod.create(tmp / "session", title="长名称测试评审", date="2024-07-24",
                              applicants=tmp / "applicants.csv", experts=demo_sources() / "experts.csv",
                              materials=hand_in)


def test_rubric_without_points_has_no_total_row(tmp_path):
    session = long_name_session(tmp_path)
    sf = ScoreFile.create(tmp_path / "N.prscore", session, "E02")
    fill(sf, "L01")
    fill(sf, "N01", decision="推荐")
    sf.submit()
    out = sheets.opinion_sheet(sf, "N01", tmp_path / "n01.pdf")
    text = "".join(page_texts(out))
    assert "国家级技能大师工作室" in text and "■ 推荐" in text and "2024年7月24日" in text
    assert "合计" not in text and "得分" not in text
    sf.close()


def test_bytes_variant_matches_what_is_written(submitted):
    with ScoreFile.open(submitted, readonly=True) as sf:
        data = sheets.build_opinion_sheet(sf, "T03")
    assert data.startswith(b"%PDF") and len(data) < 60_000


# --------------------------------------------------------------------------- 2. score sheet


@needs_poppler
def test_score_sheet_puts_the_category_side_by_side(submitted, tmp_path):
    with ScoreFile.open(submitted, readonly=True) as sf:
        out = sheets.score_sheet(sf, TB, tmp_path / "score.pdf")
        totals = {a.id: sheets.points(sf.total(a.id)) for a in sf.applicants if a.category == TB}
        fp = sf.fingerprint
    text = pdftotext(out)
    mu = squash("".join(page_texts(out)))
    for aid in ("T01", "T02", "T03", "T04"):
        assert aid in text
    assert "深圳市华茂智能装备有限公司" in mu
    assert "专家评分表" in text and "合计" in text and "评审结论" in text and fp in text
    assert "建议认定" in text and "不建议认定" in text
    total_line = next(line for line in pdftotext_layout(out).splitlines() if line.strip().startswith("合计"))
    assert total_line.split()[1:] == ["100", *totals.values()]
    assert_page_numbers(out)
    assert_within_margins(out)
    with pymupdf.open(out) as doc:
        assert doc[0].rect.width < doc[0].rect.height  # four columns fit portrait


def test_score_sheet_for_unknown_category(submitted, tmp_path):
    with ScoreFile.open(submitted, readonly=True) as sf:
        with pytest.raises(SheetError, match="no applicants in category"):
            sheets.score_sheet(sf, "无此类别", tmp_path / "x.pdf")


# --------------------------------------------------------------------------- 3 and 4. from the merged result


def stand_in_result(long_name: bool = False) -> Result:
    """A merged result written by hand (not by the merge), with the figures of a real panel."""
    experts = [PanelMember(f"E0{i}", n, o, t, True) for i, (n, o, t) in enumerate([
        ("王立新", "深圳职业技术大学", "教授"), ("刘敏", "深圳技师学院", "高级讲师"),
        ("张伟", "深圳市龙岗区人力资源局职业能力建设科", "高级经济师"), ("黄丽华", "深圳市华星精密机械有限公司", "高级工程师")],
        start=1)]
    files = [FileStatus(f"/x/{e.id}.prscore", e.id, e.name, e.organisation, e.title, f"AAAA-BBBB-CCCC-DDD{k}", 1,
                        "accepted") for k, e in enumerate(experts)]
    files.append(FileStatus("/x/E05.prscore", "E05", "周海峰", "", "", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", 1, "rejected",
                            Sentence("changed after it was submitted: {problems}", problems="S1.1")))

    def scores(totals: dict, recused: tuple) -> dict:
        out = {eid: ExpertScores(eid, None, total, "positive", "", {}, {}, {}, {}, []) for eid, total in totals.items()}
        out.update({eid: ExpertScores(eid, "曾在该单位任职", None, None, "", {}, {}, {}, {}, []) for eid in recused})
        return out

    def app(aid, name, cat, totals, total, rank, tied=False, eligible=True, reasons=(), flags=(), recused=()):
        return ApplicantResult(
            id=aid, name=name, category=cat, rubric_id="sz", variant="", profile={}, has_points=True,
            eligible=eligible, failed=[] if eligible else ["S2a.G"], ineligible=[Sentence(r) for r in reasons],
            total=total, sections={}, criteria={}, recommendations={"yes": 3, "no": 1}, priority_met=[], rank=rank,
            tied=tied, status="ranked", flags=list(flags), conditions=[], parts=[], scores=scores(totals, recused))

    d = Decimal
    outlier = Flag("outlier_total", "E03", None, {}, Sentence("E03 张伟 的总分偏低"))
    applicants = [
        app("T01", LONG_NAME if long_name else "深圳市龙岗区鹏程精密制造职业培训学校", TB,
            {"E01": d(88), "E02": d("86.5"), "E03": d(90), "E04": d(85)}, d("87.38"), 1),
        app("T02", "深圳市华茂智能装备有限公司", TB, {"E01": d(80), "E02": d(82), "E03": d(79)}, d(81), 2, True,
            flags=[outlier], recused=("E04",)),
        app("T03", "深圳市云课数字技能科技有限公司", TB, {"E01": d(81), "E02": d(80), "E03": d(82), "E04": d(81)},
            d(81), 2, True),
        app("T04", "深圳市龙岗区工业互联网行业协会", TB, {"E01": d(10), "E02": d(12), "E03": None, "E04": d(10)},
            None, None, eligible=False, reasons=["门槛 S2a.G 未通过"]),
        app("M01", "李建国模具技能大师工作室", MS, {"E01": d(91), "E02": d(90), "E03": d(92), "E04": d(89)},
            d("90.5"), 1),
    ]
    categories = [Category(TB, 5, ["T01", "T02", "T03"]), Category(MS, 2, ["M01"]), Category(RW, 1)]
    return Result(session_id="S1", title="2024年度龙岗区终身职业技能培训载体认定专家评审", date="2024-07-24",
                  method="trimmed_mean", settings={}, created="2024-07-24T18:00:00+08:00", files=files,
                  experts=experts, applicants=applicants, categories=categories, agreement={}, leniency={})


@needs_poppler
def test_panel_summary_from_a_stand_in_result(tmp_path):
    out = sheets.panel_summary(stand_in_result(), tmp_path / "summary.pdf")
    text = pdftotext(out)
    flat = squash(text)
    for needed in ("评审汇总表", "2024年7月24日", "去掉一个最高分和一个最低分后的平均值", "王立新", "刘敏", "张伟", "黄丽华",
                   "87.38", "86.5", "2（并列）", "回避", "畸高畸低", "不符合", "门槛S2a.G未通过", "不同意见", "秘书（签名）",
                   "AAAA-BBBB-CCCC-DDD0", "不予采用", "技能大师工作室", "90.5"):
        assert squash(needed) in flat, needed
    for e in ("王立新", "刘敏", "张伟", "黄丽华"):
        assert f"评审专家{e}（签名）" in flat
    with pymupdf.open(out) as doc:
        assert doc[0].rect.width > doc[0].rect.height
    assert_page_numbers(out)
    assert_within_margins(out)


@needs_poppler
def test_panel_summary_with_a_long_name(tmp_path):
    out = sheets.panel_summary(stand_in_result(long_name=True), tmp_path / "summary.pdf")
    assert LONG_NAME in squash("".join(page_texts(out)))
    assert_within_margins(out)


@needs_poppler
def test_candidate_list_in_quota_order(tmp_path):
    out = sheets.candidate_list(stand_in_result(), tmp_path / "candidates.pdf")
    text = pdftotext(out)
    flat = squash(text)
    assert "候选名单" in text and "2024年7月24日" in text
    flat = squash("".join(page_texts(out)))  # PyMuPDF keeps the drawing order: row by row
    order = [flat.index(n) for n in ("深圳市龙岗区鹏程精密制造职业培训学校", "深圳市华茂智能装备有限公司",
                                     "深圳市云课数字技能科技有限公司", "李建国模具技能大师工作室")]
    assert order == sorted(order)
    assert "深圳市龙岗区工业互联网行业协会" not in flat
    assert "2（并列）" in flat and "87.38" in flat and "（无）" in flat
    assert_page_numbers(out)


def test_methods_are_named_in_chinese():
    assert sheets.METHOD_NAMES["mean"] == "平均值"
    assert sheets.METHOD_NAMES["median"] == "中位数"
    assert sheets.cn_date("2024-07-24") == "2024年7月24日"


# --------------------------------------------------------------------------- through a real merge and the CLI


@pytest.fixture(scope="module")
def merged(demo_session, submitted, tmp_path_factory):
    from app import merge

    tmp = tmp_path_factory.mktemp("merge")
    files = [submitted] + [scored(demo_session, tmp / f"{e}.prscore", e) for e in ("E02", "E03")]
    out = tmp / "result.prresult"
    merge.merge(demo_session, files, out=out)
    return out


@needs_poppler
def test_sheets_from_a_real_merge(merged, tmp_path):
    result = load_result(merged)
    summary = sheets.panel_summary(result, tmp_path / "summary.pdf")
    flat = squash(pdftotext(summary))
    for a in result.applicants:
        assert squash(a.name) in flat
    assert "平均值" in flat and "秘书（签名）" in flat
    listing = sheets.candidate_list(result, tmp_path / "candidates.pdf")
    flat = squash(pdftotext(listing))
    for cat in result.categories:
        for aid in cat.candidates:
            assert squash(result.applicant(aid).name) in flat
    assert_page_numbers(summary)
    assert_within_margins(summary)


def test_cli_prints_the_written_paths(submitted, tmp_path):
    one = run_cli("sheet", str(submitted), "--applicant", "T01", "--out", str(tmp_path / "t01.pdf"))
    assert one.stdout.strip() == str(tmp_path / "t01.pdf")
    every = run_cli("sheet", str(submitted), "--all", "--out", str(tmp_path / "all"))
    assert len(every.stdout.splitlines()) == 7
    assert all(Path(line).is_file() for line in every.stdout.splitlines())
    sheet = run_cli("sheet", str(submitted), "--score-sheet", MS, "--out", str(tmp_path / "ms.pdf"))
    assert Path(sheet.stdout.strip()).is_file()
    bad = run_cli("sheet", str(submitted), "--applicant", "ZZ", "--out", str(tmp_path / "z.pdf"), check=False)
    assert bad.returncode == 1 and "no applicant ZZ" in bad.stderr
    usage = run_cli("sheet", str(submitted), "--out", str(tmp_path / "z.pdf"), check=False)
    assert usage.returncode == 2


def test_cli_refuses_an_unsubmitted_file(demo_session, tmp_path):
    path = scored(demo_session, tmp_path / "E05.prscore", "E05", submit=False)
    run = run_cli("sheet", str(path), "--all", "--out", str(tmp_path / "out"), check=False)
    assert run.returncode == 1 and "not submitted" in run.stderr


def test_cli_report(merged, tmp_path):
    args = ["report", str(merged), "--pdf", str(tmp_path / "s.pdf"), "--candidates", str(tmp_path / "c.pdf")]
    args += ["--xlsx", str(tmp_path / "r.xlsx")]
    run = run_cli(*args)
    written = run.stdout.splitlines()
    assert written[:2] == [str(tmp_path / "s.pdf"), str(tmp_path / "c.pdf")]
    assert all(Path(p).is_file() for p in written)
    nothing = run_cli("report", str(merged), check=False)
    assert nothing.returncode == 2  # nothing asked for: a usage error
