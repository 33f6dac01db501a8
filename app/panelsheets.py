"""The panel's papers: the sign-in sheet (签到表), each expert's pledge (承诺书), the joint opinion (专家组评审意见).

A4 PDFs laid out with the sheets' furniture (app.sheets). The pledge says only what the documents say:
no seed gives a pledge text, so it quotes, word for word and with its source, the sentences of the
calls and of 财政部令第87号 (the practice experts know; a reference, not the calls' rule) that bind an
expert in the room; the only words of its own are the expert's “本人已阅读上述条文，承诺遵照执行。”.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import panel as panel_mod
from app import sheets as sh
from app import vocabulary as words
from app.errors import SheetError
from app.sheets import MM, P, cn_date, header_block, render, ruled, title_block, write_atomic

SIGN_IN = "评审专家签到表"
PLEDGE = "评审专家承诺书"
OPINION = "专家组评审意见"

# (source, the sentence as the document writes it); tests/test_panel.py finds each one in its document.
PLEDGE_QUOTES: list[tuple[str, str, str]] = [
    ("000", "〔000〕五（三）", "载体认定评审由专家以书面审查的方式，在充分讨论基础上，对申报单位进行评审打分"),
    ("003", "〔003〕四（二）", "严格按照规定流程和纪律要求，对申报材料进行评审"),
    ("87", "〔财政部令第87号〕第六十二条", "评标委员会及其成员不得有下列行为："),
    ("87", "〔财政部令第87号〕第六十二条（四）", "对需要专业判断的主观评审因素协商评分"),
    ("87", "〔财政部令第87号〕第六十二条（六）", "记录、复制或者带走任何评标资料"),
    ("87", "〔财政部令第87号〕第六十六条", "有关人员对评标情况以及在评标过程中获悉的国家秘密、商业秘密负有保密责任。"),
    ("87", "〔财政部令第87号〕第四十七条", "评标委员会成员名单在评标结果公告前应当保密。"),
]
PLEDGE_NOTE = ("以上条文均摘自评审文件原文。财政部令第87号为评审专家普遍熟悉的成文做法，"
               "本次评审仅作参照（文中“评标”即本次评审）。")
PLEDGE_WORDS = "本人已阅读上述条文，承诺遵照执行。"

CONCLUSIONS = {words.CANDIDATE: "列入候选名单", words.RESERVE: "列入备选名单", words.RANKED: "未列入候选名单",
               words.INELIGIBLE: "不符合基本条件", words.INSUFFICIENT_EXPERTS: "评分专家不足",
               words.NOT_RECOMMENDED: "多数专家未建议认定"}


def _leader_line(record: panel_mod.PanelRecord | None) -> str:
    if record is not None and record.leader is not None:
        return f"评审组长（由专家组推选）：{record.leader.name}"
    return "评审组长（由专家组推选，财政部令第87号第四十五条（四））：______________"


# --------------------------------------------------------------------------- sign-in


def build_sign_in(session, *, record: panel_mod.PanelRecord | None = None, place: str = "") -> bytes:
    """The 签到表 of the session's roster: name, organisation, title, a line to sign, the time signed in."""
    from reportlab.platypus import Spacer

    width = sh.frame_width()
    story = title_block(SIGN_IN, session.title)
    story.append(header_block([("评审日期", cn_date(session.date), "评审地点", place or ""),
                               ("评审专家", f"{len(session.experts)} 人", "会议编号", session.id[:8])], width))
    story.append(Spacer(1, 5 * MM))
    head = [P(t, "head") for t in ("序号", "姓名", "工作单位", "职称", "签名", "签到时间")]
    data = [head] + [[P(str(k), "cell_c"), P(e.name), P(e.organisation or "—"), P(e.title or "—"), "", ""]
                     for k, e in enumerate(session.experts, start=1)]
    w = [12 * MM, 24 * MM, 0, 26 * MM, 32 * MM, 24 * MM]
    w[2] = width - sum(w)
    table = ruled(data, w)
    table._argH = [None] + [14 * MM] * len(session.experts)  # room to sign on each line
    story.append(table)
    story.append(Spacer(1, 6 * MM))
    story.append(P(_leader_line(record), "value"))
    story.append(Spacer(1, 10 * MM))
    story.append(P("秘书（签名）：______________　　　　日期：" + cn_date(None), "value"))
    return render(story, footer=f"{SIGN_IN} · {session.title}"[:80], title=f"{SIGN_IN} {session.title}",
                  subject=session.id)


def sign_in(session, out: Path, **kw: Any) -> Path:
    return write_atomic(Path(out), build_sign_in(session, **kw))


# --------------------------------------------------------------------------- pledge


def build_pledges(session, expert_ids: list[str] | None = None) -> bytes:
    """One 承诺书 page per expert (all on the roster unless `expert_ids`), quoting the documents."""
    from reportlab.platypus import PageBreak, Spacer

    chosen = session.experts if not expert_ids else [session.expert(i) for i in expert_ids]
    if not chosen:
        raise SheetError("the session has no experts: there is no pledge to print")
    width = sh.frame_width()
    story: list = []
    for k, e in enumerate(chosen):
        if k:
            story.append(PageBreak())
        story += title_block(PLEDGE, session.title)
        story.append(header_block([("姓名", e.name, "职称", e.title or "—"), ("工作单位", e.organisation or "—"),
                                   ("评审日期", cn_date(session.date))], width))
        story.append(Spacer(1, 5 * MM))
        for _doc, source, text in PLEDGE_QUOTES:
            story.append(P(f"{source}：“{text}”", "body"))
            story.append(Spacer(1, 2 * MM))
        story.append(P(PLEDGE_NOTE, "note"))
        story.append(Spacer(1, 8 * MM))
        story.append(P(PLEDGE_WORDS, "body"))
        story.append(Spacer(1, 16 * MM))
        story.append(P(f"承诺人（签名）：______________　　　　{cn_date(None)}", "right"))
    return render(story, footer=f"{PLEDGE} · {session.title}"[:80], title=f"{PLEDGE} {session.title}",
                  subject=session.id)


def pledges(session, out: Path, expert_ids: list[str] | None = None) -> Path:
    return write_atomic(Path(out), build_pledges(session, expert_ids))


# --------------------------------------------------------------------------- joint opinion


def _signatures(result, record: panel_mod.PanelRecord, width: float) -> Any:
    """Every member signs; the leader is marked."""
    from reportlab.platypus import Table, TableStyle

    leader = record.leader.expert_id if record.leader else None
    cells = [f"{e.name}{'（组长）' if e.id == leader else ''}" for e in result.experts]
    per_row = 3
    rows = []
    for start in range(0, len(cells), per_row):
        chunk = cells[start:start + per_row]
        row: list = []
        for c in chunk:
            row += [P(c + "：", "value_r"), ""]
        row += ["", ""] * (per_row - len(chunk))
        rows.append(row)
    cw = width / per_row
    table = Table(rows, colWidths=[34 * MM, cw - 34 * MM] * per_row, rowHeights=[10 * MM] * len(rows), hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), sh._styles()["font"]), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    for r, row in enumerate(rows):
        for c in range(per_row):
            if row[c * 2] != "":
                style.append(("LINEBELOW", (c * 2 + 1, r), (c * 2 + 1, r), 0.6, "#000000"))
    table.setStyle(TableStyle(style))
    return table


def _dissent_block(result, dissents: list[panel_mod.Dissent], width: float) -> list:
    from reportlab.platypus import Spacer

    out = [P("不同意见及理由（财政部令第87号第六十一条：“持不同意见的评标委员会成员应当在评标报告上签署不同意见及理由，"
             "否则视为同意评标报告。”）", "heading")]
    if not dissents:
        out.append(P("（记录时无成员提出不同意见；如有，请在下栏写明意见及理由并签名。）", "note"))
        out.append(sh._blank_box(width, lines=2))
        return out
    data = [[P("成员", "head"), P("不同意见", "head"), P("理由", "head"), P("签名", "head")]]
    for d in dissents:
        data.append([P(result.expert_name(d.expert_id)), P(d.opinion), P(d.reason), ""])
    w = [24 * MM, 0, 0, 28 * MM]
    w[1] = w[2] = (width - w[0] - w[3]) / 2
    out.append(ruled(data, w))
    out.append(Spacer(1, 2 * MM))
    return out


def _opinion_box(text: str | None, width: float) -> list:
    if text:
        return [ruled([[P(text, "body")]], [width], header_rows=0)]
    return [P("（专家组意见未录入，请当场填写。）", "note"), sh._blank_box(width, lines=3)]


def _opinion_and_signatures(result, record: panel_mod.PanelRecord, applicant_id: str, width: float) -> list:
    """The panel's opinion, the dissents with their reasons, and every member's signature (the leader marked)."""
    from reportlab.platypus import KeepTogether

    return [P("专家组意见", "heading"), *_opinion_box(record.opinions.get(applicant_id), width),
            *_dissent_block(result, record.dissents_on(applicant_id), width),
            KeepTogether([P("评审专家组全体成员签名：", "heading"), _signatures(result, record, width),
                          P(cn_date(None), "right")])]


def _applicant_story(result, record: panel_mod.PanelRecord, a, width: float) -> list:
    d = result.decimals
    total = sh._score_or_votes(a, d) + ("分" if a.has_points and a.total is not None else "")
    rank = sh._rank_text(a) if a.rank is not None else "—"
    elig = "符合" if a.eligible else "不符合：" + "；".join(s.text("zh_CN") for s in a.ineligible)
    story = title_block(OPINION, result.title)
    story.append(header_block([("申报单位", a.name), ("类别", a.category or "—", "评审日期", cn_date(result.date)),
                               ("共识得分", total, "排名", rank), ("基本条件", elig),
                               ("评审结论", CONCLUSIONS.get(a.status, a.status))], width))
    story.append(P("各评审专家意见", "heading"))
    data = [[P("评审专家", "head"), P("总分", "head"), P("建议认定", "head"), P("意见", "head")]]
    for eid, s in a.scores.items():
        name = result.expert_name(eid)
        if s.recused is not None:
            data.append([P(name), P("回避", "cell_c"), P("—", "cell_c"), P(f"回避理由：{s.recused}", "small")])
            continue
        rec = {words.POSITIVE: "建议", words.NEGATIVE: "不建议"}.get(s.decision or "", "—")
        data.append([P(name), P(sh.points(s.total), "cell_r"), P(rec, "cell_c"), P(s.opinion or "", "small")])
    w = [26 * MM, 18 * MM, 20 * MM, 0]
    w[3] = width - sum(w)
    story.append(ruled(data, w))
    if a.flags:
        kinds = sorted({words.printed(f.kind) for f in a.flags})
        story.append(P(f"复核提示 {len(a.flags)} 项（{'、'.join(kinds)}），逐项见《评审汇总表》。", "note"))
    return story + _opinion_and_signatures(result, record, a.id, width)


def _session_story(result, record: panel_mod.PanelRecord, width: float) -> list:
    story = title_block(OPINION + "（本次评审）", result.title)
    leader = record.leader.name + "（由专家组推选）" if record.leader else "未记录"
    story.append(header_block([("评审日期", cn_date(result.date), "评审组长", leader),
                               ("评审专家", "、".join(e.name for e in result.experts)),
                               ("申报单位", f"{len(result.applicants)} 家", "符合基本条件",
                                f"{sum(1 for a in result.applicants if a.eligible)} 家")], width))
    by_id = {a.id: a for a in result.applicants}
    story.append(P("候选名单与备选名单", "heading"))
    data = [[P("名额", "head"), P("候选（拟入选）", "head"), P("备选", "head")]]
    for c in result.categories:
        data.append([P(c.label + sh._quota_text(c), "small"),
                     P("、".join(by_id[i].name for i in c.candidates if i in by_id) or "（无）", "small"),
                     P("、".join(by_id[i].name for i in c.reserves if i in by_id) or "—", "small")])
    w = [50 * MM, 0, 45 * MM]
    w[1] = width - sum(w)
    story.append(ruled(data, w))
    return story + _opinion_and_signatures(result, record, panel_mod.SESSION, width)


def build_joint_opinion(result, record: panel_mod.PanelRecord, *, applicant_id: str | None = None) -> bytes:
    """专家组评审意见: for one applicant, or (None) the session's page then one page per applicant."""
    from reportlab.platypus import PageBreak

    width = sh.frame_width()
    if applicant_id:
        story = _applicant_story(result, record, result.applicant(applicant_id), width)
    else:
        story = _session_story(result, record, width)
        for a in result.applicants:
            story.append(PageBreak())
            story += _applicant_story(result, record, a, width)
    return render(story, footer=f"{OPINION} · {result.title}"[:80], title=f"{OPINION} {result.title}",
                  subject=result.session_id)


def joint_opinion(result, record: panel_mod.PanelRecord, out: Path, *, applicant_id: str | None = None) -> Path:
    return write_atomic(Path(out), build_joint_opinion(result, record, applicant_id=applicant_id))
