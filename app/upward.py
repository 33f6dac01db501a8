"""The report upward: the 评审报告 / 推荐申报报告 draft, as PDF and as an editable .docx from one text.

What it holds is what the documents ask a report to hold:

    〔002〕四（一）“推荐申报报告内容包括项目推荐情况、评审专家组成以及评审程序、评审方法、评审结果、公示等情况
    （专家评审意见书和公示截图要作为附件附后），并注明联系人、联系方式。”
    〔财政部令第87号〕第五十八条 评标报告应当包括：（一）招标公告刊登的媒体名称、开标日期和地点；（二）投标人名单和
    评标委员会成员名单；（三）评标方法和标准；（四）开标记录和评标情况及说明，包括无效投标人名单及原因；（五）评标结果，
    确定的中标候选人名单……；（六）其他需要说明的情况，包括……评标委员会成员的更换等。
    第六十四条 “……评标委员会应当当场修改评标结果，并在评标报告中记载”; 第六十一条 dissents with their reasons.

It is a draft: every fact comes from the result file (the merge, the inspections, the journal, the
panel's record, the notice, the objections); what no file holds (where the call was published, the
place, the contact) is a blank to fill in, never made up. The journal is printed as its annex.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app import journal as journal_mod
from app import notice as notice_mod
from app import objections as objections_mod
from app import panel as panel_mod
from app import sheets as sh
from app import vocabulary as words
from app.result import Result, score_text
from app.wordfile import Block

TITLE = "评审报告"
BLANK = "______________"
SECTIONS = ("一、项目推荐情况", "二、评审专家组成", "三、评审程序", "四、评审方法和标准", "五、不符合条件的申报单位及原因",
            "六、评审结果", "七、实地考察情况", "八、候选名单和备选名单", "九、公示情况", "十、其他需要说明的情况",
            "十一、联系人及联系方式", "附件")
STATUS = {words.CANDIDATE: "候选", words.RESERVE: "备选", words.RANKED: "已排名", words.INELIGIBLE: "不符合基本条件",
          words.INSUFFICIENT_EXPERTS: "评分专家不足", words.NOT_RECOMMENDED: "多数专家未建议认定"}
PROCEDURE = ("〔000〕五（三）：“载体认定评审由专家以书面审查的方式，在充分讨论基础上，对申报单位进行评审打分，然后按照分数高低，"
             "依次进行实地考察（考察总量以实际情况而定），最终以‘符合基本条件+总量控制+分高优先+实地验证’的原则确定候选名单。”")


def _names(result: Result, ids: list[str]) -> str:
    by_id = {a.id: a.name for a in result.applicants}
    return "、".join(by_id.get(i, i) for i in ids) or "（无）"


def _d(result: Result, v) -> str:
    return score_text(v, result.decimals) or "—"


def blocks(result: Result, *, session=None, call: str = "", place: str = "", contact: str = "", phone: str = "",
           today: dt.date | None = None) -> list[Block]:
    """The report as blocks (title, headings, paragraphs, tables), the same for the PDF and the .docx."""
    path = result.path
    record = panel_mod.record(path) if path else panel_mod.PanelRecord(None, {})
    entries = journal_mod.entries(path) if path else []
    notice = notice_mod.recorded(path) if path else None
    found = objections_mod.objections(path) if path else []
    b: list[Block] = [Block("title", TITLE + "（推荐申报报告）"), Block("subtitle", result.title + "　（草稿）")]
    eligible = [a for a in result.applicants if a.eligible]

    # 一、项目推荐情况
    b.append(Block("heading", SECTIONS[0]))
    b.append(Block("para", f"本次评审共有申报单位{len(result.applicants)}家，其中符合基本条件{len(eligible)}家。"
                           "经评审，拟推荐的候选（拟入选）单位和备选单位如下："))
    b.append(Block("table", rows=[["名额", "候选（拟入选）", "备选"]] + [
        [c.label + sh._quota_text(c), _names(result, c.candidates), _names(result, c.reserves) if c.reserve else "—"]
        for c in result.categories], widths=[0.3, 0.45, 0.25]))

    # 二、评审专家组成
    b.append(Block("heading", SECTIONS[1]))
    leader = record.leader
    b.append(Block("para", f"评审专家组由{len(result.experts)}名专家组成"
                           + (f"，{leader.name}为评审组长（由专家组推选）。" if leader else "；评审组长：" + BLANK + "（由专家组推选）。")))
    recusals: dict[str, list[str]] = {}
    for a in result.applicants:
        for eid in a.recused:
            recusals.setdefault(eid, []).append(a.name)
    b.append(Block("table", rows=[["序号", "姓名", "工作单位", "职称", "备注"]] + [
        [str(k), e.name, e.organisation or "—", e.title or "—",
         "；".join(x for x in ("组长" if leader and leader.expert_id == e.id else "",
                               ("回避：" + "、".join(recusals[e.id])) if e.id in recusals else "") if x) or ""]
        for k, e in enumerate(result.experts, start=1)], widths=[0.07, 0.13, 0.4, 0.15, 0.25]))
    missing = [e for e in result.experts if not e.merged]
    if missing:
        b.append(Block("para", "评审专家变更情况：以下专家的评分文件未予汇总（财政部令第87号第五十八条（六））："
                               + "、".join(e.name for e in missing) + "。"))
    else:
        b.append(Block("para", f"评审专家变更情况：汇总采用了全部{len(result.experts)}名专家的评分文件；程序记录中无评审专家更换。"))

    # 三、评审程序
    b.append(Block("heading", SECTIONS[2]))
    b.append(Block("para", f"申报通知及发布渠道：{call or BLANK}；评审日期：{sh.cn_date(result.date)}；评审地点：{place or BLANK}。"))
    b.append(Block("para", "评审依照：" + PROCEDURE))
    steps = [e for e in entries if e.action in (journal_mod.LEADER, journal_mod.MERGE, journal_mod.RECHECK,
                                                 journal_mod.INSPECTION, journal_mod.NOTICE)]
    if steps:
        b.append(Block("para", "本次评审的经过（摘自秘书工作日志，全文见附件）："))
        b.append(Block("table", rows=[["时间", "事项", "内容"]] + [
            [e.at.replace("T", " ")[:16], journal_mod.PRINTED.get(e.action, e.action), e.what.text("zh_CN")]
            for e in steps], widths=[0.2, 0.15, 0.65]))

    # 四、评审方法和标准
    b.append(Block("heading", SECTIONS[3]))
    used = sorted({a.rubric_id for a in result.applicants})
    for rid in used:
        r = session.rubrics.get(rid) if session is not None else None
        b.append(Block("para", f"评审标准：{r.title}（{rid}，版本 {r.version}）" if r else f"评审标准：{rid}"))
    b.append(Block("para", "评分方法：专家独立书面评审打分（财政部令第87号第六十二条（四）：不得“对需要专业判断的主观评审因素协商评分”），"
                           "评分文件提交后锁定并生成校验码，由秘书汇总。"))
    for line in sh.settings_lines(result):
        b.append(Block("para", "· " + line))

    # 五、不符合条件的申报单位及原因
    b.append(Block("heading", SECTIONS[4]))
    bad = [a for a in result.applicants if not a.eligible or a.status == words.INSUFFICIENT_EXPERTS]
    if bad:
        b.append(Block("table", rows=[["申报单位", "类别", "原因"]] + [
            [a.name, a.category or "—", "；".join(s.text("zh_CN") for s in a.ineligible) or STATUS.get(a.status, a.status)]
            for a in bad], widths=[0.3, 0.2, 0.5]))
    else:
        b.append(Block("para", "无。全部申报单位符合基本条件。"))

    # 六、评审结果
    b.append(Block("heading", SECTIONS[5]))
    for quotas, people in sh._groups(result):
        b.append(Block("heading2", quotas[0].name + sh._quota_text(quotas[0])))
        rows = [["排名", "申报单位", "共识得分", "建议认定票数", "结果"]]
        for a in sh._ranked(people):
            rows.append([sh._rank_text(a), a.name, sh._score_or_votes(a, result.decimals),
                         f"{a.recommendations.get('yes', 0)} : {a.recommendations.get('no', 0)}",
                         STATUS.get(a.status, a.status)])
        b.append(Block("table", rows=rows, widths=[0.1, 0.44, 0.14, 0.14, 0.18]))
    rounds = sorted({f.round or 1 for f in result.accepted})
    b.append(Block("para", f"评分轮次：{'、'.join(f'第{r}轮' for r in rounds) or '—'}。"
                           "汇总后仅在分值汇总计算错误、分项评分超出评分标准范围、客观评审因素评分不一致、评分畸高畸低等情形下复核修改"
                           "（财政部令第87号第六十四条），修改记载如下："))
    if result.changes:
        rows = [["评审专家", "申报单位", "项目", "轮次", "原值", "新值", "理由"]]
        for c in result.changes:
            rows.append([result.expert_name(c.expert_id), _names(result, [c.applicant_id]), c.target_id,
                         f"{c.round_from}→{c.round_to}", c.old or "—", c.new or "—", getattr(c, "reason", "") or "—"])
        b.append(Block("table", rows=rows, widths=[0.12, 0.22, 0.12, 0.09, 0.1, 0.1, 0.25]))
    else:
        b.append(Block("para", "无修改。"))
    flagged = sum(len(a.flags) for a in result.applicants)
    b.append(Block("note", f"汇总提示共{flagged}项（畸高畸低、评分差异较大等），逐项见《评审汇总表》。"))

    # 七、实地考察情况
    b.append(Block("heading", SECTIONS[6]))
    inspected = [a for a in result.applicants if a.inspection is not None]
    if result.settings.get("field_inspection") == "none" and not inspected:
        b.append(Block("para", "本次评审依据的申报通知未要求实地考察。"))
    elif inspected:
        b.append(Block("table", rows=[["申报单位", "考察结果", "说明", "记录时间"]] + [
            [a.name, words.printed(a.inspection.result), a.inspection.note or "—", a.inspection.at.replace("T", " ")[:16]]
            for a in inspected], widths=[0.35, 0.12, 0.33, 0.2]))
    else:
        b.append(Block("para", "尚未记录实地考察。"))
    waiting = [i for c in result.categories for i in c.awaiting]
    if waiting:
        b.append(Block("para", "待实地考察：" + _names(result, waiting) + "。"))

    # 八、候选名单和备选名单
    b.append(Block("heading", SECTIONS[7]))
    for c in result.categories:
        b.append(Block("para", f"{c.label}{sh._quota_text(c)}：候选（拟入选）{_names(result, c.candidates)}"
                               + (f"；备选 {_names(result, c.reserves)}" if c.reserve else "") + "。"))
        for ids, label in ((c.boundary_tie, "名额边界并列，须由评审专家组研究确定"),
                           (c.reserve_tie, "备选名额边界并列，须由评审专家组研究确定")):
            if ids:
                b.append(Block("para", f"{label}：{_names(result, ids)}。"))

    # 九、公示情况
    b.append(Block("heading", SECTIONS[8]))
    if notice is None:
        b.append(Block("para", "候选名单尚未公示（〔000〕五（四）：“候选名单向社会公示5个工作日”）。公示期：" + BLANK + "。"))
    else:
        by_hand = "（截止日期由秘书确定）" if notice.set_by_hand else ""
        b.append(Block("para", f"候选名单于{sh.cn_date(notice.start)}至{sh.cn_date(notice.end)}向社会公示"
                               + (f"{len(notice.days)}个工作日" if notice.days else "") + by_hand + "。"
                               + ("期间休息日：" + "、".join(f"{sh.cn_date(d)}（{why}）" for d, why in notice.skipped) + "。"
                                  if notice.skipped else "")
                               + ("调休上班日：" + "、".join(sh.cn_date(d) for d in notice.make_up) + "。"
                                  if notice.make_up else "")))
    if found:
        b.append(Block("table", rows=[["编号", "收到时间", "提出人", "涉及单位", "异议内容", "处理结果及理由", "复核"]] + [
            [o.id, o.received.replace("T", " ")[:16], o.by, _names(result, [o.applicant_id]), o.about,
             objections_mod.PRINTED[o.decision] + (f"：{o.reason}" if o.reason else ""),
             f"第{o.round}轮" if o.round else "—"] for o in found],
            widths=[0.07, 0.13, 0.12, 0.16, 0.2, 0.22, 0.1]))
    elif notice is not None:
        b.append(Block("para", "公示期间未收到异议。"))
    final = objections_mod.final_list(path, result, today=today) if path else None
    if final is not None and final.ready:
        b.append(Block("para", "公示无异议或者异议不成立（〔000〕五（四）），候选名单报送如上（八）。"
                       if not any(o.decision == objections_mod.UPHELD for o in found) else
                       "成立的异议已经复核，复核后的候选名单如上（八）；其余异议不成立。"))
    elif final is not None:
        b.append(Block("para", "候选名单尚不能报送：" + "；".join(s.text("zh_CN") for s in final.reasons) + "。"))
    if final is not None:
        for w in final.warnings:
            b.append(Block("note", "提示：" + w.text("zh_CN")))

    # 十、其他需要说明的情况
    b.append(Block("heading", SECTIONS[9]))
    others = []
    for d in record.dissents:
        what = "本次评审" if d.applicant_id == panel_mod.SESSION else _names(result, [d.applicant_id])
        others.append(f"{result.expert_name(d.expert_id)}对{what}持不同意见：{d.opinion}；理由：{d.reason}（本人签署，财政部令第87号第六十一条）。")
    others += ["提示：" + w.text("zh_CN") for w in result.warnings]
    for line in others or ["无。"]:
        b.append(Block("para", line))

    # 十一、联系人及联系方式
    b.append(Block("heading", SECTIONS[10]))
    b.append(Block("para", f"联系人：{contact or BLANK}　　联系电话：{phone or BLANK}"))

    b.append(Block("heading", SECTIONS[11]))
    for k, line in enumerate(("专家评审意见书（各评审专家签名）", "专家组评审意见（全体成员签名）", "评审汇总表",
                              "公示截图", "秘书工作日志（附后）"), start=1):
        b.append(Block("para", f"{k}. {line}"))
    b.append(Block("para", ""))
    b.append(Block("right", "评审组长（签名）：" + BLANK + "　　秘书（签名）：" + BLANK))
    b.append(Block("right", sh.cn_date(None)))
    b += journal_blocks(entries, result.title)
    return b


def journal_blocks(entries: list, title: str) -> list[Block]:
    """The journal as an annex: every entry with its time, what was done, and its inputs' fingerprints."""
    out = [Block("pagebreak"), Block("title", "附件：秘书工作日志"), Block("subtitle", title)]
    if not entries:
        out.append(Block("para", "（日志中无记录。）"))
        return out
    rows = [["序号", "时间", "事项", "内容", "依据的文件及校验码"]]
    previous = None
    for e in entries:
        inputs = "\n".join(f"{i.name}：{i.fingerprint}" for i in e.inputs) or "—"
        same = e.inputs and e.inputs == previous
        previous = e.inputs
        rows.append([str(e.position + 1), e.at.replace("T", " ")[:19], journal_mod.PRINTED.get(e.action, e.action),
                     e.what.text("zh_CN"), "同上" if same else inputs])
    out.append(Block("table", rows=rows, widths=[0.06, 0.14, 0.1, 0.35, 0.35]))
    return out


# --------------------------------------------------------------------------- PDF from the blocks


def render_pdf(blks: list[Block], *, title: str, subject: str = "", footer: str = "") -> bytes:
    """Lay the blocks out on A4 with the sheets' furniture (font embedded, page x of y)."""
    from reportlab.platypus import PageBreak, Spacer

    width = sh.frame_width()
    story: list = []
    styles = {"title": "title", "subtitle": "subtitle", "heading": "heading", "heading2": "value", "para": "body",
              "note": "note", "right": "right"}
    for b in blks:
        if b.kind == "table":
            fr = b.widths or [1 / len(b.rows[0])] * len(b.rows[0])
            total = sum(fr)
            story.append(sh.ruled([[sh.P(c, "head") for c in b.rows[0]]]
                                  + [[sh.P(c, "small") for c in row] for row in b.rows[1:]],
                                  [width * f / total for f in fr]))
            story.append(Spacer(1, 2 * sh.MM))
        elif b.kind == "pagebreak":
            story.append(PageBreak())
        elif b.kind == "heading2":
            story.append(sh.PM(f"<b>{escape(b.text)}</b>", "value"))
        else:
            story.append(sh.P(b.text, styles.get(b.kind, "body")))
    return sh.render(story, footer=footer[:80], title=title, subject=subject)


def write_pdf(result: Result, out: Path, **kw) -> Path:
    blks = blocks(result, **kw)
    return sh.write_atomic(Path(out), render_pdf(blks, title=f"{TITLE} {result.title}", subject=result.session_id,
                                                 footer=f"{TITLE} · {result.title}"))


def write_docx(result: Result, out: Path, **kw) -> Path:
    from app import wordfile

    return wordfile.write(Path(out), blocks(result, **kw), title=f"{TITLE} {result.title}")


def write_journal_pdf(result: Result, out: Path) -> Path:
    """The journal alone, as the annex prints it."""
    blks = journal_blocks(journal_mod.entries(result.path), result.title)[1:]
    return sh.write_atomic(Path(out), render_pdf(blks, title=f"秘书工作日志 {result.title}", subject=result.session_id,
                                                 footer=f"秘书工作日志 · {result.title}"))


# --------------------------------------------------------------------------- the notice and the final list

NOTICE_TITLE = "候选名单公示"
NOTICE_BASIS = "〔000〕五（四）：“候选名单向社会公示5个工作日，公示无异议或者异议不成立的，我局将候选名单书面报市人力资源保障局。”"


def _list_blocks(result: Result, lists: dict[str, list[str]]) -> list[Block]:
    by_id = {a.id: a for a in result.applicants}
    out: list[Block] = []
    for label, ids in lists.items():
        out.append(Block("heading2", label))
        rows = [["序号", "申报单位", "类别", "评审得分"]]
        rows += [[str(k), by_id[i].name, by_id[i].category or "—", sh._score_or_votes(by_id[i], result.decimals)]
                 for k, i in enumerate(ids, start=1) if i in by_id]
        if len(rows) == 1:
            rows.append(["", "（无）", "", ""])
        out.append(Block("table", rows=rows, widths=[0.1, 0.5, 0.25, 0.15]))
    return out


def notice_blocks(result: Result, n, *, contact: str = "", phone: str = "") -> list[Block]:
    """The 公示 text: the lists, the period in working days, where objections go; the basis quoted."""
    b = [Block("title", NOTICE_TITLE), Block("subtitle", result.title)]
    days = f"{len(n.days)}个工作日" if n.days else "（截止日期由秘书确定）"
    b.append(Block("para", f"经专家评审，现将候选名单予以公示。公示期：{sh.cn_date(n.start)}至{sh.cn_date(n.end)}（{days}）。"))
    if n.skipped:
        b.append(Block("note", "公示期内不计入工作日的日期：" + "、".join(f"{sh.cn_date(d)}（{why}）" for d, why in n.skipped)
                       + ("；调休上班日计入：" + "、".join(sh.cn_date(d) for d in n.make_up) if n.make_up else "") + "。"))
    b += _list_blocks(result, notice_mod.published_lists(result))
    b.append(Block("para", f"公示期间如有异议，请与以下联系人联系。联系人：{contact or BLANK}　联系电话：{phone or BLANK}"))
    b.append(Block("note", "依据：" + NOTICE_BASIS))
    b.append(Block("right", sh.cn_date(n.start)))
    return b


def write_notice(result: Result, n, out: Path, *, docx: Path | None = None, **kw) -> Path:
    blks = notice_blocks(result, n, **kw)
    if docx is not None:
        from app import wordfile
        wordfile.write(Path(docx), blks, title=NOTICE_TITLE)
    return sh.write_atomic(Path(out), render_pdf(blks, title=f"{NOTICE_TITLE} {result.title}",
                                                 subject=result.session_id, footer=f"{NOTICE_TITLE} · {result.title}"))


def final_blocks(result: Result, final) -> list[Block]:
    """The final list (公示无异议或者异议不成立), with the objections and how each was handled."""
    b = [Block("title", "候选名单（公示后）"), Block("subtitle", result.title)]
    n = final.notice
    b.append(Block("para", f"公示期：{sh.cn_date(n.start)}至{sh.cn_date(n.end)}。" if n else "未公示。"))
    if final.objections:
        b.append(Block("table", rows=[["编号", "提出人", "涉及单位", "异议内容", "处理结果及理由", "复核"]] + [
            [o.id, o.by, _names(result, [o.applicant_id]), o.about,
             objections_mod.PRINTED[o.decision] + (f"：{o.reason}" if o.reason else ""),
             f"第{o.round}轮" if o.round else "—"] for o in final.objections],
            widths=[0.08, 0.14, 0.2, 0.2, 0.28, 0.1]))
        b.append(Block("para", "公示期间收到的异议已全部处理：" + ("成立的异议已经复核，名单为复核后的结果。"
                                                  if any(o.decision == objections_mod.UPHELD for o in final.objections)
                                                  else "异议不成立。")))
    else:
        b.append(Block("para", "公示无异议。"))
    b += _list_blocks(result, final.lists)
    for w in final.warnings:
        b.append(Block("note", "提示：" + w.text("zh_CN")))
    b.append(Block("note", "依据：" + NOTICE_BASIS))
    return b


def write_final(result: Result, final, out: Path) -> Path:
    return sh.write_atomic(Path(out), render_pdf(final_blocks(result, final), title=f"候选名单（公示后） {result.title}",
                                                 subject=result.session_id, footer=f"候选名单（公示后） · {result.title}"))
