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

from app import cells, files
from app.errors import SheetError
from app.i18n import tr
from app import vocabulary as words
from app.vocabulary import N_
from app.result import ApplicantResult, Result, score_text


def _inspection(a: ApplicantResult, lang: str) -> list[str]:
    """The field inspection's result and its note, each in a cell of its own."""
    if a.inspection is None:
        return ["", ""]
    return [words.word(a.inspection.result, lang), a.inspection.note]


def _experts(result: Result, ids: list[str]) -> str:
    """Experts as the per-expert columns name them: "E03 李专家"."""
    return ", ".join(f"{e} {result.expert_name(e)}".strip() for e in ids)


Sheet = tuple[str, list[str], list[list[Any]]]

HEADERS = {
    "summary": (N_("Category"), N_("Rank"), N_("Tied"), N_("Applicant id"), N_("Applicant"), N_("Rubric"),
                N_("Variant"), N_("Experts scored"), N_("Recused"), N_("Consensus total"), N_("Recommend"),
                N_("Do not recommend"), N_("Priority conditions met"), N_("Status"), N_("Field inspection"),
                N_("Inspection note"), N_("Flags")),
    "detail": (N_("Applicant id"), N_("Applicant"), N_("Section"), N_("Criterion id"), N_("Criterion"),
               N_("Maximum"), N_("Consensus")),
    "totals": (N_("Applicant id"), N_("Applicant"), N_("Category"), N_("Consensus total")),
    "flags": (N_("Applicant id"), N_("Applicant"), N_("Kind"), N_("Expert"), N_("Criterion id"), N_("Detail")),
    "ineligible": (N_("Applicant id"), N_("Applicant"), N_("Category"), N_("Status"), N_("Reasons")),
    "candidates": (N_("Category"), N_("Quota"), N_("No."), N_("Applicant id"), N_("Applicant"), N_("Rank"),
                   N_("Consensus total"), N_("Field inspection"), N_("Note")),
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
             result.rubric_title(a.rubric_id), a.variant, len(a.experts_scored), _experts(result, a.recused), a.total,
             a.recommendations["yes"], a.recommendations["no"], ", ".join(a.priority_met),
             words.word(a.status, lang), *_inspection(a, lang), len(a.flags)]
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
             _experts(result, [f.expert_id]) if f.expert_id else "", f.criterion_id or "",
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
            rows.append([c.name, c.quota, k, a.id, a.name, a.rank, a.total, *_inspection(a, lang)])
        for ids, note in ((c.awaiting, N_("awaiting field inspection")),
                          (c.boundary_tie, N_("tied at the quota boundary: the panel decides"))):
            for aid in ids:
                a = result.applicant(aid)
                rows.append([c.name, c.quota, None, a.id, a.name, a.rank, a.total, "", tr(note, lang=lang)])
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


HEADER_WIDTH = 10  # characters of a header that make its column wider (a Chinese character counts two)


def title_line(result: Result, sheet: str) -> str:
    """The line above a sheet's header: the session's title and date, and the sheet's name."""
    return " ".join(t for t in (result.title, result.date, sheet) if t)


def write_xlsx(result: Result, path: Path | str, *, lang: str = "zh_CN") -> Path:
    """The result as an Excel workbook at `path` (written whole); the path.

    Each sheet: a title row, the header (bold, frozen with the title, with
    an autofilter), the rows; scores are numbers with the session's decimals;
    it prints landscape on A4, one page wide, the title and header on every page.
    Every cell goes through app.cells, so no text becomes a formula.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    fmt = "0." + "0" * result.decimals if result.decimals > 0 else "0"
    wb = Workbook()
    wb.remove(wb.active)
    top = Alignment(vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, header, rows in sheets(result, lang=lang):
        ws = wb.create_sheet(title=name[:31])
        last = get_column_letter(len(header))
        cells.put(ws, 1, 1, title_line(result, name)).font = Font(bold=True, size=14)
        ws.merge_cells(f"A1:{last}1")
        for k, head in enumerate(header, 1):
            cell = cells.put(ws, 2, k, head)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        widths = [min(_width(h), HEADER_WIDTH) for h in header]  # a longer header wraps over two lines
        for n, row in enumerate(rows, 3):
            for k, value in enumerate(row):
                cell = cells.put(ws, n, k + 1, value)
                if isinstance(value, Decimal):
                    cell.number_format = fmt
                    widths[k] = max(widths[k], 8)
                else:
                    widths[k] = max(widths[k], _width(value))
                    cell.alignment = wrap if isinstance(value, str) and "\n" in value else top
        for k, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(k)].width = min(max(w + 2, 6), 60)
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = f"A2:{last}{max(2, len(rows) + 2)}"
        ws.print_title_rows = "1:2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = tr("Page &P of &N", lang=lang)
    return _replace_into(Path(path), lambda tmp: wb.save(tmp))


def write_csv(result: Result, folder: Path | str, *, lang: str = "zh_CN") -> list[Path]:
    """One CSV (UTF-8 with BOM, for Excel) per sheet in `folder`, header first; the paths.

    Text that a spreadsheet would read as a formula gets an apostrophe in
    front (app.cells); scores are written with the session's decimals.
    """
    folder = Path(folder)
    out = []

    def number(value: Any) -> str:
        return (score_text(value, result.decimals) or "") if isinstance(value, Decimal) else str(value)

    for name, header, rows in sheets(result, lang=lang):
        def write(tmp: Path, header=header, rows=rows) -> None:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(cells.csv_row(header))
                for row in rows:
                    w.writerow(cells.csv_row(row, number))
        out.append(_replace_into(folder / f"{name}.csv", write))
    return out
