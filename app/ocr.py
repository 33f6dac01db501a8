"""Recognise the text of the session's scans once, on the secretary's machine, into the scan store.

RapidOCR (PP-OCR models shipped inside the `rapidocr` wheel, run by
onnxruntime) reads each page that has no text layer; a page that has one is
copied from it. Pages go to a pool of worker processes (one per core, each
with one inference thread); every finished page is committed at once, so a
run stopped by closing the program, a crash or a sleeping machine goes on
where it was. Nothing is ever downloaded: the models are given by path, from
the installed package.

OCR is an optional install (`pip install panelreview[ocr]`); without it
`available()` is False and `missing_message()` says what to install. Search
(app/textsearch.py) needs none of it: it reads the store.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from app.errors import SessionError
from app.i18n import Sentence
from app.scanstore import PageText, ScanStore

DPI = 100
"""Pages are read at this resolution: office scans are 100-200 dpi, and the detector's cost grows with
the pixels (150 dpi took 1.4x as long for the same recall on the demo's scans)."""

UPSIDE_DOWN_SHARE = 0.6
"""A page is taken as turned 180° when this share of its text lines is classified so (confidently)."""

_engine = None


@dataclass
class Progress:
    done: int            # pages finished in the whole session (stored before or now)
    total: int           # pages in the session
    eta: float | None    # seconds still needed, from this run's pace (None until one page is done)
    what: str            # the material being read ("" at the end)
    failed: int = 0      # pages that could not be read in this run


def available() -> bool:
    """Whether the OCR runtime is installed (rapidocr, onnxruntime, numpy)."""
    try:
        import numpy  # noqa: F401
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return model_paths() is not None


def missing_message() -> Sentence:
    return Sentence("Text recognition is not installed: install PanelReview with the ocr extra "
                    "(pip install 'panelreview[ocr]') or use the secretary's bundle")


MODEL_PATTERNS = (("Det", "*det*.onnx"), ("Cls", "*cls*.onnx"), ("Rec", "*rec*.onnx"))
"""RapidOCR's parts and the names of their models in its package's models folder (the secretary's bundle is
checked against these when it is built: packaging/panelreview.spec)."""


def model_paths() -> dict[str, Path] | None:
    """The detector, classifier and recogniser shipped in the rapidocr package (None: not all there)."""
    try:
        import rapidocr
    except ImportError:
        return None
    models = Path(rapidocr.__file__).resolve().parent / "models"
    found = {}
    for part, pattern in MODEL_PATTERNS:
        hits = sorted(models.glob(pattern))
        if not hits:
            return None
        found[part] = hits[-1]
    return found


def engine(threads: int = 1):
    """This process's recogniser (made once)."""
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        paths = model_paths()
        if paths is None:
            raise RuntimeError(missing_message().text("en"))
        params = {"Global.log_level": "error", "Global.use_cls": True}
        for part, path in paths.items():
            params[f"{part}.model_path"] = str(path)
        for key in ("intra_op_num_threads", "inter_op_num_threads"):
            params[f"EngineConfig.onnxruntime.{key}"] = threads
        _engine = RapidOCR(params=params)
    return _engine


# --------------------------------------------------------------------------- one page


def layer_text(page) -> tuple[str, bytes] | None:
    """The text layer of a PyMuPDF page as (text, boxes), or None when it has none."""
    raw = page.get_text("rawdict")
    w, h = page.rect.width or 1.0, page.rect.height or 1.0
    lines: list[tuple[str, list[tuple[float, float, float, float]]]] = []
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            chars, boxes = [], []
            for span in line.get("spans", ()):
                for c in span.get("chars", ()):
                    x0, y0, x1, y1 = c["bbox"]
                    chars.append(c["c"])
                    boxes.append((x0 / w, y0 / h, x1 / w, y1 / h))
            if "".join(chars).strip():
                lines.append(("".join(chars), boxes))
    if not lines:
        return None
    return _join(lines)


def _join(lines: list[tuple[str, list[tuple[float, float, float, float]]]]) -> tuple[str, bytes]:
    text_parts: list[str] = []
    out = array("f")
    for k, (text, boxes) in enumerate(lines):
        if k:
            text_parts.append("\n")
            out.extend((0.0, 0.0, 0.0, 0.0))
        text_parts.append(text)
        for b in boxes:
            out.extend(b)
    return "".join(text_parts), out.tobytes()


def _quad_box(quad) -> tuple[float, float, float, float]:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _run(img, *, read: bool = True):
    """RapidOCR on `img`: (lines [(text, [pixel boxes per char], score)], share of lines classified 180°,
    whether the lines stand on end). `read=False` only finds and classifies the lines (no text)."""
    eng = engine()
    labels: list = []
    original = type(eng).cls_and_rotate

    def spy(imgs):
        out = original(eng, imgs)
        labels.extend(out[1].cls_res or ())
        return out

    eng.cls_and_rotate = spy
    try:
        result = eng(img, use_det=True, use_cls=True, use_rec=read, return_word_box=read)
    finally:
        del eng.cls_and_rotate
    found = getattr(result, "boxes", None)
    found = list(found) if found is not None else []
    lines = []
    for k, text in enumerate((getattr(result, "txts", None) or ()) if read else ()):
        words = result.word_results[k] if result.word_results and k < len(result.word_results) else ()
        chars: list[str] = []
        boxes: list[tuple[float, float, float, float]] = []
        for item in words or ():
            word, _score, quad = item[0], item[1], item[2]
            if not word:
                continue
            x0, y0, x1, y1 = _quad_box(quad)
            step = (x1 - x0) / len(word)
            for i, ch in enumerate(word):
                chars.append(ch)
                boxes.append((x0 + i * step, y0, x0 + (i + 1) * step, y1))
        if not chars:  # no word boxes: spread the line's box over its characters
            x0, y0, x1, y1 = _quad_box(found[k])
            step = (x1 - x0) / max(len(text), 1)
            chars = list(text)
            boxes = [(x0 + i * step, y0, x0 + (i + 1) * step, y1) for i in range(len(text))]
        lines.append(("".join(chars), boxes, float(result.scores[k])))
    turned = [lab for lab in labels if lab and "180" in str(lab[0]) and float(lab[1]) > 0.9]
    share = len(turned) / len(labels) if labels else 0.0
    tall = sum(1 for box in found if (lambda b: (b[3] - b[1]) > 1.5 * (b[2] - b[0]))(_quad_box(box)))
    sideways = bool(found) and tall > 0.6 * len(found)
    return lines, share, sideways


def _unturn(lines, k: int, w: int, h: int):
    """Boxes found on the image turned k×90° counter-clockwise, back on the page's own image (w×h)."""
    def back(x: float, y: float) -> tuple[float, float]:
        if k == 1:
            return w - y, x
        if k == 2:
            return w - x, h - y
        if k == 3:
            return y, h - x
        return x, y

    out = []
    for text, boxes, score in lines:
        moved = []
        for x0, y0, x1, y1 in boxes:
            ax, ay = back(x0, y0)
            bx, by = back(x1, y1)
            moved.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
        out.append((text, moved, score))
    return out


def recognise(img) -> tuple[list, int]:
    """Lines read from an RGB image (numpy, h×w×3) with boxes in its pixels, and the turn of its content."""
    import numpy as np

    h, w = img.shape[:2]
    lines, share, sideways = _run(img)
    if not (sideways or share >= UPSIDE_DOWN_SHARE):
        return lines, 0
    k = 0
    if sideways:  # find which way up on the page turned a quarter, without reading it
        k = 1
        _, share, _ = _run(np.ascontiguousarray(np.rot90(img, 1)), read=False)
    if share >= UPSIDE_DOWN_SHARE:
        k = (k + 2) % 4
    lines, _, _ = _run(np.ascontiguousarray(np.rot90(img, k)))
    if k:
        lines = _unturn(lines, k, w, h)
    return lines, (k * 90) % 360


def read_page(path: str, index: int, dpi: int = DPI) -> dict:
    """One page as the store keeps it: {"source", "rotation", "text", "boxes", "score"} (no sha256)."""
    import numpy as np
    import pymupdf

    from app.document import configure_mupdf

    configure_mupdf()
    with pymupdf.open(path) as doc:
        page = doc[index]
        found = layer_text(page)
        if found is not None:
            return {"source": "layer", "rotation": 0, "text": found[0], "boxes": found[1], "score": None}
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    img = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, 3)
    lines, rotation = recognise(img)
    normed = [(text, [(x0 / pix.w, y0 / pix.h, x1 / pix.w, y1 / pix.h) for x0, y0, x1, y1 in boxes])
              for text, boxes, _ in lines]
    text, boxes = _join(normed) if normed else ("", b"")
    score = sum(s for *_, s in lines) / len(lines) if lines else None
    return {"source": "ocr", "rotation": rotation, "text": text, "boxes": boxes, "score": score}


def _init_worker() -> None:
    try:
        os.nice(5)  # the window stays responsive while the pages are read
    except (OSError, AttributeError):
        pass
    engine(threads=1)


def _work(path: str, index: int, dpi: int) -> tuple[int, dict | None, str]:
    try:
        return index, read_page(path, index, dpi), ""
    except Exception as exc:  # noqa: BLE001 — a page that cannot be read is counted, never stops the run
        return index, None, f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------- a session


@dataclass
class Todo:
    sha256: str
    path: Path           # on disk
    rel: str             # relative to the session, "/"
    label: str           # applicant / file, for progress
    pages: int
    missing: list[int]   # 0-based pages not in the store yet


def plan(session, store: ScanStore, only: Iterable[str] | None = None, *, applicants: Iterable[str] | None = None,
         materials: Iterable[str] | None = None) -> list[Todo]:
    """Every PDF material of the session with the pages still to read; or only those of `applicants` (ids),
    named in `materials` (as the rubric names them, or by file name) or whose SHA-256 is in `only`.

    A name in `materials` that none of the applicants' files has is refused (SessionError): a typing
    slip would otherwise read nothing and say nothing.
    """
    seen: set[str] = set()
    wanted = set(only) if only is not None else None
    names = set(materials) if materials is not None else None
    people = [session.applicant(aid) for aid in applicants] if applicants is not None else session.applicants
    named: set[str] = set()
    out = []
    for a in people:
        for mf in session.materials(a.id):
            if names is not None:
                if not names & {mf.material, mf.name}:
                    continue
                named |= names & {mf.material, mf.name}
            if not mf.pages or mf.sha256 in seen or not mf.path.lower().endswith(".pdf"):
                continue
            if wanted is not None and mf.sha256 not in wanted:
                continue
            seen.add(mf.sha256)
            done = store.done_pages(mf.sha256)
            missing = [p for p in range(mf.pages) if p not in done]
            out.append(Todo(mf.sha256, session.material_path(mf), mf.path, f"{a.name} / {mf.name}", mf.pages,
                            missing))
    unknown = sorted((names or set()) - named)
    if unknown:
        raise SessionError("none of the chosen applicants' materials is called {name}", name=", ".join(unknown))
    return out


def run(session, *, workers: int | None = None, dpi: int = DPI, progress: Callable[[Progress], None] | None = None,
        should_stop: Callable[[], bool] = lambda: False, store: ScanStore | None = None,
        only: Iterable[str] | None = None, applicants: Iterable[str] | None = None,
        materials: Iterable[str] | None = None) -> Progress:
    """Read every page of the session (or of what `only`, `applicants` and `materials` choose: plan())
    not yet in its scan store; the final Progress.

    Stops (keeping every finished page) when `should_stop()` turns true. Uses
    `workers` processes (default: one per core, at most 2 on a 2-core machine).
    """
    own = store is None
    store = store or ScanStore(session.path)
    try:
        todo = plan(session, store, only, applicants=applicants, materials=materials)
        total = sum(t.pages for t in todo)
        done = sum(t.pages - len(t.missing) for t in todo)
        state = Progress(done, total, None, "")
        if progress:
            progress(state)
        jobs = [(t, p) for t in todo for p in t.missing]
        if not jobs:
            return state
        workers = workers or max(1, min(os.cpu_count() or 1, len(jobs)))
        started = time.monotonic()
        fresh = 0
        ctx = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
            pending: dict[cf.Future, Todo] = {}
            queue = iter(jobs)
            for t in todo:
                if t.missing:
                    store.note_file(t.sha256, t.rel, t.pages, started=True)

            def feed() -> None:
                while len(pending) < workers * 2:
                    nxt = next(queue, None)
                    if nxt is None:
                        return
                    t, p = nxt
                    pending[pool.submit(_work, str(t.path), p, dpi)] = t

            feed()
            while pending:
                if should_stop():
                    for f in pending:
                        f.cancel()
                    pool.shutdown(wait=False, cancel_futures=True)
                    break
                finished, _ = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                for f in finished:
                    t = pending.pop(f)
                    index, page, _why = f.result()
                    if page is None:
                        state.failed += 1
                    else:
                        store.put_page(PageText(t.sha256, index, page["source"], page["rotation"], page["text"],
                                                page["boxes"], page["score"]))
                        state.done += 1
                        fresh += 1
                        if store.page_count(t.sha256) >= t.pages:
                            store.note_file(t.sha256, t.rel, t.pages, finished=True)
                    pace = (time.monotonic() - started) / fresh if fresh else None
                    left = total - state.done - state.failed
                    state.eta = pace * left if pace is not None else None
                    state.what = t.label
                    if progress:
                        progress(state)
                feed()
        state.what = ""
        if progress:
            progress(state)
        return state
    finally:
        if own:
            store.close()


def pages_to_read(todo: Iterable[Todo]) -> int:
    return sum(len(t.missing) for t in todo)
