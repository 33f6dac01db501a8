"""Re-check rounds (复核): what to ask, the request that travels to an expert, and the round it opens.

财政部令第87号 第六十四条: "评标结果汇总完成后，除下列情形外，任何人不得修改评标结果：（一）分值汇总计算错误的；
（二）分项评分超出评分标准范围的；（三）评标委员会成员对客观评审因素评分不一致的；（四）经评标委员会认定评分畸高、畸低的。"
The program proposes those cases from a merged result (and the dissents 第六十一条 asks to be signed);
the secretary picks, per expert and item by item, what to ask; the expert's program opens a round on
exactly those items. Nothing here changes a score: only the expert does, in their own score file.

    props = propose(result)                                   # [Proposal], ticked by default or not
    path = issue(result.path, "E01", [("A1", "S5.1")], out_dir=stick)   # the request file, recorded
    round_no = answer(scorefile, path, session=session)       # the expert's re-check round opens
    scorefile.set_points("A1", "S5.1", 2); scorefile.round_reason("A1", "S5.1", "复核材料，核实为2分")
    scorefile.submit()                                        # fingerprinted like the first round

A request file (`*.prrecheck`, JSON) is bound to the session id, the merged result's fingerprint
(`result_fingerprint`) and the fingerprint of the expert's submission it was made against; it lists
the items with the panel's anonymised spread (counts, minimum, median, maximum — never a name).
A result can be finalised (`finalise`): after that no request is issued, no round is opened from a
request, and no merge changes it.

Objective items (`objective`) are read from the rubric format's item types (see app.decision.objective).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from app import cells, journal
from app import consensus as cons
from app import vocabulary as words
from app.decision import objective
from app.errors import PanelReviewError, RecheckError
from app.files import write_atomic
from app.i18n import Sentence
from app.result import ApplicantResult, Flag, Result
from app.resultfile import Records, ResultFile, load_result
from app.scorefile import ScoreFile, short_fingerprint

__all__ = ["objective", "Proposal", "Spread", "RequestItem", "Request", "propose", "spread", "total_spread",
           "result_fingerprint", "make_request", "write_request", "read_request", "issue", "issued", "answer",
           "open_own", "finalise", "finalised", "status", "RequestStatus", "SUFFIX", "REQUESTS_TABLE"]

SUFFIX = ".prrecheck"
KIND = "panelreview-recheck-request"
FORMAT = 1
REQUESTS_TABLE = "recheck_requests"  # in the result file's records (app.resultfile.RECORD_TABLES)

# What each flag is a case of, in the words of 财政部令第87号, and whether it is ticked by default:
# the four cases of 第六十四条 and the dissents of 第六十一条 are; a wide spread on a subjective
# criterion is not (第六十二条（四）: "对需要专业判断的主观评审因素协商评分" is forbidden).
GROUNDS: dict[str, tuple[str, bool]] = {
    words.OUT_OF_BAND: ("第六十四条（二）", True),
    words.OBJECTIVE_INCONSISTENT: ("第六十四条（三）", True),
    words.OUTLIER_TOTAL: ("第六十四条（四）", True),
    words.GATE_DISSENT: ("第六十一条", True),
    words.CONDITION_DISSENT: ("第六十一条", True),
    words.CRITERION_SPREAD: ("第六十二条（四）", False),
}


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --------------------------------------------------------------------------- proposals


@dataclass(frozen=True)
class Proposal:
    """One expert asked about some items of one applicant, for one reason (a flag of the result)."""

    applicant_id: str
    applicant_name: str
    expert_id: str
    expert_name: str
    items: tuple[str, ...]  # item ids (ScoreItem ids: a checklist's items, not the criterion)
    kind: str  # the flag's kind (words.FLAG_KINDS)
    article: str  # 财政部令第87号's article the case falls under
    ticked: bool  # proposed ticked (the cases of 第六十四条, the dissents) or left for the secretary
    sentence: Sentence  # the flag's sentence (names experts: for the secretary's eyes only)

    @property
    def targets(self) -> list[tuple[str, str]]:
        return [(self.applicant_id, i) for i in self.items]


def _items_of(a: ApplicantResult) -> list[tuple[str, str, str | None]]:
    """(item id, item kind, criterion id) of every answerable item, in the rubric's order."""
    return [(p.id, p.kind.split(":", 1)[1], p.parent) for p in a.parts if p.kind.startswith("item:")]


def propose(result: Result) -> list[Proposal]:
    """What the program proposes to re-check, from the result's flags: per expert and applicant.

    畸高畸低 (outlier total): every points item of that expert on that applicant; an objective item
    answered inconsistently: the item, to each expert off the majority (all of them without one); a
    condition or gate answered against the panel's finding: the item (a gate with what it stopped);
    points outside a band: the item (a criterion's checklist items); a wide spread on a subjective
    criterion: its items to the fewer of the lowest and the highest experts (both sides when as many),
    not ticked.
    """
    out: list[Proposal] = []
    for a in result.applicants:
        items = _items_of(a)
        points = [i for i, kind, _c in items if kind in ("criterion", "check")]
        for flag in a.flags:
            if flag.kind not in GROUNDS:
                continue
            for eid, asked in _asked(flag, a, items, points):
                s = a.scores.get(eid)
                if s is None or s.recused is not None or not asked:
                    continue
                article, ticked = GROUNDS[flag.kind]
                out.append(Proposal(a.id, a.name, eid, result.expert_name(eid), tuple(asked), flag.kind, article,
                                    ticked, flag.sentence))
    return out


def _asked(flag: Flag, a: ApplicantResult, items: list[tuple[str, str, str | None]], points: list[str]
           ) -> list[tuple[str, list[str]]]:
    d = flag.data
    of_criterion = lambda cid: [i for i, _k, c in items if c == cid] or [cid]  # noqa: E731
    if flag.kind == words.OUTLIER_TOTAL:
        s = a.scores.get(flag.expert_id or "")
        return [(flag.expert_id or "", [i for i in points if s is not None and i in s.answers])]
    if flag.kind == words.OBJECTIVE_INCONSISTENT:
        return [(eid, [d["item"]]) for eid in d["experts"]]
    if flag.kind == words.CONDITION_DISSENT:
        return [(eid, [d["item"]]) for eid in d["experts"]]
    if flag.kind == words.GATE_DISSENT:
        return [(flag.expert_id or "", [d["gate"]])]
    if flag.kind == words.OUT_OF_BAND:
        item = d["item"]
        return [(flag.expert_id or "", [item] if any(i == item for i, _k, _c in items) else of_criterion(item))]
    if flag.kind == words.CRITERION_SPREAD:  # the side with fewer experts (both when they are as many)
        low, high = d["low_experts"], d["high_experts"]
        experts = low if len(low) < len(high) else high if len(high) < len(low) else list(dict.fromkeys([*low, *high]))
        return [(eid, of_criterion(flag.criterion_id)) for eid in experts]
    return []


# --------------------------------------------------------------------------- the panel's spread, anonymised


@dataclass(frozen=True)
class Spread:
    """How the panel answered one item, without saying who: counts per answer, and for points the range."""

    answered: int
    counts: dict[str, int]  # answer (points text, or yes/no) → how many experts gave it, most frequent first
    low: str | None = None
    median: str | None = None
    high: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"answered": self.answered, "counts": self.counts, "low": self.low, "median": self.median,
                "high": self.high}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Spread":
        return cls(int(d["answered"]), {str(k): int(v) for k, v in d["counts"].items()}, d.get("low"),
                   d.get("median"), d.get("high"))

    def text(self) -> str:
        """"3 experts: 2 ×2, 1 ×1 (lowest 1, median 2, highest 2)" in the current language's words."""
        counts = ", ".join(f"{words.word(v) if v in (words.YES, words.NO) else v} ×{n}" for v, n in self.counts.items())
        if self.low is None:
            return str(Sentence("{count} experts: {counts}", count=self.answered, counts=counts))
        return str(Sentence("{count} experts: {counts} (lowest {low}, median {median}, highest {high})",
                            count=self.answered, counts=counts, low=self.low, median=self.median, high=self.high))


def _spread_of(values: list[str], points: bool) -> Spread:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    if not points:
        return Spread(len(values), dict(sorted(counts.items(), key=lambda kv: -kv[1])))
    nums = sorted(Decimal(v) for v in values)
    ordered = dict(sorted(counts.items(), key=lambda kv: -Decimal(kv[0])))
    med = cons.consensus(nums, "median", decimals=2) if nums else None
    return Spread(len(values), ordered, _fmt(nums[0]) if nums else None, _fmt(med), _fmt(nums[-1]) if nums else None)


def _fmt(d: Decimal | None) -> str | None:
    if d is None:
        return None
    return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else str(d.normalize())


def spread(result: Result, applicant_id: str, item_id: str) -> Spread:
    """The panel's answers to one item (experts who scored it, recused ones left out), without names."""
    a = result.applicant(applicant_id)
    part = next((p for p in a.parts if p.kind.startswith("item:") and p.id == item_id), None)
    if part is None:
        raise RecheckError("{applicant} has no item {item}", applicant=applicant_id, item=item_id)
    points = part.kind in ("item:criterion", "item:check")
    values = [s.answers[item_id].value for s in a.scores.values()
              if s.recused is None and item_id in s.answers and (s.answers[item_id].counted or not points)]
    return _spread_of(values, points)


def total_spread(result: Result, applicant_id: str) -> Spread | None:
    """The panel's totals for an applicant, without names (None for a rubric without points)."""
    a = result.applicant(applicant_id)
    if not a.has_points:
        return None
    return _spread_of([str(s.total) for s in a.scores.values() if s.recused is None and s.total is not None
                       and not s.missing], True)


def result_fingerprint(result: Result) -> str:
    """A fingerprint of one merge: the session, when it was merged, and every merged file's round and fingerprint."""
    basis = {"session": result.session_id, "created": result.created,
             "files": sorted([f.expert_id or "", f.round or 0, f.fingerprint or ""] for f in result.accepted)}
    digest = hashlib.sha256(json.dumps(basis, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return short_fingerprint(digest)


# --------------------------------------------------------------------------- the request


@dataclass(frozen=True)
class RequestItem:
    applicant_id: str
    applicant_name: str
    item_id: str
    kind: str  # the ScoreItem kind: condition, gate, priority, criterion, check
    text: str
    max: str | None
    objective: bool
    grounds: tuple[str, ...]  # flag kinds that proposed it (empty: the secretary's own choice)
    why: tuple[Sentence, ...]  # anonymised: what the panel's answers show
    spread: Spread
    total: Spread | None  # the applicant's totals, where an outlying total is a ground


@dataclass(frozen=True)
class Request:
    """A re-check request to one expert (复核请求), as written to and read from a `.prrecheck` file."""

    id: str
    session_id: str
    session_title: str
    result_fingerprint: str
    result_created: str
    expert_id: str
    expert_name: str
    based_on: str  # the fingerprint of the expert's submission it asks about
    based_round: int
    created: str
    note: str
    items: tuple[RequestItem, ...]

    @property
    def targets(self) -> list[tuple[str, str]]:
        return [(i.applicant_id, i.item_id) for i in self.items]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": KIND, "format": FORMAT, "id": self.id, "session_id": self.session_id,
            "session_title": self.session_title, "result_fingerprint": self.result_fingerprint,
            "result_created": self.result_created, "expert_id": self.expert_id, "expert_name": self.expert_name,
            "based_on": self.based_on, "based_round": self.based_round, "created": self.created, "note": self.note,
            "items": [{"applicant_id": i.applicant_id, "applicant_name": i.applicant_name, "item_id": i.item_id,
                       "kind": i.kind, "text": i.text, "max": i.max, "objective": i.objective,
                       "grounds": list(i.grounds), "why": [w.as_json() for w in i.why],
                       "spread": i.spread.as_json(), "total": None if i.total is None else i.total.as_json()}
                      for i in self.items]}


def _anonymous(kind: str, objective_item: bool) -> Sentence:
    """Why an item is asked, in words that name nobody."""
    if kind == words.OUTLIER_TOTAL:
        return Sentence("your total differs from the others' consensus by more than the session's threshold "
                        "(畸高畸低, 财政部令第87号 第六十四条（四）)")
    if kind == words.OBJECTIVE_INCONSISTENT:
        return Sentence("an objective item on which the panel's answers differ (财政部令第87号 第六十四条（三）)")
    if kind in (words.CONDITION_DISSENT, words.GATE_DISSENT):
        return Sentence("your answer differs from the panel's finding (财政部令第87号 第六十一条: the majority "
                        "decides; a dissent is signed with its reason)")
    if kind == words.OUT_OF_BAND:
        return Sentence("points outside the rubric's band or the criterion's maximum (财政部令第87号 第六十四条（二）)")
    if kind == words.CRITERION_SPREAD:
        return Sentence("a wide spread of points on a subjective criterion: check for a mistake only; subjective "
                        "scores are not negotiated (财政部令第87号 第六十二条（四）)")
    return Sentence(kind)


def make_request(result: Result, expert_id: str, targets: Iterable[tuple[str, str]], *, note: str = "",
                 at: str | None = None) -> Request:
    """The request to `expert_id` about `targets` [(applicant id, item id)], checked against the result.

    RecheckError when the result is finalised, the expert's file was not merged, an applicant or item is
    unknown, the expert recused from the applicant, or an item is listed twice.
    """
    if finalised(result.path):
        raise RecheckError("the result was finalised on {at}; no re-check can be asked", at=finalised(result.path))
    file = next((f for f in result.accepted if f.expert_id == expert_id), None)
    if file is None:
        raise RecheckError("expert {expert} has no merged score file in this result; nothing can be asked",
                           expert=expert_id)
    proposals = [p for p in propose(result) if p.expert_id == expert_id]
    seen: set[tuple[str, str]] = set()
    items: list[RequestItem] = []
    for aid, item_id in targets:
        a = result.applicant(aid)
        part = next((p for p in a.parts if p.kind.startswith("item:") and p.id == item_id), None)
        if part is None:
            raise RecheckError("{applicant} has no item {item}", applicant=aid, item=item_id)
        s = a.scores.get(expert_id)
        if s is None or s.recused is not None:
            raise RecheckError("expert {expert} recused from {applicant}; nothing of it can be asked",
                               expert=expert_id, applicant=aid)
        if (aid, item_id) in seen:
            raise RecheckError("{applicant} {item} is asked twice", applicant=aid, item=item_id)
        seen.add((aid, item_id))
        kind = part.kind.split(":", 1)[1]
        grounds = tuple(dict.fromkeys(p.kind for p in proposals if p.applicant_id == aid and item_id in p.items))
        is_objective = kind in ("condition", "gate", "priority") or _objective_part(result, a, item_id)
        items.append(RequestItem(
            aid, a.name, item_id, kind, part.text, None if part.max is None else str(part.max), is_objective,
            grounds, tuple(_anonymous(g, is_objective) for g in grounds), spread(result, aid, item_id),
            total_spread(result, aid) if words.OUTLIER_TOTAL in grounds else None))
    if not items:
        raise RecheckError("a re-check request needs at least one item")
    position = {(a.id, p.id): (k, j) for k, a in enumerate(result.applicants) for j, p in enumerate(a.parts)}
    items.sort(key=lambda i: position[(i.applicant_id, i.item_id)])  # in the rubric's order, as the expert reads
    body = {"session": result.session_id, "result": result_fingerprint(result), "expert": expert_id,
            "based_on": file.fingerprint, "items": sorted(seen), "at": at or now()}
    rid = "R-" + short_fingerprint(hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest())[:9]
    return Request(rid, result.session_id, result.title, result_fingerprint(result), result.created, expert_id,
                   result.expert_name(expert_id), file.fingerprint or "", file.round or 1, body["at"],
                   (note or "").strip(), tuple(items))


def _objective_part(result: Result, a: ApplicantResult, item_id: str) -> bool:
    """Whether a points item is objective, read from the flags (the result keeps no rubric): an
    objective-inconsistency flag names it; otherwise it is not known to be objective."""
    return any(f.kind == words.OBJECTIVE_INCONSISTENT and f.data.get("item") == item_id for f in a.flags)


def request_file_name(request: Request) -> str:
    return f"recheck-{request.expert_id}-{request.id}{SUFFIX}"


def write_request(request: Request, folder: Path | str) -> Path:
    """Write the request into `folder` (a USB stick, the shared session folder); returns the file's path."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / request_file_name(request)
        write_atomic(path, json.dumps(request.as_json(), ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise RecheckError("could not write the re-check request into {folder}: {reason}", folder=str(folder),
                           reason=exc.strerror or str(exc)) from None
    return path


def read_request(path: Path | str) -> Request:
    """A request file as written by `write_request`; RecheckError names what is wrong with it."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RecheckError("{file}: no such re-check request", file=str(path)) from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise RecheckError("{file}: not a PanelReview re-check request", file=str(path)) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise RecheckError("{file}: not a PanelReview re-check request", file=str(path))
    if int(data.get("format", 0)) > FORMAT:
        raise RecheckError("{file}: written by a newer PanelReview; update PanelReview to read it", file=str(path))
    try:
        items = tuple(RequestItem(
            i["applicant_id"], i.get("applicant_name", ""), i["item_id"], i.get("kind", ""), i.get("text", ""),
            i.get("max"), bool(i.get("objective")), tuple(i.get("grounds", [])),
            tuple(Sentence.from_json(w) for w in i.get("why", [])), Spread.from_json(i["spread"]),
            None if not i.get("total") else Spread.from_json(i["total"])) for i in data["items"])
        return Request(data["id"], data["session_id"], data.get("session_title", ""), data["result_fingerprint"],
                       data.get("result_created", ""), data["expert_id"], data.get("expert_name", ""),
                       data.get("based_on", ""), int(data.get("based_round", 1)), data.get("created", ""),
                       data.get("note", ""), items)
    except KeyError as exc:
        raise RecheckError("{file}: the re-check request is damaged: it has no “{field}”", file=str(path),
                           field=str(exc.args[0])) from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise RecheckError("{file}: the re-check request is damaged: {reason}", file=str(path),
                           reason=str(exc)) from None


# --------------------------------------------------------------------------- the secretary's record


def issue(result_path: Path | str, expert_id: str, targets: Iterable[tuple[str, str]], *, out_dir: Path | str,
          note: str = "", at: str | None = None) -> Path:
    """Make the request, write it into `out_dir` and record it in the result file; returns the file's path."""
    result = load_result(result_path)
    request = make_request(result, expert_id, targets, note=note, at=at)
    path = write_request(request, out_dir)
    Records(result_path).write(REQUESTS_TABLE, {
        "id": request.id, "expert_id": expert_id, "created": request.created,
        "result_fingerprint": request.result_fingerprint, "based_on": request.based_on,
        "items": json.dumps([list(t) for t in request.targets], ensure_ascii=False), "note": request.note,
        "path": str(path)}, session_id=result.session_id)
    # The secretary's journal (issue 12 item 6), here so the window's requests are logged like the command's.
    journal.safe_log(result_path, result.session_id, journal.RECHECK,
                     Sentence(words.N_("re-check request to {expert} for {items} written to {file}"),
                              expert=f"{expert_id} {result.expert_name(expert_id)}",
                              items=", ".join(f"{a}:{i}" for a, i in request.targets), file=str(path)),
                     inputs=journal.score_inputs(result))
    return path


def issued(result_path: Path | str) -> list[dict]:
    """Every request recorded in the result file: id, expert_id, created, result_fingerprint, based_on,
    items [(applicant, item)], note, path — oldest first."""
    rows = Records(result_path).rows(REQUESTS_TABLE)
    for r in rows:
        r["items"] = [tuple(t) for t in json.loads(r.get("items") or "[]")]
    return rows


FINALISED_KEY = "finalised"  # in the result file's panel_record: JSON {"at": ...}


def finalise(result_path: Path | str, *, at: str | None = None) -> str:
    """Finalise the result (the final list is fixed): no request, re-check round or merge changes it after."""
    result = load_result(result_path)
    when = finalised(result_path)
    if when:
        return when
    when = at or now()
    Records(result_path).write("panel_record", {"key": FINALISED_KEY, "value": json.dumps({"at": when})},
                               session_id=result.session_id, replace=True)
    return when


def finalised(result_path: Path | str | None) -> str | None:
    """When the result at `result_path` was finalised, or None (also for no path or no such file)."""
    if not result_path:
        return None
    for r in Records(result_path).rows("panel_record"):
        if r.get("key") == FINALISED_KEY:
            return json.loads(r["value"] or "{}").get("at") or None
    return None


# --------------------------------------------------------------------------- the expert's side


def answer(scores: ScoreFile, request: Request | Path | str, *, session: Any = None) -> int:
    """Open the re-check round `request` asks for in the expert's score file; returns the round number.

    Refused (RecheckError or ScoreError, nothing written) when the request belongs to another session or
    expert, was made against another submission of the file (already answered, or a round since), or the
    session's result is finalised (checked where `session` is given and its result file can be found).
    """
    req = request if isinstance(request, Request) else read_request(request)
    if req.session_id != scores.session_id:
        raise RecheckError("the re-check request belongs to another session ({found}), not {title}; nothing was "
                           "changed", found=req.session_title or req.session_id,
                           title=scores.meta("session_title") or scores.session_id)
    if req.expert_id != scores.expert_id:
        raise RecheckError("the re-check request is for expert {asked}, not {expert}; nothing was changed",
                           asked=req.expert_id, expert=scores.expert_id)
    if session is not None:
        found = ResultFile.existing(session)
        when = finalised(found.path) if found is not None else None
        if when:
            raise RecheckError("the result was finalised on {at}; the re-check request can no longer be answered",
                               at=when)
    if any(r.get("request") == req.id for r in _opened(scores)):
        raise RecheckError("the re-check request {id} was already answered in this file; nothing was changed",
                           id=req.id)
    return scores.open_round(req.targets, session_id=req.session_id, based_on=req.based_on, request_id=req.id,
                             result_fingerprint=req.result_fingerprint)


def _opened(scores: ScoreFile) -> list[dict]:
    return [json.loads(h["new"] or "{}") for h in scores.history() if h["field"] == "recheck"]


def open_own(scores: ScoreFile, targets: Iterable[tuple[str, str]], reason: str) -> int:
    """The expert found a mistake of their own: a new round on `targets`, with the reason (required)."""
    return scores.open_round(list(targets), session_id=scores.session_id, based_on=None, reason=reason)


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class RequestStatus:
    request: dict  # as `issued` lists it
    state: str  # waiting (not opened) | open (round opened, not submitted) | answered | no_file
    round: int | None
    fingerprint: str | None
    file: str | None


def status(result_path: Path | str, score_files: Iterable[Path | str]) -> list[RequestStatus]:
    """Where each recorded request stands in the experts' score files (found among `score_files`)."""
    from app.intake import collect

    rounds: dict[str, tuple[str, int, bool, str | None, str]] = {}  # request id → (expert, round, submitted…)
    for path in collect(score_files):
        try:
            sf = ScoreFile.open(path, readonly=True)
        except PanelReviewError:
            continue
        try:
            submitted = {r["round"]: r["fingerprint"] for r in sf.submitted_rounds()}
            for h in sf.history():
                if h["field"] == "recheck":
                    rid = json.loads(h["new"] or "{}").get("request")
                    if rid:
                        rounds[rid] = (sf.expert_id, h["round"], h["round"] in submitted, submitted.get(h["round"]),
                                       str(path))
        finally:
            sf.close()
    out = []
    for req in issued(result_path):
        got = rounds.get(req["id"])
        if got is None:
            out.append(RequestStatus(req, "waiting", None, None, None))
        else:
            out.append(RequestStatus(req, "answered" if got[2] else "open", got[1], got[3], got[4]))
    return out


# --------------------------------------------------------------------------- the re-check form (offline answer)

FORM_COLUMNS = ("applicant_id", "applicant_name", "item_id", "text", "allowed", "panel", "before", "value", "reason",
                "confirm")
CONFIRM_WORDS = {"yes", "y", "1", "true", "是", "确认", "√", "✓", "x"}


def form_rows(scores: ScoreFile, request: Request | None = None) -> list[dict[str, str]]:
    """One row per item the open re-check round asks about, filled with what the file holds now."""
    spreads = {(i.applicant_id, i.item_id): i.spread.text() for i in (request.items if request else ())}
    rows = []
    for it in scores.round_items():
        item = scores.items(it.applicant_id)[it.item_id]
        value = it.now or ""
        if value in (words.YES, words.NO):
            value = words.printed(value)
        before = words.printed(it.before) if it.before in (words.YES, words.NO) else (it.before or "")
        rows.append({"applicant_id": it.applicant_id, "applicant_name": scores.applicant(it.applicant_id).name,
                     "item_id": it.item_id, "text": item.text, "allowed": str(item.allowed) if item.allowed else "是/否",
                     "panel": spreads.get((it.applicant_id, it.item_id), ""), "before": before, "value": value,
                     "reason": it.reason, "confirm": "是" if it.confirmed else ""})
    return rows


def write_form(scores: ScoreFile, to: Path | str, request: Request | None = None) -> Path:
    """The open round's items as a CSV (UTF-8 with BOM) or XLSX form, to fill in value, reason and confirm."""
    import csv
    import io

    to = Path(to)
    if not scores.round_targets():
        raise RecheckError("{file}: no re-check round is open", file=str(scores.path))
    rows = form_rows(scores, request)
    if to.suffix.lower() == ".csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(FORM_COLUMNS)
        for r in rows:
            w.writerow(cells.csv_row(r[c] for c in FORM_COLUMNS))  # no text becomes a formula (app/cells.py)
        data = ("\ufeff" + buf.getvalue()).encode("utf-8")
    elif to.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "复核"
        for n, values in enumerate([list(FORM_COLUMNS)] + [[r[c] for c in FORM_COLUMNS] for r in rows], start=1):
            for k, value in enumerate(values, start=1):
                cells.put(ws, n, k, value)
        ws.freeze_panes = "A2"
        buf2 = io.BytesIO()
        wb.save(buf2)
        data = buf2.getvalue()
    else:
        raise RecheckError("{file}: the form must be a .csv or .xlsx file", file=str(to))
    write_atomic(to, data)
    return to


def import_form(scores: ScoreFile, source: Path | str) -> int:
    """Answer the open re-check round from a filled form, all or nothing; returns the rows applied.

    Per row: a value different from the last round is a change and needs a reason; the same value with
    `confirm` ticked confirms it unchanged (复核确认不变); the same value unticked is left open. A row for an
    item the round does not ask about is refused, as is a row whose value the rubric refuses.
    """
    from app import tables

    table = tables.read_table(Path(source))
    keys = [tables.header_key(h) for h in table.header]
    missing = [c for c in ("applicant_id", "item_id", "value", "reason", "confirm") if c not in keys]
    if missing:
        raise RecheckError("{file}: missing columns {columns}", file=table.file, columns=", ".join(missing))
    col = {c: keys.index(c) for c in FORM_COLUMNS if c in keys}
    asked = set(scores.round_targets())
    if not asked:
        raise RecheckError("{file}: no re-check round is open", file=str(scores.path))
    before = scores.previous_answers()
    problems: list[PanelReviewError] = []
    applied = 0

    unquote = cells.from_csv if table.kind == "csv" else (lambda text: text)

    def cell(row: list[str], name: str) -> str:
        i = col.get(name)
        return unquote((row[i] if i is not None and i < len(row) else "").strip())

    class _Rejected(Exception):
        pass

    try:
        with scores.batch():
            for n, row in table.rows:
                aid, item_id, value = cell(row, "applicant_id"), cell(row, "item_id"), cell(row, "value")
                reason, confirm = cell(row, "reason"), cell(row, "confirm").lower() in CONFIRM_WORDS
                if not aid and not item_id:
                    continue
                where = dict(file=table.file, row=n)
                if (aid, item_id) not in asked:
                    problems.append(RecheckError("{file}: row {row}: {applicant} {item} was not asked in this "
                                                 "re-check round", applicant=aid, item=item_id, **where))
                    continue
                try:
                    item = scores.items(aid)[item_id]
                    if not value:
                        raise RecheckError("give a value (the last round's, to confirm it)")
                    if item.takes_points:
                        scores.set_points(aid, item_id, value)
                    else:
                        scores.set_answer(aid, item_id, value)
                    now_value = scores.answer(aid, item_id)
                    if now_value != before.get((aid, item_id), (None, None))[0]:
                        if not reason:
                            raise RecheckError("the value changed: give the reason")
                        scores.round_reason(aid, item_id, reason)
                    elif confirm:
                        scores.round_confirm(aid, item_id)
                    applied += 1
                except PanelReviewError as exc:
                    problems.append(RecheckError("{file}: row {row}: {reason}", reason=str(exc), **where))
            if problems:
                raise _Rejected()
    except _Rejected:
        raise RecheckError("{file}: {count} rows are wrong; nothing was imported", file=table.file,
                           count=len(problems)).having(problems) from None
    return applied
