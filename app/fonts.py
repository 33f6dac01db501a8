"""The one bundled font (Droid Sans Fallback: CJK and Latin) for every PDF the core writes.

Reports and sheets must print the same on a machine with no Chinese fonts
installed, so nothing here looks at system fonts: the TrueType file ships in
`resources/fonts/` and is embedded (as a subset) in whatever we write.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from app import paths
from app.errors import SheetError

FILE_NAME = "DroidSansFallbackFull.ttf"
REPORTLAB_NAME = "DroidSansFallback"

_register_lock = threading.Lock()


def font_path() -> Path:
    """The bundled TrueType file; SheetError if it is not there."""
    path = paths.fonts_dir() / FILE_NAME
    if not path.is_file():
        raise SheetError("font file missing: {path}", path=str(path))
    return path


def font_bytes() -> bytes:
    """The font file's bytes, for `pymupdf.Font(fontbuffer=...)` and `page.insert_font(fontbuffer=...)`."""
    return _read(font_path())


@lru_cache(maxsize=2)
def _read(path: Path) -> bytes:
    # Keyed by path so a test that points fonts_dir() elsewhere is not served a stale copy.
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SheetError("font file cannot be read: {path}", path=str(path)) from exc


def register_reportlab() -> str:
    """Register the font with reportlab (once per process) and return the name to pass to setFont/styles."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    with _register_lock:
        if REPORTLAB_NAME in pdfmetrics.getRegisteredFontNames():
            return REPORTLAB_NAME
        path = font_path()
        try:
            # reportlab embeds TTFonts as subsets of the glyphs actually used.
            pdfmetrics.registerFont(TTFont(REPORTLAB_NAME, str(path)))
        except (OSError, TTFError) as exc:
            raise SheetError("font file cannot be read: {path}", path=str(path)) from exc
        # One face only: map bold/italic to it so <b> in a Paragraph does not raise.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(REPORTLAB_NAME, bold, italic, REPORTLAB_NAME)
        return REPORTLAB_NAME
