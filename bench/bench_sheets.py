"""Measure opinion sheets: 100 sheets from one submitted demo score file (applicants repeated).

    python bench/bench_sheets.py [--count 100] [--out DIR] [--rare]

Targets: all 100 sheets in <= 5 s, and <= 60 KB per sheet (the font is embedded as a subset).
The score file is built and submitted first (not timed); the font is registered once, before timing.
Also printed: the share of the time spent making each sheet PDF/A-2b (app/archive.py, inside the
timed total). With --rare a second series is printed, from a session whose expert and every
applicant's name hold CJK Extension A/B characters (𠮷, 䶮), so the font fallback runs on each
sheet; its faces are registered before timing too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOTAL_TARGET_S = 5.0
SIZE_TARGET_KB = 60.0


def rare_source(folder: Path) -> Path:
    """The demo's tables with 𠮷 and 䶮 in the expert's and every applicant's name."""
    import csv
    import shutil

    from app import paths

    src = folder / "rare-tables"
    shutil.copytree(paths.demo_sources(), src, ignore=shutil.ignore_patterns("chongqing"))
    for table, pick in (("applicants.csv", lambda r: True), ("experts.csv", lambda r: r["id"] == "E01")):
        with open(src / table, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            if pick(r):
                r["name"] = "𠮷" + r["name"] + "䶮"
        with open(src / table, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    return src


def prepare(folder: Path, source: Path | None = None) -> Path:
    """The demo session and one expert's submitted score file (every applicant answered, one recused)."""
    from app import demo
    from app.scorefile import ScoreFile

    session = demo.build(folder / "session", source=source, page_limit=1)
    path = folder / "E01.prscore"
    sf = ScoreFile.create(path, session, "E01")
    for a in sf.applicants:
        if a.id == "M02":
            sf.recuse(a.id, "本人曾在该单位兼职")
            continue
        for item in sf.applied(a.id).items():
            if item.id in sf.stopped(a.id):
                continue
            if item.takes_points:
                sf.set_points(a.id, item.id, item.allowed.max)
            else:
                sf.set_answer(a.id, item.id, "yes")
            if item.kind == "criterion":
                sf.set_comment(a.id, item.id, "材料齐全，佐证充分，符合该档次评分标准。")
        sf.set_recommendation(a.id, "positive", "该单位组织体系健全，师资力量较强，培训成果突出。" * 10)
    sf.submit()
    sf.close()
    return path


def series(path: Path, out: Path, count: int) -> tuple[float, float, list[float], list[float], list[float]]:
    """`count` opinion sheets from the score file at `path`: wall, CPU, per-sheet times, sizes, archival times."""
    from app import archive, sheets
    from app.scorefile import ScoreFile

    spent: list[float] = []
    make = archive.pdfa_bytes

    def timed(data: bytes, **kw) -> bytes:
        t = time.perf_counter()
        try:
            return make(data, **kw)
        finally:
            spent.append(time.perf_counter() - t)

    archive.pdfa_bytes = timed  # sheets.render looks it up at call time
    try:
        with ScoreFile.open(path, readonly=True) as sf:
            ids = [a.id for a in sf.applicants]
            sheets.opinion_sheet(sf, ids[0], out / "warm-up.pdf")  # imports pikepdf (not timed)
            spent.clear()
            times, sizes = [], []
            start, cpu = time.perf_counter(), time.process_time()
            for k in range(count):
                aid = ids[k % len(ids)]
                t = time.perf_counter()
                written = sheets.opinion_sheet(sf, aid, out / f"{k:03d}-{aid}.pdf")
                times.append(time.perf_counter() - t)
                sizes.append(written.stat().st_size / 1024)
            return time.perf_counter() - start, time.process_time() - cpu, times, sizes, spent
    finally:
        archive.pdfa_bytes = make


def report(label: str, count: int, total: float, cpu: float, times: list[float], sizes: list[float],
           spent: list[float]) -> bool:
    ok = total <= TOTAL_TARGET_S * count / 100 and max(sizes) <= SIZE_TARGET_KB
    print(f"{label}: {count} opinion sheets: {total:.2f} s in all (target <= {TOTAL_TARGET_S:.0f} s)  "
          f"{'OK' if total <= TOTAL_TARGET_S * count / 100 else 'SLOW'}")
    print(f"  CPU time of this process: {cpu:.2f} s (the wall time above includes waiting for the disk and for "
          f"other processes on a busy machine)")
    print(f"  per sheet: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"  of which PDF/A-2b (app/archive.py): median {statistics.median(spent) * 1000:.1f} ms, "
          f"{sum(spent) / total * 100:.0f} % of the total")
    print(f"  size per sheet: median {statistics.median(sizes):.1f} KB, max {max(sizes):.1f} KB "
          f"(target <= {SIZE_TARGET_KB:.0f} KB)  {'OK' if max(sizes) <= SIZE_TARGET_KB else 'TOO BIG'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", type=Path, default=None, help="keep the sheets here (default: a temporary folder)")
    ap.add_argument("--rare", action="store_true", help="also a series with Extension A/B characters in the names")
    args = ap.parse_args()

    from app import fonts

    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as tmp:
        tmp = Path(tmp)
        runs = [("demo names", tmp / "plain", None)]
        if args.rare:
            runs.append(("names with 𠮷 and 䶮", tmp / "rare", rare_source(tmp)))
        prepared = []
        for label, folder, source in runs:
            folder.mkdir()
            t = time.perf_counter()
            prepared.append((label, folder, prepare(folder, source)))
            print(f"prepared score file ({label}) in {time.perf_counter() - t:.1f} s (not timed)")
        t = time.perf_counter()
        for k in range(len(fonts.CHAIN) if args.rare else 1):
            fonts.reportlab_name(k)
        print(f"fonts registered once in {(time.perf_counter() - t) * 1000:.0f} ms (not timed)")
        for label, folder, path in prepared:
            out = args.out / folder.name if args.out else folder / "sheets"
            out.mkdir(parents=True, exist_ok=True)
            ok = report(label, args.count, *series(path, out, args.count)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
