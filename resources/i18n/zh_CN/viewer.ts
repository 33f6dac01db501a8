<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>PanelReview</name>
        <message>
            <source>Ask the secretary for a readable copy of this material; the other materials can still be reviewed.</source>
            <translation>请联系秘书获取该材料的可读副本；其他材料仍可继续评审。</translation>
        </message>
        <message>
            <source>Fit page</source>
            <translation>适合页面</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <source>Go to page</source>
            <translation>转到页</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>下一处匹配</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>上一处匹配</translation>
        </message>
        <message>
            <source>No matches</source>
            <translation>无匹配</translation>
        </message>
        <message>
            <source>No text layer</source>
            <translation>无文字层</translation>
        </message>
        <message>
            <source>No text layer to search</source>
            <translation>无可搜索的文字层</translation>
        </message>
        <message>
            <source>Opening {file}…</source>
            <translation>正在打开 {file}…</translation>
        </message>
        <message>
            <source>Page {n}</source>
            <translation>第 {n} 页</translation>
        </message>
        <message>
            <source>Rotate clockwise</source>
            <translation>顺时针旋转</translation>
        </message>
        <message>
            <source>Search text</source>
            <translation>搜索文字</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>Show or hide page thumbnails</source>
            <translation>显示或隐藏页面缩略图</translation>
        </message>
        <message>
            <source>This document cannot be shown</source>
            <translation>无法显示此文档</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>{file}: has no pages</source>
            <translation>{file}：没有任何页面</translation>
        </message>
        <message>
            <source>{file}: is damaged or is not a PDF</source>
            <translation>{file}：文件已损坏或不是 PDF</translation>
        </message>
        <message>
            <source>{file}: is empty</source>
            <translation>{file}：文件为空</translation>
        </message>
        <message>
            <source>{file}: is not a file</source>
            <translation>{file}：不是文件</translation>
        </message>
        <message>
            <source>{file}: needs a password</source>
            <translation>{file}：需要密码才能打开</translation>
        </message>
        <message>
            <source>{file}: page {page} is damaged and cannot be shown</source>
            <translation>{file}：第 {page} 页已损坏，无法显示</translation>
        </message>
        <message>
            <source>{file}: page {page} took too long to show</source>
            <translation>{file}：第 {page} 页显示超时</translation>
        </message>
        <message>
            <source>{file}: the file cannot be read</source>
            <translation>{file}：无法读取该文件</translation>
        </message>
        <message>
            <source>{file}: the file is missing</source>
            <translation>{file}：文件不存在</translation>
        </message>
        <message>
            <source>{file}: there is no page {page}</source>
            <translation>{file}：没有第 {page} 页</translation>
        </message>
        <message>
            <source>{file}: took too long to open; it may be damaged</source>
            <translation>{file}：打开超时，文件可能已损坏</translation>
        </message>
        <message>
            <source>p. {page}</source>
            <translation>第{page}页</translation>
        </message>
        <message>
            <source>{count} matches for “{text}” in this material, {others} in the applicant's other materials</source>
            <translation>本材料中“{text}”共{count}处，该单位其他材料中{others}处</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Click the page or press F5 to try again.</source>
            <translation>单击此页或按 F5 重试。</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>前进</translation>
        </message>
        <message>
            <source>Page thumbnails</source>
            <translation>页面缩略图</translation>
        </message>
        <message>
            <source>Page view</source>
            <translation>页面视图</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>第 {n} 页，共 {total} 页</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>页面</translation>
        </message>
        <message>
            <source>Pages and bookmarks</source>
            <translation>页面和书签</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Turn this page anticlockwise</source>
            <translation>本页逆时针旋转</translation>
        </message>
        <message>
            <source>Turn this page clockwise</source>
            <translation>本页顺时针旋转</translation>
        </message>
    </context>
</TS>
