"""Preferences and window state behind QSettings, with every default in one place.

Geometry and splitter states live apart from preferences (group "state"),
so resetting preferences never loses a layout and vice versa. Tests point
the whole store at a temporary file with `use_file()`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from app import paths

DEFAULTS: dict[str, Any] = {
    "language": "zh_CN",
    "recent_sessions": [],
    "thumbnails": True,
    "zoom_mode": "width",
}
MAX_RECENT = 8

_store: QSettings | None = None


def store() -> QSettings:
    """The settings file: beside the program in portable mode, else the platform's place."""
    global _store
    if _store is None:
        if paths.portable() or _store_path_override():
            target = _store_path_override() or (paths.data_dir() / "settings.ini")
            _store = QSettings(str(target), QSettings.Format.IniFormat)
        else:
            _store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "PanelReview", "PanelReview")
    return _store


def _store_path_override() -> Path | None:
    import os

    value = os.environ.get("PANELREVIEW_SETTINGS")
    return Path(value) if value else None


def use_file(path: Path) -> None:
    """Keep settings in `path` (tests)."""
    global _store
    _store = QSettings(str(path), QSettings.Format.IniFormat)


def get(key: str) -> Any:
    raw = store().value(f"prefs/{key}")
    default = DEFAULTS[key]
    if raw is None:
        return default
    if isinstance(default, bool):
        return raw in (True, "true", "1", 1)
    if isinstance(default, list):
        try:
            value = json.loads(raw) if isinstance(raw, str) else list(raw)
            return value if isinstance(value, list) else default
        except ValueError:
            return default
    return raw


def put(key: str, value: Any) -> None:
    if isinstance(DEFAULTS[key], list):
        value = json.dumps(value, ensure_ascii=False)
    store().setValue(f"prefs/{key}", value)
    store().sync()


def add_recent(session_dir: Path, title: str | None = None) -> None:
    items = [p for p in get("recent_sessions") if p != str(session_dir)]
    put("recent_sessions", [str(session_dir), *items][:MAX_RECENT])
    if title:
        titles = {k: v for k, v in recent_titles().items() if k in get("recent_sessions")}
        titles[str(session_dir)] = title
        store().setValue("prefs/recent_titles", json.dumps(titles, ensure_ascii=False))
        store().sync()


def recent_titles() -> dict[str, str]:
    """Session folder → its title, for the recent sessions list."""
    raw = store().value("prefs/recent_titles")
    try:
        value = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def save_state(name: str, data: QByteArray) -> None:
    store().setValue(f"state/{name}", data)


def state(name: str) -> QByteArray | None:
    value = store().value(f"state/{name}")
    return value if isinstance(value, QByteArray) else None


def per_file(kind: str, key: str) -> Any:
    return store().value(f"{kind}/{key}")


def set_per_file(kind: str, key: str, value: Any) -> None:
    store().setValue(f"{kind}/{key}", value)


def restore_geometry(window, name: str, *, width: int, height: int) -> None:
    """Put `window` where it was last closed, else `width`×`height` clipped to the screen."""
    from PySide6.QtWidgets import QApplication

    saved = state(name)
    if saved is not None and window.restoreGeometry(saved):
        return
    screen = QApplication.primaryScreen()
    avail = screen.availableGeometry() if screen else None
    if avail is not None:
        window.resize(min(width, avail.width()), min(height, avail.height()))
    else:
        window.resize(1366, 768)


def last_expert(session_id: str) -> str | None:
    """The roster id last used on this computer to score session `session_id`."""
    value = store().value(f"last_expert/{session_id}")
    return str(value) if value else None


def set_last_expert(session_id: str, expert_id: str) -> None:
    store().setValue(f"last_expert/{session_id}", expert_id)
    store().sync()


def place(session_id: str, expert_id: str) -> dict[str, Any]:
    """Where the expert was when the window closed: applicant, material file, 0-based page (any may be missing)."""
    raw = store().value(f"place/{session_id}/{expert_id}")
    try:
        value = json.loads(raw) if isinstance(raw, str) else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def set_place(session_id: str, expert_id: str, **where: Any) -> None:
    store().setValue(f"place/{session_id}/{expert_id}", json.dumps(where, ensure_ascii=False))
