<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>{file}: cannot read: {reason}</source>
            <translation>{file}：无法读取：{reason}</translation>
        </message>
    </context>
</TS>
