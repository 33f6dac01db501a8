"""app/arena.py: a page's pixels come back from the render worker through shared memory, and the same
pixels come down the pipe where the block is too small; no block is left behind."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import pymupdf
import pytest

from app.arena import Arena, _folder


def _child_writes(name: str, size: int, text: bytes) -> None:
    block = Arena.attach(name, size)
    assert block is not None
    block.write(text)
    block.close()


def test_a_block_is_shared_with_a_spawned_process_and_leaves_no_file():
    block = Arena.create(1 << 20)
    assert block is not None
    try:
        child = multiprocessing.get_context("spawn").Process(target=_child_writes,
                                                              args=(block.name, block.size, b"page pixels"))
        child.start()
        child.join(60)
        assert child.exitcode == 0
        assert bytes(block.view[:11]) == b"page pixels"
        assert not block.write(b"x" * (block.size + 1))  # too big: the caller uses its pipe
    finally:
        block.close()
    if sys.platform != "win32":
        assert not os.path.exists(block.name)


@pytest.mark.skipif(sys.platform == "win32", reason="named mappings go with their last process")
def test_blocks_of_a_killed_window_are_swept(tmp_path):
    dead = multiprocessing.get_context("spawn").Process(target=int)
    dead.start()
    dead.join()
    left = Path(_folder()) / f"panelreview-{dead.pid}-0123456789abcdef.pixels"
    mine = Arena.create(4096)
    left.write_bytes(b"\0" * 4096)
    try:
        assert Arena.sweep() >= 1
        assert not left.exists() and os.path.exists(mine.name)  # a live window's block is kept
    finally:
        mine.close()
        left.unlink(missing_ok=True)


def _scan(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "shared memory page", fontsize=24)
    page.draw_rect(pymupdf.Rect(100, 200, 400, 500), color=(1, 0, 0), fill=(0, 0.5, 1))
    doc.save(path)
    return path


def _render(qtbot, path: Path):
    from ui.render import RenderService, render_key

    service = RenderService(spares=0)
    try:
        qtbot.waitUntil(lambda: all(w.ready for w in service._workers), timeout=30000)
        key = render_key(str(path), 0, 1.5)
        with qtbot.waitSignal(service.rendered, timeout=30000, check_params_cb=lambda k, _: k == key) as got:
            service.render(key)
        return got.args[1].copy(), [w.arena for w in service._workers]
    finally:
        service.shutdown()


def test_pixels_through_shared_memory_are_the_pipe_s(qtbot, qapp, tmp_path, monkeypatch):
    path = _scan(tmp_path / "page.pdf")
    shared, arenas = _render(qtbot, path)
    assert all(a is not None for a in arenas)
    if sys.platform != "win32":
        assert not any(os.path.exists(a.name) for a in arenas)  # the workers have it open: the name is gone

    import ui.render

    monkeypatch.setattr(ui.render, "ARENA_BYTES", 1024)  # no page fits: every page comes down the pipe
    piped, _ = _render(qtbot, path)
    assert shared.size() == piped.size() and shared.width() > 800
    assert shared == piped
