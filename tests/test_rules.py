"""The merge's rules, each checked against the sentence of the document it comes from (quoted in the test).

Seeds: ../shared/seeds (000 Longgang call, 003 Chongqing call, 004 Shenzhen rubrics);
财政部令第87号: ../shared/references/mof-order-87-excerpt.md. Figures are worked out by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal as D

from app.merge import merge, record_inspection
from app.scorefile import ScoreFile
from tests import scoring
from tests.test_merge import hand_in, make_session, one, tie_rubric

STUDIO = "技能大师工作室"
OFFLINE = {"delivery": "线下", "scope": "普通基地", "applicant_kind": "企业"}


def test_a_document_sentence_is_quoted_where_it_is_relied_on(seeds_dir):
    """The sentences below are the documents' own; if a seed changes, these tests must be read again."""
    text = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("00*.txt")}
    assert "同等条件下，对有下列情形之一的申报对象予以倾斜" in text["003"]
    assert "按照分数高低，依次进行实地考察" in text["000"]
    assert "若不满足,则不进入后续评分流程" in text["004"]


# --------------------------------------------------------------------------- priority conditions: any one


def test_any_one_priority_condition_is_enough(tmp_path):
    """003 四（二）: "同等条件下，对有下列情形之一的申报对象予以倾斜" — one met counts as much as two."""
    apps = [("A1", "test-studio"), ("A2", "test-studio"), ("A3", "test-studio")]
    s = make_session(tmp_path, apps, experts=3, rubric_text=tie_rubric())
    # equal totals and equal tie-break sections; A1 meets P1 and P2, A2 meets P1 only, A3 none
    same = {"total": 90, "fixed": {"S4.3": 10}}
    marks = {"A1": {**same, "answers": {"P1": "yes", "P2": "yes"}}, "A2": {**same, "answers": {"P1": "yes"}},
             "A3": same}
    r = merge(s, hand_in(s, tmp_path / "in", {e: dict(marks) for e in ("E01", "E02", "E03")}),
              out=tmp_path / "r.prresult")
    got = {a.id: (a.rank, a.tied, a.priority_met) for a in r.applicants}
    assert got == {"A1": (1, True, ["P1", "P2"]), "A2": (1, True, ["P1"]), "A3": (3, False, [])}


# --------------------------------------------------------------------------- gates: a minority "no"


def test_a_minority_no_at_a_section_gate_never_costs_points(tmp_path):
    """004 (training base, 线下): the gate "若不满足,则不进入后续评分流程" stops only the expert who said no.

    Four of five experts find S2a.G met and give 100; the fifth says no and so gives nothing for
    what the gate stops. The panel found the gate met, so the consensus of the stopped parts and
    of the total is taken over the four (100.00), not (4 × 100 + 10) / 5 = 82.00.
    """
    s = make_session(tmp_path, [("T1", "sz-training-base"), ("T2", "sz-training-base")], experts=5,
                     profile=OFFLINE)
    folder = tmp_path / "in"
    files = []
    for k in range(1, 6):
        eid = f"E{k:02d}"
        path = folder / f"{eid}.prscore"
        folder.mkdir(exist_ok=True)
        with ScoreFile.create(path, s, eid) as sf:
            answers = {"S2a.G": "no"} if eid == "E05" else None
            scoring.fill(sf, "T1", answers=answers)
            scoring.fill(sf, "T2", points=lambda item, k: item.allowed.max if item.section != "S5" else
                         min(b.low for b in item.allowed.bands))
            sf.submit()
        files.append(path)
    r = merge(s, files, out=tmp_path / "r.prresult")
    t1 = one(r, "T1")
    assert t1.eligible and t1.status == "ranked"
    # the rubric reads "不进入后续评分流程" as every criterion after the gate (stops: following)
    assert t1.scores["E05"].missing == ["S2a.1", "S2a.2", "S3.1", "S3.2", "S4.1", "S4.2", "S4.3", "S5.1", "S5.2",
                                        "S6.1", "S6.2"]
    assert t1.total == D("100.00") and t1.sections["S2a"] == D("30.00") and t1.sections["S6"] == D("15.00")
    # what E05 did score still counts: S1 (组织管理, 10) is taken over all five
    assert t1.sections["S1"] == D("10.00") and t1.scores["E05"].total == D(10)
    dissent = [f for f in t1.flags if f.kind == "gate_dissent"]
    assert [(f.expert_id, f.criterion_id) for f in dissent] == [("E05", "S2a.G")]
    assert "re-check" in dissent[0].detail
    assert not [f for f in t1.flags if f.kind == "outlier_total"]  # an incomplete total is a dissent, no outlier
    assert t1.rank == 1 and one(r, "T2").rank == 2


def test_a_gate_the_panel_finds_not_met_still_stops_the_applicant(tmp_path):
    """The same gate, answered no by three of five: not met, the applicant is ineligible."""
    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=5, profile=OFFLINE)
    folder = tmp_path / "in"
    files = [scoring.submitted_file(s, folder / f"E{k:02d}.prscore", f"E{k:02d}",
                                    answers={"T1": {"S2a.G": "no"}} if k <= 3 else None) for k in range(1, 6)]
    t1 = one(merge(s, files, out=tmp_path / "r.prresult"), "T1")
    assert t1.status == "ineligible" and t1.failed == ["S2a.G"]


# --------------------------------------------------------------------------- panel size


def test_an_applicant_scored_by_two_experts_is_ranked_with_a_warning(tmp_path):
    """No seed sets a minimum number of experts per applicant, so none is applied unless the secretary sets one;
    财政部令第87号 第四十七条 "成员人数应当为5人以上单数" and 第四十九条 (made up again after recusals) are warned about."""
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=5)
    plan = {"E01": {"A1": 90, "A2": 80}, "E02": {"A1": 90, "A2": 80}, "E03": {"A1": "recuse", "A2": 80},
            "E04": {"A1": "recuse", "A2": 80}, "E05": {"A1": "recuse", "A2": 80}}
    out = tmp_path / "r.prresult"
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=out)
    a1 = one(r, "A1")
    assert a1.status == "ranked" and a1.rank == 1 and a1.experts_scored == ["E01", "E02"]
    assert [f.kind for f in a1.flags] == ["panel_size"]
    assert "第四十七条" in a1.flags[0].detail
    assert r.warnings == []  # the panel itself has 5 experts
    r = record_inspection(out, "A1", passed=True)  # and it can be inspected
    assert one(r, "A1").status == "candidate"


def test_a_panel_of_four_is_warned_about(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=4)
    r = merge(s, hand_in(s, tmp_path / "in", {f"E0{k}": {"A1": 80} for k in range(1, 5)}),
              out=tmp_path / "r.prresult")
    assert [w.template for w in r.warnings] == [
        "the panel has {count} experts whose files were merged; 财政部令第87号 第四十七条 asks for {min} or more, "
        "an odd number"]
    assert one(r, "A1").rank == 1 and not one(r, "A1").flags


# --------------------------------------------------------------------------- recommendations


def test_an_applicant_no_expert_recommends_is_flagged(tmp_path):
    """财政部令第87号 第六十一条: "按照少数服从多数的原则作出结论" — without a majority's recommendation, a warning."""
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=5)
    plan = {f"E0{k}": {"A1": {"total": 95, "decision": "negative"}, "A2": 80} for k in range(1, 6)}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    a1 = one(r, "A1")
    assert a1.recommendations == {"yes": 0, "no": 5}
    assert [f.kind for f in a1.flags] == ["not_recommended"] and a1.rank == 1  # advisory by default
    assert "only 0 of 5 experts recommend" in a1.flags[0].detail


def test_recommendation_rule_majority_keeps_it_off_the_ranking(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=5,
                     settings={"recommendation_rule": "majority"})
    plan = {f"E0{k}": {"A1": {"total": 95, "decision": "negative" if k <= 3 else "positive"}, "A2": 80}
            for k in range(1, 6)}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    # 2 of 5 recommend: not more than half
    assert one(r, "A1").status == "not_recommended" and one(r, "A1").rank is None
    assert one(r, "A2").rank == 1


# --------------------------------------------------------------------------- round trip


def test_the_new_rules_survive_the_result_file(tmp_path):
    from app.resultfile import load_result

    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=4, profile=OFFLINE)
    files = [scoring.submitted_file(s, tmp_path / "in" / f"E0{k}.prscore", f"E0{k}",
                                    answers={"T1": {"S2a.G": "no"}} if k == 4 else None) for k in range(1, 5)]
    out = tmp_path / "r.prresult"
    r = merge(s, files, out=out)
    assert load_result(out) == r
    assert one(load_result(out), "T1").scores["E04"].missing == one(r, "T1").scores["E04"].missing != []


# --------------------------------------------------------------------------- what the paper says


def pdftext(path) -> str:
    import re
    import subprocess

    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", "", out)


def test_printed_candidate_list_shows_the_tie_for_the_last_place_and_two_decimals(tmp_path):
    """000 四: "技能大师工作室不超过2家"; two applicants tied for the second place both pass inspection:
    the list holds one name and must say who is tied (the panel decides), with totals as the export writes them."""
    from app import sheets

    apps = [(f"A{k}", "sz-master-studio") for k in range(1, 4)]
    s = make_session(tmp_path, apps, experts=3, quotas={STUDIO: 2})
    # A1: (95 + 94 + 94) / 3 = 94.33; A2 and A3: 90 each → tied for rank 2
    plan = {"E01": {"A1": 95, "A2": 90, "A3": 90}, "E02": {"A1": 94, "A2": 90, "A3": 90},
            "E03": {"A1": 94, "A2": 90, "A3": 90}}
    out = tmp_path / "r.prresult"
    merge(s, hand_in(s, tmp_path / "in", plan), out=out)
    for aid in ("A1", "A2", "A3"):
        r = record_inspection(out, aid, passed=True)
    assert r.categories[0].candidates == ["A1"] and r.categories[0].boundary_tie == ["A2", "A3"]
    text = pdftext(sheets.candidate_list(r, tmp_path / "c.pdf"))
    assert "94.33" in text and "名额边界并列，须由评审专家组研究确定" in text
    assert "A2测试单位（并列第2名，90.00分）" in text and "A3测试单位（并列第2名，90.00分）" in text


def test_printed_summary_states_the_rules_in_force(tmp_path):
    """Where the documents are silent the secretary chose; the summary prints every such choice."""
    from app import sheets

    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=4, method="trimmed_mean",
                     settings={"min_experts": 3, "recommendation_rule": "majority"})
    r = merge(s, hand_in(s, tmp_path / "in", {f"E0{k}": {"A1": 80} for k in range(1, 5)}),
              out=tmp_path / "r.prresult")
    text = pdftext(sheets.panel_summary(r, tmp_path / "s.pdf"))
    for needed in ("去掉一个最高分和一个最低分后的平均值（评分专家不少于5人时适用", "最高分或最低分有多个相同时只去掉一个",
                   "各部分得分之和与总分可能相差0.01", "过半数专家认为满足即为满足", "满足其中任一项即为满足",
                   "每个申报单位的最少评分专家数：3人", "多数专家未建议认定的不参加排名",
                   "提示：已汇总评分文件的评审专家为4人；财政部令第87号第四十七条要求5人以上单数"):
        assert needed in text, needed


# --------------------------------------------------------------------------- quotas as the calls write them


def votes(plan: dict[str, int], experts: int = 5) -> dict[str, dict]:
    """{expert: {applicant: decision}} so that applicant X gets plan[X] positive recommendations."""
    return {f"E0{k}": {aid: {"decision": "positive" if k <= n else "negative"} for aid, n in plan.items()}
            for k in range(1, experts + 1)}


def test_chongqing_national_quota_over_two_grades_at_once(tmp_path):
    """003 二（一）: "遴选3个国家级高技能人才培训基地，分为A、B、C、D四个档次…其中A或B共2个、C或D共1个"."""
    apps = [("NA1", "cq-national-training-base", "A"), ("NB1", "cq-national-training-base", "B"),
            ("NB2", "cq-national-training-base", "B"), ("NC1", "cq-national-training-base", "C"),
            ("ND1", "cq-national-training-base", "D")]
    s = make_session(tmp_path, apps, experts=5, quotas=["A+B=2", "C+D=1"],
                     create_settings={"field_inspection": "none"})
    assert [q.text() for q in s.quota_groups] == ["A+B=2", "C+D=1"]
    # votes: NA1 3, NB1 5, NB2 4 → A or B: NB1, NB2; NC1 2, ND1 4 → C or D: ND1
    r = merge(s, hand_in(s, tmp_path / "in", votes({"NA1": 3, "NB1": 5, "NB2": 4, "NC1": 2, "ND1": 4})),
              out=tmp_path / "r.prresult")
    ab, cd = r.categories
    assert (ab.name, ab.members, ab.quota, ab.candidates) == ("A或B", ["A", "B"], 2, ["NB1", "NB2"])
    assert (cd.name, cd.candidates) == ("C或D", ["ND1"])
    # one ranking across the grades a quota covers
    assert [(a.id, a.rank) for a in r.applicants] == [("NA1", 3), ("NB1", 1), ("NB2", 2), ("NC1", 2), ("ND1", 1)]


def test_chongqing_city_tiers_split_by_category_with_reserve_lists(tmp_path):
    """003 二（二）: "资金补助类。新建8个…其中国际合作类2个…" and "命名支持类。命名建设8个…其中国际合作类2个…";
    五（二）: "确定…市级资金补助类、命名支持类高技能人才培训基地拟入选和备选单位名单"."""
    apps = [(f"I{k}", "cq-city-training-base", "国际合作类") for k in range(1, 7)]
    quotas = ["资金补助类:国际合作类=2/1", "命名支持类:国际合作类=2/1"]
    s = make_session(tmp_path, apps, experts=5, quotas=quotas, create_settings={"field_inspection": "none"})
    # votes 5, 4, 3, 2, 1, 0 → ranks 1..6
    r = merge(s, hand_in(s, tmp_path / "in", votes({f"I{k}": 6 - k for k in range(1, 7)})),
              out=tmp_path / "r.prresult")
    funded, named = r.categories
    assert (funded.tier, funded.candidates, funded.reserves) == ("资金补助类", ["I1", "I2"], ["I3"])
    # the second tier takes from those the first did not make candidates
    assert (named.tier, named.candidates, named.reserves) == ("命名支持类", ["I3", "I4"], ["I5"])
    status = {a.id: a.status for a in r.applicants}
    assert status == {"I1": "candidate", "I2": "candidate", "I3": "candidate", "I4": "candidate",
                      "I5": "reserve", "I6": "ranked"}
    # 003 does not say whether I3 may stand on the funded reserve list and among the named candidates: a flag
    assert [f.detail for a in r.applicants for f in a.flags if f.kind == "double_listed"] == [
        "on the reserve list of 资金补助类·国际合作类 and a candidate of 命名支持类·国际合作类: the documents do not "
        "say whether both can stand; the panel decides"]
    from app import sheets

    listing = pdftext(sheets.candidate_list(r, tmp_path / "c.pdf"))
    assert "一、资金补助类·国际合作类（认定名额2个，备选1个）" in listing
    assert "二、命名支持类·国际合作类（认定名额2个，备选1个）" in listing
    assert listing.index("I3测试单位") < listing.index("二、命名支持类")  # I3 is first on the funded reserve list
    summary = pdftext(sheets.panel_summary(r, tmp_path / "s.pdf"))
    assert "一、国际合作类：资金补助类（认定名额2个，备选1个）；命名支持类（认定名额2个，备选1个）" in summary
    assert "I1测试单位〔资金补助类候选〕" in summary and "I3测试单位〔命名支持类候选〕" in summary
    assert "I5测试单位〔命名支持类备选〕" in summary


def test_a_reserve_list_waits_for_inspections_where_they_are_required(tmp_path):
    """000 五（三）: "按照分数高低，依次进行实地考察" — the reserve list, like the candidates, never skips a rank."""
    apps = [(f"A{k}", "sz-master-studio") for k in range(1, 5)]
    s = make_session(tmp_path, apps, experts=3, quotas=[f"{STUDIO}=1/1"])
    out = tmp_path / "r.prresult"
    merge(s, hand_in(s, tmp_path / "in", {e: {"A1": 95, "A2": 90, "A3": 85, "A4": 80} for e in ("E01", "E02", "E03")}),
          out=out)
    r = record_inspection(out, "A1", passed=True)
    cat = r.categories[0]
    assert (cat.candidates, cat.reserves, cat.awaiting) == (["A1"], [], ["A2"])
    r = record_inspection(out, "A2", passed=False)
    r = record_inspection(out, "A3", passed=True)
    cat = r.categories[0]
    assert (cat.candidates, cat.reserves, cat.awaiting) == (["A1"], ["A3"], [])


def test_quota_written_forms_are_checked():
    import pytest

    from app.errors import SessionError
    from app.quota import Quota, parse

    assert parse("资金补助类：国际合作类=2/1") == Quota(("国际合作类",), 2, "资金补助类", 1)
    assert parse("A+B=2").text() == "A+B=2"
    for bad, says in (("A=", "whole number"), ("A+A=2", "named once"), ("A=2/x", "whole number"), ("A", "written")):
        with pytest.raises(SessionError, match=says):
            parse(bad)


def test_the_chongqing_demo_goes_through_merge_inspection_and_the_candidate_list(tmp_path):
    """The Chongqing demo tables (003): national grades under A+B and C+D, city tiers split 2/3/3 with reserves."""
    from app import demo, sheets

    s = demo.build(tmp_path / "cq", source=demo.source("chongqing"), page_limit=1)
    assert s.settings["field_inspection"] == "none"
    # five experts; each applicant's votes are its position from the end of its category (most first)
    order = {"N02": 5, "N03": 4, "N01": 3, "N05": 4, "N04": 2,
             "G01": 5, "G02": 5, "G03": 4, "G04": 3, "G05": 1, "D01": 5, "D02": 4, "D03": 3, "D04": 2,
             "Q01": 5, "Q02": 4, "Q03": 3}
    files = [scoring.submitted_file(s, tmp_path / "in" / f"E0{k}.prscore", f"E0{k}",
                                    decisions={aid: "positive" if k <= n else "negative" for aid, n in order.items()})
             for k in range(1, 6)]
    out = tmp_path / "r.prresult"
    r = merge(s, files, out=out)
    lists = {c.label: (c.candidates, c.reserves) for c in r.categories}
    assert lists["A或B"] == (["N02", "N03"], [])          # 5 and 4 votes; N01 (A, 3) is third
    assert lists["C或D"] == (["N05"], [])                 # D with 4 before C with 2
    assert lists["资金补助类·国际合作类"] == (["G01", "G02"], ["G03"])  # G01 and G02 tied at 5: both fit
    assert lists["命名支持类·国际合作类"] == (["G03", "G04"], ["G05"])
    assert lists["资金补助类·数字技能类"] == (["D01", "D02", "D03"], ["D04"])
    assert lists["命名支持类·数字技能类"] == (["D04"], [])
    assert lists["资金补助类·其他类"] == (["Q01", "Q02", "Q03"], [])
    # an inspection the secretary records anyway counts when it fails: G02 drops out, G03 moves up
    r = record_inspection(out, "G02", passed=False, note="场地与申报材料不符")
    lists = {c.label: (c.candidates, c.reserves) for c in r.categories}
    assert lists["资金补助类·国际合作类"] == (["G01", "G03"], ["G04"])
    text = pdftext(sheets.candidate_list(r, tmp_path / "c.pdf"))
    for needed in ("A或B（认定名额2个）", "资金补助类·国际合作类（认定名额2个，备选1个）", "重庆市两江新区国际技能合作基地"):
        assert needed in text, needed


# --------------------------------------------------------------------------- "meets none of the levels"


def test_zero_only_where_the_rubric_writes_it_or_as_none_of_the_levels(tmp_path, seeds_dir):
    """004 writes "记0分" for training-base 1.2 (3) only ("基地管理制度没有涵盖培训、师资、学员、安全方面,记0分"):
    elsewhere 0 is not a band. Typed 0 is refused; "none of the levels" is its own answer, kept and printed."""
    import pytest

    from app.errors import ScoreError
    from app.rubric import NONE_LEVEL

    assert "基地管理制度没有涵盖培训、师资、学员、安全方面,记0分" in (seeds_dir / "004_67d23fd4c36d1734.txt").read_text(
        encoding="utf-8")
    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=1, profile=OFFLINE)
    with ScoreFile.create(tmp_path / "E01.prscore", s, "E01") as sf:
        assert sf.set_points("T1", "S1.2", 0) == 0  # the band "记0分" exists
        with pytest.raises(ScoreError, match="none of its levels"):
            sf.set_points("T1", "S1.1", 0)  # 记4分 / 记1-3分: no 0
        sf.set_points("T1", "S1.1", 0, level=NONE_LEVEL)
        assert sf.answer("T1", "S1.1") == "0" and sf.levels("T1")["S1.1"] == NONE_LEVEL
        with pytest.raises(ScoreError, match="does not apply"):
            sf.set_points("T1", "S1.2", 0, level=NONE_LEVEL)  # it has a 0 level of its own


def test_a_session_can_refuse_none_of_the_levels(tmp_path):
    import pytest

    from app.errors import ScoreError
    from app.rubric import NONE_LEVEL

    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=1, profile=OFFLINE,
                     create_settings={"none_of_levels": "refused"})
    with ScoreFile.create(tmp_path / "E01.prscore", s, "E01") as sf:
        with pytest.raises(ScoreError, match="does not allow"):
            sf.set_points("T1", "S1.1", 0, level=NONE_LEVEL)


def test_none_of_the_levels_is_printed_as_such(tmp_path):
    """The explicit answer reads 无符合档次 on the signed opinion sheet and the score sheet, not a bare 0."""
    from app import sheets
    from app.rubric import NONE_LEVEL

    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=1, profile=OFFLINE)
    path = tmp_path / "E01.prscore"
    with ScoreFile.create(path, s, "E01") as sf:
        sf.set_points("T1", "S1.1", 0, level=NONE_LEVEL)
        scoring.fill(sf, "T1")
        sf.submit()
    with ScoreFile.open(path, readonly=True) as sf:
        opinion = pdftext(sheets.opinion_sheet(sf, "T1", tmp_path / "o.pdf"))
        score = pdftext(sheets.score_sheet(sf, "高技能人才培训基地", tmp_path / "s.pdf"))
    assert "无符合档次0" in opinion and "无符合档次0" in score


def test_a_result_file_of_the_first_schema_still_opens(tmp_path):
    """0.1 wrote schema 1: no `missing` column, categories without tier, members or reserve lists."""
    import sqlite3

    from app.resultfile import load_result

    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3, quotas={STUDIO: 1})
    out = tmp_path / "r.prresult"
    r = merge(s, hand_in(s, tmp_path / "in", {f"E0{k}": {"A1": 80} for k in range(1, 4)}), out=out)
    con = sqlite3.connect(out)
    with con:
        con.execute("alter table expert_applicants drop column missing")
        for col in ("tier", "members", "reserve", "reserves", "reserve_tie"):
            con.execute(f"alter table categories drop column {col}")
        con.execute("update meta set value = '1' where key = 'schema'")
    con.close()
    old = load_result(out)
    assert old.categories[0].members == [STUDIO] and old.categories[0].awaiting == ["A1"]
    assert one(old, "A1").total == one(r, "A1").total and one(old, "A1").scores["E01"].missing == []
