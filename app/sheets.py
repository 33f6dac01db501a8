"""Signed sheets as PDF: the expert opinion sheet, the expert score sheet, the panel summary, the candidate list.

Official documents in Chinese, A4, laid out with reportlab platypus in the one
bundled font (embedded as a subset). Opinion and score sheets come only from a
submitted score file whose fingerprint still verifies; the fingerprint is
printed on every page and as a QR code, so a paper sheet can be matched to its
file with `panelreview scores verify`. The panel summary and the candidate list
are built from the secretary's merged result (app.result.Result).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterable, Sequence
from xml.sax.saxutils import escape

from app import archive, files, fonts
from app import rubric as rubric_mod
from app.errors import SheetError
from app import vocabulary as words
from app.result import ApplicantResult, Category, FileStatus, Flag, Inspection, PanelMember, Result, score_text
from app.scorefile import ScoreFile
from app.vocabulary import NEGATIVE, NO, POSITIVE, YES

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
LEFT, RIGHT, TOP, BOTTOM = 25 * MM, 20 * MM, 22 * MM, 22 * MM  # 25 mm on the left for binding
GRID = 0.5
HEADER_GREY = "#e6e6e6"
BAND_GREY = "#f3f3f3"
FAINT = "#555555"

OPINION = "专家评审意见书"
SCORE_SHEET = "专家评分表"
SUMMARY = "评审汇总表"
CANDIDATES = "候选名单"

METHOD_NAMES = {
    "mean": "平均值",
    "trimmed_mean": "去掉一个最高分和一个最低分后的平均值",
    "trimmed": "去掉一个最高分和一个最低分后的平均值",
    "median": "中位数",
}
NUMERALS = "〇一二三四五六七八九十"


# --------------------------------------------------------------------------- small helpers


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (headings)."""
    if n <= 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n % 10] if n % 10 else "")
    if n < 100:
        return NUMERALS[n // 10] + "十" + (NUMERALS[n % 10] if n % 10 else "")
    return str(n)


def cn_date(value: Any) -> str:
    """"2024-07-24" (or a date/datetime, or an ISO timestamp) → "2024年7月24日"; blank → a date to fill in."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value or ""))
    if not m:
        return "　　　　年　　月　　日"
    return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日"


def points(value: Decimal | int | None, decimals: int | None = None) -> str:
    """Points as a person writes them (15, 12.5); at most two decimals for a consensus.

    With `decimals` (a rubric's own precision, `precision()`), every figure of a table has that many, so a
    column never mixes 12 with 12.5 (docs/rules.md sets the consensus's decimals only).
    """
    if value is None:
        return "—"
    d = Decimal(value)
    if decimals is not None:
        return str(d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    if d != d.quantize(Decimal("0.01")):
        d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return rubric_mod.fmt(d)


def _places(value: Decimal | int | None) -> int:
    """Decimal places `value` needs (12 → 0, 12.5 → 1, 12.25 → 2)."""
    if value is None:
        return 0
    return max(0, -Decimal(value).normalize().as_tuple().exponent)


def precision(applied: rubric_mod.Applied) -> int:
    """The decimals a rubric's points are written with: its finest step or maximum (1 → 0, 0.5 → 1)."""
    return max((_places(v) for i in applied.items() if i.takes_points and i.allowed is not None
                for v in (i.allowed.step, i.allowed.max)), default=0)


def write_atomic(path: Path, data: bytes) -> Path:
    """Write a sheet whole (a reader never sees half a PDF); SheetError naming the file if it cannot be."""
    try:
        return files.write_atomic(path, data)
    except OSError as exc:
        raise SheetError("cannot write {file}: {reason}", file=str(path), reason=exc.strerror or str(exc)) from None


# --------------------------------------------------------------------------- styles and page furniture


@lru_cache(maxsize=1)
def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab import rl_config
    from reportlab.lib.styles import ParagraphStyle

    font = fonts.register_reportlab()
    # Binary streams, not ASCII85: a quarter smaller, and nobody mails these PDFs as 7-bit text.
    rl_config.useA85 = 0
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=15, wordWrap="CJK", alignment=TA_LEFT)

    def s(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "font": font,
        "title": s("title", fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=3 * MM),
        "subtitle": s("subtitle", fontSize=10.5, leading=15, alignment=TA_CENTER, spaceAfter=5 * MM),
        "heading": s("heading", fontSize=11.5, leading=17, spaceBefore=5 * MM, spaceAfter=2 * MM),
        "body": base,
        "right": s("right", alignment=TA_RIGHT),
        "cell": s("cell", fontSize=9, leading=13),
        "cell_c": s("cell_c", fontSize=9, leading=13, alignment=TA_CENTER),
        "cell_r": s("cell_r", fontSize=9, leading=13, alignment=TA_RIGHT),
        "cell_sub": s("cell_sub", fontSize=8.5, leading=12, leftIndent=3 * MM),
        "head": s("head", fontSize=9, leading=12, alignment=TA_CENTER),
        "label": s("label", fontSize=9.5, leading=14, alignment=TA_CENTER),
        "value": s("value", fontSize=9.5, leading=14),
        "value_r": s("value_r", fontSize=9.5, leading=14, alignment=TA_RIGHT),
        "note": s("note", fontSize=8, leading=11, textColor=FAINT, spaceBefore=2 * MM),
        "small": s("small", fontSize=8.5, leading=12),
        "small_c": s("small_c", fontSize=8.5, leading=12, alignment=TA_CENTER),
        "small_r": s("small_r", fontSize=8.5, leading=12, alignment=TA_RIGHT),
        "mono_c": s("mono_c", fontSize=8.5, leading=12, alignment=TA_CENTER),
    }


@lru_cache(maxsize=1)
def _paragraph_class() -> type:
    from reportlab.platypus import Paragraph

    class CellParagraph(Paragraph):
        """A Paragraph that remembers its last wrap: a table wraps each cell several times at one width."""

        _wrapped: tuple | None = None

        def _setup(self, text: str, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
            super()._setup(text, style, bulletText, frags, cleaner)
            if frags is None:  # parsed here (not a split's word list): give each glyph the face that has it
                self.frags = fonts.split_frags(self.frags)

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            # (split() drops blPara, so only a paragraph still holding its lines is reused)
            if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
                return self._wrapped[1]
            size = super().wrap(availWidth, availHeight)
            self._wrapped = (availWidth, size)
            return size

    return CellParagraph


@lru_cache(maxsize=1)
def _line_class() -> type:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.platypus import Flowable

    class Line(Flowable):
        """A short one-line cell (a number, a label) drawn without parsing markup; a Paragraph if it must wrap."""

        def __init__(self, text: str, style: Any) -> None:
            super().__init__()
            self.text, self.style, self._para = text, style, None

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            st = self.style
            room = availWidth - st.leftIndent - st.rightIndent
            if self._para is None and fonts.string_width(self.text, st.fontName, st.fontSize) <= room + 0.01:
                self.width, self.height = availWidth, st.leading
                return self.width, self.height
            if self._para is None:
                self._para = _paragraph_class()(_markup(self.text), st)
            return self._para.wrap(availWidth, availHeight)

        def split(self, availWidth: float, availHeight: float) -> list:
            return self._para.split(availWidth, availHeight) if self._para is not None else []

        def draw(self) -> None:
            if self._para is not None:
                self._para.drawOn(self.canv, 0, 0)
                return
            st, canv = self.style, self.canv
            canv.setFont(st.fontName, st.fontSize)
            canv.setFillColor(st.textColor)
            y = self.height - st.fontSize  # where a Paragraph puts its first baseline
            left, right = st.leftIndent, self.width - st.rightIndent
            if st.alignment == TA_RIGHT:
                canv.drawRightString(right, y, self.text)
            elif st.alignment == TA_CENTER:
                canv.drawCentredString((left + right) / 2, y, self.text)
            else:
                canv.drawString(left, y, self.text)

    return Line


def P(text: Any, style: str = "cell") -> Any:
    """A paragraph of plain text (escaped; line breaks kept); short single lines are drawn directly (fast)."""
    text = str(text if text is not None else "")
    if len(text) <= 16 and "\n" not in text and "\u3000" not in text:
        return _line_class()(text, _styles()[style])
    return _paragraph_class()(_markup(text), _styles()[style])


def _markup(text: str) -> str:
    # A paragraph collapses runs of blanks, ideographic spaces included; keep them as no-break spaces
    # (four of this font's no-break spaces are about one ideographic space wide).
    return escape(text).replace("\n", "<br/>").replace("\u3000", "&nbsp;" * 4)


def PM(markup: str, style: str = "cell") -> Any:
    """A paragraph of markup the caller has escaped."""
    return _paragraph_class()(markup, _styles()[style])


def _canvas_class():
    Canvas = fonts.fallback_canvas()  # drawString & co. switch faces for the glyphs the first one lacks

    class PagedCanvas(Canvas):
        """Holds every page until the end so each can say "第 x 页 / 共 y 页"; draws the footer."""

        def __init__(self, *args: Any, footer: str = "", **kw: Any) -> None:
            super().__init__(*args, **kw)
            self._footer = footer
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            font = _styles()["font"]
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(FAINT)
            self.setStrokeColor("#999999")
            self.setLineWidth(0.4)
            y = 13 * MM
            self.line(LEFT, y + 3.5 * MM, width - RIGHT, y + 3.5 * MM)
            if self._footer:
                self.drawString(LEFT, y, self._footer)
            self.drawRightString(width - RIGHT, y, f"第 {self._pageNumber} 页 / 共 {total} 页")
            self.restoreState()

    return PagedCanvas


_PagedCanvas = None


def render(story: list, *, footer: str = "", landscape: bool = False, title: str = "", author: str = "",
           subject: str = "") -> bytes:
    """Lay out `story` on A4 (landscape when asked) and return the PDF bytes."""
    global _PagedCanvas
    from reportlab.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate

    font = _styles()["font"]
    if _PagedCanvas is None:
        _PagedCanvas = _canvas_class()
    size = (A4[1], A4[0]) if landscape else A4
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=size, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, author=author, subject=subject, creator="PanelReview",
        # The page stream's initial font is the bundled one, so no unembedded Helvetica is referenced.
        initialFontName=font, initialFontSize=10, initialLeading=15,
    )
    # No frame padding: tables are laid out to exactly the width between the margins.
    frame = Frame(LEFT, BOTTOM, size[0] - LEFT - RIGHT, size[1] - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    try:
        doc.build(story, canvasmaker=partial(_PagedCanvas, footer=footer))
    except LayoutError as exc:
        raise SheetError("the sheet cannot be laid out: {reason}", reason=str(exc)[:200]) from None
    return archive.pdfa_bytes(buf.getvalue(), name=title)  # every sheet is an archival copy (PDF/A-2b)


def frame_width(landscape: bool = False) -> float:
    return (A4[1] if landscape else A4[0]) - LEFT - RIGHT


def ruled(data: list[list], widths: Sequence[float], *, header_rows: int = 1, extra: Iterable = (),
          split_in_row: bool = True) -> Any:
    """A ruled table with a light grey header row that repeats on every page it runs onto."""
    from reportlab.platypus import Table, TableStyle

    style = [
        ("FONTNAME", (0, 0), (-1, -1), _styles()["font"]),
        ("GRID", (0, 0), (-1, -1), GRID, "#000000"),
        ("BOX", (0, 0), (-1, -1), 0.9, "#000000"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_GREY))
    style.extend(extra)
    table = Table(data, colWidths=list(widths), repeatRows=header_rows, splitByRow=1,
                  splitInRow=1 if split_in_row else 0, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def header_block(rows: list[tuple], width: float) -> Any:
    """The 评审活动 / 日期 / 申报单位 block: label, value[, label, value] per row, labels shaded."""
    from reportlab.platypus import Table, TableStyle

    label_w = 24 * MM
    half = (width - 2 * label_w) / 2
    data, extra = [], []
    for k, row in enumerate(rows):
        if len(row) == 2:
            data.append([P(row[0], "label"), P(row[1], "value"), "", ""])
            extra.append(("SPAN", (1, k), (3, k)))
        else:
            data.append([P(row[0], "label"), P(row[1], "value"), P(row[2], "label"), P(row[3], "value")])
            extra.append(("BACKGROUND", (2, k), (2, k), HEADER_GREY))
    table = Table(data, colWidths=[label_w, half, label_w, half], hAlign="LEFT", splitByRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), _styles()["font"]),
        ("GRID", (0, 0), (-1, -1), GRID, "#000000"),
        ("BOX", (0, 0), (-1, -1), 0.9, "#000000"),
        ("BACKGROUND", (0, 0), (0, -1), HEADER_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *extra,
    ]))
    return table


def title_block(title: str, subtitle: str = "") -> list:
    out = [P(title, "title")]
    if subtitle:
        out.append(P(subtitle, "subtitle"))
    else:
        from reportlab.platypus import Spacer
        out.append(Spacer(1, 3 * MM))
    return out


@lru_cache(maxsize=16)
def _qr_ops(text: str, size: float) -> str:
    """PDF path operators filling the dark modules of `text`'s QR code (4-module quiet zone), `size` square."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(text, barLevel="M")
    widget.qr.make()
    modules = [[bool(m) for m in row] for row in widget.qr.modules]
    border = 4
    box = size / (len(modules) + 2 * border)
    ops = []
    for r, row in enumerate(modules):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                ops.append(f"{(start + border) * box:.3f} {size - (r + border + 1) * box:.3f} "
                           f"{(c - start) * box:.3f} {box:.3f} re")
            else:
                c += 1
    return "q 0 g " + " ".join(ops) + " f Q"


def qr_drawing(text: str, size: float = 26 * MM) -> Any:
    """A QR code of `text`, `size` square with its quiet zone, as vector rectangles.

    Written as literal path operators (cached per text): a reportlab Drawing would name the
    unembedded Helvetica as its font, and drawing each module through the canvas is slow.
    """
    from reportlab.platypus import Flowable

    ops = _qr_ops(text, size)

    class QR(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return size, size

        def draw(self) -> None:
            self.canv.addLiteral(ops)

    return QR()


def signature_image(png: bytes, box_w: float, box_h: float) -> Any:
    """The drawn signature scaled to fit the box, keeping its proportions."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        w, h = ImageReader(io.BytesIO(png)).getSize()
    except Exception as exc:  # PIL raises many kinds for a damaged PNG
        raise SheetError("the signature image cannot be read: {reason}", reason=str(exc)[:120]) from None
    scale = min(box_w / w, box_h / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale, hAlign="LEFT")


# --------------------------------------------------------------------------- score files


def check_submitted(scores: ScoreFile) -> None:
    """SheetError unless the score file was submitted and still verifies."""
    if not scores.submitted:
        raise SheetError("{file}: the score file is not submitted yet; sheets are printed from submitted files only",
                         file=scores.path.name)
    result = scores.verify()
    if not result.ok:
        raise SheetError("{file} was changed after it was submitted: {changes}", file=scores.path.name,
                         changes="; ".join(result.problems))


def _yes_no(value: str | None, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "gate":
        return "是" if value == YES else "否"
    return "符合" if value == YES else "不符合"


def _decision_words(applied: rubric_mod.Applied, decision: str | None) -> str:
    rec = applied.rubric.recommendation
    return {POSITIVE: rec.positive, NEGATIVE: rec.negative}.get(decision or "", "—")


def _citation_text(cites: list[dict]) -> str:
    """"组织管理报告 第3、5页；师资队伍报告 第2页" (material order as first cited)."""
    pages: dict[str, list[int]] = {}
    for c in cites:
        name = c.get("material") or Path(c.get("file") or "").stem
        pages.setdefault(name, [])
        if c["page"] not in pages[name]:
            pages[name].append(c["page"])
    return "；".join(f"{name} 第{'、'.join(str(p) for p in sorted(ps))}页" for name, ps in pages.items())


def _section_heading(sec: rubric_mod.Section) -> str:
    no = sec.no.strip()
    if no.isdigit():
        no = cn_number(int(no))
    return f"{no}、{sec.title}" if no else sec.title


class _Sheet:
    """What one applicant's sheet needs from the score file, read once."""

    def __init__(self, scores: ScoreFile, applicant_id: str) -> None:
        self.scores = scores
        self.applicant = scores.applicant(applicant_id)
        self.applied = scores.applied(applicant_id)
        self.rubric = self.applied.rubric
        self.recusal = scores.recusal(applicant_id)
        self.answers = scores.answers(applicant_id)
        self.levels = scores.levels(applicant_id)
        self.comments = scores.comments(applicant_id)
        self.stopped = scores.stopped(applicant_id) if self.recusal is None else {}
        self.points = scores.points(applicant_id)
        self.criterion_points = scores.criterion_points(applicant_id)
        self.section_points = scores.section_points(applicant_id)
        self.total = scores.total(applicant_id)
        self.decision, self.opinion = scores.recommendation(applicant_id)
        self.decimals = precision(self.applied)
        items = {i.id: i for i in self.applied.items()}
        self.items = items
        self.citations: dict[str, list[dict]] = {}
        for c in scores.citations(applicant_id):
            item = items.get(c["target_id"])
            key = (item.criterion or item.id) if item is not None else c["target_id"]
            self.citations.setdefault(key, []).append(c)

    def remark(self, target: str, *also: str) -> Any:
        """The comment cell: comment(s), then the cited evidence in small grey text.

        A long comment (a file from before the length limit) is cut into parts like the opinion
        (`text_parts`), one paragraph each, so that its time grows with the text, not with its square.
        """
        parts = []
        for key in (target, *also):
            text = self.comments.get(key)
            if text:
                parts.extend(_markup(part) for part in text_parts(text))
        cites = self.citations.get(target)
        if cites:
            parts.append(f'<font size="8" color="{FAINT}">佐证：{escape(_citation_text(cites))}</font>')
        if sum(map(len, parts)) <= TEXT_PART:  # a short cell: one paragraph, as it always was
            return PM("<br/>".join(parts)) if parts else ""
        return [PM(part or "&nbsp;") for part in parts]


def _stop_note(sheet: _Sheet, gate_id: str) -> Any:
    return PM(f'<font color="{FAINT}">未评分（门槛条件未满足，不进入后续评分）</font>', "small")


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- 1. expert opinion sheet


def build_opinion_sheet(scores: ScoreFile, applicant_id: str) -> bytes:
    """The 专家评审意见书 of one applicant as PDF bytes; SheetError for an unsubmitted or altered file."""
    check_submitted(scores)
    return _opinion(scores, applicant_id)


def opinion_sheet(scores: ScoreFile, applicant_id: str, out: Path) -> Path:
    """Write the 专家评审意见书 of one applicant to `out`; returns `out`."""
    return write_atomic(Path(out), build_opinion_sheet(scores, applicant_id))


def opinion_file_name(scores: ScoreFile, applicant_id: str) -> str:
    return f"{scores.expert_id}-{applicant_id}-{OPINION}.pdf"


def opinion_sheets(scores: ScoreFile, out_dir: Path) -> list[Path]:
    """Every applicant's opinion sheet into `out_dir` (named <expert>-<applicant>-专家评审意见书.pdf)."""
    check_submitted(scores)  # once for the whole file
    out_dir = Path(out_dir)
    written = []
    for a in scores.applicants:
        written.append(write_atomic(out_dir / opinion_file_name(scores, a.id), _opinion(scores, a.id)))
    return written


def _opinion(scores: ScoreFile, applicant_id: str) -> bytes:
    from reportlab.platypus import Spacer

    sheet = _Sheet(scores, applicant_id)
    expert = scores.expert
    width = frame_width()
    a, applied, r = sheet.applicant, sheet.applied, sheet.rubric
    variant = applied.variant_label()

    story = title_block(OPINION)
    rows: list[tuple] = [
        ("评审活动", scores.meta("session_title")),
        ("申报单位", a.name),
        ("申报编号", a.id, "评审日期", cn_date(scores.meta("session_date"))),
        ("载体类型", r.carrier_type_name, "申报类型", variant or (a.category if a.category != r.carrier_type_name else "—")),
        ("评审细则", f"{r.title}（{r.version}）" if r.version else r.title),
        ("评审专家", expert["name"], "工作单位", expert["organisation"] or "—"),
    ]
    story.append(header_block(rows, width))

    n = 0

    def heading(text: str) -> Any:
        nonlocal n
        n += 1
        return P(f"{cn_number(n)}、{text}", "heading")

    if sheet.recusal is not None:
        story.append(heading("回避说明"))
        story.append(ruled([
            [P("评审情况", "label"), P("本人已申请回避，未对该申报单位进行评审，不出具评分和评审意见。", "value")],
            [P("回避原因", "label"), P(sheet.recusal or "—", "value")],
        ], [24 * MM, width - 24 * MM], header_rows=0,
            extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_GREY)]))
    else:
        conds = [i for i in sheet.items.values() if i.kind in ("condition", "gate") and i.section is None]
        if conds:
            story.append(heading("基本条件"))
            story.append(_conditions_table(sheet, conds, width))
        if applied.sections:
            story.append(heading("评分"))
            story.append(_scoring_table(sheet, width))
        prio = [i for i in sheet.items.values() if i.kind == "priority"]
        if prio:
            story.append(heading("倾斜条件"))
            story.append(_conditions_table(sheet, prio, width))
        story.append(heading("综合评审意见"))
        story.append(_recommendation_table(sheet, width))
        own = _own_rechecks(scores, applicant_id)
        if own is not None:  # the expert's re-check rounds (复核) of this applicant
            story.append(heading("复核记录"))
            story.append(own(width))

    story.append(Spacer(1, 8 * MM))
    story.append(_signature_block(scores, width, date=scores.meta("session_date")))
    fp = scores.fingerprint or ""
    return render(story, footer=f"评分文件指纹：{fp}　{expert['name']} · {a.id}",
                  title=f"{OPINION} {a.name}", author=expert["name"], subject=fp)


def _conditions_table(sheet: _Sheet, items: list[rubric_mod.ScoreItem], width: float) -> Any:
    w_no, w_ans, w_note = 11 * MM, 17 * MM, 48 * MM
    data = [[P("序号", "head"), P("条件", "head"), P("结论", "head"), P("说明", "head")]]
    extra = []
    for k, item in enumerate(items, start=1):
        value = sheet.answers.get(item.id)
        stop = sheet.stopped.get(item.id)
        if stop and value is None:
            verdict: Any = P("—", "cell_c")
            note: Any = _stop_note(sheet, stop)
        else:
            verdict = P(_yes_no(value, item.kind), "cell_c")
            note = sheet.remark(item.id)
        text = item.text if item.kind != "gate" else f"（门槛）{item.text}"
        data.append([P(str(k), "cell_c"), P(text), verdict, note])
    return ruled(data, [w_no, width - w_no - w_ans - w_note, w_ans, w_note], extra=extra)


def _scoring_table(sheet: _Sheet, width: float) -> Any:
    pts = partial(points, decimals=sheet.decimals)  # one precision for the whole table (the rubric's)
    w_max, w_pts, w_note = 14 * MM, 14 * MM, 62 * MM
    w_text = width - w_max - w_pts - w_note
    data = [[P("评审内容", "head"), P("分值", "head"), P("得分", "head"), P("评审意见及佐证材料", "head")]]
    extra = []
    has_points = sheet.rubric.has_points
    for sec in sheet.applied.sections:
        row = len(data)
        sec_pts = sheet.section_points.get(sec.id, Decimal(0))
        sec_stopped = _section_stopped(sheet, sec)
        data.append([P(_section_heading(sec)), P(pts(sec.max), "cell_r"),
                     P("—" if sec_stopped else pts(sec_pts), "cell_r"), sheet.remark(sec.id)])
        extra.append(("BACKGROUND", (0, row), (-1, row), BAND_GREY))
        for c in sec.criteria:
            if c.is_gate:
                value = sheet.answers.get(c.id)
                data.append([P(f"（门槛）{c.text}", "cell_sub"), P("—", "cell_c"),
                             P(_yes_no(value, "gate"), "cell_c"), sheet.remark(c.id)])
                continue
            stop = _criterion_stop(sheet, c)
            if stop:
                data.append([P(c.text, "cell_sub"), P(pts(c.max), "cell_r"), P("—", "cell_c"),
                             _stop_note(sheet, stop)])
                continue
            if c.rule == "checklist":
                # the criterion's own heading with its subtotal, then each item with its points
                data.append([P(c.text, "cell_sub"), P(pts(c.max), "cell_r"),
                             P(pts(sheet.criterion_points.get(c.id)), "cell_r"), sheet.remark(c.id)])
                for it in c.items:
                    if it.id in sheet.items:
                        note = sheet.remark(it.id) if it.id in sheet.comments else ""
                        data.append([P("　" + sheet.items[it.id].text, "cell_sub"), P(pts(it.max), "cell_r"),
                                     P(pts(sheet.points.get(it.id)), "cell_r"), note])
                continue
            given = ("无符合档次 0" if sheet.levels.get(c.id) == rubric_mod.NONE_LEVEL
                     else pts(sheet.criterion_points.get(c.id)))
            data.append([P(c.text, "cell_sub"), P(pts(c.max), "cell_r"), P(given, "cell_r"), sheet.remark(c.id)])
    if has_points:
        row = len(data)
        data.append([P("合计", "cell_c"), P(pts(sheet.rubric.total), "cell_r"), P(pts(sheet.total), "cell_r"), ""])
        extra.append(("BACKGROUND", (0, row), (-1, row), HEADER_GREY))
    return ruled(data, [w_text, w_max, w_pts, w_note], extra=extra)


def _criterion_stop(sheet: _Sheet, c: rubric_mod.Criterion) -> str | None:
    """The gate that stopped criterion `c` (or one of its checklist items), if any."""
    return sheet.stopped.get(c.id) or next((sheet.stopped[i.id] for i in c.items if i.id in sheet.stopped), None)


def _section_stopped(sheet: _Sheet, sec: rubric_mod.Section) -> bool:
    scored = [c for c in sec.criteria if not c.is_gate]
    return bool(scored) and all(_criterion_stop(sheet, c) for c in scored)


# How long a part of a long text is (characters), see `text_parts`.
TEXT_PART = 400
# Where a long text may be cut into paragraphs of its own: after a sentence (Chinese or Western) or a clause.
_BREAKS = re.compile(r"[。！？；!?;…]+[”’」』）)]*|[，,、]")


def text_parts(text: str, size: int = TEXT_PART) -> list[str]:
    """`text` as paragraphs of at most about `size` characters: its own lines, long ones cut after a sentence.

    A table cell holding one huge paragraph is laid out again for every page
    it runs onto (341,333 characters took 38 s); short paragraphs are laid out
    once each, so the time grows with the text, not with its square.
    """
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > size:
            cut = 0
            for m in _BREAKS.finditer(line, size // 2, size):
                cut = m.end()
            cut = cut or size
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def _recommendation_table(sheet: _Sheet, width: float) -> Any:
    rec = sheet.rubric.recommendation
    marks = []
    for key, wording in ((POSITIVE, rec.positive), (NEGATIVE, rec.negative)):
        marks.append(("■ " if sheet.decision == key else "□ ") + wording)
    label = 24 * MM
    parts = text_parts(sheet.opinion or "—")
    data = [[P("评审结论", "label"), PM(("&nbsp;" * 10).join(escape(m) for m in marks), "value")]]
    data += [[P("综合意见", "label") if k == 0 else "", P(part, "value")] for k, part in enumerate(parts)]
    last = len(data) - 1
    # One row per part (a long opinion splits between rows, page after page, in time that grows with it),
    # drawn as one box: no rules between the parts.
    return ruled(data, [label, width - label], header_rows=0,
                 extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_GREY), ("VALIGN", (0, 1), (0, 1), "TOP"),
                        ("LINEBELOW", (0, 1), (0, last - 1), GRID, HEADER_GREY),
                        ("LINEBELOW", (1, 1), (1, last - 1), GRID, "#FFFFFF"),
                        ("LINEBEFORE", (1, 1), (1, -1), GRID, "#000000"),
                        ("TOPPADDING", (1, 2), (1, last), 0), ("BOTTOMPADDING", (1, 1), (1, last - 1), 0),
                        ("TOPPADDING", (1, 1), (1, 1), 6), ("BOTTOMPADDING", (1, last), (1, last), 8)])


def _signature_block(scores: ScoreFile, width: float, *, date: str) -> Any:
    """Signature (drawn PNG or a line), organisation, title, date; fingerprint text and QR on the right."""
    from reportlab.platypus import KeepTogether, Table, TableStyle

    expert = scores.expert
    fp = scores.fingerprint or ""
    png = scores.signature()
    label_w, line_w, qr_w = 36 * MM, 62 * MM, 36 * MM
    sig: Any = signature_image(png, line_w - 4 * MM, 16 * MM) if png else ""
    rows = [
        [P("评审专家（签名）：", "value_r"), sig],
        [P("姓名：", "value_r"), P(expert["name"], "value")],
        [P("工作单位：", "value_r"), P(expert["organisation"] or "—", "value")],
        [P("职称：", "value_r"), P(expert["title"] or "—", "value")],
        [P("日期：", "value_r"), P(cn_date(date), "value")],
    ]
    left = Table(rows, colWidths=[label_w, line_w], hAlign="LEFT",
                 rowHeights=[20 * MM, None, None, None, None])
    left.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), _styles()["font"]),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, "#000000"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 2),
        ("LEFTPADDING", (1, 0), (1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    right = Table([[qr_drawing(fp, 28 * MM)], [P("评分文件指纹", "small_c")], [P(fp, "mono_c")],
                   [P(f"第 {scores.round} 轮提交", "small_c")]],
                  colWidths=[qr_w], hAlign="RIGHT")
    right.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), _styles()["font"]),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    outer = Table([[left, right]], colWidths=[width - qr_w - 4 * MM, qr_w + 4 * MM], hAlign="LEFT")
    outer.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), _styles()["font"]), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([outer])


# --------------------------------------------------------------------------- 2. expert score sheet


def build_score_sheet(scores: ScoreFile, category: str) -> bytes:
    """One expert's 评分表 for every applicant of `category`, side by side, as PDF bytes."""
    from reportlab.platypus import PageBreak, Spacer

    check_submitted(scores)
    people = [a for a in scores.applicants if a.category == category]
    if not people:
        known = sorted({a.category for a in scores.applicants})
        raise SheetError("no applicants in category {category} (categories: {known})", category=category,
                         known=", ".join(known))
    landscape = len(people) > 4
    width = frame_width(landscape)
    per_table = 10 if landscape else 4
    expert = scores.expert
    sheets = {a.id: _Sheet(scores, a.id) for a in people}

    story = title_block(SCORE_SHEET)
    story.append(header_block([
        ("评审活动", scores.meta("session_title")),
        ("申报类别", category, "评审日期", cn_date(scores.meta("session_date"))),
        ("评审专家", expert["name"], "工作单位", "　".join(x for x in (expert["organisation"], expert["title"]) if x)
         or "—"),
    ], width))
    by_rubric: dict[str, list] = {}
    for a in people:
        by_rubric.setdefault(a.rubric_id, []).append(a)
    first = True
    for rid, group in by_rubric.items():
        for start in range(0, len(group), per_table):
            chunk = group[start:start + per_table]
            story.append(Spacer(1, 5 * MM) if first else PageBreak())
            first = False
            story.append(_score_table(scores.rubric(rid), [sheets[a.id] for a in chunk], width))
    story.append(Spacer(1, 8 * MM))
    story.append(_signature_block(scores, width, date=scores.meta("session_date")))
    fp = scores.fingerprint or ""
    return render(story, footer=f"评分文件指纹：{fp}　{expert['name']} · {category}", landscape=landscape,
                  title=f"{SCORE_SHEET} {category}", author=expert["name"], subject=fp)


def score_sheet(scores: ScoreFile, category: str, out: Path) -> Path:
    """Write one expert's 评分表 for `category` to `out`; returns `out`."""
    return write_atomic(Path(out), build_score_sheet(scores, category))


def _score_table(rubric: rubric_mod.Rubric, sheets: list[_Sheet], width: float) -> Any:
    pts = partial(points, decimals=max(s.decimals for s in sheets))  # the rubric's precision, every column
    w_max = 13 * MM
    w_text = max(50 * MM, min(70 * MM, width - w_max - len(sheets) * 24 * MM))
    w_col = (width - w_text - w_max) / len(sheets)
    head = [P("评审内容", "head"), P("分值", "head")] + [
        PM(f'<font size="7.5" color="{FAINT}">{escape(s.applicant.id)}</font><br/>{escape(s.applicant.name)}', "head")
        for s in sheets]
    data = [head]
    extra = []

    def cell(s: _Sheet, text: str, style: str = "cell_r") -> Any:
        return P(text, style)

    def row_for(label: Any, maximum: str, values: list[Any], *, band: str | None = None) -> None:
        data.append([label, P(maximum, "cell_r")] + values)
        if band:
            extra.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), band))

    everything = rubric.everything()
    if everything.conditions:
        values = []
        for s in sheets:
            if s.recusal is not None:
                values.append(cell(s, "回避", "cell_c"))
                continue
            answers = [s.answers.get(c.id) for c in s.applied.conditions]
            values.append(cell(s, "不符合" if NO in answers else "符合", "cell_c"))
        row_for(P("基本条件"), "—", values, band=BAND_GREY)
    for g in everything.gates:
        if not any(g.id in s.items for s in sheets):
            continue
        values = []
        for s in sheets:
            if s.recusal is not None:
                values.append(cell(s, "回避", "cell_c"))
            elif g.id not in s.items:
                values.append(cell(s, "／", "cell_c"))
            else:
                values.append(cell(s, _yes_no(s.answers.get(g.id), "gate"), "cell_c"))
        row_for(P(f"（门槛）{_short(g.text, 60)}", "small"), "—", values)
    for sec in everything.sections:
        applies = [s for s in sheets if s.applied.section(sec.id) is not None]
        if not applies:
            continue
        title = _section_heading(sec) + (f"（{sec.variant}）" if sec.variant else "")
        values = []
        for s in sheets:
            if s.recusal is not None:
                values.append(cell(s, "回避", "cell_c"))
            elif s.applied.section(sec.id) is None:
                values.append(cell(s, "／", "cell_c"))
            elif _section_stopped(s, s.applied.section(sec.id)):
                values.append(cell(s, "未评分", "cell_c"))
            else:
                values.append(cell(s, pts(s.section_points.get(sec.id, Decimal(0)))))
        row_for(P(title), pts(sec.max), values, band=BAND_GREY)
        for c in sec.criteria:
            if not any(s.applied.criterion(c.id) is not None for s in applies):
                continue
            values = []
            for s in sheets:
                if s.recusal is not None:
                    values.append(cell(s, "回避", "cell_c"))
                elif s.applied.criterion(c.id) is None:
                    values.append(cell(s, "／", "cell_c"))
                elif c.is_gate:
                    values.append(cell(s, _yes_no(s.answers.get(c.id), "gate"), "cell_c"))
                elif _criterion_stop(s, c):
                    values.append(cell(s, "未评分", "cell_c"))
                elif s.levels.get(c.id) == rubric_mod.NONE_LEVEL:
                    values.append(cell(s, "无符合档次 0", "cell_c"))
                else:
                    values.append(cell(s, pts(s.criterion_points.get(c.id))))
            text = f"（门槛）{_short(c.text, 40)}" if c.is_gate else c.text
            row_for(P(text, "cell_sub"), "—" if c.is_gate else pts(c.max), values)
    if rubric.has_points:
        values = [cell(s, "回避", "cell_c") if s.recusal is not None else cell(s, pts(s.total)) for s in sheets]
        row_for(P("合计", "cell_c"), pts(rubric.total), values, band=HEADER_GREY)
    values = []
    for s in sheets:
        values.append(cell(s, "回避" if s.recusal is not None else _decision_words(s.applied, s.decision), "cell_c"))
    row_for(P("评审结论", "cell_c"), "", values, band=HEADER_GREY)
    return ruled(data, [w_text, w_max] + [w_col] * len(sheets), extra=extra)


# --------------------------------------------------------------------------- 3. panel summary


def _ranked(applicants: list[ApplicantResult]) -> list[ApplicantResult]:
    return sorted(applicants, key=lambda a: (a.rank is None, a.rank or 0, a.id))


def _rank_text(a: ApplicantResult) -> str:
    if a.rank is None:
        return "—"
    return f"{a.rank}（并列）" if a.tied else str(a.rank)


def _groups(result: Result) -> list[tuple[list[Category], list[ApplicantResult]]]:
    """Each ranking group once: the quotas over the same categories (one per tier), and their applicants."""
    out: list[tuple[list[Category], list[ApplicantResult]]] = []
    for c in result.categories:
        same = next((g for g in out if g[0][0].members == c.members), None)
        if same is not None:
            same[0].append(c)
        else:
            out.append(([c], [a for a in result.applicants if a.category in c.members]))
    return out


def _quota_text(c: Category) -> str:
    """"（认定名额 2 个，备选 1 个）" as the call words it; nothing for a category without a quota."""
    if c.quota is None:
        return ""
    return f"（认定名额 {c.quota} 个" + (f"，备选 {c.reserve} 个" if c.reserve else "") + "）"


def _flag_text(flag: Flag) -> str:
    """"畸高畸低：<the merge's sentence>" (the sentence already names the expert and criterion)."""
    return f"{words.printed(flag.kind)}：{flag.sentence.text('zh_CN')}"


def _inspection_text(inspection: Inspection) -> str:
    return "实地考察：" + "，".join(x for x in (words.printed(inspection.result), inspection.note) if x)


def _score_or_votes(a: ApplicantResult, decimals: int) -> str:
    """The consensus total with the session's decimals (as the export shows it), or the recommendation votes."""
    if not a.has_points:
        return f"推荐 {a.recommendations.get('yes', 0)} 票"
    return score_text(a.total, decimals) or "—"


CONDITION_RULES = {"majority": "过半数专家认为满足即为满足（少数服从多数）", "unanimous": "全体专家认为满足方为满足"}
RECOMMENDATION_RULES = {"advisory": "多数专家未建议认定的仅作提示，仍参加排名",
                        "majority": "多数专家未建议认定的不参加排名"}


def settings_lines(result: Result) -> list[str]:
    """The rules the session was merged under, in words, for every printed summary (the secretary chose them)."""
    st = result.settings
    method = METHOD_NAMES.get(result.method, result.method or "—")
    trim = st.get("trim_min_experts", 5)
    minimum = st.get("min_experts")
    condition = st.get("condition_rule", "majority")
    recommendation = st.get("recommendation_rule", "advisory")
    return [
        f"共识分计算方法：{method}" + (f"（评分专家不少于{trim}人时适用，不足时取平均值；最高分或最低分有多个相同时只去掉一个）"
                                     if result.method == "trimmed_mean" else "")
        + f"；总分、各部分得分、各项得分分别计算，四舍五入保留{result.decimals}位小数，"
        "故各部分得分之和与总分可能相差0.01。",
        f"基本条件与门槛：{CONDITION_RULES.get(condition, condition)}；"
        "专家组认定门槛满足而个别专家认为不满足的，该专家对门槛后各项未评分，相应共识分以其余专家的评分计算。",
        "倾斜条件：满足其中任一项即为满足，仅在同等条件下优先。",
        "每个申报单位的最少评分专家数：" + (f"{minimum}人，不足者不参加排名。" if minimum else
                                    "未设定（评审文件未作规定），评分专家少于5人或为双数时予以提示。"),
        f"建议认定：{RECOMMENDATION_RULES.get(recommendation, recommendation)}。",
        "“无符合档次”（不符合评审细则任一档次，记0分）：" + ("不允许，专家须选择所符合的档次。"
                                            if st.get("none_of_levels") == "refused" else
                                            "允许，作为专家的明确选择记录并打印；评审细则未写“记0分”的档次不能直接填0分。"),
        f"畸高畸低提示：专家总分与其余专家共识分相差超过{st.get('flag_total_threshold', 15)}分；"
        f"评分差异提示：单项极差超过该项满分的{st.get('flag_spread_fraction', 0.5)}倍。",
    ]


def build_panel_summary(result: Result) -> bytes:
    """The secretary's 评审汇总表 from a merged result, as PDF bytes (landscape A4)."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    width = frame_width(True)
    method = METHOD_NAMES.get(result.method, result.method or "—")
    story = title_block(SUMMARY)
    story.append(header_block([
        ("评审活动", result.title),
        ("评审日期", cn_date(result.date), "汇总方法", method),
        ("评审专家", f"{len(result.experts)} 人", "评分文件", _files_count(result)),
    ], width))
    categories = _groups(result)
    for k, (quotas, people) in enumerate(categories, start=1):
        story.append(CondPageBreak(40 * MM))
        if quotas[0].tier:
            heading = "：" + "；".join(f"{c.tier}{_quota_text(c)}" for c in quotas)
        else:
            heading = _quota_text(quotas[0])
        story.append(P(f"{cn_number(k)}、{quotas[0].name}{heading}", "heading"))
        marks = {aid: f"{c.tier}候选" if c.tier else "候选" for c in reversed(quotas) for aid in c.candidates}
        marks.update({aid: f"{c.tier}备选" if c.tier else "备选" for c in quotas for aid in c.reserves
                      if aid not in marks})
        story.append(_summary_table(_ranked(people), result.experts, marks, width, result.decimals))
        for c in quotas:
            story.extend(_category_notes(c, people))
    story.append(P("说明：“回避”表示该专家已申请回避，其评分不计入；排名相同者标注“并列”；“候选”“备选”表示进入候选（拟入选）或备选名单。"
                   "本次汇总适用的规则：", "note"))
    for line in settings_lines(result):
        story.append(P("· " + line, "note"))
    for w in result.warnings:
        story.append(P("提示：" + w.text("zh_CN"), "note"))
    if result.files:
        story.append(CondPageBreak(35 * MM))
        story.append(P(f"{cn_number(len(categories) + 1)}、评分文件", "heading"))
        story.append(_files_table(result.files, width))
    if result.changes:  # 复核记录 (财政部令第87号 第六十四条: "并在评标报告中记载")
        story.append(CondPageBreak(35 * MM))
        story.append(P(f"{cn_number(len(categories) + 2)}、复核记录", "heading"))
        story.append(recheck_record(result, width))
    story.append(CondPageBreak(60 * MM))
    story.append(P("不同意见（如有，请写明意见及理由并签名）：", "heading"))
    story.append(_blank_box(width, lines=4))
    story.append(Spacer(1, 6 * MM))
    story.append(KeepTogether([P("评审专家及秘书签名：", "heading"), _panel_signatures(result.experts, width)]))
    return render(story, footer=f"{SUMMARY} · {result.title}"[:80], landscape=True,
                  title=f"{SUMMARY} {result.title}", subject=result.session_id)


def panel_summary(result: Result, out: Path) -> Path:
    """Write the 评审汇总表 of a merged result to `out`; returns `out`."""
    return write_atomic(Path(out), build_panel_summary(result))


def _summary_table(people: list[ApplicantResult], experts: list[PanelMember], marks: dict[str, str],
                   width: float, decimals: int) -> Any:
    w_rank, w_total, w_votes, w_elig = 20 * MM, 17 * MM, 20 * MM, 34 * MM
    k = max(1, len(experts))
    w_flags = 40 * MM
    w_exp = min(17 * MM, max(11 * MM, (width - w_rank - w_total - w_votes - w_elig - w_flags - 55 * MM) / k))
    w_name = width - w_rank - w_total - w_votes - w_elig - w_flags - w_exp * len(experts)
    head = ([P("排名", "head"), P("申报单位", "head")] + [P(e.name, "head") for e in experts]
            + [P("共识分", "head"), P("建议认定票数", "head"), P("基本条件", "head"), P("提示", "head")])
    data = [head]
    # the experts' totals as precise as the finest of them (the rubric's step), so no column mixes 76 and 76.5
    places = max((_places(t) for a in people for t in a.expert_totals.values()), default=0)
    for a in people:
        totals, recused = a.expert_totals, set(a.recused)
        cells = [P("回避", "small_c") if e.id in recused else P(points(totals.get(e.id), places), "cell_r")
                 for e in experts]
        votes = f"{a.recommendations.get('yes', 0)} : {a.recommendations.get('no', 0)}"
        if a.eligible:
            elig: Any = P("符合", "cell_c")
        else:
            reasons = [r.text("zh_CN") for r in a.ineligible]
            elig = P("不符合" + ("：" + "；".join(reasons) if reasons else ""), "small")
        notes = [_flag_text(f) for f in a.flags]
        if a.priority_met:
            notes.insert(0, "满足倾斜条件")
        if a.inspection:
            notes.append(_inspection_text(a.inspection))
        name = escape(a.name)
        if a.id in marks:
            name += f'　<font size="8">〔{marks[a.id]}〕</font>'
        data.append([P(_rank_text(a), "cell_c"), PM(name), *cells, P(_score_or_votes(a, decimals), "cell_r"),
                     P(votes, "cell_c"), elig, P("；".join(notes), "small") if notes else ""])
    if not people:
        data.append([P("（本类别无申报单位）", "cell_c")] + [""] * (len(head) - 1))
        return ruled(data, [w_rank, w_name] + [w_exp] * len(experts) + [w_total, w_votes, w_elig, w_flags],
                     extra=[("SPAN", (0, 1), (-1, 1))])
    return ruled(data, [w_rank, w_name] + [w_exp] * len(experts) + [w_total, w_votes, w_elig, w_flags])


def _category_notes(category: Category, people: list[ApplicantResult], *, scores: int | None = None) -> list:
    """Who awaits field inspection and who is tied at the quota boundary (the panel decides); with `scores`
    (decimals), each name with its rank and consensus total, as the candidate list shows them."""
    by_id = {a.id: a for a in people}

    def name(i: str) -> str:
        a = by_id.get(i)
        if a is None:
            return i
        if scores is None or a.rank is None:
            return a.name
        unit = "分" if a.has_points else ""
        return f"{a.name}（{'并列' if a.tied else ''}第{a.rank}名，{_score_or_votes(a, scores)}{unit}）"

    out = []
    prefix = f"{category.tier}：" if category.tier else ""
    for ids, label in ((category.awaiting, f"{prefix}待实地考察"),
                       (category.boundary_tie, f"{prefix}名额边界并列，须由评审专家组研究确定"),
                       (category.reserve_tie, f"{prefix}备选名额边界并列，须由评审专家组研究确定")):
        if ids:
            out.append(P(f"{label}：" + "、".join(name(i) for i in ids), "note"))
    return out


def _files_count(result: Result) -> str:
    """"评分文件 N 份" counts the files merged; refused ones are counted apart (the table below lists each)."""
    refused = len(result.files) - len(result.accepted)
    return f"{len(result.accepted)} 份" + (f"（另有 {refused} 份不予采用）" if refused else "")


def _files_table(files: list[FileStatus], width: float) -> Any:
    w = [22 * MM, 40 * MM, 0, 16 * MM, 44 * MM, 60 * MM]
    w[2] = width - sum(w)
    data = [[P("专家", "head"), P("工作单位", "head"), P("评分文件", "head"), P("轮次", "head"),
             P("指纹", "head"), P("状态", "head")]]
    for f in files:
        text = words.printed(f.status)
        if f.problem is not None:
            text += f"（{f.problem.text('zh_CN')}）"
        data.append([P(f.expert_name or f.expert_id or "—"), P(f.organisation or "—"), P(f.name, "small"),
                     P(f.round or "—", "cell_c"), P(f.fingerprint or "—", "mono_c"), P(text, "small")])
    return ruled(data, w)


def _change_text(c: Any) -> str:
    """"1 → 2", "否 → 是", or 复核确认不变 for an item confirmed unchanged."""
    def shown(v: str | None) -> str:
        return words.printed(v) if v in (words.YES, words.NO) else (v if v is not None else "—")
    return "复核确认不变" if c.confirmed else f"{shown(c.old)} → {shown(c.new)}"


def _own_rechecks(scores: ScoreFile, applicant_id: str) -> Any:
    """A function drawing the expert's 复核记录 for one applicant (None when no round changed or confirmed any of it)."""
    from app.decision import round_changes

    rounds = scores.contents().rounds  # every submitted round's record (none before a second round)
    changes = [c for c in round_changes(scores.expert_id, rounds, {applicant_id: scores.items(applicant_id)})
               if c.applicant_id == applicant_id]
    if not changes:
        return None

    def table(width: float) -> Any:
        w = [26 * MM, 26 * MM, 34 * MM, 0]
        w[3] = width - sum(w[:3])
        data = [[P(h, "head") for h in ("评审项", "轮次", "修改前 → 修改后", "理由")]]
        for c in changes:
            data.append([P(c.target_id, "cell_c"), P(f"第{c.round_from}轮→第{c.round_to}轮", "cell_c"),
                         P(_change_text(c), "cell_c"),
                         P(c.reason or ("复核确认不变" if c.confirmed else "—"), "small")])
        return ruled(data, w)
    return table


def recheck_record(result: Result, width: float) -> Any:
    """The 复核记录 table: per applicant, expert and item, the rounds, before → after and the reason
    (or 复核确认不变), and what opened the round (a re-check request, or the expert's own reason)."""
    w = [0, 24 * MM, 26 * MM, 24 * MM, 30 * MM, 70 * MM, 50 * MM]
    w[0] = width - sum(w[1:])
    data = [[P(h, "head") for h in ("申报单位", "专家", "评审项", "轮次", "修改前 → 修改后", "理由", "复核依据")]]
    for a in result.applicants:
        for c in a.changes:
            change = _change_text(c)
            reason = c.reason or ("复核确认不变" if c.confirmed else "—")
            ground = f"复核请求 {c.request}" if c.request else (f"专家自行复核：{c.ground}" if c.ground else "—")
            data.append([P(f"{a.id} {a.name}"), P(result.expert_name(c.expert_id)), P(c.target_id, "cell_c"),
                         P(f"第{c.round_from}轮→第{c.round_to}轮", "cell_c"), P(change, "cell_c"), P(reason, "small"),
                         P(ground, "small")])
    return ruled(data, w)


def _blank_box(width: float, *, lines: int) -> Any:
    from reportlab.platypus import Table, TableStyle

    table = Table([[""] for _ in range(lines)], colWidths=[width], rowHeights=[9 * MM] * lines, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), _styles()["font"]),
                               ("BOX", (0, 0), (-1, -1), 0.9, "#000000"),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.3, "#999999")]))
    return table


def _panel_signatures(experts: list[PanelMember], width: float) -> Any:
    """A line to sign on for every expert and for the secretary (秘书), then the date."""
    from reportlab.platypus import Table, TableStyle

    per_row = 3
    cell_w = width / per_row
    label_w, gap = 42 * MM, 8 * MM
    labels = [f"评审专家 {e.name}（签名）：" for e in experts] + ["秘书（签名）："]
    rows: list[list] = []
    for start in range(0, len(labels), per_row):
        chunk = labels[start:start + per_row]
        row: list = []
        for label in chunk:
            row += [P(label, "value_r"), "", ""]
        row += ["", "", ""] * (per_row - len(chunk))
        rows.append(row)
    rows.append([P("日期：", "value_r"), P(cn_date(None), "value")] + [""] * (per_row * 3 - 2))
    widths = [label_w, cell_w - label_w - gap, gap] * per_row
    table = Table(rows, colWidths=widths, rowHeights=[15 * MM] * len(rows), hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), _styles()["font"]), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    for r in range(len(rows) - 1):
        for c in range(per_row):
            if rows[r][c * 3] != "":
                style.append(("LINEBELOW", (c * 3 + 1, r), (c * 3 + 1, r), 0.6, "#000000"))
    style.append(("SPAN", (1, len(rows) - 1), (4, len(rows) - 1)))
    table.setStyle(TableStyle(style))
    return table


# --------------------------------------------------------------------------- 4. candidate list


def build_candidate_list(result: Result) -> bytes:
    """The 候选名单 for public notice, per category in quota order, as PDF bytes."""
    from reportlab.platypus import Spacer

    width = frame_width()
    by_id = {a.id: a for a in result.applicants}
    story = title_block(CANDIDATES, result.title)
    for k, cat in enumerate(result.categories, start=1):
        story.append(P(f"{cn_number(k)}、{cat.label}{_quota_text(cat)}", "heading"))
        story.append(_listing(cat.candidates, by_id, width, result.decimals))
        if cat.reserve:
            story.append(P("备选名单", "value"))
            story.append(_listing(cat.reserves, by_id, width, result.decimals))
        # the list never hides who holds it open: those awaiting inspection, those tied for the last places
        people = [by_id[i] for i in cat.awaiting + cat.boundary_tie + cat.reserve_tie if i in by_id]
        story.extend(_category_notes(cat, people, scores=result.decimals))
    story.append(Spacer(1, 14 * MM))
    story.append(P(cn_date(result.date), "right"))
    return render(story, footer=f"{CANDIDATES} · {result.title}"[:80], title=f"{CANDIDATES} {result.title}",
                  subject=result.session_id)


def _listing(ids: list[str], by_id: dict[str, ApplicantResult], width: float, decimals: int) -> Any:
    """序号, 排名, 申报单位, 评审得分 for `ids` in order ("（无）" when there are none)."""
    data = [[P("序号", "head"), P("排名", "head"), P("申报单位", "head"), P("评审得分", "head")]]
    for n, aid in enumerate(ids, start=1):
        a = by_id.get(aid)
        if a is None:
            raise SheetError("the result lists candidate {id}, who is not among its applicants", id=aid)
        data.append([P(str(n), "cell_c"), P(_rank_text(a), "cell_c"), P(a.name), P(_score_or_votes(a, decimals),
                                                                                 "cell_r")])
    extra = []
    if len(data) == 1:
        data.append([P("（无）", "cell_c"), "", "", ""])
        extra.append(("SPAN", (0, 1), (-1, 1)))
    w = [14 * MM, 22 * MM, 0, 26 * MM]
    w[2] = width - sum(w)
    return ruled(data, w, extra=extra)


def candidate_list(result: Result, out: Path) -> Path:
    """Write the 候选名单 of a merged result to `out`; returns `out`."""
    return write_atomic(Path(out), build_candidate_list(result))
