"""Search the stored text of scans: hits with their boxes on the page, across one material or all of an
applicant's materials. Reads the session's scan store only, so it needs no OCR runtime.

A query matches across line breaks and ignores white space, width (全角/半角) and case: "培训 人数"
finds 培训人数 split over two lines. A hit's `rects` are fractions of the page as shown (x0, y0, x1, y1),
one per line it spans, which is what the viewer paints.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from app.scanstore import ScanStore, normalise_query, path_of

SNIPPET = 18
"""Characters of context on each side of a hit in the hit list."""


@dataclass
class Hit:
    path: str                   # the material's path relative to the session ("/")
    page: int                   # 0-based
    rects: list[tuple[float, float, float, float]]
    snippet: str                # the hit with some text around it, on one line
    start: int = 0              # where the hit starts in the snippet
    length: int = 0


@dataclass
class MaterialText:
    """The stored text of one material: its pages' search keys in memory, boxes read for hit pages only."""

    store: ScanStore
    sha256: str
    path: str
    keys: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def load(cls, store: ScanStore, sha256: str, path: str) -> "MaterialText":
        return cls(store, sha256, path, store.keys(sha256))

    @property
    def pages(self) -> int:
        return len(self.keys)

    def __bool__(self) -> bool:
        return any(k for _, k in self.keys)

    def find(self, query: str, *, limit: int = 2000) -> list[Hit]:
        q = normalise_query(query)
        if not q:
            return []
        hits: list[Hit] = []
        for page, key in self.keys:
            at = key.find(q)
            if at < 0:
                continue
            starts = []
            while at >= 0:
                starts.append(at)
                at = key.find(q, at + len(q))
            detail = self.store.page_detail(self.sha256, page)
            if detail is None:
                continue
            text, pos, boxes = detail
            for s in starts:
                hits.append(_hit(self.path, page, text, pos, boxes, s, len(q)))
                if len(hits) >= limit:
                    return hits
        return hits


def _hit(path: str, page: int, text: str, pos: array, boxes: array, start: int, length: int) -> Hit:
    first, last = pos[start], pos[start + length - 1]
    rects: list[tuple[float, float, float, float]] = []
    line: list[float] | None = None
    for i in range(first, last + 1):
        if text[i] == "\n":
            if line:
                rects.append(tuple(line))  # type: ignore[arg-type]
            line = None
            continue
        if 4 * i + 3 >= len(boxes) or text[i].isspace():
            continue
        x0, y0, x1, y1 = boxes[4 * i:4 * i + 4]
        if x1 <= x0 and y1 <= y0:
            continue
        if line is None:
            line = [x0, y0, x1, y1]
        else:
            line = [min(line[0], x0), min(line[1], y0), max(line[2], x1), max(line[3], y1)]
    if line:
        rects.append(tuple(line))  # type: ignore[arg-type]
    a = max(0, first - SNIPPET)
    b = min(len(text), last + 1 + SNIPPET)
    snippet = text[a:b].replace("\n", " ")
    return Hit(path, page, rects, snippet, first - a, last + 1 - first)


class SessionText:
    """The stored text of a session's materials (opened read-only; None-like if the session has none)."""

    def __init__(self, session) -> None:
        self.session = session
        self._seen = self._signature()
        self.store = ScanStore.existing(session.path)
        self._cache: dict[str, MaterialText] = {}

    def _signature(self) -> tuple:
        """What the store file (and a write-ahead log beside it) look like on disk now."""
        out = []
        for path in (path_of(self.session.path), Path(str(path_of(self.session.path)) + "-wal")):
            try:
                st = path.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    def stale(self) -> bool:
        """Whether the store was made or written since this was opened (text recognised since, on this
        machine or by the secretary's on a shared folder): read it again to see the new text."""
        return self._signature() != self._seen

    def __bool__(self) -> bool:
        return self.store is not None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def material(self, mf) -> MaterialText | None:
        """The text of one MaterialFile (None: nothing stored for it)."""
        if self.store is None:
            return None
        if mf.sha256 not in self._cache:
            self._cache[mf.sha256] = MaterialText.load(self.store, mf.sha256, mf.path)
        text = self._cache[mf.sha256]
        return text if text else None

    def for_path(self, path: str | Path) -> MaterialText | None:
        """The text of the material at `path` (absolute, inside the session folder), or None."""
        try:
            rel = Path(path).resolve().relative_to(self.session.path.resolve()).as_posix()
        except ValueError:
            return None
        mf = self.session.material_at(rel)
        return self.material(mf) if mf is not None else None

    def search_applicant(self, applicant_id: str, query: str, *, only: Iterable[str] | None = None) -> list[Hit]:
        """Hits in every material of the applicant (in the session's order), or in the paths `only`."""
        wanted = set(only) if only is not None else None
        hits: list[Hit] = []
        for mf in self.session.materials(applicant_id):
            if wanted is not None and mf.path not in wanted:
                continue
            text = self.material(mf)
            if text is not None:
                hits += text.find(query)
        return hits


def session_of(path: str | Path):
    """The session a material path lies in (…/SESSION/materials/<applicant>/file), or None."""
    from app.errors import SessionError
    from app.session import MANIFEST, open_session

    p = Path(path).resolve()
    for parent in p.parents:
        if (parent / MANIFEST).is_file() and (parent / "materials") in p.parents:
            try:
                return open_session(parent)
            except SessionError:
                return None
    return None


_NUMBERING = re.compile(r"^[\s\d.．、()（）一二三四五六七八九十]+")


def criterion_terms(text: str, evidence: Iterable[str] = ()) -> list[str]:
    """One-click searches for a criterion: the words of its heading (before "，满分N分", split at 与、和、及),
    what it quotes (“…”, 《…》), then the names of the materials it is judged on — the documents' own words."""
    head = _NUMBERING.sub("", text or "")
    head = re.split(r"[,，;；。:：]", head, maxsplit=1)[0]
    quoted = re.findall(r"[“《]([^”》]{2,20})[”》]", text or "")
    parts = [p.strip("“”《》 ") for p in re.split(r"与|和|及|、|或", head)]
    words = [p for p in parts if 2 <= len(p) <= 12]
    return list(dict.fromkeys(quoted + words + [e for e in evidence if e]))
