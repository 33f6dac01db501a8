"""A worker's RGB page pixels as a QImage in Qt's native 32-bit format, made without holding the GIL.

`QImage.convertToFormat` holds Python's GIL for the whole conversion (a fit-width page takes 1 ms alone, and
longer on a busy laptop). Done on a reader thread, that kept the window thread waiting: whenever the
scheduler gave the reader's core to a render worker in the middle of a conversion, the window could not run
Python until the reader got its core back, 10-20 ms at a time while pages were turned. Here the image is
allocated (quick, with the GIL) and filled by the converter Qt itself uses (`qt_convert_rgb888_to_rgb32`,
exported by QtGui for Qt's own modules) called through ctypes, which lets go of the GIL during the call.

The converter is looked up once and checked against `convertToFormat` on a test pattern; where it is not
found (another platform's name, a Qt that stops exporting it) or gives other pixels, `convertToFormat` is
used, so the pixels are always the same.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Callable

from PySide6.QtGui import QImage

RGB888 = QImage.Format.Format_RGB888
RGB32 = QImage.Format.Format_RGB32

# void qt_convert_rgb888_to_rgb32(quint32 *dst, const uchar *src, int len), as each platform's linker names it.
# Qt declares it Q_GUI_EXPORT (qimage_conversions.cpp), so QtGui exports it on Windows too; the names read back
# as that signature with c++filt (Itanium: Linux x86-64 and arm64) and llvm-undname (MSVC x64). Only Linux has
# been run; elsewhere a missing name means convertToFormat, with the same pixels.
_SYMBOLS = {"linux": ("libQt6Gui.so.6", "_Z26qt_convert_rgb888_to_rgb32PjPKhi"),
            "win32": ("Qt6Gui.dll", "?qt_convert_rgb888_to_rgb32@@YAXPEAIPEBEH@Z")}

_converter: Callable | None = None
_looked = False


def _address(buffer) -> int:
    """The address of a writable buffer's first byte (it must stay alive and unmoved while used)."""
    anchor = ctypes.c_char.from_buffer(buffer)
    address = ctypes.addressof(anchor)
    del anchor  # the buffer is no longer exported (an mmap can still be closed)
    return address


def _find() -> Callable | None:
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    if platform not in _SYMBOLS or ctypes.sizeof(ctypes.c_void_p) != 8:
        return None
    library, symbol = _SYMBOLS[platform]
    try:
        # the QtGui this process loaded (QImage comes from it), never another copy from the system
        if platform == "win32":
            handle = ctypes.windll.kernel32.GetModuleHandleW(library)
            if not handle:
                return None
            loaded = ctypes.CDLL(library, handle=handle)
        else:
            loaded = ctypes.CDLL(library, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
        function = getattr(loaded, symbol)
    except (OSError, AttributeError):
        return None
    function.restype = None
    function.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    return function


def _check(function: Callable) -> bool:
    """Whether `function` converts a pattern of every byte value as convertToFormat does."""
    width, height = 37, 5  # odd sizes: the converter's vector loop and its tail
    pattern = bytes((k * 7 + k // 256) % 256 for k in range(width * height * 3))
    expected = QImage(pattern, width, height, width * 3, RGB888).convertToFormat(RGB32)
    got = QImage(width, height, RGB32)
    bits = got.bits()
    row = got.bytesPerLine()
    for y in range(height):
        function(_address(bits) + y * row, pattern[y * width * 3:(y + 1) * width * 3], width)
    del bits
    return got == expected


def converter() -> Callable | None:
    """Qt's RGB888 → RGB32 converter callable without the GIL, or None (then convertToFormat is used)."""
    global _converter, _looked
    if not _looked:
        _looked = True
        function = _find()
        _converter = function if function is not None and _check(function) else None
    return _converter


def rgb32_image(source, width: int, height: int, stride: int) -> QImage:
    """A QImage (RGB32, owning its memory) of the RGB888 pixels in `source` (bytes, or a writable buffer such
    as a shared-memory view) with rows `stride` bytes apart."""
    function = converter()
    if function is None:
        return QImage(source, width, height, stride, RGB888).convertToFormat(RGB32)
    image = QImage(width, height, RGB32)
    bits = image.bits()
    target, row = _address(bits), image.bytesPerLine()
    if isinstance(source, bytes):  # down the pipe: ctypes passes the bytes' own memory
        rows = (source[y * stride:y * stride + width * 3] for y in range(height))
    else:
        start = _address(source)
        rows = (start + y * stride for y in range(height))
    if stride == width * 3 and row == width * 4:  # the usual case: the whole page in one call
        function(target, source if isinstance(source, bytes) else start, width * height)
    else:
        for y, line in enumerate(rows):
            function(target + y * row, line, width)
    del bits
    return image
