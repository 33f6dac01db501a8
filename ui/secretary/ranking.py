"""Page 3, the ranking: one category at a time, with every expert's total, votes, eligibility and flags."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QSplitter, QTabBar, QTableWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from app.errors import PanelReviewError
from app.result import ApplicantResult, Category, Result
from ui import settings
from ui.dialogs import show_error
from ui.i18n import tr
from ui.secretary.detail import DetailDialog
from ui.secretary.words import (
    CENTER, FLAGGED_BG, GREEN, ID_ROLE, MUTED, OUTLIER_BG, RED, RIGHT, caption, flag_kind_text, inspection_text,
    method_text, ordered, points, quotas_of, rank_text, ranking_groups, score_or_votes, status_text, table_item,
)


class RankingPage(QWidget):
    """One category at a time: rank, consensus, every expert's total, votes, eligibility, flags."""

    def __init__(self, result: Result | None = None) -> None:
        super().__init__()
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
        bl.addWidget(caption(tr("Not ranked, and why")))
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
        if result is not None:
            self.set_result(result)

    def set_result(self, result: Result | None) -> None:
        self.result = result
        current = self.categories.tabData(self.categories.currentIndex()) if self.categories.count() else None
        self.categories.blockSignals(True)
        while self.categories.count():
            self.categories.removeTab(0)
        if result is not None:
            for group in ranking_groups(result):
                n = sum(1 for a in result.applicants if a.category in group.members)
                k = self.categories.addTab(f"{group.name}（{n}）" if self._zh() else f"{group.name} ({n})")
                self.categories.setTabData(k, group.name)
                if group.name == current:
                    self.categories.setCurrentIndex(k)
        self.categories.blockSignals(False)
        self.fill()

    @staticmethod
    def _zh() -> bool:
        return tr("Ranking") != "Ranking"

    def category(self) -> str | None:
        """The shown ranking group's name: a category, or several ranked together ("A或B")."""
        k = self.categories.currentIndex()
        return self.categories.tabData(k) if k >= 0 else None

    def group(self) -> Category | None:
        name = self.category()
        return next((g for g in ranking_groups(self.result) if g.name == name), None) if self.result else None

    def show_category(self, name: str) -> None:
        """Show the ranking group of category `name` (or the group called so)."""
        for k, g in enumerate(ranking_groups(self.result) if self.result else []):
            if name == g.name or name in g.members:
                self.categories.setCurrentIndex(k)

    def rows(self) -> list[ApplicantResult]:
        group = self.group()
        if group is None:
            return []
        return ordered([a for a in self.result.applicants if a.category in group.members])

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
        d = result.decimals
        self.experts = result.merged_experts
        head = [tr("Rank"), tr("Applicant"), tr("Consensus")] + [e.name for e in self.experts] + [
            tr("Recommend (yes : no)"), tr("Basic conditions"), tr("Status"), tr("Flags")]
        self.table.setColumnCount(len(head))
        self.table.setHorizontalHeaderLabels(head)
        for k, e in enumerate(self.experts, start=3):
            self.table.horizontalHeaderItem(k).setToolTip(f"{e.id} {e.name} {e.organisation} {e.title}")
        people = self.rows()
        self.table.setRowCount(len(people))
        quotas = quotas_of(result, self.group()) if self.group() else []
        marks = {aid: tr("[candidate]") + (f" {c.tier}" if c.tier else "") for c in reversed(quotas)
                 for aid in c.candidates}
        marks.update({aid: tr("[reserve]") + (f" {c.tier}" if c.tier else "") for c in quotas for aid in c.reserves
                      if aid not in marks})
        first_expert, after = 3, 3 + len(self.experts)
        for r, a in enumerate(people):
            outliers = {f.expert_id: f for f in a.flags if f.kind == "outlier_total"}
            row_flags = [f for f in a.flags if f.kind != "outlier_total"]
            name = table_item(a.name, tip=f"{a.id} {a.name}" + (f"\n{a.variant}" if a.variant else ""))
            name.setData(ID_ROLE, a.id)
            if a.id in marks:
                name.setText(a.name + "　" + marks[a.id])
            cells = [table_item(rank_text(a), align=CENTER), name, table_item(score_or_votes(a, d), align=RIGHT)]
            bold = QFont(self.table.font())
            bold.setBold(True)
            cells[2].setFont(bold)
            for e in self.experts:
                eid = e.id
                if eid in a.recused:
                    cell = table_item(tr("recused"), tip=tr("{name} recused from this applicant").format(name=e.name),
                                 align=CENTER)
                    cell.setForeground(QBrush(QColor(MUTED)))
                elif eid in a.expert_totals:
                    cell = table_item(points(a.expert_totals[eid], d), align=RIGHT)
                    if eid in outliers:
                        cell.setBackground(QBrush(QColor(OUTLIER_BG)))
                        cell.setToolTip(f"{flag_kind_text('outlier_total')}: {outliers[eid].detail}")
                else:
                    cell = table_item("", tip=tr("{name} did not score this applicant").format(name=e.name))
                cells.append(cell)
            recs = a.recommendations
            cells.append(table_item(f"{recs.get('yes', 0)} : {recs.get('no', 0)}", align=CENTER))
            if a.eligible:
                elig = table_item(tr("met"), align=CENTER)
                elig.setForeground(QBrush(QColor(GREEN)))
            else:
                elig = table_item(tr("not met"), tip="\n".join(a.ineligible_reasons), align=CENTER)
                elig.setForeground(QBrush(QColor(RED)))
            cells.append(elig)
            status = status_text(a)
            if a.inspection is not None:
                status += " · " + inspection_text(a)
            cells.append(table_item(status, tip=(a.inspection.note if a.inspection and a.inspection.note else status)))
            counts: dict[str, int] = {}
            for f in a.flags:
                counts[f.kind] = counts.get(f.kind, 0) + 1
            text = "，".join(f"{flag_kind_text(k)} {n}" for k, n in counts.items()) if self._zh() else \
                ", ".join(f"{flag_kind_text(k)} {n}" for k, n in counts.items())
            cells.append(table_item(text, tip="\n".join(f"• {f.detail}" for f in a.flags) or tr("no flags")))
            for c, cell in enumerate(cells):
                if row_flags and not (first_expert <= c < after and cell.background().style() != Qt.BrushStyle.NoBrush):
                    cell.setBackground(QBrush(QColor(FLAGGED_BG)))
                if a.rank is None and c in (0, 1, 2):
                    cell.setForeground(QBrush(QColor(MUTED)))
                self.table.setItem(r, c, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(head) - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(len(head) - 1, 230)
        self._fit_name_column()
        self._fill_about()
        self._fill_unranked(people)

    NAME_MIN = 200  # px: an applicant's name is never squeezed to "…" (the table scrolls sideways instead)

    def _fit_name_column(self) -> None:
        """The name column takes the room the others leave, but never less than NAME_MIN."""
        header = self.table.horizontalHeader()
        if header.count() < 2:
            return
        others = sum(header.sectionSize(k) for k in range(header.count()) if k != 1)
        header.resizeSection(1, max(self.NAME_MIN, self.table.viewport().width() - others))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit_name_column()

    def _fill_about(self) -> None:
        result = self.result
        group = self.group()
        parts = [tr("Consensus method: <b>{method}</b>").format(method=escape(method_text(result.method)))]
        for q in quotas_of(result, group) if group else []:
            if q.quota is None:
                parts.append(tr("no quota"))
                continue
            text = tr("quota: {n}").format(n=q.quota) + (
                "，" + tr("reserve list: {n}").format(n=q.reserve) if q.reserve else "")
            parts.append(f"{escape(q.tier)} {text}" if q.tier else text)
        ag = result.agreement.get(group.name if group else "")
        if ag and ag.value is not None:
            parts.append(tr("How alike the experts ranked the applicants: <b>{w}</b> of 1 ({applicants} applicants, "
                            "{experts} experts; 1: all in the same order, 0: no agreement; Kendall's W)").format(
                w=ag.value, applicants=ag.applicants, experts=ag.experts))
        else:
            parts.append(tr("How alike the experts ranked: not computed (too few applicants ranked by the same "
                            "experts; Kendall's W)"))
        self.about.setText("　·　".join(parts))
        self.about.setToolTip(tr("Kendall's W, the coefficient of concordance: each expert's totals put the "
                                 "applicants in an order; W compares those orders. 1 means every expert put them in "
                                 "the same order, 0 that the orders have nothing in common. It describes the panel; "
                                 "it changes no score and no rank."))

    def _fill_unranked(self, people: list[ApplicantResult]) -> None:
        out = []
        for a in people:
            if a.rank is not None:
                continue
            reasons = list(a.ineligible_reasons) or [f.detail for f in a.flags if f.kind == "insufficient_experts"] \
                or [f.detail for f in a.flags if f.kind == "not_recommended"]
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
