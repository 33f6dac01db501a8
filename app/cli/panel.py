"""`panelreview panel signin | pledge | leader | opinion | dissent`: the panel as a body, on paper and on record."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import journal, panelsheets
from app import panel as panel_core
from app.cli.output import journal_problem, out
from app.i18n import Sentence, tr
from app.resultfile import Records, load_result
from app.session import open_session
from app.vocabulary import N_


def register(sub: Any) -> None:
    """Add `panel` and its commands to `sub`."""
    group = sub.add_parser("panel", help=tr("the panel as a body: sign-in sheet, pledges, leader, joint opinion"))
    cmds = group.add_subparsers(dest="panel_command", metavar="COMMAND", required=True)

    p = cmds.add_parser("signin", help=tr("print the sign-in sheet (签到表) of the session's experts"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--place", default="", metavar="TEXT", help=tr("where the review takes place"))
    p.set_defaults(handler=signin)

    p = cmds.add_parser("pledge", help=tr("print each expert's pledge (承诺书), quoting the documents"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--expert", action="append", metavar="ID", help=tr("only this expert (repeatable)"))
    p.set_defaults(handler=pledge)

    p = cmds.add_parser("leader", help=tr("record the leader the panel elected (财政部令第87号 第四十五条（四）)"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--expert", required=True, metavar="ID", help=tr("the expert the panel elected"))
    p.set_defaults(handler=leader)

    p = cmds.add_parser("opinion", help=tr("record and/or print the panel's joint opinion (专家组评审意见)"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--applicant", metavar="ID", help=tr("one applicant (default: the session as a whole)"))
    p.add_argument("--text", metavar="TEXT", help=tr("the opinion as the panel worded it, to record"))
    p.add_argument("--out", type=Path, metavar="FILE.pdf", help=tr("print the joint opinion (all applicants "
                                                                    "unless --applicant)"))
    p.set_defaults(handler=opinion, parser=p)

    p = cmds.add_parser("dissent", help=tr("record a member's dissent and its reason (第六十一条)"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--expert", required=True, metavar="ID")
    p.add_argument("--opinion", required=True, metavar="TEXT", help=tr("what the member holds instead"))
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.add_argument("--applicant", metavar="ID", help=tr("one applicant (default: the session as a whole)"))
    p.set_defaults(handler=dissent)


def _logged(path: Path, session_id: str, what: Sentence, result=None) -> None:
    journal_problem(journal.log_output(result, journal.PRINT, what=what, path=path, session_id=session_id))


def signin(args: argparse.Namespace) -> int:
    session = open_session(args.session)
    records = Records.for_session(session)
    written = panelsheets.sign_in(session, args.out, record=panel_core.record(records.path), place=args.place)
    _logged(records.path, session.id, Sentence(N_("printed the sign-in sheet to {file}"), file=str(written)))
    out(str(written))
    return 0


def pledge(args: argparse.Namespace) -> int:
    session = open_session(args.session)
    written = panelsheets.pledges(session, args.out, args.expert)
    _logged(Records.for_session(session).path, session.id,
            Sentence(N_("printed the pledges to {file}"), file=str(written)))
    out(str(written))
    return 0


def leader(args: argparse.Namespace) -> int:
    session = open_session(args.session)
    chosen = panel_core.record_leader(Records.for_session(session).path, session, args.expert)
    out(tr("recorded: the panel elected {name} as its leader").format(name=f"{chosen.expert_id} {chosen.name}"))
    return 0


def opinion(args: argparse.Namespace) -> int:
    from app.cli.arguments import UsageError

    if not (args.text or args.out):
        raise UsageError(tr("say what to do: --text to record the opinion, --out to print it"))
    result = load_result(args.result)
    if args.text:
        panel_core.record_opinion(args.result, result, args.text, applicant_id=args.applicant or panel_core.SESSION)
        out(tr("the panel's opinion is recorded"))
    if args.out:
        written = panelsheets.joint_opinion(result, panel_core.record(args.result), args.out,
                                            applicant_id=args.applicant)
        _logged(args.result, result.session_id, Sentence(N_("printed the panel's joint opinion to {file}"),
                                                         file=str(written)), result=result)
        out(str(written))
    return 0


def dissent(args: argparse.Namespace) -> int:
    result = load_result(args.result)
    panel_core.record_dissent(args.result, result, args.expert, opinion=args.opinion, reason=args.reason,
                              applicant_id=args.applicant or panel_core.SESSION)
    out(tr("the dissent is recorded; the member signs it on the joint opinion"))
    return 0
