"""A review session: one folder holding a manifest and the applicants' materials.

    OUT_DIR/session.sqlite                 the manifest (schema: MIGRATIONS below)
    OUT_DIR/materials/<applicant id>/...   the materials as handed in

The manifest keeps a snapshot of every rubric the session uses, so editing
rubrics/ later never changes a running session, and the size and SHA-256 of
every material file, so `Session.verify()` can tell a replaced or damaged file
from the one the experts were given. A session is written once by `create()`
and only read afterwards: `open_session()` opens the manifest read-only, so a
session on a write-protected stick or share opens as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import sqlite_utils
from sqlite_utils.migrations import Migrations

from app import __version__
from app import quota as quota_mod
from app import rubric as rubric_mod
from app.errors import PanelReviewError, RubricError, SessionError, TableError
from app.quota import Quota
from app.rubric import Applied, Rubric
from app import files as files_mod
from app.tables import (APPLICANT_COLUMNS, Applicant, Expert, Table, header_key, parse_applicants, parse_experts,
                        problems_error, read_table)

__all__ = ["Applicant", "Expert", "MaterialFile", "Verification", "Session", "create", "open_session",
           "match_material", "DEFAULT_SETTINGS", "METHODS", "MANIFEST"]

MANIFEST = "session.sqlite"
MATERIALS = "materials"
METHODS = ("mean", "trimmed_mean", "median")
DEFAULT_SETTINGS: dict[str, Any] = {
    "method": "mean",
    "trim_min_experts": 5,
    # No document sets a minimum panel per applicant: None ranks every applicant and warns (财政部令第87号
    # 第四十七条 asks for 5 or more, an odd number); a number the secretary sets excludes, and is printed.
    "min_experts": None,
    "decimals": 2,
    "condition_rule": "majority",
    "flag_total_threshold": 15,
    "flag_spread_fraction": 0.5,
    # The documents do not say what a majority's "do not recommend" does to a scored applicant:
    # "advisory" ranks it with a warning, "majority" does not rank it. The secretary chooses.
    "recommendation_rule": "advisory",
    # 000 五（三）: "按照分数高低，依次进行实地考察" — candidates only after a field inspection; 003 has none.
    "field_inspection": "required",
    # 004 writes "记0分" for one level only; whether "meets none of the levels" (0 points, recorded and printed
    # as such) may be answered elsewhere the documents do not say: "allowed" or "refused".
    "none_of_levels": "allowed",
}
SETTING_CHOICES: dict[str, tuple[Any, ...]] = {
    "method": METHODS, "condition_rule": ("majority", "unanimous"),
    "recommendation_rule": ("advisory", "majority"), "field_inspection": ("required", "none"),
    "none_of_levels": ("allowed", "refused"),
}
# Files an operating system drops into folders by itself; never part of a hand-in.
JUNK = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass
class MaterialFile:
    applicant_id: str
    path: str            # relative to the session folder, with "/"
    size: int
    sha256: str
    material: str | None
    pages: int | None

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass
class Verification:
    """Material files that differ from the manifest (paths relative to the session, "/")."""

    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.changed or self.added)

    def as_dict(self) -> dict[str, list[str]]:
        return {"missing": list(self.missing), "changed": list(self.changed), "added": list(self.added)}


# --------------------------------------------------------------------------- schema

MIGRATIONS = Migrations("panelreview-session")


@MIGRATIONS()
def m001_manifest(db: sqlite_utils.Database) -> None:
    db["session"].create({"id": str, "title": str, "date": str, "created": str, "app_version": str}, pk="id")
    db["settings"].create({"key": str, "value": str}, pk="key")  # value: JSON
    db["quotas"].create({"category": str, "quota": int}, pk="category")
    db["rubrics"].create({"id": str, "version": str, "title": str, "snapshot": str, "sha256": str}, pk="id")
    db["applicants"].create({"id": str, "position": int, "name": str, "rubric_id": str, "category": str,
                             "folder": str, "profile": str}, pk="id", foreign_keys=[("rubric_id", "rubrics", "id")])
    db["experts"].create({"id": str, "position": int, "name": str, "organisation": str, "title": str}, pk="id")
    db["files"].create({"path": str, "applicant_id": str, "size": int, "sha256": str, "material": str,
                        "pages": int}, pk="path", foreign_keys=[("applicant_id", "applicants", "id")])
    db["files"].create_index(["applicant_id"])


@MIGRATIONS()
def m002_quota_groups(db: sqlite_utils.Database) -> None:
    """Quotas over several categories, per tier, with a reserve list (003); the old one-category ones kept."""
    db["quota_groups"].create({"position": int, "tier": str, "categories": str, "quota": int, "reserve": int},
                              pk="position")
    db["quota_groups"].insert_all(
        {"position": k, "tier": "", "categories": json.dumps([r["category"]], ensure_ascii=False),
         "quota": r["quota"], "reserve": 0} for k, r in enumerate(db["quotas"].rows))


# --------------------------------------------------------------------------- matching


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


# "01-", "1.", "2、", "(3)", "04_" before the material's name.
_NUMBER_PREFIX = re.compile(r"^(?:\(\d+\)|\d+(?:[-_.、)]|(?=\D)))+")


def _stem_key(filename: str) -> str:
    return _NUMBER_PREFIX.sub("", _norm(Path(filename).stem))


def match_material(filename: str, names: Iterable[str]) -> str | None:
    """The material `filename` is named after, or None (non-PDF files never match).

    The stem (without a leading number such as "01-" or "1.") equals a name,
    else starts with one, else contains one; case and spaces do not count.
    Between names matching alike, the longest wins ("管理制度汇编" over "管理制度").
    """
    if Path(filename).suffix.lower() != ".pdf":
        return None
    stem = _stem_key(filename)
    best: tuple[int, int, str] | None = None
    for name in names:
        key = _norm(name)
        if not key:
            continue
        if stem == key:
            rank = 3
        elif stem.startswith(key):
            rank = 2
        elif key in stem:
            rank = 1
        else:
            continue
        if best is None or (rank, len(key)) > best[:2]:
            best = (rank, len(key), name)
    return best[2] if best else None


# --------------------------------------------------------------------------- files


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in large blocks (a few MB take milliseconds)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _copy_hashing(src: Path, dst: Path) -> tuple[int, str]:
    """Copy `src` to `dst` in one pass, returning size and SHA-256 of what was written."""
    h = hashlib.sha256()
    size = 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(1 << 20):
            h.update(chunk)
            fout.write(chunk)
            size += len(chunk)
    shutil.copystat(src, dst)  # made durable all at once (files.sync_files) before the session is renamed in
    return size, h.hexdigest()


def page_count(path: Path) -> int | None:
    """Pages of a PDF, or None when it cannot be opened (damaged, encrypted garbage, not a PDF)."""
    import pymupdf

    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)  # a damaged file is reported by us, not by MuPDF on stderr
    try:
        with pymupdf.open(path) as doc:
            return doc.page_count or None
    except Exception:  # noqa: BLE001 — MuPDF raises many kinds; any of them means "damaged"
        return None
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)


def _is_junk(path: Path) -> bool:
    name = path.name
    return name.casefold() in JUNK or name.startswith("~$") or name.startswith("._")


# --------------------------------------------------------------------------- creating


def create(out_dir: Path, *, title: str, applicants: Path, experts: Path, materials: Path,
           date: str | None = None, quotas: Mapping[str, Any] | Iterable[Quota | str] | None = None,
           method: str = "mean", rubrics: Path | None = None, settings: Mapping[str, Any] | None = None) -> "Session":
    """Build a session folder at `out_dir` from the tables and materials; the opened Session.

    `quotas`: Quota values, their written forms ("A+B=2", "资金补助类:国际合作类=2/1"), or a mapping
    from the part before "=" to the part after ({"技能大师工作室": 2}). `settings` override
    DEFAULT_SETTINGS (each key must be one of them).

    Nothing is left at `out_dir` unless everything succeeded: the folder is
    built beside it and renamed into place at the end.
    """
    out_dir = Path(out_dir)
    materials = Path(materials)
    title = (title or "").strip()
    if not title:
        raise SessionError("the session needs a title")
    date = _check_date(date)
    if method not in METHODS:
        raise SessionError("unknown consensus method {method!r} (known: {known})", method=method,
                           known=", ".join(METHODS))
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise SessionError("{path} already exists and is not an empty folder; choose a new folder for the session",
                           path=str(out_dir))
    if not materials.is_dir():
        raise SessionError("{path}: the materials folder does not exist", path=str(materials))

    known = rubric_mod.load_all(rubrics)
    problems: list[PanelReviewError] = []
    people: list[Applicant] = []
    panel: list[Expert] = []
    hand_ins: dict[str, tuple[Path, list[Path]]] = {}
    try:
        table = read_table(applicants)
        people, found = parse_applicants(table, known, materials=materials)
        problems += found
        if not found:
            hand_ins, found = _hand_ins(table, people, materials)
            problems += found
    except TableError as exc:
        problems.append(exc)
    try:
        panel, found = parse_experts(read_table(experts))
        problems += found
    except TableError as exc:
        problems.append(exc)
    if problems:
        raise problems_error(problems)

    used = {a.rubric_id: known[a.rubric_id] for a in people}
    groups = _check_quotas(quotas or {}, people, used)
    chosen = _check_settings(dict(settings or {}, method=method))

    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".creating", dir=out_dir.parent))
    except OSError as exc:
        raise SessionError("cannot create the session folder {path}: {reason}", path=str(out_dir),
                           reason=str(files_mod.storage_error(exc, out_dir.parent))) from None
    try:
        _write(tmp, title=title, date=date, quotas=groups, settings=chosen, rubrics=used, applicants=people,
               experts=panel, hand_ins=hand_ins)
        if out_dir.exists():
            out_dir.rmdir()  # empty, checked above
        os.replace(tmp, out_dir)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise SessionError("cannot create the session folder {path}: {reason}", path=str(out_dir),
                           reason=str(files_mod.storage_error(exc, exc.filename or out_dir))) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    from app import fonts

    created = open_session(out_dir)
    # names with a character no bundled font can print (they would print as □): a warning, not an error
    created.warnings = fonts.name_warnings(people, panel, applicants_file=applicants, experts_file=experts)
    return created


def _check_date(date: str | None) -> str:
    if not date:
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(date.strip()).isoformat()
    except ValueError:
        raise SessionError("date {value!r} must be written YYYY-MM-DD", value=date) from None


def _check_quotas(quotas: Mapping[str, Any] | Iterable[Quota | str], people: list[Applicant],
                  used: dict[str, Rubric]) -> list[Quota]:
    known = {a.category for a in people}
    for r in used.values():
        known.add(r.carrier_type_name)
        known.update(r.categories)
    if isinstance(quotas, Mapping):
        quotas = [f"{k}={v}" for k, v in quotas.items()]
    return quota_mod.check([q if isinstance(q, Quota) else quota_mod.parse(q) for q in quotas], known)


def _check_settings(settings: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(settings) - set(DEFAULT_SETTINGS))
    if unknown:
        raise SessionError("unknown session setting {key} (known: {known})", key=unknown[0],
                           known=", ".join(DEFAULT_SETTINGS))
    for key, allowed in SETTING_CHOICES.items():
        if key in settings and settings[key] not in allowed:
            raise SessionError("setting {key} cannot be {value!r} (choose {allowed})", key=key, value=settings[key],
                               allowed=" / ".join(str(a) for a in allowed))
    return dict(DEFAULT_SETTINGS, **settings)


def _hand_ins(table: Table, people: list[Applicant], materials: Path
              ) -> tuple[dict[str, tuple[Path, list[Path]]], list[PanelReviewError]]:
    """Each applicant's folder and files, all inside `materials` (app.files.inside), and what was refused.

    The folder a row names must lie inside the materials folder the secretary
    chose; a symbolic link in it is refused, never copied by content.
    """
    keys = {header_key(w) for w in APPLICANT_COLUMNS["folder"]}
    col = next((i for i, h in enumerate(table.header) if header_key(h) in keys), None)
    if col is None:
        col = next((i for i, h in enumerate(table.header) if header_key(h) in
                    {header_key(w) for w in APPLICANT_COLUMNS["id"]}), 0)
    out: dict[str, tuple[Path, list[Path]]] = {}
    problems: list[PanelReviewError] = []
    base = Path(materials).resolve()
    column = table.column_name(col)
    for k, a in enumerate(people):
        row = a.rubric_choice.row if a.rubric_choice else table.header_row + 1 + k
        where = dict(file=table.file, row=row, column=column, value=a.folder)
        try:
            src = files_mod.inside(base, a.folder, resolved=True)
        except files_mod.OutsideFolder as exc:
            problems.append(TableError("{file}: row {row}, column {column}: the folder {value!r} is refused: "
                                       "{reason}; name a folder inside {materials}", reason=str(exc),
                                       materials=str(materials), **where))
            continue
        found, links = files_mod.walk_regular(src)
        for link in links:
            problems.append(TableError("{file}: row {row}, column {column}: {link} in folder {value!r} is a "
                                       "symbolic link; links are not copied into a session: put the file itself "
                                       "in the folder", link=link.relative_to(src).as_posix(), **where))
        out[a.id] = (src, sorted((f for f in found if not _is_junk(f)), key=lambda f: f.relative_to(src).as_posix()))
    return out, problems


def _write(folder: Path, *, title: str, date: str, quotas: list[Quota], settings: dict[str, Any],
           rubrics: dict[str, Rubric], applicants: list[Applicant], experts: list[Expert],
           hand_ins: dict[str, tuple[Path, list[Path]]]) -> None:
    files = []
    wanted: dict[tuple, list[str]] = {}  # the materials a rubric asks of a profile (many applicants share one)
    for a in applicants:
        src, hand_in = hand_ins[a.id]
        key = (a.rubric_id, tuple(sorted(a.profile.items())))
        if key not in wanted:
            wanted[key] = [m.name for m in rubrics[a.rubric_id].apply(a.profile).materials]
        names = wanted[key]
        for f in hand_in:
            rel = Path(MATERIALS, a.id, f.relative_to(src))
            dst = folder / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            size, digest = _copy_hashing(f, dst)
            material = match_material(f.name, names)
            pages = page_count(dst) if dst.suffix.lower() == ".pdf" else None
            files.append({"path": rel.as_posix(), "applicant_id": a.id, "size": size, "sha256": digest,
                          "material": material, "pages": pages})
    files_mod.sync_files([folder / f["path"] for f in files])

    db = sqlite_utils.Database(folder / MANIFEST)
    try:
        MIGRATIONS.apply(db)
        with db.atomic():
            db["session"].insert({"id": uuid.uuid4().hex, "title": title, "date": date,
                                  "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                  "app_version": __version__})
            db["settings"].insert_all({"key": k, "value": json.dumps(v)} for k, v in settings.items())
            # one-category quotas also in the old table, as the first schema kept them
            db["quotas"].insert_all({"category": q.categories[0], "quota": q.limit} for q in quotas
                                    if len(q.categories) == 1 and not q.tier and not q.reserve)
            db["quota_groups"].insert_all(
                {"position": k, "tier": q.tier, "categories": json.dumps(list(q.categories), ensure_ascii=False),
                 "quota": q.limit, "reserve": q.reserve} for k, q in enumerate(quotas))
            for r in rubrics.values():
                snap = r.snapshot()
                db["rubrics"].insert({"id": r.id, "version": r.version, "title": r.title, "snapshot": snap,
                                      "sha256": hashlib.sha256(snap.encode("utf-8")).hexdigest()})
            db["applicants"].insert_all(
                {"id": a.id, "position": k, "name": a.name, "rubric_id": a.rubric_id, "category": a.category,
                 "folder": a.folder, "profile": json.dumps(a.profile, ensure_ascii=False, sort_keys=True)}
                for k, a in enumerate(applicants))
            db["experts"].insert_all(
                {"id": e.id, "position": k, "name": e.name, "organisation": e.organisation, "title": e.title}
                for k, e in enumerate(experts))
            db["files"].insert_all(files)
    finally:
        db.close()


# --------------------------------------------------------------------------- opening


def _indexed(session: "Session", name: str) -> dict[str, Any]:
    """id → entry of the session's list `name` (applicants, experts), rebuilt when the list is replaced or grows."""
    people = getattr(session, name)
    cache = session.__dict__.setdefault("_index", {})
    key = (id(people), len(people))
    if name not in cache or cache[name][0] != key:
        index: dict[str, Any] = {}
        for p in people:
            index.setdefault(p.id, p)  # the first wins, as the scan did
        cache[name] = (key, index)
    return cache[name][1]


def _connect(manifest: Path, mode: str) -> sqlite3.Connection:
    uri = manifest.resolve().as_uri() + ("?mode=ro" if mode == "ro" else "?immutable=1")
    return sqlite3.connect(uri, uri=True)


def _open_manifest(folder: Path) -> tuple[sqlite3.Connection, str]:
    """A read-only connection to the manifest and how it was opened ("ro" or "immutable")."""
    manifest = folder / MANIFEST
    last: Exception | None = None
    for mode in ("ro", "immutable"):
        conn = None
        try:
            conn = _connect(manifest, mode)
            conn.execute("select count(*) from sqlite_master").fetchone()
            return conn, mode
        except sqlite3.OperationalError as exc:
            # mode=ro can fail on a write-protected folder holding a journal, or
            # on shares without locking; immutable=1 reads the file as it is.
            last = exc
            if conn is not None:
                conn.close()
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
            raise SessionError("{path}: {file} is not a session manifest (not an SQLite database)",
                               path=str(folder), file=MANIFEST) from None
    raise SessionError("{path}: cannot open {file}: {reason}", path=str(folder), file=MANIFEST,
                       reason=str(last)) from None


def _check_schema(folder: Path, db: sqlite_utils.Database) -> None:
    known = {m.name for m in MIGRATIONS._migrations}
    try:
        applied = [m.name for m in MIGRATIONS.applied(db)]
    except sqlite3.DatabaseError:
        applied = []
    if not applied:
        raise SessionError("{path}: {file} is not a PanelReview session manifest", path=str(folder), file=MANIFEST)
    newer = [n for n in applied if n not in known]
    if newer:
        raise SessionError("{path} was made by a newer version of PanelReview (schema {schema}); "
                           "update PanelReview to open it", path=str(folder), schema=newer[-1])


def _upgrade(folder: Path) -> None:
    """Bring a manifest written by an older version up to date (needs a writable folder)."""
    try:
        db = sqlite_utils.Database(folder / MANIFEST)
        try:
            MIGRATIONS.apply(db)
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise SessionError("{path} was made by an older version of PanelReview and cannot be upgraded here: "
                           "{reason}", path=str(folder), reason=str(exc)) from None


def open_session(path: Path, *, verify: bool = False) -> "Session":
    """The session in folder `path`; SessionError if it is not one or cannot be read.

    Missing, changed or added material files do not raise: `Session.verify()`
    reports them (with `verify=True` it runs now, so a caller can show them).
    """
    folder = Path(path)
    if not folder.is_dir():
        raise SessionError("{path}: no such folder", path=str(folder)) if not folder.exists() else \
            SessionError("{path} is a file, not a session folder", path=str(folder))
    if not (folder / MANIFEST).is_file():
        raise SessionError("{path} is not a review session: it has no {file}", path=str(folder), file=MANIFEST)
    conn, mode = _open_manifest(folder)
    db = sqlite_utils.Database(conn)
    try:
        _check_schema(folder, db)
        if MIGRATIONS.pending(db):
            conn.close()
            _upgrade(folder)
            conn, mode = _open_manifest(folder)
            db = sqlite_utils.Database(conn)
        session = Session._load(folder, db, mode)
    except sqlite3.DatabaseError as exc:
        raise SessionError("{path}: the manifest {file} is damaged: {reason}", path=str(folder), file=MANIFEST,
                           reason=str(exc)) from None
    finally:
        conn.close()
    if verify:
        session.verify()
    return session


class Session:
    """An opened session: its manifest in memory, its materials on disk."""

    path: Path
    id: str
    title: str
    date: str
    created: str
    app_version: str
    open_mode: str  # how the manifest was opened: "ro" or "immutable" (never writable)
    settings: dict[str, Any]
    quota_groups: list[Quota]
    rubrics: dict[str, Rubric]
    applicants: list[Applicant]
    experts: list[Expert]

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._files: list[MaterialFile] = []
        self._hashes: dict[str, str] = {}
        self._applied: dict[str, Applied] = {}
        self._verification: Verification | None = None
        self.warnings: list = []  # Sentences for whoever created the session (app.fonts.name_warnings)

    @classmethod
    def _load(cls, folder: Path, db: sqlite_utils.Database, mode: str) -> "Session":
        s = cls(folder)
        s.open_mode = mode
        row = next(iter(db["session"].rows), None)
        if row is None:
            raise SessionError("{path}: {file} is not a PanelReview session manifest", path=str(folder),
                               file=MANIFEST)
        s.id, s.title, s.date = row["id"], row["title"], row["date"]
        s.created, s.app_version = row["created"], row["app_version"]
        s.settings = dict(DEFAULT_SETTINGS)
        s.settings.update({r["key"]: json.loads(r["value"]) for r in db["settings"].rows})
        s.quota_groups = [Quota(tuple(json.loads(r["categories"])), r["quota"], r["tier"] or "", r["reserve"] or 0)
                          for r in db["quota_groups"].rows_where(order_by="position")]
        s.rubrics = {}
        for r in db["rubrics"].rows:
            if hashlib.sha256(r["snapshot"].encode("utf-8")).hexdigest() != r["sha256"]:
                raise SessionError("{path}: the manifest's copy of rubric {id} was altered", path=str(folder),
                                   id=r["id"])
            try:
                s.rubrics[r["id"]] = rubric_mod.from_data(json.loads(r["snapshot"]),
                                                          origin=f"{folder / MANIFEST}#{r['id']}")
            except (RubricError, ValueError) as exc:
                raise SessionError("{path}: the manifest's copy of rubric {id} cannot be read: {reason}",
                                   path=str(folder), id=r["id"], reason=str(exc)) from None
            s._hashes[r["id"]] = r["sha256"]
        s.applicants = [Applicant(r["id"], r["name"], r["rubric_id"], r["category"], r["folder"],
                                  json.loads(r["profile"]))
                        for r in db["applicants"].rows_where(order_by="position")]
        s.experts = [Expert(r["id"], r["name"], r["organisation"] or "", r["title"] or "")
                     for r in db["experts"].rows_where(order_by="position")]
        s._files = [MaterialFile(r["applicant_id"], r["path"], r["size"], r["sha256"], r["material"], r["pages"])
                    for r in db["files"].rows_where(order_by="applicant_id, path")]
        return s

    def __repr__(self) -> str:
        return f"<Session {self.id} {self.title!r} at {self.path}>"

    @property
    def quotas(self) -> dict[str, int]:
        """The one-category quotas without tier or reserve, by category (the common case: 000 四)."""
        return {q.categories[0]: q.limit for q in self.quota_groups
                if len(q.categories) == 1 and not q.tier and not q.reserve}

    # -- lookups ---------------------------------------------------------

    def applicant(self, applicant_id: str) -> Applicant:
        found = _indexed(self, "applicants").get(applicant_id)
        if found is None:
            raise SessionError("session {title} has no applicant {id}", title=self.title, id=applicant_id)
        return found

    def expert(self, expert_id: str) -> Expert:
        found = _indexed(self, "experts").get(expert_id)
        if found is None:
            raise SessionError("session {title} has no expert {id}", title=self.title, id=expert_id)
        return found

    def applied(self, applicant_id: str) -> Applied:
        """The session's copy of the applicant's rubric, applied to its profile."""
        if applicant_id not in self._applied:
            a = self.applicant(applicant_id)
            self._applied[applicant_id] = self.rubrics[a.rubric_id].apply(a.profile)
        return self._applied[applicant_id]

    def materials(self, applicant_id: str) -> list[MaterialFile]:
        self.applicant(applicant_id)
        key = id(self._files), len(self._files)
        if getattr(self, "_by_applicant", (None,))[0] != key:
            by: dict[str, list[MaterialFile]] = {}
            for f in self._files:
                by.setdefault(f.applicant_id, []).append(f)
            self._by_applicant = (key, by)
        return list(self._by_applicant[1].get(applicant_id, []))

    def material_at(self, rel: str) -> MaterialFile | None:
        """The material file at `rel` (its path inside the session folder, with "/"), or None."""
        key = id(self._files), len(self._files)
        if getattr(self, "_by_path", (None,))[0] != key:  # one pass over the files, not one for each lookup
            self._by_path = (key, {f.path: f for f in self._files})
        return self._by_path[1].get(rel)

    def material_path(self, mf: MaterialFile) -> Path:
        return self.path.joinpath(*mf.path.split("/"))

    def rubric_hashes(self) -> dict[str, str]:
        """Rubric id → SHA-256 of its snapshot: score files name the rubrics they were made for."""
        return dict(self._hashes)

    # -- checking --------------------------------------------------------

    def verify(self, *, refresh: bool = False) -> Verification:
        """Material files missing, changed (size or SHA-256) or added since the session was made."""
        if self._verification is not None and not refresh:
            return self._verification
        v = Verification()
        listed = set()
        for f in self._files:
            listed.add(f.path)
            p = self.material_path(f)
            try:
                size = p.stat().st_size
            except OSError:
                v.missing.append(f.path)
                continue
            # A different size needs no hash; an equal size (a same-length edit) does.
            try:
                if size != f.size or sha256_file(p) != f.sha256:
                    v.changed.append(f.path)
            except OSError:
                v.changed.append(f.path)
        root = self.path / MATERIALS
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                if p.is_file() and not _is_junk(p):
                    rel = p.relative_to(self.path).as_posix()
                    if rel not in listed:
                        v.added.append(rel)
        self._verification = v
        return v

    def report(self, applicant_id: str) -> dict[str, Any]:
        """What the applicant handed in against what its rubric asks for (pages counted now)."""
        a = self.applicant(applicant_id)
        wanted = self.applied(applicant_id).materials
        files = self.materials(applicant_id)
        present, unmatched, over = [], [], []
        for f in files:
            if f.material is None:
                unmatched.append(f.name)
                continue
            p = self.material_path(f)
            pages = page_count(p) if p.is_file() else None
            entry = {"material": f.material, "file": f.name, "path": f.path, "pages": pages,
                     "damaged": p.is_file() and pages is None, "exists": p.is_file()}
            present.append(entry)
            limit = next((m.max_pages for m in wanted if m.name == f.material), None)
            if limit is not None and pages is not None and pages > limit:
                over.append({"material": f.material, "file": f.name, "pages": pages, "max_pages": limit})
        have = {e["material"] for e in present}
        missing = [m.name for m in wanted if m.name not in have]
        order = {m.name: k for k, m in enumerate(wanted)}
        present.sort(key=lambda e: (order.get(e["material"], len(order)), e["file"]))
        return {"id": a.id, "name": a.name, "rubric": a.rubric_id, "category": a.category,
                "profile": dict(a.profile), "present": present, "missing": missing, "unmatched": unmatched,
                "over_limit": over}

    def info(self) -> dict[str, Any]:
        """The session, each applicant's materials and the verification, as JSON data."""
        return {
            "session": {"id": self.id, "title": self.title, "date": self.date, "created": self.created,
                        "app_version": self.app_version, "path": str(self.path),
                        "rubrics": self.rubric_hashes(), "quotas": dict(self.quotas),
                        "quota_groups": [q.text() for q in self.quota_groups],
                        "settings": dict(self.settings), "experts": len(self.experts)},
            "applicants": [self.report(a.id) for a in self.applicants],
            "verify": self.verify().as_dict(),
        }
