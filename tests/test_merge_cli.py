"""`panelreview merge | inspect | export` through the real command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from conftest import run_cli
from test_merge import hand_in, make_session

STUDIO = "技能大师工作室"


def test_help():
    for args in (("merge", "--help"), ("inspect", "--help"), ("export", "--help")):
        r = run_cli(*args)
        assert "usage:" in r.stdout


def test_merge_json_shape_inspect_and_export(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio"), ("A2", "sz-master-studio"), ("A3", "sz-master-studio")],
                     experts=4, quotas={STUDIO: 1})
    files = hand_in(s, tmp_path / "in", {"E01": {"A1": 90, "A2": 80, "A3": {"total": 80, "answers": {"C1": "no"}}},
                                         "E02": {"A1": 91, "A2": 80, "A3": {"total": 80, "answers": {"C1": "no"}}},
                                         "E03": {"A1": 91, "A2": "recuse", "A3": {"total": 80, "answers": {"C1": "no"}}},
                                         "E04": {"A1": 91, "A2": 81, "A3": 80}})
    junk = tmp_path / "in" / "junk.prscore"
    junk.write_bytes(b"not a score file")
    out = tmp_path / "result.prresult"
    r = run_cli("merge", str(s.path), str(tmp_path / "in"), "--out", str(out), "--json")
    data = json.loads(r.stdout)
    assert set(data) >= {"session", "method", "settings", "files", "applicants"}
    assert data["session"] == {"id": s.id, "title": "测试评审会", "date": "2025-07-01"}
    assert data["method"] == "mean" and data["settings"]["decimals"] == 2
    assert [(Path(f["path"]).name, f["status"]) for f in data["files"]] == [
        ("E01.prscore", "accepted"), ("E02.prscore", "accepted"), ("E03.prscore", "accepted"),
        ("E04.prscore", "accepted"), ("junk.prscore", "rejected")]
    assert "not a PanelReview score file" in data["files"][4]["reason"]
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", data["files"][0]["fingerprint"])
    a1, a2, a3 = data["applicants"]
    expected_keys = {"id", "name", "category", "rubric", "experts_scored", "recused", "eligible", "ineligible_reasons",
                     "total", "sections", "expert_totals", "recommendations", "rank", "tied", "flags", "status"}
    assert expected_keys <= set(a1)
    # A1: (90 + 91 + 91 + 91) / 4 = 363 / 4 = 90.75; every score a decimal string
    assert a1["total"] == "90.75" and a1["expert_totals"] == {"E01": "90.00", "E02": "91.00", "E03": "91.00",
                                                                "E04": "91.00"}
    assert a1["rubric"] == "sz-master-studio" and a1["sections"]["S1"].count(".") == 1
    assert (a1["rank"], a1["tied"], a1["status"], a1["recommendations"]) == (1, False, "ranked", {"yes": 4, "no": 0})
    # A2: E03 recused → (80 + 80 + 81) / 3 = 80.33
    assert a2["recused"] == ["E03"] and a2["total"] == "80.33" and a2["rank"] == 2
    # A3: C1 no from 3 of 4 → ineligible, reasons listed
    assert a3["status"] == "ineligible" and a3["eligible"] is False and a3["rank"] is None
    assert a3["ineligible_reasons"][0].startswith("basic condition C1 ")

    r = run_cli("inspect", str(out), "--applicant", "A1", "--passed", "--note", "场地与材料一致")
    assert "A1: field inspection passed; status candidate" in r.stdout
    r = run_cli("merge", str(s.path), *map(str, files), "--out", str(out), "--json")
    data = json.loads(r.stdout)
    assert data["applicants"][0]["status"] == "candidate"  # the inspection survives a re-merge
    assert data["categories"][0]["candidates"] == ["A1"]

    refused = run_cli("inspect", str(out), "--applicant", "A3", "--failed", check=False)
    assert refused.returncode == 1 and "A3 is not ranked (ineligible)" in refused.stderr

    xlsx = tmp_path / "result.xlsx"
    r = run_cli("export", str(out), "--xlsx", str(xlsx), "--csv", str(tmp_path / "csv"))
    wb = openpyxl.load_workbook(xlsx)
    assert wb["候选名单"]["D2"].value == "编号" and wb["候选名单"]["D3"].value == "A1"  # row 1: the title
    assert len(list((tmp_path / "csv").glob("*.csv"))) == 6


def test_readable_summary_and_nothing_to_merge(tmp_path):
    s = make_session(tmp_path, [("A1", "sz-master-studio")], experts=3)
    files = hand_in(s, tmp_path / "in", {"E01": {"A1": 70}, "E02": {"A1": 90}, "E03": {"A1": 92}})
    out = tmp_path / "r.prresult"
    r = run_cli("merge", str(s.path), *map(str, files), "--out", str(out))
    assert "Score files:" in r.stdout and "E01 专家1" in r.stdout and "accepted" in r.stdout
    # (70 + 90 + 92) / 3 = 84.00; E01 is 21 below the others' 91.00 → flagged
    assert "84.00" in r.stdout and "differs from the others' consensus 91.00 by -21" in r.stdout

    junk = tmp_path / "junk.prscore"
    junk.write_text("x")
    bad = run_cli("merge", str(s.path), str(junk), "--out", str(tmp_path / "none.prresult"), check=False)
    assert bad.returncode == 1
    assert "none of the 1 score files could be merged" in bad.stderr and "not a PanelReview score file" in bad.stderr

    zh = run_cli("merge", str(s.path), *map(str, files), "--out", str(out), env={"PANELREVIEW_LANG": "zh_CN"})
    assert "评分文件：" in zh.stdout and "已接收" in zh.stdout
