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
    </context>
</TS>
