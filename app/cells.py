"""Every spreadsheet cell the program writes, safe to open in Excel, WPS or LibreOffice.

Names, comments and opinions come from applicants and experts. Text whose
first character makes a spreadsheet read it as a formula (``= + - @``, a tab or
a carriage return, and the full-width ``＝ ＋ － ＠`` that Excel and WPS take as
the same when they come from a Chinese input method) must never become one:

- in XLSX, every text is a string cell (never a formula, whatever it starts
  with), and one starting with such a character also carries Excel's
  quote prefix, so that editing the cell keeps it text;
- in CSV, such text is written with one apostrophe in front (the OWASP
  convention: a spreadsheet shows it as text). So that reading the file back
  gives the exact text, a text that already starts with apostrophes followed
  by such a character gets one more; `from_csv` takes exactly one away
  where `to_csv` added it, and leaves every other text alone.

Numbers (int, float, Decimal) stay numbers in both.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Callable, Iterable

from app.errors import SheetError

# Characters that make a spreadsheet read the rest of the cell as a formula.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
QUOTE = "'"
# The longest text an Excel cell holds (openpyxl would cut a longer one without a word).
XLSX_MAX_TEXT = 32767
# XML 1.0 cannot hold these; OOXML writes them as _xHHHH_ (Excel reads them back so).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_number(value: Any) -> bool:
    """A value written as a number: int, float or Decimal, not a bool."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def looks_like_formula(text: str) -> bool:
    """True when `text` starts with a character that makes a spreadsheet read a formula."""
    return bool(text) and text[0] in FORMULA_STARTS


def needs_quote(text: str) -> bool:
    """True when a CSV writes `text` with an apostrophe in front: after any apostrophes, a formula start."""
    return looks_like_formula(text.lstrip(QUOTE))


def to_csv(value: Any, number: Callable[[Any], str] = str) -> str:
    """A cell as CSV text: None → "", numbers through `number`, text neutralised."""
    if value is None:
        return ""
    if is_number(value):
        return number(value)
    text = str(value)
    return QUOTE + text if needs_quote(text) else text


def from_csv(text: str) -> str:
    """The text `to_csv` was given: the one apostrophe it added taken away, nothing else changed."""
    if text.startswith(QUOTE) and needs_quote(text[1:]):
        return text[1:]
    return text


def csv_row(values: Iterable[Any], number: Callable[[Any], str] = str) -> list[str]:
    """A row of cells for csv.writer, each through `to_csv`."""
    return [to_csv(v, number) for v in values]


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write `value` into the openpyxl cell at (`row`, `column`) of `ws`; the cell.

    Text is always a string cell: never a formula, quote-prefixed where it
    looks like one, and with the characters XML cannot hold escaped as OOXML
    does (_x0007_); an empty text leaves the cell empty. A text longer than
    an Excel cell holds is refused (SheetError), never cut.
    """
    cell = ws.cell(row=row, column=column)
    if value is None or value == "" or not isinstance(value, str):
        cell.value = value if value != "" else None  # an empty text is an empty cell
        return cell
    if len(value) > XLSX_MAX_TEXT:
        raise SheetError("{sheet}!{cell}: the text is {length} characters long and an Excel cell holds at most "
                         "{max}; nothing was cut: write a CSV file instead", sheet=ws.title, cell=cell.coordinate,
                         length=len(value), max=XLSX_MAX_TEXT)
    cell.value = _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def append(ws: Any, values: Iterable[Any]) -> int:
    """Write `values` as the next row of `ws` (after its last row); the row's number."""
    row = ws._current_row + 1  # where openpyxl's own append() writes
    for column, value in enumerate(values, start=1):
        put(ws, row, column, value)
    return row
