"""Scanned-looking Chinese PDFs for the demo session and the tests.

Each page is composed as a vector A4 page (heading, filler paragraphs, a table
or form, page number, a red round seal on the first and last page), laid
slightly skewed on a "scanner bed" with dust and a binding shadow, rasterised,
and stored as one JPEG per page, so the result behaves like a real scan: no
text layer (unless asked for), image-only pages, sideways pages, size per page
of a 100-dpi office scanner.

Speed: body pages are drawn once per layout variant and reused through
show_pdf_page; a page without a seal is stored grey (as an "auto colour"
scanner would), which halves JPEG encoding time.
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pymupdf

from app import fonts
from app.files import write_atomic

A4 = pymupdf.paper_rect("a4")
JPEG_QUALITY = 60
# Rendered below the target resolution and scaled up: softens edges as a scanner's
# optics do, which is also what keeps a text page's JPEG small.
SOFTEN = 0.7
MAX_SKEW = 0.8
BODY_VARIANTS = 6

INK = (0.16, 0.16, 0.17)
PAPER = (0.955, 0.953, 0.948)
BED = (0.80, 0.80, 0.79)
SEAL_RED = (0.86, 0.10, 0.12)

LEFT, RIGHT = 70.0, A4.width - 70.0
BODY_TOP, BODY_BOTTOM = 112.0, 770.0
BODY_SIZE, LEADING = 12.0, 21.0

NO_LINE_START = set("，。、；：？！）》」』”’%．,.;:!?)")


@dataclass(frozen=True)
class _Frame:
    """Where a page's paper lands on the scanner bed; the text layer reuses it."""

    rect: pymupdf.Rect
    rotate: float


def make_scanned_pdf(
    path: str | os.PathLike,
    *,
    title: str,
    applicant: str,
    pages: int,
    seed: int,
    dpi: int = 100,
    seal_text: str | None = None,
    sideways_pages: Iterable[int] = frozenset(),
    text_layer: bool = False,
) -> Path:
    """Write a `pages`-page scan-like PDF to `path` (same seed, same bytes) and return the path.

    `sideways_pages` are 1-based page numbers laid landscape with the content
    turned 90°; `seal_text` runs round the seal (default: the applicant);
    `text_layer` adds invisible text over the image so search works.
    """
    path = Path(path)
    if pages < 1:
        raise ValueError(f"pages must be at least 1, not {pages}")
    if not 36 <= dpi <= 600:
        raise ValueError(f"dpi must be within 36..600, not {dpi}")
    sideways = set(sideways_pages)
    if not sideways <= set(range(1, pages + 1)):
        raise ValueError(f"sideways_pages {sorted(sideways)} are outside 1..{pages}")

    rng = random.Random(seed)
    font = _font()
    seal = seal_text if seal_text is not None else applicant

    templates = pymupdf.open()  # body variants: visible at 2k, invisible twin at 2k+1
    paper = pymupdf.open()  # one composed page per output page (+ its invisible twin)
    bed = pymupdf.open()
    out = pymupdf.open()
    try:
        variants = min(BODY_VARIANTS, max(pages - 2, 0))
        for k in range(variants):
            content = _body_content(random.Random(rng.getrandbits(64)), section=k + 2, applicant=applicant)
            for ghost in (False, True):
                _draw_body(templates.new_page(width=A4.width, height=A4.height), font, content, ghost=ghost)

        date = _date(rng)
        page_rngs = [random.Random(rng.getrandbits(64)) for _ in range(pages)]
        # Every paper page is composed before any is scanned: MuPDF's graft map
        # (show_pdf_page) assumes the source document no longer grows.
        for number, page_rng in enumerate(page_rngs, start=1):
            first, last = number == 1, number == pages
            variant = page_rng.randrange(variants) if variants else 0
            intro = _body_content(page_rng, section=1, applicant=applicant) if first else None
            outro = _body_content(page_rng, section=variants + 2, applicant=applicant) if last and not first else None
            seal_spot = (
                page_rng.uniform(LEFT + 300, LEFT + 330),
                page_rng.uniform(690, 705) if last else page_rng.uniform(205, 225),
                page_rng.uniform(-12, 12),
            )
            for ghost in (False, True) if text_layer else (False,):
                sheet = paper.new_page(width=A4.width, height=A4.height)
                if not ghost:
                    sheet.draw_rect(sheet.rect, color=None, fill=PAPER)
                if first:
                    _draw_first(sheet, font, title=title, applicant=applicant, intro=intro, ghost=ghost)
                elif last:
                    _draw_body(sheet, font, outro, bottom=620, ghost=ghost)
                else:
                    sheet.show_pdf_page(sheet.rect, templates, 2 * variant + ghost)
                if not first:
                    _draw_running_header(sheet, font, title=title, applicant=applicant, ghost=ghost)
                if last:
                    _draw_signature(sheet, font, applicant=applicant, date=date, first=first, ghost=ghost)
                _draw_page_number(sheet, font, number=number, total=pages, ghost=ghost)
                if (first or last) and not ghost:
                    _draw_seal(sheet, font, seal, *seal_spot, rng=page_rng)

        per_page = 2 if text_layer else 1
        for number, page_rng in enumerate(page_rngs, start=1):
            page_rect = A4 if number not in sideways else pymupdf.Rect(0, 0, A4.height, A4.width)
            frame = _frame(page_rng, page_rect, sideways=number in sideways)
            paper_pno = (number - 1) * per_page
            sealed = number in (1, pages)
            jpeg = _scan(bed, paper, paper_pno, frame, page_rect, page_rng, dpi=dpi, colour=sealed)
            target = out.new_page(width=page_rect.width, height=page_rect.height)
            target.insert_image(target.rect, stream=jpeg, keep_proportion=False)
            if text_layer:
                target.show_pdf_page(frame.rect, paper, paper_pno + 1, rotate=frame.rotate)

        if text_layer:
            out.subset_fonts()
        out.set_metadata({"title": title, "author": applicant, "creator": "PanelReview demo scanner", "producer": "PanelReview"})
        _write(out, path)
    finally:
        for doc in (templates, paper, bed, out):
            doc.close()
    return path


# -- scanning ---------------------------------------------------------------


def _frame(rng: random.Random, page_rect: pymupdf.Rect, *, sideways: bool) -> _Frame:
    # The sheet never lies square on the glass: a small turn and a few points' shift.
    dx, dy = rng.uniform(-5, 5), rng.uniform(-5, 5)
    grow = rng.uniform(2, 8)
    rect = pymupdf.Rect(page_rect.x0 - grow + dx, page_rect.y0 - grow + dy, page_rect.x1 + grow + dx, page_rect.y1 + grow + dy)
    angle = rng.uniform(-MAX_SKEW, MAX_SKEW)
    return _Frame(rect, (90 if sideways else 0) + angle)


def _scan(bed, paper, pno: int, frame: _Frame, page_rect, rng: random.Random, *, dpi: int, colour: bool) -> bytes:
    """The JPEG a scanner would produce of paper page `pno` laid on the glass as `frame` says."""
    glass = bed.new_page(width=page_rect.width, height=page_rect.height)
    glass.draw_rect(glass.rect, color=None, fill=BED)
    glass.show_pdf_page(frame.rect, paper, pno, rotate=frame.rotate)
    _draw_dust(glass, rng)

    width = round(page_rect.width * dpi / 72)
    height = round(page_rect.height * dpi / 72)
    space = pymupdf.csRGB if colour else pymupdf.csGRAY
    pix = glass.get_pixmap(dpi=max(36, round(dpi * SOFTEN)), colorspace=space, alpha=False)
    pix = pymupdf.Pixmap(pix, width, height, None)
    pix.set_dpi(dpi, dpi)
    return pix.tobytes("jpeg", jpg_quality=JPEG_QUALITY)


def _draw_dust(page, rng: random.Random) -> None:
    # Dots are zero-length round-capped strokes: far cheaper to build than circles.
    shape = page.new_shape()
    for width in (0.6, 1.1, 1.8):
        for _ in range(rng.randint(8, 25)):
            p = pymupdf.Point(rng.uniform(0, page.rect.width), rng.uniform(0, page.rect.height))
            shape.draw_line(p, p + (0.05, 0.05))
        shape.finish(color=(0.35, 0.35, 0.35), width=width, lineCap=1, closePath=False, stroke_opacity=0.7)
    for _ in range(rng.randint(0, 3)):  # hairs and scratches on the glass
        p = pymupdf.Point(rng.uniform(0, page.rect.width), rng.uniform(0, page.rect.height))
        q = p + (rng.uniform(-25, 25), rng.uniform(-25, 25))
        shape.draw_bezier(p, p + (rng.uniform(-10, 10), rng.uniform(-10, 10)), q + (rng.uniform(-10, 10), 0), q)
        shape.finish(color=(0.45, 0.45, 0.45), width=0.4, closePath=False, stroke_opacity=0.6)
    _binding_shadow(shape, page.rect, rng)
    shape.commit()


def _binding_shadow(shape, r: pymupdf.Rect, rng: random.Random) -> None:
    # The lid does not press the sheet flat at the edge, so one edge comes out grey.
    edge = rng.choice("lt")
    band = rng.uniform(12, 22)
    steps = 8
    for i in range(steps):
        inset = band * i / steps
        strip = (
            pymupdf.Rect(r.x0 + inset, r.y0, r.x0 + inset + band / steps, r.y1)
            if edge == "l"
            else pymupdf.Rect(r.x0, r.y0 + inset, r.x1, r.y0 + inset + band / steps)
        )
        shape.draw_rect(strip)
        shape.finish(color=None, fill=(0.3, 0.3, 0.3), fill_opacity=round(0.22 * (1 - i / steps) ** 2, 3))


# -- composing the paper ----------------------------------------------------


@lru_cache(maxsize=1)
def _font() -> pymupdf.Font:
    return pymupdf.Font(fontbuffer=fonts.font_bytes())


@lru_cache(maxsize=4096)
def _advance(ch: str) -> float:
    return _font().glyph_advance(ord(ch))


def _width(text: str, size: float) -> float:
    return sum(_advance(c) for c in text) * size


def _wrap(text: str, width: float, size: float, *, indent: int = 2) -> list[str]:
    """Greedy CJK line breaking; closing punctuation may hang past the margin rather than open a line."""
    lines: list[str] = []
    line = "\u3000" * indent
    used = _width(line, size)
    for ch in text:
        w = _advance(ch) * size
        if used + w > width and line.strip() and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line:
        lines.append(line)
    return lines


class _Pen:
    """Text and rules for one page; the invisible twin gets the same text and no rules."""

    def __init__(self, page, font: pymupdf.Font, *, ghost: bool) -> None:
        self.page, self.font, self.ghost = page, font, ghost
        self.writer = pymupdf.TextWriter(page.rect)
        self.shape = None

    def text(self, x: float, y: float, text: str, size: float = BODY_SIZE) -> None:
        self.writer.append((x, y), text, font=self.font, fontsize=size)

    def centred(self, y: float, text: str, size: float, *, x0: float = LEFT, x1: float = RIGHT) -> None:
        self.text((x0 + x1 - _width(text, size)) / 2, y, text, size)

    def paragraph(self, y: float, text: str, size: float = BODY_SIZE, *, leading: float = LEADING) -> float:
        for line in _wrap(text, RIGHT - LEFT, size):
            self.text(LEFT, y, line, size)
            y += leading
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if self.ghost:
            return
        if self.shape is None:
            self.shape = self.page.new_shape()
        self.shape.draw_line((x0, y0), (x1, y1))

    def done(self) -> None:
        if self.shape is not None:
            self.shape.finish(color=INK, width=0.7)
            self.shape.commit()
        self.writer.write_text(self.page, color=INK, render_mode=3 if self.ghost else 0)


def _draw_first(page, font, *, title: str, applicant: str, intro: dict, ghost: bool) -> None:
    pen = _Pen(page, font, ghost=ghost)
    y = 96.0
    for line in _wrap(title, RIGHT - LEFT, 20, indent=0):
        pen.centred(y, line, 20)
        y += 30
    y += 8
    pen.text(LEFT, y, f"申报单位：{applicant}", 13)
    y += 26
    pen.text(LEFT, y, "统一社会信用代码：" + intro["code"], 13)
    y += 36
    _body(pen, intro, y, bottom=BODY_BOTTOM - 90)
    pen.done()


def _draw_body(page, font, content: dict, *, bottom: float = BODY_BOTTOM, ghost: bool) -> None:
    pen = _Pen(page, font, ghost=ghost)
    _body(pen, content, BODY_TOP + 12, bottom=bottom)
    pen.done()


def _body(pen: _Pen, content: dict, y: float, *, bottom: float) -> float:
    pen.text(LEFT, y, content["heading"], 14)
    y += 28
    for para in content["paragraphs"]:
        if y > bottom - 3 * LEADING:
            break
        y = pen.paragraph(y, para) + 6
    y += 6
    if content["table"] and y < bottom - 60:
        y = _table(pen, y, content["table"], bottom=bottom)
    elif content["form"] and y < bottom - 60:
        y = _form(pen, y, content["form"], bottom=bottom)
    if content["closing"] and y < bottom - 4 * LEADING:
        y = pen.paragraph(y + 10, content["closing"])
    return y


def _table(pen: _Pen, y: float, table: tuple[list[str], list[float], list[list[str]]], *, bottom: float) -> float:
    header, shares, rows = table
    xs = [LEFT]
    for share in shares:
        xs.append(xs[-1] + share * (RIGHT - LEFT))
    row_h, size = 21.0, 10.5
    top = y
    rows_fit = [header] + rows[: max(int((bottom - y) // row_h) - 1, 0)]
    for r, row in enumerate(rows_fit):
        pen.rule(LEFT, y, RIGHT, y)
        for c, cell in enumerate(row):
            pen.centred(y + 15, cell, size, x0=xs[c], x1=xs[c + 1])
        y += row_h
    pen.rule(LEFT, y, RIGHT, y)
    for x in xs:
        pen.rule(x, top, x, y)
    return y + 12


def _form(pen: _Pen, y: float, form: list[tuple[str, str]], *, bottom: float) -> float:
    for label, value in form:
        if y > bottom - 20:
            break
        pen.text(LEFT + 8, y, label + "：", BODY_SIZE)
        x = LEFT + 8 + _width(label + "：", BODY_SIZE)
        pen.text(x + 6, y - 1, value, BODY_SIZE)
        pen.rule(x, y + 3, RIGHT - 8, y + 3)
        y += 30
    return y


def _draw_running_header(page, font, *, title: str, applicant: str, ghost: bool) -> None:
    pen = _Pen(page, font, ghost=ghost)
    pen.text(LEFT, 70, title[:24], 9)
    pen.text(RIGHT - _width(applicant, 9), 70, applicant, 9)
    pen.rule(LEFT, 76, RIGHT, 76)
    pen.done()


def _draw_page_number(page, font, *, number: int, total: int, ghost: bool) -> None:
    pen = _Pen(page, font, ghost=ghost)
    pen.centred(805, f"第 {number} 页 / 共 {total} 页", 10)
    pen.done()


def _draw_signature(page, font, *, applicant: str, date: str, first: bool, ghost: bool) -> None:
    pen = _Pen(page, font, ghost=ghost)
    # A one-page material has its body down to the seal, so sign lower.
    y = 705.0 if first else 690.0
    if not first:
        pen.paragraph(640, "特此申报。本单位承诺以上所填内容及所附材料真实、有效，如有虚假，愿承担相应责任。")
    x = LEFT + 210
    pen.text(x, y, "申报单位（盖章）：", BODY_SIZE)
    pen.text(x, y + 24, applicant, min(BODY_SIZE, (RIGHT + 20 - x) / _width(applicant, 1)))
    pen.text(x, y + 48, "法定代表人（签字）：", BODY_SIZE)
    pen.text(x + 30, y + 72, date, BODY_SIZE)
    pen.done()


def _draw_seal(page, font, text: str, cx: float, cy: float, turn: float, *, rng: random.Random) -> None:
    """A round official seal: ring, five-point star, `text` round the upper arc."""
    radius = 56.0
    centre = pymupdf.Point(cx, cy)
    opacity = rng.uniform(0.78, 0.9)
    page.draw_circle(centre, radius, color=SEAL_RED, width=3.2, stroke_opacity=opacity)

    star = []
    for i in range(10):
        r = radius * (0.30 if i % 2 == 0 else 0.12)
        a = math.radians(turn + i * 36)
        star.append(centre + (r * math.sin(a), -r * math.cos(a)))
    page.draw_polyline(star, color=None, fill=SEAL_RED, closePath=True, fill_opacity=opacity)

    chars = text[:30]
    size = 14.5 if len(chars) <= 12 else 12.5
    baseline = radius - 4.5 - size  # characters' tops towards the ring
    # Long names are carved in condensed characters so they still fit in about 250°.
    squeeze = min(1.0, math.radians(250) * baseline / (len(chars) * size * 1.1))
    # Short names are spread out: a seal's arc is always roughly full.
    step = max(math.degrees(size * squeeze * 1.1 / baseline), min(220 / max(len(chars) - 1, 1), 30))
    start = turn - step * (len(chars) - 1) / 2
    for i, ch in enumerate(chars):
        a = start + i * step
        rad = math.radians(a)
        foot = centre + (baseline * math.sin(rad), -baseline * math.cos(rad))
        # Left end of the baseline, so the glyph is centred on the arc.
        half = size * squeeze / 2
        origin = foot - (half * math.cos(rad), half * math.sin(rad))
        writer = pymupdf.TextWriter(page.rect)
        writer.append(origin, ch, font=font, fontsize=size)
        shape = pymupdf.Matrix(squeeze, 1) * pymupdf.Matrix(-a)
        writer.write_text(page, color=SEAL_RED, opacity=opacity, morph=(origin, shape))

    # Uneven ink: a stamp never prints solid.
    shape = page.new_shape()
    for _ in range(40):
        a, r = rng.uniform(0, 2 * math.pi), radius * math.sqrt(rng.random())
        shape.draw_circle(centre + (r * math.cos(a), r * math.sin(a)), rng.uniform(0.4, 1.6))
    shape.finish(color=None, fill=PAPER, fill_opacity=0.55)
    shape.commit()


# -- filler -----------------------------------------------------------------

SECTIONS = (
    "单位基本情况", "培训场地与设施设备", "师资队伍建设", "培训管理制度", "培训开展情况",
    "就业服务与跟踪", "安全管理", "经费管理与使用", "校企合作情况", "质量评价与改进",
)
SENTENCES = (
    "本单位自成立以来，始终坚持以就业为导向、以提升劳动者职业技能为核心，面向社会开展多层次职业技能培训。",
    "现有教学场地建筑面积约{n}平方米，其中理论教室{k}间、实训车间{k}个，能够同时容纳{m}人参加培训。",
    "实训设备均按照国家职业技能标准配置，设备完好率保持在百分之九十五以上。",
    "学校建立了教学计划、教学大纲、考勤登记、考核鉴定等一整套管理制度，并装订成册、张贴上墙。",
    "近三年累计开展各类职业技能培训{m}期，培训人数{n}人次，取证合格率达到百分之{p}。",
    "专职教师均具有相应职业资格证书或职业技能等级证书，兼职教师主要来自合作企业的技术骨干。",
    "培训结束后，本单位对学员进行为期六个月的就业跟踪回访，并建立学员就业信息台账。",
    "严格执行培训补贴资金管理规定，做到专款专用、账目清楚，接受人社、财政部门的监督检查。",
    "每期培训开班前均向主管部门报送开班计划，培训过程中使用实名制签到系统，全程留存影像资料。",
    "本单位与{k}家企业签订了校企合作协议，开展订单式、定向式培训，学员推荐就业率逐年提高。",
    "消防设施齐全，安全通道畅通，定期组织师生开展消防安全演练，近三年未发生安全责任事故。",
    "教学管理实行校长负责制，下设教务科、实训科、招生就业科和财务室，岗位职责明确。",
    "根据市场需求动态调整培训专业，重点开设电工、焊工、育婴员、养老护理员、中式烹调师等工种。",
    "对照申报条件逐项开展自查，发现问题及时整改，整改情况已形成书面报告存档备查。",
    "学员满意度调查结果显示，对课程设置、师资水平和实训条件的总体满意率为百分之{p}。",
    "教师每年参加不少于四十学时的继续教育和企业实践，不断提升专业教学能力。",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉兵春海燕晨宇浩然欣怡子涵梓轩"
TRADES = ("电工", "焊工", "育婴员", "养老护理员", "中式烹调师", "中式面点师", "美容师", "车工", "保健按摩师", "电子商务师")
LEVELS = ("初级", "中级", "高级", "技师")
NUMERALS = "〇一二三四五六七八九"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    picked = iter(rng.sample(SENTENCES, 3 * count))
    return ["".join(_fill(next(picked), rng) for _ in range(rng.randint(2, 3))) for _ in range(count)]


def _fill(sentence: str, rng: random.Random) -> str:
    return sentence.format(
        n=rng.randrange(300, 6000), k=rng.randrange(2, 12), m=rng.randrange(8, 120), p=rng.randrange(85, 99)
    )


def _body_content(rng: random.Random, *, section: int, applicant: str) -> dict:
    heading = f"{_chinese_number(section % 10 or 10)}、{SECTIONS[(section - 1) % len(SECTIONS)]}"
    *paragraphs, closing = _paragraphs(rng, rng.randint(1, 2) + 1)
    kind = rng.choice(("teachers", "equipment", "classes", "form"))
    table = None
    form = None
    if kind == "teachers":
        header = ["序号", "姓名", "性别", "职业（工种）", "等级", "证书编号"]
        shares = [0.09, 0.15, 0.09, 0.25, 0.12, 0.30]
        rows = [
            [str(i + 1), _name(rng), rng.choice("男女"), rng.choice(TRADES), rng.choice(LEVELS), f"{rng.randrange(10**13, 10**14)}"]
            for i in range(rng.randint(6, 11))
        ]
        table = (header, shares, rows)
    elif kind == "equipment":
        header = ["序号", "设备名称", "规格型号", "数量", "购置年份"]
        shares = [0.1, 0.3, 0.28, 0.12, 0.2]
        names = ("交流弧焊机", "电工实训台", "燃气灶具", "多媒体投影仪", "婴儿护理模型", "数控车床", "护理床", "计算机")
        rows = [
            [str(i + 1), rng.choice(names), f"{rng.choice('ABCDHKZ')}{rng.choice('XYS')}-{rng.randrange(100, 900)}", str(rng.randrange(1, 40)), str(rng.randrange(2015, 2025))]
            for i in range(rng.randint(6, 11))
        ]
        table = (header, shares, rows)
    elif kind == "classes":
        header = ["期次", "职业（工种）", "等级", "培训人数", "合格人数", "就业人数"]
        shares = [0.1, 0.26, 0.12, 0.17, 0.17, 0.18]
        rows = []
        for i in range(rng.randint(6, 11)):
            n = rng.randrange(20, 60)
            ok = n - rng.randrange(0, 5)
            rows.append([str(i + 1), rng.choice(TRADES), rng.choice(LEVELS), str(n), str(ok), str(ok - rng.randrange(0, 6))])
        table = (header, shares, rows)
    else:
        form = [
            ("单位名称", applicant),
            ("法定代表人", _name(rng)),
            ("联系人", _name(rng)),
            ("联系电话", f"1{rng.randrange(3, 9)}{rng.randrange(10**8, 10**9)}"),
            ("办学地址", f"{rng.choice('东西南北')}城区{rng.choice('建设人民解放中山光明')}路{rng.randrange(1, 300)}号"),
            ("开户银行", f"中国{rng.choice(('工商', '农业', '建设'))}银行{rng.choice('东西南北')}城支行"),
            ("培训工种", "、".join(rng.sample(TRADES, 3))),
        ]
    code = "91" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(16))
    if rng.random() < 0.4:
        closing = None
    return {"heading": heading, "paragraphs": paragraphs, "table": table, "form": form, "closing": closing, "code": code}


def _chinese_number(n: int) -> str:
    return "十" if n == 10 else NUMERALS[n]


def _date(rng: random.Random) -> str:
    year = "".join(NUMERALS[int(d)] for d in str(rng.randrange(2022, 2026)))
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)

    def spell(n: int) -> str:
        if n < 10:
            return NUMERALS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[ones] if ones else "")

    return f"{year}年{spell(month)}月{spell(day)}日"


def _write(doc, path: Path) -> None:
    """Write whole-or-nothing (app.files)."""
    write_atomic(path, doc.tobytes(garbage=3, deflate=True, no_new_id=True))