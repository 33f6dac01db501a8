"""The objection file: for one applicant, one PDF that answers an objection with where every number came from.

Every expert's points per criterion with their comments, the re-check rounds with the reasons given,
the pages each expert cited (small images of those pages, drawn from the session's materials), the rule
the consensus was made by, and the fingerprints of the score files (printed on each expert's signed
opinion sheet) and of the material files it shows. Nothing here is computed anew: every figure is the
merged result's, so every number traces to a signed sheet.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from app import objections as objections_mod
from app import sheets as sh
from app import vocabulary as words
from app.session import sha256_file
from app.sheets import MM, P, cn_date, header_block, ruled, title_block, write_atomic

TITLE = "异议答复材料（评分溯源）"
THUMB_WIDTH = 38 * MM  # four to a row on A4
MAX_THUMBS = 48  # a page of cited pages is enough to answer; the rest are listed


def _value(s, part) -> str:
    """What one expert gave for one part: points, a yes/no, or blank."""
    if part.kind == "section":
        return sh.points(s.sections.get(part.id)) if part.id in s.sections else "—"
    if part.kind in ("criterion", "gate") and part.id in s.criteria:
        return sh.points(s.criteria.get(part.id))
    ans = s.answers.get(part.id)
    if ans is None:
        return "未评" if part.id in s.missing else "—"
    if ans.value in (words.YES, words.NO):
        return words.printed(ans.value)
    return sh.points(ans.value) if ans.value.replace(".", "", 1).isdigit() else ans.value


def _consensus(a, part, decimals: int) -> str:
    if part.kind == "section":
        return sh.score_text(a.sections.get(part.id), decimals) or "—"
    if part.id in a.criteria:
        return sh.score_text(a.criteria.get(part.id), decimals) or "—"
    cond = next((c for c in a.conditions if c.id == part.id), None)
    if cond is not None:
        return {True: "满足", False: "不满足", None: "—"}[cond.met] + f"（{cond.yes}:{cond.no}）"
    return ""


def _thumb(path: Path, page: int) -> bytes | None:
    """A small PNG of `page` (1-based) of the PDF at `path`, or None when it cannot be drawn."""
    import pymupdf

    try:
        with pymupdf.open(path) as doc:
            if not 1 <= page <= doc.page_count:
                return None
            p = doc[page - 1]
            zoom = (THUMB_WIDTH / 72 * 110) / max(1.0, p.rect.width)  # ~110 dpi at the printed width
            return p.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")
    except Exception:  # noqa: BLE001 — a damaged material is reported as "cannot be shown", never a crash
        return None


def build(result, session, applicant_id: str) -> bytes:
    """The objection file of `applicant_id` as PDF bytes."""
    from reportlab.platypus import Image, KeepTogether, Spacer, Table, TableStyle  # noqa: F401

    a = result.applicant(applicant_id)
    d = result.decimals
    width = sh.frame_width()
    experts = [eid for eid in a.scores if a.scores[eid].recused is None]
    names = {e.id: e.name for e in result.experts}
    story = title_block(TITLE, result.title)
    total = sh._score_or_votes(a, d)
    story.append(header_block([("申报单位", a.name), ("类别", a.category or "—", "评审日期", cn_date(result.date)),
                               ("共识得分", total, "排名", sh._rank_text(a)),
                               ("评审结论", words.printed(a.status) if a.status in (words.CANDIDATE, words.RESERVE)
                                else {"ranked": "未列入候选名单", "ineligible": "不符合基本条件"}.get(a.status, a.status))],
                              width))
    found = [o for o in objections_mod.objections(result.path) if o.applicant_id == applicant_id] if result.path else []
    if found:
        story.append(P("一、异议", "heading"))
        story.append(ruled([[P(t, "head") for t in ("编号", "收到时间", "提出人", "异议内容", "处理")]] + [
            [P(o.id, "cell_c"), P(o.received.replace("T", " ")[:16], "small"), P(o.by, "small"), P(o.about, "small"),
             P(objections_mod.PRINTED[o.decision] + (f"：{o.reason}" if o.reason else "")
               + (f"（第{o.round}轮复核）" if o.round else ""), "small")] for o in found],
            [12 * MM, 26 * MM, 26 * MM, width - 114 * MM, 50 * MM]))

    story.append(P("二、共识分的计算规则", "heading"))
    for line in sh.settings_lines(result):
        story.append(P("· " + line, "small"))

    story.append(P("三、各评审专家逐项评分", "heading"))
    if a.recused:
        story.append(P("回避：" + "；".join(f"{names.get(e, e)}（{a.scores[e].recused}）" for e in a.recused), "small"))
    ew = min(16 * MM, (width - 80 * MM) / max(1, len(experts) + 1))
    head = [P("项目", "head")] + [P(names.get(e, e), "head") for e in experts] + [P("共识", "head")]
    rows = [head]
    extra = []
    for part in a.parts:
        if part.kind.startswith("item:") and part.parent and a.part(part.parent) is not None \
                and part.parent in a.criteria:
            continue  # a checklist's items add up to their criterion, shown once
        label = f"{part.id} {words.short(part.text, 40)}" + (f"（满分{sh.points(part.max)}）" if part.max else "")
        row = [P(label, "small")] + [P(_value(a.scores[e], part), "cell_c") for e in experts] \
            + [P(_consensus(a, part, d), "cell_c")]
        if part.kind == "section":
            extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), sh.BAND_GREY))
        rows.append(row)
    rows.append([P("总分", "small")] + [P(sh.points(a.scores[e].total), "cell_c") for e in experts]
                + [P(total, "cell_c")])
    story.append(ruled(rows, [width - ew * (len(experts) + 1)] + [ew] * (len(experts) + 1), extra=extra))

    comments = [(e, t, c) for e in experts for t, c in a.scores[e].comments.items() if c]
    opinions = [(e, a.scores[e].opinion) for e in experts if a.scores[e].opinion]
    if comments or opinions:
        story.append(P("四、评审意见与说明", "heading"))
        data = [[P("专家", "head"), P("项目", "head"), P("意见", "head")]]
        data += [[P(names.get(e, e), "small"), P(t, "small"), P(c, "small")] for e, t, c in comments]
        data += [[P(names.get(e, e), "small"), P("总体意见", "small"), P(o, "small")] for e, o in opinions]
        story.append(ruled(data, [24 * MM, 24 * MM, width - 48 * MM]))

    story.append(P("五、复核轮次与理由", "heading"))
    if a.changes:
        data = [[P(t, "head") for t in ("专家", "项目", "轮次", "原值", "复核结果", "理由")]]
        for c in a.changes:
            what = getattr(c, "kind", words.CHANGED)
            data.append([P(names.get(c.expert_id, c.expert_id), "small"), P(c.target_id, "small"),
                         P(f"{c.round_from}→{c.round_to}", "cell_c"), P(c.old or "—", "cell_c"),
                         P(words.printed(what) + ("" if what == words.CONFIRMED else f"为 {c.new or '—'}"), "small"),
                         P(getattr(c, "reason", "") or getattr(c, "ground", "") or "—", "small")])
        story.append(ruled(data, [22 * MM, 20 * MM, 14 * MM, 16 * MM, 30 * MM, width - 102 * MM]))
    else:
        story.append(P("本单位的评分未经复核修改（各专家均为第一轮评分）。", "small"))

    story.append(P("六、专家引用的申报材料页面", "heading"))
    by_name = {m.name: m for m in session.materials(applicant_id)}
    cells, listed, shown = [], [], 0
    for e in experts:
        for c in a.scores[e].citations:
            caption = f"{names.get(e, e)} · {c.target_id} · {c.material or c.file} 第{c.page}页"
            mf = by_name.get(c.file)
            png = _thumb(session.material_path(mf), c.page) if mf is not None and shown < MAX_THUMBS else None
            if png is None:
                listed.append(caption + ("" if mf is not None else "（材料不在本次评审的文件中）"))
                continue
            shown += 1
            img = Image(io.BytesIO(png), width=THUMB_WIDTH, height=THUMB_WIDTH * 1.414, kind="proportional")
            cells.append([img, P(caption, "small_c")])
    if cells:
        per_row = 4
        grid = []
        for k in range(0, len(cells), per_row):
            chunk = cells[k:k + per_row] + [["", ""]] * (per_row - len(cells[k:k + per_row]))
            grid.append([c[0] for c in chunk])
            grid.append([c[1] for c in chunk])
        t = Table(grid, colWidths=[width / per_row] * per_row, hAlign="LEFT")
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), sh._styles()["font"]), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(t)
    for line in listed:
        story.append(P(line, "small"))
    if not cells and not listed:
        story.append(P("评审专家未引用具体页面。", "small"))

    story.append(KeepTogether(_fingerprints(result, session, a, experts, names, width)))
    story.append(Spacer(1, 4 * MM))
    story.append(P("秘书（签名）：______________　　　　" + cn_date(None), "right"))
    return sh.render(story, footer=f"{TITLE} · {a.name}"[:80], title=f"{TITLE} {a.name}", subject=result.session_id)


def _fingerprints(result, session, a, experts: list[str], names: dict, width: float) -> list[Any]:
    out = [P("七、来源文件及校验码", "heading"),
           P("每位专家的分数均来自其提交的评分文件；评分文件的校验码印在该专家签字的《专家评审意见书》上，"
             "可用 panelreview scores verify 复核。", "small")]
    data = [[P(t, "head") for t in ("评审专家", "评分文件", "轮次", "校验码")]]
    for f in result.accepted:
        if f.expert_id in experts:
            data.append([P(names.get(f.expert_id, f.expert_id), "small"), P(f.name, "small"),
                         P(str(f.round or 1), "cell_c"), P(f.fingerprint or "—", "mono_c")])
    out.append(ruled(data, [24 * MM, width - 88 * MM, 14 * MM, 50 * MM]))
    cited = sorted({c.file for e in experts for c in a.scores[e].citations})
    mats = [m for m in session.materials(a.id) if m.name in cited]
    if mats:
        data = [[P(t, "head") for t in ("申报材料", "SHA-256（评审时）", "现状")]]
        for m in mats:
            p = session.material_path(m)
            now = "一致" if p.is_file() and sha256_file(p) == m.sha256 else "与评审时不一致或缺失"
            data.append([P(m.name, "small"), P(m.sha256, "small"), P(now, "small_c")])
        out.append(_gap(2))
        out.append(ruled(data, [40 * MM, width - 70 * MM, 30 * MM]))
    out.append(P(f"汇总结果生成时间：{result.created}；会议编号：{result.session_id}", "note"))
    return out


def _gap(mm: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, mm * MM)


def write(result, session, applicant_id: str, out: Path) -> Path:
    return write_atomic(Path(out), build(result, session, applicant_id))
