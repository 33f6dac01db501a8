"""PySide6.QtGui with only the Qt plugins a desktop window needs.

Replaces PyInstaller's own hook (hooks on the spec's hookspath win). Plugins
must be left out here, not after the analysis: their libraries' dependencies
(QtNetwork for VNC, OpenGL for EGLFS, a private GTK for the GTK3 theme) are
collected as soon as a plugin is.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

KEEP = {
    # desktop platforms, and offscreen for the self-check on a machine with no display
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qdirect2d", "qcocoa"},
    "platforms/darwin": None,
    # the portal theme gives native file dialogs over D-Bus; the GTK3 one would
    # bring a private copy of GTK's libraries (cairo, pango, gdk) that clashes with the system's
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": None,  # ibus / compose: Chinese input methods on Linux
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-shell-integration": {"xdg-shell", "qt-shell", "wl-shell-plugin"},
    "imageformats": {"qjpeg", "qico", "qgif", "qsvg"},
    "iconengines": None,
    "accessiblebridge": None,
}


def wanted(src: str, dest: str) -> bool:
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True
    group = "/".join(parts[parts.index("plugins") + 1:])
    if group not in KEEP:
        return False
    name = os.path.splitext(os.path.basename(src))[0]
    name = name[3:] if name.startswith("lib") else name
    return KEEP[group] is None or name in KEEP[group]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if wanted(src, dest)]
