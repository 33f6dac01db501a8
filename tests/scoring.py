"""Score files filled through the core, the one way every test and benchmark makes them.

    path = submitted_file(session, tmp / "E01.prscore", "E01")                    # every item at its maximum
    path = submitted_file(session, tmp / "E02.prscore", "E02", recuse={"M02": "曾在该单位任职"},
                          points=lambda item, k: item.allowed.min, answers={"T04": {"S2a.G": "no"}})
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable, Mapping

from app.rubric import ScoreItem
from app.scorefile import ScoreFile

Points = Callable[[ScoreItem, int], Decimal | int]


def highest(item: ScoreItem, k: int) -> Decimal:
    return item.allowed.max


def fill(sf: ScoreFile, applicant_id: str, *, points: Points = highest, answers: Mapping[str, str] | None = None,
         decision: str = "positive", opinion: str = "同意。") -> None:
    """Answer every item of the applicant still open, then recommend.

    Points come from `points(item, k)` (k: the item's position); questions are
    answered yes, priority conditions no, unless `answers` says otherwise; an
    item a gate's "no" stops is left alone, as the window leaves it.
    """
    items = sf.applied(applicant_id).items()
    given = answers or {}
    for item in items:  # the given answers first: a gate's "no" decides what is left to answer
        if item.id in given:
            if item.takes_points:
                sf.set_points(applicant_id, item.id, given[item.id])
            else:
                sf.set_answer(applicant_id, item.id, given[item.id])
    for k, item in enumerate(items):
        if item.id in sf.stopped(applicant_id) or item.id in sf.answers(applicant_id):
            continue
        if item.takes_points:
            sf.set_points(applicant_id, item.id, points(item, k))
        else:
            sf.set_answer(applicant_id, item.id, "no" if item.kind == "priority" else "yes")
    sf.set_recommendation(applicant_id, decision, opinion)


def fill_all(sf: ScoreFile, *, skip: set[str] | frozenset[str] = frozenset(), **kw) -> None:
    """fill() every applicant the expert has not recused and `skip` does not name."""
    for a in sf.applicants:
        if a.id not in skip and sf.recusal(a.id) is None:
            fill(sf, a.id, **kw)


def submitted_file(session, path: Path, expert_id: str, *, recuse: Mapping[str, str] | None = None,
                   answers: Mapping[str, Mapping[str, str]] | None = None, points: Points = highest,
                   decisions: Mapping[str, str] | None = None, submit: bool = True) -> Path:
    """A score file for `expert_id` at `path`, every applicant scored (or recused), submitted unless told."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with ScoreFile.create(path, session, expert_id) as sf:
        for aid, reason in (recuse or {}).items():
            sf.recuse(aid, reason)
        for a in sf.applicants:
            if sf.recusal(a.id) is None:
                fill(sf, a.id, points=points, answers=(answers or {}).get(a.id),
                     decision=(decisions or {}).get(a.id, "positive"))
        if submit:
            sf.submit()
    return path
