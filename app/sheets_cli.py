"""`panelreview sheet ...` and `panelreview report ...`: signed sheets and the panel's reports as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import cli, sheets
from app.errors import SheetError
from app.i18n import tr
from app.scorefile import ScoreFile


@cli.command("sheet")
def sheet(args: argparse.Namespace) -> int:
    with ScoreFile.open(args.scorefile, readonly=True) as scores:
        if args.all:
            written = sheets.opinion_sheets(scores, args.out)
        elif args.score_sheet is not None:
            written = [sheets.score_sheet(scores, args.score_sheet, args.out)]
        else:
            written = [sheets.opinion_sheet(scores, args.applicant, args.out)]
    for path in written:
        cli.out(str(path))
    return 0


@cli.command("report")
def report(args: argparse.Namespace) -> int:
    if not (args.pdf or args.candidates or args.xlsx):
        raise SheetError("say what to write: --pdf, --candidates or --xlsx")
    result = _load_result(args.result)
    written = []
    if args.pdf:
        written.append(sheets.panel_summary(result, args.pdf))
    if args.candidates:
        written.append(sheets.candidate_list(result, args.candidates))
    if args.xlsx:
        try:
            from app.report import write_xlsx
        except ModuleNotFoundError as exc:
            if exc.name != "app.report":
                raise
            raise SheetError("this build cannot write spreadsheets (app.report is missing)") from None
        write_xlsx(result, args.xlsx)
        written.append(args.xlsx)
    for path in written:
        cli.out(str(path))
    return 0


def _load_result(path: Path):
    try:
        from app.merge import load_result
    except ModuleNotFoundError as exc:
        if exc.name != "app.merge":
            raise
        raise SheetError("this build cannot read merged results (app.merge is missing)") from None
    return load_result(path)


def extend(sub) -> None:
    p = sub.add_parser("sheet", help=tr("print an expert's opinion sheets or score sheet as PDF (submitted files only)"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--applicant", metavar="ID", help=tr("the opinion sheet of one applicant"))
    which.add_argument("--all", action="store_true", help=tr("the opinion sheets of every applicant (into a folder)"))
    which.add_argument("--score-sheet", metavar="CATEGORY",
                       help=tr("the score sheet of every applicant in one category"))
    p.add_argument("--out", required=True, type=Path, metavar="PATH", help=tr("a PDF file, or a folder with --all"))

    p = sub.add_parser("report", help=tr("the panel summary and candidate list of a merged result"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--pdf", type=Path, metavar="FILE", help=tr("write the panel summary (PDF)"))
    p.add_argument("--candidates", type=Path, metavar="FILE", help=tr("write the candidate list (PDF)"))
    p.add_argument("--xlsx", type=Path, metavar="FILE", help=tr("write the results as a spreadsheet"))


cli.EXTENSIONS.append(extend)
