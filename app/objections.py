"""Objections to the public notice: who raised one, when, about what, and how the panel decided it.

    〔000〕五（四）“公示无异议或者异议不成立的，我局将候选名单书面报市人力资源保障局。”

An objection is received (`add`), then decided once (`decide`): upheld (成立) or not upheld (不成立),
always with the reason. An upheld objection is answered by a re-check (财政部令第87号 第六十四条:
“投标人对本条第一款情形提出质疑的，……可以组织原评标委员会进行重新评审”); the round it caused is
linked with `link_round`, and the list goes upward only when every objection is decided and every upheld
one names its round (`final_list`). Nothing recorded is ever changed or deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app import journal
from app import notice as notice_mod
from app.errors import RecordError
from app.i18n import Sentence
from app.resultfile import Records
from app.vocabulary import N_

UPHELD, NOT_UPHELD = "upheld", "not_upheld"
PRINTED = {UPHELD: "异议成立", NOT_UPHELD: "异议不成立", None: "待处理"}


@dataclass
class Objection:
    id: str  # Y1, Y2, … in the order received
    received: str  # when (ISO date or timestamp)
    by: str  # who raised it (a person or an organisation)
    contact: str
    applicant_id: str
    about: str
    decision: str | None  # UPHELD | NOT_UPHELD | None (not yet decided)
    decided: str
    reason: str
    round: int | None  # the re-check round an upheld objection caused

    @property
    def open(self) -> bool:
        return self.decision is None


def objections(path: Path | str) -> list[Objection]:
    """Every objection recorded in the result file at `path`, in the order received."""
    return [Objection(r["id"], r["received"], r["by"], r["contact"] or "", r["applicant_id"], r["about"],
                      r["decision"], r["decided"] or "", r["reason"] or "", r["round"])
            for r in Records(path).rows("objections", order="position")]


def get(path: Path | str, objection_id: str) -> Objection:
    for o in objections(path):
        if o.id == objection_id:
            return o
    raise RecordError("{file} has no objection {id}", file=str(path), id=objection_id)


def add(path: Path | str, result, *, by: str, applicant_id: str, about: str, contact: str = "",
        received: str | None = None) -> Objection:
    """Record an objection received about `applicant_id`; RecordError naming what is missing or wrong."""
    by, about = (by or "").strip(), (about or "").strip()
    if not by:
        raise RecordError("say who raised the objection")
    if not about:
        raise RecordError("say what the objection is about")
    result.applicant(applicant_id)  # MergeError naming the applicant when the result has none such
    received = (received or journal.now()).strip()
    _check_when(received)
    existing = objections(path)
    o = Objection(f"Y{len(existing) + 1}", received, by, (contact or "").strip(), applicant_id, about, None, "", "",
                  None)
    Records(path).write("objections", _row(o, len(existing)), session_id=result.session_id)
    journal.log(path, result.session_id, journal.OBJECTION,
                Sentence(N_("objection {id} from {by} about {applicant}: {about}"), id=o.id, by=by,
                         applicant=f"{applicant_id} {result.applicant(applicant_id).name}", about=about),
                inputs=journal.score_inputs(result))
    return o


def decide(path: Path | str, result, objection_id: str, *, upheld: bool, reason: str,
           at: str | None = None) -> Objection:
    """Record the panel's decision on an objection, with its reason; an objection is decided once."""
    o = get(path, objection_id)
    reason = (reason or "").strip()
    if not reason:
        raise RecordError("objection {id}: give the reason for the decision", id=objection_id)
    if not o.open:
        raise RecordError("objection {id} was already decided ({decision}, {at}); a decision is not changed",
                          id=objection_id, decision=PRINTED[o.decision], at=o.decided)
    o.decision, o.decided, o.reason = UPHELD if upheld else NOT_UPHELD, at or journal.now(), reason
    _rewrite(path, result, o)
    journal.log(path, result.session_id, journal.OBJECTION_DECIDED,
                Sentence(N_("objection {id}: {decision}; reason: {reason}"), id=o.id, decision=PRINTED[o.decision],
                         reason=reason), inputs=journal.score_inputs(result), at=o.decided)
    return o


def link_round(path: Path | str, result, objection_id: str, round_no: int) -> Objection:
    """Name the re-check round an upheld objection caused (a round some merged score file has reached)."""
    o = get(path, objection_id)
    if o.decision != UPHELD:
        raise RecordError("objection {id} is not upheld: no re-check round belongs to it", id=objection_id)
    if o.round is not None:
        raise RecordError("objection {id} already names round {round}", id=objection_id, round=o.round)
    rounds = {f.round or 1 for f in result.accepted}
    if round_no < 2 or round_no not in rounds:
        raise RecordError("no merged score file is in round {round} (merged rounds: {rounds}); merge the "
                          "re-check first", round=round_no, rounds=", ".join(str(r) for r in sorted(rounds)))
    o.round = round_no
    _rewrite(path, result, o)
    journal.log(path, result.session_id, journal.OBJECTION_DECIDED,
                Sentence(N_("objection {id}: re-checked in round {round}"), id=o.id, round=round_no),
                inputs=journal.score_inputs(result))
    return o


@dataclass
class FinalList:
    """The list that goes upward, or why it cannot yet: 〔000〕“公示无异议或者异议不成立的”."""

    ready: bool
    reasons: list[Sentence]  # why not (empty when ready)
    warnings: list[Sentence]
    lists: dict[str, list[str]]  # quota label (and "·备选") → applicant ids, from the result as merged now
    notice: "notice_mod.Notice | None"
    objections: list[Objection]


def final_list(path: Path | str, result, *, today: dt.date | None = None) -> FinalList:
    """The final list after the notice: ready only when the period is over and every objection is settled."""
    today = today or dt.date.today()
    n = notice_mod.recorded(path)
    found = objections(path)
    reasons: list[Sentence] = []
    warnings: list[Sentence] = []
    if n is None:
        reasons.append(Sentence(N_("no public notice is recorded: the list has not been on notice")))
    elif not n.over(today):
        reasons.append(Sentence(N_("the public notice runs until {end}: the list is final only after it"),
                                end=n.end))
    for o in found:
        if o.open:
            reasons.append(Sentence(N_("objection {id} from {by} is not decided yet"), id=o.id, by=o.by))
        elif o.decision == UPHELD and o.round is None:
            reasons.append(Sentence(N_("objection {id} was upheld but names no re-check round yet"), id=o.id))
    lists = notice_mod.published_lists(result)
    if n is not None and lists != n.published:
        # The documents do not say whether a list changed after the notice goes on notice again: the panel
        # and the bureau decide; the final list says so.
        warnings.append(Sentence(N_("the list differs from the one on public notice ({start} to {end}): the "
                                    "documents do not say whether it must go on notice again"),
                                 start=n.start, end=n.end))
    return FinalList(not reasons, reasons, warnings, lists, n, found)


def _check_when(text: str) -> None:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise RecordError("{value!r} is not a date or time (write YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
                          value=text) from None


def _row(o: Objection, position: int) -> dict:
    return {"id": o.id, "position": position, "received": o.received, "by": o.by, "contact": o.contact,
            "applicant_id": o.applicant_id, "about": o.about, "decision": o.decision, "decided": o.decided,
            "reason": o.reason, "round": o.round}


def _rewrite(path: Path | str, result, o: Objection) -> None:
    position = next(k for k, x in enumerate(objections(path)) if x.id == o.id)
    Records(path).write("objections", _row(o, position), session_id=result.session_id, replace=True)
