"""The secretary's words and marks for a merged result: ranks, statuses, points, colours, table cells."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem

from app import vocabulary as words
from app.result import ApplicantResult, Category, Result, score_text
from ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
OUTLIER_BG = "#ffd9a8"   # an expert's total far from the others' (畸高畸低)
FLAGGED_BG = "#fff4d6"   # a criterion the experts disagree on, or too few experts
CANDIDATE_BG = "#e3f4e8"
MUTED = "#777777"
RED = "#b00020"
GREEN = "#1b7f3b"


def rank_text(a: ApplicantResult) -> str:
    if a.rank is None:
        return "—"
    return tr("{rank} (tied)").format(rank=a.rank) if a.tied else str(a.rank)


def status_text(a: ApplicantResult) -> str:
    return words.word(a.status)


def inspection_text(a: ApplicantResult, *, required: bool = True) -> str:
    if a.inspection is None:
        if a.rank is None:
            return ""
        return tr("not inspected yet") if required else tr("no inspection required")
    return tr("passed") if a.inspection.passed else tr("not passed")


def flag_kind_text(kind: str) -> str:
    return words.word(kind)


def method_names() -> list[tuple[str, str]]:
    return [("mean", tr("Mean of all experts")),
            ("trimmed_mean", tr("Mean without the highest and the lowest")),
            ("median", tr("Median"))]


def method_text(code: str) -> str:
    return dict(method_names()).get(code, code)


def points(value: Decimal | None, decimals: int) -> str:
    return "—" if value is None else score_text(value, decimals)


def score_or_votes(a: ApplicantResult, decimals: int) -> str:
    if not a.has_points:
        return tr("{n} recommend").format(n=a.recommendations.get("yes", 0))
    return points(a.total, decimals)


def decision_text(decision: str | None) -> str:
    return words.word(decision) if decision else tr("no decision")


def answer_text(value: str | None) -> str:
    return words.word(value) if value else "—"


def ordered(applicants: list[ApplicantResult]) -> list[ApplicantResult]:
    """Ranked ones in rank order, then the unranked ones in the session's order."""
    ranked = sorted((a for a in applicants if a.rank is not None), key=lambda a: a.rank)
    return ranked + [a for a in applicants if a.rank is None]


def ranking_groups(result: Result) -> list[Category]:
    """Each ranking group once (the first quota over its categories; a tier's twin shares its ranking)."""
    out: list[Category] = []
    for c in result.categories:
        if not any(g.members == c.members for g in out):
            out.append(c)
    return out


def quotas_of(result: Result, group: Category) -> list[Category]:
    """The quotas over the same categories as `group`: one per tier."""
    return [c for c in result.categories if c.members == group.members]


def table_item(text: str, *, tip: str = "", align: Qt.AlignmentFlag | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align is not None:
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


def caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
