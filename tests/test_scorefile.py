"""The expert's score file: validation, saving as entered, history, submit, fingerprint, verify."""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from app.errors import ScoreError, ScoreFileError
from app.scorefile import SCHEMA, IncompleteError, ScoreFile, short_fingerprint

DATA = Path(__file__).parent / "data"


@pytest.fixture
def scores(demo_session, tmp_path):
    sf = ScoreFile.create(tmp_path / "E01.prscore", demo_session, "E01")
    yield sf
    sf.close()


def fill(sf: ScoreFile, applicant_id: str, *, decision: str = "positive") -> None:
    """Answer everything for an applicant with the top of each band."""
    for item in sf.applied(applicant_id).items():
        if item.takes_points:
            sf.set_points(applicant_id, item.id, item.allowed.max)
        else:
            sf.set_answer(applicant_id, item.id, "yes")
    sf.set_recommendation(applicant_id, decision, "材料齐全，条件符合。")


def test_new_file_knows_its_session_expert_and_applicants(scores, demo_session):
    assert scores.session_id == demo_session.id
    assert scores.expert == {"id": "E01", "name": "王立新", "organisation": "深圳职业技术大学", "title": "教授"}
    assert [a.id for a in scores.applicants] == [a.id for a in demo_session.applicants]
    assert scores.rubric_hashes() == {k: v for k, v in demo_session.rubric_hashes().items()}
    assert scores.round == 1 and not scores.submitted


def test_points_must_fall_in_a_band(scores):
    assert scores.set_points("T01", "S1.1", "3") == Decimal(3)
    with pytest.raises(ScoreError, match=r"S1.1: 3.5 points are outside its bands \(1-3,4\)"):
        scores.set_points("T01", "S1.1", "3.5")
    with pytest.raises(ScoreError, match="outside its bands"):
        scores.set_points("T01", "S1.1", 5)
    with pytest.raises(ScoreError, match="outside the chosen level's band 4"):
        scores.set_points("T01", "S1.1", 2, level=0)
    with pytest.raises(ScoreError, match="not a number of points"):
        scores.set_points("T01", "S1.1", "four")
    assert scores.answer("T01", "S1.1") == "3"


def test_criterion_of_another_variant_is_refused(scores):
    with pytest.raises(ScoreError, match=r"S2b.1.1 does not apply to .*profile \(线下 / 普通基地 / 培训机构\)"):
        scores.set_points("T01", "S2b.1.1", 3)
    with pytest.raises(ScoreError, match="has no item Z9"):
        scores.set_points("T01", "Z9", 3)


def test_gate_no_stops_later_criteria(scores):
    scores.set_points("T01", "S2a.1", 12)
    scores.set_answer("T01", "S2a.G", "no")
    with pytest.raises(ScoreError, match="S2a.G was answered no, which stops scoring S3.1"):
        scores.set_points("T01", "S3.1", 4)
    assert "S2a.1" not in scores.points("T01")  # kept in the file, no longer counted
    assert scores.progress("T01").state == "gate_failed"
    scores.set_answer("T01", "S2a.G", "yes")
    scores.set_points("T01", "S3.1", 4)


def test_rural_gate_stops_the_whole_review(scores):
    scores.set_answer("R01", "G1", "no")
    with pytest.raises(ScoreError, match="G1 was answered no"):
        scores.set_points("R01", "S1.1", 4)
    scores.set_recommendation("R01", "不建议认定", "未设立符合条件的培训站点。")
    assert scores.missing("R01") == []


def test_recusal_blocks_scoring_and_keeps_history(scores):
    scores.set_points("T02", "S1.1", 4)
    scores.recuse("T02", "本人曾在该单位兼职")
    assert scores.recusal("T02") == "本人曾在该单位兼职"
    assert scores.answers("T02") == {}
    with pytest.raises(ScoreError, match="recused yourself"):
        scores.set_points("T02", "S1.1", 4)
    with pytest.raises(ScoreError, match="give the reason"):
        scores.recuse("T03", "  ")
    withdrawn = [h for h in scores.history() if h["applicant_id"] == "T02" and h["target_id"] == "S1.1"]
    assert [(h["old"], h["new"]) for h in withdrawn] == [(None, "4"), ("4", None)]


def test_every_change_is_in_the_append_only_history(scores):
    scores.set_points("T01", "S1.1", 4)
    scores.set_points("T01", "S1.1", 2)
    scores.set_comment("T01", "S1.1", "组织架构图不完整")
    rows = [(h["target_id"], h["field"], h["old"], h["new"]) for h in scores.history()]
    assert rows == [("S1.1", "answer", None, "4"), ("S1.1", "answer", "4", "2"),
                    ("S1.1", "comment", None, "组织架构图不完整")]
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        scores.db.execute("delete from history")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        scores.db.execute("update history set new = '9'")


def test_submit_lists_what_is_missing_then_locks(scores):
    with pytest.raises(IncompleteError) as info:
        scores.submit()
    first = info.value.missing[0]
    assert (first.applicant_id, first.target_id) == ("T01", "C0")  # 000 二、申报对象 comes first
    for a in scores.applicants:
        if a.id == "M02":
            scores.recuse("M02", "亲属关系")
        else:
            fill(scores, a.id)
    fp = scores.submit()
    assert len(fp) == 19 and fp.count("-") == 3
    assert scores.submitted and scores.fingerprint == fp
    with pytest.raises(ScoreError, match="submitted .* locked"):
        scores.set_points("T01", "S1.1", 3)
    assert scores.verify().ok


def test_reopen_starts_a_second_round_keeping_the_first(scores):
    for a in scores.applicants:
        fill(scores, a.id)
    first = scores.submit()
    assert scores.reopen() == 2
    scores.set_points("T01", "S1.1", 2)
    second = scores.submit()
    assert first != second
    rounds = list(scores.db.query("select round, fingerprint from rounds order by round"))
    assert [(r["round"], r["fingerprint"]) for r in rounds] == [(1, first), (2, second)]
    assert any(h["round"] == 2 and h["new"] == "2" for h in scores.history())


def test_tampering_by_any_means_is_detected_and_named(scores, tmp_path):
    for a in scores.applicants:
        fill(scores, a.id)
    fp = scores.submit()
    scores.close()
    path = tmp_path / "E01.prscore"
    con = sqlite3.connect(path)
    con.execute("update answers set value = '3' where applicant_id = 'T01' and item_id = 'S1.1'")
    con.commit()
    con.close()
    with ScoreFile.open(path, readonly=True) as again:
        result = again.verify()
    assert not result.ok and result.fingerprint == fp
    assert "answers: T01 S1.1 was 4, now 3" in result.problems


def test_fingerprint_is_short_and_readable():
    fp = short_fingerprint("00" * 32)
    assert fp == "AAAA-AAAA-AAAA-AAAA"


def test_files_that_are_not_score_files(tmp_path, demo_session):
    junk = tmp_path / "junk.prscore"
    junk.write_bytes(b"hello, not a database" * 100)
    with pytest.raises(ScoreFileError, match="not a PanelReview score file"):
        ScoreFile.open(junk)
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("create table t(x)")
    con.commit()
    con.close()
    with pytest.raises(ScoreFileError, match="not a PanelReview score file"):
        ScoreFile.open(other)
    with pytest.raises(ScoreFileError, match="no such score file"):
        ScoreFile.open(tmp_path / "absent.prscore")


def test_newer_schema_is_refused(scores, tmp_path):
    scores.db["_sqlite_migrations"].insert({"migration_set": "panelreview-scores", "name": "m099_future",
                                            "applied_at": "2030-01-01"})
    scores.close()
    with pytest.raises(ScoreFileError, match="written by a newer PanelReview"):
        ScoreFile.open(tmp_path / "E01.prscore")


def test_read_only_file_refuses_writes_without_losing_anything(scores, tmp_path):
    scores.set_points("T01", "S1.1", 4)
    scores.close()
    ro = ScoreFile.open(tmp_path / "E01.prscore", readonly=True)
    with pytest.raises(ScoreError, match="read-only"):
        ro.set_points("T01", "S1.1", 3)
    assert ro.answer("T01", "S1.1") == "4"


def test_disk_full_keeps_what_was_saved(scores, monkeypatch):
    scores.set_points("T01", "S1.1", 4)
    # SQLite reports a full disk as SQLITE_FULL; simulate it on the next write.
    scores.db.execute("PRAGMA max_page_count = " + str(scores.db.execute("PRAGMA page_count").fetchone()[0]))
    with pytest.raises(ScoreError, match="disk is full; nothing was changed"):
        scores.set_signature(b"\x89PNG\r\n\x1a\n" + bytes(400_000))  # a comment that long is refused earlier
    assert scores.answer("T01", "S1.1") == "4"
    assert scores.signature() is None


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("scores-schema*.prscore")))
def test_files_of_every_released_schema_open(name, tmp_path):
    copy = tmp_path / name
    shutil.copy(DATA / name, copy)
    with ScoreFile.open(copy) as sf:
        assert sf.expert_id and sf.applicants
        assert sf.verify().ok
        assert sf.total(sf.applicants[0].id) is not None


def test_a_released_schema_file_exists():
    assert (DATA / f"scores-schema{SCHEMA}.prscore").is_file()


def test_signature_can_be_drawn_after_submitting_without_touching_the_fingerprint(scores):
    for a in scores.applicants:
        fill(scores, a.id)
    fp = scores.submit()
    png = b"\x89PNG\r\n\x1a\n" + b"x" * 100
    scores.set_signature(png)
    assert scores.signature() == png
    assert scores.verify().ok and scores.fingerprint == fp
    scores.set_signature(None)
    assert scores.signature() is None and scores.verify().ok


def test_a_declared_no_conflict_is_inside_the_fingerprint_and_old_files_still_open(tmp_path):
    """Issue 14 item 5: the "no conflict" declaration is kept, fingerprinted, and schema-1 files still open."""
    import shutil
    from pathlib import Path
    old = tmp_path / "old.prscore"
    shutil.copy(Path(__file__).parent / "data" / "scores-schema1.prscore", old)
    with ScoreFile.open(old, readonly=True) as sf:  # read as it is: no table of declarations yet
        before = sf.canonical()
        first = sf.applicants[0].id
        assert sf.conflict_declared(first) in (None, True)
        submitted, verified = sf.submitted, sf.verify().ok if sf.submitted else None
    with ScoreFile.open(old) as sf:  # opened for writing: migrated, content and fingerprint unchanged
        assert sf.canonical() == before
        assert (sf.verify().ok if submitted else None) == verified
    con = sqlite3.connect(old)
    assert "m002_no_conflict" in {r[0] for r in con.execute("select name from _sqlite_migrations")}
    con.close()
    # a file with declarations: they are in the fingerprint, and removing one is named
    new = tmp_path / "new.prscore"
    shutil.copy(DATA / "scores-schema2.prscore", new)
    with ScoreFile.open(new, readonly=True) as sf:
        assert all(sf.conflict_declared(a.id) is False for a in sf.applicants) and sf.verify().ok
    con = sqlite3.connect(new)
    con.execute("delete from no_conflicts where applicant_id = 'T01'")
    con.commit()
    con.close()
    with ScoreFile.open(new, readonly=True) as sf:
        assert sf.conflict_declared("T01") is None
        assert "no_conflicts: T01 was present, now —" in sf.verify().problems


def test_recusing_replaces_a_declared_no_conflict_and_no_replaces_a_recusal(scores):
    scores.declare_no_conflict("T01")
    assert scores.conflict_declared("T01") is False
    scores.recuse("T01", "近亲属任该单位负责人")
    assert scores.conflict_declared("T01") is True
    scores.declare_no_conflict("T01")
    assert scores.conflict_declared("T01") is False and scores.recusal("T01") is None
    scores.clear_conflict_declaration("T01")
    assert scores.conflict_declared("T01") is None
    fields = [(h["field"], h["old"], h["new"]) for h in scores.history() if h["target_id"] == "recusal"]
    assert fields == [("no_conflict", None, "no"), ("no_conflict", "no", None),
                      ("recusal", None, "近亲属任该单位负责人"), ("recusal", "近亲属任该单位负责人", None),
                      ("no_conflict", None, "no"), ("no_conflict", "no", None)]
