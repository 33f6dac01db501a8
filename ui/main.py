"""Start the window: the session, the expert, the pledge, conflicts of interest, then scoring."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__, i18n as core_i18n, paths
from app.errors import PanelReviewError
from ui import fonts, i18n, settings, style
from ui.i18n import tr


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


def make_app(lang: str | None = None) -> QApplication:
    """The QApplication with the bundled font, the translators and the style (idempotent)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PanelReview")
    app.setOrganizationName("PanelReview")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("panelreview")  # Wayland matches the menu entry by this name
    icon = paths.resources_dir() / "icons" / "panelreview-256.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    fonts.register(app)
    i18n.install(app, lang or settings.get("language"))
    app.setStyleSheet(style.SHEET)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()
    args = parse_args(argv)
    if args.self_check:
        from ui import selfcheck

        return selfcheck.run(lang=args.lang)
    app = make_app(args.lang)
    from ui.dialogs import install_crash_hook
    from ui.start import Controller

    controller = Controller(app)
    install_crash_hook(lambda: controller.window)
    try:
        if not controller.start(session=args.session, demo=args.demo, expert=args.expert,
                                secretary=args.secretary):
            return 0
    except PanelReviewError as exc:
        QMessageBox.critical(None, tr("PanelReview"), str(exc))
        return 1
    return app.exec()
