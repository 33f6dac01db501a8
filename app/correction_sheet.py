"""The 通知补正材料 (notice to supply materials again) for one applicant, from the intake check's findings.

000 五（二）: "申报材料不齐全或者不符合法定形式的，通知补正材料。" The notice lists, per material, what is
wrong (file and page) and what to hand in again, quotes the sentence each finding breaks, and prints the
check's limits, since no document gives numbers for 清晰明辨 or 不歪斜. Findings the secretary accepted
are left out; notes about checks not made are not the applicant's to remedy and are left out too.
Written as PDF/A-2b (app/archive.py), as every paper of the session is.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

from app import archive, files, fonts
from app.acceptance import Finding, Limits
from app.errors import SheetError
from app.i18n import tr
from app.vocabulary import N_

TITLE = N_("Notice to supply materials again")  # 通知补正材料


def build(session, applicant_id: str, findings: list[Finding], limits: Limits, *, lang: str = "zh_CN",
          date: str | None = None) -> bytes:
    """The notice as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = fonts.register_reportlab()
    base = ParagraphStyle("base", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4 * mm)
    cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=13)
    head = ParagraphStyle("head", parent=cell, alignment=TA_CENTER)
    note = ParagraphStyle("note", parent=base, fontSize=8.5, leading=12, textColor=colors.HexColor("#555555"))
    right = ParagraphStyle("right", parent=base, alignment=TA_RIGHT)
    p = lambda text, style=cell: Paragraph(escape(str(text)), style)  # noqa: E731

    a = session.applicant(applicant_id)
    todo = [f for f in findings if f.applicant_id == applicant_id and f.counts]
    story = [Paragraph(escape(tr(TITLE, lang=lang)), title),
             p(tr("To: {name}", lang=lang).format(name=a.name), base),
             p(session.title, base), Spacer(1, 3 * mm)]
    if todo:
        story.append(p(tr("The materials you handed in are incomplete or not in the required form. Please hand in "
                         "again what is listed below:", lang=lang), base))
    else:
        story.append(p(tr("Nothing needs to be handed in again.", lang=lang), base))
    story.append(Spacer(1, 3 * mm))
    if todo:
        rows = [[p(tr("No.", lang=lang), head), p(tr("Material", lang=lang), head), p(tr("File and page", lang=lang), head),
                 p(tr("What is wrong", lang=lang), head), p(tr("Please", lang=lang), head)]]
        for k, f in enumerate(todo, start=1):
            where = f.file or "—"
            if f.page:
                where = tr("{file}, page {page}", lang=lang).format(file=where, page=f.page)
            rows.append([p(str(k)), p(f.material or "—"), p(where), p(f.text(lang, with_file=False)),
                         p(f.remedy.text(lang))])
        table = Table(rows, colWidths=[12 * mm, 36 * mm, 42 * mm, 50 * mm, 40 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story.append(table)
        quoted: dict[str, str] = {}
        for f in todo:
            if f.rule and f.rule not in quoted:
                quoted[f.rule] = f.document
        if quoted:
            story.append(Spacer(1, 4 * mm))
            story.append(p(tr("The requirements these come from:", lang=lang), base))
            for rule, where in quoted.items():
                story.append(p(f"{where}：“{rule}”" if where else f"“{rule}”", note))
        story.append(Spacer(1, 2 * mm))
        story.append(p(limits.text().text(lang), note))
    story += [Spacer(1, 14 * mm), p(tr("(seal of the accepting office)", lang=lang), right),
              p(date or dt.date.today().isoformat(), right)]

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"{tr(TITLE, lang=lang)} {a.name}", author="PanelReview")
    doc.build(story)
    return archive.pdfa_bytes(buf.getvalue(), name=f"{applicant_id}.pdf")  # kept with the session's papers


def write(session, applicant_id: str, findings: list[Finding], limits: Limits, out: Path, **kw) -> Path:
    data = build(session, applicant_id, findings, limits, **kw)
    try:
        return files.write_atomic(Path(out), data)
    except OSError as exc:
        raise SheetError("cannot write {file}: {reason}", file=str(out), reason=exc.strerror or str(exc)) from None


def write_all(session, report, out_dir: Path, **kw) -> list[Path]:
    """One notice per applicant that has something to hand in again, named <applicant id>.pdf."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for aid in report.applicants:
        if any(f.counts for f in report.of(aid)):
            written.append(write(session, aid, report.findings, report.limits, out_dir / f"{aid}.pdf", **kw))
    return written
