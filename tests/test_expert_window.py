"""The expert's window, driven through its widgets; what counts is what lands in the score file."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from app.scorefile import ScoreFile, open_or_create  # noqa: E402
from tests import scoring  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def window(qtbot, demo_session, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    make_app("zh_CN")
    session_copy = tmp_path / "session"
    shutil.copytree(demo_session.path, session_copy)
    from app.session import open_session
    from ui.expert.window import ExpertWindow

    sess = open_session(session_copy)
    scores = open_or_create(sess, "E03")
    w = ExpertWindow(sess, scores)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    scores.close()
    make_app("en")  # other tests read the widgets in English


def shot(widget, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    widget.grab().save(str(ARTIFACTS / f"{name}.png"))


def fill_rest_through_core(scores: ScoreFile, skip: set[str]) -> None:
    scoring.fill_all(scores, skip=skip)


def test_a_complete_review_through_the_widgets(window, qtbot, monkeypatch):
    w = window
    scores = w.scores
    form = w.form

    # Recuse from another applicant through the form's own button.
    w.show_applicant("M02")
    monkeypatch.setattr("ui.expert.dialogs.QInputDialog.getText", lambda *a, **k: ("曾在该单位任职", True))
    form.recuse_button.click()
    assert scores.recusal("M02") == "曾在该单位任职"
    assert not form.scoring.isVisible()

    # T01: an offline training base: conditions, the gate, levels, comment, citation, recommendation.
    w.show_applicant("T01")
    qtbot.waitUntil(lambda: w.viewer.page_count() > 0, timeout=20000)
    for cid in ("C0", "C1", "C2", "C3", "C4"):
        form.cards[cid].yes.click()
    form.cards["S2a.G"].no.click()
    assert form.cards["S3.1"].stopped_note.isVisibleTo(form)
    shot(w, "expert-gate-failed")
    form.cards["S2a.G"].yes.click()
    assert not form.cards["S3.1"].stopped_note.isVisibleTo(form)

    card = form.cards["S1.1"]
    card.buttons[1].click()  # 记1-3分: the lowest of the band is saved at once
    assert scores.answer("T01", "S1.1") == "1"
    card.spin.setValue(3)
    assert scores.answer("T01", "S1.1") == "3"
    card.comment.setText("组织架构图未标注教务部门")
    card.comment.editingFinished.emit()
    card.cite.click()
    assert scores.citations("T01", "S1.1")[0]["page"] == 1

    expected = Decimal(3)
    for item in scores.applied("T01").items():
        if item.takes_points and item.id != "S1.1":
            c = form.item_cards[item.id]
            c.buttons[0].click()  # the top level, saved at the low end of its band
            expected += item.levels[0].band.low
    form.rec_pos.click()
    form.opinion.setFocus()
    form.opinion.setPlainText("该单位培训组织规范，设施设备齐全，同意认定。")
    form.setFocus()
    qtbot.waitUntil(lambda: scores.recommendation("T01")[1].startswith("该单位"))
    assert scores.progress("T01").state == "complete"
    shot(w, "expert-complete")

    # Undo takes back the last change only.
    before = scores.answers("T01")
    form.cards["S1.2"].buttons[1].click()
    w.undo()
    assert scores.answers("T01") == before

    # Submit lists what is missing, each entry taking the expert there.
    seen = {}

    def fake_exec(dialog):
        seen["count"] = dialog.count()
        dialog._go(dialog.item(0))
        return 0

    monkeypatch.setattr("ui.expert.dialogs.MissingDialog.exec", fake_exec)
    w.submit()
    assert seen["count"] > 0 and w.applicant_id == "T02"

    fill_rest_through_core(scores, skip={"T01"})
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(type(w), "confirm_submit", lambda self: True)  # the question itself: test_expert_day
    w.submit()
    assert scores.submitted and scores.verify().ok
    shot(w, "expert-submitted")

    # What is on disk, read by a fresh reader.
    with ScoreFile.open(scores.path, readonly=True) as disk:
        assert disk.answer("T01", "S1.1") == "3"
        assert disk.comments("T01")["S1.1"] == "组织架构图未标注教务部门"
        assert disk.recusal("M02") == "曾在该单位任职"
        assert disk.recommendation("T01")[0] == "positive"
        assert disk.total("T01") == expected == Decimal(81)


def test_checklist_and_refused_values(window, qtbot):
    w = window
    w.show_applicant("T03")  # online platform: checklists
    form = w.form
    card = form.item_cards["S2b.1.1"]
    card.checks["S2b.1.1"].click()
    assert w.scores.answer("T03", "S2b.1.1") == "3"
    card.checks["S2b.1.1"].click()
    assert w.scores.answer("T03", "S2b.1.1") == "0"
    banded = form.item_cards["S2b.2.3"]
    banded.checks["S2b.2.3"].click()
    assert w.scores.answer("T03", "S2b.2.3") == "1"
    banded.spins["S2b.2.3"].setValue(2)
    assert w.scores.answer("T03", "S2b.2.3") == "2"
    shot(w, "expert-checklist")
    # The core refuses what the widgets cannot express; the message reaches the status bar.
    form.save_points("S1.1", Decimal("3.5"), None)
    assert "3.5" in w.statusBar().currentMessage()


def test_english_from_the_same_code(qtbot, demo_session, tmp_path, monkeypatch):
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    make_app("en")
    try:
        from ui.expert.window import ExpertWindow

        scores = ScoreFile.create(tmp_path / "E02.prscore", demo_session, "E02")
        w = ExpertWindow(demo_session, scores)
        qtbot.addWidget(w)
        assert w.submit_action.text() == "Submit…"
        shot(w, "expert-english")
        w.close()
        scores.close()
    finally:
        make_app("zh_CN")
    w2 = ExpertWindow(demo_session, ScoreFile.open(tmp_path / "E02.prscore"))
    qtbot.addWidget(w2)
    assert w2.submit_action.text() == "提交评分…"
    make_app("en")


def test_keyboard_only(window, qtbot):
    """Next criterion, typing points, turning pages and the next applicant, all from the keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    w = window
    w.show_applicant("T01")
    qtbot.waitUntil(lambda: w.viewer.page_count() > 1, timeout=20000)
    form = w.form
    form.focus_target("S1.1")
    card = form.cards["S1.1"]
    assert card.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert form.cards["S1.2"].isAncestorOf(QApplication.focusWidget())
    # pick a banded level with the keyboard, then type the points
    form.cards["S1.2"].buttons[1].setFocus()
    qtbot.keyClick(form.cards["S1.2"].buttons[1], Qt.Key.Key_Space)
    spin = form.cards["S1.2"].spin
    assert spin.hasFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "4")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert w.scores.answer("T01", "S1.2") == "4"
    # pages turn while the form has focus
    page = w.viewer.current_page()
    qtbot.keyClick(spin, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: w.viewer.current_page() == page + 1)
    # next applicant
    qtbot.keyClick(spin, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert w.applicant_id == "T02"


def test_jumping_away_before_the_highlight_fades(window, qtbot):
    """The highlight's timer must not outlive the form it lights up."""
    w = window
    w.show_applicant("T01")
    w.form.focus_target("S1.1")
    w.show_applicant("T02")  # the T01 form is torn down at once
    qtbot.wait(1200)  # pytest-qt fails the test on any exception raised in the event loop
    w.go_to("T03", "S1.1")
    w.close()
    qtbot.wait(100)
