"""Beside each criterion, one-click searches of the applicant's stored text (its heading's words and the names
of the materials it is judged on: textsearch.criterion_terms); in the materials list, the intake check's
findings on a material (acceptance.for_material), so an expert sees that a page was found blurred or missing."""

from __future__ import annotations

import json
import pytest

pytest.importorskip("PySide6")

from app.scanstore import ScanStore  # noqa: E402
from app.scorefile import open_or_create  # noqa: E402
from smallsession import store_text as _store_text  # noqa: E402
import smallsession  # noqa: E402

WHO = smallsession.WHO


@pytest.fixture
def sess(tmp_path):
    return smallsession.one_applicant(tmp_path, {"组织管理报告": 2, "设施设备报告": 2}, seed=41)


def _plant_finding(sess, name: str, code: str, page: int, fields: dict, *, accepted: str = "") -> None:
    """A finding kept as the intake check keeps it (acceptance.check → ScanStore.replace_findings)."""
    mf = next(m for m in sess.materials("T01") if m.name == name)
    key = f"T01:{mf.sha256}:{code}:{page}"
    with ScanStore(sess.path) as store:
        old = [r for r in store.findings("T01")]
        store.replace_findings("T01", old + [{
            "key": key, "applicant_id": "T01", "path": mf.path, "sha256": mf.sha256, "material": mf.material,
            "page": page, "code": code, "position": len(old),
            "data": json.dumps({"fields": fields, "rule": "", "document": "", "file": mf.name}, ensure_ascii=False)}])
        if accepted:
            store.accept(key, accepted)


@pytest.fixture
def open_window(qtbot, tmp_path, monkeypatch):
    from ui import search, settings
    from ui.application import make_app

    settings.use_file(tmp_path / "settings.ini")
    monkeypatch.setenv("PANELREVIEW_DATA", str(tmp_path / "data"))
    make_app("en")
    made = []

    def make(sess):
        from ui.expert.window import ExpertWindow

        search.forget(sess.path)
        scores = open_or_create(sess, "E01")
        w = ExpertWindow(sess, scores)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        made.append((w, scores))
        return w

    yield make
    for w, scores in made:
        w.close()
        scores.close()


def _chips(card) -> list[str]:
    return [b.text() for b in getattr(card, "searches", [])]


def _materials(w) -> list[str]:
    return [w.materials.item(k).text() for k in range(w.materials.count())]


def _loaded(qtbot, w, name: str) -> None:
    qtbot.waitUntil(lambda: w.viewer.path.endswith(name) and w.viewer.page_count() > 0, timeout=20000)


def test_a_criterions_search_chip_searches_the_material_shown_and_lists_the_others(qtbot, sess, open_window):
    _store_text(sess, "组织管理报告.pdf", 1, ["一、基地管理制度", "年度培训人数"])
    _store_text(sess, "设施设备报告.pdf", 0, ["基地管理制度汇编（实训室）"])
    w = open_window(sess)
    _loaded(qtbot, w, "组织管理报告.pdf")
    # S1.2 “基地管理制度…” is judged on 组织管理报告: its heading's word, then the material's name
    assert _chips(w.form.cards["S1.2"]) == ["基地管理制度", "组织管理报告"]
    # S6.1 has five: four shown, the fifth behind “…” (named in its tooltip, offered in its menu)
    card = w.form.cards["S6.1"]
    assert _chips(card) == ["20+8", "上年度开展培训项目", "市“20+8”产业集群", "区产业结构契合度", "…"]
    assert "社会效益报告" in card.searches[-1].toolTip()
    assert [a.text() for a in card.searches[-1].menu().actions()] == ["社会效益报告"]
    with qtbot.waitSignal(w.viewer.search_finished, timeout=5000) as got:
        w.form.cards["S1.2"].searches[0].click()
    assert got.args == ["基地管理制度", 1]
    assert w.viewer.search_box.text() == "基地管理制度"
    assert w.viewer.hits() == [(1, 0)]
    assert w.viewer.current_page() == 1
    panel = w.viewer.search_panel
    assert panel.isVisible()
    items = [panel.list.item(k).text() for k in range(panel.list.count())]
    assert items == ["p. 2\n一、基地管理制度 年度培训人数", "设施设备报告 · p. 1\n基地管理制度汇编（实训室）"]


def test_a_chip_opens_the_material_that_has_the_words_when_the_one_shown_has_no_stored_text(qtbot, sess,
                                                                                               open_window):
    _store_text(sess, "设施设备报告.pdf", 1, ["二、基地培训场地", "实训场地面积 1200 平方米"])
    w = open_window(sess)
    _loaded(qtbot, w, "组织管理报告.pdf")
    assert w.viewer.search_panel.isHidden()
    assert _chips(w.form.cards["S2a.1"]) == ["基地培训场地", "设施设备报告"]
    with qtbot.waitSignal(w.viewer.search_finished, timeout=20000) as got:
        w.form.cards["S2a.1"].searches[0].click()
    assert got.args == ["基地培训场地", 1]
    assert w.viewer.path.endswith("设施设备报告.pdf") and w.material_rel == "materials/T01/设施设备报告.pdf"
    assert w.current_page()[0] == "设施设备报告"
    qtbot.waitUntil(lambda: w.viewer.current_page() == 1, timeout=5000)
    assert w.viewer.search_panel.list.count() == 1
    # words nobody wrote: no hits, said above the (empty) list, the viewer stays where it is
    w.search_materials("不存在的词语")
    assert w.viewer.hits() == [] and w.viewer.hit_label.text() == "No matches"
    assert w.viewer.search_panel.title.text().startswith("0 matches for “不存在的词语” in this material, 0 in")
    assert w.viewer.path.endswith("设施设备报告.pdf")


def test_a_material_with_intake_findings_is_marked_and_its_tooltip_and_banner_name_the_page(qtbot, sess,
                                                                                             open_window):
    _plant_finding(sess, "设施设备报告.pdf", "blurred", 2, {"value": "31", "minimum": "60"})
    _plant_finding(sess, "设施设备报告.pdf", "skewed", 1, {"angle": "3.5", "maximum": "2"}, accepted="原件如此")
    _plant_finding(sess, "组织管理报告.pdf", "not_checked", 0, {"what": "the seal", "why": "OpenCV is missing"})
    w = open_window(sess)
    _loaded(qtbot, w, "组织管理报告.pdf")
    rows = _materials(w)
    facilities = next(k for k, t in enumerate(rows) if t.startswith("设施设备报告"))
    organisation = next(k for k, t in enumerate(rows) if t.startswith("组织管理报告"))
    assert rows[facilities].endswith("⚠")
    assert not rows[organisation].endswith("⚠")  # a check left out is not a finding on the material
    assert w.findings_banner.isHidden()
    tip = w.materials.item(facilities).toolTip()
    assert "设施设备报告.pdf, page 2: blurred (sharpness 31, below 60)" in tip
    assert "设施设备报告.pdf, page 1: skewed by 3.5° (more than 2°)" in tip
    assert "accepted by the secretary: 原件如此" in tip
    w.materials.setCurrentRow(facilities)
    _loaded(qtbot, w, "设施设备报告.pdf")
    assert w.findings_banner.isVisible()
    assert w.findings_banner.text().startswith("⚠ Intake check: 设施设备报告.pdf, page 2: blurred")
    assert "(and 1 more)" in w.findings_banner.text()
    w.materials.setCurrentRow(organisation)
    assert w.findings_banner.isHidden()


def test_a_session_with_no_stored_text_or_findings_shows_no_marks_and_no_chips(qtbot, sess, open_window):
    from app import acceptance, textsearch

    assert acceptance.stored(sess, "T01") == [] and not textsearch.SessionText(sess)
    w = open_window(sess)
    _loaded(qtbot, w, "组织管理报告.pdf")
    assert not any(t.endswith("⚠") for t in _materials(w))
    assert w.findings_banner.isHidden()
    assert all(not _chips(c) for c in w.form.cards.values())
    w.search_materials("基地管理制度")  # asked anyway (a shortcut, a script): said, not failed
    assert "is not in the stored text" in w.statusBar().currentMessage()


def test_text_recognised_while_the_window_is_open_brings_the_chips_and_the_search(qtbot, sess, open_window):
    """The secretary's recognition writes the store after the expert's window was built (same machine, or a
    shared session folder): the chips and the search come without restarting or changing applicant."""
    w = open_window(sess)
    _loaded(qtbot, w, "组织管理报告.pdf")
    assert all(not _chips(c) for c in w.form.cards.values())
    _store_text(sess, "设施设备报告.pdf", 1, ["基地培训场地", "实训设备清单"])
    w.open_material("设施设备报告", -1)  # the next material opened, or the window activated again
    _loaded(qtbot, w, "设施设备报告.pdf")
    assert _chips(w.form.cards["S2a.1"]) == ["基地培训场地", "设施设备报告"]
    w.search_materials("实训设备清单")
    qtbot.waitUntil(lambda: w.viewer.search_panel.isVisible(), timeout=5000)
    assert "is not in the stored text" not in w.statusBar().currentMessage()
