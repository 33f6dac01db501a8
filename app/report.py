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
from app.merge import Result


def _status(status: str, lang: str) -> str:
    words = {"candidate": tr("candidate", lang=lang), "ranked": tr("ranked", lang=lang),
             "ineligible": tr("ineligible", lang=lang),
             "insufficient_experts": tr("insufficient experts", lang=lang)}
    return words.get(status, status)


def _inspection(a: Any, lang: str) -> str:
    if a.inspection is None:
        return ""
    word = tr("passed", lang=lang) if a.inspection.result == "passed" else tr("failed", lang=lang)
    return f"{word} {a.inspection.note}".strip()


def sheets(result: Result, *, lang: str = "zh_CN") -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, header, rows) for each sheet; scores stay Decimals."""
    yes_no = lambda b: tr("yes", lang=lang) if b else tr("no", lang=lang)  # noqa: E731
    kinds = {"outlier_total": tr("outlying total", lang=lang), "criterion_spread": tr("criterion spread", lang=lang),
             "insufficient_experts": tr("insufficient experts", lang=lang)}
    experts = [e for e in result.experts if e["merged"]]
    names = {e["id"]: e["name"] for e in result.experts}

    summary = []
    order = {c["name"]: k for k, c in enumerate(result.categories)}
    for a in sorted(result.applicants, key=lambda a: (order.get(a.category, 99), a.rank is None, a.rank or 0)):
        summary.append([a.category, a.rank, yes_no(a.tied) if a.rank is not None else "", a.id, a.name, a.rubric_id,
                        a.variant, len(a.experts_scored), ", ".join(a.recused), a.total, a.recommendations["yes"],
                        a.recommendations["no"], ", ".join(a.priority_met), _status(a.status, lang),
                        _inspection(a, lang), len(a.flags)])

    detail_rows = []
    from app.merge import _open, _points  # the drill-down data lives only in the file

    per_expert: dict[tuple[str, str, str], Decimal] = {}
    parts: list[dict] = []
    if result.path:
        db = _open(Path(result.path))
        try:
            for r in db.query("select applicant_id, expert_id, criteria from expert_applicants "
                              "where criteria is not null"):
                for cid, pts in _points(r["criteria"]).items():
                    per_expert[(r["applicant_id"], r["expert_id"], cid)] = pts
            parts = list(db.query("select * from parts where kind in ('section', 'criterion') "
                                  "order by applicant_id, position"))
        finally:
            db.close()
    by_app: dict[str, list[dict]] = {}
    for p in parts:
        by_app.setdefault(p["applicant_id"], []).append(p)
    for a in result.applicants:
        if not a.has_points:
            continue
        section = ""
        for p in by_app.get(a.id, []):
            if p["kind"] == "section":
                section = p["text"]
                continue
            detail_rows.append([a.id, a.name, section, p["id"], p["text"], Decimal(p["max"]), a.criteria.get(p["id"])]
                               + [per_expert.get((a.id, e["id"], p["id"])) for e in experts])

    totals = []
    for a in result.applicants:
        if a.has_points:
            totals.append([a.id, a.name, a.category, a.total] + [a.expert_totals.get(e["id"]) for e in experts])
    totals.append(["", tr("leniency (mean of expert total − consensus)", lang=lang), "", None]
                  + [result.leniency.get(e["id"]) for e in experts])

    flags = []
    for a in result.applicants:
        for f in a.flags:
            flags.append([a.id, a.name, kinds.get(f.kind, f.kind),
                          f"{f.expert_id} {names.get(f.expert_id, '')}".strip() if f.expert_id else "",
                          f.criterion_id or "", f.detail])

    ineligible = []
    for a in result.applicants:
        if a.status in ("ineligible", "insufficient_experts"):
            reasons = a.ineligible_reasons or [f.detail for f in a.flags if f.kind == "insufficient_experts"]
            ineligible.append([a.id, a.name, a.category, _status(a.status, lang), "\n".join(reasons)])

    candidates = []
    for c in result.categories:
        for k, aid in enumerate(c["candidates"], 1):
            a = result.applicant(aid)
            candidates.append([c["name"], c["quota"], k, a.id, a.name, a.rank, a.total, _inspection(a, lang)])
        for aid in c["awaiting"]:
            a = result.applicant(aid)
            candidates.append([c["name"], c["quota"], None, a.id, a.name, a.rank, a.total,
                               tr("awaiting field inspection", lang=lang)])
        for aid in c["boundary_tie"]:
            a = result.applicant(aid)
            candidates.append([c["name"], c["quota"], None, a.id, a.name, a.rank, a.total,
                               tr("tied at the quota boundary: the panel decides", lang=lang)])

    expert_cols = [f"{e['id']} {e['name']}" for e in experts]
    return [
        (tr("Summary and ranking", lang=lang),
         [tr("Category", lang=lang), tr("Rank", lang=lang), tr("Tied", lang=lang), tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Rubric", lang=lang), tr("Variant", lang=lang),
          tr("Experts scored", lang=lang), tr("Recused", lang=lang), tr("Consensus total", lang=lang), tr("Recommend", lang=lang), tr("Do not recommend", lang=lang),
          tr("Priority conditions met", lang=lang), tr("Status", lang=lang), tr("Field inspection", lang=lang), tr("Flags", lang=lang)], summary),
        (tr("Scoring detail", lang=lang),
         [tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Section", lang=lang), tr("Criterion id", lang=lang), tr("Criterion", lang=lang), tr("Maximum", lang=lang),
          tr("Consensus", lang=lang)] + expert_cols, detail_rows),
        (tr("Expert totals", lang=lang), [tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Category", lang=lang), tr("Consensus total", lang=lang)] + expert_cols,
         totals),
        (tr("Flags", lang=lang), [tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Kind", lang=lang), tr("Expert", lang=lang), tr("Criterion id", lang=lang), tr("Detail", lang=lang)],
         flags),
        (tr("Ineligible", lang=lang), [tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Category", lang=lang), tr("Status", lang=lang), tr("Reasons", lang=lang)], ineligible),
        (tr("Candidate list", lang=lang), [tr("Category", lang=lang), tr("Quota", lang=lang), tr("No.", lang=lang), tr("Applicant id", lang=lang), tr("Applicant", lang=lang), tr("Rank", lang=lang),
                               tr("Consensus total", lang=lang), tr("Field inspection", lang=lang)], candidates),
    ]


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
        from app.merge import score_text

        return score_text(value, decimals) or ""
    return str(value)
