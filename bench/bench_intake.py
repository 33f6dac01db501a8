"""The intake check (受理): pages a second on the demo session and on 300-dpi scans, one worker and two.

    .venv/bin/python bench/bench_intake.py [--repeat 3] [--scan-pages 80]

Times app.acceptance.examine_all, the part of `intake check` that reads every page (the rest, turning
what was measured into findings, takes milliseconds), on
- the demo session's materials (100-dpi scans, the size `panelreview demo` writes), and
- bench/make_scan.py's A4 300-dpi colour scans (what a secretary's scanner writes), one long material,
with the seal detector on, as for a material that needs a seal. Medians of --repeat runs; the machine's
load average is printed before and after, since other work shares the cores. Needs the `ocr` extra
(numpy, OpenCV: skew, sharpness and the seal) and the `bench` one (the 300-dpi scan).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import acceptance, demo  # noqa: E402


def demo_jobs(folder: Path) -> list[tuple[str, str, int, bool]]:
    session = demo.build(folder / "demo")
    return [(mf.path, str(session.material_path(mf)), mf.pages or 0, True)
            for a in session.applicants for mf in session.materials(a.id) if session.material_path(mf).is_file()]


def timed(jobs, workers: int, repeat: int) -> tuple[float, int]:
    """Median seconds of examine_all over the jobs, and the pages it read."""
    runs, pages = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = acceptance.examine_all(jobs, acceptance.Limits(), workers=workers)
        runs.append(time.perf_counter() - started)
        pages = sum(len(r.get("page_info", ())) for r in found.values())
    return statistics.median(runs), pages


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--scan-pages", type=int, default=80, help="pages of the 300-dpi material")
    args = p.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_scan import make_scan

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        scan = make_scan(Path(tmp) / "scan.pdf", pages=args.scan_pages)
        sets = {"demo session (100 dpi)": demo_jobs(Path(tmp)),
                f"one {args.scan_pages}-page material (300 dpi)": [("scan", str(scan), args.scan_pages, True)]}
        for name, jobs in sets.items():
            figures = {}
            for workers in (1, 2):
                seconds, pages = timed(jobs, workers, args.repeat)
                figures[workers] = pages / seconds
                print(f"{name}, {workers} worker{'s' if workers > 1 else ''}: {pages} pages in {seconds:.1f} s, "
                      f"{pages / seconds:.1f} pages/s ({1000 * seconds / pages:.0f} ms a page), "
                      f"median of {args.repeat}")
            print(f"  two workers against one: {figures[2] / figures[1]:.2f}×")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
