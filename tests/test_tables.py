"""Applicants and experts tables: encodings, separators, XLSX, and one message per bad cell."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pytest

from app import rubric, tables
from app.errors import TableError

DATA = Path(__file__).resolve().parent / "data" / "tables"
EXPECTED = [
    ("A01", "深圳市龙岗职业技术学校", "sz-training-base", "高技能人才培训基地", "A01",
     {"delivery": "线下", "scope": "普通基地", "applicant_kind": "院校"}),
    ("A02", "张师傅技能大师工作室", "sz-master-studio", "技能大师工作室", "A02-张师傅", {}),
    ("A03", "平湖乡村振兴技能工作站", "sz-rural-workstation", "乡村振兴技能工作站", "A03", {}),
]


@pytest.fixture(scope="module")
def rubrics():
    return rubric.load_all()


def as_tuples(applicants):
    return [(a.id, a.name, a.rubric_id, a.category, a.folder, a.profile) for a in applicants]


def problems(excinfo) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("name", ["applicants_utf8.csv", "applicants_gbk.csv"])
def test_utf8_and_gbk_tables_read_alike(rubrics, name):
    assert as_tuples(tables.read_applicants(DATA / name, rubrics)) == EXPECTED


def test_bom_semicolons_and_chinese_headers(rubrics):
    got = tables.read_applicants(DATA / "applicants_bom.csv", rubrics)
    assert got[0].profile == {"delivery": "线上", "scope": "专项基地", "applicant_kind": "线上平台"}
    assert got[1].folder == "A02-张师傅" and got[1].profile == {}


def test_gbk_is_really_gbk_and_tab_separated():
    raw = (DATA / "applicants_gbk.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"\t" in raw
    assert tables.decode(raw).startswith("序号\t编号")


def test_xlsx_table_with_numbers_and_empty_rows(rubrics, tmp_path):
    path = write_xlsx(tmp_path / "申报单位.xlsx", [
        ["编号", "申报单位", "评审细则", "培训方式", "基地类别", "申报主体类型"],
        [1, "一号基地", "sz-training-base", "线下", "专项基地", "企业"],
        [None, None, None, None, None, None],
        [2.0, "二号工作室", "sz-master-studio", None, None, None],
    ])
    got = tables.read_applicants(path, rubrics)
    assert [(a.id, a.folder) for a in got] == [("1", "1"), ("2", "2")]
    assert got[0].profile == {"delivery": "线下", "scope": "专项基地", "applicant_kind": "企业"}


def test_xlsx_rows_are_numbered_as_excel_shows_them(rubrics, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["id", "name", "rubric"],
        ["A1", "好", "sz-master-studio"],
        [None, None, None],
        ["A3", "", "sz-master-studio"],
    ])
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    assert problems(exc) == [f"{path}: row 4, column B (name): the name is empty"]


def test_every_bad_row_is_reported_with_file_row_and_column(rubrics, tmp_path):
    materials = tmp_path / "materials"
    for folder in ("A01", "A02", "A03", "A06", "A07"):
        (materials / folder).mkdir(parents=True)
    path = DATA / "applicants_bad.csv"
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics, materials=materials)
    got = problems(exc)
    f = str(path)
    assert got == [
        f"{f}: row 3, column C (rubric): unknown rubric 'sz-no-such-rubric' (known: cq-city-training-base, "
        "cq-national-training-base, national-master-studio, national-training-base, sz-master-studio, "
        "sz-rural-workstation, sz-training-base)",
        f"{f}: row 4, column F (scope): '超大基地' is not a value of scope (基地类别) (allowed: 普通基地, 专项基地)",
        f"{f}: row 5, column A (id): duplicate id 'A01' (first in row 2)",
        f"{f}: row 6, column D (folder): no folder 'A05-nowhere' in {materials}",
        f"{f}: row 7, column B (name): the name is empty",
        f"{f}: row 8, column E (培训方式): rubric sz-master-studio has no profile attribute 培训方式; leave this cell empty",
    ]
    assert str(exc.value) == "6 problems in the tables"


def test_missing_required_column(rubrics):
    path = DATA / "applicants_no_rubric_column.csv"
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    assert problems(exc) == [
        f"{path}: row 1, column rubric: missing required column (write rubric / 评审细则 / 细则 in the header)"]


def test_missing_profile_value_and_unknown_column(rubrics, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,name,rubric,delivery,联系人\nA1,好,sz-training-base,线下,王\n", encoding="utf-8")
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    got = problems(exc)
    assert got[0].startswith(f"{path}: row 1, column E (联系人): unknown column '联系人'")
    assert got[1] == (f"{path}: row 2, column 基地类别: rubric sz-training-base needs a value for scope (基地类别) "
                      "(one of 普通基地, 专项基地)")
    assert "applicant_kind" in got[2] and len(got) == 3


def test_category_must_be_one_the_rubric_names(rubrics, tmp_path):
    path = tmp_path / "cq.csv"
    path.write_text("id,name,rubric,category\nQ1,甲,cq-city-training-base,数字技能类\n"
                    "Q2,乙,cq-city-training-base,体育类\nQ3,丙,cq-city-training-base,\n", encoding="utf-8")
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    assert problems(exc) == [f"{path}: row 3, column D (category): category '体育类' is not one of 国际合作类, "
                             "数字技能类, 其他类, 市级高技能人才培训基地 (rubric cq-city-training-base)"]


def test_ids_must_make_folder_names(rubrics, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,name,rubric\nA/1,甲,sz-master-studio\n,乙,sz-master-studio\na2,丙,sz-master-studio\n"
                    "A2,丁,sz-master-studio\n", encoding="utf-8")
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    got = problems(exc)
    assert "row 2, column A (id): id 'A/1' cannot be used as a folder name" in got[0]
    assert got[1] == f"{path}: row 3, column A (id): the id is empty"
    assert got[2] == f"{path}: row 5, column A (id): duplicate id 'A2' (first in row 4)"


def test_experts_gbk_with_extra_columns():
    got = tables.read_experts(DATA / "experts_gbk.csv")
    assert [(e.id, e.name, e.organisation, e.title) for e in got] == [
        ("E01", "王专家", "深圳技师学院", "高级讲师"),
        ("E02", "李专家", "某企业", "高级工程师"),
        ("E03", "赵专家", "龙岗区人社局", "正高级"),
    ]


def test_experts_xlsx(tmp_path):
    path = write_xlsx(tmp_path / "专家.xlsx", [["编号", "姓名", "单位", "职称"], ["E1", "王", "学院", "教授"]])
    assert [(e.id, e.organisation) for e in tables.read_experts(path)] == [("E1", "学院")]


def test_bad_experts():
    path = DATA / "experts_bad.csv"
    with pytest.raises(TableError) as exc:
        tables.read_experts(path)
    assert problems(exc) == [
        f"{path}: row 3, column A (编号): duplicate id 'E01' (first in row 2)",
        f"{path}: row 4, column B (姓名): the name is empty",
    ]


def test_unreadable_files(rubrics, tmp_path):
    with pytest.raises(TableError, match="cannot read: no such file"):
        tables.read_experts(tmp_path / "nowhere.csv")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(TableError, match=r"old.xls: not a readable spreadsheet: "):
        tables.read_experts(old)
    with pytest.raises(TableError, match=r"excel_password.xlsb: the workbook is protected by a password; save a copy"):
        tables.read_experts(DATA / "excel_password.xlsb")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(TableError, match="the table is empty"):
        tables.read_experts(empty)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableError, match="not a readable Excel file"):
        tables.read_applicants(broken, rubrics)


def test_single_column_csv_and_column_letters():
    assert [tables.column_letter(i) for i in (0, 25, 26, 701)] == ["A", "Z", "AA", "ZZ"]
    assert tables.cell_text(12.0) == "12" and tables.cell_text(1.5) == "1.5" and tables.cell_text(None) == ""


# --------------------------------------------------------------------------- the rubric column, as a secretary writes it

# The carrier types as 000 一、认定载体类型 names them: "高技能人才培训基地、技能大师工作室和乡村振兴技能工作站".
NAMED = [
    ["编号", "申报单位", "评审细则", "培训方式", "基地类别", "申报主体类型"],
    ["T1", "一号基地", "高技能人才培训基地", "线下", "普通基地", "企业"],           # carrier type name
    ["M1", "张师傅工作室", "技能大师工作室认定评审细则", "", "", ""],              # title
    ["R1", "平湖工作站", "乡村振兴 技能工作站", "", "", ""],                       # carrier type name, a stray space
    ["Q1", "重庆某基地", "市级高技能人才培训基地", "", "", ""],                    # title and carrier type name alike
    ["T2", "二号基地", "sz-training-base", "线上", "专项基地", "线上平台"],          # id
]


def write_table(path: Path, rows: list[list[str]], kind: str) -> Path:
    """A table as Excel or a Chinese Windows PC saves it: XLSX, CSV in UTF-8, or tab-separated GBK."""
    if kind == "xlsx":
        return write_xlsx(path.with_suffix(".xlsx"), rows)
    if kind == "gbk":
        path.write_bytes("\r\n".join("\t".join(r) for r in rows).encode("gbk"))
    else:
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["utf8", "gbk", "xlsx"])
def test_rubric_named_by_carrier_type_title_or_id(rubrics, tmp_path, kind):
    path = write_table(tmp_path / "申报单位.csv", NAMED, kind)
    got = tables.read_applicants(path, rubrics)
    assert [(a.id, a.rubric_id) for a in got] == [
        ("T1", "sz-training-base"), ("M1", "sz-master-studio"), ("R1", "sz-rural-workstation"),
        ("Q1", "cq-city-training-base"), ("T2", "sz-training-base")]
    assert [(c.row, c.words, c.matched) for c in (a.rubric_choice for a in got)] == [
        (2, "高技能人才培训基地", "carrier_type_name"), (3, "技能大师工作室认定评审细则", "title"),
        (4, "乡村振兴 技能工作站", "carrier_type_name"), (5, "市级高技能人才培训基地", "title"),
        (6, "sz-training-base", "id")]
    assert got[0].profile == {"delivery": "线下", "scope": "普通基地", "applicant_kind": "企业"}
    assert got[0].category == "高技能人才培训基地"
    first = got[0].rubric_choice
    assert str(first) == "row 2: 高技能人才培训基地 → sz-training-base (高技能人才培训基地认定评审细则)"
    assert first.sentence.text("zh_CN") == "第 2 行：高技能人才培训基地 → sz-training-base（高技能人才培训基地认定评审细则）"


@pytest.mark.parametrize("kind", ["utf8", "gbk", "xlsx"])
def test_a_name_two_rubrics_share_is_refused_naming_both(rubrics, tmp_path, kind):
    # 002 (吉林) and 003 (重庆) both call theirs 国家级高技能人才培训基地.
    rows = [["id", "name", "rubric"], ["N1", "甲", "sz-master-studio"], ["N2", "乙", "国家级高技能人才培训基地"],
            ["N3", "丙", "cq-national-training-base"]]
    path = write_table(tmp_path / "a.csv", rows, kind)
    got, found = tables.parse_applicants(tables.read_table(path), rubrics)
    assert [a.id for a in got] == ["N1", "N3"]
    assert [str(p) for p in found] == [
        f"{path}: row 3, column C (rubric): '国家级高技能人才培训基地' names 2 rubrics: "
        "cq-national-training-base (国家级高技能人才培训基地); national-training-base (国家级高技能人才培训基地建设项目); "
        "write the id of the one you mean"]


def test_a_district_copy_makes_the_carrier_type_ambiguous_but_not_the_id(rubrics, tmp_path):
    from dataclasses import replace

    copy = replace(rubrics["sz-training-base"], id="lg-training-base", jurisdiction="龙岗区")
    known = {**rubrics, copy.id: copy}
    path = write_table(tmp_path / "a.csv", [NAMED[0], NAMED[1], NAMED[5]], "utf8")
    got, found = tables.parse_applicants(tables.read_table(path), known)
    assert [(a.id, a.rubric_id) for a in got] == [("T2", "sz-training-base")]
    assert [str(p) for p in found] == [
        f"{path}: row 2, column C (评审细则): '高技能人才培训基地' names 2 rubrics: "
        "lg-training-base (高技能人才培训基地认定评审细则); sz-training-base (高技能人才培训基地认定评审细则); "
        "write the id of the one you mean"]


def test_a_near_name_is_unknown_not_guessed(rubrics, tmp_path):
    path = write_table(tmp_path / "a.csv", [["id", "name", "rubric"], ["T1", "甲", "高技能人才培训"],
                                            ["T2", "乙", "  "]], "utf8")
    got, found = tables.parse_applicants(tables.read_table(path), rubrics)
    assert got == []
    assert [str(p) for p in found] == [
        f"{path}: row 2, column C (rubric): unknown rubric '高技能人才培训' (known: cq-city-training-base, "
        "cq-national-training-base, national-master-studio, national-training-base, sz-master-studio, "
        "sz-rural-workstation, sz-training-base)",
        f"{path}: row 3, column C (rubric): the rubric is empty"]


# --------------------------------------------------------------------------- workbooks and encodings secretaries save

@pytest.mark.parametrize("suffix", [".xls", ".xlsb", ".ods"])
def test_xls_xlsb_and_ods_tables_read_like_the_csv(rubrics, suffix):
    """WPS saves .xls by default; the tables were written by xlwt, pyxlsbwriter and odfpy (tests/data/tables)."""
    assert tables.read_table(DATA / f"applicants{suffix}").kind == suffix[1:]
    assert as_tuples(tables.read_applicants(DATA / f"applicants{suffix}", rubrics)) == EXPECTED
    experts = tables.read_experts(DATA / f"experts{suffix}")
    assert [(e.id, e.name, e.organisation, e.title) for e in experts] == [
        ("E01", "王专家", "深圳技师学院", "高级讲师"), ("E02", "李专家", "某企业", "高级工程师"), ("E03", "赵专家", "", "")]


@pytest.mark.parametrize("suffix", [".xlsb", ".xls"])
def test_workbooks_saved_by_excel_read_cell_by_cell(suffix):
    """Files Excel itself saved (from python-calamine's tests): row 1 empty, row 2 the values as Excel shows them."""
    table = tables.read_table(DATA / f"excel_made{suffix}")
    assert table.header_row == 2 and table.rows == []
    assert table.header[:8] == ["String", "1", "1.1", "TRUE", "FALSE", "2010-10-10", "2010-10-10 10:10:10",
                                "10:10:10"]


def test_a_workbook_is_known_by_its_content_not_its_name(rubrics, tmp_path):
    renamed = tmp_path / "applicants.csv"
    renamed.write_bytes((DATA / "applicants.ods").read_bytes())
    assert as_tuples(tables.read_applicants(renamed, rubrics)) == EXPECTED


def test_unicode_text_from_excel_is_utf16_with_bom_and_tabs(rubrics, tmp_path):
    """Excel's "Unicode text (*.txt)": UTF-16 LE with a BOM, tab-separated, CR LF."""
    text = (DATA / "applicants_utf8.csv").read_text(encoding="utf-8").replace(",", "\t").replace("\n", "\r\n")
    path = tmp_path / "申报单位.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert as_tuples(tables.read_applicants(path, rubrics)) == EXPECTED
    big_endian = tmp_path / "be.txt"
    big_endian.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    assert as_tuples(tables.read_applicants(big_endian, rubrics)) == EXPECTED
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe" + "id\tname\r\nE01\t王".encode("utf-16-le") + b"\x00\xdc")
    with pytest.raises(TableError) as exc:
        tables.read_experts(broken)
    assert str(exc.value) == f"{broken}: line 2: the bytes 00 DC are not UTF-16 text"


def test_a_gbk_byte_that_is_no_character_is_refused_with_its_row_and_column(tmp_path):
    """The hostile table of issue 14 item 8: 深圳市, the bytes 81 7F, 公司 — once stored as 深圳市\\ufffd\\x7f公司."""
    path = tmp_path / "experts.csv"
    path.write_bytes("编号,姓名,单位\r\nE01,王专家,好单位\r\nE02,李专家,".encode("gbk") + "深圳市".encode("gbk")
                     + b"\x81\x7f" + "公司\r\n".encode("gbk"))
    with pytest.raises(TableError) as exc:
        tables.read_experts(path)
    assert problems(exc) == [f"{path}: row 3, column C: the bytes 81 are not text in UTF-8 or GBK; correct the cell "
                             "and save the table as UTF-8 (CSV UTF-8 in Excel)"]


def test_a_damaged_byte_in_a_utf8_table_is_named_not_read_as_gbk(tmp_path):
    path = tmp_path / "experts.csv"
    path.write_bytes("id,name\nE01,王专家\nE02,李".encode("utf-8") + b"\xe4\xb8" + "专家\n".encode("utf-8"))
    with pytest.raises(TableError) as exc:
        tables.read_experts(path)
    assert problems(exc) == [f"{path}: row 3, column B: the bytes E4 B8 are not text in UTF-8 or GBK; correct the "
                             "cell and save the table as UTF-8 (CSV UTF-8 in Excel)"]


@pytest.mark.parametrize("char", ["\x07", "\x7f", "\x85", "\ufffd", "\n"])
def test_control_characters_and_replacement_marks_in_names_are_refused(rubrics, tmp_path, char):
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "name", "rubric"], ["A1", f"深圳市{char}公司", "sz-master-studio"]])
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    assert problems(exc) == [f"{path}: row 2, column B (name): {'深圳市' + char + '公司'!r} holds the character "
                             f"U+{ord(char):04X}, which is not text (a control character, or what is left of text "
                             "garbled earlier); correct the cell"]
    experts = tmp_path / "e.csv"
    experts.write_text(f"id,name,title\nE01,王专家,高级{char}讲师\n" if char != "\n" else "id,name\nE01,王\x01\n",
                       encoding="utf-8")
    with pytest.raises(TableError) as exc:
        tables.read_experts(experts)
    [problem] = problems(exc)
    assert re.match(rf"{re.escape(str(experts))}: row 2, column [BC] \((title|name)\): .* holds the character U\+", problem)


def test_a_formula_without_a_computed_value_is_refused_not_read_as_empty(rubrics, tmp_path):
    """openpyxl writes formulas without a cached value, as a script or a web export may; Excel shows 0 or nothing."""
    path = write_xlsx(tmp_path / "a.xlsx", [["id", "name", "rubric"], ["A1", '=CONCAT("深圳","学校")', "sz-master-studio"],
                                            ["A2", "好学校", "sz-master-studio"]])
    with pytest.raises(TableError) as exc:
        tables.read_applicants(path, rubrics)
    assert problems(exc) == [f'{path}: row 2, column B: the formula =CONCAT("深圳","学校") has no computed value; open '
                             "the file in Excel or WPS and save it, or type the value"]
    cached = tmp_path / "cached.xlsx"
    cached.write_bytes(with_cached_value(path.read_bytes(), "深圳学校"))
    assert [(a.id, a.name) for a in tables.read_applicants(cached, rubrics)] == [("A1", "深圳学校"), ("A2", "好学校")]


def with_cached_value(xlsx: bytes, value: str) -> bytes:
    """The workbook as Excel saves it after computing: each formula cell with its value (<v>) beside it."""
    import io
    import re
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data, n = re.subn(rb'<c r="([A-Z]+\d+)"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?</c>',
                                  lambda m: b'<c r="' + m[1] + b'" t="str"><f>' + m[3] + b"</f><v>"
                                  + value.encode() + b"</v></c>", data)
                assert n == 1, data
            dst.writestr(item, data)
    return out.getvalue()


def test_each_rubric_text_is_looked_up_once_per_table(rubrics, tmp_path, monkeypatch):
    """20,000 rows naming the same rubric: the lookup (every rubric's id, title and type compared) runs once per
    distinct text, and a text that names no rubric is still refused on every row that has it."""
    rows = [["id", "name", "rubric"]] + [[f"A{k}", f"单位{k}", ("sz-master-studio", "技能大师工作室认定评审细则",
                                                              "没有这个细则")[k % 3]] for k in range(300)]
    path = write_table(tmp_path / "a.csv", rows, "utf8")
    calls = []
    real = tables.rubrics_named
    monkeypatch.setattr(tables, "rubrics_named", lambda words, r: calls.append(words) or real(words, r))
    got, found = tables.parse_applicants(tables.read_table(path), rubrics)
    assert sorted(calls) == sorted({"sz-master-studio", "技能大师工作室认定评审细则", "没有这个细则"})
    assert len(got) == 200 and {a.rubric_id for a in got} == {"sz-master-studio"}
    assert [a.rubric_choice.matched for a in got[:2]] == ["id", "title"]
    assert len(found) == 100 and "row 4, column C" in str(found[0]) and "row 301, column C" in str(found[-1])
