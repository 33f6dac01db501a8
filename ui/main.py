"""The entry point of `panelreview-gui` and `python -m ui`: read the arguments, then start."""

from __future__ import annotations

import argparse
import multiprocessing
from pathlib import Path
from typing import Sequence

from app import __version__, i18n as core_i18n


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="panelreview-gui", description="PanelReview")
    p.add_argument("session", nargs="?", type=Path, help="a session folder")
    p.add_argument("--demo", action="store_true", help="open the built-in demo session")
    p.add_argument("--expert", help="score as this expert (skips choosing from the roster)")
    p.add_argument("--secretary", action="store_true",
                   help="open the secretary's window (prepare, merge, rank, inspect, print)")
    p.add_argument("--lang", choices=core_i18n.LANGUAGES)
    p.add_argument("--version", action="version", version=f"PanelReview {__version__}")
    p.add_argument("--self-check", action="store_true", help="check this installation works, then exit")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()
    args = parse_args(argv)
    if args.self_check:
        from ui import selfcheck

        return selfcheck.run(lang=args.lang)
    from PySide6.QtWidgets import QMessageBox

    from app.errors import PanelReviewError
    from ui.application import make_app
    from ui.crash import install_crash_hook
    from ui.i18n import tr
    from ui.start import Controller

    app = make_app(args.lang)
    controller = Controller(app)
    install_crash_hook(lambda: controller.window)
    try:
        if not controller.start(session=args.session, demo=args.demo, expert=args.expert,
                                secretary=args.secretary):
            return 0
    except PanelReviewError as exc:
        QMessageBox.critical(None, tr("PanelReview"), str(exc))
        return 1
    settle_heap()
    return app.exec()


def settle_heap() -> None:
    """Once the window is up: what start-up made (modules, Qt wrappers, the session) lives as long as the
    program, so the garbage collector stops walking it. A full collection of that heap stalled the window
    for up to a third of a second now and then; after this one it walks only what was made since."""
    import gc

    gc.collect()
    gc.freeze()
