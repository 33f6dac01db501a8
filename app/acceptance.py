"""The intake check (受理): is every material there, a real PDF, readable, within its page limit, sharp,
straight, the right way up, and sealed where a document asks for a seal?

000 五（二）: "申报材料齐全的，予以受理；申报材料不齐全或者不符合法定形式的，通知补正材料。"
000 五（一） and 001 四（二）: "申报材料的形式为电子扫描件（pdf格式），扫描件必须清晰明辨、不缺页、不歪斜，
并加盖公章；每个文件必须按对应材料名称命名".
003 七（二）: "佐证等其他所有证材料不超过30页，整合为1个PDF文档，凡复印件需注明“此件与原件相符”，并由经办人签字后加盖公章".

Each file is checked in a worker process of its own with a time limit and a memory limit, so a hostile
or broken file gets its own finding ("could not be checked within 40 s") and never stops the check. The
documents give no numbers for 清晰 or 不歪斜: the resolution, sharpness and skew limits are the check's
settings (`Limits`), printed with the findings and on the 通知补正材料.

What needs more than PyMuPDF: skew and sharpness need numpy, the seal needs OpenCV (the `intake` extra);
the way up of a page is taken from the text recognition (the `ocr` extra: app/ocr.py), from the scan
store where the pages were read already. Without them those checks are named as not made.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
import os
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, NamedTuple

from app.i18n import Sentence, tr
from app.vocabulary import N_

# --------------------------------------------------------------------------- the documents' words

RECEIPT_000 = "申报材料齐全的，予以受理；申报材料不齐全或者不符合法定形式的，通知补正材料。"
RECEIPT_001 = "申报材料齐全的，区人力资源部门应当受理；申报材料不齐全或者不符合法定形式的，应当通知补正材料。"
FORM_000 = ("申报材料的形式为电子扫描件（pdf格式），扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章；"
            "每个文件必须按对应材料名称命名后再上传至申报系统相应的位置")
FORM_001 = ("申报材料的形式为电子扫描件（PDF格式），扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章；"
            "每个文件必须按对应材料名称命名后再上传至申报系统相应的位置。")
EVIDENCE_003 = "佐证等其他所有证材料不超过30页，整合为1个PDF文档，凡复印件需注明“此件与原件相符”，并由经办人签字后加盖公章"
RECOMMEND_003 = ("须在系统中上传加盖公章的“高技能人才培训基地推荐函”和“推荐单位技能人才占比核查情况证明表”")

# Which document's sentence governs which check, by the rubric's source file (rubric.sources[*].file).
# "seal": the materials that must carry a seal ("*": all of them).
RULES: dict[str, dict[str, Any]] = {
    "000_adc06df6534c35e3.txt": {"document": "000 五（一）（二）", "receipt": RECEIPT_000, "form": FORM_000,
                                 "seal": "*"},
    "001_6bf84354e1913d1a.txt": {"document": "001 四（二）（三）", "receipt": RECEIPT_001, "form": FORM_001,
                                 "seal": "*"},
    "003_64262c9e8eabc851.txt": {"document": "003 七（二）", "limit": EVIDENCE_003,
                                 "seal": {"相关材料": EVIDENCE_003,
                                          "推荐单位技能人才占比情况核查证明表": RECOMMEND_003},
                                 "copy_mark": {"相关材料": EVIDENCE_003}},
}
# "copy_mark": the materials whose copies must say 此件与原件相符. Which pages are copies no document
# says, so a file none of whose pages says it is a finding the secretary confirms or accepts.
COPY_MARK = "此件与原件相符"

# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Limits:
    """The check's numbers (no document gives them; printed with the findings)."""

    min_dpi: int = 100          # a 100-dpi office scan reads well; a 72-dpi one does not
    max_skew: float = 2.0       # degrees; scanners lay sheets up to about 1° off
    min_sharpness: float = 150.0  # variance of the Laplacian at 100 dpi: the demo's scans 1300-3400, a 1.5 px
    #                               blur 90, a 2.5 px blur 20
    blank_ink: float = 0.0001   # share of dark pixels (40 dpi) below which a page is blank; text pages 0.3-0.7 %
    timeout: float = 40.0       # seconds per file, plus `per_page` per page
    per_page: float = 0.5
    memory_mb: int = 1536       # address space a file's check may take

    def text(self) -> Sentence:
        return Sentence("Limits: resolution at least {dpi} dpi, skew at most {skew}°, sharpness at least "
                        "{sharp}; a page with less than {ink}% ink is blank", dpi=self.min_dpi,
                        skew=_num(self.max_skew), sharp=_num(self.min_sharpness), ink=_num(self.blank_ink * 100))


def _num(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------- findings

TEMPLATES = {
    "missing": N_("not handed in"),
    "unmatched": N_("named after no material this applicant must hand in"),
    "not_pdf": N_("not a PDF but {kind} named .pdf"),
    "encrypted": N_("encrypted; it cannot be opened without a password"),
    "damaged": N_("damaged, it cannot be opened ({reason})"),
    "empty": N_("empty, it has no pages"),
    "over_limit": N_("{pages} pages, more than the {limit} allowed"),
    "low_dpi": N_("scanned at {dpi} dpi, below {minimum} dpi"),
    "blurred": N_("blurred (sharpness {value}, below {minimum})"),
    "skewed": N_("skewed by {angle}° (more than {maximum}°)"),
    "blank": N_("a blank page"),
    "upside_down": N_("turned upside down"),
    "no_seal": N_("no red seal on any page"),
    "no_copy_mark": N_("no page says “此件与原件相符”, which every copy must"),
    "timeout": N_("could not be checked within {seconds} s"),
    "check_failed": N_("could not be checked ({reason})"),
    "not_checked": N_("{what} not checked: {why}"),
}

# Where a finding is, before what it is: "{file}, page {page}: blank".
WHERE_MATERIAL = N_("{material}: {problem}")
WHERE_FILE = N_("{file}: {problem}")
WHERE_PAGE = N_("{file}, page {page}: {problem}")

KINDS = {"jpeg": N_("a JPEG image"), "png": N_("a PNG image"), "gif": N_("a GIF image"), "tiff": N_("a TIFF image"),
         "bmp": N_("a BMP image"), "html": N_("an HTML page"), "zip": N_("a ZIP archive (Word, Excel or WPS file)"),
         "ole": N_("an old Office (Word, Excel or WPS) file"), "text": N_("a text file"), "unknown": N_("unknown data")}

# What the applicant must do, by finding (printed on the 通知补正材料).
REMEDY = {
    "missing": N_("hand in the material"),
    "unmatched": N_("name the file after the material it holds"),
    "not_pdf": N_("hand in the material again as a scanned PDF"),
    "encrypted": N_("hand in the material again without a password"),
    "damaged": N_("hand in the material again"),
    "empty": N_("hand in the material again"),
    "over_limit": N_("hand in the material again within the page limit"),
    "low_dpi": N_("scan the page again so that it can be read clearly"),
    "blurred": N_("scan the page again so that it can be read clearly"),
    "skewed": N_("scan the page again straight"),
    "blank": N_("hand in the missing page"),
    "upside_down": N_("scan the page again the right way up"),
    "no_seal": N_("hand in the material again with the official seal"),
    "no_copy_mark": N_("mark every copy “此件与原件相符”, signed by the person in charge and sealed, and hand it in "
                       "again"),
    "timeout": N_("hand in the material again"),
    "check_failed": N_("hand in the material again"),
    "not_checked": "",
}


@dataclass
class Finding:
    applicant_id: str
    code: str
    material: str | None = None
    path: str | None = None           # relative to the session
    file: str | None = None
    page: int | None = None           # 1-based
    fields: dict[str, Any] = field(default_factory=dict)
    rule: str = ""                    # the document's sentence it breaks, word for word ("" where none says)
    document: str = ""                # where that sentence is
    sha256: str | None = None
    accepted: str | None = None       # the secretary's note, where accepted

    @property
    def key(self) -> str:
        where = self.sha256 or self.path or self.material or ""
        return f"{self.applicant_id}:{where}:{self.code}:{self.page or 0}"

    @property
    def sentence(self) -> Sentence:
        """What is wrong, without where (English template and fields)."""
        return Sentence(TEMPLATES[self.code], **self.fields)

    def text(self, lang: str | None = None, *, with_file: bool = True) -> str:
        """The finding as a sentence in `lang` ("{file}, page {page}: …"), its worded fields translated too."""
        fields = {k: (tr(v, lang=lang) if k in ("what", "why", "kind", "reason") and isinstance(v, str) else v)
                  for k, v in self.fields.items()}
        problem = Sentence(TEMPLATES[self.code], **fields).text(lang)
        if not with_file:
            return problem
        if self.file is None:
            return Sentence(WHERE_MATERIAL, material=self.material or "", problem=problem).text(lang)
        if self.page:
            return Sentence(WHERE_PAGE, file=self.file, page=self.page, problem=problem).text(lang)
        return Sentence(WHERE_FILE, file=self.file, problem=problem).text(lang)

    @property
    def remedy(self) -> Sentence:
        return Sentence(REMEDY[self.code])

    @property
    def counts(self) -> bool:
        """A finding that is not a note about a check left out, and has not been accepted."""
        return self.code != "not_checked" and self.accepted is None

    def as_json(self) -> dict[str, Any]:
        return {"applicant": self.applicant_id, "code": self.code, "material": self.material, "path": self.path,
                "file": self.file, "page": self.page, "fields": self.fields, "rule": self.rule,
                "document": self.document, "text": self.text(), "accepted": self.accepted,
                "key": self.key}


@dataclass
class Report:
    limits: Limits
    findings: list[Finding]
    applicants: list[str]
    seconds: float = 0.0

    def of(self, applicant_id: str) -> list[Finding]:
        return [f for f in self.findings if f.applicant_id == applicant_id]

    def for_path(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]

    @property
    def open(self) -> list[Finding]:
        return [f for f in self.findings if f.counts]

    def as_json(self) -> dict[str, Any]:
        return {"limits": asdict(self.limits), "findings": [f.as_json() for f in self.findings],
                "open": len(self.open), "seconds": round(self.seconds, 2)}


# --------------------------------------------------------------------------- one file (in a worker)

_SIGNATURES = [
    (b"\xff\xd8\xff", "jpeg"), (b"\x89PNG", "png"), (b"GIF8", "gif"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"),
    (b"BM", "bmp"), (b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0", "ole"),
]


def sniff(head: bytes) -> str:
    """"pdf", or what else the first bytes of a file show (a key of KINDS)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for sig, kind in _SIGNATURES:
        if head.startswith(sig):
            return kind
    low = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<?xml")) or b"<html" in low:
        return "html"
    try:
        head[:1024].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "unknown"


def _has_numpy() -> bool:
    try:
        import numpy  # noqa: F401
        return True
    except ImportError:
        return False


def _has_cv2() -> bool:
    try:
        import cv2  # noqa: F401
        return True
    except ImportError:
        return False


def examine(path: str, limits: Limits, *, seal: bool, pages: range | None = None) -> dict[str, Any]:
    """Everything measured on one file (run in a worker): kind, pages, and per page what was found
    (for the pages in `pages` only, when given: a long file is checked in parts at once)."""
    import pymupdf

    from app.document import configure_mupdf

    configure_mupdf()
    with open(path, "rb") as fh:
        head = fh.read(4096)
        fh.seek(max(0, os.path.getsize(path) - 2048))
        tail = fh.read()
    out: dict[str, Any] = {"kind": sniff(head) if head else "empty", "pages": 0, "page_info": [],
                           "numpy": _has_numpy(), "cv2": _has_cv2()}
    if out["kind"] != "pdf":
        return out
    if b"%%EOF" not in tail:  # an upload cut off: MuPDF would rebuild what it can and show blank pages
        out["error"] = N_("it ends before its end, as a file cut off in copying does")
        return out
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 — MuPDF raises many kinds; all mean damaged
        out["error"] = str(exc) or type(exc).__name__
        return out
    with doc:
        if doc.needs_pass:
            out["encrypted"] = True
            return out
        if doc.is_repaired:
            out["repaired"] = True
        out["pages"] = doc.page_count
        for index in range(doc.page_count)[pages.start:pages.stop] if pages else range(doc.page_count):
            try:
                out["page_info"].append(_page(doc[index], limits, seal=seal and out["cv2"], numeric=out["numpy"]))
            except Exception as exc:  # noqa: BLE001 — a page that cannot be drawn is a finding, not a stop
                out["page_info"].append({"error": str(exc) or type(exc).__name__})
    return out


def _page(page, limits: Limits, *, seal: bool, numeric: bool) -> dict[str, Any]:
    import pymupdf

    info: dict[str, Any] = {}
    # effective resolution of the largest picture covering the page
    area = abs(page.rect) or 1.0
    best = None
    for img in page.get_image_info():
        x0, y0, x1, y1 = img["bbox"]
        w_in, h_in = (x1 - x0) / 72.0, (y1 - y0) / 72.0
        covered = max(0.0, (x1 - x0) * (y1 - y0)) / area
        if w_in <= 0 or h_in <= 0 or covered < 0.5:
            continue
        dpi = min(img["width"] / w_in, img["height"] / h_in)
        if best is None or covered > best[0]:
            best = (covered, dpi)
    if best is not None:
        info["dpi"] = round(best[1])
    # blank: the share of dark pixels of a small grey picture
    grey = page.get_pixmap(dpi=40, colorspace=pymupdf.csGRAY, alpha=False)
    samples = grey.samples
    dark = samples.translate(_DARK).count(1)
    info["ink"] = dark / max(1, len(samples))
    if not numeric:
        return info
    import numpy as np

    pix = page.get_pixmap(dpi=100, colorspace=pymupdf.csRGB, alpha=False)
    rgb = np.frombuffer(pix.samples, np.uint8).reshape(pix.h, pix.w, 3)
    # the channels' mean, summed in place: eight times quicker than rgb.mean(axis=2)
    gray = rgb[..., 0].astype(np.float32)
    gray += rgb[..., 1]
    gray += rgb[..., 2]
    gray /= 3
    info["sharpness"] = _sharpness(gray)
    info["skew"] = _skew(gray)
    if seal:
        info["seal"] = _seal(rgb)
    return info


_DARK = bytes(1 if b < 128 else 0 for b in range(256))


def _sharpness(gray) -> float:
    """Variance of the Laplacian over the inked part of the page (higher is sharper)."""
    import numpy as np

    g = gray.astype(np.float32)
    lap = (-4 * g[1:-1, 1:-1] + g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:])
    ink = g[1:-1, 1:-1] < 200
    near = ink.copy()
    for axis in (0, 1):  # the text's neighbourhood, not the empty paper, decides
        near |= np.roll(ink, 2, axis) | np.roll(ink, -2, axis)
    if near.sum() < 200:
        return 0.0 if ink.sum() else float("inf")
    return round(float(lap[near].var()), 1)


def _skew(gray) -> float | None:
    """The angle (degrees, clockwise positive) of the text lines, from projection profiles; None: no text."""
    import numpy as np

    h, w = gray.shape
    ys, xs = np.nonzero(gray < 128)
    # leave out the scanner bed's edges and shadows
    keep = (xs > w * 0.04) & (xs < w * 0.96) & (ys > h * 0.04) & (ys < h * 0.96)
    ys, xs = ys[keep].astype(np.float64), xs[keep].astype(np.float64)
    if len(xs) < 500:
        return None
    if len(xs) > 60000:
        pick = np.random.default_rng(0).choice(len(xs), 60000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs -= w / 2
    ys -= h / 2

    def score(angles, a, b):
        out = []
        for t in np.radians(angles):
            proj = a * np.cos(t) - b * np.sin(t)
            hist = np.bincount((proj - proj.min()).astype(np.int64))
            out.append(float((hist.astype(np.float64) ** 2).sum()))
        return np.array(out)

    best = None
    for a, b in ((ys, xs), (xs, -ys)):  # lines across the page, or (a page turned a quarter) along it
        coarse = np.arange(-12.0, 12.01, 0.5)
        s = score(coarse, a, b)
        centre = coarse[int(s.argmax())]
        fine = np.arange(centre - 0.5, centre + 0.51, 0.05)
        f = score(fine, a, b)
        peak = float(f.max()) / float(np.median(s) or 1.0)
        angle = float(fine[int(f.argmax())])
        if best is None or peak > best[0]:
            best = (peak, angle)
    return round(-best[1], 2)


def _seal(rgb) -> bool:
    """Whether a red official seal (a ring 30-60 mm across at 100 dpi) is on the page."""
    import cv2
    import numpy as np

    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV)
    red = (((hsv[..., 0] <= 10) | (hsv[..., 0] >= 165)) & (hsv[..., 1] >= 90) & (hsv[..., 2] >= 70))
    mask = red.astype(np.uint8) * 255
    if int(mask.sum()) // 255 < 300:
        return False
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    mm = 100 / 25.4
    for c in contours:
        x, y, w, h = cv2.boundingRect(c)
        if 25 * mm <= w <= 70 * mm and 25 * mm <= h <= 70 * mm and 0.75 <= w / h <= 1.33:
            return True
    return False


# --------------------------------------------------------------------------- the worker pool


def _child(conn, path: str, limits: Limits, seal: bool, pages: range | None) -> None:
    try:
        import resource

        cap = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, ValueError, OSError):
        pass
    try:
        result = examine(path, limits, seal=seal, pages=pages)
    except MemoryError:
        result = {"failed": N_("it needs more memory than a file may take")}
    except Exception as exc:  # noqa: BLE001 — reported as the file's finding
        result = {"failed": f"{type(exc).__name__}: {exc}"}
    try:
        conn.send(result)
    finally:
        conn.close()


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        try:
            # numpy and OpenCV too (when installed; a missing one is skipped): imported in each process they
            # took longer than checking a short file
            ctx.set_forkserver_preload(["app.acceptance", "pymupdf", "numpy", "cv2"])
        except (ValueError, RuntimeError):
            pass
        return ctx
    return multiprocessing.get_context("spawn")


PART_PAGES = 40  # a file longer than this is checked in parts of this many pages, on every worker at once


class _Part(NamedTuple):
    key: str
    path: str
    pages: int  # in this part (0: not known)
    seal: bool
    span: range | None  # the file's pages this part reads (None: all of them)


def _parts(jobs: list[tuple[str, str, int, bool]]) -> list[_Part]:
    """The parts to check: a 152-page report is four, so two workers share it instead of one reading it
    alone while the other waits."""
    out = []
    for key, path, pages, seal in jobs:
        if pages > PART_PAGES:
            out += [_Part(key, path, min(PART_PAGES, pages - first), seal, range(first, first + PART_PAGES))
                    for first in range(0, pages, PART_PAGES)]
        else:
            out.append(_Part(key, path, pages, seal, None))
    return out


def _joined(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One file's result from its parts' (in page order): the first part that says the file could not be
    read speaks for it; otherwise the pages follow each other."""
    for part in parts:
        if "page_info" not in part or part.get("kind") != "pdf" or "error" in part or part.get("encrypted"):
            return part
    out = dict(parts[0])
    out["page_info"] = [info for part in parts for info in part["page_info"]]
    if len(out["page_info"]) != out["pages"]:  # the count given was not the file's: check it whole again
        return {}
    return out


def examine_all(jobs: list[tuple[str, str, int, bool]], limits: Limits, *, workers: int = 2,
                progress: Callable[[int, int, str], None] | None = None,
                should_stop: Callable[[], bool] = lambda: False) -> dict[str, dict[str, Any]]:
    """key → what examine() found, for jobs (key, path, pages, seal), each part in its own process with limits.
    `progress(done, total, key)` counts pages (a file of unknown length counts one)."""
    ctx = _context()
    queue = _parts(jobs)
    total = sum(max(1, part.pages) for part in queue)
    if progress:
        progress(0, total, "")  # the size of the task at once: its first part takes the workers' start
    got: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    wanted = Counter(part.key for part in queue)
    results: dict[str, dict[str, Any]] = {}
    running: list[tuple[Any, Any, _Part, float, float]] = []  # process, pipe, part, started, allowed
    done = 0
    while (queue or running) and not should_stop():
        while queue and len(running) < workers:
            part = queue.pop(0)
            here, there = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(there, part.path, limits, part.seal, part.span), daemon=True)
            proc.start()
            there.close()
            running.append((proc, here, part, time.monotonic(), limits.timeout + limits.per_page * part.pages))
        time.sleep(0.01)
        for item in list(running):
            proc, pipe, part, started, allowed = item
            result = None
            if pipe.poll():
                try:
                    result = pipe.recv()
                except (EOFError, OSError):
                    result = {"failed": N_("the checking process stopped")}
            elif not proc.is_alive():
                result = {"failed": N_("the checking process stopped") if proc.exitcode else N_("no answer")}
            elif time.monotonic() - started > allowed:
                proc.kill()
                result = {"timeout": round(allowed)}
            if result is None:
                continue
            proc.join(1)
            pipe.close()
            running.remove(item)
            key = part.key
            got.setdefault(key, []).append((part.span.start if part.span else 0, result))
            if len(got[key]) == wanted[key]:
                joined = _joined([r for _, r in sorted(got.pop(key), key=lambda x: x[0])])
                if joined:
                    results[key] = joined
                else:  # its page count was stale: once more, whole
                    queue.insert(0, _Part(key, part.path, 0, part.seal, None))
                    wanted[key] = 1
            done += max(1, part.pages)
            if progress:
                progress(min(done, total), total, key)
    for proc, pipe, *_ in running:
        proc.kill()
        pipe.close()
    return results


# --------------------------------------------------------------------------- a session


def rules_for(rubric) -> dict[str, Any]:
    """The governing sentences for a rubric, merged over its sources."""
    out: dict[str, Any] = {"seal": {}, "copy_mark": {}, "document": []}
    for src in rubric.sources:
        r = RULES.get(src.file)
        if not r:
            continue
        out["document"].append(r["document"])
        for k in ("receipt", "form", "limit"):
            if k in r and k not in out:
                out[k] = r[k]
                out[k + "_document"] = r["document"]
        seal = r.get("seal")
        if seal == "*":
            out["seal_all"] = (r["form"], r["document"])
        elif isinstance(seal, dict):
            for name, quote in seal.items():
                out["seal"][name] = (quote, r["document"])
        for name, quote in r.get("copy_mark", {}).items():
            out["copy_mark"][name] = (quote, r["document"])
    return out


def has_copy_mark(text: str) -> bool:
    """Whether recognised text carries the mark. A stamped or handwritten mark is often read with a
    character missing or a space inside: its second half (与原件相符) or first (此件与原件) will do."""
    compact = "".join(text.split())
    return COPY_MARK[1:] in compact or COPY_MARK[:-2] in compact


def seal_rule(rubric, material: str) -> tuple[str, str] | None:
    """(the sentence, where) asking for a seal on `material` under `rubric`, or None where none asks."""
    return _seal_in(rules_for(rubric), material)


def _seal_in(rules: dict[str, Any], material: str) -> tuple[str, str] | None:
    return rules["seal"].get(material) or rules.get("seal_all")


def check(session, *, limits: Limits | None = None, applicants: Iterable[str] | None = None, workers: int = 2,
          progress: Callable[[int, int, str], None] | None = None, should_stop: Callable[[], bool] = lambda: False,
          store: Any = None, save: bool = True) -> Report | None:
    """Check the session's materials (all applicants, or those given); the findings, also kept in the store.

    None when `should_stop()` said stop before the end: nothing is kept, so the last whole check
    (what the experts' windows show) stays as it was.
    """
    from app.scanstore import ScanStore

    limits = limits or Limits()
    started = time.monotonic()
    ids = list(applicants) if applicants is not None else [a.id for a in session.applicants]
    own = store is None
    if store is None:
        try:
            store = ScanStore(session.path) if save else ScanStore.existing(session.path)
        except Exception:  # noqa: BLE001 — a read-only session: check without keeping the findings
            store, save = ScanStore.existing(session.path), False
    jobs = []
    for aid in ids:
        rubric = session.rubrics[session.applicant(aid).rubric_id]
        for mf in session.materials(aid):
            p = session.material_path(mf)
            if not p.is_file():
                continue
            need_seal = mf.material is not None and seal_rule(rubric, mf.material) is not None
            jobs.append((mf.path, str(p), mf.pages or 0, need_seal))
    found = examine_all(jobs, limits, workers=workers, progress=progress, should_stop=should_stop)
    if len(found) < len(jobs) and should_stop():
        if own and store is not None:
            store.close()
        return None
    accepted = store.acceptances() if store is not None else {}
    findings: list[Finding] = []
    for aid in ids:
        mine = _applicant_findings(session, aid, found, limits, store)
        for f in mine:
            note = accepted.get(f.key)
            f.accepted = note[0] if note else None
        findings += mine
        if save and store is not None:
            store.replace_findings(aid, ({"key": f.key, "applicant_id": aid, "path": f.path, "sha256": f.sha256,
                                          "material": f.material, "page": f.page, "code": f.code,
                                          "data": _dump(f), "position": k} for k, f in enumerate(mine)))
    if save and store is not None:
        store.set_meta("intake_limits", asdict(limits))
    if own and store is not None:
        store.close()
    return Report(limits, findings, ids, time.monotonic() - started)


def _dump(f: Finding) -> str:
    import json

    return json.dumps({"fields": f.fields, "rule": f.rule, "document": f.document, "file": f.file},
                      ensure_ascii=False)


def stored(session, applicant_id: str | None = None) -> list[Finding]:
    """The findings of the last check kept in the session's scan store (what experts see), with notes."""
    import json

    from app.scanstore import ScanStore

    store = ScanStore.existing(session.path)
    if store is None:
        return []
    try:
        accepted = store.acceptances()
        out = []
        for row in store.findings(applicant_id):
            data = json.loads(row["data"])
            f = Finding(row["applicant_id"], row["code"], row["material"], row["path"], data.get("file"),
                        row["page"], data.get("fields") or {}, data.get("rule") or "", data.get("document") or "",
                        row["sha256"])
            note = accepted.get(f.key)
            f.accepted = note[0] if note else None
            out.append(f)
        return out
    finally:
        store.close()


def for_material(session, applicant_id: str, material: str) -> list[Finding]:
    """What the last check found on the applicant's `material` (its files, by name), for the expert beside it:
    open findings and accepted ones with their notes, so nobody wonders whether a page is missing."""
    return [f for f in stored(session, applicant_id) if f.material == material and f.code != "not_checked"]


def accept(session, finding: Finding | str, note: str) -> None:
    """Record that the secretary accepts a finding, with `note` (an empty note takes the acceptance back)."""
    from app.scanstore import ScanStore

    key = finding if isinstance(finding, str) else finding.key
    with ScanStore(session.path) as store:
        if note.strip():
            store.accept(key, note.strip())
        else:
            store.unaccept(key)


def _applicant_findings(session, aid: str, found: dict[str, dict[str, Any]], limits: Limits,
                        store: Any) -> list[Finding]:
    rubric = session.rubrics[session.applicant(aid).rubric_id]
    rules = rules_for(rubric)
    wanted = session.applied(aid).materials
    files = session.materials(aid)
    out: list[Finding] = []
    have = {f.material for f in files if f.material}
    order = {m.name: k for k, m in enumerate(wanted)}
    for m in wanted:
        if m.name not in have:
            out.append(Finding(aid, "missing", m.name, rule=rules.get("receipt", ""),
                               document=rules.get("receipt_document", "")))
    for mf in sorted(files, key=lambda f: (order.get(f.material or "", len(order)), f.path)):
        base = dict(applicant_id=aid, material=mf.material, path=mf.path, file=mf.name, sha256=mf.sha256)
        form = dict(rule=rules.get("form", ""), document=rules.get("form_document", ""))
        if mf.material is None:
            out.append(Finding(code="unmatched", **base, **form))
        r = found.get(mf.path)
        if r is None:
            if not session.material_path(mf).is_file():
                out.append(Finding(code="damaged", fields={"reason": N_("the file is gone")}, **base))
            continue
        if "timeout" in r:
            out.append(Finding(code="timeout", fields={"seconds": r["timeout"]}, **base))
            continue
        if "failed" in r:
            out.append(Finding(code="check_failed", fields={"reason": r["failed"]}, **base))
            continue
        kind = r["kind"]
        if kind == "empty":
            out.append(Finding(code="empty", **base, **form))
            continue
        if kind != "pdf":
            out.append(Finding(code="not_pdf", fields={"kind": KINDS.get(kind, kind)}, **base, **form))
            continue
        if r.get("encrypted"):
            out.append(Finding(code="encrypted", **base, **form))
            continue
        if "error" in r:
            out.append(Finding(code="damaged", fields={"reason": r["error"]}, **base, **form))
            continue
        if not r["pages"]:
            out.append(Finding(code="empty", **base, **form))
            continue
        limit = next((m.max_pages for m in wanted if m.name == mf.material and m.max_pages), None)
        if limit and r["pages"] > limit:
            out.append(Finding(code="over_limit", fields={"pages": r["pages"], "limit": limit}, **base,
                               rule=rules.get("limit", ""), document=rules.get("limit_document", "")))
        turns = store.rotations(mf.sha256) if store is not None else {}
        for index, info in enumerate(r["page_info"]):
            page = dict(base, page=index + 1)
            if "error" in info:
                out.append(Finding(code="damaged", fields={"reason": info["error"]}, **page, **form))
                continue
            if info["ink"] < limits.blank_ink:
                out.append(Finding(code="blank", **page, **form))
                continue
            if info.get("dpi") is not None and info["dpi"] < limits.min_dpi:
                out.append(Finding(code="low_dpi", fields={"dpi": info["dpi"], "minimum": limits.min_dpi},
                                   **page, **form))
            sharp = info.get("sharpness")
            if sharp is not None and sharp < limits.min_sharpness:
                out.append(Finding(code="blurred", fields={"value": _num(sharp), "minimum": _num(limits.min_sharpness)},
                                   **page, **form))
            skew = info.get("skew")
            if skew is not None and abs(skew) > limits.max_skew:
                out.append(Finding(code="skewed", fields={"angle": _num(round(abs(skew), 1)),
                                                          "maximum": _num(limits.max_skew)}, **page, **form))
            if turns.get(index) == 180:
                out.append(Finding(code="upside_down", **page, **form))
        if not r["numpy"]:
            out.append(Finding(code="not_checked", fields={"what": N_("skew and sharpness"),
                                                           "why": N_("install the intake extra")}, **base))
        sealed = _seal_in(rules, mf.material) if mf.material else None
        if sealed:
            if not r["cv2"]:
                out.append(Finding(code="not_checked", fields={"what": N_("the seal"), "why": N_("install the intake extra")},
                                   **base))
            elif not any(i.get("seal") for i in r["page_info"]):
                out.append(Finding(code="no_seal", **base, rule=sealed[0], document=sealed[1]))
        marked = rules["copy_mark"].get(mf.material) if mf.material else None
        if marked:
            texts = [store.page_text(mf.sha256, n) for n in range(r["pages"])] if store is not None else [None]
            if any(t is None for t in texts):
                out.append(Finding(code="not_checked", fields={"what": N_("the mark “此件与原件相符”"),
                                                               "why": N_("its text has not been recognised yet")},
                                   **base))
            elif not any(has_copy_mark(t) for t in texts):
                out.append(Finding(code="no_copy_mark", **base, rule=marked[0], document=marked[1]))
        if len(turns) < r["pages"]:
            out.append(Finding(code="not_checked", fields={"what": N_("which way up each page is"),
                                                           "why": N_("its text has not been recognised yet")}, **base))
    return out


def orient(session, *, workers: int | None = None, progress=None, should_stop=lambda: False):
    """Recognise the text of the session's scans (app/ocr.py), which also finds pages upside down."""
    from app import ocr

    return ocr.run(session, workers=workers, progress=progress, should_stop=should_stop)


def env_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))
