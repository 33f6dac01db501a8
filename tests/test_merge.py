"""The secretary's merge: hand-checked consensus, eligibility, ranking, inspections, hostile files."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from app import session as session_mod
from app.errors import MergeError
from app.merge import merge, record_inspection
from app.resultfile import load_result
from app.scorefile import ScoreFile
from tests import scoring

ROOT = Path(__file__).resolve().parents[1]
RUBRICS = ROOT / "rubrics"
# sz-master-studio: every points item at its maximum adds up to 100.
MAXES = {"S1.1.1": 8, "S1.1.2": 17, "S1.2": 5, "S2.1": 5, "S2.2": 5, "S3.1": 10, "S4.1": 5, "S4.2": 5,
         "S4.3": 15, "S5.1": 2, "S5.2": 3, "S6.1": 5, "S6.2": 7, "S6.3": 8}
# Where points are taken from to reach a lower total, in order, and how low each may go.
LOWER = [("S4.3", 6), ("S3.1", 4), ("S1.1.2", 5), ("S6.3", 3), ("S6.2", 3)]
STUDIO = "技能大师工作室"


def make_session(tmp_path: Path, applicants: list[tuple[str, str]], *, experts: int = 5, rubric: str = "sz-master-studio",
                 rubric_text: str | None = None, quotas: dict | None = None, method: str = "mean",
                 settings: dict | None = None, name: str = "session", profile: dict | None = None,
                 create_settings: dict | None = None):
    """A small session of our own: `applicants` as (id, rubric) pairs, experts E01…; `profile` for every row."""
    folder = tmp_path / f"{name}-tables"
    rubrics = folder / "rubrics"
    rubrics.mkdir(parents=True)
    if rubric_text is not None:
        (rubrics / "custom.yaml").write_text(rubric_text, encoding="utf-8")
    for p in RUBRICS.glob("*.yaml"):
        if rubric_text is None or p.name != "sz-master-studio.yaml":
            shutil.copy(p, rubrics / p.name)
    extra = profile or {}
    categories = any(len(a) > 2 for a in applicants)  # (id, rubric, category) rows name their category
    lines = [",".join(["id", "name", "rubric", *extra] + (["category"] if categories else []))] + [
        ",".join([aid, f"{aid}测试单位", rid, *extra.values(), *cat]) for aid, rid, *cat in applicants]
    (folder / "applicants.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "experts.csv").write_text(
        "id,name,organisation,title\n" + "".join(f"E{k:02d},专家{k},单位{k},高级工程师\n" for k in range(1, experts + 1)),
        encoding="utf-8")
    materials = folder / "materials"
    for aid, *_ in applicants:
        (materials / aid).mkdir(parents=True)
    out = tmp_path / name
    session_mod.create(out, title="测试评审会", applicants=folder / "applicants.csv", experts=folder / "experts.csv",
                       materials=materials, date="2025-07-01", quotas=quotas or {}, method=method, rubrics=rubrics,
                       settings=create_settings)
    if settings:
        con = sqlite3.connect(out / session_mod.MANIFEST)
        with con:
            for k, v in settings.items():
                con.execute("update settings set value = ? where key = ?", [json.dumps(v), k])
        con.close()
    return session_mod.open_session(out)


def studio_points(total: int, fixed: dict | None = None) -> dict[str, int]:
    """Points per item adding up to `total`: maxima, `fixed` ones as given, the rest lowered in LOWER order."""
    pts = {**MAXES, **(fixed or {})}
    deficit = sum(pts.values()) - total
    for item, low in LOWER:
        if item in (fixed or {}):
            continue
        take = min(deficit, pts[item] - low)
        pts[item] -= take
        deficit -= take
    assert deficit == 0, "total out of reach"
    return pts


def score(sf: ScoreFile, aid: str, total: int | None = None, *, fixed: dict | None = None,
          answers: dict | None = None, comments: dict | None = None, decision: str = "positive") -> None:
    """Score a sz-master-studio (or any) applicant: points to `total`, yes to every question unless `answers` says."""
    pts = studio_points(total, fixed) if total is not None else {}
    scoring.fill(sf, aid, points=lambda item, k: pts.get(item.id, item.allowed.max), answers=answers,
                 decision=decision, opinion="意见")
    for target, text in (comments or {}).items():
        sf.set_comment(aid, target, text)


def hand_in(session, folder: Path, plan: dict[str, dict[str, object]]) -> list[Path]:
    """Write and submit one file per expert: plan = {expert: {applicant: total | "recuse" | dict(kwargs)}}."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for eid, marks in plan.items():
        path = folder / f"{eid}.prscore"
        with ScoreFile.create(path, session, eid) as sf:
            for a in sf.applicants:
                mark = marks.get(a.id)
                if mark == "recuse":
                    sf.recuse(a.id, "曾在该单位任职")
                elif isinstance(mark, dict):
                    score(sf, a.id, **mark)
                else:
                    score(sf, a.id, mark)
            sf.submit()
        paths.append(path)
    return paths


def one(result, aid):
    return result.applicant(aid)


# --------------------------------------------------------------------------- consensus


def test_mean_of_eight_experts_rounds_half_up(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=8)
    plan = {f"E{k:02d}": {"A1": 80} for k in range(1, 8)}
    plan["E08"] = {"A1": 81}
    files = hand_in(s, tmp_path / "in", plan)
    r = merge(s, files, out=tmp_path / "result.prresult")
    a = one(r, "A1")
    # (7 × 80 + 81) / 8 = 641 / 8 = 80.125, exactly halfway → rounds up to 80.13
    assert a.total == D("80.13")
    # S4.3: 80 lowers S4.3 to 6 (−9), S3.1 to 4 (−6), S1.1.2 to 12 (−5); 81 gives S1.1.2 13.
    # S1 = 8 + S1.1.2 + 5 → (7 × 25 + 26) / 8 = 201 / 8 = 25.125 → 25.13
    assert a.sections["S1"] == D("25.13")
    assert a.criteria["S4.3"] == D("6.00") and a.criteria["S1.1"] == D("20.13")  # (7·20 + 21)/8 = 20.125
    assert a.expert_totals["E08"] == D(81)
    assert a.status == "ranked" and a.rank == 1 and not a.tied


def test_trimmed_mean_of_five_and_a_recused_expert_left_out(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], method="trimmed_mean")
    totals = [70, 75, 80, 85, 99]
    plan = {f"E{k:02d}": {"A1": t, "A2": t} for k, t in enumerate(totals, 1)}
    plan["E01"]["A2"] = "recuse"
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    a1, a2 = one(r, "A1"), one(r, "A2")
    # A1: five totals 70 75 80 85 99 → drop 70 and 99 → (75 + 80 + 85) / 3 = 80.00
    assert a1.total == D("80.00")
    # criteria independently: S4.3 is 6, 6, 6, 6, 14 (99 lowers it by 1) → drop one 6 and the 14 → 6.00
    assert a1.criteria["S4.3"] == D("6.00")
    # section S4 = 5 + 5 + S4.3 → 16, 16, 16, 16, 24 → 16.00
    assert a1.sections["S4"] == D("16.00")
    # A2: E01 recused → 75 80 85 99, four experts (< trim_min 5) → plain mean 339 / 4 = 84.75
    assert a2.recused == ["E01"] and a2.experts_scored == ["E02", "E03", "E04", "E05"]
    assert a2.total == D("84.75") and "E01" not in a2.expert_totals
    # E05's 99 against the others' trimmed mean: A1 others 70 75 80 85 (4, plain) = 77.50 → +21.50 > 15
    assert any(f.kind == "outlier_total" and f.expert_id == "E05" and "+21.50" in f.detail for f in a1.flags)


def test_median(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=4, method="median")
    plan = {"E01": {"A1": 75}, "E02": {"A1": 80}, "E03": {"A1": 81}, "E04": {"A1": 99}}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    # sorted 75 80 81 99 → (80 + 81) / 2 = 80.50
    assert one(r, "A1").total == D("80.50")


def test_a_minimum_panel_set_by_the_secretary_is_applied_and_named(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=4,
                     settings={"min_experts": 3})
    plan = {"E01": {"A1": 90, "A2": 80}, "E02": {"A1": 90, "A2": 80}, "E03": {"A1": "recuse", "A2": 80},
            "E04": {"A1": "recuse", "A2": 80}}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    a1 = one(r, "A1")
    assert a1.status == "insufficient_experts" and a1.rank is None
    assert [f.kind for f in a1.flags] == ["insufficient_experts", "panel_size"]
    assert "only 2 experts scored this applicant; the session asks for at least 3" in a1.flags[0].detail
    assert one(r, "A2").rank == 1


# --------------------------------------------------------------------------- conditions and gates


def test_ineligible_by_majority_no_lists_each_experts_answer_and_comment(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")])
    no = {"answers": {"C2": "no"}, "comments": {"C2": "培训场地为临时租用"}}
    plan = {"E01": {"A1": {"total": 90, **no}, "A2": 80}, "E02": {"A1": {"total": 90, **no}, "A2": 80},
            "E03": {"A1": {"total": 90, "answers": {"C2": "no"}}, "A2": 80},
            "E04": {"A1": 90, "A2": 80}, "E05": {"A1": 90, "A2": 80}}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    a1 = one(r, "A1")
    # 3 of 5 said no: not more than half yes → not met
    assert a1.status == "ineligible" and not a1.eligible and a1.rank is None
    reason = a1.ineligible_reasons[0]
    assert reason.startswith("basic condition C2 2.具备相对独立的培训场地和匹配的实训设施设备；: not met (3 of 5 experts")
    assert "E01 专家1: no (培训场地为临时租用)" in reason and "E03 专家3: no;" in reason and "E05 专家5: yes" in reason
    c2 = next(c for c in a1.conditions if c.id == "C2")
    assert (c2.met, c2.yes, c2.no) == (False, 2, 3)
    assert c2.answers["E02"] == ("no", "培训场地为临时租用")
    assert one(r, "A2").rank == 1


def test_unanimous_rule_fails_on_one_no(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3, settings={"condition_rule": "unanimous"})
    plan = {"E01": {"A1": {"total": 90, "answers": {"C4": "no"}}}, "E02": {"A1": 90}, "E03": {"A1": 90}}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    assert one(r, "A1").status == "ineligible"
    assert "C4" in one(r, "A1").ineligible_reasons[0]


def test_gate_failure_makes_an_applicant_ineligible(tmp_path):
    s = make_session(tmp_path, [("R1", "sz-rural-workstation"), ("R2", "sz-rural-workstation")], experts=3)
    folder = tmp_path / "in"
    folder.mkdir()
    files = []
    for k, eid in enumerate(["E01", "E02", "E03"]):
        path = folder / f"{eid}.prscore"
        with ScoreFile.create(path, s, eid) as sf:
            if k < 2:  # two of three: no qualifying training site → the review stops (G1 stops all)
                sf.set_answer("R1", "G1", "no")
                sf.set_comment("R1", "G1", "未设立培训站点")
                sf.set_recommendation("R1", "不建议认定", "未设立符合条件的培训站点。")
            else:
                score(sf, "R1")
            score(sf, "R2")
            sf.submit()
        files.append(path)
    r = merge(s, files, out=tmp_path / "r.prresult")
    r1 = one(r, "R1")
    assert r1.status == "ineligible" and r1.rank is None
    assert r1.ineligible_reasons[0].startswith("gate G1 ")
    assert "E01 专家1: no (未设立培训站点)" in r1.ineligible_reasons[0]
    # the experts who stopped at the gate gave 0 points; E03 gave 100 → consensus 100 / 3 = 33.33
    assert r1.expert_totals == {"E01": D(0), "E02": D(0), "E03": D(100)} and r1.total == D("33.33")
    assert r1.recommendations == {"yes": 1, "no": 2}
    assert one(r, "R2").rank == 1


# --------------------------------------------------------------------------- ranking


TIE_RUBRIC_EXTRA = """
priority_conditions:
  - id: P1
    text: 测试倾斜条件一
  - id: P2
    text: 测试倾斜条件二
"""


def tie_rubric() -> str:
    text = (RUBRICS / "sz-master-studio.yaml").read_text(encoding="utf-8")
    text = text.replace("id: sz-master-studio", "id: test-studio").replace("tie_break: []", "tie_break: [S4, S1]")
    return text + TIE_RUBRIC_EXTRA


def test_ties_broken_by_sections_then_priority_then_shown_as_tied(tmp_path):
    apps = [(f"A{k}", "test-studio") for k in range(1, 6)]
    s = make_session(tmp_path, apps, experts=3, rubric_text=tie_rubric())
    # A1 90 with S4 25 (points off S3.1 and S1.1.2)     → first by section S4
    # A2 90 with S4 20 (S4.3 = 10; S3.1 = 5), S1 30     → level with A4
    # A3 as A2 but priority P1 met                      → above A2 and A4
    # A4 exactly as A2                                  → tied with A2 (same rank 3)
    # A5 85                                             → 5th (competition ranking 1, 2, 3, 3, 5)
    low_s4 = {"total": 90, "fixed": {"S4.3": 10}}
    marks = {"A1": {"total": 90, "fixed": {"S4.3": 15}}, "A2": low_s4, "A3": {**low_s4, "answers": {"P1": "yes"}}, "A4": low_s4, "A5": 85}
    r = merge(s, hand_in(s, tmp_path / "in", {e: dict(marks) for e in ("E01", "E02", "E03")}),
              out=tmp_path / "r.prresult")
    got = {a.id: (a.total, a.sections["S4"], a.sections["S1"], a.priority_met, a.rank, a.tied) for a in r.applicants}
    assert got["A1"] == (D("90.00"), D("25.00"), D("26.00"), [], 1, False)
    assert got["A3"] == (D("90.00"), D("20.00"), D("30.00"), ["P1"], 2, False)
    assert got["A2"][4:] == (3, True) and got["A4"][4:] == (3, True)
    assert got["A5"][4:] == (5, False)


def test_quota_and_field_inspection_fill_in_rank_order(tmp_path):
    apps = [(f"A{k}", "sz-master-studio") for k in range(1, 6)]
    s = make_session(tmp_path, apps, experts=3, quotas={STUDIO: 2})
    marks = {"A1": 95, "A2": 90, "A3": 85, "A4": 85, "A5": 80}
    out = tmp_path / "r.prresult"
    r = merge(s, hand_in(s, tmp_path / "in", {e: marks for e in ("E01", "E02", "E03")}), out=out)
    cat = r.categories[0]
    assert (cat.name, cat.quota, cat.candidates, cat.awaiting) == (STUDIO, 2, [], ["A1"])

    # A2 passed, but A1 (rank 1) is not inspected yet: the list cannot skip over it
    r = record_inspection(out, "A2", passed=True, note="场地属实")
    assert r.categories[0].candidates == [] and r.categories[0].awaiting == ["A1"]
    r = record_inspection(out, "A1", passed=False, note="设备与材料不符")
    assert r.categories[0].candidates == ["A2"] and r.categories[0].awaiting == ["A3", "A4"]
    # A3 and A4 share rank 3 and both pass, but one place is left: reported, neither taken
    record_inspection(out, "A3", passed=True)
    r = record_inspection(out, "A4", passed=True)
    assert r.categories[0].candidates == ["A2"] and r.categories[0].boundary_tie == ["A3", "A4"]
    r = record_inspection(out, "A4", passed=False, note="复核未通过")
    assert r.categories[0].candidates == ["A2", "A3"] and r.categories[0].boundary_tie == []
    status = {a.id: a.status for a in r.applicants}
    assert status == {"A1": "ranked", "A2": "candidate", "A3": "candidate", "A4": "ranked", "A5": "ranked"}
    assert one(r, "A1").inspection.result == "failed" and one(r, "A1").inspection.note == "设备与材料不符"
    with pytest.raises(MergeError, match="no applicant"):
        record_inspection(out, "ZZ", passed=True)

    # merging again to the same file keeps the inspections
    again = merge(s, [tmp_path / "in"], out=out)
    assert again.categories[0].candidates == ["A2", "A3"]


def test_national_rubric_decided_by_recommendations(tmp_path):
    s = make_session(tmp_path, [("N1", "national-master-studio"), ("N2", "national-master-studio"),
                                ("N3", "national-master-studio")], experts=3)
    plan = {"E01": {"N1": {}, "N2": {"decision": "negative"}, "N3": {}},
            "E02": {"N1": {}, "N2": {}, "N3": {}},
            "E03": {"N1": {}, "N2": {}, "N3": {"decision": "negative"}}}
    plan["E03"]["N1"] = {"decision": "positive"}
    plan["E02"]["N3"] = {"decision": "negative"}
    r = merge(s, hand_in(s, tmp_path / "in", plan), out=tmp_path / "r.prresult")
    # N1: 3 yes; N2: 2 yes 1 no; N3: 1 yes 2 no → ranks 1, 2, 3; totals are null
    got = {a.id: (a.total, a.recommendations, a.rank, a.tied) for a in r.applicants}
    assert got == {"N1": (None, {"yes": 3, "no": 0}, 1, False), "N2": (None, {"yes": 2, "no": 1}, 2, False),
                   "N3": (None, {"yes": 1, "no": 2}, 3, False)}
    assert one(r, "N1").sections == {} and one(r, "N1").flags == []


# --------------------------------------------------------------------------- hostile files


def test_hostile_files_are_refused_with_reasons_and_the_rest_merged(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=5)
    good = hand_in(s, tmp_path / "good", {"E01": {"A1": 80}, "E02": {"A1": 85}, "E03": {"A1": 90}})
    bad = tmp_path / "bad"
    bad.mkdir()
    junk = bad / "junk.prscore"
    junk.write_bytes(b"this is not a database " * 200)

    e04 = hand_in(s, tmp_path / "e04", {"E04": {"A1": 95}})[0]
    truncated = bad / "truncated.prscore"
    truncated.write_bytes(e04.read_bytes()[: e04.stat().st_size // 3])
    edited = bad / "edited.prscore"
    shutil.copy(e04, edited)
    con = sqlite3.connect(edited)
    with con:
        con.execute("update answers set value = '14' where item_id = 'S4.3'")
    con.close()
    newer = bad / "newer.prscore"
    shutil.copy(e04, newer)
    con = sqlite3.connect(newer)
    with con:
        con.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                    "values ('panelreview-scores', 'm099_future', '2030-01-01')")
    con.close()
    duplicate = bad / "copy-of-E01.prscore"
    shutil.copy(good[0], duplicate)

    other = make_session(tmp_path, [("A1", "sz-master-studio")], experts=5, name="other")
    wrong = hand_in(other, tmp_path / "other-in", {"E05": {"A1": 70}})[0]

    # points outside the band written straight into the file before submitting: the fingerprint is
    # right, the band check is not
    out_of_band = bad / "E05-band.prscore"
    with ScoreFile.create(out_of_band, s, "E05") as sf:
        score(sf, "A1", 80)
    con = sqlite3.connect(out_of_band)
    with con:
        con.execute("update answers set value = '9' where item_id = 'S1.2'")
    con.close()
    with ScoreFile.open(out_of_band) as sf:
        sf.submit()
        assert sf.verify().ok

    inputs = [*good, junk, truncated, edited, newer, duplicate, wrong, out_of_band]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs}
    r = merge(s, inputs, out=tmp_path / "r.prresult")

    status = {Path(f.path).name: (f.status, f.reason) for f in r.files}
    assert [n for n, (st, _) in status.items() if st == "accepted"] == ["E01.prscore", "E02.prscore", "E03.prscore"]
    assert "not a PanelReview score file" in status["junk.prscore"][1]
    assert status["truncated.prscore"][0] == "rejected" and status["truncated.prscore"][1]
    assert "changed after it was submitted: answers: A1 S4.3 was 10, now 14" in status["edited.prscore"][1]
    assert "written by a newer PanelReview" in status["newer.prscore"][1]
    # the reason leaves the file name out: it stands beside it
    assert status["copy-of-E01.prscore"][1] == f"expert E01 already handed in {good[0]}; only the first is merged"
    assert "belongs to another session" in status["E05.prscore"][1]
    assert status["E05-band.prscore"][1] == "A1 S1.2: 9 points are outside its bands (2-5)"
    # the merge of the rest is right: (80 + 85 + 90) / 3 = 85.00
    assert one(r, "A1").total == D("85.00") and one(r, "A1").experts_scored == ["E01", "E02", "E03"]
    # inputs unchanged, byte for byte and in time
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs} == before
    # the summary counts the 3 files merged, and the 7 refused apart (issue 15: "评分文件 6 份" counted a refused one)
    from app import sheets
    summary = tmp_path / "summary.pdf"
    summary.write_bytes(sheets.build_panel_summary(r))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(summary), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "3 份（另有 7 份不予采用）" in "".join(text.split("\n"))


def test_expert_not_on_the_panel_and_unsubmitted_file(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3)
    good = hand_in(s, tmp_path / "in", {"E01": {"A1": 80}})
    stranger = tmp_path / "stranger.prscore"
    with ScoreFile.create(stranger, s, "E02") as sf:
        score(sf, "A1", 80)
        sf.db.execute("update meta set value = 'E99' where key = 'expert_id'")
        sf.db.conn.commit()
    with ScoreFile.open(stranger) as sf:
        sf.submit()
    draft = tmp_path / "draft.prscore"
    ScoreFile.create(draft, s, "E03").close()
    r = merge(s, [*good, stranger, draft], out=tmp_path / "r.prresult")
    reasons = {Path(f.path).name: f.reason for f in r.files}
    assert "expert E99 is not on the session's panel" in reasons["stranger.prscore"]
    assert "not submitted" in reasons["draft.prscore"]


def test_nothing_to_merge_is_an_error_listing_every_reason(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3)
    junk = tmp_path / "junk.prscore"
    junk.write_text("nope")
    with pytest.raises(MergeError, match="none of the 1 score files could be merged") as info:
        merge(s, [junk], out=tmp_path / "r.prresult")
    assert "not a PanelReview score file" in str(info.value.problems[0])
    assert not (tmp_path / "r.prresult").exists()


# --------------------------------------------------------------------------- rounds, record, drill-down


def test_second_round_changes_are_shown_per_expert_and_criterion(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3)
    files = hand_in(s, tmp_path / "in", {"E01": {"A1": 70}, "E02": {"A1": 90}, "E03": {"A1": 90}})
    with ScoreFile.open(files[0]) as sf:
        sf.reopen()
        sf.set_points("A1", "S4.3", 12)  # 6 → 12 after the panel's discussion
        sf.submit()
    r = merge(s, files, out=tmp_path / "r.prresult")
    changes = [(c.expert_id, c.applicant_id, c.target_id, c.criterion_id, c.round_from, c.round_to, c.old, c.new)
               for c in r.changes]
    assert changes == [("E01", "A1", "S4.3", "S4.3", 1, 2, "6", "12")]
    # (76 + 90 + 90) / 3 = 85.33
    assert one(r, "A1").total == D("85.33") and one(r, "A1").changes[0].new == "12"
    assert next(f for f in r.files if f.expert_id == "E01").round == 2


def test_result_file_keeps_everything_for_the_drill_down(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=3)
    folder = tmp_path / "in"
    files = hand_in(s, folder, {"E02": {"A1": 85, "A2": 70}, "E03": {"A1": 75, "A2": 72}})
    path = folder / "E01.prscore"
    with ScoreFile.create(path, s, "E01") as sf:
        score(sf, "A1", 80, comments={"S4.3": "设备较新"})
        sf.cite("A1", "S4.3", material="设施设备报告", file="设施设备报告.pdf", page=3)
        score(sf, "A2", 74)
        sf.submit()
    out = tmp_path / "out" / "r.prresult"
    r = merge(s, [path, *files], out=out)
    assert not [p for p in out.parent.iterdir() if p != out]  # no temporary file left beside it
    again = load_result(out)
    assert again == r
    a1 = one(again, "A1")
    assert a1.expert_totals == {"E01": D(80), "E02": D(85), "E03": D(75)} and a1.total == D("80.00")
    assert isinstance(a1.sections["S4"], D) and r.method == "mean" and r.settings["decimals"] == 2
    assert [f.expert_name for f in r.files] == ["专家1", "专家2", "专家3"]
    # Kendall's W for A1 and A2: E01 ranks A1 over A2, E02 too, E03 A1 (75) over A2 (72) → perfect: 1.000
    w = r.agreement[STUDIO]
    assert (w.name, w.value, w.applicants, w.experts) == ("Kendall's W", D("1.000"), 2, 3)
    # leniency E01: (80 − 80) + (74 − 72) → consensus A2 = (74 + 70 + 72) / 3 = 72.00 → (0 + 2) / 2 = 1.00
    assert r.leniency["E01"] == D("1.00")
    e01 = a1.scores["E01"]
    assert e01.criteria["S4.3"] == D(6) and e01.comments["S4.3"] == "设备较新"
    assert [dataclasses.asdict(c) for c in e01.citations] == [{"target_id": "S4.3", "material": "设施设备报告",
                                                 "file": "设施设备报告.pdf", "page": 3}]
    assert (e01.answers["S4.3"].value, e01.answers["S4.3"].counted) == ("6", True) and e01.decision == "positive"
    s43 = a1.part("S4.3")
    assert s43.max == D(15) and a1.criteria["S4.3"] == D("6.00")


def test_export_workbook_and_csv(tmp_path):
    import openpyxl

    from app.report import write_csv, write_xlsx

    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio")], experts=3)
    files = hand_in(s, tmp_path / "in", {"E01": {"A1": 80, "A2": 70}, "E02": {"A1": 81, "A2": 70},
                                         "E03": {"A1": 81, "A2": 70}})
    r = merge(s, files, out=tmp_path / "r.prresult")
    wb = openpyxl.load_workbook(write_xlsx(r, tmp_path / "r.xlsx"))
    assert wb.sheetnames == ["汇总与排名", "评分明细", "专家总分", "提示", "不符合条件", "候选名单"]
    ws = wb["汇总与排名"]
    assert ws["A1"].value == "测试评审会 2025-07-01 汇总与排名" and [r.coord for r in ws.merged_cells.ranges] == ["A1:Q1"]
    assert ws.freeze_panes == "A3" and ws["J2"].value == "共识总分" and ws.auto_filter.ref == "A2:Q4"
    assert (ws["F3"].value, ws["O2"].value, ws["P2"].value) == ("技能大师工作室认定评审细则", "实地考察", "考察说明")
    # printed: landscape A4, one page wide, title and header on every page
    assert (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
            ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage) == ("landscape", 9, 1, 0, True)
    assert ws.print_title_rows == "$1:$2"
    # (80 + 81 + 81) / 3 = 80.666… → 80.67, a number shown with 2 decimals
    assert ws["J3"].value == pytest.approx(80.67) and ws["J3"].number_format == "0.00"
    csvs = write_csv(r, tmp_path / "csv")
    assert len(csvs) == 6
    assert csvs[0].read_bytes().startswith(b"\xef\xbb\xbf")
    assert "80.67" in csvs[0].read_text(encoding="utf-8-sig")
