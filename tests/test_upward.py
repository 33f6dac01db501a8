"""The report upward holds every element 财政部令第87号 第五十八条 and seed 002 name; PDF and .docx read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from app import journal, merge, notice, objections, panel, upward
from app.resultfile import load_result
from panelday import build_day, pdftotext, pngs, squash
from test_pdfa import pdfa_problems

D = dt.date.fromisoformat
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

# 〔002〕四（一）: "推荐申报报告内容包括项目推荐情况、评审专家组成以及评审程序、评审方法、评审结果、公示等情况
# （专家评审意见书和公示截图要作为附件附后），并注明联系人、联系方式。" — each element, and the words that must carry it.
SEED_002 = {"项目推荐情况": "项目推荐情况", "评审专家组成": "评审专家组成", "评审程序": "评审程序", "评审方法": "评审方法",
            "评审结果": "评审结果", "公示": "公示情况", "专家评审意见书": "专家评审意见书", "公示截图": "公示截图",
            "联系人": "联系人", "联系方式": "联系电话"}
# 第五十八条 (一)–(六), as the report carries each for a carrier review.
ART_58 = {"开标日期和地点": ["评审日期", "评审地点", "申报通知及发布渠道"],
          "投标人名单和评标委员会成员名单": ["评审专家组成", "申报单位"],
          "评标方法和标准": ["评审方法和标准", "共识分计算方法"],
          "无效投标人名单及原因": ["不符合条件的申报单位及原因"],
          "评标结果，确定的中标候选人名单": ["评审结果", "候选名单和备选名单"],
          "评标委员会成员的更换": ["评审专家变更情况"]}


@pytest.fixture(scope="module")
def day(demo_session, tmp_path_factory):
    d = build_day(demo_session, tmp_path_factory.mktemp("upward"))
    path = d.result_path
    panel.record_leader(path, d.session, "E03")
    for aid in ("T01", "M01", "R01"):
        merge.record_inspection(path, aid, passed=True, note="场地属实")
    merge.record_inspection(path, "M02", passed=False, note="工作室场地与申报不符")
    result = load_result(path)
    panel.record_dissent(path, result, "E05", opinion="不同意推荐T01", reason="培训量统计表缺少签到表佐证",
                         applicant_id="T01")
    notice.record(path, result, notice.period(D("2025-09-26")))
    objections.add(path, result, by="深圳市某职业培训学校", applicant_id="T01", about="培训量统计不实",
                   received="2025-09-29T10:30")
    objections.decide(path, result, "Y1", upheld=False, reason="经核对签到表原件，培训量属实")
    return d


def test_the_elements_are_the_documents_words(seeds_dir):
    seed = (seeds_dir / "002_8ac4f101f472d886.txt").read_text()
    assert ("推荐申报报告内容包括项目推荐情况、评审专家组成以及评审程序、评审方法、评审结果、公示等情况"
            "（专家评审意见书和公示截图要作为附件附后），并注明联系人、联系方式。") in seed
    for element in SEED_002:
        assert element in seed
    order = (SHARED / "references" / "mof-order-87-excerpt.md").read_text()
    for element in ART_58:
        assert element in order


def _check(text: str, result) -> None:
    for element, words in SEED_002.items():
        assert squash(words) in text, element
    for element, words in ART_58.items():
        for w in words:
            assert squash(w) in text, (element, w)
    for e in result.experts:
        assert squash(e.name) in text and squash(e.organisation) in text
    for a in result.applicants:
        assert squash(a.name) in text
    assert "张伟为评审组长（由专家组推选）" in text
    assert squash("2025年9月26日至2025年10月9日") in text and "2025年10月1日（国庆节）" in text
    assert "2025年9月28日" in text  # the make-up working day, counted
    assert "异议不成立：经核对签到表原件，培训量属实" in text
    assert "公示无异议或者异议不成立" in text
    assert "培训量统计表缺少签到表佐证" in text  # the dissent with its reason (第六十一条)
    assert "工作室场地与申报不符" in text  # the failed inspection
    assert "秘书工作日志" in text


def test_the_report_as_pdf(day, tmp_path):
    result = day.result
    pdf = upward.write_pdf(result, tmp_path / "report.pdf", session=day.session, today=D("2025-10-10"),
                           place="龙岗区人力资源局", contact="李秘书", phone="0755-12345678")
    text = squash(pdftotext(pdf))
    _check(text, result)
    assert "龙岗区人力资源局" in text and "0755-12345678" in text
    assert "高技能人才培训基地认定评审细则" in text  # the rubric by its title
    candidates = [result.applicant(i).name for c in result.categories for i in c.candidates]
    assert candidates, "T01, M01 and R01 passed their inspections"
    for name in candidates:
        assert squash(name) in text
    for f in result.accepted:  # the journal annex names its inputs' fingerprints (a cell may break one at a "-")
        assert f.fingerprint.replace("-", "") in text.replace("-", "")
    assert len(pngs(pdf, tmp_path / "png")) >= 3
    assert pdfa_problems(pdf) == []  # it goes into the file sent upward: PDF/A-2b
    notice_pdf = upward.write_notice(result, notice.recorded(day.result_path), tmp_path / "notice.pdf")
    assert pdfa_problems(notice_pdf) == []


def test_the_report_as_an_editable_word_file(day, tmp_path):
    result = day.result
    path = upward.write_docx(result, tmp_path / "report.docx", session=day.session, today=D("2025-10-10"))
    document = docx.Document(str(path))  # python-docx opens it as Word would
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    text = squash("\n".join(paragraphs + cells))
    _check(text, result)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:len(upward.SECTIONS)] == list(upward.SECTIONS)
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.5)


def test_the_journal_logs_every_action_with_its_inputs(day, tmp_path):
    actions = [e.action for e in journal.entries(day.result_path)]
    assert actions[0] == journal.MERGE
    assert actions.count(journal.INSPECTION) == 4
    for a in (journal.LEADER, journal.DISSENT, journal.NOTICE, journal.OBJECTION, journal.OBJECTION_DECIDED):
        assert a in actions
    merge_entry = journal.entries(day.result_path)[0]
    assert {i.fingerprint for i in merge_entry.inputs} == {f.fingerprint for f in day.result.accepted}
    pdf = upward.write_journal_pdf(day.result, tmp_path / "journal.pdf")
    text = squash(pdftotext(pdf))
    assert "秘书工作日志" in text and "实地考察" in text and "受理异议" in text


def test_the_command_line_publishes_refuses_past_the_calendar_and_lists_the_journal(day, tmp_path):
    from conftest import run_cli

    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    past = run_cli("notice", "publish", str(path), "--start", "2026-12-28", check=False)
    assert past.returncode == 1 and "2027" in past.stderr and "2026" in past.stderr
    ok = run_cli("notice", "publish", str(path), "--start", "2026-02-12", "--out", str(tmp_path / "notice.pdf"))
    assert "2026-02-12" in ok.stdout and "2026-02-25" in ok.stdout and "2026-02-14" in ok.stdout
    text = squash(pdftotext(tmp_path / "notice.pdf"))
    assert "候选名单公示" in text and squash("2026年2月12日至2026年2月25日（5个工作日）") in text
    early = run_cli("notice", "final", str(path), "--today", "2026-02-25", check=False)
    assert early.returncode == 1 and "2026-02-25" in early.stderr
    final = run_cli("notice", "final", str(path), "--today", "2026-02-26", "--out", str(tmp_path / "final.pdf"))
    assert final.stderr == "" and (tmp_path / "final.pdf").is_file()
    final_text = squash(pdftotext(tmp_path / "final.pdf"))
    assert "公示期间收到的异议已全部处理：异议不成立。" in final_text and "经核对签到表原件，培训量属实" in final_text
    listed = run_cli("journal", str(path))
    assert "public notice" in listed.stdout and "print" in listed.stdout
    report = run_cli("upward", str(path), "--docx", str(tmp_path / "r.docx"), "--pdf", str(tmp_path / "r.pdf"))
    assert str(tmp_path / "r.docx") in report.stdout
    assert docx.Document(str(tmp_path / "r.docx")).paragraphs[0].text == "评审报告（推荐申报报告）"


def test_libreoffice_writer_opens_the_word_file_and_lays_it_out(day, tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Writer is needed: ./dev test installs libreoffice-writer-nogui"
    path = upward.write_docx(day.result, tmp_path / "report.docx", session=day.session, today=D("2025-10-10"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(path)], check=True,
                   capture_output=True, timeout=300)
    text = squash(pdftotext(tmp_path / "lo" / "report.pdf"))
    for heading in upward.SECTIONS:
        assert squash(heading) in text
    assert "张伟为评审组长（由专家组推选）" in text and "经核对签到表原件，培训量属实" in text
    assert len(pngs(tmp_path / "lo" / "report.pdf", tmp_path / "png")) >= 3
