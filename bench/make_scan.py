"""Make (once) a 300-page scanned-looking PDF for the viewer benchmark.

    python bench/make_scan.py            # prints the path of bench/out/scan300.pdf

Each page is its own 2480x3508 (A4 at 300 dpi) colour JPEG of grey paper with
lines of dark word-shaped blobs and sensor noise, so the JPEGs are about the
size a real scanner writes and no two pages share an image.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image

OUT = Path(__file__).resolve().parent / "out"
WIDTH, HEIGHT = 2480, 3508
PAGES = 300


def page_image(rng: np.random.Generator, number: int) -> bytes:
    """One page as JPEG bytes: paper, text-like lines, noise, a page number block."""
    paper = np.full((HEIGHT, WIDTH), 236, np.int16)
    paper += rng.integers(-2, 3, size=(HEIGHT, WIDTH), dtype=np.int16)  # faint sensor noise
    y = 260 + int(rng.integers(0, 40))
    while y < HEIGHT - 300:
        x = 220 + int(rng.integers(0, 30))
        line_h = 38 + int(rng.integers(-4, 5))
        if rng.random() < 0.08:  # paragraph break
            y += line_h * 2
            continue
        end = WIDTH - 220 - int(rng.integers(0, 600 if rng.random() < 0.15 else 40))
        while x < end:
            w = int(rng.integers(30, 170))
            ink = 40 + int(rng.integers(0, 50))
            block = paper[y : y + line_h, x : min(x + w, end)]
            # strokes are a few pixels wide, so draw the ink on a 4x coarser grid
            coarse = rng.random(((block.shape[0] + 3) // 4, (block.shape[1] + 3) // 4)) < 0.4
            mask = np.repeat(np.repeat(coarse, 4, axis=0), 4, axis=1)[: block.shape[0], : block.shape[1]]
            block[mask] = ink
            x += w + int(rng.integers(18, 34))
        y += line_h + 30
    # a page-number tag so a human can tell pages apart in screenshots
    tag_w = 60 + 14 * len(str(number))
    paper[HEIGHT - 200 : HEIGHT - 150, WIDTH // 2 - tag_w // 2 : WIDTH // 2 + tag_w // 2] = 60
    grey = np.clip(paper, 0, 255).astype(np.uint8)
    rgb = np.stack([grey, np.clip(paper + 3, 0, 255).astype(np.uint8), np.clip(paper - 4, 0, 255).astype(np.uint8)], axis=2)
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, "JPEG", quality=70, optimize=False)
    return buf.getvalue()


def make_scan(path: Path | None = None, *, pages: int = PAGES, seed: int = 2024) -> Path:
    """Build the scanned PDF at `path` (default bench/out/scan300.pdf) unless it exists."""
    path = path or OUT / f"scan{pages}.pdf"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    doc = pymupdf.open()
    started = time.perf_counter()
    for n in range(pages):
        page = doc.new_page(width=595.276, height=841.89)
        page.insert_image(page.rect, stream=page_image(rng, n + 1))
        if n % 50 == 49:
            print(f"  {n + 1} pages, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    tmp = path.with_suffix(".tmp")
    doc.save(tmp, garbage=0, deflate=False)
    doc.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


if __name__ == "__main__":
    print(make_scan())
