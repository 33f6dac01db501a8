"""Where the product's own files are, in a checkout and in a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder holding `rubrics/` and `resources/` (the bundle folder when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def rubrics_dir() -> Path:
    return root() / "rubrics"


def resources_dir() -> Path:
    return root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"
