"""`panelreview upward | notice publish|final | objection ... | journal`: after the merge, up to the bureau."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app import journal, objectionfile, upward
from app import notice as notice_core
from app import objections as objections_core
from app.cli.arguments import UsageError
from app.cli.output import err, journal_problem, out, print_table
from app.i18n import Sentence, tr
from app.resultfile import load_result
from app.session import open_session
from app.vocabulary import N_


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{value!r} must be written YYYY-MM-DD").format(value=text)) from None


def register(sub: Any) -> None:
    """Add `upward`, `notice`, `objection` and `journal` to `sub`."""
    p = sub.add_parser("upward", help=tr("write the report upward (评审报告 / 推荐申报报告) as PDF and/or .docx"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.add_argument("--docx", type=Path, metavar="FILE", help=tr("an editable Word file for the bureau's letterhead"))
    p.add_argument("--session", type=Path, metavar="SESSION_DIR", help=tr("name the rubrics by their titles"))
    for opt, what in (("--call", tr("the call the applicants answered, and where it was published")),
                      ("--place", tr("where the review took place")), ("--contact", tr("the contact person")),
                      ("--phone", tr("the contact's telephone"))):
        p.add_argument(opt, default="", metavar="TEXT", help=what)
    p.set_defaults(handler=upward_command, parser=p)

    group = sub.add_parser("notice", help=tr("the public notice (公示): its 5 working days, then the final list"))
    cmds = group.add_subparsers(dest="notice_command", metavar="COMMAND", required=True)
    p = cmds.add_parser("publish", help=tr("record the public notice (公示) and its 5 working days; print it"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--start", required=True, type=_date, metavar="YYYY-MM-DD", help=tr("the notice's first day"))
    p.add_argument("--end", type=_date, metavar="YYYY-MM-DD",
                   help=tr("the last day, set by hand (only where the holiday calendar does not know the year)"))
    p.add_argument("--out", type=Path, metavar="FILE.pdf", help=tr("print the notice"))
    p.add_argument("--docx", type=Path, metavar="FILE", help=tr("the notice as an editable Word file"))
    p.add_argument("--contact", default="", metavar="TEXT")
    p.add_argument("--phone", default="", metavar="TEXT")
    p.set_defaults(handler=notice_command)
    p = cmds.add_parser("final", help=tr("the list that goes upward once the notice is over and objections settled"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help=tr("the date to judge by (default: today)"))
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=final_command)

    group = sub.add_parser("objection", help=tr("objections to the public notice: add, decide, round, list, file"))
    cmds = group.add_subparsers(dest="objection_command", metavar="COMMAND", required=True)
    p = cmds.add_parser("add", help=tr("record an objection received"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--by", required=True, metavar="WHO")
    p.add_argument("--applicant", required=True, metavar="ID")
    p.add_argument("--about", required=True, metavar="TEXT")
    p.add_argument("--contact", default="", metavar="TEXT")
    p.add_argument("--received", metavar="WHEN", help=tr("when it was received (default: now)"))
    p.set_defaults(handler=objection_add)
    p = cmds.add_parser("decide", help=tr("record the decision on an objection, with its reason"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("id", metavar="ID")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--upheld", action="store_true", default=None, help=tr("the objection is upheld (成立)"))
    how.add_argument("--not-upheld", dest="upheld", action="store_false", help=tr("not upheld (不成立)"))
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=objection_decide)
    p = cmds.add_parser("round", help=tr("name the re-check round an upheld objection caused"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("id", metavar="ID")
    p.add_argument("--round", required=True, type=int, metavar="N")
    p.set_defaults(handler=objection_round)
    p = cmds.add_parser("list", help=tr("list the objections and how each was handled"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.set_defaults(handler=objection_list)
    p = cmds.add_parser("file", help=tr("print the objection file of one applicant (every number's source)"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--session", required=True, type=Path, metavar="SESSION_DIR")
    p.add_argument("--applicant", required=True, metavar="ID")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.set_defaults(handler=objection_file)

    p = sub.add_parser("journal", help=tr("the secretary's journal of a result file"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--pdf", type=Path, metavar="FILE", help=tr("print it (the report's annex)"))
    p.set_defaults(handler=journal_command)


def _log_print(result, what: Sentence) -> None:
    journal_problem(journal.log_output(result, journal.PRINT, what=what))


def upward_command(args: argparse.Namespace) -> int:
    if not (args.pdf or args.docx):
        raise UsageError(tr("say what to write: --pdf and/or --docx"))
    result = load_result(args.result)
    session = open_session(args.session) if args.session else None
    kw = dict(session=session, call=args.call, place=args.place, contact=args.contact, phone=args.phone)
    for path, write in ((args.pdf, upward.write_pdf), (args.docx, upward.write_docx)):
        if path:
            write(result, path, **kw)
            _log_print(result, Sentence(N_("wrote the report upward to {file}"), file=str(path)))
            out(str(path))
    return 0


def notice_command(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    n = notice_core.period(args.start, end=args.end)
    notice_core.record(args.result, result, n)
    days = ", ".join(n.days) if n.days else tr("set by hand")
    out(tr("public notice from {start} to {end} ({days})").format(start=n.start, end=n.end, days=days))
    for day, why in n.skipped:
        out(tr("  not a working day: {day} ({why})").format(day=day, why=tr(notice_core.rest_day_source(why))))
    for day in n.make_up:
        out(tr("  make-up working day, counted: {day}").format(day=day))
    if args.out:
        upward.write_notice(result, n, args.out, docx=args.docx, contact=args.contact, phone=args.phone)
        _log_print(result, Sentence(N_("printed the public notice to {file}"), file=str(args.out)))
        out(str(args.out))
    return 0


def final_command(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    final = objections_core.final_list(args.result, result, today=args.today)
    for w in final.warnings:
        err(str(w))
    if not final.ready:
        err(tr("the list cannot go upward yet:"))
        for r in final.reasons:
            err("  " + str(r))
        return 1
    names = {a.id: a.name for a in result.applicants}
    for label, ids in final.lists.items():
        out(f"{label}: " + ("、".join(names.get(i, i) for i in ids) or "—"))
    if args.out:
        upward.write_final(result, final, args.out)
        _log_print(result, Sentence(N_("printed the final list to {file}"), file=str(args.out)))
        out(str(args.out))
    return 0


def objection_add(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    o = objections_core.add(args.result, result, by=args.by, applicant_id=args.applicant, about=args.about,
                            contact=args.contact, received=args.received)
    out(tr("objection {id} recorded").format(id=o.id))
    return 0


def objection_decide(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    o = objections_core.decide(args.result, result, args.id, upheld=args.upheld, reason=args.reason)
    out(f"{o.id}: {objections_core.PRINTED[o.decision]}")
    return 0


def objection_round(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    o = objections_core.link_round(args.result, result, args.id, args.round)
    out(tr("objection {id}: re-checked in round {round}").format(id=o.id, round=o.round))
    return 0


def objection_list(args: argparse.Namespace) -> int:
    rows = [[o.id, o.received, o.by, o.applicant_id, o.about, objections_core.PRINTED[o.decision], o.reason,
             str(o.round or "—")] for o in objections_core.objections(args.result)]
    print_table([tr("id"), tr("received"), tr("by"), tr("applicant"), tr("about"), tr("decision"), tr("reason"),
                 tr("round")], rows)
    return 0


def objection_file(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    session = open_session(args.session)
    written = objectionfile.write(result, session, args.applicant, args.out)
    _log_print(result, Sentence(N_("printed the objection file of {applicant} to {file}"), applicant=args.applicant,
                                file=str(written)))
    out(str(written))
    return 0


def journal_command(args: argparse.Namespace) -> int:
    entries = journal.entries(args.result)
    print_table([tr("time"), tr("what"), tr("details"), tr("inputs")],
                [[e.at, e.action_word, str(e.what), "; ".join(f"{i.name} {i.fingerprint}" for i in e.inputs)]
                 for e in entries])
    if args.pdf:
        result = load_result(args.result)
        upward.write_journal_pdf(result, args.pdf)
        out(str(args.pdf))
    return 0
