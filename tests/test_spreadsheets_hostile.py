"""Hostile text in every spreadsheet the program writes (issue 14 item 1), read as a secretary's Excel reads it.

Applicants name themselves and experts write comments, opinions and recusal
reasons; all of it reaches the Excel and CSV files the secretary opens. Each
file the program writes is read back: openpyxl counts formula cells
(`data_type == "f"`), and every CSV cell is checked for a leading formula
character without the neutralising apostrophe. The offline form goes back in
and must give the exact text again.
"""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

import openpyxl
import pytest

from app import cells, tables
from app.errors import SheetError
from app import session as session_mod
from app.merge import merge
from app.scorefile import ScoreFile
from conftest import run_cli
from tests import scoring

# Issue 14's own examples, a full-width ＝ (a Chinese input method types it), and one already quoted.
HOSTILE = ['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1", "＝1+1",
           "'=已加引号", "-2+3"]
EXPERTS = [("E01", "王专家"), ("E02", "=HYPERLINK(\"http://x\",\"专家\")"), ("E03", "赵专家")]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A session whose applicants are named HOSTILE, scored by three experts writing HOSTILE text; merged."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "tables"
    (folder / "materials").mkdir(parents=True)
    applicants = [(f"A{k}", name) for k, name in enumerate(HOSTILE, 1)]
    with open(folder / "applicants.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "name", "rubric"]] + [[aid, name, "sz-master-studio"] for aid, name in applicants])
    with open(folder / "experts.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "name"]] + EXPERTS)
    for aid, _ in applicants:
        (folder / "materials" / aid).mkdir()
    session = session_mod.create(tmp / "session", title="=危险标题", applicants=folder / "applicants.csv",
                                 experts=folder / "experts.csv", materials=folder / "materials", date="2025-07-01",
                                 quotas={"技能大师工作室": 3})
    files = []
    for eid, _ in EXPERTS:
        path = tmp / "in" / f"{eid}.prscore"
        path.parent.mkdir(exist_ok=True)
        with ScoreFile.create(path, session, eid) as sf:
            for k, (aid, _) in enumerate(applicants):
                if eid == "E03" and aid == "A2":
                    sf.recuse(aid, HOSTILE[0])
                    continue
                scoring.fill(sf, aid, opinion=HOSTILE[k])
                sf.set_comment(aid, "S4.3", HOSTILE[-1 - k])
                sf.set_comment(aid, "C1", HOSTILE[k])
            sf.submit()
        files.append(path)
    result = merge(session, files, out=tmp / "result.prresult")
    return tmp, session, files, result


def formula_cells(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]


def values(path: Path) -> set:
    wb = openpyxl.load_workbook(path)
    return {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def csv_cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [c for row in csv.reader(f) for c in row]


def is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


def assert_neutral_csv(path: Path) -> list[str]:
    """No cell starts a formula unless it is a number; returns the cells."""
    got = csv_cells(path)
    live = [c for c in got if cells.looks_like_formula(c) and not is_number(c)]
    assert live == [], f"{path.name}: {live}"
    return got


def test_result_exports_hold_no_formula_and_every_name_as_typed(hostile, tmp_path):
    tmp, session, files, result = hostile
    xlsx, report_xlsx, folder = tmp_path / "export.xlsx", tmp_path / "report.xlsx", tmp_path / "csv"
    run_cli("export", str(result.path), "--xlsx", str(xlsx), "--csv", str(folder))
    run_cli("report", str(result.path), "--xlsx", str(report_xlsx))
    for path in (xlsx, report_xlsx):
        assert formula_cells(path) == []
        got = values(path)
        assert set(HOSTILE) <= got  # the names, each exactly as the applicant wrote it
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["汇总与排名"]
    names = [ws.cell(r, 5) for r in range(3, ws.max_row + 1)]
    recused = {ws.cell(r, 4).value: ws.cell(r, 9).value for r in range(3, ws.max_row + 1)}
    assert recused["A2"] == "E03 赵专家" and recused["A1"] is None  # the recused expert by name
    hyperlink = next(c for c in names if c.value == HOSTILE[0])
    assert hyperlink.data_type == "s" and hyperlink.quotePrefix  # stays text if the secretary edits the cell
    assert not next(c for c in names if c.value == "'=已加引号").quotePrefix  # an apostrophe is only a character

    csvs = sorted(folder.glob("*.csv"))
    assert len(csvs) == 6
    everything = [c for p in csvs for c in assert_neutral_csv(p)]
    for text in HOSTILE:
        assert cells.to_csv(text) in everything
        assert cells.to_csv(text) == ("'" + text if text != "'=已加引号" else "''=已加引号")


def test_offline_forms_hold_no_formula_and_come_back_exactly(hostile, tmp_path):
    tmp, session, files, result = hostile
    template_xlsx, template_csv = tmp_path / "blank.xlsx", tmp_path / "blank.csv"
    run_cli("scores", "template", str(session.path), "--expert", "E01", "--to", str(template_xlsx))
    run_cli("scores", "template", str(session.path), "--expert", "E01", "--to", str(template_csv))
    assert formula_cells(template_xlsx) == []
    assert set(HOSTILE) <= values(template_xlsx)
    assert_neutral_csv(template_csv)

    with ScoreFile.open(files[1], readonly=True) as sf:  # E02 wrote every hostile text
        original = {a.id: (sf.comments(a.id), sf.recommendation(a.id), sf.answers(a.id), sf.recusal(a.id))
                    for a in sf.applicants}
    for suffix in (".xlsx", ".csv"):
        form = tmp_path / f"E02{suffix}"
        run_cli("scores", "export", str(files[1]), "--to", str(form))
        if suffix == ".xlsx":
            assert formula_cells(form) == []
            assert set(HOSTILE) <= values(form)
        else:
            assert_neutral_csv(form)
        back = tmp_path / f"E02-back{suffix}.prscore"
        run_cli("scores", "import", str(session.path), "--expert", "E02", "--from", str(form), "--out", str(back))
        with ScoreFile.open(back, readonly=True) as sf:
            again = {a.id: (sf.comments(a.id), sf.recommendation(a.id), sf.answers(a.id), sf.recusal(a.id))
                     for a in sf.applicants}
        assert again == original, suffix
    assert original["A1"][0]["S4.3"] == HOSTILE[-1] and original["A1"][1][1] == HOSTILE[0]


def test_the_recused_reason_comes_back_from_the_form(hostile, tmp_path):
    tmp, session, files, result = hostile
    for suffix in (".xlsx", ".csv"):
        form = tmp_path / f"E03{suffix}"
        run_cli("scores", "export", str(files[2]), "--to", str(form))
        back = tmp_path / f"E03{suffix}.prscore"
        run_cli("scores", "import", str(session.path), "--expert", "E03", "--from", str(form), "--out", str(back))
        with ScoreFile.open(back, readonly=True) as sf:
            assert sf.recusal("A2") == HOSTILE[0]


@pytest.mark.parametrize("text", HOSTILE + ["", "'", "''", "'hello", "hello", "''+1", "\t=x", "\r=x", "＠x", "＋1"])
def test_the_csv_prefix_is_taken_away_exactly_where_it_was_added(text):
    written = cells.to_csv(text)
    assert cells.from_csv(written) == text
    assert not cells.looks_like_formula(written)
    if not cells.needs_quote(text):
        assert written == text  # nothing else is touched, an apostrophe a person typed included


def test_numbers_stay_numbers():
    assert cells.to_csv(Decimal("-1.50")) == "-1.50" and cells.to_csv(-3) == "-3" and cells.to_csv(None) == ""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert cells.put(ws, 1, 1, Decimal("-1.5")).data_type == "n"
    assert cells.put(ws, 1, 2, "-1.5").data_type == "s"
    assert cells.put(ws, 1, 3, "=1+1").data_type == "s"


def test_a_text_too_long_for_an_excel_cell_is_refused_never_cut():
    """openpyxl cuts text at 32,767 characters without a word; the one writer says so instead."""
    ws = openpyxl.Workbook().active
    assert cells.put(ws, 1, 1, "意" * cells.XLSX_MAX_TEXT).value == "意" * 32767
    with pytest.raises(SheetError) as exc:
        cells.put(ws, 2, 1, "意" * 32768)
    assert str(exc.value) == ("Sheet!A2: the text is 32768 characters long and an Excel cell holds at most 32767; "
                              "nothing was cut: write a CSV file instead")


def test_a_csv_cell_longer_than_pythons_default_limit_is_read(tmp_path):
    """csv refuses cells over 131,072 characters by default: the program's own long opinions once came back so."""
    path = tmp_path / "long.csv"
    path.write_text("id,opinion\r\nA1," + "长" * 200_000 + "\r\n", encoding="utf-8-sig")
    table = tables.read_table(path)
    assert table.rows == [(2, ["A1", "长" * 200_000])]


def libreoffice(out: Path, files: list[Path], *, csv_in: bool) -> list[Path]:
    """Open `files` in LibreOffice Calc (headless) and save each as XLSX in `out`: what a spreadsheet makes of them."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Calc is needed: ./dev test installs libreoffice-calc-nogui"
    out.mkdir(parents=True, exist_ok=True)
    args = [soffice, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", "--convert-to", "xlsx",
            "--outdir", str(out)] + (["--infilter=CSV:44,34,76,1"] if csv_in else []) + [str(f) for f in files]
    subprocess.run(args, check=True, capture_output=True, timeout=240)
    made = [out / f"{f.stem}.xlsx" for f in files]
    assert all(p.exists() for p in made), [p.name for p in made if not p.exists()]
    return made


def test_libreoffice_opening_every_file_finds_no_formula(hostile, tmp_path):
    """A real spreadsheet program reads the files: a CSV cell "=1+1" becomes a formula there, ours never do."""
    tmp, session, files, result = hostile
    written = tmp_path / "written"
    run_cli("export", str(result.path), "--xlsx", str(written / "export.xlsx"), "--csv", str(written / "csv"))
    run_cli("scores", "export", str(files[1]), "--to", str(written / "form.xlsx"))
    run_cli("scores", "export", str(files[1]), "--to", str(written / "form.csv"))
    control = written / "control.csv"
    control.write_text('id,name\nA1,=1+1\nA2,"=HYPERLINK(""http://x"",""click"")"\n', encoding="utf-8")
    csvs = [written / "form.csv", control] + [p.rename(written / f"result-{k}.csv")
                                              for k, p in enumerate(sorted((written / "csv").glob("*.csv")))]
    opened = libreoffice(tmp_path / "csv-in", csvs, csv_in=True)
    opened += libreoffice(tmp_path / "xlsx-in", [written / "export.xlsx", written / "form.xlsx"], csv_in=False)
    found = {p.name: formula_cells(p) for p in opened}
    assert found.pop("control.xlsx") == ["control!B2", "control!B3"]  # LibreOffice does read CSV formulas
    assert found == {p.name: [] for p in opened if p.name != "control.xlsx"}


def test_the_recheck_form_holds_no_formula_and_gives_the_reason_back(hostile, tmp_path):
    """The re-check round's form (app/recheck.py) writes names and reasons through the same writer."""
    import shutil

    from app import recheck

    tmp, session, files, result = hostile
    copy = tmp_path / "E02.prscore"
    shutil.copy(files[1], copy)
    with ScoreFile.open(copy) as sf:
        recheck.open_own(sf, [("A1", "S3.1")], HOSTILE[0])
        before = sf.answer("A1", "S3.1")
        sf.set_points("A1", "S3.1", int(before) - 1)
        sf.round_reason("A1", "S3.1", HOSTILE[2])
        for suffix in (".xlsx", ".csv"):
            form = recheck.write_form(sf, tmp_path / f"recheck{suffix}")
            if suffix == ".xlsx":
                assert formula_cells(form) == [] and {HOSTILE[0], HOSTILE[2]} <= values(form)
            else:
                assert cells.to_csv(HOSTILE[2]) in assert_neutral_csv(form)
            sf.round_reason("A1", "S3.1", "别的理由")
            assert recheck.import_form(sf, form) == 1
            assert sf.round_items()[0].reason == HOSTILE[2]
