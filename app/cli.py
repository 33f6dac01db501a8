"""The `panelreview` command: parse, call one core function, print.

Every command prints sentences in the current language (Chinese unless
PANELREVIEW_LANG=en) and exits 0 on success, 1 when the input was wrong
(with the reason on stderr), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from app import __version__, i18n
from app import rubric as rubric_mod
from app.errors import PanelReviewError
from app.i18n import tr

COMMANDS: dict[tuple[str, ...], Callable[[argparse.Namespace], int]] = {}


def command(*names: str):
    def register(func):
        COMMANDS[names] = func
        return func
    return register


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_pairs(pairs: Sequence[str] | None, what: str) -> dict[str, str]:
    """KEY=VALUE arguments → dict; PanelReviewError naming the bad one."""
    result: dict[str, str] = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise PanelReviewError("{what} {pair!r} must be written KEY=VALUE", what=what, pair=pair)
        result[key.strip()] = value.strip()
    return result


# --------------------------------------------------------------------------- rubric


@command("rubric", "list")
def rubric_list(args: argparse.Namespace) -> int:
    rubrics = rubric_mod.load_all(args.rubrics)
    rows = [r.summary() for r in rubrics.values()]
    if args.json:
        emit_json(rows)
        return 0
    header = [tr("id"), tr("title"), tr("version"), tr("carrier type"), tr("total")]
    table = [[r["id"], r["title"], r["version"], r["carrier_type"], "—" if r["total"] is None else str(r["total"])]
             for r in rows]
    print_table(header, table)
    return 0


@command("rubric", "show")
def rubric_show(args: argparse.Namespace) -> int:
    r = rubric_mod.find(args.id, args.rubrics)
    profile = parse_pairs(args.profile, tr("profile"))
    applied = r.apply(profile) if profile else None
    data = rubric_mod.to_json(applied, r)
    if args.json:
        emit_json(data)
        return 0
    for line in show_tree(r, applied):
        out(line)
    return 0


def show_tree(r: rubric_mod.Rubric, applied: rubric_mod.Applied | None) -> list[str]:
    fmt = rubric_mod.fmt
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


@command("rubric", "check")
def rubric_check(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        problems = rubric_mod.check_file(Path(path))
        for p in problems:
            out(str(p))
        bad += len(problems)
    if bad:
        return 1
    out(tr("ok"))
    return 0


# --------------------------------------------------------------------------- demo


@command("demo")
def demo_build(args: argparse.Namespace) -> int:
    from app import demo

    sess = demo.build(args.out) if args.out else demo.ensure()
    out(tr("demo session ready: {path}").format(path=sess.path))
    return 0


# --------------------------------------------------------------------------- plumbing


def print_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain table whose columns line up for CJK text too (wide characters count double)."""
    def width(s: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)

    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    out(line(header))
    for r in rows:
        out(line(r))


def _load_extensions() -> None:
    """Import the modules that add commands (each appends itself to EXTENSIONS once)."""
    import importlib

    for name in PLUGINS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a plugin that is absent from this build is fine; a broken one is not
                raise


PLUGINS = ("app.session_cli", "app.scores_cli", "app.merge_cli", "app.sheets_cli")


def build_parser() -> argparse.ArgumentParser:
    _load_extensions()
    p = argparse.ArgumentParser(prog="panelreview", description=tr("Expert review panels: rubrics, scores, merge, sheets."))
    p.add_argument("--version", action="version", version=f"PanelReview {__version__}")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=tr("language of messages (default: Chinese)"))
    sub = p.add_subparsers(dest="group", metavar="COMMAND")

    rub = sub.add_parser("rubric", help=tr("list, show and check rubrics"))
    rsub = rub.add_subparsers(dest="action", metavar="ACTION")
    rl = rsub.add_parser("list", help=tr("list the rubrics"))
    rl.add_argument("--json", action="store_true", help=tr("print JSON"))
    rs = rsub.add_parser("show", help=tr("show a rubric, as it applies to a profile"))
    rs.add_argument("id", help=tr("rubric id"))
    rs.add_argument("--profile", nargs="*", metavar="KEY=VALUE", help=tr("applicant profile"))
    rs.add_argument("--json", action="store_true", help=tr("print JSON"))
    rc = rsub.add_parser("check", help=tr("validate rubric files"))
    rc.add_argument("files", nargs="+", metavar="FILE", help=tr("rubric files"))
    for sp in (rl, rs):
        sp.add_argument("--rubrics", type=Path, default=None, help=tr("folder of rubric files"))

    dm = sub.add_parser("demo", help=tr("write the demo session (fictional applicants, scanned materials)"))
    dm.add_argument("out", nargs="?", type=Path, metavar="OUT_DIR",
                    help=tr("a new folder (default: the demo session in the data folder)"))

    for extend in EXTENSIONS:
        extend(sub)
    return p


# Modules that add commands (sessions, scores, merge, sheets) register here.
EXTENSIONS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    key = tuple(x for x in (getattr(args, "group", None), getattr(args, "action", None)) if x)
    func = COMMANDS.get(key) or COMMANDS.get(key[:1])
    if func is None:
        parser.print_help()
        return 2 if not key else 2
    try:
        return func(args)
    except PanelReviewError as exc:
        err(str(exc))
        for p in exc.problems:
            err(str(p))
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
