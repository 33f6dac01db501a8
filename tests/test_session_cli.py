"""`panelreview session create|info` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "tables"


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    env = dict(os.environ, PANELREVIEW_LANG=lang)
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def make_pdf(path: Path, pages: int = 1) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page()
    doc.save(path)
    doc.close()


@pytest.fixture
def materials(tmp_path) -> Path:
    root = tmp_path / "申报材料"
    make_pdf(root / "A01" / "01-组织管理报告.pdf", 2)
    make_pdf(root / "A01" / "设施设备报告.pdf")
    (root / "A01" / "说明.txt").write_text("见附件", encoding="utf-8")
    make_pdf(root / "A02-张师傅" / "技能大师能力报告.pdf")
    make_pdf(root / "A03" / "站点设置报告.pdf")
    return root


def create(tmp_path: Path, materials: Path, applicants: Path, experts: Path, *extra: str,
           lang: str = "en") -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path / "评审会"
    return out, run("session", "create", out, "--title", "龙岗区2025年载体认定", "--applicants", applicants,
                    "--experts", experts, "--materials", materials, *extra, lang=lang)


def test_help():
    for args in (("session", "--help"), ("session", "create", "--help"), ("session", "info", "--help")):
        r = run(*args)
        assert r.returncode == 0 and "usage:" in r.stdout, r.stderr


def test_create_from_gbk_csv(tmp_path, materials):
    out, r = create(tmp_path, materials, DATA / "applicants_gbk.csv", DATA / "experts_gbk.csv",
                    "--date", "2025-07-01", "--quota", "高技能人才培训基地=5", "技能大师工作室=2",
                    "--method", "trimmed_mean")
    assert r.returncode == 0, r.stderr
    assert f"Created session '龙岗区2025年载体认定' in {out}" in r.stdout
    assert "applicants      3" in r.stdout and "experts         3" in r.stdout
    assert "quotas          高技能人才培训基地=5, 技能大师工作室=2" in r.stdout
    assert "required materials are missing; see: panelreview session info" in r.stdout
    assert (out / "session.sqlite").is_file()
    assert (out / "materials" / "A01" / "01-组织管理报告.pdf").is_file()
    assert (out / "materials" / "A02" / "技能大师能力报告.pdf").is_file()


def test_create_from_xlsx(tmp_path, materials):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["编号", "名称", "细则", "材料目录", "培训方式", "基地类别", "申报主体类型"],
                ["A01", "深圳市龙岗职业技术学校", "sz-training-base", None, "线上", "专项基地", "线上平台"],
                ["A03", "平湖乡村振兴技能工作站", "sz-rural-workstation", None, None, None, None]):
        ws.append(row)
    wb.save(tmp_path / "申报单位.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["编号", "姓名", "单位", "职称"])
    wb.active.append(["E01", "王专家", "深圳技师学院", "高级讲师"])
    wb.save(tmp_path / "专家.xlsx")
    out, r = create(tmp_path, materials, tmp_path / "申报单位.xlsx", tmp_path / "专家.xlsx")
    assert r.returncode == 0, r.stderr
    info = json.loads(run("session", "info", out, "--json").stdout)
    assert info["applicants"][0]["profile"] == {"applicant_kind": "线上平台", "delivery": "线上", "scope": "专项基地"}
    assert [a["id"] for a in info["applicants"]] == ["A01", "A03"]


def test_bad_rows_each_on_their_own_line(tmp_path, materials):
    for folder in ("A02", "A06", "A07"):
        (materials / folder).mkdir()
    out, r = create(tmp_path, materials, DATA / "applicants_bad.csv", DATA / "experts_bad.csv")
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert lines[0] == "8 problems in the tables"
    a, e = str(DATA / "applicants_bad.csv"), str(DATA / "experts_bad.csv")
    expected = [
        f"{a}: row 3, column C (rubric): unknown rubric 'sz-no-such-rubric'",
        f"{a}: row 4, column F (scope): '超大基地' is not a value of scope",
        f"{a}: row 5, column A (id): duplicate id 'A01' (first in row 2)",
        f"{a}: row 6, column D (folder): no folder 'A05-nowhere' in {materials}",
        f"{a}: row 7, column B (name): the name is empty",
        f"{a}: row 8, column E (培训方式): rubric sz-master-studio has no profile attribute 培训方式",
        f"{e}: row 3, column A (编号): duplicate id 'E01' (first in row 2)",
        f"{e}: row 4, column B (姓名): the name is empty",
    ]
    assert len(lines) == 1 + len(expected)
    for line, start in zip(lines[1:], expected):
        assert line.strip().startswith(start), line
    assert not out.exists()


def test_missing_required_column(tmp_path, materials):
    _, r = create(tmp_path, materials, DATA / "applicants_no_rubric_column.csv", DATA / "experts_utf8.csv")
    assert r.returncode == 1
    assert "row 1, column rubric: missing required column" in r.stderr


def test_info_json_and_tampering(tmp_path, materials):
    out, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv",
                    "--date", "2025-07-01")
    assert r.returncode == 0, r.stderr
    r = run("session", "info", out, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["session"]["title"] == "龙岗区2025年载体认定" and data["session"]["date"] == "2025-07-01"
    a01 = data["applicants"][0]
    assert (a01["id"], a01["rubric"], a01["category"]) == ("A01", "sz-training-base", "高技能人才培训基地")
    assert [(p["material"], p["file"], p["pages"]) for p in a01["present"]] == [
        ("组织管理报告", "01-组织管理报告.pdf", 2), ("设施设备报告", "设施设备报告.pdf", 1)]
    assert a01["unmatched"] == ["说明.txt"] and "师资队伍报告" in a01["missing"]
    assert data["verify"] == {"missing": [], "changed": [], "added": []}

    copied = out / "materials" / "A01" / "01-组织管理报告.pdf"
    doc = pymupdf.open(copied)
    doc.new_page()
    doc.saveIncr()
    doc.close()
    data = json.loads(run("session", "info", out, "--json").stdout)
    assert data["verify"]["changed"] == ["materials/A01/01-组织管理报告.pdf"]
    assert data["applicants"][0]["present"][0]["pages"] == 3

    r = run("session", "info", out)
    assert r.returncode == 0, r.stderr
    assert "✓ 设施设备报告" in r.stdout
    assert "✗ 师资队伍报告" in r.stdout and "missing" in r.stdout
    assert "? 说明.txt" in r.stdout
    assert "✗ Changed files: materials/A01/01-组织管理报告.pdf" in r.stdout


def test_human_info_in_chinese(tmp_path, materials):
    out, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv", lang="zh_CN")
    assert r.returncode == 0, r.stderr
    assert "已创建评审会" in r.stdout
    r = run("session", "info", out, lang="zh_CN")
    assert "缺少" in r.stdout and "文件均与清单一致" in r.stdout


def test_not_a_session(tmp_path):
    r = run("session", "info", tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == f"{tmp_path} is not a review session: it has no session.sqlite"
    (tmp_path / "session.sqlite").write_bytes(b"\x00garbage" * 200)
    r = run("session", "info", tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == f"{tmp_path}: session.sqlite is not a session manifest (not an SQLite database)"


def test_existing_folder_is_refused(tmp_path, materials):
    (tmp_path / "评审会").mkdir()
    (tmp_path / "评审会" / "old.txt").write_text("x")
    _, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv")
    assert r.returncode == 1 and "already exists and is not an empty folder" in r.stderr


def test_bad_quota_argument_is_a_usage_error(tmp_path, materials):
    out, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv", "--quota", "五个")
    assert r.returncode == 2 and "--quota '五个' must be written KEY=VALUE" in r.stderr and "usage:" in r.stderr
    assert not out.exists()
