"""Make (once) a 300-page scanned-looking PDF for the viewer benchmark.

    python bench/make_scan.py            # prints the path of bench/out/scan300.pdf
    python bench/make_scan.py soak       # builds the soak materials (60 applicants, 3,000 pages)

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




# -- the soak: 60 applicants' worth of materials ---------------------------------------------

SOAK = OUT / "soak"
SOAK_MATERIALS = (("组织管理报告", 20), ("师资情况", 15), ("设施设备报告", 10), ("资质证书", 5))
"""(name, pages) of each applicant's materials: 50 pages an applicant; the last one scanned at 600 dpi."""


def _jpeg(rng: np.random.Generator, width: int, height: int, number: int, *, quality: int = 70) -> bytes:
    """A scan-like page of `width` x `height` pixels, drawn at a quarter of that and scaled up."""
    small_w, small_h = max(64, width // 4), max(64, height // 4)
    paper = np.full((small_h, small_w), 236, np.int16)
    y = small_h // 14
    while y < small_h - small_h // 12:
        x = small_w // 11
        end = small_w - small_w // 11 - int(rng.integers(0, small_w // 4))
        while x < end:
            w = int(rng.integers(8, 40))
            paper[y : y + max(3, small_h // 120), x : min(x + w, end)] = 40 + int(rng.integers(0, 50))
            x += w + int(rng.integers(4, 9))
        y += max(6, small_h // 45)
    tag = 10 + 3 * len(str(number))
    paper[small_h - small_h // 18 : small_h - small_h // 24, small_w // 2 - tag : small_w // 2 + tag] = 60
    paper += rng.integers(-3, 4, size=paper.shape, dtype=np.int16)
    grey = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8), "L").resize((width, height), Image.BILINEAR)
    buf = io.BytesIO()
    grey.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def make_soak(applicants: int = 60, *, seed: int = 60) -> list[list[Path]]:
    """Per applicant, the paths of its materials (built once under bench/out/soak/).

    Mixed orientation (every 7th page landscape), 150 dpi but for the last material of each
    applicant, which is 600 dpi (4960 x 7016 pixels a page). Page pictures come from a pool
    (each file still decodes its own), so 3,000 pages are built in about a minute.
    """
    rng = np.random.default_rng(seed)
    pool: dict[tuple[str, int], list[bytes]] = {}

    def picture(kind: str, dpi: int, n: int) -> bytes:
        pictures = pool.setdefault((kind, dpi), [])
        if len(pictures) < (4 if dpi == 600 else 16):
            w, h = round(8.27 * dpi), round(11.69 * dpi)
            pictures.append(_jpeg(rng, *((h, w) if kind == "landscape" else (w, h)), n, quality=60))
        return pictures[n % len(pictures)]

    out: list[list[Path]] = []
    for a in range(applicants):
        folder = SOAK / f"A{a + 1:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for m, (name, pages) in enumerate(SOAK_MATERIALS):
            path = folder / f"{name}.pdf"
            files.append(path)
            if path.exists():
                continue
            dpi = 600 if m == len(SOAK_MATERIALS) - 1 else 150
            doc = pymupdf.open()
            for n in range(pages):
                landscape = (n + a) % 7 == 3
                page = doc.new_page(width=841.89 if landscape else 595.276, height=595.276 if landscape else 841.89)
                page.insert_image(page.rect, stream=picture("landscape" if landscape else "portrait", dpi, n + a))
            doc.set_toc([[1, f"{name} 第{k + 1}部分", 1 + k * 5] for k in range(max(1, pages // 5))])
            tmp = path.with_suffix(".tmp")
            doc.save(tmp)
            doc.close()
            os.replace(tmp, path)
        out.append(files)
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["soak"]:
        built = make_soak()
        print(f"{sum(len(f) for f in built)} files for {len(built)} applicants under {SOAK}")
    else:
        print(make_scan())
