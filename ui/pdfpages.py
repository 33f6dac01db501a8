"""Sheets on their way to paper: join them into one PDF, rasterise its pages in strips.

PyMuPDF holds the GIL while it does either, so both run in worker
processes (ui/tasks.py); this module imports no Qt, so such a worker starts
quickly. A page goes back as strips of rows rather than whole (26 MB at
300 dpi): taking a whole page out of the pipe holds the window's GIL long
enough to stall it when the machine is busy, a strip does not.
"""

from __future__ import annotations

from typing import NamedTuple

import pymupdf

from ui.background import N_, Progress


def merge_pdfs(parts: list[bytes]) -> bytes:
    """One PDF of all `parts`, in order (a batch prints as one job)."""
    if len(parts) == 1:
        return parts[0]
    out = pymupdf.open()
    for data in parts:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            out.insert_pdf(doc)
    try:
        return out.tobytes(garbage=3, deflate=True)
    finally:
        out.close()


class Strip(NamedTuple):
    """Rows `row` .. `row + height` of page `page` (0-based) as RGB pixels, as the worker sends them."""

    page: int
    landscape: bool
    width: int
    page_height: int
    row: int
    height: int
    stride: int
    samples: bytes

    @property
    def last(self) -> bool:
        """The page's bottom strip."""
        return self.row + self.height >= self.page_height


def rasterise(progress: Progress, pdf: bytes, dpi: int, rows: int) -> int:
    """Worker: send every page of `pdf` at `dpi` as Strips of `rows` rows; returns the page count.

    Each strip but the last has one row more, which the next one covers: so no
    hairline can show between strips wherever they are drawn.
    """
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pages = doc.page_count
        for index in range(pages):
            progress(index, pages, N_("Rasterising page {page} of {pages}"), page=index + 1, pages=pages)
            page = doc[index]
            pix = page.get_pixmap(dpi=dpi, alpha=False)
            landscape = page.rect.width > page.rect.height
            samples = pix.samples_mv
            for row in range(0, pix.height, rows):
                height = min(rows + 1, pix.height - row)
                progress.send(Strip(index, landscape, pix.width, pix.height, row, height, pix.stride,
                                    bytes(samples[row * pix.stride:(row + height) * pix.stride])))
    return pages
