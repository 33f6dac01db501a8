"""The secretary's result file: where it lives, and the only code that knows its tables.

A `ResultFile` writes a typed `Result` whole (a reader never meets half a
result) and reads it back, every figure as a Decimal. Like a score file, it
decides its own place: `ResultFile.for_session(session)` is the session's
earlier result where it can be written again, else the first writable place
(the session folder, then the data folder, for a session on a read-only stick).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import __version__, files, paths
from app.decision import ineligible_reasons, make_flag
from app.errors import MergeError, PanelReviewError
from app.i18n import Sentence
from app.result import (Agreement, Answer, ApplicantResult, Category, Citation, ConditionResult, ExpertScores,
                        FileStatus, Inspection, PanelMember, Part, Result, RoundChange)
from app.session import Session
from app.vocabulary import CHANGED

KIND = "panelreview-result"
SCHEMA = 2  # 2: expert_applicants.missing; categories are quotas (tier, members, reserve list), keyed by position
SUFFIX = ".prresult"
NAME = "result.sqlite"  # the session's own result file, as the secretary's window has always named it

TABLES: dict[str, tuple[dict[str, type], Any]] = {
    "meta": ({"key": str, "value": str}, "key"),
    "files": ({"position": int, "path": str, "expert_id": str, "expert_name": str, "organisation": str,
               "title": str, "fingerprint": str, "round": int, "status": str, "reason": str}, "position"),
    "experts": ({"id": str, "position": int, "name": str, "organisation": str, "title": str, "merged": int}, "id"),
    "applicants": ({"id": str, "position": int, "name": str, "category": str, "rubric_id": str, "variant": str,
                    "profile": str, "has_points": int, "experts_scored": str, "recused": str, "eligible": int,
                    "failed": str, "total": str, "sections": str, "criteria": str, "rec_yes": int, "rec_no": int,
                    "priority_met": str, "rank": int, "tied": int, "status": str}, "id"),
    "parts": ({"applicant_id": str, "position": int, "kind": str, "id": str, "parent": str, "text": str,
               "max": str}, ("applicant_id", "position")),
    # answers: JSON {item id: [value, level index, counted 0/1]} as the expert gave them;
    # sections, criteria: JSON {id: points as decimal text}; the consensus ones are in applicants
    "expert_applicants": ({"applicant_id": str, "expert_id": str, "recused": str, "total": str, "decision": str,
                           "opinion": str, "answers": str, "sections": str, "criteria": str, "missing": str},
                          ("applicant_id", "expert_id")),
    "comments": ({"applicant_id": str, "expert_id": str, "target_id": str, "text": str},
                 ("applicant_id", "expert_id", "target_id")),
    "citations": ({"applicant_id": str, "expert_id": str, "target_id": str, "material": str, "file": str,
                   "page": int}, None),
    "conditions": ({"applicant_id": str, "item_id": str, "kind": str, "text": str, "met": int, "yes": int,
                    "no": int}, ("applicant_id", "item_id")),
    "flags": ({"applicant_id": str, "kind": str, "expert_id": str, "criterion_id": str, "data": str}, None),
    "changes": ({"expert_id": str, "applicant_id": str, "target_id": str, "criterion_id": str, "round_from": int,
                 "round_to": int, "old": str, "new": str, "reason": str, "at": str, "kind": str, "request": str,
                 "ground": str}, None),  # re-check rounds: the reason, changed or confirmed, the request
    "inspections": ({"applicant_id": str, "result": str, "note": str, "at": str}, "applicant_id"),
    "categories": ({"name": str, "position": int, "quota": int, "candidates": str, "awaiting": str,
                    "boundary_tie": str, "tier": str, "members": str, "reserve": int, "reserves": str,
                    "reserve_tie": str}, "position"),
    "agreement": ({"category": str, "name": str, "value": str, "applicants": int, "experts": int}, "category"),
    "leniency": ({"expert_id": str, "value": str, "applicants": int}, "expert_id"),
}
INDEXES = {"citations": ["applicant_id"], "flags": ["applicant_id"], "changes": ["applicant_id"]}


class ResultFile:
    """One result file on disk; `write(result)` and `load()` are all that callers need."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"ResultFile({str(self.path)!r})"

    # ------------------------------------------------------------------ where it lives

    @staticmethod
    def places(session: Session) -> list[Path]:
        """Where the session's result file may be: in the session folder, else in the data folder."""
        return [session.path / "results" / NAME, paths.data_dir() / "results" / session.id / NAME]

    @classmethod
    def existing(cls, session: Session) -> "ResultFile | None":
        """The session's result file from an earlier merge, if one can be read."""
        for p in cls.places(session):
            if p.is_file():
                try:
                    db = cls(p)._open()  # the meta table says whose it is: no need to read the whole result
                except PanelReviewError:
                    continue
                try:
                    meta = {r["key"]: r["value"] for r in db["meta"].rows}
                finally:
                    db.close()
                if meta.get("session_id") == session.id and not meta.get(RECORDS_ONLY):
                    return cls(p)
        return None

    @classmethod
    def for_session(cls, session: Session) -> "ResultFile":
        """Where a merge writes: the earlier result if it can be written again, else the first writable place."""
        found = cls.existing(session)
        if found is not None and _writable(found.path.parent):
            return found
        for p in cls.places(session):
            if _writable(p.parent):
                return cls(p)
        raise MergeError("no folder to keep the result in can be written: {folders}",
                         folders=", ".join(str(p.parent) for p in cls.places(session)))

    # ------------------------------------------------------------------ reading

    def load(self) -> Result:
        """The merged result, with every figure as a Decimal; MergeError if this is not a result file."""
        db = self._open()
        try:
            return _Reader(db).result(str(self.path))
        except (sqlite3.DatabaseError, KeyError, ValueError) as exc:
            raise MergeError("{file}: the result file is damaged: {reason}", file=str(self.path),
                             reason=str(exc)) from None
        finally:
            db.close()

    def inspections(self, session_id: str) -> dict[str, Inspection]:
        """The inspections recorded by an earlier merge of the same session (none if there is no such file)."""
        if not self.path.is_file():
            return {}
        try:
            db = self._open()
        except MergeError:
            return {}
        try:
            meta = {r["key"]: r["value"] for r in db["meta"].rows}
            if meta.get("session_id") != session_id:
                return {}
            return {r["applicant_id"]: Inspection(r["result"], r["note"] or "", r["at"])
                    for r in db["inspections"].rows}
        except sqlite3.Error:
            return {}
        finally:
            db.close()

    def _open(self) -> Database:
        if not self.path.is_file():
            raise MergeError("{file}: no such result file", file=str(self.path))
        try:
            db = Database(sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True))
            meta = {r["key"]: r["value"] for r in db["meta"].rows}
        except sqlite3.DatabaseError:
            raise MergeError("{file}: not a PanelReview result file", file=str(self.path)) from None
        if meta.get("kind") != KIND:
            db.close()
            raise MergeError("{file}: not a PanelReview result file", file=str(self.path))
        if meta.get(RECORDS_ONLY):
            db.close()
            raise MergeError("{file}: nothing has been merged into this result file yet", file=str(self.path))
        if int(meta.get("schema", "0")) > SCHEMA:
            db.close()
            raise MergeError("{file}: written by a newer PanelReview; update PanelReview to read it",
                             file=str(self.path))
        return db

    # ------------------------------------------------------------------ writing

    def write(self, result: Result) -> Result:
        """Write `result` whole (app.files.replace_into); the result, now knowing its path."""
        rows = _rows(result)
        kept = _kept_records(self.path, result.session_id)  # the journal, notice, objections: not the merge's

        def fill(tmp: Path) -> None:
            conn = sqlite3.connect(tmp)
            conn.execute("PRAGMA journal_mode=OFF")  # a fresh temporary file: nothing to roll back to
            conn.execute("PRAGMA synchronous=OFF")    # made durable by replace_into's fsync
            db = Database(conn)
            try:
                with db.atomic():
                    for name, (columns, pk) in TABLES.items():
                        db[name].create(columns, **({"pk": pk} if pk else {}))
                    for name, cols in INDEXES.items():
                        db[name].create_index(cols)
                    for name, (columns, _pk) in TABLES.items():
                        cols = list(columns)
                        conn.executemany(f"insert into [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                                         f"values ({', '.join('?' for _ in cols)})",
                                         [tuple(r.get(c) for c in cols) for r in rows[name]])
                    _write_records(conn, kept)
            finally:
                conn.close()

        try:
            files.replace_into(self.path, fill)
        except sqlite3.Error as exc:
            raise MergeError("could not write {file}: {reason}", file=str(self.path), reason=str(exc)) from None
        except OSError as exc:
            raise MergeError("could not write {file}: {reason}", file=str(self.path),
                             reason=exc.strerror or str(exc)) from None
        result.path = str(self.path)
        return result


def load_result(path: Path | str) -> Result:
    """The merged result at `path` (ResultFile(path).load())."""
    return ResultFile(path).load()


def _writable(folder: Path) -> bool:
    """True when a file can really be made in `folder` (os.access lies on sticks and shares)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
        os.close(fd)
        os.unlink(name)
        return True
    except OSError:
        return False


# --------------------------------------------------------------------------- Result → rows


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _j(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _points_json(points: dict[str, Decimal | None]) -> str:
    """{id: points} with points as exact decimal text (never floats)."""
    return json.dumps({k: _s(v) for k, v in points.items()}, ensure_ascii=False)


def _rows(r: Result) -> dict[str, list[dict]]:
    """Every row of the result file."""
    meta = {"kind": KIND, "schema": SCHEMA, "app_version": __version__, "session_id": r.session_id,
            "title": r.title, "date": r.date, "method": r.method,
            "settings": json.dumps(r.settings, ensure_ascii=False, sort_keys=True), "created": r.created,
            "warnings": _j([w.as_json() for w in r.warnings]),
            "rubric_titles": json.dumps(r.rubric_titles, ensure_ascii=False, sort_keys=True)}
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["meta"] = [{"key": k, "value": str(v)} for k, v in meta.items()]
    rows["files"] = [{"position": k, "path": f.path, "expert_id": f.expert_id, "expert_name": f.expert_name,
                      "organisation": f.organisation, "title": f.title, "fingerprint": f.fingerprint,
                      "round": f.round, "status": f.status,
                      "reason": None if f.problem is None else _j(f.problem.as_json())}
                     for k, f in enumerate(r.files)]
    rows["experts"] = [{"id": e.id, "position": k, "name": e.name, "organisation": e.organisation, "title": e.title,
                        "merged": int(e.merged)} for k, e in enumerate(r.experts)]
    for pos, a in enumerate(r.applicants):
        _applicant_rows(rows, pos, a)
    rows["changes"] = [vars(c).copy() for c in r.changes]
    rows["categories"] = [{"name": c.name, "position": k, "quota": c.quota, "candidates": _j(c.candidates),
                           "awaiting": _j(c.awaiting), "boundary_tie": _j(c.boundary_tie), "tier": c.tier,
                           "members": _j(c.members), "reserve": c.reserve, "reserves": _j(c.reserves),
                           "reserve_tie": _j(c.reserve_tie)} for k, c in enumerate(r.categories)]
    rows["agreement"] = [{"category": g.category, "name": g.name, "value": _s(g.value), "applicants": g.applicants,
                          "experts": g.experts} for g in r.agreement.values()]
    rows["leniency"] = [{"expert_id": eid, "value": _s(v),
                         "applicants": sum(1 for a in r.applicants if a.total is not None
                                           and (s := a.scores.get(eid)) and s.total is not None)}
                        for eid, v in r.leniency.items()]
    return rows


def _applicant_rows(rows: dict[str, list[dict]], pos: int, a: ApplicantResult) -> None:
    rows["applicants"].append({
        "id": a.id, "position": pos, "name": a.name, "category": a.category, "rubric_id": a.rubric_id,
        "variant": a.variant, "profile": json.dumps(a.profile, ensure_ascii=False, sort_keys=True),
        "has_points": int(a.has_points), "experts_scored": json.dumps(a.experts_scored),
        "recused": json.dumps(a.recused), "eligible": int(a.eligible), "failed": json.dumps(a.failed),
        "total": _s(a.total), "sections": _points_json(a.sections), "criteria": _points_json(a.criteria),
        "rec_yes": a.recommendations["yes"], "rec_no": a.recommendations["no"],
        "priority_met": json.dumps(a.priority_met), "rank": a.rank, "tied": int(a.tied), "status": a.status})
    rows["parts"] += [{"applicant_id": a.id, "position": k, "kind": p.kind, "id": p.id, "parent": p.parent,
                       "text": p.text, "max": _s(p.max)} for k, p in enumerate(a.parts)]
    for eid, s in a.scores.items():
        scored = s.recused is None
        rows["expert_applicants"].append({
            "applicant_id": a.id, "expert_id": eid, "recused": s.recused, "total": _s(s.total),
            "decision": s.decision, "opinion": s.opinion if scored else None,
            "answers": _j({k: [v.value, v.level, int(v.counted)] for k, v in s.answers.items()}),
            "sections": _points_json(s.sections) if scored and a.has_points else None,
            "criteria": _points_json(s.criteria) if scored and a.has_points else None,
            "missing": json.dumps(s.missing) if s.missing else None})
        rows["comments"] += [{"applicant_id": a.id, "expert_id": eid, "target_id": t, "text": text}
                             for t, text in s.comments.items()]
        rows["citations"] += [{"applicant_id": a.id, "expert_id": eid, "target_id": c.target_id,
                               "material": c.material, "file": c.file, "page": c.page} for c in s.citations]
    rows["conditions"] += [{"applicant_id": a.id, "item_id": c.id, "kind": c.kind, "text": c.text,
                            "met": None if c.met is None else int(c.met), "yes": c.yes, "no": c.no}
                           for c in a.conditions]
    rows["flags"] += [{"applicant_id": a.id, "kind": f.kind, "expert_id": f.expert_id, "criterion_id": f.criterion_id,
                       "data": json.dumps(f.data, ensure_ascii=False)} for f in a.flags]
    if a.inspection is not None:
        rows["inspections"].append({"applicant_id": a.id, "result": a.inspection.result, "note": a.inspection.note,
                                    "at": a.inspection.at})


# --------------------------------------------------------------------------- rows → Result


def _d(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _points(text: str | None) -> dict[str, Decimal | None]:
    return {k: _d(v) for k, v in json.loads(text or "{}").items()}


class _Reader:
    """Reads the tables once, grouped by applicant, and builds the typed Result."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.by_app: dict[str, dict[str, list[dict]]] = {}
        for table, key in (("expert_applicants", "ea"), ("conditions", "cond"), ("comments", "comments"),
                           ("citations", "cites"), ("parts", "parts"), ("flags", "flags"), ("changes", "changes")):
            order = "position" if table == "parts" else "rowid"
            for r in db.query(f"select * from [{table}] order by {order}"):
                self.by_app.setdefault(r["applicant_id"], {}).setdefault(key, []).append(r)

    def rows(self, aid: str, key: str) -> list[dict]:
        return self.by_app.get(aid, {}).get(key, [])

    def result(self, path: str) -> Result:
        q = self.db.query
        meta = {r["key"]: r["value"] for r in self.db["meta"].rows}
        experts = [PanelMember(r["id"], r["name"], r["organisation"] or "", r["title"] or "", bool(r["merged"]))
                   for r in q("select * from experts order by position")]
        names = {e.id: e.name for e in experts}
        inspections = {r["applicant_id"]: Inspection(r["result"], r["note"] or "", r["at"])
                       for r in self.db["inspections"].rows}
        applicants = [self.applicant(r, [e.id for e in experts], names, inspections.get(r["id"]))
                      for r in q("select * from applicants order by position")]
        return Result(
            session_id=meta.get("session_id", ""), title=meta.get("title", ""), date=meta.get("date", ""),
            method=meta.get("method", ""), settings=json.loads(meta.get("settings") or "{}"),
            created=meta.get("created", ""), files=[_file(r) for r in q("select * from files order by position")],
            experts=experts, applicants=applicants,
            categories=[_category(r) for r in q("select * from categories order by position")],
            agreement={r["category"]: Agreement(r["category"], r["name"], _d(r["value"]), r["applicants"],
                                                r["experts"]) for r in self.db["agreement"].rows},
            leniency={r["expert_id"]: _d(r["value"]) for r in self.db["leniency"].rows},
            changes=[c for a in applicants for c in a.changes],
            warnings=[Sentence.from_json(w) for w in json.loads(meta.get("warnings") or "[]")], path=path,
            rubric_titles=json.loads(meta.get("rubric_titles") or "{}"))

    def applicant(self, r: dict, roster: list[str], names: dict[str, str], inspection: Inspection | None
                  ) -> ApplicantResult:
        aid = r["id"]
        parts = [Part(p["kind"], p["id"], p["parent"], p["text"], _d(p["max"])) for p in self.rows(aid, "parts")]
        scores = self.scores(aid, roster)
        conditions = self.conditions(aid, scores)
        failed = json.loads(r["failed"])
        texts = {p.id: p.text for p in parts if p.kind == "criterion"}
        flags = [make_flag(f["kind"], f["expert_id"], f["criterion_id"], json.loads(f["data"] or "{}"), names=names,
                           criterion_text=texts.get(f["criterion_id"] or "", "")) for f in self.rows(aid, "flags")]
        return ApplicantResult(
            id=aid, name=r["name"], category=r["category"], rubric_id=r["rubric_id"], variant=r["variant"] or "",
            profile=json.loads(r["profile"] or "{}"), has_points=bool(r["has_points"]), eligible=bool(r["eligible"]),
            failed=failed, ineligible=ineligible_reasons(conditions, failed, names), total=_d(r["total"]),
            sections=_points(r["sections"]), criteria=_points(r["criteria"]),
            recommendations={"yes": r["rec_yes"], "no": r["rec_no"]}, priority_met=json.loads(r["priority_met"]),
            rank=r["rank"], tied=bool(r["tied"]), status=r["status"], flags=flags, conditions=conditions,
            parts=parts, scores=scores, inspection=inspection,
            changes=[RoundChange(c["expert_id"], aid, c["target_id"], c["criterion_id"], c["round_from"],
                                 c["round_to"], c["old"], c["new"], c.get("reason") or "", c.get("at") or "",
                                 c.get("kind") or CHANGED, c.get("request") or "", c.get("ground") or "")
                     for c in self.rows(aid, "changes")])  # files before re-check rounds lack the last five

    def scores(self, aid: str, roster: list[str]) -> dict[str, ExpertScores]:
        comments: dict[str, dict[str, str]] = {}
        for c in self.rows(aid, "comments"):
            comments.setdefault(c["expert_id"], {})[c["target_id"]] = c["text"]
        cites: dict[str, list[Citation]] = {}
        for c in self.rows(aid, "cites"):
            cites.setdefault(c["expert_id"], []).append(Citation(c["target_id"], c["material"], c["file"], c["page"]))
        ea = {x["expert_id"]: x for x in self.rows(aid, "ea")}
        out = {}
        for eid in (e for e in roster if e in ea):
            x = ea[eid]
            out[eid] = ExpertScores(
                expert_id=eid, recused=x["recused"], total=_d(x["total"]), decision=x["decision"],
                opinion=x["opinion"] or "", sections=_points(x["sections"]), criteria=_points(x["criteria"]),
                answers={k: Answer(v[0], v[1], bool(v[2])) for k, v in json.loads(x["answers"] or "{}").items()},
                comments=comments.get(eid, {}), citations=cites.get(eid, []),
                missing=json.loads(x.get("missing") or "[]"))  # schema 1 files have no such column
        return out

    def conditions(self, aid: str, scores: dict[str, ExpertScores]) -> list[ConditionResult]:
        out = []
        for c in self.rows(aid, "cond"):
            answers = {eid: (s.answers[c["item_id"]].value, s.comments.get(c["item_id"], ""))
                       for eid, s in scores.items() if s.recused is None and c["item_id"] in s.answers}
            out.append(ConditionResult(c["item_id"], c["kind"], c["text"], None if c["met"] is None else bool(c["met"]),
                                       c["yes"], c["no"], answers))
        return out


def _category(r: dict) -> Category:
    def listed(key: str) -> list[str]:
        return json.loads(r.get(key) or "[]")  # schema 1 has no tier, members or reserve columns

    return Category(r["name"], r["quota"], listed("candidates"), listed("awaiting"), listed("boundary_tie"),
                    listed("members"), r.get("tier") or "", r.get("reserve") or 0, listed("reserves"),
                    listed("reserve_tie"))


def _file(r: dict) -> FileStatus:
    problem = Sentence.from_json(json.loads(r["reason"])) if r["reason"] else None
    return FileStatus(r["path"], r["expert_id"], r["expert_name"] or "", r["organisation"] or "", r["title"] or "",
                      r["fingerprint"], r["round"], r["status"], problem)


# --------------------------------------------------------------------------- the secretary's records (issue 12)
# The journal, the panel's leader, opinions and dissents, the public notice and the objections live in the
# result file beside the merged result, but are no part of a Result: a merge writes the result whole, so
# `ResultFile.write` carries these tables over from the file it replaces. Before the first merge (the sign-in
# and the pledges come first) `Records` makes a file holding only them (meta "records_only"), which
# `existing()` and `load()` do not take for a merged result. The typed values are in app.journal, app.panel,
# app.notice and app.objections; only this section knows the tables.

RECORD_TABLES: dict[str, tuple[dict[str, type], Any]] = {
    "journal": ({"position": int, "at": str, "action": str, "data": str, "inputs": str}, "position"),
    "panel_record": ({"key": str, "value": str}, "key"),  # leader, opinions, notice: JSON values
    "dissents": ({"position": int, "applicant_id": str, "expert_id": str, "opinion": str, "reason": str,
                  "at": str}, "position"),
    "objections": ({"id": str, "position": int, "received": str, "by": str, "contact": str, "applicant_id": str,
                    "about": str, "decision": str, "decided": str, "reason": str, "round": int}, "id"),
    # app.recheck: every re-check request issued (items: JSON [[applicant, item], ...])
    "recheck_requests": ({"id": str, "expert_id": str, "created": str, "result_fingerprint": str, "based_on": str,
                          "items": str, "note": str, "path": str}, "id"),
}
RECORDS_ONLY = "records_only"


class Records:
    """The secretary's records in one result file: rows in, rows out (the typed values live elsewhere)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Records({str(self.path)!r})"

    @classmethod
    def existing(cls, session: Session) -> "Records | None":
        """The records of the session's result file, merged or records only, if there is one (nothing is made)."""
        found = ResultFile.existing(session)
        if found is not None:
            return cls(found.path)
        for p in ResultFile.places(session):
            if p.is_file() and _records_session(p) == session.id:
                return cls(p)
        return None

    @classmethod
    def for_session(cls, session: Session) -> "Records":
        """The records of the session's own result file (made, records only, on the first write)."""
        return cls.existing(session) or cls(ResultFile.for_session(session).path)

    def rows(self, table: str, order: str = "rowid") -> list[dict]:
        """Every row of `table` (none when the file or the table does not exist yet)."""
        if not self.path.is_file():
            return []
        try:
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error:
            return []
        try:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(f"select * from [{table}] order by {order}")]
        except sqlite3.OperationalError:  # a result file written before these tables existed
            return []
        finally:
            conn.close()

    def session_id(self) -> str | None:
        return _records_session(self.path) if self.path.is_file() else None

    def write(self, table: str, row: dict, *, session_id: str, replace: bool = False) -> None:
        """Add `row` to `table` (or replace the row with its key); for a journal row, `position` is given here.

        MergeError when the file belongs to another session or cannot be written; nothing is half written.
        """
        columns, _pk = RECORD_TABLES[table]
        fresh = not self.path.is_file()
        if fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif _records_session(self.path) != session_id:
            raise MergeError("{file} belongs to another session; the record was not written", file=str(self.path))
        try:
            conn = sqlite3.connect(self.path, timeout=10)
            try:
                with conn:
                    if fresh:
                        conn.execute("create table if not exists meta (key text primary key, value text)")
                        conn.executemany("insert into meta values (?, ?)",
                                         [("kind", KIND), ("schema", str(SCHEMA)), ("session_id", session_id),
                                          (RECORDS_ONLY, "1"), ("app_version", __version__)])
                    _create_records(conn)
                    if table == "journal":
                        row = dict(row, position=conn.execute(
                            "select coalesce(max(position), -1) + 1 from journal").fetchone()[0])
                    cols = [c for c in columns if c in row]
                    verb = "insert or replace" if replace else "insert"
                    conn.execute(f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                                 f"values ({', '.join('?' for _ in cols)})", [row[c] for c in cols])
            finally:
                conn.close()
        except sqlite3.IntegrityError:
            raise MergeError("{file}: {table} already holds this record", file=str(self.path), table=table) from None
        except sqlite3.Error as exc:
            raise MergeError("could not write {file}: {reason}", file=str(self.path), reason=str(exc)) from None


def _records_session(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        meta = dict(conn.execute("select key, value from meta").fetchall())
        return meta.get("session_id") if meta.get("kind") == KIND else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _create_records(conn: sqlite3.Connection) -> None:
    for name, (columns, pk) in RECORD_TABLES.items():
        cols = ", ".join(f"[{c}] {'integer' if t is int else 'text'}" for c, t in columns.items())
        key = f", primary key ({pk})" if pk else ""
        conn.execute(f"create table if not exists [{name}] ({cols}{key})")


def _kept_records(path: Path, session_id: str) -> dict[str, list[dict]]:
    """The records of the file a merge is about to replace (none if it is another session's)."""
    if not path.is_file() or _records_session(path) != session_id:
        return {}
    keep = Records(path)
    return {name: keep.rows(name) for name in RECORD_TABLES}


def _write_records(conn: sqlite3.Connection, kept: dict[str, list[dict]]) -> None:
    _create_records(conn)
    for name, rows in kept.items():
        cols = list(RECORD_TABLES[name][0])
        conn.executemany(f"insert into [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                         f"values ({', '.join('?' for _ in cols)})", [tuple(r.get(c) for c in cols) for r in rows])
