"""Text recognition: character recall and pages a minute, on the demo's scans and on generated scans.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--workers 2]

The known text of a scan is its twin's: the same material drawn with the same seed and an invisible text
layer (app/scanpdf.py), whose pixels are the same. Recall = characters of the known text found in the
recognised text (as multisets, white space left out). Throughput is timed over the worker pool app/ocr.py
uses (one process per core, one inference thread each), against one worker in the same run; the machine's
load average is printed before and after, since other work shares the cores. Last, the disk the `ocr`
extra's packages take in site-packages.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pymupdf  # noqa: E402

from app import demo, ocr, rubric as rubric_mod, tables  # noqa: E402
from app.scanpdf import make_scanned_pdf  # noqa: E402

EXTRA = ["rapidocr", "onnxruntime", "opencv-python-headless", "shapely", "pyclipper", "omegaconf",
         "antlr4-python3-runtime", "colorlog", "tqdm", "six", "flatbuffers", "protobuf", "coloredlogs",
         "humanfriendly", "sympy", "mpmath", "packaging", "numpy"]


def recall(truth: str, got: str) -> float:
    a, b = Counter("".join(truth.split())), Counter("".join(got.split()))
    total = sum(a.values())
    return sum(min(a[c], b[c]) for c in a) / total if total else 1.0


def demo_pages(folder: Path, limit: int) -> list[tuple[str, int, str]]:
    """(scan, page, known text) from the demo's own materials, rebuilt as demo.build draws them."""
    src = demo.source("longgang")
    plan = demo.spec(src)
    rubrics = rubric_mod.load_all()
    out = []
    for a in tables.read_applicants(src / "applicants.csv", rubrics):
        mine = (plan.get("materials") or {}).get(a.id) or {}
        for m in dict.fromkeys(m.name for m in rubrics[a.rubric_id].apply(a.profile).materials):
            if m in (mine.get("missing") or []) or m in (mine.get("text_layer") or []):
                continue
            pages = min(int((mine.get("pages") or {}).get(m, plan.get("pages", 4))), 3)
            seed = int(hashlib.sha256(f"{a.id}/{m}".encode()).hexdigest()[:8], 16)
            sideways = {p for p in (mine.get("sideways") or {}).get(m, []) if p <= pages}
            kw = dict(title=m, applicant=a.name, pages=pages, seed=seed, sideways_pages=sideways)
            scan = make_scanned_pdf(folder / f"{a.id}-{m}.pdf", **kw)
            twin = make_scanned_pdf(folder / f"{a.id}-{m}-twin.pdf", text_layer=True, **kw)
            with pymupdf.open(twin) as doc:
                for p in range(pages):
                    out.append((str(scan), p, doc[p].get_text()))
                    if len(out) >= limit:
                        return out
    return out


def generated_pages(folder: Path, limit: int) -> list[tuple[str, int, str]]:
    out = []
    k = 0
    while len(out) < limit:
        kw = dict(title="培训成果报告", applicant=f"测试单位{k:02d}职业技能培训中心", pages=4, seed=1000 + k)
        scan = make_scanned_pdf(folder / f"gen{k}.pdf", **kw)
        twin = make_scanned_pdf(folder / f"gen{k}-twin.pdf", text_layer=True, **kw)
        with pymupdf.open(twin) as doc:
            for p in range(4):
                out.append((str(scan), p, doc[p].get_text()))
        k += 1
    return out[:limit]


def run(pages: list[tuple[str, int, str]], workers: int) -> tuple[float, list[float]]:
    """Seconds to read all pages (models loaded before the clock starts) and each page's recall."""
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=ocr._init_worker) as pool:
        list(pool.map(_noop, range(workers * 2)))  # every worker has its models loaded
        started = time.perf_counter()
        results = list(pool.map(_read, [(path, p) for path, p, _ in pages]))
        seconds = time.perf_counter() - started
    return seconds, [recall(truth, got) for (_, _, truth), got in zip(pages, results)]


def _noop(_: int) -> None:
    time.sleep(0.2)


def _read(job: tuple[str, int]) -> str:
    return ocr.read_page(*job)["text"]


def extra_size() -> tuple[int, list[str]]:
    total, seen = 0, []
    for name in EXTRA:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        size = sum((f.size or 0) for f in dist.files or ())
        total += size
        seen.append(f"{name} {size / 2**20:.0f} MB")
    return total, seen


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=12, help="pages of each set")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args()
    if not ocr.available():
        print(ocr.missing_message().text("en"))
        return 1
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"demo scans": demo_pages(Path(tmp), args.pages),
                "generated scans": generated_pages(Path(tmp), args.pages)}
        for label, pages in sets.items():
            one, r1 = run(pages, 1)
            many, rn = run(pages, args.workers)
            print(f"{label}: {len(pages)} pages; recall median {statistics.median(rn):.4f}, min {min(rn):.4f}, "
                  f"mean {statistics.mean(rn):.4f}")
            print(f"  1 worker: {len(pages) / one * 60:.1f} pages/min ({one / len(pages):.2f} s a page); "
                  f"{args.workers} workers: {len(pages) / many * 60:.1f} pages/min ({many / len(pages):.2f} s a page)"
                  f"; ratio {one / many:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    size, parts = extra_size()
    print(f"the ocr extra's packages: {size / 2**20:.0f} MB ({', '.join(parts)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
