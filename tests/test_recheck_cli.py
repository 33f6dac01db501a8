"""`panelreview recheck ...`: a whole re-check from the command line, as a secretary and an expert run it."""

from __future__ import annotations

import csv
import json

from tests.conftest import run_cli
from tests.test_recheck import objective_panel, sha


def test_propose_request_open_answer_by_form_submit_and_merge_again(tmp_path):
    s, files, r = objective_panel(tmp_path)
    shown = run_cli("recheck", "propose", str(r.path)).stdout
    assert "E05" in shown and "S5.1" in shown and "第六十四条（三）" in shown
    props = json.loads(run_cli("recheck", "propose", str(r.path), "--json").stdout)
    assert {"applicant_id": "A1", "expert_id": "E05", "items": ["S5.1"], "kind": "objective_inconsistent",
            "article": "第六十四条（三）", "ticked": True} in [{k: v for k, v in p.items() if k != "detail"} for p in props]

    stick = tmp_path / "stick"
    req = run_cli("recheck", "request", str(r.path), "--expert", "E05", "--proposed", "--item", "A1:S4.1",
                  "--out", str(stick)).stdout.strip()
    assert json.loads(open(req, encoding="utf-8").read())["expert_id"] == "E05"
    assert "not opened yet" in run_cli("recheck", "status", str(r.path), str(files[4])).stdout

    opened = run_cli("recheck", "open", str(files[4]), "--request", req, "--session", str(s.path)).stdout
    assert "round 2 is open for 2 items" in opened
    form = tmp_path / "answer.csv"
    run_cli("recheck", "form", str(files[4]), "--to", str(form), "--request", req)
    rows = list(csv.DictReader(open(form, encoding="utf-8-sig")))
    assert [(x["item_id"], x["before"], x["panel"]) for x in rows] == [  # in the rubric's order
        ("S4.1", "5", "5 experts: 5 ×5 (lowest 5, median 5, highest 5)"),
        ("S5.1", "1", "5 experts: 2 ×4, 1 ×1 (lowest 1, median 2, highest 2)")]

    # a change without a reason, and an item not asked: refused, nothing imported
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["applicant_id", "item_id", "value", "reason", "confirm"])
        w.writerow(["A1", "S5.1", "2", "", ""])
        w.writerow(["A1", "S3.1", "4", "手误", ""])
    before = sha(files[4])
    proc = run_cli("recheck", "import", str(files[4]), "--from", str(bad), check=False)
    assert proc.returncode == 1
    assert "row 2: the value changed: give the reason" in proc.stderr
    assert "row 3: A1 S3.1 was not asked in this re-check round" in proc.stderr
    assert sha(files[4]) == before

    rows[1]["value"], rows[1]["reason"] = "2", "核实带徒人数，应为2分"
    rows[0]["confirm"] = "是"
    with open(form, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    run_cli("recheck", "import", str(files[4]), "--from", str(form))
    fingerprint = run_cli("scores", "submit", str(files[4])).stdout.strip()
    status = run_cli("recheck", "status", str(r.path), str(files[4])).stdout
    assert "answered" in status and fingerprint in status

    merged = json.loads(run_cli("merge", str(s.path), *map(str, files), "--out", str(r.path), "--json").stdout)
    assert [(c["target_id"], c["kind"], c["old"], c["new"], c["reason"]) for c in merged["changes"]] == [
        ("S5.1", "changed", "1", "2", "核实带徒人数，应为2分"), ("S4.1", "confirmed", "5", "5", "")]

    run_cli("recheck", "finalise", str(r.path))
    again = run_cli("recheck", "request", str(r.path), "--expert", "E01", "--item", "A1:S5.1", "--out", str(stick),
                    check=False)
    assert again.returncode == 1 and "finalised" in again.stderr


def test_own_round_needs_the_confirmation_and_a_reason(tmp_path):
    _s, files, _r = objective_panel(tmp_path)
    before = sha(files[0])
    proc = run_cli("recheck", "own", str(files[0]), "--item", "A1:S3.1", "--reason", "录入错误", check=False)
    assert proc.returncode == 2 and "--yes" in proc.stderr
    proc = run_cli("recheck", "own", str(files[0]), "--item", "A1S3.1", "--reason", "录入错误", "--yes", check=False)
    assert proc.returncode == 2 and "APPLICANT:ITEM" in proc.stderr
    assert sha(files[0]) == before
    assert "round 2 is open for 1 items" in run_cli("recheck", "own", str(files[0]), "--item", "A1:S3.1", "--reason",
                                                    "录入错误", "--yes").stdout
