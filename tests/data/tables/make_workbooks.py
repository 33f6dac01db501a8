"""Make the .xls, .xlsb and .ods tables beside this file from applicants_utf8.csv and experts_utf8.csv.

Run once, with writers that are not the program's own readers, and commit what it makes:

    pip install --target /tmp/writers xlwt==1.3.0 pyxlsbwriter==0.1.0 odfpy==1.4.1
    PYTHONPATH=/tmp/writers python tests/data/tables/make_workbooks.py

xlwt writes BIFF8 (.xls, as WPS saves by default), pyxlsbwriter the Excel
binary workbook (.xlsb), odfpy OpenDocument (.ods). Each file holds the CSV's
cells on its first sheet, numbers as numbers where the CSV has digits
(序号-like columns are what secretaries keep), and an empty row where the
CSV has one; a second sheet that must not be read.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rows(name: str) -> list[list[object]]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return [[int(c) if c.isdigit() else c for c in row] for row in csv.reader(f)]


def write_xls(path: Path, table: list[list[object]]) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("申报单位")
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if value != "":
                ws.write(r, c, value)
    ws2 = wb.add_sheet("备用")  # a second sheet: only the first is read
    ws2.write(0, 0, "不读这一页")
    wb.save(str(path))


def write_xlsb(path: Path, table: list[list[object]]) -> None:
    from pyxlsbwriter import XlsbWriter

    width = max(len(r) for r in table)
    with XlsbWriter(str(path)) as w:
        w.add_sheet("申报单位")
        w.write_sheet([row + [None] * (width - len(row)) if row else [None] * width for row in table])
        w.add_sheet("备用")
        w.write_sheet([["不读这一页"]])


def write_ods(path: Path, table: list[list[object]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, content in (("申报单位", table), ("备用", [["不读这一页"]])):
        sheet = Table(name=name)
        for row in content:
            tr = TableRow()
            for value in row:
                if isinstance(value, int):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                elif value:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                else:
                    cell = TableCell()
                tr.addElement(cell)
            sheet.addElement(tr)
        doc.spreadsheet.addElement(sheet)
    doc.save(str(path))


def main() -> None:
    applicants = rows("applicants_utf8.csv")
    experts = rows("experts_utf8.csv")
    for suffix, write in ((".xls", write_xls), (".xlsb", write_xlsb), (".ods", write_ods)):
        write(HERE / f"applicants{suffix}", applicants)
        write(HERE / f"experts{suffix}", experts)
        print("wrote", f"applicants{suffix}", f"experts{suffix}")


if __name__ == "__main__":
    main()
