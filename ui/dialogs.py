"""Dialogs both halves use."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr


def show_error(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    """A core error's sentence in a warning box over `parent`."""
    QMessageBox.warning(parent, title or tr("PanelReview"), text)
