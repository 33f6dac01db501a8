"""Applicants and experts tables (CSV, XLSX, XLS, XLSB or ODS) as the secretary types them.

A table is read whole and every problem is collected before anything is
raised: one `TableError` whose `problems` holds one error per bad cell, each
naming the file, the row as Excel shows it (the header is row 1) and the
column. CSV may be UTF-8 (with or without BOM), GB18030/GBK or UTF-16 with a
BOM (Excel's "Unicode text"), separated by commas, tabs or semicolons; a
workbook (XLSX with openpyxl; XLS, XLSB and ODS with python-calamine) is read
from its first sheet. A rubric is named by its id, its title or its carrier
type's name, as a secretary writes it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from app.errors import PanelReviewError, TableError
from app.i18n import Sentence
from app.rubric import Rubric

# Header words each fixed column accepts (compared case-, width- and space-insensitively).
APPLICANT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号"),
    "name": ("name", "名称", "申报单位"),
    "rubric": ("rubric", "评审细则", "细则"),
    "folder": ("folder", "材料目录", "文件夹"),
    "category": ("category", "类别", "名额类别"),
}
APPLICANT_REQUIRED = ("id", "name", "rubric")
EXPERT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "编号"),
    "name": ("name", "姓名"),
    "organisation": ("organisation", "organization", "单位", "工作单位"),
    "title": ("title", "职称"),
}
EXPERT_REQUIRED = ("id", "name")
# Columns people keep in their tables that mean nothing to a session.
IGNORED_COLUMNS = ("序号", "no.", "备注", "note", "notes", "remarks")
# Characters Windows or POSIX refuse in a folder name; ids become folder names.
BAD_NAME_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f\ufffd]')


@dataclass(frozen=True)
class RubricChoice:
    """The rubric a row's 评审细则 cell named, and the words it was named by."""

    row: int
    words: str       # the cell as the secretary wrote it
    rubric_id: str
    title: str
    matched: str     # what the words are: "id", "title" or "carrier_type_name"

    @property
    def sentence(self) -> Sentence:
        """E.g. "第 3 行：高技能人才培训基地 → sz-training-base（高技能人才培训基地认定评审细则）"."""
        return Sentence("row {row}: {words} → {id} ({title})", row=self.row, words=self.words,
                        id=self.rubric_id, title=self.title)

    def __str__(self) -> str:
        return self.sentence.text()


@dataclass
class Applicant:
    id: str
    name: str
    rubric_id: str
    category: str
    folder: str
    profile: dict[str, str] = field(default_factory=dict)
    rubric_choice: RubricChoice | None = None  # only when read from a table


@dataclass
class Expert:
    id: str
    name: str
    organisation: str = ""
    title: str = ""


@dataclass
class Table:
    """The cells of a table as text: `header` is Excel row `header_row`, each row keeps its number."""

    file: str
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    kind: str = "csv"  # what the file was read as: csv, xlsx, xls, xlsb or ods

    def column_name(self, index: int) -> str:
        """How a person finds column `index`: its letter and header, e.g. "C (培训方式)"."""
        head = self.header[index] if index < len(self.header) else ""
        letter = column_letter(index)
        return f"{letter} ({head})" if head else letter


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel names columns)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def header_key(text: str) -> str:
    """A header as compared: NFKC, case-folded, without spaces or a trailing colon."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"\s+", "", text).rstrip(":")


def cell_text(value: Any) -> str:
    """A cell as the text a person sees: 12.0 → "12", a date → 2025-07-11."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- reading


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (and other old Office files)
CALAMINE_SUFFIXES = (".xls", ".xlsb", ".ods")
# Characters a table cell never holds on purpose: C0 and C1 controls and DEL (a line break is
# refused too: a name prints on one line), and U+FFFD, which is what is left of text garbled earlier.
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd]")
# What `decode` leaves for a byte no encoding could read (Python's surrogateescape).
UNDECODED = re.compile(r"[\udc80-\udcff]+")


def read_table(path: Path) -> Table:
    """The non-empty rows of a CSV, XLSX, XLS, XLSB or ODS table; TableError if the file cannot be read.

    A byte no encoding can read, and an Excel formula whose value was never
    computed, are refused naming the row and column: nothing is guessed.
    """
    path = Path(path)
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
        raise TableError("{file}: cannot read: {reason}", file=file, reason=reason) from None
    suffix = path.suffix.lower()
    kind = _zip_kind(data) if data[:4] == b"PK\x03\x04" else ("xls" if data[:8] == OLE_MAGIC else "")
    if not kind and suffix in CALAMINE_SUFFIXES + (".xlsx", ".xlsm"):
        kind = "xlsx" if suffix in (".xlsx", ".xlsm") else suffix[1:]
    if kind in ("xls", "xlsb", "ods"):
        raw = _calamine_rows(data, file)
    elif kind == "xlsx":
        raw = _xlsx_rows(data, file)
    else:
        kind, raw = "csv", _csv_rows(data, file)
    numbered = [(n, row) for n, row in enumerate(raw, start=1) if any(c for c in row)]
    if not numbered:
        raise TableError("{file}: the table is empty", file=file)
    _refuse_undecoded(file, numbered)
    header_row, header = numbered[0]
    return Table(file, header, header_row, numbered[1:], kind)


def _zip_kind(data: bytes) -> str:
    """Which spreadsheet a ZIP file is: "xlsb", "ods" or "xlsx" (the default, openpyxl says if not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "xl/workbook.bin" in names:
                return "xlsb"
            if "mimetype" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
                return "ods"
    except (zipfile.BadZipFile, OSError, ValueError):
        pass
    return "xlsx"


def _refuse_undecoded(file: str, rows: list[tuple[int, list[str]]]) -> None:
    problems = []
    for n, row in rows:
        for i, cell in enumerate(row):
            for m in UNDECODED.finditer(cell):
                raw = bytes(ord(ch) - 0xDC00 for ch in m.group())
                problems.append(TableError(
                    "{file}: row {row}, column {column}: the bytes {bytes} are not text in UTF-8 or GBK; "
                    "correct the cell and save the table as UTF-8 (CSV UTF-8 in Excel)", file=file, row=n,
                    column=column_letter(i), bytes=raw.hex(" ").upper()))
    if problems:
        raise problems_error(problems)


def _xlsx_rows(data: bytes, file: str) -> list[list[Any]]:
    """The first sheet's values, as Excel last computed them: python-calamine (a 5,000-row table in about
    a tenth of openpyxl's time), openpyxl where calamine cannot read the file, to say why."""
    import python_calamine

    try:
        values = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(
            skip_empty_area=False)
    except (python_calamine.CalamineError, ValueError, OSError, IndexError):
        values = _openpyxl_values(data, file)
    _refuse_uncomputed(data, file, values)
    return [[cell_text(v) for v in row] for row in values]


def _openpyxl_values(data: bytes, file: str) -> list[list[Any]]:
    import openpyxl  # only when a table is Excel: keeps `panelreview --help` quick

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError("{file}: not a readable Excel file: {reason}", file=file, reason=str(exc)) from None
    try:
        if not wb.worksheets:
            raise TableError("{file}: the table is empty", file=file)
        return [list(row) for row in wb.worksheets[0].iter_rows(min_row=1, values_only=True)]
    finally:
        wb.close()


def _refuse_uncomputed(data: bytes, file: str, values: list[list[Any]]) -> None:
    """A formula cell without a computed value reads as empty: refuse it rather than read nothing.

    (One whose value is the empty text is refused too: the readers give both as empty.)
    """
    import openpyxl

    if b"<f" not in _sheets_xml(data):
        return
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        problems = []
        for n, row in enumerate(wb.worksheets[0].iter_rows(min_row=1), start=1):
            for cell in row:
                if getattr(cell, "data_type", None) != "f":
                    continue
                k = cell.column - 1
                got = values[n - 1][k] if n - 1 < len(values) and k < len(values[n - 1]) else None
                if got is None or got == "":
                    problems.append(TableError(
                        "{file}: row {row}, column {column}: the formula {formula} has no computed value; "
                        "open the file in Excel or WPS and save it, or type the value", file=file, row=n,
                        column=column_letter(k), formula=str(cell.value)[:80]))
    finally:
        wb.close()
    if problems:
        raise problems_error(problems)


def _sheets_xml(data: bytes) -> bytes:
    """Every worksheet's XML of an XLSX file (enough to tell whether any formula is in it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return b""


def _calamine_rows(data: bytes, file: str) -> list[list[str]]:
    """The first sheet of an .xls, .xlsb or .ods file (python-calamine), cells as text, rows from row 1."""
    import python_calamine

    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not wb.sheet_names:
            raise TableError("{file}: the table is empty", file=file)
        rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        if isinstance(exc, python_calamine.PasswordError) or "EncryptedPackage".encode("utf-16-le") in data:
            raise TableError("{file}: the workbook is protected by a password; save a copy without it",
                             file=file) from None
        raise TableError("{file}: not a readable spreadsheet: {reason}", file=file, reason=str(exc)) from None
    return [[cell_text(v) for v in row] for row in rows]


def decode(data: bytes, file: str = "") -> str:
    """Table text: UTF-16 with a BOM (Excel's "Unicode text"), UTF-8 (BOM or not), else GB18030 (GBK).

    Bytes no encoding reads are kept as Python's surrogate escapes, for
    `read_table` to name their row and column; they are never replaced.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            line = data[:exc.start - exc.start % 2].decode("utf-16", errors="replace").count("\n") + 1
            raise TableError("{file}: line {line}: the bytes {bytes} are not UTF-16 text", file=file, line=line,
                             bytes=data[exc.start:exc.end].hex(" ").upper()) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="surrogateescape")
    bad = len(UNDECODED.findall(as_utf8))
    good = sum(1 for ch in as_utf8 if "\x80" <= ch < "\udc80" or ch > "\udcff")
    if good >= bad:  # UTF-8 text with a few damaged bytes, not GBK
        return as_utf8
    return data.decode("gb18030", errors="surrogateescape")


# csv's default of 131,072 characters a cell refused the program's own forms with long opinions;
# how long a comment may be is for the form to say, not the reader (2**31 - 1 suits a C long on Windows).
CSV_FIELD_LIMIT = 2**31 - 1


def _csv_rows(data: bytes, file: str) -> list[list[str]]:
    text = decode(data, file)
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        first = next((line for line in sample.splitlines() if line.strip()), "")
        delimiter = max(",\t;", key=first.count)
    try:
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise TableError("{file}: not a readable CSV file: {reason}", file=file, reason=str(exc)) from None


# --------------------------------------------------------------------------- columns


@dataclass
class _Columns:
    fixed: dict[str, int]          # fixed column name → index
    others: list[int]              # every other column with a header


def _map_columns(table: Table, spec: dict[str, tuple[str, ...]], required: Iterable[str],
                 problems: list[PanelReviewError]) -> _Columns:
    aliases = {header_key(a): name for name, words in spec.items() for a in words}
    fixed: dict[str, int] = {}
    others: list[int] = []
    for i, head in enumerate(table.header):
        key = header_key(head)
        if not key:
            continue
        name = aliases.get(key)
        if name is None:
            others.append(i)
        elif name in fixed:
            problems.append(TableError(
                "{file}: row {row}, column {column}: column {name} appears twice (also column {other})",
                file=table.file, row=table.header_row, column=table.column_name(i), name=name,
                other=table.column_name(fixed[name])))
        else:
            fixed[name] = i
    for name in required:
        if name not in fixed:
            problems.append(TableError(
                "{file}: row {row}, column {column}: missing required column (write {words} in the header)",
                file=table.file, row=table.header_row, column=name, words=" / ".join(spec[name])))
    return _Columns(fixed, others)


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def _check_id(table: Table, n: int, col: int, value: str, seen: dict[str, int],
              problems: list[PanelReviewError]) -> bool:
    where = dict(file=table.file, row=n, column=table.column_name(col))
    if not value:
        problems.append(TableError("{file}: row {row}, column {column}: the id is empty", **where))
        return False
    if BAD_NAME_CHARS.search(value) or value.strip(". ") == "" or value != value.strip():
        problems.append(TableError(
            "{file}: row {row}, column {column}: id {value!r} cannot be used as a folder name "
            "(avoid / \\ : * ? \" < > |)", value=value, **where))
        return False
    key = value.casefold()  # folders on Windows and macOS ignore case
    if key in seen:
        problems.append(TableError("{file}: row {row}, column {column}: duplicate id {value!r} (first in row {first})",
                                   value=value, first=seen[key], **where))
        return False
    seen[key] = n
    return True


def rubric_key(text: str) -> str:
    """A rubric's id, title or carrier type name as compared: without any whitespace."""
    return re.sub(r"\s+", "", text or "")


def rubrics_named(words: str, rubrics: dict[str, Rubric]) -> list[tuple[Rubric, str]]:
    """The rubrics `words` names by id, title or carrier type name, each with what it matched, in id order."""
    key = rubric_key(words)
    if not key:
        return []
    out = []
    for rid in sorted(rubrics):
        r = rubrics[rid]
        for what, value in (("id", r.id), ("title", r.title), ("carrier_type_name", r.carrier_type_name)):
            if rubric_key(value) == key:
                out.append((r, what))
                break
    return out


def _control_chars(table: Table, n: int, row: list[str], skip: int, problems: list[PanelReviewError]) -> None:
    """A control character (or U+FFFD) in any cell but column `skip` (the id, checked on its own)."""
    for i, cell in enumerate(row):
        m = CONTROL_CHARS.search(cell) if i != skip else None
        if m:
            problems.append(TableError(
                "{file}: row {row}, column {column}: {value!r} holds the character U+{code:04X}, which is not text "
                "(a control character, or what is left of text garbled earlier); correct the cell",
                file=table.file, row=n, column=table.column_name(i), value=cell, code=ord(m.group())))


def _stray_cells(table: Table, n: int, row: list[str], problems: list[PanelReviewError]) -> None:
    for i in range(len(table.header), len(row)):
        if row[i]:
            problems.append(TableError(
                "{file}: row {row}, column {column}: a value in a column without a header",
                file=table.file, row=n, column=column_letter(i)))


# --------------------------------------------------------------------------- applicants


def parse_applicants(table: Table, rubrics: dict[str, Rubric], *, materials: Path | None = None
                     ) -> tuple[list[Applicant], list[PanelReviewError]]:
    """Applicants from a read table and every problem found (empty when all is well).

    The rubric column may hold a rubric's id, title or carrier type name
    (高技能人才培训基地); each applicant's `rubric_choice` says which rubric its
    row resolved to, from which words. Words that name two rubrics are refused.
    """
    problems: list[PanelReviewError] = []
    cols = _map_columns(table, APPLICANT_COLUMNS, APPLICANT_REQUIRED, problems)
    known_attrs = {header_key(k) for r in rubrics.values() for a in r.profile for k in (a.id, a.label)}
    ignored = {header_key(w) for w in IGNORED_COLUMNS}
    attr_cols = []
    for i in cols.others:
        key = header_key(table.header[i])
        if key in known_attrs:
            attr_cols.append(i)
        elif key not in ignored:
            problems.append(TableError(
                "{file}: row {row}, column {column}: unknown column {value!r}: neither {fixed} nor a profile "
                "attribute of any rubric", file=table.file, row=table.header_row, column=table.column_name(i),
                value=table.header[i], fixed=", ".join(APPLICANT_COLUMNS)))
    if any(name not in cols.fixed for name in APPLICANT_REQUIRED):
        return [], problems

    out: list[Applicant] = []
    seen: dict[str, int] = {}
    f = cols.fixed
    named: dict[str, list[tuple[Rubric, str]]] = {}  # 评审细则 text → the rubrics it names, for this read
    for n, row in table.rows:
        before = len(problems)
        where = lambda i: dict(file=table.file, row=n, column=table.column_name(i))  # noqa: E731
        _stray_cells(table, n, row, problems)
        _control_chars(table, n, row, f["id"], problems)
        aid = _cell(row, f["id"])
        _check_id(table, n, f["id"], aid, seen, problems)
        name = _cell(row, f["name"])
        if not name:
            problems.append(TableError("{file}: row {row}, column {column}: the name is empty", **where(f["name"])))
        words = _cell(row, f["rubric"])
        rubric, choice = _choose_rubric(words, rubrics, n, where(f["rubric"]), problems, named)

        folder = _cell(row, f.get("folder")) or aid
        if materials is not None and folder and not (Path(materials) / folder).is_dir():
            col = f["folder"] if "folder" in f else f["id"]
            problems.append(TableError("{file}: row {row}, column {column}: no folder {value!r} in {materials}",
                                       value=folder, materials=str(materials), **where(col)))

        category = _cell(row, f.get("category"))
        profile: dict[str, str] = {}
        if rubric is not None:
            allowed = (*rubric.categories, rubric.carrier_type_name)
            if rubric.categories and category and category not in allowed:
                problems.append(TableError(
                    "{file}: row {row}, column {column}: category {value!r} is not one of {values} (rubric {rubric})",
                    value=category, values=", ".join(allowed), rubric=rubric.id, **where(f["category"])))
            category = category or rubric.carrier_type_name
            profile = _profile(table, n, row, rubric, attr_cols, problems)
        if len(problems) == before and rubric is not None:
            out.append(Applicant(aid, name, rubric.id, category, folder, profile, choice))
    if not out and not problems:
        problems.append(TableError("{file}: the table has a header but no applicants", file=table.file))
    return out, problems


def _choose_rubric(words: str, rubrics: dict[str, Rubric], n: int, where: dict[str, Any],
                   problems: list[PanelReviewError],
                   named: dict[str, list[tuple[Rubric, str]]]) -> tuple[Rubric | None, RubricChoice | None]:
    """The one rubric a 评审细则 cell names by id, title or carrier type name; a problem otherwise.

    `named` remembers, for one table read, what each cell text names (20,000 rows repeat a few texts).
    """
    if not rubric_key(words):
        problems.append(TableError("{file}: row {row}, column {column}: the rubric is empty", **where))
        return None, None
    found = named.get(words)
    if found is None:
        found = named[words] = rubrics_named(words, rubrics)
    if not found:
        problems.append(TableError("{file}: row {row}, column {column}: unknown rubric {value!r} (known: {known})",
                                   value=words, known=", ".join(sorted(rubrics)), **where))
        return None, None
    if len(found) > 1:
        problems.append(TableError(
            "{file}: row {row}, column {column}: {value!r} names {count} rubrics: {candidates}; "
            "write the id of the one you mean", value=words, count=len(found),
            candidates="; ".join(f"{r.id} ({r.title})" for r, _ in found), **where))
        return None, None
    r, what = found[0]
    return r, RubricChoice(n, words, r.id, r.title, what)


def _profile(table: Table, n: int, row: list[str], rubric: Rubric, attr_cols: list[int],
             problems: list[PanelReviewError]) -> dict[str, str]:
    profile: dict[str, str] = {}
    where_col: dict[str, int] = {}
    reported: set[str] = set()
    for i in attr_cols:
        value = _cell(row, i)
        if not value:
            continue  # a mixed table leaves the columns other rubrics use empty
        where = dict(file=table.file, row=n, column=table.column_name(i))
        attr = rubric.attribute(table.header[i].strip())
        if attr is None:
            attr = next((a for a in rubric.profile
                         if header_key(table.header[i]) in (header_key(a.id), header_key(a.label))), None)
        if attr is None:
            problems.append(TableError(
                "{file}: row {row}, column {column}: rubric {rubric} has no profile attribute {attr}; "
                "leave this cell empty", rubric=rubric.id, attr=table.header[i], **where))
            continue
        value = unicodedata.normalize("NFKC", value).strip()
        if value not in attr.values:
            reported.add(attr.id)
            problems.append(TableError(
                "{file}: row {row}, column {column}: {value!r} is not a value of {attr} (allowed: {values})",
                value=value, attr=f"{attr.id} ({attr.label})", values=", ".join(attr.values), **where))
            continue
        if attr.id in profile and profile[attr.id] != value:
            reported.add(attr.id)
            problems.append(TableError(
                "{file}: row {row}, column {column}: {value!r} contradicts {other!r} in column {first}",
                value=value, other=profile[attr.id], first=table.column_name(where_col[attr.id]), **where))
            continue
        profile[attr.id] = value
        where_col[attr.id] = i
    for attr in rubric.profile:
        if attr.id not in profile and attr.id not in reported:
            col = next((i for i in attr_cols if header_key(table.header[i]) in
                        (header_key(attr.id), header_key(attr.label))), None)
            problems.append(TableError(
                "{file}: row {row}, column {column}: rubric {rubric} needs a value for {attr} (one of {values})",
                file=table.file, row=n, column=table.column_name(col) if col is not None else attr.label,
                rubric=rubric.id, attr=f"{attr.id} ({attr.label})", values=", ".join(attr.values)))
    if len(profile) == len(rubric.profile) and not reported:
        return rubric.check_profile(profile)
    return profile


def read_applicants(path: Path, rubrics: dict[str, Rubric], *, materials: Path | None = None) -> list[Applicant]:
    """The applicants in the table at `path`; TableError listing every problem.

    With `materials`, each applicant's folder must exist under it.
    """
    applicants, problems = parse_applicants(read_table(path), rubrics, materials=materials)
    if problems:
        raise problems_error(problems)
    return applicants


# --------------------------------------------------------------------------- experts


def parse_experts(table: Table) -> tuple[list[Expert], list[PanelReviewError]]:
    """Experts from a read table and every problem found. Extra columns (phone, field) are ignored."""
    problems: list[PanelReviewError] = []
    cols = _map_columns(table, EXPERT_COLUMNS, EXPERT_REQUIRED, problems)
    if any(name not in cols.fixed for name in EXPERT_REQUIRED):
        return [], problems
    f = cols.fixed
    out: list[Expert] = []
    seen: dict[str, int] = {}
    for n, row in table.rows:
        before = len(problems)
        _control_chars(table, n, row, f["id"], problems)
        eid = _cell(row, f["id"])
        _check_id(table, n, f["id"], eid, seen, problems)
        name = _cell(row, f["name"])
        if not name:
            problems.append(TableError("{file}: row {row}, column {column}: the name is empty",
                                       file=table.file, row=n, column=table.column_name(f["name"])))
        if len(problems) == before:
            out.append(Expert(eid, name, _cell(row, f.get("organisation")), _cell(row, f.get("title"))))
    if not out and not problems:
        problems.append(TableError("{file}: the table has a header but no experts", file=table.file))
    return out, problems


def read_experts(path: Path) -> list[Expert]:
    """The experts in the table at `path`; TableError listing every problem."""
    experts, problems = parse_experts(read_table(path))
    if problems:
        raise problems_error(problems)
    return experts


def problems_error(problems: list[PanelReviewError]) -> TableError:
    """One TableError carrying every problem in `.problems` (shown one per line)."""
    return TableError("{count} problems in the tables", count=len(problems)).having(problems)
