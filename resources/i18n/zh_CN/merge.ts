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
    </context>
</TS>
