"""`panelreview session create|info`: parse, call app.session, print.

cli.py imports this module at its end; importing it adds the commands.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import session as session_mod
from app.cli import EXTENSIONS, command, emit_json, err, out, parse_pairs
from app.errors import PanelReviewError
from app.i18n import tr


def add_commands(sub: Any) -> None:
    p = sub.add_parser("session", help=tr("create and inspect review sessions"))
    ssub = p.add_subparsers(dest="action", metavar="ACTION")

    c = ssub.add_parser("create", help=tr("build a session folder from the applicants and experts tables"))
    c.add_argument("out_dir", type=Path, metavar="OUT_DIR", help=tr("the session folder to create (new or empty)"))
    c.add_argument("--title", required=True, help=tr("title of the review session"))
    c.add_argument("--applicants", required=True, type=Path, metavar="TABLE",
                   help=tr("applicants table (CSV or XLSX): id, name, rubric, profile columns"))
    c.add_argument("--experts", required=True, type=Path, metavar="TABLE",
                   help=tr("experts table (CSV or XLSX): id, name, organisation, title"))
    c.add_argument("--materials", required=True, type=Path, metavar="DIR",
                   help=tr("folder holding one folder of PDF materials per applicant"))
    c.add_argument("--date", help=tr("date of the review, YYYY-MM-DD (default: today)"))
    c.add_argument("--quota", nargs="*", metavar="CATEGORY=N", help=tr("how many of a category may be chosen"))
    c.add_argument("--method", choices=session_mod.METHODS, default="mean",
                   help=tr("how the experts' scores are combined (default: mean)"))
    c.add_argument("--rubrics", type=Path, default=None, help=tr("folder of rubric files"))

    i = ssub.add_parser("info", help=tr("show a session's applicants, materials and file check"))
    i.add_argument("dir", type=Path, metavar="DIR", help=tr("session folder"))
    i.add_argument("--json", action="store_true", help=tr("print JSON"))


if add_commands not in EXTENSIONS:
    EXTENSIONS.append(add_commands)


def _problems(exc: PanelReviewError) -> int:
    """Print an error and each problem it carries on its own line; exit status 1."""
    err(str(exc))
    for p in getattr(exc, "problems", []):
        err("  " + str(p))
    return 1


@command("session", "create")
def session_create(args: argparse.Namespace) -> int:
    try:
        quotas = parse_pairs(args.quota, tr("quota"))
        s = session_mod.create(args.out_dir, title=args.title, applicants=args.applicants, experts=args.experts,
                               materials=args.materials, date=args.date, quotas=quotas, method=args.method,
                               rubrics=args.rubrics)
    except PanelReviewError as exc:
        return _problems(exc)
    info = s.info()
    files = sum(len(s.materials(a.id)) for a in s.applicants)
    missing = sum(len(a["missing"]) for a in info["applicants"])
    out(tr("Created session {title!r} in {path}").format(title=s.title, path=s.path))
    rows = [
        (tr("date"), s.date),
        (tr("applicants"), str(len(s.applicants))),
        (tr("experts"), str(len(s.experts))),
        (tr("material files"), str(files)),
        (tr("rubrics"), ", ".join(f"{r.id} ({r.version})" for r in s.rubrics.values())),
        (tr("method"), str(s.settings["method"])),
    ]
    if s.quotas:
        rows.append((tr("quotas"), ", ".join(f"{c}={n}" for c, n in s.quotas.items())))
    _aligned(rows)
    if missing:
        out(tr("{count} required materials are missing; see: panelreview session info {path}")
            .format(count=missing, path=s.path))
    return 0


@command("session", "info")
def session_info(args: argparse.Namespace) -> int:
    try:
        s = session_mod.open_session(args.dir)
        data = s.info()
    except PanelReviewError as exc:
        return _problems(exc)
    if args.json:
        emit_json(data)
        return 0
    for line in info_lines(s, data):
        out(line)
    return 0


def info_lines(s: session_mod.Session, data: dict[str, Any]) -> list[str]:
    """The human `session info`: one block per applicant, ✓ present, ✗ missing, ? unmatched."""
    lines = [f"{s.title}  {s.date}  [{s.id}]", str(s.path)]
    for a in data["applicants"]:
        applied = s.applied(a["id"])
        variant = applied.variant_label()
        head = f"{a['id']}  {a['name']}  {a['rubric']}"
        head += f"  ({variant})" if variant else ""
        head += f"  {tr('category')}: {a['category']}"
        lines.append("")
        lines.append(head)
        over = {(o["material"], o["file"]): o for o in a["over_limit"]}
        rows = []
        present: dict[str, list[dict]] = {}
        for e in a["present"]:
            present.setdefault(e["material"], []).append(e)
        for name in dict.fromkeys(m.name for m in applied.materials):  # the rubric's order
            if name not in present:
                rows.append((f"  ✗ {name}", tr("missing")))
            for e in present.get(name, []):
                if not e["exists"]:
                    state = tr("file missing")
                elif e["damaged"]:
                    state = tr("damaged")
                elif e["pages"] == 1:
                    state = tr("1 page")
                else:
                    state = tr("{n} pages").format(n=e["pages"])
                o = over.get((e["material"], e["file"]))
                if o:
                    state += "  " + tr("over the limit of {max} pages").format(max=o["max_pages"])
                mark = "✓" if e["exists"] and not e["damaged"] and not o else "✗"
                rows.append((f"  {mark} {name}", f"{e['file']}  {state}"))
        for f in a["unmatched"]:
            rows.append((f"  ? {f}", tr("matches no material")))
        _aligned(rows, into=lines)
    v = data["verify"]
    lines.append("")
    if not any(v.values()):
        lines.append(tr("Files: all match the manifest"))
    else:
        for key, label in (("missing", tr("Missing files")), ("changed", tr("Changed files")),
                           ("added", tr("Added files"))):
            for path in v[key]:
                lines.append(f"✗ {label}: {path}")
    return lines


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _aligned(rows: list[tuple[str, str]], *, into: list[str] | None = None) -> None:
    """Two columns lined up (wide CJK characters count double); printed, or appended to `into`."""
    if not rows:
        return
    w = max(_width(k) for k, _ in rows)
    for k, v in rows:
        line = f"{k}{' ' * (w - _width(k))}  {v}".rstrip()
        if into is None:
            out(line)
        else:
            into.append(line)
