"""Objections to the public notice: received, decided with a reason (成立 / 不成立), the round it caused, the final
list only after "公示无异议或者异议不成立"; the objection file traces every number."""

from __future__ import annotations

import datetime as dt

import pymupdf
import pytest

from app import journal, notice, objectionfile, objections
from app.errors import MergeError, RecordError
from app.resultfile import load_result
from panelday import build_day, pdftotext, pngs, squash
from test_pdfa import pdfa_problems

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def day(demo_session, tmp_path_factory):
    return build_day(demo_session, tmp_path_factory.mktemp("objections"))


@pytest.fixture
def path(day, tmp_path):
    p = tmp_path / "result.sqlite"
    p.write_bytes(day.result_path.read_bytes())
    return p


def test_the_basis_is_the_documents_sentence(seeds_dir):
    text = (seeds_dir / "000_adc06df6534c35e3.txt").read_text()
    assert "公示无异议或者异议不成立的，我局将候选名单书面报市人力资源保障局" in text
    assert "公示无异议或者异议不成立的，我局将候选名单书面报市人力资源保障局" in objections.__doc__


def test_an_objection_not_upheld_lets_the_list_go_up_after_the_period(path):
    result = load_result(path)
    notice.record(path, result, notice.period(D("2025-09-26")))  # ends Thu 2025-10-09 (test_notice)
    o = objections.add(path, result, by="深圳市某职业培训学校", applicant_id="T01", about="培训量统计不实",
                       received="2025-09-29T10:30")
    assert o.id == "Y1" and o.open
    not_yet = objections.final_list(path, result, today=D("2025-10-10"))
    assert not not_yet.ready and any("Y1" in str(r) for r in not_yet.reasons)
    objections.decide(path, result, "Y1", upheld=False, reason="经核对签到表原件，培训量属实")
    during = objections.final_list(path, result, today=D("2025-10-09"))
    assert not during.ready and "2025-10-09" in str(during.reasons[0])  # the period's last day is still in it
    final = objections.final_list(path, result, today=D("2025-10-10"))
    assert final.ready and final.reasons == [] and final.warnings == []
    assert final.lists == notice.published_lists(result)
    assert [e.action for e in journal.entries(path)][-3:] == [journal.NOTICE, journal.OBJECTION,
                                                              journal.OBJECTION_DECIDED]


def test_a_decision_needs_a_reason_and_is_never_changed(path):
    result = load_result(path)
    objections.add(path, result, by="张三", applicant_id="T02", about="场地面积不足")
    with pytest.raises(RecordError, match="reason"):
        objections.decide(path, result, "Y1", upheld=True, reason=" ")
    objections.decide(path, result, "Y1", upheld=True, reason="实地复核面积不足500平方米")
    with pytest.raises(RecordError, match="already decided"):
        objections.decide(path, result, "Y1", upheld=False, reason="改变主意")
    assert objections.get(path, "Y1").decision == objections.UPHELD
    with pytest.raises(RecordError):
        objections.add(path, result, by="", applicant_id="T02", about="x")
    with pytest.raises(MergeError):
        objections.add(path, result, by="李四", applicant_id="NOPE", about="x")
    with pytest.raises(RecordError):
        objections.add(path, result, by="李四", applicant_id="T02", about="x", received="昨天")
    assert len(objections.objections(path)) == 1


def test_an_upheld_objection_holds_the_list_until_its_re_check_round_is_named(path):
    result = load_result(path)
    notice.record(path, result, notice.period(D("2025-09-26")))
    objections.add(path, result, by="张三", applicant_id="T02", about="场地面积不足", received="2025-09-30")
    objections.decide(path, result, "Y1", upheld=True, reason="场地面积与申报不符，请专家复核")
    final = objections.final_list(path, result, today=D("2025-10-20"))
    assert not final.ready and "re-check" in str(final.reasons[0])
    with pytest.raises(RecordError, match="round 2"):
        objections.link_round(path, result, "Y1", 2)  # every merged file is still in round 1
    assert objections.get(path, "Y1").round is None


def test_the_objection_file_traces_every_number(day, tmp_path):
    result = day.result
    a = result.applicant("T01")
    pdf = objectionfile.write(result, day.session, "T01", tmp_path / "T01.pdf")
    text = squash(pdftotext(pdf))
    assert "异议答复材料" in text and squash(a.name) in text
    for f in result.accepted:  # the fingerprints on each expert's signed sheet
        assert f.fingerprint in text
    for e in day.session.experts:
        assert squash(e.name) in text
    assert "组织架构图清楚" in text  # E01's comment on S1.1
    assert "共识分计算方法" in text  # the rule
    cited = next(m for m in day.session.materials("T01") if m.material)
    assert cited.sha256 in text.replace("\n", "")
    with pymupdf.open(pdf) as doc:
        assert sum(len(p.get_images()) for p in doc) == 1  # E01's one cited page, drawn small
    assert pngs(pdf, tmp_path / "png")
    assert pdfa_problems(pdf) == []  # the page images too (no transparency)
