"""A small editable Word file (.docx, WordprocessingML) written with zipfile: titles, headings, paragraphs, tables.

Enough for a report the bureau puts on its letterhead and edits: real headings (Word's 标题 1/2 styles,
so the navigation pane works), paragraphs, ruled tables with a repeating header row, A4 with the same
margins as the PDFs, Chinese text in 宋体 (SimSun) / 黑体 (SimHei) — fonts every Chinese Windows has; no
font is embedded, so the file stays small and editable. No third-party package: the format is plain XML.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from app import files

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIP_PER_MM = 1440 / 25.4


@dataclass
class Block:
    kind: str  # title | subtitle | heading | para | note | right | table | pagebreak
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)  # table: the first row is the header
    widths: list[float] = field(default_factory=list)  # table: fractions of the text width


def _run(text: str, *, bold: bool = False, size: int | None = None, font: str | None = None) -> str:
    props = ""
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    if bold:
        props += "<w:b/>"
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    parts = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def _para(text: str, *, style: str | None = None, align: str | None = None, run: dict | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{_run(text, **(run or {}))}</w:p>"


def _table(rows: list[list[str]], widths: list[float], text_width: int) -> str:
    cols = len(rows[0]) if rows else 1
    fractions = widths if len(widths) == cols else [1 / cols] * cols
    total = sum(fractions) or 1
    tw = [int(text_width * f / total) for f in fractions]
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(tw)}" w:type="dxa"/><w:tblBorders>{border}</w:tblBorders>'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/>'
           '<w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>',
           "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in tw) + "</w:tblGrid>"]
    for k, row in enumerate(rows):
        head = k == 0
        trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if head else "<w:trPr><w:cantSplit/></w:trPr>"
        cells = []
        for c, text in enumerate(row + [""] * (cols - len(row))):
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>' if head else ""
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{tw[c]}" w:type="dxa"/>{shade}</w:tcPr>'
                         + _para(str(text), style="TableText", align="center" if head else None,
                                 run={"bold": head}) + "</w:tc>")
        out.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out) + _para("", style="TableText")


def document_xml(blocks: list[Block]) -> str:
    page_w, page_h = int(210 * TWIP_PER_MM), int(297 * TWIP_PER_MM)
    left, right, top, bottom = (int(m * TWIP_PER_MM) for m in (25, 20, 22, 22))
    text_width = page_w - left - right
    body = []
    for b in blocks:
        if b.kind == "title":
            body.append(_para(b.text, style="Title", align="center"))
        elif b.kind == "subtitle":
            body.append(_para(b.text, style="Subtitle", align="center"))
        elif b.kind == "heading":
            body.append(_para(b.text, style="Heading1"))
        elif b.kind == "heading2":
            body.append(_para(b.text, style="Heading2"))
        elif b.kind == "note":
            body.append(_para(b.text, style="Note"))
        elif b.kind == "right":
            body.append(_para(b.text, align="right"))
        elif b.kind == "table":
            body.append(_table(b.rows, b.widths, text_width))
        elif b.kind == "pagebreak":
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        else:
            body.append(_para(b.text))
    sect = (f'<w:sectPr><w:pgSz w:w="{page_w}" w:h="{page_h}"/><w:pgMar w:top="{top}" w:right="{right}" '
            f'w:bottom="{bottom}" w:left="{left}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
            f"<w:body>{''.join(body)}{sect}</w:body></w:document>")


def _style(sid: str, name: str, *, font: str, size: int, bold: bool = False, align: str | None = None,
           before: int = 0, after: int = 120, outline: int | None = None, color: str | None = None) -> str:
    ppr = f'<w:spacing w:before="{before}" w:after="{after}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if outline is not None:
        ppr += f'<w:keepNext/><w:outlineLvl w:val="{outline}"/>'
    rpr = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    if bold:
        rpr += "<w:b/>"
    if color:
        rpr += f'<w:color w:val="{color}"/>'
    rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
            f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def styles_xml() -> str:
    normal = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
              '<w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr>'
              '<w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun"/><w:sz w:val="24"/>'
              '<w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
            '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
            + normal
            + _style("Title", "Title", font="SimHei", size=36, align="center", after=120)
            + _style("Subtitle", "Subtitle", font="SimSun", size=24, align="center", after=240)
            + _style("Heading1", "heading 1", font="SimHei", size=28, before=240, after=120, outline=0)
            + _style("Heading2", "heading 2", font="SimHei", size=24, before=160, after=80, outline=1)
            + _style("Note", "Note", font="SimSun", size=18, color="555555", after=60)
            + ('<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/>'
               '<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20" w:line="260" '
               'w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>')
            + "</w:styles>")


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>")
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>')
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>')


def core_xml(title: str) -> str:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>PanelReview</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created></cp:coreProperties>')


def build(blocks: list[Block], *, title: str = "") -> bytes:
    """The .docx bytes of `blocks`."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document_xml(blocks))
        z.writestr("word/styles.xml", styles_xml())
        z.writestr("docProps/core.xml", core_xml(title))
    return buf.getvalue()


def write(path: Path | str, blocks: list[Block], *, title: str = "") -> Path:
    """Write the .docx whole (a reader never meets half a file)."""
    return files.write_atomic(Path(path), build(blocks, title=title))
