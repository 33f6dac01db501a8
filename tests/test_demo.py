"""The demo session is complete: every Shenzhen rubric and variant, a missing material, a long scan."""

from __future__ import annotations

import pymupdf

from app import demo
from conftest import run_cli


def test_full_demo_session(tmp_path):
    out = tmp_path / "demo"
    run_cli("demo", str(out))
    from app.session import open_session

    sess = open_session(out)
    assert sess.verify().ok
    assert len(sess.applicants) >= 6 and len(sess.experts) == 5
    assert {a.rubric_id for a in sess.applicants} == {"sz-training-base", "sz-master-studio", "sz-rural-workstation"}
    bases = [a.profile for a in sess.applicants if a.rubric_id == "sz-training-base"]
    assert {p["delivery"] for p in bases} == {"线下", "线上"} and {p["scope"] for p in bases} == {"普通基地", "专项基地"}
    info = {a["id"]: a for a in sess.info()["applicants"]}
    assert info["T04"]["missing"] == ["校企合作报告"]
    assert sum(1 for a in info.values() if a["missing"]) == 1
    longest = max((p for a in info.values() for p in a["present"]), key=lambda p: p["pages"] or 0)
    assert longest["pages"] >= 150
    # scanned-looking: pages are single images, no text layer (except one material made searchable)
    mf = next(f for f in sess.materials("T01") if f.material == "组织管理报告")
    with pymupdf.open(sess.material_path(mf)) as doc:
        page = doc[0]
        assert len(page.get_images()) == 1 and page.get_text().strip() == ""
    assert sess.quotas == {"高技能人才培训基地": 5, "技能大师工作室": 2, "乡村振兴技能工作站": 1}


def test_ensure_reuses_a_sound_demo_and_rebuilds_a_damaged_one(tmp_path):
    first = demo.build(tmp_path / "d", page_limit=1)
    again = demo.ensure(tmp_path / "d", page_limit=1)
    assert again.id == first.id
    victim = next(iter(first.materials(first.applicants[0].id)))
    first.material_path(victim).write_bytes(b"broken")
    rebuilt = demo.ensure(tmp_path / "d", page_limit=1)
    assert rebuilt.id != first.id and rebuilt.verify().ok
