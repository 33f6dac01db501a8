<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>{what} {key} is given twice, as {first!r} and {second!r}</source>
            <translation>{what} {key} 给出了两次：{first!r} 与 {second!r}</translation>
        </message>
        <message>
            <source>reserve list: {ids}</source>
            <translation>备选名单：{ids}</translation>
        </message>
        <message>
            <source>tied at the reserve list's boundary (the panel decides): {ids}</source>
            <translation>备选名额边界处并列（由专家组决定）：{ids}</translation>
        </message>
        <message>
            <source>settings</source>
            <translation>会议设置</translation>
        </message>
        <message>
            <source>the Chongqing demo (grades, tiers and reserve lists) instead of the Longgang one</source>
            <translation>重庆演示（档次、层级与备选名单），而非龙岗演示</translation>
        </message>
        <message>
            <source>how many of a category may be chosen; A+B=N for several together, TIER:CATEGORY=N for a tier, …=N/R for R on the reserve list</source>
            <translation>某类别最多确定的数量；A+B=N 表示几个类别共用名额，层级:类别=N 表示分层级，…=N/R 表示另有R个备选</translation>
        </message>
        <message>
            <source>a rule the documents leave to the secretary (see docs/rules.md), e.g. min_experts=5, recommendation_rule=majority, field_inspection=none</source>
            <translation>文件未作规定、由秘书选择的规则（见 docs/rules.md），如 min_experts=5、recommendation_rule=majority、field_inspection=none</translation>
        </message>
    </context>
</TS>
