"""The expert's re-check round in the window: only the items asked, the spread without names, reasons, submit."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QMessageBox  # noqa: E402

from app import recheck  # noqa: E402
from app import vocabulary as words  # noqa: E402
from app.merge import merge  # noqa: E402
from app.scorefile import ScoreFile  # noqa: E402
from tests.test_recheck import objective_panel  # noqa: E402


@pytest.fixture
def expert(qtbot, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    make_app("en")
    s, files, r = objective_panel(tmp_path)
    req = recheck.issue(r.path, "E05", [("A1", "S5.1"), ("A1", "S4.1")], out_dir=s.path / "rechecks",
                        note="请核对带徒传技材料")
    from ui.expert.window import ExpertWindow

    scores = ScoreFile.open(files[4])
    w = ExpertWindow(s, scores)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w, s, files, req
    w.close()
    scores.close()


def test_the_round_shows_only_the_asked_items_and_submits_with_reasons(expert, qtbot, monkeypatch):
    w, s, files, req = expert
    assert w.recheck.open_action.isEnabled() and not w.recheck.round_action.isEnabled()
    w.recheck.open_request(req)
    dialog = w.recheck.dialog
    qtbot.waitExposed(dialog)
    boxes = {b.item_id: b for b in dialog.boxes}
    assert list(boxes) == ["S4.1", "S5.1"]  # only what was asked, in the rubric's order
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "5 experts: 2 ×4, 1 ×1 (lowest 1, median 2, highest 2)" in texts and "请核对带徒传技材料" in texts
    for other in ("专家1", "专家2", "专家3", "专家4", "E01", "E02"):
        assert other not in texts  # the panel without names
    submit = dialog.submit_button
    assert not submit.isEnabled() and "0 of 2 items done" in dialog.left.text()

    box = boxes["S5.1"]
    assert not box.reason.isEnabled() and box.confirm.isEnabled()
    box.value.setCurrentIndex(box.value.findData("2"))  # 1 → 2: a change, which needs its reason
    assert box.reason.isEnabled() and not box.confirm.isEnabled()
    assert w.scores.answer("A1", "S5.1") == "2"  # saved at once
    box.reason.setFocus()
    qtbot.keyClicks(box.reason, "checked: ")  # typed; the Chinese part is pasted (keyClicks sends Latin keys)
    box.reason.insert("复核材料，核实为2分")
    box.reason.editingFinished.emit()
    boxes["S4.1"].confirm.setChecked(True)
    assert submit.isEnabled() and "2 of 2 items done" in dialog.left.text()

    # another item cannot be changed while the round is open: the core refuses, nothing is written
    shown = []
    monkeypatch.setattr("ui.expert.recheck.show_error", lambda parent, text: shown.append(text))
    before = w.scores.canonical()
    with pytest.raises(Exception, match="S3.1 was not asked"):
        w.scores.set_points("A1", "S3.1", 4)
    assert w.scores.canonical() == before

    monkeypatch.setattr(w, "confirm_submit", lambda: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    submit.click()
    assert w.scores.submitted and w.scores.round == 2 and w.scores.verify().ok
    assert [(i.item_id, i.state, i.reason) for i in w.scores.round_items()] == [
        ("S4.1", "confirmed", ""), ("S5.1", "changed", "checked: 复核材料，核实为2分")]
    r2 = merge(s, files, out=s.path / "r2.prresult")
    assert [(c.target_id, c.kind) for c in r2.changes] == [("S5.1", words.CHANGED), ("S4.1", words.CONFIRMED)]


def test_an_own_round_needs_items_a_reason_and_the_confirmation(expert, qtbot, monkeypatch):
    from ui.expert.recheck import OwnRoundDialog

    w, _s, _files, _req = expert
    d = OwnRoundDialog(w.scores, "A1", w)
    qtbot.addWidget(d)
    assert not d.ok.isEnabled()
    row = next(d.list.item(k) for k in range(d.list.count()) if d.list.item(k).data(Qt.ItemDataRole.UserRole) == "S3.1")
    row.setCheckState(Qt.CheckState.Checked)
    d.reason.setPlainText("S3.1 录入错误")
    assert not d.ok.isEnabled()  # not without the confirmation
    d.sure.setChecked(True)
    assert d.ok.isEnabled() and d.targets() == [("A1", "S3.1")]
    assert w.scores.submitted  # nothing happened yet


def test_the_secretarys_page_ticks_the_proposals_and_writes_one_request_per_expert(qtbot, tmp_path, monkeypatch):
    from ui.application import make_app
    from ui.secretary.recheck import RecheckPage

    make_app("en")
    plan = {f"E0{k}": {"A1": 90} for k in range(1, 5)}
    plan["E05"] = {"A1": {"total": 89, "fixed": {"S5.1": 1}}}
    plan["E04"] = {"A1": {"total": 90, "answers": {"C2": "no"}}}
    s, files, r = __import__("tests.test_recheck", fromlist=["panel"]).panel(tmp_path, plan)
    page = RecheckPage(lambda: files)  # where the experts' files are (the merge page's inputs in the window)
    qtbot.addWidget(page)
    page.set_session(s)
    page.set_result(r)
    # ticked by default: the objective item for E05, the condition dissent for E04
    assert page.checked() == {"E04": [("A1", "C2")], "E05": [("A1", "S5.1")]}
    written = page.write_requests(tmp_path / "stick")
    assert sorted(p.name.split("-")[1] for p in written) == ["E04", "E05"]
    assert page.requests.rowCount() == 2 and page.requests.item(0, 4).text() == "not opened yet"
    # each request the window wrote is in the secretary's journal, with the inputs' fingerprints (issue 12 item 6)
    from app import journal
    logged = [e for e in journal.entries(r.path) if e.action == journal.RECHECK]
    assert len(logged) == 2 and all(e.inputs for e in logged)
    assert {e.what.text("en").split()[3] for e in logged} == {"E04", "E05"}
    with ScoreFile.open(files[4]) as sf:
        recheck.answer(sf, next(p for p in written if "-E05-" in p.name))
        sf.set_points("A1", "S5.1", 2)
        sf.round_reason("A1", "S5.1", "核实")
        sf.submit()
    page.set_result(merge(s, files, out=r.path))
    states = {page.requests.item(k, 1).text().split()[0]: page.requests.item(k, 4).text() for k in range(2)}
    assert states == {"E04": "not opened yet", "E05": "answered"}
    assert [page.rounds.item(0, k).text() for k in (2, 3, 4, 5)] == ["S5.1", "1 → 2", "1 → 2", "核实"]
