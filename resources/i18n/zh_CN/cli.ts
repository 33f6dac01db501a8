<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>{what} {key} is given twice, as {first!r} and {second!r}</source>
            <translation>{what} {key} 给出了两次：{first!r} 与 {second!r}</translation>
        </message>
        <message>
            <source>reserve list: {ids}</source>
            <translation>备选名单：{ids}</translation>
        </message>
        <message>
            <source>tied at the reserve list's boundary (the panel decides): {ids}</source>
            <translation>备选名额边界处并列（由专家组决定）：{ids}</translation>
        </message>
        <message>
            <source>settings</source>
            <translation>会议设置</translation>
        </message>
        <message>
            <source>the Chongqing demo (grades, tiers and reserve lists) instead of the Longgang one</source>
            <translation>重庆演示（档次、层级与备选名单），而非龙岗演示</translation>
        </message>
        <message>
            <source>how many of a category may be chosen; A+B=N for several together, TIER:CATEGORY=N for a tier, …=N/R for R on the reserve list</source>
            <translation>某类别最多确定的数量；A+B=N 表示几个类别共用名额，层级:类别=N 表示分层级，…=N/R 表示另有R个备选</translation>
        </message>
        <message>
            <source>a rule the documents leave to the secretary (see docs/rules.md), e.g. min_experts=5, recommendation_rule=majority, field_inspection=none</source>
            <translation>文件未作规定、由秘书选择的规则（见 docs/rules.md），如 min_experts=5、recommendation_rule=majority、field_inspection=none</translation>
        </message>
        <message>
            <source>exported the results to {file}</source>
            <translation>已将结果导出到 {file}</translation>
        </message>
        <message>
            <source>printed the panel's joint opinion to {file}</source>
            <translation>已将专家组评审意见打印到 {file}</translation>
        </message>
        <message>
            <source>the dissent is recorded; the member signs it on the joint opinion</source>
            <translation>不同意见已记录；该成员须在专家组评审意见上签名</translation>
        </message>
        <message>
            <source>the panel as a body: sign-in sheet, pledges, leader, joint opinion</source>
            <translation>评审专家组：签到表、承诺书、组长、专家组评审意见</translation>
        </message>
        <message>
            <source>print the sign-in sheet (签到表) of the session's experts</source>
            <translation>打印本次评审专家的签到表</translation>
        </message>
        <message>
            <source>where the review takes place</source>
            <translation>评审地点</translation>
        </message>
        <message>
            <source>print each expert's pledge (承诺书), quoting the documents</source>
            <translation>打印每位专家的承诺书（引用文件原文）</translation>
        </message>
        <message>
            <source>only this expert (repeatable)</source>
            <translation>仅此专家（可重复）</translation>
        </message>
        <message>
            <source>record the leader the panel elected (财政部令第87号 第四十五条（四）)</source>
            <translation>记录专家组推选的组长（财政部令第87号第四十五条（四））</translation>
        </message>
        <message>
            <source>the expert the panel elected</source>
            <translation>专家组推选的专家</translation>
        </message>
        <message>
            <source>record and/or print the panel's joint opinion (专家组评审意见)</source>
            <translation>记录和/或打印专家组评审意见</translation>
        </message>
        <message>
            <source>one applicant (default: the session as a whole)</source>
            <translation>某一申报单位（默认：本次评审整体）</translation>
        </message>
        <message>
            <source>the opinion as the panel worded it, to record</source>
            <translation>按专家组的表述记录的意见</translation>
        </message>
        <message>
            <source>print the joint opinion (all applicants unless --applicant)</source>
            <translation>打印专家组评审意见（未指定 --applicant 时为全部申报单位）</translation>
        </message>
        <message>
            <source>record a member's dissent and its reason (第六十一条)</source>
            <translation>记录成员的不同意见及理由（第六十一条）</translation>
        </message>
        <message>
            <source>what the member holds instead</source>
            <translation>该成员的不同意见</translation>
        </message>
        <message>
            <source>printed the sign-in sheet to {file}</source>
            <translation>已将签到表打印到 {file}</translation>
        </message>
        <message>
            <source>printed the pledges to {file}</source>
            <translation>已将承诺书打印到 {file}</translation>
        </message>
        <message>
            <source>recorded: the panel elected {name} as its leader</source>
            <translation>已记录：专家组推选 {name} 为组长</translation>
        </message>
        <message>
            <source>say what to do: --text to record the opinion, --out to print it</source>
            <translation>请说明要做什么：--text 记录意见，--out 打印</translation>
        </message>
        <message>
            <source>the panel's opinion is recorded</source>
            <translation>专家组意见已记录</translation>
        </message>
        <message>
            <source>printed {file}</source>
            <translation>已打印 {file}</translation>
        </message>
        <message>
            <source>say what to write: --pdf and/or --docx</source>
            <translation>请说明要写出什么：--pdf 和/或 --docx</translation>
        </message>
        <message>
            <source>wrote the report upward to {file}</source>
            <translation>已将评审报告写出到 {file}</translation>
        </message>
        <message>
            <source>set by hand</source>
            <translation>由秘书确定</translation>
        </message>
        <message>
            <source>public notice from {start} to {end} ({days})</source>
            <translation>公示期 {start} 至 {end}（{days}）</translation>
        </message>
        <message>
            <source>  not a working day: {day} ({why})</source>
            <translation>  非工作日：{day}（{why}）</translation>
        </message>
        <message>
            <source>  make-up working day, counted: {day}</source>
            <translation>  调休上班日，计入：{day}</translation>
        </message>
        <message>
            <source>printed the public notice to {file}</source>
            <translation>已将公示打印到 {file}</translation>
        </message>
        <message>
            <source>the list cannot go upward yet:</source>
            <translation>名单尚不能上报：</translation>
        </message>
        <message>
            <source>printed the final list to {file}</source>
            <translation>已将最终名单打印到 {file}</translation>
        </message>
        <message>
            <source>objection {id} recorded</source>
            <translation>异议 {id} 已登记</translation>
        </message>
        <message>
            <source>objection {id}: re-checked in round {round}</source>
            <translation>异议 {id}：已在第 {round} 轮复核</translation>
        </message>
        <message>
            <source>about</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>by</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>decision</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <source>received</source>
            <translation>收到时间</translation>
        </message>
        <message>
            <source>printed the objection file of {applicant} to {file}</source>
            <translation>已将 {applicant} 的异议答复材料打印到 {file}</translation>
        </message>
        <message>
            <source>details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>inputs</source>
            <translation>依据的文件</translation>
        </message>
        <message>
            <source>time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>what</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>{value!r} must be written YYYY-MM-DD</source>
            <translation>{value!r} 须写作 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>write the report upward (评审报告 / 推荐申报报告) as PDF and/or .docx</source>
            <translation>写出评审报告（推荐申报报告）PDF 和/或 .docx</translation>
        </message>
        <message>
            <source>an editable Word file for the bureau's letterhead</source>
            <translation>可编辑的 Word 文件，供套用红头</translation>
        </message>
        <message>
            <source>name the rubrics by their titles</source>
            <translation>以标题列出评审细则</translation>
        </message>
        <message>
            <source>the call the applicants answered, and where it was published</source>
            <translation>申报通知及其发布渠道</translation>
        </message>
        <message>
            <source>the contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>where the review took place</source>
            <translation>评审地点</translation>
        </message>
        <message>
            <source>the contact's telephone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>record the public notice (公示) and its 5 working days; print it</source>
            <translation>记录公示及其5个工作日；打印公示</translation>
        </message>
        <message>
            <source>the notice's first day</source>
            <translation>公示第一天</translation>
        </message>
        <message>
            <source>the last day, set by hand (only where the holiday calendar does not know the year)</source>
            <translation>由秘书确定的最后一天（仅在节假日日历不含该年份时）</translation>
        </message>
        <message>
            <source>print the notice</source>
            <translation>打印公示</translation>
        </message>
        <message>
            <source>the notice as an editable Word file</source>
            <translation>公示的可编辑 Word 文件</translation>
        </message>
        <message>
            <source>the list that goes upward once the notice is over and objections settled</source>
            <translation>公示期满、异议处理完毕后上报的名单</translation>
        </message>
        <message>
            <source>the date to judge by (default: today)</source>
            <translation>据以判断的日期（默认：今天）</translation>
        </message>
        <message>
            <source>objections to the public notice: add, decide, round, list, file</source>
            <translation>公示异议：登记、处理、复核轮次、列表、答复材料</translation>
        </message>
        <message>
            <source>record an objection received</source>
            <translation>登记收到的异议</translation>
        </message>
        <message>
            <source>when it was received (default: now)</source>
            <translation>收到时间（默认：现在）</translation>
        </message>
        <message>
            <source>record the decision on an objection, with its reason</source>
            <translation>记录异议的处理结果及理由</translation>
        </message>
        <message>
            <source>the objection is upheld (成立)</source>
            <translation>异议成立</translation>
        </message>
        <message>
            <source>not upheld (不成立)</source>
            <translation>异议不成立</translation>
        </message>
        <message>
            <source>name the re-check round an upheld objection caused</source>
            <translation>记录成立的异议引起的复核轮次</translation>
        </message>
        <message>
            <source>list the objections and how each was handled</source>
            <translation>列出异议及其处理情况</translation>
        </message>
        <message>
            <source>print the objection file of one applicant (every number's source)</source>
            <translation>打印某一申报单位的异议答复材料（每个数字的来源）</translation>
        </message>
        <message>
            <source>the secretary's journal of a result file</source>
            <translation>汇总结果文件中的秘书工作日志</translation>
        </message>
        <message>
            <source>print it (the report's annex)</source>
            <translation>打印（评审报告附件）</translation>
        </message>
        <message>
            <source>the public notice (公示): its 5 working days, then the final list</source>
            <translation>公示：5个工作日的公示期，以及公示后的最终名单</translation>
        </message>
        <message>
            <source>warning: {sentence}</source>
            <translation>提示：{sentence}</translation>
        </message>
        <message>
            <source>about {minutes} min left</source>
            <translation>约剩{minutes}分钟</translation>
        </message>
        <message>
            <source>accept a finding with a note (an empty note takes it back)</source>
            <translation>附说明接受一条检查结果（说明为空则撤销接受）</translation>
        </message>
        <message>
            <source>accepted: {note}</source>
            <translation>已接受：{note}</translation>
        </message>
        <message>
            <source>check every material: present, named, a real PDF, readable, page limit, resolution, sharpness, skew, blank and upside-down pages, seal</source>
            <translation>检查每份材料：是否提交、是否按材料名称命名、是否为真正的PDF、能否打开、页数限制、分辨率、清晰度、歪斜、空白页和颠倒页、公章</translation>
        </message>
        <message>
            <source>check the materials before the meeting (受理) and recognise their text</source>
            <translation>评审前受理检查材料并识别其文字</translation>
        </message>
        <message>
            <source>largest skew accepted (default: {n})</source>
            <translation>允许的最大歪斜角度（默认：{n}）</translation>
        </message>
        <message>
            <source>lowest resolution accepted (default: {n})</source>
            <translation>允许的最低分辨率（默认：{n}）</translation>
        </message>
        <message>
            <source>only this applicant (may be repeated)</source>
            <translation>只检查该申报单位（可重复）</translation>
        </message>
        <message>
            <source>processes (default: one per core)</source>
            <translation>进程数（默认：每个处理器核心一个）</translation>
        </message>
        <message>
            <source>recognise the text of every scanned page (once; goes on where it stopped)</source>
            <translation>识别每一页扫描件的文字（只做一次；中断后从停下处继续）</translation>
        </message>
        <message>
            <source>the finding's key, as `intake check --json` prints it</source>
            <translation>检查结果的键，即 `intake check --json` 输出的 key</translation>
        </message>
        <message>
            <source>why it is accepted</source>
            <translation>接受的理由</translation>
        </message>
        <message>
            <source>write a notice to supply materials again (通知补正材料) per applicant into DIR</source>
            <translation>为每个申报单位在 DIR 中生成一份通知补正材料</translation>
        </message>
        <message>
            <source>wrote {file}</source>
            <translation>已写入 {file}</translation>
        </message>
        <message>
            <source>{count} pages could not be read</source>
            <translation>{count}页无法识别</translation>
        </message>
        <message>
            <source>{done} of {total} pages have their text</source>
            <translation>{total}页中已有{done}页完成文字识别</translation>
        </message>
        <message>
            <source>{open} findings to remedy, {accepted} accepted</source>
            <translation>{open}项需补正，{accepted}项已接受</translation>
        </message>
        <message>
            <source>--item {value!r} must be written APPLICANT:ITEM, e.g. A1:S5.1</source>
            <translation>--item {value!r} 应写作 申报单位:评审项，如 A1:S5.1</translation>
        </message>
        <message>
            <source>also every ticked proposal for this expert</source>
            <translation>同时包括该专家所有默认勾选的复核建议</translation>
        </message>
        <message>
            <source>an item to re-check, e.g. A1:S5.1 (repeatable)</source>
            <translation>需复核的项目，如 A1:S5.1（可重复）</translation>
        </message>
        <message>
            <source>answer the open round from a filled form (all or nothing)</source>
            <translation>用填好的表格答复当前复核轮次（全部导入或全部不导入）</translation>
        </message>
        <message>
            <source>answered</source>
            <translation>已答复</translation>
        </message>
        <message>
            <source>changed, with a reason</source>
            <translation>已修改并写明理由</translation>
        </message>
        <message>
            <source>confirm: the submitted file is reopened for these items</source>
            <translation>确认：为这些项目重新开启已提交的评分文件</translation>
        </message>
        <message>
            <source>created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <source>detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>finalise the result: no re-check or merge changes it after</source>
            <translation>汇总结果定稿：此后不能再复核或重新汇总</translation>
        </message>
        <message>
            <source>finalised on {at}</source>
            <translation>已于 {at} 定稿</translation>
        </message>
        <message>
            <source>ground</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>item</source>
            <translation>评审项</translation>
        </message>
        <message>
            <source>items</source>
            <translation>评审项</translation>
        </message>
        <message>
            <source>last round</source>
            <translation>上一轮</translation>
        </message>
        <message>
            <source>list what the merged result proposes to re-check</source>
            <translation>列出汇总结果建议复核的项目</translation>
        </message>
        <message>
            <source>name the items with --item, or take the proposals with --proposed</source>
            <translation>请用 --item 指定项目，或用 --proposed 采用复核建议</translation>
        </message>
        <message>
            <source>no re-check requests recorded</source>
            <translation>没有记录复核请求</translation>
        </message>
        <message>
            <source>no.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>not opened yet</source>
            <translation>尚未开启</translation>
        </message>
        <message>
            <source>nothing to re-check</source>
            <translation>没有需要复核的项目</translation>
        </message>
        <message>
            <source>now</source>
            <translation>本轮</translation>
        </message>
        <message>
            <source>open a new round yourself, for a mistake of your own</source>
            <translation>发现自己的错误时自行开启新一轮</translation>
        </message>
        <message>
            <source>open the re-check round a request asks for in a score file</source>
            <translation>在评分文件中开启复核请求所要求的复核轮次</translation>
        </message>
        <message>
            <source>proposed</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>re-check rounds: proposals, requests, answers, status</source>
            <translation>复核：建议、请求、答复、进度</translation>
        </message>
        <message>
            <source>request</source>
            <translation>复核请求</translation>
        </message>
        <message>
            <source>round open, not submitted</source>
            <translation>轮次已开启，尚未提交</translation>
        </message>
        <message>
            <source>round {round} is open for {count} items</source>
            <translation>第{round}轮已开启，共{count}项</translation>
        </message>
        <message>
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>the folder to write the request into</source>
            <translation>复核请求写入的文件夹</translation>
        </message>
        <message>
            <source>this reopens your submitted file for the items named: add --yes to confirm</source>
            <translation>这将为所列项目重新开启已提交的评分文件：加 --yes 确认</translation>
        </message>
        <message>
            <source>to check the result is not finalised</source>
            <translation>用于核对汇总结果尚未定稿</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>to show the panel's spread</source>
            <translation>用于显示专家组评分分布</translation>
        </message>
        <message>
            <source>which re-check requests were answered</source>
            <translation>哪些复核请求已答复</translation>
        </message>
        <message>
            <source>write a re-check request for one expert</source>
            <translation>为一位专家写出复核请求</translation>
        </message>
        <message>
            <source>write the open round's items as a form to fill in</source>
            <translation>把当前复核轮次的项目写成待填表格</translation>
        </message>
        <message>
            <source>{count} items still need a reason or a confirmation before `scores submit`</source>
            <translation>还有{count}项须写明理由或确认不变，之后才能 `scores submit`</translation>
        </message>
        <message>
            <source>print every problem found, not only the first {n}</source>
            <translation>列出发现的全部问题，而不只是前 {n} 条</translation>
        </message>
        <message>
            <source>… and {count} more (run again with --all-problems to see every one)</source>
            <translation>……另有 {count} 条（加 --all-problems 重新运行可查看全部）</translation>
        </message>
        <message>
            <source>re-check request to {expert} for {items} written to {file}</source>
            <translation>已向 {expert} 发出复核请求（{items}），写入 {file}</translation>
        </message>
        <message>
            <source>only this applicant's materials (may be repeated)</source>
            <translation>只识别该申报单位的材料（可重复）</translation>
        </message>
        <message>
            <source>only the materials of this name, as the rubric or the file names them (may be repeated)</source>
            <translation>只识别该名称的材料（评审细则中的材料名称或文件名，可重复）</translation>
        </message>
    </context>
</TS>
