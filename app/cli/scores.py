"""`panelreview scores new|template|import|export|submit|verify`: the expert's score file from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import form
from app.cli.output import capped, err, out
from app.errors import ScoreFileError
from app.i18n import tr
from app.scorefile import IncompleteError, ScoreFile, default_path
from app.session import open_session


def register(sub: Any) -> None:
    """Add the `scores` actions to `sub`."""
    sc = sub.add_parser("scores", help=tr("the expert's score file: forms, submit, verify"))
    ss = sc.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = ss.add_parser("new", help=tr("create an empty score file for an expert"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--expert", required=True, metavar="ID")
    p.add_argument("--out", type=Path, metavar="SCOREFILE")
    p.set_defaults(handler=scores_new)

    p = ss.add_parser("template", help=tr("write a blank offline form for an expert"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--expert", required=True, metavar="ID")
    p.add_argument("--to", required=True, type=Path, metavar="FORM", help=tr(".csv or .xlsx"))
    p.set_defaults(handler=scores_template)

    p = ss.add_parser("import", help=tr("fill an expert's score file from a filled form (all or nothing)"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("--expert", required=True, metavar="ID")
    p.add_argument("--from", required=True, type=Path, metavar="FORM")
    p.add_argument("--out", type=Path, metavar="SCOREFILE")
    p.set_defaults(handler=scores_import)

    p = ss.add_parser("export", help=tr("write a score file's values as a form"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.add_argument("--to", required=True, type=Path, metavar="FORM")
    p.set_defaults(handler=scores_export)

    p = ss.add_parser("submit", help=tr("check completeness, lock and print the fingerprint"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.set_defaults(handler=scores_submit)

    p = ss.add_parser("verify", help=tr("recompute the fingerprint and name any change"))
    p.add_argument("scorefile", type=Path, metavar="SCOREFILE")
    p.set_defaults(handler=scores_verify)


def scores_new(args: argparse.Namespace) -> int:
    """Create an empty score file and print its path; 0."""
    session = open_session(args.session)
    target = args.out or default_path(session.path, args.expert)
    ScoreFile.create(target, session, args.expert).close()
    out(str(target))
    return 0


def scores_template(args: argparse.Namespace) -> int:
    """Write a blank form and print its path; 0."""
    session = open_session(args.session)
    out(str(form.template(session, args.expert, args.to)))
    return 0


def scores_import(args: argparse.Namespace) -> int:
    """Import a filled form (all or nothing) and print the score file's path; 0, or 1 naming every bad row."""
    session = open_session(args.session)
    out(str(form.import_form(session, args.expert, getattr(args, "from"), out=args.out)))
    return 0


def scores_export(args: argparse.Namespace) -> int:
    """Write a score file's values as a form and print its path; 0."""
    with ScoreFile.open(args.scorefile, readonly=True) as scores:
        out(str(form.export_form(scores, args.to)))
    return 0


def scores_submit(args: argparse.Namespace) -> int:
    """Lock the file and print its fingerprint; 0, or 1 listing what is still unanswered."""
    with ScoreFile.open(args.scorefile) as scores:
        try:
            fingerprint = scores.submit()
        except IncompleteError as exc:
            err(str(exc))
            for line in capped([f"  {m}" for m in exc.missing], indent="  "):
                err(line)
            return 1
    out(fingerprint)
    return 0


def scores_verify(args: argparse.Namespace) -> int:
    """Print the fingerprint and who submitted; 0, or 1 naming every change since submission."""
    with ScoreFile.open(args.scorefile, readonly=True) as scores:
        result = scores.verify()
        name = f"{scores.expert['name']} ({scores.expert_id})"
    if result.ok:
        out(result.fingerprint or "")
        out(tr("{file}: verified, submitted by {expert}").format(file=args.scorefile, expert=name))
        return 0
    if not result.submitted:
        raise ScoreFileError("{file}: not submitted yet, so there is no fingerprint to verify", file=str(args.scorefile))
    out(result.fingerprint or "")
    err(tr("{file}: CHANGED after it was submitted:").format(file=args.scorefile))
    for line in capped([f"  {p}" for p in result.problems], indent="  "):
        err(line)
    return 1
