"""Register the bundled fonts so no glyph is ever drawn as a box, on any machine.

The window uses the same fallback chain as the printed sheets (app/fonts.py):
Droid Sans Fallback first, then HanaMinA (CJK Extension A) and HanaMinB
(Extensions B–F), so 𠮷 and 䶮 in a name show on screen as they print.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import fonts

_families: list[str] = []


def families() -> list[str]:
    """The bundled faces' Qt family names in fallback order (loaded on first use)."""
    if not _families:
        for path in fonts.chain_paths():
            fid = QFontDatabase.addApplicationFont(str(path))
            loaded = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
            if loaded and loaded[0] not in _families:
                _families.append(loaded[0])
        if _families:
            # A font asked for by the first family's name (a style sheet, a copied QFont given another
            # size or weight) still falls back along the chain.
            QFont.insertSubstitutions(_families[0], _families[1:])
    return _families or [QFont().family()]


def chain_font(point_size: float | None = None) -> QFont:
    """A QFont over the whole chain: the first family draws what it has, the next ones the rest."""
    names = families()
    font = QFont(names[0])
    font.setFamilies(names)
    if point_size:
        font.setPointSizeF(point_size)
    return font


def register(app: QApplication) -> str:
    """Load the bundled fonts and make the chain the application font; returns the first family."""
    font = chain_font(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return families()[0]
