"""One dialog for every unexpected exception, offering to save a report (never a silent exit)."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app import __version__
from ui.i18n import tr


def install_crash_hook(parent_getter: Callable[[], QWidget | None]) -> None:
    """Unexpected exceptions go to one dialog that offers to save a report (never a silent exit)."""

    def hook(kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(text)
        if QApplication.instance() is None:
            return
        box = QMessageBox(parent_getter())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("PanelReview: unexpected error"))
        box.setText(tr("Something went wrong that PanelReview did not expect. Your saved scores are safe: every "
                       "score is saved the moment it is entered."))
        box.setDetailedText(text)
        save = box.addButton(tr("Save report…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is save:
            name = f"panelreview-error-{datetime.now():%Y%m%d-%H%M%S}.txt"
            path, _ = QFileDialog.getSaveFileName(parent_getter(), tr("Save report"), str(Path.home() / name))
            if path:
                Path(path).write_text(f"PanelReview {__version__}\n{sys.platform}\n\n{text}", encoding="utf-8")

    sys.excepthook = hook
