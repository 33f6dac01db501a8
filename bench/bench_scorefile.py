"""Score file speed: one saved change, and the offline form for a whole session.

    python bench/bench_scorefile.py

Builds a session of 100 online training bases (about 30 scored items each),
then measures the median time per saved change (target: under 5 ms; every
change is its own committed, fsynced transaction) and the time to write the
blank form, import it filled, and export it again.
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import form, session  # noqa: E402
from app.scorefile import ScoreFile  # noqa: E402

APPLICANTS = 100


def make_session(root: Path) -> session.Session:
    materials = root / "materials"
    with open(root / "applicants.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "rubric", "delivery", "scope", "applicant_kind"])
        for k in range(APPLICANTS):
            aid = f"A{k:03d}"
            (materials / aid).mkdir(parents=True)
            w.writerow([aid, f"深圳市测试单位{k:03d}有限公司", "sz-training-base", "线上", "普通基地", "线上平台"])
    with open(root / "experts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "organisation", "title"])
        w.writerow(["E01", "王立新", "深圳职业技术大学", "教授"])
    return session.create(root / "session", title="基准测试", applicants=root / "applicants.csv",
                          experts=root / "experts.csv", materials=materials, date="2024-08-30")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sess = make_session(root)
        items = {a.id: sess.applied(a.id).items() for a in sess.applicants}
        per_applicant = len(next(iter(items.values())))
        print(f"session: {APPLICANTS} applicants x {per_applicant} items = {APPLICANTS * per_applicant} answers")

        sf = ScoreFile.create(root / "E01.prscore", sess, "E01")
        times = []
        for aid, its in items.items():
            for it in its:
                t = time.perf_counter()
                if it.takes_points:
                    sf.set_points(aid, it.id, it.allowed.max)
                else:
                    sf.set_answer(aid, it.id, "yes")
                times.append(time.perf_counter() - t)
            sf.set_recommendation(aid, "positive", "同意。")
        times.sort()
        print(f"saved change: median {statistics.median(times) * 1000:.2f} ms, "
              f"p90 {times[int(len(times) * 0.9)] * 1000:.2f} ms, max {times[-1] * 1000:.1f} ms "
              f"over {len(times)} changes (target: median < 5 ms)")

        def timed(label: str, func, runs: int = 3) -> None:
            results = []
            for _ in range(runs):
                t = time.perf_counter()
                func()
                results.append(time.perf_counter() - t)
            print(f"{label}: median {statistics.median(results):.2f} s of {runs}")

        blank = root / "blank.xlsx"
        timed("template (xlsx, whole session)", lambda: form.template(sess, "E01", blank))
        filled = root / "filled.csv"
        timed("export (csv)", lambda: form.export_form(sf, filled))
        sf.close()
        fresh = root / "fresh.prscore"

        def do_import() -> None:
            if fresh.exists():
                fresh.unlink()
            form.import_form(sess, "E01", filled, out=fresh)
        timed("import (csv, into a new file, all or nothing)", do_import)
        again = root / "again.csv"
        with ScoreFile.open(fresh, readonly=True) as imported:
            form.export_form(imported, again)
        print("round trip identical:", again.read_bytes() == filled.read_bytes())


if __name__ == "__main__":
    main()
