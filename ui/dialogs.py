"""Dialogs both halves use."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr


def show_error(parent: QWidget | None, text: str, *, title: str | None = None) -> None:
    """A core error's sentence in a warning box over `parent`."""
    QMessageBox.warning(parent, title or tr("PanelReview"), text)


def show_about(parent: QWidget | None) -> None:
    """关于: the program, its version, where its data is kept."""
    from app import __version__, paths

    QMessageBox.about(parent, tr("About PanelReview"), tr(
        "PanelReview {version}\n\nOffline scoring and merging for expert review panels.\n\n"
        "Data folder: {data}").format(version=__version__, data=paths.data_dir()))


def removable_or_home() -> str:
    """Where a file chooser for a USB stick starts: a mounted removable drive if there is one, else home.

    Never the program's folder (the current directory of a double-clicked program)."""
    import getpass
    import os
    import sys
    from pathlib import Path

    from PySide6.QtCore import QStorageInfo

    if sys.platform == "win32":
        system = os.environ.get("SystemDrive", "C:").upper()
        for volume in QStorageInfo.mountedVolumes():
            root = volume.rootPath()
            if volume.isValid() and volume.isReady() and not root.upper().startswith(system) \
                    and len(root) <= 3 and not volume.isReadOnly():
                return root
    else:
        user = getpass.getuser()
        for base in (Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/Volumes")):
            try:
                found = sorted(p for p in base.iterdir() if p.is_dir() and os.path.ismount(p))
            except OSError:
                continue
            if found:
                return str(found[0])
    return str(Path.home())
