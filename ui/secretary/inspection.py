"""Page 4, field inspection: inspections in rank order per category, and the candidate list they fill."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QRadioButton, QSplitter,
    QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import PanelReviewError
from app.merge import record_inspection
from app.result import Result
from app.vocabulary import FAILED, PASSED
from ui import settings
from ui.i18n import tr
from ui.secretary.words import (
    CANDIDATE_BG, FLAGGED_BG, GREEN, ID_ROLE, MUTED, RED, caption, quotas_of, ranking_groups, inspection_text, ordered,
    rank_text, score_or_votes,
)

NOTE_ROOM = 110  # pixels kept for the inspection's note when the applicant's name is given its room


class InspectionPage(QWidget):
    """Field inspections in rank order per category, and the candidate list they fill."""

    recorded = Signal(object)  # the Result after recording

    @staticmethod
    def headers() -> list[str]:
        return [tr("Rank"), tr("Applicant"), tr("Consensus"), tr("Field inspection"), tr("Note")]

    def __init__(self, result: Result | None = None) -> None:
        super().__init__()
        self.result: Result | None = None
        self._name_wanted = 200  # pixels the longest applicant's name takes (set as the rows are filled)
        lay = QVBoxLayout(self)
        intro = QLabel(tr("The panel inspects the applicants in rank order. Record each inspection here; the "
                          "candidate list is filled in rank order from those who passed, up to the quota."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("inspections")
        self.tree.setHeaderLabels(self.headers())
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self._chosen(cur))
        h = self.tree.header()
        h.setStretchLastSection(True)
        self.tree.viewport().installEventFilter(self)

        form_box = QGroupBox(tr("Record the field inspection"))
        form = QFormLayout(form_box)
        self.chosen_label = QLabel(tr("Choose an applicant on the left."))
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setStyleSheet("font-weight: 700;")
        form.addRow(self.chosen_label)
        row = QHBoxLayout()
        self.passed = QRadioButton(tr("Passed"))
        self.failed = QRadioButton(tr("Not passed"))
        self.verdict = QButtonGroup(self)
        self.verdict.addButton(self.passed)
        self.verdict.addButton(self.failed)
        row.addWidget(self.passed)
        row.addWidget(self.failed)
        row.addStretch(1)
        form.addRow(tr("Result"), row)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("What the panel found on site (optional)"))
        self.note.setFixedHeight(80)
        form.addRow(tr("Note"), self.note)
        self.record_button = QPushButton(tr("Record"))
        self.record_button.clicked.connect(self.record_current)
        self.record_button.setEnabled(False)
        form.addRow("", self.record_button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        form.addRow(self.message)

        self.candidates = QTextBrowser()
        self.candidates.setObjectName("candidates")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(form_box)
        rl.addWidget(caption(tr("Candidate list")))
        rl.addWidget(self.candidates, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter, 1)
        if result is not None:
            self.set_result(result)

    def set_result(self, result: Result | None) -> None:
        self.result = result
        current = self.current_id()
        self.tree.clear()
        if result is None:
            self.candidates.setHtml("")
            self._chosen(None)
            return
        d = result.decimals
        bold = QFont(self.tree.font())
        bold.setBold(True)
        chosen = None
        for group in ranking_groups(result):
            quotas = quotas_of(result, group)
            limits = "，".join((f"{q.tier} " if q.tier else "") + tr("quota {n}").format(n=q.quota)
                              for q in quotas if q.quota is not None)
            head = QTreeWidgetItem([group.name + (f"　{limits}" if limits else "")])
            head.setFont(0, bold)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            head.setBackground(0, QBrush(QColor("#eef1f5")))
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # only takes once the item is in the tree
            awaiting = {i for q in quotas for i in q.awaiting}
            boundary = {i for q in quotas for i in q.boundary_tie + q.reserve_tie}
            candidates = {i for q in quotas for i in q.candidates}
            reserves = {i for q in quotas for i in q.reserves} - candidates
            members = ordered([x for x in result.applicants if x.category in group.members and x.rank is not None])
            if not members:
                none = QTreeWidgetItem(["", tr("No applicant of this category is ranked.")])
                none.setForeground(1, QBrush(QColor(MUTED)))
                none.setFlags(none.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                head.addChild(none)
            for a in members:
                state = inspection_text(a, required=result.settings.get("field_inspection") != "none")
                if a.id in awaiting:
                    state = tr("next to inspect")
                item = QTreeWidgetItem(["", a.name, score_or_votes(a, d), state,
                                        a.inspection.note if a.inspection else ""])
                item.setText(0, rank_text(a))
                item.setData(0, ID_ROLE, a.id)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(1, a.name)  # cut with … on a narrow window
                item.setToolTip(4, item.text(4))
                colour = {PASSED: GREEN, FAILED: RED}.get(a.inspection.result if a.inspection else "", "#1f5fa8")
                item.setForeground(3, QBrush(QColor(colour)))
                if a.id in candidates:
                    for c in range(5):
                        item.setBackground(c, QBrush(QColor(CANDIDATE_BG)))
                    item.setText(1, a.name + "　" + tr("[candidate]"))
                elif a.id in reserves:
                    item.setText(1, a.name + "　" + tr("[reserve]"))
                if a.id in boundary:
                    item.setBackground(3, QBrush(QColor(FLAGGED_BG)))
                    item.setText(3, state + " · " + tr("tied at the quota"))
                head.addChild(item)
                if a.id == current:
                    chosen = item
            head.setExpanded(True)
        self._fit_columns()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._chosen(None)
        self.candidates.setHtml(candidates_html(result))

    def _fit_columns(self) -> None:
        """Rank, score and inspection at their contents (once the rows are filled), then the name's room."""
        h = self.tree.header()
        for c in range(1, 4):
            self.tree.resizeColumnToContents(c)
        h.resizeSection(0, 72)  # the category rows span every column, so they do not set its width
        self._name_wanted = self.tree.sizeHintForColumn(1) + 12
        self._give_name_room()

    def _give_name_room(self) -> None:
        """The applicant's name gets what room is left (its longest name at most), so the inspection column
        stays in view on a narrow window (150 % on 1366 x 768)."""
        h = self.tree.header()
        room = self.tree.viewport().width() - h.sectionSize(0) - h.sectionSize(2) - h.sectionSize(3) - NOTE_ROOM
        h.resizeSection(1, max(160, min(self._name_wanted, room)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize and self.tree.topLevelItemCount():
            self._give_name_room()
        return super().eventFilter(watched, event)

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def select(self, applicant_id: str) -> None:
        for k in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(k)
            for j in range(head.childCount()):
                if head.child(j).data(0, ID_ROLE) == applicant_id:
                    self.tree.setCurrentItem(head.child(j))
                    return

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        aid = item.data(0, ID_ROLE) if item else None
        if aid is None or self.result is None:
            self.chosen_label.setText(tr("Choose an applicant on the left."))
            self.record_button.setEnabled(False)
            return
        a = self.result.applicant(aid)
        self.chosen_label.setText(tr("{name} (rank {rank}, {category})").format(
            name=a.name, rank=rank_text(a), category=a.category))
        self.verdict.setExclusive(False)
        self.passed.setChecked(bool(a.inspection and a.inspection.result == PASSED))
        self.failed.setChecked(bool(a.inspection and a.inspection.result == FAILED))
        self.verdict.setExclusive(True)
        self.note.setPlainText(a.inspection.note if a.inspection else "")
        self.record_button.setEnabled(True)
        self.message.setText("")

    def record_current(self) -> None:
        aid = self.current_id()
        if aid is None:
            return
        if not (self.passed.isChecked() or self.failed.isChecked()):
            self.message.setStyleSheet(f"color: {RED};")
            self.message.setText(tr("Choose passed or not passed."))
            return
        self.record(aid, passed=self.passed.isChecked(), note=self.note.toPlainText())

    def record(self, applicant_id: str, *, passed: bool, note: str = "") -> Result | None:
        """Record the inspection in the result file, then show what the file now says."""
        if self.result is None:
            return None
        try:
            result = record_inspection(self.result.path, applicant_id, passed=passed, note=note)
        except PanelReviewError as exc:
            self.message.setStyleSheet(f"color: {RED};")
            self.message.setText(str(exc))
            return None
        self.recorded.emit(result)
        self.select(applicant_id)
        self.message.setStyleSheet(f"color: {GREEN};")
        self.message.setText(tr("Recorded."))
        return result

    def save_state(self) -> None:
        settings.save_state("secretary/inspection-splitter", self.splitter.saveState())

    def restore_state(self) -> None:
        state = settings.state("secretary/inspection-splitter")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([760, 520])


def candidates_html(result: Result) -> str:
    """The candidate list per category, with what holds it up, in words."""
    by_id = {a.id: a for a in result.applicants}
    d = result.decimals
    out = []

    def names(ids: list[str]) -> str:
        return "、".join(escape(by_id[i].name) if i in by_id else escape(i) for i in ids)

    for cat in result.categories:
        quota = cat.quota
        chosen = cat.candidates
        title = escape(cat.label)
        count = (tr("{n} of {quota} places filled").format(n=len(chosen), quota=quota) if quota is not None
                 else tr("{n} candidates, no quota").format(n=len(chosen)))
        out.append(f"<h3 style='margin-bottom:2px'>{title}　<span style='font-weight:normal;color:{MUTED}'>"
                   f"{escape(count)}</span></h3>")
        if chosen:
            where = tr("rank {rank}, {score}")
            items = "".join(
                f"<li>{escape(by_id[i].name)}　<span style='color:{MUTED}'>"
                f"{escape(where.format(rank=rank_text(by_id[i]), score=score_or_votes(by_id[i], d)))}</span></li>"
                for i in chosen if i in by_id)
            out.append(f"<ol style='margin-top:0'>{items}</ol>")
        else:
            out.append(f"<p style='color:{MUTED};margin-top:0'>{escape(tr('No candidates yet.'))}</p>")
        if cat.reserves:
            out.append(f"<p style='margin-top:0'>{escape(tr('Reserve list:'))} {names(cat.reserves)}</p>")
        ranked = [a for a in result.applicants if a.category in cat.members and a.rank is not None]
        if cat.awaiting:
            first = by_id.get(cat.awaiting[0])
            text = escape(tr("Awaiting the field inspection of {names} (rank {rank}): the list is filled in rank "
                             "order and cannot pass over them, since they might pass."))
            out.append(f"<p style='color:#1f5fa8'>"
                       f"{text.format(names=names(cat.awaiting), rank=escape(rank_text(first) if first else ''))}</p>")
        elif cat.boundary_tie or cat.reserve_tie:
            left = (quota or 0) - len(chosen)
            text = escape(tr("{names} share a rank and all passed, but only {left} places are left: a tie at the "
                             "quota boundary. The panel decides; none of them is listed until it does."))
            out.append(f"<p style='color:{RED}'>{text.format(names=names(cat.boundary_tie or cat.reserve_tie), left=left)}</p>")
        elif quota is not None and len(chosen) >= quota:
            out.append(f"<p style='color:{GREEN}'>{escape(tr('The list is full.'))}</p>")
        elif not ranked:
            out.append(f"<p style='color:{MUTED}'>{escape(tr('No applicant of this category is ranked.'))}</p>")
        else:
            out.append(f"<p style='color:{MUTED}'>{escape(tr('Every ranked applicant is inspected; the places left stay empty.'))}</p>")
    return "".join(out)
