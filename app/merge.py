"""The secretary's desk: take the experts' score files in, merge them, rank, keep the record.

`merge(session, inputs, out=...)` checks every score file (or folder of them),
refuses the ones that cannot be trusted — each with its reason — and merges
the rest into one result file (SQLite), which `load_result()` reads back.

Rules, in the words of the calls (000: 符合基本条件 + 总量控制 + 分高优先 + 实地验证):

* Consensus by the session's method (mean, trimmed_mean, median; see
  app.consensus), rounded half up to `decimals`. The method is applied
  independently to the totals, to each section's and to each criterion's
  values. Recused experts (回避) are left out of that applicant; with fewer
  than `min_experts` the applicant is flagged "insufficient_experts" and
  not ranked.
* A basic condition or gate is met when more than half (condition_rule
  "majority"; a tie is not a majority) or all ("unanimous") of the
  non-recused experts who answered it said yes. An applicant failing one is
  ineligible and not ranked. Priority conditions (倾斜条件) are met by the
  same rule and only count in tie-breaks.
* Rubrics without a points table (national, Chongqing) are decided by the
  experts' recommendations: ranked by the number of positive ones, then by
  priority conditions met; their total is None.
* Ranking within each quota category by consensus total; equal totals are
  separated by the rubric's tie_break sections in order, then by the number
  of priority conditions met. Applicants still equal share a rank and are
  marked tied: a tie is never broken silently.
* Candidates (候选名单): applicants are proposed for field inspection in
  rank order; the list is filled in rank order from those who passed, up to
  the quota. An applicant not yet inspected stops the filling at its place —
  the list cannot skip over it, since it might pass. Applicants tied at the
  quota boundary (more passed than places left) are reported as
  `boundary_tie` and none of them is made a candidate: the panel decides.
  A category without a quota takes everyone who passed.
* Flags (畸高畸低, advisory): an expert whose total differs from the
  consensus of the others by more than `flag_total_threshold`; a criterion
  whose spread (max − min) exceeds `flag_spread_fraction` × its maximum.
* Agreement (advisory): Kendall's W per category over the ranked
  applicants and the experts who scored all of them; each expert's
  leniency = mean(expert total − consensus).

Merging again to the same result file keeps the inspections already
recorded there (for applicants that are still ranked).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlite_utils import Database

from app import __version__, files
from app import consensus as cons
from app.errors import MergeError, PanelReviewError, ScoreFileError, SessionError
from app.i18n import tr
from app.scorefile import NEGATIVE, NO, POSITIVE, SUFFIX, YES, ScoreFile

KIND = "panelreview-result"
SCHEMA = 1
ACCEPTED, REJECTED = "accepted", "rejected"
STATUSES = ("candidate", "ranked", "ineligible", "insufficient_experts")
PASSED, FAILED = "passed", "failed"


def N_(text: str) -> str:
    """Marks a string for translation where it is defined; tr() translates it where it is shown."""
    return text


# --------------------------------------------------------------------------- the result


@dataclass
class FileStatus:
    path: str
    expert_id: str | None
    expert_name: str
    organisation: str
    title: str
    fingerprint: str | None
    round: int | None
    status: str  # accepted | rejected
    reason: str  # "" when accepted


@dataclass
class Flag:
    kind: str  # outlier_total | criterion_spread | insufficient_experts
    expert_id: str | None
    criterion_id: str | None
    detail: str
    data: dict = field(default_factory=dict, repr=False)


@dataclass
class Inspection:
    result: str  # passed | failed
    note: str
    at: str


@dataclass
class ConditionResult:
    """A basic condition, gate or priority condition as the panel answered it."""

    id: str
    kind: str  # condition | gate | priority
    text: str
    met: bool | None  # None: nobody answered it (stopped by a gate)
    yes: int
    no: int
    answers: dict[str, tuple[str, str]]  # expert id → (yes/no, comment)


@dataclass
class RoundChange:
    expert_id: str
    applicant_id: str
    target_id: str
    criterion_id: str | None
    round_from: int
    round_to: int
    old: str | None
    new: str | None


@dataclass
class ApplicantResult:
    id: str
    name: str
    category: str
    rubric_id: str
    variant: str
    experts_scored: list[str]
    recused: list[str]
    eligible: bool
    ineligible_reasons: list[str]
    total: Decimal | None
    sections: dict[str, Decimal | None]
    criteria: dict[str, Decimal | None]
    expert_totals: dict[str, Decimal | None]
    recommendations: dict[str, int]
    priority_met: list[str]
    rank: int | None
    tied: bool
    flags: list[Flag]
    status: str
    inspection: Inspection | None
    conditions: list[ConditionResult] = field(default_factory=list)
    changes: list[RoundChange] = field(default_factory=list)
    has_points: bool = True


@dataclass
class Result:
    session_id: str
    title: str
    date: str
    method: str
    settings: dict[str, Any]
    created: str
    files: list[FileStatus]
    experts: list[dict[str, Any]]
    applicants: list[ApplicantResult]
    categories: list[dict[str, Any]]
    agreement: dict[str, dict[str, Any]]
    leniency: dict[str, Decimal | None]
    changes: list[RoundChange] = field(default_factory=list)
    path: str = ""

    @property
    def accepted(self) -> list[FileStatus]:
        return [f for f in self.files if f.status == ACCEPTED]

    @property
    def rejected(self) -> list[FileStatus]:
        return [f for f in self.files if f.status == REJECTED]

    def applicant(self, applicant_id: str) -> ApplicantResult:
        for a in self.applicants:
            if a.id == applicant_id:
                return a
        raise MergeError("the result has no applicant {id}", id=applicant_id)

    def expert_name(self, expert_id: str) -> str:
        return next((e["name"] for e in self.experts if e["id"] == expert_id), expert_id)

    @property
    def decimals(self) -> int:
        return int(self.settings.get("decimals", 2))


# --------------------------------------------------------------------------- taking files in


def collect(inputs: Iterable[Path | str]) -> list[Path]:
    """Score files named directly, and every *.prscore in named folders (sorted), without repeats."""
    out: list[Path] = []
    seen: set[Path] = set()
    for item in inputs:
        p = Path(item)
        found = sorted(p.glob(f"*{SUFFIX}")) if p.is_dir() else [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


@dataclass
class _Expert:
    """What one accepted file says, read in a few queries."""

    id: str
    path: str
    round: int
    recused: dict[str, str]
    answers: dict[str, dict[str, tuple[str, int | None]]]
    comments: dict[str, dict[str, str]]
    citations: dict[str, list[dict]]
    recommendations: dict[str, tuple[str | None, str]]
    rounds: list[dict]


class _Rubrics:
    """The session's applied rubrics with their items and what each gate stops, computed once."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.items: dict[str, dict[str, Any]] = {}
        self.order: dict[str, list[Any]] = {}
        self.gates: dict[str, dict[str, set[str]]] = {}
        self.checked: dict[tuple[int, str], bool] = {}  # (id of an Allowed, answer) → within it
        for a in session.applicants:
            applied = session.applied(a.id)
            items = applied.items()
            self.order[a.id] = items
            self.items[a.id] = {i.id: i for i in items}
            self.gates[a.id] = {i.id: applied.stopped_by(i.id) for i in items if i.kind == "gate"}

    def stopped(self, aid: str, answers: dict[str, tuple[str, int | None]]) -> set[str]:
        out: set[str] = set()
        for gid, stops in self.gates[aid].items():
            got = answers.get(gid)
            if got is not None and got[0] == NO:
                out |= stops
        return out


def _reason(exc: PanelReviewError) -> dict:
    return {"template": exc.template, "fields": {k: _plain(v) for k, v in exc.fields.items()}}


def _plain(v: Any) -> Any:
    return v if isinstance(v, (str, int, float, bool)) or v is None else str(v)


def _render(reason: dict | None) -> str:
    if not reason:
        return ""
    return MergeError(reason["template"], **reason.get("fields", {})).message()


def _check(path: Path, session: Any, rubrics: _Rubrics) -> tuple[_Expert | None, dict, dict]:
    """(what the file says or None, its identity, the reason it was refused as template+fields or {})."""
    ident: dict[str, Any] = {"expert_id": None, "expert_name": "", "organisation": "", "title": "",
                             "fingerprint": None, "round": None}
    file = str(path)
    try:
        sf = ScoreFile.open(path, readonly=True)
    except ScoreFileError as exc:
        return None, ident, _reason(exc)
    except sqlite3.DatabaseError as exc:
        return None, ident, _reason(MergeError("{file}: the score file is damaged: {reason}", file=file,
                                               reason=str(exc)))
    try:
        ident.update(expert_id=sf.expert_id or None, expert_name=sf.expert.get("name", ""),
                     organisation=sf.expert.get("organisation", ""), title=sf.expert.get("title", ""),
                     fingerprint=sf.fingerprint, round=sf.round)
        problem = _problem(sf, file, session, rubrics)
        if problem is not None:
            return None, ident, _reason(problem)
        return _read(sf, file), ident, {}
    except sqlite3.DatabaseError as exc:
        return None, ident, _reason(MergeError("{file}: the score file is damaged: {reason}", file=file,
                                               reason=str(exc)))
    finally:
        sf.close()


def _problem(sf: ScoreFile, file: str, session: Any, rubrics: _Rubrics) -> PanelReviewError | None:
    """Why the file cannot be merged, or None."""
    if sf.session_id != session.id:
        return MergeError("{file}: belongs to another session ({found}), not {title}", file=file,
                          found=sf.meta("session_title") or sf.session_id, title=session.title)
    theirs, ours = sf.rubric_hashes(), session.rubric_hashes()
    for rid in sorted(set(theirs) | set(ours)):
        if theirs.get(rid) != ours.get(rid):
            return MergeError("{file}: its copy of rubric {rubric} differs from the session's", file=file,
                              rubric=rid)
    mine = {a.id: a for a in sf.applicants}
    for a in session.applicants:
        got = mine.get(a.id)
        if got is None or got.rubric_id != a.rubric_id or got.profile != a.profile:
            return MergeError("{file}: its copy of applicant {applicant} differs from the session's", file=file,
                              applicant=a.id)
    try:
        session.expert(sf.expert_id)
    except SessionError:
        return MergeError("{file}: expert {expert} is not on the session's panel", file=file,
                          expert=sf.expert_id or "?")
    if not sf.submitted:
        return MergeError("{file}: not submitted (round {round} is still open)", file=file, round=sf.round)
    check = sf.verify()
    if not check.ok:
        return MergeError("{file}: changed after it was submitted: {problems}", file=file,
                          problems="; ".join(check.problems))
    return None


def _read(sf: ScoreFile, file: str) -> _Expert:
    q = sf.db.query
    run = sf.db.conn.execute  # plain tuples for the big tables: a dict per row costs more than the query
    answers: dict[str, dict[str, tuple[str, int | None]]] = {}
    for aid, item_id, value, level in run("select applicant_id, item_id, value, level from answers"):
        answers.setdefault(aid, {})[item_id] = (value, level)
    comments: dict[str, dict[str, str]] = {}
    for aid, target, text in run("select applicant_id, target_id, text from comments"):
        comments.setdefault(aid, {})[target] = text or ""
    citations: dict[str, list[dict]] = {}
    for r in q("select applicant_id, target_id, material, file, page from citations order by id"):
        citations.setdefault(r["applicant_id"], []).append(
            {"target_id": r["target_id"], "material": r["material"], "file": r["file"], "page": r["page"]})
    return _Expert(
        id=sf.expert_id, path=file, round=sf.round,
        recused={r["applicant_id"]: r["reason"] or "" for r in q("select applicant_id, reason from recusals")},
        answers=answers, comments=comments, citations=citations,
        recommendations={r["applicant_id"]: (r["decision"] or None, r["opinion"] or "")
                         for r in q("select applicant_id, decision, opinion from recommendations")},
        rounds=list(q("select round, content from rounds order by round")) if sf.round > 1 else [],
    )


def _validate(e: _Expert, session: Any, rubrics: _Rubrics) -> PanelReviewError | None:
    """Every answer against the applied rubric's bands and yes/no, and nothing required left out."""
    checked = rubrics.checked
    for a in session.applicants:
        items = rubrics.items[a.id]
        answers = e.answers.get(a.id, {})
        if a.id in e.recused:
            if answers:
                return MergeError("{file}: {applicant} has answers although the expert recused", file=e.path,
                                  applicant=a.id)
            continue
        for item_id, (value, _level) in answers.items():
            item = items.get(item_id)
            if item is None:
                return MergeError("{file}: {applicant} {item} is not an item of its rubric", file=e.path,
                                  applicant=a.id, item=item_id)
            if item.takes_points:
                key = (id(item.allowed), value)  # rubrics keeps every Allowed alive
                ok = checked.get(key)
                if ok is None:
                    try:
                        pts = Decimal(value)
                        ok = pts.is_finite() and pts in item.allowed
                    except (InvalidOperation, TypeError):
                        ok = False
                    checked[key] = ok
                if not ok:
                    return MergeError("{file}: {applicant} {item}: {points} points are outside its bands ({allowed})",
                                      file=e.path, applicant=a.id, item=item_id, points=value,
                                      allowed=str(item.allowed))
            elif value not in (YES, NO):
                return MergeError("{file}: {applicant} {item}: answer {value!r} is neither yes nor no", file=e.path,
                                  applicant=a.id, item=item_id, value=value)
        stopped = rubrics.stopped(a.id, answers)
        for item in rubrics.order[a.id]:
            if item.id not in stopped and item.id not in answers:
                return MergeError("{file}: {applicant} {item} is unanswered although the file was submitted",
                                  file=e.path, applicant=a.id, item=item.id)
        decision = e.recommendations.get(a.id, (None, ""))[0]
        if decision not in (POSITIVE, NEGATIVE):
            return MergeError("{file}: {applicant} has no recommendation although the file was submitted",
                              file=e.path, applicant=a.id)
    return None


def take_in(session: Any, inputs: Iterable[Path | str], *, progress: Callable[[int, int], None] | None = None
            ) -> tuple[list[dict], list[_Expert], _Rubrics]:
    """Every file's status (in the order given), the accepted experts' scores in roster order, the rubrics."""
    rubrics = _Rubrics(session)
    files: list[dict] = []
    accepted: dict[str, tuple[_Expert, str]] = {}
    paths = list(collect(inputs))
    for done, path in enumerate(paths):
        if progress:
            progress(done, len(paths) + 1)
        expert, ident, reason = _check(path, session, rubrics)
        if expert is not None:
            problem = _validate(expert, session, rubrics)
            if problem is not None:
                expert, reason = None, _reason(problem)
        if expert is not None and expert.id in accepted:
            reason = _reason(MergeError("{file}: expert {expert} already handed in {other}; only the first is merged",
                                        file=str(path), expert=expert.id, other=accepted[expert.id][1]))
            expert = None
        if expert is not None:
            accepted[expert.id] = (expert, str(path))
        files.append({"path": str(path), **ident, "status": ACCEPTED if expert else REJECTED, "reason": reason})
    order = [e.id for e in session.experts]
    return files, [accepted[eid][0] for eid in order if eid in accepted], rubrics


# --------------------------------------------------------------------------- merging


def _num(value: Any, default: Any) -> Decimal:
    return Decimal(str(value if value is not None else default))


def merge(session: Any, inputs: Iterable[Path | str], *, out: Path, now: str | None = None,
          progress: Callable[[int, int], None] | None = None) -> Result:
    """Check and merge the score files in `inputs` into a new result file at `out`; the Result.

    Refused files are listed with their reason and the rest are merged.
    MergeError when no file could be merged (its problems give every reason).
    """
    files, experts, rubrics = take_in(session, inputs, progress=progress)
    if not experts:
        raise MergeError("none of the {count} score files could be merged", count=len(files)).having(
            [MergeError(f["reason"]["template"], **f["reason"]["fields"]) for f in files if f["reason"]])
    rows = _build(session, files, experts, rubrics, previous=_previous_inspections(Path(out), session.id))
    rows["meta"]["created"] = now or datetime.now().astimezone().isoformat(timespec="seconds")
    write_result(rows, Path(out))
    return load_result(out)


def _previous_inspections(out: Path, session_id: str) -> dict[str, dict]:
    if not out.is_file():
        return {}
    try:
        db = _open(out)
    except MergeError:
        return {}
    try:
        meta = {r["key"]: r["value"] for r in db["meta"].rows}
        if meta.get("session_id") != session_id:
            return {}
        return {r["applicant_id"]: r for r in db["inspections"].rows}
    except sqlite3.Error:
        return {}
    finally:
        db.close()


def _build(session: Any, files: list[dict], experts: list[_Expert], rubrics: _Rubrics, *,
           previous: dict[str, dict]) -> dict[str, Any]:
    """Every row of the result file."""
    st = session.settings
    method = st.get("method", "mean")
    trim = int(st.get("trim_min_experts", 5))
    decimals = int(st.get("decimals", 2))
    min_experts = int(st.get("min_experts", 3))
    unanimous = st.get("condition_rule", "majority") == "unanimous"
    threshold = _num(st.get("flag_total_threshold"), 15)
    fraction = _num(st.get("flag_spread_fraction"), "0.5")

    def agree(values: list[Decimal]) -> Decimal | None:
        return cons.consensus(values, method, trim_min=trim, decimals=decimals)

    rows: dict[str, Any] = {k: [] for k in (
        "files", "experts", "applicants", "parts", "expert_applicants", "comments",
        "citations", "conditions", "flags", "changes", "inspections", "categories", "agreement", "leniency")}
    rows["meta"] = {"kind": KIND, "schema": SCHEMA, "app_version": __version__, "session_id": session.id,
                    "title": session.title, "date": session.date or "", "method": method,
                    "settings": json.dumps(st, ensure_ascii=False, sort_keys=True)}
    for k, f in enumerate(files):
        rows["files"].append({"position": k, "path": f["path"], "expert_id": f["expert_id"],
                              "expert_name": f["expert_name"], "organisation": f["organisation"],
                              "title": f["title"], "fingerprint": f["fingerprint"], "round": f["round"],
                              "status": f["status"], "reason": json.dumps(f["reason"], ensure_ascii=False)
                              if f["reason"] else None})
    merged = {e.id for e in experts}
    for k, e in enumerate(session.experts):
        rows["experts"].append({"id": e.id, "position": k, "name": e.name, "organisation": e.organisation,
                                "title": e.title, "merged": int(e.id in merged)})

    results: list[dict] = []
    for pos, a in enumerate(session.applicants):
        applied = session.applied(a.id)
        rubric = applied.rubric
        items = rubrics.items[a.id]
        scorers = [e for e in experts if a.id not in e.recused]
        recused = [e.id for e in experts if a.id in e.recused]
        criteria = [c for c in applied.criteria() if not c.is_gate]
        k = 0
        for s in applied.sections:
            rows["parts"].append({"applicant_id": a.id, "position": k, "kind": "section", "id": s.id,
                                  "parent": None, "text": f"{s.no} {s.title}".strip(), "max": str(s.max)})
            k += 1
            for c in s.criteria:
                rows["parts"].append({"applicant_id": a.id, "position": k, "kind": "gate" if c.is_gate else "criterion",
                                      "id": c.id, "parent": s.id, "text": c.text, "max": str(c.max)})
                k += 1
        for item in rubrics.order[a.id]:
            rows["parts"].append({"applicant_id": a.id, "position": k, "kind": "item:" + item.kind, "id": item.id,
                                  "parent": item.criterion, "text": item.text,
                                  "max": None if item.max is None else str(item.max)})
            k += 1

        per_total: dict[str, Decimal | None] = {}
        per_crit: dict[str, dict[str, Decimal]] = {}
        per_sec: dict[str, dict[str, Decimal]] = {}
        per_stopped: dict[str, set[str]] = {}
        for e in experts:
            answers = e.answers.get(a.id, {})
            stopped = per_stopped[e.id] = rubrics.stopped(a.id, answers)
            comments = e.comments.get(a.id, {})
            decision, opinion = e.recommendations.get(a.id, (None, ""))
            is_recused = a.id in e.recused
            crit_pts = {c.id: Decimal(0) for c in criteria}
            sec_pts = {s.id: Decimal(0) for s in applied.sections}
            total = Decimal(0)
            given: dict[str, list] = {}
            for item_id, (value, level) in answers.items():
                item = items[item_id]
                counted = item.takes_points and item_id not in stopped
                given[item_id] = [value, level, int(counted)]
                if counted and not is_recused:
                    pts = Decimal(value)
                    total += pts
                    cid, sid = item.criterion or item_id, item.section or ""
                    crit_pts[cid] = crit_pts.get(cid, Decimal(0)) + pts
                    sec_pts[sid] = sec_pts.get(sid, Decimal(0)) + pts
            for target, text in comments.items():
                rows["comments"].append({"applicant_id": a.id, "expert_id": e.id, "target_id": target, "text": text})
            for c in e.citations.get(a.id, []):
                rows["citations"].append({"applicant_id": a.id, "expert_id": e.id, **c})
            if is_recused:
                rows["expert_applicants"].append({"applicant_id": a.id, "expert_id": e.id, "recused": e.recused[a.id],
                                                  "total": None, "decision": None, "opinion": None,
                                                  "answers": _compact(given)})
                continue
            per_total[e.id] = total if rubric.has_points else None
            per_crit[e.id], per_sec[e.id] = crit_pts, sec_pts
            rows["expert_applicants"].append({
                "applicant_id": a.id, "expert_id": e.id, "recused": None, "total": _s(per_total[e.id]),
                "decision": decision, "opinion": opinion, "answers": _compact(given),
                "sections": _points_json(sec_pts) if rubric.has_points else None,
                "criteria": _points_json(crit_pts) if rubric.has_points else None})

        # conditions, gates, priority conditions
        failed: list[str] = []
        priority_met: list[str] = []
        for item in rubrics.order[a.id]:
            if item.kind not in ("condition", "gate", "priority"):
                continue
            # an answer a gate's "no" made moot does not count, as its points would not
            said = {e.id: e.answers.get(a.id, {}).get(item.id) for e in scorers if item.id not in per_stopped[e.id]}
            said = {eid: v[0] for eid, v in said.items() if v is not None}
            yes = sum(1 for v in said.values() if v == YES)
            no = len(said) - yes
            if not said:
                met = None
            else:
                met = yes == len(said) if unanimous else 2 * yes > len(said)
            rows["conditions"].append({"applicant_id": a.id, "item_id": item.id, "kind": item.kind,
                                       "text": item.text, "met": None if met is None else int(met),
                                       "yes": yes, "no": no})
            if met is False and item.kind in ("condition", "gate"):
                failed.append(item.id)
            if met and item.kind == "priority":
                priority_met.append(item.id)

        values = [per_total[e.id] for e in scorers if per_total.get(e.id) is not None]
        total = agree(values) if rubric.has_points else None
        sections = {s.id: agree([per_sec[e.id][s.id] for e in scorers]) if rubric.has_points else None
                    for s in applied.sections}
        crit_cons = {c.id: agree([per_crit[e.id][c.id] for e in scorers]) if rubric.has_points else None
                     for c in criteria}
        decisions = [e.recommendations.get(a.id, (None, ""))[0] for e in scorers]
        rec_yes = sum(1 for d in decisions if d == POSITIVE)
        rec_no = sum(1 for d in decisions if d == NEGATIVE)

        flags: list[dict] = []
        if len(scorers) < min_experts:
            flags.append({"kind": "insufficient_experts", "expert_id": None, "criterion_id": None,
                          "data": {"count": len(scorers), "min": min_experts}})
        if rubric.has_points and len(scorers) >= 2:
            for e in scorers:
                others = agree([per_total[o.id] for o in scorers if o is not e])
                diff = per_total[e.id] - others
                if abs(diff) > threshold:
                    flags.append({"kind": "outlier_total", "expert_id": e.id, "criterion_id": None,
                                  "data": {"total": str(per_total[e.id]), "others": str(others), "diff": str(diff),
                                           "threshold": str(threshold)}})
            for c in criteria:
                pts = {e.id: per_crit[e.id][c.id] for e in scorers}
                gap = cons.spread(pts.values())
                if c.max and gap > fraction * c.max:
                    low, high = min(pts.values()), max(pts.values())
                    flags.append({"kind": "criterion_spread", "expert_id": None, "criterion_id": c.id,
                                  "data": {"low": str(low), "high": str(high), "spread": str(gap), "max": str(c.max),
                                           "fraction": str(fraction),
                                           "low_experts": [eid for eid, v in pts.items() if v == low],
                                           "high_experts": [eid for eid, v in pts.items() if v == high]}})
        for f in flags:
            rows["flags"].append({"applicant_id": a.id, "kind": f["kind"], "expert_id": f["expert_id"],
                                  "criterion_id": f["criterion_id"], "data": json.dumps(f["data"], ensure_ascii=False)})

        if len(scorers) < min_experts:
            status = "insufficient_experts"
        elif failed:
            status = "ineligible"
        else:
            status = "ranked"
        results.append({
            "id": a.id, "position": pos, "name": a.name, "category": a.category, "rubric_id": a.rubric_id,
            "variant": applied.variant_label(), "profile": json.dumps(a.profile, ensure_ascii=False, sort_keys=True),
            "has_points": int(rubric.has_points), "experts_scored": json.dumps([e.id for e in scorers]),
            "recused": json.dumps(recused), "eligible": int(not failed), "failed": json.dumps(failed),
            "total": _s(total), "sections": _points_json(sections), "criteria": _points_json(crit_cons),
            "rec_yes": rec_yes, "rec_no": rec_no, "priority_met": json.dumps(priority_met),
            "rank": None, "tied": 0, "status": status,
            "_key": _rank_key(rubric, total, sections, rec_yes, len(priority_met)),
        })

    # round changes
    for e in experts:
        for before, after in zip(e.rounds, e.rounds[1:]):
            for ch in _round_changes(before, after):
                crit = None
                item = rubrics.items.get(ch["applicant_id"], {}).get(ch["target_id"])
                if item is not None:
                    crit = item.criterion
                rows["changes"].append({"expert_id": e.id, **ch, "criterion_id": crit,
                                        "round_from": before["round"], "round_to": after["round"]})

    _rank(results)
    rows["applicants"] = results
    for aid, r in previous.items():
        hit = next((x for x in results if x["id"] == aid), None)
        if hit is not None and hit["rank"] is not None:
            rows["inspections"].append({"applicant_id": aid, "result": r["result"], "note": r["note"] or "",
                                        "at": r["at"]})
    cats = _categories(session, results)
    inspections = {r["applicant_id"]: r["result"] for r in rows["inspections"]}
    rows["categories"] = fill(cats, results, inspections)

    # agreement and leniency
    given = {(x["applicant_id"], x["expert_id"]): x["total"] for x in rows["expert_applicants"]}
    for cat in cats:
        ranked = [r for r in results if r["category"] == cat["name"] and r["rank"] is not None
                  and r["total"] is not None]
        block: dict[str, dict[str, Decimal]] = {}
        for e in experts:
            mine = {}
            for r in ranked:
                got = given.get((r["id"], e.id))
                if got is None:
                    break
                mine[r["id"]] = Decimal(got)
            else:
                if mine:
                    block[e.id] = mine
        w = cons.kendalls_w(block) if ranked else None
        rows["agreement"].append({"category": cat["name"], "name": "Kendall's W", "value": _s(w),
                                  "applicants": len(ranked) if block else 0, "experts": len(block)})
    totals = {r["id"]: r["total"] for r in results}
    for e in experts:
        pairs = [(Decimal(given[(aid, e.id)]), Decimal(t)) for aid, t in totals.items()
                 if t is not None and given.get((aid, e.id)) is not None]
        rows["leniency"].append({"expert_id": e.id, "value": _s(cons.leniency(pairs, decimals=decimals)),
                                 "applicants": len(pairs)})
    for r in results:
        r.pop("_key", None)
    return rows


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _points_json(points: dict[str, Decimal | None]) -> str:
    """{id: points} with points as exact decimal text (never floats)."""
    return json.dumps({k: _s(v) for k, v in points.items()}, ensure_ascii=False)


def _points(text: str | None) -> dict[str, Decimal | None]:
    return {k: _d(v) for k, v in json.loads(text or "{}").items()}


def _rank_key(rubric: Any, total: Decimal | None, sections: dict, rec_yes: int, priority: int) -> tuple:
    if rubric.has_points:
        return (total if total is not None else Decimal(-1),
                *[sections.get(sid) if sections.get(sid) is not None else Decimal(-1) for sid in rubric.tie_break],
                priority)
    return (Decimal(rec_yes), priority)


def _rank(results: list[dict]) -> None:
    """Competition ranks (1, 2, 2, 4) within each category among applicants with status ranked."""
    cats: dict[str, list[dict]] = {}
    for r in results:
        if r["status"] == "ranked":
            cats.setdefault(r["category"], []).append(r)
    for members in cats.values():
        members.sort(key=lambda r: r["_key"], reverse=True)
        for k, r in enumerate(members):
            if k and members[k - 1]["_key"] == r["_key"]:
                r["rank"] = members[k - 1]["rank"]
            else:
                r["rank"] = k + 1
        for r in members:
            r["tied"] = int(sum(1 for x in members if x["rank"] == r["rank"]) > 1)


def _categories(session: Any, results: list[dict]) -> list[dict]:
    names = list(dict.fromkeys([r["category"] for r in results] + list(session.quotas)))
    return [{"name": n, "position": k, "quota": session.quotas.get(n)} for k, n in enumerate(names)]


def fill(categories: list[dict], applicants: list[dict], inspections: dict[str, str]) -> list[dict]:
    """The candidate list of each category; sets each ranked applicant's status (candidate or ranked).

    Rank by rank: a rank with anyone not yet inspected stops the filling
    (`awaiting`); those who passed are taken while places remain; when they
    are more than the places left they are a `boundary_tie` and the filling
    stops without taking any of them.
    """
    out = []
    for cat in categories:
        quota = cat["quota"]
        members = sorted((a for a in applicants if a["category"] == cat["name"] and a["rank"] is not None),
                         key=lambda a: (a["rank"], a["position"]))
        for a in members:
            a["status"] = "ranked"
        candidates: list[str] = []
        awaiting: list[str] = []
        boundary: list[str] = []
        ranks = sorted({a["rank"] for a in members})
        for rank in ranks:
            if quota is not None and len(candidates) >= quota:
                break
            group = [a for a in members if a["rank"] == rank]
            pending = [a["id"] for a in group if a["id"] not in inspections]
            if pending:
                awaiting = pending
                break
            passed = [a for a in group if inspections[a["id"]] == PASSED]
            if quota is not None and len(candidates) + len(passed) > quota:
                boundary = [a["id"] for a in passed]
                break
            for a in passed:
                a["status"] = "candidate"
                candidates.append(a["id"])
        out.append({"name": cat["name"], "position": cat["position"], "quota": quota,
                    "candidates": json.dumps(candidates), "awaiting": json.dumps(awaiting),
                    "boundary_tie": json.dumps(boundary)})
    return out


def _round_changes(before: dict, after: dict) -> list[dict]:
    try:
        b, a = json.loads(before["content"] or "{}"), json.loads(after["content"] or "{}")
    except ValueError:
        return []
    out = []
    for field_, n in (("answers", 2), ("recusals", 1), ("recommendations", 1)):
        bm = {tuple(x[:n]): x[n] for x in b.get(field_, [])}
        am = {tuple(x[:n]): x[n] for x in a.get(field_, [])}
        for key in sorted(set(bm) | set(am), key=str):
            if bm.get(key) != am.get(key):
                target = key[1] if n == 2 else {"recusals": "recusal", "recommendations": "recommendation"}[field_]
                out.append({"applicant_id": key[0], "target_id": target, "old": bm.get(key), "new": am.get(key)})
    return out


# --------------------------------------------------------------------------- the result file

TABLES: dict[str, tuple[dict[str, type], Any]] = {
    "meta": ({"key": str, "value": str}, "key"),
    "files": ({"position": int, "path": str, "expert_id": str, "expert_name": str, "organisation": str,
               "title": str, "fingerprint": str, "round": int, "status": str, "reason": str}, "position"),
    "experts": ({"id": str, "position": int, "name": str, "organisation": str, "title": str, "merged": int}, "id"),
    "applicants": ({"id": str, "position": int, "name": str, "category": str, "rubric_id": str, "variant": str,
                    "profile": str, "has_points": int, "experts_scored": str, "recused": str, "eligible": int,
                    "failed": str, "total": str, "sections": str, "criteria": str, "rec_yes": int, "rec_no": int, "priority_met": str, "rank": int,
                    "tied": int, "status": str}, "id"),
    "parts": ({"applicant_id": str, "position": int, "kind": str, "id": str, "parent": str, "text": str,
               "max": str}, ("applicant_id", "position")),
    # answers: JSON {item id: [value, level index, counted 0/1]} as the expert gave them;
    # sections, criteria: JSON {id: points as decimal text}; the consensus ones are in applicants
    "expert_applicants": ({"applicant_id": str, "expert_id": str, "recused": str, "total": str, "decision": str,
                           "opinion": str, "answers": str, "sections": str, "criteria": str},
                          ("applicant_id", "expert_id")),
    "comments": ({"applicant_id": str, "expert_id": str, "target_id": str, "text": str},
                 ("applicant_id", "expert_id", "target_id")),
    "citations": ({"applicant_id": str, "expert_id": str, "target_id": str, "material": str, "file": str,
                   "page": int}, None),
    "conditions": ({"applicant_id": str, "item_id": str, "kind": str, "text": str, "met": int, "yes": int,
                    "no": int}, ("applicant_id", "item_id")),
    "flags": ({"applicant_id": str, "kind": str, "expert_id": str, "criterion_id": str, "data": str}, None),
    "changes": ({"expert_id": str, "applicant_id": str, "target_id": str, "criterion_id": str, "round_from": int,
                 "round_to": int, "old": str, "new": str}, None),
    "inspections": ({"applicant_id": str, "result": str, "note": str, "at": str}, "applicant_id"),
    "categories": ({"name": str, "position": int, "quota": int, "candidates": str, "awaiting": str,
                    "boundary_tie": str}, "name"),
    "agreement": ({"category": str, "name": str, "value": str, "applicants": int, "experts": int}, "category"),
    "leniency": ({"expert_id": str, "value": str, "applicants": int}, "expert_id"),
}
INDEXES = {"citations": ["applicant_id"], "flags": ["applicant_id"],
           "changes": ["applicant_id"]}


def write_result(rows: dict[str, Any], path: Path) -> None:
    """Write the result file whole (app.files.replace_into): a reader never meets half a result."""

    def fill(tmp: Path) -> None:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")  # a fresh temporary file: nothing to roll back to
        conn.execute("PRAGMA synchronous=OFF")    # made durable by replace_into's fsync
        db = Database(conn)
        try:
            with db.atomic():
                for name, (columns, pk) in TABLES.items():
                    kwargs = {"pk": pk} if pk else {}
                    db[name].create(columns, **kwargs)
                for name, cols in INDEXES.items():
                    db[name].create_index(cols)
                db["meta"].insert_all({"key": k, "value": str(v)} for k, v in rows["meta"].items())
                for name in TABLES:
                    if name != "meta" and rows.get(name):
                        cols = list(TABLES[name][0])
                        conn.executemany(
                            f"insert into [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                            f"values ({', '.join('?' for _ in cols)})",
                            [r if isinstance(r, tuple) else tuple(r.get(c) for c in cols) for r in rows[name]])
        finally:
            conn.close()

    try:
        files.replace_into(path, fill)
    except sqlite3.Error as exc:
        raise MergeError("could not write {file}: {reason}", file=str(path), reason=str(exc)) from None
    except OSError as exc:
        raise MergeError("could not write {file}: {reason}", file=str(path),
                         reason=exc.strerror or str(exc)) from None


def _open(path: Path, *, write: bool = False) -> Database:
    path = Path(path)
    if not path.is_file():
        raise MergeError("{file}: no such result file", file=str(path))
    try:
        if write:
            conn = sqlite3.connect(str(path))
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA synchronous=FULL")
        else:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        db = Database(conn)
        meta = {r["key"]: r["value"] for r in db["meta"].rows}
    except sqlite3.DatabaseError:
        raise MergeError("{file}: not a PanelReview result file", file=str(path)) from None
    if meta.get("kind") != KIND:
        db.close()
        raise MergeError("{file}: not a PanelReview result file", file=str(path))
    if int(meta.get("schema", "0")) > SCHEMA:
        db.close()
        raise MergeError("{file}: written by a newer PanelReview; update PanelReview to read it", file=str(path))
    return db


def _d(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def load_result(path: Path | str) -> Result:
    """The merged result at `path`, with every figure as a Decimal; MergeError if it is not one."""
    db = _open(Path(path))
    try:
        return _load(db, str(path))
    except sqlite3.DatabaseError as exc:
        raise MergeError("{file}: the result file is damaged: {reason}", file=str(path), reason=str(exc)) from None
    finally:
        db.close()


def _load(db: Database, path: str) -> Result:
    q = db.query
    meta = {r["key"]: r["value"] for r in db["meta"].rows}
    settings = json.loads(meta.get("settings") or "{}")
    experts = [{"id": r["id"], "name": r["name"], "organisation": r["organisation"] or "", "title": r["title"] or "",
                "merged": bool(r["merged"])} for r in q("select * from experts order by position")]
    names = {e["id"]: e["name"] for e in experts}
    files = [FileStatus(r["path"], r["expert_id"], r["expert_name"] or "", r["organisation"] or "", r["title"] or "",
                        r["fingerprint"], r["round"], r["status"], _render(json.loads(r["reason"]) if r["reason"] else None))
             for r in q("select * from files order by position")]
    by_app: dict[str, dict[str, list]] = {}

    def bucket(aid: str, key: str) -> list:
        return by_app.setdefault(aid, {}).setdefault(key, [])

    for r in q("select * from expert_applicants"):
        bucket(r["applicant_id"], "ea").append(r)
    for r in q("select * from conditions"):
        bucket(r["applicant_id"], "cond").append(r)
    for r in q("select * from flags order by rowid"):
        bucket(r["applicant_id"], "flags").append(r)
    for r in q("select * from comments"):
        bucket(r["applicant_id"], "comments").append(r)
    parts_text: dict[tuple[str, str], str] = {}
    for r in q("select applicant_id, id, text, kind from parts where kind in ('criterion', 'section')"):
        parts_text[(r["applicant_id"], r["id"])] = r["text"]
    changes = [RoundChange(r["expert_id"], r["applicant_id"], r["target_id"], r["criterion_id"], r["round_from"],
                           r["round_to"], r["old"], r["new"]) for r in q("select * from changes order by rowid")]
    inspections = {r["applicant_id"]: Inspection(r["result"], r["note"] or "", r["at"])
                   for r in db["inspections"].rows}
    roster = [e["id"] for e in experts]

    applicants = []
    for r in q("select * from applicants order by position"):
        aid = r["id"]
        mine = by_app.get(aid, {})
        ea = {x["expert_id"]: x for x in mine.get("ea", [])}
        scored = json.loads(r["experts_scored"])
        comments = {(c["expert_id"], c["target_id"]): c["text"] for c in mine.get("comments", [])}
        said: dict[str, dict[str, str]] = {}
        asked = {c["item_id"] for c in mine.get("cond", [])}
        for x in mine.get("ea", []):
            for item_id, (value, _level, _counted) in json.loads(x["answers"] or "{}").items():
                if item_id in asked:
                    said.setdefault(item_id, {})[x["expert_id"]] = value
        conditions = []
        for c in mine.get("cond", []):
            answers = {eid: (said.get(c["item_id"], {})[eid], comments.get((eid, c["item_id"]), ""))
                       for eid in scored if eid in said.get(c["item_id"], {})}
            conditions.append(ConditionResult(c["item_id"], c["kind"], c["text"],
                                              None if c["met"] is None else bool(c["met"]), c["yes"], c["no"],
                                              answers))
        failed = json.loads(r["failed"])
        reasons = [_condition_reason(c, names) for c in conditions if c.id in failed]
        flags = []
        for f in mine.get("flags", []):
            data = json.loads(f["data"] or "{}")
            flags.append(Flag(f["kind"], f["expert_id"], f["criterion_id"],
                              _flag_detail(f["kind"], f["expert_id"], f["criterion_id"], data, names,
                                           parts_text.get((aid, f["criterion_id"] or ""), "")), data))
        applicants.append(ApplicantResult(
            id=aid, name=r["name"], category=r["category"], rubric_id=r["rubric_id"], variant=r["variant"] or "",
            experts_scored=scored, recused=json.loads(r["recused"]), eligible=bool(r["eligible"]),
            ineligible_reasons=reasons, total=_d(r["total"]),
            sections=_points(r["sections"]), criteria=_points(r["criteria"]),
            expert_totals={eid: _d(ea[eid]["total"]) for eid in roster if eid in ea and ea[eid]["recused"] is None},
            recommendations={"yes": r["rec_yes"], "no": r["rec_no"]},
            priority_met=json.loads(r["priority_met"]), rank=r["rank"], tied=bool(r["tied"]), flags=flags,
            status=r["status"], inspection=inspections.get(aid), conditions=conditions,
            changes=[c for c in changes if c.applicant_id == aid], has_points=bool(r["has_points"]),
        ))
    categories = [{"name": r["name"], "quota": r["quota"], "candidates": json.loads(r["candidates"]),
                   "awaiting": json.loads(r["awaiting"]), "boundary_tie": json.loads(r["boundary_tie"])}
                  for r in q("select * from categories order by position")]
    agreement = {r["category"]: {"name": r["name"], "value": _d(r["value"]), "applicants": r["applicants"],
                                 "experts": r["experts"]} for r in db["agreement"].rows}
    leniency = {r["expert_id"]: _d(r["value"]) for r in db["leniency"].rows}
    return Result(session_id=meta.get("session_id", ""), title=meta.get("title", ""), date=meta.get("date", ""),
                  method=meta.get("method", ""), settings=settings, created=meta.get("created", ""), files=files,
                  experts=experts, applicants=applicants, categories=categories, agreement=agreement,
                  leniency=leniency, changes=changes, path=path)


def _short(text: str, limit: int = 40) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[:limit] + "…"


def answer_word(value: str) -> str:
    return tr("yes") if value == YES else tr("no") if value == NO else value


def _condition_reason(c: ConditionResult, names: dict[str, str]) -> str:
    who = "; ".join(
        f"{eid} {names.get(eid, '')}: {answer_word(v)}" + (f" ({comment})" if comment else "")
        for eid, (v, comment) in c.answers.items())
    fields = dict(id=c.id, text=_short(c.text), yes=c.yes, no=c.no, answered=c.yes + c.no, answers=who)
    if c.kind == "gate":
        return tr("gate {id} {text}: not passed ({no} of {answered} experts answered no): {answers}").format(**fields)
    return tr("basic condition {id} {text}: not met ({no} of {answered} experts answered no): {answers}").format(
        **fields)


def _flag_detail(kind: str, expert_id: str | None, criterion_id: str | None, data: dict, names: dict[str, str],
                 criterion_text: str) -> str:
    if kind == "outlier_total":
        return tr("{expert}'s total {total} differs from the others' consensus {others} by {diff} "
                  "(more than {threshold})").format(
            expert=f"{expert_id} {names.get(expert_id or '', '')}".strip(), total=data["total"],
            others=data["others"], diff=_signed(Decimal(data["diff"])), threshold=data["threshold"])
    if kind == "criterion_spread":
        return tr("{criterion} {text}: points range from {low} ({low_experts}) to {high} ({high_experts}), "
                  "a spread of {spread}, more than {fraction} of its maximum {max}").format(
            criterion=criterion_id, text=_short(criterion_text, 24), low=data["low"], high=data["high"],
            low_experts=", ".join(data["low_experts"]), high_experts=", ".join(data["high_experts"]),
            spread=data["spread"], fraction=data["fraction"], max=data["max"])
    if kind == "insufficient_experts":
        return tr("only {count} experts scored this applicant; at least {min} are needed").format(**data)
    return kind


def _signed(d: Decimal) -> str:
    return f"+{d}" if d > 0 else str(d)


# --------------------------------------------------------------------------- inspections and drill-down


def record_inspection(path: Path | str, applicant_id: str, *, passed: bool, note: str = "",
                      at: str | None = None) -> Result:
    """Record a field inspection (实地考察) in the result file and refill the candidate lists."""
    path = Path(path)
    result = load_result(path)
    a = result.applicant(applicant_id)
    if a.rank is None:
        raise MergeError("{id} is not ranked ({status}), so it is not proposed for field inspection",
                         id=applicant_id, status=a.status)
    db = _open(path, write=True)
    try:
        apps = [{"id": x.id, "position": k, "category": x.category, "rank": x.rank, "status": x.status}
                for k, x in enumerate(result.applicants)]
        inspections = {x.id: x.inspection.result for x in result.applicants if x.inspection}
        inspections[applicant_id] = PASSED if passed else FAILED
        cats = [{"name": c["name"], "position": k, "quota": c["quota"]} for k, c in enumerate(result.categories)]
        filled = fill(cats, apps, inspections)
        with db.atomic():
            db["inspections"].upsert({"applicant_id": applicant_id, "result": PASSED if passed else FAILED,
                                      "note": (note or "").strip(),
                                      "at": at or datetime.now().astimezone().isoformat(timespec="seconds")},
                                     pk="applicant_id")
            for x in apps:
                db.execute("update applicants set status = ? where id = ?", [x["status"], x["id"]])
            for c in filled:
                db["categories"].upsert(c, pk="name")
    except sqlite3.Error as exc:
        raise MergeError("could not write {file}: {reason}", file=str(path), reason=str(exc)) from None
    finally:
        db.close()
    return load_result(path)


def detail(result_path: Path | str, applicant_id: str) -> dict[str, Any]:
    """Every expert's points, answers, comments and citations for one applicant (the drill-down).

    {"applicant": {...}, "parts": [sections, criteria and items with text, max, consensus],
     "conditions": [...], "experts": [{id, name, organisation, title, recused, total, decision,
     opinion, sections: {id: points}, criteria: {id: points}, answers: {item: {value, counted}},
     comments: {target: text}, citations: [...]}]}; points are Decimals.
    """
    result = load_result(result_path)
    a = result.applicant(applicant_id)
    db = _open(Path(result_path))
    try:
        q = db.query
        cons_ = {**{("section", k): v for k, v in a.sections.items()},
                 **{("criterion", k): v for k, v in a.criteria.items()}}
        parts = [{"kind": r["kind"], "id": r["id"], "parent": r["parent"], "text": r["text"], "max": _d(r["max"]),
                  "consensus": cons_.get((r["kind"], r["id"]))}
                 for r in q("select * from parts where applicant_id = ? order by position", [applicant_id])]
        experts = []
        ea = {r["expert_id"]: r for r in q("select * from expert_applicants where applicant_id = ?", [applicant_id])}
        for e in result.experts:
            if e["id"] not in ea:
                continue
            row = ea[e["id"]]
            experts.append({
                **{k: e[k] for k in ("id", "name", "organisation", "title")},
                "recused": row["recused"], "total": _d(row["total"]), "decision": row["decision"],
                "opinion": row["opinion"] or "",
                "sections": _points(row["sections"]), "criteria": _points(row["criteria"]),
                "answers": {k: {"value": v[0], "counted": bool(v[2])}
                            for k, v in json.loads(row["answers"] or "{}").items()},
                "comments": {r["target_id"]: r["text"] for r in
                             q("select * from comments where applicant_id = ? and expert_id = ?",
                               [applicant_id, e["id"]])},
                "citations": [{k: r[k] for k in ("target_id", "material", "file", "page")} for r in
                              q("select * from citations where applicant_id = ? and expert_id = ? order by rowid",
                                [applicant_id, e["id"]])],
            })
    finally:
        db.close()
    return {"applicant": {"id": a.id, "name": a.name, "category": a.category, "rubric_id": a.rubric_id,
                          "variant": a.variant, "total": a.total, "rank": a.rank, "status": a.status},
            "parts": parts, "conditions": a.conditions, "experts": experts}


# --------------------------------------------------------------------------- JSON


def score_text(value: Decimal | None, decimals: int = 2) -> str | None:
    """A score as the decimal string shown everywhere: 83.125 → "83.13", 80 → "80.00"."""
    return None if value is None else str(cons.round_half_up(value, decimals))


def as_json(result: Result) -> dict[str, Any]:
    """The result as JSON data; every score a decimal string with the session's decimals."""
    d = result.decimals

    def s(v):
        return score_text(v, d)

    return {
        "session": {"id": result.session_id, "title": result.title, "date": result.date},
        "method": result.method,
        "settings": result.settings,
        "created": result.created,
        "files": [{"path": f.path, "expert_id": f.expert_id, "fingerprint": f.fingerprint, "round": f.round,
                   "status": f.status, "reason": f.reason} for f in result.files],
        "applicants": [{
            "id": a.id, "name": a.name, "category": a.category, "rubric": a.rubric_id, "variant": a.variant,
            "experts_scored": a.experts_scored, "recused": a.recused, "eligible": a.eligible,
            "ineligible_reasons": a.ineligible_reasons, "total": s(a.total),
            "sections": {k: s(v) for k, v in a.sections.items()},
            "criteria": {k: s(v) for k, v in a.criteria.items()},
            "expert_totals": {k: s(v) for k, v in a.expert_totals.items()},
            "recommendations": a.recommendations, "priority_met": a.priority_met, "rank": a.rank, "tied": a.tied,
            "flags": [{"kind": f.kind, "expert_id": f.expert_id, "criterion_id": f.criterion_id, "detail": f.detail}
                      for f in a.flags],
            "status": a.status,
            "inspection": None if a.inspection is None else {"result": a.inspection.result, "note": a.inspection.note,
                                                             "at": a.inspection.at},
        } for a in result.applicants],
        "categories": result.categories,
        "agreement": {k: {"name": v["name"], "value": None if v["value"] is None else str(v["value"]),
                          "applicants": v["applicants"], "experts": v["experts"]} for k, v in result.agreement.items()},
        "leniency": {k: s(v) for k, v in result.leniency.items()},
        "changes": [{"expert_id": c.expert_id, "applicant_id": c.applicant_id, "target_id": c.target_id,
                     "criterion_id": c.criterion_id, "round_from": c.round_from, "round_to": c.round_to,
                     "old": c.old, "new": c.new} for c in result.changes],
    }
