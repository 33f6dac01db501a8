"""The `panelreview` command: parse, call one core function, print.

One module per command group (`rubric`, `demo`, `session`, `scores`,
`merge` for merge/inspect/export, `sheets` for sheet/report), each with a
`register(subparsers)` that adds its parsers and sets `handler=` on each;
they are imported here by name so that PyInstaller bundles every one.
What they share is in `output` (printing) and `arguments` (KEY=VALUE
options, usage errors), which import nothing of this package: no cycle.
This package is the only part of `app/` that prints.

Every command prints sentences in the current language (Chinese unless
PANELREVIEW_LANG=en or --lang en). Exit status:

- 0: done.
- 1: problems found and named: each problem is a sentence on stderr naming
  its file, row or field (`rubric check` prints its findings on stdout, as
  its report).
- 2: usage: an unknown command, a missing or malformed argument, a KEY
  given two different values, nothing asked for (`export`, `report`).
- 130: interrupted (Ctrl+C).
- 141: stdout was closed early (`panelreview ... | head`): the rest of the
  output is dropped quietly, and the status is the one a shell reports for
  a program stopped by SIGPIPE, so a `set -o pipefail` script still sees
  that not everything was read.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from app import __version__, files, i18n
from app.cli import demo, intake, merge, panel, recheck, rubric, scores, session, sheets, upward
from app.cli.arguments import PairsAction, UsageError, parse_pairs
from app.cli.output import (DEFAULT_PROBLEM_LIMIT, aligned, emit_json, err, out, print_table, problems,
                            set_problem_limit)
from app.errors import PanelReviewError
from app.i18n import tr

# The shared plumbing lives in output.py and arguments.py (the command modules import those, not this
# package, so nothing imports in a circle); it is named here too, as the command line's own vocabulary.
__all__ = ["main", "run", "build_parser", "out", "err", "emit_json", "print_table", "aligned", "problems",
           "parse_pairs", "PairsAction", "UsageError"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each leaf parser's `handler` default is the function that runs it."""
    p = argparse.ArgumentParser(prog="panelreview", description=tr("Expert review panels: rubrics, scores, merge, sheets."))
    p.add_argument("--version", action="version", version=f"PanelReview {__version__}")
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=tr("language of messages (default: Chinese)"))
    p.add_argument("--all-problems", action="store_true",
                   help=tr("print every problem found, not only the first {n}").format(n=DEFAULT_PROBLEM_LIMIT))
    sub = p.add_subparsers(dest="group", metavar="COMMAND")
    for module in (rubric, demo, session, scores, merge, sheets, intake, panel, upward, recheck):
        module.register(sub)
    return p


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; its exit status (argparse exits 2 itself on a usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    set_problem_limit(None if args.all_problems else DEFAULT_PROBLEM_LIMIT)
    handler = getattr(args, "handler", None)
    if handler is None:  # `panelreview` alone
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except UsageError as exc:
        getattr(args, "parser", parser).error(str(exc))
    except PanelReviewError as exc:
        return problems(exc)
    except BrokenPipeError:
        raise  # main() ends quietly
    except OSError as exc:  # a read-only or full disk met below a command: a sentence, not a traceback
        return problems(files.storage_error(exc))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """The `panelreview` entry point: run(), and end quietly when whoever reads stdout stops reading."""
    try:
        code = run(argv)
        sys.stdout.flush()  # inside the try: a closed pipe often shows only here
    except BrokenPipeError:
        # As the Python docs advise: point stdout at devnull so the flush at exit raises nothing.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (tests capture it)
            pass
        return EXIT_BROKEN_PIPE
    return code


if __name__ == "__main__":
    sys.exit(main())
