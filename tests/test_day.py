"""A whole review day on the demo, as the documents run it, without a window.

Sign-in and pledges, the leader the panel elects, scoring, merge, a re-check of an outlier and of an
objective inconsistency with reasons (财政部令第87号 第六十四条), a second merge, field inspections,
candidate and reserve lists, the 评审报告, a 公示 over National Day 2025, an objection upheld that causes a
re-check, and the final list ("公示无异议或者异议不成立" → 〔000〕五（四）). Every PDF is read back with pdftotext.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import docx

from app import journal, merge, notice, objectionfile, objections, panel, panelsheets, recheck, upward
from app import vocabulary as words
from app.resultfile import load_result
from app.scorefile import ScoreFile
from panelday import pdftotext, score_files, squash

D = dt.date.fromisoformat


def _recheck(session, result_path, expert_id: str, targets, stick, reason: str) -> None:
    """Ask `expert_id` about `targets`; the expert gives each its highest answer with `reason`, and submits."""
    from conftest import run_cli

    # the secretary writes the request from the command line (logged in the journal) onto the stick
    run = run_cli("recheck", "request", str(result_path), "--expert", expert_id, "--out", str(stick),
                  "--item", *[f"{a}:{i}" for a, i in targets])
    request = run.stdout.strip().splitlines()[-1]
    with ScoreFile.open(stick.parent / "files" / f"{expert_id}.prscore") as sf:
        recheck.answer(sf, request, session=session)
        for aid, item_id in targets:
            item = sf.items(aid)[item_id]
            before = sf.answer(aid, item_id)
            if item.takes_points:
                sf.set_points(aid, item_id, item.allowed.max)
            else:
                sf.set_answer(aid, item_id, words.YES)
            if sf.answer(aid, item_id) == before:
                sf.round_confirm(aid, item_id)  # asked and unchanged: confirmed
            else:
                sf.round_reason(aid, item_id, reason)
        sf.submit()


def test_a_whole_day(demo_session, tmp_path):
    s = demo_session
    path = tmp_path / "result.sqlite"
    stick = tmp_path / "stick"
    stick.mkdir()

    # morning: the sign-in sheet and the pledges, then the panel elects its leader (before anything is scored)
    sign_in = panelsheets.sign_in(s, tmp_path / "signin.pdf")
    pledges = panelsheets.pledges(s, tmp_path / "pledges.pdf")
    assert all(squash(e.name) in squash(pdftotext(sign_in)) for e in s.experts)
    assert squash(pdftotext(pledges)).count("承诺人（签名）") == len(s.experts)
    panel.record_leader(path, s, "E03")

    # scoring and the first merge: E05 gives every item its lowest points
    score_files(s, tmp_path / "files")
    first = merge.merge(s, [tmp_path / "files"], out=path)
    assert panel.record(path).leader.name == "张伟"
    props = recheck.propose(first)
    outlier = next(p for p in props if p.kind == words.OUTLIER_TOTAL and p.expert_id == "E05" and p.applicant_id == "T01")
    objective = next(p for p in props if p.kind == words.OBJECTIVE_INCONSISTENT and p.expert_id == "E05"
                     and p.applicant_id != "T01")
    asked = outlier.targets[:2] + objective.targets[:1]
    _recheck(s, path, "E05", asked, stick, "复核材料后按评审细则重新认定")

    # the second merge shows the round, the changes and their reasons
    second = merge.merge(s, [tmp_path / "files"], out=path)
    assert {f.expert_id: f.round for f in second.accepted}["E05"] == 2
    changed = {(c.applicant_id, c.target_id): c for c in second.changes if c.expert_id == "E05"}
    for target in asked:
        assert changed[target].reason == "复核材料后按评审细则重新认定" and changed[target].round_to == 2

    # field inspections fill the candidate and reserve lists
    for aid in ("T01", "T02", "T03", "T04", "M01", "R01"):
        merge.record_inspection(path, aid, passed=True, note="场地属实")
    merge.record_inspection(path, "M02", passed=False, note="工作室场地与申报不符")
    result = load_result(path)
    listed = {c.label: c.candidates for c in result.categories}
    assert listed["技能大师工作室"] == ["M01"] and listed["乡村振兴技能工作站"] == ["R01"]
    assert "T01" in listed["高技能人才培训基地"]

    # the report upward and the public notice over National Day (国办发明电〔2024〕12号: 1–8 October rest,
    # Sun 28 September a working day): from Fri 26 September the fifth working day is Thu 9 October
    report = upward.write_pdf(result, tmp_path / "report.pdf", session=s)
    text = squash(pdftotext(report))
    for element in ("项目推荐情况", "评审专家组成", "评审程序", "评审方法", "评审结果", "公示情况", "联系人",
                    "不符合条件的申报单位及原因", "实地考察情况", "候选名单和备选名单", "评审专家变更情况"):
        assert element in text
    assert "复核材料后按评审细则重新认定" in text and "第1轮、第2轮" in text
    n = notice.record(path, result, notice.period(D("2025-09-26")))
    assert n.end == "2025-10-09" and "2025-09-28" in n.days
    notice_pdf = upward.write_notice(result, n, tmp_path / "notice.pdf")
    assert squash("2025年9月26日至2025年10月9日（5个工作日）") in squash(pdftotext(notice_pdf))

    # an objection upheld: it causes a re-check of E01 on T02, merged, and linked to its round
    o = objections.add(path, result, by="深圳市某职业培训学校", applicant_id="T02", about="师资数量与申报不符",
                       received="2025-09-30T09:15")
    objections.decide(path, result, o.id, upheld=True, reason="专家组复核认为师资数量评分须重新认定")
    assert not objections.final_list(path, result, today=D("2025-10-10")).ready  # no round named yet
    with ScoreFile.open(tmp_path / "files" / "E01.prscore", readonly=True) as sf:  # an item E01 scored below the top
        item = next(i.id for i in sf.items("T02").values()
                    if i.takes_points and sf.answer("T02", i.id) is not None
                    and Decimal(sf.answer("T02", i.id)) < i.allowed.max)
    _recheck(s, path, "E01", [("T02", item)], stick, "核对花名册后确认")
    third = merge.merge(s, [tmp_path / "files"], out=path)
    objections.link_round(path, third, o.id, 2)
    assert not objections.final_list(path, third, today=D("2025-10-09")).ready  # the notice's last day
    final = objections.final_list(path, third, today=D("2025-10-10"))
    assert final.ready, [str(r) for r in final.reasons]
    final_pdf = upward.write_final(third, final, tmp_path / "final.pdf")
    final_text = squash(pdftotext(final_pdf))
    assert "异议成立：专家组复核认为师资数量评分须重新认定" in final_text and "第2轮" in final_text

    # the objection file answers it with every expert's points, the reasons and the fingerprints
    file_pdf = objectionfile.write(third, s, "T02", tmp_path / "objection.pdf")
    file_text = squash(pdftotext(file_pdf))
    assert "核对花名册后确认" in file_text and "师资数量与申报不符" in file_text
    for f in third.accepted:
        assert f.fingerprint in file_text

    # the final report and its journal
    final_report = upward.write_docx(third, tmp_path / "report.docx", session=s, today=D("2025-10-10"))
    doc_text = squash("\n".join([p.text for p in docx.Document(str(final_report)).paragraphs]
                                + [c.text for t in docx.Document(str(final_report)).tables for r in t.rows
                                   for c in r.cells]))
    assert "成立的异议已经复核" in doc_text and "核对花名册后确认" in doc_text
    actions = [e.action for e in journal.entries(path)]
    assert actions.count(journal.MERGE) == 3 and actions.count(journal.INSPECTION) == 7
    assert actions[0] == journal.LEADER and journal.NOTICE in actions and journal.OBJECTION_DECIDED in actions
    assert actions.count(journal.RECHECK) == 2  # the outlier and objective items, then the objection's
