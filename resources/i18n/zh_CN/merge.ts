<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>Applicant id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Candidate list</source>
            <translation>候选名单</translation>
        </message>
        <message>
            <source>Consensus</source>
            <translation>共识得分</translation>
        </message>
        <message>
            <source>Consensus total</source>
            <translation>共识总分</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>评审项目</translation>
        </message>
        <message>
            <source>Criterion id</source>
            <translation>项目编号</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Do not recommend</source>
            <translation>不建议认定票数</translation>
        </message>
        <message>
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>Expert totals</source>
            <translation>专家总分</translation>
        </message>
        <message>
            <source>Experts scored</source>
            <translation>评分专家数</translation>
        </message>
        <message>
            <source>Field inspection</source>
            <translation>实地考察</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>Ineligible</source>
            <translation>不符合条件</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Leniency (mean of expert total − consensus):</source>
            <translation>评分宽严（专家总分减共识总分的平均值）：</translation>
        </message>
        <message>
            <source>Maximum</source>
            <translation>满分</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Priority conditions met</source>
            <translation>符合的倾斜条件</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Recommend</source>
            <translation>建议认定票数</translation>
        </message>
        <message>
            <source>Recused</source>
            <translation>回避专家</translation>
        </message>
        <message>
            <source>Rubric</source>
            <translation>评审细则</translation>
        </message>
        <message>
            <source>Score files:</source>
            <translation>评分文件：</translation>
        </message>
        <message>
            <source>Scoring detail</source>
            <translation>评分明细</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>评审内容</translation>
        </message>
        <message>
            <source>Summary and ranking</source>
            <translation>汇总与排名</translation>
        </message>
        <message>
            <source>Tied</source>
            <translation>并列</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>类型细分</translation>
        </message>
        <message>
            <source>a folder for one CSV per sheet</source>
            <translation>每个工作表一个CSV文件所在的文件夹</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>已接收</translation>
        </message>
        <message>
            <source>agreement ({name}): {value} over {applicants} applicants and {experts} experts</source>
            <translation>评分一致性（{name}）：{value}，{applicants}个申报单位、{experts}位专家</translation>
        </message>
        <message>
            <source>applicant</source>
            <translation>申报单位</translation>
        </message>
        <message>
            <source>awaiting field inspection</source>
            <translation>待实地考察</translation>
        </message>
        <message>
            <source>awaiting field inspection: {ids}</source>
            <translation>待实地考察：{ids}</translation>
        </message>
        <message>
            <source>basic condition {id} {text}: not met ({no} of {answered} experts answered no): {answers}</source>
            <translation>基本条件 {id} {text}：不符合（{answered}位专家中{no}位认为不满足）：{answers}</translation>
        </message>
        <message>
            <source>candidate</source>
            <translation>候选</translation>
        </message>
        <message>
            <source>candidates: {ids}</source>
            <translation>候选名单：{ids}</translation>
        </message>
        <message>
            <source>check and merge the experts' score files into a result file</source>
            <translation>核验并汇总专家评分文件，生成评审结果文件</translation>
        </message>
        <message>
            <source>could not write {file}: {reason}</source>
            <translation>无法写入 {file}：{reason}</translation>
        </message>
        <message>
            <source>criterion spread</source>
            <translation>评分分歧</translation>
        </message>
        <message>
            <source>expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>fingerprint</source>
            <translation>指纹</translation>
        </message>
        <message>
            <source>flags</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>gate {id} {text}: not passed ({no} of {answered} experts answered no): {answers}</source>
            <translation>前置条件 {id} {text}：未通过（{answered}位专家中{no}位认为不满足）：{answers}</translation>
        </message>
        <message>
            <source>give --xlsx FILE or --csv DIR</source>
            <translation>请指定 --xlsx 文件 或 --csv 文件夹</translation>
        </message>
        <message>
            <source>ineligible</source>
            <translation>不符合条件</translation>
        </message>
        <message>
            <source>insufficient experts</source>
            <translation>评分专家不足</translation>
        </message>
        <message>
            <source>leniency (mean of expert total − consensus)</source>
            <translation>评分宽严（专家总分减共识总分的平均值）</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>none of the {count} score files could be merged</source>
            <translation>{count}个评分文件均无法汇总</translation>
        </message>
        <message>
            <source>only {count} experts scored this applicant; at least {min} are needed</source>
            <translation>仅有{count}位专家评分，至少需要{min}位</translation>
        </message>
        <message>
            <source>outlying total</source>
            <translation>总分畸高畸低</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>ranked</source>
            <translation>已排名</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>record a field inspection and refill the candidate list</source>
            <translation>登记实地考察结果并重新确定候选名单</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>未接收</translation>
        </message>
        <message>
            <source>result written to {path}</source>
            <translation>评审结果已写入 {path}</translation>
        </message>
        <message>
            <source>round</source>
            <translation>轮次</translation>
        </message>
        <message>
            <source>score files or folders of them</source>
            <translation>评分文件或其所在文件夹</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>the inspection confirmed it</source>
            <translation>实地考察通过</translation>
        </message>
        <message>
            <source>the inspection did not confirm it</source>
            <translation>实地考察未通过</translation>
        </message>
        <message>
            <source>the result file to write</source>
            <translation>要写入的评审结果文件</translation>
        </message>
        <message>
            <source>the result has no applicant {id}</source>
            <translation>评审结果中没有申报单位 {id}</translation>
        </message>
        <message>
            <source>tied at the quota boundary (the panel decides): {ids}</source>
            <translation>名额边界处并列（由专家组决定）：{ids}</translation>
        </message>
        <message>
            <source>tied at the quota boundary: the panel decides</source>
            <translation>名额边界处并列，由专家组决定</translation>
        </message>
        <message>
            <source>write a result as an Excel workbook and/or CSV files</source>
            <translation>将评审结果导出为Excel工作簿和/或CSV文件</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>{criterion} {text}: points range from {low} ({low_experts}) to {high} ({high_experts}), a spread of {spread}, more than {fraction} of its maximum {max}</source>
            <translation>{criterion} {text}：专家评分从{low}（{low_experts}）到{high}（{high_experts}），相差{spread}，超过满分{max}的{fraction}</translation>
        </message>
        <message>
            <source>{expert}'s total {total} differs from the others' consensus {others} by {diff} (more than {threshold})</source>
            <translation>{expert}的总分{total}与其他专家的共识{others}相差{diff}（超过{threshold}分）</translation>
        </message>
        <message>
            <source>{file}: belongs to another session ({found}), not {title}</source>
            <translation>{file}：属于另一评审会（{found}），不是{title}</translation>
        </message>
        <message>
            <source>{file}: changed after it was submitted: {problems}</source>
            <translation>{file}：提交后被修改：{problems}</translation>
        </message>
        <message>
            <source>{file}: expert {expert} already handed in {other}; only the first is merged</source>
            <translation>{file}：专家{expert}已提交{other}，只汇总第一份</translation>
        </message>
        <message>
            <source>{file}: expert {expert} is not on the session's panel</source>
            <translation>{file}：专家{expert}不在本次评审专家组中</translation>
        </message>
        <message>
            <source>{file}: its copy of applicant {applicant} differs from the session's</source>
            <translation>{file}：其中申报单位{applicant}的信息与评审会不一致</translation>
        </message>
        <message>
            <source>{file}: its copy of rubric {rubric} differs from the session's</source>
            <translation>{file}：其中评审细则{rubric}与评审会的不一致</translation>
        </message>
        <message>
            <source>{file}: no such result file</source>
            <translation>{file}：评审结果文件不存在</translation>
        </message>
        <message>
            <source>{file}: not a PanelReview result file</source>
            <translation>{file}：不是PanelReview评审结果文件</translation>
        </message>
        <message>
            <source>{file}: not submitted (round {round} is still open)</source>
            <translation>{file}：尚未提交（第{round}轮仍在评分中）</translation>
        </message>
        <message>
            <source>{file}: the result file is damaged: {reason}</source>
            <translation>{file}：评审结果文件已损坏：{reason}</translation>
        </message>
        <message>
            <source>{file}: written by a newer PanelReview; update PanelReview to read it</source>
            <translation>{file}：由更新版本的PanelReview生成，请升级后再打开</translation>
        </message>
        <message>
            <source>{file}: {applicant} has answers although the expert recused</source>
            <translation>{file}：专家已回避{applicant}，但文件中仍有评分</translation>
        </message>
        <message>
            <source>{file}: {applicant} has no recommendation although the file was submitted</source>
            <translation>{file}：文件已提交，但{applicant}没有推荐意见</translation>
        </message>
        <message>
            <source>{file}: {applicant} {item} is not an item of its rubric</source>
            <translation>{file}：{applicant} {item}不是其评审细则中的项目</translation>
        </message>
        <message>
            <source>{file}: {applicant} {item} is unanswered although the file was submitted</source>
            <translation>{file}：文件已提交，但{applicant} {item}未作答</translation>
        </message>
        <message>
            <source>{file}: {applicant} {item}: answer {value!r} is neither yes nor no</source>
            <translation>{file}：{applicant} {item}：答案{value!r}既不是“是”也不是“否”</translation>
        </message>
        <message>
            <source>{file}: {applicant} {item}: {points} points are outside its bands ({allowed})</source>
            <translation>{file}：{applicant} {item}：{points}分超出允许的分值范围（{allowed}）</translation>
        </message>
        <message>
            <source>{id} is not ranked ({status}), so it is not proposed for field inspection</source>
            <translation>{id}未参与排名（{status}），不安排实地考察</translation>
        </message>
        <message>
            <source>{id}: field inspection {outcome}; status {status}</source>
            <translation>{id}：实地考察{outcome}；状态：{status}</translation>
        </message>
        <message>
            <source>CHANGED after it was submitted:</source>
            <translation>提交后被改动：</translation>
        </message>
        <message>
            <source>a file with this name already exists</source>
            <translation>同名文件已存在</translation>
        </message>
        <message>
            <source>belongs to another session ({found}), not {title}</source>
            <translation>属于另一评审会（{found}），不是{title}</translation>
        </message>
        <message>
            <source>cannot read: {reason}</source>
            <translation>无法读取：{reason}</translation>
        </message>
        <message>
            <source>changed after it was submitted: {problems}</source>
            <translation>提交后被修改：{problems}</translation>
        </message>
        <message>
            <source>expert {expert} already handed in {other}; only the first is merged</source>
            <translation>专家{expert}已提交{other}，只汇总第一份</translation>
        </message>
        <message>
            <source>expert {expert} is not on the session's panel</source>
            <translation>专家{expert}不在本次评审专家组中</translation>
        </message>
        <message>
            <source>has no pages</source>
            <translation>没有任何页面</translation>
        </message>
        <message>
            <source>id {id} is already used by {other}</source>
            <translation>编号 {id} 已被 {other} 使用</translation>
        </message>
        <message>
            <source>is damaged or is not a PDF</source>
            <translation>文件已损坏或不是 PDF</translation>
        </message>
        <message>
            <source>is empty</source>
            <translation>文件为空</translation>
        </message>
        <message>
            <source>is not a file</source>
            <translation>不是文件</translation>
        </message>
        <message>
            <source>its copy of applicant {applicant} differs from the session's</source>
            <translation>其中申报单位{applicant}的信息与评审会不一致</translation>
        </message>
        <message>
            <source>its copy of rubric {rubric} differs from the session's</source>
            <translation>其中评审细则{rubric}与评审会的不一致</translation>
        </message>
        <message>
            <source>needs a password</source>
            <translation>需要密码才能打开</translation>
        </message>
        <message>
            <source>no such result file</source>
            <translation>评审结果文件不存在</translation>
        </message>
        <message>
            <source>no such score file</source>
            <translation>评分文件不存在</translation>
        </message>
        <message>
            <source>not a PanelReview result file</source>
            <translation>不是PanelReview评审结果文件</translation>
        </message>
        <message>
            <source>not a PanelReview score file</source>
            <translation>不是本系统的评分文件</translation>
        </message>
        <message>
            <source>not a PanelReview score file (not an SQLite database)</source>
            <translation>不是本系统的评分文件（不是 SQLite 数据库）</translation>
        </message>
        <message>
            <source>not a readable CSV file: {reason}</source>
            <translation>无法读取的 CSV 文件：{reason}</translation>
        </message>
        <message>
            <source>not a readable Excel file: {reason}</source>
            <translation>无法读取的 Excel 文件：{reason}</translation>
        </message>
        <message>
            <source>not submitted (round {round} is still open)</source>
            <translation>尚未提交（第{round}轮仍在评分中）</translation>
        </message>
        <message>
            <source>not submitted yet, so there is no fingerprint to verify</source>
            <translation>尚未提交，没有可校验的校验码</translation>
        </message>
        <message>
            <source>page {page} is damaged and cannot be shown</source>
            <translation>第 {page} 页已损坏，无法显示</translation>
        </message>
        <message>
            <source>page {page} took too long to show</source>
            <translation>第 {page} 页显示超时</translation>
        </message>
        <message>
            <source>row {row}, column {column}: a value in a column without a header</source>
            <translation>第 {row} 行，{column} 列：该列没有表头，却填写了内容</translation>
        </message>
        <message>
            <source>row {row}, column {column}: category {value!r} is not one of {values} (rubric {rubric})</source>
            <translation>第 {row} 行，{column} 列：类别 {value!r} 不在 {values} 之中（评审细则 {rubric}）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: column {name} appears twice (also column {other})</source>
            <translation>第 {row} 行，{column} 列：{name} 列重复（另见 {other} 列）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: duplicate id {value!r} (first in row {first})</source>
            <translation>第 {row} 行，{column} 列：编号 {value!r} 重复（首次出现在第 {first} 行）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: id {value!r} cannot be used as a folder name (avoid / \ : * ? " &lt; &gt; |)</source>
            <translation>第 {row} 行，{column} 列：编号 {value!r} 不能用作文件夹名（请勿使用 / \ : * ? " &lt; &gt; |）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: missing required column (write {words} in the header)</source>
            <translation>第 {row} 行，{column} 列：缺少必需的列（表头请写 {words}）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: no folder {value!r} in {materials}</source>
            <translation>第 {row} 行，{column} 列：{materials} 中没有文件夹 {value!r}</translation>
        </message>
        <message>
            <source>row {row}, column {column}: rubric {rubric} has no profile attribute {attr}; leave this cell empty</source>
            <translation>第 {row} 行，{column} 列：评审细则 {rubric} 没有属性 {attr}，此格应留空</translation>
        </message>
        <message>
            <source>row {row}, column {column}: rubric {rubric} needs a value for {attr} (one of {values})</source>
            <translation>第 {row} 行，{column} 列：评审细则 {rubric} 需要填写 {attr}（可选：{values}）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: the id is empty</source>
            <translation>第 {row} 行，{column} 列：编号为空</translation>
        </message>
        <message>
            <source>row {row}, column {column}: the name is empty</source>
            <translation>第 {row} 行，{column} 列：名称为空</translation>
        </message>
        <message>
            <source>row {row}, column {column}: the rubric is empty</source>
            <translation>第 {row} 行，{column} 列：评审细则为空</translation>
        </message>
        <message>
            <source>row {row}, column {column}: unknown column {value!r}: neither {fixed} nor a profile attribute of any rubric</source>
            <translation>第 {row} 行，{column} 列：无法识别的列 {value!r}：既不是 {fixed}，也不是任何评审细则的属性</translation>
        </message>
        <message>
            <source>row {row}, column {column}: unknown rubric {value!r} (known: {known})</source>
            <translation>第 {row} 行，{column} 列：未知的评审细则 {value!r}（现有：{known}）</translation>
        </message>
        <message>
            <source>row {row}, column {column}: {reason}</source>
            <translation>第{row}行，{column}列：{reason}</translation>
        </message>
        <message>
            <source>row {row}, column {column}: {value!r} contradicts {other!r} in column {first}</source>
            <translation>第 {row} 行，{column} 列：{value!r} 与 {first} 列的 {other!r} 矛盾</translation>
        </message>
        <message>
            <source>row {row}, column {column}: {value!r} is not a value of {attr} (allowed: {values})</source>
            <translation>第 {row} 行，{column} 列：{value!r} 不是 {attr} 的可选值（可选：{values}）</translation>
        </message>
        <message>
            <source>row {row}: missing columns {columns}</source>
            <translation>第{row}行：缺少列 {columns}</translation>
        </message>
        <message>
            <source>the file cannot be read</source>
            <translation>无法读取该文件</translation>
        </message>
        <message>
            <source>the file is missing</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <source>the form must be a .csv or .xlsx file</source>
            <translation>表格必须是 .csv 或 .xlsx 文件</translation>
        </message>
        <message>
            <source>the history cannot be changed</source>
            <translation>修改记录不可更改</translation>
        </message>
        <message>
            <source>the result file is damaged: {reason}</source>
            <translation>评审结果文件已损坏：{reason}</translation>
        </message>
        <message>
            <source>the rubric is not valid ({count} problems)</source>
            <translation>评审细则无效（{count} 个问题）</translation>
        </message>
        <message>
            <source>the score file is damaged: {reason}</source>
            <translation>评分文件已损坏：{reason}</translation>
        </message>
        <message>
            <source>the score file is not submitted yet; sheets are printed from submitted files only</source>
            <translation>评分文件尚未提交；只能根据已提交的评分文件打印</translation>
        </message>
        <message>
            <source>the table has a header but no applicants</source>
            <translation>表格只有表头，没有申报单位</translation>
        </message>
        <message>
            <source>the table has a header but no experts</source>
            <translation>表格只有表头，没有专家</translation>
        </message>
        <message>
            <source>the table is empty</source>
            <translation>表格是空的</translation>
        </message>
        <message>
            <source>there is no page {page}</source>
            <translation>没有第 {page} 页</translation>
        </message>
        <message>
            <source>this is an old Excel .xls file; save it as .xlsx or CSV</source>
            <translation>这是旧版 Excel .xls 文件，请另存为 .xlsx 或 CSV</translation>
        </message>
        <message>
            <source>took too long to open; it may be damaged</source>
            <translation>打开超时，文件可能已损坏</translation>
        </message>
        <message>
            <source>verified, submitted by {expert}</source>
            <translation>校验通过，由 {expert} 提交</translation>
        </message>
        <message>
            <source>written by a newer PanelReview (score file schema {found}, this program reads up to {ours}); update PanelReview to read it</source>
            <translation>由更新版本的程序写入（评分文件结构 {found}，本程序最高支持 {ours}）；请升级程序后再读取</translation>
        </message>
        <message>
            <source>written by a newer PanelReview; update PanelReview to read it</source>
            <translation>由更新版本的PanelReview生成，请升级后再打开</translation>
        </message>
        <message>
            <source>{applicant} has answers although the expert recused</source>
            <translation>专家已回避{applicant}，但文件中仍有评分</translation>
        </message>
        <message>
            <source>{applicant} has no recommendation although the file was submitted</source>
            <translation>文件已提交，但{applicant}没有推荐意见</translation>
        </message>
        <message>
            <source>{applicant} {item} is not an item of its rubric</source>
            <translation>{applicant} {item}不是其评审细则中的项目</translation>
        </message>
        <message>
            <source>{applicant} {item} is unanswered although the file was submitted</source>
            <translation>文件已提交，但{applicant} {item}未作答</translation>
        </message>
        <message>
            <source>{applicant} {item}: answer {value!r} is neither yes nor no</source>
            <translation>{applicant} {item}：答案{value!r}既不是“是”也不是“否”</translation>
        </message>
        <message>
            <source>{applicant} {item}: {points} points are outside its bands ({allowed})</source>
            <translation>{applicant} {item}：{points}分超出允许的分值范围（{allowed}）</translation>
        </message>
        <message>
            <source>{count} problems</source>
            <translation>{count} 个问题</translation>
        </message>
        <message>
            <source>{count} rows are wrong; nothing was imported</source>
            <translation>{count} 行有误；未导入任何内容</translation>
        </message>
        <message>
            <source>{file}: {reason}</source>
            <translation>{file}：{reason}</translation>
        </message>
        <message>
            <source>gate dissent</source>
            <translation>门槛意见不一致</translation>
        </message>
        <message>
            <source>not recommended</source>
            <translation>多数专家未建议认定</translation>
        </message>
        <message>
            <source>panel size</source>
            <translation>评审专家人数</translation>
        </message>
        <message>
            <source>only {count} experts scored this applicant; the session asks for at least {min}</source>
            <translation>仅{count}位专家评分，本次评审设定至少{min}位</translation>
        </message>
        <message>
            <source>only {yes} of {count} experts recommend this applicant ({no} do not): not a majority</source>
            <translation>{count}位专家中仅{yes}位建议认定（{no}位不建议），未过半数</translation>
        </message>
        <message>
            <source>the panel has {count} experts whose files were merged; 财政部令第87号 第四十七条 asks for {min} or more, an odd number</source>
            <translation>已汇总评分文件的评审专家为{count}人；财政部令第87号第四十七条要求{min}人以上单数</translation>
        </message>
        <message>
            <source>{count} experts scored this applicant; 财政部令第87号 第四十七条 asks for {min} or more, an odd number, made up again after recusals (第四十九条)</source>
            <translation>该申报单位由{count}位专家评分；财政部令第87号第四十七条要求{min}人以上单数，因回避导致人数不符的应补足（第四十九条）</translation>
        </message>
        <message>
            <source>{expert} answered no at gate {gate}, which the panel found met ({yes} yes, {no} no): the expert's points for {items} are missing from the consensus; ask for them in a re-check</source>
            <translation>{expert}在门槛{gate}答“否”，而专家组认定该门槛满足（{yes}是{no}否）：该专家对{items}未评分，不计入共识分；请在复核中请其补评</translation>
        </message>
        <message>
            <source>on two lists</source>
            <translation>同时列入两份名单</translation>
        </message>
        <message>
            <source>reserve</source>
            <translation>备选</translation>
        </message>
        <message>
            <source>on the reserve list of {reserve} and a candidate of {candidate}: the documents do not say whether both can stand; the panel decides</source>
            <translation>列入{reserve}备选名单，同时列入{candidate}拟入选名单：文件未规定两者能否并存，由专家组决定</translation>
        </message>
        <message>
            <source>{file}: nothing has been merged into this result file yet</source>
            <translation>{file}：该结果文件尚未汇总任何评分</translation>
        </message>
        <message>
            <source>{file} belongs to another session; the record was not written</source>
            <translation>{file} 属于另一次评审；记录未写入</translation>
        </message>
        <message>
            <source>{file}: {table} already holds this record</source>
            <translation>{file}：{table} 中已有这条记录</translation>
        </message>
        <message>
            <source>Inspection note</source>
            <translation>考察说明</translation>
        </message>
        <message>
            <source>Page &amp;P of &amp;N</source>
            <translation>第 &amp;P 页，共 &amp;N 页</translation>
        </message>
        <message>
            <source>a re-check request needs at least one item</source>
            <translation>复核请求至少须包含一项</translation>
        </message>
        <message>
            <source>a re-check round changed what it did not ask: {problems}</source>
            <translation>复核轮次修改了未要求复核的内容：{problems}</translation>
        </message>
        <message>
            <source>a wide spread of points on a subjective criterion: check for a mistake only; subjective scores are not negotiated (财政部令第87号 第六十二条（四）)</source>
            <translation>主观评审因素评分差异较大：仅核查是否有误；主观评分不得协商（财政部令第87号 第六十二条（四））</translation>
        </message>
        <message>
            <source>an objective item on which the panel's answers differ (财政部令第87号 第六十四条（三）)</source>
            <translation>客观评审因素评分不一致（财政部令第87号 第六十四条（三））</translation>
        </message>
        <message>
            <source>could not write the re-check request into {folder}: {reason}</source>
            <translation>无法将复核请求写入 {folder}：{reason}</translation>
        </message>
        <message>
            <source>expert {expert} has no merged score file in this result; nothing can be asked</source>
            <translation>本次汇总结果中没有专家 {expert} 的评分文件，无法请其复核</translation>
        </message>
        <message>
            <source>expert {expert} recused from {applicant}; nothing of it can be asked</source>
            <translation>专家 {expert} 已对 {applicant} 申请回避，不能就该单位请其复核</translation>
        </message>
        <message>
            <source>points outside the rubric's band or the criterion's maximum (财政部令第87号 第六十四条（二）)</source>
            <translation>分项评分超出评分标准范围（财政部令第87号 第六十四条（二））</translation>
        </message>
        <message>
            <source>the re-check request belongs to another session ({found}), not {title}; nothing was changed</source>
            <translation>该复核请求属于另一次评审会（{found}），不是“{title}”；未作任何修改</translation>
        </message>
        <message>
            <source>the re-check request is for expert {asked}, not {expert}; nothing was changed</source>
            <translation>该复核请求是给专家 {asked} 的，不是给 {expert} 的；未作任何修改</translation>
        </message>
        <message>
            <source>the re-check request {id} was already answered in this file; nothing was changed</source>
            <translation>复核请求 {id} 已在本文件中答复过；未作任何修改</translation>
        </message>
        <message>
            <source>the result was finalised on {at}; no re-check can be asked</source>
            <translation>汇总结果已于 {at} 定稿，不能再请专家复核</translation>
        </message>
        <message>
            <source>the result was finalised on {at}; the re-check request can no longer be answered</source>
            <translation>汇总结果已于 {at} 定稿，该复核请求不能再答复</translation>
        </message>
        <message>
            <source>your answer differs from the panel's finding (财政部令第87号 第六十一条: the majority decides; a dissent is signed with its reason)</source>
            <translation>您的回答与专家组的认定不一致（财政部令第87号 第六十一条：少数服从多数；持不同意见的须签署不同意见及理由）</translation>
        </message>
        <message>
            <source>your total differs from the others' consensus by more than the session's threshold (畸高畸低, 财政部令第87号 第六十四条（四）)</source>
            <translation>您的总分与其余专家共识分之差超过本次评审会设定的阈值（畸高畸低，财政部令第87号 第六十四条（四））</translation>
        </message>
        <message>
            <source>{applicant} has no item {item}</source>
            <translation>{applicant} 没有评审项 {item}</translation>
        </message>
        <message>
            <source>{applicant} {item} is asked twice</source>
            <translation>{applicant} {item} 重复列出</translation>
        </message>
        <message>
            <source>{count} experts: {counts}</source>
            <translation>{count}位专家：{counts}</translation>
        </message>
        <message>
            <source>{count} experts: {counts} (lowest {low}, median {median}, highest {high})</source>
            <translation>{count}位专家：{counts}（最低 {low}，中位数 {median}，最高 {high}）</translation>
        </message>
        <message>
            <source>{expert}: round {open} is still open; round {round}, the last submitted, is merged</source>
            <translation>{expert}：第{open}轮尚未提交；汇总采用最近提交的第{round}轮</translation>
        </message>
        <message>
            <source>{file}: no such re-check request</source>
            <translation>{file}：找不到该复核请求</translation>
        </message>
        <message>
            <source>{file}: not a PanelReview re-check request</source>
            <translation>{file}：不是 PanelReview 复核请求文件</translation>
        </message>
        <message>
            <source>{file}: the re-check request is damaged: {reason}</source>
            <translation>{file}：复核请求文件已损坏：{reason}</translation>
        </message>
        <message>
            <source>{file}: the result was finalised on {at}; a merge would change it, so nothing was merged</source>
            <translation>{file}：汇总结果已于 {at} 定稿，再次汇总会改变结果，故未汇总</translation>
        </message>
        <message>
            <source>give a value (the last round's, to confirm it)</source>
            <translation>请填写分值（确认不变的，填上一轮的分值）</translation>
        </message>
        <message>
            <source>the value changed: give the reason</source>
            <translation>分值已修改：请写明理由</translation>
        </message>
        <message>
            <source>{file}: missing columns {columns}</source>
            <translation>{file}：缺少列 {columns}</translation>
        </message>
        <message>
            <source>{file}: no re-check round is open</source>
            <translation>{file}：当前没有开启的复核轮次</translation>
        </message>
        <message>
            <source>{file}: row {row}: {applicant} {item} was not asked in this re-check round</source>
            <translation>{file}：第{row}行：{applicant} {item} 不在本轮复核要求之列</translation>
        </message>
        <message>
            <source>{file}: row {row}: {reason}</source>
            <translation>{file}：第{row}行：{reason}</translation>
        </message>
        <message>
            <source>{file}: the re-check request is damaged: it has no “{field}”</source>
            <translation>{file}：复核请求文件已损坏：缺少“{field}”</translation>
        </message>
    </context>
</TS>
