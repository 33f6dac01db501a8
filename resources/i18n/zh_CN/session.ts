<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>1 page</source>
            <translation>1 页</translation>
        </message>
        <message>
            <source>{n} pages</source>
            <translation>{n} 页</translation>
        </message>
        <message>
            <source>Added files</source>
            <translation>多出的文件</translation>
        </message>
        <message>
            <source>Changed files</source>
            <translation>被改动的文件</translation>
        </message>
        <message>
            <source>Missing files</source>
            <translation>缺失的文件</translation>
        </message>
        <message>
            <source>Created session {title!r} in {path}</source>
            <translation>已创建评审会「{title}」：{path}</translation>
        </message>
        <message>
            <source>Files: all match the manifest</source>
            <translation>文件：所有文件均与清单一致</translation>
        </message>
        <message>
            <source>applicants</source>
            <translation>申报单位</translation>
        </message>
        <message>
            <source>applicants table (CSV or XLSX): id, name, rubric, profile columns</source>
            <translation>申报单位表（CSV 或 XLSX）：编号、名称、评审细则及属性列</translation>
        </message>
        <message>
            <source>build a session folder from the applicants and experts tables</source>
            <translation>根据申报单位表和专家表建立评审会文件夹</translation>
        </message>
        <message>
            <source>category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>create and inspect review sessions</source>
            <translation>建立和查看评审会</translation>
        </message>
        <message>
            <source>damaged</source>
            <translation>文件已损坏</translation>
        </message>
        <message>
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>date of the review, YYYY-MM-DD (default: today)</source>
            <translation>评审日期，格式 YYYY-MM-DD（默认：今天）</translation>
        </message>
        <message>
            <source>date {value!r} must be written YYYY-MM-DD</source>
            <translation>日期 {value!r} 应写作 YYYY-MM-DD</translation>
        </message>
        <message>
            <source>experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <source>experts table (CSV or XLSX): id, name, organisation, title</source>
            <translation>专家表（CSV 或 XLSX）：编号、姓名、工作单位、职称</translation>
        </message>
        <message>
            <source>file missing</source>
            <translation>文件缺失</translation>
        </message>
        <message>
            <source>folder holding one folder of PDF materials per applicant</source>
            <translation>存放申报材料的文件夹（每个申报单位一个子文件夹，内含 PDF）</translation>
        </message>
        <message>
            <source>how many of a category may be chosen</source>
            <translation>各类别的认定名额</translation>
        </message>
        <message>
            <source>how the experts' scores are combined (default: mean)</source>
            <translation>专家评分的汇总方法（默认：平均值 mean）</translation>
        </message>
        <message>
            <source>matches no material</source>
            <translation>未对应任何申报材料</translation>
        </message>
        <message>
            <source>material files</source>
            <translation>材料文件</translation>
        </message>
        <message>
            <source>method</source>
            <translation>汇总方法</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>缺少</translation>
        </message>
        <message>
            <source>over the limit of {max} pages</source>
            <translation>超过 {max} 页的限制</translation>
        </message>
        <message>
            <source>quota</source>
            <translation>名额</translation>
        </message>
        <message>
            <source>quota for unknown category {category!r} (categories: {known})</source>
            <translation>名额所指的类别 {category!r} 不存在（现有类别：{known}）</translation>
        </message>
        <message>
            <source>quota {value!r} for {category} must be a whole number, 0 or more</source>
            <translation>{category} 的名额 {value!r} 应为 0 或正整数</translation>
        </message>
        <message>
            <source>quotas</source>
            <translation>名额</translation>
        </message>
        <message>
            <source>rubrics</source>
            <translation>评审细则</translation>
        </message>
        <message>
            <source>session folder</source>
            <translation>评审会文件夹</translation>
        </message>
        <message>
            <source>session {title} has no applicant {id}</source>
            <translation>评审会「{title}」中没有申报单位 {id}</translation>
        </message>
        <message>
            <source>session {title} has no expert {id}</source>
            <translation>评审会「{title}」中没有专家 {id}</translation>
        </message>
        <message>
            <source>show a session's applicants, materials and file check</source>
            <translation>查看评审会的申报单位、申报材料和文件核对结果</translation>
        </message>
        <message>
            <source>the session folder to create (new or empty)</source>
            <translation>要建立的评审会文件夹（不存在或为空）</translation>
        </message>
        <message>
            <source>the session needs a title</source>
            <translation>评审会需要一个名称</translation>
        </message>
        <message>
            <source>title of the review session</source>
            <translation>评审会名称</translation>
        </message>
        <message>
            <source>unknown consensus method {method!r} (known: {known})</source>
            <translation>未知的汇总方法 {method!r}（可用：{known}）</translation>
        </message>
        <message>
            <source>print JSON</source>
            <translation>输出 JSON</translation>
        </message>
        <message>
            <source>folder of rubric files</source>
            <translation>评审细则文件所在文件夹</translation>
        </message>
        <message>
            <source>{count} problems in the tables</source>
            <translation>表格中共有 {count} 处问题</translation>
        </message>
        <message>
            <source>{count} required materials are missing; see: panelreview session info {path}</source>
            <translation>共缺少 {count} 份申报材料；详见：panelreview session info {path}</translation>
        </message>
        <message>
            <source>{file}: not a readable CSV file: {reason}</source>
            <translation>{file}：无法读取的 CSV 文件：{reason}</translation>
        </message>
        <message>
            <source>{file}: not a readable Excel file: {reason}</source>
            <translation>{file}：无法读取的 Excel 文件：{reason}</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: a value in a column without a header</source>
            <translation>{file}：第 {row} 行，{column} 列：该列没有表头，却填写了内容</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: category {value!r} is not one of {values} (rubric {rubric})</source>
            <translation>{file}：第 {row} 行，{column} 列：类别 {value!r} 不在 {values} 之中（评审细则 {rubric}）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: column {name} appears twice (also column {other})</source>
            <translation>{file}：第 {row} 行，{column} 列：{name} 列重复（另见 {other} 列）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: duplicate id {value!r} (first in row {first})</source>
            <translation>{file}：第 {row} 行，{column} 列：编号 {value!r} 重复（首次出现在第 {first} 行）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: id {value!r} cannot be used as a folder name (avoid / \ : * ? " &lt; &gt; |)</source>
            <translation>{file}：第 {row} 行，{column} 列：编号 {value!r} 不能用作文件夹名（请勿使用 / \ : * ? " &lt; &gt; |）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: missing required column (write {words} in the header)</source>
            <translation>{file}：第 {row} 行，{column} 列：缺少必需的列（表头请写 {words}）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: no folder {value!r} in {materials}</source>
            <translation>{file}：第 {row} 行，{column} 列：{materials} 中没有文件夹 {value!r}</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: rubric {rubric} has no profile attribute {attr}; leave this cell empty</source>
            <translation>{file}：第 {row} 行，{column} 列：评审细则 {rubric} 没有属性 {attr}，此格应留空</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: rubric {rubric} needs a value for {attr} (one of {values})</source>
            <translation>{file}：第 {row} 行，{column} 列：评审细则 {rubric} 需要填写 {attr}（可选：{values}）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the id is empty</source>
            <translation>{file}：第 {row} 行，{column} 列：编号为空</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the name is empty</source>
            <translation>{file}：第 {row} 行，{column} 列：名称为空</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the rubric is empty</source>
            <translation>{file}：第 {row} 行，{column} 列：评审细则为空</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: unknown column {value!r}: neither {fixed} nor a profile attribute of any rubric</source>
            <translation>{file}：第 {row} 行，{column} 列：无法识别的列 {value!r}：既不是 {fixed}，也不是任何评审细则的属性</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: unknown rubric {value!r} (known: {known})</source>
            <translation>{file}：第 {row} 行，{column} 列：未知的评审细则 {value!r}（现有：{known}）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {value!r} contradicts {other!r} in column {first}</source>
            <translation>{file}：第 {row} 行，{column} 列：{value!r} 与 {first} 列的 {other!r} 矛盾</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {value!r} is not a value of {attr} (allowed: {values})</source>
            <translation>{file}：第 {row} 行，{column} 列：{value!r} 不是 {attr} 的可选值（可选：{values}）</translation>
        </message>
        <message>
            <source>{file}: the table has a header but no applicants</source>
            <translation>{file}：表格只有表头，没有申报单位</translation>
        </message>
        <message>
            <source>{file}: the table has a header but no experts</source>
            <translation>{file}：表格只有表头，没有专家</translation>
        </message>
        <message>
            <source>{file}: the table is empty</source>
            <translation>{file}：表格是空的</translation>
        </message>
        <message>
            <source>{file}: this is an old Excel .xls file; save it as .xlsx or CSV</source>
            <translation>{file}：这是旧版 Excel .xls 文件，请另存为 .xlsx 或 CSV</translation>
        </message>
        <message>
            <source>{path} already exists and is not an empty folder; choose a new folder for the session</source>
            <translation>{path} 已存在且不是空文件夹，请为评审会另选一个新文件夹</translation>
        </message>
        <message>
            <source>{path} is a file, not a session folder</source>
            <translation>{path} 是一个文件，不是评审会文件夹</translation>
        </message>
        <message>
            <source>{path} is not a review session: it has no {file}</source>
            <translation>{path} 不是评审会文件夹：其中没有 {file}</translation>
        </message>
        <message>
            <source>{path} was made by a newer version of PanelReview (schema {schema}); update PanelReview to open it</source>
            <translation>{path} 由更新版本的 PanelReview 建立（结构 {schema}），请升级 PanelReview 后再打开</translation>
        </message>
        <message>
            <source>{path} was made by an older version of PanelReview and cannot be upgraded here: {reason}</source>
            <translation>{path} 由旧版本的 PanelReview 建立，无法在此升级：{reason}</translation>
        </message>
        <message>
            <source>{path}: cannot open {file}: {reason}</source>
            <translation>{path}：无法打开 {file}：{reason}</translation>
        </message>
        <message>
            <source>{path}: no such folder</source>
            <translation>{path}：文件夹不存在</translation>
        </message>
        <message>
            <source>{path}: the manifest {file} is damaged: {reason}</source>
            <translation>{path}：清单 {file} 已损坏：{reason}</translation>
        </message>
        <message>
            <source>{path}: the manifest's copy of rubric {id} cannot be read: {reason}</source>
            <translation>{path}：清单中评审细则 {id} 的副本无法读取：{reason}</translation>
        </message>
        <message>
            <source>{path}: the manifest's copy of rubric {id} was altered</source>
            <translation>{path}：清单中评审细则 {id} 的副本已被改动</translation>
        </message>
        <message>
            <source>{path}: the materials folder does not exist</source>
            <translation>{path}：申报材料文件夹不存在</translation>
        </message>
        <message>
            <source>{path}: {file} is not a PanelReview session manifest</source>
            <translation>{path}：{file} 不是 PanelReview 评审会清单</translation>
        </message>
        <message>
            <source>{path}: {file} is not a session manifest (not an SQLite database)</source>
            <translation>{path}：{file} 不是评审会清单（不是 SQLite 数据库）</translation>
        </message>
        <message>
            <source>category {category} is in two quotas of the same tier: {one} and {other}</source>
            <translation>类别{category}在同一层级的两个名额中：{one} 和 {other}</translation>
        </message>
        <message>
            <source>quota {text!r} must be written CATEGORY=N, A+B=N, TIER:CATEGORY=N or …=N/RESERVE</source>
            <translation>名额 {text!r} 应写作 类别=名额、A+B=名额、层级:类别=名额 或 …=名额/备选数</translation>
        </message>
        <message>
            <source>quota {text!r}: every category must be named once</source>
            <translation>名额 {text!r}：每个类别只能写一次</translation>
        </message>
        <message>
            <source>quota {text!r}: the limit must be a whole number, 0 or more</source>
            <translation>名额 {text!r}：名额须为0或正整数</translation>
        </message>
        <message>
            <source>quota {text!r}: the reserve must be a whole number, 0 or more</source>
            <translation>名额 {text!r}：备选数须为0或正整数</translation>
        </message>
        <message>
            <source>setting {key} cannot be {value!r} (choose {allowed})</source>
            <translation>设置 {key} 不能为 {value!r}（可选：{allowed}）</translation>
        </message>
        <message>
            <source>unknown session setting {key} (known: {known})</source>
            <translation>未知的会议设置 {key}（可用：{known}）</translation>
        </message>
        <message>
            <source>no demo called {name!r} (demos: {known})</source>
            <translation>没有名为 {name!r} 的演示（可用：{known}）</translation>
        </message>
        <message>
            <source>{file}: line {line}: the bytes {bytes} are not UTF-16 text</source>
            <translation>{file}：第 {line} 行：字节 {bytes} 不是 UTF-16 文本</translation>
        </message>
        <message>
            <source>{file}: not a readable spreadsheet: {reason}</source>
            <translation>{file}：无法读取的电子表格：{reason}</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the bytes {bytes} are not text in UTF-8 or GBK; correct the cell and save the table as UTF-8 (CSV UTF-8 in Excel)</source>
            <translation>{file}：第 {row} 行，第 {column} 列：字节 {bytes} 既不是 UTF-8 也不是 GBK 文本；请改正该单元格，并将表格另存为 UTF-8（Excel 中的“CSV UTF-8”）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the formula {formula} has no computed value; open the file in Excel or WPS and save it, or type the value</source>
            <translation>{file}：第 {row} 行，第 {column} 列：公式 {formula} 没有计算结果；请用 Excel 或 WPS 打开并保存该文件，或直接填写数值</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {value!r} holds the character U+{code:04X}, which is not text (a control character, or what is left of text garbled earlier); correct the cell</source>
            <translation>{file}：第 {row} 行，第 {column} 列：{value!r} 含有字符 U+{code:04X}，它不是文字（是控制字符，或是此前乱码留下的替换符）；请改正该单元格</translation>
        </message>
        <message>
            <source>{file}: the workbook is protected by a password; save a copy without it</source>
            <translation>{file}：该工作簿设有密码；请另存一份不设密码的副本</translation>
        </message>
        <message>
            <source>{item} of {applicant} is also in row {first}: keep one of the two rows</source>
            <translation>{applicant} 的 {item} 在第 {first} 行已经填过：两行只能保留一行</translation>
        </message>
        <message>
            <source>{file}: expert {id} ({text}): {chars} cannot be printed by any bundled font and would print as □; check the spelling, or write it in by hand on the signed sheets</source>
            <translation>{file}：专家 {id}（{text}）：{chars} 没有任何内置字体能够打印，将印成“□”；请核对写法，或在签字的纸质评审表上手写补全</translation>
        </message>
        <message>
            <source>{file}: row {row}, applicant {id} ({text}): {chars} cannot be printed by any bundled font and would print as □; check the spelling, or write it in by hand on the signed sheets</source>
            <translation>{file}：第 {row} 行，申报单位 {id}（{text}）：{chars} 没有任何内置字体能够打印，将印成“□”；请核对写法，或在签字的纸质评审表上手写补全</translation>
        </message>
        <message>
            <source>a re-check round needs at least one item</source>
            <translation>复核轮次至少须包含一项</translation>
        </message>
        <message>
            <source>give the reason for opening a new round yourself</source>
            <translation>自行开启新一轮评分，须写明理由</translation>
        </message>
        <message>
            <source>no re-check round is open</source>
            <translation>当前没有开启的复核轮次</translation>
        </message>
        <message>
            <source>round {round} is still open: submit it before a re-check round is opened</source>
            <translation>第{round}轮尚未提交：提交后才能开启复核轮次</translation>
        </message>
        <message>
            <source>the re-check request belongs to another session ({found}), not this score file's ({ours}); nothing was changed</source>
            <translation>该复核请求属于另一次评审会（{found}），不是本评分文件所属的评审会（{ours}）；未作任何修改</translation>
        </message>
        <message>
            <source>the re-check request was made for the submission {asked}, but this file is now at round {round} ({fingerprint}); nothing was changed</source>
            <translation>该复核请求针对的是校验码为 {asked} 的提交，而本文件现已到第{round}轮（{fingerprint}）；未作任何修改</translation>
        </message>
        <message>
            <source>you recused yourself from {name}; it cannot be re-checked</source>
            <translation>您已对 {name} 申请回避，不能复核</translation>
        </message>
        <message>
            <source>{applicant} {target} was not asked in this re-check round (round {round}); only the items asked can be changed</source>
            <translation>{applicant} {target} 不在本轮复核（第{round}轮）要求之列；只能修改要求复核的项目</translation>
        </message>
        <message>
            <source>give the reason for the change</source>
            <translation>写明修改理由</translation>
        </message>
        <message>
            <source>confirm it unchanged, or change it</source>
            <translation>确认不变，或予以修改</translation>
        </message>
        <message>
            <source>{applicant} {item} was changed in this round ({before} → {now}): give the reason for the change instead of confirming it</source>
            <translation>{applicant} {item} 本轮已修改（{before} → {now}）：请写明修改理由，而不是确认不变</translation>
        </message>
        <message>
            <source>{file}: the record of round {round} was edited</source>
            <translation>{file}：第{round}轮的提交记录被改动过</translation>
        </message>
        <message>
            <source>{path}: {reason}</source>
            <translation>{path}：{reason}</translation>
        </message>
        <message>
            <source>{path}: the disk or folder is read-only (a write-protected stick, a disc, a read-only share); nothing was written there. Choose a folder on a writable disk, or remove the write protection, and run it again.</source>
            <translation>{path}：磁盘或文件夹是只读的（写保护的U盘、光盘或只读共享）；没有写入任何内容。请选择可写磁盘上的文件夹，或解除写保护，然后重新运行。</translation>
        </message>
        <message>
            <source>{path}: the disk is full; nothing was written there. Free some space or choose another disk, and run it again.</source>
            <translation>{path}：磁盘已满；没有写入任何内容。请腾出空间或选择其他磁盘后重新运行。</translation>
        </message>
        <message>
            <source>{path}: permission denied; nothing was written there. Choose a folder you may write to, and run it again.</source>
            <translation>{path}：没有权限；没有写入任何内容。请选择有写入权限的文件夹后重新运行。</translation>
        </message>
        <message>
            <source>the name is empty</source>
            <translation>名称为空</translation>
        </message>
        <message>
            <source>it is an absolute path, not a folder inside the materials folder</source>
            <translation>这是绝对路径，而不是材料文件夹内的文件夹</translation>
        </message>
        <message>
            <source>it holds "..", which leads out of the materials folder</source>
            <translation>其中含有“..”，会指向材料文件夹之外</translation>
        </message>
        <message>
            <source>it leads through a link to a place outside the materials folder</source>
            <translation>它经由链接指向材料文件夹之外的位置</translation>
        </message>
        <message>
            <source>cannot create the session folder {path}: {reason}</source>
            <translation>无法创建评审活动文件夹 {path}：{reason}</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {link} in folder {value!r} is a symbolic link; links are not copied into a session: put the file itself in the folder</source>
            <translation>{file}：第 {row} 行，{column} 列：文件夹 {value!r} 中的 {link} 是符号链接；链接不会复制到评审活动中，请把文件本身放入该文件夹</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: the folder {value!r} is refused: {reason}; name a folder inside {materials}</source>
            <translation>{file}：第 {row} 行，{column} 列：不接受文件夹 {value!r}：{reason}；请填写 {materials} 内的文件夹</translation>
        </message>
    </context>
</TS>
