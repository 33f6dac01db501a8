"""A merged result as a spreadsheet: an XLSX workbook (openpyxl) and one CSV per sheet.

Sheets: 汇总与排名 (summary and ranking), 评分明细 (per-criterion detail, one
column per expert), 专家总分 (per-expert totals and leniency), 提示 (flags),
不符合条件 (ineligible and insufficient), 候选名单 (candidate list). Headers
come from the translation catalog in the workbook's language (Chinese by
default); scores are numbers shown with the session's decimals.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import files
from app.errors import SheetError
from app.i18n import tr
from app import vocabulary as words
from app.vocabulary import N_
from app.result import ApplicantResult, Result, score_text


def _inspection(a: ApplicantResult, lang: str) -> str:
    if a.inspection is None:
        return ""
    return f"{words.word(a.inspection.result, lang)} {a.inspection.note}".strip()


Sheet = tuple[str, list[str], list[list[Any]]]

HEADERS = {
    "summary": (N_("Category"), N_("Rank"), N_("Tied"), N_("Applicant id"), N_("Applicant"), N_("Rubric"),
                N_("Variant"), N_("Experts scored"), N_("Recused"), N_("Consensus total"), N_("Recommend"),
                N_("Do not recommend"), N_("Priority conditions met"), N_("Status"), N_("Field inspection"),
                N_("Flags")),
    "detail": (N_("Applicant id"), N_("Applicant"), N_("Section"), N_("Criterion id"), N_("Criterion"),
               N_("Maximum"), N_("Consensus")),
    "totals": (N_("Applicant id"), N_("Applicant"), N_("Category"), N_("Consensus total")),
    "flags": (N_("Applicant id"), N_("Applicant"), N_("Kind"), N_("Expert"), N_("Criterion id"), N_("Detail")),
    "ineligible": (N_("Applicant id"), N_("Applicant"), N_("Category"), N_("Status"), N_("Reasons")),
    "candidates": (N_("Category"), N_("Quota"), N_("No."), N_("Applicant id"), N_("Applicant"), N_("Rank"),
                   N_("Consensus total"), N_("Field inspection")),
}


def sheets(result: Result, *, lang: str = "zh_CN") -> list[Sheet]:
    """(sheet name, header, rows) for each sheet; scores stay Decimals."""
    cols = [f"{e.id} {e.name}" for e in result.merged_experts]

    def sheet(name: str, key: str, rows: list[list[Any]], *, per_expert: bool = False) -> Sheet:
        return tr(name, lang=lang), [tr(h, lang=lang) for h in HEADERS[key]] + (cols if per_expert else []), rows

    return [
        sheet(N_("Summary and ranking"), "summary", _summary(result, lang)),
        sheet(N_("Scoring detail"), "detail", _detail(result), per_expert=True),
        sheet(N_("Expert totals"), "totals", _totals(result, lang), per_expert=True),
        sheet(N_("Flags"), "flags", _flags(result, lang)),
        sheet(N_("Ineligible"), "ineligible", _ineligible(result, lang)),
        sheet(N_("Candidate list"), "candidates", _candidates(result, lang)),
    ]


def _summary(result: Result, lang: str) -> list[list[Any]]:
    order = {c.name: k for k, c in enumerate(result.categories)}
    return [[a.category, a.rank, words.yes_no(a.tied, lang) if a.rank is not None else "", a.id, a.name,
             a.rubric_id, a.variant, len(a.experts_scored), ", ".join(a.recused), a.total,
             a.recommendations["yes"], a.recommendations["no"], ", ".join(a.priority_met),
             words.word(a.status, lang), _inspection(a, lang), len(a.flags)]
            for a in sorted(result.applicants, key=lambda a: (order.get(a.category, 99), a.rank is None, a.rank or 0))]


def _detail(result: Result) -> list[list[Any]]:
    """One row per criterion of every applicant with points: its section, maximum, consensus, each expert's."""
    rows = []
    for a in result.applicants:
        if not a.has_points:
            continue
        section = ""
        for p in a.parts:
            if p.kind == "section":
                section = p.text
            elif p.kind == "criterion":
                rows.append([a.id, a.name, section, p.id, p.text, p.max, a.criteria.get(p.id)]
                            + [_criterion(a, e.id, p.id) for e in result.merged_experts])
    return rows


def _totals(result: Result, lang: str) -> list[list[Any]]:
    experts = result.merged_experts
    rows = [[a.id, a.name, a.category, a.total] + [a.expert_totals.get(e.id) for e in experts]
            for a in result.applicants if a.has_points]
    rows.append(["", tr("leniency (mean of expert total − consensus)", lang=lang), "", None]
                + [result.leniency.get(e.id) for e in experts])
    return rows


def _flags(result: Result, lang: str) -> list[list[Any]]:
    return [[a.id, a.name, words.word(f.kind, lang),
             f"{f.expert_id} {result.expert_name(f.expert_id)}" if f.expert_id else "", f.criterion_id or "",
             f.sentence.text(lang)] for a in result.applicants for f in a.flags]


def _ineligible(result: Result, lang: str) -> list[list[Any]]:
    rows = []
    for a in result.applicants:
        if a.status in (words.INELIGIBLE, words.INSUFFICIENT_EXPERTS):
            reasons = a.ineligible or [f.sentence for f in a.flags if f.kind == words.INSUFFICIENT_EXPERTS]
            rows.append([a.id, a.name, a.category, words.word(a.status, lang), "\n".join(r.text(lang) for r in reasons)])
    return rows


def _candidates(result: Result, lang: str) -> list[list[Any]]:
    """Each category's candidates in order, then who awaits inspection and who is tied at the boundary."""
    rows = []
    for c in result.categories:
        for k, aid in enumerate(c.candidates, 1):
            a = result.applicant(aid)
            rows.append([c.name, c.quota, k, a.id, a.name, a.rank, a.total, _inspection(a, lang)])
        for ids, note in ((c.awaiting, N_("awaiting field inspection")),
                          (c.boundary_tie, N_("tied at the quota boundary: the panel decides"))):
            for aid in ids:
                a = result.applicant(aid)
                rows.append([c.name, c.quota, None, a.id, a.name, a.rank, a.total, tr(note, lang=lang)])
    return rows


def _criterion(a: ApplicantResult, expert_id: str, criterion_id: str) -> Decimal | None:
    s = a.scores.get(expert_id)
    return None if s is None or s.recused is not None else s.criteria.get(criterion_id)


def _width(value: Any) -> int:
    text = "" if value is None else str(value)
    longest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.splitlines() or [""]),
                  default=0)
    return longest


def _replace_into(path: Path, write) -> Path:
    """Write a whole export through app.files; SheetError naming the file if it cannot be written."""
    try:
        return files.replace_into(path, write)
    except OSError as exc:
        raise SheetError("could not write {file}: {reason}", file=str(path), reason=exc.strerror or str(exc)) from None


def write_xlsx(result: Result, path: Path | str, *, lang: str = "zh_CN") -> Path:
    """The result as an Excel workbook at `path` (written whole); the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    fmt = "0." + "0" * result.decimals if result.decimals > 0 else "0"
    wb = Workbook()
    wb.remove(wb.active)
    for name, header, rows in sheets(result, lang=lang):
        ws = wb.create_sheet(title=name[:31])
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for row in rows:
            ws.append(row)
        widths = [_width(h) for h in header]
        for row in ws.iter_rows(min_row=2):
            for k, cell in enumerate(row):
                if isinstance(cell.value, Decimal):
                    cell.number_format = fmt
                    widths[k] = max(widths[k], 8)
                else:
                    widths[k] = max(widths[k], _width(cell.value))
                    if isinstance(cell.value, str) and "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        for k, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(k)].width = min(max(w + 2, 6), 60)
        ws.freeze_panes = "A2"
    return _replace_into(Path(path), lambda tmp: wb.save(tmp))


def write_csv(result: Result, folder: Path | str, *, lang: str = "zh_CN") -> list[Path]:
    """One CSV (UTF-8 with BOM, for Excel) per sheet in `folder`; the paths."""
    folder = Path(folder)
    out = []
    for name, header, rows in sheets(result, lang=lang):
        def write(tmp: Path, header=header, rows=rows) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(header)
                for row in rows:
                    w.writerow(["" if v is None else _cell(v, result.decimals) for v in row])
        out.append(_replace_into(folder / f"{name}.csv", write))
    return out


def _cell(value: Any, decimals: int) -> str:
    if isinstance(value, Decimal):
        return score_text(value, decimals) or ""
    return str(value)
