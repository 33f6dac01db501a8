"""The drill-down: one applicant's every expert side by side (points, comments, citations), conditions, opinions."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTabWidget, QVBoxLayout, QWidget,
)

from app.merge import Result, detail
from ui.i18n import tr
from ui.secretary.words import (
    CENTER, RED, RIGHT, answer_text, decision_text, points, rank_text, score_or_votes, status_text, table_item,
)


class DetailDialog(QDialog):
    """One applicant: every expert's points, comments and citations side by side; conditions; opinions."""

    def __init__(self, result: Result, applicant_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        data = detail(result.path, applicant_id)
        self.data = data
        a = result.applicant(applicant_id)
        d = result.decimals
        self.setWindowTitle(tr("{name} — every expert's scores").format(name=a.name))
        lay = QVBoxLayout(self)
        head = QLabel(tr("<b>{name}</b>　{category}　·　rank {rank}　·　consensus {total}　·　{status}").format(
            name=escape(a.name), category=escape(a.category), rank=escape(rank_text(a)),
            total=escape(score_or_votes(a, d)), status=escape(status_text(a))))
        head.setWordWrap(True)
        head.setStyleSheet("font-size: 12pt;")
        lay.addWidget(head)
        experts = data["experts"]
        self.tabs = QTabWidget()
        self.scores = self._scores_table(data, experts, d)
        self.tabs.addTab(self.scores, tr("Scores and comments"))
        self.conditions = self._conditions_table(data, experts)
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

    def _scores_table(self, data: dict, experts: list[dict], d: int) -> QTableWidget:
        rows = [p for p in data["parts"] if p["kind"] in ("section", "criterion", "gate")
                or (p["kind"].startswith("item:") and p["kind"] not in ("item:condition", "item:priority", "item:gate")
                    and p["id"] != p["parent"])]
        t = self._table([tr("Criterion"), tr("Max"), tr("Consensus")] + [e["name"] for e in experts])
        t.setRowCount(len(rows) + 1)
        section_bg = QBrush(QColor("#eef1f5"))
        bold = QFont(t.font())
        bold.setBold(True)
        for r, p in enumerate(rows):
            kind = p["kind"]
            label = f"{p['id']}  {p['text']}"
            cells = [table_item(label, tip=p["text"]),
                     table_item("" if kind == "gate" else points(p["max"], 0) if p["max"] is not None else "", align=RIGHT),
                     table_item("" if p["consensus"] is None else points(p["consensus"], d), align=RIGHT)]
            for e in experts:
                if e["recused"] is not None:
                    cells.append(table_item(tr("recused") if r == 0 else "", align=CENTER))
                    continue
                if kind == "section":
                    value = points(e["sections"].get(p["id"]), 0) if p["id"] in e["sections"] else ""
                elif kind == "criterion":
                    value = points(e["criteria"].get(p["id"]), 0) if p["id"] in e["criteria"] else ""
                else:
                    value = e["answers"].get(p["id"], {}).get("value")
                    value = answer_text(value) if kind == "gate" else (value or "")
                lines = [value]
                comment = e["comments"].get(p["id"])
                if comment:
                    lines.append(tr("Comment: {text}").format(text=comment))
                cites = [c for c in e["citations"] if c["target_id"] == p["id"]]
                if cites:
                    lines.append(tr("Evidence: {list}").format(list="；".join(
                        f"{c['material'] or Path(c['file'] or '').stem} p.{c['page']}" for c in cites)))
                cell = table_item("\n".join(x for x in lines if x),
                             align=None if comment or cites else RIGHT)
                cells.append(cell)
            for c, cell in enumerate(cells):
                if kind == "section":
                    cell.setBackground(section_bg)
                    cell.setFont(bold)
                t.setItem(r, c, cell)
        total_row = len(rows)
        cells = [table_item(tr("Total")), table_item(""), table_item(points(data["applicant"]["total"], d), align=RIGHT)]
        for e in experts:
            cells.append(table_item(tr("recused") if e["recused"] is not None else points(e["total"], 0), align=RIGHT))
        for c, cell in enumerate(cells):
            cell.setFont(bold)
            t.setItem(total_row, c, cell)
        return _sized(t, (300, 50, 70), per_expert=150, experts=len(experts))

    def _conditions_table(self, data: dict, experts: list[dict]) -> QTableWidget:
        conds = data["conditions"]
        t = self._table([tr("Condition"), tr("Result"), tr("yes : no")] + [e["name"] for e in experts])
        t.setRowCount(len(conds))
        kinds = {"condition": tr("basic condition"), "gate": tr("gate"), "priority": tr("priority condition")}
        for r, c in enumerate(conds):
            met = {True: tr("met"), False: tr("not met"), None: "—"}[c.met]
            result = table_item(met, align=CENTER)
            if c.met is False:
                result.setForeground(QBrush(QColor(RED)))
            cells = [table_item(f"{c.id} [{kinds.get(c.kind, c.kind)}] {c.text}", tip=c.text), result,
                     table_item(f"{c.yes} : {c.no}", align=CENTER)]
            for e in experts:
                if e["recused"] is not None:
                    cells.append(table_item(tr("recused"), align=CENTER))
                    continue
                value, comment = c.answers.get(e["id"], ("", ""))
                cell = table_item(answer_text(value) + (f"\n{comment}" if comment else ""))
                if value == "no":
                    cell.setForeground(QBrush(QColor(RED)))
                cells.append(cell)
            for k, cell in enumerate(cells):
                t.setItem(r, k, cell)
        return _sized(t, (380, 70, 70), per_expert=130, experts=len(experts))

    def _opinions_table(self, experts: list[dict]) -> QTableWidget:
        t = self._table([tr("Expert"), tr("Recommendation"), tr("Opinion")])
        t.setRowCount(len(experts))
        for r, e in enumerate(experts):
            who = f"{e['name']}\n{e['organisation']} {e['title']}".strip()
            if e["recused"] is not None:
                cells = [table_item(who), table_item(tr("recused")), table_item(e["recused"] or "")]
            else:
                cells = [table_item(who), table_item(decision_text(e["decision"])), table_item(e["opinion"])]
                if e["decision"] == "negative":
                    cells[1].setForeground(QBrush(QColor(RED)))
            for k, cell in enumerate(cells):
                t.setItem(r, k, cell)
        h = t.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        t.resizeRowsToContents()
        return t


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
