"""Measure opinion sheets: 100 sheets from one submitted demo score file (applicants repeated).

    python bench/bench_sheets.py [--count 100] [--out DIR]

Targets: all 100 sheets in <= 5 s, and <= 60 KB per sheet (the font is embedded as a subset).
The score file is built and submitted first (not timed); the font is registered once, before timing.
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


def prepare(folder: Path) -> Path:
    """The demo session and one expert's submitted score file (every applicant answered, one recused)."""
    from app import demo
    from app.scorefile import ScoreFile

    session = demo.build(folder / "session", page_limit=1)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", type=Path, default=None, help="keep the sheets here (default: a temporary folder)")
    args = ap.parse_args()

    from app import fonts, sheets
    from app.scorefile import ScoreFile

    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as tmp:
        tmp = Path(tmp)
        out = args.out or tmp / "sheets"
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        path = prepare(tmp)
        print(f"prepared demo score file in {time.perf_counter() - t:.1f} s (not timed)")
        t = time.perf_counter()
        fonts.register_reportlab()
        print(f"font registered once in {(time.perf_counter() - t) * 1000:.0f} ms (not timed)")

        with ScoreFile.open(path, readonly=True) as sf:
            ids = [a.id for a in sf.applicants]
            times, sizes = [], []
            start, cpu = time.perf_counter(), time.process_time()
            for k in range(args.count):
                aid = ids[k % len(ids)]
                t = time.perf_counter()
                written = sheets.opinion_sheet(sf, aid, out / f"{k:03d}-{aid}.pdf")
                times.append(time.perf_counter() - t)
                sizes.append(written.stat().st_size / 1024)
            total = time.perf_counter() - start
            cpu = time.process_time() - cpu

    print(f"{args.count} opinion sheets: {total:.2f} s in all (target <= {TOTAL_TARGET_S:.0f} s)  "
          f"{'OK' if total <= TOTAL_TARGET_S * args.count / 100 else 'SLOW'}")
    print(f"CPU time of this process: {cpu:.2f} s (the wall time above includes waiting for the disk and for "
          f"other processes on a busy machine)")
    print(f"per sheet: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"size per sheet: median {statistics.median(sizes):.1f} KB, max {max(sizes):.1f} KB "
          f"(target <= {SIZE_TARGET_KB:.0f} KB)  {'OK' if max(sizes) <= SIZE_TARGET_KB else 'TOO BIG'}")
    return 0 if total <= TOTAL_TARGET_S * args.count / 100 and max(sizes) <= SIZE_TARGET_KB else 1


if __name__ == "__main__":
    sys.exit(main())
