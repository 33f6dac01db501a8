"""`panelreview merge | inspect | export`: the secretary's desk from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import journal
from app import merge as merge_core
from app import report as report_core
from app import vocabulary as words
from app.cli.arguments import UsageError
from app.cli.output import emit_json, journal_problem, out, print_table
from app.i18n import tr
from app.result import Category, Result, as_json, score_text
from app.resultfile import load_result
from app.session import open_session


def register(sub: Any) -> None:
    """Add `merge`, `inspect` and `export` to `sub`."""
    p = sub.add_parser("merge", help=tr("check and merge the experts' score files into a result file"))
    p.add_argument("session", type=Path, metavar="SESSION_DIR")
    p.add_argument("inputs", nargs="+", type=Path, metavar="FILE_OR_DIR", help=tr("score files or folders of them"))
    p.add_argument("--out", required=True, type=Path, metavar="RESULT", help=tr("the result file to write"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.set_defaults(handler=merge_command)

    p = sub.add_parser("inspect", help=tr("record a field inspection and refill the candidate list"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--applicant", required=True, metavar="ID")
    outcome = p.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--passed", action="store_true", default=None, help=tr("the inspection confirmed it"))
    outcome.add_argument("--failed", dest="passed", action="store_false", help=tr("the inspection did not confirm it"))
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(handler=inspect_command)

    p = sub.add_parser("export", help=tr("write a result as an Excel workbook and/or CSV files"))
    p.add_argument("result", type=Path, metavar="RESULT")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--csv", type=Path, metavar="DIR", help=tr("a folder for one CSV per sheet"))
    p.set_defaults(handler=export_command, parser=p)


def merge_command(args: argparse.Namespace) -> int:
    """Merge, write the result file and show the ranking (or JSON); 0, or 1 when nothing could be merged."""
    session = open_session(args.session)
    result = merge_core.merge(session, args.inputs, out=args.out)
    if args.json:
        emit_json(as_json(result))
        return 0
    show(result)
    out(tr("result written to {path}").format(path=args.out))
    return 0


def show(result: Result) -> None:
    """The files with their reasons, then the ranking of each category with its flags."""
    d = result.decimals
    s = lambda v: score_text(v, d) or "—"  # noqa: E731
    out(f"{result.title}  ({result.date})  {tr('method')}: {result.method}")
    out()
    out(tr("Score files:"))
    print_table([tr("file"), tr("expert"), tr("round"), tr("fingerprint"), tr("status"), tr("reason")],
                [[Path(f.path).name, f"{f.expert_id or '?'} {f.expert_name}".strip(), str(f.round or ""),
                  f.fingerprint or "", words.word(f.status), f.reason] for f in result.files])
    for cat in result.categories:
        members = [a for a in result.applicants if a.category in cat.members]
        if not members:
            continue
        out()
        quota = "—" if cat.quota is None else str(cat.quota) + (f"/{cat.reserve}" if cat.reserve else "")
        out(f"{cat.label}  ({tr('quota')}: {quota})")
        members.sort(key=lambda a: (a.rank is None, a.rank or 0))
        rows = []
        for a in members:
            rank = "" if a.rank is None else (f"{a.rank}=" if a.tied else str(a.rank))
            score = s(a.total) if a.has_points else f"{a.recommendations['yes']}:{a.recommendations['no']}"
            rows.append([rank, a.id, a.name, score, words.word(a.status), str(len(a.flags) or "")])
        print_table([tr("rank"), tr("id"), tr("applicant"), tr("total"), tr("status"), tr("flags")], rows)
        for a in members:
            for reason in a.ineligible_reasons:
                out(f"  {a.id}: {reason}")
            for f in a.flags:
                out(f"  {a.id} ! {f.detail}")
        for line in _list_lines(cat, always=False):
            out("  " + line)
        w = result.agreement.get(cat.name)
        if w and w.value is not None:
            out("  " + tr("agreement ({name}): {value} over {applicants} applicants and {experts} experts").format(
                name=w.name, value=w.value, applicants=w.applicants, experts=w.experts))
    if any(v is not None for v in result.leniency.values()):
        out()
        out(tr("Leniency (mean of expert total − consensus):"))
        for eid, v in result.leniency.items():
            out(f"  {eid} {result.expert_name(eid)}: {s(v)}")


def inspect_command(args: argparse.Namespace) -> int:
    """Record one field inspection and show the category's candidates; 0, or 1 when it cannot be recorded."""
    result = merge_core.record_inspection(args.result, args.applicant, passed=args.passed, note=args.note or "")
    a = result.applicant(args.applicant)
    out(tr("{id}: field inspection {outcome}; status {status}").format(
        id=a.id, outcome=tr("passed") if args.passed else tr("failed"), status=words.word(a.status)))
    for cat in result.categories:  # every quota covering its category: one per tier
        if a.category in cat.members:
            for line in _list_lines(cat, always=True):
                out(f"{cat.label}: {line}" if cat.tier else line)
    return 0


def _list_lines(cat: Category, *, always: bool) -> list[str]:
    """The candidate list of a category as lines: who awaits inspection, who is tied, who is a candidate."""
    lines = []
    if always or cat.candidates:
        lines.append(tr("candidates: {ids}").format(ids=", ".join(cat.candidates) or "—"))
    if cat.awaiting:
        lines.append(tr("awaiting field inspection: {ids}").format(ids=", ".join(cat.awaiting)))
    if cat.boundary_tie:
        lines.append(tr("tied at the quota boundary (the panel decides): {ids}").format(ids=", ".join(cat.boundary_tie)))
    if cat.reserves:
        lines.append(tr("reserve list: {ids}").format(ids=", ".join(cat.reserves)))
    if cat.reserve_tie:
        lines.append(tr("tied at the reserve list's boundary (the panel decides): {ids}").format(
            ids=", ".join(cat.reserve_tie)))
    return lines


def export_command(args: argparse.Namespace) -> int:
    """Write the workbook and/or CSV files and print their paths; 0, or 2 when neither was asked for."""
    if not args.xlsx and not args.csv:
        raise UsageError(tr("give --xlsx FILE or --csv DIR"))
    result = load_result(args.result)
    if args.xlsx:
        out(str(report_core.write_xlsx(result, args.xlsx)))
    if args.csv:
        for p in report_core.write_csv(result, args.csv):
            out(str(p))
    for target in (args.xlsx, args.csv):
        if target:
            journal_problem(journal.log_output(result, journal.EXPORT, target))
    return 0

