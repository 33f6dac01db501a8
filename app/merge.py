"""The secretary's desk: take the experts' score files in, decide, keep the result.

    result = merge(session, ["stick/E01.prscore", "stick/"])          # the session's own result file
    result = record_inspection(result.path, "A1", passed=True, note="场地属实")

Each step is one module: `app.intake` checks the files (refusing the ones
that cannot be trusted, each with its reason), `app.decision` decides in
memory, `app.resultfile` writes the typed `app.result.Result` whole.
Merging again to the same result file keeps the inspections already
recorded there (for applicants that are still ranked).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Iterable

from app import decision, recheck
from app import journal
from app.errors import MergeError
from app.i18n import Sentence
from app.intake import Progress, refused, take_in
from app.result import Inspection, Result
from app.resultfile import ResultFile
from app.session import Session
from app.vocabulary import FAILED, N_, PASSED, printed


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def merge(session: Session, inputs: Iterable[Path | str], *, out: Path | str | None = None, at: str | None = None,
          progress: Progress | None = None) -> Result:
    """Check and merge the score files in `inputs` into the result file `out` (default: the session's own).

    Refused files are listed with their reason and the rest are merged.
    NothingMerged (a MergeError carrying every file's status) when no file could be merged; nothing is written then.
    """
    intake = take_in(session, inputs, progress=progress)
    if not intake.submissions:
        raise refused(intake)
    target = ResultFile(out) if out is not None else ResultFile.for_session(session)
    when = recheck.finalised(target.path) if target.path.is_file() else None
    if when:
        raise MergeError("{file}: the result was finalised on {at}; a merge would change it, so nothing was merged",
                         file=str(target.path), at=when)
    result = decision.decide(session, intake, inspections=target.inspections(session.id), created=at or now())
    written = target.write(result)
    journal.safe_log(written.path, session.id, journal.MERGE,
                     Sentence(N_("merged {accepted} score files ({rejected} refused)"), accepted=len(written.accepted),
                              rejected=len(written.rejected)), inputs=journal.score_inputs(written), at=written.created)
    return written


def record_inspection(path: Path | str, applicant_id: str, *, passed: bool, note: str = "",
                      at: str | None = None) -> Result:
    """Record a field inspection (实地考察) in the result file and refill the candidate lists."""
    file = ResultFile(path)
    result = file.load()
    inspection = Inspection(PASSED if passed else FAILED, (note or "").strip(), at or now())
    decision.inspect(result, applicant_id, inspection)
    written = file.write(result)
    journal.safe_log(written.path, written.session_id, journal.INSPECTION,
                     Sentence(N_("field inspection of {applicant}: {outcome} {note}"),
                              applicant=f"{applicant_id} {written.applicant(applicant_id).name}",
                              outcome=printed(inspection.result), note=inspection.note),
                     inputs=journal.score_inputs(written), at=inspection.at)
    return written
