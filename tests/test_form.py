"""The offline form through the real command line: template, import (all or nothing), export, round trip."""

from __future__ import annotations

import csv
import sqlite3

import openpyxl

from app.form import COLUMNS
from app.scorefile import ScoreFile
from conftest import run_cli


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, rows, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)


def filled(rows):
    """Answer every row as an expert would: yes, the top of each band, a recommendation."""
    out = []
    for r in rows:
        r = dict(r)
        kind = r["item_kind"]
        if kind in ("condition", "gate"):
            r["value"] = "yes"
        elif kind in ("criterion", "check"):
            r["value"] = r["max"]
        elif kind == "recommendation":
            r["value"] = r["allowed"].split(",")[0]
        elif kind == "opinion":
            r["value"] = "材料齐全，同意推荐。"
        out.append(r)
    return out


def test_template_lists_every_item_with_allowed_values(demo_session, tmp_path):
    form = tmp_path / "E04.csv"
    run_cli("scores", "template", str(demo_session.path), "--expert", "E04", "--to", str(form))
    rows = read_csv(form)
    assert list(rows[0]) == list(COLUMNS)
    kinds = {r["item_kind"] for r in rows}
    assert kinds == {"recusal", "condition", "gate", "criterion", "check", "recommendation", "opinion"}
    s11 = next(r for r in rows if r["applicant_id"] == "T01" and r["item_id"] == "S1.1")
    assert (s11["max"], s11["allowed"], s11["value"]) == ("4", "1-3,4,无符合档次", "")
    rec = next(r for r in rows if r["applicant_id"] == "T01" and r["item_kind"] == "recommendation")
    assert rec["allowed"] == "建议认定,不建议认定"
    assert next(r for r in rows if r["item_id"] == "G1")["allowed"] == "yes,no"


def test_import_export_round_trip_changes_nothing(demo_session, tmp_path):
    blank = tmp_path / "blank.xlsx"
    run_cli("scores", "template", str(demo_session.path), "--expert", "E05", "--to", str(blank))
    wb = openpyxl.load_workbook(blank)
    ws = wb.active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value or "" for c in row])) for row in ws.iter_rows(min_row=2)]
    rows = filled(rows)
    rows[0]["value"], rows[0]["comment"] = "", ""
    t01 = [r for r in rows if r["applicant_id"] == "T01"]
    next(r for r in t01 if r["item_id"] == "S1.1").update(value="3", comment="组织架构图不完整")
    for k, r in enumerate(rows, start=2):
        for c, col in enumerate(header, start=1):
            ws.cell(k, c, r[col])
    wb.save(blank)

    score = tmp_path / "E05.prscore"
    out = run_cli("scores", "import", str(demo_session.path), "--expert", "E05", "--from", str(blank),
                  "--out", str(score))
    assert out.stdout.strip() == str(score)
    with ScoreFile.open(score, readonly=True) as sf:
        assert sf.answer("T01", "S1.1") == "3"
        assert sf.comments("T01")["S1.1"] == "组织架构图不完整"
        assert sf.missing() == []

    exported = tmp_path / "export.csv"
    run_cli("scores", "export", str(score), "--to", str(exported))
    history_before = len(ScoreFile.open(score, readonly=True).history())
    run_cli("scores", "import", str(demo_session.path), "--expert", "E05", "--from", str(exported),
            "--out", str(score))
    again = tmp_path / "again.csv"
    run_cli("scores", "export", str(score), "--to", str(again))
    assert again.read_bytes() == exported.read_bytes()
    assert len(ScoreFile.open(score, readonly=True).history()) == history_before  # nothing changed

    fp = run_cli("scores", "submit", str(score)).stdout.strip()
    verified = run_cli("scores", "verify", str(score))
    assert verified.stdout.splitlines()[0] == fp


def test_one_bad_row_rejects_the_whole_import_and_names_every_bad_row(demo_session, tmp_path):
    form = tmp_path / "E02.csv"
    run_cli("scores", "template", str(demo_session.path), "--expert", "E02", "--to", str(form))
    rows = filled(read_csv(form))
    index = {(r["applicant_id"], r["item_id"]): k for k, r in enumerate(rows)}
    rows[index[("T01", "S1.1")]]["value"] = "3.5"
    rows[index[("T01", "C1")]]["value"] = "maybe"
    rows[index[("T02", "S2b.1.1")] if ("T02", "S2b.1.1") in index else index[("T02", "S1.2")]]["value"] = "99"
    write_csv(form, rows, encoding="gb18030")  # typed in Excel on Chinese Windows
    score = tmp_path / "E02.prscore"
    proc = run_cli("scores", "import", str(demo_session.path), "--expert", "E02", "--from", str(form),
                   "--out", str(score), check=False)
    assert proc.returncode == 1
    err = proc.stderr
    row = lambda key: index[key] + 2  # header is row 1
    assert f"row {row(('T01', 'S1.1'))}, column I (value): S1.1: 3.5 points are outside its bands (1-3,4)" in err
    assert f"row {row(('T01', 'C1'))}, column I (value): C1: answer yes or no, not 'maybe'" in err
    assert "nothing was imported" in err
    assert not score.exists()


def test_import_into_an_existing_file_is_all_or_nothing(demo_session, tmp_path):
    score = tmp_path / "E01.prscore"
    run_cli("scores", "new", str(demo_session.path), "--expert", "E01", "--out", str(score))
    with ScoreFile.open(score) as sf:
        sf.set_points("T01", "S1.1", 4)
    form = tmp_path / "E01.csv"
    run_cli("scores", "export", str(score), "--to", str(form))
    rows = filled(read_csv(form))
    next(r for r in rows if r["item_id"] == "S1.2" and r["applicant_id"] == "T01")["value"] = "7"
    write_csv(form, rows)
    proc = run_cli("scores", "import", str(demo_session.path), "--expert", "E01", "--from", str(form),
                   "--out", str(score), check=False)
    assert proc.returncode == 1
    with ScoreFile.open(score, readonly=True) as sf:
        assert sf.answers("T01") == {"S1.1": "4"}
        con = sqlite3.connect(score)
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_recused_rows_must_stay_empty(demo_session, tmp_path):
    form = tmp_path / "E03.csv"
    run_cli("scores", "template", str(demo_session.path), "--expert", "E03", "--to", str(form))
    rows = filled(read_csv(form))
    for r in rows:
        if r["applicant_id"] == "M01" and r["item_kind"] == "recusal":
            r["value"], r["comment"] = "yes", "近亲属任该单位负责人"
    write_csv(form, rows)
    proc = run_cli("scores", "import", str(demo_session.path), "--expert", "E03", "--from", str(form),
                   "--out", str(tmp_path / "E03.prscore"), check=False)
    assert proc.returncode == 1
    assert "this applicant is recused, so nothing may be filled in for it" in proc.stderr
    for r in rows:
        if r["applicant_id"] == "M01" and r["item_kind"] != "recusal":
            r["value"] = r["comment"] = ""
    write_csv(form, rows)
    run_cli("scores", "import", str(demo_session.path), "--expert", "E03", "--from", str(form),
            "--out", str(tmp_path / "E03.prscore"))
    with ScoreFile.open(tmp_path / "E03.prscore", readonly=True) as sf:
        assert sf.recusal("M01") == "近亲属任该单位负责人"
        assert sf.missing() == []


def test_verify_names_a_tampered_value_through_the_cli(demo_session, tmp_path):
    form = tmp_path / "E04.csv"
    run_cli("scores", "template", str(demo_session.path), "--expert", "E04", "--to", str(form))
    write_csv(form, filled(read_csv(form)))
    score = tmp_path / "E04.prscore"
    run_cli("scores", "import", str(demo_session.path), "--expert", "E04", "--from", str(form), "--out", str(score))
    run_cli("scores", "submit", str(score))
    con = sqlite3.connect(score)
    con.execute("update recommendations set opinion = '另有说明' where applicant_id = 'T02'")
    con.commit()
    con.close()
    proc = run_cli("scores", "verify", str(score), check=False)
    assert proc.returncode == 1
    assert "CHANGED after it was submitted" in proc.stderr
    assert "recommendations: T02 was positive, now positive" not in proc.stderr
    assert "recommendations: T02" in proc.stderr


def test_submit_lists_what_is_missing(demo_session, tmp_path):
    score = tmp_path / "E01.prscore"
    run_cli("scores", "new", str(demo_session.path), "--expert", "E01", "--out", str(score))
    proc = run_cli("scores", "submit", str(score), check=False)
    assert proc.returncode == 1
    assert "items are still unanswered" in proc.stderr
    assert "T01 · C1" in proc.stderr.replace("(T01) ", "T01 ").replace("深圳市龙岗区鹏程精密制造职业培训学校 ", "")


# --------------------------------------------------------------------------- traps that once changed scores silently


def sha256(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def scored_and_exported(demo_session, tmp_path, expert, suffix):
    """A score file with T01's S1.1 at 4 and C1 yes, and its export as a form."""
    score = tmp_path / f"{expert}.prscore"
    run_cli("scores", "new", str(demo_session.path), "--expert", expert, "--out", str(score))
    with ScoreFile.open(score) as sf:
        sf.set_points("T01", "S1.1", 4)
        sf.set_answer("T01", "C1", "yes")
    form = tmp_path / f"{expert}{suffix}"
    run_cli("scores", "export", str(score), "--to", str(form))
    return score, form


def refused(demo_session, expert, form, score):
    """Import `form` into `score`; the stderr of the refusal (exit 1), the score file's bytes unchanged."""
    before = sha256(score)
    proc = run_cli("scores", "import", str(demo_session.path), "--expert", expert, "--from", str(form),
                   "--out", str(score), check=False)
    assert proc.returncode == 1
    assert sha256(score) == before
    return proc.stderr


def test_a_formula_without_its_value_is_refused_and_the_answer_it_hid_stays(demo_session, tmp_path):
    from test_tables import with_cached_value

    score, form = scored_and_exported(demo_session, tmp_path, "E01", ".xlsx")
    wb = openpyxl.load_workbook(form)
    ws = wb.active
    row = next(r for r in range(2, ws.max_row + 1) if (ws.cell(r, 1).value, ws.cell(r, 3).value) == ("T01", "S1.1"))
    ws.cell(row, 9).value = "=2+1"  # typed in Excel, saved by a script that computes nothing
    wb.save(form)
    assert (f"{form}: row {row}, column I: the formula =2+1 has no computed value; open the file in Excel or WPS and "
            "save it, or type the value") in refused(demo_session, "E01", form, score)
    with ScoreFile.open(score, readonly=True) as sf:
        assert sf.answer("T01", "S1.1") == "4"
    # the same file as Excel saves it, with the formula's value beside it: the value is what counts
    form.write_bytes(with_cached_value(form.read_bytes(), "3"))
    run_cli("scores", "import", str(demo_session.path), "--expert", "E01", "--from", str(form), "--out", str(score))
    with ScoreFile.open(score, readonly=True) as sf:
        assert sf.answer("T01", "S1.1") == "3"


def test_two_rows_for_one_item_are_refused_naming_both(demo_session, tmp_path):
    score, form = scored_and_exported(demo_session, tmp_path, "E02", ".csv")
    rows = read_csv(form)
    c1 = next(k for k, r in enumerate(rows) if (r["applicant_id"], r["item_id"]) == ("T01", "C1"))
    rows.append({**rows[c1], "value": "no"})  # C1 yes, and further down C1 no: once the last one won
    write_csv(form, rows)
    err = refused(demo_session, "E02", form, score)
    assert (f"{form}: row {len(rows) + 1}, column C (item_id): C1 of T01 is also in row {c1 + 2}: keep one of the "
            "two rows") in err
    assert "nothing was imported" in err
    with ScoreFile.open(score, readonly=True) as sf:
        assert sf.answer("T01", "C1") == "yes"


def test_a_recusal_answered_no_comes_back_no_and_an_unanswered_one_blank(demo_session, tmp_path):
    """Issue 14 item 5: "declared no conflict" and "did not answer" must not look the same."""
    for suffix in (".xlsx", ".csv"):
        blank = tmp_path / f"E05{suffix}"
        run_cli("scores", "template", str(demo_session.path), "--expert", "E01", "--to", str(blank))
        rows = read_csv(blank) if suffix == ".csv" else [
            dict(zip(COLUMNS, ["" if v is None else str(v) for v in row]))
            for row in openpyxl.load_workbook(blank).active.iter_rows(min_row=2, values_only=True)]
        ids = [r["applicant_id"] for r in rows if r["item_kind"] == "recusal"]
        no_id, blank_id = ids[0], ids[1]
        for r in rows:
            if r["item_kind"] == "recusal" and r["applicant_id"] == no_id:
                r["value"] = "否"
        form = tmp_path / f"filled{suffix}"
        if suffix == ".csv":
            write_csv(form, rows)
        else:
            wb = openpyxl.Workbook()
            wb.active.append(list(COLUMNS))
            for r in rows:
                wb.active.append([r[c] for c in COLUMNS])
            wb.save(form)
        score = tmp_path / f"E01{suffix}.prscore"
        run_cli("scores", "import", str(demo_session.path), "--expert", "E01", "--from", str(form),
                "--out", str(score))
        with ScoreFile.open(score, readonly=True) as sf:
            assert sf.conflict_declared(no_id) is False and sf.recusal(no_id) is None
            assert sf.conflict_declared(blank_id) is None
        for to in (tmp_path / f"out{suffix}.csv", tmp_path / f"out{suffix}.xlsx"):
            run_cli("scores", "export", str(score), "--to", str(to))
            back = read_csv(to) if to.suffix == ".csv" else [
                dict(zip(COLUMNS, ["" if v is None else str(v) for v in row]))
                for row in openpyxl.load_workbook(to).active.iter_rows(min_row=2, values_only=True)]
            recusal = {r["applicant_id"]: r["value"] for r in back if r["item_kind"] == "recusal"}
            assert recusal[no_id] == "no" and recusal[blank_id] == ""
            # the export imported back changes nothing: "no" stays declared, blank stays unanswered
            run_cli("scores", "import", str(demo_session.path), "--expert", "E01", "--from", str(to),
                    "--out", str(score))
            with ScoreFile.open(score, readonly=True) as sf:
                assert sf.conflict_declared(no_id) is False and sf.conflict_declared(blank_id) is None
        # a blank answer withdraws the declaration; "yes" recuses and replaces it
        for r in rows:
            if r["item_kind"] == "recusal" and r["applicant_id"] == no_id:
                r["value"] = ""
        write_csv(tmp_path / "again.csv", rows)
        run_cli("scores", "import", str(demo_session.path), "--expert", "E01", "--from",
                str(tmp_path / "again.csv"), "--out", str(score))
        with ScoreFile.open(score, readonly=True) as sf:
            assert sf.conflict_declared(no_id) is None
