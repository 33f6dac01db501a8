"""The panel as a body: its leader, its joint opinions, its members' dissents, and the room's progress.

    财政部令第87号 第四十五条（四）“组织评标委员会推选评标组长”: the panel elects its leader; the
    program only records whom the secretary says the panel elected (never chooses one).
    第六十一条 “持不同意见的评标委员会成员应当在评标报告上签署不同意见及理由”: a dissent always has
    its reason, and the member signs it on the joint opinion.

Kept in the result file's records (app.resultfile.Records), carried over by every merge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from app import journal
from app.errors import RecordError
from app.i18n import Sentence
from app.resultfile import Records
from app.vocabulary import N_

LEADER = "leader"
SESSION = ""  # the applicant id of the opinion about the session as a whole


@dataclass
class Leader:
    expert_id: str
    name: str
    recorded: str
    how: str = "elected by the panel"  # 第四十五条（四）: 推选; printed as “由专家组推选”


@dataclass
class Dissent:
    applicant_id: str  # SESSION for the session as a whole
    expert_id: str
    opinion: str
    reason: str
    at: str


@dataclass
class PanelRecord:
    leader: Leader | None
    opinions: dict[str, str]  # applicant id (SESSION for the session) → the panel's joint opinion
    dissents: list[Dissent] = field(default_factory=list)

    def dissents_on(self, applicant_id: str) -> list[Dissent]:
        return [d for d in self.dissents if d.applicant_id == applicant_id]


def record(path: Path | str) -> PanelRecord:
    """The leader, opinions and dissents recorded in the result file at `path`."""
    leader, opinions = None, {}
    for r in Records(path).rows("panel_record"):
        if r["key"] == LEADER:
            d = json.loads(r["value"])
            leader = Leader(d["expert_id"], d["name"], d["recorded"])
        elif r["key"].startswith("opinion:"):
            opinions[r["key"][len("opinion:"):]] = json.loads(r["value"])
    dissents = [Dissent(r["applicant_id"] or SESSION, r["expert_id"], r["opinion"], r["reason"], r["at"])
                for r in Records(path).rows("dissents", order="position")]
    return PanelRecord(leader, opinions, dissents)


def _member(session_or_result, expert_id: str):
    for e in session_or_result.experts:
        if e.id == expert_id:
            return e
    raise RecordError("{id} is not on the panel's roster", id=expert_id)


def record_leader(path: Path | str, session, expert_id: str, *, at: str | None = None) -> Leader:
    """Record the leader the panel elected (第四十五条（四）); a leader once recorded is not replaced."""
    e = _member(session, expert_id)
    current = record(path).leader
    if current is not None:
        raise RecordError("the panel's leader is already recorded: {name} ({at})", name=current.name,
                          at=current.recorded)
    leader = Leader(e.id, e.name, at or journal.now())
    Records(path).write("panel_record", {"key": LEADER, "value": json.dumps(
        {"expert_id": e.id, "name": e.name, "recorded": leader.recorded, "how": leader.how}, ensure_ascii=False)},
        session_id=session.id)
    journal.log(path, session.id, journal.LEADER,
                Sentence(N_("the panel elected {name} as its leader"), name=f"{e.id} {e.name}"), at=leader.recorded)
    return leader


def record_opinion(path: Path | str, result, text: str, *, applicant_id: str = SESSION) -> None:
    """Keep the panel's joint opinion on `applicant_id` (or the session), as the panel worded it."""
    text = (text or "").strip()
    if not text:
        raise RecordError("the panel's opinion is empty")
    if applicant_id != SESSION:
        result.applicant(applicant_id)
    Records(path).write("panel_record", {"key": f"opinion:{applicant_id}", "value": json.dumps(text, ensure_ascii=False)},
                        session_id=result.session_id, replace=True)
    journal.log(path, result.session_id, journal.OPINION,
                Sentence(N_("the panel's opinion on {what} recorded"), what=_what(result, applicant_id)),
                inputs=journal.score_inputs(result))


def record_dissent(path: Path | str, result, expert_id: str, *, opinion: str, reason: str,
                   applicant_id: str = SESSION, at: str | None = None) -> Dissent:
    """A member's dissent with its reason (第六十一条); both are required."""
    e = _member(result, expert_id)
    opinion, reason = (opinion or "").strip(), (reason or "").strip()
    if not opinion:
        raise RecordError("{name}'s dissent: say what the member holds instead", name=e.name)
    if not reason:
        raise RecordError("{name}'s dissent: give the reason (财政部令第87号 第六十一条: 不同意见及理由)", name=e.name)
    if applicant_id != SESSION:
        result.applicant(applicant_id)
    d = Dissent(applicant_id, expert_id, opinion, reason, at or journal.now())
    position = len(record(path).dissents)
    Records(path).write("dissents", {"position": position, "applicant_id": applicant_id, "expert_id": expert_id,
                                     "opinion": opinion, "reason": reason, "at": d.at}, session_id=result.session_id)
    journal.log(path, result.session_id, journal.DISSENT,
                Sentence(N_("{name} dissents on {what}: {opinion}; reason: {reason}"), name=e.name,
                         what=_what(result, applicant_id), opinion=opinion, reason=reason),
                inputs=journal.score_inputs(result), at=d.at)
    return d


def _what(result, applicant_id: str) -> str:
    return "本次评审" if applicant_id == SESSION else f"{applicant_id} {result.applicant(applicant_id).name}"


# --------------------------------------------------------------------------- the room's progress


@dataclass
class ExpertProgress:
    expert_id: str
    name: str
    submitted: bool
    done: int  # applicants finished (scored completely, or recused)
    found: bool  # a score file of theirs was found


@dataclass
class RoomState:
    """What the room's screen may show: progress, and after the merge the items up for discussion.

    Never a score before every expert has submitted; never an expert's name beside an item.
    """

    title: str
    experts: list[ExpertProgress]
    applicants: int
    applicants_done: int  # every expert on the roster finished it (or recused)
    all_submitted: bool
    discussion: list[Sentence]  # anonymous: applicant, item, what is at issue (after the merge only)
    merged: bool = False  # a merge of every expert's submitted file is shown


def room_state(session, score_files: Iterable[Path], result=None) -> RoomState:
    """Progress from the score files found (opened read-only), and the discussion items from `result`."""
    from app.errors import PanelReviewError
    from app.scorefile import ScoreFile

    seen: dict[str, ExpertProgress] = {}
    finished: dict[str, set[str]] = {}
    for path in score_files:
        try:
            sf = ScoreFile.open(Path(path), readonly=True)
        except PanelReviewError:
            continue
        try:
            if sf.session_id != session.id or sf.expert_id in seen:
                continue
            done = {a.id for a in session.applicants if sf.progress(a.id).done}
            seen[sf.expert_id] = ExpertProgress(sf.expert_id, sf.expert.get("name", ""), sf.submitted, len(done), True)
            finished[sf.expert_id] = done
        finally:
            sf.close()
    experts = [seen.get(e.id) or ExpertProgress(e.id, e.name, False, 0, False) for e in session.experts]
    for p, e in zip(experts, session.experts):
        p.name = e.name
    every = [finished.get(e.id, set()) for e in session.experts]
    done = sum(1 for a in session.applicants if every and all(a.id in s for s in every))
    all_submitted = bool(experts) and all(p.submitted for p in experts)
    merged = all_submitted and result is not None
    discussion = discussion_items(result) if merged else []
    return RoomState(session.title, experts, len(session.applicants), done, all_submitted, discussion, merged)


def discussion_items(result) -> list[Sentence]:
    """The merge's flags as anonymous items for the room: applicant, criterion, what is at issue, no names.

    Flags about one expert (an outlying total, a score outside its band) become one line per applicant
    saying how many totals or scores are at issue, so the line cannot point at anyone.
    """
    from app import vocabulary as words

    out: list[Sentence] = []
    for a in result.applicants:
        texts = {p.id: p.text for p in a.parts}
        outliers = [f for f in a.flags if f.kind == words.OUTLIER_TOTAL]
        if outliers:
            out.append(Sentence(N_("{applicant}: {what}, {count} of the totals differ from the others' consensus "
                                   "by more than {threshold}"), applicant=a.name, what=words.word(words.OUTLIER_TOTAL),
                                count=len(outliers), threshold=outliers[0].data.get("threshold", "")))
        for f in a.flags:
            if f.kind == words.OUTLIER_TOTAL:
                continue
            what = words.word(f.kind)
            item = f.criterion_id or f.data.get("item") or f.data.get("gate") or ""
            text = words.short(texts.get(item, "") or f.data.get("text", ""), 30)
            if f.kind == words.CRITERION_SPREAD:
                line = Sentence(N_("{applicant} · {item} {text}: {what}, points from {low} to {high} (max {max})"),
                                applicant=a.name, item=item, text=text, what=what, low=f.data["low"],
                                high=f.data["high"], max=f.data["max"])
            elif item:
                line = Sentence(N_("{applicant} · {item} {text}: {what}"), applicant=a.name, item=item, text=text,
                                what=what)
            else:
                line = Sentence(N_("{applicant}: {what}"), applicant=a.name, what=what)
            if line not in out:
                out.append(line)
    return out
