<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>评审(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <source>0 pts</source>
            <translation>0分</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>申报单位</translation>
        </message>
        <message>
            <source>Applicants</source>
            <translation>申报单位</translation>
        </message>
        <message>
            <source>Basic condition</source>
            <translation>基本条件</translation>
        </message>
        <message>
            <source>Basic conditions</source>
            <translation>基本条件</translation>
        </message>
        <message>
            <source>Before scoring</source>
            <translation>进入评分前</translation>
        </message>
        <message>
            <source>Check that everything is answered, then lock the score file</source>
            <translation>检查是否全部评完，然后锁定评分文件</translation>
        </message>
        <message>
            <source>Choose the session folder</source>
            <translation>选择评审文件夹</translation>
        </message>
        <message>
            <source>Choose your name:</source>
            <translation>请选择您的姓名：</translation>
        </message>
        <message>
            <source>Cite this page</source>
            <translation>引用当前页</translation>
        </message>
        <message>
            <source>Comment (optional)</source>
            <translation>评语（可选）</translation>
        </message>
        <message>
            <source>Conflict of interest with this applicant?</source>
            <translation>与该申报单位存在利害关系？</translation>
        </message>
        <message>
            <source>Conflicts of interest</source>
            <translation>回避申报</translation>
        </message>
        <message>
            <source>Conflicts of interest…</source>
            <translation>回避申报…</translation>
        </message>
        <message>
            <source>Decided by recommendation (no points table)</source>
            <translation>按推荐意见决定（无评分表）</translation>
        </message>
        <message>
            <source>Evidence:</source>
            <translation>佐证材料：</translation>
        </message>
        <message>
            <source>Give the reason for recusal.</source>
            <translation>请填写回避理由。</translation>
        </message>
        <message>
            <source>I have read and accept the pledge</source>
            <translation>我已阅读并接受以上承诺</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Materials</source>
            <translation>申报材料</translation>
        </message>
        <message>
            <source>Materials differ from the session</source>
            <translation>材料与评审包不一致</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>符合</translation>
        </message>
        <message>
            <source>Next / previous applicant</source>
            <translation>下一个 / 上一个申报单位</translation>
        </message>
        <message>
            <source>Next / previous criterion</source>
            <translation>下一项 / 上一项评审细则</translation>
        </message>
        <message>
            <source>Next / previous page</source>
            <translation>下一页 / 上一页</translation>
        </message>
        <message>
            <source>Next applicant ▶</source>
            <translation>下一个单位 ▶</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>None of the levels applies</source>
            <translation>均不符合以上档次</translation>
        </message>
        <message>
            <source>Not complete yet</source>
            <translation>尚未评完</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>不符合</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>未保存：{reason}</translation>
        </message>
        <message>
            <source>Not scored: the condition {gate} was answered no</source>
            <translation>不评分：前置条件 {gate} 未满足</translation>
        </message>
        <message>
            <source>Nothing to undo</source>
            <translation>没有可撤销的操作</translation>
        </message>
        <message>
            <source>Open a material in the viewer first, then cite its page</source>
            <translation>请先在阅读区打开材料，再引用页码</translation>
        </message>
        <message>
            <source>Open a review session</source>
            <translation>打开评审</translation>
        </message>
        <message>
            <source>Open folder…</source>
            <translation>打开文件夹…</translation>
        </message>
        <message>
            <source>Open the session folder the secretary gave you, or drop it here.</source>
            <translation>请打开秘书提供的评审文件夹，或将文件夹拖到此处。</translation>
        </message>
        <message>
            <source>Open this material</source>
            <translation>打开此材料</translation>
        </message>
        <message>
            <source>Opinion</source>
            <translation>评审意见</translation>
        </message>
        <message>
            <source>Other file: {file}</source>
            <translation>其他文件：{file}</translation>
        </message>
        <message>
            <source>PanelReview</source>
            <translation>专家评审系统</translation>
        </message>
        <message>
            <source>PanelReview — {title} — {expert}</source>
            <translation>专家评审系统 — {title} — {expert}</translation>
        </message>
        <message>
            <source>PanelReview: unexpected error</source>
            <translation>专家评审系统：意外错误</translation>
        </message>
        <message>
            <source>Pin the page now shown in the viewer to this criterion</source>
            <translation>将阅读区当前页作为本项的佐证引用</translation>
        </message>
        <message>
            <source>Points:</source>
            <translation>得分：</translation>
        </message>
        <message>
            <source>Preparing the demo session…</source>
            <translation>正在准备演示评审…</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Priority condition</source>
            <translation>倾斜条件</translation>
        </message>
        <message>
            <source>Priority conditions</source>
            <translation>倾斜条件</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Recent sessions:</source>
            <translation>最近的评审：</translation>
        </message>
        <message>
            <source>Recusal</source>
            <translation>回避</translation>
        </message>
        <message>
            <source>Recuse</source>
            <translation>回避</translation>
        </message>
        <message>
            <source>Recuse myself…</source>
            <translation>申请回避…</translation>
        </message>
        <message>
            <source>S&amp;ettings</source>
            <translation>设置(&amp;E)</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>保存报告</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>保存报告…</translation>
        </message>
        <message>
            <source>Show this page; right-click to remove the citation</source>
            <translation>显示此页；右键删除引用</translation>
        </message>
        <message>
            <source>Something went wrong that PanelReview did not expect. Your saved scores are safe: every score is saved the moment it is entered.</source>
            <translation>程序发生了意外错误。已录入的评分是安全的：每一项评分在录入时即已保存。</translation>
        </message>
        <message>
            <source>Submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>Submitted · fingerprint {fp}</source>
            <translation>已提交 · 校验码 {fp}</translation>
        </message>
        <message>
            <source>Submit…</source>
            <translation>提交评分…</translation>
        </message>
        <message>
            <source>The applicant did not hand in this material</source>
            <translation>申报单位未提交此材料</translation>
        </message>
        <message>
            <source>The panel member's opinion on this applicant (printed on the opinion sheet)</source>
            <translation>对该申报单位的评审意见（打印在专家评审意见书上）</translation>
        </message>
        <message>
            <source>These material files are not as the secretary prepared them. Tell the secretary before scoring:</source>
            <translation>以下材料文件与秘书准备的不一致，请在评分前告知秘书：</translation>
        </message>
        <message>
            <source>Tick every applicant you have a conflict of interest with (employment in the last three years, relatives, a stake in its success) and give the reason. You will not see or score those applicants.</source>
            <translation>请勾选与您存在利害关系的申报单位（近三年任职、亲属关系、存在利益关联等）并填写理由。回避的单位您将不能查看和评分。</translation>
        </message>
        <message>
            <source>Total {total} / {max}</source>
            <translation>总分 {total} / {max}</translation>
        </message>
        <message>
            <source>Try the demo session</source>
            <translation>打开演示评审</translation>
        </message>
        <message>
            <source>Type points</source>
            <translation>输入分数</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>撤销上一次修改</translation>
        </message>
        <message>
            <source>Who is scoring?</source>
            <translation>评审专家</translation>
        </message>
        <message>
            <source>Why must you recuse yourself from {name}? (e.g. employed there in the last three years, a relative)</source>
            <translation>您回避 {name} 的理由？（如近三年在该单位任职、亲属关系）</translation>
        </message>
        <message>
            <source>Withdraw recusal</source>
            <translation>撤销回避</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>You recused yourself from this applicant: {reason}</source>
            <translation>您已申请回避该申报单位：{reason}</translation>
        </message>
        <message>
            <source>Your scores are submitted and the file is locked.

Fingerprint: {fp}

Hand the file {file} to the secretary.</source>
            <translation>评分已提交，评分文件已锁定。

校验码：{fp}

请将文件 {file} 交给秘书。</translation>
        </message>
        <message>
            <source>added</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>answered {done} of {total}</source>
            <translation>已评 {done} / {total}</translation>
        </message>
        <message>
            <source>band {band}</source>
            <translation>分档 {band}</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>已改动</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>已评完</translation>
        </message>
        <message>
            <source>condition not met</source>
            <translation>条件不满足</translation>
        </message>
        <message>
            <source>digits, then Enter</source>
            <translation>数字，然后回车</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>评分中</translation>
        </message>
        <message>
            <source>max {max}</source>
            <translation>满分 {max}</translation>
        </message>
        <message>
            <source>not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>overall recommendation</source>
            <translation>总体意见</translation>
        </message>
        <message>
            <source>pts</source>
            <translation>分</translation>
        </message>
        <message>
            <source>recused</source>
            <translation>已回避</translation>
        </message>
        <message>
            <source>submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>{band} pts</source>
            <translation>{band}分</translation>
        </message>
        <message>
            <source>{count} items are still unanswered. Double-click one to go there.</source>
            <translation>还有 {count} 项未评。双击跳转到该项。</translation>
        </message>
        <message>
            <source>{material} p. {page}</source>
            <translation>{material} 第{page}页</translation>
        </message>
        <message>
            <source>{name} — missing</source>
            <translation>{name} — 缺</translation>
        </message>
        <message>
            <source>{name}: give the reason for recusal</source>
            <translation>{name}：请填写回避理由</translation>
        </message>
        <message>
            <source>{name}: the applicant did not hand in this material</source>
            <translation>{name}：申报单位未提交此材料</translation>
        </message>
        <message>
            <source>{points} / {max}</source>
            <translation>{points} / {max}</translation>
        </message>
        <message>
            <source>{points} pts</source>
            <translation>{points}分</translation>
        </message>
        <message>
            <source>◀ Previous applicant</source>
            <translation>◀ 上一个单位</translation>
        </message>
        <message>
            <source>✓ Saved {time} · {file}</source>
            <translation>✓ 已保存 {time} · {file}</translation>
        </message>
        <message>
            <source>Applicant / material</source>
            <translation>申报单位 / 材料</translation>
        </message>
        <message>
            <source>Applicants table</source>
            <translation>申报单位名单</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Check tables and materials</source>
            <translation>检查名单和材料</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>选择文件夹</translation>
        </message>
        <message>
            <source>Choose a table</source>
            <translation>选择表格</translation>
        </message>
        <message>
            <source>Choose the USB stick (or a folder on it)</source>
            <translation>选择U盘（或其中的文件夹）</translation>
        </message>
        <message>
            <source>Choose the applicants table first.</source>
            <translation>请先选择申报单位名单。</translation>
        </message>
        <message>
            <source>Consensus method</source>
            <translation>汇总方法</translation>
        </message>
        <message>
            <source>Copied and verified: {path}</source>
            <translation>已复制并校验：{path}</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy to a USB stick…</source>
            <translation>复制到U盘…</translation>
        </message>
        <message>
            <source>Copying to the stick…</source>
            <translation>正在复制到U盘…</translation>
        </message>
        <message>
            <source>Create session</source>
            <translation>创建评审包</translation>
        </message>
        <message>
            <source>Create the session in</source>
            <translation>评审包保存位置</translation>
        </message>
        <message>
            <source>Creating the session…</source>
            <translation>正在创建评审包…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Experts table</source>
            <translation>专家名单</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Fill in the title, both tables, the materials folder, where to create it and its name.</source>
            <translation>请填写名称、两个名单、材料文件夹、保存位置和文件夹名称。</translation>
        </message>
        <message>
            <source>Materials folder</source>
            <translation>材料文件夹</translation>
        </message>
        <message>
            <source>Mean of all experts</source>
            <translation>全部专家平均分</translation>
        </message>
        <message>
            <source>Mean without the highest and the lowest</source>
            <translation>去掉一个最高分和一个最低分后的平均分</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>New review session</source>
            <translation>新建评审</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>名额</translation>
        </message>
        <message>
            <source>Quotas (at most this many candidates per category)</source>
            <translation>认定名额（每类最多候选数量）</translation>
        </message>
        <message>
            <source>Session created in {path}. Copy it to each expert's USB stick.</source>
            <translation>评审包已创建：{path}。请复制到每位专家的U盘。</translation>
        </message>
        <message>
            <source>Session folder name</source>
            <translation>评审包文件夹名称</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Tables (*.csv *.xlsx)</source>
            <translation>表格 (*.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>e.g. 2024年度龙岗区终身职业技能培训载体认定专家评审</source>
            <translation>例如：2024年度龙岗区终身职业技能培训载体认定专家评审</translation>
        </message>
        <message>
            <source>folder name, e.g. 2024-longgang</source>
            <translation>文件夹名称，例如 2024-longgang</translation>
        </message>
        <message>
            <source>not matched to any material</source>
            <translation>未对应任何材料</translation>
        </message>
        <message>
            <source>present</source>
            <translation>已提交</translation>
        </message>
        <message>
            <source>the copy on {path} differs from the session: {files}</source>
            <translation>{path} 上的副本与评审包不一致：{files}</translation>
        </message>
        <message>
            <source>{n} applicants read; {m} materials missing.</source>
            <translation>已读取 {n} 个申报单位；缺少 {m} 份材料。</translation>
        </message>
        <message>
            <source>{n} missing</source>
            <translation>缺 {n} 份</translation>
        </message>
        <message>
            <source>{path} already exists.</source>
            <translation>{path} 已存在。</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>My signature</source>
            <translation>我的签名</translation>
        </message>
        <message>
            <source>My signature…</source>
            <translation>我的签名…</translation>
        </message>
        <message>
            <source>Opinion sheets are printed from your submitted scores, so that paper and file match. Submit first.</source>
            <translation>意见书依据已提交的评分打印，以保证纸质件与评分文件一致。请先提交评分。</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Print all opinion sheets…</source>
            <translation>打印全部意见书…</translation>
        </message>
        <message>
            <source>Print opinion sheet…</source>
            <translation>打印意见书…</translation>
        </message>
        <message>
            <source>Print preview — {title}</source>
            <translation>打印预览 — {title}</translation>
        </message>
        <message>
            <source>Print the score sheet of this category…</source>
            <translation>打印本类别评分表…</translation>
        </message>
        <message>
            <source>Print {title}</source>
            <translation>打印 {title}</translation>
        </message>
        <message>
            <source>Save all opinion sheets as PDF…</source>
            <translation>全部意见书另存为 PDF…</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <source>Save opinion sheet as PDF…</source>
            <translation>意见书另存为 PDF…</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Sign here with the mouse or a pen</source>
            <translation>请用鼠标或手写笔在此签名</translation>
        </message>
        <message>
            <source>Sign in the box. The signature is printed on your opinion sheets; you still sign the printed paper by hand.</source>
            <translation>请在框内签名。签名将打印在您的意见书上；打印出的纸质件仍需您亲笔签字。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Checking the demo session</source>
            <translation>正在检查演示评审活动</translation>
        </message>
        <message>
            <source>Drawing scanned material {n}: {applicant}, {material}</source>
            <translation>正在生成第 {n} 份扫描材料：{applicant}，{material}</translation>
        </message>
        <message>
            <source>Preparing the opinion sheets…</source>
            <translation>正在准备专家评审意见书…</translation>
        </message>
        <message>
            <source>Preparing the preview of {title}…</source>
            <translation>正在准备《{title}》的打印预览…</translation>
        </message>
        <message>
            <source>Preparing the sheet…</source>
            <translation>正在准备表格…</translation>
        </message>
        <message>
            <source>Printing page {page} of {pages}</source>
            <translation>正在打印第 {page} 页（共 {pages} 页）</translation>
        </message>
        <message>
            <source>Printing {title}…</source>
            <translation>正在打印《{title}》…</translation>
        </message>
        <message>
            <source>Putting the {n} sheets together</source>
            <translation>正在合并 {n} 份意见书</translation>
        </message>
        <message>
            <source>Rasterising page {page} of {pages}</source>
            <translation>正在处理第 {page} 页（共 {pages} 页）</translation>
        </message>
        <message>
            <source>Writing the opinion sheet of {name}</source>
            <translation>正在生成{name}的专家评审意见书</translation>
        </message>
        <message>
            <source>Writing the session and fingerprinting its materials</source>
            <translation>正在写入评审活动并计算材料指纹</translation>
        </message>
        <message>
            <source>Your name on the roster</source>
            <translation>名单中的您的姓名</translation>
        </message>
        <message>
            <source>Choose your name, then tick the pledge.</source>
            <translation>请先选择您的姓名，再勾选承诺。</translation>
        </message>
        <message>
            <source>Another name?</source>
            <translation>换一个姓名？</translation>
        </message>
        <message>
            <source>Tick the pledge to continue.</source>
            <translation>请勾选承诺后继续。</translation>
        </message>
        <message>
            <source>Last time this session was scored here as {last}. Score now as {name}?

The scores go into {name}'s own file; {last}'s scores stay as they are.</source>
            <translation>上次在本机评审本场次的是 {last}。现在以 {name} 的身份评分吗？

评分将记入 {name} 本人的评分文件；{last} 的评分保持不变。</translation>
        </message>
        <message>
            <source>the opinion</source>
            <translation>评审意见</translation>
        </message>
        <message>
            <source>the overall recommendation</source>
            <translation>总体推荐意见</translation>
        </message>
        <message>
            <source>removing a citation</source>
            <translation>删除引用</translation>
        </message>
        <message>
            <source>withdrawing the recusal</source>
            <translation>撤回回避</translation>
        </message>
        <message>
            <source>the recusal</source>
            <translation>回避申报</translation>
        </message>
        <message>
            <source>Comment on {criterion}</source>
            <translation>{criterion} 的评语</translation>
        </message>
        <message>
            <source>Cite the page now shown for {criterion}</source>
            <translation>为 {criterion} 引用当前显示的页面</translation>
        </message>
        <message>
            <source>Points for {criterion}</source>
            <translation>{criterion} 的分数</translation>
        </message>
        <message>
            <source>{criterion}: “{text}” cannot be typed here: points from 0 to {max}, in the bands {bands}</source>
            <translation>{criterion}：不能输入“{text}”：分数须在 0 至 {max} 之间，档次为 {bands}</translation>
        </message>
        <message>
            <source>the points of {item} ({points})</source>
            <translation>{item} 的分数（{points}）</translation>
        </message>
        <message>
            <source>the answer to {item} ({answer})</source>
            <translation>{item} 的判断（{answer}）</translation>
        </message>
        <message>
            <source>the comment on {item}</source>
            <translation>{item} 的评语</translation>
        </message>
        <message>
            <source>the citation of {material} p. {page} on {item}</source>
            <translation>{item} 对 {material} 第 {page} 页的引用</translation>
        </message>
        <message>
            <source>{criterion}: level {band} pts</source>
            <translation>{criterion}：档次 {band} 分</translation>
        </message>
        <message>
            <source>Open the material {name}</source>
            <translation>打开材料 {name}</translation>
        </message>
        <message>
            <source>pick a level, or type the points (bands {bands})</source>
            <translation>选择档次，或直接输入分数（档次 {bands}）</translation>
        </message>
        <message>
            <source>{criterion}: {points} pts is in none of the bands {bands}</source>
            <translation>{criterion}：{points} 分不在任何档次内（{bands}）</translation>
        </message>
        <message>
            <source>Show or hide the list of applicants</source>
            <translation>显示或隐藏申报单位列表</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>保存中…</translation>
        </message>
        <message>
            <source>After submitting nothing can be changed; the opinion sheets are printed from the submitted file.</source>
            <translation>提交后不能再修改；意见书按提交的评分文件打印。</translation>
        </message>
        <message>
            <source>Submit and lock?</source>
            <translation>提交并锁定？</translation>
        </message>
        <message>
            <source>Submit and lock</source>
            <translation>提交并锁定</translation>
        </message>
        <message>
            <source>Nothing to undo for this applicant</source>
            <translation>该申报单位没有可撤销的修改</translation>
        </message>
        <message>
            <source>Not submitted: you can go on changing your scores</source>
            <translation>未提交：您可以继续修改评分</translation>
        </message>
        <message>
            <source>Submit the scores of {expert} and lock the file {file}?</source>
            <translation>提交 {expert} 的评分并锁定评分文件 {file}？</translation>
        </message>
        <message>
            <source>Undone: {what}</source>
            <translation>已撤销：{what}</translation>
        </message>
        <message>
            <source>Scored ({n}):</source>
            <translation>已评分（{n} 家）：</translation>
        </message>
        <message>
            <source>Recused ({n}): {names}</source>
            <translation>已回避（{n} 家）：{names}</translation>
        </message>
        <message>
            <source>{name}: material missing — the applicant did not hand it in</source>
            <translation>{name}：材料缺（申报单位未提交）</translation>
        </message>
        <message>
            <source>all materials present</source>
            <translation>材料齐全</translation>
        </message>
        <message>
            <source>or type the points</source>
            <translation>或直接输入分数</translation>
        </message>
        <message>
            <source>Close (saved; submit later)</source>
            <translation>关闭（已保存，稍后提交）</translation>
        </message>
        <message>
            <source>I reopen my submitted score file for these items; the round is submitted and fingerprinted again, and the secretary sees both rounds</source>
            <translation>我确认为这些项目重新开启已提交的评分文件；本轮将重新提交并生成校验码，秘书可看到前后两轮</translation>
        </message>
        <message>
            <source>Items of {name} to reopen:</source>
            <translation>{name} 需要重新评分的项目：</translation>
        </message>
        <message>
            <source>Last round: {value}</source>
            <translation>上一轮：{value}</translation>
        </message>
        <message>
            <source>New value for {item}</source>
            <translation>{item} 的新分值</translation>
        </message>
        <message>
            <source>No re-check round is open.</source>
            <translation>当前没有开启的复核轮次。</translation>
        </message>
        <message>
            <source>Note: {note}</source>
            <translation>说明：{note}</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>本轮：</translation>
        </message>
        <message>
            <source>Only the items below can be changed. Change a value and give the reason, or tick that you checked it again and it stays. The panel's answers are shown without names; subjective scores are not negotiated (财政部令第87号 第六十二条（四）).</source>
            <translation>只能修改下列项目。修改分值须写明理由；复核后不修改的，请勾选确认不变。专家组的评分情况不显示专家姓名；主观评分不得协商（财政部令第87号 第六十二条（四））。</translation>
        </message>
        <message>
            <source>Open a re-check request</source>
            <translation>打开复核请求</translation>
        </message>
        <message>
            <source>Open a re-check request…</source>
            <translation>打开复核请求…</translation>
        </message>
        <message>
            <source>Open the round</source>
            <translation>开启本轮</translation>
        </message>
        <message>
            <source>Re-check my own scores</source>
            <translation>自行复核</translation>
        </message>
        <message>
            <source>Re-check my own scores…</source>
            <translation>自行复核…</translation>
        </message>
        <message>
            <source>Re-check round</source>
            <translation>复核轮次</translation>
        </message>
        <message>
            <source>Re-check round {round}</source>
            <translation>第{round}轮复核</translation>
        </message>
        <message>
            <source>Re-check round…</source>
            <translation>复核轮次…</translation>
        </message>
        <message>
            <source>Reason for the change (required)</source>
            <translation>修改理由（必填）</translation>
        </message>
        <message>
            <source>Reason for the change of {item}</source>
            <translation>{item} 的修改理由</translation>
        </message>
        <message>
            <source>Submit the round…</source>
            <translation>提交本轮复核…</translation>
        </message>
        <message>
            <source>The panel (without names): {spread}</source>
            <translation>专家组评分（不显示姓名）：{spread}</translation>
        </message>
        <message>
            <source>The secretary's re-check request {id}</source>
            <translation>秘书的复核请求 {id}</translation>
        </message>
        <message>
            <source>Totals (without names): {spread}</source>
            <translation>总分（不显示姓名）：{spread}</translation>
        </message>
        <message>
            <source>Why (required):</source>
            <translation>理由（必填）：</translation>
        </message>
        <message>
            <source>Why asked: {why}</source>
            <translation>复核原因：{why}</translation>
        </message>
        <message>
            <source>You opened this round yourself: {reason}</source>
            <translation>本轮由您自行开启：{reason}</translation>
        </message>
        <message>
            <source>{done} of {count} items done</source>
            <translation>已完成 {done}/{count} 项</translation>
        </message>
        <message>
            <source>About PanelReview</source>
            <translation>关于 PanelReview</translation>
        </message>
        <message>
            <source>PanelReview {version}

Offline scoring and merging for expert review panels.

Data folder: {data}</source>
            <translation>PanelReview {version}

评审专家离线评分与汇总工具。

数据文件夹：{data}</translation>
        </message>
        <message>
            <source>Applicants and conflicts of interest</source>
            <translation>申报单位与利害关系</translation>
        </message>
        <message>
            <source>Unanswered items by applicant</source>
            <translation>按申报单位列出的未评项目</translation>
        </message>
        <message>
            <source>{count} items of {applicants} applicants are still unanswered. Double-click one (or press Enter) to go there.</source>
            <translation>{applicants} 家申报单位共有 {count} 项尚未评完。双击某项（或按回车）即可前往。</translation>
        </message>
        <message>
            <source>Recuse from {name}</source>
            <translation>回避 {name}</translation>
        </message>
        <message>
            <source>{name} — {n} unanswered</source>
            <translation>{name} — {n} 项未评</translation>
        </message>
        <message>
            <source>Overall recommendation: {answer}</source>
            <translation>总体推荐意见：{answer}</translation>
        </message>
        <message>
            <source>Save this signature? It is printed on every opinion sheet of yours from now on.</source>
            <translation>保存此签名？今后您的每份意见书都将印上此签名。</translation>
        </message>
        <message>
            <source>Remove your signature? Your opinion sheets are then printed without it.</source>
            <translation>删除您的签名？此后意见书将不带签名打印。</translation>
        </message>
        <message>
            <source>digits on a criterion, then Enter (the level follows the points)</source>
            <translation>在评审细则上输入数字，再按回车（档次随分数自动选定）</translation>
        </message>
        <message>
            <source>Choose a level or an answer</source>
            <translation>选择档次或判断</translation>
        </message>
        <message>
            <source>arrow keys, then Space</source>
            <translation>方向键，再按空格</translation>
        </message>
        <message>
            <source>Back / forward (after following a citation)</source>
            <translation>后退 / 前进（跳转到引用页之后）</translation>
        </message>
        <message>
            <source>Zoom in / out, fit width</source>
            <translation>放大 / 缩小，适合宽度</translation>
        </message>
        <message>
            <source>Ctrl+wheel, Ctrl++ / Ctrl+-, Ctrl+0</source>
            <translation>Ctrl+滚轮，Ctrl++ / Ctrl+-，Ctrl+0</translation>
        </message>
        <message>
            <source>Turn the page clockwise / anticlockwise</source>
            <translation>本页顺时针 / 逆时针旋转</translation>
        </message>
        <message>
            <source>Search the material, next / previous match</source>
            <translation>在材料中搜索，下一处 / 上一处</translation>
        </message>
        <message>
            <source>Print opinion sheet</source>
            <translation>打印意见书</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <source>Recent sessions</source>
            <translation>最近的评审场次</translation>
        </message>
        <message>
            <source>Checked again: unchanged (复核确认不变)</source>
            <translation>复核确认不变（已复核，不修改）</translation>
        </message>
        <message>
            <source>Tables (*.csv *.txt *.xlsx *.xls *.xlsb *.ods)</source>
            <translation>表格 (*.csv *.txt *.xlsx *.xls *.xlsb *.ods)</translation>
        </message>
        <message>
            <source>Search:</source>
            <translation>检索：</translation>
        </message>
        <message>
            <source>Search “{text}” in the applicant's materials</source>
            <translation>在申报单位的材料中检索“{text}”</translation>
        </message>
        <message>
            <source>More searches: {terms}</source>
            <translation>更多检索：{terms}</translation>
        </message>
        <message>
            <source>The intake check found:</source>
            <translation>受理检查发现：</translation>
        </message>
        <message>
            <source>(accepted by the secretary: {note})</source>
            <translation>（秘书已接受：{note}）</translation>
        </message>
        <message>
            <source>{first} (and {more} more)</source>
            <translation>{first}（另有 {more} 项）</translation>
        </message>
        <message>
            <source>Intake check: {finding}</source>
            <translation>受理检查：{finding}</translation>
        </message>
        <message>
            <source>“{text}” is not in the stored text of the applicant's materials</source>
            <translation>申报单位材料的已存文字中没有“{text}”</translation>
        </message>
        <message>
            <source>Page {n}: its picture could not be made; click it, then click the page to try again</source>
            <translation>第 {n} 页：缩略图无法生成；请点击它，再点击页面重试</translation>
        </message>
        <message>
            <source>Close the list of matches</source>
            <translation>关闭检索结果列表</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>检索结果</translation>
        </message>
        <message>
            <source>I have no conflict of interest with any applicant not ticked</source>
            <translation>本人与未勾选的申报单位均无利害关系</translation>
        </message>
    </context>
</TS>
