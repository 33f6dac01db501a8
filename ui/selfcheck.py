"""`panelreview-gui --self-check`: prove an installed copy works, step by step.

Opens the first window, builds the demo session in a temporary folder (in a task's
worker process, as the window does), renders
a scanned page through the render worker processes (the part a frozen program
most easily gets wrong), scores and submits as an expert, writes the opinion
sheet PDF and reads it back, then opens the expert's window. One line per
step; exit 0 when every step passed, else 1 with the reason. Nothing is
written outside the temporary folder, and nothing goes on the network.
Without a display (Linux) it runs offscreen.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

RENDER_TIMEOUT = 60.0
_T0 = time.monotonic()


def process_age() -> float:
    """Seconds since this process started (best effort; since this module loaded if unknown)."""
    try:
        if sys.platform.startswith("linux"):
            ticks = os.sysconf("SC_CLK_TCK")
            with open("/proc/self/stat", "rb") as f:
                start = int(f.read().rsplit(b")", 1)[1].split()[19]) / ticks
            with open("/proc/uptime", "rb") as f:
                return float(f.read().split()[0]) - start
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            times = [wintypes.FILETIME() for _ in range(4)]
            k32 = ctypes.windll.kernel32
            k32.GetProcessTimes(k32.GetCurrentProcess(), *[ctypes.byref(t) for t in times])
            now = wintypes.FILETIME()
            k32.GetSystemTimeAsFileTime(ctypes.byref(now))
            as_int = lambda t: (t.dwHighDateTime << 32) | t.dwLowDateTime  # noqa: E731
            return (as_int(now) - as_int(times[0])) / 1e7
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.monotonic() - _T0


class Failed(Exception):
    """A step did not do what it should; the message says what."""


def say(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (AttributeError, OSError, ValueError):
        pass  # a windowed program on Windows may have no stdout


def run(*, lang: str | None = None) -> int:
    """Run every step; 0 when all passed."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    tmp = Path(tempfile.mkdtemp(prefix="panelreview-selfcheck-"))
    # Everything the check writes (demo session, score file, settings) stays in tmp,
    # so it neither reads nor changes the user's own data, portable or not.
    os.environ["PANELREVIEW_DATA"] = str(tmp / "data")
    os.environ["PANELREVIEW_SETTINGS"] = str(tmp / "settings.ini")
    try:
        return _steps(tmp, lang)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _steps(tmp: Path, lang: str | None) -> int:
    state: dict = {}
    steps: list[tuple[str, Callable[[], str]]] = [
        ("start", lambda: _start(state, lang)),
        ("first window", lambda: _first_window(state)),
        ("demo session", lambda: _demo(state, tmp)),
        ("render a scanned page in a worker process", lambda: _render(state)),
        ("score and submit", lambda: _score(state)),
        ("opinion sheet", lambda: _sheet(state, tmp)),
        ("expert window", lambda: _expert_window(state)),
    ]
    started = time.monotonic()
    try:
        for name, step in steps:
            t = time.monotonic()
            try:
                detail = step()
            except Failed as exc:
                say(f"FAIL {name}: {exc}")
                return 1
            except Exception as exc:  # noqa: BLE001 — the check reports anything at all
                say(f"FAIL {name}: {type(exc).__name__}: {exc}")
                say(traceback.format_exc().rstrip())
                return 1
            say(f"ok   {name} ({time.monotonic() - t:.2f} s){': ' + detail if detail else ''}")
    finally:
        _cleanup(state)
    say(f"self-check passed in {time.monotonic() - started:.1f} s (PanelReview {state.get('version', '?')})")
    return 0


def _start(state: dict, lang: str | None) -> str:
    from app import __version__, paths
    from ui.application import make_app

    state["app"] = make_app(lang)
    state["version"] = __version__
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    version_file = paths.root() / "VERSION"
    if version_file.is_file():
        built = version_file.read_text(encoding="utf-8").strip()
        if built != __version__:
            raise Failed(f"the bundle says version {built} but the program is {__version__}")
    from PySide6.QtGui import QGuiApplication

    return f"PanelReview {__version__}, {frozen}, Qt platform {QGuiApplication.platformName()}"


def _wait_exposed(widget, timeout: float = 10.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        handle = widget.windowHandle()
        if widget.isVisible() and handle is not None and handle.isExposed():
            return
        time.sleep(0.005)
    raise Failed("the window was not shown within %.0f s" % timeout)


def _first_window(state: dict) -> str:
    """The window a user sees first (choosing a session); its time is the start-up time."""
    from ui.start import OpenSessionDialog

    dialog = OpenSessionDialog()
    dialog.show()
    _wait_exposed(dialog)
    age = process_age()
    state["startup"] = age
    dialog.close()
    dialog.deleteLater()
    return f"shown {age:.2f} s after the program started"


def _demo(state: dict, tmp: Path) -> str:
    """Built as the window builds it: in a task's worker process (the other thing a frozen program gets wrong)."""
    from ui.start import demo_session

    session = demo_session(None, out_dir=tmp / "demo-session")
    check = session.verify()
    if not check.ok:
        raise Failed(f"the demo session's materials do not match its manifest: {check}")
    state["session"] = session
    return f"{len(session.applicants)} applicants, {len(session.experts)} experts"


def _render(state: dict) -> str:
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.render import RenderService, render_key

    session = state["session"]
    material = next((f for a in session.applicants for f in session.materials(a.id)), None)
    if material is None:
        raise Failed("the demo session has no material files")
    path = str(session.material_path(material))
    service = state["render"] = RenderService(workers=1)
    loop = QEventLoop()
    result: dict = {}

    def loaded(p, info):
        if p == path:
            result["pages"] = len(info.page_sizes)
            service.render(render_key(path, 0, 1.0))

    def load_failed(p, error):
        result["error"] = f"cannot open {Path(p).name}: {error}"
        loop.quit()

    def rendered(key, image):
        if key.path == path:
            result["image"] = image
            loop.quit()

    def render_failed(key, error):
        result["error"] = f"page {key.page + 1} of {Path(key.path).name}: {error}"
        loop.quit()

    service.loaded.connect(loaded)
    service.load_failed.connect(load_failed)
    service.rendered.connect(rendered)
    service.render_failed.connect(render_failed)
    QTimer.singleShot(int(RENDER_TIMEOUT * 1000), loop.quit)
    service.load(path)
    loop.exec()
    if "error" in result:
        raise Failed(result["error"])
    image = result.get("image")
    if image is None:
        raise Failed(f"no page came back from the render worker within {RENDER_TIMEOUT:.0f} s")
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise Failed(f"the rendered page is empty ({image.width()}x{image.height()})")
    pids = service.worker_pids()
    if os.getpid() in pids:
        raise Failed("the page was rendered in the window's own process")
    from ui import pixels

    # where the fall-backs are taken, the page is still right but the window waits more while pages are turned
    how = ("Qt's converter without the GIL" if pixels.converter() is not None
           else "QImage.convertToFormat, holding the GIL")
    pool = "off" if os.environ.get("QT_NO_GUI_THREADPOOL") else "on"
    return (f"{Path(path).name} page 1 of {result.get('pages')}: {image.width()}x{image.height()} from worker "
            f"{pids}; pixels by {how}; Qt's GUI thread pool {pool}")


def _score(state: dict) -> str:
    from app.scorefile import open_or_create

    session = state["session"]
    expert = session.experts[0]
    scores = state["scores"] = open_or_create(session, expert.id)
    for a in scores.applicants:
        for item in scores.applied(a.id).items():
            if item.takes_points:
                scores.set_points(a.id, item.id, item.allowed.max)
            else:
                scores.set_answer(a.id, item.id, "yes")
        scores.set_recommendation(a.id, "positive", "材料齐全，条件符合。")
    fingerprint = scores.submit()
    if not scores.submitted or not scores.verify().ok:
        raise Failed("the submitted score file does not verify")
    return f"expert {expert.id}, {len(scores.applicants)} applicants, fingerprint {fingerprint}"


def _sheet(state: dict, tmp: Path) -> str:
    try:
        from app.sheets import opinion_sheet
    except ImportError as exc:
        raise Failed(f"the opinion sheet module is missing from this build ({exc})") from None
    import pymupdf

    scores = state["scores"]
    applicant = scores.applicants[0].id
    out = tmp / f"opinion-{applicant}.pdf"
    opinion_sheet(scores, applicant, out)
    if not out.is_file() or out.stat().st_size == 0:
        raise Failed(f"no PDF was written at {out}")
    with pymupdf.open(out) as doc:
        pages = doc.page_count
    if pages < 1:
        raise Failed("the opinion sheet PDF has no pages")
    return f"{out.name}: {pages} page(s), {out.stat().st_size // 1024} KB"


def _expert_window(state: dict) -> str:
    from ui.expert.window import ExpertWindow

    window = state["window"] = ExpertWindow(state["session"], state["scores"])
    window.show()
    _wait_exposed(window)
    return window.windowTitle()


def _cleanup(state: dict) -> None:
    window = state.pop("window", None)
    if window is not None:
        window.close()
    from ui import render

    for service in (state.pop("render", None), render._service):
        if service is not None:
            service.shutdown()
    scores = state.pop("scores", None)
    if scores is not None:
        scores.close()
