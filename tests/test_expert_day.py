"""A whole day in the expert's window (issue 15): who logs in, what survives a crash, what asks first,
where a reopened window lands, and what fits a 1366×768 laptop screen at 100, 125 and 150 %.

Screen sizes are real: the layout tests run the window in a child process whose offscreen screen is
configured as the laptop's (QT_QPA_PLATFORM=offscreen:configfile=...), at the laptop's QT_SCALE_FACTOR.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from app.scorefile import ScoreFile, open_or_create  # noqa: E402
from tests import scoring  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def session(demo_session, tmp_path, monkeypatch):
    """A private copy of the demo session, settings in a temporary file, the window in Chinese."""
    from app.session import open_session
    from ui import settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    make_app("zh_CN")
    shutil.copytree(demo_session.path, tmp_path / "session")
    yield open_session(tmp_path / "session")
    make_app("en")


def open_window(qtbot, session, expert="E03"):
    from ui.expert.window import ExpertWindow

    scores = open_or_create(session, expert)
    w = ExpertWindow(session, scores)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


# --------------------------------------------------------------------------- the blocker: who is scoring


def test_login_needs_a_name_and_the_pledge(qtbot, session):
    from ui.expert.dialogs import LoginDialog

    d = LoginDialog(session)
    qtbot.addWidget(d)
    d.show()
    assert d.expert_id() is None  # nobody is chosen for the expert on first use
    d.agree.setChecked(True)
    assert not d.ok.isEnabled()  # the pledge alone does not let anyone in
    d.list.setFocus()  # focus gives the list a current row, but nobody is chosen by it
    qtbot.keyClick(d.list, Qt.Key.Key_Return)
    assert not d.ok.isEnabled() and d.expert_id() is None and d.result() == 0
    d.accept()  # a double-click or Enter cannot get round the disabled button
    assert d.isVisible()
    d.choose("E02")
    assert d.ok.isEnabled() and d.expert_id() == "E02"
    d.agree.setChecked(False)
    assert not d.ok.isEnabled()


def test_the_last_name_is_preselected_and_another_asks(qtbot, session, monkeypatch):
    from ui import settings
    from ui.expert.dialogs import LoginDialog

    assert settings.last_expert(session.id) is None
    settings.set_last_expert(session.id, "E04")
    d = LoginDialog(session, last=settings.last_expert(session.id))
    qtbot.addWidget(d)
    d.show()
    assert d.expert_id() == "E04"
    d.agree.setChecked(True)
    d.choose("E01")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    d.ok.click()
    assert d.isVisible() and d.result() == 0  # someone else's name was refused
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    d.ok.click()
    assert d.result() == 1 and d.expert_id() == "E01"
    names = {e.id: e.name for e in session.experts}
    # the question names both people
    monkeypatch.undo()
    d2 = LoginDialog(session, last="E04")
    qtbot.addWidget(d2)
    d2.agree.setChecked(True)
    d2.choose("E01")
    asked: dict = {}

    def question(_parent, _title, text, *_a, **_k):
        asked["text"] = text
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", question)
    d2.ok.click()
    assert names["E04"] in asked["text"] and names["E01"] in asked["text"]


def test_the_controller_remembers_who_logged_in(qtbot, session, monkeypatch):
    """Through the way in: the roster login is stored per session, and the next start offers that name."""
    from ui import settings, start

    offered = []

    def fake_exec(dialog):
        offered.append(dialog.expert_id())
        dialog.choose("E05")
        dialog.agree.setChecked(True)
        return 1
    monkeypatch.setattr(start.LoginDialog, "exec", fake_exec)
    monkeypatch.setattr(start.RecusalDialog, "exec", lambda self: 0)
    monkeypatch.setattr(start.Controller, "show_window", lambda self: None)
    c = start.Controller(QApplication.instance())
    assert c.start(session=session.path)
    assert c.scores.expert_id == "E05" and settings.last_expert(session.id) == "E05"
    c.scores.close()
    assert c.start(session=session.path)
    assert offered == [None, "E05"]
    c.scores.close()


# --------------------------------------------------------------------------- submit asks


def test_submit_asks_naming_what_is_locked(qtbot, session):
    w = open_window(qtbot, session)
    scores = w.scores
    scores.recuse("M02", "曾在该单位任职")
    scoring.fill_all(scores)
    # Cancel (the default button): nothing is locked
    box_text: dict = {}

    def cancel():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, cancel)
            return
        box_text["text"] = box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Cancel).click()
    QTimer.singleShot(0, cancel)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    qtbot.keyClick(w.form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter asks too
    assert "text" in box_text and not scores.submitted
    names = {a.id: a.name for a in scores.applicants}
    assert all(names[a] in box_text["text"] for a in ("T01", "T02", "M01", "M02"))
    assert "锁定" in box_text["text"] and scores.path.name in box_text["text"]

    def lock():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lock)
            return
        for b in box.buttons():
            if b.text() == "提交并锁定":
                b.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])
    QTimer.singleShot(0, lock)
    seen_info = []
    orig = QMessageBox.information
    QMessageBox.information = lambda *a, **k: seen_info.append(a[2])
    try:
        w.submit()
    finally:
        QMessageBox.information = orig
    assert scores.submitted and scores.verify().ok and seen_info
    w.close()
    scores.close()


# --------------------------------------------------------------------------- reopen where it was left


def test_reopen_lands_where_the_expert_left(qtbot, session):
    w = open_window(qtbot, session)
    assert w.applicant_id == w.scores.applicants[0].id  # first use: the first applicant
    w.show_applicant("T02")
    third = w.materials.item(2)
    w.materials.setCurrentItem(third)
    qtbot.waitUntil(lambda: w.viewer.page_count() > 1, timeout=20000)
    w.viewer.go_to_page(1)
    qtbot.waitUntil(lambda: w.viewer.current_page() == 1, timeout=5000)
    rel = w.material_rel
    # another material and back: this one opens again at the page it was left at, not at page 1
    w.materials.setCurrentItem(w.materials.item(0))
    qtbot.waitUntil(lambda: w.material_rel != rel and w.viewer.page_count() > 0, timeout=20000)
    w.materials.setCurrentItem(third)
    qtbot.waitUntil(lambda: w.material_rel == rel and w.viewer.page_count() > 1, timeout=20000)
    qtbot.waitUntil(lambda: w.viewer.current_page() == 1, timeout=5000)
    w.close()
    w.scores.close()

    again = open_window(qtbot, session)
    assert again.applicant_id == "T02"
    assert again.material_rel == rel and again.materials.currentItem().data(Qt.ItemDataRole.UserRole)[1] == rel
    qtbot.waitUntil(lambda: again.viewer.page_count() > 1, timeout=20000)
    qtbot.waitUntil(lambda: again.viewer.current_page() == 1, timeout=5000)
    again.close()
    again.scores.close()
    # another expert on the same computer starts at the beginning
    other = open_window(qtbot, session, "E04")
    assert other.applicant_id == other.scores.applicants[0].id
    other.close()
    other.scores.close()


def test_pages_turned_on_their_own_stay_turned_in_the_next_run(qtbot, session):
    w = open_window(qtbot, session)
    w.show_applicant("T02")
    w.materials.setCurrentItem(w.materials.item(2))
    qtbot.waitUntil(lambda: w.viewer.page_count() > 1, timeout=20000)
    rel = w.material_rel
    w.viewer.go_to_page(1)
    qtbot.waitUntil(lambda: w.viewer.current_page() == 1, timeout=5000)
    w.viewer.rotate_page(90)   # a page scanned sideways
    w.viewer.rotate_page(-90, page=0)
    w.viewer.rotate_page(-90, page=0)  # and one upside down, turned back the other way
    assert w.viewer.page_turns() == {1: 90, 0: 180}
    w.close()
    w.scores.close()

    again = open_window(qtbot, session)
    assert again.material_rel == rel
    qtbot.waitUntil(lambda: again.viewer.page_count() > 1, timeout=20000)
    assert again.viewer.page_turns() == {0: 180, 1: 90}
    assert again.viewer.view.page_rotation(1) == 90
    again.viewer.rotate_page(-90, page=1)  # set upright again: nothing left to keep for that page
    again.close()
    again.scores.close()

    third = open_window(qtbot, session)
    qtbot.waitUntil(lambda: third.viewer.page_count() > 1, timeout=20000)
    assert third.viewer.page_turns() == {0: 180}
    third.close()
    third.scores.close()
    other = open_window(qtbot, session, "E04")  # another expert on this computer: her own pages
    other.show_applicant("T02")
    other.materials.setCurrentItem(other.materials.item(2))
    qtbot.waitUntil(lambda: other.viewer.page_count() > 1, timeout=20000)
    assert other.viewer.page_turns() == {}
    other.close()
    other.scores.close()


# --------------------------------------------------------------------------- typed text, a crash


def test_a_box_left_after_the_window_closed_writes_nothing_and_raises_nothing(qtbot, session):
    """Closing the window writes the typed text; a comment box that loses focus afterwards (its widget outlives
    the closed score file) must not write into a closed file — that once ended in a traceback."""
    from app.scorefile import ScoreFile

    w = open_window(qtbot, session)
    w.show_applicant("T01")
    card = w.form.cards["S1.1"]
    card.comment.setFocus()
    qtbot.keyClicks(card.comment, "typed before closing")
    w.close()
    w.scores.close()
    card.comment.setText("typed after closing")
    card.comment.editingFinished.emit()  # raises on a closed file if the form still writes
    w.form.flush_text()
    with ScoreFile.open(w.scores.path, readonly=True) as sf:
        assert sf.comments("T01").get("S1.1") == "typed before closing"


def test_typed_text_is_saved_while_typing_and_undone_per_applicant(qtbot, session):
    w = open_window(qtbot, session)
    w.show_applicant("T01")
    form = w.form
    card = form.cards["S1.1"]
    card.comment.setFocus()
    qtbot.keyClicks(card.comment, "chart lacks dates")
    assert w.saved_label.text() == "保存中…"  # honest: not yet written
    assert w.scores.comments("T01").get("S1.1") is None
    qtbot.waitUntil(lambda: w.scores.comments("T01").get("S1.1") == "chart lacks dates", timeout=2000)
    assert w.saved_label.text().startswith("✓ 已保存")
    assert card.comment.hasFocus()  # the box keeps its focus and text while it is saved
    card.buttons[1].click()
    # switching applicant: T02 has nothing to undo; back on T01 the history is there, and says what it undid
    w.show_applicant("T02")
    assert not w.undo_action.isEnabled()
    w.undo()
    assert "T02" not in w.statusBar().currentMessage() and w.scores.answer("T01", "S1.1") is not None
    w.show_applicant("T01")
    assert w.undo_action.isEnabled()
    w.undo()
    assert "S1.1" in w.statusBar().currentMessage() and w.scores.answer("T01", "S1.1") is None
    w.undo()  # the whole burst of typing is one change
    assert w.scores.comments("T01").get("S1.1") is None
    assert "S1.1" in w.statusBar().currentMessage()
    w.close()
    w.scores.close()


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    from ui.application import make_app
    app = make_app("zh_CN")
    from app.session import open_session
    from app.scorefile import open_or_create
    from ui.expert.window import ExpertWindow
    s = open_session({session!r})
    w = ExpertWindow(s, open_or_create(s, "E03"))
    w.resize(1366, 768)
    w.show()
    w.show_applicant("T01")

    def type_into(widget, text):
        widget.setFocus()
        for ch in text:
            key = Qt.Key.Key_Return if ch == "\\n" else Qt.Key.Key_unknown
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
            app.processEvents()

    type_into(w.form.cards["S1.1"].comment, {comment!r})
    type_into(w.form.opinion, {opinion!r})
    print("typed", flush=True)
    app.exec()
""")


def test_typed_text_survives_a_sigkill_two_seconds_later(session, tmp_path):
    """The opinion and a comment are typed, the box never left; SIGKILL 2 s later; both come back exactly."""
    opinion = "该单位培训组织规范，设施设备齐全。\n建议补充近三年培训台账。"
    comment = "组织架构图未标注教务部门"
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT), session=str(session.path), comment=comment, opinion=opinion),
                      encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PANELREVIEW_SETTINGS": str(tmp_path / "child.ini"),
           "PANELREVIEW_DATA": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, start_new_session=True, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "typed", child.stderr.read()
        time.sleep(2.0)
        assert child.poll() is None  # still running: the kill is what ends it
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    from app.scorefile import candidate_paths

    written = next(p for p in candidate_paths(session, "E03") if p.is_file())
    with ScoreFile.open(written, readonly=True) as disk:
        assert disk.recommendation("T01")[1] == opinion
        assert disk.comments("T01")["S1.1"] == comment


# --------------------------------------------------------------------------- digits on a criterion


def test_digits_choose_the_level_and_a_refused_one_is_said(qtbot, session):
    w = open_window(qtbot, session)
    w.show_applicant("T01")
    card = w.form.cards["S1.2"]
    bands = [lv.band for lv in card.item.levels]
    assert w.scores.answer("T01", "S1.2") is None
    # no level chosen yet: a digit typed on the first level goes into the points and picks its level
    low = bands[1].high
    card.buttons[0].setFocus()
    qtbot.keyClicks(card.buttons[0], str(int(low)))
    qtbot.keyClick(card.spin.lineEdit(), Qt.Key.Key_Return)
    assert w.scores.answer("T01", "S1.2") == str(int(low))
    assert card.buttons[1].isChecked() and w.scores.levels("T01")["S1.2"] == 1
    # more than the criterion's maximum: refused, and said why
    card.spin.setFocus()
    card.spin.selectAll()
    qtbot.keyClicks(card.spin.lineEdit(), "99")
    message = w.statusBar().currentMessage()
    assert "S1.2" in message and str(card.item.max) in message, message
    w.close()
    w.scores.close()


# --------------------------------------------------------------------------- a laptop's screen


LAYOUT_CHILD = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication
    from ui.application import make_app
    app = make_app({lang!r})
    from app.session import open_session
    from app.scorefile import open_or_create
    from ui.expert.window import ExpertWindow
    s = open_session({session!r})
    w = ExpertWindow(s, open_or_create(s, "E03"))
    w.showMaximized()
    w.show_applicant("T01")
    end = time.time() + 2
    while time.time() < end:
        app.processEvents()
    form = w.form
    card = form.cards["S1.1"]

    def inside(widget, area):
        r = QRect(widget.mapTo(area, QPoint(0, 0)), widget.size())
        return area.rect().contains(r)

    def reachable(widget):
        form.ensureWidgetVisible(widget, 0, 0)
        app.processEvents()
        return widget.isVisible() and inside(widget, form.viewport())

    screen = app.primaryScreen().availableGeometry()
    out = dict(
        screen=[screen.width(), screen.height()], window=[w.width(), w.height()],
        cite=reachable(card.cite), badge=reachable(card.badge), spin=reachable(card.spin),
        recuse=inside(form.recuse_button, w), total=inside(form.total_label, w),
        total_visible=form.total_label.isVisible(), form_width=form.width(),
        splitter=w.splitter.sizes(),
    )
    form.ensureWidgetVisible(form.opinion)
    app.processEvents()
    out["total_after_scroll"] = inside(form.total_label, w) and form.total_label.isVisible()
    print(json.dumps(out), flush=True)
""")


def run_on_screen(script: str, tmp_path: Path, *, width: int, height: int, scale: float) -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    path = tmp_path / "layout_child.py"
    path.write_text(script, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale),
           "PANELREVIEW_SETTINGS": str(tmp_path / f"layout-{scale}.ini"), "PANELREVIEW_DATA": str(tmp_path / "d")}
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env, timeout=120,
                          start_new_session=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("scale", [1, 1.25, 1.5])
def test_the_rubric_pane_fits_a_1366x768_laptop(session, tmp_path, scale):
    """引用当前页, the points box and the badge of a criterion in view; the window within the screen; the total
    stays in view when the form scrolls."""
    out = run_on_screen(LAYOUT_CHILD.format(root=str(ROOT), session=str(session.path), lang="zh_CN"), tmp_path,
                        width=1366, height=768, scale=scale)
    assert out["window"][0] <= out["screen"][0] and out["window"][1] <= out["screen"][1], out
    assert out["cite"] and out["badge"] and out["spin"] and out["recuse"], out
    assert out["total"] and out["total_after_scroll"], out


PREVIEW_CHILD = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import QPoint, QRect, QTimer
    from PySide6.QtWidgets import QApplication, QToolBar
    from ui.application import make_app
    app = make_app({lang!r})
    from app import sheets
    from app.scorefile import ScoreFile
    from ui.printing import PrintJob
    sf = ScoreFile.open({scores!r}, readonly=True)
    job = PrintJob(sheets.build_opinion_sheet(sf, sf.applicants[0].id), "sheet")
    dialog = job.preview_dialog(None)
    out = {{}}

    def look():
        bar = dialog.findChild(QToolBar)
        screen = app.primaryScreen().availableGeometry()
        shown = {{}}
        for a in bar.actions():
            button = bar.widgetForAction(a)
            if button is not None and a.text():
                r = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
                shown[a.text()] = button.isVisible() and dialog.rect().contains(r)
        out.update(screen=[screen.width(), screen.height()], dialog=[dialog.width(), dialog.height()],
                   frame=[dialog.frameGeometry().width(), dialog.frameGeometry().height()], shown=shown)
        dialog.grab().save({png!r})
        dialog.reject()
    QTimer.singleShot(500, look)
    dialog.exec()
    print(json.dumps(out, ensure_ascii=False), flush=True)
""")


@pytest.mark.parametrize("scale", [1, 1.25, 1.5])
def test_the_print_preview_shows_print_within_a_1366x768_screen(tmp_path, scale):
    scores = ROOT / "tests" / "data" / "scores-schema1.prscore"
    copy = tmp_path / "E02.prscore"
    shutil.copy(scores, copy)
    out = run_on_screen(PREVIEW_CHILD.format(root=str(ROOT), scores=str(copy), lang="zh_CN",
                                             png=str(tmp_path / "preview.png")),
                        tmp_path, width=1366, height=768, scale=scale)
    assert out["dialog"][0] <= out["screen"][0] and out["dialog"][1] + 30 <= out["screen"][1], out
    assert out["shown"].get("打印") and out["shown"].get("打印设置"), out


# --------------------------------------------------------------------------- accessibility and keys


def test_every_control_has_a_name_and_a_keyboard_path(qtbot, session):
    """Every control a screen reader meets has a name; every one is reached by Tab or by a shortcut."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import (
        QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QMenu, QPlainTextEdit,
        QToolButton, QWidget,
    )

    w = open_window(qtbot, session)
    in_menus = {a for m in w.menuBar().findChildren(QMenu) for a in m.actions()}
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView)
    for aid in ("T01", "T03", "M01"):  # levels, checklists, a master's studio
        w.show_applicant(aid)
        QApplication.processEvents()
        nameless, unreachable = [], []
        for widget in w.findChildren(QWidget):
            if not isinstance(widget, kinds) or not widget.isVisibleTo(w) or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the line edit inside a spin box is the spin box
            if widget.objectName().startswith("qt_"):  # Qt's own inner parts (scroll bar buttons, the toolbar's »)
                continue
            iface = QAccessible.queryAccessibleInterface(widget)
            name = iface.text(QAccessible.Text.Name) if iface is not None else ""
            if not name.strip():
                nameless.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.toolTip()!r}")
            action = widget.defaultAction() if isinstance(widget, QToolButton) else None
            keyed = action is not None and (not action.shortcut().isEmpty() or action in in_menus)
            if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus or keyed):
                unreachable.append(f"{type(widget).__name__} {name!r}")
        assert not nameless, (aid, nameless)
        assert not unreachable, (aid, unreachable)
    w.show_applicant("T01")
    card = w.form.cards["S1.1"]
    assert card.accessibleName().startswith("S1.1 ") and "满分" in card.accessibleDescription()
    card.buttons[1].click()
    assert "1 / 4" in card.accessibleDescription() and "1-3" in card.accessibleDescription()
    assert card.buttons[1].accessibleName() == "S1.1：档次 1-3 分"
    w.close()
    w.scores.close()


def test_f1_lists_every_keyboard_path(qtbot, session):
    w = open_window(qtbot, session)
    text = "\n".join(f"{k} {v}" for k, v in w.key_rows())
    for keys in ("Ctrl+G", "Ctrl+F", "Ctrl+R", "Ctrl+Shift+R", "Alt+←", "Ctrl++", "Alt+↓", "Ctrl+Enter"):
        assert keys in text, keys
    assert "滚轮" in text  # Ctrl+wheel zooms
    w.close()
    w.scores.close()


# --------------------------------------------------------------------------- the minor ones


def test_a_missing_material_clears_the_viewer_and_says_so(qtbot, session):
    w = open_window(qtbot, session)
    w.show_applicant("T04")  # the demo's T04 did not hand in 校企合作报告
    qtbot.waitUntil(lambda: w.viewer.page_count() > 0, timeout=20000)
    beeps = []
    w._failed = lambda text: beeps.append(text)  # what used to say 未保存 and beep
    row = next(k for k in range(w.materials.count()) if "校企合作报告" in w.materials.item(k).text())
    w.materials.setCurrentRow(row)
    assert not w.viewer.path and w.material_rel is None  # the previous file is gone from the screen
    assert "材料缺" in w.viewer.view.message  # said on the page area, not beeped as a failed save
    w.form.open_material.emit("校企合作报告", -1)  # an evidence link to it
    assert not beeps and "未提交" in w.statusBar().currentMessage()
    w.close()
    w.scores.close()


def test_signature_asks_before_it_is_saved(qtbot, session, monkeypatch):
    from PySide6.QtCore import QPoint
    from ui.expert.signature import SignatureDialog

    scores = open_or_create(session, "E03")
    d = SignatureDialog(scores)
    qtbot.addWidget(d)
    d.show()
    qtbot.mousePress(d.pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 100))
    for x in range(40, 240, 10):
        qtbot.mouseMove(d.pad, QPoint(x, 90 + x % 30))
    qtbot.mouseRelease(d.pad, Qt.MouseButton.LeftButton, pos=QPoint(240, 100))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    from PySide6.QtWidgets import QDialogButtonBox

    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert asked and scores.signature() is None and d.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert scores.signature() is not None
    scores.close()


def test_recusal_dialog_has_cancel_and_whole_names(qtbot, session):
    from PySide6.QtWidgets import QDialogButtonBox
    from ui.expert.dialogs import RecusalDialog

    scores = open_or_create(session, "E03")
    d = RecusalDialog(scores)
    qtbot.addWidget(d)
    d.show()
    QApplication.processEvents()
    d.set_recusal("T02", "亲属在该单位任职")
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert scores.recusal("T02") is None  # cancelled: nothing changed
    longest = max(range(len(scores.applicants)), key=lambda r: len(scores.applicants[r].name))
    item = d.table.item(longest, 1)
    rect = d.table.visualItemRect(item)
    needed = d.table.fontMetrics().boundingRect(rect.adjusted(4, 0, -4, 0), int(Qt.TextFlag.TextWordWrap),
                                                item.text()).height()
    assert rect.height() >= needed and item.toolTip() == item.text()
    scores.close()


def test_the_recusal_dialog_records_no_conflict_with_the_others(qtbot, session):
    """The recusal question answered for every applicant: 回避 with a reason, or "no conflict" (kept in the score
    file, exported as 否), or taken back to unanswered."""
    from PySide6.QtWidgets import QDialogButtonBox
    from ui.expert.dialogs import RecusalDialog

    scores = open_or_create(session, "E02")
    ids = [a.id for a in scores.applicants]
    d = RecusalDialog(scores)
    qtbot.addWidget(d)
    assert not d.no_conflict.isChecked() and d.no_conflict.text() == "本人与未勾选的申报单位均无利害关系"
    d.set_recusal("T02", "亲属在该单位任职")
    d.no_conflict.setChecked(True)
    d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert scores.recusal("T02") == "亲属在该单位任职"
    assert {a: scores.conflict_declared(a) for a in ids} == {a: a == "T02" for a in ids}
    again = RecusalDialog(scores)
    qtbot.addWidget(again)
    assert again.no_conflict.isChecked()  # shown as it was answered
    again.no_conflict.setChecked(False)
    again.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert {a: scores.conflict_declared(a) for a in ids} == {a: (True if a == "T02" else None) for a in ids}
    scores.close()


def test_the_unanswered_list_is_grouped_by_applicant(qtbot, session):
    from ui.expert.dialogs import MissingDialog

    scores = open_or_create(session, "E03")
    missing = scores.missing()
    d = MissingDialog(missing)
    qtbot.addWidget(d)
    assert d.tree.topLevelItemCount() == len({m.applicant_id for m in missing}) < len(missing)
    assert d.count() == len(missing)
    assert d.tree.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and d.tree.wordWrap()
    went = []
    d.go_to.connect(lambda a, t: went.append((a, t)))
    d._go(d.item(len(missing) - 1))
    assert went == [(missing[-1].applicant_id, missing[-1].target_id)]
    scores.close()


def test_panelreview_lang_is_honoured_by_the_window(monkeypatch):
    from ui.application import make_app
    from ui.i18n import tr

    monkeypatch.setenv("PANELREVIEW_LANG", "en")
    make_app()
    assert tr("Submit…") == "Submit…"
    monkeypatch.setenv("PANELREVIEW_LANG", "zh_CN")
    make_app()
    assert tr("Submit…") == "提交评分…"
    make_app("en")


def test_changing_language_keeps_the_window_and_the_place(qtbot, session, monkeypatch):
    from ui import start

    monkeypatch.setattr(start.RecusalDialog, "exec", lambda self: 0)
    c = start.Controller(QApplication.instance())
    assert c.start(session=session.path, expert="E03")
    w = c.window
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show_applicant("T02")
    QApplication.processEvents()
    size = w.size()
    c.change_language("en")
    new = c.window
    qtbot.addWidget(new)
    assert new is not w and new.size() == size and size.height() == 700
    assert new.applicant_id == "T02" and new.submit_action.text() == "Submit…"
    new.close()
    c.scores.close()


def test_the_demo_says_preparing_at_once(qtbot, tmp_path):
    from ui.start import demo_task
    from ui.tasks import ProgressDialog

    task = demo_task(None, out_dir=tmp_path / "demo", page_limit=1)
    try:
        shown = [d for d in QApplication.topLevelWidgets() if isinstance(d, ProgressDialog) and d.isVisible()]
        assert shown and shown[-1].label.text() == "Preparing the demo session…" and shown[-1].step.text()
    finally:
        task.cancel()
        task.join()
        QApplication.processEvents()


def test_recent_sessions_show_titles(qtbot, session):
    from ui import settings
    from ui.start import OpenSessionDialog

    settings.add_recent(session.path, session.title)
    d = OpenSessionDialog()
    qtbot.addWidget(d)
    assert d.recent.item(0).text() == session.title and d.recent.item(0).toolTip() == str(session.path)
