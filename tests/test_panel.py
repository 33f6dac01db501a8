"""The panel as a body: sign-in sheet, pledges quoting the documents, the elected leader, joint opinion with dissent."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import journal, merge, panel, panelsheets
from app.errors import MergeError, RecordError
from app.resultfile import Records, ResultFile, load_result
from panelday import build_day, pdftotext, pngs, squash, score_files
from test_pdfa import pdfa_problems

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="module")
def day(demo_session, tmp_path_factory):
    return build_day(demo_session, tmp_path_factory.mktemp("panel"))


def test_every_sentence_of_the_pledge_is_in_its_document(seeds_dir):
    docs = {"000": (seeds_dir / "000_adc06df6534c35e3.txt").read_text(),
            "003": (seeds_dir / "003_64262c9e8eabc851.txt").read_text(),
            "87": (SHARED / "references" / "mof-order-87-excerpt.md").read_text()}
    for doc, source, text in panelsheets.PLEDGE_QUOTES:
        assert text in docs[doc], (source, text)
    # the only words of the pledge's own: the expert says they read and will follow the quoted sentences
    assert panelsheets.PLEDGE_WORDS == "本人已阅读上述条文，承诺遵照执行。"


def test_sign_in_sheet_lists_every_expert_with_a_line_to_sign(demo_session, tmp_path):
    pdf = panelsheets.sign_in(demo_session, tmp_path / "signin.pdf", place="龙岗区人力资源局三楼会议室")
    text = squash(pdftotext(pdf))
    for head in ("序号", "姓名", "工作单位", "职称", "签名", "签到时间"):
        assert head in text
    for e in demo_session.experts:
        assert squash(e.name) in text and squash(e.organisation) in text and squash(e.title) in text
    assert "龙岗区人力资源局三楼会议室" in text
    assert "由专家组推选" in text  # the leader is the panel's to elect, left blank before it does
    assert pngs(pdf, tmp_path / "png")


def test_one_pledge_page_per_expert_quoting_the_documents(demo_session, tmp_path):
    pdf = panelsheets.pledges(demo_session, tmp_path / "pledge.pdf")
    text = squash(pdftotext(pdf))
    for e in demo_session.experts:
        assert squash(e.name) in text
    for _doc, _source, quote in panelsheets.PLEDGE_QUOTES:
        assert squash(quote) in text
    assert text.count("承诺人（签名）") == len(demo_session.experts)
    one = panelsheets.pledges(demo_session, tmp_path / "one.pdf", ["E02"])
    assert squash(pdftotext(one)).count("承诺人（签名）") == 1
    assert len(pngs(one, tmp_path / "png")) == 1


def test_the_leader_is_recorded_as_elected_once(day, demo_session, tmp_path):
    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    with pytest.raises(RecordError):
        panel.record_leader(path, demo_session, "E99")
    chosen = panel.record_leader(path, demo_session, "E03")
    assert chosen.how == "elected by the panel" and chosen.name == "张伟"
    with pytest.raises(RecordError, match="already recorded"):
        panel.record_leader(path, demo_session, "E01")
    assert panel.record(path).leader.expert_id == "E03"
    assert [e.action for e in journal.entries(path)][-1] == journal.LEADER


def test_a_dissent_needs_its_reason_and_is_signed_on_the_joint_opinion(day, tmp_path):
    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    result = load_result(path)
    with pytest.raises(RecordError, match="reason"):
        panel.record_dissent(path, result, "E05", opinion="不同意", reason="  ", applicant_id="T01")
    panel.record_leader(path, day.session, "E03")
    panel.record_opinion(path, result, "该单位组织管理规范，同意列入候选名单。", applicant_id="T01")
    panel.record_dissent(path, result, "E05", opinion="不同意列入候选名单", reason="培训量统计表缺少签到表佐证",
                         applicant_id="T01")
    pdf = panelsheets.joint_opinion(result, panel.record(path), tmp_path / "T01.pdf", applicant_id="T01")
    text = squash(pdftotext(pdf))
    assert "专家组评审意见" in text and "该单位组织管理规范，同意列入候选名单。" in text
    assert "不同意列入候选名单" in text and "培训量统计表缺少签到表佐证" in text
    assert "张伟（组长）" in text
    for e in day.session.experts:
        assert squash(e.name) in text
    whole = panelsheets.joint_opinion(result, panel.record(path), tmp_path / "all.pdf")
    pages = pngs(whole, tmp_path / "png")
    assert len(pages) == 1 + len(result.applicants)  # the session's page, then one per applicant
    assert "专家组评审意见（本次评审）" in squash(pdftotext(whole))
    assert pdfa_problems(whole) == []


def test_records_survive_a_new_merge_and_belong_to_one_session(day, tmp_path):
    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    result = load_result(path)
    panel.record_opinion(path, result, "同意。")
    before = len(journal.entries(path))
    merge.merge(day.session, [day.files], out=path)
    assert panel.record(path).opinions == {panel.SESSION: "同意。"}
    entries = journal.entries(path)
    assert len(entries) == before + 1 and entries[-1].action == journal.MERGE
    assert {i.fingerprint for i in entries[-1].inputs} == {f.fingerprint for f in load_result(path).accepted}
    with pytest.raises(MergeError, match="another session"):
        Records(path).write("panel_record", {"key": "x", "value": "1"}, session_id="someone-else")


def test_before_the_first_merge_the_records_are_not_taken_for_a_result(day, tmp_path):
    path = tmp_path / "early.sqlite"
    panel.record_leader(path, day.session, "E02")  # the panel elects its leader before anything is scored
    with pytest.raises(MergeError, match="nothing has been merged"):
        ResultFile(path).load()
    merge.merge(day.session, [day.files], out=path)
    assert panel.record(path).leader.expert_id == "E02"  # the merge kept what was recorded before it
    assert load_result(path).applicants


def test_the_room_never_shows_scores_before_everyone_submitted_and_never_names(day, demo_session, tmp_path):
    half = tmp_path / "half"
    score_files(demo_session, half)
    from app.scorefile import ScoreFile
    with ScoreFile.open(half / "E04.prscore") as sf:
        sf.reopen()  # E04 opens a new round: not submitted any more
    state = panel.room_state(demo_session, sorted(half.glob("*.prscore")), day.result)
    assert [p.submitted for p in state.experts] == [True, True, True, False, True]
    assert not state.all_submitted and state.discussion == []  # the result is there, but not everyone has submitted
    assert state.applicants == len(demo_session.applicants)
    full = panel.room_state(demo_session, sorted(day.files.glob("*.prscore")), day.result)
    assert full.all_submitted and full.applicants_done == len(demo_session.applicants)
    assert full.discussion, "E05's lowest points on everything raise items to discuss"
    names = [e.name for e in demo_session.experts] + [e.id for e in demo_session.experts]
    for s in full.discussion:
        text = s.text("zh_CN") + s.text("en")
        assert not any(n in text for n in names), text


def test_the_room_screen_shows_progress_then_anonymous_items_and_fits_the_projector(day, demo_session, tmp_path,
                                                                                     qtbot):
    import shutil

    from app.scorefile import ScoreFile
    from ui.secretary.room import RoomScreen, provider

    half = tmp_path / "half"
    shutil.copytree(day.files, half)
    (half / "E05.prscore").unlink()
    with ScoreFile.open(half / "E04.prscore") as sf:
        sf.reopen()
    folder = [half]
    screen = RoomScreen(provider(demo_session, lambda: folder, lambda: day.result))
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.refresh()
    assert "3 of 5" in screen.counts.text()
    assert screen.items.text() == "" and "once every expert has submitted" in screen.heading.text()
    shown = " ".join(w.text() for w in screen.findChildren(type(screen.title)))
    for a in day.result.applicants:  # no total of anyone's, nor a consensus, before everyone has submitted
        for v in [a.total, *a.expert_totals.values()]:
            assert v is None or f"{v:.2f}" not in shown
    folder[:] = [day.files]
    screen.refresh()
    assert "Up for discussion" in screen.heading.text() and screen.items.text()
    for e in demo_session.experts:
        assert e.name not in screen.items.text() and e.id not in screen.items.text()
    assert screen.grab().size().height() == 768  # a long list is cut and counted, never taller than the screen


def test_the_report_page_records_and_writes_through_the_core(day, tmp_path, qtbot, monkeypatch):
    import datetime as dt

    from PySide6.QtCore import QDate

    from app import notice, objections
    from ui.secretary import report as report_page

    errors = []
    monkeypatch.setattr(report_page, "show_error", lambda parent, text: errors.append(text))
    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    page = report_page.ReportPage()
    qtbot.addWidget(page)
    page.set_session(day.session)
    page.set_result(load_result(path))
    page.leader_combo.setCurrentIndex(2)
    page.record_leader()
    assert panel.record(path).leader.expert_id == "E03" and not page.leader_button.isEnabled()
    page.start.setDate(QDate(2025, 9, 26))
    page.record_notice()
    assert notice.recorded(path).end == "2025-10-09" and "2025-10-09" in page.notice_label.text()
    page.decide_objection()
    assert errors and "Choose an objection" in errors[-1]  # nothing chosen: said, nothing recorded
    page.by.setText("张三")
    page.about.setText("场地面积不足")
    page.add_objection()
    assert page.table.rowCount() == 1 and page.by.text() == ""
    page.table.selectRow(0)
    page.reason.setText("")
    page.decide_objection()
    assert "reason" in errors[-1] and objections.get(path, "Y1").open  # the core refused: no reason
    page.reason.setText("经核对，场地面积属实")
    page.decide_objection()
    assert objections.get(path, "Y1").decision == objections.NOT_UPHELD
    assert "异议不成立" in page.table.item(0, 5).text()
    page.write_report_pdf(tmp_path / "report.pdf")
    assert "张三" in squash(pdftotext(tmp_path / "report.pdf"))
    # the buttons write off the UI thread: the objection file for the objection chosen, then "Saved"
    from PySide6.QtWidgets import QFileDialog
    target = tmp_path / "objection.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(page.written, timeout=120_000) as said:
        page._save("Objection file", "x.pdf", page._objection_file_writer())
    chosen = objections.get(path, "Y1").applicant_id
    assert said.args == [f"Saved {target}"]
    assert squash(page.result.applicant(chosen).name) in squash(pdftotext(target))
    assert objections.final_list(path, page.result, today=dt.date(2025, 10, 10)).ready


def test_the_windows_exports_are_journaled(day, tmp_path, qtbot):
    from PySide6.QtWidgets import QWidget

    from ui.secretary.export import Exporter

    path = tmp_path / "result.sqlite"
    path.write_bytes(day.result_path.read_bytes())
    result = load_result(path)
    parent = QWidget()
    qtbot.addWidget(parent)
    exporter = Exporter(parent, lambda: result)
    with qtbot.waitSignal(exporter.saved, timeout=120_000):
        exporter.write_xlsx(tmp_path / "out.xlsx")
    last = journal.entries(path)[-1]
    assert last.action == journal.EXPORT and str(tmp_path / "out.xlsx") in last.what.text("en")
    assert {i.fingerprint for i in last.inputs} == {f.fingerprint for f in result.accepted}
