"""The product's one vocabulary: the codes stored for states, and the words shown and printed for them.

Codes (``"accepted"``, ``"candidate"``, ``"outlier_total"``, ``"yes"``…) are
what files keep; `word()` gives the word on screen and in exports (through
the translation catalog, so it follows the language), `printed()` the word
on the signed Chinese paper, and the sentence builders say what a flag or a
failed condition means.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from app.i18n import Sentence, tr


def N_(text: str) -> str:
    """Marks a string for translation where it is defined; tr() translates it where it is shown."""
    return text


# answers and recommendations, as the expert's score file keeps them
YES, NO = "yes", "no"
POSITIVE, NEGATIVE = "positive", "negative"
# score files handed in
ACCEPTED, REJECTED = "accepted", "rejected"
# an applicant after the merge
CANDIDATE, RANKED, INELIGIBLE, INSUFFICIENT_EXPERTS = "candidate", "ranked", "ineligible", "insufficient_experts"
NOT_RECOMMENDED, RESERVE = "not_recommended", "reserve"
STATUSES = (CANDIDATE, RESERVE, RANKED, INELIGIBLE, INSUFFICIENT_EXPERTS, NOT_RECOMMENDED)
# field inspections
PASSED, FAILED = "passed", "failed"
# flags (advisory)
OUTLIER_TOTAL, CRITERION_SPREAD = "outlier_total", "criterion_spread"
PANEL_SIZE, GATE_DISSENT, DOUBLE_LISTED = "panel_size", "gate_dissent", "double_listed"
# 财政部令第87号 第六十四条（二）（三）: a score outside its band; experts who disagree on an objective item
OUT_OF_BAND, OBJECTIVE_INCONSISTENT, CONDITION_DISSENT = "out_of_band", "objective_inconsistent", "condition_dissent"
FLAG_KINDS = (OUTLIER_TOTAL, CRITERION_SPREAD, INSUFFICIENT_EXPERTS, PANEL_SIZE, GATE_DISSENT, NOT_RECOMMENDED,
              DOUBLE_LISTED, OUT_OF_BAND, OBJECTIVE_INCONSISTENT, CONDITION_DISSENT)
# re-check rounds (复核): what became of an item an expert was asked about
CHANGED, CONFIRMED = "changed", "confirmed"
# the questions of a rubric
CONDITION, GATE, PRIORITY = "condition", "gate", "priority"

_WORDS = {
    YES: N_("yes"), NO: N_("no"), POSITIVE: N_("recommend"), NEGATIVE: N_("do not recommend"),
    ACCEPTED: N_("accepted"), REJECTED: N_("rejected"),
    CANDIDATE: N_("candidate"), RESERVE: N_("reserve"), RANKED: N_("ranked"), INELIGIBLE: N_("ineligible"),
    INSUFFICIENT_EXPERTS: N_("insufficient experts"), NOT_RECOMMENDED: N_("not recommended"),
    PANEL_SIZE: N_("panel size"), GATE_DISSENT: N_("gate dissent"), DOUBLE_LISTED: N_("on two lists"),
    PASSED: N_("passed"), FAILED: N_("failed"),
    OUTLIER_TOTAL: N_("outlying total"), CRITERION_SPREAD: N_("criterion spread"),
    CONDITION: N_("basic condition"), GATE: N_("gate"), PRIORITY: N_("priority condition"),
    OUT_OF_BAND: N_("outside its band"), OBJECTIVE_INCONSISTENT: N_("objective item inconsistent"),
    CONDITION_DISSENT: N_("dissent on a condition"),
    CHANGED: N_("changed"), CONFIRMED: N_("confirmed unchanged"),
}

# The words of the documents the panel signs (always Chinese, as the bureau files them).
_PRINTED = {
    ACCEPTED: "有效", REJECTED: "不予采用",
    PASSED: "通过", FAILED: "未通过", CANDIDATE: "候选", RESERVE: "备选",
    OUTLIER_TOTAL: "畸高畸低", CRITERION_SPREAD: "评分差异较大", INSUFFICIENT_EXPERTS: "评审专家不足",
    PANEL_SIZE: "评审专家人数", GATE_DISSENT: "门槛意见不一致", NOT_RECOMMENDED: "多数专家未建议认定",
    DOUBLE_LISTED: "同时列入两份名单",
    OUT_OF_BAND: "分项评分超出评分标准范围", OBJECTIVE_INCONSISTENT: "客观评审因素评分不一致",
    CONDITION_DISSENT: "条件认定意见不一致", CHANGED: "修改", CONFIRMED: "复核确认不变",
    YES: "是", NO: "否",
}


def word(code: str | None, lang: str | None = None) -> str:
    """The word shown for a stored code (an unknown code is shown as it is)."""
    if not code:
        return ""
    known = _WORDS.get(code)
    return tr(known, lang=lang) if known else code


def printed(code: str | None) -> str:
    """The word for a code on the signed Chinese paper (an unknown code as it is)."""
    if not code:
        return ""
    return _PRINTED.get(code, code)


def yes_no(flag: bool, lang: str | None = None) -> str:
    return word(YES if flag else NO, lang)


def short(text: str, limit: int = 40) -> str:
    """The first line of `text`, cut to `limit` characters with an ellipsis."""
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[:limit] + "…"


def signed(d: Decimal) -> str:
    return f"+{d}" if d > 0 else str(d)


def flag_sentence(kind: str, expert_id: str | None, criterion_id: str | None, data: Mapping[str, Any], *,
                  names: Mapping[str, str], criterion_text: str = "") -> Sentence:
    """What a flag means, naming the expert and the criterion."""
    if kind == OUTLIER_TOTAL:
        return Sentence(N_("{expert}'s total {total} differs from the others' consensus {others} by {diff} "
                           "(more than {threshold})"),
                        expert=f"{expert_id} {names.get(expert_id or '', '')}".strip(), total=data["total"],
                        others=data["others"], diff=signed(Decimal(data["diff"])), threshold=data["threshold"])
    if kind == CRITERION_SPREAD:
        return Sentence(N_("{criterion} {text}: points range from {low} ({low_experts}) to {high} ({high_experts}), "
                           "a spread of {spread}, more than {fraction} of its maximum {max}"),
                        criterion=criterion_id, text=short(criterion_text, 24), low=data["low"], high=data["high"],
                        low_experts=", ".join(data["low_experts"]), high_experts=", ".join(data["high_experts"]),
                        spread=data["spread"], fraction=data["fraction"], max=data["max"])
    if kind == INSUFFICIENT_EXPERTS:
        return Sentence(N_("only {count} experts scored this applicant; the session asks for at least {min}"),
                        count=data["count"], min=data["min"])
    if kind == PANEL_SIZE:
        return Sentence(N_("{count} experts scored this applicant; 财政部令第87号 第四十七条 asks for {min} or more, "
                           "an odd number, made up again after recusals (第四十九条)"),
                        count=data["count"], min=data["min"])
    if kind == GATE_DISSENT:
        return Sentence(N_("{expert} answered no at gate {gate}, which the panel found met ({yes} yes, {no} no): "
                           "the expert's points for {items} are missing from the consensus; ask for them in a "
                           "re-check"),
                        expert=f"{expert_id} {names.get(expert_id or '', '')}".strip(), gate=data["gate"],
                        yes=data["yes"], no=data["no"], items=", ".join(data["items"]))
    if kind == OBJECTIVE_INCONSISTENT:
        return Sentence(N_("{item} {text} is an objective item and the experts' answers differ: {answers}; "
                           "majority {majority}, different: {experts}"),
                        item=data["item"], text=short(criterion_text or data.get("text", ""), 24),
                        answers=_histogram(data["answers"]), majority=data.get("majority") or "—",
                        experts=", ".join(data["experts"]))
    if kind == CONDITION_DISSENT:
        return Sentence(N_("{item} {text}: the panel found it {finding} ({yes} yes, {no} no); answered otherwise: "
                           "{experts}"),
                        item=data["item"], text=short(criterion_text or data.get("text", ""), 24),
                        finding=word(YES if data["met"] else NO), yes=data["yes"], no=data["no"],
                        experts=", ".join(data["experts"]))
    if kind == OUT_OF_BAND:
        return Sentence(N_("{expert} gave {item} {points} points, outside its bands ({allowed})"),
                        expert=f"{expert_id} {names.get(expert_id or '', '')}".strip(), item=data["item"],
                        points=data["points"], allowed=data["allowed"])
    if kind == DOUBLE_LISTED:
        return Sentence(N_("on the reserve list of {reserve} and a candidate of {candidate}: the documents do not say "
                           "whether both can stand; the panel decides"), reserve=data["reserve"],
                        candidate=data["candidate"])
    if kind == NOT_RECOMMENDED:
        return Sentence(N_("only {yes} of {count} experts recommend this applicant ({no} do not): not a majority"),
                        yes=data["yes"], no=data["no"], count=data["count"])
    return Sentence(kind)


def _histogram(counts: Mapping[str, int]) -> str:
    """{"5": 4, "3": 1} → "5 ×4, 3 ×1" (answers are shown by their word: yes ×4, no ×1)."""
    return ", ".join(f"{word(v) if v in (YES, NO) else v} ×{n}" for v, n in counts.items())


def condition_sentence(kind: str, item_id: str, text: str, answers: Mapping[str, tuple[str, str]], *, yes: int,
                       no: int, names: Mapping[str, str]) -> Sentence:
    """Why a basic condition or gate was not met, with every expert's answer and comment."""
    who = "; ".join(f"{eid} {names.get(eid, '')}: {word(v)}" + (f" ({comment})" if comment else "")
                    for eid, (v, comment) in answers.items())
    fields = dict(id=item_id, text=short(text), yes=yes, no=no, answered=yes + no, answers=who)
    if kind == GATE:
        return Sentence(N_("gate {id} {text}: not passed ({no} of {answered} experts answered no): {answers}"),
                        **fields)
    return Sentence(N_("basic condition {id} {text}: not met ({no} of {answered} experts answered no): {answers}"),
                    **fields)
