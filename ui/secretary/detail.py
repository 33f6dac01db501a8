"""The drill-down: one applicant's every expert side by side (points, comments, citations), conditions, opinions."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTabWidget, QVBoxLayout, QWidget,
)

from app.result import ApplicantResult, ExpertScores, PanelMember, Result
from app.rubric import NONE_LEVEL
from ui.i18n import tr
from ui.secretary.words import (
    CENTER, RED, RIGHT, answer_text, decision_text, points, rank_text, score_or_votes, status_text, table_item,
)


class DetailDialog(QDialog):
    """One applicant: every expert's points, comments and citations side by side; conditions; opinions."""

    def __init__(self, result: Result, applicant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        a = result.applicant(applicant_id)
        self.applicant = a
        d = result.decimals
        self.setWindowTitle(tr("{name} — every expert's scores").format(name=a.name))
        lay = QVBoxLayout(self)
        head = QLabel(tr("<b>{name}</b>　{category}　·　rank {rank}　·　consensus {total}　·　{status}").format(
            name=escape(a.name), category=escape(a.category), rank=escape(rank_text(a)),
            total=escape(score_or_votes(a, d)), status=escape(status_text(a))))
        head.setWordWrap(True)
        head.setStyleSheet("font-size: 12pt;")
        lay.addWidget(head)
        experts = [(e, a.scores[e.id]) for e in result.experts if e.id in a.scores]
        self.tabs = QTabWidget()
        self.scores = self._scores_table(a, experts, d)
        self.tabs.addTab(self.scores, tr("Scores and comments"))
        self.conditions = self._conditions_table(a, experts)
        self.tabs.addTab(self.conditions, tr("Conditions"))
        self.opinions = self._opinions_table(experts)
        self.tabs.addTab(self.opinions, tr("Opinions"))
        lay.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)
        lay.addWidget(buttons)
        self.resize(1200, 700)

    @staticmethod
    def _table(head: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(head))
        t.setHorizontalHeaderLabels(head)
        t.verticalHeader().hide()
        t.setWordWrap(True)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return t

    def _scores_table(self, a: ApplicantResult, experts: list[tuple[PanelMember, ExpertScores]], d: int
                      ) -> QTableWidget:
        rows = [p for p in a.parts if p.kind in ("section", "criterion", "gate")
                or (p.kind.startswith("item:") and p.kind not in ("item:condition", "item:priority", "item:gate")
                    and p.id != p.parent)]
        t = self._table([tr("Criterion"), tr("Max"), tr("Consensus")] + [e.name for e, _s in experts])
        t.setRowCount(len(rows) + 1)
        section_bg = QBrush(QColor("#eef1f5"))
        bold = QFont(t.font())
        bold.setBold(True)
        consensus = {"section": a.sections, "criterion": a.criteria}
        for r, p in enumerate(rows):
            got = consensus.get(p.kind, {}).get(p.id)
            cells = [table_item(f"{p.id}  {p.text}", tip=p.text),
                     table_item("" if p.kind == "gate" or p.max is None else points(p.max, 0), align=RIGHT),
                     table_item("" if got is None else points(got, d), align=RIGHT)]
            for _e, sc in experts:
                if sc.recused is not None:
                    cells.append(table_item(tr("recused") if r == 0 else "", align=CENTER))
                    continue
                lines = [_given(sc, p.kind, p.id)]
                comment = sc.comments.get(p.id)
                if comment:
                    lines.append(tr("Comment: {text}").format(text=comment))
                cites = [c for c in sc.citations if c.target_id == p.id]
                if cites:
                    lines.append(tr("Evidence: {list}").format(list="；".join(
                        f"{c.material or Path(c.file or '').stem} p.{c.page}" for c in cites)))
                cells.append(table_item("\n".join(x for x in lines if x), align=None if comment or cites else RIGHT))
            for c, cell in enumerate(cells):
                if p.kind == "section":
                    cell.setBackground(section_bg)
                    cell.setFont(bold)
                t.setItem(r, c, cell)
        total_row = len(rows)
        cells = [table_item(tr("Total")), table_item(""), table_item(points(a.total, d), align=RIGHT)]
        for _e, sc in experts:
            cells.append(table_item(tr("recused") if sc.recused is not None else points(sc.total, 0), align=RIGHT))
        for c, cell in enumerate(cells):
            cell.setFont(bold)
            t.setItem(total_row, c, cell)
        return _sized(t, (300, 50, 70), per_expert=150, experts=len(experts))

    def _conditions_table(self, a: ApplicantResult, experts: list[tuple[PanelMember, ExpertScores]]) -> QTableWidget:
        conds = a.conditions
        t = self._table([tr("Condition"), tr("Result"), tr("yes : no")] + [e.name for e, _s in experts])
        t.setRowCount(len(conds))
        kinds = {"condition": tr("basic condition"), "gate": tr("gate"), "priority": tr("priority condition")}
        for r, c in enumerate(conds):
            met = {True: tr("met"), False: tr("not met"), None: "—"}[c.met]
            result = table_item(met, align=CENTER)
            if c.met is False:
                result.setForeground(QBrush(QColor(RED)))
            cells = [table_item(f"{c.id} [{kinds.get(c.kind, c.kind)}] {c.text}", tip=c.text), result,
                     table_item(f"{c.yes} : {c.no}", align=CENTER)]
            for e, sc in experts:
                if sc.recused is not None:
                    cells.append(table_item(tr("recused"), align=CENTER))
                    continue
                value, comment = c.answers.get(e.id, ("", ""))
                cell = table_item(answer_text(value) + (f"\n{comment}" if comment else ""))
                if value == "no":
                    cell.setForeground(QBrush(QColor(RED)))
                cells.append(cell)
            for k, cell in enumerate(cells):
                t.setItem(r, k, cell)
        return _sized(t, (380, 70, 70), per_expert=130, experts=len(experts))

    def _opinions_table(self, experts: list[tuple[PanelMember, ExpertScores]]) -> QTableWidget:
        t = self._table([tr("Expert"), tr("Recommendation"), tr("Opinion")])
        t.setRowCount(len(experts))
        for r, (e, sc) in enumerate(experts):
            who = f"{e.name}\n{e.organisation} {e.title}".strip()
            if sc.recused is not None:
                cells = [table_item(who), table_item(tr("recused")), table_item(sc.recused or "")]
            else:
                cells = [table_item(who), table_item(decision_text(sc.decision)), table_item(sc.opinion)]
                if sc.decision == "negative":
                    cells[1].setForeground(QBrush(QColor(RED)))
            for k, cell in enumerate(cells):
                t.setItem(r, k, cell)
        h = t.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        t.resizeRowsToContents()
        return t


def _given(sc: ExpertScores, kind: str, part_id: str) -> str:
    """What one expert gave for a part: points, yes/no at a gate, "none of the levels", or not scored."""
    if kind == "section":
        return points(sc.sections[part_id], 0) if part_id in sc.sections else ""
    if part_id in sc.missing:
        return tr("not scored (gate)")
    answer = sc.answers.get(part_id)
    if kind == "gate":
        return answer_text(answer.value if answer else None)
    if kind == "criterion" and answer is not None and answer.level == NONE_LEVEL:
        return tr("none of the levels")
    if kind == "criterion":
        return points(sc.criteria[part_id], 0) if part_id in sc.criteria else ""
    return answer.value if answer else ""


def _sized(table: QTableWidget, widths: tuple[int, ...], *, per_expert: int, experts: int) -> QTableWidget:
    """Drill-down tables: fixed leading columns, one column per expert, rows as tall as their text."""
    h = table.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for k, width in enumerate(widths):
        h.resizeSection(k, width)
    for k in range(experts):
        h.resizeSection(len(widths) + k, per_expert)
    h.setStretchLastSection(True)
    table.resizeRowsToContents()
    return table
