"""One catalog for the core and the window: complete, consistent, compiled."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path


from app import i18n
from app.errors import ScoreError

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

FIELD = re.compile(r"\{(\w+)[^}]*\}")


def test_every_visible_string_has_a_chinese_translation():
    gaps = tool.missing()
    assert not gaps, "untranslated (python tools/i18n.py missing): " + "; ".join(
        f"{where[0]}: {src}" for src, where in sorted(gaps.items())[:20])


def test_translations_keep_their_placeholders():
    bad = []
    for src, zh in i18n.catalog("zh_CN").items():
        if sorted(FIELD.findall(src)) != sorted(FIELD.findall(zh)):
            bad.append((src, zh))
    assert bad == []


def test_compiled_catalog_is_up_to_date(tmp_path):
    # PySide6-Essentials (a dependency) ships pyside6-lrelease beside the venv's Python: never a skip in CI.
    assert tool.lrelease() is not None, "pyside6-lrelease not found beside " + sys.executable
    fresh = tool.build(tmp_path / "fresh.qm")
    assert fresh.read_bytes() == i18n.compiled_path("zh_CN").read_bytes(), "run: python tools/i18n.py build"


def test_errors_read_in_either_language():
    err = ScoreError("{item}: {points} points are outside its bands ({allowed})", item="S1.1", points="5",
                     allowed="0,1-3,4")
    assert err.message("en") == "S1.1: 5 points are outside its bands (0,1-3,4)"
    assert err.message("zh_CN") == "S1.1：5分不在允许的分档内（0,1-3,4）"


def test_command_line_speaks_chinese_by_default():
    env = {k: v for k, v in __import__("os").environ.items() if k != "PANELREVIEW_LANG"}
    run = subprocess.run([sys.executable, "-m", "app", "rubric", "list"], cwd=ROOT, capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0
    assert run.stdout.splitlines()[0].split()[:3] == ["编号", "名称", "版本"]
