"""The bundled fonts, as one fallback chain, for every PDF the core writes and for the window.

Reports and sheets must print the same on a machine with no Chinese fonts
installed, so nothing here looks at system fonts: the TrueType files ship in
`resources/fonts/` and are embedded (as subsets of the glyphs used) in whatever
we write. The chain, first face that has the character wins:

1. Droid Sans Fallback — Latin and the CJK Unified Ideographs (20,902 of 20,992),
   but only 2 of the 6,592 of Extension A and none beyond the BMP;
2. HanaMinA (花園明朝A, a subset: only what Droid lacks) — Extension A, the
   compatibility ideographs, radicals, kana, symbols;
3. HanaMinB (花園明朝B) — Extensions B to F (𠮷 U+20BB7 is in B).

reportlab has no fallback of its own: `split_frags` (Paragraphs) and
`fallback_canvas` (drawString on the canvas, table cells) cut text into runs by
the face that has each glyph. A character no face has would print as the
invisible .notdef glyph; it prints as □ instead (format characters such as
variation selectors are left out), and `name_warnings` warns about such names
when a session is created. Coverage is read from each font's cmap table once
per process; a face is registered with reportlab only when a text needs it.
"""

from __future__ import annotations

import struct
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from app import paths
from app.errors import SheetError
from app.i18n import Sentence


@dataclass(frozen=True)
class Face:
    file: str  # under resources/fonts/
    name: str  # the name registered with reportlab (and used in <font name=...>)
    family: str  # the family name inside the file (what Qt calls it)


CHAIN: tuple[Face, ...] = (
    Face("DroidSansFallbackFull.ttf", "DroidSansFallback", "Droid Sans Fallback"),
    Face("HanaMinA-subset.ttf", "HanaMinA", "HanaMinA"),
    Face("HanaMinB.ttf", "HanaMinB", "HanaMinB"),
)
PRIMARY = CHAIN[0]
FILE_NAME = PRIMARY.file
REPORTLAB_NAME = PRIMARY.name
MISSING_GLYPH = "□"  # printed for a character no bundled face has (Droid has it)
# blanks that are no glyph of their own in a line of text
_BLANKS = frozenset("\n\r\t")

_register_lock = threading.Lock()


def font_path(face: Face = PRIMARY) -> Path:
    """A bundled TrueType file; SheetError if it is not there."""
    path = paths.fonts_dir() / face.file
    if not path.is_file():
        raise SheetError("font file missing: {path}", path=str(path))
    return path


def chain_paths() -> list[Path]:
    """Every face's file, in fallback order."""
    return [font_path(f) for f in CHAIN]


def font_bytes(face: Face = PRIMARY) -> bytes:
    """A font file's bytes, for `pymupdf.Font(fontbuffer=...)` and `page.insert_font(fontbuffer=...)`."""
    return _read(font_path(face))


@lru_cache(maxsize=4)
def _read(path: Path) -> bytes:
    # Keyed by path so a test that points fonts_dir() elsewhere is not served a stale copy.
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SheetError("font file cannot be read: {path}", path=str(path)) from exc


# --------------------------------------------------------------------------- coverage


def _cmap(path: Path) -> set[int]:
    """The code points `path`'s cmap maps to a glyph other than .notdef (Unicode subtables 3/10, 0/4, 3/1)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            count = struct.unpack(">H", head[4:6])[0]
            directory = f.read(16 * count)
            for k in range(count):
                tag, _sum, offset, length = struct.unpack(">4sLLL", directory[16 * k:16 * k + 16])
                if tag == b"cmap":
                    f.seek(offset)
                    data = f.read(length)
                    break
            else:
                raise ValueError("no cmap table")
    except (OSError, struct.error, ValueError) as exc:
        raise SheetError("font file cannot be read: {path}", path=str(path)) from exc
    n = struct.unpack(">H", data[2:4])[0]
    tables = {}
    for k in range(n):
        platform, encoding, offset = struct.unpack(">HHL", data[4 + 8 * k:12 + 8 * k])
        tables[(platform, encoding)] = offset
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3)):
        if key in tables:
            break
    else:
        raise SheetError("font file cannot be read: {path}", path=str(path))
    off = tables[key]
    fmt = struct.unpack(">H", data[off:off + 2])[0]
    out: set[int] = set()
    if fmt == 12:
        groups = struct.unpack(">L", data[off + 12:off + 16])[0]
        for g in range(groups):
            start, end, glyph = struct.unpack(">LLL", data[off + 16 + 12 * g:off + 28 + 12 * g])
            out.update(range(start + (glyph == 0), end + 1))
    elif fmt == 4:
        segs = struct.unpack(">H", data[off + 6:off + 8])[0] // 2
        arr = lambda at: struct.unpack(f">{segs}H", data[at:at + 2 * segs])  # noqa: E731
        ends = arr(off + 14)
        starts = arr(off + 16 + 2 * segs)
        deltas = arr(off + 16 + 4 * segs)
        ranges_at = off + 16 + 6 * segs
        ranges = arr(ranges_at)
        for s in range(segs):
            start, end, delta, ro = starts[s], ends[s], deltas[s], ranges[s]
            for c in range(start, end + 1):
                if c == 0xFFFF:
                    continue
                if ro == 0:
                    glyph = (c + delta) & 0xFFFF
                else:
                    at = ranges_at + 2 * s + ro + 2 * (c - start)
                    glyph = struct.unpack(">H", data[at:at + 2])[0]
                    if glyph:
                        glyph = (glyph + delta) & 0xFFFF
                if glyph:
                    out.add(c)
    else:
        raise SheetError("font file cannot be read: {path}", path=str(path))
    return out


@lru_cache(maxsize=8)
def _coverage_of(path: Path) -> frozenset[str]:
    cps = _cmap(path)
    if 0x20 in cps:
        cps.add(0xA0)  # reportlab draws a no-break space with the space glyph
    return frozenset(map(chr, cps))


@lru_cache(maxsize=None)
def coverage(face: Face) -> frozenset[str]:
    """The characters `face` draws (as one-character strings), read once per process."""
    return _coverage_of(font_path(face))


@lru_cache(maxsize=1)
def _primary() -> frozenset[str]:
    """What the first face draws, blanks included: the fast path (one C-level subset test per text)."""
    return coverage(PRIMARY) | _BLANKS


def _selector(ch: str) -> bool:
    """A variation selector: it picks a form of the character before it and is no glyph of its own
    (reportlab cannot apply it; a font that maps it would print a box)."""
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _ignorable(ch: str) -> bool:
    """Characters that are no glyph of their own: controls, format characters, variation selectors."""
    if ch in _BLANKS:
        return False
    return _selector(ch) or unicodedata.category(ch) in ("Cc", "Cf")


@lru_cache(maxsize=8192)
def face_of(ch: str) -> int | None:
    """The index in CHAIN of the first face that has `ch`; None if none has it."""
    for k, face in enumerate(CHAIN):
        if ch in coverage(face):
            return k
    return None


def unprintable(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no bundled face draws; format characters excepted."""
    if _primary().issuperset(text):
        return []
    seen: list[str] = []
    for ch in text:
        if ch not in _BLANKS and face_of(ch) is None and not _ignorable(ch) and ch not in seen:
            seen.append(ch)
    return seen


def runs(text: str) -> list[tuple[int, str]]:
    """`text` cut into (face index, text) runs; blanks join the run they are in; a character no face has
    becomes □ (format characters are dropped)."""
    if _primary().issuperset(text):
        return [(0, text)]
    out: list[tuple[int, str]] = []
    current, buf = 0, []
    for ch in text:
        k = None if _selector(ch) else face_of(ch)
        if k is None:
            if ch in _BLANKS:
                buf.append(ch)
                continue
            if _ignorable(ch):
                continue
            ch, k = MISSING_GLYPH, 0
        if k != current and buf:
            out.append((current, "".join(buf)))
            buf = []
        current = k
        buf.append(ch)
    if buf or not out:
        out.append((current, "".join(buf)))
    return out


# --------------------------------------------------------------------------- reportlab


def register_reportlab() -> str:
    """Register the first face with reportlab (once per process) and return its name for setFont/styles.

    The other faces are registered when a text first needs them (`reportlab_name`).
    """
    return reportlab_name(0)


def reportlab_name(index: int) -> str:
    """The reportlab name of CHAIN[index], registering the face first if need be."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    face = CHAIN[index]
    if face.name in _registered:
        return face.name
    with _register_lock:
        _astral_to_unicode()
        if face.name in pdfmetrics.getRegisteredFontNames():
            _registered.add(face.name)
            return face.name
        path = font_path(face)
        try:
            # reportlab embeds TTFonts as subsets of the glyphs actually used; not reserving the ASCII range
            # in the first subset keeps the glyphs a sheet never shows out of it (5 KB a sheet for Droid,
            # 17 KB for the one 𠮷 of HanaMinB). The space keeps code 32, so word spacing still works.
            pdfmetrics.registerFont(TTFont(face.name, str(path), asciiReadable=False))
        except (OSError, TTFError) as exc:
            raise SheetError("font file cannot be read: {path}", path=str(path)) from exc
        # One face only: map bold/italic to it so <b> in a Paragraph does not raise.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(face.name, bold, italic, face.name)
        _registered.add(face.name)
        return face.name


_registered: set[str] = set()


def _astral_to_unicode() -> None:
    """Make reportlab's ToUnicode CMaps name characters beyond the BMP (𠮷 U+20BB7) as UTF-16 pairs.

    reportlab writes "<01> <20BB7>": five hex digits, which readers take as U+20BB ₻, so the text a
    reader copies or searches (pdftotext) would misspell the name. Wrapped once per process.
    """
    import re

    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "astral", False):
        return

    def pair(m: "re.Match[str]") -> str:
        return f"{m.group(1)}<{chr(int(m.group(2), 16)).encode('utf-16-be').hex().upper()}>"

    def make(fontname: str, subset: list) -> str:
        return re.sub(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", pair, original(fontname, subset), flags=re.M)

    make.astral = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


def split_frags(frags: list) -> list:
    """A parsed Paragraph's fragments with each run of text the first face cannot draw given the face that can.

    Called on `Paragraph.frags` right after parsing; fragments without text (line breaks, images) pass.
    """
    primary = _primary()
    out = None
    for i, f in enumerate(frags):
        text = getattr(f, "text", None)
        if not text or getattr(f, "cbDefn", None) is not None or primary.issuperset(text):
            if out is not None:
                out.append(f)
            continue
        if out is None:
            out = list(frags[:i])
        for k, part in runs(text):
            out.append(f.clone(text=part) if k == 0 else f.clone(text=part, fontName=reportlab_name(k)))
    return frags if out is None else out


def string_width(text: str, font: str, size: float) -> float:
    """The width of `text` drawn in `font` at `size`, each run in the face that draws it."""
    width = _string_width()
    if _primary().issuperset(text):
        return width(text, font, size)
    return sum(width(part, font if k == 0 else reportlab_name(k), size) for k, part in runs(text))


@lru_cache(maxsize=1)
def _string_width() -> Any:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth


@lru_cache(maxsize=None)
def fallback_canvas(base: type | None = None) -> type:
    """A reportlab Canvas class whose drawString / drawRightString / drawCentredString switch faces per run."""
    if base is None:
        from reportlab.pdfgen.canvas import Canvas as base  # noqa: N813

    class FallbackCanvas(base):  # type: ignore[misc, valid-type]
        def _runs_or_none(self, text: Any) -> list[tuple[int, str]] | None:
            if not isinstance(text, str) or self._fontname != REPORTLAB_NAME or _primary().issuperset(text):
                return None
            return runs(text)

        def _draw_runs(self, x: float, y: float, parts: list[tuple[int, str]], **kw: Any) -> None:
            font, size, leading = self._fontname, self._fontsize, self._leading
            for k, part in parts:
                name = font if k == 0 else reportlab_name(k)
                if name != self._fontname:
                    self.setFont(name, size, leading)
                base.drawString(self, x, y, part, **kw)
                x += string_width(part, name, size)
            if self._fontname != font:
                self.setFont(font, size, leading)

        def drawString(self, x: float, y: float, text: Any, *args: Any, **kw: Any) -> None:  # noqa: N802
            parts = self._runs_or_none(text)
            if parts is None or args:
                return base.drawString(self, x, y, text, *args, **kw)
            self._draw_runs(x, y, parts, **kw)

        def drawRightString(self, x: float, y: float, text: Any, *args: Any, **kw: Any) -> None:  # noqa: N802
            parts = self._runs_or_none(text)
            if parts is None or args:
                return base.drawRightString(self, x, y, text, *args, **kw)
            self._draw_runs(x - string_width(text, self._fontname, self._fontsize), y, parts, **kw)

        def drawCentredString(self, x: float, y: float, text: Any, *args: Any, **kw: Any) -> None:  # noqa: N802
            parts = self._runs_or_none(text)
            if parts is None or args:
                return base.drawCentredString(self, x, y, text, *args, **kw)
            self._draw_runs(x - string_width(text, self._fontname, self._fontsize) / 2, y, parts, **kw)

    FallbackCanvas.__name__ = f"Fallback{base.__name__}"
    return FallbackCanvas


# --------------------------------------------------------------------------- names at session creation


def name_warnings(applicants: Iterable[Any], experts: Iterable[Any], *, applicants_file: Any = "",
                  experts_file: Any = "") -> list[Sentence]:
    """One warning per printed field (applicant name; expert name, organisation, title) holding a character
    that no bundled font draws: it would print as □ on the signed sheets."""
    out: list[Sentence] = []
    for k, a in enumerate(applicants):
        bad = _chars(a.name)
        if bad:
            choice = getattr(a, "rubric_choice", None)
            out.append(Sentence("{file}: row {row}, applicant {id} ({text}): {chars} cannot be printed by any "
                                "bundled font and would print as □; check the spelling, or write it in by hand "
                                "on the signed sheets", file=_name(applicants_file),
                                row=getattr(choice, "row", None) or "?", id=a.id, text=a.name, chars=bad))
    for e in experts:
        for text in (e.name, getattr(e, "organisation", ""), getattr(e, "title", "")):
            bad = _chars(text)
            if bad:
                out.append(Sentence("{file}: expert {id} ({text}): {chars} cannot be printed by any bundled font "
                                    "and would print as □; check the spelling, or write it in by hand on the signed "
                                    "sheets", file=_name(experts_file), id=e.id, text=text, chars=bad))
    return out


def _chars(text: str | None) -> str:
    """"𠮷 (U+20BB7), 䶮 (U+4DAE)" for the characters of `text` no face draws; "" when there are none."""
    return ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in unprintable(text or ""))


def _name(file: Any) -> str:
    return Path(file).name if file else ""
