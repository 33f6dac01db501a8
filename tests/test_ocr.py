"""Text recognition into the scan store: offline, in worker processes, resumable, boxes where the words are,
pages turned upside down found and their boxes put back on the page as it is shown."""

from __future__ import annotations

import socket
from collections import Counter

import pymupdf
import pytest

from app import ocr, session as session_mod, textsearch
from app.errors import SessionError
from app.scanpdf import make_scanned_pdf
from app.scanstore import ScanStore
from conftest import run_cli

WHO = "深圳市测试精密制造职业培训学校"


def recall(truth: str, got: str) -> float:
    a, b = Counter("".join(truth.split())), Counter("".join(got.split()))
    return sum(min(a[c], b[c]) for c in a) / max(1, sum(a.values()))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """A session with a 3-page scan (no text layer), its twin with a text layer, and the twin's page 2 upside down."""
    root = tmp_path_factory.mktemp("ocr")
    mats = root / "materials" / "T01"
    mats.mkdir(parents=True)
    make_scanned_pdf(mats / "组织管理报告.pdf", title="组织管理报告", applicant=WHO, pages=3, seed=21)
    twin = make_scanned_pdf(root / "twin.pdf", title="组织管理报告", applicant=WHO, pages=3, seed=21, text_layer=True)
    make_scanned_pdf(mats / "师资队伍报告.pdf", title="师资队伍报告", applicant=WHO, pages=1, seed=22, text_layer=True)
    src = pymupdf.open(twin)
    turned = pymupdf.open()
    page = turned.new_page(width=src[1].rect.width, height=src[1].rect.height)
    page.show_pdf_page(page.rect, src, 1, rotate=180)
    pix = page.get_pixmap(dpi=100)
    out = pymupdf.open()
    out.new_page(width=page.rect.width, height=page.rect.height).insert_image(page.rect, stream=pix.tobytes("jpeg"))
    out.save(mats / "培训成果报告.pdf")
    (root / "a.csv").write_text(f"id,name,rubric,delivery,scope,applicant_kind\nT01,{WHO},sz-training-base,线下,普通基地,"
                                "培训机构\n", encoding="utf-8")
    (root / "e.csv").write_text("id,name\nE01,王立新\n", encoding="utf-8")
    sess = session_mod.create(root / "s", title="OCR", applicants=root / "a.csv", experts=root / "e.csv",
                              materials=root / "materials")
    return sess, twin


def test_the_models_come_from_the_installed_package_and_nothing_is_downloaded(scanned, monkeypatch):
    sess, twin = scanned
    paths = ocr.model_paths()
    assert paths and all(p.is_file() and p.suffix == ".onnx" for p in paths.values())

    def no_network(*a, **k):
        raise AssertionError("the recogniser tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    ocr._engine = None
    page = ocr.read_page(str(sess.path / "materials/T01/组织管理报告.pdf"), 0)
    assert page["source"] == "ocr" and page["rotation"] == 0
    with pymupdf.open(twin) as doc:
        assert recall(doc[0].get_text(), page["text"]) >= 0.95


def test_a_run_stops_keeps_its_pages_and_goes_on_where_it_stopped(scanned):
    sess, twin = scanned
    seen = []

    def stop_after_first(p):
        seen.append(p.done)

    first = ocr.run(sess, workers=2, progress=stop_after_first, should_stop=lambda: len(seen) >= 2)
    assert 1 <= first.done < first.total == 5
    kept = first.done
    states = []
    last = ocr.run(sess, workers=2, progress=lambda p: states.append((p.done, p.eta)))
    assert states[0][0] == kept  # what the first run stored is not read again
    assert last.done == last.total == 5 and last.failed == 0
    assert any(eta is not None for _, eta in states[1:-1] or states[1:])  # an estimate once a page was read
    again = ocr.run(sess)
    assert again.done == 5  # nothing left to do


def test_text_layer_pages_are_copied_and_recognised_text_is_where_the_words_are(scanned):
    sess, twin = scanned
    ocr.run(sess)
    by_name = {mf.name: mf for mf in sess.materials("T01")}
    with ScanStore(sess.path, writable=False) as store:
        rows = dict(store.conn.execute("select page, source from pages where sha256 = ?",
                                       (by_name["师资队伍报告.pdf"].sha256,)).fetchall())
        assert rows == {0: "layer"}
        with pymupdf.open(twin) as doc:
            truth = doc[1].get_text()
            got = store.page_text(by_name["组织管理报告.pdf"].sha256, 1)
            assert recall(truth, got) >= 0.95
            # the hit's box lies on the twin's own text for the same word
            want = doc[1].search_for("培训")[0]
            w, h = doc[1].rect.width, doc[1].rect.height
    texts = textsearch.SessionText(sess)
    hits = texts.material(by_name["组织管理报告.pdf"]).find("培训")
    on_page = [r for hit in hits if hit.page == 1 for r in hit.rects]
    centre = ((want.x0 + want.x1) / 2 / w, (want.y0 + want.y1) / 2 / h)
    assert min(abs((r[0] + r[2]) / 2 - centre[0]) + abs((r[1] + r[3]) / 2 - centre[1]) for r in on_page) < 0.02
    texts.close()


def test_an_upside_down_page_is_found_and_its_boxes_land_on_the_page_as_shown(scanned):
    sess, twin = scanned
    ocr.run(sess)
    mf = next(m for m in sess.materials("T01") if m.name == "培训成果报告.pdf")
    with ScanStore(sess.path, writable=False) as store:
        assert store.rotations(mf.sha256) == {0: 180}
    with pymupdf.open(twin) as doc:
        want = doc[1].search_for(WHO[:6])[0]
        w, h = doc[1].rect.width, doc[1].rect.height
    texts = textsearch.SessionText(sess)
    hits = texts.material(mf).find(WHO[:6])
    assert hits
    # turned 180°: the word sits where the upright page's is, mirrored through the page's centre
    cx, cy = 1 - (want.x0 + want.x1) / 2 / w, 1 - (want.y0 + want.y1) / 2 / h
    r = hits[0].rects[0]
    assert abs((r[0] + r[2]) / 2 - cx) < 0.03 and abs((r[1] + r[3]) / 2 - cy) < 0.03
    texts.close()


@pytest.fixture
def two_applicants(tmp_path):
    """A session of two applicants with two one-page materials each, every page with a text layer (read fast)."""
    people = {"T01": WHO, "T02": "深圳市测试智能装备有限公司"}
    for aid, who in people.items():
        folder = tmp_path / "materials" / aid
        folder.mkdir(parents=True)
        for k, title in enumerate(("组织管理报告", "师资队伍报告")):
            make_scanned_pdf(folder / f"{title}.pdf", title=title, applicant=who, pages=1, seed=30 + k,
                             text_layer=True)
    (tmp_path / "a.csv").write_text("id,name,rubric,delivery,scope,applicant_kind\n" + "".join(
        f"{aid},{who},sz-training-base,线下,普通基地,培训机构\n" for aid, who in people.items()), encoding="utf-8")
    (tmp_path / "e.csv").write_text("id,name\nE01,王立新\n", encoding="utf-8")
    return session_mod.create(tmp_path / "s", title="OCR", applicants=tmp_path / "a.csv",
                              experts=tmp_path / "e.csv", materials=tmp_path / "materials")


def test_applicants_and_materials_choose_what_is_read(two_applicants):
    sess = two_applicants

    def chosen(**how) -> set[str]:
        with ScanStore(sess.path) as store:
            return {t.rel for t in ocr.plan(sess, store, **how)}

    assert len(chosen()) == 4
    assert chosen(applicants=["T02"]) == {"materials/T02/组织管理报告.pdf", "materials/T02/师资队伍报告.pdf"}
    # the rubric's name of a material, or its file's name
    assert chosen(materials=["师资队伍报告"]) == {"materials/T01/师资队伍报告.pdf", "materials/T02/师资队伍报告.pdf"}
    assert chosen(applicants=["T01"], materials=["组织管理报告.pdf"]) == {"materials/T01/组织管理报告.pdf"}
    with pytest.raises(SessionError, match="X9"):
        chosen(applicants=["X9"])
    with pytest.raises(SessionError, match="师资报告") as raised:
        chosen(materials=["师资队伍报告", "师资报告"])
    assert "师资队伍报告" not in str(raised.value)


def test_intake_ocr_reads_only_the_chosen_applicants_materials(two_applicants):
    sess = two_applicants
    done = run_cli("intake", "ocr", str(sess.path), "--applicant", "T02", "--material", "师资队伍报告")
    assert done.stdout.strip() == "1 of 1 pages have their text"
    wanted = next(mf for mf in sess.materials("T02") if mf.material == "师资队伍报告")
    with ScanStore(sess.path, writable=False) as store:
        assert store.conn.execute("select sha256, page from pages").fetchall() == [(wanted.sha256, 0)]
        assert "深圳市测试智能装备有限公司" in store.page_text(wanted.sha256, 0)
    wrong = run_cli("intake", "ocr", str(sess.path), "--material", "师资报告", check=False)
    assert wrong.returncode == 1
    assert "none of the chosen applicants' materials is called 师资报告" in wrong.stderr
