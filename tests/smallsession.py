"""A session of one training base (T01) with a few generated scans, and text stored as the OCR keeps it:
the search and intake tests' common ground.

    sess = one_applicant(tmp_path, {"组织管理报告": 2, "设施设备报告": 1}, seed=31,
                         files={"师资队伍报告.pdf": b"..."})     # files written as they are (hostile ones)
    store_text(sess, "组织管理报告.pdf", 1, ["一、基地管理制度", "年度培训人数"])
"""

from __future__ import annotations

from array import array
from pathlib import Path

from app import session as session_mod
from app.scanpdf import make_scanned_pdf
from app.scanstore import PageText, ScanStore

WHO = "深圳市测试培训中心"


def one_applicant(tmp_path: Path, scans: dict[str, int], *, seed: int, title: str = "检索",
                  files: dict[str, bytes] | None = None):
    """The session (sz-training-base, one expert E01) with `scans` {material: pages}, each seeded from `seed` on."""
    mats = tmp_path / "in" / "T01"
    mats.mkdir(parents=True)
    for k, (name, pages) in enumerate(scans.items()):
        make_scanned_pdf(mats / f"{name}.pdf", title=name, applicant=WHO, pages=pages, seed=seed + k)
    for name, data in (files or {}).items():
        (mats / name).write_bytes(data)
    (tmp_path / "a.csv").write_text(f"id,name,rubric,delivery,scope,applicant_kind\nT01,{WHO},sz-training-base,线下,"
                                    "普通基地,培训机构\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text("id,name\nE01,王立新\n", encoding="utf-8")
    return session_mod.create(tmp_path / "s", title=title, applicants=tmp_path / "a.csv",
                              experts=tmp_path / "e.csv", materials=tmp_path / "in")


def store_text(sess, name: str, page: int, lines: list[str]) -> None:
    """Text for page `page` (1-based as stored) of T01's file `name`, a box per character, as the OCR stores it."""
    mf = next(m for m in sess.materials("T01") if m.name == name)
    boxes = array("f")
    for k, line in enumerate(lines):
        if k:
            boxes.extend((0, 0, 0, 0))
        for i, _ in enumerate(line):
            boxes.extend((0.1 + 0.03 * i, 0.2 + 0.05 * k, 0.13 + 0.03 * i, 0.23 + 0.05 * k))
    with ScanStore(sess.path) as store:
        store.put_page(PageText(mf.sha256, page, "ocr", 0, "\n".join(lines), boxes.tobytes(), 0.99))
