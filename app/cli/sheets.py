"""`panelreview sheet ...` and `panelreview report ...`: signed sheets and the panel's reports as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import journal
from app import report as report_core
from app import sheets as sheets_core
from app.cli.arguments import UsageError
from app.cli.output import journal_problem, out
from app.i18n import tr
from app.resultfile import load_result
from app.scorefile import ScoreFile


def register(sub: Any) -> None:
    """Add `sheet` and `report` to `sub`."""
    p = sub.add_parser("sheet", help=tr("print an expert's opinion sheets or score sheet as PDF (submitted files only)"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--applicant", metavar="ID", help=tr("the opinion sheet of one applicant"))
    which.add_argument("--all", action="store_true", help=tr("the opinion sheets of every applicant (into a folder)"))
    which.add_argument("--score-sheet", metavar="CATEGORY",
                       help=tr("the score sheet of every applicant in one category"))
    p.add_argument("--out", required=True, type=Path, metavar="PATH", help=tr("a PDF file, or a folder with --all"))
    p.set_defaults(handler=sheet)

    p = sub.add_parser("report", help=tr("the panel summary and candidate list of a merged result"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--pdf", type=Path, metavar="FILE", help=tr("write the panel summary (PDF)"))
    p.add_argument("--candidates", type=Path, metavar="FILE", help=tr("write the candidate list (PDF)"))
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=tr("write the results as a spreadsheet"))
    p.set_defaults(handler=report, parser=p)


def sheet(args: argparse.Namespace) -> int:
    """Write the opinion sheet(s) or score sheet and print each path; 0, or 1 when the file is not submitted."""
    with ScoreFile.open(args.scorefile, readonly=True) as scores:
        if args.all:
            written = sheets_core.opinion_sheets(scores, args.out)
        elif args.score_sheet is not None:
            written = [sheets_core.score_sheet(scores, args.score_sheet, args.out)]
        else:
            written = [sheets_core.opinion_sheet(scores, args.applicant, args.out)]
    for path in written:
        out(str(path))
    return 0


def report(args: argparse.Namespace) -> int:
    """Write the summary, candidate list and/or workbook and print each path; 0, or 2 when none was asked for."""
    if not (args.pdf or args.candidates or args.xlsx):
        raise UsageError(tr("say what to write: --pdf, --candidates or --xlsx"))
    result = load_result(args.result)
    written = []
    if args.pdf:
        written.append(sheets_core.panel_summary(result, args.pdf))
    if args.candidates:
        written.append(sheets_core.candidate_list(result, args.candidates))
    if args.xlsx:
        report_core.write_xlsx(result, args.xlsx)
        written.append(args.xlsx)
    for path in written:
        out(str(path))
        journal_problem(journal.log_output(result, journal.PRINT, path))
    return 0
