<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>{what} {key} is given twice, as {first!r} and {second!r}</source>
            <translation>{what} {key} 给出了两次：{first!r} 与 {second!r}</translation>
        </message>
    </context>
</TS>
