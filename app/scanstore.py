"""The session's scan store: recognised text with character boxes, and the intake check's findings.

    SESSION/scans.sqlite

The manifest (session.sqlite) is written once and never again; what is learnt
about the scans afterwards (OCR on the secretary's machine, the intake check,
the secretary's notes on findings) goes here, keyed by each material's
SHA-256, so a page recognised once is never recognised again and a replaced
file cannot inherit the old file's text. Experts' laptops only read it.

A page row holds `text` (its lines joined by "\\n"), `boxes` (float32
x0, y0, x1, y1 per character of `text`, as fractions of the page as shown,
"\\n" a zero box), and `key`/`pos`: the text normalised for search (NFKC,
lower case, no white space; in table page_keys, so a search reads no boxes) and, per key character, its
index in `text`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from app.errors import SessionError

STORE = "scans.sqlite"
SCHEMA = 1

_TABLES = """
create table if not exists meta (key text primary key, value text);
create table if not exists pages (
    sha256 text not null, page integer not null, source text not null, rotation integer not null default 0,
    width real, height real, text text not null, boxes blob, pos blob, score real,
    primary key (sha256, page));
create table if not exists page_keys (
    sha256 text not null, page integer not null, key text not null, primary key (sha256, page));
create table if not exists files (
    sha256 text primary key, path text not null, pages integer, ocr_started text, ocr_finished text);
create table if not exists findings (
    key text primary key, applicant_id text not null, path text, sha256 text, material text, page integer,
    code text not null, data text not null, position integer not null);
create table if not exists acceptances (key text primary key, note text not null, at text not null);
create index if not exists findings_applicant on findings (applicant_id);
"""


@dataclass
class PageText:
    sha256: str
    page: int            # 0-based
    source: str          # "ocr" or "layer"
    rotation: int        # degrees clockwise the content was turned on the page (0, 90, 180, 270)
    text: str
    boxes: bytes | None  # float32 quadruples, one per character of text
    score: float | None = None  # mean recognition confidence (OCR only)


def search_key(text: str) -> tuple[str, array]:
    """`text` normalised for search and, per character kept, its index in `text`."""
    key: list[str] = []
    pos = array("I")
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        n = unicodedata.normalize("NFKC", ch).lower()
        if len(n) != 1:
            n = ch.lower() if len(ch.lower()) == 1 else ch
        key.append(n)
        pos.append(i)
    return "".join(key), pos


def normalise_query(text: str) -> str:
    return search_key(text)[0]


def path_of(folder: Path) -> Path:
    return Path(folder) / STORE


class ScanStore:
    """The store of one session folder. `writable=False` opens it read-only (an expert's copy)."""

    def __init__(self, folder: Path, *, writable: bool = True) -> None:
        self.folder = Path(folder)
        self.path = path_of(self.folder)
        self.writable = writable
        if writable:
            try:
                self.conn = sqlite3.connect(self.path, timeout=30)
                self.conn.executescript(_TABLES)
                self.conn.execute("insert or ignore into meta values ('schema', ?)", (str(SCHEMA),))
                self.conn.commit()
            except sqlite3.Error as exc:
                raise SessionError("{path}: the scan store cannot be written: {reason}", path=str(self.path),
                                   reason=str(exc)) from None
        else:
            self.conn = _open_read_only(self.path)

    @classmethod
    def existing(cls, folder: Path) -> "ScanStore | None":
        """The folder's store opened read-only, or None if there is none (or it cannot be read)."""
        if not path_of(folder).is_file():
            return None
        try:
            return cls(folder, writable=False)
        except SessionError:
            return None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "ScanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- text ------------------------------------------------------------

    def put_page(self, p: PageText) -> None:
        key, pos = search_key(p.text)
        with self.conn:
            self.conn.execute(
                "insert or replace into pages (sha256, page, source, rotation, text, boxes, pos, score) "
                "values (?, ?, ?, ?, ?, ?, ?, ?)",
                (p.sha256, p.page, p.source, p.rotation, p.text, p.boxes, pos.tobytes(), p.score))
            # the keys apart from the boxes: a search reads every page's key and only the hit pages' boxes
            self.conn.execute("insert or replace into page_keys values (?, ?, ?)", (p.sha256, p.page, key))

    def note_file(self, sha256: str, path: str, pages: int | None, *, started: bool = False,
                  finished: bool = False) -> None:
        now = _now()
        with self.conn:
            self.conn.execute("insert or ignore into files (sha256, path, pages) values (?, ?, ?)",
                              (sha256, path, pages))
            self.conn.execute("update files set path = ?, pages = ? where sha256 = ?", (path, pages, sha256))
            if started:
                self.conn.execute("update files set ocr_started = coalesce(ocr_started, ?) where sha256 = ?",
                                  (now, sha256))
            if finished:
                self.conn.execute("update files set ocr_finished = ? where sha256 = ?", (now, sha256))

    def done_pages(self, sha256: str) -> set[int]:
        return {r[0] for r in self.conn.execute("select page from pages where sha256 = ?", (sha256,))}

    def page_count(self, sha256: str) -> int:
        return self.conn.execute("select count(*) from pages where sha256 = ?", (sha256,)).fetchone()[0]

    def keys(self, sha256: str) -> list[tuple[int, str]]:
        """(page, search key) of every stored page of the material, in page order."""
        return list(self.conn.execute("select page, key from page_keys where sha256 = ? order by page", (sha256,)))

    def page_detail(self, sha256: str, page: int) -> tuple[str, array, array] | None:
        """(text, pos, boxes) of one page; boxes empty where none were stored."""
        row = self.conn.execute("select text, pos, boxes from pages where sha256 = ? and page = ?",
                                (sha256, page)).fetchone()
        if row is None:
            return None
        pos = array("I")
        pos.frombytes(row[1] or b"")
        boxes = array("f")
        boxes.frombytes(row[2] or b"")
        return row[0], pos, boxes

    def page_text(self, sha256: str, page: int) -> str | None:
        row = self.conn.execute("select text from pages where sha256 = ? and page = ?", (sha256, page)).fetchone()
        return row[0] if row else None

    def rotations(self, sha256: str) -> dict[int, int]:
        """Page → the turn the recogniser found (only pages it read)."""
        return {r[0]: r[1] for r in self.conn.execute(
            "select page, rotation from pages where sha256 = ? and source = 'ocr'", (sha256,))}

    def has_text(self, sha256: str) -> bool:
        return self.conn.execute("select 1 from page_keys where sha256 = ? and key != '' limit 1",
                                 (sha256,)).fetchone() is not None

    # -- findings --------------------------------------------------------

    def replace_findings(self, applicant_id: str, rows: Iterable[dict[str, Any]]) -> None:
        with self.conn:
            self.conn.execute("delete from findings where applicant_id = ?", (applicant_id,))
            self.conn.executemany(
                "insert or replace into findings (key, applicant_id, path, sha256, material, page, code, data, "
                "position) values (:key, :applicant_id, :path, :sha256, :material, :page, :code, :data, :position)",
                list(rows))

    def findings(self, applicant_id: str | None = None) -> Iterator[dict[str, Any]]:
        sql = "select * from findings" + (" where applicant_id = ?" if applicant_id else "") + \
              " order by applicant_id, position"
        cur = self.conn.execute(sql, (applicant_id,) if applicant_id else ())
        names = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(names, row))

    def accept(self, key: str, note: str) -> None:
        with self.conn:
            self.conn.execute("insert or replace into acceptances values (?, ?, ?)", (key, note, _now()))

    def unaccept(self, key: str) -> None:
        with self.conn:
            self.conn.execute("delete from acceptances where key = ?", (key,))

    def acceptances(self) -> dict[str, tuple[str, str]]:
        return {r[0]: (r[1], r[2]) for r in self.conn.execute("select key, note, at from acceptances")}

    def set_meta(self, key: str, value: Any) -> None:
        with self.conn:
            self.conn.execute("insert or replace into meta values (?, ?)", (key, json.dumps(value)))

    def meta(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("select value from meta where key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default


def _open_read_only(path: Path) -> sqlite3.Connection:
    last: Exception | None = None
    for suffix in ("?mode=ro", "?immutable=1"):
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + suffix, uri=True)
            conn.execute("select count(*) from pages").fetchone()
            return conn
        except sqlite3.Error as exc:
            last = exc
    raise SessionError("{path}: the scan store cannot be read: {reason}", path=str(path), reason=str(last))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
