"""The secretary's window, driven through its widgets; what counts is what lands in the result file."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QColor, QDropEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.result import score_text  # noqa: E402
from app.resultfile import load_result  # noqa: E402
from app.scorefile import ScoreFile  # noqa: E402
from tests import scoring  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def shot(widget, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / f"{name}.png"))


def _points(item, off: int) -> Decimal:
    """The item's maximum lowered by `off` where its bands allow, else its lowest allowed value."""
    top = item.allowed.max
    for value in (top - off, top - off + 1, top):
        if value >= 0 and value in item.allowed:
            return value
    return top


# Per applicant, how far below the maximum each expert scores (E04 marks T03 far down: 畸低).
PLAN = {
    "E01": {"T01": 0, "T02": 1, "T03": 2, "T04": 1, "M01": 0, "M02": 1, "R01": 0},
    "E02": {"T01": 1, "T02": 1, "T03": 2, "T04": 2, "M01": 1, "M02": "recuse", "R01": 1},
    "E03": {"T01": 0, "T02": 2, "T03": 1, "T04": 1, "M01": 1, "M02": 2, "R01": 0},
    "E04": {"T01": 1, "T02": 0, "T03": 9, "T04": 2, "M01": 0, "M02": 1, "R01": 1},
    "E05": {"T01": 0, "T02": 0, "T03": 0, "T04": 0, "M01": 0, "M02": 0, "R01": 0},
}


def hand_in(session, folder: Path, expert_id: str) -> Path:
    """A submitted score file for the demo session, filled through the core (tests/scoring.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{expert_id}.prscore"
    with ScoreFile.create(path, session, expert_id) as sf:
        for a in sf.applicants:
            mark = PLAN[expert_id][a.id]
            if mark == "recuse":
                sf.recuse(a.id, "曾在该单位任职")
                continue
            # R01: three experts find its first basic condition not met, so it is ineligible
            no = a.id == "R01" and expert_id in ("E01", "E02", "E03")
            scoring.fill(sf, a.id, points=lambda item, k, mark=mark: _points(item, mark),
                         answers={"C1": "no"} if no else None,
                         decision="negative" if (expert_id == "E04" and a.id == "T03") else "positive",
                         opinion=f"{sf.expert['name']}：该单位条件较好，同意认定。")
            if no:
                sf.set_comment(a.id, "C1", "财务管理制度未见")
            first = next(i.id for i in sf.applied(a.id).items() if i.takes_points and i.id not in sf.stopped(a.id))
            sf.set_comment(a.id, first, f"{expert_id}：材料齐全，组织架构清楚")
        sf.submit()
    return path


@pytest.fixture(scope="module")
def score_files(demo_session, tmp_path_factory):
    """Four good submitted files, a hostile one (not SQLite) and one edited after it was submitted."""
    root = tmp_path_factory.mktemp("scores")
    good = root / "good"
    files = [hand_in(demo_session, good, eid) for eid in ("E01", "E02", "E03", "E04")]
    bad = root / "bad"
    bad.mkdir()
    junk = bad / "junk.prscore"
    junk.write_bytes(b"this is not a database " * 200)
    e05 = hand_in(demo_session, root / "e05", "E05")
    edited = bad / "E05-edited.prscore"
    shutil.copy(e05, edited)
    con = sqlite3.connect(edited)
    with con:
        con.execute("update answers set value = '0' where applicant_id = 'T01' and item_id = 'S1.1'")
    con.close()
    return {"good": good, "files": files, "junk": junk, "edited": edited}


@pytest.fixture
def make_window(qtbot, demo_session, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    session_copy = tmp_path / "session"
    shutil.copytree(demo_session.path, session_copy)
    made = []

    def make(lang: str = "zh_CN"):
        from app.session import open_session
        from ui.secretary.window import SecretaryWindow

        make_app(lang)
        w = SecretaryWindow(open_session(session_copy))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
    make_app("en")  # other tests read the widgets in English


def merge_through_window(w, qtbot, paths: list[Path]) -> None:
    w.pages.setCurrentIndex(w.MERGE)
    w.merge_page.add_paths(paths)
    assert w.merge_page.merge_button.isEnabled()
    before = w.result
    w.merge_page.merge_button.click()
    qtbot.waitUntil(lambda: w.result is not before and w.result is not None, timeout=60000)


def table_texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_merge_rank_inspect_and_export(make_window, qtbot, score_files, tmp_path, monkeypatch):
    from ui.i18n import tr

    w = make_window("zh_CN")
    assert not w.pages.isTabEnabled(w.RANKING)
    assert w.pages.currentIndex() == w.MERGE  # an opened session goes straight to the score files
    w.merge_action.trigger()
    assert w.merge_page.message.text() == tr("Add the score files first.")
    w.pages.setCurrentIndex(w.PREPARE)
    shot(w, "secretary-prepare")

    # -- merge: a folder of good files, a hostile file and an edited one
    merge_through_window(w, qtbot, [score_files["good"], score_files["junk"], score_files["edited"]])
    result_path = w.session.path / "results" / "result.sqlite"
    assert Path(w.result.path) == result_path and result_path.is_file()
    disk = load_result(result_path)
    table = w.merge_page.table
    rows = {r[0]: r for r in table_texts(table)}
    assert set(rows) == {"E01.prscore", "E02.prscore", "E03.prscore", "E04.prscore", "junk.prscore",
                         "E05-edited.prscore"}
    by_name = {Path(f.path).name: f for f in disk.files}
    for name in ("junk.prscore", "E05-edited.prscore"):
        assert rows[name][4] == tr("refused")
        # the reason as the core words it, without the file name, which has its own column
        assert rows[name][5] == by_name[name].reason != "" and by_name[name].path not in rows[name][5]
        row = list(rows).index(name)
        assert table.item(row, 0).background().color() == QColor("#fdecea")
    assert "提交后被修改" in rows["E05-edited.prscore"][5] or "changed after" in rows["E05-edited.prscore"][5]
    for name in ("E01.prscore", "E04.prscore"):
        assert rows[name][4] == tr("accepted") and rows[name][5] == ""
        assert rows[name][3] == by_name[name].fingerprint
    assert "E01 王立新" in rows["E01.prscore"][1]
    shot(w, "secretary-merge")

    # -- ranking: every category's table matches the result file's ranks and totals
    assert w.pages.isTabEnabled(w.RANKING)
    w.pages.setCurrentIndex(w.RANKING)
    page = w.ranking
    experts = disk.merged_experts
    assert [e.id for e in experts] == ["E01", "E02", "E03", "E04"]
    header = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert header[3:7] == [e.name for e in experts]
    seen = set()
    for k in range(page.categories.count()):
        page.categories.setCurrentIndex(k)
        cat = page.category()
        for r, texts in enumerate(table_texts(page.table)):
            a = disk.applicant(page.applicant_at(r))
            seen.add(a.id)
            assert a.category == cat
            expected_rank = "—" if a.rank is None else (tr("{rank} (tied)").format(rank=a.rank) if a.tied
                                                        else str(a.rank))
            assert texts[0] == expected_rank
            assert texts[2] == score_text(a.total, disk.decimals)
            for j, e in enumerate(experts):
                if e.id in a.recused:
                    assert texts[3 + j] == tr("recused")
                else:
                    assert texts[3 + j] == score_text(a.expert_totals[e.id], disk.decimals)
            assert texts[3 + len(experts)] == f"{a.recommendations['yes']} : {a.recommendations['no']}"
        ranks = [disk.applicant(page.applicant_at(r)).rank for r in range(page.table.rowCount())]
        ranked = [x for x in ranks if x is not None]
        assert ranked == sorted(ranked)
    assert seen == {a.id for a in disk.applicants}

    # the outlying expert total is highlighted in that expert's column, with the sentence as tooltip
    page.show_category("高技能人才培训基地")
    t03 = disk.applicant("T03")
    outlier = next(f for f in t03.flags if f.kind == "outlier_total")
    row = next(r for r in range(page.table.rowCount()) if page.applicant_at(r) == "T03")
    col = 3 + [e.id for e in experts].index(outlier.expert_id)
    cell = page.table.item(row, col)
    assert cell.background().color() == QColor("#ffd9a8")
    assert outlier.detail in cell.toolTip()
    from ui.secretary.words import method_text

    assert "Kendall's W" in page.about.text() and method_text(disk.method) in page.about.text()
    shot(w, "secretary-ranking")

    # R01 failed a basic condition: listed with its reason
    page.show_category("乡村振兴技能工作站")
    r01 = disk.applicant("R01")
    assert r01.rank is None and not r01.eligible
    assert r01.name in page.unranked.toPlainText()
    assert r01.ineligible_reasons[0][:20] in page.unranked.toPlainText()
    shot(w, "secretary-ranking-ineligible")

    # the drill-down: every expert side by side, with comments, conditions and opinions
    page.show_category("高技能人才培训基地")
    row = next(r for r in range(page.table.rowCount()) if page.applicant_at(r) == "T01")
    page.table.cellDoubleClicked.emit(row, 1)
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if d.isVisible() and d.__class__.__name__ == "DetailDialog")
    qtbot.waitExposed(dialog)
    head = [dialog.scores.horizontalHeaderItem(c).text() for c in range(dialog.scores.columnCount())]
    assert head[3:] == [e.name for e in experts]
    texts = "\n".join("\n".join(r) for r in table_texts(dialog.scores))
    assert "E01：材料齐全，组织架构清楚" in texts and "E04：材料齐全，组织架构清楚" in texts
    totals = table_texts(dialog.scores)[-1]
    assert totals[2] == score_text(disk.applicant("T01").total, disk.decimals)
    opinions = table_texts(dialog.opinions)
    assert any("同意认定" in r[2] for r in opinions)
    assert dialog.conditions.rowCount() >= 4
    dialog.resize(1300, 720)
    shot(dialog, "secretary-detail")
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "secretary-detail-conditions")
    dialog.close()

    # -- field inspection through the widgets: the file says so afterwards
    w.pages.setCurrentIndex(w.INSPECTION)
    insp = w.inspection
    first = min((a for a in disk.applicants if a.category == "高技能人才培训基地" and a.rank is not None),
                key=lambda a: a.rank)
    insp.select(first.id)
    assert insp.current_id() == first.id and insp.record_button.isEnabled()
    insp.passed.click()
    insp.note.setPlainText("现场场地、设备与材料一致")
    insp.record_button.click()
    after = load_result(result_path)
    got = after.applicant(first.id).inspection
    assert got is not None and got.result == "passed" and got.note == "现场场地、设备与材料一致"
    assert first.id in after.category("高技能人才培训基地").candidates
    assert w.result.applicant(first.id).inspection.result == "passed"
    assert first.name in insp.candidates.toPlainText()
    # the next one fails; its note lands too
    second = min((a for a in after.applicants if a.category == "高技能人才培训基地" and a.rank is not None
                  and a.id != first.id), key=lambda a: a.rank)
    insp.select(second.id)
    insp.failed.click()
    insp.note.setPlainText("实训设备不足")
    insp.record_button.click()
    assert load_result(result_path).applicant(second.id).inspection.result == "failed"
    text = insp.candidates.toPlainText()
    third = min((a for a in after.applicants if a.category == "高技能人才培训基地" and a.rank is not None
                 and a.id not in (first.id, second.id)), key=lambda a: a.rank)
    assert f"等待对{third.name}" in text  # the next in rank is awaited, in words
    shot(w, "secretary-inspection")

    # -- export: Excel through the file dialog, CSV into a folder
    target = tmp_path / "export" / "结果.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr("ui.secretary.export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    w.exporter.export_xlsx()  # written off the UI thread
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().endswith(str(target)), timeout=60000)
    from openpyxl import load_workbook

    wb = load_workbook(target)
    assert "汇总与排名" in wb.sheetnames or len(wb.sheetnames) >= 5
    ws = wb[wb.sheetnames[0]]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row]
    assert disk.applicant("T01").name in flat
    assert any(isinstance(v, (int, float)) and abs(v - float(disk.applicant("T01").total)) < 0.005 for v in flat)
    csv_dir = tmp_path / "csv"
    csv_dir.mkdir()
    monkeypatch.setattr("ui.secretary.export.QFileDialog.getExistingDirectory", lambda *a, **k: str(csv_dir))
    w.exporter.export_csv()
    qtbot.waitUntil(lambda: str(csv_dir) in w.statusBar().currentMessage(), timeout=60000)
    assert len(list(csv_dir.glob("*.csv"))) >= 5

    # -- print: the sheets are built off the UI thread and handed to the preview
    seen_pdf = {}
    monkeypatch.setattr("ui.printing.PrintJob.preview", lambda self, parent: seen_pdf.update({self.title: self.pdf}))
    w.exporter.print_sheet("summary", "preview")
    w.exporter.print_sheet("candidates", "preview")
    qtbot.waitUntil(lambda: len(seen_pdf) == 2, timeout=60000)
    assert all(pdf.startswith(b"%PDF") for pdf in seen_pdf.values())
    assert any("评审汇总表" in t for t in seen_pdf) and any("候选名单" in t for t in seen_pdf)
    saved = tmp_path / "候选名单.pdf"
    monkeypatch.setattr("ui.printing.QFileDialog.getSaveFileName", lambda *a, **k: (str(saved), ""))
    w.exporter.print_sheet("candidates", "save")
    qtbot.waitUntil(saved.is_file, timeout=60000)
    assert saved.read_bytes().startswith(b"%PDF")

    # -- the layout is remembered
    w.ranking.splitter.setSizes([300, 200])
    w.close()
    from ui import settings

    assert settings.state("secretary/geometry") is not None
    assert settings.state("secretary/ranking-splitter") is not None

    # -- opened again (in English): the result, its files and inspections come back from the file
    w2 = make_window("en")
    assert w2.result is not None and Path(w2.result.path) == result_path
    assert w2.result.applicant(first.id).inspection.result == "passed"
    assert w2.merge_page.table.rowCount() == 6
    assert w2.pages.tabText(w2.RANKING) == "5 Ranking"
    w2.pages.setCurrentIndex(w2.RANKING)
    shot(w2, "secretary-english")
    w2.pages.setCurrentIndex(w2.INSPECTION)
    shot(w2, "secretary-english-inspection")


def drop(widget, paths: list[Path]) -> QDropEvent:
    """Drag `paths` in and drop them, as Qt delivers it: the drop goes where the drag entered."""
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(200, 200)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)
    return event


def test_dropping_files_and_folders_adds_them(make_window, score_files):
    w = make_window("zh_CN")
    event = drop(w, [score_files["good"], score_files["junk"]])
    assert event.isAccepted()
    names = [p.name for p in w.merge_page.inputs]
    assert names == ["E01.prscore", "E02.prscore", "E03.prscore", "E04.prscore", "junk.prscore"]
    assert w.pages.currentIndex() == w.MERGE
    assert w.merge_page.table.rowCount() == 5
    # the same files again add nothing; removing takes them out
    drop(w, [score_files["good"], score_files["junk"]])
    assert len(w.merge_page.inputs) == 5
    w.merge_page.table.selectRow(4)
    w.merge_page.remove_button.click()
    assert [p.name for p in w.merge_page.inputs][-1] == "E04.prscore"


def test_nothing_mergeable_shows_every_reason_and_no_result(make_window, qtbot, score_files):
    w = make_window("zh_CN")
    w.merge_page.add_paths([score_files["junk"], score_files["edited"]])
    w.merge_page.merge_button.click()
    qtbot.waitUntil(lambda: w.merge_page.statuses != {}, timeout=60000)
    assert w.result is None and not w.pages.isTabEnabled(w.RANKING)
    rows = table_texts(w.merge_page.table)
    assert all(r[5] for r in rows)
    assert w.merge_page.message.text()  # the MergeError as a sentence
    assert not (w.session.path / "results" / "result.sqlite").exists()


def test_a_read_only_session_keeps_its_result_in_the_data_folder(make_window, qtbot, score_files, monkeypatch,
                                                                  tmp_path):
    from app import resultfile as result_file

    real = result_file._writable
    monkeypatch.setattr(result_file, "_writable",
                        lambda folder: False if str(folder).startswith(str(tmp_path / "session")) else real(folder))
    w = make_window("zh_CN")
    merge_through_window(w, qtbot, [score_files["good"]])
    assert Path(w.result.path) == tmp_path / "data" / "results" / w.session.id / "result.sqlite"
    assert not (w.session.path / "results" / "result.sqlite").exists()


def test_the_secretary_is_chosen_at_the_start(qtbot, demo_session, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app
    from ui.main import parse_args
    from ui.start import SECRETARY, Controller, OpenSessionDialog

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    app = make_app("zh_CN")
    try:
        assert parse_args(["--secretary"]).secretary
        dialog = OpenSessionDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.role == "expert" and not dialog.new_button.isVisible()
        dialog.secretary_button.click()
        assert dialog.role == SECRETARY and dialog.new_button.isVisible()
        shot(dialog, "secretary-start")
        dialog.close()

        session_copy = tmp_path / "session"
        shutil.copytree(demo_session.path, session_copy)
        controller = Controller(app)
        assert controller.start(session=session_copy, secretary=True)  # no roster, no pledge
        from ui.secretary.window import SecretaryWindow

        assert isinstance(controller.window, SecretaryWindow)
        assert controller.window.session.path == session_copy
        controller.change_language("en")
        assert isinstance(controller.window, SecretaryWindow) and controller.window.session.path == session_copy
        controller.window.close()

        # no session yet: the secretary prepares one on the first page
        monkeypatch.setattr(OpenSessionDialog, "exec", lambda self: (self.set_role(SECRETARY), self._new()) and 1)
        controller = Controller(app)
        assert controller.start()
        assert controller.window.session is None and controller.window.pages.currentIndex() == 0
        controller.window.close()
    finally:
        settings.put("language", "zh_CN")
        make_app("en")


def test_copy_to_stick_carries_only_the_manifest_and_materials(qtbot, demo_session, tmp_path, monkeypatch):
    """An expert's stick never gets other experts' scores or the merge result."""
    import shutil

    from app.session import open_session
    from ui.application import make_app
    from ui.secretary.prepare import PreparePage

    make_app("en")
    src = tmp_path / "session"
    shutil.copytree(demo_session.path, src)
    (src / "results").mkdir()
    (src / "results" / "result.sqlite").write_bytes(b"secret")
    (src / "scores").mkdir(exist_ok=True)
    (src / "scores" / "E01.prscore").write_bytes(b"secret")
    page = PreparePage(open_session(src))
    qtbot.addWidget(page)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr("ui.secretary.prepare.QFileDialog.getExistingDirectory", lambda *a, **k: str(stick))
    page.copy_to_stick()
    qtbot.waitUntil(lambda: "Copied and verified" in page.message.text(), timeout=30000)
    copied = stick / "session"
    assert (copied / "session.sqlite").is_file() and (copied / "materials").is_dir()
    assert not (copied / "results").exists() and not (copied / "scores").exists()
    assert open_session(copied).verify().ok


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_report_page_needs_no_sideways_scroll_on_a_laptop_at_150_percent(make_window, qtbot, lang):
    """1366 x 768 at 150 % leaves 910 x 512 device-independent pixels: the objections go under the other
    records, and every button of the page can be reached by scrolling down only."""
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    w = make_window(lang)
    w.pages.setCurrentIndex(w.REPORT)
    page = w.report
    area = page.findChild(QScrollArea)
    objections = page._boxes[3]
    w.resize(1600, 900)
    qtbot.waitUntil(lambda: objections.x() > page._boxes[0].x())  # side by side where there is room
    w.resize(910, 512)
    qtbot.waitUntil(lambda: objections.y() > page._boxes[2].y())  # under the notice
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0)
    room = area.viewport().width()
    buttons = [b for b in area.widget().findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 12
    for b in buttons:
        right = b.mapTo(area.widget(), b.rect().topRight()).x()
        assert right < room, f"{b.text()!r} ends at x={right}, past the {room}-pixel view"
