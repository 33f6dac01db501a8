"""`panelreview recheck propose|request|open|own|form|import|status|finalise`: re-check rounds (复核).

The secretary: `propose` lists what the merged result suggests re-checking (numbered), `request`
writes one request file per expert into a folder (a USB stick, the shared session folder),
`status` shows which requests were answered, `finalise` fixes the result. The expert (or the
secretary at the expert's side): `open` starts the round a request asks for, `own` starts one for a
mistake of one's own, `form` / `import` answer it offline, then `scores submit`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import recheck as core
from app import vocabulary as words
from app.cli.arguments import UsageError
from app.cli.output import emit_json, out, print_table
from app.i18n import tr
from app.resultfile import load_result
from app.scorefile import ScoreFile
from app.session import open_session


def register(sub: Any) -> None:
    """Add the `recheck` actions to `sub`."""
    rc = sub.add_parser("recheck", help=tr("re-check rounds: proposals, requests, answers, status"))
    rs = rc.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = rs.add_parser("propose", help=tr("list what the merged result proposes to re-check"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=propose_command)

    p = rs.add_parser("request", help=tr("write a re-check request for one expert"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--expert", required=True, metavar="ID")
    p.add_argument("--item", action="extend", nargs="+", default=[], metavar="APPLICANT:ITEM",
                   help=tr("an item to re-check, e.g. A1:S5.1 (repeatable)"))
    p.add_argument("--proposed", action="store_true", help=tr("also every ticked proposal for this expert"))
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help=tr("the folder to write the request into"))
    p.add_argument("--note", default="", metavar="TEXT")
    p.set_defaults(handler=request_command, parser=p)

    p = rs.add_parser("open", help=tr("open the re-check round a request asks for in a score file"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.add_argument("--request", required=True, type=Path, metavar="REQ")
    p.add_argument("--session", type=Path, metavar="SESSION_DIR", help=tr("to check the result is not finalised"))
    p.set_defaults(handler=open_command)

    p = rs.add_parser("own", help=tr("open a new round yourself, for a mistake of your own"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.add_argument("--item", action="extend", nargs="+", required=True, metavar="APPLICANT:ITEM")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.add_argument("--yes", action="store_true", help=tr("confirm: the submitted file is reopened for these items"))
    p.set_defaults(handler=own_command, parser=p)

    p = rs.add_parser("form", help=tr("write the open round's items as a form to fill in"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.add_argument("--to", required=True, type=Path, metavar="FORM", help=tr(".csv or .xlsx"))
    p.add_argument("--request", type=Path, metavar="REQ", help=tr("to show the panel's spread"))
    p.set_defaults(handler=form_command)

    p = rs.add_parser("import", help=tr("answer the open round from a filled form (all or nothing)"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.add_argument("--from", required=True, type=Path, metavar="FORM")
    p.set_defaults(handler=import_command)

    p = rs.add_parser("status", help=tr("which re-check requests were answered"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("inputs", nargs="*", type=Path, metavar="FILE_OR_DIR", help=tr("score files or folders of them"))
    p.set_defaults(handler=status_command)

    p = rs.add_parser("finalise", help=tr("finalise the result: no re-check or merge changes it after"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.set_defaults(handler=finalise_command)


def targets(values: list[str]) -> list[tuple[str, str]]:
    """APPLICANT:ITEM arguments as pairs; UsageError for one without the colon."""
    out_: list[tuple[str, str]] = []
    for v in values:
        aid, sep, item = v.partition(":")
        if not sep or not aid.strip() or not item.strip():
            raise UsageError(tr("--item {value!r} must be written APPLICANT:ITEM, e.g. A1:S5.1").format(value=v))
        out_.append((aid.strip(), item.strip()))
    return out_


def propose_command(args: argparse.Namespace) -> int:
    """The proposals, numbered, with the article of 财政部令第87号 they fall under; 0."""
    result = load_result(args.result)
    props = core.propose(result)
    if args.json:
        emit_json([{"applicant_id": p.applicant_id, "expert_id": p.expert_id, "items": list(p.items),
                    "kind": p.kind, "article": p.article, "ticked": p.ticked, "detail": str(p.sentence)}
                   for p in props])
        return 0
    if not props:
        out(tr("nothing to re-check"))
        return 0
    print_table([tr("no."), tr("applicant"), tr("expert"), tr("items"), tr("ground"), tr("proposed"), tr("detail")],
                [[str(k), f"{p.applicant_id} {p.applicant_name}", f"{p.expert_id} {p.expert_name}", ",".join(p.items),
                  f"{words.word(p.kind)} ({p.article})", words.yes_no(p.ticked), str(p.sentence)]
                 for k, p in enumerate(props, start=1)])
    return 0


def request_command(args: argparse.Namespace) -> int:
    """Write the request file and print its path; 0."""
    asked = targets(args.item)
    if args.proposed:
        result = load_result(args.result)
        for p in core.propose(result):
            if p.expert_id == args.expert and p.ticked:
                asked += [t for t in p.targets if t not in asked]
    if not asked:
        raise UsageError(tr("name the items with --item, or take the proposals with --proposed"))
    written = core.issue(args.result, args.expert, asked, out_dir=args.out, note=args.note)  # journaled there
    out(str(written))
    return 0


def _show_round(scores: ScoreFile) -> None:
    print_table([tr("applicant"), tr("item"), tr("last round"), tr("now"), tr("state"), tr("reason")],
                [[it.applicant_id, it.item_id, it.before or "—", it.now or "—", tr(_STATES[it.state]), it.reason]
                 for it in scores.round_items()])


_STATES = {"changed": words.N_("changed, with a reason"), "confirmed": words.N_("confirmed unchanged"),
           "open": words.N_("to do")}


def open_command(args: argparse.Namespace) -> int:
    """Open the round and list its items; 0."""
    session = open_session(args.session) if args.session else None
    with ScoreFile.open(args.scorefile) as scores:
        number = core.answer(scores, args.request, session=session)
        out(tr("round {round} is open for {count} items").format(round=number, count=len(scores.round_targets())))
        _show_round(scores)
    return 0


def own_command(args: argparse.Namespace) -> int:
    """Open the expert's own round (with --yes); 0."""
    if not args.yes:
        raise UsageError(tr("this reopens your submitted file for the items named: add --yes to confirm"))
    with ScoreFile.open(args.scorefile) as scores:
        number = core.open_own(scores, targets(args.item), args.reason)
        out(tr("round {round} is open for {count} items").format(round=number, count=len(scores.round_targets())))
        _show_round(scores)
    return 0


def form_command(args: argparse.Namespace) -> int:
    """Write the round's form and print its path; 0."""
    request = core.read_request(args.request) if args.request else None
    with ScoreFile.open(args.scorefile, readonly=True) as scores:
        out(str(core.write_form(scores, args.to, request)))
    return 0


def import_command(args: argparse.Namespace) -> int:
    """Apply the filled form and show the round; 0, or 1 naming every bad row."""
    with ScoreFile.open(args.scorefile) as scores:
        core.import_form(scores, getattr(args, "from"))
        _show_round(scores)
        left = scores.round_missing()
    if left:
        out(tr("{count} items still need a reason or a confirmation before `scores submit`").format(count=len(left)))
    return 0


def status_command(args: argparse.Namespace) -> int:
    """Every recorded request and where it stands; 0."""
    rows = core.status(args.result, args.inputs)
    when = core.finalised(args.result)
    if when:
        out(tr("finalised on {at}").format(at=when))
    if not rows:
        out(tr("no re-check requests recorded"))
        return 0
    states = {"waiting": words.N_("not opened yet"), "open": words.N_("round open, not submitted"),
              "answered": words.N_("answered")}
    print_table([tr("request"), tr("expert"), tr("items"), tr("created"), tr("state"), tr("round"), tr("fingerprint")],
                [[s.request["id"], s.request["expert_id"], ",".join(f"{a}:{i}" for a, i in s.request["items"]),
                  s.request["created"], tr(states[s.state]), str(s.round or ""), s.fingerprint or ""] for s in rows])
    return 0


def finalise_command(args: argparse.Namespace) -> int:
    """Finalise and print when; 0."""
    out(tr("finalised on {at}").format(at=core.finalise(args.result)))
    return 0
