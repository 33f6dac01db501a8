"""Page pixels become a QImage off the window thread without holding the GIL (ui/pixels.py), and the same
pixels as QImage.convertToFormat makes."""

from __future__ import annotations

import mmap
import os
import sys
import threading
import time

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from ui import pixels  # noqa: E402


def reference(data: bytes, width: int, height: int, stride: int) -> QImage:
    return QImage(data, width, height, stride, QImage.Format.Format_RGB888).convertToFormat(
        QImage.Format.Format_RGB32)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the converter's name is known for Linux here")
def test_qts_own_converter_is_found_and_checked(qapp):
    assert pixels.converter() is not None


@pytest.mark.parametrize("padding", [0, 5])
def test_the_same_pixels_from_bytes_and_from_shared_memory(qapp, padding):
    width, height = 1001, 67  # an odd width: the converter's vector loop and its tail
    rows = [os.urandom(width * 3) + bytes(padding) for _ in range(height)]
    data, stride = b"".join(rows), width * 3 + padding
    expected = reference(data, width, height, stride)
    assert pixels.rgb32_image(data, width, height, stride) == expected
    block = mmap.mmap(-1, len(data) + 4096)
    try:
        block[:len(data)] = data
        view = memoryview(block)
        image = pixels.rgb32_image(view[:len(data)], width, height, stride)
        view.release()
        assert image == expected
    finally:
        block.close()  # no export of the block is left behind: it can be closed


def test_the_window_thread_runs_while_a_page_is_converted(qapp):
    """convertToFormat holds the GIL: during a big conversion on another thread the window thread could not
    run at all. The longest pause of a loop here must be well under the conversion's own time."""
    if pixels.converter() is None:
        pytest.skip("no GIL-free converter on this platform: convertToFormat is used")
    width, height = 8000, 4000
    data = bytes(width * height * 3)
    started = time.perf_counter()
    pixels.rgb32_image(data, width, height, width * 3)
    alone = time.perf_counter() - started
    done = threading.Event()
    thread = threading.Thread(target=lambda: (pixels.rgb32_image(data, width, height, width * 3), done.set()))
    longest, last = 0.0, time.perf_counter()
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    thread.join()
    assert longest < alone / 2, f"the loop waited {longest * 1000:.0f} ms of a {alone * 1000:.0f} ms conversion"
