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
