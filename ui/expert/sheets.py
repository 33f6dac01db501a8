"""The expert's printable sheets as one PDF, built off the UI thread from the submitted score file.

The work opens its own read-only copy of the score file (a SQLite
connection belongs to the thread that made it), so it can run on a worker
thread or, for every opinion sheet at once, in a worker process: joining
many sheets holds the GIL long enough to stall the window.
"""

from __future__ import annotations

from pathlib import Path

from app import archive, sheets
from app.scorefile import ScoreFile
from ui.background import N_, Progress

CURRENT, ALL, SCORE_SHEET = "current", "all", "score_sheet"


def sheet_pdf(progress: Progress, score_path: str, what: str, applicant_id: str | None) -> tuple[bytes, str]:
    """The PDF for `what` (current | all | score_sheet) and a file name for it."""
    with ScoreFile.open(Path(score_path), readonly=True) as scores:
        expert = scores.expert_id
        if what == CURRENT:
            return sheets.build_opinion_sheet(scores, applicant_id), f"{expert}-{applicant_id}-专家评审意见书.pdf"
        if what == ALL:
            parts = []
            for k, a in enumerate(scores.applicants):
                progress(k, len(scores.applicants) + 1, N_("Writing the opinion sheet of {name}"), name=a.name)
                parts.append(sheets.build_opinion_sheet(scores, a.id))
            progress(len(parts), len(parts) + 1, N_("Putting the {n} sheets together"), n=len(parts))
            name = f"{expert}-专家评审意见书.pdf"
            return archive.merged_pdfa(parts, name=name), name  # one archival PDF/A-2b, not a page copy
        category = scores.applicant(applicant_id).category
        return sheets.build_score_sheet(scores, category), f"{expert}-{category}-评分表.pdf"
