"""`panelreview rubric ...` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_rubric_list_json():
    rows = json.loads(run_cli("rubric", "list", "--json").stdout)
    assert {tuple(sorted(r)) for r in rows} == {("carrier_type", "id", "title", "total", "version")}
    by_id = {r["id"]: r for r in rows}
    assert by_id["sz-training-base"]["total"] == 100
    assert by_id["national-training-base"]["total"] is None
    assert {r["carrier_type"] for r in rows} == {"training_base", "master_studio", "rural_workstation"}


def test_rubric_show_json_for_a_profile():
    data = json.loads(run_cli("rubric", "show", "sz-training-base", "--profile", "delivery=线上", "scope=专项基地",
                              "applicant_kind=线上平台", "--json").stdout)
    for key in ("id", "title", "carrier_type", "total", "profile", "conditions", "sections",
                "priority_conditions", "tie_break"):
        assert key in data
    assert data["profile"]["delivery"]["values"] == ["线下", "线上"]
    titles = [s["title"] for s in data["sections"]]
    assert titles == ["组织管理", "设施设备", "师资队伍", "培训成果", "校企合作", "社会效益"]
    facilities = data["sections"][1]
    assert facilities["id"] == "S2b" and facilities["max"] == 30
    features = facilities["criteria"][0]
    assert features["rule"] == "checklist" and sum(i["max"] for i in features["items"]) == 15
    volume = next(c for s in data["sections"] for c in s["criteria"] if c["id"] == "S4.1")
    assert [(lv["min"], lv["max"]) for lv in volume["levels"]] == [(10, 10), (6, 9)]
    assert "100000" in volume["levels"][0]["text"]
    assert any("25%" in n for n in volume["notes"])
    assert all(set(c) >= {"id", "text", "evidence"} for c in data["conditions"])


def test_rubric_show_without_profile_lists_what_each_value_changes():
    out = run_cli("rubric", "show", "sz-training-base").stdout
    assert "delivery=线上:" in out and "sections[S2b]" in out
    assert "scope=专项基地:" in out


def test_rubric_show_rejects_a_bad_profile():
    proc = run_cli("rubric", "show", "sz-training-base", "--profile", "delivery=邮寄", check=False)
    assert proc.returncode == 1
    assert "delivery must be one of 线下, 线上, not '邮寄'" in proc.stderr


def test_rubric_check_passes_and_fails(tmp_path):
    files = sorted(str(p) for p in (ROOT / "rubrics").glob("*.yaml"))
    assert run_cli("rubric", "check", *files).stdout.strip() == "ok"
    data = yaml.safe_load((ROOT / "rubrics" / "sz-master-studio.yaml").read_text(encoding="utf-8"))
    data["sections"][0]["max"] = 31
    bad = tmp_path / "district.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    proc = run_cli("rubric", "check", str(bad), check=False)
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert lines and all(line.startswith(f"{bad}: ") for line in lines)
    assert any("criteria add up to 30, not the section's 31" in line for line in lines)
    assert any("sections add up to 101, not 100" in line for line in lines)
