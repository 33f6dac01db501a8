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
            <source>1 Prepare</source>
            <translation>1 准备评审</translation>
        </message>
        <message>
            <source>2 Merge scores</source>
            <translation>2 汇总评分</translation>
        </message>
        <message>
            <source>3 Ranking</source>
            <translation>3 排名</translation>
        </message>
        <message>
            <source>4 Field inspection and candidates</source>
            <translation>4 实地考察与候选名单</translation>
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
            <source>Ranking</source>
            <translation>排名</translation>
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
            <source>Fingerprint</source>
            <translation>指纹</translation>
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
    </context>
</TS>
