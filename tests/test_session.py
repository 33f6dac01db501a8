"""Review sessions: create a folder from tables and materials, open it, verify it, report on it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pymupdf
import pytest
import sqlite_utils

from app import session
from app.errors import SessionError, TableError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "tables"


def make_pdf(path: Path, pages: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    for k in range(pages):
        doc.new_page().insert_text((72, 72), f"page {k + 1}")
    doc.save(path)
    doc.close()
    return path


def make_materials(root: Path) -> Path:
    """Hand-ins for the three applicants of tests/data/tables/applicants_*.csv."""
    make_pdf(root / "A01" / "01-组织管理报告.pdf", 3)
    make_pdf(root / "A01" / "设施设备报告 .PDF", 2)
    make_pdf(root / "A01" / "2.师资队伍报告（修订稿）.pdf")
    (root / "A01" / "说明.docx").write_bytes(b"PK not a pdf")
    (root / "A01" / ".DS_Store").write_bytes(b"junk")
    make_pdf(root / "A02-张师傅" / "技能大师能力报告.pdf")
    make_pdf(root / "A02-张师傅" / "附件" / "工作团队报告-补充.pdf")
    (root / "A03").mkdir(parents=True)
    (root / "A03" / "站点设置报告.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    return root


@pytest.fixture
def materials(tmp_path) -> Path:
    return make_materials(tmp_path / "hand-in")


@pytest.fixture
def made(tmp_path, materials) -> session.Session:
    return session.create(tmp_path / "session", title="2025年龙岗区载体认定评审", date="2025-07-01",
                          applicants=DATA / "applicants_gbk.csv", experts=DATA / "experts_gbk.csv",
                          materials=materials, quotas={"高技能人才培训基地": 5, "技能大师工作室": 2})


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize("filename, material", [
    ("组织管理报告.pdf", "组织管理报告"),
    ("01-组织管理报告.pdf", "组织管理报告"),
    ("1.组织管理报告.PDF", "组织管理报告"),
    ("(3)组织管理报告.pdf", "组织管理报告"),
    ("组织 管理 报告 .pdf", "组织管理报告"),
    ("组织管理报告（盖章版）.pdf", "组织管理报告"),
    ("深圳某校组织管理报告.pdf", "组织管理报告"),
    ("工作室管理制度汇编.pdf", "工作室管理制度汇编"),
    ("组织管理报告.docx", None),
    ("财务报表.pdf", None),
])
def test_match_material(filename, material):
    names = ["组织管理报告", "管理制度", "工作室管理制度汇编", "Report"]
    assert session.match_material(filename, names) == material


def test_match_ignores_case():
    assert session.match_material("01 - report final.pdf", ["Report"]) == "Report"


# --------------------------------------------------------------------------- create and open


def test_create_writes_manifest_and_copies(made, tmp_path):
    s = session.open_session(tmp_path / "session")
    assert (s.title, s.date, len(s.id)) == ("2025年龙岗区载体认定评审", "2025-07-01", 32)
    assert s.settings == session.DEFAULT_SETTINGS
    assert s.quotas == {"高技能人才培训基地": 5, "技能大师工作室": 2}
    assert [a.id for a in s.applicants] == ["A01", "A02", "A03"]
    assert [e.id for e in s.experts] == ["E01", "E02", "E03"]
    assert s.applicant("A01").profile == {"delivery": "线下", "scope": "普通基地", "applicant_kind": "院校"}
    assert s.expert("E03").organisation == "龙岗区人社局"
    assert set(s.rubrics) == {"sz-training-base", "sz-master-studio", "sz-rural-workstation"}
    assert (tmp_path / "session" / "materials" / "A02" / "附件" / "工作团队报告-补充.pdf").is_file()
    assert not (tmp_path / "session" / "materials" / "A01" / ".DS_Store").exists()
    # nothing left beside the session from building it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hand-in", "session"]


def test_material_files(made):
    files = {f.name: f for f in made.materials("A01")}
    assert set(files) == {"01-组织管理报告.pdf", "设施设备报告 .PDF", "2.师资队伍报告（修订稿）.pdf", "说明.docx"}
    org = files["01-组织管理报告.pdf"]
    assert (org.material, org.pages, org.path) == ("组织管理报告", 3, "materials/A01/01-组织管理报告.pdf")
    assert org.sha256 == hashlib.sha256(made.material_path(org).read_bytes()).hexdigest()
    assert org.size == made.material_path(org).stat().st_size
    assert files["说明.docx"].material is None and files["说明.docx"].pages is None
    assert made.materials("A03")[0].pages is None  # damaged
    team = [f for f in made.materials("A02") if f.material == "工作团队报告"]
    assert team[0].path == "materials/A02/附件/工作团队报告-补充.pdf"
    # by its path inside the session, as the viewer and the search ask for a file
    assert made.material_at("materials/A02/附件/工作团队报告-补充.pdf") == team[0]
    assert made.material_at("materials/A01/01-组织管理报告.pdf") == org
    assert made.material_at("materials/A01/no-such.pdf") is None


def test_rubric_snapshots_outlive_edits_of_rubrics(tmp_path, materials):
    folder = tmp_path / "rubrics"
    shutil.copytree(ROOT / "rubrics", folder)
    s = session.create(tmp_path / "s", title="t", applicants=DATA / "applicants_utf8.csv",
                       experts=DATA / "experts_utf8.csv", materials=materials, rubrics=folder)
    before = s.applied("A01").items()
    (folder / "sz-training-base.yaml").unlink()
    s2 = session.open_session(tmp_path / "s")
    assert [i.id for i in s2.applied("A01").items()] == [i.id for i in before]
    snap = s2.rubrics["sz-training-base"].snapshot()
    assert s2.rubric_hashes()["sz-training-base"] == hashlib.sha256(snap.encode("utf-8")).hexdigest()
    assert s2.applied("A01") is s2.applied("A01")


def test_unknown_ids(made):
    with pytest.raises(SessionError, match="has no applicant A99"):
        made.applicant("A99")
    with pytest.raises(SessionError, match="has no expert E99"):
        made.expert("E99")
    with pytest.raises(SessionError):
        made.materials("A99")


def test_settings_method_and_bad_arguments(tmp_path, materials):
    args = dict(title="t", applicants=DATA / "applicants_utf8.csv", experts=DATA / "experts_utf8.csv",
                materials=materials)
    s = session.create(tmp_path / "m", method="median", **args)
    assert s.settings["method"] == "median" and s.settings["trim_min_experts"] == 5
    with pytest.raises(SessionError, match="unknown consensus method 'mode'"):
        session.create(tmp_path / "x", method="mode", **args)
    with pytest.raises(SessionError, match="YYYY-MM-DD"):
        session.create(tmp_path / "x", date="2025/7/1", **args)
    with pytest.raises(SessionError, match="quota for unknown category '培训基地'"):
        session.create(tmp_path / "x", quotas={"培训基地": 3}, **args)
    with pytest.raises(SessionError, match="whole number"):
        session.create(tmp_path / "x", quotas={"技能大师工作室": "two"}, **args)
    with pytest.raises(SessionError, match="materials folder does not exist"):
        session.create(tmp_path / "x", **dict(args, materials=tmp_path / "nope"))
    assert not (tmp_path / "x").exists()


def test_out_dir_must_be_new_or_empty(tmp_path, materials):
    args = dict(title="t", applicants=DATA / "applicants_utf8.csv", experts=DATA / "experts_utf8.csv",
                materials=materials)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    with pytest.raises(SessionError, match="already exists and is not an empty folder"):
        session.create(tmp_path / "full", **args)
    (tmp_path / "empty").mkdir()
    assert session.create(tmp_path / "empty", **args).path == tmp_path / "empty"


def test_bad_tables_leave_nothing_behind(tmp_path, materials):
    with pytest.raises(TableError) as exc:
        session.create(tmp_path / "out" / "s", title="t", applicants=DATA / "applicants_bad.csv",
                       experts=DATA / "experts_bad.csv", materials=materials)
    files = {p.fields.get("file") for p in exc.value.problems}
    assert files == {str(DATA / "applicants_bad.csv"), str(DATA / "experts_bad.csv")}
    assert not (tmp_path / "out").exists()


def test_failure_while_writing_removes_the_temporary_folder(tmp_path, materials, monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(session, "_copy_hashing", boom)
    with pytest.raises(SessionError, match=r"cannot create the session folder .*/s: the disk is full; nothing was"):
        session.create(tmp_path / "s", title="t", applicants=DATA / "applicants_utf8.csv",
                       experts=DATA / "experts_utf8.csv", materials=materials)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hand-in"]


# --------------------------------------------------------------------------- info and verify


def test_info(made):
    data = made.info()
    assert data["session"]["id"] == made.id and data["session"]["date"] == "2025-07-01"
    a01, a02, a03 = data["applicants"]
    assert a01["profile"] == {"applicant_kind": "院校", "delivery": "线下", "scope": "普通基地"}
    assert [(p["material"], p["file"], p["pages"]) for p in a01["present"]] == [
        ("组织管理报告", "01-组织管理报告.pdf", 3),
        ("设施设备报告", "设施设备报告 .PDF", 2),
        ("师资队伍报告", "2.师资队伍报告（修订稿）.pdf", 1),
    ]
    assert a01["missing"] == ["培训成果报告", "校企合作报告", "社会效益报告"]
    assert a01["unmatched"] == ["说明.docx"]
    assert [p["material"] for p in a02["present"]] == ["技能大师能力报告", "工作团队报告"]
    assert a03["present"][0]["damaged"] is True and a03["present"][0]["pages"] is None
    assert data["verify"] == {"missing": [], "changed": [], "added": []}
    json.dumps(data, ensure_ascii=False)


def test_over_page_limit(tmp_path):
    hand_in = tmp_path / "in"
    make_pdf(hand_in / "Q1" / "相关材料.pdf", 31)
    make_pdf(hand_in / "Q2" / "03-相关材料.pdf", 30)
    (tmp_path / "a.csv").write_text("id,name,rubric,category\nQ1,甲,cq-city-training-base,数字技能类\n"
                                    "Q2,乙,cq-city-training-base,其他类\n", encoding="utf-8")
    s = session.create(tmp_path / "s", title="t", applicants=tmp_path / "a.csv",
                       experts=DATA / "experts_utf8.csv", materials=hand_in, quotas={"数字技能类": 3})
    q1, q2 = s.info()["applicants"]
    assert q1["category"] == "数字技能类"
    assert q1["over_limit"] == [{"material": "相关材料", "file": "相关材料.pdf", "pages": 31, "max_pages": 30}]
    assert q2["over_limit"] == []


def test_verify_reports_missing_changed_added(made):
    assert made.verify().ok
    org = next(f for f in made.materials("A01") if f.material == "组织管理报告")
    path = made.material_path(org)
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[-20] ^= 0x01  # same size, same mtime, different bytes: only the hash can tell
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    made.material_path(made.materials("A02")[0]).unlink()
    (made.path / "materials" / "A03" / "新增.pdf").write_bytes(b"x")
    s = session.open_session(made.path)
    v = s.verify()
    assert v.changed == ["materials/A01/01-组织管理报告.pdf"]
    assert v.missing == ["materials/A02/技能大师能力报告.pdf"]
    assert v.added == ["materials/A03/新增.pdf"]
    assert s.info()["verify"] == v.as_dict()
    assert made.verify().ok and not made.verify(refresh=True).ok  # cached until refreshed


def test_hashing_a_large_material_is_quick(tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(8 * 1024 * 1024))
    start = time.perf_counter()
    digest = session.sha256_file(big)
    assert time.perf_counter() - start < 1.0
    assert digest == hashlib.sha256(big.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- opening what is not a session


def test_read_only_session_opens(made):
    folder = made.path
    try:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        s = session.open_session(folder, verify=True)
        assert s.open_mode == "ro"
        assert s.verify().ok and [a.id for a in s.applicants] == ["A01", "A02", "A03"]
        if os.geteuid() != 0:  # root writes through file modes; mode=ro below holds for everyone
            assert not os.access(folder / session.MANIFEST, os.W_OK)
    finally:
        for p in [folder, *folder.rglob("*")]:
            p.chmod(p.stat().st_mode | 0o200)
    conn = session._connect(folder / session.MANIFEST, "ro")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("insert into quotas values ('x', 1)")
    conn.close()


def test_falls_back_to_immutable(made, monkeypatch):
    real = session._connect

    def no_ro(manifest, mode):
        if mode == "ro":
            raise sqlite3.OperationalError("unable to open database file")
        return real(manifest, mode)

    monkeypatch.setattr(session, "_connect", no_ro)
    s = session.open_session(made.path)
    assert s.open_mode == "immutable" and s.title == made.title


def test_not_a_session(tmp_path):
    with pytest.raises(SessionError) as exc:
        session.open_session(tmp_path)
    assert str(exc.value) == f"{tmp_path} is not a review session: it has no session.sqlite"
    with pytest.raises(SessionError, match="no such folder"):
        session.open_session(tmp_path / "nowhere")


def test_manifest_not_sqlite(tmp_path):
    (tmp_path / "session.sqlite").write_text("hello, I am a text file\n" * 100)
    with pytest.raises(SessionError) as exc:
        session.open_session(tmp_path)
    assert str(exc.value) == f"{tmp_path}: session.sqlite is not a session manifest (not an SQLite database)"


def test_sqlite_of_something_else(tmp_path):
    sqlite_utils.Database(tmp_path / "session.sqlite")["dogs"].insert({"name": "Cleo"})
    with pytest.raises(SessionError, match="is not a PanelReview session manifest"):
        session.open_session(tmp_path)


def test_manifest_from_a_newer_version(made):
    db = sqlite_utils.Database(made.path / session.MANIFEST)
    db["_sqlite_migrations"].insert({"migration_set": "panelreview-session", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.close()
    with pytest.raises(SessionError) as exc:
        session.open_session(made.path)
    assert str(exc.value) == (f"{made.path} was made by a newer version of PanelReview (schema m999_future); "
                              "update PanelReview to open it")


def test_altered_rubric_snapshot_is_refused(made):
    db = sqlite_utils.Database(made.path / session.MANIFEST)
    db.execute("update rubrics set snapshot = replace(snapshot, '组织管理', '组织官理') where id = 'sz-training-base'")
    db.conn.commit()
    db.close()
    with pytest.raises(SessionError, match="copy of rubric sz-training-base was altered"):
        session.open_session(made.path)


def test_schema_is_recorded_as_migrations(made):
    db = sqlite_utils.Database(made.path / session.MANIFEST)
    assert [m.name for m in session.MIGRATIONS.applied(db)] == ["m001_manifest", "m002_quota_groups"]
    assert session.MIGRATIONS.pending(db) == []
    row = next(db["files"].rows_where("path = ?", ["materials/A01/说明.docx"]))
    assert row["material"] is None and row["applicant_id"] == "A01"
    db.close()


def test_a_manifest_of_the_first_schema_is_upgraded_with_its_quotas(made, tmp_path):
    """A session made by 0.1 (quotas by category only) opens in this version with the same quotas."""
    import shutil

    old = tmp_path / "old-session"
    shutil.copytree(made.path, old)
    db = sqlite_utils.Database(old / session.MANIFEST)
    db["quota_groups"].drop()
    db.execute("delete from _sqlite_migrations where name = 'm002_quota_groups'")
    db.conn.commit()
    db.close()
    again = session.open_session(old)
    assert again.quotas == made.quotas and [q.text() for q in again.quota_groups] == [
        q.text() for q in made.quota_groups]
