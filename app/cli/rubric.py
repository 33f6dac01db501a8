"""`panelreview rubric list|show|check`: the rubrics from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import rubric as rubric_core
from app.cli.arguments import PairsAction
from app.cli.output import emit_json, out, print_table
from app.i18n import tr


def register(sub: Any) -> None:
    """Add `rubric list`, `rubric show` and `rubric check` to `sub`."""
    rub = sub.add_parser("rubric", help=tr("list, show and check rubrics"))
    rsub = rub.add_subparsers(dest="action", metavar="ACTION", required=True)
    rl = rsub.add_parser("list", help=tr("list the rubrics"))
    rl.add_argument("--json", action="store_true", help=tr("print JSON"))
    rl.set_defaults(handler=rubric_list)
    rs = rsub.add_parser("show", help=tr("show a rubric, as it applies to a profile"))
    rs.add_argument("id", help=tr("rubric id"))
    rs.add_argument("--profile", action=PairsAction, metavar="KEY=VALUE", help=tr("applicant profile"))
    rs.add_argument("--json", action="store_true", help=tr("print JSON"))
    rs.set_defaults(handler=rubric_show)
    rc = rsub.add_parser("check", help=tr("validate rubric files"))
    rc.add_argument("files", nargs="+", metavar="FILE", help=tr("rubric files"))
    rc.set_defaults(handler=rubric_check)
    for sp in (rl, rs):
        sp.add_argument("--rubrics", type=Path, default=None, help=tr("folder of rubric files"))


def rubric_list(args: argparse.Namespace) -> int:
    """One line per rubric (or JSON); 0."""
    rubrics = rubric_core.load_all(args.rubrics)
    rows = [r.summary() for r in rubrics.values()]
    if args.json:
        emit_json(rows)
        return 0
    header = [tr("id"), tr("title"), tr("version"), tr("carrier type"), tr("total")]
    table = [[r["id"], r["title"], r["version"], r["carrier_type"], "—" if r["total"] is None else str(r["total"])]
             for r in rows]
    print_table(header, table)
    return 0


def rubric_show(args: argparse.Namespace) -> int:
    """The rubric as a tree (or JSON), as it applies to --profile when given; 0."""
    r = rubric_core.find(args.id, args.rubrics)
    applied = r.apply(args.profile) if args.profile else None
    data = rubric_core.to_json(applied, r)
    if args.json:
        emit_json(data)
        return 0
    for line in show_tree(r, applied):
        out(line)
    return 0


def show_tree(r: rubric_core.Rubric, applied: rubric_core.Applied | None) -> list[str]:
    """The lines of `rubric show`: everything, or only what applies to one profile."""
    fmt = rubric_core.fmt
    view = applied or r.everything()
    total = "—" if r.total is None else fmt(r.total)
    lines = [f"{r.title}  [{r.id} · {r.version}]", f"{tr('carrier type')}: {r.carrier_type_name} ({r.carrier_type})"
             f"  {tr('total')}: {total}"]
    if applied:
        lines.append(f"{tr('profile')}: " + ", ".join(f"{k}={v}" for k, v in applied.profile.items()))
    elif r.profile:
        lines.append(tr("Profile attributes:"))
        for a in r.profile:
            lines.append(f"  {a.id} ({a.label}): {' / '.join(a.values)}")
    if view.conditions:
        lines.append(tr("Basic conditions:"))
        for c in view.conditions:
            cond = f"  [{c.when.describe()}]" if c.when and not applied else ""
            lines.append(f"  {c.id}  {c.text}{cond}")
    for g in view.gates:
        lines.append(f"{tr('Gate')} {g.id}: {g.text}")
    for s in view.sections:
        cond = f"  [{s.when.describe()}]" if s.when and not applied else ""
        lines.append(f"{s.no} {s.title} ({fmt(s.max)}){' ' + s.variant if s.variant else ''}{cond}")
        for c in s.criteria:
            if c.is_gate:
                lines.append(f"  {c.id} [{tr('gate')}] {c.text}")
                continue
            lines.append(f"  {c.id} {c.text}  [{c.rule}, {tr('max')} {fmt(c.max)}]")
            for lv in c.levels:
                cond = f"  [{lv.when.describe()}]" if lv.when and not applied else ""
                lines.append(f"      {str(lv.band):>7}  {lv.text}{cond}")
            for it in c.items:
                if it.band is not None:
                    lines.append(f"      {str(it.band):>7}  {it.text}")
                else:
                    lines.append(f"      {'':>7}  {it.heading}")
                    for lv in it.levels:
                        lines.append(f"      {str(lv.band):>7}    {lv.text}")
    if view.priority_conditions:
        lines.append(tr("Priority conditions:"))
        for p in view.priority_conditions:
            lines.append(f"  {p.id}  {p.text}")
    if r.tie_break:
        lines.append(f"{tr('Tie-break')}: {', '.join(r.tie_break)}")
    lines.append(f"{tr('Recommendation')}: {r.recommendation.positive} / {r.recommendation.negative}")
    if applied is None and r.profile:
        lines.append(tr("What each profile value changes:"))
        for v in r.variants():
            lines.append(f"  {v['attribute']}={v['value']}: {', '.join(v['applies']) or '—'}")
    return lines


def rubric_check(args: argparse.Namespace) -> int:
    """`ok` and 0, or one finding a line on stdout (the check's report) and 1."""
    bad = 0
    for path in args.files:
        found = rubric_core.check_file(Path(path))
        for p in found:
            out(str(p))
        bad += len(found)
    if bad:
        return 1
    out(tr("ok"))
    return 0
