<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>&amp;Results</source>
            <translation>结果(&amp;R)</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt;　{category}　·　rank {rank}　·　consensus {total}　·　{status}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt;　{category}　·　排名 {rank}　·　共识分 {total}　·　{status}</translation>
        </message>
        <message>
            <source>&lt;b&gt;{title}&lt;/b&gt;　{date}　·　{experts} experts, {applicants} applicants　·　result: {result}</source>
            <translation>&lt;b&gt;{title}&lt;/b&gt;　{date}　·　评审专家 {experts} 人，申报单位 {applicants} 个　·　汇总结果：{result}</translation>
        </message>
        <message>
            <source>Add a folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <source>Add score files…</source>
            <translation>添加评分文件…</translation>
        </message>
        <message>
            <source>Add the experts' submitted score files (*.prscore): drop files or a folder onto this window, or use the buttons. Then merge. Files that cannot be trusted are refused with their reason; the rest are merged.</source>
            <translation>添加各位专家已提交的评分文件（*.prscore）：可将文件或文件夹拖放到本窗口，也可使用下方按钮。然后点击“汇总”。无法确认可信的文件将不予采纳并注明原因，其余文件正常汇总。</translation>
        </message>
        <message>
            <source>Awaiting the field inspection of {names} (rank {rank}): the list is filled in rank order and cannot pass over them, since they might pass.</source>
            <translation>等待对{names}（排名 {rank}）进行实地考察：候选名单按排名顺序递补，在其考察结果确定前不能越过（其可能通过考察）。</translation>
        </message>
        <message>
            <source>Candidate list…</source>
            <translation>候选名单…</translation>
        </message>
        <message>
            <source>Checking and merging the score files…</source>
            <translation>正在核验并汇总评分文件…</translation>
        </message>
        <message>
            <source>Choose a folder for the CSV files</source>
            <translation>选择保存 CSV 文件的文件夹</translation>
        </message>
        <message>
            <source>Choose a folder of score files</source>
            <translation>选择存放评分文件的文件夹</translation>
        </message>
        <message>
            <source>Choose an applicant on the left.</source>
            <translation>请在左侧选择申报单位。</translation>
        </message>
        <message>
            <source>Choose passed or not passed.</source>
            <translation>请选择“通过”或“不通过”。</translation>
        </message>
        <message>
            <source>Choose score files</source>
            <translation>选择评分文件</translation>
        </message>
        <message>
            <source>Comment: {text}</source>
            <translation>意见：{text}</translation>
        </message>
        <message>
            <source>Condition</source>
            <translation>条件</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>基本条件</translation>
        </message>
        <message>
            <source>Consensus method: &lt;b&gt;{method}&lt;/b&gt;</source>
            <translation>汇总方法：&lt;b&gt;{method}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Could not write {path}: {reason}</source>
            <translation>无法写入 {path}：{reason}</translation>
        </message>
        <message>
            <source>Double-click an applicant to see every expert's points, comments and opinion. Orange: an expert's total far from the others'. Yellow: experts disagree on a criterion. Hover for details.</source>
            <translation>双击申报单位可查看每位专家的评分、意见和评审意见。橙色：该专家总分与其他专家差异过大（畸高畸低）；黄色：专家对某项评分分歧较大。鼠标悬停可查看详情。</translation>
        </message>
        <message>
            <source>Every applicant is ranked.</source>
            <translation>所有申报单位均已排名。</translation>
        </message>
        <message>
            <source>Every ranked applicant is inspected; the places left stay empty.</source>
            <translation>已排名的申报单位均已完成实地考察，剩余名额空缺。</translation>
        </message>
        <message>
            <source>Evidence: {list}</source>
            <translation>佐证：{list}</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Review expert</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <source>Panel secretary</source>
            <translation>评审秘书</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <source>Export Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>I am:</source>
            <translation>我是：</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>满分</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>汇总</translation>
        </message>
        <message>
            <source>Merging…</source>
            <translation>正在汇总…</translation>
        </message>
        <message>
            <source>No applicant of this category is ranked.</source>
            <translation>本类别没有进入排名的申报单位。</translation>
        </message>
        <message>
            <source>No candidates yet.</source>
            <translation>暂无候选单位。</translation>
        </message>
        <message>
            <source>No score files (*.prscore) in {folders}.</source>
            <translation>{folders} 中没有评分文件（*.prscore）。</translation>
        </message>
        <message>
            <source>No session open yet: create one on the first page, or open one (Ctrl+O).</source>
            <translation>尚未打开评审活动：请在第一页新建，或打开已有的评审活动（Ctrl+O）。</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>不通过</translation>
        </message>
        <message>
            <source>Not ranked, and why</source>
            <translation>未进入排名的申报单位及原因</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Open a session to merge the experts' score files, rank and print; or prepare a new one.</source>
            <translation>打开评审活动以汇总专家评分文件、排名和打印；或准备新的评审活动。</translation>
        </message>
        <message>
            <source>Open or create the session first; then drop the score files here.</source>
            <translation>请先打开或新建评审活动，再将评分文件拖放到这里。</translation>
        </message>
        <message>
            <source>Open session…</source>
            <translation>打开评审活动…</translation>
        </message>
        <message>
            <source>Opinions</source>
            <translation>评审意见</translation>
        </message>
        <message>
            <source>Panel summary</source>
            <translation>评审汇总表</translation>
        </message>
        <message>
            <source>Panel summary…</source>
            <translation>评审汇总表…</translation>
        </message>
        <message>
            <source>PanelReview — secretary</source>
            <translation>PanelReview — 评审秘书</translation>
        </message>
        <message>
            <source>PanelReview — secretary — {title}</source>
            <translation>PanelReview — 评审秘书 — {title}</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Prepare a new session…</source>
            <translation>准备新的评审活动…</translation>
        </message>
        <message>
            <source>Preparing the candidate list…</source>
            <translation>正在生成候选名单…</translation>
        </message>
        <message>
            <source>Preparing the panel summary…</source>
            <translation>正在生成评审汇总表…</translation>
        </message>
        <message>
            <source>Print preview of the candidate list</source>
            <translation>候选名单打印预览</translation>
        </message>
        <message>
            <source>Print preview of the panel summary</source>
            <translation>评审汇总表打印预览</translation>
        </message>
        <message>
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Recommend (yes : no)</source>
            <translation>建议认定（是 : 否）</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Record the field inspection</source>
            <translation>记录实地考察结果</translation>
        </message>
        <message>
            <source>Recorded.</source>
            <translation>已记录。</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>移除所选</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>Score files (*.prscore);;All files (*)</source>
            <translation>评分文件 (*.prscore);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Scores and comments</source>
            <translation>评分与意见</translation>
        </message>
        <message>
            <source>The list is full.</source>
            <translation>名额已满。</translation>
        </message>
        <message>
            <source>The panel inspects the applicants in rank order. Record each inspection here; the candidate list is filled in rank order from those who passed, up to the quota.</source>
            <translation>评审专家组按排名顺序进行实地考察。请在此逐一记录考察结果；候选名单从考察通过者中按排名顺序递补，直至认定名额。</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>What the panel found on site (optional)</source>
            <translation>实地考察情况（选填）</translation>
        </message>
        <message>
            <source>[candidate]</source>
            <translation>〔候选〕</translation>
        </message>
        <message>
            <source>basic condition</source>
            <translation>基本条件</translation>
        </message>
        <message>
            <source>do not recommend</source>
            <translation>不建议认定</translation>
        </message>
        <message>
            <source>met</source>
            <translation>符合</translation>
        </message>
        <message>
            <source>next to inspect</source>
            <translation>待实地考察</translation>
        </message>
        <message>
            <source>no decision</source>
            <translation>未表态</translation>
        </message>
        <message>
            <source>no flags</source>
            <translation>无提示</translation>
        </message>
        <message>
            <source>no folder to keep the result in can be written: {folders}</source>
            <translation>没有可写入的文件夹保存汇总结果：{folders}</translation>
        </message>
        <message>
            <source>no quota</source>
            <translation>未设认定名额</translation>
        </message>
        <message>
            <source>not inspected yet</source>
            <translation>尚未考察</translation>
        </message>
        <message>
            <source>not merged yet</source>
            <translation>尚未汇总</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>不符合</translation>
        </message>
        <message>
            <source>not passed</source>
            <translation>不通过</translation>
        </message>
        <message>
            <source>priority condition</source>
            <translation>倾斜条件</translation>
        </message>
        <message>
            <source>quota: {n}</source>
            <translation>认定名额 {n} 个</translation>
        </message>
        <message>
            <source>rank {rank}, {score}</source>
            <translation>排名 {rank}，{score}</translation>
        </message>
        <message>
            <source>recommend</source>
            <translation>建议认定</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>不予采纳</translation>
        </message>
        <message>
            <source>tied at the quota</source>
            <translation>名额边界并列</translation>
        </message>
        <message>
            <source>yes : no</source>
            <translation>是 : 否</translation>
        </message>
        <message>
            <source>{accepted} files merged, {rejected} refused. The result is kept in {path}.</source>
            <translation>已汇总 {accepted} 份评分文件，{rejected} 份不予采纳。汇总结果保存在 {path}。</translation>
        </message>
        <message>
            <source>{names} share a rank and all passed, but only {left} places are left: a tie at the quota boundary. The panel decides; none of them is listed until it does.</source>
            <translation>{names}排名并列且均通过实地考察，但仅剩 {left} 个名额：名额边界并列，须由评审专家组研究确定；确定前均不列入候选名单。</translation>
        </message>
        <message>
            <source>{name} (rank {rank}, {category})</source>
            <translation>{name}（排名 {rank}，{category}）</translation>
        </message>
        <message>
            <source>{name} did not score this applicant</source>
            <translation>{name}未对该申报单位评分</translation>
        </message>
        <message>
            <source>{name} recused from this applicant</source>
            <translation>{name}已申请回避</translation>
        </message>
        <message>
            <source>{name} — every expert's scores</source>
            <translation>{name} — 各专家评分明细</translation>
        </message>
        <message>
            <source>{n} CSV files saved in {path}</source>
            <translation>已将 {n} 个 CSV 文件保存到 {path}</translation>
        </message>
        <message>
            <source>{n} candidates, no quota</source>
            <translation>候选 {n} 个，未设名额</translation>
        </message>
        <message>
            <source>{n} files added. Merge when every expert's file is here.</source>
            <translation>已添加 {n} 个文件。全部专家的评分文件到齐后即可汇总。</translation>
        </message>
        <message>
            <source>{n} of {quota} places filled</source>
            <translation>已确定 {n} 个 / 名额 {quota} 个</translation>
        </message>
        <message>
            <source>{n} recommend</source>
            <translation>建议认定 {n} 票</translation>
        </message>
        <message>
            <source>{rank} (tied)</source>
            <translation>{rank}（并列）</translation>
        </message>
        <message>
            <source>　quota {n}</source>
            <translation>　认定名额 {n} 个</translation>
        </message>
        <message>
            <source>Kendall's W &lt;b&gt;{w}&lt;/b&gt; ({applicants} applicants, {experts} experts; 1 means the experts rank alike, 0 not at all)</source>
            <translation>肯德尔协调系数 Kendall's W = &lt;b&gt;{w}&lt;/b&gt;（{applicants} 个申报单位，{experts} 位专家；1 表示专家排序完全一致，0 表示毫无一致）</translation>
        </message>
        <message>
            <source>Kendall's W: not computed (too few applicants ranked by the same experts)</source>
            <translation>肯德尔协调系数 Kendall's W：未计算（由同一组专家评分并排名的申报单位过少）</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Add the score files first.</source>
            <translation>请先添加评分文件。</translation>
        </message>
        <message>
            <source>Checking score file {n} of {files}</source>
            <translation>正在检查第 {n} 个评分文件（共 {files} 个）</translation>
        </message>
        <message>
            <source>Checking the copy against the session</source>
            <translation>正在核对副本与评审活动是否一致</translation>
        </message>
        <message>
            <source>Copying {file}</source>
            <translation>正在复制 {file}</translation>
        </message>
        <message>
            <source>Exporting the CSV files…</source>
            <translation>正在导出 CSV 文件…</translation>
        </message>
        <message>
            <source>Exporting the Excel workbook…</source>
            <translation>正在导出 Excel 工作簿…</translation>
        </message>
        <message>
            <source>Laying out the pages</source>
            <translation>正在排版</translation>
        </message>
        <message>
            <source>Reading the tables and fingerprinting the materials</source>
            <translation>正在读取表格并计算材料指纹</translation>
        </message>
        <message>
            <source>Writing the CSV files into {folder}</source>
            <translation>正在将 CSV 文件写入 {folder}</translation>
        </message>
        <message>
            <source>Writing {file}</source>
            <translation>正在写入 {file}</translation>
        </message>
        <message>
            <source>[reserve]</source>
            <translation>〔备选〕</translation>
        </message>
        <message>
            <source>reserve list: {n}</source>
            <translation>备选 {n}</translation>
        </message>
        <message>
            <source>Reserve list:</source>
            <translation>备选名单：</translation>
        </message>
        <message>
            <source>not scored (gate)</source>
            <translation>未评分（门槛）</translation>
        </message>
        <message>
            <source>none of the levels</source>
            <translation>无符合档次</translation>
        </message>
        <message>
            <source>quota {n}</source>
            <translation>名额 {n}</translation>
        </message>
        <message>
            <source>"None of the levels" (0 points)</source>
            <translation>“无符合档次”（0分）</translation>
        </message>
        <message>
            <source>A majority not recommending</source>
            <translation>多数专家不建议认定</translation>
        </message>
        <message>
            <source>Basic conditions and gates</source>
            <translation>基本条件与门槛</translation>
        </message>
        <message>
            <source>Combined quotas, tiers, reserves</source>
            <translation>共用名额、层级、备选</translation>
        </message>
        <message>
            <source>Fewest experts per applicant</source>
            <translation>每个申报单位最少评分专家</translation>
        </message>
        <message>
            <source>Quotas as the call writes them, separated by semicolons: A+B=2 for several categories together, TIER:CATEGORY=N for a tier, …=N/R for R on the reserve list. A category written here is not limited by the table above.</source>
            <translation>按申报通知的写法填写名额，以分号分隔：A+B=2 表示几个类别共用名额，层级:类别=N 表示分层级，…=N/R 表示另有R个备选。此处写到的类别不再受上表限制。</translation>
        </message>
        <message>
            <source>Quotas over several categories, tiers and reserve lists</source>
            <translation>共用名额、层级与备选名单</translation>
        </message>
        <message>
            <source>Rules the documents leave to you (printed on the summary)</source>
            <translation>文件未作规定、由您选择的规则（印在汇总表上）</translation>
        </message>
        <message>
            <source>a warning; still ranked</source>
            <translation>仅提示，仍参加排名</translation>
        </message>
        <message>
            <source>allowed as an explicit answer</source>
            <translation>允许，作为明确选择</translation>
        </message>
        <message>
            <source>e.g. A+B=2; C+D=1; 资金补助类:国际合作类=2/1</source>
            <translation>如 A+B=2; C+D=1; 资金补助类:国际合作类=2/1</translation>
        </message>
        <message>
            <source>met only when all say yes</source>
            <translation>全体认为满足方为满足</translation>
        </message>
        <message>
            <source>met when more than half say yes</source>
            <translation>过半数认为满足即为满足</translation>
        </message>
        <message>
            <source>none (e.g. 003)</source>
            <translation>不进行（如〔003〕）</translation>
        </message>
        <message>
            <source>not ranked</source>
            <translation>不参加排名</translation>
        </message>
        <message>
            <source>not set (warn only)</source>
            <translation>未设定（仅提示）</translation>
        </message>
        <message>
            <source>refused: a level must be chosen</source>
            <translation>不允许，须选择档次</translation>
        </message>
        <message>
            <source>required before the candidate list (000)</source>
            <translation>列入候选名单前必须考察（〔000〕）</translation>
        </message>
        <message>
            <source>no inspection required</source>
            <translation>无需实地考察</translation>
        </message>
        <message>
            <source>Submitted: {done} of {experts} experts　·　Applicants done: {apps} of {total}</source>
            <translation>已提交：{done} / {experts} 位专家　·　已评完申报单位：{apps} / {total} 家</translation>
        </message>
        <message>
            <source>scoring: {done} of {total} applicants</source>
            <translation>评分中：已完成 {done} / {total} 家</translation>
        </message>
        <message>
            <source>no score file yet</source>
            <translation>尚无评分文件</translation>
        </message>
        <message>
            <source>Scores are shown once every expert has submitted.</source>
            <translation>全体专家提交后方显示分数。</translation>
        </message>
        <message>
            <source>Every expert has submitted: the secretary merges the scores.</source>
            <translation>全体专家已提交，请秘书汇总评分。</translation>
        </message>
        <message>
            <source>Nothing is up for discussion.</source>
            <translation>没有待讨论的事项。</translation>
        </message>
        <message>
            <source>Up for discussion ({count})</source>
            <translation>待讨论事项（{count} 项）</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>……另有 {count} 项</translation>
        </message>
        <message>
            <source>Room display</source>
            <translation>会场大屏</translation>
        </message>
        <message>
            <source>Esc closes · F11 full screen</source>
            <translation>Esc 关闭 · F11 全屏</translation>
        </message>
        <message>
            <source>Progress and the items up for discussion, full screen for the projector</source>
            <translation>评审进度和待讨论事项，在投影仪上全屏显示</translation>
        </message>
        <message>
            <source>A notice to supply materials again (通知补正材料) per applicant</source>
            <translation>为每个申报单位生成一份通知补正材料</translation>
        </message>
        <message>
            <source>Accept with note</source>
            <translation>附说明接受</translation>
        </message>
        <message>
            <source>Before the meeting: are all materials there, named after their material, real PDFs, readable, within their page limit, clear, straight and sealed where required? (000 五（一）: 扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章)</source>
            <translation>评审前受理检查：材料是否齐全、是否按对应材料名称命名、是否为真正的PDF、能否打开、是否在页数限制内、是否清晰、不歪斜，需盖章的是否加盖公章？（000 五（一）：扫描件必须清晰明辨、不缺页、不歪斜，并加盖公章）</translation>
        </message>
        <message>
            <source>Check materials</source>
            <translation>检查材料</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>Folder for the notices</source>
            <translation>选择保存通知的文件夹</translation>
        </message>
        <message>
            <source>Intake check</source>
            <translation>受理检查</translation>
        </message>
        <message>
            <source>Not checked yet.</source>
            <translation>尚未检查。</translation>
        </message>
        <message>
            <source>Print notices…</source>
            <translation>打印补正通知…</translation>
        </message>
        <message>
            <source>Read the text of every scanned page once, so that experts can search it; goes on where it stopped</source>
            <translation>识别每页扫描件的文字（只做一次），供专家检索；中断后从停下处继续</translation>
        </message>
        <message>
            <source>Recognise text</source>
            <translation>文字识别</translation>
        </message>
        <message>
            <source>Stop recognising</source>
            <translation>停止识别</translation>
        </message>
        <message>
            <source>Why this finding is accepted (an empty note takes the acceptance back)</source>
            <translation>接受此项的理由（留空则撤销接受）</translation>
        </message>
        <message>
            <source>page {page}</source>
            <translation>第{page}页</translation>
        </message>
        <message>
            <source>{count} notices written to {folder}</source>
            <translation>已将{count}份通知写入 {folder}</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>页</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>Accepted with note</source>
            <translation>接受说明</translation>
        </message>
        <message>
            <source>{done} of {total} pages, about {minutes} min left</source>
            <translation>已识别{done}/{total}页，约剩{minutes}分钟</translation>
        </message>
        <message>
            <source>{done} of {total} pages</source>
            <translation>已识别{done}/{total}页</translation>
        </message>
        <message>
            <source> (the last day set by the secretary)</source>
            <translation>（最后一天由秘书确定）</translation>
        </message>
        <message>
            <source>; make-up working days counted: {days}</source>
            <translation>；计入的调休上班日：{days}</translation>
        </message>
        <message>
            <source>; not counted: {days}</source>
            <translation>；不计入：{days}</translation>
        </message>
        <message>
            <source>Add objection</source>
            <translation>登记异议</translation>
        </message>
        <message>
            <source>Choose an objection in the table.</source>
            <translation>请在表中选择一条异议。</translation>
        </message>
        <message>
            <source>Decide the chosen objection</source>
            <translation>处理所选异议</translation>
        </message>
        <message>
            <source>Final list</source>
            <translation>最终名单</translation>
        </message>
        <message>
            <source>Final list…</source>
            <translation>最终名单…</translation>
        </message>
        <message>
            <source>First day</source>
            <translation>第一天</translation>
        </message>
        <message>
            <source>From {start} to {end}</source>
            <translation>{start} 至 {end}</translation>
        </message>
        <message>
            <source>Joint opinions</source>
            <translation>专家组评审意见</translation>
        </message>
        <message>
            <source>Joint opinions…</source>
            <translation>专家组评审意见…</translation>
        </message>
        <message>
            <source>Journal…</source>
            <translation>秘书工作日志…</translation>
        </message>
        <message>
            <source>Leader (elected by the panel)</source>
            <translation>组长（由专家组推选）</translation>
        </message>
        <message>
            <source>No leader recorded yet: the panel elects one (财政部令第87号 第四十五条（四）).</source>
            <translation>尚未记录组长：组长由专家组推选（财政部令第87号第四十五条（四））。</translation>
        </message>
        <message>
            <source>No public notice recorded yet.</source>
            <translation>尚未记录公示。</translation>
        </message>
        <message>
            <source>Not upheld (不成立)</source>
            <translation>异议不成立</translation>
        </message>
        <message>
            <source>Not yet: {why}</source>
            <translation>尚不能上报：{why}</translation>
        </message>
        <message>
            <source>Notice…</source>
            <translation>公示…</translation>
        </message>
        <message>
            <source>Objection file</source>
            <translation>异议答复材料</translation>
        </message>
        <message>
            <source>Objection file…</source>
            <translation>异议答复材料…</translation>
        </message>
        <message>
            <source>Objections</source>
            <translation>异议</translation>
        </message>
        <message>
            <source>Pledges</source>
            <translation>承诺书</translation>
        </message>
        <message>
            <source>Pledges…</source>
            <translation>承诺书…</translation>
        </message>
        <message>
            <source>Public notice</source>
            <translation>公示</translation>
        </message>
        <message>
            <source>Public notice (5 working days)</source>
            <translation>公示（5个工作日）</translation>
        </message>
        <message>
            <source>Record the leader the panel elected</source>
            <translation>记录专家组推选的组长</translation>
        </message>
        <message>
            <source>Record the notice</source>
            <translation>记录公示</translation>
        </message>
        <message>
            <source>Record the public notice first.</source>
            <translation>请先记录公示。</translation>
        </message>
        <message>
            <source>Recorded: {name}, elected by the panel ({at})</source>
            <translation>已记录：{name}，由专家组推选（{at}）</translation>
        </message>
        <message>
            <source>Report as PDF…</source>
            <translation>评审报告 PDF…</translation>
        </message>
        <message>
            <source>Report as Word…</source>
            <translation>评审报告 Word…</translation>
        </message>
        <message>
            <source>Report upward</source>
            <translation>评审报告（上报）</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>已保存 {file}</translation>
        </message>
        <message>
            <source>Sign-in sheet</source>
            <translation>签到表</translation>
        </message>
        <message>
            <source>Sign-in sheet…</source>
            <translation>签到表…</translation>
        </message>
        <message>
            <source>The list can go upward.</source>
            <translation>名单可以上报。</translation>
        </message>
        <message>
            <source>The panel</source>
            <translation>评审专家组</translation>
        </message>
        <message>
            <source>Upheld (成立)</source>
            <translation>异议成立</translation>
        </message>
        <message>
            <source>the reason (required)</source>
            <translation>理由（必填）</translation>
        </message>
        <message>
            <source>what it is about</source>
            <translation>异议内容</translation>
        </message>
        <message>
            <source>who raised it</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>cannot be read</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>another session's file</source>
            <translation>其他评审场次的文件</translation>
        </message>
        <message>
            <source>submitted · not merged yet</source>
            <translation>已提交 · 尚未汇总</translation>
        </message>
        <message>
            <source>not submitted · not merged yet</source>
            <translation>未提交 · 尚未汇总</translation>
        </message>
        <message>
            <source>This session</source>
            <translation>本评审场次</translation>
        </message>
        <message>
            <source>The session's experts, applicants and quotas</source>
            <translation>本场次的评审专家、申报单位和名额</translation>
        </message>
        <message>
            <source>Prepare another session…</source>
            <translation>准备新的评审场次…</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>名单</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Experts ({n})</source>
            <translation>评审专家（{n} 人）</translation>
        </message>
        <message>
            <source>Folder: {path}</source>
            <translation>文件夹：{path}</translation>
        </message>
        <message>
            <source>{category} ({n} applicants)</source>
            <translation>{category}（{n} 家申报单位）</translation>
        </message>
        <message>
            <source>quota: {quota}</source>
            <translation>名额：{quota}</translation>
        </message>
        <message>
            <source>Kendall's W, the coefficient of concordance: each expert's totals put the applicants in an order; W compares those orders. 1 means every expert put them in the same order, 0 that the orders have nothing in common. It describes the panel; it changes no score and no rank.</source>
            <translation>肯德尔和谐系数（Kendall's W）：每位专家的总分把申报单位排成一个顺序，W 比较这些顺序是否一致。1 表示所有专家排出的顺序完全相同，0 表示各人的顺序毫无共同之处。它只描述评审组的一致程度，不改变任何分数和名次。</translation>
        </message>
        <message>
            <source>{note} ({count} files)</source>
            <translation>{note}（{count}个文件）</translation>
        </message>
        <message>
            <source>After the totals are in, a result changes only for a summing error, a score outside its band, inconsistent scores on objective criteria, or scores the panel finds too high or too low (财政部令第87号 第六十四条). Tick what to ask each expert; each gets a request file of their own, without other experts' names.</source>
            <translation>评审结果汇总完成后，只有分值汇总计算错误、分项评分超出评分标准范围、客观评审因素评分不一致、经专家组认定评分畸高畸低的，才能修改评审结果（财政部令第87号 第六十四条）。请勾选需请各位专家复核的项目；每位专家各得一份复核请求文件，其中不含其他专家的姓名。</translation>
        </message>
        <message>
            <source>Expert · applicant</source>
            <translation>专家 · 申报单位</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>评审项</translation>
        </message>
        <message>
            <source>Ground</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>A note to the experts (optional)</source>
            <translation>给专家的说明（可不填）</translation>
        </message>
        <message>
            <source>Write the requests to a folder…</source>
            <translation>将复核请求写入文件夹…</translation>
        </message>
        <message>
            <source>Finalise the result…</source>
            <translation>汇总结果定稿…</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>复核请求</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>写出时间</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>校验码</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>申报单位</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>评审项</translation>
        </message>
        <message>
            <source>Rounds</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>修改前 → 修改后</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>复核请求</translation>
        </message>
        <message>
            <source>Rounds side by side</source>
            <translation>各轮对照</translation>
        </message>
        <message>
            <source>Merge the score files first.</source>
            <translation>请先汇总评分文件。</translation>
        </message>
        <message>
            <source>The result was finalised on {at}: no more re-checks.</source>
            <translation>汇总结果已于 {at} 定稿，不再复核。</translation>
        </message>
        <message>
            <source>Nothing is proposed for a re-check.</source>
            <translation>没有建议复核的项目。</translation>
        </message>
        <message>
            <source>{count} proposals for {experts} experts; unticked: a wide spread on a subjective criterion (not to be negotiated, 第六十二条（四）).</source>
            <translation>共 {count} 条复核建议，涉及 {experts} 位专家；未勾选的是主观评审因素评分差异较大（不得协商评分，第六十二条（四））。</translation>
        </message>
        <message>
            <source>not opened yet</source>
            <translation>尚未开启</translation>
        </message>
        <message>
            <source>round open, not submitted</source>
            <translation>轮次已开启，尚未提交</translation>
        </message>
        <message>
            <source>answered</source>
            <translation>已答复</translation>
        </message>
        <message>
            <source>Tick at least one proposal.</source>
            <translation>请至少勾选一条复核建议。</translation>
        </message>
        <message>
            <source>Folder for the request files (USB stick, shared session folder)</source>
            <translation>复核请求文件存放的文件夹（U盘或共享的评审会文件夹）</translation>
        </message>
        <message>
            <source>{count} re-check requests written to {folder}</source>
            <translation>已将 {count} 份复核请求写入 {folder}</translation>
        </message>
        <message>
            <source>Finalise the result?</source>
            <translation>汇总结果定稿？</translation>
        </message>
        <message>
            <source>After this no re-check request is written, no round is opened from one and no merge changes the result.</source>
            <translation>定稿后不能再写出复核请求，不能再据复核请求开启新一轮评分，也不能再汇总改变结果。</translation>
        </message>
        <message>
            <source>Finalise</source>
            <translation>定稿</translation>
        </message>
        <message>
            <source>How alike the experts ranked: not computed (too few applicants ranked by the same experts; Kendall's W)</source>
            <translation>专家排序一致程度：未计算（同一批专家评分的申报单位太少；肯德尔和谐系数 Kendall's W）</translation>
        </message>
        <message>
            <source>How alike the experts ranked the applicants: &lt;b&gt;{w}&lt;/b&gt; of 1 ({applicants} applicants, {experts} experts; 1: all in the same order, 0: no agreement; Kendall's W)</source>
            <translation>专家对申报单位排序的一致程度：&lt;b&gt;{w}&lt;/b&gt;（满值 1；{applicants} 家申报单位，{experts} 位专家；1 表示排序完全相同，0 表示毫无一致；肯德尔和谐系数 Kendall's W）</translation>
        </message>
        <message>
            <source>{label}: {value}</source>
            <translation>{label}：{value}</translation>
        </message>
        <message>
            <source>{category} — applicants: {n}</source>
            <translation>{category}（{n} 家申报单位）</translation>
        </message>
        <message>
            <source>Warning: {what}</source>
            <translation>提示：{what}</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>正在写入 {file}…</translation>
        </message>
        <message>
            <source>Prepare</source>
            <translation>准备评审</translation>
        </message>
        <message>
            <source>Merge scores</source>
            <translation>汇总评分</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Field inspection and candidates</source>
            <translation>实地考察与候选名单</translation>
        </message>
        <message>
            <source>Panel, report and notice</source>
            <translation>专家组、报告与公示</translation>
        </message>
        <message>
            <source>Re-check</source>
            <translation>复核</translation>
        </message>
        <message>
            <source>Stop checking</source>
            <translation>停止检查</translation>
        </message>
        <message>
            <source>Stopping the check…</source>
            <translation>正在停止检查…</translation>
        </message>
        <message>
            <source>The check was stopped; nothing of it was kept.</source>
            <translation>检查已停止，本次检查的结果未保存。</translation>
        </message>
        <message>
            <source>Checking… {done} of {total} pages</source>
            <translation>正在检查…已查 {done} 页，共 {total} 页</translation>
        </message>
    </context>
</TS>
