"""Taking the experts' score files in: which can be trusted, what each says, and why the others are refused.

`take_in(session, inputs)` opens every score file named (or found in a named
folder) read-only, checks that it belongs to the session, was submitted and
still verifies, and that every answer fits the applied rubric, and returns an
`Intake`: every file's `FileStatus` in the order given (a refused one with
its reason, without the file name, which stands beside it) and, for the
accepted ones in roster order, what they say. Inputs are never changed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable

from app import vocabulary as words
from app.errors import MergeError, NothingMerged, PanelReviewError, ScoreFileError, SessionError
from app.i18n import Sentence
from app.result import Citation, FileStatus
from app.rubric import NONE_LEVEL, ScoreItem
from app.scorefile import SUFFIX, ScoreFile
from app.session import Session

Progress = Callable[[int, int], None]


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
class Submission:
    """What one accepted score file says, read in a few queries."""

    expert_id: str
    path: str
    round: int
    recused: dict[str, str]  # applicant → reason
    answers: dict[str, dict[str, tuple[str, int | None]]]  # applicant → item → (value, level)
    comments: dict[str, dict[str, str]]  # applicant → target → text
    citations: dict[str, list[Citation]]
    recommendations: dict[str, tuple[str | None, str]]  # applicant → (decision, opinion)
    rounds: list[dict]  # every round's content, when there was more than one
    fingerprint: str = ""  # of the round merged


class SessionRubrics:
    """The session's applied rubrics with their items and what each gate stops, computed once."""

    def __init__(self, session: Session) -> None:
        self.none_allowed = session.settings.get("none_of_levels", "allowed") != "refused"
        self.items: dict[str, dict[str, ScoreItem]] = {}
        self.order: dict[str, list[ScoreItem]] = {}
        self.gates: dict[str, dict[str, set[str]]] = {}
        self._allowed: dict[tuple[int, str], bool] = {}  # (id of an Allowed, answer) → within it
        for a in session.applicants:
            applied = session.applied(a.id)
            items = applied.items()
            self.order[a.id] = items
            self.items[a.id] = {i.id: i for i in items}
            self.gates[a.id] = {i.id: applied.stopped_by(i.id) for i in items if i.kind == words.GATE}

    def stopped(self, applicant_id: str, answers: dict[str, tuple[str, int | None]], *,
                gates: set[str] | None = None) -> set[str]:
        """The items an expert's "no" at a gate (of `gates`, default any) makes moot."""
        out: set[str] = set()
        for gid, stops in self.gates[applicant_id].items():
            got = answers.get(gid)
            if got is not None and got[0] == words.NO and (gates is None or gid in gates):
                out |= stops
        return out

    def within_bands(self, item: ScoreItem, value: str) -> bool:
        key = (id(item.allowed), value)  # self.items keeps every Allowed alive, so ids are not reused
        ok = self._allowed.get(key)
        if ok is None:
            try:
                pts = Decimal(value)
                ok = pts.is_finite() and pts in item.allowed
            except (InvalidOperation, TypeError):
                ok = False
            self._allowed[key] = ok
        return ok


@dataclass
class Intake:
    files: list[FileStatus]  # in the order given
    submissions: list[Submission]  # the accepted files, in roster order
    rubrics: SessionRubrics

    @property
    def problems(self) -> list[Sentence]:
        return [f.problem for f in self.files if f.problem is not None]


def take_in(session: Session, inputs: Iterable[Path | str], *, progress: Progress | None = None) -> Intake:
    """Every file's status and the accepted files' contents; nothing is written."""
    rubrics = SessionRubrics(session)
    files: list[FileStatus] = []
    accepted: dict[str, Submission] = {}
    paths = collect(inputs)
    for done, path in enumerate(paths):
        if progress:
            progress(done, len(paths) + 1)
        status, submission = _check(path, session, rubrics)
        if submission is not None and submission.expert_id in accepted:
            status.problem = Sentence("expert {expert} already handed in {other}; only the first is merged",
                                      expert=submission.expert_id, other=accepted[submission.expert_id].path)
            submission = None
        if submission is not None:
            accepted[submission.expert_id] = submission
        status.status = words.ACCEPTED if submission is not None else words.REJECTED
        files.append(status)
    order = [e.id for e in session.experts]
    return Intake(files, [accepted[eid] for eid in order if eid in accepted], rubrics)


def _check(path: Path, session: Session, rubrics: SessionRubrics) -> tuple[FileStatus, Submission | None]:
    """The file's identity and what it says, or its identity with the reason it cannot be merged."""
    status = FileStatus(str(path), None, "", "", "", None, None, words.REJECTED)
    try:
        sf = ScoreFile.open(path, readonly=True)
    except PanelReviewError as exc:
        status.problem = exc.sentence.without_file()
        return status, None
    except sqlite3.DatabaseError as exc:
        status.problem = _damaged(exc)
        return status, None
    try:
        status.expert_id, status.fingerprint, status.round = sf.expert_id or None, sf.fingerprint, sf.round
        status.expert_name = sf.expert.get("name", "")
        status.organisation, status.title = sf.expert.get("organisation", ""), sf.expert.get("title", "")
        problem = _problem(sf, session)
        submission = None if problem else _read(sf)
        if submission is not None and submission.round != sf.round:  # a re-check round is open: the last one counts
            status.round, status.fingerprint = submission.round, submission.fingerprint
            status.note = Sentence("{expert}: round {open} is still open; round {round}, the last submitted, "
                                   "is merged", expert=sf.expert_id, open=sf.round, round=submission.round)
        if submission is not None:
            problem = _invalid(submission, session, rubrics)
        status.problem = problem
        return status, None if problem else submission
    except sqlite3.DatabaseError as exc:
        status.problem = _damaged(exc)
        return status, None
    finally:
        sf.close()


def _damaged(exc: sqlite3.DatabaseError) -> Sentence:
    return Sentence("the score file is damaged: {reason}", reason=str(exc))


def _problem(sf: ScoreFile, session: Session) -> Sentence | None:
    """Why the file does not belong to this session, or was not submitted, or was changed since; or None."""
    if sf.session_id != session.id:
        return Sentence("belongs to another session ({found}), not {title}",
                        found=sf.meta("session_title") or sf.session_id, title=session.title)
    theirs, ours = sf.rubric_hashes(), session.rubric_hashes()
    for rid in sorted(set(theirs) | set(ours)):
        if theirs.get(rid) != ours.get(rid):
            return Sentence("its copy of rubric {rubric} differs from the session's", rubric=rid)
    mine = {a.id: a for a in sf.applicants}
    for a in session.applicants:
        got = mine.get(a.id)
        if got is None or got.rubric_id != a.rubric_id or got.profile != a.profile:
            return Sentence("its copy of applicant {applicant} differs from the session's", applicant=a.id)
    try:
        session.expert(sf.expert_id)
    except SessionError:
        return Sentence("expert {expert} is not on the session's panel", expert=sf.expert_id or "?")
    if not sf.submitted:  # in a re-check round the last submitted round is merged
        try:
            last = sf.last_submission()
        except ScoreFileError as exc:
            return exc.sentence.without_file()
        if last is None:
            return Sentence("not submitted (round {round} is still open)", round=sf.round)
    else:
        check = sf.verify()
        if not check.ok:
            return Sentence("changed after it was submitted: {problems}", problems="; ".join(check.problems))
    outside = sf.rounds_outside_request()
    if outside:
        return Sentence("a re-check round changed what it did not ask: {problems}", problems="; ".join(outside))
    return None


def _read(sf: ScoreFile) -> Submission:
    number, fingerprint, c = sf.last_submission()  # type: ignore[misc]  (_problem saw one)
    return Submission(expert_id=sf.expert_id, path=str(sf.path), round=number, fingerprint=fingerprint,
                      recused=c.recused,
                      answers=c.answers, comments=c.comments,
                      citations={aid: [Citation(*x) for x in cites] for aid, cites in c.citations.items()},
                      recommendations=c.recommendations, rounds=c.rounds)


def _invalid(s: Submission, session: Session, rubrics: SessionRubrics) -> Sentence | None:
    """The first answer that does not fit the applied rubric's bands and yes/no, or a required one left out."""
    for a in session.applicants:
        items = rubrics.items[a.id]
        answers = s.answers.get(a.id, {})
        if a.id in s.recused:
            if answers:
                return Sentence("{applicant} has answers although the expert recused", applicant=a.id)
            continue
        for item_id, (value, level) in answers.items():
            item = items.get(item_id)
            if item is None:
                return Sentence("{applicant} {item} is not an item of its rubric", applicant=a.id, item=item_id)
            none = item.none_allowed and value == "0" and level in (None, NONE_LEVEL)  # None: before 0.2
            if none and not rubrics.none_allowed:
                return Sentence("{applicant} {item}: answered \"none of the levels\", which the session does not "
                                "allow", applicant=a.id, item=item_id)
            if item.takes_points and not none and not rubrics.within_bands(item, value):
                return Sentence("{applicant} {item}: {points} points are outside its bands ({allowed})",
                                applicant=a.id, item=item_id, points=value, allowed=str(item.allowed))
            if not item.takes_points and value not in (words.YES, words.NO):
                return Sentence("{applicant} {item}: answer {value!r} is neither yes nor no", applicant=a.id,
                                item=item_id, value=value)
        stopped = rubrics.stopped(a.id, answers)
        for item in rubrics.order[a.id]:
            if item.id not in stopped and item.id not in answers:
                return Sentence("{applicant} {item} is unanswered although the file was submitted",
                                applicant=a.id, item=item.id)
        if s.recommendations.get(a.id, (None, ""))[0] not in (words.POSITIVE, words.NEGATIVE):
            return Sentence("{applicant} has no recommendation although the file was submitted", applicant=a.id)
    return None


def refused(intake: Intake) -> NothingMerged:
    """The error for an intake where nothing could be merged: one problem per file, and every file's status."""
    return NothingMerged("none of the {count} score files could be merged", count=len(intake.files),
                         files=intake.files).having(
        [MergeError("{file}: {reason}", file=f.path, reason=str(f.problem)) for f in intake.files
         if f.problem is not None])
