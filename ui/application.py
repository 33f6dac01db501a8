"""The one QApplication: bundled font, translators, style, icon."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, paths
from ui import fonts, i18n, settings, style, tasks


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
    # --lang, then PANELREVIEW_LANG (as the command line honours it), then the language chosen in the window
    i18n.install(app, lang or os.environ.get("PANELREVIEW_LANG") or settings.get("language"))
    app.setStyleSheet(style.SHEET)
    if not app.property("panelreview-quit-hook"):
        # work still running when the last window closes is stopped before Qt tears its threads down
        app.aboutToQuit.connect(tasks.stop_all)
        app.setProperty("panelreview-quit-hook", True)
    return app
