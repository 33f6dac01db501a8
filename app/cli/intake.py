"""`panelreview intake check|ocr|accept`: the intake check (受理) and text recognition of a session's scans."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app import acceptance, correction_sheet, ocr
from app import session as session_core
from app.cli.output import emit_json, err, out
from app.i18n import tr


def register(sub: Any) -> None:
    p = sub.add_parser("intake", help=tr("check the materials before the meeting (受理) and recognise their text"))
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    c = isub.add_parser("check", help=tr("check every material: present, named, a real PDF, readable, page limit, "
                                         "resolution, sharpness, skew, blank and upside-down pages, seal"))
    c.add_argument("dir", type=Path, metavar="SESSION_DIR", help=tr("session folder"))
    c.add_argument("--applicant", action="append", metavar="ID", help=tr("only this applicant (may be repeated)"))
    c.add_argument("--notices", type=Path, metavar="DIR",
                   help=tr("write a notice to supply materials again (通知补正材料) per applicant into DIR"))
    c.add_argument("--min-dpi", type=int, default=acceptance.Limits.min_dpi, metavar="N",
                   help=tr("lowest resolution accepted (default: {n})").format(n=acceptance.Limits.min_dpi))
    c.add_argument("--max-skew", type=float, default=acceptance.Limits.max_skew, metavar="DEGREES",
                   help=tr("largest skew accepted (default: {n})").format(n=acceptance.Limits.max_skew))
    c.add_argument("--json", action="store_true", help=tr("print JSON"))
    c.set_defaults(handler=intake_check)

    o = isub.add_parser("ocr", help=tr("recognise the text of every scanned page (once; goes on where it stopped)"))
    o.add_argument("dir", type=Path, metavar="SESSION_DIR", help=tr("session folder"))
    o.add_argument("--applicant", action="append", metavar="ID",
                   help=tr("only this applicant's materials (may be repeated)"))
    o.add_argument("--material", action="append", metavar="NAME",
                   help=tr("only the materials of this name, as the rubric or the file names them (may be repeated)"))
    o.add_argument("--workers", type=int, default=None, metavar="N", help=tr("processes (default: one per core)"))
    o.set_defaults(handler=intake_ocr)

    a = isub.add_parser("accept", help=tr("accept a finding with a note (an empty note takes it back)"))
    a.add_argument("dir", type=Path, metavar="SESSION_DIR", help=tr("session folder"))
    a.add_argument("key", metavar="KEY", help=tr("the finding's key, as `intake check --json` prints it"))
    a.add_argument("--note", required=True, help=tr("why it is accepted"))
    a.set_defaults(handler=intake_accept)


def intake_check(args: argparse.Namespace) -> int:
    """Print every finding (one sentence a line); 1 when any is open, 0 when none."""
    sess = session_core.open_session(args.dir)
    limits = acceptance.Limits(min_dpi=args.min_dpi, max_skew=args.max_skew)
    report = acceptance.check(sess, limits=limits, applicants=args.applicant)
    if args.json:
        emit_json(report.as_json())
    else:
        for aid in report.applicants:
            mine = report.of(aid)
            if not mine:
                continue
            out(f"{aid} {sess.applicant(aid).name}")
            for f in mine:
                mark = tr("accepted: {note}").format(note=f.accepted) if f.accepted else ""
                line = f"  {f.text()}" + (f"  [{mark}]" if mark else "")
                out(line)
        out(limits.text().text())
        out(tr("{open} findings to remedy, {accepted} accepted").format(
            open=len(report.open), accepted=sum(1 for f in report.findings if f.accepted)))
    if args.notices:
        for path in correction_sheet.write_all(sess, report, args.notices):
            err(tr("wrote {file}").format(file=path))
    return 1 if report.open else 0


def intake_ocr(args: argparse.Namespace) -> int:
    if not ocr.available():
        err(ocr.missing_message().text())
        return 1
    sess = session_core.open_session(args.dir)

    def show(p: ocr.Progress) -> None:
        eta = tr("about {minutes} min left").format(minutes=max(1, round(p.eta / 60))) if p.eta else ""
        sys.stderr.write(f"\r{p.done}/{p.total} {eta} {p.what}"[:120].ljust(120))
        sys.stderr.flush()

    state = ocr.run(sess, workers=args.workers, progress=show, applicants=args.applicant, materials=args.material)
    sys.stderr.write("\n")
    out(tr("{done} of {total} pages have their text").format(done=state.done, total=state.total))
    if state.failed:
        err(tr("{count} pages could not be read").format(count=state.failed))
        return 1
    return 0


def intake_accept(args: argparse.Namespace) -> int:
    sess = session_core.open_session(args.dir)
    acceptance.accept(sess, args.key, args.note)
    return 0
