"""Scores survive a killed process: every change reported saved is on disk, and the file is sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.scorefile import ScoreFile

ROOT = Path(__file__).resolve().parent.parent

WRITER = r"""
import sys
sys.path.insert(0, sys.argv[3])
from app.scorefile import ScoreFile
sf = ScoreFile.open(sys.argv[1])
seed = int(sys.argv[2])
items = [(a.id, i) for a in sf.applicants for i in sf.applied(a.id).items() if i.takes_points]
k = seed
while True:
    aid, item = items[k % len(items)]
    band = item.allowed.bands[k % len(item.allowed.bands)]
    value = band.high
    sf.set_points(aid, item.id, value)
    sf.set_comment(aid, item.criterion or item.id, f"c{seed}-{k}")
    # Only now, after both commits returned, does the writer claim they are saved.
    sys.stdout.write(f"{aid} {item.id} {value} {item.criterion or item.id} c{seed}-{k}\n")
    sys.stdout.flush()
    k += 1
"""


def test_killing_the_writer_never_loses_a_saved_change(demo_session, tmp_path):
    path = tmp_path / "E01.prscore"
    ScoreFile.create(path, demo_session, "E01").close()
    rng = random.Random(7)
    claimed: list[tuple[str, str, str, str, str]] = []
    kills = 0
    for run in range(50):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(run * 37), str(ROOT)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.25 + rng.random() * 0.35)  # import time plus a random share of writing
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        kills += 1
        for line in out.splitlines():
            parts = line.split()
            if len(parts) != 5:
                continue  # a line cut by the kill was never a claim
            claimed.append(tuple(parts))
        con = sqlite3.connect(path)
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        con.close()
    assert kills == 50
    assert len(claimed) > 20, "the writer should have saved a good number of changes"
    with ScoreFile.open(path, readonly=True) as sf:
        history = sf.history()
        # Each claimed change is in the append-only history, in the order it was made
        # (a later run, killed before it could claim, may have changed a value again).
        position = {}
        for k, h in enumerate(history):
            position.setdefault((h["applicant_id"], h["target_id"], h["field"], h["new"]), []).append(k)
        last = -1
        for aid, item, value, target, comment in claimed:
            spots = position.get((aid, target, "comment", comment))
            assert spots, f"saved comment {comment} on {aid} {target} is lost"
            assert spots[0] > last, "history out of order"
            last = spots[0]
            # the points were saved just before the comment (or already held that value)
            assert any(k < spots[0] for k in position.get((aid, item, "answer", value), [])), (aid, item, value)
        # And the state is what the history ends with.
        final: dict[tuple[str, str], str | None] = {}
        for h in history:
            if h["field"] == "answer":
                final[(h["applicant_id"], h["target_id"])] = h["new"]
        for (aid, item), value in final.items():
            assert sf.answer(aid, item) == value
