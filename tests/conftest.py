"""Shared fixtures. Qt runs offscreen; the core speaks English in assertions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from app import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English unless a test switches language."""
    i18n.set_language("en")
    yield
    i18n.set_language(None)


@pytest.fixture
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path


@pytest.fixture
def corpus_dir() -> Path:
    path = SHARED / "corpus" / "pdfjs"
    if not path.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def demo_session(tmp_path_factory):
    """The demo session with short materials (built once per test run; treat as read-only)."""
    from app import demo

    return demo.build(tmp_path_factory.mktemp("demo") / "session", page_limit=2)


def run_cli(*args: str, cwd: Path | None = None, check: bool = True, env: dict | None = None):
    """`python -m app ARGS` as a user runs it; English messages."""
    import subprocess

    full_env = {**os.environ, "PANELREVIEW_LANG": "en", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "app", *args], cwd=cwd or ROOT, capture_output=True, text=True,
                          env=full_env, stdin=subprocess.DEVNULL, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"panelreview {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc
