"""The merged result as typed values: what the panel's score files add up to.

Built in memory by `app.decision.decide` from the files `app.intake` took in,
kept by `app.resultfile.ResultFile`, read by the sheets, the export, the CLI
and the secretary's window. Every figure is an exact Decimal; sentences are
`Sentence`s, translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import consensus as cons
from app import vocabulary as words
from app.errors import MergeError
from app.i18n import Sentence


@dataclass
class FileStatus:
    """One score file handed in: who it says it is from, and whether it was merged (and if not, why)."""

    path: str
    expert_id: str | None
    expert_name: str
    organisation: str
    title: str
    fingerprint: str | None
    round: int | None
    status: str  # words.ACCEPTED | words.REJECTED
    problem: Sentence | None = None  # why it was refused, without the file name (the path is beside it)
    note: Sentence | None = None  # e.g. a re-check round still open (the last submitted round was merged)

    @property
    def reason(self) -> str:
        return "" if self.problem is None else str(self.problem)

    @property
    def accepted(self) -> bool:
        return self.status == words.ACCEPTED

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class PanelMember:
    """An expert on the session's panel, and whether a file of theirs was merged."""

    id: str
    name: str
    organisation: str
    title: str
    merged: bool


@dataclass(slots=True)
class Part:
    """A section, criterion, gate or answerable item of an applicant's applied rubric."""

    kind: str  # section | criterion | gate | item:<item kind>
    id: str
    parent: str | None
    text: str
    max: Decimal | None


@dataclass(slots=True)
class Answer:
    """One answer as the expert gave it; `counted` is whether its points entered the expert's total."""

    value: str
    level: int | None
    counted: bool


@dataclass(slots=True)
class Citation:
    target_id: str
    material: str
    file: str
    page: int


@dataclass(slots=True)
class ExpertScores:
    """One expert on one applicant: points, answers, words, citations — the drill-down."""

    expert_id: str
    recused: str | None  # the reason given, or None when the expert scored
    total: Decimal | None  # None: recused, or a rubric without points
    decision: str | None
    opinion: str
    sections: dict[str, Decimal]
    criteria: dict[str, Decimal]
    answers: dict[str, Answer]
    comments: dict[str, str]
    citations: list[Citation]
    # points items the expert did not score: his "no" at a gate the panel found met stopped them
    missing: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ConditionResult:
    """A basic condition, gate or priority condition as the panel answered it."""

    id: str
    kind: str  # condition | gate | priority
    text: str
    met: bool | None  # None: nobody answered it (stopped by a gate)
    yes: int
    no: int
    answers: dict[str, tuple[str, str]]  # expert id → (yes/no, comment)


@dataclass(slots=True)
class Flag:
    """Something the secretary should look at (advisory): an outlying total, a wide spread, too few experts."""

    kind: str  # one of words.FLAG_KINDS
    expert_id: str | None
    criterion_id: str | None
    data: dict[str, Any]
    sentence: Sentence

    @property
    def detail(self) -> str:
        return str(self.sentence)


@dataclass
class Inspection:
    result: str  # words.PASSED | words.FAILED
    note: str
    at: str

    @property
    def passed(self) -> bool:
        return self.result == words.PASSED


@dataclass
class RoundChange:
    """What one expert did with one item from one round to the next (复核记录).

    `kind` is words.CHANGED (old → new, with the expert's `reason`) or
    words.CONFIRMED (asked in a re-check round and confirmed unchanged: old == new).
    `request` is the re-check request's id that opened round `round_to`
    ("" for a round the expert opened, whose reason is `ground`).
    """

    expert_id: str
    applicant_id: str
    target_id: str
    criterion_id: str | None
    round_from: int
    round_to: int
    old: str | None
    new: str | None
    reason: str = ""
    at: str = ""
    kind: str = words.CHANGED
    request: str = ""
    ground: str = ""

    @property
    def confirmed(self) -> bool:
        return self.kind == words.CONFIRMED


@dataclass
class ApplicantResult:
    id: str
    name: str
    category: str
    rubric_id: str
    variant: str
    profile: dict[str, str]
    has_points: bool
    eligible: bool
    failed: list[str]  # ids of the basic conditions and gates not met
    ineligible: list[Sentence]
    total: Decimal | None
    sections: dict[str, Decimal | None]
    criteria: dict[str, Decimal | None]
    recommendations: dict[str, int]  # {"yes": n, "no": n}
    priority_met: list[str]
    rank: int | None
    tied: bool
    status: str  # one of words.STATUSES
    flags: list[Flag]
    conditions: list[ConditionResult]
    parts: list[Part]
    scores: dict[str, ExpertScores]  # by expert id, in roster order; recused experts too
    inspection: Inspection | None = None
    changes: list[RoundChange] = field(default_factory=list)

    @property
    def experts_scored(self) -> list[str]:
        return [eid for eid, s in self.scores.items() if s.recused is None]

    @property
    def recused(self) -> list[str]:
        return [eid for eid, s in self.scores.items() if s.recused is not None]

    @property
    def expert_totals(self) -> dict[str, Decimal | None]:
        return {eid: s.total for eid, s in self.scores.items() if s.recused is None}

    @property
    def ineligible_reasons(self) -> list[str]:
        return [str(s) for s in self.ineligible]

    def part(self, part_id: str, kind: str = "criterion") -> Part | None:
        return next((p for p in self.parts if p.id == part_id and p.kind == kind), None)


@dataclass
class Category:
    """A quota (app.quota): at most `quota` candidates from `members` taken together, in `tier`, then a
    reserve list of `reserve`, filled so far. A category without a quota has one of these with quota None."""

    name: str  # as printed: "技能大师工作室", "A或B"
    quota: int | None
    candidates: list[str] = field(default_factory=list)  # 拟入选 / 候选, in order
    awaiting: list[str] = field(default_factory=list)  # not yet inspected, holding the list at their rank
    boundary_tie: list[str] = field(default_factory=list)  # passed and tied for the last places: the panel decides
    members: list[str] = field(default_factory=list)  # the categories it covers (default: [name])
    tier: str = ""  # 003: 资金补助类 / 命名支持类
    reserve: int = 0  # how many on the reserve list (备选)
    reserves: list[str] = field(default_factory=list)
    reserve_tie: list[str] = field(default_factory=list)  # tied for the last reserve places

    def __post_init__(self) -> None:
        if not self.members:
            self.members = [self.name]

    @property
    def label(self) -> str:
        return f"{self.tier}·{self.name}" if self.tier else self.name


@dataclass
class Agreement:
    """How far the experts agree on a category's order (Kendall's W over the experts who scored all of it)."""

    category: str
    name: str
    value: Decimal | None
    applicants: int
    experts: int


@dataclass
class Result:
    session_id: str
    title: str
    date: str
    method: str
    settings: dict[str, Any]
    created: str
    files: list[FileStatus]
    experts: list[PanelMember]
    applicants: list[ApplicantResult]
    categories: list[Category]
    agreement: dict[str, Agreement]
    leniency: dict[str, Decimal | None]
    changes: list[RoundChange] = field(default_factory=list)
    warnings: list[Sentence] = field(default_factory=list)  # about the session as a whole (e.g. the panel's size)
    path: str = ""  # where it was written or read; set by app.resultfile
    rubric_titles: dict[str, str] = field(default_factory=dict)  # rubric id → its title, as the session holds it

    @property
    def accepted(self) -> list[FileStatus]:
        return [f for f in self.files if f.status == words.ACCEPTED]

    @property
    def rejected(self) -> list[FileStatus]:
        return [f for f in self.files if f.status == words.REJECTED]

    @property
    def merged_experts(self) -> list[PanelMember]:
        return [e for e in self.experts if e.merged]

    def applicant(self, applicant_id: str) -> ApplicantResult:
        for a in self.applicants:
            if a.id == applicant_id:
                return a
        raise MergeError("the result has no applicant {id}", id=applicant_id)

    def category(self, name: str) -> Category | None:
        """The first quota that covers category `name` (its ranking group)."""
        return next((c for c in self.categories if name in c.members), None)

    def expert_name(self, expert_id: str) -> str:
        return next((e.name for e in self.experts if e.id == expert_id), expert_id)

    def rubric_title(self, rubric_id: str) -> str:
        """The rubric's title (its id for a result written before titles were kept)."""
        return self.rubric_titles.get(rubric_id) or rubric_id

    @property
    def decimals(self) -> int:
        return int(self.settings.get("decimals", 2))


def score_text(value: Decimal | None, decimals: int = 2) -> str | None:
    """A score as the decimal string shown everywhere: 83.125 → "83.13", 80 → "80.00"."""
    return None if value is None else str(cons.round_half_up(value, decimals))


def as_json(result: Result) -> dict[str, Any]:
    """The result as JSON data; every score a decimal string with the session's decimals."""
    d = result.decimals

    def s(v: Decimal | None) -> str | None:
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
        "categories": [{"name": c.name, "tier": c.tier, "members": c.members, "quota": c.quota,
                        "reserve": c.reserve, "candidates": c.candidates, "reserves": c.reserves,
                        "awaiting": c.awaiting, "boundary_tie": c.boundary_tie, "reserve_tie": c.reserve_tie}
                       for c in result.categories],
        "agreement": {k: {"name": v.name, "value": None if v.value is None else str(v.value),
                          "applicants": v.applicants, "experts": v.experts} for k, v in result.agreement.items()},
        "leniency": {k: s(v) for k, v in result.leniency.items()},
        "changes": [{"expert_id": c.expert_id, "applicant_id": c.applicant_id, "target_id": c.target_id,
                     "criterion_id": c.criterion_id, "round_from": c.round_from, "round_to": c.round_to,
                     "old": c.old, "new": c.new, "kind": c.kind, "reason": c.reason, "at": c.at,
                     "request": c.request, "ground": c.ground} for c in result.changes],
    }
