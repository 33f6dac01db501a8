<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>row {row}: {words} → {id} ({title})</source>
            <translation>第 {row} 行：{words} → {id}（{title}）</translation>
        </message>
        <message>
            <source>{file}: row {row}, column {column}: {value!r} names {count} rubrics: {candidates}; write the id of the one you mean</source>
            <translation>{file}：第 {row} 行，{column} 列：{value!r} 同时是 {count} 个评审细则的名称：{candidates}；请填写所指评审细则的编号</translation>
        </message>
    </context>
</TS>
