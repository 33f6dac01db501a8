"""The secretary's re-check page (复核): proposals to tick, one request file per expert, status, rounds side by side.

`install(window)` adds the page as a tab of the secretary's window and returns it; the window
calls `set_session` and `set_result` as it does for its other pages. Every action is one core call
(app.recheck.issue, status, finalise); the page is refilled from what the result file then says.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter, QTabWidget,
    QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app import recheck
from app import vocabulary as words
from app.errors import PanelReviewError
from app.result import Result
from app.session import Session
from ui.dialogs import show_error
from ui.i18n import tr

TARGETS = Qt.ItemDataRole.UserRole


class RecheckPage(QWidget):
    """Proposals (ticked by default where 财政部令第87号 第六十四条 or 第六十一条 applies), requests, rounds."""

    issued = Signal(str)  # a sentence for the status bar
    finalised = Signal()

    def __init__(self, inputs: Callable[[], list[Path]] | None = None) -> None:
        super().__init__()
        self.session: Session | None = None
        self.result: Result | None = None
        self.inputs = inputs or (lambda: [])
        lay = QVBoxLayout(self)
        intro = QLabel(tr("After the totals are in, a result changes only for a summing error, a score outside its "
                          "band, inconsistent scores on objective criteria, or scores the panel finds too high or "
                          "too low (财政部令第87号 第六十四条). Tick what to ask each expert; each gets a request file "
                          "of their own, without other experts' names."))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        self.proposals = QTreeWidget()
        self.proposals.setObjectName("proposals")
        self.proposals.setHeaderLabels([tr("Expert · applicant"), tr("Items"), tr("Ground"), tr("Detail")])
        self.proposals.setWordWrap(True)
        self.proposals.setUniformRowHeights(False)
        h = self.proposals.header()
        h.setStretchLastSection(True)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for col, width in ((0, 330), (1, 170)):  # long names and item lists are cut; the tooltip has them all
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            h.resizeSection(col, width)

        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("A note to the experts (optional)"))
        row.addWidget(self.note, 1)
        self.write_button = QPushButton(tr("Write the requests to a folder…"))
        self.write_button.setObjectName("write-requests")
        self.write_button.clicked.connect(lambda: self.write_requests())
        row.addWidget(self.write_button)
        self.finalise_button = QPushButton(tr("Finalise the result…"))
        self.finalise_button.clicked.connect(self.finalise)
        row.addWidget(self.finalise_button)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.proposals, 1)
        tl.addLayout(row)

        self.lower = QTabWidget()
        self.requests = QTableWidget(0, 6)
        self.requests.setObjectName("requests")
        self.requests.setHorizontalHeaderLabels([tr("Request"), tr("Expert"), tr("Items"), tr("Written"),
                                                 tr("State"), tr("Fingerprint")])
        self.requests.horizontalHeader().setStretchLastSection(False)
        self.requests.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rounds = QTableWidget(0, 6)
        self.rounds.setObjectName("rounds")
        self.rounds.setHorizontalHeaderLabels([tr("Applicant"), tr("Expert"), tr("Item"), tr("Rounds"),
                                               tr("Before → after"), tr("Reason")])
        self.rounds.horizontalHeader().setStretchLastSection(False)
        self.rounds.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lower.addTab(self.requests, tr("Requests"))
        self.lower.addTab(self.rounds, tr("Rounds side by side"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        self.state = QLabel()
        self.state.setWordWrap(True)
        lay.addWidget(self.state)
        self._fill()

    # -- data ----------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session

    def set_result(self, result: Result | None) -> None:
        self.result = result
        self._fill()

    def checked(self) -> dict[str, list[tuple[str, str]]]:
        """Expert id → the (applicant, item) pairs ticked for them, in the order shown."""
        out: dict[str, list[tuple[str, str]]] = {}
        for k in range(self.proposals.topLevelItemCount()):
            expert = self.proposals.topLevelItem(k)
            eid = expert.data(0, TARGETS)
            for j in range(expert.childCount()):
                child = expert.child(j)
                if child.checkState(0) == Qt.CheckState.Checked:
                    for t in child.data(0, TARGETS):
                        if tuple(t) not in out.setdefault(eid, []):
                            out[eid].append(tuple(t))
        return {e: t for e, t in out.items() if t}

    def _fill(self) -> None:
        self.proposals.clear()
        r = self.result
        when = recheck.finalised(r.path) if r is not None and r.path else None
        for w in (self.write_button, self.finalise_button, self.note):
            w.setEnabled(r is not None and not when)
        if r is None:
            self.state.setText(tr("Merge the score files first."))
            self.requests.setRowCount(0)
            self.rounds.setRowCount(0)
            return
        by_expert: dict[str, QTreeWidgetItem] = {}
        props = recheck.propose(r)
        for p in props:
            parent = by_expert.get(p.expert_id)
            if parent is None:
                parent = QTreeWidgetItem([f"{p.expert_id} {p.expert_name}"])
                parent.setData(0, TARGETS, p.expert_id)
                parent.setFirstColumnSpanned(False)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                by_expert[p.expert_id] = parent
                self.proposals.addTopLevelItem(parent)
            child = QTreeWidgetItem([f"{p.applicant_id} {p.applicant_name}", ", ".join(p.items),
                                     f"{words.word(p.kind)}（{p.article}）", str(p.sentence)])
            child.setData(0, TARGETS, [list(t) for t in p.targets])
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Checked if p.ticked else Qt.CheckState.Unchecked)
            child.setToolTip(0, f"{p.applicant_id} {p.applicant_name}")
            child.setToolTip(3, str(p.sentence))
            child.setToolTip(1, ", ".join(p.items))
            parent.addChild(child)
        self.proposals.expandAll()
        self._fill_requests()
        self._fill_rounds()
        if when:
            self.state.setText(tr("The result was finalised on {at}: no more re-checks.").format(at=when))
        elif not props:
            self.state.setText(tr("Nothing is proposed for a re-check."))
        else:
            self.state.setText(tr("{count} proposals for {experts} experts; unticked: a wide spread on a subjective "
                                  "criterion (not to be negotiated, 第六十二条（四）).").format(
                count=len(props), experts=len(by_expert)))

    def _fill_requests(self) -> None:
        r = self.result
        rows = recheck.status(r.path, [*self.inputs(), *([self.session.path / "scores"] if self.session else [])]) \
            if r is not None and r.path else []
        states = {"waiting": tr("not opened yet"), "open": tr("round open, not submitted"), "answered": tr("answered")}
        self.requests.setRowCount(len(rows))
        for k, s in enumerate(rows):
            cells = [s.request["id"], f"{s.request['expert_id']} {r.expert_name(s.request['expert_id'])}",
                     ", ".join(f"{a}:{i}" for a, i in s.request["items"]), s.request["created"], states[s.state],
                     s.fingerprint or ""]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.requests.setItem(k, j, item)
        self._fit(self.requests, 2)

    def _fill_rounds(self) -> None:
        r = self.result
        rows = [(a, c) for a in r.applicants for c in a.changes] if r is not None else []
        self.rounds.setRowCount(len(rows))
        for k, (a, c) in enumerate(rows):
            change = words.word(words.CONFIRMED) if c.confirmed else f"{c.old or '—'} → {c.new or '—'}"
            cells = [f"{a.id} {a.name}", f"{c.expert_id} {r.expert_name(c.expert_id)}", c.target_id,
                     f"{c.round_from} → {c.round_to}", change, c.reason or ("" if c.confirmed else "—")]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.rounds.setItem(k, j, item)
        self._fit(self.rounds, 5)

    @staticmethod
    def _fit(table: QTableWidget, stretch: int) -> None:
        """Columns as wide as their contents, except `stretch`, which takes the rest (no sideways scrolling)."""
        h = table.horizontalHeader()
        for col in range(table.columnCount()):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == stretch
                                   else QHeaderView.ResizeMode.ResizeToContents)

    # -- actions ---------------------------------------------------------------

    def write_requests(self, folder: str | Path | None = None) -> list[Path]:
        """One request file per expert with ticked items, into `folder` (asked for when None)."""
        r = self.result
        picked = self.checked()
        if r is None or not picked:
            show_error(self, tr("Tick at least one proposal."))
            return []
        if folder is None:
            start = str(self.session.path / "rechecks") if self.session else ""
            folder = QFileDialog.getExistingDirectory(self, tr("Folder for the request files (USB stick, shared "
                                                                "session folder)"), start)
            if not folder:
                return []
        written = []
        try:
            for eid, targets in picked.items():
                written.append(recheck.issue(r.path, eid, targets, out_dir=folder, note=self.note.text()))
        except PanelReviewError as exc:
            show_error(self, str(exc))
        self._fill()
        if written:
            self.issued.emit(tr("{count} re-check requests written to {folder}").format(count=len(written),
                                                                                     folder=folder))
        return written

    def finalise(self) -> None:
        r = self.result
        if r is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Finalise the result?"),
                          tr("After this no re-check request is written, no round is opened from one and no merge "
                             "changes the result."), QMessageBox.StandardButton.Cancel, self)
        ok = box.addButton(tr("Finalise"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not ok:
            return
        try:
            recheck.finalise(r.path)
        except PanelReviewError as exc:
            show_error(self, str(exc))
        self._fill()
        self.finalised.emit()


def install(window: Any) -> RecheckPage:
    """The re-check page for the secretary's `window` (which adds it as a tab and feeds it)."""
    page = RecheckPage(lambda: list(getattr(window.merge_page, "inputs", [])))
    page.issued.connect(lambda text: window.statusBar().showMessage(text, 8000))
    return page
