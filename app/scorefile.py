"""The expert's score file: one SQLite file per expert per session.

Every change is its own committed transaction (there is no Save button to
forget) and is checked against the rubric snapshot the file carries. An
append-only history records every change. Submitting locks the file and
computes a fingerprint over its canonical content; `verify()` recomputes it
so that any later change, by any means, is found and named.

A score file is self-contained: it holds the session's identity, the rubric
snapshots and the applicants it scores, so a sheet can be printed from it
alone and a merge can check it belongs to the session.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app import __version__
from app import rubric as rubric_mod
from app.errors import ScoreError, ScoreFileError
from app.i18n import Sentence
from app.vocabulary import NEGATIVE, NO, POSITIVE, YES

SUFFIX = ".prscore"
KIND = "panelreview-scores"
MIGRATIONS = Migrations(KIND)
DECISIONS = (POSITIVE, NEGATIVE)
# The longest comment and opinion a score file takes, in characters (a Chinese character, a letter, a
# punctuation mark or a line break each count one). A 2,000-character comment fills about two pages of the
# opinion sheet's 评审意见及佐证材料 column; a 3,000-character opinion about a page and a half of its
# 综合意见 box. The expert window's boxes stop there, and a form import with longer text is refused.
COMMENT_MAX_CHARS = 2000
OPINION_MAX_CHARS = 3000


# --------------------------------------------------------------------------- schema


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["rubrics"].create({"id": str, "snapshot": str, "sha256": str}, pk="id")
    db["applicants"].create(
        {"id": str, "position": int, "name": str, "rubric_id": str, "category": str, "profile": str}, pk="id")
    db["recusals"].create({"applicant_id": str, "reason": str, "at": str}, pk="applicant_id")
    db["answers"].create(
        {"applicant_id": str, "item_id": str, "value": str, "level": int, "at": str},
        pk=("applicant_id", "item_id"))
    db["comments"].create(
        {"applicant_id": str, "target_id": str, "text": str, "at": str}, pk=("applicant_id", "target_id"))
    db["recommendations"].create(
        {"applicant_id": str, "decision": str, "opinion": str, "at": str}, pk="applicant_id")
    db["citations"].create(
        {"id": int, "applicant_id": str, "target_id": str, "material": str, "file": str, "page": int, "at": str},
        pk="id")
    db["history"].create(
        {"id": int, "at": str, "round": int, "applicant_id": str, "target_id": str, "field": str,
         "old": str, "new": str}, pk="id")
    db["rounds"].create({"round": int, "submitted_at": str, "fingerprint": str, "digest": str, "content": str},
                        pk="round")
    db["signature"].create({"id": int, "png": bytes, "sha256": str, "at": str}, pk="id")
    # The history is append-only, whatever writes to the file.
    db.executescript("""
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    """)


@MIGRATIONS()
def m002_no_conflict(db: Database) -> None:
    # An expert's explicit "no conflict of interest" per applicant (无回避情形): without it, "declared no
    # conflict" and "did not answer" look the same. A recusal (回避) stays in `recusals`.
    db["no_conflicts"].create({"applicant_id": str, "at": str}, pk="applicant_id")


KNOWN_MIGRATIONS = {"m001_initial", "m002_no_conflict"}
SCHEMA = len(KNOWN_MIGRATIONS)


# --------------------------------------------------------------------------- values


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def points_text(value: Decimal) -> str:
    return rubric_mod.fmt(value)


def parse_points(value: Any, *, item: str) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ScoreError("{item}: points must be a number", item=item)
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise ScoreError("{item}: {value!r} is not a number of points", item=item, value=value) from None
    if not d.is_finite():
        raise ScoreError("{item}: {value!r} is not a number of points", item=item, value=value)
    return d


YES_WORDS = {"yes", "y", "true", "1", "是", "满足", "符合", "√", "✓"}
NO_WORDS = {"no", "n", "false", "0", "否", "不满足", "不符合", "×", "✗"}


def parse_yes_no(value: Any, *, item: str) -> str:
    word = str(value).strip().lower()
    if word in YES_WORDS:
        return YES
    if word in NO_WORDS:
        return NO
    raise ScoreError("{item}: answer yes or no, not {value!r}", item=item, value=value)


def short_fingerprint(digest_hex: str) -> str:
    """80 bits of the digest as 4 groups of 4 base32 characters: easy to print and read aloud."""
    text = base64.b32encode(bytes.fromhex(digest_hex)[:10]).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Missing:
    """Something an expert still has to answer before submitting."""

    applicant_id: str
    applicant_name: str
    target_id: str  # an item id, or "recommendation"
    text: str

    def __str__(self) -> str:
        return f"{self.applicant_name} ({self.applicant_id}) · {self.target_id}: {self.text}"


@dataclass(frozen=True)
class Progress:
    answered: int
    required: int
    state: str  # recused | gate_failed | complete | in_progress | not_started

    @property
    def done(self) -> bool:
        return self.state in ("recused", "complete")


@dataclass(frozen=True)
class Verification:
    ok: bool
    submitted: bool
    fingerprint: str | None
    problems: tuple[str, ...]


class IncompleteError(ScoreError):
    """Submit found unanswered items; `missing` lists them."""

    def __init__(self, missing: list[Missing]) -> None:
        super().__init__("{count} items are still unanswered", count=len(missing))
        self.missing = missing


# --------------------------------------------------------------------------- the file


@dataclass(frozen=True)
class ApplicantRow:
    id: str
    name: str
    rubric_id: str
    category: str
    profile: dict


@dataclass
class Contents:
    """Everything an expert gave, by applicant: see ScoreFile.contents()."""

    recused: dict[str, str]  # applicant → reason
    answers: dict[str, dict[str, tuple[str, int | None]]]  # applicant → item → (value, level)
    comments: dict[str, dict[str, str]]  # applicant → target → text
    citations: dict[str, list[tuple[str, str, str, int]]]  # applicant → [(target, material, file, page)]
    recommendations: dict[str, tuple[str | None, str]]  # applicant → (decision, opinion)
    rounds: list[dict]  # every round's recorded content, when there was more than one


class ScoreFile:
    """An open score file. Writes commit at once; a submitted file refuses them."""

    def __init__(self, path: Path, db: Database, *, readonly: bool) -> None:
        self.path = Path(path)
        self.db = db
        self.readonly = readonly
        self.closed = False  # after close(): a form still on screen must not write (its boxes lose focus late)
        self._meta = {r["key"]: r["value"] for r in db["meta"].rows}
        self._rubrics: dict[str, rubric_mod.Rubric] = {}
        self._applied: dict[str, rubric_mod.Applied] = {}
        self._items: dict[str, dict[str, rubric_mod.ScoreItem]] = {}
        self.applicants: list[ApplicantRow] = [
            ApplicantRow(r["id"], r["name"], r["rubric_id"], r["category"] or "", json.loads(r["profile"] or "{}"))
            for r in db.query("select * from applicants order by position")
        ]
        self._by_id = {a.id: a for a in self.applicants}
        # a schema-1 file opened read-only has no table of "no conflict" declarations (none were made)
        self._no_conflicts = "no_conflicts" in db.table_names()

    # -- opening ---------------------------------------------------------

    @classmethod
    def create(cls, path: Path, session: Any, expert_id: str) -> "ScoreFile":
        """A new, empty score file for `expert_id` of `session` at `path` (which must not exist)."""
        path = Path(path)
        expert = session.expert(expert_id)
        if path.exists():
            raise ScoreFileError("{file}: a file with this name already exists", file=str(path))
        tmp = path.with_name(path.name + ".creating")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for stale in (tmp, tmp.with_name(tmp.name + "-journal")):  # an earlier attempt cut off
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()
            tmp.touch(exist_ok=False)
        except OSError as exc:
            raise _create_error(path, exc) from None
        db = _connect(tmp)
        try:
            MIGRATIONS.apply(db)
            used = {a.rubric_id for a in session.applicants}
            with db.atomic():
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db["meta"].insert_all([{"key": k, "value": str(v)} for k, v in {
                    "kind": KIND, "schema": SCHEMA, "app_version": __version__,
                    "session_id": session.id, "session_title": session.title, "session_date": session.date or "",
                    "expert_id": expert.id, "expert_name": expert.name,
                    "expert_organisation": expert.organisation or "", "expert_title": expert.title or "",
                    "created": now(), "round": 1, "status": "open",
                    "none_of_levels": session.settings.get("none_of_levels", "allowed"),
                }.items()])
                for rid in sorted(used):
                    snap = session.rubrics[rid].snapshot()
                    db["rubrics"].insert({"id": rid, "snapshot": snap,
                                          "sha256": hashlib.sha256(snap.encode()).hexdigest()})
                db["applicants"].insert_all([{
                    "id": a.id, "position": k, "name": a.name, "rubric_id": a.rubric_id,
                    "category": a.category, "profile": json.dumps(a.profile, ensure_ascii=False, sort_keys=True),
                } for k, a in enumerate(session.applicants)])
            db.conn.close()
            os.replace(tmp, path)
        except (sqlite3.Error, OSError) as exc:
            db.conn.close()
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError):
                raise _create_error(path, exc) from None
            raise _write_error(path, exc) from None
        return cls.open(path)

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> "ScoreFile":
        """Open an existing score file; ScoreFileError says why one cannot be used."""
        path = Path(path)
        if not path.is_file():
            raise ScoreFileError("{file}: no such score file", file=str(path))
        side = side_file(path)
        try:
            db = _through_journal(path, side, readonly=readonly) if side is not None else None
            db = db or _connect(path, readonly=readonly)
            tables = set(db.table_names())
        except sqlite3.OperationalError as exc:  # locked, unreadable medium: a valid file may be behind it
            raise ScoreFileError("{file}: the score file cannot be read: {reason}", file=str(path),
                                 reason=str(exc)) from None
        except sqlite3.DatabaseError:
            raise ScoreFileError("{file}: not a PanelReview score file (not an SQLite database)",
                                 file=str(path)) from None
        if "meta" not in tables or "_sqlite_migrations" not in tables:
            db.conn.close()
            raise ScoreFileError("{file}: not a PanelReview score file", file=str(path))
        try:
            meta = {r["key"]: r["value"] for r in db["meta"].rows}
            applied = {m.name for m in MIGRATIONS.applied(db)}
        except sqlite3.DatabaseError as exc:
            db.conn.close()
            raise ScoreFileError("{file}: the score file is damaged: {reason}", file=str(path),
                                 reason=str(exc)) from None
        if meta.get("kind") != KIND:
            db.conn.close()
            raise ScoreFileError("{file}: not a PanelReview score file", file=str(path))
        newer = applied - KNOWN_MIGRATIONS
        try:
            schema = int(meta.get("schema", "0"))
        except ValueError:
            schema = 0
        if newer or schema > SCHEMA:
            db.conn.close()
            raise ScoreFileError(
                "{file}: written by a newer PanelReview (score file schema {found}, this program reads up to "
                "{ours}); update PanelReview to read it", file=str(path), found=max(schema, len(applied)),
                ours=SCHEMA)
        if MIGRATIONS.pending(db):
            if readonly:
                pass  # older files are read as they are; their tables are a subset of ours
            else:
                try:
                    MIGRATIONS.apply(db)
                except sqlite3.Error as exc:
                    db.conn.close()
                    raise ScoreFileError("{file}: the score file cannot be updated to this program's format: "
                                         "{reason}", file=str(path), reason=str(exc)) from None
        return cls(path, db, readonly=readonly)

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()

    def __enter__(self) -> "ScoreFile":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- identity --------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        return self._meta.get(key, default)

    @property
    def session_id(self) -> str:
        return self.meta("session_id")

    @property
    def expert_id(self) -> str:
        return self.meta("expert_id")

    @property
    def expert(self) -> dict[str, str]:
        return {"id": self.meta("expert_id"), "name": self.meta("expert_name"),
                "organisation": self.meta("expert_organisation"), "title": self.meta("expert_title")}

    @property
    def round(self) -> int:
        return int(self.meta("round", "1"))

    @property
    def submitted(self) -> bool:
        return self.meta("status") == "submitted"

    @property
    def fingerprint(self) -> str | None:
        return self.meta("fingerprint") or None

    def rubric_hashes(self) -> dict[str, str]:
        return {r["id"]: r["sha256"] for r in self.db["rubrics"].rows}

    def rubric(self, rubric_id: str) -> rubric_mod.Rubric:
        if rubric_id not in self._rubrics:
            row = self.db["rubrics"].get(rubric_id)
            self._rubrics[rubric_id] = rubric_mod.from_data(json.loads(row["snapshot"]),
                                                            origin=f"{self.path.name}:{rubric_id}")
        return self._rubrics[rubric_id]

    def applicant(self, applicant_id: str) -> ApplicantRow:
        try:
            return self._by_id[applicant_id]
        except KeyError:
            raise ScoreError("no applicant {id} in this session", id=applicant_id) from None

    def applied(self, applicant_id: str) -> rubric_mod.Applied:
        if applicant_id not in self._applied:
            a = self.applicant(applicant_id)
            self._applied[applicant_id] = self.rubric(a.rubric_id).apply(a.profile)
        return self._applied[applicant_id]

    def items(self, applicant_id: str) -> dict[str, rubric_mod.ScoreItem]:
        if applicant_id not in self._items:
            self._items[applicant_id] = {i.id: i for i in self.applied(applicant_id).items()}
        return self._items[applicant_id]

    # -- reading ---------------------------------------------------------

    def recusal(self, applicant_id: str) -> str | None:
        row = next(self.db.query("select reason from recusals where applicant_id = ?", [applicant_id]), None)
        return None if row is None else (row["reason"] or "")

    def conflict_declared(self, applicant_id: str) -> bool | None:
        """True: recused (a conflict of interest); False: declared no conflict; None: not answered."""
        if self.recusal(applicant_id) is not None:
            return True
        if self._no_conflicts and next(self.db.query("select 1 from no_conflicts where applicant_id = ?",
                                                     [applicant_id]), None) is not None:
            return False
        return None

    def answers(self, applicant_id: str) -> dict[str, str]:
        return {r["item_id"]: r["value"] for r in
                self.db.query("select item_id, value from answers where applicant_id = ?", [applicant_id])}

    def levels(self, applicant_id: str) -> dict[str, int | None]:
        """item id → the level chosen for it (None where the item has no levels)."""
        return {r["item_id"]: r["level"] for r in
                self.db.query("select item_id, level from answers where applicant_id = ?", [applicant_id])}

    def answer(self, applicant_id: str, item_id: str) -> str | None:
        return self.answers(applicant_id).get(item_id)

    def comments(self, applicant_id: str) -> dict[str, str]:
        return {r["target_id"]: r["text"] for r in
                self.db.query("select target_id, text from comments where applicant_id = ?", [applicant_id])}

    def recommendation(self, applicant_id: str) -> tuple[str | None, str]:
        row = next(self.db.query("select decision, opinion from recommendations where applicant_id = ?",
                                 [applicant_id]), None)
        return (None, "") if row is None else (row["decision"] or None, row["opinion"] or "")

    def citations(self, applicant_id: str, target_id: str | None = None) -> list[dict]:
        sql = "select * from citations where applicant_id = ?"
        args: list[Any] = [applicant_id]
        if target_id is not None:
            sql += " and target_id = ?"
            args.append(target_id)
        return list(self.db.query(sql + " order by id", args))

    def signature(self) -> bytes | None:
        row = next(self.db.query("select png from signature where id = 1"), None)
        return None if row is None else row["png"]

    def history(self) -> list[dict]:
        return list(self.db.query("select * from history order by id"))

    def stopped(self, applicant_id: str) -> dict[str, str]:
        """Item id → the gate whose "no" stops it."""
        applied = self.applied(applicant_id)
        answers = self.answers(applicant_id)
        out: dict[str, str] = {}
        for item in applied.items():
            if item.kind == "gate" and answers.get(item.id) == NO and item.id not in out:
                for stopped in applied.stopped_by(item.id):
                    out.setdefault(stopped, item.id)
        return out

    def required(self, applicant_id: str) -> list[rubric_mod.ScoreItem]:
        """The items this applicant must have answered (none when recused)."""
        if self.recusal(applicant_id) is not None:
            return []
        stopped = self.stopped(applicant_id)
        return [i for i in self.applied(applicant_id).items() if i.id not in stopped]

    def progress(self, applicant_id: str) -> Progress:
        if self.recusal(applicant_id) is not None:
            return Progress(0, 0, "recused")
        required = self.required(applicant_id)
        answers = self.answers(applicant_id)
        decision, _ = self.recommendation(applicant_id)
        answered = sum(1 for i in required if i.id in answers) + (1 if decision else 0)
        total = len(required) + 1
        if self.stopped(applicant_id):
            state = "gate_failed"
        elif answered == total:
            state = "complete"
        elif answered == 0 and not answers:
            state = "not_started"
        else:
            state = "in_progress"
        return Progress(answered, total, state)

    def missing(self, applicant_id: str | None = None) -> list[Missing]:
        """Everything unanswered, for one applicant or all, in document order."""
        out: list[Missing] = []
        targets = [self.applicant(applicant_id)] if applicant_id else self.applicants
        for a in targets:
            if self.recusal(a.id) is not None:
                continue
            answers = self.answers(a.id)
            for item in self.required(a.id):
                if item.id not in answers:
                    out.append(Missing(a.id, a.name, item.id, item.text))
            decision, _ = self.recommendation(a.id)
            if not decision:
                out.append(Missing(a.id, a.name, "recommendation", "overall recommendation"))
        return out

    def points(self, applicant_id: str) -> dict[str, Decimal]:
        """Item id → points, for answered points items that count (not stopped)."""
        items = self.items(applicant_id)
        stopped = self.stopped(applicant_id)
        out = {}
        for item_id, value in self.answers(applicant_id).items():
            item = items.get(item_id)
            if item is not None and item.takes_points and item_id not in stopped:
                out[item_id] = Decimal(value)
        return out

    def criterion_points(self, applicant_id: str) -> dict[str, Decimal]:
        """Criterion id → points (a checklist's items summed), for criteria with an answer."""
        items = self.items(applicant_id)
        out: dict[str, Decimal] = {}
        for item_id, pts in self.points(applicant_id).items():
            cid = items[item_id].criterion or item_id
            out[cid] = out.get(cid, Decimal(0)) + pts
        return out

    def section_points(self, applicant_id: str) -> dict[str, Decimal]:
        items = self.items(applicant_id)
        out: dict[str, Decimal] = {}
        for item_id, pts in self.points(applicant_id).items():
            sid = items[item_id].section or ""
            out[sid] = out.get(sid, Decimal(0)) + pts
        return out

    def total(self, applicant_id: str) -> Decimal | None:
        """The expert's total (None for a rubric without points, or a recused applicant)."""
        if self.recusal(applicant_id) is not None or not self.applied(applicant_id).rubric.has_points:
            return None
        return sum(self.points(applicant_id).values(), Decimal(0))

    # -- writing ---------------------------------------------------------

    @contextlib.contextmanager
    def _change(self) -> Iterator[None]:
        """One committed transaction; a refused or failed write leaves the file as it was."""
        if self.readonly:
            raise ScoreError("{file} is open read-only", file=self.path.name)
        if self.submitted:
            raise ScoreError("this score file was submitted (round {round}) and is locked; reopen it for a new "
                             "round to change anything", round=self.round)
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            raise _write_error(self.path, exc) from None

    def _log(self, applicant_id: str | None, target: str, field: str, old: Any, new: Any) -> None:
        self._check_round_target(applicant_id, target, field)  # re-check rounds: only the items asked
        self.db["history"].insert({
            "at": now(), "round": self.round, "applicant_id": applicant_id, "target_id": target, "field": field,
            "old": None if old is None else str(old), "new": None if new is None else str(new),
        })

    def _check_scorable(self, applicant_id: str) -> None:
        self.applicant(applicant_id)
        reason = self.recusal(applicant_id)
        if reason is not None:
            raise ScoreError("you recused yourself from {name}; nothing can be scored for it",
                             name=self.applicant(applicant_id).name)

    def _item(self, applicant_id: str, item_id: str) -> rubric_mod.ScoreItem:
        items = self.items(applicant_id)
        if item_id in items:
            return items[item_id]
        a = self.applicant(applicant_id)
        rub = self.rubric(a.rubric_id)
        known = {i.id for i in rub.everything().items()}
        if item_id in known:
            raise ScoreError("{item} does not apply to {name}'s profile ({profile})", item=item_id, name=a.name,
                             profile=self.applied(applicant_id).variant_label() or "—")
        raise ScoreError("rubric {rubric} has no item {item}", rubric=a.rubric_id, item=item_id)

    @property
    def none_of_levels_allowed(self) -> bool:
        """Whether the session lets an expert answer "meets none of the levels" (files before the setting: yes)."""
        return self.meta("none_of_levels") != "refused"

    def set_points(self, applicant_id: str, item_id: str, points: Any, *, level: int | None = None) -> Decimal:
        """Give points to a criterion or checklist item; `level` (index) pins the level they must fall in.

        level=NONE_LEVEL with 0 points is the answer "meets none of the levels" (无符合档次), where the
        item and the session allow it; a 0 typed without it is refused where no band holds 0.
        """
        self._check_scorable(applicant_id)
        item = self._item(applicant_id, item_id)
        if not item.takes_points:
            raise ScoreError("{item} is answered yes or no, not with points", item=item_id)
        value = parse_points(points, item=item_id)
        if level == rubric_mod.NONE_LEVEL:
            return self._set_none(applicant_id, item, value)
        if value == 0 and item.none_allowed and value not in item.allowed:
            raise ScoreError("{item}: 0 points is in none of its levels; if the applicant meets none of them, "
                             "answer \"none of the levels\" (无符合档次)", item=item_id)
        if value not in item.allowed:
            raise ScoreError("{item}: {points} points are outside its bands ({allowed})", item=item_id,
                             points=points_text(value), allowed=str(item.allowed))
        chosen = item.level_for(value)
        if level is not None:
            if not 0 <= level < len(item.levels):
                raise ScoreError("{item} has no level {level}", item=item_id, level=level + 1)
            band = item.levels[level].band
            if value not in band:
                raise ScoreError("{item}: {points} points are outside the chosen level's band {band}",
                                 item=item_id, points=points_text(value), band=str(band))
            chosen = item.levels[level]
        gate = self.stopped(applicant_id).get(item_id)
        if gate:
            raise ScoreError("{gate} was answered no, which stops scoring {item}", gate=gate, item=item_id)
        index = item.levels.index(chosen) if chosen is not None else None
        self._write_answer(applicant_id, item_id, points_text(value), index)
        return value

    def _set_none(self, applicant_id: str, item: rubric_mod.ScoreItem, value: Decimal) -> Decimal:
        if not item.none_allowed:
            raise ScoreError("{item} has a level for every answer; \"none of the levels\" does not apply",
                             item=item.id)
        if not self.none_of_levels_allowed:
            raise ScoreError("this session does not allow \"none of the levels\": choose the level that applies",
                             item=item.id)
        if value != 0:
            raise ScoreError("{item}: \"none of the levels\" is worth 0 points, not {points}", item=item.id,
                             points=points_text(value))
        gate = self.stopped(applicant_id).get(item.id)
        if gate:
            raise ScoreError("{gate} was answered no, which stops scoring {item}", gate=gate, item=item.id)
        self._write_answer(applicant_id, item.id, "0", rubric_mod.NONE_LEVEL)
        return value

    def set_answer(self, applicant_id: str, item_id: str, answer: Any) -> str:
        """Answer a basic condition, priority condition or gate yes or no."""
        self._check_scorable(applicant_id)
        item = self._item(applicant_id, item_id)
        if item.takes_points:
            raise ScoreError("{item} takes points, not yes or no", item=item_id)
        value = parse_yes_no(answer, item=item_id)
        gate = self.stopped(applicant_id).get(item_id)
        if gate and gate != item_id:
            raise ScoreError("{gate} was answered no, which stops scoring {item}", gate=gate, item=item_id)
        self._write_answer(applicant_id, item_id, value, None)
        return value

    def _write_answer(self, applicant_id: str, item_id: str, value: str, level: int | None) -> None:
        with self._change():
            old = self.answer(applicant_id, item_id)
            if old == value:
                row = next(self.db.query("select level from answers where applicant_id=? and item_id=?",
                                         [applicant_id, item_id]))
                if row["level"] == level:
                    return
            self.db["answers"].upsert({"applicant_id": applicant_id, "item_id": item_id, "value": value,
                                       "level": level, "at": now()}, pk=("applicant_id", "item_id"))
            self._log(applicant_id, item_id, "answer", old, value)

    def clear(self, applicant_id: str, item_id: str) -> None:
        """Take back an answer."""
        self._check_scorable(applicant_id)
        with self._change():
            old = self.answer(applicant_id, item_id)
            if old is None:
                return
            self.db.execute("delete from answers where applicant_id = ? and item_id = ?", [applicant_id, item_id])
            self._log(applicant_id, item_id, "answer", old, None)

    def set_comment(self, applicant_id: str, target_id: str, text: str) -> None:
        """The expert's comment on a criterion (or condition, gate)."""
        self._check_scorable(applicant_id)
        self._check_target(applicant_id, target_id)
        text = (text or "").strip()
        if len(text) > COMMENT_MAX_CHARS:
            raise ScoreError("{applicant} {target}: the comment is {count} characters long; a comment may have at "
                             "most {max} (about two pages of the printed sheet): shorten it", applicant=applicant_id,
                             target=target_id, count=len(text), max=COMMENT_MAX_CHARS)
        with self._change():
            old = self.comments(applicant_id).get(target_id)
            if (old or "") == text:
                return
            if text:
                self.db["comments"].upsert({"applicant_id": applicant_id, "target_id": target_id, "text": text,
                                            "at": now()}, pk=("applicant_id", "target_id"))
            else:
                self.db.execute("delete from comments where applicant_id = ? and target_id = ?",
                                [applicant_id, target_id])
            self._log(applicant_id, target_id, "comment", old, text or None)

    def _check_target(self, applicant_id: str, target_id: str) -> None:
        items = self.items(applicant_id)
        if target_id in items:
            return
        if any(i.criterion == target_id for i in items.values()):
            return
        self._item(applicant_id, target_id)  # raises the right sentence

    def cite(self, applicant_id: str, target_id: str, *, material: str, file: str, page: int) -> int:
        """Pin a material page as evidence for a criterion; returns the citation's id."""
        self._check_scorable(applicant_id)
        self._check_target(applicant_id, target_id)
        if int(page) < 1:
            raise ScoreError("page numbers start at 1, not {page}", page=page)
        with self._change():
            for c in self.citations(applicant_id, target_id):
                if c["file"] == file and c["page"] == int(page):
                    return c["id"]
            row = self.db["citations"].insert({"applicant_id": applicant_id, "target_id": target_id,
                                               "material": material, "file": file, "page": int(page), "at": now()})
            self._log(applicant_id, target_id, "citation", None, f"{file}#{page}")
            return row.last_pk

    def uncite(self, citation_id: int) -> None:
        row = next(self.db.query("select * from citations where id = ?", [citation_id]), None)
        if row is None:
            return
        self._check_scorable(row["applicant_id"])
        with self._change():
            self.db.execute("delete from citations where id = ?", [citation_id])
            self._log(row["applicant_id"], row["target_id"], "citation", f"{row['file']}#{row['page']}", None)

    def set_recommendation(self, applicant_id: str, decision: str | None, opinion: str | None = None) -> None:
        """The overall recommendation (positive/negative, or the rubric's words) and opinion text."""
        self._check_scorable(applicant_id)
        rec = self.applied(applicant_id).rubric.recommendation
        words = {rec.positive: POSITIVE, rec.negative: NEGATIVE, POSITIVE: POSITIVE, NEGATIVE: NEGATIVE}
        if decision is not None and str(decision).strip() not in words:
            raise ScoreError("the recommendation must be {pos} or {neg}, not {value!r}", pos=rec.positive,
                             neg=rec.negative, value=decision)
        if opinion is not None and len(opinion.strip()) > OPINION_MAX_CHARS:
            raise ScoreError("{applicant}: the opinion is {count} characters long; an opinion may have at most "
                             "{max} (about a page and a half of the printed sheet): shorten it",
                             applicant=applicant_id, count=len(opinion.strip()), max=OPINION_MAX_CHARS)
        with self._change():
            old_decision, old_opinion = self.recommendation(applicant_id)
            new_decision = words[str(decision).strip()] if decision is not None else old_decision
            new_opinion = old_opinion if opinion is None else opinion.strip()
            if (new_decision, new_opinion) == (old_decision, old_opinion):
                return
            self.db["recommendations"].upsert({"applicant_id": applicant_id, "decision": new_decision,
                                               "opinion": new_opinion, "at": now()}, pk="applicant_id")
            if new_decision != old_decision:
                self._log(applicant_id, "recommendation", "decision", old_decision, new_decision)
            if new_opinion != old_opinion:
                self._log(applicant_id, "opinion", "opinion", old_opinion or None, new_opinion or None)

    def recuse(self, applicant_id: str, reason: str) -> None:
        """Declare a conflict of interest (回避): the applicant's scores are withdrawn (kept in the history)."""
        self.applicant(applicant_id)
        reason = (reason or "").strip()
        if not reason:
            raise ScoreError("give the reason for recusal")
        with self._change():
            old = self.recusal(applicant_id)
            if old == reason:
                return
            for table, key in (("answers", "item_id"), ("comments", "target_id")):
                for r in list(self.db.query(f"select * from {table} where applicant_id = ?", [applicant_id])):
                    value = r.get("value", r.get("text"))
                    self._log(applicant_id, r[key], "answer" if table == "answers" else "comment", value, None)
                self.db.execute(f"delete from {table} where applicant_id = ?", [applicant_id])
            decision, opinion = self.recommendation(applicant_id)
            if decision or opinion:
                self._log(applicant_id, "recommendation", "decision", decision, None)
            self.db.execute("delete from recommendations where applicant_id = ?", [applicant_id])
            self.db.execute("delete from citations where applicant_id = ?", [applicant_id])
            self._drop_no_conflict(applicant_id)
            self.db["recusals"].upsert({"applicant_id": applicant_id, "reason": reason, "at": now()},
                                       pk="applicant_id")
            self._log(applicant_id, "recusal", "recusal", old, reason)

    def unrecuse(self, applicant_id: str) -> None:
        self.applicant(applicant_id)
        with self._change():
            old = self.recusal(applicant_id)
            if old is None:
                return
            self.db.execute("delete from recusals where applicant_id = ?", [applicant_id])
            self._log(applicant_id, "recusal", "recusal", old, None)

    def declare_no_conflict(self, applicant_id: str) -> None:
        """Declare no conflict of interest with the applicant (the recusal question answered "no").

        A recusal is withdrawn by it (in the history); the declaration is inside the fingerprint.
        """
        self.applicant(applicant_id)
        with self._change():
            if self.conflict_declared(applicant_id) is False:
                return
            old = self.recusal(applicant_id)
            if old is not None:
                self.db.execute("delete from recusals where applicant_id = ?", [applicant_id])
                self._log(applicant_id, "recusal", "recusal", old, None)
            self.db["no_conflicts"].upsert({"applicant_id": applicant_id, "at": now()}, pk="applicant_id")
            self._log(applicant_id, "recusal", "no_conflict", None, NO)

    def clear_conflict_declaration(self, applicant_id: str) -> None:
        """Withdraw a "no conflict" declaration: the recusal question is unanswered again (a recusal stays)."""
        self.applicant(applicant_id)
        with self._change():
            self._drop_no_conflict(applicant_id)

    def _drop_no_conflict(self, applicant_id: str) -> None:
        if self.conflict_declared(applicant_id) is False:
            self.db.execute("delete from no_conflicts where applicant_id = ?", [applicant_id])
            self._log(applicant_id, "recusal", "no_conflict", NO, None)

    def set_signature(self, png: bytes | None) -> None:
        """Store the expert's drawn signature (PNG), or clear it with None.

        The drawn signature only decorates the printed sheet (the ink one on
        paper is what counts), so it may be drawn or redrawn after submitting:
        it is outside the fingerprint and the history.
        """
        if self.readonly:
            raise ScoreError("{file} is open read-only", file=self.path.name)
        try:
            with self.db.atomic():
                if png:
                    self.db["signature"].upsert({"id": 1, "png": png, "sha256": hashlib.sha256(png).hexdigest(),
                                                 "at": now()}, pk="id")
                else:
                    self.db.execute("delete from signature where id = 1")
        except sqlite3.Error as exc:
            raise _write_error(self.path, exc) from None

    def _set_meta(self, key: str, value: str) -> None:
        self.db["meta"].upsert({"key": key, "value": value}, pk="key")
        self._meta[key] = value

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes as one transaction: all of them are saved, or none (an import that fails half-way)."""
        with self.db.atomic():
            yield

    def contents(self) -> "Contents":
        """Everything the expert gave, for every applicant, in a few queries (what a merge takes in)."""
        q = self.db.query
        run = self.db.conn.execute  # plain tuples for the big tables: a dict per row costs more than the query
        answers: dict[str, dict[str, tuple[str, int | None]]] = {}
        for aid, item_id, value, level in run("select applicant_id, item_id, value, level from answers"):
            answers.setdefault(aid, {})[item_id] = (value, level)
        comments: dict[str, dict[str, str]] = {}
        for aid, target, text in run("select applicant_id, target_id, text from comments"):
            comments.setdefault(aid, {})[target] = text or ""
        citations: dict[str, list[tuple[str, str, str, int]]] = {}
        for aid, *cite in run("select applicant_id, target_id, material, file, page from citations order by id"):
            citations.setdefault(aid, []).append(tuple(cite))
        return Contents(
            recused={r["applicant_id"]: r["reason"] or "" for r in q("select applicant_id, reason from recusals")},
            answers=answers, comments=comments, citations=citations,
            recommendations={r["applicant_id"]: (r["decision"] or None, r["opinion"] or "")
                             for r in q("select applicant_id, decision, opinion from recommendations")},
            rounds=list(q("select round, content from rounds order by round")) if self.round > 1 else [])

    # -- submitting ------------------------------------------------------

    def canonical(self) -> str:
        """Everything that the fingerprint covers, as canonical JSON."""
        # Plain tuples straight from SQLite: this runs for every file of every merge.
        rows = lambda sql: self.db.conn.execute(sql).fetchall()  # noqa: E731 (tuples encode as JSON arrays)
        content = {
            "kind": KIND,
            "session_id": self.session_id,
            "expert": self.expert,
            "round": self.round,
            "rubrics": self.rubric_hashes(),
            "applicants": [[a.id, a.name, a.rubric_id, a.category, a.profile] for a in self.applicants],
            "recusals": rows("select applicant_id, reason from recusals order by applicant_id"),
            "answers": rows("select applicant_id, item_id, value, level from answers order by applicant_id, item_id"),
            "comments": rows("select applicant_id, target_id, text from comments order by applicant_id, target_id"),
            "recommendations": rows("select applicant_id, decision, opinion from recommendations order by applicant_id"),
            "citations": rows("select applicant_id, target_id, material, file, page from citations "
                              "order by applicant_id, target_id, file, page"),
            "history": rows("select id, at, round, applicant_id, target_id, field, old, new from history order by id"),
        }
        # Only when there are any: a file submitted before the declarations existed keeps its fingerprint.
        declared = rows("select applicant_id from no_conflicts order by applicant_id") if self._no_conflicts else []
        if declared:
            content["no_conflicts"] = declared
        return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def submit(self) -> str:
        """Check completeness, lock the file and return its fingerprint; IncompleteError lists the gaps."""
        if self.submitted:
            return self.fingerprint or ""
        missing = self.missing() + self.round_missing()
        if missing:
            raise IncompleteError(missing)
        with self._change():
            self._log(None, "submit", "status", "open", "submitted")
            content = self.canonical()
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
            fp = short_fingerprint(digest)
            self.db["rounds"].upsert({"round": self.round, "submitted_at": now(), "fingerprint": fp,
                                      "digest": digest, "content": content}, pk="round")
            self._set_meta("status", "submitted")
            self._set_meta("fingerprint", fp)
            self._set_meta("digest", digest)
        return fp

    def reopen(self) -> int:
        """Unlock a submitted file for a new round; the earlier round stays in the history."""
        if self.readonly:
            raise ScoreError("{file} is open read-only", file=self.path.name)
        if not self.submitted:
            return self.round
        try:
            with self.db.atomic():
                new_round = self.round + 1
                self._set_meta("round", str(new_round))
                self._set_meta("status", "open")
                self._set_meta("fingerprint", "")
                self._set_meta("digest", "")
                self._log(None, "reopen", "status", "submitted", f"open (round {new_round})")
        except sqlite3.Error as exc:
            raise _write_error(self.path, exc) from None
        return self.round

    def verify(self) -> Verification:
        """Recompute the fingerprint and name anything changed since submission."""
        if not self.submitted:
            return Verification(False, False, None, ("the file has not been submitted",))
        problems: list[str] = []
        row = next(self.db.query("select * from rounds where round = ?", [self.round]), None)
        stored_digest = self.meta("digest")
        if row is None:
            return Verification(False, True, self.fingerprint, ("the record of the submission is missing",))
        if hashlib.sha256((row["content"] or "").encode("utf-8")).hexdigest() != row["digest"]:
            problems.append("the record of the submission was edited")
        if row["digest"] != stored_digest or row["fingerprint"] != self.fingerprint:
            problems.append("the fingerprint was edited")
        if short_fingerprint(row["digest"]) != row["fingerprint"]:
            problems.append("the fingerprint does not match the submission record")
        current = self.canonical()
        if hashlib.sha256(current.encode("utf-8")).hexdigest() != stored_digest:
            problems.extend(describe_changes(row["content"] or "{}", current))
            if not problems:
                problems.append("the content differs from what was submitted")
        return Verification(not problems, True, self.fingerprint, tuple(problems))

    # -- re-check rounds (复核) --------------------------------------------
    #
    # A re-check round reopens only the items asked about (by the secretary's
    # request, app.recheck, or by the expert who found their own mistake):
    # every other write is refused (`_check_round_target`, called from
    # `_log`, through which every change passes). Each asked item is either
    # changed with a reason or confirmed unchanged before the round can be
    # submitted. The round's opening, reasons and confirmations are history
    # rows, so they are inside the fingerprint; every submitted round's
    # content stays in the rounds table.

    ROUND_FIELDS = ("recheck_reason", "recheck_confirm")

    def open_round(self, targets: list[tuple[str, str]], *, session_id: str, based_on: str | None,
                   request_id: str = "", result_fingerprint: str = "", reason: str = "") -> int:
        """Open re-check round N+1 on `targets` [(applicant id, item id)]; returns the new round number.

        `based_on` is the fingerprint of the submitted round the request was
        made against (None for the expert's own round); `reason` is required
        for an own round (no request_id). ScoreError, with nothing written,
        when the file is not submitted, belongs to another session, has moved
        on since the request, or a target is unknown, recused or repeated.
        """
        if self.readonly:
            raise ScoreError("{file} is open read-only", file=self.path.name)
        if session_id != self.session_id:
            raise ScoreError("the re-check request belongs to another session ({found}), not this score file's "
                             "({ours}); nothing was changed", found=session_id, ours=self.session_id)
        if not self.submitted:
            raise ScoreError("round {round} is still open: submit it before a re-check round is opened",
                             round=self.round)
        if based_on is not None and based_on != self.fingerprint:
            raise ScoreError("the re-check request was made for the submission {asked}, but this file is now at "
                             "round {round} ({fingerprint}); nothing was changed", asked=based_on or "—",
                             round=self.round, fingerprint=self.fingerprint or "—")
        reason = (reason or "").strip()
        if not request_id and not reason:
            raise ScoreError("give the reason for opening a new round yourself")
        asked = self._check_round_targets(targets)
        try:
            with self.db.atomic():  # reopen() and the round's record: both, or neither
                self.reopen()
                self._round_scope_cache = None
                self._log(None, "round", "recheck", None, json.dumps(
                    {"request": request_id, "result": result_fingerprint, "reason": reason, "own": not request_id,
                     "based_on": based_on or "", "items": [list(t) for t in asked]},
                    ensure_ascii=False, sort_keys=True))
        except sqlite3.Error as exc:
            raise _write_error(self.path, exc) from None
        return self.round

    def _check_round_targets(self, targets: list[tuple[str, str]]) -> list[tuple[str, str]]:
        asked: list[tuple[str, str]] = []
        for aid, item_id in targets:
            a = self.applicant(aid)
            if self.recusal(aid) is not None:
                raise ScoreError("you recused yourself from {name}; it cannot be re-checked", name=a.name)
            self._item(aid, item_id)  # raises the right sentence for an unknown item
            if (aid, item_id) in asked:
                raise ScoreError("{applicant} {item} is asked twice", applicant=aid, item=item_id)
            asked.append((aid, item_id))
        if not asked:
            raise ScoreError("a re-check round needs at least one item")
        return asked

    def round_request(self) -> dict | None:
        """How the current round was opened (request id, result fingerprint, reason, own, items), or None
        for round 1 and for a round opened by `reopen()` (which is not restricted)."""
        rows = list(self.db.query("select new from history where field = 'recheck' and round = ? order by id desc "
                                  "limit 1", [self.round]))
        return json.loads(rows[0]["new"]) if rows else None

    def round_targets(self) -> list[tuple[str, str]]:
        """The (applicant, item) pairs the current re-check round asks about (empty outside one)."""
        req = self.round_request()
        return [tuple(t) for t in req["items"]] if req else []  # type: ignore[misc]

    def _round_scope(self) -> dict[str, set[tuple[str, str]]] | None:
        cached = getattr(self, "_round_scope_cache", None)
        if cached is not None and cached[0] == self.round:
            return cached[1]
        req = self.round_request()
        scope = None
        if req is not None:
            asked = {tuple(t) for t in req["items"]}
            answers = set(asked)
            for aid, item_id in asked:
                item = self.items(aid).get(item_id)
                if item is not None and item.kind == "gate":  # a gate answered yes now needs what it stopped
                    answers |= {(aid, i) for i in self.applied(aid).stopped_by(item_id) if i in self.items(aid)}
            targets = set(answers)
            for aid, item_id in answers:
                item = self.items(aid).get(item_id)
                if item is not None and item.criterion:
                    targets.add((aid, item.criterion))
            scope = {"answer": answers, "comment": targets, "citation": targets, "recheck_reason": asked,
                     "recheck_confirm": asked}
        self._round_scope_cache = (self.round, scope)
        return scope

    def _check_round_target(self, applicant_id: str | None, target: str, field: str) -> None:
        """Refuse, inside the change's transaction, a write outside the current re-check round's items."""
        if applicant_id is None:
            return
        scope = self._round_scope()
        if scope is None:
            if field in self.ROUND_FIELDS:
                raise ScoreError("no re-check round is open")
            return
        if (applicant_id, target) not in scope.get(field, set()):
            raise ScoreError("{applicant} {target} was not asked in this re-check round (round {round}); only the "
                             "items asked can be changed", applicant=applicant_id, target=target, round=self.round)

    def previous_answers(self) -> dict[tuple[str, str], tuple[str, int | None]]:
        """(applicant, item) → (value, level) as the last submitted round recorded them."""
        row = next(self.db.query("select content from rounds where round < ? order by round desc limit 1",
                                 [self.round]), None)
        if row is None:
            return {}
        content = json.loads(row["content"] or "{}")
        return {(a, i): (v, lv) for a, i, v, lv in content.get("answers", [])}

    def round_reason(self, applicant_id: str, item_id: str, reason: str) -> None:
        """The expert's reason for changing an asked item in this round (empty text takes it back)."""
        reason = (reason or "").strip()
        with self._change():
            old = self._round_note(applicant_id, item_id, "recheck_reason")
            if (old or "") == reason:
                return
            self._log(applicant_id, item_id, "recheck_reason", old, reason or None)

    def round_confirm(self, applicant_id: str, item_id: str, confirmed: bool = True) -> None:
        """Confirm an asked item unchanged (复核确认不变); refused once its answer differs from the last round."""
        with self._change():
            now_value = self.answer(applicant_id, item_id)
            before = self.previous_answers().get((applicant_id, item_id), (None, None))[0]
            if confirmed and now_value != before:
                raise ScoreError("{applicant} {item} was changed in this round ({before} → {now}): give the reason "
                                 "for the change instead of confirming it", applicant=applicant_id, item=item_id,
                                 before=before or "—", now=now_value or "—")
            old = self._round_note(applicant_id, item_id, "recheck_confirm")
            new = now_value if confirmed else None
            if old == new:
                return
            self._log(applicant_id, item_id, "recheck_confirm", old, new)

    def _round_note(self, applicant_id: str, item_id: str, field: str, round_no: int | None = None) -> str | None:
        row = next(self.db.query("select new from history where round = ? and applicant_id = ? and target_id = ? "
                                 "and field = ? order by id desc limit 1",
                                 [round_no or self.round, applicant_id, item_id, field]), None)
        return None if row is None else row["new"]

    def round_items(self) -> list["RoundItem"]:
        """Every item the current re-check round asks about: before, now, reason, confirmation, state."""
        before = self.previous_answers()
        out = []
        levels: dict[str, dict[str, int | None]] = {}
        for aid, item_id in self.round_targets():
            was = before.get((aid, item_id), (None, None))
            now_value = self.answer(aid, item_id)
            now_level = levels.setdefault(aid, self.levels(aid)).get(item_id)
            changed = (now_value, now_level) != (was[0], was[1]) if now_value is not None else was[0] is not None
            reason = self._round_note(aid, item_id, "recheck_reason") or ""
            confirmed = not changed and self._round_note(aid, item_id, "recheck_confirm") == now_value \
                and now_value is not None
            state = ("changed" if reason else "open") if changed else ("confirmed" if confirmed else "open")
            out.append(RoundItem(aid, item_id, was[0], now_value, changed, reason, confirmed, state))
        return out

    def round_missing(self) -> list[Missing]:
        """The asked items still without a reason for their change, or without a confirmation."""
        from app.i18n import tr

        out = []
        for it in self.round_items():
            if it.state != "open":
                continue
            a = self.applicant(it.applicant_id)
            text = tr("give the reason for the change") if it.changed else tr("confirm it unchanged, or change it")
            out.append(Missing(a.id, a.name, it.item_id, text))
        return out

    def rounds_outside_request(self) -> list[str]:
        """Answers a submitted re-check round changed although its request did not ask for them
        (what ScoreFile refuses to write; found here in a file changed by other means)."""
        rows = list(self.db.query("select round, content from rounds order by round"))
        out = []
        for before, after in zip(rows, rows[1:]):
            b, a = json.loads(before["content"] or "{}"), json.loads(after["content"] or "{}")
            opened = [h for h in a.get("history", []) if h[2] == after["round"] and h[5] == "recheck"]
            if not opened:
                continue
            asked = {tuple(t) for t in json.loads(opened[-1][7])["items"]}
            allowed = set(asked)
            for aid, item_id in asked:
                if aid in self._by_id and self.items(aid).get(item_id) is not None \
                        and self.items(aid)[item_id].kind == "gate":
                    allowed |= {(aid, i) for i in self.applied(aid).stopped_by(item_id)}
            bm = {(x[0], x[1]): x[2:] for x in b.get("answers", [])}
            am = {(x[0], x[1]): x[2:] for x in a.get("answers", [])}
            for key in sorted(set(bm) | set(am)):
                if bm.get(key) != am.get(key) and key not in allowed:
                    out.append(f"round {after['round']}: {key[0]} {key[1]} changed although it was not asked")
            for part in ("recusals", "recommendations"):
                if sorted(map(list, b.get(part, []))) != sorted(map(list, a.get(part, []))):
                    out.append(f"round {after['round']}: {part} changed although they were not asked")
        return out

    def submitted_rounds(self) -> list[dict]:
        """Every submitted round: round, submitted_at, fingerprint (oldest first)."""
        return list(self.db.query("select round, submitted_at, fingerprint from rounds order by round"))

    def last_submission(self) -> tuple[int, str, "Contents"] | None:
        """The latest submitted round: its number, fingerprint and contents (None if nothing was submitted).

        While a re-check round is open this is the round before it, read from
        the record of that submission (whose own digest it must match).
        """
        if self.submitted:
            return self.round, self.fingerprint or "", self.contents()
        row = next(self.db.query("select * from rounds where round < ? order by round desc limit 1",
                                 [self.round]), None)
        if row is None:
            return None
        content = row["content"] or ""
        if hashlib.sha256(content.encode("utf-8")).hexdigest() != row["digest"] \
                or short_fingerprint(row["digest"]) != row["fingerprint"]:
            raise ScoreFileError("{file}: the record of round {round} was edited", file=str(self.path),
                                 round=row["round"])
        data = json.loads(content)
        answers: dict[str, dict[str, tuple[str, int | None]]] = {}
        for aid, item_id, value, level in data.get("answers", []):
            answers.setdefault(aid, {})[item_id] = (value, level)
        comments: dict[str, dict[str, str]] = {}
        for aid, target, text in data.get("comments", []):
            comments.setdefault(aid, {})[target] = text or ""
        citations: dict[str, list[tuple[str, str, str, int]]] = {}
        for aid, *cite in data.get("citations", []):
            citations.setdefault(aid, []).append(tuple(cite))
        earlier = list(self.db.query("select round, content from rounds where round <= ? order by round",
                                     [row["round"]]))
        return row["round"], row["fingerprint"], Contents(
            recused={aid: reason or "" for aid, reason in data.get("recusals", [])}, answers=answers,
            comments=comments, citations=citations,
            recommendations={aid: (d or None, o or "") for aid, d, o in data.get("recommendations", [])},
            rounds=earlier if len(earlier) > 1 else [])


@dataclass(frozen=True)
class RoundItem:
    """One item of a re-check round as the expert has answered it so far."""

    applicant_id: str
    item_id: str
    before: str | None  # as the last submitted round had it
    now: str | None
    changed: bool
    reason: str
    confirmed: bool
    state: str  # changed (with a reason) | confirmed | open (still to do)


def describe_changes(before_json: str, after_json: str) -> list[str]:
    """Readable differences between two canonical contents, e.g. "answers: A01 S1.1 was 4, now 3"."""
    try:
        before, after = json.loads(before_json), json.loads(after_json)
    except ValueError:
        return ["the record of the submission is unreadable"]
    out: list[str] = []
    # field → (columns that identify a row, columns a person cares about after them)
    keyed = {"answers": (2, 1), "comments": (2, 1), "recusals": (1, 1), "recommendations": (1, 2),
             "citations": (5, 0), "no_conflicts": (1, 0)}
    for field in sorted(set(before) | set(after)):
        b, a = before.get(field), after.get(field)
        if b == a:
            continue
        if field in keyed and isinstance(a, list) and isinstance(b, list):
            n, shown = keyed[field]
            bm = {tuple(x[:n]): x[n:n + shown] for x in b}
            am = {tuple(x[:n]): x[n:n + shown] for x in a}
            for key in sorted(set(bm) | set(am), key=str):
                if bm.get(key) != am.get(key):
                    was = "—" if key not in bm else (" / ".join(str(v) for v in bm[key]) or "present")
                    now_ = "—" if key not in am else (" / ".join(str(v) for v in am[key]) or "present")
                    out.append(f"{field}: {' '.join(map(str, key))} was {was}, now {now_}")
        else:
            out.append(f"{field} changed")
    return out


class _Database(Database):
    """A score file's connection: every outermost write transaction first rewrites page 1.

    ``PRAGMA user_version = <file id>`` as the transaction's first statement
    makes SQLite put page 1 (which holds the file id) at the head of the
    rollback journal, before any page of the file itself is overwritten. A
    journal this program leaves behind therefore always names the file it
    belongs to; see `check_journal`.
    """

    file_id = 0

    @contextlib.contextmanager
    def atomic(self) -> Iterator["Database"]:
        outer = not self.conn.in_transaction
        with super().atomic():
            if outer:
                if not self.file_id:  # a new file, or one from before file ids: its id from now on
                    self.file_id = secrets.randbelow(2 ** 31 - 2) + 1
                self.conn.execute(f"PRAGMA user_version = {int(self.file_id)}")
            yield self


def _connect(path: Path, *, readonly: bool = False) -> _Database:
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    else:
        conn = sqlite3.connect(str(path))
        # One self-contained file at every moment (no -wal beside it to forget
        # when copying to a USB stick), and every commit on disk before we say "saved".
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    db = _Database(conn)
    db.file_id = conn.execute("PRAGMA user_version").fetchone()[0]
    return db


# --------------------------------------------------------------------------- journals

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
APPLICATION_ID = 0x50527363  # "PRsc" in the SQLite header: a PanelReview score file
# Tables whose every change is also a history row: a journal that changes one of them without adding to
# the history did not come from this program (the signature and the migrations table are outside it).
_LOGGED_TABLES = ("meta", "rubrics", "applicants", "recusals", "answers", "comments", "recommendations",
                  "citations", "rounds")


def side_file(path: Path) -> Path | None:
    """The journal or WAL file beside `path` that SQLite would apply to it on opening, or None.

    A rollback journal counts when it is not empty and its first byte is not
    zero (SQLite's own test for a "hot" journal); a WAL file counts whenever
    it exists (SQLite reads it even for a file that is not in WAL mode).
    """
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if os.path.lexists(wal):
        return wal
    journal = path.with_name(path.name + "-journal")
    try:
        with open(journal, "rb") as fh:
            first = fh.read(1)
    except FileNotFoundError:
        return None
    except OSError:
        return journal  # a folder or an unreadable file by that name: not ours, and SQLite would trip on it
    return journal if first not in (b"", b"\x00") else None


@dataclass(frozen=True)
class _Facts:
    """What a (copy of a) score file holds, read with plain SQL."""

    intact: bool
    meta: dict[str, str]
    history: list[tuple]
    logged: dict[str, list[tuple]]


def _facts(path: Path) -> _Facts | None:
    try:
        conn = sqlite3.connect(str(path))
        try:
            intact = conn.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"
            meta = {k: v for k, v in conn.execute("select key, value from meta")}
            history = conn.execute("select id, at, round, applicant_id, target_id, field, old, new from history "
                                   "order by id").fetchall()
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            logged = {t: sorted(conn.execute(f"select * from {t}").fetchall(), key=repr)
                      for t in _LOGGED_TABLES if t in names}
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return _Facts(intact, meta, history, logged)


def _header(data: bytes) -> dict[str, int] | None:
    """Page size, change counter, journal mode (1 rollback, 2 WAL) and file id of an SQLite header."""
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        return None
    size = int.from_bytes(data[16:18], "big")
    return {"page_size": 65536 if size == 1 else size, "counter": int.from_bytes(data[24:28], "big"),
            "mode": data[18], "file_id": int.from_bytes(data[60:64], "big", signed=True),
            "app_id": int.from_bytes(data[68:72], "big", signed=True)}


def _journal_page1(journal: Path, page_size: int) -> tuple[bool, bytes | None]:
    """(whether the journal's headers are for pages of `page_size` bytes, its copy of page 1 or None)."""
    data = journal.read_bytes()
    off, size_ok = 0, True
    while off + 28 <= len(data) and data[off:off + 8] == JOURNAL_MAGIC:
        nrec, _nonce, _orig, sector, psize = (int.from_bytes(data[off + k:off + k + 4], "big")
                                              for k in range(8, 28, 4))
        if psize != page_size:
            return False, None
        if sector < 32 or sector & (sector - 1):
            break
        off += sector
        if nrec in (0, 0xFFFFFFFF):
            nrec = (len(data) - off) // (psize + 8)
        for _ in range(nrec):
            if off + psize + 8 > len(data):
                break
            if int.from_bytes(data[off:off + 4], "big") == 1:
                return size_ok, data[off + 4:off + 4 + psize]
            off += psize + 8
        off = -(-off // sector) * sector
    return size_ok, None


def check_journal(path: Path, side: Path, work: Path) -> tuple[Path | None, Sentence | None]:
    """Whether the journal (or WAL) `side` beside score file `path` is the file's own: (recovered copy, reason).

    A journal beside a score file is what SQLite replays into it when it is
    opened: the original pages of a write that did not finish. SQLite cannot
    know whether the journal belongs to the file (its header holds no link to
    the file), so a journal left by another file — ``E02.prscore-journal``
    renamed, copied from a stick, or left when a file was replaced — would
    overwrite this file's pages with another file's and destroy it. This
    program therefore decides before SQLite sees the file, on private copies
    in `work`, so the file itself is never touched while deciding:

    1. A WAL file is never ours: score files always use a rollback journal
       (`_connect`), so a -wal beside a file in rollback mode is foreign.
    2. The journal's headers must be for the file's page size.
    3. Every write transaction of this program rewrites page 1 first
       (`_Database.atomic`), so its journal holds the file's page 1, with the
       random file id that `create` put in the header (``user_version``)
       and a change counter equal to the file's or one less. A copy of page
       1 with another id, or another counter, is another file's.
    4. The journal is replayed into a copy of the file (what SQLite would do);
       the result must be an intact score file of the same session, expert
       and creation time as the file; its history must be the file's history
       or the start of it (history only grows, so an unfinished write can only
       have added to it); and where the history is the same, everything the
       history records must be the same too.

    Where the file as it stands cannot be read (a write torn half-way), only
    3 can tell: a journal with the file's page 1 and id is applied, any other
    is refused. Returns the recovered copy when the journal belongs to the
    file (or changes nothing in it), else None and the reason in words.
    """
    work.mkdir(parents=True, exist_ok=True)
    raw = work / "as-is.prscore"
    shutil.copyfile(path, raw)
    head = _header(raw.read_bytes()[:100])
    wal = side.name.endswith("-wal")
    if wal and (head is None or head["mode"] != 2):
        return None, Sentence("score files never use a WAL file, so this one was left by another program or file")
    page1 = None
    if not wal:
        if not side.is_file():
            return None, Sentence("it is not a journal file")
        size_ok, page1 = _journal_page1(side, head["page_size"] if head else 0)
        if not size_ok:
            return None, Sentence("it was written for a file with pages of another size")
    trial = work / "trial.prscore"
    shutil.copyfile(path, trial)
    shutil.copyfile(side, trial.with_name(trial.name + ("-wal" if wal else "-journal")))
    try:
        conn = sqlite3.connect(str(trial))
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()  # SQLite replays the journal here
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
    except sqlite3.Error:
        return None, Sentence("replaying it would leave a damaged file")
    if raw.read_bytes() == trial.read_bytes():
        return trial, None  # SQLite would only delete it: it changes nothing in the file
    recovered, before = _facts(trial), _facts(raw)
    if recovered is None or not recovered.intact or recovered.meta.get("kind") != KIND:
        return None, Sentence("replaying it would leave a damaged file")
    if page1 is not None and head is not None:
        mine = _header(page1)
        if mine is None or (head["file_id"] and mine["file_id"] != head["file_id"]):
            return None, Sentence("its copy of the file's first page carries another file's identity")
        if head["counter"] not in (mine["counter"], mine["counter"] + 1):
            return None, Sentence("its copy of the file's first page is from another point in time")
    if before is None or not before.intact:
        if page1 is None or head is None or not head["file_id"]:
            return None, Sentence("the file as it stands cannot be read, and the journal does not show that it "
                                  "belongs to it")
        return trial, None
    for key in ("session_id", "expert_id", "created"):
        if recovered.meta.get(key) != before.meta.get(key):
            return None, Sentence("it holds another score file's pages (another expert or session)")
    if recovered.history != before.history[:len(recovered.history)]:
        return None, Sentence("it would rewrite the file's history")
    if len(recovered.history) == len(before.history) and recovered.logged != before.logged:
        return None, Sentence("it would change answers without a trace in the history")
    return trial, None


def _through_journal(path: Path, side: Path, *, readonly: bool) -> _Database | None:
    """Open `path` with the journal `side` beside it, once `check_journal` says the journal is the file's.

    Read-only: the recovered copy, in memory (the file is not touched; a
    writing command recovers it). Writing: None, and SQLite replays the
    journal into the file when it is opened. A journal that is not the
    file's: ScoreFileError naming it, and neither file is changed.
    """
    with tempfile.TemporaryDirectory(prefix="panelreview-journal-") as work:
        try:
            recovered, reason = check_journal(path, side, Path(work))
        except OSError as exc:
            recovered, reason = None, Sentence("it cannot be read: {reason}", reason=str(exc))
        if recovered is None:
            raise ScoreFileError(
                "{file}: the file {journal} beside it is not this file's journal ({reason}). Opening the score "
                "file would have written that file's pages into it, so nothing was opened and nothing was "
                "changed. Move {journal} out of this folder (keep it until you know where it came from), then "
                "try again.", file=str(path), journal=side.name, reason=str(reason))
        if not readonly:
            return None
        conn = sqlite3.connect(":memory:")
        src = sqlite3.connect(str(recovered))
        try:
            src.backup(conn)
        finally:
            src.close()
    conn.execute("PRAGMA foreign_keys=ON")
    db = _Database(conn)
    db.file_id = conn.execute("PRAGMA user_version").fetchone()[0]
    return db


def _create_error(path: Path, exc: OSError) -> ScoreFileError:
    from app.files import storage_error

    return ScoreFileError("cannot create the score file {file}: {reason}", file=str(path),
                          reason=str(storage_error(exc, exc.filename or path)))


def _write_error(path: Path, exc: sqlite3.Error) -> ScoreError:
    text = str(exc).lower()
    if "full" in text:
        return ScoreError("could not save to {file}: the disk is full; nothing was changed", file=path.name)
    if "readonly" in text or "read-only" in text:
        return ScoreError("could not save to {file}: the file or folder is read-only; nothing was changed",
                          file=path.name)
    if "append-only" in text:
        return ScoreError("{file}: the history cannot be changed", file=path.name)
    return ScoreError("could not save to {file}: {reason}; nothing was changed", file=path.name, reason=str(exc))


def default_path(session_dir: Path, expert_id: str) -> Path:
    return Path(session_dir) / "scores" / f"{expert_id}{SUFFIX}"


def candidate_paths(session: Any, expert_id: str) -> list[Path]:
    """Where an expert's score file for `session` may be: in the session folder, else the data folder."""
    from app import paths

    return [default_path(session.path, expert_id),
            paths.data_dir() / "scores" / session.id / f"{expert_id}{SUFFIX}"]


def open_or_create(session: Any, expert_id: str) -> ScoreFile:
    """The expert's score file for `session`: the existing one, or a new one where it can be written.

    A session folder on a read-only stick or share is fine: the file then goes
    to the data folder (or beside the program in portable mode).
    """
    session.expert(expert_id)
    places = candidate_paths(session, expert_id)
    for path in places:
        if path.is_file():
            scores = ScoreFile.open(path)
            if scores.session_id != session.id or scores.expert_id != expert_id:
                scores.close()
                raise ScoreFileError("{file} belongs to another session or expert", file=str(path))
            return scores
    last: Exception | None = None
    for path in places:
        try:
            return ScoreFile.create(path, session, expert_id)
        except (OSError, ScoreError, ScoreFileError) as exc:
            last = exc
    raise ScoreFileError("cannot create a score file in {places}: {reason}",
                         places=", ".join(str(p.parent) for p in places), reason=str(last))
