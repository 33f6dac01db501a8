"""Register the bundled font so no glyph is ever drawn as a box, on any machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app import fonts

_family: str | None = None


def register(app: QApplication) -> str:
    """Load the bundled CJK font and make it the application font; returns its family."""
    global _family
    if _family is None:
        fid = QFontDatabase.addApplicationFont(str(fonts.font_path()))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        _family = families[0] if families else QFont().family()
    font = QFont(_family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    # Prefer a system CJK face where there is one; the bundled one fills every gap.
    font.setFamilies([_family])
    app.setFont(font)
    return _family
