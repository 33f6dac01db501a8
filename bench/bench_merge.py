"""How long the secretary waits for a merge: 30 experts × 80 applicants, and how it grows.

    python bench/bench_merge.py [--keep DIR]

Builds sessions of 20, 40 and 80 training-base applicants (sz-training-base,
~30 items each, mixed profiles) with 30 experts, writes 30 submitted score
files per session (answers inserted directly, one transaction per file, then
ScoreFile.submit() so fingerprints are real), and times `merge()` — checking,
verifying, merging and writing the result file — as the median of 3 runs.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import session as session_mod  # noqa: E402
from app.merge import merge  # noqa: E402
from app.scorefile import ScoreFile  # noqa: E402

PROFILES = [("线下", "普通基地", "企业"), ("线下", "专项基地", "培训机构"), ("线上", "普通基地", "线上平台"),
            ("线下", "普通基地", "行业协会")]
EXPERTS = 30


def allowed_values(item) -> list[Decimal]:
    out = []
    for band in item.allowed.bands:
        v = band.low
        while v <= band.high:
            if v in item.allowed:
                out.append(v)
            v += item.allowed.step
    return sorted(set(out))


def build_session(root: Path, applicants: int) -> session_mod.Session:
    tables = root / f"tables-{applicants}"
    (tables / "materials").mkdir(parents=True)
    lines = ["id,name,rubric,delivery,scope,applicant_kind"]
    for k in range(1, applicants + 1):
        aid = f"T{k:03d}"
        (tables / "materials" / aid).mkdir()
        lines.append(f"{aid},培训基地{k},sz-training-base,{','.join(PROFILES[k % len(PROFILES)])}")
    (tables / "applicants.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tables / "experts.csv").write_text(
        "id,name\n" + "".join(f"E{k:02d},专家{k}\n" for k in range(1, EXPERTS + 1)), encoding="utf-8")
    return session_mod.create(root / f"session-{applicants}", title=f"基准{applicants}",
                              applicants=tables / "applicants.csv", experts=tables / "experts.csv",
                              materials=tables / "materials", quotas={"高技能人才培训基地": 5})


def write_files(session, folder: Path, rng: random.Random) -> list[Path]:
    folder.mkdir()
    plan = {}
    for a in session.applicants:
        items = session.applied(a.id).items()
        plan[a.id] = [(i, allowed_values(i) if i.takes_points else None) for i in items]
    paths = []
    for e in session.experts:
        path = folder / f"{e.id}.prscore"
        ScoreFile.create(path, session, e.id).close()
        rows, recs = [], []
        for a in session.applicants:
            bias = rng.random()
            for item, values in plan[a.id]:
                if values is None:
                    value = "no" if item.kind == "priority" and rng.random() < 0.7 else "yes"
                    level = None
                else:
                    top = [v for v in values if v >= values[-1] * Decimal("0.5")] or values
                    pick = top[min(len(top) - 1, int(len(top) * (0.4 + 0.6 * bias * rng.random())))]
                    value = format(pick.normalize(), "f")
                    lv = item.level_for(pick)
                    level = item.levels.index(lv) if lv is not None else None
                rows.append((a.id, item.id, value, level, "2025-07-01T09:00:00+08:00"))
            recs.append((a.id, "positive" if bias > 0.2 else "negative", "意见", "2025-07-01T09:00:00+08:00"))
        con = sqlite3.connect(path)
        with con:  # one transaction per file
            con.executemany("insert into answers (applicant_id, item_id, value, level, at) values (?,?,?,?,?)", rows)
            con.executemany("insert into history (at, round, applicant_id, target_id, field, old, new) "
                            "values (?, 1, ?, ?, 'answer', null, ?)", [(r[4], r[0], r[1], r[2]) for r in rows])
            con.executemany("insert into recommendations (applicant_id, decision, opinion, at) values (?,?,?,?)", recs)
        con.close()
        with ScoreFile.open(path) as sf:
            sf.submit()
        paths.append(path)
    return paths


def timed(session, files, out: Path, runs: int = 3) -> str:
    """Median wall-clock and CPU seconds of `runs` merges (CPU shows the cost on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        merge(session, files, out=out)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return f"{statistics.median(wall):.3f} s wall  {statistics.median(cpu):.3f} s CPU"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="build in this (new) folder and keep it")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-merge-"))
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20250701)
    try:
        t0 = time.perf_counter()
        built = {}
        for n in (20, 40, 80):
            s = build_session(root, n)
            built[n] = (s, write_files(s, root / f"scores-{n}", rng))
        print(f"generated 3 sessions (20/40/80 applicants) × {EXPERTS} submitted score files "
              f"in {time.perf_counter() - t0:.1f} s")
        items = len(built[80][0].applied("T001").items())
        print(f"sz-training-base: {items}–{max(len(built[80][0].applied(a.id).items()) for a in built[80][0].applicants)}"
              " items per applicant")
        print()
        s80, f80 = built[80]
        print("experts × 80 applicants   median of 3")
        for m in (5, 10, 20, 30):
            print(f"  {m:>2} experts              {timed(s80, f80[:m], root / f'r80-{m}.prresult')}")
        print()
        print("applicants × 30 experts   median of 3")
        for n in (20, 40, 80):
            s, f = built[n]
            print(f"  {n:>2} applicants           {timed(s, f, root / f'r{n}-30.prresult')}")
        result = root / "r80-30.prresult"
        print()
        print(f"result file for 30 × 80: {result.stat().st_size / 1e6:.1f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
