"""`panelreview demo [OUT_DIR]`: write the demo session."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import out
from app.i18n import tr


def register(sub: Any) -> None:
    """Add `demo` to `sub`."""
    dm = sub.add_parser("demo", help=tr("write the demo session (fictional applicants, scanned materials)"))
    dm.add_argument("out", nargs="?", type=Path, metavar="OUT_DIR",
                    help=tr("a new folder (default: the demo session in the data folder)"))
    dm.add_argument("--chongqing", action="store_true",
                    help=tr("the Chongqing demo (grades, tiers and reserve lists) instead of the Longgang one"))
    dm.set_defaults(handler=demo_build)


def demo_build(args: argparse.Namespace) -> int:
    """Build the demo session in OUT_DIR (or the data folder) and print where; 0."""
    # Imported here: it brings in PyMuPDF, a tenth of a second every other command need not wait for.
    from app import demo as demo_core

    name = "chongqing" if args.chongqing else "longgang"
    sess = demo_core.build(args.out, source=demo_core.source(name)) if args.out else demo_core.ensure(name=name)
    out(tr("demo session ready: {path}").format(path=sess.path))
    return 0
