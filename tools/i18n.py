"""Keep the translation catalog in step with the code.

    python tools/i18n.py missing            # source strings with no Chinese yet
    python tools/i18n.py add AREA SRC ZH    # add (or replace) one translation in zh_CN/AREA.ts
    python tools/i18n.py build              # compile zh_CN/*.ts into panelreview_zh_CN.qm

A translatable string is the first literal argument of `tr(...)`, `self.tr(...)`,
`N_(...)`, `Sentence(...)`, or of any error class defined in app/errors.py.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import i18n  # noqa: E402

MARKERS = {"tr", "N_", "translate_noop", "Sentence"}
# Helpers whose message is not their first argument: name → index of the message.
MESSAGE_AT = {"problem": 1, "once": 1, "bad": 2}
SCANNED = ("app", "ui")


def error_classes() -> set[str]:
    tree = ast.parse((ROOT / "app" / "errors.py").read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.ClassDef)}


def extract(paths: list[Path] | None = None) -> dict[str, list[str]]:
    """Every translatable source string → the places it occurs ("file:line")."""
    errors = error_classes()
    found: dict[str, list[str]] = {}
    files = paths or [p for d in SCANNED for p in sorted((ROOT / d).rglob("*.py"))]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            at = MESSAGE_AT.get(name, 0)
            if (name not in MARKERS and name not in errors and name not in MESSAGE_AT) or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip():
                rel = path.relative_to(ROOT)
                found.setdefault(arg.value, []).append(f"{rel}:{node.lineno}")
    return found


def missing() -> dict[str, list[str]]:
    have = i18n.catalog.__wrapped__("zh_CN")
    return {src: where for src, where in extract().items() if src not in have}


def _ts_skeleton() -> ET.ElementTree:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = i18n.CONTEXT
    return ET.ElementTree(root)


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def add(area: str, source: str, translation: str) -> Path:
    """Put `source` → `translation` into zh_CN/<area>.ts, replacing an earlier one."""
    path = ROOT / "resources" / "i18n" / "zh_CN" / f"{area}.ts"
    tree = ET.parse(path) if path.exists() else _ts_skeleton()
    ctx = tree.getroot().find("context")
    for msg in ctx.findall("message"):
        if msg.findtext("source") == source:
            ctx.remove(msg)
    msg = ET.SubElement(ctx, "message")
    ET.SubElement(msg, "source").text = source
    ET.SubElement(msg, "translation").text = translation
    write_ts(tree, path)
    return path


def lrelease() -> str | None:
    """Qt's lrelease: PySide6-Essentials puts `pyside6-lrelease` in the venv's bin/ (Scripts\\ on
    Windows), which is not on PATH when the venv is not activated, so look beside this Python first."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        for exe in (here / name, here / f"{name}.exe"):
            if exe.is_file() and os.access(exe, os.X_OK):
                return str(exe)
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def build(out: Path | None = None) -> Path:
    """Compile every zh_CN/*.ts into one .qm with Qt's lrelease."""
    exe = lrelease()
    if not exe:
        raise SystemExit("lrelease not found: install PySide6-Essentials")
    out = out or i18n.compiled_path("zh_CN")
    files = [str(p) for p in i18n.catalog_files("zh_CN")]
    subprocess.run([exe, "-silent", *files, "-qm", str(out)], check=True)
    return out


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd, rest = argv[0], argv[1:]
    if cmd == "missing":
        gaps = missing()
        for src, where in sorted(gaps.items()):
            print(f"{where[0]}: {src}")
        return 1 if gaps else 0
    if cmd == "add" and len(rest) == 3:
        print(add(*rest))
        return 0
    if cmd == "build":
        print(build())
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
