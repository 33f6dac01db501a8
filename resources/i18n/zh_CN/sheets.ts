<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>a PDF file, or a folder with --all</source>
            <translation>PDF 文件；与 --all 同用时为文件夹</translation>
        </message>
        <message>
            <source>cannot write {file}: {reason}</source>
            <translation>无法写入 {file}：{reason}</translation>
        </message>
        <message>
            <source>no applicants in category {category} (categories: {known})</source>
            <translation>类别 {category} 中没有申报单位（现有类别：{known}）</translation>
        </message>
        <message>
            <source>print an expert's opinion sheets or score sheet as PDF (submitted files only)</source>
            <translation>将专家评审意见书或评分表输出为 PDF（仅限已提交的评分文件）</translation>
        </message>
        <message>
            <source>say what to write: --pdf, --candidates or --xlsx</source>
            <translation>请指定要输出的内容：--pdf、--candidates 或 --xlsx</translation>
        </message>
        <message>
            <source>the opinion sheet of one applicant</source>
            <translation>一个申报单位的专家评审意见书</translation>
        </message>
        <message>
            <source>the opinion sheets of every applicant (into a folder)</source>
            <translation>全部申报单位的专家评审意见书（输出到文件夹）</translation>
        </message>
        <message>
            <source>the panel summary and candidate list of a merged result</source>
            <translation>根据汇总结果输出评审汇总表和候选名单</translation>
        </message>
        <message>
            <source>the result lists candidate {id}, who is not among its applicants</source>
            <translation>汇总结果列出的候选单位 {id} 不在申报单位之中</translation>
        </message>
        <message>
            <source>the score sheet of every applicant in one category</source>
            <translation>一个类别全部申报单位的评分表</translation>
        </message>
        <message>
            <source>the sheet cannot be laid out: {reason}</source>
            <translation>无法排版该表：{reason}</translation>
        </message>
        <message>
            <source>the signature image cannot be read: {reason}</source>
            <translation>无法读取签名图片：{reason}</translation>
        </message>
        <message>
            <source>this build cannot read merged results (app.merge is missing)</source>
            <translation>此版本无法读取汇总结果（缺少 app.merge）</translation>
        </message>
        <message>
            <source>this build cannot write spreadsheets (app.report is missing)</source>
            <translation>此版本无法输出电子表格（缺少 app.report）</translation>
        </message>
        <message>
            <source>write the candidate list (PDF)</source>
            <translation>输出候选名单（PDF）</translation>
        </message>
        <message>
            <source>write the panel summary (PDF)</source>
            <translation>输出评审汇总表（PDF）</translation>
        </message>
        <message>
            <source>write the results as a spreadsheet</source>
            <translation>将结果输出为电子表格</translation>
        </message>
        <message>
            <source>{file} was changed after it was submitted: {changes}</source>
            <translation>{file} 在提交后被改动：{changes}</translation>
        </message>
        <message>
            <source>{file}: the score file is not submitted yet; sheets are printed from submitted files only</source>
            <translation>{file}：评分文件尚未提交；只能根据已提交的评分文件打印</translation>
        </message>
        <message>
            <source>an image cannot be made opaque for the archival PDF: {reason}</source>
            <translation>图像无法转为不透明以生成存档PDF：{reason}</translation>
        </message>
        <message>
            <source>cannot read {file}: {reason}</source>
            <translation>无法读取 {file}：{reason}</translation>
        </message>
        <message>
            <source>colour profile missing: {path}</source>
            <translation>缺少色彩配置文件：{path}</translation>
        </message>
        <message>
            <source>{file}: cannot be made an archival PDF: {reason}</source>
            <translation>{file}：无法生成存档PDF（PDF/A）：{reason}</translation>
        </message>
        <message>
            <source>{file}: font {font} is not embedded, so the PDF cannot be an archival copy</source>
            <translation>{file}：字体 {font} 未嵌入，该PDF不能作为存档件</translation>
        </message>
        <message>
            <source>Notice to supply materials again</source>
            <translation>通知补正材料</translation>
        </message>
        <message>
            <source>To: {name}</source>
            <translation>致：{name}</translation>
        </message>
        <message>
            <source>The materials you handed in are incomplete or not in the required form. Please hand in again what is listed below:</source>
            <translation>经审核，你单位提交的申报材料不齐全或者不符合法定形式。请按下列事项补正材料：</translation>
        </message>
        <message>
            <source>Nothing needs to be handed in again.</source>
            <translation>无需补正材料。</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>材料</translation>
        </message>
        <message>
            <source>File and page</source>
            <translation>文件及页码</translation>
        </message>
        <message>
            <source>What is wrong</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>Please</source>
            <translation>补正要求</translation>
        </message>
        <message>
            <source>{file}, page {page}</source>
            <translation>{file}，第{page}页</translation>
        </message>
        <message>
            <source>The requirements these come from:</source>
            <translation>依据：</translation>
        </message>
        <message>
            <source>(seal of the accepting office)</source>
            <translation>（受理单位盖章）</translation>
        </message>
        <message>
            <source>{sheet}!{cell}: the text is {length} characters long and an Excel cell holds at most {max}; nothing was cut: write a CSV file instead</source>
            <translation>{sheet}!{cell}：该文字长 {length} 个字符，而 Excel 单元格最多容纳 {max} 个；没有截断任何内容：请改为导出 CSV 文件</translation>
        </message>
        <message>
            <source>{file}: nothing to put into the archival PDF</source>
            <translation>{file}：没有可放入存档PDF的内容</translation>
        </message>
    </context>
</TS>
