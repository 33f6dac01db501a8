"""Re-check rounds (复核): the flags of 财政部令第87号 第六十四条, the request, the round, the refusals, the merge."""

from __future__ import annotations

import hashlib
import json
import subprocess
from decimal import Decimal as D
from pathlib import Path

import pytest

from app import recheck
from app import vocabulary as words
from app.decision import objective
from app.errors import MergeError, RecheckError, ScoreError
from app.merge import merge
from app.resultfile import load_result
from app.scorefile import IncompleteError, ScoreFile
from app.sheets import build_panel_summary, settings_lines
from tests.test_merge import hand_in, make_session, one

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_64 = (ROOT.parent / "shared" / "references" / "mof-order-87-excerpt.md")
# 财政部令第87号 第六十四条, as the reference excerpt gives it: the four cases in which a result may change.
ART64_LEAD = "评标结果汇总完成后，除下列情形外，任何人不得修改评标结果："
ART64_BAND = "（二）分项评分超出评分标准范围的；"
ART64_OBJECTIVE = "（三）评标委员会成员对客观评审因素评分不一致的；"
ART64_OUTLIER = "（四）经评标委员会认定评分畸高、畸低的。"
ART64_RECORD = "评标报告签署前，经复核发现存在以上情形之一的，评标委员会应当当场修改评标结果，并在评标报告中记载"


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_article_64_is_quoted_from_the_reference():
    text = ARTICLE_64.read_text(encoding="utf-8")
    for sentence in (ART64_LEAD, ART64_BAND, ART64_OBJECTIVE, ART64_OUTLIER, ART64_RECORD):
        assert sentence in text


def panel(tmp_path, plan, *, settings=None, experts=5):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=experts, settings=settings)
    files = hand_in(s, tmp_path / "in", plan)
    return s, files, merge(s, files, out=tmp_path / "r.prresult")


# --------------------------------------------------------------------------- what is objective


def test_objective_items_are_read_from_the_item_types(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=1)
    items = {i.id: i for i in s.applied("A1").items()}
    # 005 S5.1: "记2分" / "记1分" — fixed-point levels: the expert says which fact holds
    assert objective(items["S5.1"])
    # basic conditions are yes/no facts
    assert objective(items["C1"])
    # a band asks for judgement: S4.1 "记5分" or "记2-4分", S1.1.1 a checklist item "记5-8分", S3.1 "记4-10分"
    assert not objective(items["S4.1"]) and not objective(items["S1.1.1"]) and not objective(items["S3.1"])


# --------------------------------------------------------------------------- the flags


def test_one_expert_off_on_an_objective_item_is_flagged_however_small_the_gap(tmp_path):
    """第六十四条（三）"评标委员会成员对客观评审因素评分不一致的": four experts give S5.1 2 points, one gives 1."""
    assert ART64_OBJECTIVE.strip("（三）；") in ARTICLE_64.read_text(encoding="utf-8")
    plan = {f"E0{k}": {"A1": 90} for k in range(1, 5)}
    plan["E05"] = {"A1": {"total": 89, "fixed": {"S5.1": 1}}}
    _s, _files, r = panel(tmp_path, plan)
    flags = [f for f in one(r, "A1").flags if f.kind == words.OBJECTIVE_INCONSISTENT]
    assert [(f.criterion_id, f.data["majority"], f.data["experts"], f.data["answers"]) for f in flags] == [
        ("S5.1", "2", ["E05"], {"2": 4, "1": 1})]
    # a spread of 1 is not more than half of S5.1's maximum 2: the old flag alone would have said nothing
    assert not [f for f in one(r, "A1").flags if f.kind == words.CRITERION_SPREAD and f.criterion_id == "S5.1"]
    assert "S5.1" in flags[0].detail and "E05" in flags[0].detail
    # and it survives the result file
    again = load_result(r.path)
    assert [f.data["experts"] for f in one(again, "A1").flags if f.kind == words.OBJECTIVE_INCONSISTENT] == [["E05"]]


def test_an_outlying_total_uses_the_session_threshold_printed_on_the_summary(tmp_path):
    """第六十四条（四）"经评标委员会认定评分畸高、畸低的": the documents set no threshold; the session's setting does."""
    plan = {"E01": {"A1": 90}, "E02": {"A1": 90}, "E03": {"A1": 88}, "E04": {"A1": 89}, "E05": {"A1": 78}}
    _s, _f, r = panel(tmp_path / "a", plan)  # default 15: 78 is 11.75 below the others' mean 89.25
    assert not [f for f in one(r, "A1").flags if f.kind == words.OUTLIER_TOTAL]
    _s, _f, r = panel(tmp_path / "b", plan, settings={"flag_total_threshold": 10})
    flags = [f for f in one(r, "A1").flags if f.kind == words.OUTLIER_TOTAL]
    assert [(f.expert_id, f.data["diff"], f.data["others"]) for f in flags] == [("E05", "-11.25", "89.25")]
    assert any("相差超过10分" in line for line in settings_lines(r))


def test_a_dissent_on_a_basic_condition_names_the_minority(tmp_path):
    """第六十一条"按照少数服从多数的原则作出结论。持不同意见的…应当…签署不同意见及理由"."""
    plan = {f"E0{k}": {"A1": 90} for k in range(1, 5)}
    plan["E05"] = {"A1": {"total": 90, "answers": {"C2": "no"}}}
    _s, _f, r = panel(tmp_path, plan)
    flags = [f for f in one(r, "A1").flags if f.kind == words.CONDITION_DISSENT]
    assert [(f.criterion_id, f.data["met"], f.data["experts"]) for f in flags] == [("C2", True, ["E05"])]
    assert one(r, "A1").eligible


# --------------------------------------------------------------------------- proposals and the request


def objective_panel(tmp_path):
    plan = {f"E0{k}": {"A1": 90} for k in range(1, 5)}
    plan["E05"] = {"A1": {"total": 89, "fixed": {"S5.1": 1}}}
    return panel(tmp_path, plan)


def test_proposals_follow_the_flags_and_the_request_names_nobody(tmp_path):
    s, files, r = objective_panel(tmp_path)
    props = recheck.propose(r)
    mine = [p for p in props if p.kind == words.OBJECTIVE_INCONSISTENT]
    assert [(p.expert_id, p.items, p.article, p.ticked) for p in mine] == [("E05", ("S5.1",), "第六十四条（三）", True)]
    path = recheck.issue(r.path, "E05", mine[0].targets, out_dir=tmp_path / "stick", note="请复核")
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["session_id"] == s.id and data["result_fingerprint"] == recheck.result_fingerprint(r)
    assert data["based_on"] == next(f.fingerprint for f in r.files if f.expert_id == "E05")
    assert data["items"][0]["spread"] == {"answered": 5, "counts": {"2": 4, "1": 1}, "low": "1", "median": "2",
                                          "high": "2"}
    for other in ("E01", "E02", "E03", "E04", "专家1", "专家2", "专家3", "专家4"):
        assert other not in text  # anonymised: never another expert's id or name
    assert [r_["id"] for r_ in recheck.issued(r.path)] == [data["id"]]


def test_a_request_for_an_unknown_item_or_a_recused_applicant_is_refused(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=3)
    files = hand_in(s, tmp_path / "in", {"E01": {"A1": 80, "A2": "recuse"}, "E02": {"A1": 80, "A2": 70},
                                         "E03": {"A1": 80, "A2": 70}})
    r = merge(s, files, out=tmp_path / "r.prresult")
    with pytest.raises(RecheckError, match="A1 has no item S9"):
        recheck.make_request(r, "E01", [("A1", "S9")])
    with pytest.raises(RecheckError, match="recused from A2"):
        recheck.make_request(r, "E01", [("A2", "S5.1")])
    with pytest.raises(RecheckError, match="no merged score file"):
        recheck.make_request(r, "E09", [("A1", "S5.1")])


# --------------------------------------------------------------------------- the round


def test_the_round_opens_only_what_was_asked_and_needs_a_reason_or_a_confirmation(tmp_path):
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1"), ("A1", "S4.1")], out_dir=tmp_path / "stick")
    path = files[4]
    with ScoreFile.open(path) as sf:
        first = sf.fingerprint
        assert recheck.answer(sf, req, session=s) == 2
        before = sf.canonical()
        with pytest.raises(ScoreError, match="S3.1 was not asked"):
            sf.set_points("A1", "S3.1", 10)
        with pytest.raises(ScoreError, match="recommendation was not asked"):
            sf.set_recommendation("A1", "negative")
        assert sf.canonical() == before  # a refused write leaves nothing
        sf.set_points("A1", "S5.1", 2)
        with pytest.raises(IncompleteError) as gaps:
            sf.submit()
        assert [(m.target_id, m.text) for m in gaps.value.missing] == [  # in the rubric's order
            ("S4.1", "confirm it unchanged, or change it"), ("S5.1", "give the reason for the change")]
        with pytest.raises(ScoreError, match="give the reason for the change instead"):
            sf.round_confirm("A1", "S5.1")
        sf.round_reason("A1", "S5.1", "复核佐证材料，带徒人数符合2分档")
        sf.round_confirm("A1", "S4.1")
        second = sf.submit()
        assert second != first and sf.verify().ok
        assert [x["round"] for x in sf.submitted_rounds()] == [1, 2]
    r2 = merge(s, files, out=tmp_path / "r.prresult")
    rows = [(c.expert_id, c.target_id, c.round_from, c.round_to, c.old, c.new, c.kind, c.reason)
            for c in one(r2, "A1").changes]
    assert rows == [("E05", "S5.1", 1, 2, "1", "2", words.CHANGED, "复核佐证材料，带徒人数符合2分档"),
                    ("E05", "S4.1", 1, 2, "5", "5", words.CONFIRMED, "")]
    assert one(r2, "A1").changes[0].request == json.loads(Path(req).read_text())["id"]
    # the objective inconsistency is gone; E05's total 89 → 90: (90·5)/5
    assert not [f for f in one(r2, "A1").flags if f.kind == words.OBJECTIVE_INCONSISTENT]
    assert one(r2, "A1").total == D("90.00")
    # the result file keeps the rounds
    kept = load_result(r2.path)
    assert [(c.target_id, c.kind, c.reason) for c in one(kept, "A1").changes] == [
        ("S5.1", words.CHANGED, "复核佐证材料，带徒人数符合2分档"), ("S4.1", words.CONFIRMED, "")]


def test_while_a_round_is_open_the_last_submitted_round_is_merged(tmp_path):
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, req)
        sf.set_points("A1", "S5.1", 2)
    r2 = merge(s, files, out=tmp_path / "r.prresult")
    f = next(f for f in r2.files if f.expert_id == "E05")
    assert f.accepted and f.round == 1
    assert one(r2, "A1").scores["E05"].answers["S5.1"].value == "1"
    assert any("E05: round 2 is still open; round 1, the last submitted, is merged" in str(w) for w in r2.warnings)


def test_an_expert_may_open_a_round_for_their_own_mistake_with_a_reason(tmp_path):
    s, files, r = objective_panel(tmp_path)
    with ScoreFile.open(files[0]) as sf:
        with pytest.raises(ScoreError, match="give the reason for opening a new round yourself"):
            recheck.open_own(sf, [("A1", "S3.1")], "  ")
        assert sf.submitted and sf.round == 1
        recheck.open_own(sf, [("A1", "S3.1")], "发现S3.1录入错误")
        sf.set_points("A1", "S3.1", 8)  # 9 in round 1 (a total of 90: S4.3 6, S3.1 9)
        sf.round_reason("A1", "S3.1", "应为8分")
        sf.submit()
    r2 = merge(s, files, out=tmp_path / "r.prresult")
    c = one(r2, "A1").changes[0]
    assert (c.expert_id, c.target_id, c.old, c.new, c.request, c.ground) == ("E01", "S3.1", "9", "8", "",
                                                                             "发现S3.1录入错误")


# --------------------------------------------------------------------------- refusals: nothing recorded changes


def test_a_request_from_another_session_is_refused_and_the_file_is_untouched(tmp_path):
    s, files, r = objective_panel(tmp_path / "one")
    _s2, _f2, r2 = objective_panel(tmp_path / "two")
    foreign = recheck.issue(r2.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    before = sha(files[4])
    with ScoreFile.open(files[4]) as sf:
        with pytest.raises(RecheckError, match="belongs to another session"):
            recheck.answer(sf, foreign, session=s)
        assert sf.submitted and sf.round == 1
    assert sha(files[4]) == before


@pytest.mark.parametrize("damage", ["garbage", "cut", "other_json", "no_items", "bad_spread", "utf16"])
def test_a_damaged_request_file_is_named_and_the_score_file_is_untouched(tmp_path, damage):
    """A .prrecheck that a USB stick mangled, cut off, or that is some other JSON: the message names the file
    and says what is wrong; the expert's file is byte for byte as it was."""
    s, files, r = objective_panel(tmp_path)
    good = recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    text = good.read_text(encoding="utf-8")
    bad = tmp_path / "stick" / "damaged.prrecheck"
    if damage == "garbage":
        bad.write_bytes(bytes(range(256)) * 4)
    elif damage == "cut":
        bad.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "other_json":
        bad.write_text(json.dumps({"kind": "something else", "items": []}), encoding="utf-8")
    elif damage == "utf16":
        bad.write_bytes(text.encode("utf-16"))
    else:
        data = json.loads(text)
        if damage == "no_items":
            del data["items"]
        else:
            data["items"][0]["spread"] = "wide"
        bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = sha(files[4])
    with ScoreFile.open(files[4]) as sf:
        with pytest.raises(RecheckError) as got:
            recheck.answer(sf, bad, session=s)
        assert sf.submitted and sf.round == 1
    message = str(got.value)
    assert str(bad) in message
    expected = {"no_items": "the re-check request is damaged: it has no “items”",
                "bad_spread": "the re-check request is damaged"}
    assert expected.get(damage, "not a PanelReview re-check request") in message
    assert sha(files[4]) == before


def test_a_request_for_another_expert_or_answered_twice_is_refused(tmp_path):
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    before = sha(files[0])
    with ScoreFile.open(files[0]) as sf, pytest.raises(RecheckError, match="for expert E05, not E01"):
        recheck.answer(sf, req)
    assert sha(files[0]) == before
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, req)
        sf.round_confirm("A1", "S5.1")
        sf.submit()
        after = sha(files[4])
    with ScoreFile.open(files[4]) as sf, pytest.raises(RecheckError, match="already answered"):
        recheck.answer(sf, req)
    assert sha(files[4]) == after


def test_after_the_result_is_finalised_nothing_is_asked_answered_or_merged(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=5)
    plan = {f"E0{k}": {"A1": 90} for k in range(1, 5)}
    plan["E05"] = {"A1": {"total": 89, "fixed": {"S5.1": 1}}}
    files = hand_in(s, tmp_path / "in", plan)
    r = merge(s, files)  # the session's own result file, which the expert's program can find
    req = recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    when = recheck.finalise(r.path, at="2025-07-02T10:00:00+08:00")
    assert recheck.finalised(r.path) == when
    result_before, file_before = sha(r.path), sha(files[4])
    with pytest.raises(RecheckError, match="finalised on 2025-07-02T10:00:00"):
        recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    with ScoreFile.open(files[4]) as sf, pytest.raises(RecheckError, match="can no longer be answered"):
        recheck.answer(sf, req, session=s)
    with pytest.raises(MergeError, match="finalised"):
        merge(s, files)
    assert sha(r.path) == result_before and sha(files[4]) == file_before


def test_a_round_changed_outside_its_request_is_refused_at_the_merge(tmp_path):
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1")], out_dir=tmp_path / "stick")
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, req)
        sf.round_confirm("A1", "S5.1")
        # written past the program (e.g. with an SQLite tool), then submitted: the fingerprint alone cannot tell
        sf.db.execute("update answers set value = '10' where applicant_id = 'A1' and item_id = 'S3.1'")
        sf.db.conn.commit()
        sf.submit()
    r2 = merge(s, files, out=tmp_path / "r2.prresult")
    f = next(f for f in r2.files if f.expert_id == "E05")
    assert not f.accepted and "A1 S3.1 changed although it was not asked" in f.reason


def rechecked(tmp_path):
    """The objective panel after E05's re-check round: S5.1 1 → 2 with a reason, S4.1 confirmed."""
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1"), ("A1", "S4.1")], out_dir=tmp_path / "stick")
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, req)
        sf.set_points("A1", "S5.1", 2)
        sf.round_reason("A1", "S5.1", "核实为2分")
        sf.round_confirm("A1", "S4.1")
        sf.submit()
    return s, files, r


def test_the_summary_prints_the_recheck_record(tmp_path):
    s, files, _r = rechecked(tmp_path)
    r2 = merge(s, files, out=tmp_path / "r.prresult")
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(build_panel_summary(r2))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "复核记录" in text
    flat = text.replace(" ", "")
    assert "S5.1第1轮→第2轮1→2核实为2分" in flat and "S4.1第1轮→第2轮复核确认不变" in flat


def test_a_wide_spread_on_a_subjective_criterion_is_proposed_unticked_to_the_odd_one_out(tmp_path):
    """第六十二条（四）: subjective scores are not negotiated; the lone low expert is asked to look for a mistake."""
    plan = {f"E0{k}": {"A1": 91} for k in range(1, 5)}  # S4.3 6, S3.1 10
    plan["E05"] = {"A1": {"total": 82, "fixed": {"S4.3": 6, "S3.1": 4}}}  # S3.1 4 against 10: a spread of 6 > 10/2
    _s, _f, r = panel(tmp_path, plan)
    spread = [p for p in recheck.propose(r) if p.kind == words.CRITERION_SPREAD and p.items == ("S3.1",)]
    assert [(p.expert_id, p.ticked, p.article) for p in spread] == [("E05", False, "第六十二条（四）")]


def test_a_gate_dissent_is_re_checked_and_what_the_gate_stopped_is_scored_in_the_round(tmp_path):
    """docs/rules.md §3: an expert's "no" at a gate the panel found met is asked again (在复核中请该专家补评)."""
    s = make_session(tmp_path, [("T1", "sz-training-base")], experts=5,
                     profile={"delivery": "线下", "scope": "普通基地", "applicant_kind": "企业"})
    plan = {f"E0{k}": {"T1": {}} for k in range(1, 5)}
    plan["E05"] = {"T1": {"answers": {"S2a.G": "no"}}}
    files = hand_in(s, tmp_path / "in", plan)
    r = merge(s, files, out=tmp_path / "r.prresult")
    props = [p for p in recheck.propose(r) if p.kind == words.GATE_DISSENT]
    assert [(p.expert_id, p.items, p.ticked) for p in props] == [("E05", ("S2a.G",), True)]
    stopped = one(r, "T1").scores["E05"].missing
    assert stopped
    req = recheck.issue(r.path, "E05", props[0].targets, out_dir=tmp_path / "stick")
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, req)
        sf.set_answer("T1", "S2a.G", "yes")
        sf.round_reason("T1", "S2a.G", "复核场地证明，可同时容纳100人")
        with pytest.raises(IncompleteError) as gaps:
            sf.submit()
        assert [m.target_id for m in gaps.value.missing] == stopped  # what the gate stopped is now to be scored
        for item_id in stopped:
            sf.set_points("T1", item_id, sf.items("T1")[item_id].allowed.max)
        sf.submit()
    r2 = merge(s, files, out=tmp_path / "r.prresult")
    assert not one(r2, "T1").scores["E05"].missing
    assert not [f for f in one(r2, "T1").flags if f.kind == words.GATE_DISSENT]
    gate = next(c for c in one(r2, "T1").changes if c.target_id == "S2a.G")
    assert (gate.old, gate.new, gate.reason) == ("no", "yes", "复核场地证明，可同时容纳100人")


def test_the_experts_opinion_sheet_prints_their_own_recheck_record(tmp_path):
    from app.sheets import build_opinion_sheet

    _s, files, _r = rechecked(tmp_path)
    pdf = tmp_path / "opinion.pdf"
    with ScoreFile.open(files[4], readonly=True) as sf:
        pdf.write_bytes(build_opinion_sheet(sf, "A1"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace(" ", "")
    assert "复核记录" in flat and "S5.1第1轮→第2轮1→2核实为2分" in flat and "S4.1第1轮→第2轮复核确认不变" in flat
    with ScoreFile.open(files[0]) as sf:  # an expert without a second round: no such section
        assert "复核记录" not in subprocess.run(["pdftotext", "-", "-"], input=build_opinion_sheet(sf, "A1"),
                                             capture_output=True, check=True).stdout.decode()
