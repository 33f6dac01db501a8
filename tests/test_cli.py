"""The command line's own plumbing: repeatable options, exit statuses, closed pipes, explicit imports."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import rubric as rubric_core
from app.session import open_session
from conftest import ROOT, run_cli
from test_session_cli import DATA, create, materials  # noqa: F401 (materials is a fixture)

BASE, STUDIO = "高技能人才培训基地", "技能大师工作室"


# --------------------------------------------------------------------------- repeatable KEY=VALUE options


@pytest.mark.parametrize("quotas", [
    ("--quota", f"{BASE}=2", "--quota", f"{STUDIO}=1"),
    ("--quota", f"{BASE}=2", f"{STUDIO}=1"),
    ("--quota", f"{BASE}=2", "--quota", f"{STUDIO}=1", f"{BASE}=2"),  # the same value twice is no conflict
], ids=["repeated", "one-option", "same-twice"])
def test_quota_options_accumulate(tmp_path, materials, quotas):  # noqa: F811
    out, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv", *quotas)
    assert r.returncode == 0, r.stderr
    assert open_session(out).quotas == {BASE: 2, STUDIO: 1}


def test_a_quota_given_two_values_is_a_usage_error_naming_it(tmp_path, materials):  # noqa: F811
    out, r = create(tmp_path, materials, DATA / "applicants_utf8.csv", DATA / "experts_utf8.csv",
                    "--quota", f"{BASE}=2", f"{STUDIO}=1", "--quota", f"{BASE}=3")
    assert r.returncode == 2
    assert f"--quota {BASE} is given twice, as '2' and '3'" in r.stderr and "usage:" in r.stderr
    assert not out.exists()


PROFILE = {"delivery": "线上", "scope": "专项基地", "applicant_kind": "线上平台"}


def test_profile_options_accumulate_in_rubric_show():
    r = rubric_core.find("sz-training-base")
    expected = json.loads(json.dumps(rubric_core.to_json(r.apply(PROFILE), r), ensure_ascii=False))
    pairs = [f"{k}={v}" for k, v in PROFILE.items()]
    repeated = json.loads(run_cli("rubric", "show", r.id, "--profile", pairs[0], "--profile", *pairs[1:],
                                  "--json").stdout)
    once = json.loads(run_cli("rubric", "show", r.id, "--profile", *pairs, "--json").stdout)
    assert repeated == once == expected
    assert [s["id"] for s in repeated["sections"]] == ["S1", "S2b", "S3", "S4", "S5", "S6"]  # 线上 → S2b
    text = run_cli("rubric", "show", r.id, *[arg for p in pairs for arg in ("--profile", p)]).stdout
    assert "profile: delivery=线上, scope=专项基地, applicant_kind=线上平台" in text


def test_a_profile_key_given_two_values_is_a_usage_error_naming_it():
    proc = run_cli("rubric", "show", "sz-training-base", "--profile", "delivery=线上", "scope=专项基地",
                   "--profile", "delivery=线下", check=False)
    assert proc.returncode == 2
    assert "--profile delivery is given twice, as '线上' and '线下'" in proc.stderr
    assert proc.stdout == ""


# --------------------------------------------------------------------------- exit statuses


@pytest.mark.parametrize("args", [(), ("rubric",), ("session",), ("scores",), ("rubric", "nonsense"),
                                  ("export", "r.prresult"), ("report", "r.prresult")],
                         ids=lambda a: " ".join(a) or "nothing")
def test_usage_errors_exit_2(args):
    proc = run_cli(*args, check=False)
    assert proc.returncode == 2, proc
    assert "Traceback" not in proc.stderr


def test_export_and_report_without_anything_to_write_say_so():
    proc = run_cli("export", "r.prresult", check=False)
    assert "panelreview export: error: give --xlsx FILE or --csv DIR" in proc.stderr
    proc = run_cli("report", "r.prresult", check=False)
    assert "panelreview report: error: say what to write: --pdf, --candidates or --xlsx" in proc.stderr


def test_problems_exit_1_with_a_sentence_on_stderr(tmp_path):
    proc = run_cli("session", "info", str(tmp_path), check=False)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr.strip() == f"{tmp_path} is not a review session: it has no session.sqlite"


# --------------------------------------------------------------------------- closed pipes


def shell(command: str) -> subprocess.CompletedProcess:
    """`command` through bash, as someone types it (pipefail off); panelreview is `python -m app`."""
    env = {**os.environ, "PANELREVIEW_LANG": "en", "PANELREVIEW": f"{sys.executable} -m app"}
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_piping_into_head_ends_quietly():
    proc = shell("set +o pipefail; $PANELREVIEW rubric list | head -1")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == [proc.stdout.rstrip("\n")] and proc.stdout.startswith("id ")
    assert "Traceback" not in proc.stderr and "BrokenPipeError" not in proc.stderr, proc.stderr


def test_a_reader_gone_before_the_first_line_ends_quietly_with_141():
    # `true` exits at once, long before Python has started: the very first write meets a closed pipe
    # (with `head -1` the whole short output usually fits in the pipe before head closes it).
    proc = shell("set -o pipefail; $PANELREVIEW rubric show sz-training-base | true; echo \"status ${PIPESTATUS[0]}\"")
    assert proc.stdout.strip() == "status 141"
    assert proc.stderr == "", proc.stderr


# --------------------------------------------------------------------------- static


def app_modules() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py"))


def test_no_module_is_imported_by_a_computed_name():
    """PyInstaller bundles only what literal imports reach; a name computed at run time is lost in the bundle."""
    bad = []
    for path in app_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in ("import_module", "__import__"):
                continue
            first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "name"), None)
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []


def test_only_the_command_line_prints():
    """The core returns values; app/cli/ alone writes to stdout and stderr."""
    bad = []
    for path in app_modules():
        if path.parent.name == "cli" and path.parent.parent.name == "app":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: print()")
            if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr", "__stdout__", "__stderr__") \
                    and getattr(node.value, "id", None) == "sys":
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: sys.{node.attr}")
    assert bad == []


def test_every_command_module_is_imported_by_name():
    """app/cli/__init__.py names each command module (each one with a register()), so all are bundled and added."""
    package = ROOT / "app" / "cli"
    commands = {p.stem for p in package.glob("*.py")
                if any(isinstance(n, ast.FunctionDef) and n.name == "register"
                       for n in ast.parse(p.read_text(encoding="utf-8")).body)}
    tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in tree.body if isinstance(node, ast.ImportFrom) and node.module == "app.cli"
                for alias in node.names}
    assert commands == {"rubric", "demo", "session", "scores", "merge", "sheets", "recheck", "panel", "upward",
                        "intake"} == imported


# --------------------------------------------------------------------------- quotas and settings as the calls need


def test_quotas_over_categories_tiers_and_settings_from_the_command_line(tmp_path):
    """003: "其中A或B共2个、C或D共1个"; "资金补助类…国际合作类2个"; the secretary's choices where 003 is silent."""
    cq = ROOT / "resources" / "demo" / "chongqing"
    for line in (cq / "applicants.csv").read_text(encoding="utf-8").splitlines()[1:]:
        (tmp_path / "m" / line.split(",")[0]).mkdir(parents=True)
    out = tmp_path / "s"
    r = run_cli("session", "create", str(out), "--title", "重庆", "--applicants", str(cq / "applicants.csv"),
                "--experts", str(cq / "experts.csv"), "--materials", str(tmp_path / "m"),
                "--quota", "A+B=2", "C+D=1", "资金补助类:国际合作类=2/1",
                "--setting", "field_inspection=none", "min_experts=5")
    import re

    assert re.search(r"quotas +A\+B=2, C\+D=1, 资金补助类:国际合作类=2/1", r.stdout), r.stdout
    assert re.search(r"settings +min_experts=5, field_inspection=none", r.stdout), r.stdout
    s = open_session(out)
    assert [q.text() for q in s.quota_groups] == ["A+B=2", "C+D=1", "资金补助类:国际合作类=2/1"]
    assert s.settings["field_inspection"] == "none" and s.settings["min_experts"] == 5
    bad = run_cli("session", "create", str(tmp_path / "t"), "--title", "重庆", "--applicants",
                  str(cq / "applicants.csv"), "--experts", str(cq / "experts.csv"), "--materials",
                  str(tmp_path / "m"), "--setting", "field_inspection=sometimes", check=False)
    assert bad.returncode == 1 and "setting field_inspection cannot be 'sometimes' (choose required / none)" in bad.stderr
    assert not (tmp_path / "t").exists()
