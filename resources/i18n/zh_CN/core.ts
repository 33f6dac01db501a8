<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>{file}: cannot read: {reason}</source>
            <translation>{file}：无法读取：{reason}</translation>
        </message>
        <message>
            <source>font file missing: {path}</source>
            <translation>字体文件缺失：{path}</translation>
        </message>
        <message>
            <source>font file cannot be read: {path}</source>
            <translation>无法读取字体文件：{path}</translation>
        </message>
        <message>
            <source>.csv or .xlsx</source>
            <translation>.csv 或 .xlsx</translation>
        </message>
        <message>
            <source>Basic conditions:</source>
            <translation>基本条件：</translation>
        </message>
        <message>
            <source>Expert review panels: rubrics, scores, merge, sheets.</source>
            <translation>专家评审：评审细则、评分、汇总、意见书。</translation>
        </message>
        <message>
            <source>Gate</source>
            <translation>前置条件</translation>
        </message>
        <message>
            <source>Opinion (free text)</source>
            <translation>评审意见（文字）</translation>
        </message>
        <message>
            <source>Overall recommendation</source>
            <translation>总体意见</translation>
        </message>
        <message>
            <source>Priority conditions:</source>
            <translation>倾斜条件：</translation>
        </message>
        <message>
            <source>Profile attributes:</source>
            <translation>申报类型属性：</translation>
        </message>
        <message>
            <source>Recommendation</source>
            <translation>推荐意见</translation>
        </message>
        <message>
            <source>Recusal (conflict of interest): yes or no; the reason goes in comment</source>
            <translation>回避（利害关系）：yes 或 no；理由填在 comment 列</translation>
        </message>
        <message>
            <source>Tie-break</source>
            <translation>同分排序</translation>
        </message>
        <message>
            <source>What each profile value changes:</source>
            <translation>各申报类型的差异：</translation>
        </message>
        <message>
            <source>a checklist needs at least one item</source>
            <translation>计分项列表至少需要一项</translation>
        </message>
        <message>
            <source>a gate carries no points</source>
            <translation>前置条件不计分</translation>
        </message>
        <message>
            <source>a levels criterion needs at least one level</source>
            <translation>分档评分至少需要一个档次</translation>
        </message>
        <message>
            <source>a new folder (default: the demo session in the data folder)</source>
            <translation>新文件夹（默认：数据目录中的演示评审）</translation>
        </message>
        <message>
            <source>a rubric file must be a mapping of fields</source>
            <translation>评审细则文件必须是字段映射</translation>
        </message>
        <message>
            <source>applicant profile</source>
            <translation>申报类型</translation>
        </message>
        <message>
            <source>band {band} cannot be reached in steps of {step}</source>
            <translation>分档 {band} 无法以步长 {step} 取到</translation>
        </message>
        <message>
            <source>band {band} is outside 0..{max}</source>
            <translation>分档 {band} 超出 0..{max}</translation>
        </message>
        <message>
            <source>band {band} runs backwards</source>
            <translation>分档 {band} 上下限颠倒</translation>
        </message>
        <message>
            <source>bands {a} and {b} overlap for {profile}</source>
            <translation>分档 {a} 与 {b} 重叠（{profile}）</translation>
        </message>
        <message>
            <source>cannot create a score file in {places}: {reason}</source>
            <translation>无法在 {places} 创建评分文件：{reason}</translation>
        </message>
        <message>
            <source>carrier type</source>
            <translation>载体类型</translation>
        </message>
        <message>
            <source>check completeness, lock and print the fingerprint</source>
            <translation>检查完整性、锁定并显示校验码</translation>
        </message>
        <message>
            <source>could not save to {file}: the disk is full; nothing was changed</source>
            <translation>无法保存到 {file}：磁盘已满；未作任何修改</translation>
        </message>
        <message>
            <source>could not save to {file}: the file or folder is read-only; nothing was changed</source>
            <translation>无法保存到 {file}：文件或文件夹只读；未作任何修改</translation>
        </message>
        <message>
            <source>could not save to {file}: {reason}; nothing was changed</source>
            <translation>无法保存到 {file}：{reason}；未作任何修改</translation>
        </message>
        <message>
            <source>create an empty score file for an expert</source>
            <translation>为专家创建空白评分文件</translation>
        </message>
        <message>
            <source>criteria add up to {got}, not the section's {max}, for {profile}</source>
            <translation>细则分值合计 {got}，不等于评审内容满分 {max}（{profile}）</translation>
        </message>
        <message>
            <source>demo session ready: {path}</source>
            <translation>演示评审已就绪：{path}</translation>
        </message>
        <message>
            <source>duplicate id {id} (also at {other})</source>
            <translation>编号 {id} 重复（另见 {other}）</translation>
        </message>
        <message>
            <source>duplicate profile attribute {attr}</source>
            <translation>申报类型属性 {attr} 重复</translation>
        </message>
        <message>
            <source>fill an expert's score file from a filled form (all or nothing)</source>
            <translation>从填好的表格导入专家评分（全部成功或全部不导入）</translation>
        </message>
        <message>
            <source>format {found} is newer than this program reads ({ours}); update PanelReview</source>
            <translation>格式版本 {found} 比本程序支持的（{ours}）更新；请升级本程序</translation>
        </message>
        <message>
            <source>gate</source>
            <translation>前置条件</translation>
        </message>
        <message>
            <source>give the reason for recusal</source>
            <translation>请填写回避理由</translation>
        </message>
        <message>
            <source>id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>is missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <source>is missing (positive and negative wording)</source>
            <translation>缺失（需填写推荐与不推荐的措辞）</translation>
        </message>
        <message>
            <source>is missing although the rubric has sections with points</source>
            <translation>缺失，但评审细则含有计分的评审内容</translation>
        </message>
        <message>
            <source>is {band} but the text says {said}</source>
            <translation>为 {band}，但文字写的是 {said}</translation>
        </message>
        <message>
            <source>items add up to {got}, not the criterion's {max}, for {profile}</source>
            <translation>各项合计 {got}，不等于该细则满分 {max}（{profile}）</translation>
        </message>
        <message>
            <source>language of messages (default: Chinese)</source>
            <translation>提示语言（默认：中文）</translation>
        </message>
        <message>
            <source>list the rubrics</source>
            <translation>列出评审细则</translation>
        </message>
        <message>
            <source>list, show and check rubrics</source>
            <translation>列出、查看和检查评审细则</translation>
        </message>
        <message>
            <source>lists a value twice</source>
            <translation>重复列出了某个取值</translation>
        </message>
        <message>
            <source>material {name} is listed twice for {profile}</source>
            <translation>材料 {name} 重复列出（{profile}）</translation>
        </message>
        <message>
            <source>max</source>
            <translation>满分</translation>
        </message>
        <message>
            <source>must be a list of material names</source>
            <translation>必须是材料名称列表</translation>
        </message>
        <message>
            <source>must be a mapping of fields</source>
            <translation>必须是字段映射</translation>
        </message>
        <message>
            <source>must be above 0</source>
            <translation>必须大于 0</translation>
        </message>
        <message>
            <source>must be all, following or a list of section and criterion ids</source>
            <translation>必须是 all、following，或评审内容与细则编号的列表</translation>
        </message>
        <message>
            <source>must be {kind}, not {value!r}</source>
            <translation>必须是{kind}，而不是 {value!r}</translation>
        </message>
        <message>
            <source>must be {ours}</source>
            <translation>必须为 {ours}</translation>
        </message>
        <message>
            <source>must map profile attributes to values</source>
            <translation>必须是申报类型属性到取值的映射</translation>
        </message>
        <message>
            <source>must not be negative</source>
            <translation>不能为负数</translation>
        </message>
        <message>
            <source>names material {name!r}, which is not in materials</source>
            <translation>引用了材料 {name!r}，但材料列表中没有</translation>
        </message>
        <message>
            <source>names {id!r}, which is neither a section nor a criterion</source>
            <translation>引用了 {id!r}，它既不是评审内容也不是细则</translation>
        </message>
        <message>
            <source>names {id!r}, which is not a section</source>
            <translation>引用了 {id!r}，它不是评审内容</translation>
        </message>
        <message>
            <source>needs at least one value</source>
            <translation>至少需要一个取值</translation>
        </message>
        <message>
            <source>no applicant {id} in this session</source>
            <translation>本次评审没有申报单位 {id}</translation>
        </message>
        <message>
            <source>no level applies for {profile}</source>
            <translation>没有适用的档次（{profile}）</translation>
        </message>
        <message>
            <source>no level reaches the maximum {max} for {profile} (highest: {top})</source>
            <translation>没有档次能达到满分 {max}（{profile}，最高 {top}）</translation>
        </message>
        <message>
            <source>no rubric with id {id} (known: {known})</source>
            <translation>没有编号为 {id} 的评审细则（已有：{known}）</translation>
        </message>
        <message>
            <source>no section applies for {profile}</source>
            <translation>没有适用的评审内容（{profile}）</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>page numbers start at 1, not {page}</source>
            <translation>页码从 1 开始，不能为 {page}</translation>
        </message>
        <message>
            <source>profile</source>
            <translation>申报类型</translation>
        </message>
        <message>
            <source>profile lacks {attrs} (rubric {rubric})</source>
            <translation>申报类型缺少 {attrs}（评审细则 {rubric}）</translation>
        </message>
        <message>
            <source>recompute the fingerprint and name any change</source>
            <translation>重新计算校验码并指出任何改动</translation>
        </message>
        <message>
            <source>rubric files</source>
            <translation>评审细则文件</translation>
        </message>
        <message>
            <source>rubric id</source>
            <translation>评审细则编号</translation>
        </message>
        <message>
            <source>rubric {rubric} has no item {item}</source>
            <translation>评审细则 {rubric} 中没有 {item}</translation>
        </message>
        <message>
            <source>rubric {rubric} has no profile attribute {attr}</source>
            <translation>评审细则 {rubric} 没有申报类型属性 {attr}</translation>
        </message>
        <message>
            <source>sections add up to {got}, not {total}, for {profile}</source>
            <translation>评审内容合计 {got}，不等于总分 {total}（{profile}）</translation>
        </message>
        <message>
            <source>show a rubric, as it applies to a profile</source>
            <translation>按申报类型查看评审细则</translation>
        </message>
        <message>
            <source>the expert's score file: forms, submit, verify</source>
            <translation>专家评分文件：表格、提交、校验</translation>
        </message>
        <message>
            <source>the recommendation must be {pos} or {neg}, not {value!r}</source>
            <translation>总体意见必须是“{pos}”或“{neg}”，而不是 {value!r}</translation>
        </message>
        <message>
            <source>this applicant is recused, so nothing may be filled in for it</source>
            <translation>已回避该申报单位，不能填写任何内容</translation>
        </message>
        <message>
            <source>this gate stops nothing for {profile}</source>
            <translation>该前置条件不影响任何评分项（{profile}）</translation>
        </message>
        <message>
            <source>this score file was submitted (round {round}) and is locked; reopen it for a new round to change anything</source>
            <translation>评分文件已提交（第 {round} 轮）并锁定；如需修改，请开启新一轮评分</translation>
        </message>
        <message>
            <source>title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>total</source>
            <translation>总分</translation>
        </message>
        <message>
            <source>unknown carrier type {ct!r} (use {types})</source>
            <translation>未知载体类型 {ct!r}（可用：{types}）</translation>
        </message>
        <message>
            <source>unknown kind {kind!r}</source>
            <translation>未知类型 {kind!r}</translation>
        </message>
        <message>
            <source>unknown profile attribute {attr}</source>
            <translation>未知申报类型属性 {attr}</translation>
        </message>
        <message>
            <source>unknown rule {rule!r} (use {rules})</source>
            <translation>未知评分规则 {rule!r}（可用：{rules}）</translation>
        </message>
        <message>
            <source>unknown value {value!r} (allowed: {allowed})</source>
            <translation>未知取值 {value!r}（可用：{allowed}）</translation>
        </message>
        <message>
            <source>validate rubric files</source>
            <translation>检查评审细则文件</translation>
        </message>
        <message>
            <source>version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>write a blank offline form for an expert</source>
            <translation>为专家生成空白离线评分表</translation>
        </message>
        <message>
            <source>write a score file's values as a form</source>
            <translation>将评分文件导出为表格</translation>
        </message>
        <message>
            <source>write the demo session (fictional applicants, scanned materials)</source>
            <translation>生成演示评审（虚构的申报单位和扫描材料）</translation>
        </message>
        <message>
            <source>you recused yourself from {name}; nothing can be scored for it</source>
            <translation>您已回避 {name}，不能对其评分</translation>
        </message>
        <message>
            <source>{attr} must be one of {values}, not {value!r}</source>
            <translation>{attr} 必须是 {values} 之一，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{file} belongs to another session</source>
            <translation>{file} 属于另一次评审</translation>
        </message>
        <message>
            <source>{file} belongs to another session or expert</source>
            <translation>{file} 属于另一次评审或另一位专家</translation>
        </message>
        <message>
            <source>{file} is expert {other}'s score file, not {expert}'s</source>
            <translation>{file} 是专家 {other} 的评分文件，不是 {expert} 的</translation>
        </message>
        <message>
            <source>{file} is open read-only</source>
            <translation>{file} 以只读方式打开</translation>
        </message>
        <message>
            <source>{file}: CHANGED after it was submitted:</source>
            <translation>{file}：提交后被改动：</translation>
        </message>
        <message>
            <source>{file}: a file with this name already exists</source>
            <translation>{file}：同名文件已存在</translation>
        </message>
        <message>
            <source>{file}: id {id} is already used by {other}</source>
            <translation>{file}：编号 {id} 已被 {other} 使用</translation>
        </message>
        <message>
            <source>{file}: no such score file</source>
            <translation>{file}：评分文件不存在</translation>
        </message>
        <message>
            <source>{file}: not a PanelReview score file</source>
            <translation>{file}：不是本系统的评分文件</translation>
        </message>
        <message>
            <source>{file}: not a PanelReview score file (not an SQLite database)</source>
            <translation>{file}：不是本系统的评分文件（不是 SQLite 数据库）</translation>
        </message>
        <message>
            <source>{file}: not submitted yet, so there is no fingerprint to verify</source>
            <translation>{file}：尚未提交，没有可校验的校验码</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {reason}</source>
            <translation>{file}：第{row}行，{column}列：{reason}</translation>
        </message>
        <message>
            <source>{file}: row {row}: missing columns {columns}</source>
            <translation>{file}：第{row}行：缺少列 {columns}</translation>
        </message>
        <message>
            <source>{file}: the form must be a .csv or .xlsx file</source>
            <translation>{file}：表格必须是 .csv 或 .xlsx 文件</translation>
        </message>
        <message>
            <source>{file}: the history cannot be changed</source>
            <translation>{file}：修改记录不可更改</translation>
        </message>
        <message>
            <source>{file}: the rubric is not valid ({count} problems)</source>
            <translation>{file}：评审细则无效（{count} 个问题）</translation>
        </message>
        <message>
            <source>{file}: the score file is damaged: {reason}</source>
            <translation>{file}：评分文件已损坏：{reason}</translation>
        </message>
        <message>
            <source>{file}: verified, submitted by {expert}</source>
            <translation>{file}：校验通过，由 {expert} 提交</translation>
        </message>
        <message>
            <source>{file}: written by a newer PanelReview (score file schema {found}, this program reads up to {ours}); update PanelReview to read it</source>
            <translation>{file}：由更新版本的程序写入（评分文件结构 {found}，本程序最高支持 {ours}）；请升级程序后再读取</translation>
        </message>
        <message>
            <source>{file}: {count} problems</source>
            <translation>{file}：{count} 个问题</translation>
        </message>
        <message>
            <source>{file}: {count} rows are wrong; nothing was imported</source>
            <translation>{file}：{count} 行有误；未导入任何内容</translation>
        </message>
        <message>
            <source>{gate} was answered no, which stops scoring {item}</source>
            <translation>{gate} 未满足，{item} 不再评分</translation>
        </message>
        <message>
            <source>{id!r} may hold only letters, digits, '.', '_' and '-'</source>
            <translation>{id!r} 只能包含字母、数字、“.”、“_”和“-”</translation>
        </message>
        <message>
            <source>{id!r} may hold only lower-case letters, digits and '-'</source>
            <translation>{id!r} 只能包含小写字母、数字和“-”</translation>
        </message>
        <message>
            <source>{item} does not apply to {name}'s profile ({profile})</source>
            <translation>{item} 不适用于 {name} 的申报类型（{profile}）</translation>
        </message>
        <message>
            <source>{item} has no level {level}</source>
            <translation>{item} 没有第 {level} 档</translation>
        </message>
        <message>
            <source>{item} is a {expected}, not a {kind}</source>
            <translation>{item} 的类型是 {expected}，不是 {kind}</translation>
        </message>
        <message>
            <source>{item} is answered yes or no, not with points</source>
            <translation>{item} 应回答是或否，不能打分</translation>
        </message>
        <message>
            <source>{item} takes points, not yes or no</source>
            <translation>{item} 需要打分，不能回答是或否</translation>
        </message>
        <message>
            <source>{item}: answer yes or no, not {value!r}</source>
            <translation>{item}：请回答是或否，而不是 {value!r}</translation>
        </message>
        <message>
            <source>{item}: points must be a number</source>
            <translation>{item}：分数必须是数字</translation>
        </message>
        <message>
            <source>{item}: {points} points are outside its bands ({allowed})</source>
            <translation>{item}：{points}分不在允许的分档内（{allowed}）</translation>
        </message>
        <message>
            <source>{item}: {points} points are outside the chosen level's band {band}</source>
            <translation>{item}：{points}分不在所选档次的分值范围 {band} 内</translation>
        </message>
        <message>
            <source>{item}: {value!r} is not a number of points</source>
            <translation>{item}：{value!r} 不是有效分数</translation>
        </message>
        <message>
            <source>{what} {pair!r} must be written KEY=VALUE</source>
            <translation>{what} {pair!r} 须写作 KEY=VALUE</translation>
        </message>
        <message>
            <source>this session does not allow "none of the levels": choose the level that applies</source>
            <translation>本次评审不允许选择“无符合档次”：请选择所符合的档次</translation>
        </message>
        <message>
            <source>{applicant} {item}: answered "none of the levels", which the session does not allow</source>
            <translation>{applicant} {item}：选择了“无符合档次”，本次评审不允许</translation>
        </message>
        <message>
            <source>{item} has a level for every answer; "none of the levels" does not apply</source>
            <translation>{item}已有对应0分的档次，不适用“无符合档次”</translation>
        </message>
        <message>
            <source>{item}: "none of the levels" is worth 0 points, not {points}</source>
            <translation>{item}：“无符合档次”记0分，不能记{points}分</translation>
        </message>
        <message>
            <source>{item}: 0 points is in none of its levels; if the applicant meets none of them, answer "none of the levels" (无符合档次)</source>
            <translation>{item}：0分不在任何档次内；如申报单位不符合任一档次，请选择“无符合档次”</translation>
        </message>
        <message>
            <source>confirmed unchanged</source>
            <translation>复核确认不变</translation>
        </message>
        <message>
            <source>dissent on a condition</source>
            <translation>条件认定意见不一致</translation>
        </message>
        <message>
            <source>objective item inconsistent</source>
            <translation>客观评审因素评分不一致</translation>
        </message>
        <message>
            <source>outside its band</source>
            <translation>超出评分标准范围</translation>
        </message>
        <message>
            <source>{expert} gave {item} {points} points, outside its bands ({allowed})</source>
            <translation>{expert} 对 {item} 评 {points} 分，超出评分标准范围（{allowed}）</translation>
        </message>
        <message>
            <source>{item} {text} is an objective item and the experts' answers differ: {answers}; majority {majority}, different: {experts}</source>
            <translation>{item} {text} 属客观评审因素，专家评分不一致：{answers}；多数为 {majority}，不同者：{experts}</translation>
        </message>
        <message>
            <source>{item} {text}: the panel found it {finding} ({yes} yes, {no} no); answered otherwise: {experts}</source>
            <translation>{item} {text}：专家组认定为“{finding}”（是 {yes}，否 {no}）；意见不同者：{experts}</translation>
        </message>
        <message>
            <source>field inspection</source>
            <translation>实地考察</translation>
        </message>
        <message>
            <source>merge</source>
            <translation>汇总</translation>
        </message>
        <message>
            <source>re-check request</source>
            <translation>复核请求</translation>
        </message>
        <message>
            <source>export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>objection decided</source>
            <translation>异议处理</translation>
        </message>
        <message>
            <source>objection received</source>
            <translation>受理异议</translation>
        </message>
        <message>
            <source>dissent</source>
            <translation>不同意见</translation>
        </message>
        <message>
            <source>panel leader</source>
            <translation>推选组长</translation>
        </message>
        <message>
            <source>panel opinion</source>
            <translation>专家组意见</translation>
        </message>
        <message>
            <source>print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>public notice</source>
            <translation>公示</translation>
        </message>
        <message>
            <source>the journal could not be written: {reason}</source>
            <translation>工作日志未能写入：{reason}</translation>
        </message>
        <message>
            <source>merged {accepted} score files ({rejected} refused)</source>
            <translation>汇总评分文件 {accepted} 份（不予采用 {rejected} 份）</translation>
        </message>
        <message>
            <source>field inspection of {applicant}: {outcome} {note}</source>
            <translation>实地考察 {applicant}：{outcome} {note}</translation>
        </message>
        <message>
            <source>the notice cannot end ({end}) before it starts ({start})</source>
            <translation>公示结束日期（{end}）不能早于开始日期（{start}）</translation>
        </message>
        <message>
            <source>public notice from {start} to {end}</source>
            <translation>公示期 {start} 至 {end}</translation>
        </message>
        <message>
            <source>the holiday calendar knows China's public holidays only from {first} to {last}; {day} is in {year}: give the notice's last day by hand</source>
            <translation>节假日日历只包含 {first} 年至 {last} 年的法定节假日；{day} 属于 {year} 年：请手工指定公示的最后一天</translation>
        </message>
        <message>
            <source>a public notice lasts at least one working day, not {count}</source>
            <translation>公示至少为一个工作日，不能是 {count}</translation>
        </message>
        <message>
            <source>objection {id} is not upheld: no re-check round belongs to it</source>
            <translation>异议 {id} 不成立：没有对应的复核轮次</translation>
        </message>
        <message>
            <source>objection {id} already names round {round}</source>
            <translation>异议 {id} 已记录第 {round} 轮复核</translation>
        </message>
        <message>
            <source>no merged score file is in round {round} (merged rounds: {rounds}); merge the re-check first</source>
            <translation>没有已汇总的评分文件处于第 {round} 轮（已汇总的轮次：{rounds}）；请先汇总复核结果</translation>
        </message>
        <message>
            <source>no public notice is recorded: the list has not been on notice</source>
            <translation>未记录公示：名单尚未公示</translation>
        </message>
        <message>
            <source>the public notice runs until {end}: the list is final only after it</source>
            <translation>公示至 {end} 止：公示期满后名单方可确定</translation>
        </message>
        <message>
            <source>objection {id} from {by} is not decided yet</source>
            <translation>{by} 提出的异议 {id} 尚未处理</translation>
        </message>
        <message>
            <source>objection {id} was upheld but names no re-check round yet</source>
            <translation>异议 {id} 成立，但尚未记录复核轮次</translation>
        </message>
        <message>
            <source>the list differs from the one on public notice ({start} to {end}): the documents do not say whether it must go on notice again</source>
            <translation>名单与公示的名单（{start} 至 {end}）不同：文件未规定是否须重新公示</translation>
        </message>
        <message>
            <source>{value!r} is not a date or time (write YYYY-MM-DD or YYYY-MM-DDTHH:MM)</source>
            <translation>{value!r} 不是日期或时间（请写作 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）</translation>
        </message>
        <message>
            <source>{file} has no objection {id}</source>
            <translation>{file} 中没有异议 {id}</translation>
        </message>
        <message>
            <source>say who raised the objection</source>
            <translation>请写明异议提出人</translation>
        </message>
        <message>
            <source>say what the objection is about</source>
            <translation>请写明异议内容</translation>
        </message>
        <message>
            <source>objection {id} from {by} about {applicant}: {about}</source>
            <translation>异议 {id}：{by} 对 {applicant} 提出：{about}</translation>
        </message>
        <message>
            <source>objection {id}: give the reason for the decision</source>
            <translation>异议 {id}：请写明处理理由</translation>
        </message>
        <message>
            <source>objection {id} was already decided ({decision}, {at}); a decision is not changed</source>
            <translation>异议 {id} 已处理（{decision}，{at}）；处理结果不再更改</translation>
        </message>
        <message>
            <source>objection {id}: {decision}; reason: {reason}</source>
            <translation>异议 {id}：{decision}；理由：{reason}</translation>
        </message>
        <message>
            <source>the panel's opinion on {what} recorded</source>
            <translation>已记录专家组对 {what} 的意见</translation>
        </message>
        <message>
            <source>{name}'s dissent: say what the member holds instead</source>
            <translation>{name} 的不同意见：请写明其意见</translation>
        </message>
        <message>
            <source>{name}'s dissent: give the reason (财政部令第87号 第六十一条: 不同意见及理由)</source>
            <translation>{name} 的不同意见：请写明理由（财政部令第87号第六十一条：不同意见及理由）</translation>
        </message>
        <message>
            <source>{name} dissents on {what}: {opinion}; reason: {reason}</source>
            <translation>{name} 对 {what} 持不同意见：{opinion}；理由：{reason}</translation>
        </message>
        <message>
            <source>{applicant}: {what}, {count} of the totals differ from the others' consensus by more than {threshold}</source>
            <translation>{applicant}：{what}，有 {count} 个总分与其余专家共识分相差超过 {threshold} 分</translation>
        </message>
        <message>
            <source>{applicant} · {item} {text}: {what}, points from {low} to {high} (max {max})</source>
            <translation>{applicant} · {item} {text}：{what}，评分从 {low} 到 {high}（满分 {max}）</translation>
        </message>
        <message>
            <source>{applicant} · {item} {text}: {what}</source>
            <translation>{applicant} · {item} {text}：{what}</translation>
        </message>
        <message>
            <source>{applicant}: {what}</source>
            <translation>{applicant}：{what}</translation>
        </message>
        <message>
            <source>{id} is not on the panel's roster</source>
            <translation>{id} 不在评审专家名单中</translation>
        </message>
        <message>
            <source>the panel's leader is already recorded: {name} ({at})</source>
            <translation>已记录专家组组长：{name}（{at}）</translation>
        </message>
        <message>
            <source>the panel elected {name} as its leader</source>
            <translation>专家组推选 {name} 为组长</translation>
        </message>
        <message>
            <source>the panel's opinion is empty</source>
            <translation>专家组意见为空</translation>
        </message>
        <message>
            <source>the session has no experts: there is no pledge to print</source>
            <translation>本次评审没有专家：无承诺书可打印</translation>
        </message>
        <message>
            <source>not handed in</source>
            <translation>未提交</translation>
        </message>
        <message>
            <source>named after no material this applicant must hand in</source>
            <translation>文件名与本单位应提交的任何材料名称都不对应</translation>
        </message>
        <message>
            <source>not a PDF but {kind} named .pdf</source>
            <translation>不是PDF文件，而是改名为.pdf的{kind}</translation>
        </message>
        <message>
            <source>encrypted; it cannot be opened without a password</source>
            <translation>已加密，没有密码无法打开</translation>
        </message>
        <message>
            <source>damaged, it cannot be opened ({reason})</source>
            <translation>文件已损坏，无法打开（{reason}）</translation>
        </message>
        <message>
            <source>empty, it has no pages</source>
            <translation>文件为空，没有页面</translation>
        </message>
        <message>
            <source>{pages} pages, more than the {limit} allowed</source>
            <translation>共{pages}页，超过限定的{limit}页</translation>
        </message>
        <message>
            <source>scanned at {dpi} dpi, below {minimum} dpi</source>
            <translation>扫描分辨率{dpi} dpi，低于{minimum} dpi</translation>
        </message>
        <message>
            <source>blurred (sharpness {value}, below {minimum})</source>
            <translation>图像模糊（清晰度{value}，低于{minimum}）</translation>
        </message>
        <message>
            <source>skewed by {angle}° (more than {maximum}°)</source>
            <translation>歪斜{angle}°（超过{maximum}°）</translation>
        </message>
        <message>
            <source>a blank page</source>
            <translation>空白页</translation>
        </message>
        <message>
            <source>turned upside down</source>
            <translation>页面上下颠倒</translation>
        </message>
        <message>
            <source>no red seal on any page</source>
            <translation>各页均未见红色公章</translation>
        </message>
        <message>
            <source>could not be checked within {seconds} s</source>
            <translation>{seconds}秒内未能完成检查</translation>
        </message>
        <message>
            <source>could not be checked ({reason})</source>
            <translation>无法检查（{reason}）</translation>
        </message>
        <message>
            <source>{what} not checked: {why}</source>
            <translation>未检查{what}：{why}</translation>
        </message>
        <message>
            <source>{material}: {problem}</source>
            <translation>{material}：{problem}</translation>
        </message>
        <message>
            <source>{file}: {problem}</source>
            <translation>{file}：{problem}</translation>
        </message>
        <message>
            <source>{file}, page {page}: {problem}</source>
            <translation>{file}，第{page}页：{problem}</translation>
        </message>
        <message>
            <source>a JPEG image</source>
            <translation>JPEG图片</translation>
        </message>
        <message>
            <source>a PNG image</source>
            <translation>PNG图片</translation>
        </message>
        <message>
            <source>a GIF image</source>
            <translation>GIF图片</translation>
        </message>
        <message>
            <source>a TIFF image</source>
            <translation>TIFF图片</translation>
        </message>
        <message>
            <source>a BMP image</source>
            <translation>BMP图片</translation>
        </message>
        <message>
            <source>an HTML page</source>
            <translation>HTML网页</translation>
        </message>
        <message>
            <source>a ZIP archive (Word, Excel or WPS file)</source>
            <translation>ZIP压缩包（Word、Excel或WPS文件）</translation>
        </message>
        <message>
            <source>an old Office (Word, Excel or WPS) file</source>
            <translation>旧版Office（Word、Excel或WPS）文件</translation>
        </message>
        <message>
            <source>a text file</source>
            <translation>文本文件</translation>
        </message>
        <message>
            <source>unknown data</source>
            <translation>无法识别的数据</translation>
        </message>
        <message>
            <source>hand in the material</source>
            <translation>请提交该材料</translation>
        </message>
        <message>
            <source>hand in the material again</source>
            <translation>请重新提交该材料</translation>
        </message>
        <message>
            <source>hand in the material again as a scanned PDF</source>
            <translation>请以PDF格式扫描件重新提交</translation>
        </message>
        <message>
            <source>hand in the material again with the official seal</source>
            <translation>请加盖公章后重新提交</translation>
        </message>
        <message>
            <source>hand in the material again within the page limit</source>
            <translation>请按页数限制重新整理后提交</translation>
        </message>
        <message>
            <source>hand in the material again without a password</source>
            <translation>请提交未加密的文件</translation>
        </message>
        <message>
            <source>hand in the missing page</source>
            <translation>请补交缺页</translation>
        </message>
        <message>
            <source>name the file after the material it holds</source>
            <translation>请按对应材料名称命名文件</translation>
        </message>
        <message>
            <source>scan the page again so that it can be read clearly</source>
            <translation>请重新扫描该页，确保清晰明辨</translation>
        </message>
        <message>
            <source>scan the page again straight</source>
            <translation>请重新扫描该页，不得歪斜</translation>
        </message>
        <message>
            <source>scan the page again the right way up</source>
            <translation>请按正确方向重新扫描该页</translation>
        </message>
        <message>
            <source>install the intake extra</source>
            <translation>请安装受理检查组件（intake）</translation>
        </message>
        <message>
            <source>skew and sharpness</source>
            <translation>歪斜和清晰度</translation>
        </message>
        <message>
            <source>the seal</source>
            <translation>公章</translation>
        </message>
        <message>
            <source>which way up each page is</source>
            <translation>页面方向</translation>
        </message>
        <message>
            <source>its text has not been recognised yet</source>
            <translation>尚未进行文字识别</translation>
        </message>
        <message>
            <source>it ends before its end, as a file cut off in copying does</source>
            <translation>文件不完整，像是复制或上传时被截断</translation>
        </message>
        <message>
            <source>it needs more memory than a file may take</source>
            <translation>所需内存超出单个文件的限额</translation>
        </message>
        <message>
            <source>the checking process stopped</source>
            <translation>检查进程意外终止</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>没有结果</translation>
        </message>
        <message>
            <source>the file is gone</source>
            <translation>文件已不存在</translation>
        </message>
        <message>
            <source>Limits: resolution at least {dpi} dpi, skew at most {skew}°, sharpness at least {sharp}; a page with less than {ink}% ink is blank</source>
            <translation>判定标准：分辨率不低于{dpi} dpi，歪斜不超过{skew}°，清晰度不低于{sharp}；有墨迹的像素少于{ink}%的页面视为空白页</translation>
        </message>
        <message>
            <source>Text recognition is not installed: install PanelReview with the ocr extra (pip install 'panelreview[ocr]') or use the secretary's bundle</source>
            <translation>未安装文字识别组件：请安装带 ocr 组件的 PanelReview（pip install 'panelreview[ocr]'），或使用秘书版安装包</translation>
        </message>
        <message>
            <source>{path}: the scan store cannot be read: {reason}</source>
            <translation>{path}：无法读取扫描文字库：{reason}</translation>
        </message>
        <message>
            <source>{path}: the scan store cannot be written: {reason}</source>
            <translation>{path}：无法写入扫描文字库：{reason}</translation>
        </message>
        <message>
            <source>changed, with a reason</source>
            <translation>已修改并写明理由</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>cannot create the score file {file}: {reason}</source>
            <translation>无法创建评分文件 {file}：{reason}</translation>
        </message>
        <message>
            <source>it cannot be read: {reason}</source>
            <translation>该文件无法读取：{reason}</translation>
        </message>
        <message>
            <source>it holds another score file's pages (another expert or session)</source>
            <translation>其中是另一个评分文件的数据（其他专家或其他评审活动）</translation>
        </message>
        <message>
            <source>it is not a journal file</source>
            <translation>它不是日志文件</translation>
        </message>
        <message>
            <source>it was written for a file with pages of another size</source>
            <translation>它是为页面大小不同的另一个文件写的</translation>
        </message>
        <message>
            <source>it would change answers without a trace in the history</source>
            <translation>应用它会改动评分，而修改记录中没有任何痕迹</translation>
        </message>
        <message>
            <source>it would rewrite the file's history</source>
            <translation>应用它会改写该文件的修改记录</translation>
        </message>
        <message>
            <source>its copy of the file's first page carries another file's identity</source>
            <translation>其中保存的文件首页带有另一个文件的标识</translation>
        </message>
        <message>
            <source>its copy of the file's first page is from another point in time</source>
            <translation>其中保存的文件首页来自另一个时间点</translation>
        </message>
        <message>
            <source>replaying it would leave a damaged file</source>
            <translation>应用它会使文件损坏</translation>
        </message>
        <message>
            <source>score files never use a WAL file, so this one was left by another program or file</source>
            <translation>评分文件从不使用 WAL 文件，此文件是其他程序或其他文件留下的</translation>
        </message>
        <message>
            <source>the file as it stands cannot be read, and the journal does not show that it belongs to it</source>
            <translation>该文件现状无法读取，且日志文件不能证明属于该文件</translation>
        </message>
        <message>
            <source>{applicant}: the opinion is {count} characters long; an opinion may have at most {max} (about a page and a half of the printed sheet): shorten it</source>
            <translation>{applicant}：综合意见有 {count} 个字符，综合意见最多 {max} 个字符（约为打印意见书的一页半），请精简</translation>
        </message>
        <message>
            <source>{file}: the file {journal} beside it is not this file's journal ({reason}). Opening the score file would have written that file's pages into it, so nothing was opened and nothing was changed. Move {journal} out of this folder (keep it until you know where it came from), then try again.</source>
            <translation>{file}：旁边的 {journal} 不是该文件自己的日志文件（{reason}）。打开评分文件会把那个文件的数据写入其中，因此没有打开，也没有做任何改动。请把 {journal} 移出此文件夹（在弄清其来历之前请保留），然后重试。</translation>
        </message>
        <message>
            <source>{file}: the score file cannot be read: {reason}</source>
            <translation>{file}：评分文件无法读取：{reason}</translation>
        </message>
        <message>
            <source>{applicant} {target}: the comment is {count} characters long; a comment may have at most {max} (about two pages of the printed sheet): shorten it</source>
            <translation>{applicant} {target}：该意见有 {count} 个字符，每条意见最多 {max} 个字符（约为打印意见书的两页），请精简</translation>
        </message>
        <message>
            <source>{file}: the score file cannot be updated to this program's format: {reason}</source>
            <translation>{file}：评分文件无法升级为本程序的格式：{reason}</translation>
        </message>
        <message>
            <source>no page says “此件与原件相符”, which every copy must</source>
            <translation>各页均未见“此件与原件相符”字样，而凡复印件均须注明</translation>
        </message>
        <message>
            <source>the mark “此件与原件相符”</source>
            <translation>“此件与原件相符”字样</translation>
        </message>
        <message>
            <source>mark every copy “此件与原件相符”, signed by the person in charge and sealed, and hand it in again</source>
            <translation>复印件须注明“此件与原件相符”，由经办人签字并加盖公章后重新提交</translation>
        </message>
        <message>
            <source>none of the chosen applicants' materials is called {name}</source>
            <translation>所选申报单位没有名为{name}的材料</translation>
        </message>
        <message>
            <source>New Year's Day</source>
            <translation>元旦</translation>
        </message>
        <message>
            <source>Spring Festival</source>
            <translation>春节</translation>
        </message>
        <message>
            <source>Tomb-sweeping Day</source>
            <translation>清明节</translation>
        </message>
        <message>
            <source>Labour Day</source>
            <translation>劳动节</translation>
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation>端午节</translation>
        </message>
        <message>
            <source>National Day</source>
            <translation>国庆节</translation>
        </message>
        <message>
            <source>Mid-autumn Festival</source>
            <translation>中秋节</translation>
        </message>
        <message>
            <source>Anti-Fascist 70th Day</source>
            <translation>中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>周六</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>周日</translation>
        </message>
        <message>
            <source>Rest day</source>
            <translation>休息日</translation>
        </message>
    </context>
</TS>
