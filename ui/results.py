"""The merged result on screen: the ranking per category, one applicant's drill-down, field inspections."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QRadioButton, QSplitter, QTabBar, QTableWidget, QTableWidgetItem,
    QTabWidget, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.errors import PanelReviewError
from app.merge import FAILED, PASSED, ApplicantResult, Result, detail, record_inspection, score_text
from ui import settings
from ui.dialogs import show_error
from ui.i18n import tr
from ui.prepare import method_names

if TYPE_CHECKING:
    from ui.secretary_window import SecretaryWindow

ID_ROLE = Qt.ItemDataRole.UserRole
OUTLIER_BG = "#ffd9a8"   # an expert's total far from the others' (畸高畸低)
FLAGGED_BG = "#fff4d6"   # a criterion the experts disagree on, or too few experts
CANDIDATE_BG = "#e3f4e8"
MUTED = "#777777"
RED = "#b00020"
GREEN = "#1b7f3b"


# --------------------------------------------------------------------------- words


def rank_text(a: ApplicantResult) -> str:
    if a.rank is None:
        return "—"
    return tr("{rank} (tied)").format(rank=a.rank) if a.tied else str(a.rank)


def status_text(a: ApplicantResult) -> str:
    words = {"candidate": tr("candidate"), "ranked": tr("ranked"), "ineligible": tr("ineligible"),
             "insufficient_experts": tr("insufficient experts")}
    return words.get(a.status, a.status)


def inspection_text(a: ApplicantResult) -> str:
    if a.inspection is None:
        return tr("not inspected yet") if a.rank is not None else ""
    return tr("passed") if a.inspection.result == PASSED else tr("not passed")


def flag_kind_text(kind: str) -> str:
    return {"outlier_total": tr("outlying total"), "criterion_spread": tr("criterion spread"),
            "insufficient_experts": tr("insufficient experts")}.get(kind, kind)


def method_text(code: str) -> str:
    return dict(method_names()).get(code, code)


def points(value: Decimal | None, decimals: int) -> str:
    return "—" if value is None else score_text(value, decimals)


def score_or_votes(a: ApplicantResult, decimals: int) -> str:
    if not a.has_points:
        return tr("{n} recommend").format(n=a.recommendations.get("yes", 0))
    return points(a.total, decimals)


def decision_text(decision: str | None) -> str:
    return {"positive": tr("recommend"), "negative": tr("do not recommend")}.get(decision or "", tr("no decision"))


def answer_text(value: str | None) -> str:
    return {"yes": tr("yes"), "no": tr("no")}.get(value or "", value or "—")


def ordered(applicants: list[ApplicantResult]) -> list[ApplicantResult]:
    """Ranked ones in rank order, then the unranked ones in the session's order."""
    ranked = sorted((a for a in applicants if a.rank is not None), key=lambda a: a.rank)
    return ranked + [a for a in applicants if a.rank is None]


def category_names(result: Result) -> list[str]:
    names = [c["name"] for c in result.categories]
    return names + [n for n in dict.fromkeys(a.category for a in result.applicants) if n not in names]


def _item(text: str, *, tip: str = "", align: Qt.AlignmentFlag | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align is not None:
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter


# --------------------------------------------------------------------------- 3. ranking


class RankingPage(QWidget):
    """One category at a time: rank, consensus, every expert's total, votes, eligibility, flags."""

    def __init__(self, window: "SecretaryWindow") -> None:
        super().__init__()
        self.window_ = window
        self.result: Result | None = None
        self.experts: list[dict] = []
        lay = QVBoxLayout(self)
        self.categories = QTabBar()
        self.categories.setObjectName("categories")
        self.categories.setExpanding(False)
        self.categories.currentChanged.connect(lambda _k: self.fill())
        lay.addWidget(self.categories)
        self.about = QLabel("")
        self.about.setObjectName("about")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.about)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("ranking")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line per applicant; the full texts are in the tooltips
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_detail(self.applicant_at(row)))
        self.unranked = QTextBrowser()
        self.unranked.setObjectName("unranked")
        self.unranked.setOpenLinks(False)
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(_caption(tr("Not ranked, and why")))
        bl.addWidget(self.unranked)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter, 1)
        hint = QLabel(tr("Double-click an applicant to see every expert's points, comments and opinion. "
                         "Orange: an expert's total far from the others'. Yellow: experts disagree on a criterion. "
                         "Hover for details."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        lay.addWidget(hint)

    def set_result(self, result: Result | None) -> None:
        self.result = result
        current = self.categories.tabData(self.categories.currentIndex()) if self.categories.count() else None
        self.categories.blockSignals(True)
        while self.categories.count():
            self.categories.removeTab(0)
        if result is not None:
            for name in category_names(result):
                n = sum(1 for a in result.applicants if a.category == name)
                k = self.categories.addTab(f"{name}（{n}）" if self._zh() else f"{name} ({n})")
                self.categories.setTabData(k, name)
                if name == current:
                    self.categories.setCurrentIndex(k)
        self.categories.blockSignals(False)
        self.fill()

    @staticmethod
    def _zh() -> bool:
        return tr("Ranking") != "Ranking"

    def category(self) -> str | None:
        k = self.categories.currentIndex()
        return self.categories.tabData(k) if k >= 0 else None

    def show_category(self, name: str) -> None:
        for k in range(self.categories.count()):
            if self.categories.tabData(k) == name:
                self.categories.setCurrentIndex(k)

    def rows(self) -> list[ApplicantResult]:
        if self.result is None:
            return []
        return ordered([a for a in self.result.applicants if a.category == self.category()])

    def applicant_at(self, row: int) -> str | None:
        item = self.table.item(row, 1)
        return item.data(ID_ROLE) if item else None

    def fill(self) -> None:
        result = self.result
        self.table.clear()
        self.table.setRowCount(0)
        if result is None:
            self.about.setText("")
            self.unranked.setHtml("")
            return
        cat = self.category()
        d = result.decimals
        self.experts = [e for e in result.experts if e["merged"]]
        head = [tr("Rank"), tr("Applicant"), tr("Consensus")] + [e["name"] for e in self.experts] + [
            tr("Recommend (yes : no)"), tr("Basic conditions"), tr("Status"), tr("Flags")]
        self.table.setColumnCount(len(head))
        self.table.setHorizontalHeaderLabels(head)
        for k, e in enumerate(self.experts, start=3):
            self.table.horizontalHeaderItem(k).setToolTip(f"{e['id']} {e['name']} {e['organisation']} {e['title']}")
        people = self.rows()
        self.table.setRowCount(len(people))
        candidates = set(next((c["candidates"] for c in result.categories if c["name"] == cat), []))
        first_expert, after = 3, 3 + len(self.experts)
        for r, a in enumerate(people):
            outliers = {f.expert_id: f for f in a.flags if f.kind == "outlier_total"}
            row_flags = [f for f in a.flags if f.kind != "outlier_total"]
            name = _item(a.name, tip=f"{a.id} {a.name}" + (f"\n{a.variant}" if a.variant else ""))
            name.setData(ID_ROLE, a.id)
            if a.id in candidates:
                name.setText(a.name + "　" + tr("[candidate]"))
            cells = [_item(rank_text(a), align=CENTER), name, _item(score_or_votes(a, d), align=RIGHT)]
            bold = QFont(self.table.font())
            bold.setBold(True)
            cells[2].setFont(bold)
            for e in self.experts:
                eid = e["id"]
                if eid in a.recused:
                    cell = _item(tr("recused"), tip=tr("{name} recused from this applicant").format(name=e["name"]),
                                 align=CENTER)
                    cell.setForeground(QBrush(QColor(MUTED)))
                elif eid in a.expert_totals:
                    cell = _item(points(a.expert_totals[eid], d), align=RIGHT)
                    if eid in outliers:
                        cell.setBackground(QBrush(QColor(OUTLIER_BG)))
                        cell.setToolTip(f"{flag_kind_text('outlier_total')}: {outliers[eid].detail}")
                else:
                    cell = _item("", tip=tr("{name} did not score this applicant").format(name=e["name"]))
                cells.append(cell)
            recs = a.recommendations
            cells.append(_item(f"{recs.get('yes', 0)} : {recs.get('no', 0)}", align=CENTER))
            if a.eligible:
                elig = _item(tr("met"), align=CENTER)
                elig.setForeground(QBrush(QColor(GREEN)))
            else:
                elig = _item(tr("not met"), tip="\n".join(a.ineligible_reasons), align=CENTER)
                elig.setForeground(QBrush(QColor(RED)))
            cells.append(elig)
            status = status_text(a)
            if a.inspection is not None:
                status += " · " + inspection_text(a)
            cells.append(_item(status, tip=(a.inspection.note if a.inspection and a.inspection.note else status)))
            counts: dict[str, int] = {}
            for f in a.flags:
                counts[f.kind] = counts.get(f.kind, 0) + 1
            text = "，".join(f"{flag_kind_text(k)} {n}" for k, n in counts.items()) if self._zh() else \
                ", ".join(f"{flag_kind_text(k)} {n}" for k, n in counts.items())
            cells.append(_item(text, tip="\n".join(f"• {f.detail}" for f in a.flags) or tr("no flags")))
            for c, cell in enumerate(cells):
                if row_flags and not (first_expert <= c < after and cell.background().style() != Qt.BrushStyle.NoBrush):
                    cell.setBackground(QBrush(QColor(FLAGGED_BG)))
                if a.rank is None and c in (0, 1, 2):
                    cell.setForeground(QBrush(QColor(MUTED)))
                self.table.setItem(r, c, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(head) - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(len(head) - 1, 230)
        self._fill_about(cat)
        self._fill_unranked(people)

    def _fill_about(self, cat: str | None) -> None:
        result = self.result
        quota = next((c["quota"] for c in result.categories if c["name"] == cat), None)
        parts = [tr("Consensus method: <b>{method}</b>").format(method=escape(method_text(result.method)))]
        parts.append(tr("quota: {n}").format(n=quota) if quota is not None else tr("no quota"))
        ag = result.agreement.get(cat or "")
        if ag and ag.get("value") is not None:
            parts.append(tr("Kendall's W <b>{w}</b> ({applicants} applicants, {experts} experts; 1 means the experts "
                            "rank alike, 0 not at all)").format(w=ag["value"], applicants=ag["applicants"],
                                                                  experts=ag["experts"]))
        else:
            parts.append(tr("Kendall's W: not computed (too few applicants ranked by the same experts)"))
        self.about.setText("　·　".join(parts))

    def _fill_unranked(self, people: list[ApplicantResult]) -> None:
        out = []
        for a in people:
            if a.rank is not None:
                continue
            reasons = list(a.ineligible_reasons) or [f.detail for f in a.flags if f.kind == "insufficient_experts"]
            items = "".join(f"<li>{escape(r)}</li>" for r in reasons) or f"<li>{escape(status_text(a))}</li>"
            out.append(f"<p><b>{escape(a.name)}</b>　<span style='color:{RED}'>{escape(status_text(a))}</span></p>"
                       f"<ul style='margin-top:0'>{items}</ul>")
        self.unranked.setHtml("".join(out) or f"<p style='color:{MUTED}'>{escape(tr('Every applicant is ranked.'))}</p>")

    def open_detail(self, applicant_id: str | None) -> "DetailDialog | None":
        if applicant_id is None or self.result is None:
            return None
        try:
            dialog = DetailDialog(self.result, applicant_id, self)
        except PanelReviewError as exc:
            show_error(self, str(exc))
            return None
        dialog.show()
        return dialog

    def save_state(self) -> None:
        settings.save_state("secretary/ranking-splitter", self.splitter.saveState())

    def restore_state(self) -> None:
        state = settings.state("secretary/ranking-splitter")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([500, 110])


# --------------------------------------------------------------------------- drill-down


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
            cells = [_item(label, tip=p["text"]),
                     _item("" if kind == "gate" else points(p["max"], 0) if p["max"] is not None else "", align=RIGHT),
                     _item("" if p["consensus"] is None else points(p["consensus"], d), align=RIGHT)]
            for e in experts:
                if e["recused"] is not None:
                    cells.append(_item(tr("recused") if r == 0 else "", align=CENTER))
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
                cell = _item("\n".join(x for x in lines if x),
                             align=None if comment or cites else RIGHT)
                cells.append(cell)
            for c, cell in enumerate(cells):
                if kind == "section":
                    cell.setBackground(section_bg)
                    cell.setFont(bold)
                t.setItem(r, c, cell)
        total_row = len(rows)
        cells = [_item(tr("Total")), _item(""), _item(points(data["applicant"]["total"], d), align=RIGHT)]
        for e in experts:
            cells.append(_item(tr("recused") if e["recused"] is not None else points(e["total"], 0), align=RIGHT))
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
            result = _item(met, align=CENTER)
            if c.met is False:
                result.setForeground(QBrush(QColor(RED)))
            cells = [_item(f"{c.id} [{kinds.get(c.kind, c.kind)}] {c.text}", tip=c.text), result,
                     _item(f"{c.yes} : {c.no}", align=CENTER)]
            for e in experts:
                if e["recused"] is not None:
                    cells.append(_item(tr("recused"), align=CENTER))
                    continue
                value, comment = c.answers.get(e["id"], ("", ""))
                cell = _item(answer_text(value) + (f"\n{comment}" if comment else ""))
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
                cells = [_item(who), _item(tr("recused")), _item(e["recused"] or "")]
            else:
                cells = [_item(who), _item(decision_text(e["decision"])), _item(e["opinion"])]
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


# --------------------------------------------------------------------------- 4. field inspection


class InspectionPage(QWidget):
    """Field inspections in rank order per category, and the candidate list they fill."""

    recorded = Signal(object)  # the Result after recording

    @staticmethod
    def headers() -> list[str]:
        return [tr("Rank"), tr("Applicant"), tr("Consensus"), tr("Field inspection"), tr("Note")]

    def __init__(self, window: "SecretaryWindow") -> None:
        super().__init__()
        self.window_ = window
        self.result: Result | None = None
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
        rl.addWidget(_caption(tr("Candidate list")))
        rl.addWidget(self.candidates, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter, 1)

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
        for cat in category_names(result):
            info = next((c for c in result.categories if c["name"] == cat), {})
            quota = info.get("quota")
            head = QTreeWidgetItem([cat + (tr("　quota {n}").format(n=quota) if quota is not None else "")])
            head.setFont(0, bold)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            head.setBackground(0, QBrush(QColor("#eef1f5")))
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # only takes once the item is in the tree
            awaiting = set(info.get("awaiting", []))
            boundary = set(info.get("boundary_tie", []))
            candidates = set(info.get("candidates", []))
            members = ordered([x for x in result.applicants if x.category == cat and x.rank is not None])
            if not members:
                none = QTreeWidgetItem(["", tr("No applicant of this category is ranked.")])
                none.setForeground(1, QBrush(QColor(MUTED)))
                none.setFlags(none.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                head.addChild(none)
            for a in members:
                state = inspection_text(a)
                if a.id in awaiting:
                    state = tr("next to inspect")
                item = QTreeWidgetItem(["", a.name, score_or_votes(a, d), state,
                                        a.inspection.note if a.inspection else ""])
                item.setText(0, rank_text(a))
                item.setData(0, ID_ROLE, a.id)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(4, item.text(4))
                colour = {PASSED: GREEN, FAILED: RED}.get(a.inspection.result if a.inspection else "", "#1f5fa8")
                item.setForeground(3, QBrush(QColor(colour)))
                if a.id in candidates:
                    for c in range(5):
                        item.setBackground(c, QBrush(QColor(CANDIDATE_BG)))
                    item.setText(1, a.name + "　" + tr("[candidate]"))
                if a.id in boundary:
                    item.setBackground(3, QBrush(QColor(FLAGGED_BG)))
                    item.setText(3, state + " · " + tr("tied at the quota"))
                head.addChild(item)
                if a.id == current:
                    chosen = item
            head.setExpanded(True)
        h = self.tree.header()
        for c in range(1, 4):
            self.tree.resizeColumnToContents(c)
        h.resizeSection(0, 72)  # the category rows span every column, so they do not set its width
        h.resizeSection(1, min(max(h.sectionSize(1), 200), 380))
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._chosen(None)
        self.candidates.setHtml(candidates_html(result))

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
        quota = cat["quota"]
        chosen = cat["candidates"]
        title = escape(cat["name"])
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
        ranked = [a for a in result.applicants if a.category == cat["name"] and a.rank is not None]
        if cat["awaiting"]:
            first = by_id.get(cat["awaiting"][0])
            text = escape(tr("Awaiting the field inspection of {names} (rank {rank}): the list is filled in rank "
                             "order and cannot pass over them, since they might pass."))
            out.append(f"<p style='color:#1f5fa8'>"
                       f"{text.format(names=names(cat['awaiting']), rank=escape(rank_text(first) if first else ''))}</p>")
        elif cat["boundary_tie"]:
            left = (quota or 0) - len(chosen)
            text = escape(tr("{names} share a rank and all passed, but only {left} places are left: a tie at the "
                             "quota boundary. The panel decides; none of them is listed until it does."))
            out.append(f"<p style='color:{RED}'>{text.format(names=names(cat['boundary_tie']), left=left)}</p>")
        elif quota is not None and len(chosen) >= quota:
            out.append(f"<p style='color:{GREEN}'>{escape(tr('The list is full.'))}</p>")
        elif not ranked:
            out.append(f"<p style='color:{MUTED}'>{escape(tr('No applicant of this category is ranked.'))}</p>")
        else:
            out.append(f"<p style='color:{MUTED}'>{escape(tr('Every ranked applicant is inspected; the places left stay empty.'))}</p>")
    return "".join(out)


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
