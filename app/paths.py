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


PORTABLE_MARKER = "portable.txt"


def install_dir() -> Path:
    """The folder holding the program: the executable's when frozen, else the checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return root()


def portable() -> bool:
    """A `portable.txt` beside the program keeps settings and score files beside it (USB stick)."""
    return (install_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """Where PanelReview keeps its own files: beside itself in portable mode, else the platform's place."""
    import os

    override = os.environ.get("PANELREVIEW_DATA")
    if override:
        return Path(override)
    if portable():
        return install_dir() / "data"
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "PanelReview"


def demo_sources() -> Path:
    return resources_dir() / "demo"
