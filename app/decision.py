"""Deciding: from the session and the accepted score files to the panel's typed `Result`, in memory.

`decide(session, intake, inspections=..., created=...)` is a pure function:
it reads nothing and writes nothing. The rules, in the words of the calls
(000: 符合基本条件 + 总量控制 + 分高优先 + 实地验证):

* Consensus by the session's method (mean, trimmed_mean, median; see
  app.consensus), rounded half up to `decimals`. The method is applied
  independently to the totals, to each section's and to each criterion's
  values. Recused experts (回避) are left out of that applicant. No document
  sets a minimum panel: an applicant scored by fewer than 5 experts, or by
  an even number, is flagged "panel_size" (财政部令第87号 第四十七条); only
  where the secretary set `min_experts` is one scored by fewer not ranked.
* An expert who answered "no" at a gate the panel found met gave no points
  for what it stops: those parts and the total are taken over the experts
  who scored them (flag "gate_dissent"; the re-check round asks him).
* A basic condition or gate is met when more than half (condition_rule
  "majority"; a tie is not a majority) or all ("unanimous") of the
  non-recused experts who answered it said yes. An applicant failing one is
  ineligible and not ranked. Priority conditions (倾斜条件) are met by the
  same rule and only count in tie-breaks, where meeting any one is enough
  (003: "同等条件下，对有下列情形之一的申报对象予以倾斜").
* Recommendations: where a majority does not recommend the applicant it is
  flagged "not_recommended"; under recommendation_rule "majority" it is
  not ranked either.
* Rubrics without a points table (national, Chongqing) are decided by the
  experts' recommendations: ranked by the number of positive ones, then by
  whether a priority condition is met; their total is None.
* Ranking within each quota category by consensus total; equal totals are
  separated by the rubric's tie_break sections in order, then by whether a
  priority condition is met. Applicants still equal share a rank and are
  marked tied: a tie is never broken silently.
* Candidates (候选名单): see `fill`.
* Flags (advisory, for the re-check round; 财政部令第87号 第六十四条): an
  expert whose total differs from the consensus of the others by more than
  `flag_total_threshold` (畸高畸低, a session setting); a criterion whose
  spread (max − min) exceeds `flag_spread_fraction` × its maximum; experts
  who disagree at all on an objective item (`objective`: a yes/no fact, or
  points in fixed-point levels — 客观评审因素评分不一致); a basic condition,
  gate or priority condition answered against the panel's finding; a score
  outside its band or a criterion's maximum (分项评分超出评分标准范围).
* Agreement (advisory): Kendall's W per category over the ranked
  applicants and the experts who scored all of them; each expert's
  leniency = mean(expert total − consensus).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import Any, Mapping

from app import consensus as cons
from app import vocabulary as words
from app.errors import MergeError
from app.i18n import Sentence
from app.intake import Intake, SessionRubrics, Submission
from app.result import (Agreement, Answer, ApplicantResult, Category, ConditionResult, ExpertScores, Flag,
                        Inspection, Part, PanelMember, Result, RoundChange)
from app.rubric import Applied, Criterion, ScoreItem
from app.session import Applicant, Session

ZERO = Decimal(0)


@lru_cache(maxsize=4096)
def _decimal(text: str) -> Decimal:
    """Points as written in a score file (a few dozen distinct values across a whole panel)."""
    return Decimal(text)


@dataclass(frozen=True)
class Rules:
    """The session settings the decision depends on (app.session.DEFAULT_SETTINGS has the defaults)."""

    method: str
    trim_min: int
    decimals: int
    min_experts: int | None  # None: no minimum (no document sets one); a number: fewer are not ranked
    unanimous: bool
    threshold: Decimal
    fraction: Decimal
    recommendation_majority: bool  # an applicant a majority does not recommend is not ranked (else: a warning)

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> "Rules":
        def num(key: str, default: str) -> Decimal:
            value = settings.get(key)
            return Decimal(str(value if value is not None else default))

        minimum = settings.get("min_experts")
        return cls(method=settings.get("method", "mean"), trim_min=int(settings.get("trim_min_experts", 5)),
                   decimals=int(settings.get("decimals", 2)), min_experts=None if minimum in (None, "", 0) else
                   int(minimum), unanimous=settings.get("condition_rule", "majority") == "unanimous",
                   threshold=num("flag_total_threshold", "15"), fraction=num("flag_spread_fraction", "0.5"),
                   recommendation_majority=settings.get("recommendation_rule", "advisory") == "majority")

    def agree(self, values: list[Decimal]) -> Decimal | None:
        return cons.consensus(values, self.method, trim_min=self.trim_min, decimals=self.decimals)


# 财政部令第87号 第四十七条: "成员人数应当为5人以上单数" — a warning where an applicant's panel is not.
PANEL_MIN = 5


def objective(item: ScoreItem) -> bool:
    """Whether an item is an objective criterion (客观评审因素, 财政部令第87号 第六十四条（三）).

    The rubric format has no field for it, so it is read from the item's type
    as docs/rubrics.md defines it: a yes/no question (basic condition, gate,
    priority condition) states a fact; a points item is objective when every
    value it accepts is a fixed number — a checklist item "记3分" (ticked or
    not) or a levels criterion whose every level is fixed ("记2分" / "记1分"),
    where the expert only says which fact holds. A band ("记2-5分") or a
    range asks for a professional judgement: subjective, which 第六十二条（四）
    forbids the panel to negotiate.
    """
    if not item.takes_points:
        return True
    return item.allowed is not None and all(b.low == b.high for b in item.allowed.bands)


def decide(session: Session, intake: Intake, *, inspections: Mapping[str, Inspection], created: str) -> Result:
    """The panel's result: consensus, eligibility, flags, ranks, candidate lists, agreement."""
    rules = Rules.of(session.settings)
    names = {e.id: e.name for e in session.experts}
    merged = {s.expert_id for s in intake.submissions}
    applicants: list[ApplicantResult] = []
    keys: dict[str, tuple] = {}
    for a in session.applicants:
        result = _applicant(session.applied(a.id), a, intake, rules, names)
        keys[a.id] = _rank_key(session.applied(a.id), result)
        applicants.append(result)
    changes = _round_changes(intake)
    for r in applicants:
        r.changes = [c for c in changes if c.applicant_id == r.id]
    categories = _categories(session, applicants)
    _rank(applicants, keys, categories)
    for r in applicants:
        if r.rank is not None:
            r.inspection = inspections.get(r.id)
    result = Result(
        session_id=session.id, title=session.title, date=session.date or "", method=rules.method,
        settings=dict(session.settings), created=created, files=list(intake.files),
        experts=[PanelMember(e.id, e.name, e.organisation, e.title, e.id in merged) for e in session.experts],
        applicants=applicants, categories=categories, agreement={}, leniency={}, changes=changes,
        rubric_titles={rid: r.title for rid, r in session.rubrics.items()})
    result.warnings += [f.note for f in intake.files if f.note is not None and f.accepted]
    if not panel_ok(len(merged)):
        result.warnings.append(Sentence(
            "the panel has {count} experts whose files were merged; 财政部令第87号 第四十七条 asks for {min} or more, "
            "an odd number", count=len(merged), min=PANEL_MIN))
    fill(result)
    result.agreement = {c.name: _agreement(c, applicants, intake.submissions) for c in result.categories}
    result.leniency = _leniency(applicants, intake.submissions, rules.decimals)
    return result


# --------------------------------------------------------------------------- one applicant


def _applicant(applied: Applied, a: Applicant, intake: Intake, rules: Rules, names: dict[str, str]
               ) -> ApplicantResult:
    rubrics = intake.rubrics
    has_points = applied.rubric.has_points
    criteria = [c for c in applied.criteria() if not c.is_gate]
    scorers = [e for e in intake.submissions if a.id not in e.recused]
    conditions = _conditions(a.id, scorers, rubrics, rules)
    failed = [c.id for c in conditions if c.met is False and c.kind in (words.CONDITION, words.GATE)]
    overruled = {c.id for c in conditions if c.kind == words.GATE and c.met}
    scores = {s.expert_id: _expert_scores(s, a.id, applied, criteria, rubrics, overruled)
              for s in intake.submissions}
    counted = [scores[e.expert_id] for e in scorers]
    total, sections, crit = _consensus(applied, criteria, counted, rubrics.order[a.id], rules)
    recommendations = {"yes": sum(1 for s in counted if s.decision == words.POSITIVE),
                       "no": sum(1 for s in counted if s.decision == words.NEGATIVE)}
    flags = _flags(counted, criteria, rubrics.order[a.id], rules, names, has_points)
    flags += _objective_flags(counted, rubrics.order[a.id], names) if has_points else []
    flags += _band_flags(counted, criteria, rubrics, a.id, names) if has_points else []
    flags += _panel_flags(counted, conditions, recommendations, rules, names, len(intake.submissions))
    if rules.min_experts is not None and len(counted) < rules.min_experts:
        status = words.INSUFFICIENT_EXPERTS
    elif failed:
        status = words.INELIGIBLE
    elif rules.recommendation_majority and 2 * recommendations["yes"] <= len(counted):
        status = words.NOT_RECOMMENDED
    else:
        status = words.RANKED
    return ApplicantResult(
        id=a.id, name=a.name, category=a.category, rubric_id=a.rubric_id, variant=applied.variant_label(),
        profile=dict(a.profile), has_points=has_points, eligible=not failed, failed=failed,
        ineligible=ineligible_reasons(conditions, failed, names), total=total, sections=sections, criteria=crit,
        recommendations=recommendations,
        priority_met=[c.id for c in conditions if c.met and c.kind == words.PRIORITY],
        rank=None, tied=False, status=status, flags=flags, conditions=conditions,
        parts=_parts(applied, rubrics.order[a.id]), scores=scores)


def _consensus(applied: Applied, criteria: list[Criterion], counted: list[ExpertScores], items: list,
               rules: Rules) -> tuple[Decimal | None, dict[str, Decimal | None], dict[str, Decimal | None]]:
    """Total, section and criterion consensus, each over the experts who scored all of it.

    An expert who answered "no" at a gate that the panel found met gave no
    points for what that gate stops: those parts (and the total) are taken
    over the other experts, never as his 0 (the re-check round asks him).
    """
    if not applied.rubric.has_points:
        return None, {s.id: None for s in applied.sections}, {c.id: None for c in criteria}
    of_section = {s.id: {i.id for i in items if i.section == s.id} for s in applied.sections}
    of_criterion = {c.id: {i.id for i in items if i.criterion == c.id} for c in criteria}

    def over(ids: set[str] | None) -> list[ExpertScores]:
        return [x for x in counted if not (set(x.missing) & ids if ids is not None else x.missing)]

    total = rules.agree([x.total for x in over(None) if x.total is not None])
    sections = {s.id: rules.agree([x.sections[s.id] for x in over(of_section[s.id])]) for s in applied.sections}
    crit = {c.id: rules.agree([x.criteria[c.id] for x in over(of_criterion[c.id])]) for c in criteria}
    return total, sections, crit


def _parts(applied: Applied, items: list) -> list[Part]:
    """Sections with their criteria and gates, then every answerable item, in the rubric's order."""
    parts: list[Part] = []
    for s in applied.sections:
        parts.append(Part("section", s.id, None, f"{s.no} {s.title}".strip(), s.max))
        for c in s.criteria:
            parts.append(Part("gate" if c.is_gate else "criterion", c.id, s.id, c.text, c.max))
    for item in items:
        parts.append(Part("item:" + item.kind, item.id, item.criterion, item.text, item.max))
    return parts


def _expert_scores(e: Submission, applicant_id: str, applied: Applied, criteria: list[Criterion],
                   rubrics: SessionRubrics, overruled: set[str]) -> ExpertScores:
    """One expert's answers with what they count for: points a gate's "no" made moot count for nothing.

    `overruled`: the gates the panel found met; what the expert's own "no" at
    one of them stopped is `missing` (not scored), not 0.
    """
    items = rubrics.items[applicant_id]
    given = e.answers.get(applicant_id, {})
    stopped = rubrics.stopped(applicant_id, given)
    moot = rubrics.stopped(applicant_id, given, gates=overruled) if overruled and stopped else set()
    missing = [i.id for i in rubrics.order[applicant_id] if i.takes_points and i.id in moot] if moot else []
    recused = e.recused.get(applicant_id)
    has_points = applied.rubric.has_points and recused is None
    crit = {c.id: ZERO for c in criteria}
    sec = {s.id: ZERO for s in applied.sections}
    answers: dict[str, Answer] = {}
    for item_id, (value, level) in given.items():
        item = items[item_id]
        counted = item.takes_points and item_id not in stopped
        answers[item_id] = Answer(value, level, counted)
        if counted and recused is None:
            pts = _decimal(value)
            cid, sid = item.criterion or item_id, item.section or ""
            crit[cid] = crit.get(cid, ZERO) + pts
            sec[sid] = sec.get(sid, ZERO) + pts
    decision, opinion = e.recommendations.get(applicant_id, (None, ""))
    return ExpertScores(
        expert_id=e.expert_id, recused=recused,
        total=sum(sec.values(), ZERO) if has_points else None,
        decision=decision if recused is None else None, opinion=opinion if recused is None else "",
        sections=sec if has_points else {}, criteria=crit if has_points else {}, answers=answers,
        comments=dict(e.comments.get(applicant_id, {})), citations=list(e.citations.get(applicant_id, [])),
        missing=missing if recused is None else [])


def _conditions(applicant_id: str, scorers: list[Submission], rubrics: SessionRubrics, rules: Rules
                ) -> list[ConditionResult]:
    """Each basic condition, gate and priority condition as the scoring experts answered it."""
    out = []
    stopped = {e.expert_id: rubrics.stopped(applicant_id, e.answers.get(applicant_id, {})) for e in scorers}
    for item in rubrics.order[applicant_id]:
        if item.kind not in (words.CONDITION, words.GATE, words.PRIORITY):
            continue
        # an answer a gate's "no" made moot does not count, as its points would not
        said = {e.expert_id: got[0] for e in scorers
                if item.id not in stopped[e.expert_id] and (got := e.answers.get(applicant_id, {}).get(item.id))}
        yes = sum(1 for v in said.values() if v == words.YES)
        met = None if not said else (yes == len(said) if rules.unanimous else 2 * yes > len(said))
        # every answer given is shown, a moot one too: the reader sees what each expert said
        shown = {e.expert_id: (got[0], e.comments.get(applicant_id, {}).get(item.id, "")) for e in scorers
                 if (got := e.answers.get(applicant_id, {}).get(item.id))}
        out.append(ConditionResult(item.id, item.kind, item.text, met, yes, len(said) - yes, shown))
    return out


def ineligible_reasons(conditions: list[ConditionResult], failed: list[str], names: Mapping[str, str]) -> list:
    """Why the applicant is not eligible: one sentence per failed condition or gate."""
    return [words.condition_sentence(c.kind, c.id, c.text, c.answers, yes=c.yes, no=c.no, names=names)
            for c in conditions if c.id in failed]


def _flags(counted: list[ExpertScores], criteria: list[Criterion], items: list, rules: Rules,
           names: dict[str, str], has_points: bool) -> list[Flag]:
    """An expert's total far from the others' consensus (畸高畸低); a criterion's wide spread."""
    found: list[tuple[str, str | None, str | None, dict, str]] = []
    complete = [s for s in counted if not s.missing]  # an incomplete total is no outlier: it is a dissent
    if has_points and len(complete) >= 2:
        for s in complete:
            others = rules.agree([o.total for o in complete if o is not s])
            diff = s.total - others
            if abs(diff) > rules.threshold:
                found.append((words.OUTLIER_TOTAL, s.expert_id, None,
                              {"total": str(s.total), "others": str(others), "diff": str(diff),
                               "threshold": str(rules.threshold)}, ""))
    if has_points and len(counted) >= 2:
        for c in criteria:
            mine = {i.id for i in items if i.criterion == c.id}
            pts = {s.expert_id: s.criteria[c.id] for s in counted if not mine & set(s.missing)}
            if len(pts) < 2:
                continue
            gap = cons.spread(pts.values())
            if c.max and gap > rules.fraction * c.max:
                low, high = min(pts.values()), max(pts.values())
                found.append((words.CRITERION_SPREAD, None, c.id,
                              {"low": str(low), "high": str(high), "spread": str(gap), "max": str(c.max),
                               "fraction": str(rules.fraction),
                               "low_experts": [eid for eid, v in pts.items() if v == low],
                               "high_experts": [eid for eid, v in pts.items() if v == high]}, c.text))
    return [make_flag(kind, eid, cid, data, names=names, criterion_text=text) for kind, eid, cid, data, text in found]


def _objective_flags(counted: list[ExpertScores], items: list[ScoreItem], names: dict[str, str]) -> list[Flag]:
    """An objective points item on which the experts who scored it do not all give the same points.

    Any difference counts (87号令 第六十四条（三） "对客观评审因素评分不一致"), however small
    against the item's maximum: one expert's 1 against four experts' 2 is a flag.
    """
    out = []
    for item in items:
        if not item.takes_points or not objective(item):
            continue
        given = {s.expert_id: s.answers[item.id].value for s in counted
                 if item.id in s.answers and s.answers[item.id].counted}
        if len(set(given.values())) < 2:
            continue
        counts = _counts(given.values())
        majority = _majority(counts)
        out.append(make_flag(words.OBJECTIVE_INCONSISTENT, None, item.id, {
            "item": item.id, "text": item.text, "answers": counts, "majority": majority,
            "experts": [eid for eid, v in given.items() if v != majority]}, names=names, criterion_text=item.text))
    return out


def _counts(values: Any) -> dict[str, int]:
    """How many gave each value, the most frequent first (points in descending order among equals)."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1

    def order(kv: tuple[str, int]) -> tuple:
        try:
            return (-kv[1], -_decimal(kv[0]))
        except ArithmeticError:
            return (-kv[1], 0)
    return dict(sorted(counts.items(), key=order))


def _majority(counts: Mapping[str, int]) -> str | None:
    """The value more than half gave (None without one)."""
    total = sum(counts.values())
    return next((v for v, n in counts.items() if 2 * n > total), None)


def _band_flags(counted: list[ExpertScores], criteria: list[Criterion], rubrics: SessionRubrics, applicant_id: str,
                names: dict[str, str]) -> list[Flag]:
    """Points outside an item's bands, or a criterion summed above its maximum (87号令 第六十四条（二）).

    The intake refuses a file with points outside an item's bands, so what
    this finds in practice is a checklist whose ticked items add up to more
    than its criterion's maximum.
    """
    out = []
    items = rubrics.items[applicant_id]
    for s in counted:
        for item_id, ans in s.answers.items():
            item = items.get(item_id)
            if item is not None and item.takes_points and ans.counted and not rubrics.within_bands(item, ans.value):
                out.append(make_flag(words.OUT_OF_BAND, s.expert_id, item_id, {
                    "item": item_id, "points": ans.value, "allowed": str(item.allowed)}, names=names,
                    criterion_text=item.text))
        for c in criteria:
            got = s.criteria.get(c.id)
            if got is not None and c.max is not None and got > c.max:
                out.append(make_flag(words.OUT_OF_BAND, s.expert_id, c.id, {
                    "item": c.id, "points": str(got), "allowed": f"0-{c.max}"}, names=names, criterion_text=c.text))
    return out


def panel_ok(count: int) -> bool:
    return count >= PANEL_MIN and count % 2 == 1


def _panel_flags(counted: list[ExpertScores], conditions: list[ConditionResult], recommendations: dict[str, int],
                 rules: Rules, names: dict[str, str], merged: int) -> list[Flag]:
    """Warnings about the panel's decision: its size, a gate dissent, too few recommendations."""
    found: list[tuple[str, str | None, str | None, dict]] = []
    if rules.min_experts is not None and len(counted) < rules.min_experts:
        found.append((words.INSUFFICIENT_EXPERTS, None, None, {"count": len(counted), "min": rules.min_experts}))
    if counted and len(counted) < merged and not panel_ok(len(counted)):  # recusals broke the panel's make-up
        found.append((words.PANEL_SIZE, None, None, {"count": len(counted), "min": PANEL_MIN}))
    for c in conditions:
        if c.kind == words.GATE and c.met:
            for s in counted:
                if c.answers.get(s.expert_id, ("",))[0] == words.NO and s.missing:
                    found.append((words.GATE_DISSENT, s.expert_id, c.id,
                                  {"gate": c.id, "yes": c.yes, "no": c.no, "items": list(s.missing)}))
    gate_dissents = {(eid, cid) for kind, eid, cid, _ in found if kind == words.GATE_DISSENT}
    for c in conditions:  # 第六十一条: the majority decides; who answered otherwise is named, to sign the dissent
        if c.met is None or not (c.yes and c.no):
            continue
        other = words.NO if c.met else words.YES
        dissent = [eid for eid, (v, _) in c.answers.items() if v == other and (eid, c.id) not in gate_dissents]
        if dissent:
            found.append((words.CONDITION_DISSENT, None, c.id, {"item": c.id, "text": c.text, "kind": c.kind,
                                                               "met": c.met, "yes": c.yes, "no": c.no,
                                                               "experts": dissent}))
    if counted and 2 * recommendations["yes"] <= len(counted):
        found.append((words.NOT_RECOMMENDED, None, None, {"yes": recommendations["yes"], "no": recommendations["no"],
                                                         "count": len(counted)}))
    return [make_flag(kind, eid, cid, data, names=names, criterion_text="") for kind, eid, cid, data in found]


def make_flag(kind: str, expert_id: str | None, criterion_id: str | None, data: dict, *, names: Mapping[str, str],
              criterion_text: str) -> Flag:
    return Flag(kind, expert_id, criterion_id, data,
                words.flag_sentence(kind, expert_id, criterion_id, data, names=names, criterion_text=criterion_text))


# --------------------------------------------------------------------------- rounds


def _round_changes(intake: Intake) -> list[RoundChange]:
    """What each expert changed from one round to the next, per answer, recusal and recommendation, with the
    reason given in a re-check round; and each asked item the expert confirmed unchanged (复核确认不变)."""
    out = []
    for e in intake.submissions:
        out += round_changes(e.expert_id, e.rounds, intake.rubrics.items)
    return out


def round_changes(expert_id: str, rounds: list[dict], items: Mapping[str, Mapping[str, Any]]) -> list[RoundChange]:
    """One expert's rounds ({round, content} as a score file records them) as RoundChanges, oldest first;
    `items`: applicant → item id → ScoreItem (for the criterion of each item)."""
    out = []
    for before, after in zip(rounds, rounds[1:]):
        notes = _round_notes(after)
        changed = set()

        def change(aid: str, target: str, old: Any, new: Any, **kw: Any) -> RoundChange:
            item = items.get(aid, {}).get(target)
            return RoundChange(expert_id, aid, target, item.criterion if item is not None else None, before["round"],
                               after["round"], old, new, request=notes["request"], ground=notes["ground"], **kw)
        for aid, target, old, new in _changed(before, after):
            reason, at = notes["recheck_reason"].get((aid, target), ("", ""))
            changed.add((aid, target))
            out.append(change(aid, target, old, new, reason=reason, at=at))
        for (aid, target), (value, at) in notes["recheck_confirm"].items():
            if (aid, target) not in changed and value is not None:
                out.append(change(aid, target, value, value, at=at, kind=words.CONFIRMED))
    return out


def _round_notes(after: dict) -> dict[str, Any]:
    """From a round's recorded content: the request that opened it, and each item's last reason and
    confirmation in it ((applicant, item) → (text, time))."""
    try:
        history = json.loads(after["content"] or "{}").get("history", [])
    except ValueError:
        history = []
    notes: dict[str, Any] = {"request": "", "ground": "", "recheck_reason": {}, "recheck_confirm": {}}
    for _id, at, rnd, aid, target, field, _old, new in history:
        if rnd != after["round"]:
            continue
        if field == "recheck":
            opened = json.loads(new or "{}")
            notes["request"], notes["ground"] = opened.get("request", ""), opened.get("reason", "")
        elif field in ("recheck_reason", "recheck_confirm"):
            notes[field][(aid, target)] = (new or "" if field == "recheck_reason" else new, at)
    return notes


def _changed(before: dict, after: dict) -> list[tuple[str, str, Any, Any]]:
    try:
        b, a = json.loads(before["content"] or "{}"), json.loads(after["content"] or "{}")
    except ValueError:
        return []
    out = []
    for part, n in (("answers", 2), ("recusals", 1), ("recommendations", 1)):
        bm = {tuple(x[:n]): x[n] for x in b.get(part, [])}
        am = {tuple(x[:n]): x[n] for x in a.get(part, [])}
        for key in sorted(set(bm) | set(am), key=str):
            if bm.get(key) != am.get(key):
                target = key[1] if n == 2 else {"recusals": "recusal", "recommendations": "recommendation"}[part]
                out.append((key[0], target, bm.get(key), am.get(key)))
    return out


# --------------------------------------------------------------------------- ranking and candidates


def _rank_key(applied: Applied, a: ApplicantResult) -> tuple:
    if a.has_points:
        sections = [a.sections.get(sid) for sid in applied.rubric.tie_break]
        return (a.total if a.total is not None else Decimal(-1),
                *[v if v is not None else Decimal(-1) for v in sections], bool(a.priority_met))
    return (Decimal(a.recommendations["yes"]), bool(a.priority_met))


def _group(category: str, categories: list[Category]) -> str:
    """The ranking group of a category: the first quota covering it (003: "A或B共2个" ranks A and B together)."""
    return next((c.label for c in categories if category in c.members), category)


def _rank(applicants: list[ApplicantResult], keys: Mapping[str, tuple], categories: list[Category]) -> None:
    """Competition ranks (1, 2, 2, 4) within each ranking group among applicants with status ranked."""
    groups: dict[str, list[ApplicantResult]] = {}
    for r in applicants:
        if r.status == words.RANKED:
            groups.setdefault(_group(r.category, categories), []).append(r)
    for members in groups.values():
        members.sort(key=lambda r: keys[r.id], reverse=True)
        for k, r in enumerate(members):
            same = k and keys[members[k - 1].id] == keys[r.id]
            r.rank = members[k - 1].rank if same else k + 1
        for r in members:
            r.tied = sum(1 for x in members if x.rank == r.rank) > 1


def _categories(session: Session, applicants: list[ApplicantResult]) -> list[Category]:
    """The session's quotas in its order, then every category of an applicant that no quota covers."""
    out = [Category(q.name, q.limit, members=list(q.categories), tier=q.tier, reserve=q.reserve)
           for q in session.quota_groups]
    covered = {c for q in session.quota_groups for c in q.categories}
    out += [Category(n, None) for n in dict.fromkeys(r.category for r in applicants) if n not in covered]
    seen: dict[str, int] = {}
    for k, r in enumerate(applicants):
        seen.setdefault(r.category, k)
    tiers = list(dict.fromkeys(c.tier for c in out))
    # as before quotas over several categories: in the order applicants first name them, tier by tier
    return sorted(out, key=lambda c: (tiers.index(c.tier), min((seen.get(m, len(applicants)) for m in c.members))))


def fill(result: Result) -> None:
    """Fill each quota's candidate and reserve lists, and set each ranked applicant's status.

    Quotas are filled in order, so a second tier (003: 命名支持类 after 资金补助类) takes from those
    the first did not make candidates. Rank by rank: where field inspections are required (000:
    "依次进行实地考察"), a rank with anyone not yet inspected stops the filling (`awaiting`) — the list
    cannot skip over it, since it might pass; those who passed are taken while places remain; when
    they are more than the places left they are a `boundary_tie` (`reserve_tie` on the reserve list)
    and the filling stops without taking any of them: the panel decides. A quota of None takes all.
    """
    required = result.settings.get("field_inspection", "required") != "none"
    position = {a.id: k for k, a in enumerate(result.applicants)}
    for a in result.applicants:
        if a.rank is not None:
            a.status = words.RANKED
    taken: set[str] = set()
    for cat in result.categories:
        members = sorted((a for a in result.applicants if a.category in cat.members and a.rank is not None
                          and a.id not in taken), key=lambda a: (a.rank, position[a.id]))
        cat.candidates, cat.awaiting, cat.boundary_tie, left = _take(members, cat.quota, required)
        cat.reserves, cat.reserve_tie = [], []
        if cat.reserve and not (cat.awaiting or cat.boundary_tie):
            cat.reserves, cat.awaiting, cat.reserve_tie, _ = _take(left, cat.reserve, required)
        taken.update(cat.candidates)
        for aid in cat.reserves:
            result.applicant(aid).status = words.RESERVE
    for aid in taken:
        result.applicant(aid).status = words.CANDIDATE
    _double_listings(result)


def _double_listings(result: Result) -> None:
    """Flag who is on one quota's reserve list and another's candidates (003 says nothing of it: the panel decides)."""
    for a in result.applicants:
        a.flags = [f for f in a.flags if f.kind != words.DOUBLE_LISTED]
        reserve = [c.label for c in result.categories if a.id in c.reserves]
        candidate = [c.label for c in result.categories if a.id in c.candidates]
        if reserve and candidate:
            a.flags.append(make_flag(words.DOUBLE_LISTED, None, None, {"reserve": reserve[0], "candidate": candidate[0]},
                                     names={}, criterion_text=""))


def _take(members: list[ApplicantResult], places: int | None, required: bool
          ) -> tuple[list[str], list[str], list[str], list[ApplicantResult]]:
    """(taken, awaiting, tied at the boundary, the members of the ranks not reached) for `places` (None: all)."""
    taken: list[str] = []
    ranks = sorted(dict.fromkeys(a.rank for a in members))
    for k, rank in enumerate(ranks):
        if places is not None and len(taken) >= places:
            return taken, [], [], [a for a in members if a.rank in ranks[k:]]
        group = [a for a in members if a.rank == rank]
        pending = [a.id for a in group if required and a.inspection is None]
        if pending:
            return taken, pending, [], []
        # without required inspections an applicant counts as passed unless one recorded says it failed
        passed = [a for a in group if (a.inspection.passed if a.inspection is not None else not required)]
        if places is not None and len(taken) + len(passed) > places:
            return taken, [], [a.id for a in passed], []
        taken += [a.id for a in passed]
    return taken, [], [], []


def inspect(result: Result, applicant_id: str, inspection: Inspection) -> None:
    """Record a field inspection (实地考察) in the result and refill the candidate lists."""
    a = result.applicant(applicant_id)
    if a.rank is None:
        raise MergeError("{id} is not ranked ({status}), so it is not proposed for field inspection",
                         id=applicant_id, status=a.status)
    a.inspection = inspection
    fill(result)


# --------------------------------------------------------------------------- agreement


def _agreement(category: Category, applicants: list[ApplicantResult], submissions: list[Submission]) -> Agreement:
    """Kendall's W over the quota's ranked applicants and the experts who scored every one of them."""
    ranked = [a for a in applicants if a.category in category.members and a.rank is not None
              and a.total is not None]
    block: dict[str, dict[str, Decimal]] = {}
    for e in submissions:
        mine = {a.id: a.scores[e.expert_id].total for a in ranked
                if a.scores[e.expert_id].recused is None and a.scores[e.expert_id].total is not None}
        if mine and len(mine) == len(ranked):
            block[e.expert_id] = mine
    w = cons.kendalls_w(block) if ranked else None
    return Agreement(category.name, "Kendall's W", w, len(ranked) if block else 0, len(block))


def _leniency(applicants: list[ApplicantResult], submissions: list[Submission], decimals: int
              ) -> dict[str, Decimal | None]:
    """Each expert's mean(own total − consensus) over the applicants with a consensus total."""
    out = {}
    for e in submissions:
        pairs = [(a.scores[e.expert_id].total, a.total) for a in applicants
                 if a.total is not None and a.scores[e.expert_id].recused is None
                 and a.scores[e.expert_id].total is not None]
        out[e.expert_id] = cons.leniency(pairs, decimals=decimals)
    return out
