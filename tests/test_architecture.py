"""The core stands without Qt: nothing in app/ imports PySide6, statically or at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_module_in_app_imports_pyside6():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(p.stem for p in (ROOT / "app").glob("*.py") if p.stem != "__main__")
    code = ("import sys\n" + "".join(f"import app.{m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            + "print(bad); raise SystemExit(1 if bad else 0)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_files_are_written_whole(tmp_path):
    """A failed write leaves the old file as it was and no temporary file behind."""
    import pytest

    from app.files import replace_into, write_atomic

    target = tmp_path / "out.bin"
    write_atomic(target, b"first")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        replace_into(target, broken)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
