"""The offline form: an expert's scores as a table, for paper or Excel and back.

One row per thing an expert answers for every applicant, with the columns
`applicant_id, applicant_name, item_id, item_kind, section, text, max,
allowed, value, comment`. `template` writes it blank, `export_form` filled
from a score file, `import_form` fills a score file from it, all or nothing.
"""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from app import cells, tables
from app import rubric as rubric_mod
from app.files import write_atomic
from app.errors import PanelReviewError, ScoreError, TableError
from app.i18n import tr
from app.scorefile import NEGATIVE, POSITIVE, ScoreFile, default_path

COLUMNS = ("applicant_id", "applicant_name", "item_id", "item_kind", "section", "text", "max", "allowed", "value",
           "comment")
KINDS = ("recusal", "condition", "gate", "criterion", "check", "recommendation", "opinion")
RECUSAL, RECOMMENDATION, OPINION = "recusal", "recommendation", "opinion"


@dataclass(frozen=True)
class Row:
    applicant_id: str
    applicant_name: str
    item_id: str
    item_kind: str
    section: str
    text: str
    max: str
    allowed: str
    value: str = ""
    comment: str = ""

    def cells(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


def comment_target(item: rubric_mod.ScoreItem) -> str:
    """Comments belong to a criterion (a checklist's items share one), or to the condition or gate."""
    return item.criterion if item.kind == "check" and item.criterion else item.id


def form_rows(applicants: Iterable[Any], applied: Callable[[str], rubric_mod.Applied],
              scores: ScoreFile | None = None) -> list[Row]:
    """The form's rows in document order; filled from `scores` when given."""
    rows: list[Row] = []
    for a in applicants:
        ap = applied(a.id)
        sections = {s.id: f"{s.no} {s.title}".strip() for s in ap.sections}
        recused = scores.recusal(a.id) if scores else None
        conflict = scores.conflict_declared(a.id) if scores else None
        answers = scores.answers(a.id) if scores else {}
        levels = scores.levels(a.id) if scores else {}
        comments = scores.comments(a.id) if scores else {}
        rows.append(Row(a.id, a.name, RECUSAL, "recusal", "", tr("Recusal (conflict of interest): yes or no; "
                                                                   "the reason goes in comment"),
                        "", "yes,no", {True: "yes", False: "no"}.get(conflict, ""), recused or ""))
        commented: set[str] = set()
        for item in ap.items():
            kind = "condition" if item.kind == "priority" else item.kind
            target = comment_target(item)
            comment = "" if target in commented else comments.get(target, "")
            commented.add(target)
            rows.append(Row(
                a.id, a.name, item.id, kind, sections.get(item.section or "", ""),
                _item_text(item), rubric_mod.fmt(item.max) if item.max is not None else "",
                _allowed(item) if item.takes_points else "yes,no",
                NONE_WORD if levels.get(item.id) == rubric_mod.NONE_LEVEL else answers.get(item.id, ""), comment,
            ))
        rec = ap.rubric.recommendation
        decision, opinion = scores.recommendation(a.id) if scores else (None, "")
        word = {POSITIVE: rec.positive, NEGATIVE: rec.negative}.get(decision or "", "")
        rows.append(Row(a.id, a.name, RECOMMENDATION, "recommendation", "", tr("Overall recommendation"), "",
                        f"{rec.positive},{rec.negative}", word, ""))
        rows.append(Row(a.id, a.name, OPINION, "opinion", "", tr("Opinion (free text)"), "", "", opinion, ""))
    return rows


# "meets none of the levels" as the form writes it, and every way it is read back
NONE_WORD = "无符合档次"
NONE_WORDS = {NONE_WORD, "none", "none of the levels", "无", "均不符合"}


def _allowed(item: rubric_mod.ScoreItem) -> str:
    return str(item.allowed) + (f",{NONE_WORD}" if item.none_allowed else "")


def _item_text(item: rubric_mod.ScoreItem) -> str:
    if item.kind == "check" and item.levels:
        return item.text + " " + " ".join(lv.text for lv in item.levels)
    if item.kind == "criterion" and item.levels:
        return item.text + " " + " ".join(lv.text for lv in item.levels)
    return item.text


# --------------------------------------------------------------------------- writing


def write_rows(rows: list[Row], to: Path) -> Path:
    """Write the form as CSV (UTF-8 with BOM, which Excel on Chinese Windows reads) or XLSX, atomically."""
    to = Path(to)
    suffix = to.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise TableError("{file}: the form must be a .csv or .xlsx file", file=str(to))
    if suffix == ".csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow(cells.csv_row(r.cells()))
        data = ("\ufeff" + buf.getvalue()).encode("utf-8")
    else:
        data = _xlsx_bytes(rows)
    write_atomic(to, data)
    return to


def _xlsx_bytes(rows: list[Row]) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "form"
    for n, values in enumerate([list(COLUMNS)] + [r.cells() for r in rows], start=1):
        for k, value in enumerate(values, start=1):
            cells.put(ws, n, k, value)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for cell in ws[1]:
        cell.font = bold
    widths = {"A": 10, "B": 24, "C": 10, "D": 12, "E": 14, "F": 60, "G": 6, "H": 16, "I": 12, "J": 40}
    for col, w in widths.items():
        ws.column_dimensions[col].width = w
    wrap = Alignment(wrap_text=True, vertical="top")
    yes_no = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
    ws.add_data_validation(yes_no)
    for n, r in enumerate(rows, start=2):
        ws.cell(n, 6).alignment = wrap
        ws.cell(n, 9).fill = fill
        if r.allowed == "yes,no":
            yes_no.add(ws.cell(n, 9))
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template(session: Any, expert_id: str, to: Path) -> Path:
    """A blank form for `expert_id` (checked against the roster)."""
    session.expert(expert_id)
    return write_rows(form_rows(session.applicants, session.applied), to)


def export_form(scores: ScoreFile, to: Path) -> Path:
    """The score file's values as a form (a round trip through import changes nothing)."""
    return write_rows(form_rows(scores.applicants, scores.applied, scores), to)


# --------------------------------------------------------------------------- reading


def read_rows(path: Path) -> tuple[tables.Table, list[tuple[int, dict[str, str]]]]:
    table = tables.read_table(path)
    keys = [tables.header_key(h) for h in table.header]
    missing = [c for c in COLUMNS if c not in keys]
    if missing:
        raise TableError("{file}: row {row}: missing columns {columns}", file=table.file, row=table.header_row,
                         columns=", ".join(missing))
    index = {c: keys.index(c) for c in COLUMNS}
    unquote = cells.from_csv if table.kind == "csv" else (lambda text: text)
    out = []
    for n, row in table.rows:
        out.append((n, {c: unquote((row[i] if i < len(row) else "").strip()) for c, i in index.items()}))
    return table, out


def import_form(session: Any, expert_id: str, source: Path, *, out: Path | None = None) -> Path:
    """Fill (or update) the expert's score file from a filled form, all or nothing; returns its path.

    One bad row rejects the whole import; the error's `problems` name every bad row.
    """
    table, rows = read_rows(source)
    target = Path(out) if out else default_path(session.path, expert_id)
    created = not target.exists()
    scores = ScoreFile.create(target, session, expert_id) if created else ScoreFile.open(target)
    try:
        if scores.session_id != session.id:
            raise ScoreError("{file} belongs to another session", file=str(target))
        if scores.expert_id != expert_id:
            raise ScoreError("{file} is expert {other}'s score file, not {expert}'s", file=str(target),
                             other=scores.expert_id, expert=expert_id)
        problems = _apply(scores, table, rows)
        if problems:
            raise TableError("{file}: {count} rows are wrong; nothing was imported", file=table.file,
                             count=len(problems)).having(problems)
    except BaseException:
        scores.close()
        if created:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    scores.close()
    return target


class _Rejected(Exception):
    """Ends the import's transaction so that nothing of it stays."""


def _apply(scores: ScoreFile, table: tables.Table, rows: list[tuple[int, dict[str, str]]]) -> list[PanelReviewError]:
    problems: list[PanelReviewError] = []
    col = {c: tables.column_letter(i) for i, c in enumerate(COLUMNS)}

    def bad(n: int, column: str, exc: PanelReviewError | str, **fields: Any) -> None:
        reason = str(exc) if isinstance(exc, PanelReviewError) else tr(exc).format(**fields)
        problems.append(PanelReviewError("{file}: row {row}, column {column}: {reason}", file=table.file, row=n,
                                         column=f"{col[column]} ({column})", reason=reason))

    known = {a.id for a in scores.applicants}
    comments: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (applicant, target) → [(row, text)]
    first_row: dict[tuple[str, str], int] = {}
    try:
        with scores.batch():
            by_applicant: dict[str, list[tuple[int, dict[str, str]]]] = {}
            for n, r in rows:
                if r["applicant_id"] not in known:
                    bad(n, "applicant_id", "no applicant {id} in this session", id=r["applicant_id"])
                    continue
                if r["item_kind"] not in KINDS:
                    bad(n, "item_kind", "unknown kind {kind!r}", kind=r["item_kind"])
                    continue
                key = (r["applicant_id"], r["item_id"])
                if key in first_row:
                    bad(n, "item_id", "{item} of {applicant} is also in row {first}: keep one of the two rows",
                        item=r["item_id"], applicant=r["applicant_id"], first=first_row[key])
                    continue
                first_row[key] = n
                by_applicant.setdefault(r["applicant_id"], []).append((n, r))
            for aid, arows in by_applicant.items():
                _apply_applicant(scores, aid, arows, bad, comments)
            for (aid, target), texts in comments.items():
                if scores.recusal(aid) is None:
                    try:
                        scores.set_comment(aid, target, "\n".join(t for _, t in texts if t))
                    except PanelReviewError as exc:
                        bad(next((n for n, t in texts if t), texts[0][0]), "comment", exc)
            if problems:
                raise _Rejected()
    except _Rejected:
        pass
    return problems


def _apply_applicant(scores: ScoreFile, aid: str, rows: list[tuple[int, dict[str, str]]], bad,
                     comments: dict[tuple[str, str], list[tuple[int, str]]]) -> None:
    items = scores.items(aid)
    recusal_rows = [(n, r) for n, r in rows if r["item_kind"] == "recusal"]
    for n, r in recusal_rows:
        try:
            if not r["value"]:
                scores.clear_conflict_declaration(aid)  # unanswered (a recusal needs "no" to be withdrawn)
            elif scores_yes(r["value"], r["item_id"]):
                scores.recuse(aid, r["comment"])
            else:
                scores.declare_no_conflict(aid)
        except PanelReviewError as exc:
            bad(n, "value" if r["value"] and r["comment"] else "comment", exc)
    recused = scores.recusal(aid) is not None
    decision: tuple[int, str] | None = None
    opinion: tuple[int, str] | None = None
    for n, r in rows:
        kind, iid, value = r["item_kind"], r["item_id"], r["value"]
        if kind == "recusal":
            continue
        if recused:
            if value or r["comment"]:
                bad(n, "value", "this applicant is recused, so nothing may be filled in for it")
            continue
        if kind == "recommendation":
            decision = (n, value)
            continue
        if kind == "opinion":
            opinion = (n, value)
            continue
        item = items.get(iid)
        try:
            if item is None:
                scores._item(aid, iid)  # raises the sentence saying why
            expected = "condition" if item.kind == "priority" else item.kind
            if expected != kind:
                bad(n, "item_kind", "{item} is a {expected}, not a {kind}", item=iid, expected=expected, kind=kind)
                continue
            if not value:
                scores.clear(aid, iid)
            elif item.takes_points and value.strip().lower() in NONE_WORDS:
                scores.set_points(aid, iid, 0, level=rubric_mod.NONE_LEVEL)
            elif item.takes_points:
                scores.set_points(aid, iid, value)
            else:
                scores.set_answer(aid, iid, value)
        except PanelReviewError as exc:
            bad(n, "value" if item is not None else "item_id", exc)
            continue
        comments.setdefault((aid, comment_target(item)), []).append((n, r["comment"]))
    if recused:
        return
    # the decision and the opinion each on its own row: a refusal names the row it is about
    for given, word, text in ((decision, decision and decision[1], None), (opinion, None, opinion and opinion[1])):
        if given is None or (text is None and not word):  # a blank decision keeps the one saved
            continue
        try:
            scores.set_recommendation(aid, word or None, text)
        except PanelReviewError as exc:
            bad(given[0], "value", exc)


def scores_yes(value: str, item: str) -> bool:
    from app.scorefile import YES, parse_yes_no
    return parse_yes_no(value, item=item) == YES
