"""`panelreview session create|info`: parse, call app.session, print."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app import session as session_core
from app.cli.arguments import PairsAction
from app.cli.output import aligned, emit_json, err, out, problems
from app.errors import PanelReviewError
from app.i18n import tr


def register(sub: Any) -> None:
    """Add `session create` and `session info` to `sub`."""
    p = sub.add_parser("session", help=tr("create and inspect review sessions"))
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True)

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
    c.add_argument("--quota", action=PairsAction, metavar="CATEGORY=N",
                   help=tr("how many of a category may be chosen; A+B=N for several together, TIER:CATEGORY=N "
                           "for a tier, …=N/R for R on the reserve list"))
    c.add_argument("--setting", action=PairsAction, metavar="KEY=VALUE",
                   help=tr("a rule the documents leave to the secretary (see docs/rules.md), e.g. "
                           "min_experts=5, recommendation_rule=majority, field_inspection=none"))
    c.add_argument("--method", choices=session_core.METHODS, default="mean",
                   help=tr("how the experts' scores are combined (default: mean)"))
    c.add_argument("--rubrics", type=Path, default=None, help=tr("folder of rubric files"))
    c.set_defaults(handler=session_create)

    i = ssub.add_parser("info", help=tr("show a session's applicants, materials and file check"))
    i.add_argument("dir", type=Path, metavar="DIR", help=tr("session folder"))
    i.add_argument("--json", action="store_true", help=tr("print JSON"))
    i.set_defaults(handler=session_info)


def session_create(args: argparse.Namespace) -> int:
    """Create the session folder and print what went into it; 0, or 1 naming every bad row."""
    try:
        s = session_core.create(args.out_dir, title=args.title, applicants=args.applicants, experts=args.experts,
                                materials=args.materials, date=args.date, quotas=args.quota, method=args.method,
                                rubrics=args.rubrics, settings={k: _value(k, v) for k, v in args.setting.items()})
    except PanelReviewError as exc:
        return problems(exc, indent="  ")
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
    rows += _rules_rows(s)
    for line in aligned(rows):
        out(line)
    if missing:
        out(tr("{count} required materials are missing; see: panelreview session info {path}")
            .format(count=missing, path=s.path))
    for w in s.warnings:  # e.g. a name with a character no bundled font prints
        err(tr("warning: {sentence}").format(sentence=w.text()))
    return 0


def _value(key: str, text: str) -> Any:
    """A setting's value as typed: a word, or for a numeric setting a number or "none" (not set)."""
    default = session_core.DEFAULT_SETTINGS.get(key)
    if isinstance(default, str):
        return text.strip()
    if text.strip().lower() in ("none", ""):
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text.strip()


def _rules_rows(s: session_core.Session) -> list[tuple[str, str]]:
    rows = [(tr("quotas"), ", ".join(q.text() for q in s.quota_groups))] if s.quota_groups else []
    changed = {k: v for k, v in s.settings.items() if k != "method" and v != session_core.DEFAULT_SETTINGS.get(k)}
    if changed:
        rows.append((tr("settings"), ", ".join(f"{k}={v}" for k, v in changed.items())))
    return rows


def session_info(args: argparse.Namespace) -> int:
    """The session's applicants, materials and file check (or JSON); 0, or 1 when it cannot be read."""
    try:
        s = session_core.open_session(args.dir)
        data = s.info()
    except PanelReviewError as exc:
        return problems(exc, indent="  ")
    if args.json:
        emit_json(data)
        return 0
    for line in info_lines(s, data):
        out(line)
    return 0


def info_lines(s: session_core.Session, data: dict[str, Any]) -> list[str]:
    """The human `session info`: one block per applicant, ✓ present, ✗ missing, ? unmatched."""
    lines = [f"{s.title}  {s.date}  [{s.id}]", str(s.path)] + aligned(_rules_rows(s))
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
        lines.extend(aligned(rows))
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

