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


# --------------------------------------------------------------------------- who may import and open what

PACKAGES = ("app", "ui")
# The modules that own a file format: only they open SQLite or read a database handle's tables.
STORAGE = {"app.session", "app.scorefile", "app.resultfile",
           "app.scanstore"}  # OCR text and intake findings, written after the read-only manifest


def modules() -> dict[str, Path]:
    """Every module of the product by dotted name (a package by its own name)."""
    out = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The product modules `name` imports, anywhere in it (a lazy import inside a function counts too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def test_no_import_cycles():
    """Tarjan's strongly connected components over every import in app/ and ui/: each must be one module."""
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_expert_and_the_secretary_windows_never_import_each_other():
    edges = graph()
    crossing = [(a, b) for a, targets in edges.items() for b in targets
                for mine, theirs in (("ui.expert", "ui.secretary"), ("ui.secretary", "ui.expert"))
                if (a == mine or a.startswith(mine + ".")) and (b == theirs or b.startswith(theirs + "."))]
    assert (ROOT / "ui" / "expert").is_dir() and (ROOT / "ui" / "secretary").is_dir()
    assert crossing == []


def test_the_command_line_is_imported_only_by_the_entry_points():
    edges = graph()
    users = sorted(a for a, targets in edges.items() for b in targets
                   if (b == "app.cli" or b.startswith("app.cli.")) and not (a == "app.cli" or a.startswith("app.cli.")))
    assert users == ["app.__main__"]


def test_only_the_storage_modules_open_sqlite():
    """sqlite3.connect, sqlite_utils and a handle's `.db` are for session, score-file and result-file code."""
    offenders = []
    for name, path in modules().items():
        if name in STORAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            bad = None
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                bad = next((n for n in names if n.split(".")[0] == "sqlite_utils"), None)
            elif isinstance(node, ast.Attribute) and node.attr == "connect" and getattr(node.value, "id", "") == "sqlite3":
                bad = "sqlite3.connect"
            elif isinstance(node, ast.Attribute) and node.attr == "db" and not (
                    isinstance(node.value, ast.Name) and node.value.id == "self"):
                bad = f"{ast.unparse(node)} (another object's database)"
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {bad}")
    assert offenders == []
