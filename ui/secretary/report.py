"""Page 5, the panel and the way upward: leader, sign-in and pledges, joint opinions, the report upward,
the public notice, objections and the final list. Every button is one core call (app.panel, app.panelsheets,
app.upward, app.notice, app.objections); what the result file then says is shown again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app import journal, objectionfile, panelsheets, upward
from app import notice as notice_mod
from app import objections as objections_mod
from app import panel as panel_mod
from app.errors import PanelReviewError
from app.resultfile import Records
from ui.dialogs import show_error
from ui.flow import FlowLayout
from ui.i18n import tr
from ui.tasks import run_task


WIDE = 1100  # pixels (device-independent) from which the objections go beside the other records


class ReportPage(QWidget):
    """The panel's records and papers, the report upward, the notice and the objections of one session."""

    written = Signal(str)  # a sentence for the status bar

    def __init__(self) -> None:
        super().__init__()
        self.session = None
        self.result = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QGridLayout(body)

        panel_box = QGroupBox(tr("The panel"))
        pf = QFormLayout(panel_box)
        self.leader_combo = QComboBox()
        self.leader_button = QPushButton(tr("Record the leader the panel elected"))
        self.leader_button.clicked.connect(self.record_leader)
        row = QHBoxLayout()
        row.addWidget(self.leader_combo, 1)
        row.addWidget(self.leader_button)
        pf.addRow(tr("Leader (elected by the panel)"), row)
        self.leader_label = QLabel()
        pf.addRow(self.leader_label)
        papers = FlowLayout(spacing=6)
        for text, slot in ((tr("Sign-in sheet…"), lambda: self._save(tr("Sign-in sheet"), "签到表.pdf", self.write_sign_in)),
                           (tr("Pledges…"), lambda: self._save(tr("Pledges"), "承诺书.pdf", self.write_pledges)),
                           (tr("Joint opinions…"), lambda: self._save(tr("Joint opinions"), "专家组评审意见.pdf",
                                                                      self.write_opinions))):
            b = QPushButton(text)
            b.clicked.connect(slot)
            papers.addWidget(b)
        pf.addRow(papers)

        report_box = QGroupBox(tr("Report upward"))
        rf = FlowLayout(report_box, spacing=6, margins=None)
        for text, name, slot in ((tr("Report as PDF…"), "评审报告.pdf", self.write_report_pdf),
                                 (tr("Report as Word…"), "评审报告.docx", self.write_report_docx),
                                 (tr("Journal…"), "秘书工作日志.pdf", self.write_journal)):
            b = QPushButton(text)
            b.clicked.connect(lambda _=False, t=text, n=name, s=slot: self._save(t, n, s))
            rf.addWidget(b)

        notice_box = QGroupBox(tr("Public notice (5 working days)"))
        nf = QFormLayout(notice_box)
        self.start = QDateEdit(QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        publish = QPushButton(tr("Record the notice"))
        publish.clicked.connect(self.record_notice)
        printed = QPushButton(tr("Notice…"))
        printed.clicked.connect(lambda: self._save(tr("Public notice"), "公示.pdf", self.write_notice))
        row = FlowLayout(spacing=6)
        row.addWidget(self.start)
        row.addWidget(publish)
        row.addWidget(printed)
        nf.addRow(tr("First day"), row)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        nf.addRow(self.notice_label)

        obj_box = QGroupBox(tr("Objections"))
        of = QVBoxLayout(obj_box)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("id"), tr("received"), tr("by"), tr("applicant"), tr("about"),
                                              tr("decision")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        of.addWidget(self.table)
        add = QHBoxLayout()
        self.by = QLineEdit()
        self.by.setPlaceholderText(tr("who raised it"))
        self.applicant = QComboBox()
        self.about = QLineEdit()
        self.about.setPlaceholderText(tr("what it is about"))
        add_button = QPushButton(tr("Add objection"))
        add_button.clicked.connect(self.add_objection)
        self.applicant.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.applicant.setMinimumContentsLength(14)
        add.addWidget(self.by, 1)
        add.addWidget(self.applicant, 2)
        of.addLayout(add)
        add2 = QHBoxLayout()
        add2.addWidget(self.about, 1)
        add2.addWidget(add_button)
        of.addLayout(add2)
        self.upheld = QRadioButton(tr("Upheld (成立)"))
        self.not_upheld = QRadioButton(tr("Not upheld (不成立)"))
        self.not_upheld.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("the reason (required)"))
        decide_button = QPushButton(tr("Decide the chosen objection"))
        decide_button.clicked.connect(self.decide_objection)
        file_button = QPushButton(tr("Objection file…"))
        file_button.clicked.connect(lambda: self._save(tr("Objection file"), "异议答复材料.pdf",
                                                                 self._objection_file_writer()))
        # the choice and its reason on one line, the buttons after them, wrapping when the window is narrow
        decision = QHBoxLayout()
        for w, k in ((self.upheld, 0), (self.not_upheld, 0), (self.reason, 1)):
            decision.addWidget(w, k)
        of.addLayout(decision)
        buttons = FlowLayout(spacing=6)
        buttons.addWidget(decide_button)
        buttons.addWidget(file_button)
        of.addLayout(buttons)
        final = QHBoxLayout()
        self.final_label = QLabel()
        self.final_label.setWordWrap(True)
        final_button = QPushButton(tr("Final list…"))
        final_button.clicked.connect(lambda: self._save(tr("Final list"), "候选名单（公示后）.pdf", self.write_final))
        final.addWidget(self.final_label, 1)
        final.addWidget(final_button)
        of.addLayout(final)

        self._grid, self._boxes, self._wide = lay, (panel_box, report_box, notice_box, obj_box), None
        self._arrange(wide=True)
        self._refresh()

    def _arrange(self, *, wide: bool) -> None:
        """The objections beside the other records on a wide window, under them on a narrow one (150 % on a
        1366 x 768 laptop leaves 910 pixels: side by side, its buttons ran off the right edge)."""
        if wide == self._wide:
            return
        self._wide = wide
        lay = self._grid
        panel_box, report_box, notice_box, obj_box = self._boxes
        for box in self._boxes:
            lay.removeWidget(box)
        lay.addWidget(panel_box, 0, 0)
        lay.addWidget(report_box, 1, 0)
        lay.addWidget(notice_box, 2, 0)
        if wide:  # the rows under the notice take what the objections need beyond the left column
            lay.addWidget(obj_box, 0, 1, 4, 1)
        else:
            lay.addWidget(obj_box, 3, 0)
        lay.setColumnStretch(0, 1)
        lay.setColumnStretch(1, 1 if wide else 0)
        lay.setRowStretch(3, 1 if wide else 0)
        lay.setRowStretch(4, 0 if wide else 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= WIDE)

    # -- what it shows ------------------------------------------------------------

    def set_session(self, session) -> None:
        self.session = session
        self.leader_combo.clear()
        for e in session.experts if session else []:
            self.leader_combo.addItem(f"{e.id} {e.name}", e.id)
        self._refresh()

    def set_result(self, result) -> None:
        self.result = result
        self.applicant.clear()
        for a in result.applicants if result else []:
            self.applicant.addItem(f"{a.id} {a.name}", a.id)
        self._refresh()

    @property
    def path(self) -> Path | None:
        """Where the records go: the result file, else the session's own (made on the first record)."""
        if self.result is not None:
            return Path(self.result.path)
        return Records.for_session(self.session).path if self.session is not None else None

    def _refresh(self) -> None:
        # showing makes nothing: a session on a stick stays as it is until the secretary records something
        found = Records.existing(self.session) if self.result is None and self.session is not None else None
        path = Path(self.result.path) if self.result is not None else (found.path if found else None)
        rec = panel_mod.record(path) if path else None
        leader = rec.leader if rec else None
        self.leader_label.setText(tr("Recorded: {name}, elected by the panel ({at})").format(
            name=leader.name, at=leader.recorded.replace("T", " ")[:16]) if leader else
            tr("No leader recorded yet: the panel elects one (财政部令第87号 第四十五条（四）)."))
        self.leader_button.setEnabled(self.session is not None and leader is None)
        n = notice_mod.recorded(path) if path else None
        self.notice_label.setText(self._notice_text(n) if n else tr("No public notice recorded yet."))
        found = objections_mod.objections(path) if path else []
        self.table.setRowCount(len(found))
        for r, o in enumerate(found):
            for c, v in enumerate((o.id, o.received.replace("T", " ")[:16], o.by, o.applicant_id, o.about,
                                   objections_mod.PRINTED[o.decision] + (f"：{o.reason}" if o.reason else ""))):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        if self.result is not None and path is not None:
            final = objections_mod.final_list(path, self.result)
            self.final_label.setText(tr("The list can go upward.") if final.ready else
                                     tr("Not yet: {why}").format(why="; ".join(str(s) for s in final.reasons)))
        else:
            self.final_label.setText(tr("Merge the score files first."))

    @staticmethod
    def _notice_text(n) -> str:
        text = tr("From {start} to {end}").format(start=n.start, end=n.end)
        if n.set_by_hand:
            return text + tr(" (the last day set by the secretary)")
        rest = ", ".join(f"{d} {tr(notice_mod.rest_day_source(why))}" for d, why in n.skipped)
        return text + (tr("; not counted: {days}").format(days=rest) if rest else "") + (
            tr("; make-up working days counted: {days}").format(days=", ".join(n.make_up)) if n.make_up else "")

    # -- actions: one core call each -----------------------------------------------

    def _act(self, call) -> bool:
        try:
            call()
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return False
        self._refresh()
        return True

    def _needs_result(self) -> bool:
        if self.result is None:
            show_error(self, tr("Merge the score files first."))
            return False
        return True

    def _save(self, title: str, name: str, write) -> None:
        """Ask where, then write off the UI thread (a report of many pages takes seconds) behind a progress dialog."""
        if self.session is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name))
        if not path:
            return

        def done(_value) -> None:
            self._refresh()
            self.written.emit(tr("Saved {file}").format(file=path))

        run_task(self, tr("Writing {file}…").format(file=Path(path).name), lambda _progress: write(Path(path)),
                 on_done=done, on_error=lambda exc: show_error(self, str(exc)))

    def _require_result(self) -> None:
        """For the writers, which may run off the UI thread: refuse with a sentence, shown by whoever runs them."""
        if self.result is None:
            raise PanelReviewError("Merge the score files first.")

    def _printed(self, path: Path) -> None:
        journal.log_output(self.result, journal.PRINT, path, path=self.path, session_id=self.session.id)

    def record_leader(self) -> None:
        eid = self.leader_combo.currentData()
        if eid:
            self._act(lambda: panel_mod.record_leader(self.path, self.session, eid))

    def write_sign_in(self, path: Path) -> None:
        panelsheets.sign_in(self.session, path, record=panel_mod.record(self.path))
        self._printed(path)

    def write_pledges(self, path: Path) -> None:
        panelsheets.pledges(self.session, path)
        self._printed(path)

    def write_opinions(self, path: Path) -> None:
        self._require_result()
        panelsheets.joint_opinion(self.result, panel_mod.record(self.path), path)
        self._printed(path)

    def write_report_pdf(self, path: Path) -> None:
        self._require_result()
        upward.write_pdf(self.result, path, session=self.session)
        self._printed(path)

    def write_report_docx(self, path: Path) -> None:
        self._require_result()
        upward.write_docx(self.result, path, session=self.session)
        self._printed(path)

    def write_journal(self, path: Path) -> None:
        self._require_result()
        upward.write_journal_pdf(self.result, path)

    def record_notice(self) -> None:
        if not self._needs_result():
            return
        start = dt.date.fromisoformat(self.start.date().toString("yyyy-MM-dd"))
        self._act(lambda: notice_mod.record(self.path, self.result, notice_mod.period(start)))

    def write_notice(self, path: Path) -> None:
        n = notice_mod.recorded(self.path) if self.result else None
        if n is None:
            raise PanelReviewError("Record the public notice first.")
        upward.write_notice(self.result, n, path)
        self._printed(path)

    def add_objection(self) -> None:
        if self._needs_result() and self._act(lambda: objections_mod.add(
                self.path, self.result, by=self.by.text(), applicant_id=self.applicant.currentData() or "",
                about=self.about.text())):
            self.by.clear()
            self.about.clear()

    def _chosen_objection(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def decide_objection(self) -> None:
        oid = self._chosen_objection()
        if oid is None:
            show_error(self, tr("Choose an objection in the table."))
            return
        if self._act(lambda: objections_mod.decide(self.path, self.result, oid, upheld=self.upheld.isChecked(),
                                                   reason=self.reason.text())):
            self.reason.clear()

    def write_objection_file(self, path: Path, *, applicant_id: str | None = None,
                             objection_id: str | None = None) -> None:
        """For the objection chosen in the table, else the applicant chosen; the window passes both in, as
        read on the UI thread (this may run on a worker)."""
        self._require_result()
        aid = applicant_id if applicant_id is not None else self.applicant.currentData()
        oid = objection_id if objection_id is not None else self._chosen_objection()
        if oid:
            aid = objections_mod.get(self.path, oid).applicant_id
        objectionfile.write(self.result, self.session, aid, path)
        self._printed(path)

    def _objection_file_writer(self):
        aid, oid = self.applicant.currentData(), self._chosen_objection()
        return lambda path: self.write_objection_file(path, applicant_id=aid or "", objection_id=oid or "")

    def write_final(self, path: Path) -> None:
        self._require_result()
        final = objections_mod.final_list(self.path, self.result)
        if not final.ready:
            raise PanelReviewError("Not yet: {why}", why="; ".join(str(s) for s in final.reasons))
        upward.write_final(self.result, final, path)
        self._printed(path)
