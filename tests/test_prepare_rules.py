"""The secretary's preparation page takes quotas as the calls write them and the rules the documents leave open."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from conftest import ROOT  # noqa: E402

CQ = ROOT / "resources" / "demo" / "chongqing"


@pytest.fixture
def page(qtbot, tmp_path):
    from ui.application import make_app
    from ui.secretary.prepare import PreparePage

    make_app("en")
    p = PreparePage()
    qtbot.addWidget(p)
    materials = tmp_path / "m"
    for line in (CQ / "applicants.csv").read_text(encoding="utf-8").splitlines()[1:]:
        (materials / line.split(",")[0]).mkdir(parents=True)
    p.title.setText("重庆市高技能人才培训基地评审")
    p.applicants.set(str(CQ / "applicants.csv"))
    p.experts.set(str(CQ / "experts.csv"))
    p.materials.set(str(materials))
    p.out.set(str(tmp_path))
    p.name.setText("cq")
    return p


def test_written_quotas_and_rules_go_into_the_session(page, qtbot, tmp_path):
    """003: "其中A或B共2个、C或D共1个"; "资金补助类……国际合作类2个"; no field inspection, the secretary's choice."""
    assert page.check()
    page.written.setText("A+B=2；C+D=1; 资金补助类:国际合作类=2/1")
    page.rules["field_inspection"].setCurrentIndex(page.rules["field_inspection"].findData("none"))
    page.min_experts.setValue(5)
    with qtbot.waitSignal(page.created, timeout=60000) as made:
        page.create()
    s = made.args[0]
    texts = [q.text() for q in s.quota_groups]
    assert texts[:3] == ["A+B=2", "C+D=1", "资金补助类:国际合作类=2/1"]
    # the table's own rows for the categories the written ones do not cover
    assert {t.split("=")[0] for t in texts[3:]} == {"数字技能类", "其他类"}
    assert s.settings["field_inspection"] == "none" and s.settings["min_experts"] == 5
    assert s.settings["recommendation_rule"] == "advisory"


def test_a_quota_that_cannot_be_read_is_named_and_nothing_is_created(page, tmp_path):
    assert page.check()
    page.written.setText("A+B=two")
    page.create()
    assert "A+B=two" in page.message.text() and not (tmp_path / "cq").exists()


def test_each_row_says_which_rubric_it_resolved_to(page):
    assert page.check()
    top = page.report.topLevelItem(0)
    assert "cq-national-training-base" in top.text(2)
